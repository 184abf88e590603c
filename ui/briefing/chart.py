"""The figures chart: horizontal bars labelled with amount and outlet, hover shows the quote.

pyqtgraph is imported only when the chart is built (it costs ~0.5 s), so the
window paints first. Its colours come from :mod:`ui.theme` because pyqtgraph
ignores the Qt palette. Each chart has a title and a caption naming its sources,
and is linear by default, its bars starting at a labelled 0, so bar lengths
compare honestly; a log scale is an option for groups whose amounts differ by
orders of magnitude (it says so on the axis).

Pack text reaches the plot only as plain text: captions are plain-text
``TextItem`` objects, tick labels are drawn as plain strings, and the axis title,
which pyqtgraph renders as HTML, is escaped. Every coordinate handed to
pyqtgraph is finite and every range has width: a degenerate range (all
amounts 0, one amount) is widened here rather than handed to Qt, which does
not survive infinite or empty transforms. An amount of 0 is a bar of length
0; on the log scale, where 0 has no place, it is named in a note under the
chart instead. A chart that still fails to draw says so in that note.
"""

from __future__ import annotations

import html
import math
from typing import Any

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from content.briefing import Chart, log_decades, log_ticks
from ui import i18n, plotting, theme
from ui.accessible import readable_chart, unfocused
from ui.i18n import translate
from ui.text import plain, tooltip

BAR_HEIGHT = 0.42  # the rest of each row holds the bar's caption, above it


class FigureChart(QWidget):
    def __init__(self, chart: Chart, parent: QWidget | None = None):
        super().__init__(parent)
        self.chart = chart
        self.plot: Any = None  # pyqtgraph.PlotWidget, created by build()
        self.bar_item: Any = None
        self.hover_item: Any = None
        self.text_items: list[Any] = []
        self._wrapping = False  # the captions follow the plot's width
        self.setAccessibleName(translate("ui.briefing.chart", "Chart: {title}").format(title=chart.heading))
        self.setAccessibleDescription("; ".join(f"{b.label}: {b.caption}" for b in chart.bars))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = plain(chart.heading, bold=True, scale=1.1)
        self.title.setAccessibleName(translate("ui.briefing.chart", "Chart title"))
        # The outlets the article names, as this language lists things (、 in Japanese); a figure without
        # one is counted, not listed as if "not named in the article" were a source.
        sources = translate("ui.briefing.chart", ", ").join(chart.named_outlets)
        named = translate("ui.briefing.chart", "Sources: {sources}.").format(sources=sources) if sources else ""
        unnamed = translate("ui.briefing.chart", "No outlet named in the article for {count} of these figures.").format(
            count=i18n.number(chart.unnamed_bars)) if chart.unnamed_bars else ""
        self.caption = plain(" ".join(filter(None, (chart.caption, named, unnamed))), scale=0.9)
        self.caption.setAccessibleName(translate("ui.briefing.chart", "Chart caption"))
        self.log_toggle = QCheckBox(translate("ui.briefing.chart",
                                              "&Log scale (for amounts that differ by orders of magnitude)"))
        self.log_toggle.setChecked(False)  # linear: bar lengths compare honestly
        if log_decades(chart) is None:  # nothing above 0: a log axis would be empty
            self.log_toggle.setEnabled(False)
        self.log_toggle.toggled.connect(self.redraw)
        self.placeholder = QLabel(translate("ui.briefing.chart", "Loading chart…"))
        self.note = plain(scale=0.9)
        self.note.setAccessibleName(translate("ui.briefing.chart", "Chart note"))
        layout.addWidget(self.title)
        layout.addWidget(self.caption)
        layout.addWidget(self.log_toggle)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.note)
        self._show_note()
        readable_chart(self)
        self.setMinimumHeight(160 + 64 * len(chart.bars))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(900, 160 + 64 * len(self.chart.bars))

    def build(self) -> None:
        """Create the pyqtgraph plot (first use imports pyqtgraph)."""
        if self.plot is not None:
            return
        self.plot = plotting.plot_widget(self.accessibleName())
        unfocused(self.plot)
        layout = self.layout()
        assert layout is not None  # set in __init__
        layout.replaceWidget(self.placeholder, self.plot)
        self.placeholder.deleteLater()
        self.redraw()

    def _log(self) -> bool:
        return self.log_toggle.isChecked() and log_decades(self.chart) is not None

    def _show_note(self, failure: str = "") -> None:
        """What the chart does not show, in words under it (empty: hidden)."""
        notes = []
        if self.chart.omitted:
            shown = len(self.chart.bars)
            notes.append(translate("ui.briefing.chart",
                                   "Showing the {shown} largest of {count} figures in this group.").format(
                shown=i18n.number(shown), count=i18n.number(shown + self.chart.omitted)))
        if self._log() and self.chart.zeros:
            count = self.chart.zeros
            notes.append((translate("ui.briefing.chart", "Log scale: {count} figure with amount 0 has no bar (0 has no "
                                                         "place on a log scale); turn the log scale off to see it "
                                                         "beside the others.") if count == 1 else
                          translate("ui.briefing.chart", "Log scale: {count} figures with amount 0 have no bar (0 has "
                                                         "no place on a log scale); turn the log scale off to see it "
                                                         "beside the others.")).format(count=i18n.number(count)))
        if failure:
            notes.append(translate("ui.briefing.chart", "This chart could not be drawn: {error}").format(error=failure))
        self.note.setText(" ".join(notes))
        self.note.setVisible(bool(notes))

    def redraw(self) -> None:
        if self.plot is None:
            return
        try:
            self._draw()
        except Exception as exc:  # a pack's chart must never take the app down: say so instead
            self.plot.clear()
            self._show_note(f"{type(exc).__name__}: {exc}")
        else:
            self._show_note()

    def _draw(self) -> None:
        pg = plotting.pg()
        colors = theme.chart_colors()
        plot = self.plot
        plot.clear()
        self.text_items = []
        plot.setBackground(colors.background)
        bars = self.chart.bars
        ys = [len(bars) - 1 - i for i in range(len(bars))]  # largest at the top
        log = self._log()
        if log:
            low, _high = log_decades(self.chart) or (0, 1)
            origin = float(low)
            ends = [math.log10(b.value) if b.value > 0 else origin for b in bars]
        else:
            origin = 0.0
            ends = [max(0.0, b.value) for b in bars]
        if not all(math.isfinite(x) for x in ends):
            raise ValueError(translate("ui.briefing.chart", "an amount is not a finite number"))
        top = max(ends, default=origin)
        if top <= origin:  # every bar is 0 (or all one power of ten): still an axis with width
            top = origin + 1.0
        span = (origin, top + (top - origin) * 0.08)
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
            zero = " " + translate("ui.briefing.chart", "(0: no bar on a log scale)") if log and bar.value <= 0 else ""
            text = pg.TextItem(f"{bar.label}: {bar.caption}{zero}", color=colors.foreground, anchor=(0, 0))
            text.setPos(origin, y + 0.62)  # anchor (0, 0): the caption hangs below this point
            plot.addItem(text)
            self.text_items.append(text)
        self._wrap_captions()
        if not self._wrapping:  # a narrower chart (a smaller window, the readable text column) wraps them again
            plot.getViewBox().sigResized.connect(lambda _box: self._wrap_captions())
            self._wrapping = True
        axis_pen = pg.mkPen(colors.foreground)
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            axis.setPen(axis_pen)
            axis.setTextPen(axis_pen)
        plot.getAxis("left").setTicks([[]])
        plot.getAxis("left").setWidth(8)
        if log:
            ticks = [(math.log10(t), self.chart.tick_label(t)) for t in log_ticks(self.chart)]
            plot.getAxis("bottom").setTicks([ticks])
        else:
            step = _nice_step(span[1])
            positions = [step * k for k in range(int(span[1] / step) + 1)]
            plot.getAxis("bottom").setTicks([[(p, self.chart.tick_label(p)) for p in positions]])
        # pyqtgraph renders axis titles as HTML: the unit is pack text, so it is escaped.
        title = (translate("ui.briefing.chart", "{axis} (log scale)") if log
                 else translate("ui.briefing.chart", "{axis}, bars start at 0")).format(axis=self.chart.axis_title)
        plot.setLabel("bottom", html.escape(title), color=colors.foreground, **plotting.label_size(self))
        plot.showGrid(x=True, y=False, alpha=0.25)
        plot.setXRange(*span, padding=0.02)
        plot.setYRange(-0.4, max(1, len(bars)) - 0.3, padding=0)

    def _wrap_captions(self) -> None:
        """Captions wrap within the plot's width instead of running off its right edge."""
        width = self.plot.getViewBox().width() - 12 if self.plot is not None else 0
        for text in self.text_items:
            text.setTextWidth(width if width > 40 else -1)

    def bars_drawn(self) -> list[tuple[str, float]]:
        """("label: amount — outlet", value) of each bar as drawn, read back from the plot items (for tests).

        A bar of length 0 on the log scale (an amount of 0) reads back as 0.
        """
        opts = self.bar_item.opts
        if self._log():
            values = [10**x1 if x1 > x0 else 0.0 for x0, x1 in zip(opts["x0"], opts["x1"], strict=True)]
        else:
            values = list(opts["x1"])
        return [(t.textItem.toPlainText(), float(v)) for t, v in zip(self.text_items, values, strict=True)]

    def render_image(self) -> QImage:
        """The chart as an image at its current size (shown once first: pyqtgraph lays out on show)."""
        self.build()
        image: QImage = self.plot.grab().toImage()
        return image

    def save_png(self, path: str) -> bool:
        self.build()
        return bool(self.plot.grab().save(path, "PNG"))

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
    """A round tick step giving about five ticks up to ``maximum`` (> 0)."""
    raw = maximum / 5 if maximum > 0 and math.isfinite(maximum) else 0.2
    power = 10 ** math.floor(math.log10(raw))
    return float(next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw))
