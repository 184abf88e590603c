"""Showing pack text safely, at a size relative to the app's text size.

Qt treats any string that *looks* like HTML as rich text in tooltips and
"auto" labels. Pack text is data, so tooltips are built here: escaped, then
explicitly marked rich so line breaks survive and nothing is interpreted.

A label given its own point size (a heading, the question) no longer follows
the application font, so Ctrl++ left the question smaller than its answers.
Such labels keep their size as a multiple of the app font instead
(:func:`relative_font`), and :func:`follow_app_font` sizes them all again
when the app font changes.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QClipboard, QContextMenuEvent, QGuiApplication, QMouseEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget

#: Widget property: its font's size as a multiple of the application font's.
FONT_SCALE = "briefing_font_scale"


class SelectableText(QLabel):
    """A label whose text the mouse can select and copy, laid out as cheaply as one that cannot.

    A label made selectable up front lays its text out through a text document at every size Qt asks
    it for (its minimum, its preferred size, its height at each width, then to paint it): about 5 ms
    of every answer's feedback and most of the cost of laying out the briefing. Selection is switched
    on when the mouse presses on the text or asks for its menu (Copy, Select All), before Qt handles
    that press, so selecting works from the first drag; new text switches it off again. The text
    cursor shows over it all along, as over any selectable text.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setCursor(Qt.CursorShape.IBeamCursor)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        if text != self.text() and self.textInteractionFlags() != Qt.TextInteractionFlag.NoTextInteraction:
            self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        super().setText(text)

    def selectable(self) -> None:
        """Let the mouse select the text from now until the text changes."""
        if self.textInteractionFlags() != Qt.TextInteractionFlag.TextSelectableByMouse:
            self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            _watch_copies()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self.selectable()
        super().mousePressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt override
        self.selectable()
        super().contextMenuEvent(event)


_WATCHING: list[QClipboard] = []


def _watch_copies() -> None:
    """From the first label made selectable on: text copied from a label loses :func:`breakable`'s
    zero-width spaces (a long web address pasted into a browser did not open)."""
    if _WATCHING:
        return
    clipboard = QGuiApplication.clipboard()
    clipboard.dataChanged.connect(lambda: _strip_breaks(QClipboard.Mode.Clipboard))
    clipboard.selectionChanged.connect(lambda: _strip_breaks(QClipboard.Mode.Selection))  # X11's middle click
    _WATCHING.append(clipboard)


def _strip_breaks(mode: QClipboard.Mode) -> None:
    """The clipboard's text without zero-width spaces, when it is a selection of one of our labels (a pack
    cannot hold that character, so there it is ours; what another program copied is left alone)."""
    clipboard = QGuiApplication.clipboard()
    text = clipboard.text(mode)
    if ZERO_WIDTH_SPACE not in text:
        return
    if any(isinstance(widget, SelectableText) and widget.hasSelectedText() and widget.selectedText() == text
           for widget in QApplication.allWidgets()):
        clipboard.setText(text.replace(ZERO_WIDTH_SPACE, ""), mode)


def plain(text: str = "", *, scale: float = 1.0, bold: bool = False, selectable: bool = True) -> QLabel:
    """A word-wrapped label that shows ``text`` literally, whatever it contains (see :class:`SelectableText`)."""
    label = SelectableText(text) if selectable else QLabel(text)
    if ZERO_WIDTH_SPACE in text:  # read out as the words, not the breaks :func:`breakable` put in
        label.setAccessibleName(text.replace(ZERO_WIDTH_SPACE, ""))
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if scale != 1.0:
        relative_font(label, scale, bold=bold)
    elif bold:  # a bold font without a size of its own still follows the app font
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label


def relative_font(widget: QWidget, scale: float, *, bold: bool | None = None) -> None:
    """``widget``'s text ``scale`` times the app font's size, now and after every Ctrl+/Ctrl−."""
    widget.setProperty(FONT_SCALE, float(scale))
    font = widget.font()
    if bold is not None:
        font.setBold(bold)
    base = QApplication.font().pointSizeF()
    if base > 0:  # an app font set in pixels has no point size: keep the widget's own
        font.setPointSizeF(base * scale)
    widget.setFont(font)


def repolish_styled() -> None:
    """Set each widget's own style sheet again: a sheet is resolved (its ``palette(...)`` colours, its font) when
    its widget is polished, so after the app's palette or font changes only this brings it and its children up
    to date; widgets without a sheet follow by themselves."""
    for widget in QApplication.allWidgets():
        sheet = widget.styleSheet()
        if sheet:
            widget.setStyleSheet(sheet)


def follow_app_font() -> None:
    """The app font changed size: every widget sized relative to it (:func:`relative_font`) follows.

    A widget with a style sheet (or inside one that has one: the rating bar's words) keeps the font it
    was polished with when the app font changes, so "How well did you know it?" stayed small after
    Ctrl++ until the app was restarted. Setting its sheet again re-polishes it and its children with the
    new font, as theme.apply does for the palette.
    """
    repolish_styled()
    base = QApplication.font().pointSizeF()
    if base <= 0:
        return
    for widget in QApplication.allWidgets():
        scale = widget.property(FONT_SCALE)
        if scale is not None:
            font = widget.font()
            font.setPointSizeF(base * float(scale))
            widget.setFont(font)


#: A run of characters with no place to break a line (CJK text breaks between any two characters anyway).
_UNBROKEN = re.compile(r"[^\s\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]{30,}")
ZERO_WIDTH_SPACE = "\u200b"


def breakable(text: str) -> str:
    """``text`` with a zero-width space between the characters of each "word" of 30 or more: a label wraps
    it anywhere when it is wider than the column, as QTextOption.WrapAtWordBoundaryOrAnywhere would.

    QLabel wraps at word boundaries only, so a pack's body of one unbroken word (19,990 "W") was cut at the
    column's edge with no way to read the rest. Shorter words are left alone: they move to the next line
    whole."""
    return _UNBROKEN.sub(lambda match: ZERO_WIDTH_SPACE.join(match.group()), text)


def tooltip(text: str) -> str:
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"
