"""The one place the app imports pyqtgraph, lazily.

pyqtgraph costs ~0.5 s to import, so charts call :func:`pg` only when they are
built, after the window has painted. Its package ``__init__`` also imports
``RemoteGraphicsView``, which pulls in ``multiprocessing`` and with it the
``socket`` module. The app never draws in another process and must not carry
networking code, so that one widget is replaced by a stub before the import.
"""

from __future__ import annotations

import sys
import types
from typing import Any

_REMOTE = "pyqtgraph.widgets.RemoteGraphicsView"


class _NoRemoteGraphicsView:
    """Stand-in for pyqtgraph's out-of-process view, which this app does not use."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        raise RuntimeError("RemoteGraphicsView is disabled in this app (it would open a socket)")


def pg() -> Any:
    """The pyqtgraph module, imported on first use, configured for this app."""
    module = sys.modules.get("pyqtgraph")
    if module is not None:
        return module
    if _REMOTE not in sys.modules:
        stub = types.ModuleType(_REMOTE)
        stub.RemoteGraphicsView = _NoRemoteGraphicsView  # type: ignore[attr-defined]
        sys.modules[_REMOTE] = stub
    import pyqtgraph

    pyqtgraph.setConfigOptions(antialias=True)
    return pyqtgraph


def plot_widget(accessible_name: str) -> Any:
    """A static pyqtgraph PlotWidget: no menu, no mouse pan/zoom, named for screen readers."""
    plot = pg().PlotWidget()
    plot.setAccessibleName(accessible_name)
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    return plot
