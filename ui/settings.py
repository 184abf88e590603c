"""Window state and preferences, kept in the data folder (never the registry).

Keeping them beside the progress file means tests that point the data folder
at a temporary directory can never read or clobber a real user's settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings


def app_settings(root: Path) -> QSettings:
    return QSettings(str(root / "settings.ini"), QSettings.Format.IniFormat)
