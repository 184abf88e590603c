"""The main window: Briefing, Quiz and Progress pages behind one tab bar.

It only arranges pages, menus and shortcuts and remembers its geometry; every
page gets the :class:`~app.workspace.Workspace` and reads state from it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from app.workspace import Workspace
from content.model import Pack
from ui import theme
from ui.briefing import BriefingPage
from ui.packs import PackImport, ProblemsDialog
from ui.progress import ProgressPage
from ui.quiz import QuizPage
from ui.safety import DataSafety
from ui.settings import app_settings
from ui.state import AppState
from ui.text import tooltip

BASE_POINT_SIZE: float | None = None
QUIZ_EXPORTS = {"anki": "Anki (.apkg)", "moodle-xml": "Moodle XML", "gift": "Moodle GIFT", "csv": "Spreadsheet (CSV)"}


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
        #: the pack, learner, progress and settings every page follows (they subscribe to its signals)
        self.state = AppState(workspace, self.settings, self)
        self.setMinimumSize(720, 480)
        self.pack_import: PackImport | None = None
        self.presenter: QWidget | None = None
        self.presenter_at: dict[str, int] = {}  # where presenter mode was left, per pack, this run

        apply_text_size(int(self.settings.value("text_size", 0)))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName("Main areas")
        self.briefing = BriefingPage(self.state)
        self.quiz = QuizPage(self.state)
        self.progress = ProgressPage(self.state)
        for page, label in ((self.briefing, "&Briefing"), (self.quiz, "&Quiz"), (self.progress, "&Progress")):
            self.tabs.addTab(page, label)
        self.pack_combo = QComboBox()
        self.pack_combo.setAccessibleName("Briefing pack")
        self.pack_combo.setToolTip("Which briefing to read, quiz and chart (View → Briefing pack)")
        self.pack_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.pack_combo.setMinimumContentsLength(28)  # long titles are elided, the full one is in the list
        self.pack_combo.activated.connect(lambda index: self.set_pack(self.pack_combo.itemData(index)))
        corner = QWidget()
        corner_layout = QHBoxLayout(corner)
        corner_layout.setContentsMargins(0, 0, 4, 0)
        corner_layout.addWidget(QLabel("Briefing pack:"))
        corner_layout.addWidget(self.pack_combo)
        self.tabs.setCornerWidget(corner, Qt.Corner.TopRightCorner)
        self.setCentralWidget(self.tabs)
        self.briefing.quiz_requested.connect(self._quiz_topic)
        self.quiz.read_requested.connect(self.read_in_briefing)
        self.progress.practice_requested.connect(self._practise)
        self.state.pack_changed.connect(lambda _pack: self._show_pack())
        self.state.learner_changed.connect(
            lambda _learner: self.statusBar().showMessage(f"Learner: {self.workspace.learner_name()}", 5000))
        self.safety = DataSafety(self, self.state)
        self._build_menus()
        self._fill_packs()
        self._restore_state()
        QTimer.singleShot(0, self.safety.offer_recovery)  # after the window is up
        if workspace.library.broken:
            QTimer.singleShot(0, self._report_broken_packs)

    # -- menus ---------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.file_menu = self.menuBar().addMenu("&File")
        import_pack = QAction("&Import briefing pack…", self, shortcut=QKeySequence("Ctrl+I"))
        import_pack.triggered.connect(self.choose_pack_to_import)
        file_menu.addAction(import_pack)
        file_menu.addSeparator()
        export_pdf = QAction("Export briefing as &PDF…", self, shortcut=QKeySequence("Ctrl+Shift+P"))
        export_pdf.triggered.connect(self.export_pdf)
        export_png = QAction("Export chart as P&NG…", self)
        export_png.triggered.connect(lambda: self.export_chart("png"))
        export_svg = QAction("Export chart as &SVG…", self)
        export_svg.triggered.connect(lambda: self.export_chart("svg"))
        for action in (export_pdf, export_png, export_svg):
            file_menu.addAction(action)
        quiz_menu = file_menu.addMenu("Export &quiz for")
        for fmt, label in QUIZ_EXPORTS.items():
            action = QAction(f"{label}…", self)
            action.triggered.connect(lambda _=False, f=fmt: self.export_quiz(f))
            quiz_menu.addAction(action)
        report = QAction("&Trainer report…", self, shortcut=QKeySequence("Ctrl+Shift+R"))
        report.triggered.connect(self.trainer_report)
        file_menu.addAction(report)
        file_menu.addSeparator()
        self.help_menu = QMenu("&Help", self)  # added to the menu bar last, below
        self.safety.install(file_menu, self.help_menu)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self, shortcut=QKeySequence("Ctrl+Q"))  # StandardKey.Quit can be "Exit"
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        view = self.view_menu = self.menuBar().addMenu("&View")
        for index, name in enumerate(("Briefing", "Quiz", "Progress")):
            action = QAction(f"Go to {name}", self, shortcut=QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _=False, i=index: self.tabs.setCurrentIndex(i))
            view.addAction(action)
        view.addSeparator()
        self.pack_menu = view.addMenu("Briefing &pack")
        self.pack_actions = QActionGroup(self)
        present = QAction("Presenter &mode", self, shortcut=QKeySequence("F11"))
        present.setToolTip("Full screen, large type, one figure or question per screen")
        present.triggered.connect(self.present)
        view.addAction(present)
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

    # -- packs -----------------------------------------------------------------------
    def _fill_packs(self) -> None:
        """The pack chooser (corner of the tabs) and View → Briefing pack list every stored pack."""
        self.pack_combo.clear()
        self.pack_menu.clear()
        for action in self.pack_actions.actions():
            self.pack_actions.removeAction(action)
        for pack_id, title, source_title in self.workspace.pack_titles():
            self.pack_combo.addItem(title, pack_id)
            self.pack_combo.setItemData(self.pack_combo.count() - 1, tooltip(f"Source: {source_title}"),
                                        Qt.ItemDataRole.ToolTipRole)  # escaped: Qt renders tooltips as rich text
            action = QAction(title.replace("&", "&&"), self, checkable=True)  # & is not a mnemonic here
            action.setData(pack_id)
            action.triggered.connect(lambda _=False, p=pack_id: self.set_pack(p))
            self.pack_actions.addAction(action)
            self.pack_menu.addAction(action)
        self._show_pack()

    def _show_pack(self) -> None:
        self.setWindowTitle(f"{self.pack.meta.title} — Briefing Quiz")
        self.pack_combo.setCurrentIndex(self.pack_combo.findData(self.pack.id))
        for action in self.pack_actions.actions():
            action.setChecked(action.data() == self.pack.id)
        self.statusBar().showMessage(f"Source: {self.pack.meta.source_title}")

    @property
    def pack(self) -> Pack:
        return self.state.pack

    def set_pack(self, pack_id: str) -> None:
        """Read, quiz and chart another briefing; remembered for the next start.

        Every page follows the state's ``pack_changed``; an unfinished quiz of the
        previous pack stays saved and can be resumed when that pack is chosen again.
        """
        self.state.set_pack(pack_id)

    def choose_pack_to_import(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Import briefing pack: choose the folder with pack.toml",
                                                  self._folder("import"))
        if folder:
            self.settings.setValue("folders/import", str(Path(folder).parent))
            self.import_pack_from(Path(folder))

    def import_pack_from(self, folder: Path) -> PackImport:
        """Import on a worker thread behind a progress dialog; on success show the new pack."""
        self.pack_import = PackImport(self, self.workspace, folder, self._imported,
                                      lambda: self.statusBar().showMessage(
                                          f"Import of {folder.name} cancelled: nothing was imported", 10000))
        return self.pack_import

    def _imported(self, pack: Pack) -> None:
        self._fill_packs()
        self.state.set_pack(pack.id, force=True)  # a re-imported pack is shown afresh
        self.statusBar().showMessage(f"Imported {pack.meta.title} ({pack.id})", 10000)

    def _report_broken_packs(self) -> None:
        for error in self.workspace.library.broken:
            folder = Path(error.problems[0].file).parent if error.problems else self.workspace.library.folder
            ProblemsDialog(error, folder, self, intro=f"The imported pack in {folder} could not be loaded and is "
                           "not shown. Your progress on it is kept. Fix these problems and import it again.").open()

    def _folder(self, purpose: str) -> str:
        """The folder last used for ``purpose`` (import, export, report), else the home folder."""
        return str(self.settings.value(f"folders/{purpose}", str(Path.home())))

    # -- exports and sessions -------------------------------------------------------------
    def export_quiz(self, fmt: str) -> Path | None:
        """This pack's questions for Anki, Moodle or a spreadsheet (same writers as ``main.py export``)."""
        from quiz.interchange import FORMATS, safe_filename

        suffix = FORMATS[fmt]
        suggested = str(Path(self._folder("export")) / safe_filename(f"{self.pack.id}-quiz", suffix))
        path, _ = QFileDialog.getSaveFileName(self, f"Export quiz for {QUIZ_EXPORTS[fmt]}", suggested,
                                              f"{QUIZ_EXPORTS[fmt]} (*{suffix})")
        if not path:
            return None
        target = Path(path) if Path(path).suffix else Path(path + suffix)
        self.settings.setValue("folders/export", str(target.parent))
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            count = self.workspace.export_quiz(fmt, target, self.pack.id)
        except (OSError, ValueError) as exc:
            QMessageBox.critical(self, "Export failed", f"Could not write {target}: {exc}")
            return None
        finally:
            QApplication.restoreOverrideCursor()
        self.statusBar().showMessage(f"Saved {count} questions to {target}", 8000)
        return target

    def trainer_report(self) -> QWidget:
        from ui.trainer_report import TrainerReportDialog

        dialog = TrainerReportDialog(self.workspace, self.pack, Path(self._folder("report")), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def present(self) -> QWidget:
        """Presenter mode: this pack's figures, then its questions, full screen on this window's screen."""
        from quiz.slides import deck
        from ui.presenter import PresenterWindow

        if self.presenter is not None:
            self.presenter.close()
        pack_id = self.pack.id
        slides = deck(self.pack, self.workspace.questions(pack_id))
        window = PresenterWindow(slides, self.presenter_at.get(pack_id, 0))
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.left_at.connect(lambda index: self.presenter_at.__setitem__(pack_id, index))
        window.destroyed.connect(self._presenter_closed)
        window.setScreen(self.screen())
        window.showFullScreen()
        window.activateWindow()
        self.presenter = window
        return window

    def _presenter_closed(self) -> None:
        self.presenter = None
        self.activateWindow()

    def _quiz_topic(self, pack_id: str, topic_id: str) -> None:
        self.tabs.setCurrentWidget(self.quiz)
        self.quiz.start_topic(pack_id, topic_id)

    def read_in_briefing(self, pack_id: str, section_id: str) -> None:
        """From the quiz's feedback: the Briefing tab, scrolled to the question's section."""
        if pack_id != self.briefing.pack.id:
            return
        self.tabs.setCurrentWidget(self.briefing)
        self.briefing.scroll_to_section(section_id)
        self.briefing.scroll.setFocus()

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
        apply_text_size(size)
        self.state.set_setting("text_size", size)  # the briefing lays itself out again

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
        self.briefing.build_all()  # the first chart may be further down than the page has built yet
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
        if self.presenter is not None:
            self.presenter.close()
        if self.pack_import is not None:
            self.pack_import.wait()
        self.quiz.commit_rating()  # a recall rating chosen but not yet confirmed with Enter still counts
        self.safety.back_up_on_close()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/tab", self.tabs.currentIndex())
        self.settings.sync()
        super().closeEvent(event)
