"""Fixtures for the GUI tests."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication

from app.workspace import Workspace
from tests_support import state_for
from ui.main_window import MainWindow
from ui.quiz import QuizPage


@pytest.fixture(autouse=True)
def _nothing_left_behind() -> Iterator[None]:
    """What one test leaves in the app is not the next one's: the collector whole (Startup freezes what
    start-up built), the pointer off every window (a test that pointed at a chart for its tooltip left
    it where the next test's Progress chart opened, which then showed its live plot, as when hovered) and
    the text at its default size (eight Ctrl++ on the Progress page left the briefing's tests after it with
    larger text, and one of them scrolled short of its section)."""
    yield
    gc.unfreeze()
    QCursor.setPos(-100, -100)
    from ui import main_window

    if main_window.BASE_POINT_SIZE is not None and QApplication.font().pointSizeF() != main_window.BASE_POINT_SIZE:
        main_window.apply_text_size(0)


@pytest.fixture
def open_window(qtbot):
    """Open a main window on a given workspace, shown and active (so shortcuts reach it); at ``size`` (a small
    screen, say) when given, as a window the learner sized, not maximised."""

    def make(ws: Workspace, size: tuple[int, int] | None = None) -> MainWindow:
        win = MainWindow(ws)
        qtbot.addWidget(win)
        if size is not None:
            win.setWindowState(Qt.WindowState.WindowNoState)
            win.resize(*size)
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
