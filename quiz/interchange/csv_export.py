"""CSV: one row per question, for spreadsheets and other quiz tools.

Every kind fits the same columns: ``options`` holds what the learner picks
from, one per line with its letter (the options; the items to order, as
shown; matching's right-hand side; the categories), ``key`` the right answer
in the same letters, one part per line (see :mod:`quiz.interchange.keys`),
``feedback`` what each wrong option really is, ``citation`` every quote with
its outlet, ``facts`` the ids of the facts the question tests.

Cells a spreadsheet would run as a formula are prefixed with an apostrophe
(:func:`quiz.progress_export.spreadsheet_safe`), and characters no export can
carry are dropped (:func:`quiz.interchange.legal_text`).
"""

from __future__ import annotations

import csv
from pathlib import Path

from content.model import Pack
from quiz.interchange import keys, legal_text
from quiz.progress_export import spreadsheet_safe
from quiz.questions import QuizQuestion

COLUMNS = ("id", "kind", "topic", "scenario", "prompt", "options", "key", "tolerance", "unit", "explanation",
           "correction", "feedback", "citation", "facts")


def row(pack: Pack, q: QuizQuestion) -> dict[str, object]:
    lines = "\n".join
    return {
        "id": q.id, "kind": str(q.kind), "topic": pack.topic_title(q.topic), "scenario": q.scenario,
        "prompt": q.prompt, "options": lines(keys.option_lines(q)), "key": lines(keys.key_lines(q)),
        "tolerance": q.tolerance or "", "unit": q.unit, "explanation": q.explanation, "correction": q.correction,
        "feedback": lines(keys.feedback_lines(q)), "citation": q.citation, "facts": " ".join(q.facts),
    }


def write(pack: Pack, questions: list[QuizQuestion], path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, COLUMNS)
        writer.writeheader()
        for q in questions:
            writer.writerow({k: spreadsheet_safe(legal_text(v) if isinstance(v, str) else v)
                             for k, v in row(pack, q).items()})
