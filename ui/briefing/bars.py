"""The briefing's bar chart, painted with QPainter: a static picture of a handful of figures.

It was a pyqtgraph plot, and importing pyqtgraph (with numpy) cost ~0.5 s before the
briefing's first chart could appear; these charts are a few labelled bars, so they
are drawn here and appear with the text. pyqtgraph stays for the Progress page's
data charts (ui/progress/charts.py).

The chart is linear by default, its bars starting at a labelled 0, so bar lengths
compare honestly; on the log scale (an option for amounts that differ by orders of
magnitude) an amount of 0 has no bar. Each bar's caption ("label: amount — outlet")
sits above it and wraps within the plot's width; the widget's height follows its
width (:meth:`BarCanvas.heightForWidth`) and its font (Ctrl+/−). Pack text is laid
out with :class:`QTextLayout` as plain text, never as HTML. Colours come from
:func:`ui.theme.chart_colors` at paint time, so a theme switch needs only a repaint.

Every coordinate is finite and every range has width: a degenerate range (all
amounts 0, one amount) is widened, and a chart whose amounts cannot be placed (not
finite, or beyond what a float can scale) draws no bars and says why in
:attr:`Geometry.failure`; nothing raises out of :meth:`BarCanvas.paintEvent`.
"""

from __future__ import annotations

import logging
import math
import unicodedata
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from content.briefing import Chart, log_decades, log_ticks, nice_step
from ui import theme
from ui.accessible import unfocused
from ui.i18n import translate
from ui.text import tooltip

log = logging.getLogger(__name__)

#: A caption longer than this many lines is cut with "…" (its whole text is in the tooltip and the
#: chart's accessible description); a pack's labels are at most a few hundred characters.
MAX_CAPTION_LINES = 6
#: Head room after the largest bar, as a share of the axis (the old plot's 8 %).
HEADROOM = 0.08


@dataclass
class Caption:
    """One wrapped block of plain text, laid out for a width, placed at ``rect``."""

    layout: QTextLayout
    rect: QRectF
    text: str  # the whole text (the layout may hold it cut with "…")


@dataclass
class Geometry:
    """Everything one paint of the chart at one width places: what paints it and what tests read."""

    width: int
    height: int = 0
    plot: QRectF = field(default_factory=QRectF)  # the area the bars and the grid lines span
    captions: list[Caption] = field(default_factory=list)
    bars: list[QRectF] = field(default_factory=list)  # empty rects for bars of length 0
    rows: list[QRectF] = field(default_factory=list)  # each bar's caption and bar: where its tooltip shows
    values: list[float] = field(default_factory=list)  # the amount each bar draws (0: no bar on a log scale)
    ticks: list[tuple[float, str, float]] = field(default_factory=list)  # (value, label, x)
    title: Caption | None = None
    failure: str = ""


def right_to_left(text: str) -> bool:
    """Whether ``text`` reads right to left: its first strong character outside isolates (Unicode's rule P2)
    is Arabic or Hebrew."""
    depth = 0
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("LRI", "RLI", "FSI"):
            depth += 1
        elif kind == "PDI":
            depth = max(0, depth - 1)
        elif depth == 0 and kind in ("L", "R", "AL"):
            return kind != "L"
    return False


def _wrapped(text: str, font: QFont, width: float, max_lines: int = MAX_CAPTION_LINES,
             centred: bool = False) -> QTextLayout:
    """``text`` laid out as plain text in lines no wider than ``width`` (at most ``max_lines``, the last cut
    with "…"): words wrap, and a word longer than the line breaks anywhere rather than running off. A
    right-to-left caption starts at the right, as it reads (QTextLayout aligns nothing by itself)."""
    rtl = right_to_left(text)

    def lay_out(value: str) -> QTextLayout:
        layout = QTextLayout(value, font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        option.setTextDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
        option.setAlignment(Qt.AlignmentFlag.AlignHCenter if centred else
                            Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
        layout.setTextOption(option)
        layout.beginLayout()
        y = 0.0
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(0, y))
            y += line.height()
            if layout.lineCount() > max_lines:
                break
        layout.endLayout()
        return layout

    layout = lay_out(text)
    if layout.lineCount() <= max_lines:
        return layout
    start = layout.lineAt(max_lines - 1).textStart()
    rest = QFontMetricsF(font).elidedText(text[start:].replace("\n", " "), Qt.TextElideMode.ElideRight, width)
    return lay_out(text[:start] + rest)


def _height(layout: QTextLayout) -> float:
    count = layout.lineCount()
    if not count:
        return 0.0
    last = layout.lineAt(count - 1)
    return last.position().y() + last.height()


class BarCanvas(QWidget):
    """Horizontal bars, largest at the top, each with its caption above it; the axis and its title below."""

    def __init__(self, chart: Chart, parent: QWidget | None = None):
        super().__init__(parent)
        self.chart = chart
        self.log_scale = False
        self.painted = False  # painted at least once (the bench waits for it)
        self._geometries: dict[int, Geometry] = {}  # by width, for the current font and scale
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMouseTracking(False)
        unfocused(self)  # a picture: the chart around it is the Tab stop

    # -- state --------------------------------------------------------------------------
    def set_log(self, on: bool) -> None:
        on = on and log_decades(self.chart) is not None
        if on != self.log_scale:
            self.log_scale = on
            self._changed()

    def _changed(self) -> None:
        self._geometries.clear()
        self.updateGeometry()
        self.update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.FontChange:  # Ctrl+/−: captions wrap again, the height follows
            self._changed()
        super().changeEvent(event)

    # -- size ---------------------------------------------------------------------------
    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self.geometry_for(width).height

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(600, self.heightForWidth(600))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """Narrow, and no height of its own: the layout asks :meth:`heightForWidth` for the width it gives
        (a minimum height for a 160 px width, where the captions wrap most, made the page's layout give up)."""
        return QSize(160, 0)

    # -- geometry -----------------------------------------------------------------------
    def geometry_for(self, width: int) -> Geometry:
        """Where everything goes at ``width`` (cached per width until the font or scale changes)."""
        width = max(1, int(width))
        cached = self._geometries.get(width)
        if cached is None:
            try:
                cached = self._place(width)
            except Exception as exc:  # noqa: BLE001 - a pack's chart must never take the app down: say so
                log.exception("chart %r could not be laid out", self.chart.heading)
                cached = self._failed(width, f"{type(exc).__name__}: {exc}")
            if len(self._geometries) > 16:
                self._geometries.clear()
            self._geometries[width] = cached
        return cached

    def current(self) -> Geometry:
        """The geometry at the canvas's own width (what it paints)."""
        return self.geometry_for(self.width())

    def _failed(self, width: int, failure: str) -> Geometry:
        line = QFontMetricsF(self.font()).height()
        return Geometry(width, height=math.ceil(line), failure=failure)

    def _tick_font(self) -> QFont:
        font = QFont(self.font())
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 0.9)
        return font

    def _place(self, width: int) -> Geometry:
        chart = self.chart
        bars = chart.bars
        logarithmic = self.log_scale
        if not all(math.isfinite(b.value) for b in bars):  # NaN has no place on either scale
            return self._failed(width, translate("ui.briefing.chart", "an amount is not a finite number"))
        if logarithmic:
            low, _high = log_decades(chart) or (0, 1)
            origin = float(low)
            ends = [math.log10(b.value) if b.value > 0 else origin for b in bars]
        else:
            origin = 0.0
            ends = [max(0.0, b.value) for b in bars]
        top = max(ends, default=origin)
        if top <= origin:  # every bar is 0 (or all one power of ten): still an axis with width
            top = origin + 1.0
        high = top + (top - origin) * HEADROOM
        if not math.isfinite(high) or not high > origin:  # e.g. 1e308: finite, but its axis is not
            return self._failed(width, translate("ui.briefing.chart", "an amount is too large to chart"))
        if logarithmic:
            ticks = [(math.log10(t), chart.tick_label(t)) for t in log_ticks(chart, upto=10.0 ** min(high, 300.0))]
        else:
            step = nice_step(high)
            # The axis ends on a labelled tick when that is near: it ran on past "$2T", and the $2.3T bar ended
            # in an unlabelled stretch. Not when the next tick is far ($140B would be drawn on a $200B axis).
            ends_at = step * math.ceil(high / step - 1e-9)
            if math.isfinite(ends_at) and origin < ends_at <= high * 1.25:
                high = ends_at
            ticks = [(step * k, chart.tick_label(step * k)) for k in range(int(round(high / step)) + 1)]
        ticks = [(value, label) for value, label in ticks if origin <= value <= high]

        font = self.font()
        metrics = QFontMetricsF(font)
        tick_font = self._tick_font()
        tick_metrics = QFontMetricsF(tick_font)
        line = metrics.height()
        pad = round(line * 0.5)
        widest = max((tick_metrics.horizontalAdvance(label) for _v, label in ticks), default=0.0)
        first = tick_metrics.horizontalAdvance(ticks[0][1]) if ticks else 0.0
        left = math.ceil(max(10.0, first / 2 + 2))
        right = math.ceil(max(12.0, widest / 2 + 4))
        plot_width = max(1.0, width - left - right)
        text_width = max(1.0, plot_width - 8)

        def x_of(value: float) -> float:
            return left + (value - origin) / (high - origin) * plot_width

        geometry = Geometry(width)
        y = float(pad)
        bar_height = round(line * 2.0)
        for bar, end in zip(bars, ends, strict=True):
            zero = " " + translate("ui.briefing.chart", "(0: no bar on a log scale)") \
                if logarithmic and bar.value <= 0 else ""
            text = f"{bar.label}: {bar.caption}{zero}"
            layout = _wrapped(text, font, text_width)
            caption = QRectF(left + 6, y, text_width, _height(layout))
            geometry.captions.append(Caption(layout, caption, text))
            y = caption.bottom() + 4
            length = round(x_of(end)) - left
            if end > origin:  # an amount above 0 always shows (2,000億 beside 122兆 rounds to no pixel)
                length = max(2, length)
            geometry.bars.append(QRectF(left, y, max(0, length), bar_height))
            geometry.rows.append(QRectF(left, caption.top(), plot_width, y + bar_height - caption.top()))
            geometry.values.append(10**end if logarithmic and end > origin else (0.0 if logarithmic else end))
            y += bar_height + round(pad * 2)
        axis_y = round(y - pad * 0.4)
        geometry.plot = QRectF(left, 0, plot_width, axis_y)
        geometry.ticks = [(value, label, x_of(value)) for value, label in ticks]
        y = axis_y + 5 + tick_metrics.height() + 4
        title = (translate("ui.briefing.chart", "{axis} (log scale)") if logarithmic
                 else translate("ui.briefing.chart", "{axis}, bars start at 0")).format(axis=chart.axis_title)
        layout = _wrapped(title, font, plot_width, 3, centred=True)
        geometry.title = Caption(layout, QRectF(left, y, plot_width, _height(layout)), title)
        geometry.height = math.ceil(geometry.title.rect.bottom() + pad)
        return geometry

    # -- painting -----------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        try:
            self.paint(painter, self.current())
        except Exception:  # noqa: BLE001 - never out of a paint event; FigureChart's note says why
            log.exception("chart %r could not be painted", self.chart.heading)
        finally:
            painter.end()
        self.painted = True

    def paint(self, painter: QPainter, geometry: Geometry) -> None:
        """Paint ``geometry`` in the theme's colours (also what the SVG export records, as vector text)."""
        colors = theme.chart_colors()
        foreground = QColor(colors.foreground)
        painter.fillRect(QRectF(0, 0, geometry.width, max(geometry.height, self.height())),
                         QColor(colors.background))
        if geometry.failure:
            return
        plot = geometry.plot
        painter.setPen(QPen(QColor(colors.grid), 1))
        for _value, _label, x in geometry.ticks:  # light vertical grid lines behind the bars
            painter.drawLine(QPointF(round(x) + 0.5, plot.top()), QPointF(round(x) + 0.5, plot.bottom()))
        outline = QPen(foreground, 1)
        outline.setCosmetic(True)
        for index, rect in enumerate(geometry.bars):
            if rect.width() < 1:
                continue
            painter.fillRect(rect, QColor(colors.bars[index % len(colors.bars)]))
            painter.setPen(QPen(QColor(foreground.red(), foreground.green(), foreground.blue(), 110), 1))
            painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5))
        background = QColor(colors.background)
        for caption in geometry.captions:  # the grid lines stop short of the words: each line on the background
            for index in range(caption.layout.lineCount()):
                line = caption.layout.lineAt(index)
                painter.fillRect(line.naturalTextRect().translated(caption.rect.topLeft()).adjusted(-3, 0, 3, 0),
                                 background)
        painter.setPen(foreground)
        for caption in geometry.captions:
            caption.layout.draw(painter, caption.rect.topLeft())
        painter.setPen(outline)
        painter.drawLine(QPointF(plot.left() + 0.5, plot.top()), QPointF(plot.left() + 0.5, plot.bottom()))
        painter.drawLine(QPointF(plot.left(), plot.bottom() + 0.5), QPointF(plot.right(), plot.bottom() + 0.5))
        tick_font = self._tick_font()
        metrics = QFontMetricsF(tick_font)
        painter.setFont(tick_font)
        for _value, label, x in geometry.ticks:
            painter.drawLine(QPointF(round(x) + 0.5, plot.bottom()), QPointF(round(x) + 0.5, plot.bottom() + 5))
            advance = metrics.horizontalAdvance(label)
            painter.drawText(QRectF(x - advance / 2 - 1, plot.bottom() + 5, advance + 2, metrics.height()),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextSingleLine, label)
        painter.setFont(self.font())
        if geometry.title is not None:  # centred under the axis
            geometry.title.layout.draw(painter, geometry.title.rect.topLeft())

    # -- hover --------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def tooltip_at(self, point: QPointF) -> str:
        """The tooltip over ``point`` (the bar's caption and its quote), or "" off the bars."""
        geometry = self.current()
        for bar, row in zip(self.chart.bars, geometry.rows, strict=False):
            if row.contains(point):
                return tooltip(f"{bar.caption}\n“{bar.quote}”")
        return ""
