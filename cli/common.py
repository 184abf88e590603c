"""What every command shares: opening the data folder the way commands may, and picking learners."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from app.workspace import Workspace
from cli.terminal import counted

EXIT_PROBLEMS, EXIT_STORE, EXIT_BUSY = 1, 2, 3


def open_workspace(args: argparse.Namespace) -> Workspace:
    """The workspace for a command: read-only while the app holds the data folder; refuses a
    progress file that needs recovery unless ``--recover`` was given (then it recovers and says how)."""
    ws = Workspace(args.data_dir, recover=args.recover, holder=f"the command `main.py {args.command}`",
                   command=True, read_only_if_busy=not args.recover)
    for notice in ws.notices:
        print(f"note: {notice}", file=sys.stderr)
    if ws.recovery is not None:
        try:
            recover(ws)
        except BaseException:
            ws.close()
            raise
    return ws


def recover(ws: Workspace) -> None:
    """What the app's recovery offer does when its default button is pressed, said on stderr."""
    found = ws.recovery
    assert found is not None
    kept = ", ".join(str(p) for p in found.kept) or str(found.moved_to)
    print(f"recover: {found.message}\nrecover: kept (not deleted): {kept}", file=sys.stderr)
    if found.backup is None:
        print("recover: there is no good backup; starting with empty progress", file=sys.stderr)
        return
    what = ("the answers rebuilt from the left-over journal" if found.salvaged
            else f"the backup from {found.backup.label}")
    answers = found.backup.answers()
    ws.restore(found.backup.path)
    count = counted(answers, "answer") if answers is not None else "answers not counted: the backup could not be read"
    print(f"recover: restored {what} ({count})", file=sys.stderr)


def learners(ws: Workspace, name: str | None) -> list[dict[str, Any]]:
    """Learner rows matching ``name`` (all when None); SystemExit with a message if unknown."""
    from cli.terminal import terminal_safe

    rows = ws.learners()
    if name is None:
        return rows
    chosen = [row for row in rows if row["name"] == name]
    if not chosen:
        known = ", ".join(row["name"] for row in rows) or "none"
        raise SystemExit(terminal_safe(f"error: no learner called {name!r} (learners: {known})"))
    return chosen


def offscreen_if_headless() -> None:
    """Qt renders PDFs without a screen: pick its offscreen platform when there is no display."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
