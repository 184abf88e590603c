"""Learner profiles in the progress database."""

from __future__ import annotations

import uuid
from typing import Any

from sqlite_utils import Database

from db.errors import saving
from db.progress import now_iso, write_transaction

DEFAULT_LEARNER = "Me"


def ensure_learner(db: Database, name: str = DEFAULT_LEARNER) -> int:
    """Id of the learner called ``name``, creating the profile if needed."""
    # INSERT OR IGNORE, not read-then-insert: two instances starting together
    # must not both try to create the same profile.
    _insert(db, name, "INSERT OR IGNORE")
    return int(next(db.query("SELECT id FROM learners WHERE name = ?", [name]))["id"])


def _insert(db: Database, name: str, verb: str) -> None:
    """A new profile with its stable id (a file not yet migrated to 0007 has no column for it)."""
    if "uid" in {row[1] for row in db.execute("PRAGMA table_info(learners)")}:
        db.execute(f"{verb} INTO learners (name, created_at, uid) VALUES (?, ?, ?)", [name, now_iso(), new_uid()])
    else:
        db.execute(f"{verb} INTO learners (name, created_at) VALUES (?, ?)", [name, now_iso()])


def new_uid() -> str:
    """A learner's stable id: random, so two machines never give one out twice (see migration 0007)."""
    return str(uuid.uuid4())


def learner_uid(db: Database, learner_id: int) -> str | None:
    row = next(db.query("SELECT uid FROM learners WHERE id = ?", [learner_id]), None)
    return row["uid"] if row else None


def keep_only(db: Database, learner_id: int) -> None:
    """Remove every other learner and the live sessions from ``db`` (a copy made for the trainer)."""
    with write_transaction(db):
        for row in list(db.query("SELECT id FROM learners WHERE id != ?", [learner_id])):
            _delete(db, int(row["id"]))
        for table in ("live_answers", "live_learners", "live_sessions"):
            db.execute(f"DELETE FROM {table}")


def list_learners(db: Database) -> list[dict[str, Any]]:
    return list(db.query("SELECT id, name, created_at FROM learners ORDER BY name COLLATE NOCASE"))


class LearnerNameError(ValueError):
    """A profile name that is empty or already taken; the message is for the user."""


def _clean(db: Database, name: str, *, except_id: int | None = None) -> str:
    name = " ".join(name.split())
    if not name:
        raise LearnerNameError("A learner needs a name.")
    if len(name) > 60:
        raise LearnerNameError("Please keep the name under 60 characters.")
    clash = next(db.query("SELECT id FROM learners WHERE name = ? COLLATE NOCASE", [name]), None)
    if clash and clash["id"] != except_id:
        raise LearnerNameError(f"There is already a learner called “{name}”.")
    return name


def create_learner(db: Database, name: str) -> int:
    with saving("The new learner"), write_transaction(db):
        name = _clean(db, name)
        _insert(db, name, "INSERT")
        return int(next(db.query("SELECT id FROM learners WHERE name = ?", [name]))["id"])


def rename_learner(db: Database, learner_id: int, name: str) -> None:
    with saving("The new name"), write_transaction(db):
        db.execute("UPDATE learners SET name = ? WHERE id = ?", [_clean(db, name, except_id=learner_id), learner_id])


def delete_learner(db: Database, learner_id: int) -> None:
    """Remove a profile and all its progress (the UI confirms and backs up first)."""
    with saving("Deleting the learner"), write_transaction(db):
        _delete(db, learner_id)


def _delete(db: Database, learner_id: int) -> None:
    for table in ("answer_ratings", "retractions"):
        db.execute(f"DELETE FROM {table} WHERE answer_id IN (SELECT id FROM answers WHERE learner_id = ?)",
                   [learner_id])
    for table in ("question_totals", "hour_totals", "question_marks", "answers", "cards", "section_reads",
                  "quiz_sessions"):
        db.execute(f"DELETE FROM {table} WHERE learner_id = ?", [learner_id])
    db.execute("DELETE FROM learners WHERE id = ?", [learner_id])


def learner_name(db: Database, learner_id: int) -> str | None:
    row = next(db.query("SELECT name FROM learners WHERE id = ?", [learner_id]), None)
    return row["name"] if row else None
