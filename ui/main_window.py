"""The main window: Briefing, Quiz and Progress pages behind one tab bar.

It only arranges pages, menus and shortcuts and remembers its geometry; every
page gets the :class:`~quiz.workspace.Workspace` and reads state from it.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMenu, QMessageBox, QTabWidget, QWidget

from quiz.workspace import Workspace
from ui import theme
from ui.briefing import BriefingPage
from ui.progress import ProgressPage
from ui.quiz import QuizPage
from ui.safety import DataSafety
from ui.settings import app_settings

BASE_POINT_SIZE: float | None = None


def apply_text_size(step: int) -> None:
    """Application font = the platform default plus ``step`` points."""
    global BASE_POINT_SIZE
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    font = app.font()
    if BASE_POINT_SIZE is None:
        BASE_POINT_SIZE = font.pointSizeF()
    font.setPointSizeF(BASE_POINT_SIZE + step)
    app.setFont(font)


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.settings = app_settings(workspace.root)
        self.pack = workspace.pack()
        self.setWindowTitle(f"{self.pack.meta.title} — Briefing Quiz")
        self.setMinimumSize(720, 480)

        self._restore_learner()
        apply_text_size(int(self.settings.value("text_size", 0)))
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
        self.progress.learner_changed.connect(self._learner_changed)
        self.safety = DataSafety(self, workspace, on_restored=self._progress_replaced)
        self.progress.learners.before_delete = self.safety.back_up_now
        self._build_menus()
        self.statusBar().showMessage(f"Source: {self.pack.meta.source_title}")
        self._restore_state()
        QTimer.singleShot(0, self.safety.offer_recovery)  # after the window is up

    # -- menus ---------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.file_menu = self.menuBar().addMenu("&File")
        export_pdf = QAction("Export briefing as &PDF…", self, shortcut=QKeySequence("Ctrl+Shift+P"))
        export_pdf.triggered.connect(self.export_pdf)
        export_png = QAction("Export chart as P&NG…", self)
        export_png.triggered.connect(lambda: self.export_chart("png"))
        export_svg = QAction("Export chart as &SVG…", self)
        export_svg.triggered.connect(lambda: self.export_chart("svg"))
        for action in (export_pdf, export_png, export_svg):
            file_menu.addAction(action)
        file_menu.addSeparator()
        self.help_menu = QMenu("&Help", self)  # added to the menu bar last, below
        self.safety.install(file_menu, self.help_menu)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        view = self.view_menu = self.menuBar().addMenu("&View")
        for index, name in enumerate(("Briefing", "Quiz", "Progress")):
            action = QAction(f"Go to {name}", self, shortcut=QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _=False, i=index: self.tabs.setCurrentIndex(i))
            view.addAction(action)
        view.addSeparator()
        for text, keys, step in (("&Larger text", QKeySequence.StandardKey.ZoomIn, 1),
                                 ("&Smaller text", QKeySequence.StandardKey.ZoomOut, -1),
                                 ("&Reset text size", QKeySequence("Ctrl+0"), 0)):
            action = QAction(text, self, shortcut=keys)
            action.triggered.connect(lambda _=False, s=step: self.change_text_size(s))
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

        help_menu = self.help_menu
        self.menuBar().addMenu(help_menu)  # keep Help last
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
        self.briefing.restyle()
        self.progress.restyle()

    def change_text_size(self, step: int) -> None:
        """Ctrl +/−: scale all text; remembered across restarts."""
        size = int(self.settings.value("text_size", 0)) + step if step else 0
        size = max(-3, min(8, size))
        self.settings.setValue("text_size", size)
        apply_text_size(size)
        self.briefing.rebuild()

    def export_pdf(self) -> None:
        from ui.handout import write_pdf

        path, _ = QFileDialog.getSaveFileName(self, "Export briefing as PDF", "briefing.pdf", "PDF (*.pdf)")
        if not path:
            return
        try:
            write_pdf(self.briefing.pack, path)
        except OSError as exc:
            QMessageBox.critical(self, "Export failed", f"Could not write {path}: {exc}")
            return
        self.statusBar().showMessage(f"Saved {path}", 5000)

    def export_chart(self, kind: str) -> None:
        if not self.briefing.charts:
            QMessageBox.information(self, "No chart", "This briefing has no chart to export.")
            return
        chart = self.briefing.charts[0]
        path, _ = QFileDialog.getSaveFileName(self, f"Export chart as {kind.upper()}", f"chart.{kind}",
                                              f"{kind.upper()} (*.{kind})")
        if not path:
            return
        chart.build()
        ok = chart.save_png(path) if kind == "png" else (chart.save_svg(path) or True)
        self.statusBar().showMessage(f"Saved {path}" if ok else f"Could not save {path}", 5000)

    def _about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle("About Briefing Quiz")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(f"Briefing Quiz\n\nPack: {self.pack.meta.title}\nSource: {self.pack.meta.source_title}")
        box.exec()

    # -- learners -----------------------------------------------------------------
    def _restore_learner(self) -> None:
        """Start with the learner who used the app last (if the profile still exists)."""
        from db.learners import list_learners

        wanted = self.settings.value("learner")
        for row in list_learners(self.workspace.progress):
            if row["name"] == wanted:
                self.workspace.learner_id = int(row["id"])

    def _progress_replaced(self) -> None:
        """A backup was restored: every page shows the restored progress."""
        self.progress.refresh()
        self._learner_changed()

    def _learner_changed(self) -> None:
        from db.learners import learner_name

        self.settings.setValue("learner", learner_name(self.workspace.progress, self.workspace.learner_id))
        self.briefing.rebuild()
        self.quiz.session = None
        self.quiz.show_menu()
        self.statusBar().showMessage(f"Learner: {self.settings.value('learner')}", 5000)

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
        self.safety.back_up_on_close()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/tab", self.tabs.currentIndex())
        self.settings.sync()
        super().closeEvent(event)
