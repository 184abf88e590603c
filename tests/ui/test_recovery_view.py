"""A damaged progress file: the app still starts, says so in plain words, and restores the backup."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from app.workspace import Workspace
from bench.synthetic import write_history
from db import backup
from quiz.answers import record_answer
from quiz.generate import generate
from ui import i18n
from ui.main_window import MainWindow
from ui.messages import NOT_SAVED


def _history_with_backup(data_dir):
    ws = Workspace(data_dir)
    pack = ws.pack()
    write_history(ws.progress, ws.learner_id, pack.id, generate(pack, 0), answers=120, days=10)
    saved = ws.back_up()
    rows = list(ws.progress.query("SELECT * FROM answers ORDER BY id"))
    ws.close()
    return saved, rows


def test_corrupt_progress_file_is_reported_and_the_backup_restored(qtbot, data_dir):
    saved, rows = _history_with_backup(data_dir)
    progress = data_dir / "progress.db"
    data = bytearray(progress.read_bytes())
    data[4096:8192] = b"\x00\x13" * 2048  # wreck the second page
    progress.write_bytes(bytes(data))

    ws = Workspace(data_dir, recover=True)  # as the app opens it
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.safety.recovery_box is not None and window.safety.recovery_box.isVisible())
    box = window.safety.recovery_box
    assert "damaged" in box.text() and "was not deleted" in box.text()
    assert ws.recovery.moved_to.exists() and ws.recovery.moved_to.name.startswith("progress.damaged-")
    assert i18n.datetime(backup.list_backups(ws.backups_dir)[0].taken_at) in box.text(), "the backup is named by date"
    qtbot.keyClick(box, Qt.Key.Key_Return)  # default button: Restore backup
    qtbot.waitUntil(lambda: ws.progress["answers"].count == len(rows))
    assert list(ws.progress.query("SELECT * FROM answers ORDER BY id")) == rows
    window.tabs.setCurrentWidget(window.progress)
    assert "120 answers" in window.progress.summary.text()
    ws.close()


def test_check_database_reports_a_healthy_file(qtbot, data_dir):
    ws = Workspace(data_dir)
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.show()
    window.findChild(type(window.help_menu.actions()[0]), "action-check").trigger()
    box = window.findChild(QMessageBox, "check-database")
    assert box is not None and "healthy" in box.text()
    box.close()
    ws.close()


def test_back_up_now_and_on_close(qtbot, data_dir):
    ws = Workspace(data_dir)
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.show()
    window.safety.back_up_now()
    assert len(backup.list_backups(ws.backups_dir)) == 1
    assert "Backed up" in window.statusBar().currentMessage()
    window.close()
    assert backup.list_backups(ws.backups_dir), "a backup exists after closing"
    ws.close()


def test_restore_a_backup_from_the_file_menu(qtbot, data_dir, monkeypatch):
    saved, rows = _history_with_backup(data_dir)
    ws = Workspace(data_dir)
    record_answer(ws.progress, learner_id=ws.learner_id, pack_id="sanaenomics", question_id="later", response=1,
                  correct=True, score=1, elapsed_ms=1, mode="practice", session_id=None)
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.show()
    offered = []
    monkeypatch.setattr(QInputDialog, "getItem",
                        lambda parent, title, label, items, *a: (offered.extend(items) or items[0], True))
    window.findChild(type(window.help_menu.actions()[0]), "action-restore").trigger()
    taken = i18n.datetime(backup.list_backups(ws.backups_dir)[0].taken_at)  # in the interface's language
    assert offered == [f"{taken} — 120 answers"]
    assert ws.progress["answers"].count == len(rows), "the answer given after the backup is gone from view"
    kept = sorted(data_dir.glob("progress.before-restore-*.db"))
    assert kept, "the replaced progress file is kept beside it"
    assert "Restored the backup" in window.statusBar().currentMessage()
    ws.close()


def _close_modal_box_when_shown(seen: list, tries: int = 200) -> None:
    """Read and close the next application-modal box (``exec``); give up (quit) after ``tries``."""
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox):
        seen.append((box.windowTitle(), box.text()))
        box.done(0)
    elif tries:
        QTimer.singleShot(25, lambda: _close_modal_box_when_shown(seen, tries - 1))
    else:
        QApplication.closeAllWindows()
        QApplication.quit()


def test_a_second_copy_of_the_app_says_it_is_already_open_and_exits(qtbot, data_dir):
    from ui.app import run

    first = Workspace(data_dir, recover=True)  # the copy that is already open
    seen: list = []
    QTimer.singleShot(0, lambda: _close_modal_box_when_shown(seen))
    assert run(data_dir) == 3
    ((title, text),) = seen
    assert title == "Briefing Quiz is already open"
    assert "Only one copy of Briefing Quiz may use a data folder at a time" in text and "process" in text
    record_answer(first.progress, learner_id=first.learner_id, pack_id="sanaenomics", question_id="q", response=1,
                  correct=True, score=1, elapsed_ms=1, mode="practice", session_id=None)
    assert first.progress["answers"].count == 1, "the first copy is unaffected"
    first.close()


def test_a_foreign_progress_file_stops_the_app_with_a_message(qtbot, data_dir):
    import sqlite3

    from ui.app import run

    data_dir.mkdir(parents=True)
    conn = sqlite3.connect(data_dir / "progress.db")
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()
    before = (data_dir / "progress.db").read_bytes()
    seen: list = []
    QTimer.singleShot(0, lambda: _close_modal_box_when_shown(seen))
    assert run(data_dir) == 2
    ((title, text),) = seen
    assert title == "Cannot open your progress" and "not a Briefing Quiz progress file" in text
    assert (data_dir / "progress.db").read_bytes() == before


OTHER_PROGRAM = ("import sqlite3, sys, time\nc = sqlite3.connect(sys.argv[1])\n"
                 "c.execute('SELECT count(*) FROM answers').fetchone()\nprint('open', flush=True)\ntime.sleep(120)\n")


def test_restore_while_another_program_has_the_file_open_is_refused_in_words(qtbot, data_dir, monkeypatch):
    import subprocess
    import sys

    from tests_support import ROOT

    saved, rows = _history_with_backup(data_dir)
    ws = Workspace(data_dir)
    record_answer(ws.progress, learner_id=ws.learner_id, pack_id="sanaenomics", question_id="later", response=1,
                  correct=True, score=1, elapsed_ms=1, mode="practice", session_id=None)
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.show()
    other = subprocess.Popen([sys.executable, "-c", OTHER_PROGRAM, str(ws.progress_path)], cwd=ROOT, text=True,
                             stdout=subprocess.PIPE)
    try:
        assert other.stdout.readline().strip() == "open"
        monkeypatch.setattr(QInputDialog, "getItem", lambda parent, title, label, items, *a: (items[0], True))
        window.findChild(type(window.help_menu.actions()[0]), "action-restore").trigger()
        qtbot.waitUntil(lambda: window.findChild(QMessageBox, NOT_SAVED) is not None)
        box = window.findChild(QMessageBox, NOT_SAVED)
        assert box.windowTitle() == "Restore failed"
        assert "has your progress file open" in box.text() and "Nothing was changed" in box.text()
    finally:
        other.kill()
        other.wait()
        other.stdout.close()
    assert ws.progress["answers"].count == len(rows) + 1, "nothing was replaced"
    assert not list(data_dir.glob("progress.before-restore-*"))
    ws.close()


CRASH_FIRST_SESSION = r"""
import os, signal, sys
from quiz.answers import record_answer
from app.workspace import Workspace
ws = Workspace(sys.argv[1])
for n in range(50):
    record_answer(ws.progress, learner_id=ws.learner_id, pack_id="sanaenomics", question_id=f"w{n}", response=n,
                  correct=True, score=1, elapsed_ms=1, mode="practice", session_id="s")
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_missing_progress_file_with_its_wal_is_read_back_and_offered(qtbot, data_dir):
    import subprocess
    import sys

    from tests_support import ROOT

    subprocess.run([sys.executable, "-c", CRASH_FIRST_SESSION, str(data_dir)], cwd=ROOT, timeout=120, check=False)
    (data_dir / "progress.db").unlink()
    ws = Workspace(data_dir, recover=True)
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.safety.recovery_box is not None and window.safety.recovery_box.isVisible())
    box = window.safety.recovery_box
    assert box.windowTitle() == "Your progress file was missing"
    assert "left-over journal was not deleted" in box.text() and "progress.orphan-" in box.text()
    assert "50 answers could be read back" in box.text()
    assert box.defaultButton().text() == "&Restore answers"
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ws.progress["answers"].count == 50)
    ws.close()


def test_an_interrupted_restore_completed_at_start_is_reported(qtbot, data_dir):
    import json

    saved, rows = _history_with_backup(data_dir)
    ws = Workspace(data_dir)
    record_answer(ws.progress, learner_id=ws.learner_id, pack_id="sanaenomics", question_id="later", response=1,
                  correct=True, score=1, elapsed_ms=1, mode="practice", session_id=None)
    ws.close()
    # what a kill right after the journal was written leaves
    from db import recovery

    staged = recovery.stage(saved, data_dir / "progress.db")
    (data_dir / "progress.db.restore-journal").write_text(json.dumps(
        {"staged": staged.name, "aside": "progress.before-restore-20260101-000000.db", "backup": str(saved)}))
    ws = Workspace(data_dir, recover=True)
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "notices") is not None)
    box = window.findChild(QMessageBox, "notices")
    assert f"A restore of {saved.name} that was interrupted has been completed" in box.text()
    assert "kept as progress.before-restore-20260101-000000.db" in box.text()
    assert ws.progress["answers"].count == len(rows)
    ws.close()
