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


def test_the_window_paints_before_the_stores_open_and_the_briefing_charts_need_neither_numpy_nor_pyqtgraph(tmp_path):
    """The real start-up path (``ui.app``): the frame paints first; then the stores open and the briefing is
    built; its charts, scrolled to, are painted without pyqtgraph or numpy ever loading (they cost ~0.5 s,
    and stay for the Progress page's charts)."""
    import json
    import subprocess
    import sys

    from tests_support import ROOT

    code = (
        "import os, sys, json\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtCore import QEvent, QObject, QTimer\n"
        "import ui.app\n"
        "ui.app.OPEN_WITHOUT_PAINT_MS = 120_000  # only the paint may start the opening\n"
        "app = ui.app.application()\n"
        "seen = {}\n"
        "class Spy(QObject):\n"
        "    def eventFilter(self, obj, ev):\n"
        "        if ev.type() == QEvent.Type.Paint and 'first' not in seen:\n"
        "            seen['first'] = sorted(m for m in ('sqlite_utils', 'numpy', 'pyqtgraph', 'app.workspace',\n"
        "                                               'ui.briefing') if m in sys.modules)\n"
        "            seen['open_at_first_paint'] = w.is_open\n"
        "        return False\n"
        "spy = Spy()\n"
        "real_show = ui.app.MainWindow.show\n"
        "def show(window):\n"
        "    global w\n"
        "    w = window\n"
        "    window.installEventFilter(spy)\n"
        "    real_show(window)\n"
        "ui.app.MainWindow.show = show\n"
        "startup = ui.app.start(sys.argv[1])\n"
        "seen['open_after_start'] = w.is_open\n"
        "def opened():\n"
        "    seen['loaded_when_opened'] = sorted(m for m in ('numpy', 'pyqtgraph') if m in sys.modules)\n"
        "    seen['pages'] = w.built_pages()\n"
        "w.opened.connect(opened)\n"
        "poll = QTimer(interval=50)\n"
        "drawn = lambda: w.is_open and bool(w.briefing.charts) and all(c.canvas.painted for c in w.briefing.charts)\n"
        "def look():\n"
        "    if drawn():\n"
        "        seen['loaded_when_drawn'] = sorted(m for m in ('numpy', 'pyqtgraph') if m in sys.modules)\n"
        "        app.quit()\n"
        "    elif w.is_open:  # the reader scrolls to each chart in turn\n"
        "        page = w.briefing\n"
        "        chart = next((c for c in page.charts if not c.canvas.painted), None)\n"
        "        if chart is not None:\n"
        "            page.scroll_area.verticalScrollBar().setValue(chart.mapTo(page.scroll_area.widget(), "
        "chart.rect().topLeft()).y())\n"
        "poll.timeout.connect(look)\n"
        "poll.start()\n"
        "QTimer.singleShot(100_000, app.quit)\n"
        "app.exec()\n"
        "seen['charts'] = drawn()\n"
        "print(json.dumps(seen), flush=True)\n"
        "startup.close()\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path / "data")], cwd=ROOT, capture_output=True,
                            text=True, timeout=150)
    assert result.returncode == 0, result.stderr[-2000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen == {"open_after_start": False, "first": [], "open_at_first_paint": False,
                    "loaded_when_opened": [], "pages": ["briefing"], "charts": True, "loaded_when_drawn": []}, \
        "the frame paints with nothing opened or imported; then the stores and the briefing; its charts need no more"


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


def test_f1_shows_every_shortcut_of_the_menus_and_the_keys_of_the_quiz(qtbot, window):
    """Help → Keyboard shortcuts (F1): the sheet lists each menu shortcut with its item, read from the menus."""
    from PySide6.QtWidgets import QApplication

    from ui.shortcuts import ShortcutsDialog

    with_keys: list[tuple[str, str]] = []

    def collect(menu) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                collect(action.menu())
            elif action.shortcuts() and action.isVisible():
                with_keys.append((" / ".join(k.toString() for k in action.shortcuts()), action.text().replace("&", "")))

    for top in window.menuBar().actions():
        collect(top.menu())
    assert len(with_keys) >= 10

    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: any(isinstance(w, ShortcutsDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=5000)
    sheet = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ShortcutsDialog) and w.isVisible())
    rows = sheet.rows()
    listed = {(keys, what) for _where, keys, what in rows}
    missing = [pair for pair in with_keys if pair not in listed]
    assert not missing, missing
    assert ("Edit", "Ctrl+Z", "Undo last answer") in rows
    assert ("Briefing", "Ctrl+E", "edit the figure or glossary term whose card has the focus") in rows
    assert ("Feedback", "1–4", "rate how well you knew it: Again, Hard, Good, Easy") in rows
    assert sheet.table.accessibleName() == "Keyboard shortcuts" and not sheet.table.tabKeyNavigation()
    qtbot.keyClick(sheet, Qt.Key.Key_Escape)
    assert not sheet.isVisible()


def test_the_articles_headline_shows_under_the_briefing_never_under_a_question(qtbot, window):
    """The headline "Japan's Massive $2 Trillion Investment Plan…" answered the NHK amount question from
    the status bar; found by trying the app as a new user."""
    headline = window.pack.meta.source_title
    window.tabs.setCurrentWidget(window.briefing)
    assert headline in window.statusBar().currentMessage()
    window.tabs.setCurrentWidget(window.quiz)
    window.quiz.start("practice")
    assert window.quiz.session is not None
    assert headline not in window.statusBar().currentMessage()
    window.set_pack(window.pack.id)  # the pack announced again (e.g. re-imported) while a question is up
    assert headline not in window.statusBar().currentMessage()
    window.tabs.setCurrentWidget(window.briefing)
    assert headline in window.statusBar().currentMessage()


def test_a_window_opening_on_the_quiz_tab_does_not_keep_saying_opening(qtbot, data_dir, open_window):
    """The headline shows under the briefing only; a window that opens on the Quiz tab (the tab last used)
    must still lose its "Opening…" once the stores are open."""
    ws = Workspace(data_dir)
    first = open_window(ws)
    first.tabs.setCurrentWidget(first.quiz)
    first.close()  # remembers the Quiz tab
    again = open_window(ws)
    assert again.tabs.currentWidget() is again.quiz
    assert again.statusBar().currentMessage() == ""
    ws.close()
