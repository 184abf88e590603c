"""The main window: Briefing, Quiz and Progress pages behind one tab bar.

It only arranges pages, menus and shortcuts and remembers its geometry; every
page gets the :class:`~app.workspace.Workspace` and reads state from it.

Start-up shows the frame before anything is opened: ``MainWindow(root=...)``
is the window (tabs, geometry, theme, an "Opening…" page) and imports nothing
but Qt, so it paints at once; :meth:`MainWindow.attach` then gives it the open
workspace (see :mod:`ui.app`). Only the page on show is built then; the
others are built the first time they are shown (or asked for:
``window.quiz``). ``MainWindow(workspace)`` does both steps at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMenuBar,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui import i18n, theme
from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.messages import not_written
from ui.settings import app_settings
from ui.text import follow_app_font, tooltip
from ui.window_size import fit_restored, fit_window

if TYPE_CHECKING:  # imported where used: none of them is needed for the first paint
    from app.workspace import Workspace
    from content.model import Pack
    from ui.briefing import BriefingPage
    from ui.browser import QuestionBrowser
    from ui.packs import PackImport
    from ui.presenter import DeckChoice
    from ui.progress import ProgressPage
    from ui.quiz import QuizPage
    from ui.record_editor import RecordEditor
    from ui.safety import DataSafety
    from ui.state import AppState

BASE_POINT_SIZE: float | None = None
#: The window never gets smaller than this, unless the screen is.
MINIMUM_SIZE = QSize(720, 480)
#: The app's name (a name: the same in every language).
APP_NAME = "Briefing Quiz"
#: Export formats and their labels (translated where shown).
QUIZ_EXPORTS = {"anki": QT_TRANSLATE_NOOP("ui.main_window", "Anki (.apkg)"),
                "moodle-xml": QT_TRANSLATE_NOOP("ui.main_window", "Moodle XML"),
                "gift": QT_TRANSLATE_NOOP("ui.main_window", "Moodle GIFT"),
                "csv": QT_TRANSLATE_NOOP("ui.main_window", "Spreadsheet (CSV)")}
#: The tabs, in order: (page name, tab label; translated where shown).
PAGES = (("briefing", QT_TRANSLATE_NOOP("ui.main_window", "&Briefing")),
         ("quiz", QT_TRANSLATE_NOOP("ui.main_window", "&Quiz")),
         ("progress", QT_TRANSLATE_NOOP("ui.main_window", "&Progress")))
#: View → Theme's entries, by theme name.
THEME_LABELS = {"system": QT_TRANSLATE_NOOP("ui.main_window", "&System"),
                "light": QT_TRANSLATE_NOOP("ui.main_window", "&Light"),
                "dark": QT_TRANSLATE_NOOP("ui.main_window", "&Dark")}


def _questions(count: int) -> str:
    if count == 1:
        return translate("ui.main_window", "%n question", "", count)
    return translate("ui.main_window", "%n questions", "", count)


def _export_label(fmt: str) -> str:
    return translate("ui.main_window", QUIZ_EXPORTS[fmt])


def apply_text_size(step: int) -> None:
    """Application font = the platform default plus ``step`` points; every text follows it."""
    global BASE_POINT_SIZE
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    font = app.font()
    if BASE_POINT_SIZE is None:
        BASE_POINT_SIZE = font.pointSizeF()
    font.setPointSizeF(BASE_POINT_SIZE + step)
    app.setFont(font)
    follow_app_font()  # headings, the question, results: sized relative to it


class OpeningPage(QWidget):
    """What a tab shows until its page is built: a plain, light "Opening…"."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(translate("ui.main_window", "Opening"))
        self.label = QLabel(translate("ui.main_window", "Opening…"))
        self.label.setObjectName("opening")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setEnabled(False)  # the palette's dimmed text
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)


class MainWindow(QMainWindow):
    #: The stores are open and the page on show is built (emitted by :meth:`attach`).
    opened = Signal()

    workspace: Workspace
    #: the pack, learner, progress and settings every page follows (they subscribe to its signals)
    state: AppState
    safety: DataSafety

    def __init__(self, workspace: Workspace | None = None, parent: QWidget | None = None, *,
                 root: str | Path | None = None):
        super().__init__(parent)
        if workspace is None and root is None:
            raise ValueError("MainWindow needs a workspace, or the data folder to show the frame for")
        self.root = Path(workspace.root if workspace is not None else root)  # type: ignore[arg-type]
        self.settings = app_settings(self.root)
        self.setWindowTitle(APP_NAME)
        self.pack_import: PackImport | None = None
        self._titles_before_import: dict[str, str] = {}  # id -> title, to say when an import replaced a pack
        self.presenter: QWidget | None = None
        self.browser: QuestionBrowser | None = None
        self.presenter_at: dict[str, int] = {}  # where presenter mode was left, per pack, this run
        self.presenter_choice: dict[str, DeckChoice] = {}  # per pack: made in "Choose presenter questions…"
        self.live_window: QWidget | None = None
        self._pages: dict[str, QWidget] = {}
        self.restart_requested = False  # View → Language → Restart now: run() starts the app again once closed
        self._maximise_at_show: QSize | None = None  # the size _fit_first gave a window to be maximised

        apply_text_size(int(str(self.settings.value("text_size", 0))))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName(translate("ui.main_window", "Main areas"))
        for _name, label in PAGES:
            self.tabs.addTab(OpeningPage(), translate("ui.main_window", label))
        self.pack_combo = QComboBox()
        self.pack_combo.setAccessibleName(translate("ui.main_window", "Briefing pack"))
        self.pack_combo.setToolTip(translate("ui.main_window",
                                             "Which briefing to read, quiz and chart (View → Briefing pack)"))
        self.pack_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.pack_combo.setMinimumContentsLength(28)  # long titles are elided, the full one is in the list
        self.pack_combo.setEnabled(False)
        self.pack_combo.activated.connect(lambda index: self.set_pack(self.pack_combo.itemData(index)))
        corner = QWidget()
        corner_layout = QHBoxLayout(corner)
        corner_layout.setContentsMargins(0, 0, 4, 0)
        corner_layout.addWidget(QLabel(translate("ui.main_window", "Briefing pack:")))
        corner_layout.addWidget(self.pack_combo)
        self.pack_chooser = corner
        self.tabs.setCornerWidget(corner, Qt.Corner.TopRightCorner)
        # The pack chooser's row over the tabs, used when the tabs and the chooser do not fit side by side
        # (Japanese at the largest text: the tab bar scrolled and cut its labels, "ィング(B)").
        self.pack_row = QWidget()
        pack_row = QHBoxLayout(self.pack_row)
        pack_row.setContentsMargins(0, 2, 0, 2)
        pack_row.addStretch(1)
        self.pack_row.hide()
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.pack_row)
        central_layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.tabs.installEventFilter(self)  # its width decides where the chooser goes
        self._frame_menus()
        self._restore_state()
        self.tabs.currentChanged.connect(self._tab_shown)
        self.statusBar().showMessage(translate("ui.main_window", "Opening…"))
        if workspace is not None:
            self.attach(workspace)

    @property
    def is_open(self) -> bool:
        """The workspace is attached (before that the window is only its frame)."""
        return "workspace" in self.__dict__

    def attach(self, workspace: Workspace) -> None:
        """The stores are open: fill the frame (menus, pack chooser, the page on show) and emit :attr:`opened`.

        Dialogs start-up owes the user (a damaged file's recovery offer, what an
        interrupted restore did, broken packs) open over the window right after.
        """
        from ui.progress import learners
        from ui.safety import DataSafety
        from ui.state import AppState

        self.workspace = workspace
        self.state = AppState(workspace, self.settings, self)
        self.state.pack_changed.connect(lambda _pack: self._show_pack())
        self.state.learner_changed.connect(
            lambda _learner: self.statusBar().showMessage(
                translate("ui.main_window", "Learner: {name}").format(
                    name=learners.shown_name(self.workspace.learner_name())), 5000))
        self.safety = DataSafety(self, self.state)
        bar = self.menuBar()  # the same bar (shown already, so shortcuts work at once); the frame's menus go
        for menu in bar.findChildren(QMenu, options=Qt.FindChildOption.FindDirectChildrenOnly):
            menu.deleteLater()
        bar.clear()
        self._build_menus()
        self.pack_combo.setEnabled(True)
        self.statusBar().clearMessage()  # "Opening…" is over, on whichever tab the window opened
        self._fill_packs()
        self.page(self.tabs.currentIndex())
        QTimer.singleShot(0, self.safety.offer_recovery)  # after the window is up
        if workspace.library.broken:
            QTimer.singleShot(0, self._report_broken_packs)
        self.opened.emit()

    # -- pages, built when first shown ---------------------------------------------------------
    def page(self, index: int) -> QWidget:
        """The page of tab ``index``, built now if it was not yet (needs :meth:`attach` first)."""
        name, label = PAGES[index]
        built = self._pages.get(name)
        if built is not None:
            return built
        if not self.is_open:
            raise RuntimeError(f"The {name} page needs the stores, which are not open yet.")
        built = self._pages[name] = self._build_page(name)
        current, placeholder = self.tabs.currentIndex(), self.tabs.widget(index)
        blocked = self.tabs.blockSignals(True)  # the same tab stays current: nobody needs telling
        try:
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, built, translate("ui.main_window", label))
            self.tabs.setCurrentIndex(current)
        finally:
            self.tabs.blockSignals(blocked)
        if placeholder is not None:
            placeholder.deleteLater()
        return built

    def _build_page(self, name: str) -> QWidget:
        if name == "briefing":
            from ui.briefing import BriefingPage

            briefing = BriefingPage(self.state)
            briefing.quiz_requested.connect(self._quiz_topic)
            briefing.edit_requested.connect(self.edit_record)
            return briefing
        if name == "quiz":
            from ui.quiz import QuizPage

            quiz = QuizPage(self.state)
            quiz.read_requested.connect(self.read_in_briefing)
            quiz.browse_requested.connect(self.browse_questions)
            quiz.edit_requested.connect(self.edit_question)
            quiz.undo_changed.connect(self.undo_action.setEnabled)
            return quiz
        from ui.progress import ProgressPage

        progress = ProgressPage(self.state)
        progress.practice_requested.connect(self._practise)
        return progress

    def _tab_shown(self, index: int) -> None:
        if self.is_open and index >= 0:
            self.page(index)
            self._say_source()

    def built_pages(self) -> list[str]:
        """Names of the pages built so far, in tab order."""
        return [name for name, _label in PAGES if name in self._pages]

    @property
    def briefing(self) -> BriefingPage:
        return self.page(0)  # type: ignore[return-value]

    @property
    def quiz(self) -> QuizPage:
        return self.page(1)  # type: ignore[return-value]

    @property
    def progress(self) -> ProgressPage:
        return self.page(2)  # type: ignore[return-value]

    # -- menus ---------------------------------------------------------------
    def _frame_menus(self) -> None:
        """The menu bar of the frame, until the stores are open: the same menus, and Quit."""
        bar = self.menuBar()
        file_menu = bar.addMenu(translate("ui.main_window", "&File"))
        quit_action = QAction(translate("ui.main_window", "&Quit"), file_menu, shortcut=QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        bar.addMenu(translate("ui.main_window", "&View"))
        bar.addMenu(translate("ui.main_window", "&Help"))

    def _add_menu(self, into: QMenuBar | QMenu, title: str) -> QMenu:
        """A menu ``title`` added to ``into``, made here with the window as its owner.

        Not made by ``addMenu(title)``: PySide6 lets go of the Python side of a menu Qt made that way
        (the menu itself lives on) once the Progress page's charts have been drawn, and the next use
        failed with "already deleted": an imported pack never reached the pack list.
        """
        menu = QMenu(title, self)
        into.addMenu(menu)
        return menu

    def _build_menus(self) -> None:
        file_menu = self.file_menu = self._add_menu(self.menuBar(), translate("ui.main_window", "&File"))
        import_pack = QAction(translate("ui.main_window", "&Import briefing pack…"), self,
                              shortcut=QKeySequence("Ctrl+I"))
        import_pack.triggered.connect(self.choose_pack_to_import)
        file_menu.addAction(import_pack)
        from_article = QAction(translate("ui.main_window", "&New briefing from an article…"), self,
                               shortcut=QKeySequence("Ctrl+Shift+N"))
        from_article.triggered.connect(self.new_from_article)
        file_menu.addAction(from_article)
        import_questions = QAction(translate("ui.main_window", "Import q&uestions…"), self)
        import_questions.triggered.connect(self.choose_questions_to_import)
        file_menu.addAction(import_questions)
        share_pack = QAction(translate("ui.main_window", "S&hare briefing pack…"), self)
        share_pack.setStatusTip(translate("ui.main_window", "Save a copy of this briefing's pack folder to send: "
                                                            "others add it with Import briefing pack"))
        share_pack.triggered.connect(self.share_pack)
        file_menu.addAction(share_pack)
        file_menu.addSeparator()
        export_pdf = QAction(translate("ui.main_window", "E&xport briefing…"), self,
                             shortcut=QKeySequence("Ctrl+Shift+P"))
        export_pdf.triggered.connect(lambda: self.export_handout("briefing"))
        export_brief = QAction(translate("ui.main_window", "Export &one-page brief…"), self)
        export_brief.triggered.connect(lambda: self.export_handout("brief"))
        paper_quiz = QAction(translate("ui.main_window", "&Print quiz on paper…"), self)
        paper_quiz.triggered.connect(self.print_quiz)
        export_png = QAction(translate("ui.main_window", "Export chart as PN&G…"), self)
        export_png.triggered.connect(lambda: self.export_chart("png"))
        export_svg = QAction(translate("ui.main_window", "Export chart as &SVG…"), self)
        export_svg.triggered.connect(lambda: self.export_chart("svg"))
        for action in (export_pdf, export_brief, paper_quiz, export_png, export_svg):
            file_menu.addAction(action)
        quiz_menu = self._add_menu(file_menu, translate("ui.main_window", "Export qui&z for"))
        for fmt in QUIZ_EXPORTS:
            action = QAction(translate("ui.main_window", "{format}…").format(format=_export_label(fmt)), self)
            action.triggered.connect(lambda _=False, f=fmt: self.export_quiz(f))
            quiz_menu.addAction(action)
        report = QAction(translate("ui.main_window", "&Trainer report…"), self, shortcut=QKeySequence("Ctrl+Shift+R"))
        report.triggered.connect(self.trainer_report)
        file_menu.addAction(report)
        for text, slot in ((translate("ui.main_window", "Run a &live session…"), self.live_session),
                           (translate("ui.main_window", "Li&ve session results…"), self.live_results),
                           (translate("ui.main_window", "Export my progress for the tr&ainer…"),
                            self.export_for_trainer)):
            action = QAction(text, self)
            action.triggered.connect(slot)
            file_menu.addAction(action)
        file_menu.addSeparator()
        self.help_menu = QMenu(translate("ui.main_window", "&Help"), self)  # added to the menu bar last, below
        self.safety.install(file_menu, self.help_menu)
        file_menu.addSeparator()
        # StandardKey.Quit can be "Exit"
        quit_action = QAction(translate("ui.main_window", "&Quit"), self, shortcut=QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        edit = self.edit_menu = self._add_menu(self.menuBar(), translate("ui.main_window", "&Edit"))
        self.undo_action = QAction(translate("ui.main_window", "&Undo last answer"), self,
                                   shortcut=QKeySequence("Ctrl+Z"))
        self.undo_action.setToolTip(translate("ui.main_window",
                                               "Take the last answer of this quiz back and answer that question again"))
        self.undo_action.setEnabled(False)
        self.undo_action.triggered.connect(self.undo_last_answer)  # enabled by the quiz page, once built
        edit.addAction(self.undo_action)

        view = self.view_menu = self._add_menu(self.menuBar(), translate("ui.main_window", "&View"))
        for index, text in enumerate((translate("ui.main_window", "Go to Briefing"),
                                      translate("ui.main_window", "Go to Quiz"),
                                      translate("ui.main_window", "Go to Progress"))):
            action = QAction(text, self, shortcut=QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _=False, i=index: self.tabs.setCurrentIndex(i))
            view.addAction(action)
        view.addSeparator()
        self.pack_menu = self._add_menu(view, translate("ui.main_window", "Briefing &pack"))
        self.pack_actions = QActionGroup(self)
        browse = QAction(translate("ui.main_window", "Question &browser…"), self, shortcut=QKeySequence("Ctrl+B"))
        browse.setToolTip(translate("ui.main_window",
                                     "Every question of this pack: search, filter, preview, suspend, flag, edit"))
        browse.triggered.connect(lambda: self.browse_questions())
        view.addAction(browse)
        present = QAction(translate("ui.main_window", "Presenter &mode"), self, shortcut=QKeySequence("F11"))
        present.setToolTip(translate("ui.main_window", "Full screen, large type, one figure or question per screen"))
        present.triggered.connect(self.present)
        view.addAction(present)
        choose = QAction(translate("ui.main_window", "Choose presenter &questions…"), self)
        choose.triggered.connect(self.choose_presenter_questions)
        view.addAction(choose)
        view.addSeparator()
        for text, keys, step in ((translate("ui.main_window", "&Larger text"), QKeySequence.StandardKey.ZoomIn, 1),
                                 (translate("ui.main_window", "&Smaller text"), QKeySequence.StandardKey.ZoomOut, -1),
                                 (translate("ui.main_window", "&Reset text size"), QKeySequence("Ctrl+0"), 0)):
            action = QAction(text, self, shortcut=QKeySequence(keys))
            action.triggered.connect(lambda _=False, s=step: self.change_text_size(s))
            view.addAction(action)
        view.addSeparator()
        theme_menu = self._add_menu(view, translate("ui.main_window", "&Theme"))
        group = QActionGroup(self)
        current = self.settings.value("theme", "system")
        for name in theme.THEMES:
            action = QAction(translate("ui.main_window", THEME_LABELS[name]), self, checkable=True,
                             checked=name == current)
            action.triggered.connect(lambda _=False, n=name: self.set_theme(n))
            group.addAction(action)
            theme_menu.addAction(action)
        self.theme_actions = group
        self._language_menu(view)

        help_menu = self.help_menu
        self.menuBar().addMenu(help_menu)  # keep Help last
        shortcuts = QAction(translate("ui.main_window", "&Keyboard shortcuts"), self, shortcut=QKeySequence("F1"))
        shortcuts.triggered.connect(self.show_shortcuts)
        help_menu.addAction(shortcuts)
        about = QAction(translate("ui.main_window", "&About"), self)
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
            source = translate("ui.main_window", "Source: {title}").format(title=source_title)
            self.pack_combo.setItemData(self.pack_combo.count() - 1, tooltip(source),
                                        Qt.ItemDataRole.ToolTipRole)  # escaped: Qt renders tooltips as rich text
            action = QAction(title.replace("&", "&&"), self, checkable=True)  # & is not a mnemonic here
            action.setData(pack_id)
            action.triggered.connect(lambda _=False, p=pack_id: self.set_pack(p))
            self.pack_actions.addAction(action)
            self.pack_menu.addAction(action)
        self._show_pack()

    def _show_pack(self) -> None:
        self.setWindowTitle(translate("ui.main_window", "{pack} — {app}").format(pack=self.pack.meta.title,
                                                                                  app=APP_NAME))
        self.pack_combo.setCurrentIndex(self.pack_combo.findData(self.pack.id))
        for action in self.pack_actions.actions():
            action.setChecked(action.data() == self.pack.id)
        self._say_source()

    def _source_line(self) -> str:
        return translate("ui.main_window", "Source: {title}").format(title=self.pack.meta.source_title)

    def _say_source(self) -> None:
        """The article's headline under the briefing, and never under a question: a headline such as
        "Japan's Massive $2 Trillion Investment Plan" answers the amount questions it heads."""
        bar = self.statusBar()
        if self.tabs.currentIndex() == 0:
            bar.showMessage(self._source_line())
        elif bar.currentMessage() == self._source_line():
            bar.clearMessage()

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
        folder = QFileDialog.getExistingDirectory(self, translate("ui.main_window",
                                                            "Import briefing pack: choose the folder with pack.toml"),
                                                  self._folder("import"))
        if folder:
            self.settings.setValue("folders/import", str(Path(folder).parent))
            self.import_pack_from(Path(folder))

    def new_from_article(self) -> object:
        """Draft a pack from an article, review it, save it and import it (ui/draft_review.py does it all)."""
        from ui.draft_review import DraftFlow

        self.draft_flow = DraftFlow.start(self, self.settings, self.import_pack_from)
        return self.draft_flow

    def share_pack(self) -> Path | None:
        """File → Share briefing pack…: a copy of the pack on show, as the folder a colleague imports."""
        from ui.operations import run

        folder = QFileDialog.getExistingDirectory(self, translate("ui.main_window", "Share briefing pack: choose "
                                                                  "where to save a copy"), self._folder("share"))
        if not folder:
            return None
        pack = self.pack
        written = run(self, translate("ui.main_window", "Sharing the briefing pack"),
                      lambda: self.workspace.share_pack(pack.id, Path(folder)))
        if written is not None:
            self.settings.setValue("folders/share", folder)
            self.statusBar().showMessage(translate("ui.main_window", "Saved a copy of {title} to {folder}: send that "
                                                   "folder; it is added with File → Import briefing pack…")
                                         .format(title=pack.meta.title, folder=written), 15000)
        return written

    def choose_questions_to_import(self) -> object:
        """A GIFT, Moodle XML, CSV or Anki file's questions into the pack on show (ui/question_import.py)."""
        from ui.question_import import choose_and_import

        return choose_and_import(self, self.state)

    def import_pack_from(self, folder: Path) -> PackImport:
        """Import on a worker thread behind a progress dialog; on success show the new pack."""
        from ui.packs import PackImport

        self._titles_before_import = {pack_id: title for pack_id, title, _source in self.workspace.pack_titles()}
        self.pack_import = PackImport(self, self.workspace, folder, self._imported,
                                      lambda: self.statusBar().showMessage(
                                          translate("ui.main_window",
                                                    "Import of {folder} cancelled: nothing was imported")
                                          .format(folder=folder.name), 10000))
        return self.pack_import

    def _imported(self, pack: Pack) -> None:
        self._fill_packs()
        self.state.set_pack(pack.id, force=True)  # a re-imported pack is shown afresh
        was = self._titles_before_import.get(pack.id)
        if was is None:
            done = translate("ui.main_window", "Imported {title} ({id})")
        elif was == pack.meta.title:  # the copy imported before is gone: said, never silently
            done = translate("ui.main_window", "Replaced {title} ({id}) with the copy just imported; your progress "
                             "on its questions is kept")
        else:
            done = translate("ui.main_window", "Replaced {was} ({id}) with {title}; your progress on its questions "
                             "is kept")
        self.statusBar().showMessage(done.format(title=pack.meta.title, id=pack.id, was=was), 10000)

    def _report_broken_packs(self) -> None:
        from ui.packs import ProblemsDialog

        for error in self.workspace.library.broken:
            folder = Path(error.problems[0].file).parent if error.problems else self.workspace.library.folder
            intro = translate("ui.main_window", "The imported pack in {folder} could not be loaded and is not shown. "
                              "Your progress on it is kept. Fix these problems and import it again.")
            ProblemsDialog(error, folder, self, intro=intro.format(folder=folder)).open()

    def _folder(self, purpose: str) -> str:
        """The folder last used for ``purpose`` (import, export, report), else the home folder."""
        return str(self.settings.value(f"folders/{purpose}", str(Path.home())))

    # -- exports and sessions -------------------------------------------------------------
    def export_quiz(self, fmt: str) -> Path | None:
        """This pack's questions for Anki, Moodle or a spreadsheet (same writers as ``main.py export``)."""
        from quiz.interchange import FORMATS, safe_filename

        suffix = FORMATS[fmt]
        suggested = str(Path(self._folder("export")) / safe_filename(f"{self.pack.id}-quiz", suffix))
        label = _export_label(fmt)
        path, _ = QFileDialog.getSaveFileName(self, translate("ui.main_window", "Export quiz for {format}")
                                              .format(format=label), suggested, f"{label} (*{suffix})")
        if not path:
            return None
        target = Path(path) if Path(path).suffix else Path(path + suffix)
        self.settings.setValue("folders/export", str(target.parent))
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            count = self.workspace.export_quiz(fmt, target, self.pack.id)
        except (OSError, ValueError) as exc:
            QMessageBox.critical(self, translate("ui.main_window", "Export failed"), not_written(target, exc))
            return None
        finally:
            QApplication.restoreOverrideCursor()
        left_out = len(self.workspace.suspended_questions(self.pack.id))
        saved = (translate("ui.main_window", "Saved %n question to {file}", "", count) if count == 1 else
                 translate("ui.main_window", "Saved %n questions to {file}", "", count)).format(file=target)
        if left_out:
            saved = translate("ui.main_window", "{saved} ({questions} you suspended left out)").format(
                saved=saved, questions=_questions(left_out))
        self.statusBar().showMessage(saved, 8000)
        return target

    def trainer_report(self) -> QWidget:
        from ui.trainer_report import TrainerReportDialog

        dialog = TrainerReportDialog(self.workspace, self.pack, Path(self._folder("report")), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def live_session(self) -> QWidget | None:
        """File → Run a live session…: choose, serve on the network chosen, show it full screen."""
        from ui.live import start_live_session

        if self.live_window is not None:
            self.live_window.activateWindow()
            return self.live_window
        window = start_live_session(self, self.workspace, self.pack)
        if window is not None:
            self._show_live(window)
        return window

    def _show_live(self, window: QWidget) -> None:
        self.live_window = window
        window.destroyed.connect(lambda: setattr(self, "live_window", None))
        window.setScreen(self.screen())
        window.showFullScreen()
        window.activateWindow()

    def live_results(self) -> QWidget:
        from ui.live import LiveResultsDialog

        dialog = LiveResultsDialog(self.workspace, self.pack, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def export_for_trainer(self) -> Path | None:
        """File → Export my progress for the trainer…: one file, named after the learner and the date."""
        from ui.operations import run

        suggested = str(Path(self._folder("export")) / self.workspace.trainer_file_name())
        path, _ = QFileDialog.getSaveFileName(self, translate("ui.main_window", "Export my progress for the trainer"),
                                              suggested, translate("ui.main_window", "Progress file (*.db)"))
        if not path:
            return None
        target = Path(path) if Path(path).suffix else Path(path + ".db")
        written = run(self, translate("ui.main_window", "Exporting your progress"),
                      lambda: self.workspace.export_for_trainer(target))
        if written is not None:
            self.settings.setValue("folders/export", str(target.parent))
            self.statusBar().showMessage(translate("ui.main_window", "Saved your progress for the trainer to {file}")
                                         .format(file=written), 10000)
        return written

    def choose_presenter_questions(self) -> QWidget | None:
        """View → Choose presenter questions…: topics, kinds and count, then presenter mode with them."""
        from ui.presenter import DeckChoice, DeckDialog

        choice = self.presenter_choice.get(self.pack.id, DeckChoice())
        dialog = DeckDialog(self.pack, self.workspace.active_questions(self.pack.id), choice, self)
        if dialog.exec() != DeckDialog.DialogCode.Accepted:
            return None
        self.presenter_choice[self.pack.id] = dialog.result_choice()
        self.presenter_at.pop(self.pack.id, None)  # a new deck starts at its title
        return self.present()

    def present(self) -> QWidget:
        """Presenter mode: this pack's figures, then its questions (one per fact, or as chosen), full screen."""
        from ui.presenter import DeckChoice, PresenterWindow

        if self.presenter is not None:
            self.presenter.close()
        pack_id = self.pack.id
        choice = self.presenter_choice.get(pack_id, DeckChoice())
        questions = self.workspace.active_questions(pack_id)
        slides = choice.slides(self.pack, questions)
        window = PresenterWindow(slides, self.presenter_at.get(pack_id, 0))
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.left_at.connect(lambda index: self.presenter_at.__setitem__(pack_id, index))
        window.destroyed.connect(self._presenter_closed)
        window.setScreen(self.screen())
        window.showFullScreen()
        window.activateWindow()
        self.presenter = window
        left_out = len(self.workspace.questions(pack_id)) - len(questions)
        if left_out:
            self.statusBar().showMessage(translate("ui.main_window",
                                                   "Presenter mode leaves out {questions} you suspended")
                                         .format(questions=_questions(left_out)), 10000)
        return window

    def _presenter_closed(self) -> None:
        self.presenter = None
        self.activateWindow()

    def browse_questions(self, question_id: str | None = None) -> QuestionBrowser:
        """View → Question browser (or "Browse this question…" on the feedback): one window, kept open."""
        from ui.browser import QuestionBrowser

        if self.browser is None:
            self.browser = QuestionBrowser(self.state, self)
            self.browser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.browser.destroyed.connect(lambda: setattr(self, "browser", None))
            self.browser.edit_requested.connect(self.edit_record)
        browser = self.browser
        if browser.isVisible():
            browser.raise_()  # already open behind the window: bring it forward
        browser.show()
        browser.activateWindow()
        if question_id:
            browser.select(question_id)
            browser.table.setFocus()
        return browser

    def edit_record(self, pack_id: str, collection: str, record_id: str) -> RecordEditor | None:
        """Open the editor on one record of a pack (or say why this pack cannot be edited in the app)."""
        from ui.messages import inform
        from ui.record_editor import RecordEditor

        refusal = self.workspace.edit_refusal(pack_id)
        if refusal:
            inform(self.browser if self.browser is not None and self.browser.isVisible() else self,
                   translate("ui.main_window", "This pack cannot be edited here"), refusal, name="not-editable")
            return None
        editor = RecordEditor(self.state, pack_id, collection, record_id, self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.saved.connect(lambda _pack: self.statusBar().showMessage(
            translate("ui.main_window", "Saved and imported again"), 5000))
        editor.open()
        return editor

    def edit_question(self, question_id: str) -> RecordEditor | None:
        """"Edit…" on a question's feedback: the question if hand-written, else the record it is made from."""
        from quiz.browse import record_to_edit

        question = next((q for q in self.workspace.questions(self.state.pack_id) if q.id == question_id), None)
        record = record_to_edit(self.state.pack, question) if question is not None else None
        if record is None:
            return None
        return self.edit_record(self.state.pack_id, *record)

    def undo_last_answer(self) -> None:
        """Edit → Undo last answer (Ctrl+Z): on the quiz, the last answer is taken back and asked again."""
        self.tabs.setCurrentWidget(self.quiz)
        if self.quiz.undo_last_answer():
            self.statusBar().showMessage(translate("ui.main_window", "Answer taken back: it no longer counts. "
                                                   "Answer the question again."), 8000)

    def _quiz_topic(self, pack_id: str, topic_id: str) -> None:
        self.tabs.setCurrentIndex(1)
        self.quiz.start_topic(pack_id, topic_id)

    def read_in_briefing(self, pack_id: str, section_id: str) -> None:
        """From the quiz's feedback: the Briefing tab, scrolled to the question's section."""
        if pack_id != self.briefing.pack.id:
            return
        self.tabs.setCurrentIndex(0)
        self.briefing.scroll_to_section(section_id)
        self.briefing.scroll_area.setFocus()

    def _practise(self, pack_id: str, question_ids: list[str]) -> None:
        self.tabs.setCurrentIndex(1)
        self.quiz.start_questions(pack_id, question_ids)

    def _language_menu(self, view: QMenu) -> None:
        """View → Language: the system's language (named), then English and every compiled translation."""
        menu = self.language_menu = self._add_menu(view, translate("ui.main_window", "Lan&guage"))
        group = self.language_actions = QActionGroup(self)
        available = i18n.available_languages()
        setting = str(self.settings.value("language", i18n.SYSTEM))
        if setting not in available:
            setting = i18n.SYSTEM
        system = translate("ui.main_window", "System default ({language})").format(
            language=i18n.language_name(i18n.system_language(available)))
        for code, text in ((i18n.SYSTEM, system), *((code, i18n.language_name(code)) for code in available)):
            action = QAction(text.replace("&", "&&"), self, checkable=True, checked=code == setting)
            action.setData(code)
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            group.addAction(action)
            menu.addAction(action)

    def set_language(self, setting: str) -> QMessageBox | None:
        """Remember the interface language (a code, or "system"); it is applied at the next start.

        Not live: the pages of every area are built in the language installed when
        they are made, hold a quiz in progress and subscribe to the state, so
        re-creating them all mid-session could lose an answer or leave stale
        connections. A restart is clean and cheap (the window paints in well under
        a second), so the box offers one; "Later" keeps working in this language.
        Returns that box, or None when the language on screen does not change.
        """
        self.settings.setValue("language", setting)
        self.settings.sync()
        language = i18n.resolve(setting)
        if language == i18n.current_language():
            return None
        box = QMessageBox(QMessageBox.Icon.Information, translate("ui.main_window", "Language"),
                          translate("ui.main_window", "The interface will be in {language} from the next start. "
                                    "Restart Briefing Quiz now? Your progress is saved either way.")
                          .format(language=i18n.language_name(language)),
                          QMessageBox.StandardButton.NoButton, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setObjectName("language-restart")
        restart = box.addButton(translate("ui.main_window", "&Restart now"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(translate("ui.main_window", "&Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restart)
        restart.clicked.connect(self.restart)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def restart(self) -> None:
        """Close cleanly (backup, settings, the stores let go), then :func:`ui.app.run` starts the app again."""
        self.restart_requested = True
        self.close()

    def set_theme(self, name: str) -> None:
        self.settings.setValue("theme", name)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply(app, name)
        for page in ("briefing", "progress"):  # a page built later is styled as it is built
            if page in self._pages:
                self._pages[page].restyle()  # type: ignore[attr-defined]

    def change_text_size(self, step: int) -> None:
        """Ctrl +/−: scale all text; remembered across restarts."""
        size = int(str(self.settings.value("text_size", 0))) + step if step else 0
        size = max(-3, min(8, size))
        apply_text_size(size)
        if self.is_open:
            self.state.set_setting("text_size", size)  # the briefing lays itself out again
        else:
            self.settings.setValue("text_size", size)

    def export_handout(self, what: str) -> QDialog:
        """The briefing or the one-page brief as PDF, Word or Markdown (a dialog: format, paper, where)."""
        from ui.handout import HandoutDialog

        dialog = HandoutDialog(self.workspace, self.pack, self.settings, what, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def print_quiz(self) -> QDialog:
        """A question sheet and its answer key with one exam code (a dialog: topics, kinds, count, paper)."""
        from ui.handout import PaperQuizDialog

        dialog = PaperQuizDialog(self.workspace, self.pack, self.settings, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def export_chart(self, kind: str) -> None:
        self.briefing.build_all()  # the first chart may be further down than the page has built yet
        if not self.briefing.charts:
            QMessageBox.information(self, translate("ui.main_window", "No chart"),
                                    translate("ui.main_window", "This briefing has no chart to export."))
            return
        chart = self.briefing.chart_to_export()
        assert chart is not None  # the briefing has charts
        path, _ = QFileDialog.getSaveFileName(self, translate("ui.main_window", "Export chart as {format}")
                                              .format(format=kind.upper()), f"chart.{kind}",
                                              f"{kind.upper()} (*.{kind})")
        if not path:
            return
        if kind == "png":
            ok = chart.save_png(path)
        else:
            chart.save_svg(path)
            ok = True
        said = translate("ui.main_window", "Saved {file}") if ok else translate("ui.main_window",
                                                                          "Could not save {file}")
        self.statusBar().showMessage(said.format(file=path), 5000)

    def show_shortcuts(self) -> QDialog:
        """Help → Keyboard shortcuts (F1): every key of the menus, the quiz and presenter mode, on one sheet."""
        from ui.shortcuts import ShortcutsDialog

        dialog = ShortcutsDialog(self.menuBar(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(translate("ui.main_window", "About {app}").format(app=APP_NAME))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(translate("ui.main_window", "{app}\n\nPack: {pack}\nSource: {source}").format(
            app=APP_NAME, pack=self.pack.meta.title, source=self.pack.meta.source_title))
        box.exec()

    # -- window state ----------------------------------------------------------
    def _restore_state(self) -> None:
        available = self._available()  # a small screen at 200 % can be smaller than the usual minimum
        self.setMinimumSize(min(MINIMUM_SIZE.width(), available.width()),
                            min(MINIMUM_SIZE.height(), available.height()))
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty() and self.restoreGeometry(geometry):
            self._fit_restored()
        else:
            self._fit_first()
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        self.tabs.setCurrentIndex(int(str(self.settings.value("window/tab", 0))))

    def _available(self) -> QRect:
        """The free area (without taskbars and docks) of the screen the window is on, or will open on."""
        screen = QGuiApplication.screenAt(self.geometry().center()) or self.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry()

    def _fit_first(self) -> None:
        """First launch: the default size centred on the screen, or maximised if the screen is smaller.

        Maximised as it is first shown, and only if nobody has sized it since (a script or test that
        asks for 1024×640 gets 1024×640)."""
        available = self._available()
        placement = fit_window(available)
        self.setGeometry(fit_restored(available, placement.rect) if placement.maximised else placement.rect)
        if placement.maximised:  # un-maximised, it is still whole on this screen
            self._maximise_at_show = self.size()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.tabs and event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange,
                                                     QEvent.Type.LayoutRequest, QEvent.Type.Show):
            self._place_pack_chooser()
        return super().eventFilter(watched, event)

    def _place_pack_chooser(self) -> None:
        """The pack chooser beside the tabs when both fit, else in a row of its own above them: every tab
        label stays whole (the tab bar scrolls when it is given less than its width)."""
        corner = self.pack_chooser
        needed = self.tabs.tabBar().sizeHint().width() + corner.sizeHint().width()
        beside = needed <= self.tabs.width()
        if beside == (self.tabs.cornerWidget(Qt.Corner.TopRightCorner) is corner):
            return
        row = self.pack_row.layout()
        assert row is not None  # set in __init__
        if beside:
            row.removeWidget(corner)
            self.pack_row.hide()
            self.tabs.setCornerWidget(corner, Qt.Corner.TopRightCorner)
        else:
            self.tabs.setCornerWidget(None, Qt.Corner.TopRightCorner)  # type: ignore[arg-type]  # Qt takes None
            row.addWidget(corner)
            self.pack_row.show()
        corner.show()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        pending, self._maximise_at_show = self._maximise_at_show, None
        if pending is not None and pending == self.size() and not self.windowState() & (
                Qt.WindowState.WindowMinimized | Qt.WindowState.WindowFullScreen):
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        super().showEvent(event)

    def _fit_restored(self) -> None:
        """A remembered window from a larger (or unplugged) screen is pulled back whole onto this one."""
        if self.windowState() & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
            return  # the system sizes it to the screen
        available = self._available()
        fitted = fit_restored(available, self.geometry())
        if fitted != self.geometry():
            self.setGeometry(fitted)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.presenter is not None:
            self.presenter.close()
        if self.live_window is not None:
            self.live_window.close()  # ends the session for the room and stops serving
        if self.is_open:
            self.workspace.stop_live_session()
        if self.pack_import is not None:
            self.pack_import.wait()
        if "quiz" in self._pages:
            self.quiz.commit_rating()  # a recall rating chosen but not yet confirmed with Enter still counts
        if self.is_open:
            self.safety.back_up_on_close()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/tab", self.tabs.currentIndex())
        self.settings.sync()
        super().closeEvent(event)
