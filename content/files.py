"""Reading a pack's files: regular files in the pack folder only, never more than a limit.

A shared pack is a stranger's folder. Its ``pack.toml`` could be a symbolic
link to any file on the reader's disk, a FIFO that blocks the reader forever,
or ``/dev/zero`` that never ends. So each file is opened relative to the
already opened pack folder, without following a link and without blocking
(``O_NOFOLLOW | O_NONBLOCK``), and only then checked with ``fstat`` on that
same open file: there is no window between the check and the read in which
the file could be swapped (no TOCTOU). Reading stops one byte past the limit.
(Windows has neither ``O_NOFOLLOW`` nor descriptors for folders: there the
file's ``lstat`` is checked before it is opened by path.)
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
_FOLDER_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
_CHUNK = 1 << 20


class FileRefused(Exception):
    """A pack file that is not read; the message completes "pack.toml …" or "source text 'x' …"."""


_DIR_FD = os.open in os.supports_dir_fd and hasattr(os, "O_NOFOLLOW")


@dataclass
class PackFolder:
    """The pack folder the user chose, opened once; every file is read relative to it."""

    path: Path
    fd: int | None  # None where folders cannot be opened (Windows)

    @classmethod
    def open(cls, directory: Path) -> PackFolder:
        """Raises ``OSError`` (with ``strerror``) if ``directory`` is not a readable folder."""
        if not _DIR_FD:  # pragma: no cover - Windows
            if not directory.is_dir():
                raise NotADirectoryError(errno.ENOTDIR, "Not a directory", str(directory))
            return cls(directory, None)
        return cls(directory, os.open(directory, _FOLDER_FLAGS))

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None

    def __enter__(self) -> PackFolder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _open(self, name: str) -> int:
        if self.fd is not None:
            return os.open(name, _READ_FLAGS, dir_fd=self.fd)
        path = self.path / name  # pragma: no cover - Windows
        if path.is_symlink():  # pragma: no cover - Windows
            raise OSError(errno.ELOOP, "Is a symbolic link", str(path))
        return os.open(path, _READ_FLAGS | getattr(os, "O_BINARY", 0))  # pragma: no cover - Windows


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a regular file"


def read_regular(folder: PackFolder, name: str, limit: int) -> bytes:
    """The bytes of the regular file ``name`` in ``folder``, at most ``limit`` of them.

    Raises :class:`FileRefused` for links, special files, files over the limit
    and files that cannot be opened. ``name`` must already be a plain file name.
    """
    try:
        fd = folder._open(name)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.EMLINK):
            raise FileRefused("is a symbolic link; a pack's files must be plain files inside its folder") from None
        if exc.errno == errno.ENXIO:
            raise FileRefused("is a socket or device, not a file") from None
        raise FileRefused(f"cannot be opened: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused(f"is {_kind(info.st_mode)}, not a regular file; a pack holds plain files only")
        if info.st_size > limit:
            raise FileRefused(f"is {info.st_size:,} bytes; the limit is {limit:,} bytes ({limit // (1024 * 1024)} MiB)")
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:  # it grew while being read
            raise FileRefused(f"is over the limit of {limit:,} bytes ({limit // (1024 * 1024)} MiB)")
        return b"".join(chunks)
    except OSError as exc:
        raise FileRefused(f"cannot be read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
