"""Learner profiles on one laptop: pick, create, rename, delete (with confirmation)."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QInputDialog, QLabel, QPushButton, QWidget

from app.workspace import DEFAULT_LEARNER
from ui import operations
from ui.accessible import press_on_enter
from ui.i18n import translate
from ui.state import AppState


def shown_name(name: str | None) -> str:
    """A learner's name as the interface shows it: the profile every store starts with is stored as "Me"
    (its name in the database and in exported files never changes) and shown in the interface's language."""
    if name == DEFAULT_LEARNER:
        return translate("ui.progress.learners", "Me")
    return name or ""


class LearnerBar(QWidget):
    """Switching learner changes whose answers are recorded and shown (every page follows :class:`AppState`)."""

    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self.workspace = state.workspace
        self.combo = QComboBox()
        self.combo.setAccessibleName(translate("ui.progress.learners", "Learner"))
        self.combo.setMinimumContentsLength(16)
        label = QLabel(translate("ui.progress.learners", "&Learner:"))
        label.setBuddy(self.combo)
        self.new_button = QPushButton(translate("ui.progress.learners", "&New…"))
        self.rename_button = QPushButton(translate("ui.progress.learners", "Rena&me…"))
        self.delete_button = QPushButton(translate("ui.progress.learners", "&Delete…"))
        self.new_button.setAccessibleName(translate("ui.progress.learners", "New learner"))
        self.rename_button.setAccessibleName(translate("ui.progress.learners", "Rename learner"))
        self.delete_button.setAccessibleName(translate("ui.progress.learners", "Delete learner"))
        press_on_enter(self.new_button, self.rename_button, self.delete_button)
        self.new_button.clicked.connect(self.new_learner)
        self.rename_button.clicked.connect(self.rename)
        self.delete_button.clicked.connect(self.delete)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (label, self.combo, self.new_button, self.rename_button, self.delete_button):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.combo.activated.connect(self._picked)
        state.learner_changed.connect(lambda _learner: self.reload())
        state.progress_changed.connect(self._progress_changed)
        self._stale = False
        self.reload()

    def _progress_changed(self) -> None:
        """A restored backup may hold other learners; an answer never does. Read them again now if the
        bar is on screen, else when it shows: every answer given on the Quiz page announces a change."""
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self) -> None:
        self._stale = False
        self.combo.blockSignals(True)
        self.combo.clear()
        for row in self.workspace.learners():
            self.combo.addItem(shown_name(row["name"]), row["id"])
        self.combo.setCurrentIndex(self.combo.findData(self.state.learner_id))
        self.combo.blockSignals(False)
        self.delete_button.setEnabled(self.combo.count() > 1)

    def select(self, learner_id: int) -> None:
        operations.run(self, translate("ui.progress.learners", "Switching learner"),
                       lambda: self.state.switch_learner(learner_id))

    def _picked(self, index: int) -> None:
        learner_id = self.combo.itemData(index)
        if learner_id is not None and learner_id != self.state.learner_id:
            self.select(int(learner_id))

    def _ask_name(self, title: str, text: str = "") -> str | None:
        name, ok = QInputDialog.getText(self, title, translate("ui.progress.learners", "Name:"), text=text)
        return name if ok else None

    def new_learner(self) -> None:
        name = self._ask_name(translate("ui.progress.learners", "New learner"))
        if name is not None:
            operations.run(self, translate("ui.progress.learners", "New learner"),
                           lambda: self.workspace.create_learner(name),
                           changed=self.state.learners_changed)

    def rename(self) -> None:
        shown = self.combo.currentText()
        name = self._ask_name(translate("ui.progress.learners", "Rename learner"), shown)
        if name == shown:
            return  # unchanged: the default profile keeps its stored name, whatever language shows it
        if name is not None:
            operations.run(self, translate("ui.progress.learners", "Rename learner"),
                           lambda: self.workspace.rename_learner(name),
                           changed=self.state.learners_changed)

    def delete(self) -> None:
        """After asking: a backup is taken first (no backup, no deletion), then the profile goes."""
        if self.combo.count() < 2:
            return
        name = self.combo.currentText()
        if not operations.confirm(self, translate("ui.progress.learners", "Delete learner"),
                                  translate("ui.progress.learners",
                                            "Delete “{name}” and all of their answers and progress?\n\n"
                                            "A backup is taken first, so this can be undone with File → Restore "
                                            "backup.").format(name=name)):
            return
        operations.run(self, translate("ui.progress.learners", "Deleting “{name}”").format(name=name),
                       self.workspace.delete_learner,
                       changed=self.state.learners_changed)
