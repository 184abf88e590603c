"""Charts are Tab stops: named by their title, their data read out, a focus ring drawn (issue #15)."""

from __future__ import annotations

import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor
from PySide6.QtWidgets import QApplication, QWidget

from app.workspace import Workspace
from bench.synthetic import write_history
from quiz.generate import generate
from tests_support import state_for
from ui import i18n, theme
from ui.briefing import BriefingPage
from ui.main_window import MainWindow


def _spoken(widget: QWidget, what: QAccessible.Text) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface.text(what)


def _tab_to(qtbot, target: QWidget, limit: int = 200) -> list[QWidget]:
    """Press Tab, as a reader does, until ``target`` has the focus; the widgets passed on the way."""
    passed = []
    for _ in range(limit):
        focused = QApplication.focusWidget()
        if focused is target:
            return passed
        passed.append(focused)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target.accessibleName()!r}")


def _ring_drawn(widget: QWidget) -> bool:
    image = widget.grab().toImage()
    focus = QColor(theme.controls().focus)
    y = image.height() // 2
    return any(image.pixelColor(x, y) == focus for x in range(0, 4))  # on its left edge


def test_tab_reaches_a_briefing_chart_which_reads_out_its_bars(qtbot, data_dir):
    ws = Workspace(data_dir)
    page = BriefingPage(state_for(ws))
    qtbot.addWidget(page)
    page.resize(1024, 640)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    qtbot.waitUntil(lambda: not page.pending and bool(page.charts))
    chart = page.charts[0]
    assert not _ring_drawn(chart)
    quiz_button = next(w for w in page.findChildren(QWidget) if w.accessibleName().startswith("Quiz me on"))
    quiz_button.setFocus(Qt.FocusReason.TabFocusReason)
    _tab_to(qtbot, chart)
    assert QApplication.focusWidget() is chart
    assert _spoken(chart, QAccessible.Text.Name) == f"Chart: {chart.chart.heading}"
    description = _spoken(chart, QAccessible.Text.Description)
    for bar in chart.chart.bars:
        assert f"{bar.label}: {bar.display}" in description, "each bar: what it is and its amount"
    assert _ring_drawn(chart), "the focus ring shows where the keyboard is"
    qtbot.keyClick(chart, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is chart.log_toggle, "Tab goes on to the chart's own control"
    assert not _ring_drawn(chart)
    ws.close()


def test_tab_reaches_a_progress_chart_which_reads_out_each_day(qtbot, data_dir):
    ws = Workspace(data_dir)
    pack = ws.pack()
    write_history(ws.progress, ws.learner_id, pack.id, generate(pack, 0), answers=200, days=10)
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.resize(1024, 640)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.tabs.setCurrentIndex(2)
    progress = window.progress
    qtbot.waitUntil(lambda: progress.accuracy.plot is not None)
    progress.learners.setFocus(Qt.FocusReason.TabFocusReason)
    _tab_to(qtbot, progress.accuracy)
    assert _spoken(progress.accuracy, QAccessible.Text.Name) == "Chart: Accuracy per day (last 30 days)"
    description = _spoken(progress.accuracy, QAccessible.Text.Description)
    answered = [d for d in progress.board.days if d.answers]
    assert answered
    for day in answered:
        assert f"{i18n.date(datetime.date.fromisoformat(day.day))}: {day.correct} of {day.answers} right" in description
    assert _ring_drawn(progress.accuracy)
    ws.close()
