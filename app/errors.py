"""The errors the facade raises, for the GUI and the command line to catch (one place to import them from).

Each carries a message worded for the person using the app; showing it as it
is (plain text) is always right.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from app.targets import TargetFolderError
from content.problems import ImportCancelled, PackError
from db import sqlite_utils_import  # noqa: F401 - before sqlite_utils itself: loads it without numpy
from db.errors import (
    CorruptStoreError,
    ForeignFileError,
    InstanceBusyError,
    NeedsRecoveryError,
    NewerSchemaError,
    NotSavedError,
    StoreError,
    StoreFullError,
)
from db.learner_files import LearnerFileError
from db.learners import LearnerNameError
from quiz.exam_code import ExamCodeError
from quiz.session import NothingToAsk, NothingToUndo

if TYPE_CHECKING:
    from quiz.interchange.readers import QuestionImportError
    from quiz.report import UnreadableFiles

#: Raised only by features the app opens without (question import, trainer reports): imported when first
#: named, so opening the app does not load their modules (about 30 ms of the start-up's imports).
_LATER = {"QuestionImportError": "quiz.interchange.readers", "UnreadableFiles": "quiz.report"}


def __getattr__(name: str) -> Any:
    if name in _LATER:
        return getattr(importlib.import_module(_LATER[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "CorruptStoreError", "ExamCodeError", "ForeignFileError", "ImportCancelled", "InstanceBusyError",
    "LearnerFileError", "LearnerNameError", "NeedsRecoveryError", "NewerSchemaError", "NotSavedError",
    "NothingToAsk", "NothingToUndo", "PackError", "QuestionImportError", "StoreError", "StoreFullError",
    "TargetFolderError", "UnreadableFiles",
]
