"""One user of a data folder at a time: an OS lock on ``instance.lock``.

Two copies of the app on one progress file each believe they know its state:
a restore in one renames the file under the other, which then keeps writing
acknowledged answers into the renamed copy. So the app (and any command that
changes progress) holds this lock for as long as it runs. The operating system
releases it when the holder exits or is killed, so a crash never leaves the
folder locked; the pid and description written into the file are only there
to tell the next comer who has it.

The file also says how the last holder left: ``state=running`` is written
(and synced) as the lock is taken, and ``state=closed`` (with whatever the
holder notes, e.g. the progress file's size and times) only by a clean
:meth:`InstanceLock.release`. A holder killed or crashed leaves ``running``
behind, so the next one knows to check the progress file before trusting it.
"""

from __future__ import annotations

import errno
import os
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from db.errors import InstanceBusyError

LOCK_FILE = "instance.lock"
_RETRY_S = 0.05
_UNSUPPORTED = {errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL}

if sys.platform != "win32":  # POSIX (a platform check rather than try/import, so mypy checks each side)
    import fcntl

    def _try_lock(handle: IO[bytes]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        except OSError as exc:
            if exc.errno in _UNSUPPORTED:
                # A file system without locks (some network shares): the app still runs; a restore
                # still checks at the SQLite level that nobody else has the file open.
                return True
            raise
        return True

else:  # Windows: lock one byte far past the text, so the text stays readable
    import msvcrt

    def _try_lock(handle: IO[bytes]) -> bool:
        handle.seek(1 << 20)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        finally:
            handle.seek(0)
        return True


@dataclass(frozen=True)
class Holder:
    """Who holds the lock, as they wrote it down."""

    pid: int | None
    what: str  # e.g. "Briefing Quiz" or "the command `main.py stats`"
    since: str
    command: bool  # a short command-line run (worth waiting for) rather than the app

    def describe(self) -> str:
        who = self.what or "another copy of Briefing Quiz"
        pid = f", process {self.pid}" if self.pid else ""
        since = f", since {self.since}" if self.since else ""
        return f"{who}{pid}{since}"


def _fields(text: str) -> dict[str, str]:
    return dict(line.split("=", 1) for line in text.splitlines() if "=" in line)


def holder(folder: str | Path) -> Holder | None:
    """What the lock file says (None if there is none or it cannot be read)."""
    try:
        fields = _fields((Path(folder) / LOCK_FILE).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None
    pid = fields.get("pid", "")
    return Holder(int(pid) if pid.isdigit() else None, fields.get("what", ""), fields.get("since", ""),
                  fields.get("kind") == "command")


class InstanceLock:
    """Held for the lifetime of a :class:`app.workspace.Workspace` that may change progress."""

    def __init__(self, folder: Path, handle: IO[bytes], previous: Mapping[str, str] | None = None,
                 mine: Mapping[str, str] | None = None):
        self.folder, self._handle = folder, handle
        #: what the lock file said before we took it: how the previous holder left (see :meth:`left_cleanly`)
        self.previous: dict[str, str] = dict(previous or {})
        self._mine = dict(mine or {})

    def left_cleanly(self) -> dict[str, str] | None:
        """The previous holder's notes if it released the lock cleanly; None after a kill, a crash or a
        power cut (``state=running`` left behind), or when no holder ever wrote the file."""
        return self.previous if self.previous.get("state") == "closed" else None

    @classmethod
    def acquire(cls, folder: str | Path, what: str, *, command: bool = False, patience: float = 0.0) -> InstanceLock:
        """Take the folder's lock or raise :class:`InstanceBusyError` saying who has it.

        ``patience``: seconds to wait when the holder is a command-line run,
        which finishes by itself (the app is never waited for).
        """
        folder = Path(folder)
        deadline = time.monotonic() + patience
        # Opened without truncating: the holder's text must survive our attempt.
        handle = open(folder / LOCK_FILE, "a+b")  # held open for as long as the lock is
        try:
            while not _try_lock(handle):
                current = holder(folder)
                if current is None or not current.command or time.monotonic() >= deadline:
                    raise InstanceBusyError(_busy_message(folder, current))
                time.sleep(_RETRY_S)
            handle.seek(0)
            try:
                previous = _fields(handle.read().decode("utf-8"))
            except UnicodeDecodeError:
                previous = {}
            stamp = datetime.now(UTC).astimezone().strftime("%Y-%m-%d %H:%M")
            mine = {"pid": str(os.getpid()), "what": what, "kind": "command" if command else "app", "since": stamp}
            _write(handle, {**mine, "state": "running"})
            os.fsync(handle.fileno())  # a power cut must not leave an older "closed" behind
        except BaseException:
            handle.close()
            raise
        return cls(folder, handle, previous, mine)

    def release(self, clean: Mapping[str, str] | None = None) -> None:
        """Give the folder up (closing the file releases the OS lock).

        ``clean``: the holder closed everything it had open; it is recorded with
        ``state=closed`` for the next holder (:meth:`left_cleanly`). Without it
        (a failed start, say) ``state=running`` stays, and the next holder checks.
        """
        if self._handle.closed:
            return
        try:
            if clean is not None:
                _write(self._handle, {**self._mine, "state": "closed", **clean})
        except OSError:
            pass  # the note is only a shortcut: without it the next start checks the file
        finally:
            self._handle.close()


def _write(handle: IO[bytes], fields: Mapping[str, str]) -> None:
    """Replace the lock file's text (one ``key=value`` per line; values never hold a line break)."""
    handle.seek(0)
    handle.truncate()
    handle.write("".join(f"{key}={' '.join(str(value).split())}\n" for key, value in fields.items()).encode())
    handle.flush()


def _busy_message(folder: Path, current: Holder | None) -> str:
    who = current.describe() if current else "another copy of Briefing Quiz"
    return (f"The data folder {folder} is in use by {who}. Only one copy of Briefing Quiz may use a data folder "
            "at a time, so that no answer is saved where the other copy cannot see it. Switch to that window "
            "(or wait for the command to finish), or close it and try again.")
