"""Start the GUI: open the stores, apply the theme, show the main window.

Store problems are shown in plain words in a dialog before any window opens,
and the process exits non-zero; the files involved are never modified. The
app is the one place that recovers a damaged progress file (it offers the
newest backup once the window is up), and only one copy of it may use a data
folder: a second one says so and exits with status 3.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QMessageLogContext, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.errors import InstanceBusyError, PackError, StoreError
from app.workspace import Workspace
from ui import theme
from ui.main_window import MainWindow
from ui.settings import app_settings

_NOISE = ("This plugin does not support propagateSizeHints",)


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


def show_error(title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, title, text)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def run(data_dir: str | Path | None = None) -> int:
    app = application()
    try:
        workspace = Workspace(data_dir, recover=True)
    except InstanceBusyError as exc:
        show_error("Briefing Quiz is already open", str(exc))
        return 3
    except StoreError as exc:
        show_error("Cannot open your progress", str(exc))
        return 2
    except PackError as exc:
        show_error("A briefing pack has problems", str(exc))
        return 1
    theme.apply(app, str(app_settings(workspace.root).value("theme", "system")))
    window = MainWindow(workspace)
    window.show()
    try:
        return app.exec()
    finally:
        dispose(window)
        workspace.close()


def dispose(widget: QWidget) -> None:
    """Delete a top-level widget now, while Qt and Python are both fully alive.

    Left to interpreter shutdown, PySide6 can tear pyqtgraph's items down in an
    order that aborts the process ("bool_dealloc") after everything was saved;
    deleting the window explicitly first avoids that.
    """
    widget.close()
    widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
