"""Start the GUI: paint the window first, then open the stores and build the page on show.

The path to the first paint imports Qt and a few small modules of ours, reads
the window's settings and shows the frame (tabs, menus, "Opening…"); nothing
is opened and neither sqlite-utils, numpy nor pyqtgraph is imported. Right
after that paint, :class:`Startup` opens the workspace (the instance lock, the
progress file, the packs; slow steps run on a worker thread while the window
keeps painting) and attaches it to the window, which builds the visible page.

Store problems are said in plain words in a dialog over the window, and the
process exits non-zero; the files involved are never modified. The app is the
one place that recovers a damaged progress file (it offers the newest backup
once the window is up), and only one copy of it may use a data folder: a
second one says so and exits with status 3.
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from PySide6.QtCore import (
    QEvent,
    QEventLoop,
    QMessageLogContext,
    QObject,
    QProcess,
    Qt,
    QTimer,
    QtMsgType,
    Signal,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.paths import data_dir
from ui import i18n, theme
from ui.i18n import translate
from ui.main_window import MainWindow
from ui.settings import app_settings

if TYPE_CHECKING:
    from app.workspace import Workspace

_NOISE = ("This plugin does not support propagateSizeHints",)
#: Open anyway if no paint arrives this long after show() (a window the system does not map is never painted).
OPEN_WITHOUT_PAINT_MS = 1000
#: After a start that trusted the last clean close, SQLite's full check runs on a worker thread this long
#: after the window opened (when the first page and its charts are done), and speaks only if it finds damage.
BACKGROUND_CHECK_MS = 3000
#: How long closing waits for that check to finish (it reads every page: 350 ms at a million answers).
CHECK_PATIENCE_S = 30.0
T = TypeVar("T")


def _quiet_handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Drop known platform-plugin noise; pass everything else to stderr as Qt would."""
    if not message.startswith(_NOISE):
        print(message, file=sys.stderr)


def application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        qInstallMessageHandler(_quiet_handler)
        app = QApplication(sys.argv[:1])
    app.setApplicationName("Briefing Quiz")
    app.setOrganizationName("BriefingQuiz")
    return app


def show_error(title: str, text: str, parent: QWidget | None = None) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def while_painting(work: Callable[[], T]) -> T:
    """``work()`` on a worker thread; meanwhile the window keeps painting (user input waits until it is done).

    For start-up's slow, self-contained steps (SQLite's full check after a
    crash, reading a changed 100,000-figure pack): the window stays drawn
    instead of freezing. ``work`` must not touch Qt or this thread's SQLite
    connections; its exception, if any, is raised here.
    """
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = work()
        except BaseException as exc:  # handed to the caller, on its own thread
            outcome["error"] = exc

    worker = threading.Thread(target=target, name="start-up", daemon=True)
    worker.start()
    while worker.is_alive():
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents, 20)
        worker.join(0.01)
    if "error" in outcome:
        raise outcome["error"]
    return cast(T, outcome["value"])


class Startup(QObject):
    """The window first, then the stores: the order of one start of the app.

    ``exit_code`` is set (and the event loop told to exit with it) when the
    stores cannot be opened; ``workspace`` once they are.
    """

    #: SQLite's full check, run in the background, found problems (its findings).
    check_failed = Signal(str)

    def __init__(self, data_folder: str | Path | None = None):
        super().__init__()
        app = application()
        self.root = data_dir(data_folder)
        self.workspace: Workspace | None = None
        self.exit_code: int | None = None
        self.check_result: str | None = None
        self._began = self._closed = False
        #: the window asked to be started again (View → Language → Restart now)
        self.restart = False
        settings = app_settings(self.root)
        i18n.install(app, str(settings.value("language", i18n.SYSTEM)))  # before any widget says a word
        theme.apply(app, str(settings.value("theme", "system")))
        self.window = MainWindow(root=self.root)
        self.window.installEventFilter(self)
        self.window.show()
        self.check_thread: threading.Thread | None = None
        QTimer.singleShot(0 if self.window.isMinimized() else OPEN_WITHOUT_PAINT_MS, self.window, self.open)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.window and event.type() == QEvent.Type.Paint and not self._began:
            QTimer.singleShot(0, self.window, self.open)  # once this paint is on screen
        return False

    def open(self) -> None:
        """Open the workspace and attach it to the window; say why not, over the window, if it cannot be."""
        if self._began:
            return
        self._began = True
        self.window.removeEventFilter(self)
        if self._closed or not self.window.isVisible():
            return  # closed (File → Quit, the window's close button) before it opened: nothing to open
        self.window.statusBar().showMessage(translate("ui.app", "Opening your progress and briefing packs…"))
        from app.errors import InstanceBusyError, PackError, StoreError
        from app.workspace import Workspace

        try:
            self.workspace = Workspace(self.root, recover=True, slow=while_painting)
        except InstanceBusyError as exc:
            self._fail(translate("ui.app", "Briefing Quiz is already open"), str(exc), 3)
            return
        except StoreError as exc:
            self._fail(translate("ui.app", "Cannot open your progress"), str(exc), 2)
            return
        except PackError as exc:
            self._fail(translate("ui.app", "A briefing pack has problems"), str(exc), 1)
            return
        self.window.attach(self.workspace)
        # What start-up built lives as long as the window (Qt's wrappers, the pack, the first page): out of the
        # cycle collector's reach, a full collection that falls in an answer or a scroll walks only what came
        # since (measured after 180 answers: 76 → 38 ms). Start-up's own cycles, if any, stay: one start's worth.
        gc.freeze()
        if not self.workspace.progress_checked:
            QTimer.singleShot(BACKGROUND_CHECK_MS, self.window, self.check_in_background)

    def _fail(self, title: str, text: str, code: int) -> None:
        self.exit_code = code
        self.window.statusBar().clearMessage()
        show_error(title, text, self.window)
        QApplication.exit(code)

    def check_in_background(self) -> threading.Thread | None:
        """SQLite's full check of the progress file on a worker thread; a warning over the window if it fails."""
        workspace = self.workspace
        if workspace is None or not self.window.is_open or not self.window.isVisible():
            return None
        done = threading.Event()

        def target() -> None:
            try:
                self.check_result = workspace.check_progress_file()
            except Exception as exc:  # noqa: BLE001 - a check that cannot run says so, like one that fails
                self.check_result = translate("ui.app", "The check could not run: {reason}").format(reason=exc)
            done.set()

        def collect() -> None:
            if not done.is_set():
                QTimer.singleShot(50, self.window, collect)
            elif self.check_result != "ok" and self.window.isVisible():
                self.check_failed.emit(self.check_result or "")
                self.window.safety.report_damage(self.check_result or "")

        self.check_thread = threading.Thread(target=target, name="progress-check", daemon=True)
        self.check_thread.start()
        QTimer.singleShot(50, self.window, collect)
        return self.check_thread

    def close(self) -> None:
        """Close the window (a clean close: backup, settings), then the stores, once the check let go of them.

        Safe to call twice."""
        if self._closed:
            return
        self._closed = True
        self.restart = self.window.restart_requested
        dispose(self.window)
        if self.check_thread is not None:
            self.check_thread.join(CHECK_PATIENCE_S)
        if self.workspace is not None:
            self.workspace.close()


def start(data_folder: str | Path | None = None) -> Startup:
    """Show the window now; the stores open right after its first paint (inside the event loop)."""
    return Startup(data_folder)


def run(data_folder: str | Path | None = None) -> int:
    app = application()
    startup = start(data_folder)
    try:
        code = app.exec()
    finally:
        startup.close()
    if startup.restart and startup.exit_code is None:
        relaunch()
    return startup.exit_code if startup.exit_code is not None else code


def relaunch() -> bool:
    """Start the app again the way this process was started (its data folder and language come along)."""
    return bool(QProcess.startDetached(sys.executable, sys.argv))


def dispose(widget: QWidget) -> None:
    """Delete a top-level widget now, while Qt and Python are both fully alive.

    Left to interpreter shutdown, PySide6 can tear pyqtgraph's items down in an
    order that aborts the process ("bool_dealloc") after everything was saved;
    deleting the window explicitly first avoids that.
    """
    widget.close()
    widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.unfreeze()  # what start-up froze (Startup.open) is collected now too, not at interpreter shutdown
    gc.collect()
