"""Acting on a modal dialog a test opens: its ``exec()`` blocks the test until the dialog closes."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

W = TypeVar("W", bound=QWidget)
POLL_MS = 20
PATIENCE_MS = 20_000


def when_shown(find: Callable[[], W | None], act: Callable[[W], None], waited: int = 0) -> None:
    """Call ``act`` on what ``find`` returns once it is there and visible; look again every 20 ms until then.

    A fixed delay ("act 100 ms from now") failed on a busy machine, when the dialog was not shown yet:
    the callback raised, and the test waited on a dialog nobody closed. Gives up after 20 s."""
    widget = find()
    if widget is not None and widget.isVisible():
        act(widget)
    elif waited < PATIENCE_MS:
        QTimer.singleShot(POLL_MS, lambda: when_shown(find, act, waited + POLL_MS))
    else:
        raise AssertionError("the dialog the test waits for was never shown")


def top_level(kind: type[W]) -> Callable[[], W | None]:
    """A finder for the visible top-level window of type ``kind``."""
    return lambda: next((w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None)
