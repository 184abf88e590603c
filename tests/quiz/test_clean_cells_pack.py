"""The clean_cells pack: written from docs/pack-format.md alone, then its generated questions read as a learner.

tests/data/clean_cells is synthetic (an invented battery-fund article) with a table whose rows are proper
nouns, figures stated as bounds, two outlets disagreeing, term categories, misreadings and dated and
relative milestones. The later tests pin generator defects that review found, each as what a learner
meets (they failed before the generator was fixed).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections import Counter

import pytest

from content.loader import load_pack
from quiz.generate import generate
from quiz.plan import practice_plan
from quiz.questions import Kind
from tests_support import DATA, ROOT

PACK = DATA / "clean_cells"
QUALIFIER = re.compile(r"^(about|at least|at most|more than|less than|up to|~)\s*")


def _check(folder) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "check", str(folder)],
                          capture_output=True, text=True, timeout=60)


@pytest.fixture(scope="module")
def questions():
    return generate(load_pack(PACK), "review")


def test_the_pack_checks_clean_and_every_kind_of_record_gives_questions(questions):
    result = _check(PACK)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "11 figures" in result.stdout and "7 questions" in result.stdout
    prefixes = {q.id.split(":")[0] for q in questions}
    assert {"figure-amount", "figure-source", "term", "list-item", "table-match", "fact", "order",
            "authored"} <= prefixes


def test_bound_figures_are_asked_as_bounds_and_never_typed(questions):
    bound = {"bids-requested": "more than €19 billion", "second-round": "less than €3 billion",
             "local-content-share": "at least 40 percent", "clawback-share": "up to 30 percent"}
    for fact, shown in bound.items():
        asked = [q for q in questions if q.facts == (fact,)]
        assert not any(q.id.startswith("figure-number:") for q in asked), fact
        assert any(q.answer == shown for q in asked if q.id.startswith("figure-amount:")), fact


def test_a_subject_that_names_its_bound_is_not_asked_which_bound(questions):
    """ "What figure does Grid Weekly give for the upper estimate of…?" was answered by "upper": "up to 95 GWh".
    The figure is still asked, as a statement to judge."""
    asked = [q for q in questions if q.facts == ("capacity-grid-weekly",)]
    assert not any(q.kind == Kind.CHOICE and "up to 95 GWh" in q.choices for q in asked)
    assert any(q.kind == Kind.TRUEFALSE and q.prompt.endswith("as up to 95 GWh.") for q in asked)
    assert not any(q.kind == Kind.TRUEFALSE and q.answer == "false" for q in asked), "an upper estimate as a floor"
    assert "figure 'capacity-grid-weekly' (Upper estimate" in _check(PACK).stdout  # the author is told why


def test_a_required_share_is_not_asked_which_bound(questions):
    """ "…give for the recycled cobalt required in new cells?" pointed to "at least 16 percent": a required
    share is a floor. Still asked as a statement, never typed."""
    asked = [q for q in questions if q.facts == ("recycled-cobalt",)]
    assert not any(q.kind == Kind.CHOICE and "at least 16 percent" in q.choices for q in asked)
    assert not any(q.id.startswith("figure-number:") for q in asked)
    assert any(q.kind == Kind.TRUEFALSE and q.prompt.endswith("as at least 16 percent.") for q in asked)
    # "True or false: … the recycled cobalt required in new cells (2031) as at most 16 percent" was false on its
    # face: a requirement is a floor.
    assert not any(q.kind == Kind.TRUEFALSE and q.answer == "false" for q in asked)


def _same_amount(q) -> bool:
    return q.kind == Kind.CHOICE and len({QUALIFIER.sub("", c) for c in q.choices}) == 1 < len(q.choices)


@pytest.mark.parametrize("seed", ["review", 0, 7])
def test_among_one_amount_with_bounds_the_bare_amount_is_keyed_as_often_as_chance(seed):
    """Which bound the article gives ("more than €19 billion", "€19 billion", "less than €19 billion"): the key
    was always a bound, so a learner who had not read ruled the bare amount out and was right half the time.
    Some exact amounts are now asked among the same bounds; neither "never the bare amount" nor "always the
    bare amount" beats chance by much."""
    items = [q for q in generate(load_pack(PACK), seed) if _same_amount(q)]
    assert len(items) >= 6
    chance = sum(1 / len(q.choices) for q in items)
    bare = [q for q in items if not QUALIFIER.match(q.answer)]
    never_bare = sum(1 / (len(q.choices) - 1) for q in items if q not in bare)
    assert never_bare <= 1.2 * chance, (never_bare, chance)
    assert len(bare) <= 1.2 * chance, (len(bare), chance)
    for q in bare:  # and the bounds beside an exact amount are both false: never "at least" it
        assert all(c.startswith(("more than", "less than")) for c in q.choices if c != q.answer), q.choices


def test_the_repeated_amount_among_the_options_is_not_always_the_key():
    pack = load_pack(PACK)
    giveaways = []
    for seed in range(20):
        for q in generate(pack, str(seed)):
            if q.id.startswith("figure-amount:"):
                amounts = Counter(QUALIFIER.sub("", c) for c in q.choices)
                repeated = [a for a, n in amounts.items() if n > 1]
                # all options the same amount (a question about the bound) gives nothing away
                if len(amounts) > 1 and repeated == [QUALIFIER.sub("", q.answer)]:
                    giveaways.append((q.id, q.choices))
    assert not giveaways, giveaways[:3]


def test_no_wrong_option_is_implied_by_the_bound_in_the_key(questions):
    local = [q for q in questions if q.facts == ("local-content-share",)]
    amount = next(q for q in local if q.id.startswith("figure-amount:"))
    assert "at least 16 percent" not in amount.choices
    assert not any(q.answer == "false" and q.prompt.endswith("as at least 16 percent.") for q in local)


def test_amount_stems_read_as_english(questions):
    bad = [q.prompt for q in questions if re.match(r"How large is the (people|bids|size)\b", q.prompt)]
    assert not bad, bad


def test_a_new_learner_is_never_asked_the_same_fact_twice():
    pack = load_pack(PACK)
    repeats = []
    for seed in range(40):
        sessions = practice_plan(generate(pack, str(seed)), count=40, session_length=20, seed=str(seed))
        facts = Counter(f for session in sessions for q in session for f in q.facts)
        repeats += [(seed, f) for f, n in facts.items() if n > 1]
    assert not repeats, repeats[:5]


def test_one_session_never_asks_two_generated_questions_on_the_same_quote():
    pack = load_pack(PACK)
    doubled = []
    for seed in range(40):
        for session in practice_plan(generate(pack, str(seed)), count=40, session_length=20, seed=str(seed)):
            quotes = Counter(q.quote for q in session if q.quote and not q.id.startswith("authored:"))
            doubled += [(seed, quote) for quote, n in quotes.items() if n > 1]
    assert not doubled, doubled[:3]


def test_every_term_is_asked_or_check_says_why(questions):
    asked = {f for q in questions if not q.id.startswith("authored:") for f in q.facts}
    silent = [t.id for t in load_pack(PACK).terms if t.id not in asked]
    output = _check(PACK).stdout
    assert all(term in output for term in silent), silent


def test_every_dated_milestone_can_be_asked_in_order():
    pack = load_pack(PACK)
    ordered = {f for seed in range(20) for q in generate(pack, str(seed)) if q.id == "order:milestones"
               for f in q.facts}
    assert {"ms-applications", "ms-awards"} <= ordered


def test_a_milestone_with_a_year_but_no_order_is_not_put_last(tmp_path):
    folder = tmp_path / "clean_cells"
    shutil.copytree(PACK, folder)
    toml = folder / "pack.toml"
    text = toml.read_text(encoding="utf-8")
    toml.write_text(text.replace('when = "second half of 2027"\nyear = 2027\norder = 5\n',
                                 'when = "second half of 2027"\nyear = 2027\n'), encoding="utf-8")
    if _check(folder).returncode != 0:
        return  # refusing to mix `order` and `year` is a fine answer too
    for seed in range(10):
        question = next(q for q in generate(load_pack(folder), str(seed)) if q.id == "order:milestones")
        key = list(question.answers)
        # a year alone cannot be placed among ordered milestones: it is left out, never put last
        assert "First sodium-ion cells leave the Turin line" not in key
