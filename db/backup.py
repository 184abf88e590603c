"""Automatic, rotated backups of the progress database.

Copies are made with SQLite's online backup API, never by copying the file:
a file copy of a database in WAL mode can miss committed pages that still sit
in the ``-wal`` file, or catch a page mid-write. Each backup is written to a
temporary name, synced, then renamed, so a crash never leaves a half backup
that looks complete.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlite_utils import Database

from db.progress import read_only, schema_version

BACKUP_DIR = "backups"
INTERVAL = timedelta(minutes=30)
_NAME = re.compile(r"^progress-(\d{8}-\d{6})\.db$")


@dataclass(frozen=True)
class Backup:
    """One backup file. Size and answer count are read on demand, so listing
    a folder of backups stays cheap (only the restore dialog needs the counts)."""

    path: Path
    taken_at: datetime  # local time, from the file name

    @property
    def label(self) -> str:
        return f"{self.taken_at:%Y-%m-%d %H:%M:%S}"

    @property
    def size(self) -> int:
        """Size in bytes (0 if the file has gone since it was listed)."""
        try:
            return self.path.stat().st_size
        except OSError:
            return 0

    def answers(self) -> int | None:
        """Number of answers in this backup (None if it cannot be read)."""
        try:
            with read_only(self.path) as conn:
                return int(conn.execute("SELECT count(*) FROM answers").fetchone()[0])
        except sqlite3.Error:
            return None


def copy_database(source: sqlite3.Connection, target: Path) -> None:
    """Online-backup ``source`` into ``target`` atomically (temp file, fsync, rename)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(target.name + ".partial")
    temporary.unlink(missing_ok=True)
    destination = sqlite3.connect(str(temporary))
    try:
        source.backup(destination)
        destination.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
    finally:
        destination.close()
    with temporary.open("rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(temporary, target)
    _sync_directory(target.parent)


def _sync_directory(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # e.g. Windows cannot open directories; the rename is still atomic
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def backup_now(source: Database | sqlite3.Connection | str | Path, folder: str | Path, *,
               now: datetime | None = None) -> Path:
    """Write a new backup of ``source`` into ``folder``; return its path.

    ``source`` is the app's open database (preferred: the backup then sees
    exactly what this process committed) or the path of a progress file, which
    is opened read-only so a backup can never change the file it protects.
    """
    now = now or datetime.now()
    target = Path(folder) / f"progress-{now:%Y%m%d-%H%M%S}.db"
    if isinstance(source, Database):
        source = source.conn
    if isinstance(source, sqlite3.Connection):
        copy_database(source, target)
    else:
        with read_only(Path(source)) as conn:
            copy_database(conn, target)
    return target


def list_backups(folder: str | Path) -> list[Backup]:
    """Backups in ``folder``, newest first (other files there are ignored, never touched)."""
    folder = Path(folder)
    found = []
    for path in folder.glob("progress-*.db") if folder.is_dir() else ():
        match = _NAME.match(path.name)
        if match:
            found.append(Backup(path, datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def due(folder: str | Path, *, now: datetime | None = None, interval: timedelta = INTERVAL) -> bool:
    """True when the newest backup is older than ``interval`` (or there is none)."""
    backups = list_backups(folder)
    return not backups or (now or datetime.now()) - backups[0].taken_at >= interval


def rotate(folder: str | Path, *, keep_daily: int = 7, keep_weekly: int = 4,
           now: datetime | None = None) -> list[Path]:
    """Keep the newest backup, the newest of each of the last ``keep_daily`` days that have one,
    and the newest of each of the last ``keep_weekly`` ISO weeks that have one; delete the rest.

    Days and weeks are counted among those that *have* a backup, not back from
    the calendar: someone who is away from the app for two months must come
    back to a week of backups, not to one. ``now`` is therefore not needed and
    is accepted only so callers can pass the same clock to every function here.
    Returns the deleted paths.
    """
    backups = list_backups(folder)
    keep: set[Path] = {backups[0].path} if backups else set()
    days: dict[object, Path] = {}
    weeks: dict[object, Path] = {}
    for backup in backups:  # newest first, so the first seen per day/week is the newest
        days.setdefault(backup.taken_at.date(), backup.path)
        weeks.setdefault(backup.taken_at.isocalendar()[:2], backup.path)
    keep |= set(list(days.values())[:keep_daily])
    keep |= set(list(weeks.values())[:keep_weekly])
    removed = []
    for backup in backups:
        if backup.path not in keep:
            backup.path.unlink(missing_ok=True)
            removed.append(backup.path)
    return removed


def verify(path: str | Path) -> bool:
    """A backup is usable: it opens, passes ``integrity_check``, has an answers
    table and is not from a newer app (which this version must not write into)."""
    try:
        with read_only(Path(path)) as conn:
            if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                return False
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            conn.execute("SELECT count(*) FROM answers").fetchone()
    except sqlite3.Error:
        return False
    return 0 < version <= schema_version()
