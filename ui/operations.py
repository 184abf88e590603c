"""One way for the UI to change what is stored: run it, say plainly what failed, announce what changed.

Every store-changing action (an answer, a read mark, a new learner, a backup, a
restore, starting a quiz) goes through :func:`run`, so they all fail the same
way: a plain-text message naming what was not done, and the reason; the screen
then shows what is really stored. (Anki's ``CollectionOp`` is the model: one
error path, and screens refresh on a hook, here :class:`ui.state.AppState`'s signals.)
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.errors import ExamCodeError, LearnerNameError, NothingToAsk, NothingToUndo, PackError, StoreError
from ui.i18n import translate
from ui.messages import inform, warn

T = TypeVar("T")


class Failed(Exception):
    """Raised by :func:`run` with ``raising=True``: the action failed and the user was told."""


def run(parent: QWidget, what: str, action: Callable[[], T], *, changed: Callable[[], None] | None = None,
        raising: bool = False) -> T | None:
    """``action()``; on success call ``changed`` (e.g. a state signal) and return the result.

    ``what`` names the action for the message title ("Marking the section as read").
    On failure the user is told in words and None is returned (or :class:`Failed`
    raised, for callers that must undo what they showed).
    """
    try:
        result = action()
    except NothingToAsk as exc:
        inform(parent, translate("ui.operations", "Nothing to ask"), str(exc))
    except NothingToUndo as exc:
        inform(parent, translate("ui.operations", "Nothing to undo"), str(exc), name="nothing-to-undo")
    except ExamCodeError as exc:
        warn(parent, translate("ui.operations", "Exam code"), str(exc), name="exam-code")
    except LearnerNameError as exc:
        warn(parent, what, str(exc), name="learner-name")
    except (StoreError, PackError) as exc:  # a pack in the library that no longer reads: its problems, in words
        warn(parent, translate("ui.operations", "{what}: not done").format(what=what), str(exc))
    except (sqlite3.Error, OSError) as exc:
        warn(parent, translate("ui.operations", "{what}: not done").format(what=what),
             translate("ui.operations", "{what} could not be done: {reason}. Everything saved before is safe.")
             .format(what=what, reason=exc))
    else:
        if changed is not None:
            changed()
        return result
    if raising:
        raise Failed(what)
    return None


def busy(action: Callable[[], T]) -> Callable[[], T]:
    """``action`` behind the wait cursor, for one that can take seconds (composing a quiz from a pack of
    10,000 figures took 1.7 s with no sign of life). Wrapped inside :func:`run`, so a message box that
    follows a failure has the normal pointer."""

    def wrapped() -> T:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return action()
        finally:
            QApplication.restoreOverrideCursor()

    return wrapped


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """A yes/no question whose safe answer (No) is the default."""
    answer = QMessageBox.question(parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes
