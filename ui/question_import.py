"""File → Import questions…: a trainer's question bank (GIFT, Moodle XML, CSV, Anki) into the pack on show.

The work is the facade's (``Workspace.import_questions``: read, merge into
pack.toml keeping its comments, re-import all or nothing); this module only
asks for the file, runs it through :func:`ui.operations.run` (the one error
path), announces the changed pack through :class:`ui.state.AppState` so the
briefing, quiz and progress pages refresh, and shows the report. Everything in
the report comes from an untrusted file, so it is shown as plain text only.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from quiz.interchange.merge import ImportReport
from ui.operations import run
from ui.state import AppState

#: The file chooser's filter: every format the importer reads first, then one per format.
FILE_FILTER = ";;".join((
    "Question banks (*.gift *.txt *.xml *.csv *.apkg)",
    "Moodle GIFT (*.gift *.txt)",
    "Moodle XML (*.xml)",
    "Spreadsheet (CSV) (*.csv)",
    "Anki package (*.apkg)",
))


class ImportReportDialog(QDialog):
    """What came in and what did not, and why: a summary line and the full report, both plain text."""

    def __init__(self, report: ImportReport, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("question-import-report")
        self.setWindowTitle("Questions imported" if report.count else "No questions imported")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        lines = report.lines()
        self.summary = QLabel(lines[0])
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.details = QPlainTextEdit("\n".join(lines[1:]).strip("\n"))
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)


def choose_and_import(parent: QWidget, state: AppState) -> ImportReportDialog | None:
    """Ask for a question bank (starting in the folder used last time) and import it into the pack on show."""
    folder = str(state.setting("folders/questions", str(Path.home())))
    path, _ = QFileDialog.getOpenFileName(parent, f"Import questions into “{state.pack.meta.title}”", folder,
                                          FILE_FILTER)
    if not path:
        return None
    state.set_setting("folders/questions", str(Path(path).parent))
    return import_file(parent, state, Path(path))


def import_file(parent: QWidget, state: AppState, path: Path) -> ImportReportDialog | None:
    """Import ``path`` into the pack on show; on success refresh the pages and open the report."""
    pack_id = state.pack_id
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        report = run(parent, "Importing questions", lambda: state.workspace.import_questions(pack_id, path))
    finally:
        QApplication.restoreOverrideCursor()
    if report is None:
        return None
    if report.count:
        state.set_pack(pack_id, force=True)  # the pack changed: every page shows it afresh
    dialog = ImportReportDialog(report, parent)
    dialog.open()
    return dialog
