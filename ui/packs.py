"""Importing briefing packs from the GUI: a progress dialog, then the pack or every problem.

The import itself is :meth:`app.workspace.Workspace.import_pack` (all or
nothing, the same code as ``main.py import``). It runs on a worker thread so
the window keeps painting while a large pack is parsed and checked; this
module only shows its steps and its outcome.

The progress dialog always closes: on success, on a pack's problems, on any
other exception the worker meets, and when the person presses Cancel (or Esc)
while the import can still be stopped (cancelled means nothing was imported).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QThread, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.workspace import IMPORT_STEPS, Cancellation, Workspace
from content.model import Pack
from content.problems import ImportCancelled, PackError, Problem
from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.text import plain, tooltip

#: :data:`app.workspace.IMPORT_STEPS` (English, from the Qt-free core), marked here to be translated where shown.
STEP_NAMES = (QT_TRANSLATE_NOOP("ui.packs", "Checking the pack and copying it into the library"),
              QT_TRANSLATE_NOOP("ui.packs", "Storing the content"),
              QT_TRANSLATE_NOOP("ui.packs", "Done"))


class ImportWorker(QThread):
    """Runs one import off the UI thread and reports back through signals."""

    step = Signal(int, str)
    succeeded = Signal(object)  # Pack
    failed = Signal(object)  # PackError, or another exception with a readable message
    cancelled = Signal()

    def __init__(self, workspace: Workspace, source: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace, self.source = workspace, source
        self.cancellation = Cancellation()

    def run(self) -> None:
        try:
            pack = self.workspace.import_pack(self.source, self.step.emit, self.cancellation)
        except ImportCancelled:
            self.cancelled.emit()
        except Exception as exc:  # whatever happens, the dialog must close and say so
            self.failed.emit(exc)
        else:
            self.succeeded.emit(pack)


class ImportProgress(QDialog):
    """The import's steps, with a Cancel button that works until the library starts changing."""

    cancel_requested = Signal()

    def __init__(self, source: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("ui.packs", "Import briefing pack"))
        self.setWindowModality(Qt.WindowModality.WindowModal)  # one import at a time
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setText(translate("ui.packs", "Importing {folder}…").format(folder=source.name))
        self.bar = QProgressBar()
        self.bar.setRange(0, len(IMPORT_STEPS) - 1)
        self.bar.setAccessibleName(translate("ui.packs", "Import progress"))
        self.cancel_button = QPushButton(translate("ui.packs", "Cancel"))
        self.cancel_button.setToolTip(translate("ui.packs", "Stop the import; nothing is imported"))
        self.cancel_button.clicked.connect(self.cancel_requested.emit)
        buttons = QDialogButtonBox()
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self.finished_ok = False  # set before the import's own close, so closeEvent lets it through

    def reject(self) -> None:
        """Esc: the same as Cancel (the dialog closes once the import has stopped)."""
        self.cancel_requested.emit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.finished_ok:
            super().closeEvent(event)
        else:  # the title bar's close button: cancel, and close when the import has stopped
            event.ignore()
            self.cancel_requested.emit()

    def finish(self) -> None:
        self.finished_ok = True
        self.done(QDialog.DialogCode.Accepted)
        self.close()


def problem_text(problem: Problem) -> str:
    """A pack's problem in the interface's language: the common ones carry the template they were written from
    (content.validate marks them); the others are shown in English as the validator wrote them."""
    if problem.template:
        return translate("content.validate", problem.template).format(**dict(problem.fields))
    return problem.message


class WrappedCell(QStyledItemDelegate):
    """A cell as tall as its text wrapped to its column's width.

    QTreeView asks a delegate for a row's height without the column's width, so Qt's own delegate
    measures one line and the rest of a long message was cut off with "…"."""

    def __init__(self, tree: QTreeWidget):
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        width = self.tree.header().sectionSize(index.column()) - 2 * CELL_MARGIN
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        if width <= 0 or not text:
            return size
        height = option.fontMetrics.boundingRect(QRect(0, 0, width, 1_000_000), Qt.TextFlag.TextWordWrap,
                                                 text).height()
        return QSize(size.width(), max(size.height(), height + CELL_MARGIN))


#: Room left and right of a cell's text (the style's focus frame and text margins, rounded up).
CELL_MARGIN = 6


class ProblemsDialog(QDialog):
    """Every problem found in a pack, one row each, with where to fix it."""

    def __init__(self, error: PackError, source: Path, parent: QWidget | None = None, *, intro: str = ""):
        super().__init__(parent)
        self.setWindowTitle(translate("ui.packs", "Pack not imported"))
        self.error = error
        count = len(error.problems)
        if count == 1:
            found = translate("ui.packs", "{folder} was not imported: %n problem found. Nothing was changed. "
                              "Fix this in the pack's files and import it again.", "", count)
        else:
            found = translate("ui.packs", "{folder} was not imported: %n problems found. Nothing was changed. "
                              "Fix these in the pack's files and import it again.", "", count)
        intro_label = plain(intro or found.format(folder=source))
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(translate("ui.packs", "Problems"))
        self.tree.setHeaderLabels([translate("ui.packs", "File"), translate("ui.packs", "Line"),
                                   translate("ui.packs", "Where"), translate("ui.packs", "Problem")])
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        for problem in error.problems:
            text = problem_text(problem)
            item = QTreeWidgetItem([Path(problem.file).name, str(problem.line or ""), problem.key, text])
            item.setToolTip(0, tooltip(problem.file))  # the folder's name is the pack author's text too
            item.setToolTip(3, tooltip(text))  # the whole message, when the column elides it
            self.tree.addTopLevelItem(item)
        header = self.tree.header()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        # Each message whole, wrapped in its column: a row's height was measured once, before the column
        # had its width, and a long message was cut with "…" (the list's rows follow the column now).
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setItemDelegateForColumn(3, WrappedCell(self.tree))
        header.sectionResized.connect(lambda index, _old, _new: self.tree.scheduleDelayedItemsLayout()
                                      if index == 3 else None)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(translate("ui.packs", "&Copy all"))
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

    def __init__(self, parent: QWidget, workspace: Workspace, source: Path, on_done: Callable[[Pack], None],
                 on_cancelled: Callable[[], None] | None = None):
        self.parent, self.source, self.on_done = parent, Path(source), on_done
        self.on_cancelled = on_cancelled or (lambda: None)
        self.dialog: QDialog | None = None  # the problems or error dialog, when it failed
        self.done = False  # the worker has reported (success, failure or cancelled)
        self.cancelled = False
        self.progress = ImportProgress(self.source, parent)
        self.worker = ImportWorker(workspace, self.source, parent)
        self.worker.step.connect(self._step)
        self.worker.succeeded.connect(self._succeeded)
        self.worker.failed.connect(self._failed)
        self.worker.cancelled.connect(self._cancelled)
        self.worker.finished.connect(self._worker_finished)
        self.progress.cancel_requested.connect(self.cancel)
        self.progress.show()
        self.worker.start()

    def wait(self) -> None:
        """Block until the import has finished (the window is closing: never kill it half-way)."""
        if not self.worker.isFinished():
            self.worker.wait()

    def cancel(self) -> bool:
        """Stop the import if it has not started changing the library; True if it will stop."""
        if self.done:
            return False
        if not self.worker.cancellation.cancel():
            self.progress.label.setText(translate("ui.packs", "{folder}: almost done; it can no longer be cancelled…")
                                        .format(folder=self.source.name))
            self.progress.cancel_button.setEnabled(False)
            return False
        self.progress.label.setText(translate("ui.packs", "{folder}: cancelling…").format(folder=self.source.name))
        self.progress.cancel_button.setEnabled(False)
        return True

    def _step(self, index: int, what: str) -> None:
        self.progress.label.setText(translate("ui.packs", "{folder}: {step}…").format(
            folder=self.source.name, step=translate("ui.packs", what)))
        self.progress.bar.setValue(index)

    def _finish(self) -> None:
        self.done = True
        self.progress.finish()

    def _succeeded(self, pack: Pack) -> None:
        self._finish()
        self.on_done(pack)

    def _cancelled(self) -> None:
        self._finish()
        self.cancelled = True
        self.on_cancelled()

    def _worker_finished(self) -> None:
        """Last line of defence: the worker stopped without reporting; close and say so."""
        if not self.done:
            self._failed(RuntimeError(translate("ui.packs", "the import stopped unexpectedly; nothing was imported")))

    def _failed(self, error: Exception) -> None:
        self._finish()
        if isinstance(error, PackError):
            self.dialog = ProblemsDialog(error, self.source, self.parent)
        else:
            self.dialog = QDialog(self.parent)
            self.dialog.setWindowTitle(translate("ui.packs", "Import failed"))
            layout = QVBoxLayout(self.dialog)
            layout.addWidget(plain(translate("ui.packs", "{folder} was not imported: {reason}. Nothing was changed.")
                                   .format(folder=self.source, reason=error or type(error).__name__)))
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
            buttons.rejected.connect(self.dialog.reject)
            layout.addWidget(buttons)
        self.dialog.open()


def pack_label(pack: Pack) -> str:
    return f"{pack.meta.title} ({pack.id})"

