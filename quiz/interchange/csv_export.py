"""CSV: one row per question, for spreadsheets and other quiz tools.

Cells a spreadsheet would run as a formula are prefixed with an apostrophe
(:func:`quiz.progress_export.spreadsheet_safe`), and characters no export can
carry are dropped (:func:`quiz.interchange.legal_text`).
"""

from __future__ import annotations

import csv
from pathlib import Path

from content.model import Pack
from quiz.interchange import answer_text, legal_text
from quiz.progress_export import spreadsheet_safe
from quiz.questions import QuizQuestion

COLUMNS = ("id", "kind", "topic", "prompt", "answer", "choices", "tolerance", "unit", "quote", "outlet")


def write(pack: Pack, questions: list[QuizQuestion], path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for q in questions:
            choices = " | ".join(q.choices) if q.kind == "choice" else " | ".join(f"{a} → {b}" for a, b in q.pairs)
            row = (q.id, q.kind, pack.topic_title(q.topic), q.prompt, answer_text(q), choices,
                   q.tolerance or "", q.unit, q.quote, q.outlet or "")
            writer.writerow([spreadsheet_safe(legal_text(v) if isinstance(v, str) else v) for v in row])
