"""Undo last answer: a slip of the key is taken back, the log stays append-only, nothing derived remembers it."""

from __future__ import annotations

import csv
import json

import pytest

from app.workspace import Workspace
from db import cards
from db.learners import ensure_learner
from db.progress import open_progress
from quiz import scheduler
from quiz.session import NothingToUndo, QuizSession
from tests_support import right_answer

CHOICE = "figure-amount:nikkei-2040-goal"
OTHER = "figure-number:ai-plan"


def _wrong(question) -> str:
    return next(c for c in question.choices if c != question.answer)


@pytest.fixture
def ws(data_dir):
    with Workspace(data_dir) as workspace:
        yield workspace


def test_wrong_then_undo_then_right_counts_one_right_answer(ws):
    """The Done-when of issue 17: three rows in the log, one right answer counted, the card of one right review."""
    session = ws.start_quiz(None, "custom", question_ids=[CHOICE])
    question = session.current
    assert not session.submit(_wrong(question), 2000).correct
    again = session.undo()
    assert again.id == CHOICE and session.current.id == CHOICE  # asked again, not as a retry
    assert session.position == (0, 1) and not session.is_retry
    assert session.submit(right_answer(session.current), 1500).correct
    assert session.finished

    db = ws.progress
    log = list(db.query("SELECT id, correct FROM answers ORDER BY id"))
    retractions = list(db.query("SELECT answer_id FROM retractions"))
    assert [r["correct"] for r in log] == [0, 1]
    assert retractions == [{"answer_id": log[0]["id"]}]  # answer, retraction, answer: nothing rewritten

    board = ws.dashboard()
    assert (board.answers, board.correct, board.seconds) == (1, 1, 1.5)
    assert sum(day.answers for day in board.days) == 1
    assert not board.hardest  # the slip made it no "hardest question"
    (totals,) = db.query("SELECT attempts, correct, last_correct FROM question_totals")
    assert totals == {"attempts": 1, "correct": 1, "last_correct": 1}
    (hours,) = db.query("SELECT sum(answers) AS answers, sum(correct) AS correct, sum(elapsed_ms) AS ms "
                        "FROM hour_totals")  # the per-day charts' totals forget the slip too
    assert hours == {"answers": 1, "correct": 1, "ms": 1500}

    right_at = next(db.query("SELECT answered_at FROM answers WHERE correct = 1"))["answered_at"]
    expected, reviews = scheduler.replayed([{"rating": 3, "correct": 1, "answered_at": right_at}])
    card = cards.load(db, ws.learner_id, "sanaenomics", CHOICE)
    assert reviews == card["reviews"] == 1
    assert card["stability"] == expected.stability and card["difficulty"] == expected.difficulty
    assert card["due"] == expected.due.isoformat() and card["state"] == int(expected.state)
    assert scheduler.rebuild(db) and cards.load(db, ws.learner_id, "sanaenomics", CHOICE) == card


def test_the_only_answer_taken_back_leaves_the_question_new(ws):
    session = ws.start_quiz(None, "custom", question_ids=[CHOICE, OTHER])
    session.submit(_wrong(session.current), 1000)
    assert cards.load(ws.progress, ws.learner_id, "sanaenomics", CHOICE) is not None
    assert session.state.question_ids.count(CHOICE) == 2  # the miss queued it again …
    session.undo()
    assert session.state.question_ids == [CHOICE, OTHER]  # … and the undo takes that back too
    assert cards.load(ws.progress, ws.learner_id, "sanaenomics", CHOICE) is None
    assert ws.dashboard().answers == 0
    assert [q for q in ws.progress.query("SELECT * FROM question_totals")] == []


def test_review_mistakes_forgets_a_taken_back_miss(ws):
    session = ws.start_quiz(None, "custom", question_ids=[CHOICE])
    session.submit(_wrong(session.current), 1000)
    session.undo()
    session.finish()
    from app.errors import NothingToAsk

    with pytest.raises(NothingToAsk):
        ws.start_quiz(None, "review")


def test_undo_on_the_results_goes_back_to_the_last_question(ws):
    session = ws.start_quiz(None, "custom", question_ids=[CHOICE, OTHER])
    session.submit(right_answer(session.current), 1000)
    session.submit(right_answer(session.current), 1000)
    assert session.finished and ws.resume_quiz() is None
    assert session.undo().id == session.state.question_ids[-1]
    assert not session.finished
    resumed = ws.resume_quiz()  # stored: after a restart the quiz goes on at that question
    assert resumed is not None and resumed.current.id == session.current.id and resumed.position == (1, 2)


def test_a_retry_answered_then_taken_back_is_asked_again(ws):
    session = ws.start_quiz(None, "custom", question_ids=[CHOICE, OTHER])
    session.submit(_wrong(session.current), 1000)
    session.submit(right_answer(session.current), 1000)
    assert session.is_retry
    session.submit(_wrong(session.current), 1000)  # the retry, missed again: a third copy is queued
    assert session.state.question_ids == [CHOICE, OTHER, CHOICE, CHOICE]
    session.undo()
    assert session.is_retry and session.current.id == CHOICE
    assert session.state.question_ids == [CHOICE, OTHER, CHOICE]
    assert ws.dashboard().answers == 2


def test_there_is_nothing_to_undo_before_an_answer_or_twice(ws):
    session = ws.start_quiz(None, "custom", question_ids=[CHOICE])
    with pytest.raises(NothingToUndo, match="no answer"):
        session.undo()
    session.submit(right_answer(session.current), 1000)
    session.undo()
    with pytest.raises(NothingToUndo):
        session.undo()
    assert ws.progress.execute("SELECT count(*) FROM retractions").fetchone()[0] == 1


def test_an_exam_answer_can_be_taken_back_until_the_results_show(ws):
    from quiz.exam_code import ExamSpec

    session = ws.start_quiz(None, "exam", exam_code=ExamSpec(4242, 5, 0).code)
    first = session.current
    session.submit(right_answer(first), 1000)
    assert session.undo().id == first.id
    while not session.finished:
        session.submit(right_answer(session.current), 1000)
    with pytest.raises(NothingToUndo, match="final"):
        session.undo()


def test_an_undo_that_cannot_be_saved_changes_nothing(ws, monkeypatch):
    from app.errors import NotSavedError
    from quiz import answers as quiz_answers

    session = ws.start_quiz(None, "custom", question_ids=[CHOICE, OTHER])
    session.submit(_wrong(session.current), 1000)
    state = json.dumps(session.state.__dict__, sort_keys=True, default=str)

    def full_disk(db, answer_id):
        db.execute("INSERT INTO retractions (answer_id, retracted_at) VALUES (?, 'x')", [answer_id])
        raise __import__("sqlite3").OperationalError("database or disk is full")

    monkeypatch.setattr(quiz_answers.answers, "retract", full_disk)
    with pytest.raises(NotSavedError):
        session.undo()
    assert json.dumps(session.state.__dict__, sort_keys=True, default=str) == state
    assert ws.progress.execute("SELECT count(*) FROM retractions").fetchone()[0] == 0
    assert ws.dashboard().answers == 1


def test_progress_exports_leave_taken_back_answers_out(ws, tmp_path):
    session = ws.start_quiz(None, "custom", question_ids=[CHOICE])
    session.submit(_wrong(session.current), 1000)
    session.undo()
    session.submit(right_answer(session.current), 1000)
    assert ws.export_progress("csv", tmp_path / "p.csv") == 1
    with (tmp_path / "p.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["correct"] for r in rows] == ["1"]
    assert ws.export_progress("json", tmp_path / "p.json") == 1
    history = json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))
    assert [a["correct"] for a in history["answers"]] == [1]


def test_the_trainer_report_leaves_taken_back_answers_out(ws, data_dir):
    session = ws.start_quiz(None, "custom", question_ids=[CHOICE])
    session.submit(_wrong(session.current), 1000)
    session.undo()
    session.submit(right_answer(session.current), 1000)
    report = ws.trainer_report([data_dir / "progress.db"])
    (learner,) = report.learners
    assert learner.first_attempts == {CHOICE: True}  # the slip is not the first attempt: the right answer is


def test_a_retraction_is_stored_with_its_answer_in_the_session_transaction(tmp_path, bundled_pack):
    """Reopened after the undo: the retraction, the state and the card agree."""
    db = open_progress(tmp_path / "progress.db")
    learner = ensure_learner(db)
    session = QuizSession.start(db, learner, bundled_pack, "custom", question_ids=[CHOICE])
    session.submit(_wrong(session.current), 1000)
    session.undo()
    db.close()
    db = open_progress(tmp_path / "progress.db")
    resumed = QuizSession.resume(db, learner, bundled_pack)
    assert resumed is not None and resumed.position == (0, 1) and len(resumed.state.question_ids) == 1
    assert cards.load(db, learner, "sanaenomics", CHOICE) is None
    db.close()


def test_the_dashboard_is_recomputed_after_each_answer_and_each_undo_and_not_otherwise(ws, monkeypatch):
    """The Progress page's figures are cached until something changed: its mark (the newest answer not
    taken back, from the per-question totals, and the newest retraction) moves with every answer and undo."""
    from db import answers
    from quiz import stats

    computed = []
    real = stats.dashboard
    monkeypatch.setattr(stats, "dashboard", lambda *a, **k: computed.append(1) or real(*a, **k))

    def newest_live() -> int:
        return ws.progress.execute(f"SELECT coalesce(max(id), 0) FROM answers a WHERE {answers.LIVE}").fetchone()[0]

    session = ws.start_quiz(None, "custom", question_ids=[CHOICE, OTHER, CHOICE])
    seen = [ws.dashboard().answers]
    for step in ("answer", "answer", "undo", "undo", "answer"):
        session.submit(right_answer(session.current), 1000) if step == "answer" else session.undo()
        assert answers.latest_id(ws.progress, ws.learner_id, ws.pack().id) == newest_live(), step
        seen.append(ws.dashboard().answers)
        ws.dashboard()  # nothing new: the same figures, not computed again
    assert seen == [0, 1, 2, 1, 0, 1]
    assert len(computed) == 6
