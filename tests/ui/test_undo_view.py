"""Undo last answer from the keyboard (Ctrl+Z) and from the results, as a learner who clicked too fast would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from quiz_keys import answer_by_keyboard, focused

CHOICE = "figure-amount:nikkei-2040-goal"
OTHER = "figure-number:ai-plan"
CTRL = Qt.KeyboardModifier.ControlModifier


def _quiz(window, *ids: str):
    window.tabs.setCurrentWidget(window.quiz)
    window.quiz.start_questions("sanaenomics", list(ids))
    return window.quiz


def test_ctrl_z_on_the_feedback_takes_the_answer_back(qtbot, window):
    page = _quiz(window, CHOICE)
    assert not window.undo_action.isEnabled()  # nothing answered yet
    answer_by_keyboard(qtbot, page, right=False)
    assert page.feedback.isVisible() and not page.last_grade.correct
    assert window.undo_action.isEnabled()

    qtbot.keyClick(focused(page), Qt.Key.Key_Z, CTRL)

    assert page.stack.currentIndex() == 1 and page.session.current.id == CHOICE
    assert not page.feedback.isVisible() and page.answer.isEnabled()
    assert "taken back" in page.retry_label.text() and page.retry_label.isVisible()
    assert "taken back" in window.statusBar().currentMessage()
    assert page.progress_bar.value() == 1 and page.progress_bar.maximum() == 1  # the retry queued is gone too
    answer_by_keyboard(qtbot, page, right=True)
    assert page.last_grade.correct
    board = window.workspace.dashboard()
    assert (board.answers, board.correct) == (1, 1)
    qtbot.keyClick(focused(page), Qt.Key.Key_Return)  # see results
    assert page.stack.currentIndex() == 2
    assert page.review_tree.topLevelItem(0).text(0) == "right"


def test_the_results_offer_to_take_the_last_answer_back(qtbot, window):
    page = _quiz(window, CHOICE, OTHER)
    answer_by_keyboard(qtbot, page, right=True)
    qtbot.keyClick(focused(page), Qt.Key.Key_Return)
    last = page.session.current.id
    answer_by_keyboard(qtbot, page, right=True)
    qtbot.keyClick(focused(page), Qt.Key.Key_Return)
    assert page.stack.currentIndex() == 2 and page.result_undo.isVisible()

    qtbot.mouseClick(page.result_undo, Qt.MouseButton.LeftButton)

    assert page.stack.currentIndex() == 1 and page.session.current.id == last
    assert window.workspace.dashboard().answers == 1
    assert page.progress_bar.value() == 2  # question 2 of 2


def test_a_recall_rating_of_a_taken_back_answer_is_not_saved(qtbot, window):
    page = _quiz(window, CHOICE)
    answer_by_keyboard(qtbot, page, right=True)
    qtbot.keyClick(focused(page), Qt.Key.Key_4)  # Easy, not yet confirmed
    qtbot.keyClick(focused(page), Qt.Key.Key_Z, CTRL)
    assert page.session.current.id == CHOICE
    assert window.workspace.progress.execute("SELECT count(*) FROM answer_ratings").fetchone()[0] == 0
    assert window.workspace.dashboard().answers == 0


def test_ctrl_z_with_nothing_to_take_back_changes_nothing(qtbot, window):
    page = _quiz(window, CHOICE)
    qtbot.keyClick(focused(page), Qt.Key.Key_Z, CTRL)  # disabled: no box, no change
    assert page.stack.currentIndex() == 1 and page.session.position == (0, 1)
    assert window.workspace.progress.execute("SELECT count(*) FROM retractions").fetchone()[0] == 0
