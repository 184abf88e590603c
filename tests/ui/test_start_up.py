"""Start-up as the user sees it: the window first, then the stores, then only the page on show.

These drive ``ui.app`` (what ``main.py`` runs), in this process with qtbot or,
where a process must die or be started fresh, in a child process.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox

import ui.app
from app.workspace import Workspace
from db import recovery
from quiz.answers import record_answer
from tests_support import DATA, ROOT
from ui.main_window import MainWindow, OpeningPage
from ui.packs import ProblemsDialog


@pytest.fixture
def started(qtbot, monkeypatch):
    """Start the app on a data folder as ``main.py`` does; every start is closed cleanly afterwards."""
    monkeypatch.setattr(ui.app, "OPEN_WITHOUT_PAINT_MS", 120_000)  # only the first paint starts the opening
    starts: list[ui.app.Startup] = []

    def start(data_dir) -> ui.app.Startup:
        startup = ui.app.start(data_dir)
        starts.append(startup)  # closed (and its window deleted) below, not by qtbot
        return startup

    yield start
    for startup in starts:
        startup.close()


def test_the_window_is_shown_before_the_stores_open_and_then_shows_the_briefing(qtbot, data_dir, started,
                                                                                monkeypatch):
    events: list[str] = []

    class Recording(MainWindow):
        def event(self, event: QEvent) -> bool:  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint and "painted" not in events:
                events.append("painted")
            return super().event(event)

    real_init = Workspace.__init__

    def opening(self, *args, **kwargs):
        events.append("stores opening")
        real_init(self, *args, **kwargs)
        events.append("stores open")

    monkeypatch.setattr(ui.app, "MainWindow", Recording)
    monkeypatch.setattr(Workspace, "__init__", opening)
    startup = started(data_dir)
    window = startup.window
    window.opened.connect(lambda: events.append("page built: " + ",".join(window.built_pages())))

    assert window.isVisible() and not window.is_open, "start() shows the window and opens nothing yet"
    assert window.windowTitle() == "Briefing Quiz"
    assert isinstance(window.tabs.currentWidget(), OpeningPage)
    assert window.tabs.currentWidget().label.text() == "Opening…"
    assert [window.tabs.tabText(i) for i in range(3)] == ["&Briefing", "&Quiz", "&Progress"]
    qtbot.waitUntil(lambda: window.is_open, timeout=60_000)
    assert events == ["painted", "stores opening", "stores open", "page built: briefing"]
    assert "Sanaenomics" in window.windowTitle()
    assert window.tabs.currentWidget() is window.briefing
    assert window.pack_combo.isEnabled() and window.pack_combo.currentText().startswith("From Abenomics")


def test_only_the_page_on_show_is_built_the_others_on_first_use(qtbot, data_dir, started):
    window = started(data_dir).window
    qtbot.waitUntil(lambda: window.is_open, timeout=60_000)
    assert window.built_pages() == ["briefing"]
    assert all(isinstance(window.tabs.widget(i), OpeningPage) for i in (1, 2))
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.built_pages() == ["briefing", "progress"]
    assert window.tabs.currentWidget() is window.progress and window.tabs.currentIndex() == 2
    assert "0 answers" in window.progress.summary.text(), "built and filled as it is shown"
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.quiz and window.built_pages() == ["briefing", "quiz", "progress"]
    assert [window.tabs.tabText(i) for i in range(3)] == ["&Briefing", "&Quiz", "&Progress"]


def test_the_app_opens_on_the_tab_it_was_closed_on_and_builds_only_that(qtbot, data_dir, started):
    first = started(data_dir)
    qtbot.waitUntil(lambda: first.window.is_open, timeout=60_000)
    first.window.tabs.setCurrentIndex(2)
    first.close()
    window = started(data_dir).window
    assert window.tabs.currentIndex() == 2 and isinstance(window.tabs.currentWidget(), OpeningPage)
    qtbot.waitUntil(lambda: window.is_open, timeout=60_000)
    assert window.built_pages() == ["progress"]
    assert window.tabs.currentWidget() is window.progress


def test_a_window_closed_before_it_opened_opens_nothing(qtbot, data_dir, started):
    startup = started(data_dir)
    window = startup.window
    (quit_action,) = [action for action in window.findChildren(QAction) if action.text() == "&Quit"]
    quit_action.trigger()  # the frame's File → Quit, before the first paint was handled
    assert not window.isVisible()
    qtbot.wait(200)  # the paint and the fallback timer had their chance
    startup.open()  # even if asked
    assert startup.workspace is None and not window.is_open
    assert not (data_dir / "progress.db").exists(), "no store was opened or created"
    with Workspace(data_dir):  # and the data folder is free
        pass


def test_a_damaged_file_is_offered_back_over_the_window(qtbot, data_dir, started):
    with Workspace(data_dir) as ws:
        for n in range(30):
            record_answer(ws.progress, learner_id=ws.learner_id, pack_id="sanaenomics", question_id=f"q{n}",
                          response=n, correct=True, score=1, elapsed_ms=1, mode="practice", session_id=None)
        ws.back_up()
    path = data_dir / "progress.db"
    data = bytearray(path.read_bytes())
    data[0:16] = b"not a database!!"
    path.write_bytes(bytes(data))
    window = started(data_dir).window
    qtbot.waitUntil(lambda: window.is_open and window.safety.recovery_box is not None
                    and window.safety.recovery_box.isVisible(), timeout=60_000)
    box = window.safety.recovery_box
    assert box.parentWidget() is window and "damaged" in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Return)  # Restore backup
    qtbot.waitUntil(lambda: window.workspace.progress["answers"].count == 30)


def test_a_pack_broken_since_its_import_is_reported_over_the_window(qtbot, data_dir, started):
    with Workspace(data_dir) as ws:
        ws.import_pack(DATA / "minimal")
    toml = data_dir / "packs" / "minimal" / "pack.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("amount = 300", 'amount = "lots"'), encoding="utf-8")
    window = started(data_dir).window
    qtbot.waitUntil(lambda: window.findChild(ProblemsDialog) is not None, timeout=60_000)
    dialog = window.findChild(ProblemsDialog)
    assert dialog.isVisible() and dialog.parentWidget() is window
    assert dialog.tree.topLevelItem(0).text(2) == "figures[0].amount"
    assert window.workspace.pack_ids() == ["sanaenomics"] and window.briefing.pack.id == "sanaenomics"


def _damage_an_index_the_opening_never_reads(data_dir, monkeypatch) -> None:
    """Damage SQLite's quick check finds but opening does not, behind a clean-close note that still matches."""
    with Workspace(data_dir) as ws:
        for n in range(300):
            record_answer(ws.progress, learner_id=ws.learner_id, pack_id="sanaenomics", question_id=f"q{n % 9}",
                          response="x" * 50, correct=n % 2 == 0, score=1, elapsed_ms=1, mode="practice",
                          session_id=None)
        page = next(ws.progress.query("SELECT rootpage FROM sqlite_master WHERE name = 'answers_session'"))
    path = data_dir / "progress.db"
    noted = recovery.file_state(path)  # what the clean close just recorded
    monkeypatch.setattr(recovery, "file_state", lambda _path: noted)  # times that hide the damage
    data = bytearray(path.read_bytes())
    start = (page["rootpage"] - 1) * 4096
    data[start:start + 4096] = b"\x0d" + b"\xff" * 4095  # a leaf page whose cells point nowhere
    path.write_bytes(bytes(data))


def test_damage_found_by_the_background_check_is_reported_over_the_window(qtbot, data_dir, started, monkeypatch):
    _damage_an_index_the_opening_never_reads(data_dir, monkeypatch)
    monkeypatch.setattr(ui.app, "BACKGROUND_CHECK_MS", 0)
    startup = started(data_dir)
    qtbot.waitUntil(lambda: startup.window.is_open, timeout=60_000)
    assert startup.workspace.progress_checked is False, "the clean-close note was trusted at start-up"
    with qtbot.waitSignal(startup.check_failed, timeout=60_000) as found:
        pass
    assert found.args[0] != "ok"
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
               and w.windowTitle() == "Your progress file is damaged")
    assert box.parentWidget() is startup.window
    assert "Restore a backup" in box.text() and found.args[0] in box.text()


def test_a_healthy_file_is_checked_in_the_background_without_a_word(qtbot, data_dir, started, monkeypatch):
    with Workspace(data_dir):
        pass
    monkeypatch.setattr(ui.app, "BACKGROUND_CHECK_MS", 0)
    startup = started(data_dir)
    qtbot.waitUntil(lambda: startup.check_thread is not None, timeout=60_000)
    startup.check_thread.join(60)
    qtbot.waitUntil(lambda: startup.check_result == "ok")
    assert not any(isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets())


def test_a_second_copy_says_so_over_its_window_and_exits_3(qtbot, data_dir, monkeypatch):
    monkeypatch.setattr(ui.app, "OPEN_WITHOUT_PAINT_MS", 120_000)
    seen = []

    def answer(box: QMessageBox) -> None:
        seen.append((box.windowTitle(), box.parentWidget(), box.parentWidget().isVisible()))
        box.done(0)

    monkeypatch.setattr(ui.app, "show_error", lambda title, text, parent=None: answer(
        QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, parent)))
    with Workspace(data_dir, recover=True):  # the copy that is already open
        assert ui.app.run(data_dir) == 3
    ((title, parent, visible),) = seen
    assert title == "Briefing Quiz is already open"
    assert isinstance(parent, MainWindow) and visible, "said over the window, which is up already"


APP = r"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QTimer
import ui.app
app = ui.app.application()
startup = ui.app.start(sys.argv[1])
def opened():
    print("opened", flush=True)
    if sys.argv[2] == "close":
        QTimer.singleShot(0, startup.window.close)
startup.window.opened.connect(opened)
QTimer.singleShot(100_000, app.quit)
code = app.exec()
startup.close()
print("closed", flush=True)
"""


@pytest.fixture
def checks(monkeypatch):
    calls: list[int] = []
    real = recovery.quick_check
    monkeypatch.setattr(recovery, "quick_check", lambda conn: calls.append(1) or real(conn))
    return calls


@pytest.mark.parametrize("end", ["close", "kill -9"])
def test_the_next_start_checks_the_progress_file_only_after_a_kill(data_dir, checks, end):
    proc = subprocess.Popen([sys.executable, "-c", APP, str(data_dir), "close" if end == "close" else "stay"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "opened", proc.stderr.read()[-2000:]
        if end == "kill -9":
            proc.send_signal(signal.SIGKILL)
        else:
            assert proc.stdout.readline().strip() == "closed", proc.stderr.read()[-2000:]
    finally:
        proc.wait(timeout=120)
        proc.stdout.close()
        proc.stderr.close()
    checks.clear()
    with Workspace(data_dir, recover=True) as ws:
        assert checks == ([1] if end == "kill -9" else []), json.dumps({"end": end, "checks": len(checks)})
        assert ws.progress_checked is (end == "kill -9")
        assert ws.recovery is None
