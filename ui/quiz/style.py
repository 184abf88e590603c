"""Colours and icons of the quiz's marks (right, wrong, partly right), for light and dark.

A mark is never colour alone: every tinted row also carries a word and a
glyph (✓ right, ✗ wrong, ◐ partly right), and the verdict has a drawn icon.
Colours are chosen from the widget's own palette (dark window → dark tones),
so a theme change is a palette change and nothing else needs to be told.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QWidget

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
    return widget.palette().window().color().lightness() < 128


def tone(widget: QWidget, state: str) -> Tone:
    return (DARK if is_dark(widget) else LIGHT)[state]


def box_style(widget: QWidget, state: str | None, *, name: str, left_bar: bool = False) -> str:
    """Style sheet for a framed box with object name ``name`` (only that frame, not its children)."""
    if state is None:
        return f"QFrame#{name} {{ border: 1px solid transparent; border-radius: 6px; }}"
    colours = tone(widget, state)
    width = "border-left: 5px solid" if left_bar else "border-left: 1px solid"
    return (f"QFrame#{name} {{ background: {colours.background}; border: 1px solid {colours.border};"
            f" {width} {colours.border}; border-radius: 6px; }}")


def mark_style(widget: QWidget, state: str) -> str:
    """Words of a mark (e.g. "✗ your answer") in the state's colour, bold."""
    return f"color: {tone(widget, state).text}; font-weight: bold;"


def verdict_state(correct: bool, score: float) -> str:
    return RIGHT if correct else (PARTLY if score > 0 else WRONG)


def verdict_icon(widget: QWidget, state: str, size: int = 28) -> QPixmap:
    """A drawn icon (a tick, a cross, a half-filled circle) on a disc of the state's colour.

    Drawn rather than taken from a font or the platform style, so it looks the
    same everywhere and is there even when the colour cannot be told apart.
    """
    ratio = widget.devicePixelRatioF() or 1.0
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
