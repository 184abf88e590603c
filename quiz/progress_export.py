"""Progress exports: CSV (one row per answer) and JSON (a learner's whole history).

The learner owns their history; these files are how it leaves the app (for a
spreadsheet, a trainer, or another machine). Cells that a spreadsheet would
run as a formula are prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from sqlite_utils import Database

CSV_COLUMNS = ("learner", "pack_id", "question_id", "answered_at", "correct", "score", "elapsed_ms", "rating",
               "mode", "session_id", "response")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """A cell a spreadsheet will show as text, never run as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _learner_filter(learner_id: int | None) -> tuple[str, list[Any]]:
    return ("WHERE a.learner_id = ?", [learner_id]) if learner_id is not None else ("", [])


def write_csv(db: Database, path: str | Path, learner_id: int | None = None) -> int:
    """Every answer (of one learner, or all), oldest first; returns the number of rows."""
    where, params = _learner_filter(learner_id)
    rows = db.query(
        "SELECT l.name AS learner, a.pack_id, a.question_id, a.answered_at, a.correct, a.score, a.elapsed_ms, "
        f"a.rating, a.mode, a.session_id, a.response FROM answers a JOIN learners l ON l.id = a.learner_id {where} "
        "ORDER BY a.id", params)
    count = 0
    with Path(path).open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for row in rows:
            writer.writerow([spreadsheet_safe(row[c]) for c in CSV_COLUMNS])
            count += 1
    return count


def history(db: Database, learner_id: int) -> dict[str, Any]:
    """A learner's whole history: profile, answers, sections read, quiz sessions, scheduler cards."""
    learner = next(db.query("SELECT id, name, created_at FROM learners WHERE id = ?", [learner_id]))

    def table(sql: str) -> list[dict[str, Any]]:
        return list(db.query(sql, [learner_id]))

    answers = table("SELECT * FROM answers WHERE learner_id = ? ORDER BY id")
    for answer in answers:
        answer["response"] = json.loads(answer["response"]) if answer["response"] else None
    return {
        "format": "briefing-quiz-progress", "version": 1, "learner": learner, "answers": answers,
        "section_reads": table("SELECT pack_id, section_id, read_at FROM section_reads WHERE learner_id = ?"),
        "sessions": table("SELECT id, pack_id, mode, seed, started_at, finished_at FROM quiz_sessions "
                          "WHERE learner_id = ? ORDER BY started_at"),
        "cards": table("SELECT * FROM cards WHERE learner_id = ? ORDER BY pack_id, question_id"),
    }


def write_json(db: Database, path: str | Path, learner_id: int) -> int:
    data = history(db, learner_id)
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return len(data["answers"])
