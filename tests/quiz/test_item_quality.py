"""Item-quality lint: the multiple-choice item-writing guidelines, checked on every pack we ship or test with.

A learner who has not read the briefing must not be able to pick keys from
the wording; sessions must not be answerable by pressing "True"; stems must
read as English for any pack, including one whose tables are rows of proper
nouns (a pack the generator was not tuned for).
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from content.loader import load_pack
from quiz.exam_code import ExamSpec
from quiz.generate import generate
from quiz.plan import balanced, compose, exam_ranking, family_key, practice_plan
from quiz.questions import Kind
from quiz.wording import awkward, gives_away
from tests_support import BUNDLED, DATA

PROPER_NOUNS = """
[pack]
id = "chip-plants"
title = "Chip plants in the United States"
language = "en"
format_version = 3
source_title = "Chip makers expand in the United States"
source_file = "source.txt"

[[outlets]]
id = "wire"
name = "Tech Wire"

[[outlets]]
id = "ledger"
name = "Valley Ledger"

[[topics]]
id = "plants"
title = "The plants"

[[topics]]
id = "money"
title = "Awards"

[[sections]]
id = "intro"
title = "Who builds where"
topic = "plants"
figures = ["tsmc-award", "intel-award", "samsung-award"]
body = "Three chip makers build plants in the United States."

[[figures]]
id = "tsmc-award"
label = "TSMC's expected CHIPS award"
amount = 6.6
unit = "billion USD"
approximate = false
outlet = "wire"
chart_group = "awards"
topic = "money"
quote = "Tech Wire reported that TSMC expects a CHIPS award of $6.6 billion for its Arizona plant."

[[figures]]
id = "intel-award"
label = "Intel's expected CHIPS award"
amount = 8.5
unit = "billion USD"
approximate = false
outlet = "ledger"
chart_group = "awards"
topic = "money"
quote = "The Valley Ledger said Intel expects $8.5 billion for its Ohio site."

[[figures]]
id = "samsung-award"
label = "Samsung's expected CHIPS award"
amount = 100
unit = "billion USD"
approximate = false
bound = "more than"
outlet = "wire"
chart_group = "awards"
topic = "money"
quote = "Tech Wire added that Samsung plans more than $100 billion of spending in Texas."

[[tables]]
id = "plant-table"
title = "Plants by company"
row_header = "Company"
columns = ["Location", "State"]
topic = "plants"

[[tables.rows]]
id = "tsmc"
label = "TSMC"
cells = ["Phoenix", "Arizona"]

[[tables.rows]]
id = "intel"
label = "Intel"
cells = ["New Albany", "Ohio"]

[[tables.rows]]
id = "samsung"
label = "Samsung"
cells = ["Taylor", "Texas"]

[[milestones]]
id = "groundbreaking"
label = "Groundbreaking in Ohio"
when = "2022"
year = 2022
topic = "plants"
quote = "Intel broke ground in Ohio in 2022."

[[milestones]]
id = "first-wafers"
label = "First wafers in Arizona"
when = "2024"
year = 2024
topic = "plants"
quote = "TSMC produced its first wafers in Arizona in 2024."

[[milestones]]
id = "texas-output"
label = "Output in Texas"
when = "2026"
year = 2026
topic = "plants"
quote = "Samsung expects output in Texas in 2026."
"""

PROPER_NOUNS_SOURCE = """Chip makers expand in the United States

Tech Wire reported that TSMC expects a CHIPS award of $6.6 billion for its Arizona plant. The Valley Ledger said Intel \
expects $8.5 billion for its Ohio site. Tech Wire added that Samsung plans more than $100 billion of spending in Texas.

Company Location State
TSMC Phoenix Arizona
Intel New Albany Ohio
Samsung Taylor Texas

Intel broke ground in Ohio in 2022. TSMC produced its first wafers in Arizona in 2024. Samsung expects output in Texas \
in 2026.
"""


@pytest.fixture(scope="module")
def proper_noun_pack(tmp_path_factory):
    folder = tmp_path_factory.mktemp("chip-plants")
    (folder / "pack.toml").write_text(PROPER_NOUNS, encoding="utf-8")
    (folder / "source.txt").write_text(PROPER_NOUNS_SOURCE, encoding="utf-8")
    return folder


def _packs(proper_noun_pack: Path) -> list[Path]:
    return [BUNDLED, DATA / "minimal", DATA / "second_pack", DATA / "hostile", proper_noun_pack,
            *sorted(p.parent for p in DATA.glob("*/pack.toml") if p.parent.name not in
                    ("minimal", "second_pack", "hostile"))]


@pytest.fixture(scope="module")
def banks(proper_noun_pack):
    packs = [load_pack(folder) for folder in _packs(proper_noun_pack)]
    return {pack.id: generate(pack, "lint") for pack in packs}


def test_no_stem_gives_its_key_away(banks):
    for name, questions in banks.items():
        for q in questions:
            stem = f"{q.scenario} {q.prompt}"
            if q.kind in (Kind.CHOICE, Kind.SCENARIO, Kind.TEXT):
                cue = gives_away(stem, q.answer, also=q.accepted, distractors=[c for c in q.choices if c != q.answer])
                assert cue is None, f"{name} {q.id}: {cue}: {stem}"
            if q.kind == Kind.NUMERIC:
                assert not re.search(rf"(?<![\d.]){re.escape(q.answer)}(?![\d.])", stem.replace(",", "")), \
                    f"{name} {q.id}: the number is in the stem"


def _is_name(text: str) -> bool:
    """ "European Battery Finance Agency": names differ in length by nature, unlike sentences."""
    return all(w[:1].isupper() or w in ("of", "and", "the", "for") for w in text.split())


def test_the_longest_option_is_not_the_tell(banks):
    """Sentence options of about equal length: a key much longer than every distractor is a classic cue."""
    for name, questions in banks.items():
        sentences = [q for q in questions if q.kind in (Kind.CHOICE, Kind.SCENARIO) and len(q.choices) >= 3
                     and len(q.answer.split()) >= 4 and not _is_name(q.answer)]
        for q in sentences:
            longest_wrong = max(len(c) for c in q.choices if c != q.answer)
            assert len(q.answer) <= 1.25 * longest_wrong, f"{name} {q.id}: the key is the long one"
        if len(sentences) >= 8:  # the key visibly the longest (10% longer than any other) no more than by chance
            longest = sum(len(q.answer) > 1.1 * max(len(c) for c in q.choices if c != q.answer) for q in sentences)
            chance = sum(1 / len(q.choices) for q in sentences)
            assert longest <= 1.5 * chance + 1, f"{name}: the key is the longest option {longest} times in " \
                                                f"{len(sentences)} (chance: {chance:.0f})"


def _overlap(a: str, b: str) -> float:
    words_a, words_b = set(re.findall(r"\w+", a.lower())), set(re.findall(r"\w+", b.lower()))
    return len(words_a & words_b) / max(1, len(words_a | words_b))


def _twin_guess(q) -> float:
    """The test-wise learner's chance on ``q``: pick among the options most alike another option ("two
    options that contradict each other: one of them is the key")."""
    alike = {c: max(_overlap(c, d) for d in q.choices if d != c) for c in q.choices}
    top = [c for c in q.choices if alike[c] == max(alike.values())]
    return 1 / len(top) if q.answer in top else 0.0


def test_a_learner_who_has_not_read_gains_nothing_from_twin_options(banks):
    """Per kind of generated item with enough of them: picking the option that has a near twin among the
    others must do no better than chance. "Which of these statements does the article make?" offered the
    key beside its own misreading ("proposed by Takaichi" / "proposed by Abe"): 7 right of 15 by this rule
    alone, chance 3.8."""
    for name, questions in banks.items():
        by_kind: dict[str, list] = {}
        for q in questions:
            if q.kind in (Kind.CHOICE, Kind.SCENARIO) and len(q.choices) >= 3:
                by_kind.setdefault(q.id.split(":")[0], []).append(q)
        for kind, items in by_kind.items():
            if len(items) >= 8:
                guessed, chance = sum(map(_twin_guess, items)), sum(1 / len(q.choices) for q in items)
                assert guessed <= 1.5 * chance + 1, \
                    f"{name} {kind}: {guessed:.1f} of {len(items)} by twins alone (chance {chance:.1f})"


def test_which_statement_never_offers_the_keys_own_misreading(banks):
    """Each distractor misreads another fact, one per fact: no pair of options where one corrects the other."""
    packs = {pack.id: pack for pack in map(load_pack, (BUNDLED, DATA / "clean_cells"))}
    for pack_id, pack in packs.items():
        items = [q for q in banks[pack_id] if q.id.startswith("fact-choice:")]
        assert items, pack_id
        corrected_by = {wrong: fact.statement for fact in pack.facts for wrong in fact.misreadings}
        for q in items:
            wrong = [c for c in q.choices if c != q.answer]
            assert q.answer not in {corrected_by[w] for w in wrong}, q.id
            assert len({corrected_by[w] for w in wrong}) == len(wrong), q.id


def test_stems_read_as_english(banks):
    for name, questions in banks.items():
        for q in questions:
            for text in (q.prompt, q.explanation, *q.choices):
                assert awkward(text) is None, f"{name} {q.id}: {awkward(text)}: {text}"
            assert " the the " not in q.prompt.lower() and " ." not in q.prompt


def test_every_question_has_an_explanation_and_a_quote(banks):
    for name, questions in banks.items():
        for q in questions:
            assert q.explanation.strip(), f"{name} {q.id}"
            assert q.citations, f"{name} {q.id} cites nothing"


def test_proper_nouns_keep_their_case_and_tables_give_one_item(banks):
    questions = banks["chip-plants"]
    prompts = " ".join(q.prompt for q in questions)
    for name in ("Intel's expected CHIPS award", "TSMC's expected CHIPS award"):
        assert name in prompts
    assert "intel" not in prompts and "the Intel's" not in prompts and "tsmc" not in prompts
    matching = [q for q in questions if q.table == "plant-table"]
    assert {q.prompt for q in matching} == {"Plants by company: match each company to its location.",
                                            "Plants by company: match each company to its state."}
    samsung = [q for q in questions if q.facts == ("samsung-award",)]
    assert not any(q.kind == Kind.NUMERIC for q in samsung)
    assert any(q.answer == "more than $100 billion" for q in samsung)
    assert any(q.kind == Kind.ORDER for q in questions)


def test_practice_sessions_interleave_and_balance(banks):
    for name, questions in banks.items():
        sessions = practice_plan(questions, count=40, session_length=20, seed="lint")
        asked = [q for session in sessions for q in session]
        facts = [f for q in asked for f in q.facts]
        assert len(facts) == len(set(facts)), f"{name}: a fact (or a true/false mirror) asked twice"
        for session in sessions:
            assert balanced(session), f"{name}: true/false share out of 40–60%"
            quoted = [k for q in session for k in family_key(q)]
            assert len(quoted) == len(set(quoted)), f"{name}: one sentence quoted by two questions of a session"
        topics = {q.topic for q in questions}
        if len(topics) >= 3:
            runs = [len(list(group)) for _, group in itertools.groupby(q.topic for q in asked)]
            assert max(runs) <= 2, f"{name}: a topic {max(runs)} times in a row"


def test_exams_balance_true_false_for_every_code(banks):
    questions = banks["sanaenomics"]
    for seed in range(60):
        spec = ExamSpec(seed, 20, 0)
        exam = compose(questions, length=spec.count, ranked=exam_ranking(questions, spec.seed), seed=spec.seed)
        assert balanced(exam), seed
        facts = [f for q in exam for f in family_key(q)]
        assert len(facts) == len(set(facts)), seed


@pytest.mark.parametrize("pack_dir", [BUNDLED, DATA / "japanese_pack"], ids=lambda p: p.name)
def test_a_corrected_statement_has_no_empty_why(pack_dir):
    """Feedback shows the correction on its own row ("What the article says"); what is left of the
    explanation is the "Why" row. A false statement's explanation only introduced the correction
    ("What the article says:", "記事に書かれているのは次のとおりです："): shown, it was a "Why" row
    ending in a colon with nothing after it, in both languages."""
    corrected = [q for q in generate(load_pack(pack_dir), 0) if q.correction]
    assert corrected
    for q in corrected:
        why = q.explanation_after_verdict
        assert not why.rstrip().endswith((":", "：")), (q.id, why)
        assert q.correction not in why, q.id
