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
from db.progress import read_only, schema_version

_SIDE_FILES = ("-wal", "-shm")


@dataclass(frozen=True)
class Health:
    """What the start-up check found; ``message`` can be shown to the user as it is."""

    status: str  # "ok" | "missing" | "corrupt" | "newer"
    message: str  # plain words for the user

    @property
    def ok(self) -> bool:
        return self.status in ("ok", "missing")


def check_progress(path: str | Path) -> Health:
    """Open ``path`` read-only and run ``PRAGMA quick_check``; never raises for bad bytes.

    Read-only on purpose: SQLite still reads a ``-wal`` left by a crash (so a
    healthy file with unsaved-to-main pages is "ok"), but a read-only connection
    never checkpoints on close. A read-write one would fold the WAL into the
    main file, changing a newer app's file we promise to leave alone, or the
    damaged bytes we are about to keep aside.
    """
    path = Path(path)
    if not path.exists():
        return Health("missing", "No progress yet: a new progress file will be created.")
    try:
        with read_only(path) as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > schema_version():
                return Health("newer", f"Your progress file was saved by a newer version of Briefing Quiz "
                                       f"(format {version}; this version reads up to {schema_version()}). "
                                       "It has not been changed. Please update the app to use it.")
            result = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.DatabaseError as exc:
        return Health("corrupt", f"Your progress file is damaged and cannot be read ({exc}).")
    except UnicodeDecodeError:  # SQLite's report quoted damaged bytes that are not even text
        return Health("corrupt", "Your progress file is damaged and cannot be read.")
    if result != ["ok"]:
        return Health("corrupt", "Your progress file is damaged: SQLite's check found "
                                 f"{len(result)} problem(s), e.g. {result[0]}")
    return Health("ok", "Your progress file is healthy.")


def _present(path: Path) -> list[Path]:
    """The database file and its WAL/SHM, those of them that exist."""
    return [f for f in (path, *(path.with_name(path.name + s) for s in _SIDE_FILES)) if f.exists()]


def move_aside(path: str | Path, *, label: str = "damaged", now: datetime | None = None) -> Path:
    """Rename the progress file (and its WAL/SHM) to ``progress.<label>-<time>.db``; never delete it.

    The WAL goes with it because it may hold the newest answers, and because a
    WAL left behind would be replayed into whatever file takes the old name.
    Works when only the WAL/SHM are left too. Returns the new main-file name
    (which may not exist if only side files were moved).
    """
    path = Path(path)
    if not _present(path):
        raise FileNotFoundError(f"Nothing to move aside: {path} does not exist.")
    stamp = f"{now or datetime.now():%Y%m%d-%H%M%S}"
    target = path.with_name(f"{path.stem}.{label}-{stamp}{path.suffix}")
    n = 1
    while _present(target):
        target = path.with_name(f"{path.stem}.{label}-{stamp}-{n}{path.suffix}")
        n += 1
    if path.exists():
        os.replace(path, target)
    for suffix in _SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    return target


def newest_good_backup(folder: str | Path) -> backup.Backup | None:
    """The newest backup that passes ``integrity_check`` and is readable by this version.

    Returns the :class:`~db.backup.Backup` (its ``.path`` is the file) so the
    UI can show the date and answer count of what it offers.
    """
    return next((b for b in backup.list_backups(folder) if backup.verify(b.path)), None)


def restore(source: str | Path, path: str | Path, *, label: str = "before-restore") -> Path | None:
    """Put backup ``source`` in place of the progress file at ``path``.

    The backup is verified and staged next to ``path`` first (online backup
    API into a temp file, fsync), so a bad backup or a full disk changes
    nothing. Then the current file, if any, is moved aside (its new path is
    returned, else None), so restoring is itself reversible, and the staged
    copy is renamed into place.
    Any WAL/SHM at ``path`` is moved aside too, even without a main file: a
    stale WAL would otherwise be replayed over the restored data.
    The caller must have closed its own connections to ``path``.
    Raises ValueError if the backup does not verify.
    """
    source, path = Path(source), Path(path)
    if not backup.verify(source):
        raise ValueError(f"The backup {source.name} is damaged or from a newer version; nothing was changed.")
    staged = path.with_name(path.name + ".restoring")
    with read_only(source) as conn:
        backup.copy_database(conn, staged)
    had_file = path.exists()
    moved = move_aside(path, label=label) if _present(path) else None
    os.replace(staged, path)
    return moved if had_file else None
