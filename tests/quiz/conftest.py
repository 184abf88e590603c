"""Fixtures for the engine's tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from db.progress import open_progress


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    """A fresh progress store in tmp_path, closed after the test."""
    database = open_progress(tmp_path / "progress.db")
    yield database
    database.close()
