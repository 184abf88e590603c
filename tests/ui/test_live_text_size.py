"""Ctrl++ during a session reaches every text on screen, not only what is built after it (tester, round 18)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from quiz_keys import answer_by_keyboard


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
    window.grab().save("/tmp/polish/live_feedback.png")
