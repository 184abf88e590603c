"""The figures chart: horizontal bars labelled with amount and outlet, hover shows the quote.

pyqtgraph is imported only when the chart is built (it costs ~0.5 s), so the
window paints first. Its colours come from :mod:`ui.theme` because pyqtgraph
ignores the Qt palette. A log-scale toggle keeps $65 billion readable beside
$2.3 trillion.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from content.briefing import Chart, log_ticks
from ui import plotting, theme
from ui.text import tooltip

BAR_HEIGHT = 0.42  # the rest of each row holds the bar's caption, above it


class FigureChart(QWidget):
    def __init__(self, chart: Chart, parent: QWidget | None = None):
        super().__init__(parent)
        self.chart = chart
        self.plot: Any = None  # pyqtgraph.PlotWidget, created by build()
        self.bar_item: Any = None
        self.hover_item: Any = None
        self.text_items: list[Any] = []
        self.setAccessibleName(f"Chart of {chart.group} figures")
        self.setAccessibleDescription("; ".join(f"{b.label}: {b.caption}" for b in chart.bars))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.log_toggle = QCheckBox("&Log scale (keeps small figures readable beside large ones)")
        self.log_toggle.setChecked(chart.spread > 20)
        self.log_toggle.toggled.connect(self.redraw)
        self.placeholder = QLabel("Loading chart…")
        layout.addWidget(self.log_toggle)
        layout.addWidget(self.placeholder)
        self.setMinimumHeight(100 + 64 * len(chart.bars))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(900, 100 + 64 * len(self.chart.bars))

    def build(self) -> None:
        """Create the pyqtgraph plot (first use imports pyqtgraph)."""
        if self.plot is not None:
            return
        self.plot = plotting.plot_widget(self.accessibleName())
        self.layout().replaceWidget(self.placeholder, self.plot)
        self.placeholder.deleteLater()
        self.redraw()

    def _x(self, value: float) -> float:
        return math.log10(value) if self.log_toggle.isChecked() else value

    def redraw(self) -> None:
        if self.plot is None:
            return
        pg = plotting.pg()
        colors = theme.chart_colors()
        plot = self.plot
        plot.clear()
        self.text_items = []
        plot.setBackground(colors.background)
        bars = self.chart.bars
        ys = [len(bars) - 1 - i for i in range(len(bars))]  # largest at the top
        log = self.log_toggle.isChecked()
        ticks = log_ticks(self.chart)
        origin = math.log10(ticks[0]) if log and ticks else 0.0
        ends = [self._x(b.value) for b in bars]
        brushes = [pg.mkBrush(colors.bars[i % len(colors.bars)]) for i in range(len(bars))]
        self.bar_item = pg.BarGraphItem(x0=[origin] * len(bars), x1=ends, y=ys, height=BAR_HEIGHT, brushes=brushes,
                                        pen=pg.mkPen(colors.foreground, width=0.5))
        plot.addItem(self.bar_item)
        # BarGraphItem has no hover: invisible-ish points at the bar ends carry the quote.
        self.hover_item = pg.ScatterPlotItem(
            x=ends, y=ys, data=[f"{b.caption}\n“{b.quote}”" for b in bars], size=14, hoverable=True,
            brush=pg.mkBrush(colors.foreground), pen=None, tip=lambda x, y, data: tooltip(data), hoverSize=18)
        plot.addItem(self.hover_item)
        # Captions sit above their bars, using the full width: long labels never push
        # the bars into a narrow strip, and "$65 billion" stays readable beside "$2.3 trillion".
        for bar, y in zip(bars, ys, strict=True):
            text = pg.TextItem(f"{bar.label}: {bar.caption}", color=colors.foreground, anchor=(0, 0))
            text.setPos(origin, y + 0.62)  # anchor (0, 0): the caption hangs below this point
            plot.addItem(text)
            self.text_items.append(text)
        axis_pen = pg.mkPen(colors.foreground)
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            axis.setPen(axis_pen)
            axis.setTextPen(axis_pen)
        plot.getAxis("left").setTicks([[]])
        plot.getAxis("left").setWidth(8)
        span = [origin, max(ends) + (max(ends) - origin) * 0.08]
        if log:
            plot.getAxis("bottom").setTicks([[(math.log10(t), self.chart.tick_label(t)) for t in ticks]])
        else:
            step = _nice_step(max(b.value for b in bars))
            positions = [step * k for k in range(int(span[1] / step) + 1)]
            plot.getAxis("bottom").setTicks([[(p, self.chart.tick_label(p)) for p in positions]])
        plot.setLabel("bottom", self.chart.axis_title + (" (log scale)" if log else ""), color=colors.foreground)
        plot.showGrid(x=True, y=False, alpha=0.25)
        plot.setXRange(*span, padding=0.02)
        plot.setYRange(-0.4, len(bars) - 0.3, padding=0)

    def bars_drawn(self) -> list[tuple[str, float]]:
        """("label: amount — outlet", value) of each bar as drawn, read back from the plot items (for tests)."""
        opts = self.bar_item.opts
        values = [10**x if self.log_toggle.isChecked() else x for x in opts["x1"]]
        return [(t.textItem.toPlainText(), v) for t, v in zip(self.text_items, values, strict=True)]

    def render_image(self) -> QImage:
        """The chart as an image at its current size (shown once first: pyqtgraph lays out on show)."""
        self.build()
        return self.plot.grab().toImage()

    def save_png(self, path: str) -> bool:
        self.build()
        return self.plot.grab().save(path, "PNG")

    def save_svg(self, path: str) -> None:
        """SVG via QSvgGenerator (pyqtgraph's SVGExporter crashes on bar charts)."""
        from PySide6.QtSvg import QSvgGenerator

        self.build()
        generator = QSvgGenerator()
        generator.setFileName(path)
        size = self.plot.size()
        generator.setSize(size)
        generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
        generator.setTitle(self.accessibleName())
        generator.setDescription(self.accessibleDescription())
        painter = QPainter(generator)
        self.plot.render(painter)
        painter.end()


def _nice_step(maximum: float) -> float:
    """A round tick step giving about five ticks up to ``maximum``."""
    raw = maximum / 5
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
