"""Where the data folder is, without opening anything: what the GUI needs before its first paint.

Kept apart from :mod:`app.workspace` (which imports the stores, sqlite-utils and
the engine) so the window can read its settings and show itself first.
"""

from __future__ import annotations

from db.paths import data_dir

__all__ = ["data_dir"]
