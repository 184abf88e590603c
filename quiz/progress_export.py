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

from db.history import answer_rows, history

CSV_COLUMNS = ("learner", "pack_id", "question_id", "answered_at", "correct", "score", "elapsed_ms", "rating",
               "mode", "session_id", "response")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """A cell a spreadsheet will show as text, never run as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_csv(db: Database, path: str | Path, learner_id: int | None = None) -> int:
    """Every answer (of one learner, or all), oldest first; returns the number of rows."""
    count = 0
    with Path(path).open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for row in answer_rows(db, learner_id):
            writer.writerow([spreadsheet_safe(row[c]) for c in CSV_COLUMNS])
            count += 1
    return count


def write_json(db: Database, path: str | Path, learner_id: int) -> int:
    data = history(db, learner_id)
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return len(data["answers"])
