"""The main window: Briefing, Quiz and Progress pages behind one tab bar.

It only arranges pages, menus and shortcuts and remembers its geometry; every
page gets the :class:`~quiz.workspace.Workspace` and reads state from it.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QTabWidget, QWidget

from quiz.workspace import Workspace
from ui import theme
from ui.briefing import BriefingPage
from ui.progress import ProgressPage
from ui.quiz import QuizPage
from ui.settings import app_settings


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.settings = app_settings(workspace.root)
        self.pack = workspace.pack()
        self.setWindowTitle(f"{self.pack.meta.title} — Briefing Quiz")
        self.setMinimumSize(720, 480)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName("Main areas")
        self.briefing = BriefingPage(workspace)
        self.quiz = QuizPage(workspace)
        self.progress = ProgressPage(workspace)
        for page, label in ((self.briefing, "&Briefing"), (self.quiz, "&Quiz"), (self.progress, "&Progress")):
            self.tabs.addTab(page, label)
        self.setCentralWidget(self.tabs)
        self.briefing.quiz_requested.connect(self._quiz_topic)
        self.progress.practice_requested.connect(self._practise)
        self._build_menus()
        self.statusBar().showMessage(f"Source: {self.pack.meta.source_title}")
        self._restore_state()

    # -- menus ---------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.file_menu = self.menuBar().addMenu("&File")
        quit_action = QAction("&Quit", self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        view = self.view_menu = self.menuBar().addMenu("&View")
        for index, name in enumerate(("Briefing", "Quiz", "Progress")):
            action = QAction(f"Go to {name}", self, shortcut=QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _=False, i=index: self.tabs.setCurrentIndex(i))
            view.addAction(action)
        view.addSeparator()
        theme_menu = view.addMenu("&Theme")
        group = QActionGroup(self)
        current = self.settings.value("theme", "system")
        for name in theme.THEMES:
            action = QAction(name.title(), self, checkable=True, checked=name == current)
            action.triggered.connect(lambda _=False, n=name: self.set_theme(n))
            group.addAction(action)
            theme_menu.addAction(action)
        self.theme_actions = group

        help_menu = self.help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&About", self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _quiz_topic(self, pack_id: str, topic_id: str) -> None:
        self.tabs.setCurrentWidget(self.quiz)
        self.quiz.start_topic(pack_id, topic_id)

    def _practise(self, pack_id: str, question_ids: list[str]) -> None:
        self.tabs.setCurrentWidget(self.quiz)
        self.quiz.start_questions(pack_id, question_ids)

    def set_theme(self, name: str) -> None:
        self.settings.setValue("theme", name)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply(app, name)

    def _about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle("About Briefing Quiz")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(f"Briefing Quiz\n\nPack: {self.pack.meta.title}\nSource: {self.pack.meta.source_title}")
        box.exec()

    # -- window state ----------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        self.tabs.setCurrentIndex(int(self.settings.value("window/tab", 0)))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/tab", self.tabs.currentIndex())
        self.settings.sync()
        super().closeEvent(event)
