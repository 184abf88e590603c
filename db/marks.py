"""A learner's marks on questions: suspended (left out of quizzes, presenter mode and exports) and flagged.

Set in the question browser. One row per learner × question that has ever
been marked; a question without a row is neither suspended nor flagged.
"""

from __future__ import annotations

from sqlite_utils import Database

from db.errors import saving
from db.progress import now_iso, write_transaction


def set_mark(db: Database, learner_id: int, pack_id: str, question_id: str, *, suspended: bool | None = None,
             flagged: bool | None = None) -> None:
    """Suspend/unsuspend and/or flag/unflag one question (None: leave that mark as it is); durable on return."""
    with saving("Your mark on the question"), write_transaction(db):
        db.execute("INSERT INTO question_marks (learner_id, pack_id, question_id, suspended, flagged, changed_at) "
                   "VALUES (?, ?, ?, 0, 0, ?) ON CONFLICT (learner_id, pack_id, question_id) DO NOTHING",
                   [learner_id, pack_id, question_id, now_iso()])
        for column, value in (("suspended", suspended), ("flagged", flagged)):
            if value is not None:
                db.execute(f"UPDATE question_marks SET {column} = ?, changed_at = ? "
                           "WHERE learner_id = ? AND pack_id = ? AND question_id = ?",
                           [int(value), now_iso(), learner_id, pack_id, question_id])


def for_pack(db: Database, learner_id: int, pack_id: str) -> dict[str, tuple[bool, bool]]:
    """(suspended, flagged) of each marked question of one pack, by question id."""
    return {r["question_id"]: (bool(r["suspended"]), bool(r["flagged"])) for r in db.query(
        "SELECT question_id, suspended, flagged FROM question_marks WHERE learner_id = ? AND pack_id = ? "
        "AND (suspended OR flagged)", [learner_id, pack_id])}


def suspended(db: Database, learner_id: int, pack_id: str) -> set[str]:
    """Ids of the questions this learner suspended on one pack."""
    return {r["question_id"] for r in db.query(
        "SELECT question_id FROM question_marks WHERE learner_id = ? AND pack_id = ? AND suspended",
        [learner_id, pack_id])}
