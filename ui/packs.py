"""Importing briefing packs from the GUI: a progress dialog, then the pack or every problem.

The import itself is :meth:`quiz.workspace.Workspace.import_pack` (all or
nothing, the same code as ``main.py import``). It runs on a worker thread so
the window keeps painting while a large pack is parsed and checked; this
module only shows its steps and its outcome.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QThread, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QProgressDialog,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from content.model import Pack
from content.problems import PackError
from quiz.workspace import IMPORT_STEPS, Workspace
from ui.text import plain


class ImportWorker(QThread):
    """Runs one import off the UI thread and reports back through signals."""

    step = Signal(int, str)
    succeeded = Signal(object)  # Pack
    failed = Signal(object)  # PackError, or another exception with a readable message

    def __init__(self, workspace: Workspace, source: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace, self.source = workspace, source

    def run(self) -> None:
        try:
            pack = self.workspace.import_pack(self.source, self.step.emit)
        except (PackError, OSError, sqlite3.Error) as exc:
            self.failed.emit(exc)
        else:
            self.succeeded.emit(pack)


class ProblemsDialog(QDialog):
    """Every problem found in a pack, one row each, with where to fix it."""

    def __init__(self, error: PackError, source: Path, parent: QWidget | None = None, *, intro: str = ""):
        super().__init__(parent)
        self.setWindowTitle("Pack not imported")
        self.error = error
        count = len(error.problems)
        intro_label = plain(intro or f"{source} was not imported: {count} problem{'s' if count != 1 else ''} "
                            "found. Nothing was changed. Fix these in the pack's files and import it again.")
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Problems")
        self.tree.setHeaderLabels(["File", "Line", "Where", "Problem"])
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        for problem in error.problems:
            item = QTreeWidgetItem([Path(problem.file).name, str(problem.line or ""), problem.key, problem.message])
            item.setToolTip(0, problem.file)
            self.tree.addTopLevelItem(item)
        header = self.tree.header()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton("&Copy all")
        copy.clicked.connect(self.copy_all)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro_label)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(820, 420)

    def copy_all(self) -> None:
        """The problems as text, for an e-mail to whoever wrote the pack."""
        QGuiApplication.clipboard().setText(str(self.error))


class PackImport:
    """One import from the GUI: progress dialog while it runs, then ``on_done`` or the problems."""

    def __init__(self, parent: QWidget, workspace: Workspace, source: Path, on_done: Callable[[Pack], None]):
        self.parent, self.source, self.on_done = parent, Path(source), on_done
        self.dialog: QDialog | None = None  # the problems or error dialog, when it failed
        self.done = False  # the worker has reported (success or failure)
        self.progress = QProgressDialog(f"Importing {self.source.name}…", "", 0, len(IMPORT_STEPS) - 1, parent)
        self.progress.setWindowTitle("Import briefing pack")
        self.progress.setCancelButton(None)  # all or nothing: there is no half-way point to stop at
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)  # one import at a time
        self.worker = ImportWorker(workspace, self.source, parent)
        self.worker.step.connect(self._step)
        self.worker.succeeded.connect(self._succeeded)
        self.worker.failed.connect(self._failed)
        self.progress.show()
        self.worker.start()

    def wait(self) -> None:
        """Block until the import has finished (the window is closing: never kill it half-way)."""
        if not self.done:
            self.worker.wait()

    def _step(self, index: int, what: str) -> None:
        self.progress.setLabelText(f"{self.source.name}: {what}…")
        self.progress.setValue(index)

    def _succeeded(self, pack: Pack) -> None:
        self.done = True
        self.progress.close()
        self.on_done(pack)

    def _failed(self, error: Exception) -> None:
        self.done = True
        self.progress.close()
        if isinstance(error, PackError):
            self.dialog = ProblemsDialog(error, self.source, self.parent)
        else:
            self.dialog = QDialog(self.parent)
            self.dialog.setWindowTitle("Import failed")
            layout = QVBoxLayout(self.dialog)
            layout.addWidget(plain(f"{self.source} was not imported: {error}"))
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
            buttons.rejected.connect(self.dialog.reject)
            layout.addWidget(buttons)
        self.dialog.open()


def pack_label(pack: Pack) -> str:
    return f"{pack.meta.title} ({pack.id})"

