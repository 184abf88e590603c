"""Light and dark themes: follow the system unless the user picks one.

Widgets use the Qt palette; pyqtgraph ignores it, so chart code asks
:func:`chart_colors` for the colours of the active theme.

A theme is a palette and nothing else: an app-wide style sheet (it drew the dark
theme's check boxes) made every switch re-polish every widget (170–230 ms; the
palette alone: 25 ms). The check boxes and radio buttons Fusion draws all but
invisibly on a dark window (and at 1.66:1 on the light one) are drawn by
:class:`BriefingStyle` instead, a proxy of Fusion set once, which also draws the
2 px keyboard focus ring. Every colour here meets WCAG contrast (tests/ui/test_contrast.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPainterPath, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionComplex,
    QStyleOptionSlider,
    QWidget,
)

from ui.text import repolish_styled

THEMES = ("system", "light", "dark")


@dataclass(frozen=True)
class ChartColors:
    background: str
    foreground: str
    grid: str
    bars: tuple[str, ...]
    accent: str


# Every series colour is at least 3:1 on the background and the accent (answer text) 4.5:1 on the
# background and the window (tests/ui/test_contrast.py): the orange was 2.93:1, the accent 4.42:1 on the window.
LIGHT = ChartColors("#ffffff", "#1f2328", "#d0d7de", ("#2f6fdf", "#c77524", "#2e9e6b", "#a24fc4", "#c23b3b"), "#2266dd")
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


@dataclass(frozen=True)
class ControlColors:
    """What :class:`BriefingStyle` draws itself, per theme (contrast: tests/ui/test_contrast.py).

    Fusion derives these from the window colour, which left the light check box outline at
    1.66:1 and the focus outline at 3.1:1 and 1 px; WCAG asks 3:1 for a control's boundary
    and its focus indicator.
    """

    outline: str  # check box / radio button / text field border: >= 3:1 on window, base and button
    focus: str  # the keyboard focus ring, FOCUS_RING px wide: >= 3:1 on window, base and button
    checked: str  # fill of a checked box or radio button: >= 3:1 on base
    mark: str  # the tick or dot on the checked fill: >= 4.5:1 on it (the test asks that much)
    disabled_outline: str  # a disabled box's border: fainter than ``outline``, so it looks disabled


LIGHT_CONTROLS = ControlColors("#768390", "#2f6fdf", "#2f6fdf", "#ffffff", "#c3c9cf")
DARK_CONTROLS = ControlColors("#8b949e", "#6ea8fe", "#146aff", "#ffffff", "#3d444d")
FOCUS_RING = 2  # px: a 1 px outline is easy to miss


def controls(resolved: str | None = None) -> ControlColors:
    """The control colours of ``resolved`` (``"light"``/``"dark"``; default: the active theme)."""
    dark = is_dark() if resolved is None else resolved == "dark"
    return DARK_CONTROLS if dark else LIGHT_CONTROLS


def apply(app: QApplication, theme: str) -> str:
    """Apply ``theme`` to the whole app; return the resolved ``light``/``dark``.

    Only the palette changes (and the style, the first time): widgets repaint, and only the few
    with a style sheet of their own are re-polished. A sheet's ``palette(...)`` colours are
    resolved when its widget is polished, so without that the rating bar, the answer rows and
    the presenter kept the old theme's colours (dark text on the dark window).
    """
    resolved = resolve(theme)
    if not isinstance(app.style(), BriefingStyle):
        app.setStyle(BriefingStyle())
    app.setProperty("briefing_theme", resolved)
    app.setPalette(palette(resolved))
    repolish_styled()  # the few widgets with a sheet of their own take the new palette's colours
    return resolved


#: A check box's or radio button's side as a share of its text's line height (Fusion: 14 px beside a 14–17 px line).
INDICATOR_PER_LINE = 0.85
_INDICATOR_METRICS = (QStyle.PixelMetric.PM_IndicatorWidth, QStyle.PixelMetric.PM_IndicatorHeight,
                      QStyle.PixelMetric.PM_ExclusiveIndicatorWidth, QStyle.PixelMetric.PM_ExclusiveIndicatorHeight)


class BriefingStyle(QProxyStyle):
    """Fusion, with check boxes, radio buttons, text field borders and the focus ring drawn visibly.

    Fusion outlines check boxes and fields with a colour derived from the window colour (1.66:1
    on the light window; all but invisible on the dark one) and shows keyboard focus as a faint
    1 px line. Here they get the theme's :class:`ControlColors`: a grey border, a blue fill with a
    white tick (check box) or dot (radio button) when checked, a fainter border when disabled, and
    a 2 px ring around whatever has the keyboard focus.
    """

    def __init__(self) -> None:
        super().__init__("Fusion")

    def pixelMetric(self, metric: QStyle.PixelMetric, option: QStyleOption | None = None,  # noqa: N802 - Qt
                    widget: QWidget | None = None) -> int:
        """Check boxes and radio buttons as large as their text: Fusion's are 14 px at any text size, a
        speck beside a label at the largest one. They grow with the text (never below Fusion's size), and
        their rows with them: Qt asks this metric both to lay the button out and to draw its indicator.
        Tab labels are not shifted (below)."""
        if metric == QStyle.PixelMetric.PM_TabBarTabShiftVertical:
            # Fusion draws a tab that is not current 2 px lower and clips its label to where it was: at the
            # smallest text size the tails of "g", "Q" and the mnemonic's underline were cut ("Brietinq").
            return 0
        size = super().pixelMetric(metric, option, widget)
        if metric in _INDICATOR_METRICS:
            metrics = option.fontMetrics if option is not None else widget.fontMetrics() if widget is not None \
                else None
            if metrics is not None:
                return max(size, round(metrics.height() * INDICATOR_PER_LINE))
        return size

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption,  # noqa: N802 - Qt override
                      painter: QPainter, widget: QWidget | None = None) -> None:
        kind = QStyle.PrimitiveElement
        if element in (kind.PE_IndicatorCheckBox, kind.PE_IndicatorRadioButton, kind.PE_IndicatorItemViewItemCheck):
            _indicator(element == kind.PE_IndicatorRadioButton, option, painter)
            return
        if element == kind.PE_FrameFocusRect:
            if _keyboard_focus(option):  # Fusion's rule too: a mouse click does not draw the ring
                _ring(painter, QRectF(option.rect), controls().focus)
            return
        if element == kind.PE_PanelButtonCommand and _keyboard_focus(option):
            plain = type(option)(option)  # keeps the button's features (default, flat)
            plain.state &= ~QStyle.StateFlag.State_HasFocus  # Fusion's own 1 px focus line, drawn over next
            super().drawPrimitive(element, plain, painter, widget)
            _ring(painter, QRectF(option.rect), controls().focus)
            return
        if element == kind.PE_FrameLineEdit:
            _field_frame(option, painter)
            return
        super().drawPrimitive(element, option, painter, widget)

    def drawComplexControl(self, control: QStyle.ComplexControl, option: QStyleOptionComplex,  # noqa: N802 - Qt
                           painter: QPainter, widget: QWidget | None = None) -> None:
        """Spin boxes: Fusion's box, then the focus ring over its edge (Fusion's is 1 px). A combo box
        already gets the ring: Fusion draws its frame as a PE_PanelButtonCommand. Scroll bars: flat
        (:func:`_scroll_bar`)."""
        if control == QStyle.ComplexControl.CC_ScrollBar and isinstance(option, QStyleOptionSlider):
            _scroll_bar(self, option, painter, widget)
            return
        super().drawComplexControl(control, option, painter, widget)
        if control == QStyle.ComplexControl.CC_SpinBox and _keyboard_focus(option):
            _ring(painter, QRectF(option.rect), controls().focus)


def _scroll_bar(style: QStyle, option: QStyleOptionSlider, painter: QPainter, widget: QWidget | None) -> None:
    """A flat scroll bar at Fusion's geometry: a plain groove, the handle in the controls' outline colour
    (3:1 or more on the window, like a check box's border), a triangle in each arrow button.

    Fusion paints its bar with gradients: 2 ms for the Progress page's, on every show of the page and every
    step of a scroll, and its handle stood out from the groove at about 1.3:1."""
    colours = controls()
    bar = QStyle.ComplexControl.CC_ScrollBar
    part = QStyle.SubControl
    flags = QStyle.StateFlag
    window = option.palette.color(QPalette.ColorRole.Window)
    dark = window.lightness() < 128
    vertical = option.orientation == Qt.Orientation.Vertical
    painter.save()
    painter.fillRect(option.rect, window.lighter(118) if dark else window.darker(104))
    enabled = bool(option.state & flags.State_Enabled)
    handle = QRectF(style.subControlRect(bar, option, part.SC_ScrollBarSlider, widget))
    if enabled and option.maximum > option.minimum and handle.isValid():
        active = option.activeSubControls & part.SC_ScrollBarSlider
        colour = QColor(colours.outline)
        if active and option.state & flags.State_Sunken:
            colour = QColor(colours.focus)
        elif active and option.state & flags.State_MouseOver:
            colour = colour.lighter(125) if dark else colour.darker(125)
        across = 3.0
        thumb = handle.adjusted(across, 1, -across, -1) if vertical else handle.adjusted(1, across, -1, -across)
        radius = min(thumb.width(), thumb.height()) / 2
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(thumb, radius, radius)
    arrow = option.palette.color(QPalette.ColorRole.ButtonText) if enabled else QColor(colours.disabled_outline)
    for sub, toward_start in ((part.SC_ScrollBarSubLine, True), (part.SC_ScrollBarAddLine, False)):
        rect = QRectF(style.subControlRect(bar, option, sub, widget))
        if rect.width() < 4 or rect.height() < 4:
            continue
        _triangle(painter, rect, vertical, toward_start, arrow)
    painter.restore()


def _triangle(painter: QPainter, rect: QRectF, vertical: bool, toward_start: bool, colour: QColor) -> None:
    """A small filled triangle centred in ``rect``, pointing up/left (``toward_start``) or down/right."""
    size = min(rect.width(), rect.height()) * 0.3
    c = rect.center()
    sign = -1 if toward_start else 1
    if vertical:
        points = [QPointF(c.x() - size, c.y() - sign * size / 2), QPointF(c.x() + size, c.y() - sign * size / 2),
                  QPointF(c.x(), c.y() + sign * size / 2)]
    else:
        points = [QPointF(c.x() - sign * size / 2, c.y() - size), QPointF(c.x() - sign * size / 2, c.y() + size),
                  QPointF(c.x() + sign * size / 2, c.y())]
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawPolygon(QPolygonF(points))


def _keyboard_focus(option: QStyleOption) -> bool:
    flags = QStyle.StateFlag
    return bool(option.state & flags.State_HasFocus and option.state & flags.State_KeyboardFocusChange)


def focus_ring(painter: QPainter, rect: QRectF) -> None:
    """The keyboard focus ring of the active theme just inside ``rect`` (for widgets the style does not
    draw a ring on, such as a chart)."""
    _ring(painter, rect, controls().focus)


def ring_if_focused(widget: QWidget) -> None:
    """At the end of ``widget``'s paint: the focus ring round it while it has the focus (a chart, an answer
    row, the feedback panel: widgets the style draws no ring on)."""
    if widget.hasFocus():
        painter = QPainter(widget)
        focus_ring(painter, QRectF(widget.rect()))
        painter.end()


def _ring(painter: QPainter, rect: QRectF, colour: str) -> None:
    """A FOCUS_RING px rounded ring just inside ``rect``."""
    half = FOCUS_RING / 2
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(colour), FOCUS_RING))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(rect.adjusted(half, half, -half, -half), 3, 3)
    painter.restore()


def _field_frame(option: QStyleOption, painter: QPainter) -> None:
    """A text field's border: the control outline, the focus ring while it has the focus."""
    colours = controls()
    if option.state & QStyle.StateFlag.State_HasFocus:
        _ring(painter, QRectF(option.rect), colours.focus)
        return
    enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(colours.outline if enabled else colours.disabled_outline), 1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5), 2, 2)
    painter.restore()


def _indicator(radio: bool, option: QStyleOption, painter: QPainter) -> None:
    colours = controls()
    state = option.state
    flags = QStyle.StateFlag
    enabled = bool(state & flags.State_Enabled)
    checked = bool(state & flags.State_On)
    partly = bool(state & flags.State_NoChange)
    filled = (checked or partly) and enabled
    if not enabled:
        border = colours.disabled_outline
    elif state & flags.State_HasFocus and not filled:
        border = colours.focus
    else:
        border = colours.checked if filled else colours.outline
    group = QPalette.ColorGroup.Active if enabled else QPalette.ColorGroup.Disabled
    background = option.palette.color(group, QPalette.ColorRole.Base if enabled else QPalette.ColorRole.Window)
    mark = QColor(colours.mark) if enabled else option.palette.color(group, QPalette.ColorRole.Text)
    side = min(option.rect.width(), option.rect.height())
    box = QRectF(option.rect.x() + (option.rect.width() - side) / 2,
                 option.rect.y() + (option.rect.height() - side) / 2, side, side).adjusted(0.5, 0.5, -0.5, -0.5)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(border), 1))
    painter.setBrush(QColor(colours.checked) if filled else background)
    if radio:
        painter.drawEllipse(box)
        if checked:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(mark)
            painter.drawEllipse(box.center(), box.width() * 0.225, box.height() * 0.225)  # the dot: 45 % across
    else:
        painter.drawRoundedRect(box, 3, 3)
        scale = box.width() / 14
        if checked:  # the tick of a 14-unit box: M3 7.5 l2.6 2.6 L11 4.5
            mark_path = QPainterPath(QPointF(box.x() + 3 * scale, box.y() + 7.5 * scale))
            mark_path.lineTo(box.x() + 5.6 * scale, box.y() + 10.1 * scale)
            mark_path.lineTo(box.x() + 11 * scale, box.y() + 4.5 * scale)
        elif partly:  # a dash: some but not all
            mark_path = QPainterPath(QPointF(box.x() + 3.5 * scale, box.center().y()))
            mark_path.lineTo(box.x() + 10.5 * scale, box.center().y())
        else:
            painter.restore()
            return
        pen = QPen(mark, 2 * scale)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(mark_path)
    painter.restore()


_ROLES = ("Window", "WindowText", "Base", "AlternateBase", "Text", "Button", "ButtonText", "Highlight",
          "HighlightedText", "ToolTipBase", "ToolTipText", "PlaceholderText", "Link", "LinkVisited", "Mid")
# One colour per role above, in that order. Text 4.5:1 on its background, the selected item's text
# 4.5:1 on the highlight (the dark highlight was #4c8dff: 3.2:1 under white), links 4.5:1.
_LIGHT_COLOURS = ("#f6f8fa", "#1f2328", "#ffffff", "#f0f3f6", "#1f2328", "#eef1f4", "#1f2328", "#2f6fdf",
                  "#ffffff", "#ffffff", "#1f2328", "#6e7781", "#0a58ca", "#8250df", "#d0d7de")
_DARK_COLOURS = ("#16181d", "#e6edf3", "#1e2126", "#262a31", "#e6edf3", "#2a2f37", "#e6edf3", "#146aff",
                 "#ffffff", "#262a31", "#e6edf3", "#8b949e", "#6ea8fe", "#c98ce0", "#3d444d")
# Disabled controls: greyer text (3:1 or more on its background, still legible; far from the enabled
# text) on a flat button. Without this the light theme drew disabled controls exactly like enabled
# ones, and Fusion's own disabled text is unreadable on the dark window.
_DISABLED_TEXT = {"light": "#7d8590", "dark": "#7d8590"}
_DISABLED_BUTTON = {"light": "#f6f8fa", "dark": "#1e2126"}


def palette(resolved: str) -> QPalette:
    """The palette of ``"light"`` or ``"dark"``: what :func:`apply` gives the app."""
    colours = _DARK_COLOURS if resolved == "dark" else _LIGHT_COLOURS
    result = QPalette()
    for role, colour in zip(_ROLES, colours, strict=True):
        result.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
    name = "dark" if resolved == "dark" else "light"
    disabled = QColor(_DISABLED_TEXT[name])
    for text_role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText):
        result.setColor(QPalette.ColorGroup.Disabled, text_role, disabled)
    result.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Button,
                    QColor(_DISABLED_BUTTON[name]))
    return result
