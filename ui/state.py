"""What every page depends on, in one object that announces its changes.

The briefing pack on show, the learner whose answers are recorded, the
progress in the store, and the settings: pages read them here and subscribe to
the signals, so no window pokes another page's attributes and nothing is
refreshed by hand (qutebrowser keeps its settings this way; Anki refreshes its
screens on a hook after each operation).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QSettings, Signal

from app.workspace import Workspace
from content.model import Pack


class AppState(QObject):
    pack_changed = Signal(str)  # pack id
    learner_changed = Signal(int)  # learner id
    #: answers, read marks, a restore, a learner's rename: what the stores hold changed
    progress_changed = Signal()
    settings_changed = Signal(str)  # the key

    def __init__(self, workspace: Workspace, settings: QSettings, parent: QObject | None = None):
        super().__init__(parent)
        self.workspace, self.settings = workspace, settings
        wanted = settings.value("pack")
        ids = workspace.pack_ids()
        self._pack_id = wanted if isinstance(wanted, str) and wanted in ids else ids[0]
        remembered = settings.value("learner")
        for row in workspace.learners() if not workspace.read_only else ():
            if row["name"] == remembered:
                workspace.switch_learner(int(row["id"]))

    # -- the pack -----------------------------------------------------------------------------
    @property
    def pack_id(self) -> str:
        return self._pack_id

    @property
    def pack(self) -> Pack:
        return self.workspace.pack(self._pack_id)

    def set_pack(self, pack_id: str, *, force: bool = False) -> bool:
        """Show another briefing (``force``: the same one, re-imported); remembered for the next start."""
        if pack_id not in self.workspace.pack_ids() or (pack_id == self._pack_id and not force):
            return False
        self._pack_id = pack_id
        self.settings.setValue("pack", pack_id)
        self.pack_changed.emit(pack_id)
        return True

    # -- the learner ----------------------------------------------------------------------------
    @property
    def learner_id(self) -> int:
        return self.workspace.current_learner

    def switch_learner(self, learner_id: int) -> None:
        self.workspace.switch_learner(learner_id)
        self._learner_now()

    def _learner_now(self) -> None:
        self.settings.setValue("learner", self.workspace.learner_name())
        self.learner_changed.emit(self.learner_id)

    def learners_changed(self) -> None:
        """A learner was created, renamed or deleted, or a backup restored: whoever is current now."""
        self._learner_now()
        self.progress_changed.emit()

    # -- settings -------------------------------------------------------------------------------
    def setting(self, key: str, default: Any = None) -> Any:
        return self.settings.value(key, default)

    def set_setting(self, key: str, value: Any) -> None:
        self.settings.setValue(key, value)
        self.settings_changed.emit(key)
