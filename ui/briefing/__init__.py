"""The briefing page (issue 3 replaces this placeholder)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from quiz.workspace import Workspace
from ui.pages import PlaceholderPage


class BriefingPage(PlaceholderPage):
    #: (pack_id, topic_id): the user asked to be quizzed on one section's topic.
    quiz_requested = Signal(str, str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__("Briefing", workspace.pack().meta.summary, parent)
        self.workspace = workspace
