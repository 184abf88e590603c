"""Message boxes for what could not be done, in plain words.

Always plain text: messages quote file names and learner names, which must
never be read as markup. Always window-modal and non-blocking (``open``), so
the app keeps painting and a test can find the box by its object name.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

NOT_SAVED = "not-saved"


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
