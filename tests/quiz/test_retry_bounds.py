"""Missed questions come back, but cannot take over a practice session.

A tester missed every question in practice: the first 15 answers covered only 4 different questions, each
asked 3 or 4 times, and the session kept growing. A miss now comes back once in a longer session (until
answered right in a session of few questions), and retries stay a bounded share of the questions asked.
"""

from __future__ import annotations

import json

import pytest

from db import sessions
from db.learners import ensure_learner
from quiz.session import FEW_QUESTIONS, MAX_RETRIES, RETRY_SHARE, QuizSession

WRONG = "definitely wrong"  # wrong for every kind of question (no choice, number, order or pairs)


def _miss(session: QuizSession) -> None:
    assert not session.submit(WRONG, 700).correct


@pytest.fixture
def practice(db, bundled_pack) -> QuizSession:
    return QuizSession.start(db, ensure_learner(db), bundled_pack, "practice")


def test_a_learner_who_misses_everything_still_meets_new_questions(practice):
    planned = len(practice.questions)
    assert planned > FEW_QUESTIONS
    asked = []
    for _ in range(15):
        asked.append(practice.current.id)
        _miss(practice)
    # Failed on the old code: 4 different questions in the first 15 answers.
    assert len(set(asked)) >= 8, asked
    assert max(asked.count(q) for q in asked) <= 2  # asked, then once more
    while not practice.finished:
        asked.append(practice.current.id)
        _miss(practice)
    # Every planned question was met, each came back at most once, and the queue stayed bounded.
    assert set(asked) == {q.id for q in practice.questions} and len(practice.questions) == planned
    assert len(asked) <= planned + RETRY_SHARE * planned
    assert practice.position == (len(asked), len(asked))
    assert practice.answered_count == planned and practice.score == 0


def test_a_retry_still_comes_back_a_few_questions_later(practice):
    first = practice.current.id
    _miss(practice)
    later = []
    while practice.current.id != first:
        later.append(practice.current.id)
        practice.submit(WRONG, 700)
    assert len(later) == 3 and practice.is_retry  # spaced: three others in between


def test_a_session_of_few_questions_asks_a_miss_until_it_is_answered_right(db, bundled_pack):
    session = QuizSession.start(db, ensure_learner(db), bundled_pack, "custom",
                                question_ids=["figure-number:ai-plan", "figure-number:bfm-stimulus"])
    while not session.finished:
        _miss(session)
    assert session.state.question_ids.count("figure-number:ai-plan") == 1 + MAX_RETRIES


def _saved(session: QuizSession) -> tuple[list[str], dict[str, dict]]:
    state = json.loads(session.state.to_json())
    return state["question_ids"], {k: {f: v for f, v in e.items() if f != "answer_id"}
                                   for k, e in state["answered"].items()}


def test_undo_takes_back_exactly_the_retry_its_miss_queued_and_resume_shows_the_same_queue(db, bundled_pack):
    learner = ensure_learner(db)
    session = QuizSession.start(db, learner, bundled_pack, "practice")
    before = []
    undone = {True: 0, False: 0}  # misses taken back that queued a retry, and ones that did not
    while not session.finished:
        before.append(_saved(session))
        _miss(session)
        resumed = QuizSession.resume(db, learner, bundled_pack)
        if resumed is not None:  # after a restart: the same queue, the same question next
            assert resumed.state.question_ids == session.state.question_ids
            assert resumed.current == session.current and resumed.position == session.position
        if len(before) % 4 == 0:  # now and then "I clicked too fast": as if that miss had never been given
            queued = len(session.state.question_ids) > len(before[-1][0])
            session.undo()
            assert _saved(session) == before.pop()
            undone[queued] += 1
            _miss(session)
    retries = len(session.state.question_ids) - len(session.questions)
    assert undone[True] and undone[False]  # both kinds of miss were taken back
    assert 0 < retries <= RETRY_SHARE * len(session.questions)


def test_undo_of_a_miss_saved_by_an_earlier_version_still_takes_its_retry_back(db, bundled_pack):
    """Answers saved before the retry was stored with them: the miss queued a copy (it had come back less than
    MAX_RETRIES times), and undo takes that copy back as it did."""
    learner = ensure_learner(db)
    ids = ["figure-number:ai-plan", "figure-number:bfm-stimulus"]
    session = QuizSession.start(db, learner, bundled_pack, "custom", question_ids=ids)
    _miss(session)
    saved = json.loads(session.state.to_json())
    for entry in saved["answered"].values():
        del entry["queued"]
    sessions.save_state(db, session.state.id, json.dumps(saved), None)
    resumed = QuizSession.resume(db, learner, bundled_pack)
    assert resumed is not None and resumed.state.question_ids == [*ids, ids[0]]
    resumed.undo()
    assert resumed.state.question_ids == ids and resumed.current.id == ids[0]
