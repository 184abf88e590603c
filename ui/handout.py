"""Export dialogs for handouts: the briefing, the one-page brief, and the quiz on paper.

The documents are built and laid out by the facade (``Workspace.export_handout``
and ``Workspace.export_paper_quiz``: reportlab and python-docx, no Qt), the
same code as ``main.py export``. These dialogs only choose the format, the
paper (A4, or US Letter where the locale is the US or Canada), the topics,
kinds and number of questions, and where to save: in the folder of the last
export (remembered like the quiz exports' folder), under a name made of the
pack and the day (``sanaenomics-briefing-2026-11-25.pdf``). They stay open to
say what was written, what a brief left out to fit one page, and the exam code.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import ExamCodeError
from app.handouts import (
    FORMAT_NAMES,
    FORMATS,
    KINDS,
    MAX_COUNT,
    PAPER_NAMES,
    PaperQuizFiles,
    Written,
    file_name,
    paper_for,
    territory_of,
)
from app.workspace import Workspace
from content.model import Pack
from ui import i18n
from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.text import plain

#: The settings key of the folder every export starts in (shared with the quiz exports).
FOLDER_KEY = "folders/export"
PAPER_KEY = "handouts/paper"
TITLES = {"briefing": QT_TRANSLATE_NOOP("ui.handout", "Export briefing"),
          "brief": QT_TRANSLATE_NOOP("ui.handout", "Export one-page brief")}
KIND_NAMES = {"choice": QT_TRANSLATE_NOOP("ui.handout", "Choose one"),
              "scenario": QT_TRANSLATE_NOOP("ui.handout", "Scenario"),
              "truefalse": QT_TRANSLATE_NOOP("ui.handout", "True or false"),
              "numeric": QT_TRANSLATE_NOOP("ui.handout", "Number"),
              "text": QT_TRANSLATE_NOOP("ui.handout", "Typed answer"),
              "matching": QT_TRANSLATE_NOOP("ui.handout", "Matching"),
              "multi": QT_TRANSLATE_NOOP("ui.handout", "Select all that apply"),
              "order": QT_TRANSLATE_NOOP("ui.handout", "Put in order"),
              "classify": QT_TRANSLATE_NOOP("ui.handout", "Sort into categories")}
#: Paper sizes as the Paper list names them (A4 is A4 everywhere).
PAPER_LABELS = {"a4": QT_TRANSLATE_NOOP("ui.handout", "A4"), "letter": QT_TRANSLATE_NOOP("ui.handout", "US Letter")}


def written_text(written: Written) -> str:
    """What an export wrote, in the interface's language: the file, its pages, what the brief left out."""
    if not written.pages:
        pages = ""
    elif written.pages == 1:
        pages = translate("ui.handout", " ({pages} page)")
    else:
        pages = translate("ui.handout", " ({pages} pages)")
    left = translate("ui.handout", " Left out to fit one page: {parts}.") if written.dropped else ""
    return translate("ui.handout", "Saved {path}{pages}.{left}").format(
        path=written.path, pages=pages.format(pages=i18n.number(written.pages or 0)),
        left=left.format(parts="; ".join(written.dropped)))


def paper_quiz_text(files: PaperQuizFiles) -> str:
    text = translate("ui.handout", "Saved the question sheet {sheet} and the answer key {key}: {count} questions, "
                     "exam code {code}.").format(sheet=files.sheet, key=files.key,
                                                 count=i18n.number(files.questions), code=files.code)
    if files.questions < files.asked:  # a small pack: said, as the app's exam title says it
        text += " " + translate("ui.handout", "{asked} were asked for: {count} is all this pack can ask in one exam "
                                              "without one question giving another's answer away.").format(
            asked=i18n.number(files.asked), count=i18n.number(files.questions))
    return text


def locale_paper() -> str:
    """US Letter for the United States and Canada, else A4 (from the system locale)."""
    return paper_for(territory_of(QLocale.system().name()))


def export_folder(settings: QSettings) -> Path:
    return Path(str(settings.value(FOLDER_KEY, str(Path.home()))))


class _ExportDialog(QDialog):
    """What every handout dialog has: paper, where to save, a status line, the export button."""

    def __init__(self, workspace: Workspace, pack: Pack, settings: QSettings, title: str, button: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace, self.pack, self.settings = workspace, pack, settings
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.paper = QComboBox()
        self.paper.setAccessibleName(translate("ui.handout", "Paper"))
        for key, name in PAPER_NAMES.items():
            self.paper.addItem(translate("ui.handout", PAPER_LABELS[key]) if key in PAPER_LABELS else name, key)
        remembered = self.paper.findData(str(settings.value(PAPER_KEY, locale_paper())))
        self.paper.setCurrentIndex(remembered if remembered >= 0 else self.paper.findData(locale_paper()))
        self.output = QLineEdit()
        self.output.setAccessibleName(translate("ui.handout", "Save as"))
        browse = self.browse = QPushButton(translate("ui.handout", "&Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.output, 1)
        row.addWidget(browse)
        self.output_row = row
        self.status = plain()
        self.status.setAccessibleName(translate("ui.handout", "Export status"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        self.busy = False
        self._answered = 0.0
        self.handout = "briefing"  # what the file is named after when "Save as" is left empty

    @contextmanager
    def writing(self) -> Iterator[None]:
        """While a handout is laid out: the buttons wait, and the window keeps answering (see :meth:`tick`)."""
        self.busy = True
        self.status.setText(translate("ui.handout", "Writing…"))
        for widget in (self.buttons, self.browse, self.output):
            widget.setEnabled(False)
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        try:
            yield
        finally:
            QApplication.restoreOverrideCursor()
            for widget in (self.buttons, self.browse, self.output):
                widget.setEnabled(True)
            self.busy = False

    def tick(self) -> None:
        """Called after every part of the handout laid out: a 200-page briefing takes a while."""
        now = time.monotonic()
        if now - self._answered > 0.05:
            self._answered = now
            QApplication.processEvents()

    def reject(self) -> None:
        if not self.busy:  # Esc while writing: the file is finished first
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.busy:
            event.ignore()
        else:
            super().closeEvent(event)

    def finish_layout(self) -> None:
        self.form.addRow(translate("ui.handout", "&Paper:"), self.paper)
        # a row holding a layout gets no buddy by itself: "&" would show
        save_as = QLabel(translate("ui.handout", "&Save as:"))
        save_as.setBuddy(self.output)
        self.form.addRow(save_as, self.output_row)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(640, self.sizeHint().height())

    def suggested(self, what: str, suffix: str) -> str:
        return str(export_folder(self.settings) / file_name(self.pack.id, what, date.today(), suffix))

    def filter(self) -> str:
        return "PDF (*.pdf)"

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.windowTitle(), self.output.text(), self.filter())
        if path:
            self.output.setText(path)

    def target(self, suffix: str) -> Path:
        path = Path(self.output.text().strip() or self.suggested(self.handout, suffix))
        return path if path.suffix.lower() == suffix else path.with_suffix(suffix)

    def remember(self, path: Path) -> None:
        self.settings.setValue(FOLDER_KEY, str(path.parent))
        self.settings.setValue(PAPER_KEY, self.paper.currentData())

    def export(self) -> object:  # overridden
        raise NotImplementedError


class HandoutDialog(_ExportDialog):
    """The briefing (``what="briefing"``) or the one-page brief (``"brief"``) as PDF, Word or Markdown."""

    def __init__(self, workspace: Workspace, pack: Pack, settings: QSettings, what: str,
                 parent: QWidget | None = None):
        super().__init__(workspace, pack, settings, translate("ui.handout", TITLES[what]),
                         translate("ui.handout", "&Export"), parent)
        self.what = self.handout = what
        self.format = QComboBox()
        self.format.setAccessibleName(translate("ui.handout", "Format"))
        for key, name in FORMAT_NAMES.items():
            self.format.addItem(name, key)
        self.written: Written | None = None
        self.format.currentIndexChanged.connect(self._format_changed)
        intro = (translate("ui.handout", "The whole briefing: sections, figures with their outlets, charts, tables, "
                           "timeline, glossary and sources.") if what == "briefing" else
                 translate("ui.handout", "One page to hand across a table: key figures with their outlets, the "
                           "comparison, the lists and what to watch. If the pack is too long, the least important "
                           "parts are left out and named here."))
        self.form.addRow(plain(intro))
        self.form.addRow(translate("ui.handout", "&Format:"), self.format)
        self.output.setText(self.suggested(what, ".pdf"))
        self.finish_layout()

    def filter(self) -> str:
        fmt = self.format.currentData()
        return f"{FORMAT_NAMES[fmt]} (*{FORMATS[fmt]})"

    def _format_changed(self) -> None:
        fmt = self.format.currentData()
        self.paper.setEnabled(fmt != "markdown")
        text = self.output.text().strip()
        if text:
            self.output.setText(str(Path(text).with_suffix(FORMATS[fmt])))

    def export(self) -> Path | None:
        """Write the handout; the status line says where, its pages, and what a brief left out."""
        fmt = self.format.currentData()
        target = self.target(FORMATS[fmt])
        try:
            with self.writing():
                written = self.workspace.export_handout(self.what, fmt, target, self.pack.id,
                                                        paper=self.paper.currentData(), tick=self.tick)
        except (OSError, ValueError) as exc:
            self.status.setText(translate("ui.handout", "Nothing was written: {reason}").format(reason=exc))
            return None
        self.remember(target)
        self.status.setText(written_text(written))
        self.written = written
        return written.path


class PaperQuizDialog(_ExportDialog):
    """A question sheet and its answer key with one exam code, for a room without laptops."""

    def __init__(self, workspace: Workspace, pack: Pack, settings: QSettings, parent: QWidget | None = None):
        super().__init__(workspace, pack, settings, translate("ui.handout", "Print quiz on paper"),
                         translate("ui.handout", "&Create sheet and key"), parent)
        self.handout = "quiz-sheet"
        self.topics = self._checklist(translate("ui.handout", "Topics"), [(t.id, t.title) for t in pack.topics])
        present = {str(q.kind) for q in workspace.questions(pack.id)}
        self.kinds = self._checklist(translate("ui.handout", "Kinds of question"),
                                     [(str(k), translate("ui.handout", KIND_NAMES[str(k)]) if str(k) in KIND_NAMES
                                       else str(k)) for k in KINDS if str(k) in present])
        self.count = QSpinBox()
        self.count.setRange(1, MAX_COUNT)
        self.count.setValue(20)
        self.count.setAccessibleName(translate("ui.handout", "Number of questions"))
        self.code = QLineEdit()
        self.code.setPlaceholderText(translate("ui.handout", "a new code"))
        self.code.setAccessibleName(translate("ui.handout", "Exam code"))
        self.code.setToolTip(translate("ui.handout", "Type the code of an exam to print the same questions again"))
        self.form.addRow(plain(translate("ui.handout", "With every topic and kind ticked, the questions the app's "
                                         "Exam asks for the same code: one question per fact, topics mixed. Fewer "
                                         "ticked narrow the sheet (the same code and ticks print it again). The "
                                         "answer key is saved beside the sheet (…-key.pdf).")))
        self.form.addRow(translate("ui.handout", "&Topics:"), self.topics)
        self.form.addRow(translate("ui.handout", "&Kinds:"), self.kinds)
        self.form.addRow(translate("ui.handout", "&Questions:"), self.count)
        self.form.addRow(translate("ui.handout", "Exam &code:"), self.code)
        self.output.setText(self.suggested("quiz-sheet", ".pdf"))
        self.finish_layout()
        self.files: PaperQuizFiles | None = None

    def _checklist(self, name: str, entries: list[tuple[str, str]]) -> QListWidget:
        widget = QListWidget()
        widget.setAccessibleName(name)
        for key, title in entries:
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            widget.addItem(item)
        widget.setMaximumHeight(22 * min(7, len(entries)) + 8)
        return widget

    @staticmethod
    def checked(widget: QListWidget) -> list[str]:
        """Checked keys; none when all are checked (no choice: the whole bank, as the app's Exam)."""
        items = [widget.item(i) for i in range(widget.count())]
        keys = [i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked]
        return [] if len(keys) == len(items) else keys

    def export(self) -> Path | None:
        target = self.target(".pdf")
        topics, kinds = self.checked(self.topics), self.checked(self.kinds)
        if (not topics and self.topics.count() and all(self.topics.item(i).checkState() != Qt.CheckState.Checked
                                                       for i in range(self.topics.count()))) or (
                not kinds and all(self.kinds.item(i).checkState() != Qt.CheckState.Checked
                                  for i in range(self.kinds.count()))):
            self.status.setText(translate("ui.handout", "Tick at least one topic and one kind of question."))
            return None
        try:
            with self.writing():
                files = self.workspace.export_paper_quiz(
                    target, self.pack.id, code=self.code.text().strip() or None, count=self.count.value(),
                    topics=topics, kinds=kinds, paper=self.paper.currentData(), tick=self.tick)
        except (ExamCodeError, ValueError, OSError) as exc:
            self.status.setText(translate("ui.handout", "Nothing was written: {reason}").format(reason=exc))
            return None
        self.remember(target)
        self.files = files
        self.code.setText(files.code)  # printing again gives the same questions
        self.status.setText(paper_quiz_text(files))
        return files.sheet
