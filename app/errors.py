"""The errors the facade raises, for the GUI and the command line to catch (one place to import them from).

Each carries a message worded for the person using the app; showing it as it
is (plain text) is always right.
"""

from __future__ import annotations

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
from quiz.interchange.readers import QuestionImportError
from quiz.report import UnreadableFiles
from quiz.session import NothingToAsk, NothingToUndo

__all__ = [
    "CorruptStoreError", "ExamCodeError", "ForeignFileError", "ImportCancelled", "InstanceBusyError",
    "LearnerFileError", "LearnerNameError", "NeedsRecoveryError", "NewerSchemaError", "NotSavedError",
    "NothingToAsk", "NothingToUndo", "PackError", "QuestionImportError", "StoreError", "StoreFullError",
    "UnreadableFiles",
]
