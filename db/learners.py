"""Learner profiles in the progress database."""

from __future__ import annotations

from sqlite_utils import Database

from db.progress import now_iso

DEFAULT_LEARNER = "Me"


def ensure_learner(db: Database, name: str = DEFAULT_LEARNER) -> int:
    """Id of the learner called ``name``, creating the profile if needed."""
    row = next(db.query("SELECT id FROM learners WHERE name = ?", [name]), None)
    if row:
        return int(row["id"])
    return int(db["learners"].insert({"name": name, "created_at": now_iso()}).last_pk)


def list_learners(db: Database) -> list[dict]:
    return list(db.query("SELECT id, name, created_at FROM learners ORDER BY name COLLATE NOCASE"))
