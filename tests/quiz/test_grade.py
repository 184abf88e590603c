"""Grading as a learner would expect it."""

from __future__ import annotations

import pytest

from quiz.grade import grade
from quiz.numbers import parse_amount
from quiz.questions import QuizQuestion


def _q(**kw) -> QuizQuestion:
    base = {"id": "q", "kind": "numeric", "prompt": "p", "topic": "t", "answer": "65", "quote": "q", "facts": ()}
    return QuizQuestion(**{**base, **kw})


@pytest.mark.parametrize("typed", ["65", "65 billion", "$65B", "65bn", "$65 bn", "0.065 trillion", "65,000 million",
                                   "US$65b", "  65  "])
def test_numeric_answers_in_many_spellings(typed):
    assert grade(_q(unit="billion USD", tolerance=0.05), typed).correct


@pytest.mark.parametrize("typed", ["60", "65 trillion", "65 million", "sixty-five", "", "$"])
def test_wrong_or_unreadable_numbers(typed):
    result = grade(_q(unit="billion USD", tolerance=0.05), typed)
    assert not result.correct and result.verdict == "Not correct"


def test_tolerance_only_for_approximate_figures():
    assert grade(_q(unit="billion USD", tolerance=0.05), "67").correct  # within 5%
    assert not grade(_q(unit="billion USD", tolerance=0.0), "66").correct
    assert parse_amount("2.3 trillion", "trillion USD") == pytest.approx(2.3)
    assert parse_amount("2300 billion", "trillion USD") == pytest.approx(2.3)


def test_text_ignores_case_punctuation_and_articles():
    q = _q(kind="text", answer="Diet", accepted=("The Diet",))
    for typed in ("diet", "DIET.", " the Diet ", "Diet!"):
        assert grade(q, typed).correct
    assert not grade(q, "Senate").correct


def test_matching_gives_partial_credit_per_pair():
    q = _q(kind="matching", answer="", pairs=(("Abenomics", "Quantity"), ("Sanaenomics", "Quality")))
    full = grade(q, {"Abenomics": "Quantity", "Sanaenomics": "Quality"})
    half = grade(q, {"Abenomics": "Quantity", "Sanaenomics": None})
    assert full.correct and full.score == 1.0
    assert not half.correct and half.score == 0.5 and half.verdict == "Partly correct"
    assert [p.correct for p in half.pairs] == [True, False]


def test_matching_cannot_use_one_option_twice():
    q = _q(kind="matching", answer="", pairs=(("Abenomics", "Quantity"), ("Sanaenomics", "Quality")))
    doubled = grade(q, {"Abenomics": "Quantity", "Sanaenomics": "Quantity"})
    assert doubled.score == 0 and not doubled.correct and "one row only" in doubled.note
    # no row counts as right, the one where the repeated option belongs included: the verdict said
    # "3 of 4 right" over rows marked ✗ ✗ ✓ ✓ (found by trying the app as a new user)
    assert [p.correct for p in doubled.pairs] == [False, False]
    assert [p.repeated for p in doubled.pairs] == [True, True]


def test_the_count_of_right_rows_is_the_credit_given():
    q = _q(kind="matching", answer="", pairs=(("a", "1"), ("b", "2"), ("c", "3"), ("d", "4")))
    result = grade(q, {"a": "1", "b": "1", "c": "3", "d": "4"})
    assert sum(p.correct for p in result.pairs) == result.score * 4 == 2


def test_classify_may_put_several_statements_in_one_category():
    q = _q(kind="classify", answer="", choices=("A", "B"), pairs=(("x", "A"), ("y", "A"), ("z", "B")))
    assert grade(q, {"x": "A", "y": "A", "z": "B"}).correct
    partly = grade(q, {"x": "A", "y": "B", "z": "B"})
    assert partly.score == pytest.approx(2 / 3) and partly.verdict == "Partly correct"


def test_select_all_credits_right_ticks_minus_wrong_ones():
    q = _q(kind="multi", answer="", choices=("a", "b", "c", "d"), answers=("a", "b"))
    assert grade(q, ["b", "a"]).correct
    assert grade(q, ["a"]).score == 0.5
    assert grade(q, ["a", "c"]).score == 0.0  # one right, one wrong: ticking everything never pays
    assert grade(q, ["a", "b", "c", "d"]).score == 0.0


def test_ordering_credits_each_item_in_its_place():
    q = _q(kind="order", answer="", answers=("first", "second", "third"), choices=("third", "first", "second"))
    assert grade(q, ["first", "second", "third"]).correct
    swapped = grade(q, ["first", "third", "second"])
    assert swapped.score == pytest.approx(1 / 3) and [p.correct for p in swapped.pairs] == [True, False, False]


@pytest.mark.parametrize("typed", ["2.3 trillion yen", "¥2.3T", "65 euros", "£65bn"])
def test_another_currency_is_wrong_with_the_reason(typed):
    result = grade(_q(unit="billion USD", tolerance=0.05, answer="65"), typed)
    assert not result.correct and "another currency" in result.note


def test_text_accepts_the_packs_alternatives():
    q = _q(kind="text", answer="Technological sovereignty", accepted=("tech sovereignty",))
    assert grade(q, "Tech Sovereignty").correct and not grade(q, "sovereignty").correct


def test_choice_and_truefalse():
    choice = _q(kind="choice", answer="Nikkei", choices=("Nikkei", "NHK"))
    assert grade(choice, "Nikkei").correct and not grade(choice, "NHK").correct
    tf = _q(kind="truefalse", answer="false")
    assert grade(tf, "False").correct and grade(tf, "f").correct and not grade(tf, "true").correct
