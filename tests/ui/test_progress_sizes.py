"""The Progress page at 1024×640 (issue #15): dates under the charts never overlap, "Practise these" is reachable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QApplication

from app.workspace import Workspace
from bench.synthetic import write_history
from quiz.generate import generate
from ui.plotting import spaced_ticks


def test_spaced_ticks_keep_the_preferred_week_when_there_is_room():
    # weekly, and the last day (today) labelled; day 28 would crowd it (40 px apart for a 30 px label + gap)
    assert spaced_ticks(30, label_width=30, slot_width=40, every=7) == [0, 7, 14, 21, 29]
    assert spaced_ticks(30, label_width=30, slot_width=80, every=7) == [0, 7, 14, 21, 28, 29]


def test_spaced_ticks_widen_the_step_on_a_narrow_chart_and_never_crowd_the_last():
    label, slot = 40.0, 4.0  # 30 days in 120 px
    ticks = spaced_ticks(30, label, slot, every=7)
    assert ticks[0] == 0 and ticks[-1] == 29
    assert all((b - a) * slot >= label for a, b in zip(ticks, ticks[1:], strict=False)), ticks
    assert spaced_ticks(0, 10, 10) == []
    assert spaced_ticks(1, 10, 10) == [0]


@pytest.fixture
def progress(qtbot, data_dir, open_window):
    ws = Workspace(data_dir)
    pack = ws.pack()
    write_history(ws.progress, ws.learner_id, pack.id, generate(pack, 0), answers=600, days=30)
    window = open_window(ws, size=(1024, 640))
    window.tabs.setCurrentIndex(2)
    page = window.progress
    qtbot.waitUntil(lambda: all(chart.plot is not None for chart in page.charts))
    qtbot.wait(50)  # laid out at this size
    yield page
    ws.close()


def _labels_apart(chart) -> list[tuple[str, str, float, float]]:
    """(label, next label, space between their centres, room they need) for each neighbouring pair."""
    axis = chart.plot.getAxis("bottom")
    ticks = axis._tickLevels[0]
    box = chart.plot.getViewBox()
    left, right = box.viewRange()[0]
    per_unit = box.width() / (right - left)
    metrics = chart.plot.fontMetrics()
    pairs = []
    for (x1, a), (x2, b) in zip(ticks, ticks[1:], strict=False):
        need = (metrics.horizontalAdvance(a) + metrics.horizontalAdvance(b)) / 2
        pairs.append((a, b, (x2 - x1) * per_unit, need))
    return pairs


def test_the_dates_under_each_chart_do_not_overlap_at_1024x640(progress):
    for chart in (progress.accuracy, progress.time, progress.due):
        pairs = _labels_apart(chart)
        assert pairs, chart.title
        for a, b, space, need in pairs:
            assert space >= need, f"{chart.title}: {a!r} and {b!r} overlap ({space:.0f} px for {need:.0f})"
        labelled = [label for label, *_ in pairs] + [pairs[-1][1]]
        assert labelled[-1] == chart.categories[-1], "the last day is labelled"


def test_practise_these_is_reached_with_the_keyboard_at_1024x640(qtbot, progress):
    button = progress.practise
    assert button.isEnabled()
    progress.hardest.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(progress.hardest, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is button
    qtbot.waitUntil(lambda: not button.visibleRegion().isEmpty())
    assert button.visibleRegion().boundingRect().height() == button.height(), "shown whole, not under the fold"
    with qtbot.waitSignal(progress.practice_requested, timeout=2000):
        qtbot.keyClick(button, Qt.Key.Key_Return)


def _labels_drawn(chart, name: str) -> list[str]:
    """The tick labels the axis paints now (pyqtgraph leaves out those its axis has no room for)."""
    axis = chart.plot.getAxis(name)
    pixmap = QPixmap(10, 10)
    painter = QPainter(pixmap)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [text for _rect, _flags, text in specs[2]] if specs else []


def test_the_accuracy_dates_show_after_ctrl_plus_as_after_a_restart(qtbot, progress):
    """Eight Ctrl++ while the Progress page showed left its charts with tick marks and no dates (after a
    restart they showed): the date axis kept the height of the old text."""
    window = progress.window()
    chart = progress.accuracy
    before = _labels_drawn(chart, "bottom")
    assert before, "dates under the accuracy chart"
    for _ in range(8):
        qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
        QApplication.processEvents()
    qtbot.waitUntil(lambda: all(c.picture_is_current() for c in progress.charts))
    for c in progress.charts:
        if not c.horizontal:
            assert _labels_drawn(c, "bottom"), f"dates under {c.title!r} at the larger size"
