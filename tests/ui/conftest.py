"""Fixtures for the GUI tests."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QCursor

from app.workspace import Workspace
from tests_support import state_for
from ui.main_window import MainWindow
from ui.quiz import QuizPage


@pytest.fixture(autouse=True)
def _nothing_left_behind() -> Iterator[None]:
    """What one test leaves in the app is not the next one's: the collector whole (Startup freezes what
    start-up built) and the pointer off every window (a test that pointed at a chart for its tooltip left
    it where the next test's Progress chart opened, which then showed its live plot, as when hovered)."""
    yield
    gc.unfreeze()
    QCursor.setPos(-100, -100)


@pytest.fixture
def open_window(qtbot):
    """Open a main window on a given workspace, shown and active (so shortcuts reach it)."""

    def make(ws: Workspace) -> MainWindow:
        win = MainWindow(ws)
        qtbot.addWidget(win)
        with qtbot.waitActive(win):
            win.show()
            win.activateWindow()
        return win

    return make


@pytest.fixture
def window(open_window, data_dir):
    """The main window over a fresh data folder."""
    ws = Workspace(data_dir)
    yield open_window(ws)
    ws.close()


@pytest.fixture
def open_quiz_page(qtbot):
    """Open the Quiz page alone on a given workspace, shown at 1024×640."""

    def make(ws: Workspace) -> QuizPage:
        page = QuizPage(state_for(ws))
        qtbot.addWidget(page)
        page.resize(1024, 640)
        with qtbot.waitExposed(page):
            page.show()
        return page

    return make


@pytest.fixture
def quiz_page(open_quiz_page, data_dir):
    """The Quiz page alone, shown at 1024×640 over a fresh data folder with the bundled pack."""
    ws = Workspace(data_dir)
    yield open_quiz_page(ws)
    ws.close()
