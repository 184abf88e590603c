"""Quiz exports and the trainer report, driven from the File menu like a trainer would."""

from __future__ import annotations

import csv
import sqlite3
import unicodedata
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from content.loader import load_pack
from db.learners import ensure_learner
from db.progress import open_progress
from quiz.answers import record_answer
from quiz.generate import generate
from tests_support import BUNDLED
from ui.trainer_report import TrainerReportDialog


def _menu_action(menu, text: str):
    for action in menu.actions():
        if action.text().replace("&", "") == text:
            return action
        if action.menu() is not None:
            found = _menu_action(action.menu(), text)
            if found is not None:
                return found
    return None


@pytest.mark.parametrize(("label", "suffix"), [("Anki (.apkg)…", ".apkg"), ("Moodle XML…", ".xml"),
                                               ("Moodle GIFT…", ".gift"), ("Spreadsheet (CSV)…", ".csv")])
def test_export_quiz_from_file_menu(window, monkeypatch, tmp_path, label, suffix):
    offered: list[str] = []

    def save_as(parent, caption, suggested, filter_):  # noqa: ANN001 - stands in for QFileDialog
        offered.append(suggested)
        return str(tmp_path / "out" / "my-quiz"), filter_  # the user typed a name without extension

    (tmp_path / "out").mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    _menu_action(window.file_menu, label).trigger()
    target = tmp_path / "out" / f"my-quiz{suffix}"
    assert target.is_file() and target.stat().st_size > 0
    assert Path(offered[0]).name == f"sanaenomics-quiz{suffix}"
    count = len(generate(window.pack, 0))
    assert window.statusBar().currentMessage() == f"Saved {count} questions to {target}"
    if suffix == ".csv":
        assert len(list(csv.DictReader(target.open(encoding="utf-8")))) == count
    if suffix == ".apkg":
        assert "collection.anki2" in zipfile.ZipFile(target).namelist()
    # the next export starts in the folder used this time
    _menu_action(window.file_menu, label).trigger()
    assert Path(offered[1]).parent == tmp_path / "out"


def test_export_quiz_into_a_folder_that_does_not_exist_says_so(window, monkeypatch, tmp_path):
    """The box said "Could not write …: [Errno 2] No such file or directory: '…'" (fails on the old code)."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []
    target = tmp_path / "gone" / "quiz.gift"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append((title, text)))
    _menu_action(window.file_menu, "Moodle GIFT…").trigger()
    assert shown == [("Export failed", f"Could not write {target}: the folder {target.parent} does not exist. "
                                       "Choose a folder that exists, or create it first.")]
    assert not target.parent.exists()  # nothing was created behind the user's back


def _learner_file(folder: Path, name: str, rights: tuple[int, ...], questions: list[str]) -> Path:
    path = folder / f"{name}.db"
    db = open_progress(path)
    learner = ensure_learner(db, name)
    for qid, ok in zip(questions, rights, strict=True):
        record_answer(db, learner_id=learner, pack_id="sanaenomics", question_id=qid, response=None,
                      correct=bool(ok), score=ok, elapsed_ms=1, mode="exam", session_id="s")
    db.close()
    return path


def test_trainer_report_dialog_writes_pdf_and_csv_with_hand_checked_facility(qtbot, window, tmp_path, monkeypatch):
    from pypdf import PdfReader

    questions = [q.id for q in generate(load_pack(BUNDLED), 0)][:3]
    files = [_learner_file(tmp_path, n, r, questions)
             for n, r in (("Ana", (1, 1, 1)), ("Ben", (1, 0, 0)), ("Cy", (0, 0, 1)))]
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.findChild(TrainerReportDialog)
    assert dialog is not None and dialog.isVisible()
    assert not dialog.create_button.isEnabled()  # nothing to report on yet
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(f) for f in files], ""))
    add = next(b for b in dialog.findChildren(type(dialog.create_button)) if b.text() == "&Add files…")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    assert dialog.paths() == files
    dialog.output.setText(str(tmp_path / "week1.pdf"))
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    assert dialog.written == [tmp_path / "week1.pdf", tmp_path / "week1.csv"]
    assert "Report on 3 learners and 3 questions" in dialog.status.text()
    assert dialog.bar.value() == dialog.bar.maximum()
    rows = [r for r in csv.DictReader((tmp_path / "week1.csv").open(encoding="utf-8")) if r["kind"] == "question"]
    # facility by hand: q1 2/3 (Ana, Ben), q2 1/3 (Ana), q3 2/3 (Ana, Cy)
    assert {r["id"]: round(float(r["facility_or_score"]), 4) for r in rows} == {
        questions[0]: 0.6667, questions[1]: 0.3333, questions[2]: 0.6667}
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(str(tmp_path / "week1.pdf")).pages)
    assert "Ana" in text and "Cy" in text
    first_prompt = generate(window.pack, 0)[0].prompt
    text = unicodedata.normalize("NFKC", text)  # the PDF sets "fi" as a ligature
    assert " ".join(first_prompt.split()[:4]) in text  # questions are named by their prompt, not their id


def test_trainer_report_of_one_learner_on_one_question_reads_as_english(qtbot, window, tmp_path, monkeypatch):
    """The status said "Report on 1 learner and 1 questions" and the PDF "1 learners · 1 questions answered"
    (fails on the old code)."""
    from pypdf import PdfReader

    ana = _learner_file(tmp_path, "Ana", (1,), [generate(window.pack, 0)[0].id])
    dialog = TrainerReportDialog(window.workspace, window.pack, tmp_path, window)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(ana)], ""))
    add = next(b for b in dialog.findChildren(type(dialog.create_button)) if b.text() == "&Add files…")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    dialog.output.setText(str(tmp_path / "one.pdf"))
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text().startswith("Report on 1 learner and 1 question written to:")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(str(tmp_path / "one.pdf")).pages)
    assert "· 1 learner · 1 question answered · from 1 progress file" in unicodedata.normalize("NFKC", text)


def test_trainer_report_names_every_unreadable_file_and_writes_nothing(qtbot, window, tmp_path):
    good = _learner_file(tmp_path, "Ana", (1,), [generate(window.pack, 0)[0].id])
    junk = tmp_path / "notes.db"
    junk.write_text("this is not a progress file", encoding="utf-8")
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    view = tmp_path / "view.db"  # 'answers' as a view: it could compute anything, even never end
    conn = sqlite3.connect(view)
    conn.executescript("CREATE TABLE learners (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO learners VALUES "
                       "(1, 'Eve'); CREATE VIEW answers AS SELECT 1 AS id, 1 AS learner_id, 'sanaenomics' AS "
                       "pack_id, 'q' AS question_id, 1 AS correct, '' AS answered_at")
    conn.close()
    dialog = window.trainer_report()
    dialog.add_files([good, junk, empty, view])
    dialog.output.setText(str(tmp_path / "report.pdf"))
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert not (tmp_path / "report.pdf").exists() and not (tmp_path / "report.csv").exists()
    status = dialog.status.text()
    assert status.startswith("No report written") and str(good) not in status
    assert f"{junk}: is not a progress file (not an SQLite database)" in status
    assert f"{empty}: is not a progress file (not an SQLite database)" in status
    assert f"{view}: is not a progress file this app wrote (answers is a view, not a table)" in status


def test_a_trainer_report_of_nobody_is_not_written(qtbot, window, tmp_path):
    """A tester ticked only a live session nobody answered in and got "Report on 0 learners and 0 questions",
    a PDF and a CSV of nothing."""
    dialog = window.trainer_report()
    dialog.add_files([_learner_file(tmp_path, "Ana", (), [])])  # a learner who answered nothing
    dialog.output.setText(str(tmp_path / "report.pdf"))
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == ("No report written: no learner in these files or sessions answered a question "
                                    "of this pack.")
    assert not (tmp_path / "report.pdf").exists() and not (tmp_path / "report.csv").exists()


def test_trainer_report_into_a_missing_folder_says_so(qtbot, window, tmp_path):
    dialog = window.trainer_report()
    dialog.add_files([_learner_file(tmp_path, "Ana", (1,), [generate(window.pack, 0)[0].id])])
    dialog.output.setText(str(tmp_path / "no" / "such" / "report.pdf"))
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text().startswith("No report written:")
    assert "No such file or directory" in dialog.status.text()
