"""Where the main window opens: on the screen it is on, whole.

A fixed 1280×800 first window ran 72 px off a 1366×768 laptop screen (the
taskbar takes the rest), hiding Submit and Stop. The first window is now the
default size centred in the screen's available area when that has room for it
and a margin, else maximised; a remembered geometry from a larger screen (or a
screen since unplugged) is pulled back into the available area.

Pure arithmetic on rectangles, so it is tested without a screen of that size.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, QSize

#: The first window's size when the screen has room for it.
DEFAULT_SIZE = QSize(1280, 800)
#: Room kept around the default window; a screen with less than this is filled (maximised) instead.
MARGIN = 48


@dataclass(frozen=True)
class Placement:
    rect: QRect  # the window's frame (for a maximised window: the available area)
    maximised: bool


def fit_window(available: QRect, default: QSize = DEFAULT_SIZE, margin: int = MARGIN) -> Placement:
    """The first window on a screen whose free area is ``available``: centred, or maximised if it would not fit."""
    if available.width() < default.width() + 2 * margin or available.height() < default.height() + 2 * margin:
        return Placement(QRect(available), True)
    rect = QRect(0, 0, default.width(), default.height())
    rect.moveCenter(available.center())
    return Placement(rect, False)


def fit_restored(available: QRect, rect: QRect) -> QRect:
    """A remembered window ``rect`` shrunk to ``available`` where it is larger, and moved wholly inside it."""
    width = min(rect.width(), available.width())
    height = min(rect.height(), available.height())
    left = min(max(rect.left(), available.left()), available.left() + available.width() - width)
    top = min(max(rect.top(), available.top()), available.top() + available.height() - height)
    return QRect(left, top, width, height)
