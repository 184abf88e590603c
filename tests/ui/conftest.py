"""Fixtures for the GUI tests."""

from __future__ import annotations

import pytest

from quiz.workspace import Workspace
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, data_dir):
    """The main window over a fresh data folder, shown and active (so shortcuts reach it)."""
    ws = Workspace(data_dir)
    win = MainWindow(ws)
    qtbot.addWidget(win)
    with qtbot.waitActive(win):
        win.show()
        win.activateWindow()
    yield win
    ws.close()
