"""Ctrl++ / Ctrl+- scale every text of the window (issue #15: the question ended up smaller than its answers)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def _sizes(window, qtbot) -> dict[str, float]:
    qtbot.wait(10)  # the font change reaches the widgets as events
    briefing, quiz, progress = window.briefing, window.quiz, window.progress
    heading = next(w for title, w in briefing.anchors if title == briefing.pack.sections[0].title)
    section_heading = max((label.font().pointSizeF() for label in heading.findChildren(type(quiz.prompt_label))),
                          default=0.0)
    return {
        "app": QApplication.font().pointSizeF(),
        "question": quiz.prompt_label.font().pointSizeF(),
        "quiz title": quiz.title_label.font().pointSizeF(),
        "results title": quiz.result_title.font().pointSizeF(),
        "results score": quiz.result_score.font().pointSizeF(),
        "results list": quiz.review_tree.font().pointSizeF(),
        "briefing heading": section_heading,
        "contents list": briefing.contents.font().pointSizeF(),
        "progress summary": progress.summary.font().pointSizeF(),
        "progress axis title": float(progress.accuracy.plot.getAxis("left").labelStyle["font-size"][:-2]),
    }


def test_larger_text_grows_the_question_headings_contents_and_results(qtbot, window):
    window.tabs.setCurrentIndex(2)  # the Progress charts are drawn when first shown
    qtbot.waitUntil(lambda: window.progress.accuracy.plot is not None)
    before = _sizes(window, qtbot)
    window.tabs.setCurrentIndex(1)
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    larger = _sizes(window, qtbot)
    for what, size in before.items():
        assert larger[what] > size, f"{what} grows with Ctrl++"
    assert larger["question"] > larger["app"], "the question stays larger than its answers"
    assert larger["results title"] / larger["app"] == before["results title"] / before["app"], (
        "a heading keeps its size relative to the text")

    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    smaller = _sizes(window, qtbot)
    for what, size in before.items():
        assert smaller[what] < size, f"{what} shrinks with Ctrl+-"
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert _sizes(window, qtbot) == before, "Ctrl+0 puts every text back to its size"


@pytest.mark.parametrize("key", [Qt.Key.Key_Minus, Qt.Key.Key_Plus])
def test_ctrl_0_gives_the_briefing_its_first_text_column_again(qtbot, window, key):
    """After three Ctrl+− and Ctrl+0 the text column kept the smallest size's width (376 px against 540):
    the figure cards cut their amounts off."""
    from PySide6.QtWidgets import QWidget

    window.tabs.setCurrentWidget(window.briefing)

    def column() -> int:
        body = window.briefing.scroll_area.widget()
        return max(c.maximumWidth() for c in body.findChildren(QWidget) if c.maximumWidth() < 5000)

    first = column()
    for _ in range(3):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        QApplication.processEvents()  # a person's key presses come apart: the page sees each new size
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert column() == first


def test_the_log_scale_box_reads_whole_at_the_largest_text_size(qtbot, window):
    """The whole sentence on one check box was cut at the column's edge ("…orders of magnitude" lost its end)."""
    window.resize(1024, 640)
    window.tabs.setCurrentWidget(window.briefing)
    for _ in range(8):
        qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
        QApplication.processEvents()
    page = window.briefing
    page.build_all()
    QApplication.processEvents()
    for chart in page.charts:
        box, why = chart.log_toggle, chart.log_why
        assert box.width() >= box.sizeHint().width(), box.text()
        assert why.wordWrap() and why.height() >= why.heightForWidth(why.width()), why.text()
