"""Learner profiles in the progress database."""

from __future__ import annotations

from sqlite_utils import Database

from db.progress import now_iso

DEFAULT_LEARNER = "Me"


def ensure_learner(db: Database, name: str = DEFAULT_LEARNER) -> int:
    """Id of the learner called ``name``, creating the profile if needed."""
    # INSERT OR IGNORE, not read-then-insert: two instances starting together
    # must not both try to create the same profile.
    db.execute("INSERT OR IGNORE INTO learners (name, created_at) VALUES (?, ?)", [name, now_iso()])
    return int(next(db.query("SELECT id FROM learners WHERE name = ?", [name]))["id"])


def list_learners(db: Database) -> list[dict]:
    return list(db.query("SELECT id, name, created_at FROM learners ORDER BY name COLLATE NOCASE"))
