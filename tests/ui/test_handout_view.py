"""Handouts from the File menu, as an analyst or a trainer would make them: briefing, one-page brief, paper quiz."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import docx
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from ui.handout import HandoutDialog, PaperQuizDialog


def _action(window, text: str, menu=None):
    for action in (menu or window.file_menu).actions():
        if action.text().replace("&", "") == text:
            return action
        if action.menu() is not None and (found := _action(window, text, action.menu())) is not None:
            return found
    return None


def _sizes(path: Path) -> set[tuple[int, int]]:
    return {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in PdfReader(str(path)).pages}


def _texts(path: Path) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in PdfReader(str(path)).pages]


def test_briefing_export_starts_in_the_last_export_folder_and_names_the_pack_and_day(qtbot, window, tmp_path,
                                                                                       monkeypatch):
    out = tmp_path / "exports"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(out / "quiz.csv"), ""))
    _action(window, "Spreadsheet (CSV)…").trigger()  # a quiz export into that folder first
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.findChild(HandoutDialog)
    assert dialog is not None and dialog.isVisible()
    today = date.today().isoformat()
    assert Path(dialog.output.text()) == out / f"sanaenomics-briefing-{today}.pdf"
    dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    pdf = out / f"sanaenomics-briefing-{today}.pdf"
    assert _sizes(pdf) == {(612, 792)}, "US Letter, as chosen"
    pages = len(PdfReader(str(pdf)).pages)
    assert dialog.status.text() == f"Saved {pdf} ({pages} pages)."
    assert f"page {pages} of {pages}" in _texts(pdf)[-1]

    dialog.format.setCurrentIndex(dialog.format.findData("docx"))
    assert dialog.output.text().endswith(f"sanaenomics-briefing-{today}.docx")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    word = docx.Document(str(out / f"sanaenomics-briefing-{today}.docx"))
    assert round(word.sections[0].page_width.pt) == 612
    assert window.pack.sections[0].title in [p.text for p in word.paragraphs]
    dialog.close()

    _action(window, "Export one-page brief…").trigger()  # the next handout: same folder, same paper
    brief = next(d for d in window.findChildren(HandoutDialog) if d.what == "brief")
    assert Path(brief.output.text()).parent == out and brief.paper.currentData() == "letter"


def test_the_one_page_brief_from_the_menu_is_one_page(qtbot, window, tmp_path):
    _action(window, "Export one-page brief…").trigger()
    dialog = window.findChild(HandoutDialog)
    assert dialog.windowTitle() == "Export one-page brief"
    dialog.output.setText(str(tmp_path / "for-the-meeting"))  # typed without an ending
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    path = tmp_path / "for-the-meeting.pdf"
    assert len(PdfReader(str(path)).pages) == 1
    text = _texts(path)[0]
    assert "Key figures" in text and "What to watch" in text and "page 1 of 1" in text
    assert dialog.status.text().startswith(f"Saved {path} (1 page).")
    dialog.output.clear()  # "Save as" left empty: the usual name, in the folder just used
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / f"sanaenomics-brief-{date.today().isoformat()}.pdf").is_file()


def test_a_folder_that_cannot_be_written_says_so_in_the_dialog(qtbot, window, tmp_path):
    _action(window, "Export briefing…").trigger()
    dialog = window.findChild(HandoutDialog)
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    dialog.output.setText(str(blocker / "briefing.pdf"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text().startswith("Nothing was written:")
    assert dialog.isVisible()


def test_paper_quiz_prints_sheet_and_key_with_the_code_for_chosen_topics(qtbot, window, tmp_path):
    _action(window, "Print quiz on paper…").trigger()
    dialog = window.findChild(PaperQuizDialog)
    assert dialog is not None and dialog.isVisible()
    for i in range(dialog.topics.count()):  # only the investment targets
        item = dialog.topics.item(i)
        if item.data(Qt.ItemDataRole.UserRole) != "investment":
            item.setCheckState(Qt.CheckState.Unchecked)
    dialog.count.setValue(6)
    dialog.output.setText(str(tmp_path / "class.pdf"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    code = dialog.code.text()
    assert len(code) == 6, dialog.status.text()
    sheet, key = _texts(tmp_path / "class.pdf"), _texts(tmp_path / "class-key.pdf")
    assert all(code in page for page in sheet + key)
    assert "Chosen topics: Investment targets." in " ".join(sheet)
    assert f"exam code {code}" in dialog.status.text()
    assert "asked for" not in dialog.status.text(), "six were asked for, and six are printed"

    dialog.code.clear()  # more than the investment topic can give in one exam: said, as the exam's title says it
    dialog.count.setValue(40)
    dialog.output.setText(str(tmp_path / "many.pdf"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    printed = int(re.search(r": (\d+) questions, exam code", dialog.status.text()).group(1))
    assert printed < 40 and f"40 were asked for: {printed} is all this pack can ask in one exam" in dialog.status.text()

    for i in range(dialog.kinds.count()):  # nothing to ask: refused, nothing written
        dialog.kinds.item(i).setCheckState(Qt.CheckState.Unchecked)
    dialog.output.setText(str(tmp_path / "none.pdf"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "Tick at least one topic and one kind of question."
    assert not (tmp_path / "none.pdf").exists()


def test_the_window_keeps_answering_while_a_handout_is_written_and_esc_waits_for_it(qtbot, window, tmp_path):
    from PySide6.QtCore import QTimer

    _action(window, "Export briefing…").trigger()
    dialog = window.findChild(HandoutDialog)
    dialog.output.setText(str(tmp_path / "long.pdf"))
    seen: list[tuple[bool, bool]] = []

    def meanwhile():  # runs only if events are processed during the export
        seen.append((dialog.busy, dialog.export_button.isEnabled()))
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc while writing: the file is finished first

    QTimer.singleShot(0, meanwhile)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert seen == [(True, False)], "no event was handled while the briefing was laid out"
    assert dialog.isVisible() and dialog.export_button.isEnabled()
    assert len(PdfReader(str(tmp_path / "long.pdf")).pages) > 1
