"""Sessions: exam codes reproduce exams, answers are stored at once, quizzes resume."""

from __future__ import annotations

import dataclasses
import json

import pytest

from db.progress import open_progress
from quiz.exam_code import ALPHABET, ExamSpec, decode, encode
from quiz.session import QuizSession, last_wrong
from tests_support import right_answer


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
    # the progress a learner reads counts each question once: the third of 20, two to ask again
    assert resumed.steps == session.steps == (3, 20, 2)
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


FOUR = ["figure-number:nikkei-2040-goal", "cloze-outlet:nhk-2040-sectors", "figure-number:ai-plan",
        "figure-number:bfm-stimulus"]


def test_resume_after_a_reimport_dropped_an_answered_question_asks_the_first_unanswered_one(db, bundled_pack):
    """Finding: the saved position was an index, so a pack re-imported without an answered question
    made resume skip the next unanswered one."""
    learner = _learner(db)
    session = QuizSession.start(db, learner, bundled_pack, "custom", question_ids=FOUR)
    assert [q.id for q in session.questions] == FOUR
    session.submit("2.3", 900)
    session.submit("NHK", 900)
    assert session.current.id == FOUR[2]

    reimported = dataclasses.replace(
        bundled_pack, figures=[f for f in bundled_pack.figures if f.id != "nikkei-2040-goal"])
    resumed = QuizSession.resume(db, learner, reimported)
    assert [q.id for q in resumed.questions] == FOUR[1:]
    assert resumed.current.id == FOUR[2], "no unanswered question is skipped"
    assert resumed.position == (1, 3)
    resumed.submit("65", 900)
    resumed.submit("140", 900)
    assert resumed.finished
    assert [r["question_id"] for r in db.query("SELECT question_id FROM answers ORDER BY id")] == FOUR


def test_answer_and_session_position_are_one_transaction(db, bundled_pack, monkeypatch):
    """If saving the position fails after the answer row is written, neither is saved: the question is
    asked again and, answered again, logged once (the old code logged it twice)."""
    learner = _learner(db)
    session = QuizSession.start(db, learner, bundled_pack, "custom", question_ids=FOUR)
    first = session.current
    original = QuizSession._save

    def crash(self, *args):
        raise KeyboardInterrupt("the process dies here")  # as a kill between the two writes would

    monkeypatch.setattr(QuizSession, "_save", crash)
    with pytest.raises(KeyboardInterrupt):
        session.submit("2.3", 900)
    monkeypatch.setattr(QuizSession, "_save", original)
    assert db["answers"].count == 0, "the answer did not outlive its session position"

    resumed = QuizSession.resume(db, learner, bundled_pack)
    assert resumed.current.id == first.id
    resumed.submit("2.3", 900)
    assert [r["question_id"] for r in db.query("SELECT question_id FROM answers")] == [first.id]


KILL_BETWEEN_ANSWER_AND_POSITION = r"""
import os, signal, sys
from content.loader import load_pack
from db.progress import open_progress
from db.learners import ensure_learner
from quiz.session import QuizSession
db = open_progress(sys.argv[1])
pack = load_pack(sys.argv[2])
session = QuizSession.start(db, ensure_learner(db), pack, "custom", question_ids=sys.argv[3].split(","))
seen_answer = []
def trace(sql):
    if sql.lstrip().upper().startswith("INSERT INTO") and "answers" in sql:
        seen_answer.append(sql)
    elif seen_answer and "quiz_sessions" in sql:  # the answer row is written; the position is next
        os.kill(os.getpid(), signal.SIGKILL)
db.conn.set_trace_callback(trace)
session.submit("2.3", 900)
print("acknowledged", flush=True)
"""


def test_kill_9_between_the_answer_and_the_session_position_never_logs_an_answer_twice(tmp_path, bundled_pack):
    import signal
    import subprocess
    import sys

    from tests_support import BUNDLED, ROOT

    path = tmp_path / "progress.db"
    result = subprocess.run([sys.executable, "-c", KILL_BETWEEN_ANSWER_AND_POSITION, str(path), str(BUNDLED),
                             ",".join(FOUR)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert "acknowledged" not in result.stdout
    db = open_progress(path)
    learner = _learner(db)
    resumed = QuizSession.resume(db, learner, bundled_pack)
    for _ in range(4):
        resumed.submit(resumed.current.answer, 900)
    counts = {r["question_id"]: r["n"] for r in db.query(
        "SELECT question_id, count(*) AS n FROM answers GROUP BY question_id")}
    assert counts == dict.fromkeys(FOUR, 1), "each question logged exactly once"
    db.close()


def test_a_session_saved_by_an_older_version_resumes_after_its_logged_answers(db, bundled_pack):
    """Older versions wrote the answer and the position separately; a crash between them left a
    session whose saved state is one answer behind its log. Resume trusts the log."""
    learner = _learner(db)
    session = QuizSession.start(db, learner, bundled_pack, "custom", question_ids=FOUR)
    stale = json.dumps(dataclasses.asdict(session.state))
    session.submit("2.3", 900)
    db["quiz_sessions"].update(session.state.id, {"state": stale})  # the position write never happened
    resumed = QuizSession.resume(db, learner, bundled_pack)
    assert resumed.current.id == FOUR[1] and resumed.position == (1, 4)


@pytest.mark.parametrize("response", ["2.3", "1.1"], ids=["right", "missed (which queues a retry)"])
def test_a_full_disk_when_answering_leaves_the_session_where_it_was(db, bundled_pack, response):
    from db.errors import StoreFullError

    learner = _learner(db)
    session = QuizSession.start(db, learner, bundled_pack, "custom", question_ids=FOUR)
    first = session.current
    queue = list(session.state.question_ids)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count={pages}")
    for n in range(400):  # fill the answer log's pages until the file would have to grow
        try:
            db["answers"].insert({"learner_id": learner, "pack_id": "filler", "question_id": f"f{n}",
                                  "response": "x" * 300, "correct": 1, "score": 1, "mode": "practice",
                                  "answered_at": "then"})
        except Exception:
            break
    before = db["answers"].count
    with pytest.raises(StoreFullError, match="Your answer could not be saved: the disk is full"):
        session.submit(response, 900)
    assert session.current == first and session.position == (0, 4)
    assert session.state.question_ids == queue and session.state.answered == {}
    assert db["answers"].count == before
    db.execute("PRAGMA max_page_count=1073741823")
    session.submit("2.3", 900)
    assert session.current.id == FOUR[1]


def test_saved_state_reads_back_the_same_as_before(db, bundled_pack):
    """The state is saved as its fields' JSON: the same text the old ``json.dumps(asdict(state))`` wrote,
    so sessions saved by either version resume alike."""
    from quiz.session import SessionState

    state = SessionState(id="s1", mode="exam", pack_id="p", seed="7", question_ids=["a", "b", "a"],
                         answered={"0": {"response": ["x", "y"], "score": 0.5, "answer_id": 3},
                                   "1": {"response": {"k": ("v", 1)}, "score": 1.0}},
                         exam_code="ABC123", deadline="2026-01-01T00:00:00+00:00", title="T", stopped=True)
    assert state.to_json() == json.dumps(dataclasses.asdict(state))
    assert SessionState.from_json(state.to_json()) == SessionState.from_json(json.dumps(dataclasses.asdict(state)))



def test_an_answer_is_stored_without_touching_the_schema(db, bundled_pack):
    """Each answer's transaction writes rows only: its card is inserted, then updated in place, in plain
    SQL (sqlite-utils' upsert created and dropped a probe table inside every answer's transaction)."""
    learner = _learner(db)
    before = db.execute("PRAGMA schema_version").fetchone()[0]
    first = QuizSession.start(db, learner, bundled_pack, "custom", question_ids=["figure-amount:nikkei-2040-goal"])
    qid = first.current.id
    first.submit(right_answer(first.current), 1000)
    second = QuizSession.start(db, learner, bundled_pack, "custom", question_ids=[qid])
    second.submit(right_answer(second.current), 1000)
    cards = db.execute("SELECT reviews, state, due FROM cards WHERE question_id = ?", [qid]).fetchall()
    assert len(cards) == 1 and cards[0][0] == 2 and cards[0][2], "one card per question, updated in place"
    assert db.execute("PRAGMA schema_version").fetchone()[0] == before


def test_reopening_an_unfinished_quiz_does_not_generate_its_questions_again(db, monkeypatch):
    """The Quiz tab looks for the unfinished quiz each time a pack is shown: the questions of a pack and a
    seed are generated once; a pack whose content changed (a new Pack from the store) gets its own."""
    from dataclasses import replace

    from content.loader import bundled_packs, load_pack
    from quiz import session as session_module

    pack = load_pack(bundled_packs()[0])
    learner = _learner(db)
    made = []
    real = session_module.generate
    monkeypatch.setattr(session_module, "generate", lambda *a, **k: made.append(1) or real(*a, **k))
    first = QuizSession.start(db, learner, pack, "practice")
    made.clear()
    again = [QuizSession.resume(db, learner, pack) for _ in range(3)]
    assert made == [] and all(s is not None and s.current.id == first.current.id for s in again)
    changed = replace(pack, digest="re-imported")
    assert QuizSession.resume(db, learner, changed).current.id == first.current.id
    assert made == [1], "new content, its own questions"
