"""Start-up health check of the progress file, and the ways back from damage.

A damaged file is never deleted or "repaired" in place: it is moved aside
with a timestamp (someone may still recover answers from it), and the newest
backup that passes ``integrity_check`` is offered in its place. A file from a
newer app version, or some other program's SQLite file, is not damaged; it is
refused and left exactly as it is. A ``-wal`` or ``-journal`` left without its
database is never mistaken for a fresh install: it may hold the newest answers,
so it is kept, and what can be read from it is offered back.

Restoring a backup is journalled: the steps are written down (fsynced) before
the first rename, so a restore killed half-way is finished at the next start
instead of leaving the app to start empty.

``PRAGMA quick_check`` reads every page (350 ms at a million answers), so it
does not run at every start: only when the file may have been hurt since the
app last closed it cleanly: after a kill, a crash or a power cut (the instance
lock says ``state=running``), or when the file's size, times or inode differ
from what that clean close recorded (:func:`file_state`; another program wrote
it, a backup tool put an old copy back). Otherwise the GUI runs it on a worker
thread after the window is up (:func:`quick_check_file`).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import struct
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from db import backup
from db.errors import RestoreRefusedError, not_saved, saving
from db.progress import identify, read_only, schema_version

_SIDE_FILES = ("-wal", "-shm", "-journal")
STAGED_SUFFIX = ".restoring"
JOURNAL_SUFFIX = ".restore-journal"
_CHECK_PREFIX = ".check-"
_WAL_MAGIC = (0x377F0682, 0x377F0683)
#: File-system clocks tick coarsely (a few ms on Linux before 6.13, ~16 ms on NTFS): a file written twice
#: within one tick keeps the same times. A state is only recorded once its file is older than this, so a
#: later write can never leave the recorded times in place.
SETTLE_NS = 30_000_000


@dataclass(frozen=True)
class Health:
    """What the start-up check found; ``message`` can be shown to the user as it is."""

    status: str  # "ok" | "missing" | "corrupt" | "orphan" | "newer" | "foreign"
    message: str  # plain words for the user

    @property
    def ok(self) -> bool:
        return self.status in ("ok", "missing")

    @property
    def needs_recovery(self) -> bool:
        """Damaged, or only its journal left: the file must be moved aside and a backup offered."""
        return self.status in ("corrupt", "orphan")


def _side(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def check_progress(path: str | Path, *, thorough: bool = True) -> Health:
    """Check ``path`` without changing it, and run ``PRAGMA quick_check``; never raises for bad bytes.

    ``thorough=False`` skips the quick check (the file is as the app left it
    after a clean close): the header is still read, so a newer, foreign,
    missing or journal-only file is still told apart, and a file SQLite
    cannot even open is still "corrupt".

    Read-only on purpose: SQLite still reads a ``-wal`` left by a crash (so a
    healthy file with unsaved-to-main pages is "ok"), but a read-only connection
    never checkpoints on close. A read-write one would fold the WAL into the
    main file, changing a newer app's file we promise to leave alone, or the
    damaged bytes we are about to keep aside. A ``-journal`` left by a crash
    (during the switch to WAL, say) cannot be rolled back read-only, so the
    file is then checked as a copy, where SQLite may roll it back.
    """
    path = Path(path)
    if not _size(path):  # missing, or empty as a crash before the first write leaves it
        left = [s for s in ("-wal", "-journal") if _size(_side(path, s))]
        if left:
            names = " and ".join(path.name + s for s in left)
            return Health("orphan", f"Your progress file {path.name} is missing or empty, but SQLite's journal "
                                    f"({names}) was left behind; it may hold your newest answers.")
        return Health("missing", "No progress yet: a new progress file will be created.")
    try:
        if _size(_side(path, "-journal")):
            return _check_copy(path)
        with read_only(path) as conn:
            return _examine(conn, thorough)
    except sqlite3.DatabaseError as exc:
        return Health("corrupt", f"Your progress file is damaged and cannot be read ({exc}).")
    except UnicodeDecodeError:  # SQLite's report quoted damaged bytes that are not even text
        return Health("corrupt", "Your progress file is damaged and cannot be read.")


def _examine(conn: sqlite3.Connection, thorough: bool = True) -> Health:
    kind, version = identify(conn)
    if kind == "foreign":
        return Health("foreign", "Your data folder holds a file named progress.db that is not a Briefing Quiz "
                                 "progress file (it is some other program's SQLite database). It has not been "
                                 "changed. Move it elsewhere, or choose another data folder with --data-dir.")
    if version > schema_version():
        return Health("newer", f"Your progress file was saved by a newer version of Briefing Quiz "
                               f"(format {version}; this version reads up to {schema_version()}). "
                               "It has not been changed. Please update the app to use it.")
    if not thorough:
        return Health("ok", "Your progress file is as the app left it.")
    result = quick_check(conn)
    if result != ["ok"]:
        return Health("corrupt", "Your progress file is damaged: SQLite's check found "
                                 f"{len(result)} problem(s), e.g. {result[0]}")
    return Health("ok", "Your progress file is healthy.")


def quick_check(conn: sqlite3.Connection) -> list[str]:
    """SQLite's ``PRAGMA quick_check``: ``["ok"]`` or its findings (reads every page of the file)."""
    return [str(row[0]) for row in conn.execute("PRAGMA quick_check").fetchall()]


def quick_check_file(path: str | Path) -> str:
    """"ok" or SQLite's findings, on a read-only connection of its own: safe on a worker thread while the
    app goes on writing (WAL readers see the last commit and never block a writer)."""
    try:
        with read_only(path) as conn:
            return "\n".join(quick_check(conn))
    except sqlite3.DatabaseError as exc:
        return f"The file cannot be read: {exc}"


def file_state(path: str | Path) -> str:
    """The progress file's and its journals' type, size, times and inode, as one line (for the clean-close note)."""
    parts = []
    for suffix in ("", "-wal", "-journal"):
        try:
            info = os.lstat(_side(Path(path), suffix))
        except FileNotFoundError:
            parts.append("-")
            continue
        parts.append(f"{info.st_mode:o}:{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}:{info.st_dev}:"
                     f"{info.st_ino}")
    return " ".join(parts)


def settled_state(path: str | Path) -> str | None:
    """:func:`file_state` once the files' last change is older than one clock tick (waits up to
    :data:`SETTLE_NS`), so that no later write can keep these times; None where times are whole
    seconds (FAT, ext3): there the file is checked at the next start instead."""
    newest = 0
    for suffix in ("", "-wal", "-journal"):
        try:
            info = os.lstat(_side(Path(path), suffix))
        except FileNotFoundError:
            continue
        if not (info.st_mtime_ns % 1_000_000_000 or info.st_ctime_ns % 1_000_000_000):
            return None
        newest = max(newest, info.st_mtime_ns, info.st_ctime_ns)
    wait = newest + SETTLE_NS - time.time_ns()
    if wait > SETTLE_NS:  # times in the future: the clock was set back; do not trust them
        return None
    if wait > 0:
        time.sleep(wait / 1e9)
    return file_state(path)


def _check_copy(path: Path) -> Health:
    """Check a copy of the file and its journals, so SQLite can roll a crash's journal back there."""
    try:
        with tempfile.TemporaryDirectory(dir=path.parent, prefix=_CHECK_PREFIX) as folder:
            copy = Path(folder) / path.name
            for suffix in ("", "-journal", "-wal"):
                if _side(path, suffix).exists():
                    shutil.copyfile(_side(path, suffix), _side(copy, suffix))
            conn = sqlite3.connect(copy)
            try:
                return _examine(conn)
            finally:
                conn.close()
    except OSError:  # no room for a copy: the read-write open decides (and reports damage as such)
        return Health("ok", "Your progress file was left by an interrupted write; SQLite will complete it.")


# -- moving aside ---------------------------------------------------------------------
def _present(path: Path) -> list[Path]:
    """The database file and its WAL/SHM/journal, those of them that exist."""
    return [f for f in (path, *(_side(path, s) for s in _SIDE_FILES)) if f.exists()]


def _aside_name(path: Path, label: str, now: datetime | None = None) -> Path:
    stamp = f"{now or datetime.now():%Y%m%d-%H%M%S}"
    target = path.with_name(f"{path.stem}.{label}-{stamp}{path.suffix}")
    n = 1
    while _present(target):
        target = path.with_name(f"{path.stem}.{label}-{stamp}-{n}{path.suffix}")
        n += 1
    return target


def _move(path: Path, target: Path) -> list[Path]:
    """Rename ``path`` and its side files to ``target`` (+ the same suffixes); returns the new names."""
    moved = []
    for suffix in ("", *_SIDE_FILES):
        source = _side(path, suffix)
        if source.exists():
            os.replace(source, _side(target, suffix))
            moved.append(_side(target, suffix))
    backup.sync_directory(path.parent)
    return moved


def move_aside(path: str | Path, *, label: str = "damaged", now: datetime | None = None) -> Path:
    """Rename the progress file (and its WAL/SHM/journal) to ``progress.<label>-<time>.db``; never delete it.

    The WAL goes with it because it may hold the newest answers, and because a
    WAL left behind would be replayed into whatever file takes the old name.
    Works when only the side files are left too. Returns the new main-file name
    (which may not exist if only side files were moved).
    """
    path = Path(path)
    if not _present(path):
        raise FileNotFoundError(f"Nothing to move aside: {path} does not exist.")
    target = _aside_name(path, label, now)
    _move(path, target)
    return target


def kept_files(moved_to: Path) -> list[Path]:
    """The files a :func:`move_aside` to ``moved_to`` left there."""
    return _present(moved_to)


# -- what can be offered back ----------------------------------------------------------------
def newest_good_backup(folder: str | Path) -> backup.Backup | None:
    """The newest backup that passes ``integrity_check`` and is readable by this version.

    Returns the :class:`~db.backup.Backup` (its ``.path`` is the file) so the
    UI can show the date and answer count of what it offers.
    """
    return next((b for b in backup.list_backups(folder) if backup.verify(b.path)), None)


def salvage_wal(wal: str | Path, target: str | Path) -> Path | None:
    """Rebuild a progress file from a ``-wal`` whose database file is gone; ``target`` or None.

    SQLite itself deletes a WAL it finds beside a missing or empty database,
    so the WAL is read here instead: its newest committed copy of page 1
    becomes a one-page database file, the WAL is put beside it, and SQLite
    replays it. That is complete when every page of the database is in the
    WAL (e.g. a first session that never reached a checkpoint); the result is
    only offered if it passes ``integrity_check`` and is one of our files.
    """
    wal, target = Path(wal), Path(target)
    try:
        data = wal.read_bytes()
    except OSError:
        return None
    page1 = _newest_committed_page1(data)
    if page1 is None:
        return None
    try:
        with tempfile.TemporaryDirectory(dir=target.parent, prefix=_CHECK_PREFIX) as folder:
            stub = Path(folder) / "salvage.db"
            stub.write_bytes(page1)
            _side(stub, "-wal").write_bytes(data)
            conn = sqlite3.connect(stub)
            try:
                if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                    return None
                kind, version = identify(conn)
                if kind != "ours" or not 0 < version <= schema_version():
                    return None
                conn.execute("SELECT count(*) FROM answers").fetchone()
                backup.copy_database(conn, target)
            finally:
                conn.close()
    except (sqlite3.Error, OSError):
        return None
    return target


def _newest_committed_page1(data: bytes) -> bytes | None:
    """Page 1 as of the WAL's last commit (frames with the header's salt only), or None."""
    if len(data) < 32:
        return None
    magic, _version, page_size, _checkpoint, salt1, salt2 = struct.unpack(">6I", data[:24])
    if magic not in _WAL_MAGIC or page_size < 512 or page_size & (page_size - 1):
        return None
    frame, offset = 24 + page_size, 32
    seen = committed = None
    while offset + frame <= len(data):
        page, commit, frame_salt1, frame_salt2 = struct.unpack(">4I", data[offset:offset + 16])
        if (frame_salt1, frame_salt2) != (salt1, salt2):
            break
        if page == 1:
            seen = data[offset + 24:offset + frame]
        if commit and seen is not None:
            committed = seen
        offset += frame
    return committed


# -- restoring ---------------------------------------------------------------------------------
def _journal(path: Path) -> Path:
    return _side(path, JOURNAL_SUFFIX)


def _staged(path: Path) -> Path:
    return _side(path, STAGED_SUFFIX)


def restore(source: str | Path, path: str | Path, *, label: str = "before-restore",
            now: datetime | None = None) -> Path | None:
    """Put backup ``source`` in place of the progress file at ``path``: :func:`stage`, then
    :func:`put_in_place`. The caller must have closed its own connections to ``path``."""
    return put_in_place(stage(source, path), path, label=label, now=now)


def stage(source: str | Path, path: str | Path) -> Path:
    """Verify backup ``source`` and copy it next to ``path`` (online backup API into a temp file,
    fsync), ready to be renamed into place; returns the staged copy.

    Touches nothing else, so it runs while the app still has the progress file
    open: a bad backup or a full disk changes nothing and interrupts nothing.
    Raises ValueError if the backup does not verify, NotSavedError if the disk is full.
    """
    source, path = Path(source), Path(path)
    _refuse_if_unfinished(path)
    if not backup.verify(source):
        raise ValueError(f"The backup {source.name} is damaged or from a newer version; nothing was changed.")
    staged = _staged(path)
    with saving(f"The copy of backup {source.name}"), read_only(source) as conn:
        backup.copy_database(conn, staged, journal_mode="WAL")
    return staged


def put_in_place(staged: Path, path: str | Path, *, label: str = "before-restore",
                 now: datetime | None = None, source: str | Path | None = None) -> Path | None:
    """Replace the progress file at ``path`` with the copy :func:`stage` made.

    1. Sole access is checked: leaving WAL mode needs every other connection
       closed, so if another copy of the app or any program has the file open
       the restore is refused (it would go on writing into the replaced file);
       it also folds the WAL into the file, so nothing lives only in a ``-wal``.
    2. The steps are written to a journal (fsynced), then the current file is
       moved aside (returned, else None: restoring is itself reversible) and the
       staged copy renamed into place. A kill anywhere after the journal is
       written is finished by :func:`finish_interrupted_restore` at the next start.
    Any WAL/SHM at ``path`` is moved aside too, even without a main file: a
    stale WAL would otherwise be replayed over the restored data.
    The caller must have closed its own connections to ``path``.
    Raises :class:`RestoreRefusedError` if another program has the file open and
    :class:`NotSavedError` if the disk is full; nothing is changed then.
    """
    path = Path(path)
    journal = _journal(path)
    try:
        _refuse_if_unfinished(path)
        _take_sole_access(path)
        had_file = path.exists()
        aside = _aside_name(path, label, now) if _present(path) else None
        with saving("The restore"):
            _write_journal(journal, {"staged": staged.name, "aside": aside.name if aside else None,
                                     "backup": str(source or staged), "started_at": datetime.now(UTC).isoformat()})
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    # From here on the journal says what to do; a failure is completed at the next start.
    if aside is not None:
        _move(path, aside)
    os.replace(staged, path)
    backup.sync_directory(path.parent)
    journal.unlink()
    backup.sync_directory(path.parent)
    return aside if had_file else None


def _refuse_if_unfinished(path: Path) -> None:
    """Start-up finishes an interrupted restore; never begin a second one over its files."""
    if _journal(path).exists():
        raise RestoreRefusedError("An earlier restore is still unfinished; restart the app to complete it. "
                                  "Nothing was changed.")


def _take_sole_access(path: Path) -> None:
    """Leave WAL mode (needs every other connection closed); RestoreRefusedError if someone has it open."""
    if not path.exists():
        return
    conn = sqlite3.connect(path, timeout=1.0)
    try:
        mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise RestoreRefusedError(
                "Another copy of Briefing Quiz, or another program, has your progress file open, so it was not "
                "replaced: that program would go on saving answers into the old file, where you would never see "
                "them. Close it, then restore again. Nothing was changed.") from exc
        raise not_saved("The restore", exc) from exc
    finally:
        conn.close()
    if mode != "delete":
        raise RestoreRefusedError(f"Your progress file could not be prepared for the restore (journal mode {mode}). "
                                  "Nothing was changed.")


def _write_journal(journal: Path, steps: dict[str, Any]) -> None:
    temporary = _side(journal, ".tmp")
    with temporary.open("w", encoding="utf-8") as handle:
        json.dump(steps, handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, journal)
    backup.sync_directory(journal.parent)


def finish_interrupted_restore(path: str | Path) -> str | None:
    """Complete (or, if it cannot be completed, undo) a restore a kill interrupted; remove its leftovers.

    Returns a sentence for the user when there was one to finish, else None.
    Without a journal, a staged copy is only a leftover of a restore that died
    before changing anything, and is removed.
    """
    path = Path(path)
    staged, journal = _staged(path), _journal(path)
    _side(journal, ".tmp").unlink(missing_ok=True)
    if not journal.exists():
        for leftover in (staged, _side(staged, backup.PARTIAL)):
            for suffix in ("", "-journal", "-wal", "-shm"):
                _side(leftover, suffix).unlink(missing_ok=True)
        return None
    try:
        steps = json.loads(journal.read_text(encoding="utf-8"))
        aside = path.with_name(steps["aside"]) if steps.get("aside") else None
        source = Path(steps.get("backup") or "the backup").name
    except (OSError, ValueError, KeyError, TypeError):  # written by rename, so this is not expected
        aside, source = None, "the backup"
    if staged.exists():
        if _present(path):  # not yet moved aside (or only partly): finish that first, never overwrite
            if aside is None or (path.exists() and aside.exists()):
                aside = _aside_name(path, "before-restore")
            _move(path, aside)
        os.replace(staged, path)
        message = f"A restore of {source} that was interrupted has been completed."
    elif path.exists():
        message = f"A restore of {source} that was interrupted has been completed."
    elif aside is not None and _present(aside):
        _move(aside, path)
        aside = None
        message = "A restore that was interrupted could not be completed and was undone; nothing changed."
    else:
        message = "A restore that was interrupted left nothing to complete."
    backup.sync_directory(path.parent)
    journal.unlink(missing_ok=True)
    backup.sync_directory(path.parent)
    if aside is not None and _present(aside):
        message += f" The progress file it replaced is kept as {aside.name}."
    return message


def remove_leftovers(folder: str | Path) -> None:
    """Temporary check/salvage folders a kill left in the data folder."""
    for leftover in Path(folder).glob(f"{_CHECK_PREFIX}*"):
        if leftover.is_dir():
            shutil.rmtree(leftover, ignore_errors=True)
