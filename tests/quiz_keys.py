"""Answering quiz questions with keys only, shared by the GUI tests."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui.quiz import QuizPage
from ui.quiz.answer_widgets import ChoiceAnswer, MatchingAnswer, TextAnswer


def answer_by_keyboard(qtbot, page: QuizPage, right: bool) -> None:
    """Give the right (or a wrong) answer to the current question using keys only."""
    question = page.session.current
    widget = page.answer
    if isinstance(widget, ChoiceAnswer):
        index = widget.values.index(question.answer)
        if not right:
            index = (index + 1) % len(widget.values)
        qtbot.keyClick(widget, Qt.Key(Qt.Key.Key_1 + index))
    elif isinstance(widget, MatchingAnswer):
        for n, (left, expected) in enumerate(question.pairs):
            combo = widget.combos[left]
            combo.setFocus()
            index = widget.options.index(expected) + 1
            if not right and n == 0:
                index = index % len(widget.options) + 1
            qtbot.keyClick(combo, Qt.Key(Qt.Key.Key_0 + index))
    else:
        assert isinstance(widget, TextAnswer)
        qtbot.keyClicks(widget.edit, question.answer if right else "nonsense")
    qtbot.keyClick(page.focusWidget() or page, Qt.Key.Key_Return)
