"""A small pyqtgraph bar chart for the dashboard: one or more series, hover tips, themed.

pyqtgraph is loaded on first :meth:`BarChart.set_series` after the page is
shown, so opening the app never waits for it. ``BarGraphItem`` has no hover,
so a nearly invisible scatter point on each bar carries the tooltip.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGraphicsItem, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui import plotting, theme
from ui.accessible import readable_chart, unfocused
from ui.i18n import translate
from ui.text import tooltip

#: Bars and axes are painted once into a pixmap and reused: pyqtgraph replays each as a QPicture
#: on every paint, most of the cost of showing the Progress tab again (or of a tooltip's repaint).
CACHED = QGraphicsItem.CacheMode.DeviceCoordinateCache


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float | None]  # None: no bar (e.g. a day without answers)
    tips: Sequence[str]


def data_in_words(series: Sequence[Series]) -> str:
    """What a chart shows, read out: each bar's own tip ("2026-11-03: 4 of 5 right (80%)"), in order."""
    words = "; ".join(tip for s in series for value, tip in zip(s.values, s.tips, strict=True) if value is not None)
    return words or translate("ui.progress.charts", "Nothing to show yet.")


class BarChart(QWidget):
    """Bars over categories; ``horizontal`` puts categories on the left axis."""

    def __init__(self, title: str, *, horizontal: bool = False, y_max: float | None = None,
                 tick_every: int = 1, value_label: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.title, self.horizontal, self.y_max = title, horizontal, y_max
        self.tick_every, self.value_label = tick_every, value_label
        self.setAccessibleName(translate("ui.progress.charts", "Chart: {title}").format(title=title))
        self.plot: Any = None
        self.bar_items: list[Any] = []
        self.categories: list[str] = []
        self.series: list[Series] = []
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
        layout.addWidget(self.placeholder, 1)
        readable_chart(self)
        self.setMinimumHeight(200)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(480, 260)

    def set_series(self, categories: Sequence[str], series: Sequence[Series]) -> None:
        self.categories, self.series = list(categories), list(series)
        self.setAccessibleDescription(data_in_words(series))
        if self.plot is None:
            self.plot = plotting.plot_widget(self.accessibleName())
            unfocused(self.plot)
            layout = self.layout()
            assert layout is not None  # set in __init__
            layout.replaceWidget(self.placeholder, self.plot)
            self.placeholder.deleteLater()
        self.redraw()

    def redraw(self) -> None:
        """Draw (again), e.g. after a theme change: pyqtgraph does not follow the palette."""
        if self.plot is None:
            return
        pg = plotting.pg()
        colors = theme.chart_colors()
        plot = self.plot
        plot.clear()
        plot.setBackground(colors.background)
        self.bar_items = []
        count = len(self.series)
        width = 0.8 / max(1, count)
        self._legend(colors.bars)
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
        plot.getAxis(value_axis).setTicks(None)
        if self.value_label:
            plot.setLabel(value_axis, self.value_label, color=colors.foreground,
                          **plotting.label_size(self))  # pyqtgraph's own size ignored Ctrl+/−
        plot.showGrid(x=self.horizontal, y=not self.horizontal, alpha=0.25)
        span = (-0.6, len(self.categories) - 0.4)
        top = self.y_max or max([v for s in self.series for v in s.values if v is not None] + [1]) * 1.1
        if self.horizontal:
            plot.setYRange(*span, padding=0)
            plot.setXRange(0, top, padding=0)
            plot.getViewBox().invertY(True)  # first category at the top
        else:
            plot.setXRange(*span, padding=0)
            plot.setYRange(0, top, padding=0)

    def _category_ticks(self) -> None:
        """Label the categories that fit side by side at the chart's width (dates never overlap)."""
        if self.horizontal:  # one row per category: every one is labelled
            self.plot.getAxis("left").setTicks([list(enumerate(self.categories))])
            return
        count = len(self.categories)
        widest = max((self.plot.fontMetrics().horizontalAdvance(c) for c in self.categories), default=0)
        inner = self.plot.width() - self.plot.getAxis("left").width() - 16
        slot = inner / (count + 0.2) if count and inner > 0 else 0.0  # the x range is count + 0.2 slots wide
        indices = plotting.spaced_ticks(count, widest, slot, self.tick_every)
        axis = self.plot.getAxis("bottom")
        axis.setTicks([[(i, self.categories[i]) for i in indices]])
        # The first and last dates (the last is today) reach past the plot's ends by half a label: room for it.
        axis.setStyle(hideOverlappingLabels=widest // 2 + 4)
        self.plot.getPlotItem().setContentsMargins(0, 0, widest // 2 + 4, 0)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Ctrl+/−: the axes' cached labels are drawn again in the new size (and spaced for it)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self.plot is not None:
            self.redraw()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.plot is not None and self.categories:
            self._category_ticks()

    def _legend(self, palette: tuple[str, ...]) -> None:
        """Series names with their colour, in a row above the plot (a legend inside it hid bars)."""
        while self.legend_row.count():
            item = self.legend_row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        if len(self.series) < 2:
            return
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

    def bars_drawn(self) -> dict[str, dict[str, float]]:
        """{series: {category: value}} read back from the plot items (for tests)."""
        result = {}
        for name, item, positions in self.bar_items:
            values = item.opts["width"] if self.horizontal else item.opts["height"]
            result[name] = {self.categories[round(p)]: float(v) for p, v in zip(positions, values, strict=True)}
        return result
