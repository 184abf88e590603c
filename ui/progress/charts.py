"""A small pyqtgraph bar chart for the dashboard: one or more series, hover tips, themed.

The chart is shown as a still picture of its pyqtgraph plot, rendered once per change of
its data, theme, size, font or pixel ratio: Qt painting four live plots was most of the
cost of showing the Progress tab (again, or first). The plot itself is created (and
pyqtgraph loaded) in the event loop turn after the chart is first shown, so the page
appears at once with a placeholder of the chart's size; it is shown live only while the
pointer is over the chart, for its tooltips. ``BarGraphItem`` has no hover, so a nearly
invisible scatter point on each bar carries the tooltip.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QEnterEvent, QHideEvent, QPainter, QPaintEvent, QPalette, QPixmap, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QGraphicsItem, QHBoxLayout, QLabel, QStackedLayout, QVBoxLayout, QWidget

from content.briefing import nice_step
from ui import i18n, plotting, theme
from ui.accessible import readable_chart, unfocused
from ui.i18n import translate
from ui.text import tooltip

#: Bars and axes are painted once into a pixmap and reused: pyqtgraph replays each as a QPicture
#: on every paint, most of the cost of showing the Progress tab again (or of a tooltip's repaint).
CACHED = QGraphicsItem.CacheMode.DeviceCoordinateCache


#: How thick the mark of a 0 value is (``zero_marks``), in pixels.
ZERO_MARK_PX = 3


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float | None]  # None: no bar (e.g. a day without answers)
    tips: Sequence[str]


def data_in_words(series: Sequence[Series]) -> str:
    """What a chart shows, read out: each bar's own tip ("2026-11-03: 4 of 5 right (80%)"), in order."""
    words = "; ".join(tip for s in series for value, tip in zip(s.values, s.tips, strict=True) if value is not None)
    return words or translate("ui.progress.charts", "Nothing to show yet.")


def count_step(top: float, ticks: int = 6) -> int:
    """A round whole step (1, 2, 5, 10, 20, 50, …) giving at most about ``ticks`` ticks up to ``top``: 97
    reviews are read off 20, 40, 60, 80 (a step of a sixth of the top gave 18, 36, 54, 72, 90)."""
    return int(nice_step(max(top, ticks), ticks, multiples=(1, 2, 5, 10)))  # never below a step of 1


class _Picture(QWidget):
    """The chart's last rendered picture (stretched to the new size until it is rendered again)."""

    def __init__(self, chart: BarChart):
        super().__init__(chart)
        self.chart = chart
        self.pixmap: QPixmap | None = None

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        if self.chart.empty_text:  # instead of bare axes, what would put bars on them
            painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
            margin = self.fontMetrics().height() * 2
            painter.drawText(self.rect().adjusted(margin, margin, -margin, -margin),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.chart.empty_text)
        elif self.pixmap is not None:
            painter.drawPixmap(self.rect(), self.pixmap)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.chart.render_later()


class BarChart(QWidget):
    """Bars over categories; ``horizontal`` puts categories on the left axis."""

    def __init__(self, title: str, *, horizontal: bool = False, y_max: float | None = None,
                 tick_every: int = 1, value_label: str = "", counts: bool = False, zero_marks: bool = False,
                 parent: QWidget | None = None):
        """``counts``: the values are whole numbers (reviews due), and so are the axis's ticks.
        ``zero_marks``: a value of 0 is drawn as a thin line on the zero line (a day of all-wrong answers),
        so it differs from no value (a day without answers); a 0 % bar has no height and looked the same."""
        super().__init__(parent)
        self.title, self.horizontal, self.y_max = title, horizontal, y_max
        self.zero_marks = zero_marks
        self.tick_every, self.value_label, self.counts = tick_every, value_label, counts
        self.setAccessibleName(translate("ui.progress.charts", "Chart: {title}").format(title=title))
        self.plot: Any = None
        self.bar_items: list[Any] = []
        self.categories: list[str] = []
        self.series: list[Series] = []
        #: Said over the chart when there is nothing to draw yet (a new learner: bare axes said nothing)
        self.empty_text = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(title)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.placeholder = QLabel(translate("ui.progress.charts", "Loading chart…"))
        layout.addWidget(self.heading)
        self.legend_row = QHBoxLayout()
        layout.addLayout(self.legend_row)
        self.picture = _Picture(self)
        self.view = QStackedLayout()  # the placeholder, then the picture; the live plot while hovered
        # In the chart's layout before it gets its widgets: a stack with no parent widget shows its
        # first widget as a window of its own (a "Loading chart…" window flashed up and took the focus).
        layout.addLayout(self.view, 1)
        self.view.addWidget(self.placeholder)
        self.view.addWidget(self.picture)
        readable_chart(self)
        self.setMinimumHeight(200)
        self._generation = 0  # counts set_series calls: the data the picture must show
        self._filled: tuple[int, Any] | None = None  # (generation, colours) the plot's items were made for
        self._rendered: tuple[Any, ...] | None = None  # what the picture shows (see _wanted)
        self._legend_for: tuple[int, tuple[str, ...], bool] | None = None
        # A zero timer, not a posted event: the picture is rendered when the event loop is idle, after
        # what is on screen now has been painted (e.g. the tab or theme the user just switched to).
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(0)
        self._render_timer.timeout.connect(self.render_now)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(480, max(260, self.minimumSizeHint().height()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """Categories down the side (mastery by topic) need a text line each: at a larger text size the
        chart grows rather than drop a topic's name (the axis hides labels that would overlap)."""
        hint = super().minimumSizeHint()
        if not self.horizontal or not self.categories:
            return hint
        line = self.fontMetrics().height()
        rows = len(self.categories) * (line + 6)
        return QSize(hint.width(), max(hint.height(), rows + 6 * line))  # + title, legend, value axis and label

    def set_series(self, categories: Sequence[str], series: Sequence[Series]) -> None:
        self.categories, self.series = list(categories), list(series)
        self.setAccessibleDescription(data_in_words(series))
        self._generation += 1
        self._legend()
        if self.plot is not None:
            self._fill()  # the plot's items now (cheap); its picture when shown
        self.render_later()

    def set_empty_text(self, text: str) -> None:
        """Say ``text`` in place of the chart (empty: draw the chart); the live plot is not shown meanwhile."""
        if text != self.empty_text:
            self.empty_text = text
            self._legend()  # no legend beside the text: it named bars that are not there
            self.picture.update()

    def redraw(self) -> None:
        """Draw again after a theme change (pyqtgraph does not follow the palette): in the next idle moment,
        also while hidden once it has been shown, so showing it later has nothing left to draw."""
        self.render_later()

    # -- the picture -------------------------------------------------------------------------------------
    def _area(self) -> QSize:
        """The chart's size on screen: that of whichever of placeholder, picture or plot the stack shows
        (the stack sizes only the one it shows; the others keep a stale size)."""
        shown = self.view.currentWidget()
        return shown.size() if shown is not None else self.picture.size()

    def _wanted(self) -> tuple[Any, ...]:
        """Everything the picture depends on: data, colours, size, font and pixel ratio."""
        size = self._area()
        return (self._generation, theme.chart_colors(), size.width(), size.height(), self.font().key(),
                self.devicePixelRatioF())

    def picture_is_current(self) -> bool:
        """Whether the picture on show is the plot as it would be drawn now (nothing to render)."""
        return self._rendered == self._wanted()

    def _may_render(self) -> bool:
        """Out of date, and on show or shown before (its size is known)."""
        return bool(self._generation) and (self.isVisible() or self.picture.pixmap is not None) \
            and not self.picture_is_current()

    def render_later(self) -> None:
        """Render the picture when the event loop is next idle, if it is out of date."""
        if not self._render_timer.isActive() and self._may_render():
            self._render_timer.start()

    def render_now(self) -> None:
        """Make the plot if needed, bring its items up to date and take its picture."""
        if not self._may_render():
            return
        if self.plot is None:
            self.plot = plotting.plot_widget(self.accessibleName())
            unfocused(self.plot)
            self.view.addWidget(self.plot)
        if self._filled != (self._generation, theme.chart_colors()):
            self._fill()
        if self._legend():
            layout = self.layout()
            assert layout is not None  # set in __init__
            layout.activate()  # the legend takes its row now, so the picture is taken at its final size
        wanted = self._wanted()
        self.picture.resize(self._area())
        self.plot.resize(self._area())
        if self.categories:
            self._category_ticks()  # spaced for the size the picture is taken at (dates never overlap)
        self.picture.pixmap = self.plot.grab()
        self._rendered = wanted
        if self.view.currentWidget() is self.placeholder:
            self.view.setCurrentWidget(self.picture)
        self.picture.update()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.render_later()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.DevicePixelRatioChange):
            if event.type() == QEvent.Type.FontChange:
                self._filled = None  # Ctrl+/−: axis labels in the new size, ticks spaced for it
            self.render_later()

    def enterEvent(self, event: QEnterEvent) -> None:  # noqa: N802 - Qt override
        """The live plot while the pointer is over the chart: its bars' tooltips."""
        super().enterEvent(event)
        if self.plot is not None and self.picture.pixmap is not None and not self.empty_text:
            self.view.setCurrentWidget(self.plot)

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().leaveEvent(event)
        self._still()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        super().hideEvent(event)
        self._still()

    def _still(self) -> None:
        if self.view.currentWidget() is self.plot and self.plot is not None:
            self.view.setCurrentWidget(self.picture)
            self.render_later()

    def _fill(self) -> None:
        """Put the series into the plot as bars, hover points and axes, in the theme's colours."""
        assert self.plot is not None
        pg = plotting.pg()
        colors = theme.chart_colors()
        self._filled = (self._generation, colors)
        plot = self.plot
        plot.clear()
        plot.setBackground(colors.background)
        self.bar_items = []
        count = len(self.series)
        width = 0.8 / max(1, count)
        for index, series in enumerate(self.series):
            offset = (index - (count - 1) / 2) * width
            points = [(i + offset, v, tip) for i, (v, tip) in enumerate(zip(series.values, series.tips, strict=True))
                      if v is not None]
            xs = [p[0] for p in points]
            values = [p[1] for p in points]
            brush = pg.mkBrush(colors.bars[index % len(colors.bars)])
            if self.horizontal:
                item = pg.BarGraphItem(x0=[0] * len(xs), y=xs, height=width * 0.9, width=values, brush=brush,
                                       pen=pg.mkPen(None), name=series.name)
                hover = dict(x=values, y=xs)
            else:
                item = pg.BarGraphItem(x=xs, height=values, width=width * 0.9, brush=brush, pen=pg.mkPen(None),
                                       name=series.name)
                hover = dict(x=xs, y=values)
            item.setCacheMode(CACHED)
            plot.addItem(item)
            zeros = [p[0] for p in points if p[1] == 0]
            if self.zero_marks and zeros and not self.horizontal:
                # A line as wide as the bar, on the zero line: no height the data does not have.
                mark_ends = [(x + side * width * 0.45) for x in zeros for side in (-1, 1)]
                mark = pg.PlotCurveItem(x=mark_ends, y=[0.0] * len(mark_ends), connect="pairs",
                                        pen=pg.mkPen(colors.bars[index % len(colors.bars)], width=ZERO_MARK_PX))
                plot.addItem(mark)
            self.bar_items.append((series.name, item, [p[0] for p in points]))
            # Invisible until hovered: the point only carries the tooltip.
            plot.addItem(pg.ScatterPlotItem(**hover, data=[p[2] for p in points], size=12, hoverable=True,
                                            brush=pg.mkBrush(0, 0, 0, 0), pen=None, hoverSize=12,
                                            hoverBrush=pg.mkBrush(colors.foreground), hoverPen=None,
                                            tip=lambda x, y, data: tooltip(data)))
        axis_pen = pg.mkPen(colors.foreground)
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            axis.setCacheMode(CACHED)
            axis.setPen(axis_pen)
            axis.setTextPen(axis_pen)
        category_axis, value_axis = ("left", "bottom") if self.horizontal else ("bottom", "left")
        self._category_ticks()
        top = self.y_max or max([v for s in self.series for v in s.values if v is not None] + [1]) * 1.1
        if self.counts:  # 1, 2, 3 reviews: never 0.5 or 2.5 of one
            step = count_step(top)
            plot.getAxis(value_axis).setTicks([[(v, i18n.number(v)) for v in range(0, int(top) + 1, step)]])
        elif self.y_max == 100:  # a share: read off 0 to 100 (its ends were unlabelled: "20 … 80")
            plot.getAxis(value_axis).setTicks([[(v, i18n.number(v)) for v in range(0, 101, 20)]])
        else:
            plot.getAxis(value_axis).setTicks(None)
        # A little room past each end, so the labels of 0 and of the top fit (pyqtgraph leaves out a label
        # that would stick out of the axis: the reviews and minutes charts had no 0).
        ends = 0.06 if self.horizontal else 0.03
        if self.value_label:
            plot.setLabel(value_axis, self.value_label, color=colors.foreground,
                          **plotting.label_size(self))  # pyqtgraph's own size ignored Ctrl+/−
        plot.showGrid(x=self.horizontal, y=not self.horizontal, alpha=0.25)
        span = (-0.6, len(self.categories) - 0.4)
        if self.horizontal:
            plot.setYRange(*span, padding=0)
            plot.setXRange(0, top, padding=ends)
            plot.getViewBox().invertY(True)  # first category at the top
        else:
            plot.setXRange(*span, padding=0)
            plot.setYRange(0, top, padding=ends)

    def _category_ticks(self) -> None:
        """Label the categories that fit side by side at the chart's width (dates never overlap)."""
        if self.horizontal:  # one row per category: every one is labelled (the chart is tall enough for them)
            axis = self.plot.getAxis("left")
            axis.setTicks([list(enumerate(self.categories))])
            # As wide as the longest name: pyqtgraph skips a label its axis cannot hold and widens the axis
            # only on a later paint, which the still picture never gets ("Abenomics vs Sanaenomics" went
            # missing at a larger text size).
            widest = max((self.plot.fontMetrics().horizontalAdvance(c) for c in self.categories), default=0)
            axis.setWidth(widest + 16)
            self.updateGeometry()
            return
        count = len(self.categories)
        widest = max((self.plot.fontMetrics().horizontalAdvance(c) for c in self.categories), default=0)
        inner = self.plot.width() - self.plot.getAxis("left").width() - 16
        slot = inner / (count + 0.2) if count and inner > 0 else 0.0  # the x range is count + 0.2 slots wide
        indices = plotting.spaced_ticks(count, widest, slot, self.tick_every)
        axis = self.plot.getAxis("bottom")
        axis.setTicks([[(i, self.categories[i]) for i in indices]])
        # As tall as a line of the text: pyqtgraph grows the axis to its labels only on a later paint (which
        # the still picture never gets) and leaves out a label taller than the axis, so after Ctrl++ the
        # dates were gone until a restart.
        axis.setHeight(self.plot.fontMetrics().height() + axis.style["tickTextOffset"][1]
                       + max(0, axis.style["tickLength"]))
        # The first and last dates (the last is today) reach past the plot's ends by half a label: room for it.
        axis.setStyle(hideOverlappingLabels=widest // 2 + 4)
        self.plot.getPlotItem().setContentsMargins(0, 0, widest // 2 + 4, 0)

    def _legend(self) -> bool:
        """Series names with their colour, in a row above the plot (a legend inside it hid bars).

        Made again only when the series, the theme or the empty text changed; says whether it was. None while
        the chart says its empty text instead of bars."""
        palette = theme.chart_colors().bars
        wanted = (self._generation, palette, bool(self.empty_text))
        if self._legend_for == wanted:
            return False
        self._legend_for = wanted
        while self.legend_row.count():
            item = self.legend_row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # now: out of the layout, it would be drawn where it was until deleted
                widget.deleteLater()
        if len(self.series) < 2 or self.empty_text:
            return True
        for index, series in enumerate(self.series):
            swatch = QLabel()
            swatch.setFixedSize(12, 12)
            swatch.setStyleSheet(f"background: {palette[index % len(palette)]}; border-radius: 2px;")
            self.legend_row.addWidget(swatch)
            name = QLabel(series.name)
            name.setTextFormat(Qt.TextFormat.PlainText)
            self.legend_row.addWidget(name)
            self.legend_row.addSpacing(12)
        self.legend_row.addStretch(1)
        return True

    def bars_drawn(self) -> dict[str, dict[str, float]]:
        """{series: {category: value}} read back from the plot items (for tests)."""
        result = {}
        for name, item, positions in self.bar_items:
            values = item.opts["width"] if self.horizontal else item.opts["height"]
            result[name] = {self.categories[round(p)]: float(v) for p, v in zip(positions, values, strict=True)}
        return result
