"""Light and dark themes: follow the system unless the user picks one.

Widgets use the Qt palette; pyqtgraph ignores it, so chart code asks
:func:`chart_colors` for the colours of the active theme.

A theme is a palette and nothing else: an app-wide style sheet (it drew the dark
theme's check boxes) made every switch re-polish every widget (170–230 ms; the
palette alone: 25 ms). The check boxes and radio buttons Fusion draws all but
invisibly on a dark window are drawn by :class:`BriefingStyle` instead, a proxy
of Fusion set once.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

THEMES = ("system", "light", "dark")


@dataclass(frozen=True)
class ChartColors:
    background: str
    foreground: str
    grid: str
    bars: tuple[str, ...]
    accent: str


LIGHT = ChartColors("#ffffff", "#1f2328", "#d0d7de", ("#2f6fdf", "#d9822b", "#2e9e6b", "#a24fc4", "#c23b3b"), "#2f6fdf")
DARK = ChartColors("#1e2126", "#e6edf3", "#3d444d", ("#6ea8fe", "#f0a35e", "#5fcf97", "#c98ce0", "#f07171"), "#6ea8fe")


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def resolve(theme: str) -> str:
    """``"light"`` or ``"dark"`` for a stored preference (``"system"`` follows the OS)."""
    if theme == "system":
        return "dark" if system_is_dark() else "light"
    return theme if theme in ("light", "dark") else "light"


def is_dark() -> bool:
    app = QApplication.instance()
    return bool(app and app.property("briefing_theme") == "dark")


def chart_colors() -> ChartColors:
    return DARK if is_dark() else LIGHT


def apply(app: QApplication, theme: str) -> str:
    """Apply ``theme`` to the whole app; return the resolved ``light``/``dark``.

    Only the palette changes (and the style, the first time): widgets repaint, none is re-polished.
    """
    resolved = resolve(theme)
    if not isinstance(app.style(), BriefingStyle):
        app.setStyle(BriefingStyle())
    app.setProperty("briefing_theme", resolved)
    app.setPalette(_palette(_DARK_COLOURS, _DARK_DISABLED) if resolved == "dark" else _palette(_LIGHT_COLOURS))
    return resolved


class BriefingStyle(QProxyStyle):
    """Fusion; on the dark theme it draws check boxes and radio buttons visibly.

    Fusion outlines them with a colour derived from the window colour, which all but
    vanishes on a dark window. Here they get a grey border on the dark base, and when
    checked a blue fill with a white tick (check box) or a light dot (radio button).
    """

    def __init__(self) -> None:
        super().__init__("Fusion")

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption,  # noqa: N802 - Qt override
                      painter: QPainter, widget: QWidget | None = None) -> None:
        kinds = (QStyle.PrimitiveElement.PE_IndicatorCheckBox, QStyle.PrimitiveElement.PE_IndicatorRadioButton)
        if element in kinds and is_dark():
            _dark_indicator(element == QStyle.PrimitiveElement.PE_IndicatorRadioButton, option, painter)
            return
        super().drawPrimitive(element, option, painter, widget)


def _dark_indicator(radio: bool, option: QStyleOption, painter: QPainter) -> None:
    state = option.state
    checked = bool(state & QStyle.StateFlag.State_On)
    border = "#6ea8fe" if state & QStyle.StateFlag.State_HasFocus else "#4c8dff" if checked else "#8b949e"
    side = min(option.rect.width(), option.rect.height())
    box = QRectF(option.rect.x() + (option.rect.width() - side) / 2,
                 option.rect.y() + (option.rect.height() - side) / 2, side, side).adjusted(0.5, 0.5, -0.5, -0.5)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(border), 1))
    painter.setBrush(QColor("#4c8dff" if checked else "#1e2126"))
    if radio:
        painter.drawEllipse(box)
        if checked:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#e6edf3"))
            painter.drawEllipse(box.center(), box.width() * 0.225, box.height() * 0.225)  # the dot: 45 % across
    else:
        painter.drawRoundedRect(box, 3, 3)
        if checked:  # the tick of a 14-unit box: M3 7.5 l2.6 2.6 L11 4.5
            scale = box.width() / 14
            tick = QPainterPath(QPointF(box.x() + 3 * scale, box.y() + 7.5 * scale))
            tick.lineTo(box.x() + 5.6 * scale, box.y() + 10.1 * scale)
            tick.lineTo(box.x() + 11 * scale, box.y() + 4.5 * scale)
            pen = QPen(QColor("#ffffff"), 2 * scale)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(tick)
    painter.restore()


_ROLES = ("Window", "WindowText", "Base", "AlternateBase", "Text", "Button", "ButtonText", "Highlight",
          "HighlightedText", "ToolTipBase", "ToolTipText", "PlaceholderText", "Link", "Mid")
# One colour per role above, in that order.
_LIGHT_COLOURS = ("#f6f8fa", "#1f2328", "#ffffff", "#f0f3f6", "#1f2328", "#eef1f4", "#1f2328", "#2f6fdf",
                  "#ffffff", "#ffffff", "#1f2328", "#6e7781", "#0a58ca", "#d0d7de")
_DARK_COLOURS = ("#16181d", "#e6edf3", "#1e2126", "#262a31", "#e6edf3", "#2a2f37", "#e6edf3", "#4c8dff",
                 "#ffffff", "#262a31", "#e6edf3", "#8b949e", "#6ea8fe", "#3d444d")
_DARK_DISABLED = "#6e7681"  # Fusion's default disabled text is unreadable on the dark window


def _palette(colours: tuple[str, ...], disabled: str | None = None) -> QPalette:
    palette = QPalette()
    for role, colour in zip(_ROLES, colours, strict=True):
        palette.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
    if disabled:
        for text_role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText):
            palette.setColor(QPalette.ColorGroup.Disabled, text_role, QColor(disabled))
    return palette
