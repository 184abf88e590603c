"""The question browser's core: every question with the learner's record, one filter rule, and suspension
honoured everywhere a question could reach the learner (practice, exam, review, presenter, exports)."""

from __future__ import annotations

import csv

import pytest

from app.workspace import Workspace
from quiz.browse import ACTIVE, AUTHORED, FLAGGED, GENERATED, SUSPENDED, QuestionFilter, facts_of, filtered
from quiz.exam_code import ExamSpec
from quiz.slides import deck
from tests_support import right_answer

CHOICE = "figure-amount:nikkei-2040-goal"


@pytest.fixture
def ws(data_dir):
    with Workspace(data_dir) as workspace:
        yield workspace


def test_every_question_is_listed_with_the_learners_record(ws):
    session = ws.start_quiz(None, "custom", question_ids=[CHOICE])
    question = session.current
    session.submit(next(c for c in question.choices if c != question.answer), 1000)
    session.submit(right_answer(session.current), 1000)  # the retry
    rows = ws.question_rows()
    assert [r.id for r in rows] == [q.id for q in ws.questions()]
    assert {r.origin for r in rows} == {AUTHORED, GENERATED}
    row = next(r for r in rows if r.id == CHOICE)
    assert (row.attempts, row.correct, row.facility, row.last_answer) == (2, 1, 0.5, "right")
    assert row.topic_title == "Investment targets"
    untouched = next(r for r in rows if r.id != CHOICE)
    assert (untouched.facility, untouched.last_answer) == (None, "")


def test_the_filter_combines_search_topic_kind_fact_origin_and_status(ws):
    ws.mark_question(CHOICE, flagged=True)
    ws.mark_question("authored:q-diet-checkpoint", suspended=True)
    rows = ws.question_rows()
    assert [r.id for r in filtered(rows, QuestionFilter(status=FLAGGED))] == [CHOICE]
    assert [r.id for r in filtered(rows, QuestionFilter(status=SUSPENDED))] == ["authored:q-diet-checkpoint"]
    assert len(filtered(rows, QuestionFilter(status=ACTIVE))) == len(rows) - 1
    authored = filtered(rows, QuestionFilter(origin=AUTHORED))
    assert authored and all(r.question.authored for r in authored)
    numeric = filtered(rows, QuestionFilter(kind="numeric", topic="investment"))
    assert numeric and all(r.question.kind == "numeric" and r.question.topic == "investment" for r in numeric)
    fact = "nikkei-2040-goal"
    assert fact in facts_of(rows)
    about = filtered(rows, QuestionFilter(fact=fact))
    assert CHOICE in {r.id for r in about} and all(fact in r.question.facts for r in about)
    # Search: every word, in any order, anywhere in the question (case folded); ids too.
    found = filtered(rows, QuestionFilter(text="NIKKEI 2040"))
    assert CHOICE in {r.id for r in found}
    assert all("nikkei" in r.searchable() and "2040" in r.searchable() for r in found)
    assert filtered(rows, QuestionFilter(text="no-such-word-anywhere")) == []
    assert [r.id for r in filtered(rows, QuestionFilter(text="nikkei", status=FLAGGED))] == [CHOICE]


def test_marks_belong_to_the_learner(ws):
    ws.mark_question(CHOICE, suspended=True, flagged=True)
    ws.create_learner("Ada")
    assert ws.suspended_questions() == set()
    assert not any(r.flagged or r.suspended for r in ws.question_rows())
    with pytest.raises(KeyError):
        ws.mark_question("no-such-question", flagged=True)


def test_a_suspended_question_is_never_asked(ws):
    by_topic = [q.id for q in ws.questions() if q.topic == "investment"]
    for qid in by_topic[1:]:
        ws.mark_question(qid, suspended=True)
    asked = ws.start_quiz(None, "topic", topic="investment")
    assert [q.id for q in asked.questions] == by_topic[:1]
    practice = ws.start_quiz(None, "practice")
    assert not {q.id for q in practice.questions} & set(by_topic[1:])
    exam = ws.start_quiz(None, "exam", exam_code=ExamSpec(99, 60, 0).code)
    assert not {q.id for q in exam.questions} & set(by_topic[1:])
    custom = ws.start_quiz(None, "custom", question_ids=by_topic[:2])
    assert [q.id for q in custom.questions] == by_topic[:1]


def test_a_suspended_mistake_is_not_reviewed(ws):
    session = ws.start_quiz(None, "custom", question_ids=[CHOICE])
    question = session.current
    session.submit(next(c for c in question.choices if c != question.answer), 1000)
    session.finish()
    ws.mark_question(CHOICE, suspended=True)
    from app.errors import NothingToAsk

    with pytest.raises(NothingToAsk):
        ws.start_quiz(None, "review")


def test_presenter_and_exports_leave_suspended_questions_out(ws, tmp_path):
    ws.mark_question(CHOICE, suspended=True)
    prompt = next(q.prompt for q in ws.questions() if q.id == CHOICE)
    assert prompt in {s.main for s in deck(ws.pack(), ws.questions())}
    slides = deck(ws.pack(), ws.active_questions())
    assert prompt not in {s.main for s in slides}
    assert len(ws.active_questions()) == len(ws.questions()) - 1
    count = ws.export_quiz("csv", tmp_path / "quiz.csv")
    assert count == len(ws.questions()) - 1
    with (tmp_path / "quiz.csv").open(encoding="utf-8") as handle:
        text = handle.read()
    assert CHOICE not in text
    assert len(list(csv.reader(text.splitlines()))) > 1
    ws.mark_question(CHOICE, suspended=False)
    assert ws.export_quiz("csv", tmp_path / "all.csv") == len(ws.questions())
