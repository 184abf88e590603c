"""The one place the app imports pyqtgraph, lazily.

pyqtgraph costs ~0.5 s to import, so charts call :func:`pg` only when they are
built, after the window has painted. Its package ``__init__`` also imports
``RemoteGraphicsView``, which pulls in ``multiprocessing`` and with it the
``socket`` module. The app never draws in another process and must not carry
networking code, so that one widget is replaced by a stub before the import.
"""

from __future__ import annotations

import math
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


def label_size(widget: Any) -> dict[str, str]:
    """The CSS size for an axis title, the size of ``widget``'s text (pyqtgraph draws it at its own size,
    which did not follow Ctrl+/−)."""
    size = widget.font().pointSizeF()
    return {"font-size": f"{size:g}pt"} if size > 0 else {}


def spaced_ticks(count: int, label_width: float, slot_width: float, every: int = 1, gap: float = 12.0) -> list[int]:
    """Which of ``count`` evenly spaced categories to label so no two labels overlap.

    ``slot_width`` is the distance between neighbouring categories, ``label_width`` the widest label
    (both in pixels); ``every`` the preferred spacing (a week of days). The first and the last
    category are labelled; one that would crowd the last is left out. At 1024×640 the dates under a
    30-day chart ran into each other; a narrower chart now labels every second week instead.
    """
    if count <= 0:
        return []
    step = max(1, every)
    if slot_width > 0:
        needed = math.ceil((label_width + gap) / slot_width)
        while step < needed:
            step += max(1, every)
    ticks = list(range(0, count, step))
    last = count - 1
    if ticks[-1] != last:
        if slot_width > 0 and (last - ticks[-1]) * slot_width < label_width + gap and len(ticks) > 1:
            ticks.pop()
        ticks.append(last)
    return ticks
