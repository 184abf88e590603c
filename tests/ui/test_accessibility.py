"""What a screen reader and a keyboard user meet: every stop named, texts read out, no Tab traps.

Names are read the way assistive technology reads them, through
``QAccessible.queryAccessibleInterface``; keys go to the focused widget.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget
from quiz_keys import answer_by_keyboard

from app.workspace import Workspace
from bench.synthetic import write_history
from quiz.generate import generate
from tests_support import state_for
from ui.briefing import BriefingPage
from ui.main_window import MainWindow
from ui.quiz import QuizPage

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
    """The widgets on screen that Tab can reach."""
    return [w for w in root.findChildren(QWidget)
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(root) and w.isEnabled()]


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
    page.build_charts()
    qtbot.waitUntil(lambda: not page.pending and all(c.plot is not None for c in page.charts))
    yield page
    ws.close()


@pytest.fixture
def quiz(qtbot, data_dir):
    ws = Workspace(data_dir)
    page = QuizPage(state_for(ws))
    qtbot.addWidget(page)
    page.resize(1024, 640)
    with qtbot.waitExposed(page):
        page.show()
    yield page
    ws.close()


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
