"""Sessions: exam codes reproduce exams, answers are stored at once, quizzes resume."""

from __future__ import annotations

import json

import pytest

from db.progress import open_progress
from quiz.exam_code import ALPHABET, ExamSpec, decode, encode
from quiz.session import QuizSession, last_wrong
from tests_support import right_answer


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
    result = session.submit(right_answer(question), 1234)
    assert result.correct
    (row,) = db.query("SELECT * FROM answers")
    assert row["question_id"] == question.id and row["correct"] == 1 and row["elapsed_ms"] == 1234
    assert row["mode"] == "topic" and row["session_id"] == session.state.id
    assert json.loads(row["response"]) == right_answer(question)


def test_unfinished_quiz_resumes_where_it_stopped(db, bundled_pack):
    learner = _learner(db)
    session = QuizSession.start(db, learner, bundled_pack, "practice")
    session.submit("definitely wrong", 500)
    session.submit("also wrong", 500)
    resumed = QuizSession.resume(db, learner, bundled_pack)
    assert resumed is not None and resumed.state.id == session.state.id
    assert resumed.position == session.position == (2, 22)  # both misses come back later
    assert resumed.current == session.current


def test_a_missed_question_comes_back_until_answered_right(db, bundled_pack):
    learner = _learner(db)
    session = QuizSession.start(db, learner, bundled_pack, "custom",
                                question_ids=["figure-number:ai-plan", "figure-number:bfm-stimulus"])
    first = session.current
    session.submit("3", 900)  # wrong
    assert not session.finished and last_wrong(db, learner, bundled_pack.id) == [first.id]
    second = session.current
    session.submit(second.answer, 900)
    assert session.is_retry and session.current == first
    session.submit(first.answer, 900)
    assert session.finished
    assert session.score == 1.0 and session.answered_count == 2  # the first answer counts, the retry teaches
    outcomes = {o.question.id: o for o in session.review()}
    assert outcomes[first.id].retried_right and not outcomes[first.id].grade.correct
    assert QuizSession.resume(db, learner, bundled_pack) is None
    assert last_wrong(db, learner, bundled_pack.id) == []
    assert db["answers"].count == 3


def test_review_mistakes_asks_the_last_wrong_ones(db, bundled_pack):
    learner = _learner(db)
    session = QuizSession.start(db, learner, bundled_pack, "exam", exam_code=ExamSpec(11, 5, 0).code)
    wrong = session.current
    session.submit("not this", 500)
    session.finish()
    review = QuizSession.start(db, learner, bundled_pack, "review")
    assert [q.id for q in review.questions] == [wrong.id]


def test_answer_and_session_position_are_one_transaction(db, bundled_pack, monkeypatch):
    """If saving the position fails, the answer is not logged either: resume asks it again, logged once."""
    learner = _learner(db)
    session = QuizSession.start(db, learner, bundled_pack, "practice")
    question = session.current

    def broken_save() -> None:
        raise OSError("disk gone")

    monkeypatch.setattr(session, "_save", broken_save)
    with pytest.raises(OSError):
        session.submit(right_answer(question), 100)
    assert db["answers"].count == 0
    resumed = QuizSession.resume(db, learner, bundled_pack)
    assert resumed.current == question and resumed.position == (0, 20)


def test_resume_after_a_reimport_dropped_an_answered_question(db, bundled_pack):
    import dataclasses

    learner = _learner(db)
    session = QuizSession.start(db, learner, bundled_pack, "custom",
                                question_ids=["figure-number:ai-plan", "figure-number:bfm-stimulus",
                                              "figure-number:nikkei-2040-goal"])
    answered = session.current
    session.submit(answered.answer, 100)
    unanswered = session.current
    gone = answered.id.split(":")[1]
    sections = tuple(dataclasses.replace(s, figures=tuple(x for x in s.figures if x != gone))
                     for s in bundled_pack.sections)
    smaller = dataclasses.replace(bundled_pack, figures=tuple(f for f in bundled_pack.figures if f.id != gone),
                                  sections=sections)
    resumed = QuizSession.resume(db, learner, smaller)
    assert resumed.current == unanswered  # not the one after it


def test_practice_and_exams_ask_each_fact_once_and_balance_true_false(db, bundled_pack):
    from quiz.plan import balanced, family_key

    learner = _learner(db)
    sessions = [QuizSession.start(db, learner, bundled_pack, "practice") for _ in range(5)]
    sessions += [QuizSession.start(db, learner, bundled_pack, "exam", exam_code=ExamSpec(seed, 20, 0).code)
                 for seed in range(40)]
    for session in sessions:
        questions = session.questions
        assert len(questions) == 20
        facts = [f for q in questions for f in family_key(q)]
        assert len(facts) == len(set(facts)), session.state.title
        assert balanced(questions), session.state.title


def test_timed_exam_ends_and_keeps_answers(db, bundled_pack):
    learner = _learner(db)
    session = QuizSession.start(db, learner, bundled_pack, "exam", exam_code=ExamSpec(5, 5, 5).code)
    assert 0 < session.time_left() <= 300
    session.submit("x", 100)
    session.finish()
    assert session.finished and len([o for o in session.review() if o.grade is None]) == 4
    assert db["answers"].count == 1
