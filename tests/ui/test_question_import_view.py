"""File → Import questions…: a trainer's GIFT bank comes into the pack on show, and the quiz asks it."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from app.workspace import Workspace
from tests_support import DATA
from ui.question_import import FILE_FILTER, ImportReportDialog

BANK = DATA / "interchange" / "bank.gift"


@pytest.fixture
def minimal_window(open_window, data_dir, tmp_path):
    """The main window showing the user's own (imported) minimal pack, its pack.toml holding a comment."""
    folder = tmp_path / "minimal"
    shutil.copytree(DATA / "minimal", folder)
    ws = Workspace(data_dir)
    ws.import_pack(folder)
    win = open_window(ws)
    win.state.set_pack("minimal")
    yield win
    ws.close()


def _choose(monkeypatch, path, offered: list | None = None) -> None:
    def open_file(parent, caption, folder, filter_):  # noqa: ANN001 - stands in for QFileDialog
        if offered is not None:
            offered.append((caption, filter_))
        return str(path), filter_

    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_file)


def _report(qtbot) -> ImportReportDialog:
    found: list[ImportReportDialog] = []

    def shown() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets() if isinstance(w, ImportReportDialog) and w.isVisible()]
        return bool(found)

    qtbot.waitUntil(shown, timeout=5000)
    return found[0]


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")  # the offscreen platform's menus
def test_a_gift_bank_imported_from_the_file_menu_is_asked_in_the_quiz(qtbot, minimal_window, monkeypatch):
    window = minimal_window
    offered: list = []
    _choose(monkeypatch, BANK, offered)
    changed: list[str] = []
    window.state.pack_changed.connect(changed.append)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)  # File menu…
    qtbot.waitUntil(lambda: window.file_menu.isVisible(), timeout=5000)
    qtbot.keyClick(window.file_menu, Qt.Key.Key_U)  # …Import q_uestions
    busy = window.findChild(QDialog, "question-import-busy")
    assert busy is not None  # the import runs off the UI thread behind a busy dialog…
    report = _report(qtbot)
    assert not busy.isVisible()  # …which closes when the report opens
    assert offered == [("Import questions into “Town trees”", FILE_FILTER)]
    assert "*.gift" in FILE_FILTER and "*.xml" in FILE_FILTER and "*.csv" in FILE_FILTER and "*.apkg" in FILE_FILTER
    assert report.summary.text() == ("5 question(s) from bank.gift (GIFT) are in pack 'minimal'; "
                                     "5 could not come in.")
    details = report.details.toPlainText()
    assert "Why: an essay question: essays have no key the app can grade" in details
    assert "<script>" not in details  # the bank's HTML is plain words, never markup
    assert changed == ["minimal"]  # the pages were told the pack changed
    qtbot.keyClick(report, Qt.Key.Key_Escape)
    assert not report.isVisible()

    with qtbot.waitActive(window):  # back to the main window (the offscreen platform does not reactivate it)
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # the Quiz page
    assert window.tabs.tabText(window.tabs.currentIndex()) == "&Quiz"
    ids = [q.id for q in window.workspace.questions("minimal") if q.prompt.startswith("How many trees")]
    window.quiz.start_questions("minimal", ids)
    page = window.quiz
    assert page.prompt_label.text() == "How many trees will the town plant by 2030?"
    qtbot.keyClicks(page.answer.edit, "300")
    qtbot.keyClick(page.answer.edit, Qt.Key.Key_Return)
    assert page.last_grade.correct


def test_a_file_that_cannot_be_read_is_said_in_words_and_changes_nothing(qtbot, minimal_window, monkeypatch,
                                                                         tmp_path):
    window = minimal_window
    bad = tmp_path / "bank.csv"
    bad.write_bytes(b"\xff\xfe not utf-8")
    toml = window.workspace.library.folder / "minimal" / "pack.toml"
    before = toml.read_bytes()
    _choose(monkeypatch, bad)
    job = window.choose_questions_to_import()
    qtbot.waitUntil(lambda: job.done, timeout=10000)
    assert not job.busy.isVisible() and job.report_dialog is None
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert [b.windowTitle() for b in boxes] == ["Importing questions: not done"]
    assert "bank.csv is not UTF-8 text" in boxes[0].text()
    boxes[0].close()
    assert toml.read_bytes() == before


def test_the_report_shows_hostile_names_as_text(qtbot, minimal_window, monkeypatch, tmp_path):
    bank = tmp_path / "hostile.gift"
    bank.write_text("::<b>Bold</b><img src=x>::Discuss <i>this</i>.{}\n\n::Q::Is it <b>so</b>?{T}\n", encoding="utf-8")
    _choose(monkeypatch, bank)
    job = minimal_window.choose_questions_to_import()
    qtbot.waitUntil(lambda: job.done, timeout=10000)
    dialog = job.report_dialog
    assert isinstance(dialog, ImportReportDialog)
    assert dialog.summary.textFormat() == Qt.TextFormat.PlainText
    details = dialog.details.toPlainText()
    assert "q: Is it so?" in details  # the question's HTML is made plain words
    assert "<b>Bold</b><img src=x>: an essay question" in details  # a name is shown as the characters it has
    dialog.close()


def test_the_packs_own_export_imported_again_says_nothing_is_new_and_lists_each_question(qtbot, minimal_window,
                                                                                        monkeypatch, tmp_path):
    """The same file exported and imported: every question used to be listed as "Added" and asked twice."""
    from quiz.interchange import export_questions

    window = minimal_window
    asked = window.workspace.questions("minimal")
    exported = export_questions(window.workspace.pack("minimal"), asked, "gift", tmp_path / "quiz.gift")
    changed: list[str] = []
    window.state.pack_changed.connect(changed.append)
    _choose(monkeypatch, exported)
    job = window.choose_questions_to_import()
    qtbot.waitUntil(lambda: job.done, timeout=10000)
    dialog = job.report_dialog
    assert isinstance(dialog, ImportReportDialog)
    assert dialog.windowTitle() == "Nothing new to import"
    assert dialog.summary.text() == (f"Nothing new in quiz.gift (GIFT): its {len(asked)} question(s) are already in "
                                     "pack 'minimal', so none were added.")
    details = dialog.details.toPlainText()
    assert details.startswith("Already in the pack (not added again):")
    assert "Added:" not in details
    assert all(q.prompt[:20] in details for q in asked)
    assert changed == []  # nothing changed, so no page reloads
    assert len(window.workspace.questions("minimal")) == len(asked)
    dialog.close()


def test_the_summary_says_how_many_were_already_in_the_pack(qtbot):
    from quiz.interchange.merge import ImportReport
    from ui.question_import import report_lines

    report = ImportReport("again.gift", "gift", "minimal", added=[("new-one", "Which tree is planted first?")],
                          already=[("Trees", "How many trees will the town plant by 2030?")])
    dialog = ImportReportDialog(report)
    qtbot.addWidget(dialog)
    assert dialog.summary.text() == ("1 question(s) from again.gift (GIFT) are in pack 'minimal'. 1 question(s) were "
                                     "already in the pack and were not added again.")
    assert report_lines(report)[1:] == ["", "Added:", "  new-one: Which tree is planted first?", "",
                                        "Already in the pack (not added again):",
                                        "  Trees: How many trees will the town plant by 2030?"]
