"""A learner's history as it leaves the app: every answer as rows, or the whole record as one document.

Answers the learner took back ("Undo last answer") are not part of it: they
count nowhere in the app either (see :data:`db.answers.LIVE`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sqlite_utils import Database

from db.answers import LIVE


def answer_rows(db: Database, learner_id: int | None = None) -> Iterator[dict[str, Any]]:
    """Every answer (of one learner, or all) with the learner's name, oldest first."""
    where, params = ("AND a.learner_id = ?", [learner_id]) if learner_id is not None else ("", [])
    yield from db.query(
        "SELECT l.name AS learner, a.pack_id, a.question_id, a.answered_at, a.correct, a.score, a.elapsed_ms, "
        f"a.rating, a.mode, a.session_id, a.response FROM answers a JOIN learners l ON l.id = a.learner_id "
        f"WHERE {LIVE} {where} ORDER BY a.id", params)


def history(db: Database, learner_id: int) -> dict[str, Any]:
    """A learner's whole history: profile, answers, sections read, quiz sessions, scheduler cards."""
    learner = next(db.query("SELECT id, name, created_at FROM learners WHERE id = ?", [learner_id]))

    def table(sql: str) -> list[dict[str, Any]]:
        return list(db.query(sql, [learner_id]))

    answers = table(f"SELECT * FROM answers a WHERE learner_id = ? AND {LIVE} ORDER BY id")
    for answer in answers:
        answer["response"] = json.loads(answer["response"]) if answer["response"] else None
    return {
        "format": "briefing-quiz-progress", "version": 1, "learner": learner, "answers": answers,
        "ratings": table("SELECT r.answer_id, r.rating, r.rated_at FROM answer_ratings r JOIN answers a "
                         f"ON a.id = r.answer_id WHERE a.learner_id = ? AND {LIVE} ORDER BY r.id"),
        "section_reads": table("SELECT pack_id, section_id, read_at FROM section_reads WHERE learner_id = ?"),
        "sessions": table("SELECT id, pack_id, mode, seed, started_at, finished_at FROM quiz_sessions "
                          "WHERE learner_id = ? ORDER BY started_at"),
        "cards": table("SELECT * FROM cards WHERE learner_id = ? ORDER BY pack_id, question_id"),
    }
