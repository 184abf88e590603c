"""``main.py backup`` and ``main.py restore``: the File menu's "Back up now" and "Restore a backup" without
the window, for a machine where the app cannot open (no display, Qt's libraries missing) or a script.

Both change files, so both need the app closed: while it holds the data folder they say so and exit 3
(``backup --list`` only reads, and works while it is open).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.common import EXIT_BUSY, EXIT_PROBLEMS, open_workspace
from cli.terminal import counted, say, terminal_safe
from db.backup import Backup


def add_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    taking = sub.add_parser("backup", help="back up your progress now (as File → Back up now), or list the backups")
    taking.add_argument("--list", action="store_true", help="list the backups, newest first, with their answers")
    restoring = sub.add_parser("restore", help="replace your progress with a backup; the current file is kept aside")
    which = restoring.add_mutually_exclusive_group(required=True)
    which.add_argument("backup", nargs="?", type=Path,
                       help="a backup file (a name `backup --list` shows, or a path to a backup copied from elsewhere)")
    which.add_argument("--newest", action="store_true", help="the newest backup")


def _busy(action: str) -> int:
    print(f"error: {action} changes files the app is using: close Briefing Quiz first (or use its File menu).",
          file=sys.stderr)
    return EXIT_BUSY


def _line(found: Backup) -> str:
    answers = found.answers()
    return f"{found.label}  {counted(answers, 'answer') if answers is not None else 'cannot be read'}  " \
           f"{found.path.name}"


def backup(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        if args.list:
            found = list(reversed(ws.backups()))
            say(*(map(_line, found)) if found else ["no backups yet (one is taken every 30 minutes of use)"])
            say(f"in {ws.backups_dir}")
            return 0
        if ws.read_only:
            return _busy("A backup")
        path = ws.back_up()
        say(f"backed up to {path}", _line(next(b for b in ws.backups() if b.path == path)))
    return 0


def restore(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        if ws.read_only:
            return _busy("A restore")
        backups = ws.backups()
        if args.newest:
            if not backups:
                print(f"error: there is no backup in {ws.backups_dir}; nothing was changed.", file=sys.stderr)
                return EXIT_PROBLEMS
            source = backups[-1].path
        else:
            named = ws.backups_dir / args.backup.name
            source = args.backup if args.backup.exists() or not named.exists() else named
            if not source.is_file():
                print(terminal_safe(f"error: no backup file {args.backup} (`main.py backup --list` lists them); "
                                    "nothing was changed."), file=sys.stderr)
                return EXIT_PROBLEMS
        try:
            kept = ws.restore(source)
        except ValueError as exc:  # damaged, or from a newer version: refused before anything changed
            print(terminal_safe(f"error: {exc}"), file=sys.stderr)
            return EXIT_PROBLEMS
        now = ws.check_database()  # what is in place now, checked as Help → Check database does
        say(terminal_safe(f"restored {source.name}: {counted(now.answers, 'answer')}, database check: {now.result}"))
        if kept is not None:
            say(terminal_safe(f"your progress before the restore is kept (not deleted) as {kept}"))
    return 0
