"""Learner profiles on one laptop: pick, create, rename, delete (with confirmation)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QInputDialog, QLabel, QMessageBox, QPushButton, QWidget

from db.errors import StoreError
from db.learners import LearnerNameError, create_learner, delete_learner, list_learners, rename_learner
from quiz.workspace import Workspace
from ui.messages import warn


class LearnerBar(QWidget):
    """Switching learner changes whose answers are recorded and shown."""

    changed = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        #: called before a profile is deleted (the main window takes a backup); False stops the deletion
        self.before_delete: Callable[[], bool] | None = None
        self.combo = QComboBox()
        self.combo.setAccessibleName("Learner")
        self.combo.setMinimumContentsLength(16)
        label = QLabel("&Learner:")
        label.setBuddy(self.combo)
        self.new_button = QPushButton("&New…")
        self.rename_button = QPushButton("Rena&me…")
        self.delete_button = QPushButton("&Delete…")
        self.new_button.setAccessibleName("New learner")
        self.rename_button.setAccessibleName("Rename learner")
        self.delete_button.setAccessibleName("Delete learner")
        self.new_button.clicked.connect(self.create)
        self.rename_button.clicked.connect(self.rename)
        self.delete_button.clicked.connect(self.delete)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (label, self.combo, self.new_button, self.rename_button, self.delete_button):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.combo.activated.connect(self._picked)
        self.reload()

    def reload(self) -> None:
        self.combo.blockSignals(True)
        self.combo.clear()
        for row in list_learners(self.workspace.progress):
            self.combo.addItem(row["name"], row["id"])
        self.combo.setCurrentIndex(self.combo.findData(self.workspace.learner_id))
        self.combo.blockSignals(False)
        self.delete_button.setEnabled(self.combo.count() > 1)

    def select(self, learner_id: int) -> None:
        self.workspace.learner_id = learner_id
        self.reload()
        self.changed.emit()

    def _picked(self, index: int) -> None:
        learner_id = self.combo.itemData(index)
        if learner_id is not None and learner_id != self.workspace.learner_id:
            self.select(int(learner_id))

    def _ask_name(self, title: str, text: str = "") -> str | None:
        name, ok = QInputDialog.getText(self, title, "Name:", text=text)
        return name if ok else None

    def create(self) -> None:
        name = self._ask_name("New learner")
        if name is None:
            return
        try:
            learner_id = create_learner(self.workspace.progress, name)
        except LearnerNameError as exc:
            QMessageBox.warning(self, "New learner", str(exc))
            return
        except StoreError as exc:
            warn(self, "New learner", str(exc))
            return
        self.select(learner_id)

    def rename(self) -> None:
        name = self._ask_name("Rename learner", self.combo.currentText())
        if name is None:
            return
        try:
            rename_learner(self.workspace.progress, self.workspace.learner_id, name)
        except LearnerNameError as exc:
            QMessageBox.warning(self, "Rename learner", str(exc))
            return
        except StoreError as exc:
            warn(self, "Rename learner", str(exc))
            return
        self.reload()
        self.changed.emit()

    def delete(self) -> None:
        if self.combo.count() < 2:
            return
        name = self.combo.currentText()
        answer = QMessageBox.question(
            self, "Delete learner",
            f"Delete “{name}” and all of their answers and progress?\n\n"
            "A backup is taken first, so this can be undone with File → Restore backup.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self.before_delete and not self.before_delete():
            return  # no backup, no deletion: it could not be undone (the backup's failure was said)
        try:
            delete_learner(self.workspace.progress, self.workspace.learner_id)
        except StoreError as exc:
            warn(self, "Delete learner", f"“{name}” was not deleted. {exc}")
            return
        remaining = list_learners(self.workspace.progress)
        self.select(int(remaining[0]["id"]))
