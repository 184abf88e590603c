"""Sessions: exam codes reproduce exams, answers are stored at once, quizzes resume."""

from __future__ import annotations

import json

import pytest

from db.progress import open_progress
from quiz.exam_code import ALPHABET, ExamSpec, decode, encode
from quiz.session import QuizSession, last_wrong


@pytest.fixture
def db(tmp_path):
    database = open_progress(tmp_path / "progress.db")
    yield database
    database.close()


def _learner(db) -> int:
    from db.learners import ensure_learner

    return ensure_learner(db)


def test_exam_code_round_trip_and_typing_slack():
    spec = ExamSpec(seed=123_456, count=20, minutes=15)
    code = encode(spec)
    assert len(code) == 6 and set(code) <= set(ALPHABET)
    assert decode(code) == spec
    assert decode(f" {code.lower()[:3]}-{code.lower()[3:]} ") == spec
    with pytest.raises(ValueError, match="6 characters"):
        decode("ABC")


def test_same_code_same_exam_other_code_other_order(db, bundled_pack):
    learner = _learner(db)
    code = ExamSpec(777, 10, 0).code
    first = QuizSession.start(db, learner, bundled_pack, "exam", exam_code=code)
    second = QuizSession.start(db, learner, bundled_pack, "exam", exam_code=code)
    other = QuizSession.start(db, learner, bundled_pack, "exam", exam_code=ExamSpec(778, 10, 0).code)
    assert [q.id for q in first.questions] == [q.id for q in second.questions]
    assert [q.choices for q in first.questions] == [q.choices for q in second.questions]
    assert len(first.questions) == 10
    assert [q.id for q in first.questions] != [q.id for q in other.questions]


def test_every_answer_is_stored_the_moment_it_is_given(db, bundled_pack):
    learner = _learner(db)
    session = QuizSession.start(db, learner, bundled_pack, "topic", topic="investment")
    question = session.current
    assert question is not None and question.topic == "investment"
    result = session.submit(question.answer if question.kind != "matching" else dict(question.pairs), 1234)
    assert result.correct
    (row,) = db.query("SELECT * FROM answers")
    assert row["question_id"] == question.id and row["correct"] == 1 and row["elapsed_ms"] == 1234
    assert row["mode"] == "topic" and row["session_id"] == session.state.id
    assert json.loads(row["response"]) == (question.answer if question.kind != "matching" else dict(question.pairs))


def test_unfinished_quiz_resumes_where_it_stopped(db, bundled_pack):
    learner = _learner(db)
    session = QuizSession.start(db, learner, bundled_pack, "practice")
    session.submit("definitely wrong", 500)
    session.submit("also wrong", 500)
    resumed = QuizSession.resume(db, learner, bundled_pack)
    assert resumed is not None and resumed.state.id == session.state.id
    assert resumed.position == (2, len(session.questions))
    assert resumed.current == session.current


def test_finished_quiz_is_not_resumed_and_review_lists_mistakes(db, bundled_pack):
    learner = _learner(db)
    session = QuizSession.start(db, learner, bundled_pack, "custom",
                                question_ids=["figure-number:ai-plan", "figure-number:bfm-stimulus"])
    first, second = session.current, None
    session.submit("65", 900)
    second = session.current
    session.submit("3", 900)
    assert session.finished and session.score == 1.0
    assert QuizSession.resume(db, learner, bundled_pack) is None
    assert last_wrong(db, learner, bundled_pack.id) == [second.id]
    review = QuizSession.start(db, learner, bundled_pack, "review")
    assert [q.id for q in review.questions] == [second.id] and first is not None


def test_timed_exam_ends_and_keeps_answers(db, bundled_pack):
    learner = _learner(db)
    session = QuizSession.start(db, learner, bundled_pack, "exam", exam_code=ExamSpec(5, 5, 5).code)
    assert 0 < session.time_left() <= 300
    session.submit("x", 100)
    session.finish()
    assert session.finished and len([o for o in session.review() if o.grade is None]) == 4
    assert db["answers"].count == 1
