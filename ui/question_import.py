"""File → Import questions…: a trainer's question bank (GIFT, Moodle XML, CSV, Anki) into the pack on show.

The work is the facade's (``Workspace.import_questions``: read, merge into
pack.toml keeping its comments, re-import all or nothing); this module only
asks for the file, runs the import off the UI thread behind a busy dialog (a
bank of thousands of questions takes seconds), reports a failure through
:func:`ui.operations.run` (the one error path), announces the changed pack
through :class:`ui.state.AppState` so the briefing, quiz and progress pages
refresh, and shows the report. Everything in the report comes from an
untrusted file, so it is shown as plain text only.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QThread, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from quiz.interchange.merge import ImportReport
from quiz.interchange.readers import FORMAT_NAMES
from ui import i18n
from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.operations import run
from ui.state import AppState

if TYPE_CHECKING:
    from app.workspace import Workspace

#: The file chooser's filter: every format the importer reads first, then one per format.
FILTERS = (
    QT_TRANSLATE_NOOP("ui.question_import", "Question banks (*.gift *.txt *.xml *.csv *.apkg)"),
    QT_TRANSLATE_NOOP("ui.question_import", "Moodle GIFT (*.gift *.txt)"),
    QT_TRANSLATE_NOOP("ui.question_import", "Moodle XML (*.xml)"),
    QT_TRANSLATE_NOOP("ui.question_import", "Spreadsheet (CSV) (*.csv)"),
    QT_TRANSLATE_NOOP("ui.question_import", "Anki package (*.apkg)"),
)
FILE_FILTER = ";;".join(FILTERS)


def file_filter() -> str:
    """:data:`FILE_FILTER` in the interface's language."""
    return ";;".join(translate("ui.question_import", text) for text in FILTERS)


def report_lines(report: ImportReport) -> list[str]:
    """:meth:`ImportReport.lines` in the interface's language (what the file said stays as the file said it)."""
    count = i18n.number(report.count)
    fmt = FORMAT_NAMES.get(report.format, report.format)
    already = len(report.already)  # a name, not a call: pyside6-lupdate misses a plural whose count is a call
    if not report.count and report.already and not report.skipped:
        head = [translate("ui.question_import", "Nothing new in {file} ({format}): its %n question(s) are already in "
                          "pack {pack}, so none were added.", "", already)
                .format(file=report.file, format=fmt, pack=repr(report.pack_id))]
    elif report.skipped:
        head = [translate("ui.question_import", "{count} question(s) from {file} ({format}) are in pack {pack}; "
                          "{skipped} could not come in.").format(count=count, file=report.file, format=fmt,
                                                                 pack=repr(report.pack_id),
                                                                 skipped=i18n.number(len(report.skipped)))]
    else:
        head = [translate("ui.question_import", "{count} question(s) from {file} ({format}) are in pack {pack}.")
                .format(count=count, file=report.file, format=fmt, pack=repr(report.pack_id))]
    if report.already and (report.count or report.skipped):  # in the summary line, with what came in
        head[0] += " " + translate("ui.question_import", "%n question(s) were already in the pack and were not "
                                   "added again.", "", already)
    if report.new_topic:
        head.append(translate("ui.question_import", "Questions whose category matches no topic of the pack are in "
                              "the new topic {topic}.").format(topic=repr(report.new_topic)))
    out = head + [""]
    if report.added:
        out += [translate("ui.question_import", "Added:")] + [f"  {ident}: {prompt}" for ident, prompt in report.added]
        out += [""]
    if report.replaced:
        out += [translate("ui.question_import", "Replaced (imported before from a file of the same name):")]
        out += [f"  {ident}: {prompt}" for ident, prompt in report.replaced] + [""]
    if report.already:
        out += [translate("ui.question_import", "Already in the pack (not added again):")]
        out += [f"  {name}: {prompt}" for name, prompt in report.already] + [""]
    if report.skipped:
        out += [translate("ui.question_import", "Could not come in:")] + [f"  {item}" for item in report.skipped]
        out += [""]
    if report.notes:
        out += [translate("ui.question_import", "Left out of questions that came in:")]
        out += [f"  {note}" for note in report.notes] + [""]
    return out[:-1] if out and out[-1] == "" else out


class ImportReportDialog(QDialog):
    """What came in and what did not, and why: a summary line and the full report, both plain text."""

    def __init__(self, report: ImportReport, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("question-import-report")
        self.setWindowTitle(translate("ui.question_import", "Questions imported") if report.count
                            else translate("ui.question_import", "Nothing new to import")
                            if report.already and not report.skipped
                            else translate("ui.question_import", "No questions imported"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        lines = report_lines(report)
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


class ImportWorker(QThread):
    """Runs one question import off the UI thread and reports back through signals."""

    succeeded = Signal(object)  # ImportReport
    failed = Signal(object)  # the exception, said in words by ui.operations.run

    def __init__(self, workspace: Workspace, pack_id: str, path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace, self.pack_id, self.path = workspace, pack_id, path

    def run(self) -> None:
        try:
            report = self.workspace.import_questions(self.pack_id, self.path)
        except Exception as exc:  # whatever happens, the busy dialog must close and say so
            self.failed.emit(exc)
        else:
            self.succeeded.emit(report)


class BusyDialog(QDialog):
    """"Importing questions from …": window-modal (one import at a time), closes itself when it is done."""

    def __init__(self, path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("question-import-busy")
        self.setWindowTitle(translate("ui.question_import", "Import questions"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        label = QLabel(translate("ui.question_import", "Importing questions from {name}…").format(name=path.name))
        label.setTextFormat(Qt.TextFormat.PlainText)
        bar = QProgressBar()
        bar.setRange(0, 0)  # busy: the import has no steps worth counting
        bar.setAccessibleName(translate("ui.question_import", "Import progress"))
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(bar)
        self.setMinimumWidth(420)
        self.finished_ok = False

    def reject(self) -> None:
        """Esc: nothing (the import cannot stop half-way; it is all or nothing and soon done)."""

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.finished_ok:
            super().closeEvent(event)
        else:
            event.ignore()

    def finish(self) -> None:
        self.finished_ok = True
        self.done(QDialog.DialogCode.Accepted)


class QuestionImport:
    """One import from the GUI: the busy dialog while it runs, then the report, or the reason in words."""

    #: Imports under way (each keeps itself alive until its worker has reported).
    running: set[QuestionImport] = set()

    def __init__(self, parent: QWidget, state: AppState, path: Path):
        self.parent, self.state, self.path = parent, state, path
        self.pack_id = state.pack_id
        self.done = False
        self.report_dialog: ImportReportDialog | None = None
        self.busy = BusyDialog(path, parent)
        self.worker = ImportWorker(state.workspace, self.pack_id, path, parent)
        self.worker.succeeded.connect(self._succeeded)
        self.worker.failed.connect(self._failed)
        app = QCoreApplication.instance()
        if app is not None:  # quitting waits for the import: the pack is never left half-written
            app.aboutToQuit.connect(self.wait)
        QuestionImport.running.add(self)
        self.busy.show()
        self.worker.start()

    def wait(self) -> None:
        if not self.worker.isFinished():
            self.worker.wait()

    def _finish(self) -> None:
        self.done = True
        self.busy.finish()
        QuestionImport.running.discard(self)

    def _succeeded(self, report: ImportReport) -> None:
        self._finish()
        if report.count:
            self.state.set_pack(self.pack_id, force=True)  # the pack changed: every page shows it afresh
        self.report_dialog = ImportReportDialog(report, self.parent)
        self.report_dialog.open()

    def _failed(self, error: Exception) -> None:
        self._finish()

        def again() -> None:
            raise error

        # the one error path: the reason in words
        run(self.parent, translate("ui.question_import", "Importing questions"), again)


def choose_and_import(parent: QWidget, state: AppState) -> QuestionImport | None:
    """Ask for a question bank (starting in the folder used last time) and import it into the pack on show."""
    folder = str(state.setting("folders/questions", str(Path.home())))
    path, _ = QFileDialog.getOpenFileName(parent, translate("ui.question_import", "Import questions into “{title}”")
                                          .format(title=state.pack.meta.title), folder, file_filter())
    if not path:
        return None
    state.set_setting("folders/questions", str(Path(path).parent))
    return QuestionImport(parent, state, Path(path))
