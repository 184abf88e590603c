"""The main window opens, is keyboard-navigable and remembers its state."""

from __future__ import annotations

from PySide6.QtCore import Qt

from quiz.workspace import Workspace
from ui.main_window import MainWindow


def test_window_opens_on_briefing_and_switches_with_keys(qtbot, data_dir):
    ws = Workspace(data_dir)
    window = MainWindow(ws)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    assert window.tabs.currentIndex() == 0
    assert "Sanaenomics" in window.windowTitle()
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.tabText(window.tabs.currentIndex()) == "&Quiz"
    ws.close()


def test_window_state_is_remembered(qtbot, data_dir):
    ws = Workspace(data_dir)
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.show()
    window.resize(780, 560)  # the offscreen screen is 800×800
    window.tabs.setCurrentIndex(2)
    window.close()

    again = MainWindow(ws)
    qtbot.addWidget(again)
    assert again.tabs.currentIndex() == 2
    assert (again.width(), again.height()) == (780, 560)
    ws.close()
