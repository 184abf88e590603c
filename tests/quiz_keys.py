"""Answering quiz questions with keys only, shared by the GUI tests.

Keys go where a person's keystrokes go: to the widget that has the keyboard
focus. So these helpers also check that each answer widget takes the focus
and passes it on (a digit in a classification or matching row moves to the
next row) the way the hints on screen say.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui.quiz import QuizPage
from ui.quiz.answer_widgets import (
    ChoiceAnswer,
    ClassifyAnswer,
    MatchingAnswer,
    MultiAnswer,
    OrderAnswer,
    TextAnswer,
)

ALT = Qt.KeyboardModifier.AltModifier


def digit(n: int) -> Qt.Key:
    return Qt.Key(Qt.Key.Key_0 + n)


def focused(page: QuizPage):
    return page.focusWidget() or page


def answer_by_keyboard(qtbot, page: QuizPage, right: bool, *, submit: bool = True) -> None:
    """Give the right (or a wrong) answer to the current question using keys only, then press Enter."""
    question = page.session.current
    widget = page.answer
    if isinstance(widget, ChoiceAnswer):
        index = widget.values.index(question.answer)
        if not right:
            index = (index + 1) % len(widget.values)
        qtbot.keyClick(focused(page), digit(index + 1))
        assert widget.response() == widget.values[index]
    elif isinstance(widget, MultiAnswer):
        wanted = set(question.answers)
        if not right:  # one slip: tick a wrong one, or leave out a right one
            wanted ^= {widget.options[0]}
        for number, option in enumerate(widget.options, 1):
            if option in wanted:
                qtbot.keyClick(focused(page), digit(number))
        assert set(widget.response() or []) == wanted
    elif isinstance(widget, OrderAnswer):
        target = list(question.answers)
        if not right:
            target[0], target[1] = target[1], target[0]
        for place, item in enumerate(target):
            qtbot.keyClick(focused(page), digit(widget.items.index(item) + 1))  # select it …
            assert focused(page) is widget
            while widget.items.index(item) > place:  # … and move it up to its place
                qtbot.keyClick(widget, Qt.Key.Key_Up, ALT)
        assert widget.response() == target
    elif isinstance(widget, ClassifyAnswer):
        for n, (statement, category) in enumerate(question.pairs):
            row = widget.by_statement[statement]
            assert focused(page) is row, f"a digit moves on to the next statement, not {focused(page)} ({n})"
            index = widget.categories.index(category)
            if not right and n == 0:
                index = (index + 1) % len(widget.categories)
            qtbot.keyClick(row, digit(index + 1))
            assert row.category() == widget.categories[index]
    elif isinstance(widget, MatchingAnswer):
        for n, (left, expected) in enumerate(question.pairs):
            combo = widget.combos[left]
            assert focused(page) is combo, "a digit moves on to the next row"
            index = widget.options.index(expected) + 1
            if not right and n == 0:
                index = index % len(widget.options) + 1
            qtbot.keyClick(combo, digit(index))
    else:
        assert isinstance(widget, TextAnswer)
        assert focused(page) is widget.edit
        qtbot.keyClicks(widget.edit, question.answer if right else "nonsense")
    if submit:
        qtbot.keyClick(focused(page), Qt.Key.Key_Return)
