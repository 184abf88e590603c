"""The progress page (issue 5 replaces this placeholder)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from quiz.workspace import Workspace
from ui.pages import PlaceholderPage


class ProgressPage(PlaceholderPage):
    #: (pack_id, question ids): practise these now.
    practice_requested = Signal(str, list)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__("Progress", "Your answers and what is due next.", parent)
        self.workspace = workspace
