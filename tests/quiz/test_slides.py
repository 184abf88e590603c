"""Presenter slides: every figure once, every question once, answers held back and sourced."""

from __future__ import annotations

import re

import pytest

from quiz.generate import generate, stated_amount
from quiz.phrases import language_code
from quiz.slides import choose_questions, deck, figure_slides, question_slide
from tests_support import DATA


def test_deck_is_title_then_every_question_with_every_figure_once(bundled_pack):
    questions = generate(bundled_pack, 0)
    slides = deck(bundled_pack, questions)
    assert slides[0].kind == "title" and slides[0].main == bundled_pack.meta.title
    figures = [s for s in slides if s.kind == "figure"]
    assert sorted(s.main for s in figures) == sorted(f.display for f in bundled_pack.figures)
    assert [s.main for s in slides if s.kind == "question"] == [q.prompt for q in questions]
    assert slides[1:] == [s for s in slides[1:] if s.kind in ("figure", "question")]
    assert [s.main for s in deck(bundled_pack, questions, figures=False)[1:]] == [q.prompt for q in questions]


def _keys(question):
    """What the room says or picks: a figure slide shown before the question must not say it."""
    if question.kind == "multi":
        return list(question.answers)
    return [question.answer] if question.kind in ("choice", "scenario", "text", "numeric") else []


def _says(slide, key):
    shown = " ".join((slide.lead, slide.main, *slide.lines, slide.answer, slide.source))
    return re.search(r"(?<![0-9A-Za-z])(?<![0-9][.,])" + re.escape(key) + r"(?![0-9A-Za-z]|[.,][0-9])", shown,
                     re.IGNORECASE) is not None


@pytest.mark.parametrize("folder", [None, "clean_cells", "second_pack", "japanese_pack"])
@pytest.mark.parametrize("room", [True, False], ids=["room", "every-question"])
def test_no_figure_slide_gives_away_the_answer_of_a_question_that_comes_after_it(bundled_pack, folder, room):
    """A figure's slide shows its amount and, revealed, its outlet and quote: the answer to "What figure does
    Nikkei give…?" and "Who gives … as ~$2.3 trillion?". The deck showed every figure first, so the room read
    each answer just before it was asked (fails on the old code)."""
    from content.loader import load_pack

    pack = bundled_pack if folder is None else load_pack(DATA / folder)
    questions = generate(pack, 0)
    if room:  # what presenter mode shows by default: one variant per fact
        questions = choose_questions(questions)
    slides = deck(pack, questions)
    figure_ids = {f.id for f in pack.figures}
    asked = iter(questions)
    shown_figures: list = []
    for slide in slides:
        if slide.kind == "figure":
            shown_figures.append(slide)
        if slide.kind != "question":
            continue
        question = next(asked)
        assert slide.main == question.prompt
        own = {stated_amount(language_code(pack.meta.language), pack.figure(fact))
               for fact in question.facts if fact in figure_ids}
        for earlier in shown_figures:
            assert earlier.main not in own, f"{question.id}: its figure {earlier.main} was shown before it"
            for key in _keys(question):
                assert not _says(earlier, key), f"{question.id}: {key!r} was on the figure slide {earlier.main}"
    assert len(shown_figures) == len(pack.figures)  # every figure still shown, after the questions it answers


def test_figure_slide_names_the_outlet_and_quotes_the_article(bundled_pack):
    by_amount = {s.main: s for s in figure_slides(bundled_pack)}
    nikkei = by_amount["~$2.3 trillion"]
    assert nikkei.answer == "Reported by Nikkei"
    assert nikkei.source.endswith("” — Nikkei") and "$2.3 trillion" in nikkei.source
    assert by_amount["~$2 trillion"].answer == "Reported by NHK"
    unnamed = by_amount["~$65 billion"]
    assert unnamed.answer == "Stated in the article" and unnamed.source.endswith("— the article")
    for slide in by_amount.values():  # every revealed quote is verbatim article text
        quote = slide.source[1:slide.source.rindex("”")]
        assert quote in bundled_pack.source_text


def test_question_slides_letter_the_options_and_hold_back_the_answer(bundled_pack):
    questions = generate(bundled_pack, 0)
    choice = next(q for q in questions if q.kind == "choice")
    slide = question_slide(choice, "Topic")
    letter = "ABCD"[choice.choices.index(choice.answer)]
    assert slide.lines == tuple(f"{'ABCD'[i]}. {c}" for i, c in enumerate(choice.choices))
    assert slide.answer == f"{letter}. {choice.answer}"
    assert choice.answer not in slide.main

    matching = next(q for q in questions if q.kind == "matching")
    slide = question_slide(matching, "Topic")
    lefts = [line for line in slide.lines if line[0].isdigit()]
    rights = [line[3:] for line in slide.lines if line[0].isalpha()]
    assert rights == sorted(r for _, r in matching.pairs)  # not in answer order
    assert len(lefts) == len(matching.pairs)
    for number, (left, right) in enumerate(matching.pairs, start=1):
        assert f"{number}. {left}" in lefts
        assert f"{number} → {'ABCDEFGHIJ'[rights.index(right)]}. {right}" in slide.answer.splitlines()

    numeric = next(q for q in questions if q.kind == "numeric")
    assert question_slide(numeric, "Topic").answer.startswith(numeric.answer)


def test_a_numeric_slide_names_its_unit_once(bundled_pack):
    """Fails on the old code: "… Answer in trillions of US dollars." then again "Answer in trillion USD"."""
    from dataclasses import replace

    numeric = [q for q in generate(bundled_pack, 0) if q.kind == "numeric" and q.unit]
    assert numeric
    for question in numeric:
        slide = question_slide(question, "Topic")
        assert "Answer in" in slide.main and not any("Answer in" in line for line in slide.lines), slide.lines
    written = replace(numeric[0], prompt="How much is invested by 2040?")  # a pack's own prompt, no unit
    assert question_slide(written, "Topic").lines == (f"Answer in {numeric[0].unit}",)
    unitless = replace(numeric[0], prompt="How many sectors?", unit="")
    assert question_slide(unitless, "Topic").lines == ("Give a number",)


def test_slides_for_the_new_kinds_reveal_the_answer_the_way_the_room_saw_it(bundled_pack):
    by_kind = {}
    for question in generate(bundled_pack, 0):
        by_kind.setdefault(question.kind, question)

    scenario = by_kind["scenario"]
    slide = question_slide(scenario, "Topic")
    assert slide.lead == f"Scenario: {scenario.scenario}" and slide.main == scenario.prompt
    assert slide.lines == tuple(f"{'ABCD'[i]}. {c}" for i, c in enumerate(scenario.choices))
    assert slide.answer == f"{'ABCD'[scenario.choices.index(scenario.answer)]}. {scenario.answer}"

    multi = by_kind["multi"]
    slide = question_slide(multi, "Topic")
    assert slide.lines[:len(multi.choices)] == tuple(f"{'ABCDE'[i]}. {c}" for i, c in enumerate(multi.choices))
    assert slide.answer.splitlines() == [f"{'ABCDE'[i]}. {c}" for i, c in enumerate(multi.choices)
                                         if c in multi.answers]
    assert len(slide.answer.splitlines()) == len(multi.answers) >= 2

    order = by_kind["order"]
    slide = question_slide(order, "Topic")
    assert slide.lines == tuple(f"{'ABCD'[i]}. {c}" for i, c in enumerate(order.choices))  # shuffled, lettered
    assert slide.answer.splitlines() == [f"{n}. {'ABCD'[order.choices.index(item)]}. {item}"
                                         for n, item in enumerate(order.answers, 1)]

    classify = by_kind["classify"]
    slide = question_slide(classify, "Topic")
    statements = [line.split(". ", 1)[1] for line in slide.lines[:-1]]
    assert statements == [s for s, _ in classify.pairs]
    assert slide.lines[-1] == "Categories: " + " · ".join(classify.choices)
    groups = dict(line.split(": ", 1) for line in slide.answer.splitlines())
    assert list(groups) == list(classify.choices)
    for category, numbers in groups.items():
        assert [statements[int(n) - 1] for n in numbers.split(", ")] == [s for s, c in classify.pairs if c == category]
    for slide in (question_slide(by_kind[k], "Topic") for k in ("scenario", "multi", "order", "classify")):
        assert slide.answer and slide.source.startswith("“")
        assert slide.answer not in slide.main


def test_second_pack_deck(tmp_path):
    from content.loader import load_pack

    pack = load_pack(DATA / "second_pack")
    slides = deck(pack, generate(pack, 0), figures=True)
    assert {s.main for s in slides if s.kind == "figure"} == {f.display for f in pack.figures}
    assert all(s.source for s in slides if s.kind != "title")
