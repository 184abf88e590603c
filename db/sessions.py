"""Quiz sessions as stored: their settings and their state (a JSON document saved with every answer)."""

from __future__ import annotations

from sqlite_utils import Database


def create(db: Database, *, session_id: str, learner_id: int, pack_id: str, mode: str, seed: str, config: str,
           state: str, started_at: str) -> None:
    db.execute("INSERT INTO quiz_sessions (id, learner_id, pack_id, mode, seed, config, state, started_at) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [session_id, learner_id, pack_id, mode, seed, config, state,
                                                  started_at])


def save_state(db: Database, session_id: str, state: str, finished_at: str | None) -> None:
    """The session's state, and when it finished (None: not finished, e.g. again after an answer was taken back)."""
    db.execute("UPDATE quiz_sessions SET state = ?, finished_at = ? WHERE id = ?", [state, finished_at, session_id])


def latest_unfinished(db: Database, learner_id: int, pack_id: str) -> str | None:
    """The saved state of this learner's latest unfinished session on a pack."""
    row = db.execute("SELECT state FROM quiz_sessions WHERE learner_id = ? AND pack_id = ? AND finished_at IS NULL "
                     "ORDER BY started_at DESC LIMIT 1", [learner_id, pack_id]).fetchone()
    return str(row[0]) if row else None
