"""The trainer report dialog: pick learners' progress files, get a PDF (and CSV).

The numbers come from :func:`quiz.report.merge_files`, the same code as
``main.py report``; this dialog only collects the files and output path,
shows progress while files are read and says what was written.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UnreadableFiles
from app.workspace import Workspace
from content.model import Pack
from ui import i18n
from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.text import plain

PROGRESS_FILTER = QT_TRANSLATE_NOOP("ui.trainer_report", "Progress files (*.db *.sqlite *.sqlite3);;All files (*)")


def _learners(count: int) -> str:
    """"1 learner", "3 learners" (English's two forms chosen here, see ui.i18n; Japanese: 受講者 3 人)."""
    text = (translate("ui.trainer_report", "{count} learner") if count == 1 else
            translate("ui.trainer_report", "{count} learners"))
    return text.format(count=i18n.number(count))


def _answers(count: int) -> str:
    text = (translate("ui.trainer_report", "{count} answer") if count == 1 else
            translate("ui.trainer_report", "{count} answers"))
    return text.format(count=i18n.number(count))


class TrainerReportDialog(QDialog):
    """Files in, report out; the dialog stays open to show what happened."""

    def __init__(self, workspace: Workspace, pack: Pack, folder: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace, self.pack, self.folder = workspace, pack, folder
        self.setWindowTitle(translate("ui.trainer_report", "Trainer report"))
        self.written: list[Path] = []

        intro = plain(translate("ui.trainer_report", "Briefing: {title}. Add the progress files your learners "
                                "exported (each learner: File → Export my progress for the trainer…), and tick live "
                                "sessions run here. Their files are only read; a learner's file and its backup count "
                                "as one learner.").format(title=pack.meta.title))
        self.files = QListWidget()
        self.files.setAccessibleName(translate("ui.trainer_report", "Progress files"))
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        add = QPushButton(translate("ui.trainer_report", "&Add files…"))
        add.clicked.connect(self._choose_files)
        remove = QPushButton(translate("ui.trainer_report", "&Remove"))
        remove.clicked.connect(self._remove_selected)
        file_buttons = QVBoxLayout()
        file_buttons.addWidget(add)
        file_buttons.addWidget(remove)
        file_buttons.addStretch(1)
        file_row = QHBoxLayout()
        file_row.addWidget(self.files, 1)
        file_row.addLayout(file_buttons)

        self.live = QListWidget()
        self.live.setAccessibleName(translate("ui.trainer_report", "Live sessions"))
        for stored in workspace.live_sessions(pack.id):
            item = QListWidgetItem(translate("ui.trainer_report", "Live session {when} UTC — {learners}, {answers}")
                                   .format(when=stored.started_at[:16].replace('T', ' '),
                                           learners=_learners(stored.learners), answers=_answers(stored.answers)))
            item.setData(Qt.ItemDataRole.UserRole, stored.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.live.addItem(item)
        self.live.setMaximumHeight(110)
        self.live.setVisible(self.live.count() > 0)
        self.live.itemChanged.connect(lambda _item: self._enable())

        self.output = QLineEdit(str(folder / "trainer-report.pdf"))
        self.output.setAccessibleName(translate("ui.trainer_report", "Report PDF"))
        browse = QPushButton(translate("ui.trainer_report", "&Browse…"))
        browse.clicked.connect(self._choose_output)
        output_row = QHBoxLayout()
        output_row.addWidget(plain(translate("ui.trainer_report", "Save PDF as:"), selectable=False))
        output_row.addWidget(self.output, 1)
        output_row.addWidget(browse)
        self.csv = QCheckBox(translate("ui.trainer_report", "Also save the figures as &CSV beside it"))
        self.csv.setChecked(True)

        self.bar = QProgressBar()
        self.bar.setVisible(False)
        self.status = plain()
        self.status.setAccessibleName(translate("ui.trainer_report", "Report status"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.create_button = self.buttons.addButton(translate("ui.trainer_report", "Create &report"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setEnabled(False)
        self.create_button.clicked.connect(self.create_report)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(file_row, 1)
        layout.addWidget(self.live)
        layout.addLayout(output_row)
        layout.addWidget(self.csv)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(720, 440)

    # -- files ------------------------------------------------------------------------
    def add_files(self, paths: Sequence[str | Path]) -> None:
        known = set(self.paths())
        for path in map(Path, paths):
            if path not in known:
                item = QListWidgetItem(str(path))
                item.setData(Qt.ItemDataRole.UserRole, str(path))
                self.files.addItem(item)
                known.add(path)
        self._enable()

    def live_sessions(self) -> list[str]:
        return [self.live.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.live.count())
                if self.live.item(i).checkState() == Qt.CheckState.Checked]

    def _enable(self) -> None:
        self.create_button.setEnabled(self.files.count() > 0 or bool(self.live_sessions()))

    def paths(self) -> list[Path]:
        return [Path(self.files.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.files.count())]

    def _choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, translate("ui.trainer_report", "Learners' progress files"),
                                                str(self.folder), translate("ui.trainer_report", PROGRESS_FILTER))
        self.add_files(paths)

    def _remove_selected(self) -> None:
        for item in self.files.selectedItems():
            self.files.takeItem(self.files.row(item))
        self._enable()

    def _choose_output(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, translate("ui.trainer_report", "Save trainer report"),
                                              self.output.text(), "PDF (*.pdf)")
        if path:
            self.output.setText(path)

    # -- the report -----------------------------------------------------------------------
    def create_report(self) -> bool:
        """Read every file, then write the PDF (and CSV); say what was written or what is wrong."""
        from ui.report_pdf import write_report_pdf

        paths = self.paths()
        output = Path(self.output.text()).with_suffix(".pdf")
        self.bar.setRange(0, len(paths) + 1)
        self.bar.setVisible(True)
        self.written = []

        def step(index: int, path: Path) -> None:
            self.bar.setValue(index)
            self.status.setText(translate("ui.trainer_report", "Reading {name}…").format(name=path.name))
            self.status.repaint()

        try:
            report = self.workspace.trainer_report(paths, self.pack.id, step, live_sessions=self.live_sessions())
            if not report.learners:  # a report of nobody on nothing is no report (a tester got one, PDF and CSV)
                self.bar.setVisible(False)
                self.status.setText(translate("ui.trainer_report", "No report written: no learner in these files "
                                              "or sessions answered a question of this pack."))
                return False
            self.status.setText(translate("ui.trainer_report", "Writing the PDF…"))
            self.bar.setValue(len(paths))
            self.written.append(write_report_pdf(report, output))
            if self.csv.isChecked():
                csv_path = output.with_suffix(".csv")
                csv_path.write_text(report.to_csv(), encoding="utf-8")
                self.written.append(csv_path)
        except UnreadableFiles as exc:
            self.bar.setVisible(False)
            self.status.setText(translate("ui.trainer_report", "No report written. These files could not be read:")
                                + "\n" + "\n".join(exc.problems))
            return False
        except OSError as exc:
            self.bar.setVisible(False)
            self.status.setText(translate("ui.trainer_report", "No report written: {reason}").format(reason=exc))
            return False
        self.bar.setValue(len(paths) + 1)
        questions = len(report.items)
        questions_text = (translate("ui.trainer_report", "{count} question") if questions == 1 else
                          translate("ui.trainer_report", "{count} questions")).format(count=i18n.number(questions))
        done = translate("ui.trainer_report", "Report on {learners} and {questions} written to:")
        silent = report.joined_without_answering
        left_out = ("\n" + (translate("ui.trainer_report", "{count} more learner joined without answering and is "
                                      "not counted.") if silent == 1 else
                            translate("ui.trainer_report", "{count} more learners joined without answering and are "
                                      "not counted.")).format(count=i18n.number(silent))) if silent else ""
        self.status.setText(done.format(learners=_learners(len(report.learners)), questions=questions_text)
                            + left_out + "\n" + "\n".join(map(str, self.written)))
        return True
