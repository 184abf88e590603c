"""Which briefing sections a learner has marked as read (progress, so it is stored)."""

from __future__ import annotations

from sqlite_utils import Database

from db.errors import saving
from db.progress import now_iso, write_transaction


def set_read(db: Database, learner_id: int, pack_id: str, section_id: str, read: bool) -> None:
    """Mark a section read (or not); NotSavedError with a sentence if it cannot be written."""
    with saving("Marking the section as read" if read else "Marking the section as not read"), \
            write_transaction(db):
        if read:
            db.execute(
                "INSERT OR REPLACE INTO section_reads (learner_id, pack_id, section_id, read_at) VALUES (?, ?, ?, ?)",
                [learner_id, pack_id, section_id, now_iso()])
        else:
            db.execute("DELETE FROM section_reads WHERE learner_id = ? AND pack_id = ? AND section_id = ?",
                       [learner_id, pack_id, section_id])


def read_sections(db: Database, learner_id: int, pack_id: str) -> set[str]:
    return {r["section_id"] for r in db.query(
        "SELECT section_id FROM section_reads WHERE learner_id = ? AND pack_id = ?", [learner_id, pack_id])}
