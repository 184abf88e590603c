"""Message boxes for what could not be done, in plain words.

Always plain text: messages quote file names and learner names, which must
never be read as markup. Always window-modal and non-blocking (``open``), so
the app keeps painting and a test can find the box by its object name.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.i18n import translate

NOT_SAVED = "not-saved"


def not_written(path: Path, exc: Exception) -> str:
    """Why ``path`` could not be written, in words: a missing folder is named, not ``[Errno 2] …``."""
    from app.errors import TargetFolderError  # here: at import, app.errors would load the stores before the first paint

    if isinstance(exc, TargetFolderError) and exc.folder_is_file:
        return translate("ui.messages", "Could not write {file}: {folder} is a file, not a folder.").format(
            file=path, folder=exc.folder)
    if isinstance(exc, TargetFolderError | FileNotFoundError):
        return translate("ui.messages", "Could not write {file}: the folder {folder} does not exist. Choose a folder "
                         "that exists, or create it first.").format(file=path, folder=path.parent)
    if isinstance(exc, PermissionError):
        return translate("ui.messages", "Could not write {file}: you may not write in the folder {folder}. Choose "
                         "another folder.").format(file=path, folder=path.parent)
    return translate("ui.messages", "Could not write {file}: {reason}").format(file=path, reason=exc)


def warn(parent: QWidget, title: str, text: str, *, name: str = NOT_SAVED) -> QMessageBox:
    """Open a warning box over ``parent`` and return it (it deletes itself when closed)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setObjectName(name)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def inform(parent: QWidget, title: str, text: str, *, name: str = "information") -> QMessageBox:
    """An information box (nothing went wrong; there is just nothing to do)."""
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setObjectName(name)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
