"""Ctrl++ during a session reaches every text on screen, not only what is built after it (tester, round 18)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QRadioButton, QStyle, QStyleOptionButton
from quiz_keys import answer_by_keyboard

from ui import theme


def _larger(qtbot, window, times: int = 8) -> None:
    for _ in range(times):
        qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
        QApplication.processEvents()  # a person's key presses come apart


def test_the_rating_bar_grows_with_ctrl_plus_during_a_session(qtbot, window):
    """The rating bar's "How well did you know it?" and its caption kept the old small size after Ctrl++
    pressed while the feedback showed; after a restart they were large."""
    window.resize(1024, 640)
    quiz = window.quiz
    window.tabs.setCurrentWidget(quiz)
    qtbot.mouseClick(quiz.practice_button, Qt.MouseButton.LeftButton)
    answer_by_keyboard(qtbot, quiz, right=False)
    assert quiz.rating.isVisible()
    question = quiz.rating.findChildren(type(quiz.rating.caption))[0]
    before = question.font().pointSizeF(), quiz.rating.caption.font().pointSizeF()
    _larger(qtbot, window)
    app = QApplication.font().pointSizeF()
    assert app > before[0]
    assert question.font().pointSizeF() == app, "How well did you know it? follows the text size"
    assert question.font().bold()
    assert quiz.rating.caption.font().pointSizeF() == app, "the caption follows the text size"
    assert all(b.font().pointSizeF() == app for b in quiz.rating.buttons.values())


@pytest.fixture
def styled(qapp):
    """The app's own style and a theme, as the app runs (the palette put back afterwards)."""
    before, before_theme = QPalette(qapp.palette()), qapp.property("briefing_theme")
    theme.apply(qapp, "light")
    yield
    qapp.setProperty("briefing_theme", before_theme)
    qapp.setPalette(before)


def test_radio_buttons_grow_with_the_text(qtbot, styled, window):
    """The options' radio buttons stayed 14 px at the largest text size, a speck beside each option."""
    window.resize(1024, 640)
    quiz = window.quiz
    window.tabs.setCurrentWidget(quiz)
    quiz.start_questions("sanaenomics", ["figure-amount:nikkei-2040-goal"])

    def indicator() -> tuple[int, int]:
        button = quiz.answer.findChildren(QRadioButton)[0]
        option = QStyleOptionButton()
        button.initStyleOption(option)
        rect = button.style().subElementRect(QStyle.SubElement.SE_RadioButtonIndicator, option, button)
        return rect.height(), button.fontMetrics().height()

    small, small_line = indicator()
    _larger(qtbot, window)
    large, line = indicator()
    assert line > small_line
    assert large > small, "the radio button grows with Ctrl++"
    assert large >= 0.8 * line, "about a text line high"
    for _ in range(3):
        qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert indicator()[0] == small, "Ctrl+0 gives it its first size"


def _ink_rows(image: QImage, left: int, right: int) -> list[int]:
    """The rows of ``image`` between ``left`` and ``right`` with text on them (dark pixels)."""
    return [y for y in range(image.height())
            if any(QColor(image.pixel(x, y)).lightness() < 100 for x in range(left, right))]


def test_tab_labels_are_whole_at_the_smallest_text_size(qtbot, styled, window):
    """At the smallest size the tabs that were not current lost the tails of their letters ("Brietinq",
    "Proqress") and their mnemonic's underline: Fusion clipped their shifted label."""
    window.resize(1280, 800)
    window.tabs.setCurrentWidget(window.quiz)
    for _ in range(6):
        qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
        QApplication.processEvents()
    bar = window.tabs.tabBar()
    image = bar.grab().toImage()
    current = bar.tabRect(bar.currentIndex())
    ink = {bar.tabText(i): _ink_rows(image, bar.tabRect(i).left() + 4, bar.tabRect(i).right() - 4)
           for i in range(bar.count())}
    quiz = ink[bar.tabText(bar.currentIndex())]
    assert quiz and current.height() > 0
    for text in ("&Briefing", "&Progress"):  # a capital and a "g": from the capital's top to the tail's end
        rows = ink[text]
        assert rows[-1] - rows[0] >= quiz[-1] - quiz[0], f"{text} is as tall as the current tab's Quiz"
