"""The main window opens, is keyboard-navigable and remembers its state."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.workspace import Workspace
from ui.main_window import MainWindow


def test_window_opens_on_briefing_and_switches_with_keys(qtbot, window):
    assert window.tabs.currentIndex() == 0
    assert "Sanaenomics" in window.windowTitle()
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.tabText(window.tabs.currentIndex()) == "&Quiz"


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


def test_the_app_survives_many_chart_redraws_and_exits_cleanly(tmp_path):
    """Regression: PySide6 6.11+/pyqtgraph 0.14 corrupted refcounts while drawing bars and aborted."""
    import subprocess
    import sys

    from tests_support import ROOT

    code = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from app.workspace import Workspace\n"
        "from ui.main_window import MainWindow\n"
        "w = MainWindow(Workspace(sys.argv[1])); w.show()\n"
        "for n in range(15):\n"
        "    w.set_theme(('dark', 'light')[n % 2])\n"
        "    for i in range(w.tabs.count()):\n"
        "        w.tabs.setCurrentIndex(i)\n"
        "        for _ in range(5): app.processEvents()\n"
        "    w.progress.refresh()\n"
        "    w.briefing.charts[0].log_toggle.toggle()\n"
        "    w.grab()\n"
        "print('drawn', flush=True)\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path / "data")], cwd=ROOT, capture_output=True,
                            text=True, timeout=300)
    assert "Fatal Python error" not in result.stderr, result.stderr[-2000:]
    assert result.returncode == 0 and result.stdout.strip() == "drawn", result.stderr[-2000:]


def test_pyqtgraph_loads_only_after_the_window_has_painted(tmp_path):
    import json
    import subprocess
    import sys

    from tests_support import ROOT

    code = (
        "import os, sys, json\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtCore import QEvent, QObject, QTimer\n"
        "from ui.app import application\n"
        "from app.workspace import Workspace\n"
        "from ui.main_window import MainWindow\n"
        "app = application()\n"
        "w = MainWindow(Workspace(sys.argv[1]))\n"
        "seen = {}\n"
        "class Spy(QObject):\n"
        "    def eventFilter(self, obj, ev):\n"
        "        if ev.type() == QEvent.Type.Paint and 'first' not in seen:\n"
        "            seen['first'] = 'pyqtgraph' in sys.modules\n"
        "            QTimer.singleShot(15000, app.quit)\n"
        "        return False\n"
        "spy = Spy(); w.installEventFilter(spy); w.show()\n"
        "poll = QTimer(interval=50)\n"
        "poll.timeout.connect(lambda: all(c.plot is not None for c in w.briefing.charts) and app.quit())\n"
        "poll.start()\n"
        "app.exec()\n"
        "seen['charts'] = all(c.plot is not None for c in w.briefing.charts)\n"
        "print(json.dumps(seen), flush=True)\n"
        "os._exit(0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path / "data")], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen == {"first": False, "charts": True}, "window paints first, then the charts load"


def test_ctrl_q_quits(qtbot, window):
    assert window.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()


def _mnemonic(text: str) -> str | None:
    """The letter after a single '&' (Alt+letter in a menu); '&&' is a literal ampersand."""
    index = 0
    while (index := text.find("&", index)) != -1 and index + 1 < len(text):
        if text[index + 1] != "&":
            return text[index + 1].lower()
        index += 2
    return None


def test_every_menu_item_has_its_own_alt_letter(window):
    """Two items sharing a letter in one menu make Alt+letter toggle between them instead of choosing."""
    def check(menu, path: str) -> None:
        seen: dict[str, str] = {}
        for action in menu.actions():
            if action.isSeparator() or not action.isVisible():
                continue
            letter = _mnemonic(action.text())
            assert letter is not None or action.menu() is None, f"{path} → {action.text()!r} has no Alt letter"
            if letter is not None:
                assert letter not in seen, f"{path}: {action.text()!r} and {seen[letter]!r} both use Alt+{letter}"
                seen[letter] = action.text()
            if action.menu() is not None:
                check(action.menu(), f"{path} → {action.text()}")

    for top in window.menuBar().actions():
        check(top.menu(), top.text())
