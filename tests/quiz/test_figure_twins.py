"""Figures a question cannot tell apart never give questions that contradict each other.

A tester gave the minimal pack a second "Trees" figure (same source, same year, 301 instead of 300):
``check`` said OK and the quiz asked "Widgets Weekly gives the trees (2030) as 301 trees" once keyed
true and once keyed false, and "What figure does Widgets Weekly give for the trees (2030)?" twice with
two different answers. Such figures are now named by ``check`` and asked only what has one answer.
"""

from __future__ import annotations

from collections import defaultdict

import pytest
from pack_edits import twin_pack

from content.loader import load_pack
from quiz.generate import generate, notes

SEEDS = range(6)

def _keys_by_prompt(questions) -> dict[tuple[str, tuple[str, ...]], set[str]]:
    keys: dict[tuple[str, tuple[str, ...]], set[str]] = defaultdict(set)
    for q in questions:
        keys[q.prompt, tuple(sorted(q.choices))].add(q.answer)
    return keys


@pytest.fixture
def pack(tmp_path):
    return load_pack(twin_pack(tmp_path / "twins"))


def test_no_question_is_keyed_two_ways_and_none_asks_the_twins_amount(pack):
    for seed in SEEDS:
        questions = generate(pack, seed)
        contradicting = {p: k for p, k in _keys_by_prompt(questions).items() if len(k) > 1}
        assert not contradicting  # failed on the old code: the 301 statement was keyed true and false
        ids = {q.id for q in questions}
        for figure in ("trees", "trees-revised"):
            assert f"figure-number:{figure}" not in ids and f"figure-amount:{figure}" not in ids
            # Each is still asked as the article states it, and by its quote.
            assert f"figure-tf:{figure}:true" in ids and f"cloze-outlet:{figure}" in ids
        false = [q for q in questions if q.kind == "truefalse" and q.answer == "false"]
        assert not any("300 trees" in q.prompt or "301 trees" in q.prompt for q in false)


def test_a_false_statement_swaps_in_an_amount_no_twin_states(tmp_path):
    pack = load_pack(twin_pack(tmp_path / "twins", ("saplings", "Saplings", 290, "widgets-weekly",
                                                     "Widgets Weekly also counts 290 saplings by 2030.")))
    for seed in SEEDS:
        items = {q.id: q for q in generate(pack, seed)}
        # 301 is the nearest amount to 300, but Widgets Weekly gives the trees (2030) as 301 too.
        assert "290 trees" in items["figure-tf:trees:false"].prompt
        assert "290 trees" in items["figure-tf:trees-revised:false"].prompt
        # Saplings have no twin: asked for their amount, among amounts that are not saplings.
        number = items["figure-number:saplings"]
        assert number.answer == "290"


def test_a_source_question_never_offers_another_outlet_that_gives_the_same_amount(tmp_path):
    pack = load_pack(twin_pack(tmp_path / "twins", ("gazette-trees", "Trees", 300, "gazette",
                                                     "The Town Gazette agrees: 300 trees by 2030.")))
    for seed in SEEDS:
        items = {q.id: q for q in generate(pack, seed)}
        asked = items["figure-source:trees"]
        assert "as 300 trees" in asked.prompt and asked.answer == "Widgets Weekly"
        assert "Town Gazette" not in asked.choices  # it gives the trees (2030) as 300 trees as well
        assert "Widgets Weekly" not in items["figure-source:gazette-trees"].choices


def test_the_same_figure_twice_asks_its_questions_once(tmp_path):
    pack = load_pack(twin_pack(tmp_path / "twins", ("trees-again", "Trees", 300, "widgets-weekly",
                                                     "Widgets Weekly repeats the plan: 300 trees by 2030.")))
    questions = generate(pack, 0)
    prompts = [q.prompt for q in questions]
    assert len(prompts) == len(set(prompts))
    assert [q.id for q in questions if "trees-again" in q.id] == ["cloze-outlet:trees-again"]


def test_check_names_the_figures_that_share_label_source_and_year(pack):
    (note,) = [n for n in notes(pack) if "share label" in n]
    assert "'trees' (300 trees)" in note and "'trees-revised' (301 trees)" in note
    assert "Widgets Weekly" in note and "2030" in note and "contradict" in note


def test_packs_without_twins_have_no_such_note(bundled_pack):
    assert not [n for n in notes(bundled_pack) if "share label" in n]


def test_a_note_names_a_few_of_many_twins_and_counts_the_rest(tmp_path):
    extra = [(f"trees-{n}", "Trees", 310 + n, "widgets-weekly", f"Widgets Weekly's estimate {n} is {310 + n} trees.")
             for n in range(6)]
    pack = load_pack(twin_pack(tmp_path / "twins", *extra))
    (note,) = [n for n in notes(pack) if "share label" in n]
    assert "'trees' (300 trees), 'trees-revised' (301 trees)" in note and "and 3 more share label" in note
    questions = generate(pack, 0)
    assert not [q for q in questions if q.id.startswith(("figure-number:", "figure-amount:"))]
    assert all(len(keys) == 1 for keys in _keys_by_prompt(questions).values())
