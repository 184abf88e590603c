"""What a screen reader and a keyboard user meet: every stop named, texts read out, no Tab traps.

Names are read the way assistive technology reads them, through
``QAccessible.queryAccessibleInterface``; keys go to the focused widget.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QApplication, QPushButton, QWidget
from quiz_keys import answer_by_keyboard, digit

from app.workspace import Workspace
from bench.synthetic import write_history
from quiz.generate import generate
from tests_support import state_for
from ui import accessible
from ui.briefing import BriefingPage
from ui.briefing.cards import ItemCard
from ui.main_window import MainWindow

#: One question of every kind from the bundled pack (as in test_quiz_view).
EVERY_KIND = ["figure-amount:nikkei-2040-goal", "authored:q-judge-by-metric", "figure-tf:nikkei-2040-goal:false",
              "figure-number:ai-plan", "authored:q-diet-checkpoint", "authored:q-pillar-scenarios",
              "authored:q-success-conditions", "authored:q-order-events", "table-grid:abenomics-vs-sanaenomics"]


def name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None, widget
    return interface.text(QAccessible.Text.Name)


def description(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None, widget
    return interface.text(QAccessible.Text.Description)


def focusable(root: QWidget) -> list[QWidget]:
    """The widgets on screen that Tab can reach (one that hands its focus to another is that one)."""
    return [w for w in root.findChildren(QWidget) if w.focusPolicy() & Qt.FocusPolicy.TabFocus
            and w.isVisibleTo(root) and w.isEnabled() and w.focusProxy() is None]


def unnamed(root: QWidget) -> list[str]:
    return [f"{type(w).__name__} in {type(w.parentWidget()).__name__}" for w in focusable(root) if not name(w).strip()]


@pytest.fixture
def briefing(qtbot, data_dir):
    ws = Workspace(data_dir)
    page = BriefingPage(state_for(ws))
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    page.build_all()
    qtbot.waitUntil(lambda: not page.pending)
    yield page
    ws.close()


@pytest.fixture
def quiz(quiz_page):
    return quiz_page


@pytest.fixture
def window(qtbot, data_dir):
    """The main window over 500 answers in 30 days, on the Progress page."""
    ws = Workspace(data_dir)
    pack = ws.pack()
    write_history(ws.progress, ws.learner_id, pack.id, generate(pack, 0), answers=500, days=30)
    win = MainWindow(ws)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    with qtbot.waitActive(win):
        win.show()
        win.activateWindow()
    yield win
    ws.close()


# -- 1. every focusable widget has a name ---------------------------------------------------------------
def test_every_focusable_widget_on_the_whole_briefing_has_a_name(briefing):
    assert len(focusable(briefing)) > 20  # the whole briefing is built: sections, tables, cards, charts
    assert unnamed(briefing) == []
    for card in briefing.findChildren(ItemCard):  # a pillar without a detail is named, not "Monetary easing: "
        assert not name(card).endswith(":") and not name(card).endswith(": ")
        assert description(card).startswith("“"), "the quote a mouse reads on hover, for the keyboard too"


def test_every_focusable_widget_on_the_quiz_has_a_name_on_each_screen(qtbot, quiz):
    assert unnamed(quiz) == [], "the quiz menu"
    quiz.start_questions("sanaenomics", EVERY_KIND)
    while quiz.session.current is not None:
        kind = quiz.session.current.kind
        assert unnamed(quiz) == [], f"a {kind} question"
        answer_by_keyboard(qtbot, quiz, right=True)
        assert quiz.feedback.isVisible()
        assert unnamed(quiz) == [], f"the feedback on a {kind} question"
        qtbot.keyClick(quiz.focusWidget() or quiz, Qt.Key.Key_Return)
    assert quiz.stack.currentIndex() == 2
    assert unnamed(quiz) == [], "the results"


def test_every_focusable_widget_on_the_progress_page_and_the_browser_has_a_name(qtbot, window):
    window.tabs.setCurrentWidget(window.progress)
    qtbot.waitUntil(lambda: window.progress.accuracy.plot is not None)
    assert len(focusable(window.progress)) >= 4
    assert unnamed(window.progress) == []
    browser = window.browse_questions()
    qtbot.waitExposed(browser)
    assert len(focusable(browser)) >= 4
    assert unnamed(browser) == []
    model = browser.model
    spoken = {model.data(model.index(n, 5), Qt.ItemDataRole.AccessibleTextRole) for n in range(model.rowCount())}
    assert spoken <= {"right", "wrong", "not answered"} and "not answered" in spoken, "the last answer, in words"


# -- 2. what labels say is what a screen reader reads; the verdict is announced and focused ---------------
@pytest.fixture
def heard(monkeypatch):
    """The events sent to assistive technology: (event type, widget, announced text)."""
    events: list[tuple[QAccessible.Event, object, str]] = []

    def send(event):
        message = event.message() if event.type() == QAccessible.Event.Announcement else ""
        events.append((event.type(), event.object(), message))

    monkeypatch.setattr(accessible, "_send", send)
    return events


def test_a_wrong_answer_is_announced_focused_and_read_with_its_explanation_and_quote(qtbot, quiz, heard):
    quiz.start_questions("sanaenomics", ["figure-amount:nikkei-2040-goal", "table-grid:abenomics-vs-sanaenomics"])
    question = quiz.session.current
    assert name(quiz.prompt_label) == question.prompt, "the question itself, not the word 'Question'"
    focus = QApplication.focusWidget()
    assert quiz.answer.isAncestorOf(focus), "a new question puts the focus on its answer"
    assert name(focus).startswith("Choice "), name(focus)
    assert (QAccessible.Event.Announcement, quiz.prompt_label, question.prompt) in heard, "the question is read out"

    answer_by_keyboard(qtbot, quiz, right=False)
    verdict = quiz.verdict_label.text()
    assert verdict.startswith(quiz.last_grade.verdict) and not quiz.last_grade.correct
    assert QApplication.focusWidget() is quiz.feedback, "the feedback takes the focus when it appears"
    assert name(quiz.feedback) == f"Feedback: {verdict}"
    assert name(quiz.verdict_label) == verdict
    quote = quiz.quote_label.text()
    assert question.citations and str(question.citations[0]) in quote
    assert name(quiz.quote_label) == quote
    assert name(quiz.feedback.explanation_label) == quiz.feedback.explanation_label.text() != ""
    assert quiz.feedback.explanation_label.text() in description(quiz.feedback)
    assert (QAccessible.Event.Announcement, quiz.verdict_label, verdict) in heard

    qtbot.keyClick(quiz.feedback, digit(2))  # the rating keys still work with the focus on the feedback
    assert quiz.rating.chosen() == 2
    qtbot.keyClick(quiz.feedback, Qt.Key.Key_Return)  # and Enter still continues
    assert quiz.session.current.id == "table-grid:abenomics-vs-sanaenomics"
    assert quiz.answer.isAncestorOf(QApplication.focusWidget()), "the next question has the focus"
    assert name(QApplication.focusWidget()).startswith("Statement: ")


def test_table_cells_of_the_feedback_say_right_or_wrong_in_words(qtbot, quiz):
    quiz.start_questions("sanaenomics", ["table-grid:abenomics-vs-sanaenomics"])
    answer_by_keyboard(qtbot, quiz, right=False)
    table = quiz.feedback.table
    spoken = [table.item(r, c).data(Qt.ItemDataRole.AccessibleTextRole) for r in range(table.rowCount())
              for c in range(table.columnCount())]
    assert any(text and text.startswith("Wrong: ") for text in spoken)
    assert any(text and text.startswith("Right: ") for text in spoken)
    for r in range(table.rowCount()):
        for c in range(table.columnCount()):
            item = table.item(r, c)
            if item.text().startswith(("✓", "✗")):
                assert item.data(Qt.ItemDataRole.AccessibleTextRole).startswith(("Right: ", "Wrong: ")), item.text()


def test_the_score_the_results_and_the_time_left_are_read_by_their_text(qtbot, quiz):
    quiz.exam_count.setValue(5)
    quiz.exam_minutes.setValue(10)
    quiz._new_exam()
    assert quiz.timer_label.text().startswith("Time left ")
    assert name(quiz.timer_label) == quiz.timer_label.text()
    answer_by_keyboard(qtbot, quiz, right=True)
    quiz._end()  # the rest not answered
    assert quiz.stack.currentIndex() == 2
    assert quiz.result_score.text().startswith("Score: 1 of 1")
    assert name(quiz.result_score) == quiz.result_score.text()
    tree = quiz.review_tree
    words = [tree.topLevelItem(n).text(0) for n in range(tree.topLevelItemCount())]
    assert words == ["right"] + ["not answered"] * 4


def test_the_dashboard_summary_and_the_presenter_slide_are_read_by_their_text(qtbot, window, heard):
    window.tabs.setCurrentWidget(window.progress)
    summary = window.progress.summary
    assert "answers" in summary.text() and name(summary) == summary.text()
    qtbot.keyClick(window, Qt.Key.Key_F11)
    presenter = window.presenter
    qtbot.waitExposed(presenter)
    qtbot.keyClick(presenter, Qt.Key.Key_Right)  # the first question, then the figure that answers it
    assert name(presenter.main) == presenter.main.text() == presenter.slides[1].main
    qtbot.keyClick(presenter, Qt.Key.Key_Right)
    assert name(presenter.main) == "~$2.3 trillion"
    assert "~$2.3 trillion" in description(presenter)
    assert any(kind == QAccessible.Event.Announcement and "~$2.3 trillion" in text for kind, _w, text in heard)
    presenter.close()


# -- 3. Tab walks every stop and comes round; a table is one stop ----------------------------------------
def tab_walk(qtbot, root: QWidget, key: Qt.Key = Qt.Key.Key_Tab) -> tuple[list[QWidget], list[QWidget]]:
    """Press Tab (or Shift+Tab) once per focusable widget, and once more: (the stops, the widgets focused)."""
    stops = [w for w in focusable(root) if not in_group_unchecked(w)]
    visited = []
    modifier = Qt.KeyboardModifier.ShiftModifier if key == Qt.Key.Key_Backtab else Qt.KeyboardModifier.NoModifier
    for _ in range(len(stops) + 1):
        visited.append(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, modifier)
    visited.append(QApplication.focusWidget())
    return stops, visited


def in_group_unchecked(widget: QWidget) -> bool:
    """An unchecked button of an exclusive group (the rating): Tab stops on the checked one, arrows choose."""
    group = widget.group() if isinstance(widget, QAbstractButton) else None
    return group is not None and group.exclusive() and not widget.isChecked()


def assert_round_trip(qtbot, root: QWidget, first: QWidget) -> None:
    for key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
        first.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is first)
        stops, visited = tab_walk(qtbot, root, key)
        missed = [f"{type(w).__name__} {name(w)!r}" for w in stops if w not in visited]
        assert missed == [], f"{key.name}: not reached"
        assert visited[len(stops)] is first, f"{key.name}: back round to the first after one stop each"
    first.setFocus(Qt.FocusReason.TabFocusReason)


def test_tab_walks_the_whole_briefing_and_back_without_a_trap(qtbot, briefing):
    with qtbot.waitActive(briefing):
        briefing.activateWindow()
    assert briefing.tables and all(not table.tabKeyNavigation() for table in briefing.tables)
    assert_round_trip(qtbot, briefing, focusable(briefing)[0])


def test_tab_leaves_the_hardest_questions_table_on_the_progress_page(qtbot, window):
    window.tabs.setCurrentWidget(window.progress)
    qtbot.waitUntil(lambda: window.progress.hardest.rowCount() > 0)
    table = window.progress.hardest
    table.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.progress.practise, "Tab goes on to the next button"
    qtbot.keyClick(window.progress.practise, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is table
    qtbot.keyClick(table, Qt.Key.Key_Down)  # the arrows move inside it
    assert QApplication.focusWidget() is table and table.currentRow() >= 0
    assert_round_trip(qtbot, window, table)  # the page's stops and the window's tab bar, round and back


# -- 4. Enter presses the focused button -----------------------------------------------------------------
def test_enter_on_quiz_me_on_this_in_the_briefing_starts_that_quiz(qtbot, briefing):
    with qtbot.waitActive(briefing):
        briefing.activateWindow()
    button = next(b for b in briefing.findChildren(QPushButton) if b.text() == "Quiz me on this")
    button.setFocus(Qt.FocusReason.TabFocusReason)
    with qtbot.waitSignal(briefing.quiz_requested, timeout=2000) as asked:
        qtbot.keyClick(button, Qt.Key.Key_Return)
    assert asked.args[0] == briefing.pack_id and asked.args[1]


def test_enter_on_a_focused_quiz_button_presses_it_not_submit(qtbot, quiz):
    quiz.practice_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(quiz.practice_button, Qt.Key.Key_Return)  # on the menu: starts practice
    assert quiz.stack.currentIndex() == 1 and quiz.session is not None
    quiz.stop_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(quiz.stop_button, Qt.Key.Key_Enter)  # on a question: stops, nothing submitted
    assert quiz.stack.currentIndex() == 2, "the results, not 'Choose or type an answer first'"
    assert quiz.session.answered_count == 0


def test_tab_walks_a_question_and_its_feedback_round_and_back(qtbot, quiz):
    with qtbot.waitActive(quiz):
        quiz.activateWindow()
    quiz.start_questions("sanaenomics", ["authored:q-pillar-scenarios", "table-grid:abenomics-vs-sanaenomics"])
    for _ in range(2):
        assert_round_trip(qtbot, quiz, QApplication.focusWidget())  # from the answer's first row
        answer_by_keyboard(qtbot, quiz, right=False)
        assert_round_trip(qtbot, quiz, quiz.feedback)
        qtbot.keyClick(quiz.feedback, Qt.Key.Key_Return)
