"""Fixtures for the GUI tests."""

from __future__ import annotations

import pytest

from app.workspace import Workspace
from ui.main_window import MainWindow


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
