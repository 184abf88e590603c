"""FSRS scheduling: ratings from answers, due-first practice, cards rebuildable from the log."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from db.learners import ensure_learner
from quiz import scheduler
from quiz.answers import record_answer


def _answer(db, learner, qid, correct, when, elapsed_ms=10_000, kind="choice"):
    return record_answer(db, learner_id=learner, pack_id="p", question_id=qid, response="x", correct=correct,
                         score=float(correct), elapsed_ms=elapsed_ms, mode="practice", session_id=None,
                         answered_at=when.isoformat(), kind=kind)


@pytest.mark.parametrize(("correct", "seconds", "kind", "rating"), [
    (False, 2, "choice", 1),  # wrong → Again, however fast
    (True, 40, "choice", 3),  # right → Good, however slow
    (True, 2, "truefalse", 3),  # a fast true/false is never Easy by speed alone (it may be a lucky guess)
    (True, 40, "matching", 3),
])
def test_rating_for_an_answer_comes_from_correctness_only(correct, seconds, kind, rating):
    assert scheduler.rating_for(correct, seconds * 1000, kind) == rating


def test_a_wrong_answer_comes_back_sooner_than_a_right_one(db):
    learner = ensure_learner(db)
    t0 = datetime(2026, 11, 1, 9, tzinfo=UTC)
    _answer(db, learner, "right", True, t0)
    _answer(db, learner, "wrong", False, t0)
    due = {r["question_id"]: datetime.fromisoformat(r["due"]) for r in db.query("SELECT * FROM cards")}
    assert due["wrong"] < due["right"]
    # repeated right answers push the next review further out
    first_gap = due["right"] - t0
    _answer(db, learner, "right", True, due["right"])
    (row,) = db.query("SELECT due, reviews FROM cards WHERE question_id = 'right'")
    assert datetime.fromisoformat(row["due"]) - due["right"] > first_gap
    assert row["reviews"] == 2


def test_review_queue_lists_due_cards_then_later_ones(db):
    learner = ensure_learner(db)
    t0 = datetime(2026, 11, 1, 9, tzinfo=UTC)
    _answer(db, learner, "due-early", False, t0)
    _answer(db, learner, "due-later", False, t0 + timedelta(minutes=5))
    _answer(db, learner, "not-due", True, t0, elapsed_ms=2000)
    due, later = scheduler.review_queue(db, learner, "p", now=t0 + timedelta(minutes=8))
    assert due == ["due-early", "due-later"] and later == ["not-due"]


def test_the_learners_own_rating_replays_the_card(db):
    """Rating recall after feedback is appended to the log; the card equals one reviewed with that rating."""
    from quiz.session import rate_answer

    learner = ensure_learner(db)
    t0 = datetime(2026, 11, 1, 9, tzinfo=UTC)
    _answer(db, learner, "q", True, t0)
    (answer_id,) = [r["id"] for r in db.query("SELECT id FROM answers")]
    rate_answer(db, answer_id, 4)  # Easy
    (card,) = db.query("SELECT * FROM cards")
    expected, _ = scheduler._SCHEDULER.review_card(scheduler._card(None), scheduler.Rating.Easy, t0)
    assert card["stability"] == pytest.approx(expected.stability)
    assert card["reviews"] == 1
    (logged,) = db.query("SELECT rating FROM answers")
    assert logged["rating"] == 3  # the answer row keeps what it was logged with: append-only
    assert scheduler.rebuild(db) == 1
    (rebuilt,) = db.query("SELECT * FROM cards")
    assert rebuilt["stability"] == pytest.approx(expected.stability)


def test_cards_rebuilt_from_the_log_equal_the_live_ones(db):
    learner = ensure_learner(db)
    other = ensure_learner(db, "Second")
    t0 = datetime(2026, 10, 1, 9, tzinfo=UTC)
    for day in range(20):
        for n, qid in enumerate(("a", "b", "c")):
            _answer(db, learner if n != 2 else other, qid, (day + n) % 3 != 0, t0 + timedelta(days=day, minutes=n),
                    elapsed_ms=3000 + 4000 * n)
    live = list(db.query("SELECT * FROM cards ORDER BY learner_id, question_id"))
    assert scheduler.rebuild(db) == 3
    assert list(db.query("SELECT * FROM cards ORDER BY learner_id, question_id")) == live


def test_retrievability_falls_with_time(db):
    learner = ensure_learner(db)
    t0 = datetime(2026, 11, 1, 9, tzinfo=UTC)
    _answer(db, learner, "q", True, t0)
    (row,) = db.query("SELECT * FROM cards")
    soon = scheduler.retrievability(row, t0 + timedelta(hours=1))
    later = scheduler.retrievability(row, t0 + timedelta(days=60))
    assert 0 < later < soon <= 1
