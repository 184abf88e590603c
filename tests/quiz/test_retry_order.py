"""A missed question asked again shows its options in a new order, the right one elsewhere.

Before, a retry came back exactly as first shown, with the place of "✓ the right answer" still fresh: the
learner could answer it by position, and the retry tested the place, not the fact.
"""

from __future__ import annotations

import random

import pytest

from db.learners import ensure_learner
from quiz.generate import generate
from quiz.questions import Kind
from quiz.session import REORDERED_AGAIN, QuizSession, reordered


def _first_choice(pack) -> str:
    return next(q.id for q in generate(pack, 0) if q.kind == Kind.CHOICE and len(q.choices) >= 3)


def test_a_missed_choice_comes_back_with_its_key_elsewhere(db, bundled_pack):
    learner = ensure_learner(db)
    qid = _first_choice(bundled_pack)
    other = next(q.id for q in generate(bundled_pack, 0) if q.kind == Kind.TRUEFALSE)
    session = QuizSession.start(db, learner, bundled_pack, "custom", question_ids=[qid, other])
    first = session.current
    assert first.id == qid
    wrong = next(c for c in first.choices if c != first.answer)
    session.submit(wrong, 800)
    session.submit(session.current.answer, 800)
    again = session.current
    assert session.is_retry and again.id == qid
    assert sorted(again.choices) == sorted(first.choices), "the same options"
    assert again.choices.index(again.answer) != first.choices.index(first.answer), "the key has moved"
    resumed = QuizSession.resume(db, learner, bundled_pack)
    assert resumed is not None and resumed.current.choices == again.choices, "the same order after a restart"
    assert session.submit(again.answer, 800).correct


def test_a_first_asking_keeps_the_generated_order(db, bundled_pack):
    learner = ensure_learner(db)
    qid = _first_choice(bundled_pack)
    session = QuizSession.start(db, learner, bundled_pack, "custom", question_ids=[qid])
    assert session.current.choices == next(q for q in generate(bundled_pack, session.state.seed) if q.id == qid).choices


@pytest.mark.parametrize("seed", range(5))
def test_every_reordered_question_keeps_its_options_and_moves_its_keys(bundled_pack, seed):
    rng = random.Random(seed)
    questions = [q for q in generate(bundled_pack, seed) if q.kind in REORDERED_AGAIN and len(q.choices) >= 2]
    assert {q.kind for q in questions} >= {Kind.CHOICE, Kind.MULTI}
    for question in questions:
        order = reordered(question, rng)
        assert sorted(order) == sorted(question.choices), question.id
        if question.kind == Kind.ORDER:
            assert list(order) != list(question.answers), f"{question.id}: not handed over solved"
        keys = [question.answer] if question.kind in (Kind.CHOICE, Kind.SCENARIO) else (
            list(question.answers) if question.kind == Kind.MULTI else [])
        if len(question.choices) > len(keys) or question.kind == Kind.MATCHING:
            assert order != question.choices, question.id
        for key in keys:
            assert order.index(key) != question.choices.index(key), f"{question.id}: {key} kept its place"
