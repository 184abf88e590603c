"""The figures chart: a title, a caption naming its sources, the bars, a log-scale toggle and a note.

The bars are a :class:`ui.briefing.bars.BarCanvas` painted with QPainter, built with the
chart: no pyqtgraph (and no numpy) on the briefing's path, so its charts appear with
its text. The chart is linear by default, its bars starting at a labelled 0, so bar
lengths compare honestly; a log scale is an option for groups whose amounts differ by
orders of magnitude (it says so on the axis). The note under the chart says what it
does not show: figures left out, amounts of 0 on the log scale, and a chart that could
not be drawn (an amount that is not a finite number), in words.

The chart is the Tab stop, named by its title and described by its bars in words
(:func:`ui.accessible.readable_chart`); the canvas inside takes no focus.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QVBoxLayout, QWidget

from content.briefing import Chart, log_decades
from ui import i18n, theme
from ui.accessible import readable_chart
from ui.briefing.bars import BarCanvas, right_to_left
from ui.i18n import translate
from ui.text import plain

_WRAPPED = Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap


class FigureChart(QWidget):
    def __init__(self, chart: Chart, parent: QWidget | None = None):
        super().__init__(parent)
        self.chart = chart
        self.canvas = BarCanvas(chart)
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
        self.caption = plain(i18n.sentences(chart.caption, named, unnamed), scale=0.9)
        self.caption.setAccessibleName(translate("ui.briefing.chart", "Chart caption"))
        # Two words on the box and what it is for wrapped beside it: the whole sentence on the box was cut
        # at the largest text sizes (a check box does not wrap).
        self.log_toggle = QCheckBox(translate("ui.briefing.chart", "&Log scale"))
        why = translate("ui.briefing.chart", "for amounts that differ by orders of magnitude")
        self.log_toggle.setAccessibleDescription(why)
        self.log_toggle.setChecked(False)  # linear: bar lengths compare honestly
        self.log_why = plain(why, scale=0.9, selectable=False)
        if log_decades(chart) is None or sum(b.value > 0 for b in chart.bars) < 2:
            # nothing above 0 (a log axis would be empty), or one amount: nothing to compare across magnitudes
            self.log_toggle.setEnabled(False)
            self.log_why.setEnabled(False)
        self.log_toggle.toggled.connect(self.redraw)
        toggle_row = QHBoxLayout()
        toggle_row.addWidget(self.log_toggle)
        toggle_row.addWidget(self.log_why, 1)
        self.note = plain(scale=0.9)
        self.note.setAccessibleName(translate("ui.briefing.chart", "Chart note"))
        layout.addWidget(self.title)
        layout.addWidget(self.caption)
        layout.addLayout(toggle_row)
        layout.addWidget(self.canvas)
        layout.addWidget(self.note)
        self.redraw()
        readable_chart(self)

    def _show_note(self, failure: str = "") -> None:
        """What the chart does not show, in words under it (empty: hidden)."""
        notes = []
        if self.chart.omitted:
            shown = len(self.chart.bars)
            notes.append(translate("ui.briefing.chart",
                                   "Showing the {shown} largest of {count} figures in this group.").format(
                shown=i18n.number(shown), count=i18n.number(shown + self.chart.omitted)))
        if self.canvas.log_scale and self.chart.zeros:
            count = self.chart.zeros
            notes.append((translate("ui.briefing.chart", "Log scale: {count} figure with amount 0 has no bar (0 has no "
                                                         "place on a log scale); turn the log scale off to see it "
                                                         "beside the others.") if count == 1 else
                          translate("ui.briefing.chart", "Log scale: {count} figures with amount 0 have no bar (0 has "
                                                         "no place on a log scale); turn the log scale off to see it "
                                                         "beside the others.")).format(count=i18n.number(count)))
        if failure:
            notes.append(translate("ui.briefing.chart", "This chart could not be drawn: {error}").format(error=failure))
        self.note.setText(i18n.sentences(*notes))
        self.note.setVisible(bool(notes))

    def redraw(self) -> None:
        """The log toggle changed: the bars on the other scale, and the note saying what they leave out."""
        self.canvas.set_log(self.log_toggle.isChecked())  # it keeps linear a chart with nothing above 0
        self._show_note(self.canvas.current().failure)

    # What the chart shows, read from the geometry the canvas paints (tests and exports read these).
    def axis_title(self) -> str:
        """The axis title under the axis, as drawn."""
        title = self.canvas.current().title
        return title.text if title is not None else ""

    def ticks(self) -> list[tuple[float, str]]:
        """(value, label) of each tick on the axis (a value on the log scale is its power of ten)."""
        return [(value, label) for value, label, _x in self.canvas.current().ticks]

    def bars_drawn(self) -> list[tuple[str, float]]:
        """("label: amount — outlet", value) of each bar as drawn: none when the chart could not be drawn.

        A bar of length 0 on the log scale (an amount of 0) reads back as 0.
        """
        geometry = self.canvas.current()
        if geometry.failure:
            return []
        return [(caption.text, value) for caption, value in zip(geometry.captions, geometry.values, strict=True)]

    def caption_rects(self) -> list[QRect]:
        """Where each bar's caption is drawn, in this widget's coordinates."""
        return [self._mapped(c.rect) for c in self.canvas.current().captions]

    def bar_rects(self) -> list[QRect]:
        """Where each bar is drawn (empty: length 0), in this widget's coordinates."""
        return [self._mapped(rect) for rect in self.canvas.current().bars]

    def plot_rect(self) -> QRect:
        """The area the bars and grid lines span, in this widget's coordinates."""
        return self._mapped(self.canvas.current().plot)

    def _mapped(self, rect: QRectF) -> QRect:
        return rect.toAlignedRect().translated(self.canvas.pos())

    def _sized(self) -> None:
        """A chart never laid out (an export of a page not shown) gets the size it would have."""
        if self.canvas.width() < 100:
            self.canvas.resize(900, self.canvas.heightForWidth(900))

    def render_image(self) -> QImage:
        """The bars as an image at their current size."""
        self._sized()
        image: QImage = self.canvas.grab().toImage()
        return image

    def _words_above(self, width: float) -> tuple[list[tuple[QFont, str, QRectF]], float]:
        """The title, the caption (what the bars are, their sources) and any note, wrapped at ``width``:
        what an exported chart says about itself. Returns them placed, and the height they take."""
        margin = 8.0
        placed, y = [], margin
        for label in (self.title, self.caption, self.note):  # a note without anything to say is empty
            text = label.text()
            if not text:
                continue
            inside = max(1.0, width - 2 * margin)
            height = QFontMetricsF(label.font()).boundingRect(QRectF(0, 0, inside, 1e6), _WRAPPED, text).height()
            placed.append((label.font(), text, QRectF(margin, y, inside, height)))
            y += height + 6
        return placed, y

    def _paint_export(self, painter: QPainter, words: list[tuple[QFont, str, QRectF]], top: float) -> None:
        colors = theme.chart_colors()
        painter.fillRect(QRectF(0, 0, self.canvas.width(), top), QColor(colors.background))
        painter.setPen(QColor(colors.foreground))
        for font, text, rect in words:
            painter.setFont(font)
            painter.drawText(rect, _WRAPPED | (Qt.AlignmentFlag.AlignRight if right_to_left(text)
                                               else Qt.AlignmentFlag.AlignLeft), text)
        painter.translate(0, top)
        self.canvas.paint(painter, self.canvas.current())

    def save_png(self, path: str) -> bool:
        """The chart as it reads on screen, its title and sources above the bars (no check box)."""
        self._sized()
        words, top = self._words_above(self.canvas.width())
        ratio = self.canvas.devicePixelRatioF()
        size = QSize(self.canvas.width(), math.ceil(top) + self.canvas.height())
        image = QImage(size * ratio, QImage.Format.Format_ARGB32)
        image.setDevicePixelRatio(ratio)
        image.fill(QColor(theme.chart_colors().background))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self._paint_export(painter, words, top)
        painter.end()
        return bool(QPixmap.fromImage(image).save(path, "PNG"))

    def save_svg(self, path: str) -> None:
        """The chart as SVG with real text, its title and sources above the bars (QSvgGenerator records
        what is painted)."""
        from PySide6.QtSvg import QSvgGenerator

        self._sized()
        words, top = self._words_above(self.canvas.width())
        height = math.ceil(top) + self.canvas.height()
        generator = QSvgGenerator()
        generator.setFileName(path)
        generator.setSize(QSize(self.canvas.width(), height))
        generator.setViewBox(QRectF(0, 0, self.canvas.width(), height))
        generator.setTitle(self.accessibleName())
        generator.setDescription(self.accessibleDescription())
        painter = QPainter(generator)
        self._paint_export(painter, words, top)
        painter.end()
