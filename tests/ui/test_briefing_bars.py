"""The briefing's bar charts as a reader sees them: painted in the theme's colours, lengths that compare,
the quote on hover, and hostile amounts or captions drawn (or refused in words) without an exception."""

from __future__ import annotations

import logging
import math

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QColor, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from content.briefing import Bar, Chart
from ui import theme
from ui.briefing.bars import MAX_CAPTION_LINES
from ui.briefing.chart import FigureChart


def _chart(*amounts: float, label: str = "Plan") -> Chart:
    bars = tuple(Bar(f"f{i}", f"{label} {i}", amount, f"~${amount:g} billion", f"Outlet {i}", f"Quote number {i}.")
                 for i, amount in enumerate(amounts))
    return Chart("plans", "USD", 1e9, "billion", bars)


@pytest.fixture
def shown(qtbot):
    def show(chart: Chart, width: int = 700) -> FigureChart:
        widget = FigureChart(chart)
        qtbot.addWidget(widget)
        widget.resize(width, widget.heightForWidth(width) if widget.hasHeightForWidth() else 400)
        widget.show()
        qtbot.waitUntil(lambda: widget.canvas.painted)
        return widget

    yield show
    theme.apply(QApplication.instance(), "light")


@pytest.mark.parametrize("name", ["light", "dark"])
def test_each_bar_is_painted_in_the_themes_colour_and_the_larger_amount_is_longer(shown, name):
    theme.apply(QApplication.instance(), name)
    chart = shown(_chart(140, 65))
    colors = theme.chart_colors()
    image = chart.canvas.grab().toImage()
    bars = chart.canvas.current().bars
    for index, rect in enumerate(bars):
        centre = rect.center().toPoint()
        assert image.pixelColor(centre) == QColor(colors.bars[index]), f"bar {index} in the theme's colour"
    assert image.pixelColor(2, 2) == QColor(colors.background)
    assert bars[0].width() > 2 * bars[1].width() * 0.9 and bars[1].width() > 20, "140 against 65 from one 0"
    assert bars[0].top() < bars[1].top(), "the largest at the top"


def test_a_theme_switch_repaints_the_bars_in_the_new_colours(shown):
    chart = shown(_chart(140, 65))
    centre = chart.canvas.current().bars[0].center().toPoint()
    for name, colors in (("dark", theme.DARK), ("light", theme.LIGHT)):
        theme.apply(QApplication.instance(), name)
        assert chart.canvas.grab().toImage().pixelColor(centre) == QColor(colors.bars[0])


def _hover(qtbot, chart: FigureChart, point: QPoint) -> str:
    canvas = chart.canvas
    qtbot.mouseMove(canvas, point)
    event = QHelpEvent(QEvent.Type.ToolTip, point, canvas.mapToGlobal(point))
    QApplication.sendEvent(canvas, event)
    return QToolTip.text() if QToolTip.isVisible() else ""


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the offscreen platform's tooltip window
def test_hovering_a_bar_shows_its_amount_outlet_and_quote(shown, qtbot):
    chart = shown(_chart(140, 65))
    second = chart.canvas.current().bars[1].center().toPoint()
    tip = _hover(qtbot, chart, second)
    assert "~$65 billion — Outlet 1" in tip and "“Quote number 1.”" in tip
    below = QPoint(second.x(), chart.canvas.current().plot.bottom() + 8)  # the tick labels: no bar there
    _hover(qtbot, chart, below)
    qtbot.waitUntil(lambda: not QToolTip.isVisible())  # off the bars the tip goes away


NOT_FINITE = "could not be drawn: an amount is not a finite number"
#: amounts, then what the note says on the linear and on the log scale ("": the bars are drawn)
HOSTILE = {
    "nan": ((math.nan, 5.0), NOT_FINITE, NOT_FINITE),
    "inf": ((math.inf, 5.0), NOT_FINITE, NOT_FINITE),
    "-inf": ((-math.inf, 5.0), NOT_FINITE, NOT_FINITE),
    "huge": ((1.7e308, 1.0), "could not be drawn: an amount is too large to chart", ""),
    "negative": ((-5.0, 3.0), "", ""),
    "zeros": ((0.0, 0.0), "", ""),
    "one": ((7.0,), "", ""),
    "1e308": ((1e308, 1e308), "", ""),
    "subnormal": ((5e-324, 1e-300), "", ""),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_amounts_paint_without_an_exception_and_say_when_they_cannot(shown, caplog, name):
    amounts, *said_on = HOSTILE[name]
    chart = shown(_chart(*amounts))
    for log, said in zip((False, True), said_on, strict=True):
        if log and not chart.log_toggle.isEnabled():  # nothing above 0: no log scale to offer
            continue
        chart.log_toggle.setChecked(log)
        with caplog.at_level(logging.ERROR):
            image = chart.render_image()
        assert not image.isNull()
        assert not [r for r in caplog.records if r.levelno >= logging.ERROR], "nothing raised while painting"
        note = chart.note.text() if chart.note.isVisibleTo(chart) else ""
        if said:
            assert said in note
            assert chart.bars_drawn() == [], "no bars from amounts that cannot be placed"
        else:
            assert "could not be drawn" not in note
            assert len(chart.bars_drawn()) == len(amounts)
            area = chart.canvas.rect()
            for rect in chart.canvas.current().bars + chart.canvas.current().rows:
                assert all(math.isfinite(v) for v in (rect.x(), rect.y(), rect.width(), rect.height()))
                assert rect.width() >= 0 and rect.right() <= area.right() + 1


def test_a_ten_thousand_character_caption_is_cut_to_a_few_lines_and_read_out_whole(shown, caplog):
    long_label = ("word " * 2000).strip() + ("x" * 2000)  # words, then one unbroken run
    with caplog.at_level(logging.ERROR):
        chart = shown(_chart(3.0, 2.0, label=long_label))
        chart.render_image()
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    line = chart.canvas.fontMetrics().height()
    captions, bars = chart.caption_rects(), chart.bar_rects()
    for caption, bar in zip(captions, bars, strict=True):
        assert caption.height() <= MAX_CAPTION_LINES * line * 1.5, "cut after a few lines, not 10k characters"
        assert caption.bottom() <= bar.top() and caption.right() <= chart.plot_rect().right() + 1
    assert chart.canvas.height() < 40 * line, "the chart stays a chart, not pages of caption"
    assert long_label in chart.accessibleDescription(), "a screen reader hears the whole caption"


@pytest.mark.parametrize("steps", [0, 8])
def test_no_caption_is_cut_off_or_over_its_bar_at_1024x640_and_the_largest_text_size(qtbot, window, steps):
    """The chart is as tall as its wrapped captions need: at the largest text size the log toggle's one line
    was wider than the text column, and the column, laid out for that width, cut the bars off."""
    window.resize(1024, 640)
    if steps:
        window.change_text_size(steps)
    try:
        page = window.briefing
        page.build_all()
        qtbot.waitUntil(lambda: not page.pending and bool(page.charts))
        qtbot.wait(50)  # the page lays itself out again at the new size
        for chart in page.charts:
            canvas = chart.canvas
            assert canvas.height() >= canvas.heightForWidth(canvas.width()), f"{chart.chart.heading}: cut off"
            plot = chart.plot_rect()
            assert plot.right() <= canvas.geometry().right()
            for caption, bar in zip(chart.caption_rects(), chart.bar_rects(), strict=True):
                assert caption.right() <= plot.right() + 1 and caption.bottom() <= bar.top()
                assert bar.bottom() <= canvas.geometry().bottom()
    finally:
        window.change_text_size(0)


def _inked(image, rect) -> list[int]:
    """The x of every column of ``rect`` with a pixel unlike the chart's background (its text)."""
    background = QColor(theme.chart_colors().background)
    return [x for x in range(rect.left(), rect.right()) if any(image.pixelColor(x, y) != background
                                                               for y in range(rect.top(), rect.bottom()))]


def test_a_right_to_left_caption_starts_at_the_right_and_a_left_to_right_one_at_the_left(shown):
    arabic = Bar("a", "استثمارات الصندوق", 2300.0, "2.3 تريليون دولار", "Gulf Tech Review", "quote")
    english = Bar("b", "First phase", 65.0, "$65 billion", "Gulf Tech Review", "quote")
    chart = shown(Chart("money", "USD", 1e9, "billion", (arabic, english)))
    image = chart.canvas.grab().toImage()
    captions = [caption.rect.toAlignedRect() for caption in chart.canvas.current().captions]
    right_to_left, left_to_right = (_inked(image, rect) for rect in captions)
    assert max(right_to_left) > captions[0].right() - 12 and min(right_to_left) > captions[0].left() + 100
    assert min(left_to_right) < captions[1].left() + 12 and max(left_to_right) < captions[1].right() - 100
