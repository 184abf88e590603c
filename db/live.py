"""Live sessions in the trainer's progress store: what was asked, who joined, every answer.

A live session's answers are precious in the same way a learner's own are:
each one is written in a transaction (``BEGIN IMMEDIATE`` … ``COMMIT`` on a
WAL file with ``synchronous=FULL``) before the learner is told it was
received, so a crash of the trainer's laptop cannot lose an acknowledged
answer. Answers that arrive while the previous commit is being synced share
the next commit (:func:`add_answers`, group commit): thirty learners pressing
at once wait for two or three syncs, not thirty in a row.
The tables (migration ``0007_live_sessions``) are apart from ``answers``: the
room's answers are not the trainer's own practice and must not move the
trainer's dashboard or review schedule.

The server writes from its own thread through its own connection (SQLite
connections stay on their thread); the app reads through the facade's.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from db.errors import saving
from db.progress import now_iso, write_transaction


@dataclass(frozen=True)
class StoredSession:
    id: str
    pack_id: str
    code: str
    config: dict[str, Any]
    question_ids: list[str]
    started_at: str
    finished_at: str | None
    learners: int
    answers: int


@dataclass(frozen=True)
class StoredAnswer:
    learner: int
    name: str
    position: int
    question_id: str
    response: Any
    correct: bool
    score: float
    answered_at: str


def create_session(db: Database, *, session_id: str, pack_id: str, code: str, config: dict[str, Any],
                   question_ids: list[str]) -> None:
    with saving("The live session"), write_transaction(db):
        db.execute("INSERT INTO live_sessions (id, pack_id, code, config, question_ids, started_at) "
                   "VALUES (?, ?, ?, ?, ?, ?)",
                   [session_id, pack_id, code, json.dumps(config), json.dumps(question_ids), now_iso()])


def add_learner(db: Database, session_id: str, number: int, name: str) -> None:
    with saving("A learner joining"), write_transaction(db):
        db.execute("INSERT INTO live_learners (session_id, number, name, joined_at) VALUES (?, ?, ?, ?)",
                   [session_id, number, name, now_iso()])


def add_answers(db: Database, rows: list[dict[str, Any]]) -> list[int | sqlite3.IntegrityError]:
    """Append answers that arrived together in one commit (group commit): each row's id, or the
    IntegrityError that refused it (a second answer to the same question), in order.

    Each answer is inserted in its own savepoint, so a refused one cannot take the others with it;
    the commit is durable (WAL, ``synchronous=FULL``) before this returns, and no answer is
    acknowledged before then. A failed commit raises and none of them is stored.
    """
    results: list[int | sqlite3.IntegrityError] = []
    with saving("Learners' answers"), write_transaction(db):
        for row in rows:
            try:
                with db.atomic():
                    cursor = db.execute(
                        "INSERT INTO live_answers (session_id, learner, position, question_id, response, correct, "
                        "score, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        [row["session_id"], row["learner"], row["position"], row["question_id"],
                         json.dumps(row["response"], ensure_ascii=False), int(bool(row["correct"])),
                         float(row["score"]), now_iso()])
                results.append(int(cursor.lastrowid or 0))
            except sqlite3.IntegrityError as exc:
                results.append(exc)
    return results


def finish_session(db: Database, session_id: str) -> None:
    with saving("Ending the live session"), write_transaction(db):
        db.execute("UPDATE live_sessions SET finished_at = ? WHERE id = ? AND finished_at IS NULL",
                   [now_iso(), session_id])


def _session(row: dict[str, Any]) -> StoredSession:
    return StoredSession(row["id"], row["pack_id"], row["code"] or "", json.loads(row["config"]),
                         json.loads(row["question_ids"]), row["started_at"], row["finished_at"],
                         int(row["learners"]), int(row["answers"]))


_SESSIONS = ("SELECT s.*, (SELECT count(*) FROM live_learners l WHERE l.session_id = s.id) AS learners, "
             "(SELECT count(*) FROM live_answers a WHERE a.session_id = s.id) AS answers FROM live_sessions s")


def sessions(db: Database, pack_id: str | None = None) -> list[StoredSession]:
    """Every live session (of one pack), newest first."""
    where, params = (" WHERE s.pack_id = ?", [pack_id]) if pack_id else ("", [])
    return [_session(r) for r in db.query(f"{_SESSIONS}{where} ORDER BY s.started_at DESC", params)]


def session(db: Database, session_id: str) -> StoredSession | None:
    row = next(db.query(f"{_SESSIONS} WHERE s.id = ?", [session_id]), None)
    return _session(row) if row else None


def learners(db: Database, session_id: str) -> dict[int, str]:
    """Learner number -> display name, in the order they joined."""
    return {int(r["number"]): r["name"] for r in db.query(
        "SELECT number, name FROM live_learners WHERE session_id = ? ORDER BY number", [session_id])}


def answers(db: Database, session_id: str) -> list[StoredAnswer]:
    """Every answer of a session, in the order they arrived."""
    names = learners(db, session_id)
    return [StoredAnswer(int(r["learner"]), names.get(int(r["learner"]), "?"), int(r["position"]), r["question_id"],
                         json.loads(r["response"]) if r["response"] else None, bool(r["correct"]), float(r["score"]),
                         r["answered_at"])
            for r in db.query("SELECT * FROM live_answers WHERE session_id = ? ORDER BY id", [session_id])]
