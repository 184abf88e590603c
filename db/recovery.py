"""Start-up health check of the progress file, and the ways back from damage.

A damaged file is never deleted or "repaired" in place: it is moved aside
with a timestamp (someone may still recover answers from it), and the newest
backup that passes ``integrity_check`` is offered in its place. A file from a
newer app version is not damaged; it is refused and left exactly as it is.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from db import backup
from db.progress import BUSY_TIMEOUT_MS, schema_version

_SIDE_FILES = ("-wal", "-shm")


@dataclass(frozen=True)
class Health:
    status: str  # "ok" | "missing" | "corrupt" | "newer"
    message: str  # plain words for the user

    @property
    def ok(self) -> bool:
        return self.status in ("ok", "missing")


def check_progress(path: Path) -> Health:
    """Open ``path`` and run ``PRAGMA quick_check`` without changing anything."""
    if not path.exists():
        return Health("missing", "No progress yet: a new progress file will be created.")
    try:
        # Read-write (not mode=ro) so SQLite can replay a WAL left by a crash, which is normal.
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > schema_version():
                return Health("newer", f"Your progress file was saved by a newer version of Briefing Quiz "
                                       f"(format {version}; this version reads up to {schema_version()}). "
                                       "It has not been changed. Please update the app to use it.")
            result = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return Health("corrupt", f"Your progress file is damaged and cannot be read ({exc}).")
    except UnicodeDecodeError:  # SQLite's report quoted damaged bytes that are not even text
        return Health("corrupt", "Your progress file is damaged and cannot be read.")
    if result != ["ok"]:
        return Health("corrupt", "Your progress file is damaged: SQLite's check found "
                                 f"{len(result)} problem(s), e.g. {result[0]}")
    return Health("ok", "Your progress file is healthy.")


def move_aside(path: Path, *, label: str = "damaged", now: datetime | None = None) -> Path:
    """Rename the progress file (and its WAL/SHM) to ``progress.<label>-<time>.db``; never delete it."""
    stamp = f"{now or datetime.now():%Y%m%d-%H%M%S}"
    target = path.with_name(f"{path.stem}.{label}-{stamp}{path.suffix}")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.stem}.{label}-{stamp}-{n}{path.suffix}")
        n += 1
    os.replace(path, target)
    for suffix in _SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    return target


def newest_good_backup(folder: Path) -> backup.Backup | None:
    """The newest backup that passes ``integrity_check`` and is readable by this version."""
    return next((b for b in backup.list_backups(folder) if backup.verify(b.path)), None)


def restore(source: Path, path: Path, *, label: str = "before-restore") -> Path | None:
    """Put backup ``source`` in place of the progress file at ``path``.

    The current file, if any, is moved aside first (returned), so restoring is
    itself reversible. Raises ValueError if the backup does not verify.
    """
    if not backup.verify(source):
        raise ValueError(f"The backup {source.name} is damaged or from a newer version; nothing was changed.")
    staged = path.with_name(path.name + ".restoring")
    conn = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        backup.copy_database(conn, staged)
    finally:
        conn.close()
    moved = move_aside(path, label=label) if path.exists() else None
    os.replace(staged, path)
    return moved
