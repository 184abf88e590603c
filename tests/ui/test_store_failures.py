"""A full disk during every action that changes progress: a box says in words what was not saved,
the screen shows what is really saved, and nothing saved before is lost.

The full disk is real as far as SQLite and the OS are concerned: the process's file-size limit
(RLIMIT_FSIZE) is set so low that no file can grow, after a checkpoint has emptied the WAL, so the
next write to the progress file, a backup or a restore's staging copy fails inside SQLite or the OS.
"""

from __future__ import annotations

import resource
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox
from quiz_keys import answer_by_keyboard

from db import backup
from db.learners import list_learners
from db.reads import read_sections
from quiz.answers import record_answer
from ui.messages import NOT_SAVED


@contextmanager
def disk_full(window) -> Iterator[None]:
    window.workspace.progress.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the next write must grow the WAL
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (1024, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))


def _box(qtbot, window, name: str = NOT_SAVED) -> QMessageBox:
    qtbot.waitUntil(lambda: (b := window.findChild(QMessageBox, name)) is not None and b.isVisible())
    box = window.findChild(QMessageBox, name)
    assert box.textFormat() == Qt.TextFormat.PlainText
    return box


def _dismiss(qtbot, box: QMessageBox) -> None:
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not box.isVisible())


def _history(window, n: int = 40) -> None:
    ws = window.workspace
    for i in range(n):
        record_answer(ws.progress, learner_id=ws.learner_id, pack_id="sanaenomics", question_id=f"q{i}",
                      response=i, correct=True, score=1, elapsed_ms=1, mode="practice", session_id=None)


def test_back_up_now_on_a_full_disk_says_no_backup_was_made_and_leaves_no_partial_file(qtbot, window):
    _history(window)
    with disk_full(window):
        window.findChild(type(window.help_menu.actions()[0]), "action-backup").trigger()
    box = _box(qtbot, window)
    assert box.windowTitle() == "Backup failed"
    assert "No backup was made" in box.text() and "disk" in box.text()
    assert "Backed up" not in window.statusBar().currentMessage()
    assert not list(window.workspace.backups_dir.glob("*")), "no .partial left behind"
    _dismiss(qtbot, box)
    window.safety.back_up_now()  # with room again it works
    assert len(backup.list_backups(window.workspace.backups_dir)) == 1


def test_automatic_backup_on_a_full_disk_says_so_in_the_status_bar(qtbot, window):
    with disk_full(window):
        window.safety.back_up_if_due()
    assert window.statusBar().currentMessage().startswith("Automatic backup failed: The backup could not be saved")
    assert window.findChild(QMessageBox, NOT_SAVED) is None, "studying is not interrupted for it"


def test_restore_on_a_full_disk_changes_nothing_and_says_so(qtbot, window, monkeypatch):
    _history(window)
    window.safety.back_up_now()
    _history(window, 5)  # 45 answers now; the backup holds 40
    monkeypatch.setattr(QInputDialog, "getItem", lambda parent, title, label, items, *a: (items[0], True))
    with disk_full(window):
        window.findChild(type(window.help_menu.actions()[0]), "action-restore").trigger()
    box = _box(qtbot, window)
    assert box.windowTitle() == "Restore failed" and "was not restored" in box.text() and "disk" in box.text()
    ws = window.workspace
    assert ws.progress["answers"].count == 45
    data = ws.root
    assert not list(data.glob("*.restoring*")) and not list(data.glob("progress.before-restore-*"))
    _dismiss(qtbot, box)


def test_starting_a_quiz_on_a_full_disk_says_it_did_not_start(qtbot, window):
    window.tabs.setCurrentWidget(window.quiz)
    page = window.quiz
    with disk_full(window):
        qtbot.mouseClick(page.practice_button, Qt.MouseButton.LeftButton)
    box = _box(qtbot, window)
    assert box.windowTitle() == "Starting the quiz: not done" and "The new quiz could not be saved" in box.text()
    assert QApplication.overrideCursor() is None  # the wait cursor of the start is gone before the box shows
    assert page.stack.currentIndex() == 0 and page.session is None
    assert window.workspace.progress["quiz_sessions"].count == 0
    _dismiss(qtbot, box)


def test_answering_on_a_full_disk_keeps_the_question_open_and_saves_it_once_there_is_room(qtbot, window):
    window.tabs.setCurrentWidget(window.quiz)
    page = window.quiz
    qtbot.mouseClick(page.practice_button, Qt.MouseButton.LeftButton)
    question = page.session.current
    with disk_full(window):
        answer_by_keyboard(qtbot, page, right=True)
        qtbot.keyClick(page.focusWidget() or page, Qt.Key.Key_Return)
    box = _box(qtbot, window)
    assert box.windowTitle() == "Saving your answer: not done"
    assert "Your answer could not be saved" in box.text() and "Everything saved before is safe" in box.text()
    assert page.session.current == question and page.answer.isEnabled() and not page.feedback.isVisible()
    assert window.workspace.progress["answers"].count == 0
    _dismiss(qtbot, box)
    page.submit_button.click()  # room again: the same answer is saved, once
    assert page.feedback.isVisible() and "Correct" in page.verdict_label.text()
    rows = list(window.workspace.progress.query("SELECT question_id FROM answers"))
    assert rows == [{"question_id": question.id}]


def test_stopping_a_quiz_on_a_full_disk_shows_results_and_keeps_it_resumable(qtbot, window):
    window.tabs.setCurrentWidget(window.quiz)
    page = window.quiz
    qtbot.mouseClick(page.practice_button, Qt.MouseButton.LeftButton)
    answer_by_keyboard(qtbot, page, right=True)
    qtbot.keyClick(page.focusWidget() or page, Qt.Key.Key_Return)
    with disk_full(window):
        qtbot.mouseClick(page.stop_button, Qt.MouseButton.LeftButton)
    box = _box(qtbot, window)
    assert "could not be saved" in box.text() and "Resume continues it" in box.text()
    assert page.stack.currentIndex() == 2
    _dismiss(qtbot, box)
    page.show_menu()
    assert page.resume_box.isVisible() and "1 of 20" in page.resume_label.text()


def test_marking_a_section_read_on_a_full_disk_unticks_the_box_and_says_why(qtbot, window):
    """Finding: the Read box stayed ticked though nothing was saved."""
    page = window.briefing
    section = page.pack.sections[0]
    read = page.read_boxes[section.id]
    read.setFocus()
    with disk_full(window):
        qtbot.keyClick(read, Qt.Key.Key_Space)
    box = _box(qtbot, window)
    assert "Marking the section as read could not be saved" in box.text()
    assert not read.isChecked(), "the box shows what is saved"
    ws = window.workspace
    assert read_sections(ws.progress, ws.learner_id, page.pack.id) == set()
    _dismiss(qtbot, box)
    qtbot.keyClick(read, Qt.Key.Key_Space)
    assert read.isChecked() and read_sections(ws.progress, ws.learner_id, page.pack.id) == {section.id}


@pytest.mark.parametrize("action", ["new", "rename"])
def test_learner_changes_on_a_full_disk_are_refused_in_words(qtbot, window, monkeypatch, action):
    window.tabs.setCurrentWidget(window.progress)
    bar = window.progress.learners
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Kenji", True))
    button = bar.new_button if action == "new" else bar.rename_button
    with disk_full(window):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    box = _box(qtbot, window)
    assert "could not be saved" in box.text() and "disk" in box.text()
    assert [r["name"] for r in list_learners(window.workspace.progress)] == ["Me"]
    assert bar.combo.currentText() == "Me"
    _dismiss(qtbot, box)


def test_deleting_a_learner_when_no_backup_can_be_taken_deletes_nothing(qtbot, window, monkeypatch):
    from db.learners import create_learner

    ws = window.workspace
    ws.learner_id = create_learner(ws.progress, "Zoe")
    _history(window, 3)
    bar = window.progress.learners
    window.tabs.setCurrentWidget(window.progress)
    bar.reload()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with disk_full(window):
        qtbot.mouseClick(bar.delete_button, Qt.MouseButton.LeftButton)
    box = _box(qtbot, window)
    assert box.windowTitle() == "Deleting “Zoe”: not done" and "The backup could not be saved" in box.text()
    assert sorted(r["name"] for r in list_learners(ws.progress)) == ["Me", "Zoe"]
    assert ws.progress["answers"].count == 3, "without the backup the deletion could not be undone, so none"
    _dismiss(qtbot, box)
