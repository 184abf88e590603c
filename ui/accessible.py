"""What screen readers and keyboard users need from widgets, in one place.

Charts are pictures: their plot takes no focus, but the chart itself is a Tab
stop (:func:`readable_chart`) named by its title and described by its data in
words, so a keyboard or screen reader user meets it where it is and hears what
it shows; the focus ring is drawn round it. A verdict is announced when it
appears, not only drawn.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent
from PySide6.QtWidgets import QAbstractScrollArea, QPushButton, QWidget

from ui import theme


def unfocused(plot: QWidget) -> None:
    """A plot (a graphics view) out of the Tab order: it has nothing to operate, and its viewport no name."""
    plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    if isinstance(plot, QAbstractScrollArea):
        plot.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)


class _FocusRing(QObject):
    """Draws the theme's focus ring round a chart while it has the focus (in its margin, so the plot
    never covers it)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if not isinstance(watched, QWidget):
            return False
        kind = event.type()
        if kind in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            watched.update()
        elif kind == QEvent.Type.Paint:
            theme.ring_if_focused(watched)
        return False


def readable_chart(chart: QWidget) -> None:
    """``chart`` (a chart's container) becomes a Tab stop with a visible focus ring.

    Its accessible name is its title and its description the data in words (set by the chart, e.g.
    "2030: ¥10 trillion; 2040: ¥40 trillion"): what a screen reader reads when the chart is reached.
    Only the keyboard focuses it (a click on the plot does not).
    """
    chart.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    layout = chart.layout()
    if layout is not None:  # room for the ring outside whatever the chart shows
        inset = theme.FOCUS_RING + 2
        layout.setContentsMargins(inset, inset, inset, inset)
    ring = _FocusRing(chart)
    chart.installEventFilter(ring)


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
