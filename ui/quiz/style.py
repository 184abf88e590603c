"""Colours and icons of the quiz's marks (right, wrong, partly right), for light and dark.

A mark is never colour alone: every tinted row also carries a word and a
glyph (✓ right, ✗ wrong, ◐ partly right), and the verdict has a drawn icon.
Colours are chosen from the application's palette (dark window → dark tones),
so a theme change is a palette change and nothing else needs to be told.

Tinted boxes are painted (:class:`ToneBox`) and marks coloured through their
palette (:func:`tint_text`), not styled with style sheets: a style sheet made
Qt re-polish the widget and its children at every verdict and sent their
sizes and painting through the slower style-sheet style, a few milliseconds
of every answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QFrame, QWidget

RIGHT, WRONG, PARTLY, NEUTRAL, INFO = "right", "wrong", "partly", "neutral", "info"
GLYPHS = {RIGHT: "✓", WRONG: "✗", PARTLY: "◐", NEUTRAL: "✓", INFO: ""}


@dataclass(frozen=True)
class Tone:
    text: str  # foreground for the mark's words
    background: str
    border: str


LIGHT = {
    RIGHT: Tone("#116329", "#dafbe1", "#1a7f37"),
    WRONG: Tone("#a40e26", "#ffebe9", "#cf222e"),
    PARTLY: Tone("#7d4e00", "#fff8c5", "#bf8700"),
    NEUTRAL: Tone("#57606a", "#f6f8fa", "#d0d7de"),
    INFO: Tone("#1f2328", "#eef4ff", "#2f6fdf"),
}
DARK = {
    RIGHT: Tone("#6fdd8b", "#12301d", "#2ea043"),
    WRONG: Tone("#ff8f87", "#3d1519", "#f85149"),
    PARTLY: Tone("#e9c46a", "#33280f", "#d29922"),
    NEUTRAL: Tone("#9da7b3", "#1e2126", "#3d444d"),
    INFO: Tone("#e6edf3", "#1b2a44", "#6ea8fe"),
}


def is_dark(widget: QWidget) -> bool:
    """Whether the theme is dark: the application's palette, not the widget's, which its own style sheet
    sets (a row tinted dark red stayed "dark", so after a switch to the light theme it kept its dark tint)."""
    return QApplication.palette().window().color().lightness() < 128


def tone(widget: QWidget, state: str) -> Tone:
    return (DARK if is_dark(widget) else LIGHT)[state]


#: Corner radius and the width of the bar on a box's left (the verdict, a scenario, a retry note), px.
BOX_RADIUS = 6
LEFT_BAR = 5


def paint_box(painter: QPainter, rect: QRectF, colours: Tone | None, *, left_bar: bool = False) -> None:
    """A tinted box with rounded corners in ``rect``: its background, a 1 px border and, with ``left_bar``,
    a :data:`LEFT_BAR` px bar on its left side, all in ``colours``; nothing for None (no verdict yet).

    Drawn as two filled rounded rectangles, the border's colour and the background's 1 px inside it: the
    same picture as stroking the outline, at a third of the cost (an antialiased stroke was about 0.7 ms of
    each answer's feedback, with four or five boxes painted)."""
    if colours is None:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colours.border))
    painter.drawRoundedRect(rect, BOX_RADIUS, BOX_RADIUS)
    inside = rect.adjusted(1, 1, -1, -1)
    painter.setBrush(QColor(colours.background))
    if left_bar:  # the background stops at the bar, which keeps the box's rounded left corners
        painter.setClipRect(inside.adjusted(LEFT_BAR - 1, 0, 0, 0))
    painter.drawRoundedRect(inside, BOX_RADIUS - 1, BOX_RADIUS - 1)
    painter.restore()


class ToneBox(QFrame):
    """A frame tinted for its :attr:`state` (None: untinted), painted in the current theme's tones."""

    def __init__(self, parent: QWidget | None = None, *, left_bar: bool = False):
        super().__init__(parent)
        self.state: str | None = None
        self.left_bar = left_bar

    def set_state(self, state: str | None) -> None:
        if state != self.state:
            self.state = state
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        paint_box(painter, QRectF(self.rect()), tone(self, self.state) if self.state else None,
                  left_bar=self.left_bar)
        painter.end()


def tint_text(widget: QWidget, colour: str | None, *, bold: bool | None = None) -> None:
    """``widget``'s words in ``colour`` (None: the theme's own text colour), bold or not if ``bold`` says.

    Set through its palette, so Qt repaints it and nothing more; its other colours keep following the theme.
    """
    own = widget.testAttribute(Qt.WidgetAttribute.WA_SetPalette)
    if colour is None:
        if own:
            widget.setPalette(QPalette())  # nothing of its own: the theme's again
    elif not own or widget.palette().color(QPalette.ColorRole.WindowText) != QColor(colour):
        palette = QPalette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
        widget.setPalette(palette)
    if bold is not None and widget.font().bold() != bold:
        font = widget.font()
        font.setBold(bold)
        widget.setFont(font)


def mark_colour(widget: QWidget, state: str) -> str:
    """The colour of a mark's words (e.g. "✗ your answer") in ``state``."""
    return tone(widget, state).text


def verdict_state(correct: bool, score: float) -> str:
    return RIGHT if correct else (PARTLY if score > 0 else WRONG)


_ICONS: dict[tuple[str, str, int, float], QPixmap] = {}


def verdict_icon(widget: QWidget, state: str, size: int = 28) -> QPixmap:
    """A drawn icon (a tick, a cross, a half-filled circle) on a disc of the state's colour.

    Drawn rather than taken from a font or the platform style, so it looks the
    same everywhere and is there even when the colour cannot be told apart.
    Drawn once per colour, size and pixel ratio.
    """
    ratio = widget.devicePixelRatioF() or 1.0
    key = (state, tone(widget, state).border, size, ratio)
    if key not in _ICONS:
        _ICONS[key] = _draw_icon(widget, state, size, ratio)
    return _ICONS[key]


def _draw_icon(widget: QWidget, state: str, size: int, ratio: float) -> QPixmap:
    pixmap = QPixmap(int(size * ratio), int(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(tone(widget, state).border)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    disc = QRectF(1, 1, size - 2, size - 2)
    painter.drawEllipse(disc)
    pen = QPen(QColor("#ffffff"), max(2.0, size / 9), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
               Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    s = size
    if state == RIGHT:
        path = QPainterPath(QPointF(s * 0.28, s * 0.52))
        path.lineTo(QPointF(s * 0.44, s * 0.68))
        path.lineTo(QPointF(s * 0.73, s * 0.34))
        painter.drawPath(path)
    elif state == WRONG:
        painter.drawLine(QPointF(s * 0.33, s * 0.33), QPointF(s * 0.67, s * 0.67))
        painter.drawLine(QPointF(s * 0.67, s * 0.33), QPointF(s * 0.33, s * 0.67))
    else:  # partly: a white ring, half filled
        inner = QRectF(s * 0.27, s * 0.27, s * 0.46, s * 0.46)
        painter.drawEllipse(inner)
        painter.setBrush(QColor("#ffffff"))
        painter.drawPie(inner, 90 * 16, 180 * 16)
    painter.end()
    return pixmap
