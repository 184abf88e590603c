"""Packs from the GUI: import with progress, every problem listed, switch packs, re-import keeps progress."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressBar, QPushButton
from quiz_keys import answer_by_keyboard

import content.library
from app.workspace import Workspace
from quiz.answers import record_answer
from tests_support import DATA
from ui.packs import ProblemsDialog


def _import_with_keyboard(qtbot, window, monkeypatch, folder: Path) -> None:
    """Ctrl+I, pick ``folder`` in the (stubbed) folder dialog, wait for the worker to finish."""
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(folder))
    previous = window.pack_import
    # The last import's (window-modal) progress dialog had the focus: a shortcut reaches the window
    # only once that dialog is gone and the window is active again, as for a person.
    qtbot.waitUntil(lambda: previous is None or not previous.progress.isVisible())
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.pack_import is not None and window.pack_import is not previous)
    qtbot.waitUntil(lambda: window.pack_import.done, timeout=20000)


def test_import_from_file_menu_shows_progress_then_switches_to_the_new_pack(qtbot, window, monkeypatch):
    steps: list[int] = []
    monkeypatch.setattr(QProgressBar, "setValue", lambda self, v: steps.append(v))
    _import_with_keyboard(qtbot, window, monkeypatch, DATA / "second_pack")
    qtbot.waitUntil(lambda: window.pack.id == "riverton-cycling")
    assert steps == [0, 1, 2]  # the progress bar went through every step
    assert "Riverton" in window.windowTitle()
    assert window.pack_combo.currentText() == window.pack.meta.title
    assert window.briefing.pack.id == window.quiz.pack.id == "riverton-cycling"
    assert window.quiz.start_info.text() == f"Briefing: {window.pack.meta.title}"
    # both packs are offered, in the chooser and in View → Briefing pack
    assert [window.pack_combo.itemData(i) for i in range(window.pack_combo.count())] == [
        "sanaenomics", "riverton-cycling"]
    checked = [a.data() for a in window.pack_actions.actions() if a.isChecked()]
    assert checked == ["riverton-cycling"]


def test_broken_pack_lists_every_problem_and_imports_nothing(qtbot, window, monkeypatch, pack_copy):
    broken = pack_copy(DATA / "minimal")
    toml = broken / "pack.toml"
    text = toml.read_text(encoding="utf-8")
    text = text.replace('outlet = "widgets-weekly"', 'outlet = "nobody"').replace("amount = 300", 'amount = "lots"')
    toml.write_text(text.replace('quote = "Widgets Weekly reports', 'quote = "Nobody reports'), encoding="utf-8")

    _import_with_keyboard(qtbot, window, monkeypatch, broken)
    dialog = window.pack_import.dialog
    assert isinstance(dialog, ProblemsDialog) and dialog.isVisible()
    rows = [[dialog.tree.topLevelItem(i).text(c) for c in range(4)] for i in range(dialog.tree.topLevelItemCount())]
    assert [(r[1], r[2]) for r in rows] == [("28", "figures[0].amount"), ("32", "figures[0].outlet"),
                                            ("35", "figures[0].quote")]
    assert "unknown id 'nobody'" in rows[1][3]
    copy = next(b for b in dialog.findChildren(QPushButton) if b.text() == "&Copy all")
    qtbot.mouseClick(copy, Qt.MouseButton.LeftButton)
    assert "figures[0].quote" in QGuiApplication.clipboard().text()
    assert window.workspace.pack_ids() == ["sanaenomics"]
    assert not (window.workspace.library.folder / "minimal").exists()
    assert window.pack.id == "sanaenomics"


def test_chosen_pack_is_remembered_and_quiz_uses_it(qtbot, data_dir, open_window):
    ws = Workspace(data_dir)
    ws.import_pack(DATA / "second_pack")
    first = open_window(ws)
    first.pack_menu.actions()[1].trigger()  # View → Briefing pack → Riverton
    assert first.pack.id == "riverton-cycling"
    first.close()

    again = open_window(ws)
    assert again.pack.id == "riverton-cycling"
    assert again.briefing.contents.item(0).text() == again.pack.sections[0].title
    again.tabs.setCurrentWidget(again.quiz)
    qtbot.mouseClick(again.quiz.practice_button, Qt.MouseButton.LeftButton)
    assert again.quiz.session is not None and again.quiz.session.state.pack_id == "riverton-cycling"
    ws.close()


def test_reimport_updates_the_briefing_and_keeps_progress_on_unchanged_questions(qtbot, window, monkeypatch,
                                                                                 pack_copy):
    source = pack_copy(DATA / "minimal")
    _import_with_keyboard(qtbot, window, monkeypatch, source)
    qtbot.waitUntil(lambda: window.pack.id == "minimal")
    assert window.statusBar().currentMessage() == f"Imported {window.pack.meta.title} (minimal)"
    ws = window.workspace
    record_answer(ws.progress, learner_id=ws.learner_id, pack_id="minimal", question_id="figure-number:trees",
                  response="300", correct=True, score=1.0, elapsed_ms=900, mode="practice", session_id=None)
    toml = source / "pack.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('title = "The tree plan"', 'title = "Trees, revised"'),
                    encoding="utf-8")

    _import_with_keyboard(qtbot, window, monkeypatch, source)
    qtbot.waitUntil(lambda: window.briefing.contents.item(0).text() == "Trees, revised")
    # said, not silent (fails on the old code, which said "Imported … (minimal)" as for a new pack)
    assert window.statusBar().currentMessage() == (f"Replaced {window.pack.meta.title} (minimal) with the copy just "
                                                   "imported; your progress on its questions is kept")
    window.tabs.setCurrentWidget(window.progress)
    board = window.progress.board
    assert (board.answers, board.correct) == (1, 1)
    assert window.progress.summary.text().startswith(f"{board.learner}: 1 answer, 100% right")


def test_imported_pack_broken_since_is_reported_at_start_and_the_app_still_opens(qtbot, data_dir, open_window):
    ws = Workspace(data_dir)
    ws.import_pack(DATA / "minimal")
    ws.close()
    toml = data_dir / "packs" / "minimal" / "pack.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("amount = 300", 'amount = "lots"'), encoding="utf-8")

    ws = Workspace(data_dir)
    window = open_window(ws)
    qtbot.waitUntil(lambda: window.findChild(ProblemsDialog) is not None)
    dialog = window.findChild(ProblemsDialog)
    assert dialog.isVisible()
    assert dialog.tree.topLevelItem(0).text(2) == "figures[0].amount"
    assert window.workspace.pack_ids() == ["sanaenomics"] and window.pack.id == "sanaenomics"
    ws.close()


def test_closing_the_window_during_an_import_waits_for_it(qtbot, window):
    job = window.import_pack_from(DATA / "second_pack")
    assert job.progress.windowModality() == Qt.WindowModality.WindowModal  # no second import meanwhile
    window.close()  # must not destroy a running thread (Qt aborts the process then)
    assert job.worker.isFinished()
    assert "riverton-cycling" in window.workspace.pack_ids()


def test_pack_titles_are_shown_literally_in_the_chooser_and_menu(data_dir, pack_copy, open_window):
    hostile = pack_copy(DATA / "hostile")
    toml = hostile / "pack.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("Hostile <b>bold</b> pack", "R&D <b>bold</b> pack", 1),
                    encoding="utf-8")
    ws = Workspace(data_dir)
    ws.import_pack(hostile)
    window = open_window(ws)
    titles = [window.pack_combo.itemText(i) for i in range(window.pack_combo.count())]
    assert "R&D <b>bold</b> pack" in titles
    action = next(a for a in window.pack_menu.actions() if "bold" in a.text())
    assert action.text() == "R&&D <b>bold</b> pack"  # '&&' is how a menu shows one literal '&'
    action.trigger()
    assert window.windowTitle().startswith("R&D <b>bold</b> pack")
    tip = window.pack_combo.itemData(window.pack_combo.findData("hostile"), Qt.ItemDataRole.ToolTipRole)
    assert _as_qt_shows_it(tip) == "Source: <img src=http://example.invalid/pixel.png>"
    ws.close()


def _as_qt_shows_it(tip: str) -> str:
    """A tooltip's text as Qt displays it: rich text when it looks like markup, else as it is."""
    from PySide6.QtGui import Qt as GuiQt  # Qt::mightBeRichText lives in QtGui
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(tip) if GuiQt.mightBeRichText(tip) else document.setPlainText(tip)
    return document.toPlainText()


def test_a_problem_s_file_tooltip_shows_a_folder_name_with_markup_as_typed(qtbot, window, monkeypatch, tmp_path):
    folder = tmp_path / "<b>bold<b> <img src=x.png> pack"
    folder.mkdir()
    (folder / "pack.toml").write_text("not = [valid", encoding="utf-8")
    _import_with_keyboard(qtbot, window, monkeypatch, folder)
    item = window.pack_import.dialog.tree.topLevelItem(0)
    assert _as_qt_shows_it(item.toolTip(0)) == str(folder / "pack.toml")


def test_switching_packs_keeps_an_unfinished_quiz_resumable(qtbot, data_dir, open_window):
    ws = Workspace(data_dir)
    ws.import_pack(DATA / "second_pack")
    window = open_window(ws)
    window.tabs.setCurrentWidget(window.quiz)
    qtbot.mouseClick(window.quiz.practice_button, Qt.MouseButton.LeftButton)
    answer_by_keyboard(qtbot, window.quiz, right=True)
    window.set_pack("riverton-cycling")
    assert window.quiz.stack.currentIndex() == 0 and not window.quiz.resume_box.isVisible()
    window.set_pack("sanaenomics")
    assert window.quiz.resume_box.isVisible()
    assert " 1 of " in window.quiz.resume_label.text()
    qtbot.mouseClick(window.quiz.resume_button, Qt.MouseButton.LeftButton)
    assert window.quiz.stack.currentIndex() == 1 and window.quiz.session.position[0] == 1
    ws.close()


def _edited(pack_copy, old: str, new: str) -> Path:
    folder = pack_copy(DATA / "minimal")
    toml = folder / "pack.toml"
    text = toml.read_text(encoding="utf-8")
    assert old in text
    toml.write_text(text.replace(old, new), encoding="utf-8")
    return folder


@pytest.mark.parametrize(("old", "new", "phrase"), [
    ('language = "en"', 'language = "en"\nextra = ' + "[" * 1000 + "]" * 1000, "nested too deeply"),  # RecursionError
    ('source_file = "source.txt"', 'source_file = "source\\u0000.txt"', "contains U+0000"),  # ValueError
    ("year = 2030", "year = 9999999999999999999999999", "between 1 and 9999"),  # OverflowError in SQLite
])
def test_an_import_that_used_to_kill_the_worker_closes_its_dialog_and_lists_the_problem(
        qtbot, window, monkeypatch, pack_copy, old, new, phrase):
    _import_with_keyboard(qtbot, window, monkeypatch, _edited(pack_copy, old, new))
    job = window.pack_import
    assert not job.progress.isVisible(), "the progress dialog closed"
    dialog = job.dialog
    assert isinstance(dialog, ProblemsDialog) and dialog.isVisible()
    shown = " ".join(dialog.tree.topLevelItem(i).text(3) for i in range(dialog.tree.topLevelItemCount()))
    assert phrase in shown
    assert window.workspace.pack_ids() == ["sanaenomics"]
    assert not (window.workspace.library.folder / "minimal").exists(), "nothing half-imported"


def test_cancel_stops_the_import_and_nothing_is_imported(qtbot, window, monkeypatch):
    gate = threading.Event()
    real = content.library.load_pack_files

    def held(source, checkpoint=None):  # the pack is "still being read" until the test lets it go
        gate.wait(20)
        return real(source, checkpoint)

    monkeypatch.setattr(content.library, "load_pack_files", held)
    job = window.import_pack_from(DATA / "second_pack")
    qtbot.waitUntil(job.progress.isVisible)
    assert job.progress.cancel_button.isEnabled()
    qtbot.mouseClick(job.progress.cancel_button, Qt.MouseButton.LeftButton)
    assert "cancelling" in job.progress.label.text()
    gate.set()
    qtbot.waitUntil(lambda: job.done, timeout=20000)
    assert job.cancelled and not job.progress.isVisible() and job.dialog is None
    assert window.workspace.pack_ids() == ["sanaenomics"] and window.pack.id == "sanaenomics"
    assert not (window.workspace.library.folder / "riverton-cycling").exists()
    assert window.statusBar().currentMessage() == "Import of second_pack cancelled: nothing was imported"


def test_escape_in_the_progress_dialog_cancels_too(qtbot, window, monkeypatch):
    gate = threading.Event()
    real = content.library.load_pack_files
    monkeypatch.setattr(content.library, "load_pack_files",
                        lambda source, checkpoint=None: (gate.wait(20), real(source, checkpoint))[1])
    job = window.import_pack_from(DATA / "second_pack")
    qtbot.waitUntil(job.progress.isVisible)
    qtbot.keyClick(job.progress, Qt.Key.Key_Escape)
    gate.set()
    qtbot.waitUntil(lambda: job.done, timeout=20000)
    assert job.cancelled and not job.progress.isVisible()
    assert window.workspace.pack_ids() == ["sanaenomics"]


def test_a_pack_imported_after_practice_and_a_look_at_progress_is_listed_and_shown(qtbot, window, monkeypatch):
    """Found trying the app as a new user: after a practice and the Progress tab (its charts drawn),
    Ctrl+I imported the pack but the chooser came up empty and the window stayed on the old pack
    (the menus' Python side had been let go: "Internal C++ object (QMenu) already deleted")."""
    window.tabs.setCurrentWidget(window.progress)
    qtbot.waitUntil(window.progress.isVisible)
    window.tabs.setCurrentWidget(window.quiz)
    qtbot.mouseClick(next(b for b in window.quiz.findChildren(QPushButton)
                          if b.isVisible() and b.text() == "Start &practice"), Qt.MouseButton.LeftButton)
    for _ in range(3):
        answer_by_keyboard(qtbot, window.quiz, right=True)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    window.tabs.setCurrentWidget(window.progress)
    qtbot.wait(100)
    _import_with_keyboard(qtbot, window, monkeypatch, DATA / "second_pack")
    qtbot.waitUntil(lambda: window.pack.id == "riverton-cycling")
    assert [window.pack_combo.itemData(i) for i in range(window.pack_combo.count())] == [
        "sanaenomics", "riverton-cycling"]
    assert [a.data() for a in window.pack_actions.actions() if a.isChecked()] == ["riverton-cycling"]


def test_a_long_problem_is_shown_whole_in_the_problem_list(qtbot, tmp_path):
    """"cannot read source text 'source.txt': is a symbolic link; a pack's files must be plain files inside it…"
    was cut with "…" in the list: a problem's row is as tall as its whole message, wrapped in its column."""
    from PySide6.QtCore import QRect

    from content.problems import PackError, Problem

    message = ("cannot read source text 'source.txt': is a symbolic link; a pack's files must be plain files inside "
               "its folder (copy the file in instead of linking to it), and this one points elsewhere on the disk")
    dialog = ProblemsDialog(PackError([Problem("pack.toml", 0, "pack.source_file", message),
                                       Problem("pack.toml", 3, "pack.title", "short")]), tmp_path / "symlink")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    tree = dialog.tree
    item = tree.topLevelItem(0)
    assert item.text(3) == message

    def whole() -> bool:
        width = tree.header().sectionSize(3) - 8  # the cell's margins
        needed = tree.fontMetrics().boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap,
                                                 message).height()
        return tree.visualItemRect(item).height() >= needed > tree.fontMetrics().height()

    qtbot.waitUntil(whole)
    dialog.resize(600, 420)  # narrower: more lines, still whole
    qtbot.waitUntil(whole)
    dialog.close()


def test_share_saves_the_pack_folder_a_colleague_imports_and_never_overwrites(qtbot, window, monkeypatch, tmp_path):
    """A tester found no way to share a pack from the app ("Export briefing…" makes a PDF)."""
    from PySide6.QtWidgets import QMessageBox

    from quiz.generate import generate

    window.workspace.import_pack(DATA / "second_pack")
    window.state.set_pack("riverton-cycling")
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(outbox))
    share = next(a for a in window.file_menu.actions() if a.text() == "S&hare briefing pack…")
    share.trigger()
    shared = outbox / "riverton-cycling"
    assert (shared / "pack.toml").read_bytes() == (DATA / "second_pack" / "pack.toml").read_bytes()
    assert sorted(p.name for p in outbox.iterdir()) == ["riverton-cycling"]  # nothing half-written beside it
    assert str(shared) in window.statusBar().currentMessage()

    colleague = Workspace(tmp_path / "colleague")  # another person's app, its own data folder
    try:
        theirs = colleague.import_pack(shared)
        assert [q.id for q in generate(theirs, 0)] == [q.id for q in generate(window.pack, 0)]
    finally:
        colleague.close()

    (shared / "pack.toml").write_text("# the colleague's edits\n", encoding="utf-8")
    share.trigger()  # a folder of that name is there: said, and left as it is
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert [b.windowTitle() for b in boxes] == ["Sharing the briefing pack: not done"]
    assert "already there" in boxes[0].text()
    assert (shared / "pack.toml").read_text(encoding="utf-8") == "# the colleague's edits\n"
