"""Automatic, rotated backups of the progress database.

Copies are made with SQLite's online backup API, never by copying the file:
a file copy of a database in WAL mode can miss committed pages that still sit
in the ``-wal`` file, or catch a page mid-write. Each backup is written to a
temporary ``.partial`` name, synced, then renamed, so a crash never leaves a
half backup that looks complete; a failed copy removes its ``.partial`` at
once, and one left by a kill is removed at the next start.

Backups are named by UTC time plus a sequence number
(``progress-20260501T093000Z-000042.db``). Order, rotation and "is one due?"
go by the sequence number, so a clock set back a day or a move to another time
zone can neither make the backup just taken look old (and be rotated away) nor
stop automatic backups. Names from older versions (local time,
``progress-20260501-093000.db``) are still listed and restorable; they count as
older than every numbered one.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlite_utils import Database

from db.progress import identify, read_only, schema_version

BACKUP_DIR = "backups"
INTERVAL = timedelta(minutes=30)
PARTIAL = ".partial"
_NAME = re.compile(r"^progress-(\d{8}T\d{6})Z-(\d{6,})\.db$")
_LEGACY_NAME = re.compile(r"^progress-(\d{8}-\d{6})\.db$")


@dataclass(frozen=True)
class Backup:
    """One backup file. Size and answer count are read on demand, so listing
    a folder of backups stays cheap (only the restore dialog needs the counts)."""

    path: Path
    taken_at: datetime  # aware: UTC from the name (old local-time names: read as this machine's local time)
    seq: int = 0  # order of taking; 0 for names from older versions

    @property
    def label(self) -> str:
        """When it was taken, in this machine's local time."""
        return f"{self.taken_at.astimezone():%Y-%m-%d %H:%M:%S}"

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


def _utc(now: datetime | None) -> datetime:
    """``now`` as an aware UTC time (a naive one is taken as local time); the clock when None."""
    if now is None:
        return datetime.now(UTC)
    return now.astimezone(UTC)


def copy_database(source: sqlite3.Connection, target: Path, *, journal_mode: str = "DELETE") -> None:
    """Online-backup ``source`` into ``target`` atomically (temp file, fsync, rename).

    ``journal_mode`` is the copy's: DELETE makes a backup one self-contained
    file; a copy about to become the progress file is made WAL here, so that
    nothing needs switching after it is renamed into place. On any failure
    (a full disk, say) the temporary file is removed before the error goes on.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(target.name + PARTIAL)
    _remove_with_journals(temporary)
    try:
        destination = sqlite3.connect(str(temporary))
        try:
            source.backup(destination)
            destination.execute(f"PRAGMA journal_mode={journal_mode}")
        finally:
            destination.close()  # a WAL-mode copy checkpoints and drops its -wal here
        with temporary.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        _remove_with_journals(temporary)
        raise
    sync_directory(target.parent)


def _remove_with_journals(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def sync_directory(folder: Path) -> None:
    """fsync a folder, so renames and deletions in it survive a power cut."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # e.g. Windows cannot open directories; the rename is still atomic
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def backup_name(taken_at: datetime, seq: int) -> str:
    return f"progress-{_utc(taken_at):%Y%m%dT%H%M%S}Z-{seq:06d}.db"


def backup_now(source: Database | sqlite3.Connection | str | Path, folder: str | Path, *,
               now: datetime | None = None) -> Path:
    """Write a new backup of ``source`` into ``folder``; return its path.

    ``source`` is the app's open database (preferred: the backup then sees
    exactly what this process committed) or the path of a progress file, which
    is opened read-only so a backup can never change the file it protects.
    The new backup gets the next sequence number, whatever the clock says.
    """
    folder = Path(folder)
    existing = list_backups(folder)
    seq = (existing[0].seq if existing else 0) + 1
    target = folder / backup_name(_utc(now), seq)
    if isinstance(source, Database):
        source = source.conn
    if isinstance(source, sqlite3.Connection):
        copy_database(source, target)
    else:
        with read_only(Path(source)) as conn:
            copy_database(conn, target)
    return target


def list_backups(folder: str | Path) -> list[Backup]:
    """Backups in ``folder``, newest (highest sequence number) first; other files there are ignored, never touched."""
    folder = Path(folder)
    found = []
    for path in folder.glob("progress-*.db") if folder.is_dir() else ():
        if match := _NAME.match(path.name):
            taken = datetime.strptime(match.group(1), "%Y%m%dT%H%M%S").replace(tzinfo=UTC)
            found.append(Backup(path, taken, int(match.group(2))))
        elif match := _LEGACY_NAME.match(path.name):
            found.append(Backup(path, datetime.strptime(match.group(1), "%Y%m%d-%H%M%S").astimezone(), 0))
    return sorted(found, key=lambda b: (b.seq, b.taken_at), reverse=True)


def remove_partials(folder: str | Path) -> list[Path]:
    """Delete the ``.partial`` files that killed or failed backups left (never a finished backup)."""
    folder = Path(folder)
    removed = []
    for path in sorted(folder.glob(f"progress-*.db{PARTIAL}*")) if folder.is_dir() else ():
        path.unlink(missing_ok=True)
        removed.append(path)
    return removed


def due(folder: str | Path, *, now: datetime | None = None, interval: timedelta = INTERVAL) -> bool:
    """True when the newest backup was taken ``interval`` or more ago (or there is none).

    If the clock now reads earlier than the newest backup's time (it was set
    back, or that backup was stamped by a clock running fast), one is due at
    once: the rhythm then continues from a backup stamped by today's clock,
    instead of stopping until the clock catches up.
    """
    backups = list_backups(folder)
    if not backups:
        return True
    elapsed = _utc(now) - backups[0].taken_at
    return elapsed >= interval or elapsed < timedelta(0)


#: The newest backups kept whatever their day: one taken by hand ("Back up now") survives the automatic one at close.
KEEP_RECENT = 5
#: Backups kept because they hold answers the newest backup does not (after "Start fresh", a restore of an older
#: backup, a learner deleted): the newest of each such line of answers, at most this many.
KEEP_LOST = 3


def rotate(folder: str | Path, *, keep_daily: int = 7, keep_weekly: int = 4, keep_recent: int = KEEP_RECENT,
           now: datetime | None = None) -> list[Path]:
    """Keep the newest ``keep_recent`` backups, the newest of each of the last ``keep_daily`` days that have one,
    the newest of each of the last ``keep_weekly`` ISO weeks that have one, and the newest backup of each line of
    answers the newest backup does not hold (:func:`_lost_lines`); delete the rest.

    "Newest" is by sequence number, never by the time in the name, so the
    backup just taken is always kept. Days are local days. They and weeks are
    counted among those that *have* a backup, not back from the calendar:
    someone who is away from the app for two months must come back to a week
    of backups, not to one. ``now`` is therefore not needed and is accepted
    only so callers can pass the same clock to every function here.
    Returns the deleted paths.
    """
    backups = list_backups(folder)
    keep: set[Path] = {b.path for b in backups[:max(1, keep_recent)]}
    days: dict[object, Path] = {}
    weeks: dict[object, Path] = {}
    for backup in backups:  # newest first, so the first seen per day/week is the newest
        local = backup.taken_at.astimezone()
        days.setdefault(local.date(), backup.path)
        weeks.setdefault(local.isocalendar()[:2], backup.path)
    keep |= set(list(days.values())[:keep_daily])
    keep |= set(list(weeks.values())[:keep_weekly])
    keep |= _lost_lines(backups)
    removed = []
    for backup in backups:
        if backup.path not in keep:
            backup.path.unlink(missing_ok=True)
            removed.append(backup.path)
    return removed


def _lost_lines(backups: list[Backup]) -> set[Path]:
    """Backups (newest first in ``backups``) holding answers that no newer kept line holds: the newest of each.

    Answers are only ever added (a retraction is a row too), so a backup's answers are all in a later one of the
    same line when its last answer is, with the same id, time and question. A fresh start, a restore of an older
    backup or a deleted learner begins another line; rotating by day alone deleted the only backup of the 18
    answers a "Start fresh" left behind when the app closed that day."""
    heads = [backups[0]] if backups else []
    kept: set[Path] = set()
    for candidate in backups[1:]:
        last = _last_answer(candidate.path)
        if last is None or any(_holds(head.path, last) for head in heads):
            continue
        heads.append(candidate)
        kept.add(candidate.path)
        if len(kept) >= KEEP_LOST:
            break
    return kept


def _last_answer(path: Path) -> tuple[int, str, str] | None:
    """(id, time, question) of the newest answer in a backup; None when it has none or cannot be read."""
    try:
        with read_only(path) as conn:
            row = conn.execute("SELECT id, answered_at, question_id FROM answers ORDER BY id DESC LIMIT 1").fetchone()
    except sqlite3.Error:
        return None
    return (int(row[0]), str(row[1]), str(row[2])) if row else None


def _holds(path: Path, answer: tuple[int, str, str]) -> bool:
    """Whether the backup at ``path`` has ``answer`` (same id, time and question)."""
    try:
        with read_only(path) as conn:
            row = conn.execute("SELECT answered_at, question_id FROM answers WHERE id = ?", [answer[0]]).fetchone()
    except sqlite3.Error:
        return False
    return row is not None and (str(row[0]), str(row[1])) == answer[1:]


def verify(path: str | Path) -> bool:
    """A backup is usable: it opens, passes ``integrity_check``, is one of our progress files
    with an answers table, and is not from a newer app (which this version must not write into)."""
    try:
        with read_only(Path(path)) as conn:
            if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                return False
            kind, version = identify(conn)
            conn.execute("SELECT count(*) FROM answers").fetchone()
    except sqlite3.Error:
        return False
    return kind == "ours" and 0 < version <= schema_version()
