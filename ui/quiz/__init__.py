"""The quiz page (issue 4 replaces this placeholder)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from quiz.workspace import Workspace
from ui.pages import PlaceholderPage


class QuizPage(PlaceholderPage):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__("Quiz", "Test yourself on the briefing.", parent)
        self.workspace = workspace

    def start_topic(self, pack_id: str, topic_id: str) -> None:
        """Start a quiz on one topic (wired from the briefing's "Quiz me on this")."""

    def start_questions(self, pack_id: str, question_ids: list[str]) -> None:
        """Practise exactly these questions (wired from the dashboard's hardest questions)."""
