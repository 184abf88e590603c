"""What screen readers and keyboard users need from widgets, in one place.

Charts are pictures: their plot takes no focus (its container is named and
described in words). A verdict is announced when it appears, not only drawn.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent
from PySide6.QtWidgets import QAbstractScrollArea, QPushButton, QWidget


def unfocused(plot: QWidget) -> None:
    """A plot (a graphics view) out of the Tab order: it has nothing to operate, and its viewport no name."""
    plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    if isinstance(plot, QAbstractScrollArea):
        plot.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)


def press_on_enter(*buttons: QPushButton) -> None:
    """Enter (or Return) presses these buttons when they have the focus, as in a dialog (Space already does)."""
    for button in buttons:
        button.setAutoDefault(True)


def announce(widget: QWidget, text: str, *, urgent: bool = True) -> None:
    """Tell assistive technology that ``widget`` now says ``text`` (its name changed, and read it out).

    ``urgent`` interrupts what is being read (a verdict); otherwise it is read after it (a new question,
    read before the focused answer's name). Qt drops the events itself when no screen reader is listening.
    """
    _send(QAccessibleEvent(widget, QAccessible.Event.NameChanged))
    event = QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive if urgent
                        else QAccessible.AnnouncementPoliteness.Polite)
    _send(event)


def _send(event: QAccessibleEvent) -> None:
    """One event to assistive technology (the tests listen here)."""
    QAccessible.updateAccessibility(event)
