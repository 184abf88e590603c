"""A damaged progress file: the app still starts, says so in plain words, and restores the backup."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from bench.synthetic import write_history
from db import backup
from quiz.generate import generate
from quiz.workspace import Workspace
from ui.main_window import MainWindow


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

    ws = Workspace(data_dir)
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.safety.recovery_box is not None and window.safety.recovery_box.isVisible())
    box = window.safety.recovery_box
    assert "damaged" in box.text() and "was not deleted" in box.text()
    assert ws.recovery.moved_to.exists() and ws.recovery.moved_to.name.startswith("progress.damaged-")
    assert backup.list_backups(ws.backups_dir)[0].label in box.text(), "the backup on offer is named by date"
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
    from PySide6.QtWidgets import QInputDialog

    saved, rows = _history_with_backup(data_dir)
    ws = Workspace(data_dir)
    from quiz.answers import record_answer

    record_answer(ws.progress, learner_id=ws.learner_id, pack_id="sanaenomics", question_id="later", response=1,
                  correct=True, score=1, elapsed_ms=1, mode="practice", session_id=None)
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.show()
    offered = []
    monkeypatch.setattr(QInputDialog, "getItem",
                        lambda parent, title, label, items, *a: (offered.extend(items) or items[0], True))
    window.findChild(type(window.help_menu.actions()[0]), "action-restore").trigger()
    assert offered == [f"{backup.list_backups(ws.backups_dir)[0].label} — 120 answers"]
    assert ws.progress["answers"].count == len(rows), "the answer given after the backup is gone from view"
    kept = sorted(data_dir.glob("progress.before-restore-*.db"))
    assert kept, "the replaced progress file is kept beside it"
    assert "Restored the backup" in window.statusBar().currentMessage()
    ws.close()
