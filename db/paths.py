"""Where the app keeps its files.

Order of precedence: an explicit ``--data-dir``, then ``BRIEFING_DATA_DIR``
(tests point this at a temporary folder so they never touch the real home),
then the platform's per-user data folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "BriefingQuiz"
ENV_VAR = "BRIEFING_DATA_DIR"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    if override:
        path = Path(override)
    elif os.environ.get(ENV_VAR):
        path = Path(os.environ[ENV_VAR])
    else:
        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return path.expanduser()
