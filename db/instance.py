"""One user of a data folder at a time: an OS lock on ``instance.lock``.

Two copies of the app on one progress file each believe they know its state:
a restore in one renames the file under the other, which then keeps writing
acknowledged answers into the renamed copy. So the app (and any command that
changes progress) holds this lock for as long as it runs. The operating system
releases it when the holder exits or is killed, so a crash never leaves the
folder locked; the pid and description written into the file are only there
to tell the next comer who has it.
"""

from __future__ import annotations

import errno
import os
import sys
import time
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


def holder(folder: str | Path) -> Holder | None:
    """What the lock file says (None if there is none or it cannot be read)."""
    try:
        lines = (Path(folder) / LOCK_FILE).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    fields = dict(line.split("=", 1) for line in lines if "=" in line)
    pid = fields.get("pid", "")
    return Holder(int(pid) if pid.isdigit() else None, fields.get("what", ""), fields.get("since", ""),
                  fields.get("kind") == "command")


class InstanceLock:
    """Held for the lifetime of a :class:`app.workspace.Workspace` that may change progress."""

    def __init__(self, folder: Path, handle: IO[bytes]):
        self.folder, self._handle = folder, handle

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
            handle.truncate()
            stamp = datetime.now(UTC).astimezone().strftime("%Y-%m-%d %H:%M")
            handle.write(f"pid={os.getpid()}\nwhat={what}\nkind={'command' if command else 'app'}\n"
                         f"since={stamp}\n".encode())
            handle.flush()
        except BaseException:
            handle.close()
            raise
        return cls(folder, handle)

    def release(self) -> None:
        """Give the folder up (closing the file releases the OS lock)."""
        if not self._handle.closed:
            self._handle.close()


def _busy_message(folder: Path, current: Holder | None) -> str:
    who = current.describe() if current else "another copy of Briefing Quiz"
    return (f"The data folder {folder} is in use by {who}. Only one copy of Briefing Quiz may use a data folder "
            "at a time, so that no answer is saved where the other copy cannot see it. Switch to that window "
            "(or wait for the command to finish), or close it and try again.")
