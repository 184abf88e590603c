"""Errors the storage layer raises, worded for the person using the app."""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager


class StoreError(Exception):
    """Base class: a message safe to show in a dialog as it is."""


class NewerSchemaError(StoreError):
    """The progress file was written by a newer version of the app.

    We refuse to open it rather than guess: an older app writing into a newer
    schema could silently drop what the newer version recorded.
    """


class ForeignFileError(StoreError):
    """The progress file is an SQLite database, but not one of ours.

    It is refused, never "migrated": adding our tables to someone else's
    database would change a file we do not own.
    """


class CorruptStoreError(StoreError):
    """SQLite reports the file as damaged (``quick_check`` failed or not a database)."""


class NeedsRecoveryError(StoreError):
    """The progress file is damaged, or missing while its journal is left behind.

    Only the app (or ``main.py --recover``) may move it aside and offer a
    backup: a command that did so silently would use up that offer.
    """


class InstanceBusyError(StoreError):
    """Another copy of the app (or a command) is using this data folder."""


class RestoreRefusedError(StoreError):
    """A restore was refused before anything changed (another program has the file open)."""


class NotSavedError(StoreError):
    """A change could not be written. Its transaction was rolled back: nothing of
    it was saved, and everything saved before is intact."""


class StoreFullError(NotSavedError):
    """A write failed because the disk (or the database's size limit) is full.

    Nothing already written is lost: the failed transaction is rolled back.
    """


_FULL_ERRNOS = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
_DENIED_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS}


def not_saved(what: str, exc: BaseException) -> NotSavedError:
    """``exc`` (an ``sqlite3.Error`` or ``OSError``) as a message that says what was not saved and why."""
    text = str(exc) or type(exc).__name__
    code = getattr(exc, "errno", None)
    if code in _FULL_ERRNOS or "full" in text:
        return StoreFullError(f"{what} could not be saved: the disk is full ({text}). Everything saved before "
                              "is safe; free some disk space, then try again.")
    if "disk I/O error" in text:
        return StoreFullError(f"{what} could not be saved: the disk could not be written ({text}); it may be "
                              "full or failing. Everything saved before is safe; free some disk space, then "
                              "try again.")
    if "locked" in text or "busy" in text:
        return NotSavedError(f"{what} could not be saved: another program is using your progress file "
                             f"({text}). Everything saved before is safe; close it, then try again.")
    if code in _DENIED_ERRNOS or "readonly" in text or "read-only" in text:
        return NotSavedError(f"{what} could not be saved: the file or its folder cannot be written ({text}). "
                             "Everything saved before is safe.")
    return NotSavedError(f"{what} could not be saved ({text}). Everything saved before is safe; try again, and "
                         "if it keeps failing use Help → Check database.")


@contextmanager
def saving(what: str) -> Iterator[None]:
    """Turn SQLite and OS errors raised while saving ``what`` into a :class:`NotSavedError`.

    ``what`` names the change for the user ("Your answer", "The backup"), so
    every store-changing action fails with a sentence, never a traceback.
    """
    try:
        yield
    except (sqlite3.Error, OSError) as exc:
        raise not_saved(what, exc) from exc
