"""Progress exports keep every answer and never hand a spreadsheet a formula."""

from __future__ import annotations

import csv

from db.learners import ensure_learner
from db.progress import open_progress
from quiz.answers import record_answer
from quiz.progress_export import write_csv


def test_typed_answers_that_look_like_formulas_are_neutralised(tmp_path):
    db = open_progress(tmp_path / "p.db")
    learner = ensure_learner(db, "=HYPERLINK(\"http://x\")")
    record_answer(db, learner_id=learner, pack_id="p", question_id="q", response="=1+1", correct=False, score=0,
                  elapsed_ms=10, mode="practice", session_id=None)
    out = tmp_path / "a.csv"
    assert write_csv(db, out) == 1
    (row,) = csv.DictReader(out.open(encoding="utf-8"))
    assert row["learner"].startswith("'=") and row["response"] == '"=1+1"'
    db.close()
