"""sqlite-utils, imported without two of its imports the app never uses.

Imported first by whatever opens the stores (``app.workspace``), so sqlite-utils
is loaded here, before any store module imports it, without numpy (sqlite-utils
maps numpy scalars to column types when numpy is installed; the app stores plain
Python values) and without dateutil's parser (used only by sqlite-utils' date
recipes, so it is loaded on first use). Together they were half of the 300 ms sqlite-utils took to import
at every start. numpy is still there for pyqtgraph's charts, which import it
themselves when a chart is first drawn.
"""

from __future__ import annotations

import importlib.util
import sys


def _load_on_first_use(name: str) -> None:
    """Put ``name`` in ``sys.modules`` as a module that runs its code on first attribute access."""
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        return
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    if parent:
        setattr(sys.modules[parent], child, module)


def _import_sqlite_utils() -> None:
    if "sqlite_utils" in sys.modules:
        return
    if "dateutil.parser" not in sys.modules:
        _load_on_first_use("dateutil.parser")
    hide_numpy = "numpy" not in sys.modules
    if hide_numpy:
        sys.modules["numpy"] = None  # type: ignore[assignment]  # its `import numpy` fails: numpy stays unloaded
    try:
        import sqlite_utils  # noqa: F401
    finally:
        if hide_numpy:
            del sys.modules["numpy"]


_import_sqlite_utils()
