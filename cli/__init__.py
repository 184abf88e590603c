"""The command line: the GUI by default, plus headless commands, each a thin call of the facade.

    python main.py                         open the app
    python main.py check PACK_DIR          validate a briefing pack
    python main.py draft ARTICLE -o DIR    draft a briefing pack from an article (.txt, .html, .pdf)
    python main.py import PACK_DIR         add a briefing pack to your library
    python main.py import-questions FILE --pack ID   add a GIFT, Moodle XML, CSV or Anki file's questions
    python main.py export --format json -o FILE
    python main.py export --format pdf -o briefing.pdf [--paper letter]
    python main.py export --format quiz-sheet -o sheet.pdf [--count 20] [--topics ID,ID]
    python main.py export --format progress-csv -o answers.csv [--learner NAME]
    python main.py stats [--learner NAME] [--json]
    python main.py report FILES... -o report.pdf [--csv report.csv]
    python main.py backup [--list]          back up progress now, or list the backups
    python main.py restore BACKUP|--newest  replace progress with a backup (the current file is kept aside)
    python main.py --recover COMMAND       move a damaged progress file aside and restore the newest backup

Commands only read progress, except backup and restore. While the app is
open they read what it has saved (read-only); a damaged, foreign or newer
progress file is refused with a message and exit status 2, and left as it is
(the app, or --recover, deals with it). Exit status 3: the data folder is in
use (--recover, backup or restore while the app is open).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from cli import backups, check, draft, export, imports, question_import, report, stats
from cli.common import EXIT_BUSY, EXIT_STORE
from cli.terminal import terminal_safe
from content.handout.paper import default_paper

__all__ = ["build_parser", "main", "terminal_safe", "COMMANDS"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefing-quiz", description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data-dir", help="folder for progress and content stores (default: per-user data folder)")
    parser.add_argument("--recover", action="store_true",
                        help="if the progress file is damaged (or only its journal is left), move it aside and "
                             "restore the newest good backup, as the app offers to; then run the command")
    sub = parser.add_subparsers(dest="command")

    checking = sub.add_parser("check", help="validate a briefing pack and list every problem")
    checking.add_argument("pack_dir", type=Path)

    draft.add_parser(sub)

    importing = sub.add_parser("import", help="validate a briefing pack and add it to your library")
    importing.add_argument("pack_dir", type=Path)

    questions = sub.add_parser("import-questions",
                               help="add the questions of a GIFT, Moodle XML, CSV or Anki file to a pack you imported")
    questions.add_argument("file", type=Path, help=".gift/.txt, .xml, .csv or .apkg")
    questions.add_argument("--pack", required=True, help="id of the pack that gets the questions")

    exporting = sub.add_parser("export", help="write the content, the quiz, a handout or progress to a file")
    exporting.add_argument("--format", choices=list(export.FORMATS), default="json",
                           help="; ".join(f"{name}: {what}" for name, what in export.FORMATS.items()))
    exporting.add_argument("--learner", help="learner name for progress exports (default: all / the only one); "
                           "for quiz exports, whose suspended questions are left out")
    exporting.add_argument("--seed", default="0", help="seed or exam code for the quiz (same seed, same questions); "
                           "quiz-sheet: the exam code to print (default: a new one)")
    exporting.add_argument("-o", "--output", type=Path, required=True,
                           help="the file to write (handouts: or a folder, to name the file after the pack and day)")
    exporting.add_argument("--pack", help="pack id (json and quiz-json: default every pack; the other formats: "
                                          "default the first pack in your library by title)")
    exporting.add_argument("--plan", choices=["practice"],
                           help="quiz-json: also list, in order, the questions a new learner's practice asks first")
    exporting.add_argument("--count", type=int,
                           help="with --plan: how many questions to list (default 40); quiz-sheet: how many "
                                "questions a new exam code asks (default 20, at most 63)")
    exporting.add_argument("--paper", choices=["a4", "letter"], default=default_paper(),
                           help="paper of PDF and Word handouts (default from the locale: letter in the US and "
                                "Canada, else a4)")
    exporting.add_argument("--topics", help="quiz-sheet: topic ids, comma-separated (default: every topic)")
    exporting.add_argument("--kinds", help="quiz-sheet: question kinds, comma-separated (choice, scenario, truefalse, "
                                           "numeric, text, matching, multi, order, classify; default: all)")

    reporting = sub.add_parser("report", help="merge learners' progress files into a trainer report (PDF and CSV)")
    reporting.add_argument("files", nargs="+", type=Path, help="progress files exported by learners")
    reporting.add_argument("-o", "--output", type=Path, required=True, help="report.pdf (or report.csv)")
    reporting.add_argument("--csv", type=Path, help="also write the figures as CSV here")
    reporting.add_argument("--pack", help="id of the pack the learners answered (default: the first pack in your "
                                          "library by title, the only one if you imported none; `main.py stats` "
                                          "shows pack ids)")

    showing = sub.add_parser("stats", help="print the progress figures the dashboard shows")
    showing.add_argument("--learner", help="learner name (default: every learner)")
    showing.add_argument("--pack", help="pack id (default: every pack)")
    showing.add_argument("--json", action="store_true", help="machine-readable output")

    backups.add_parsers(sub)
    return parser


def run_gui(args: argparse.Namespace) -> int:
    from ui.system_check import check as check_system

    problem = check_system()  # before Qt loads: its own message names the wrong library and aborts
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_BUSY
    from ui.app import run

    return run(args.data_dir)


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "check": check.run, "draft": draft.run, "import": imports.run, "import-questions": question_import.run,
    "export": export.run, "stats": stats.run, "report": report.run, "backup": backups.backup,
    "restore": backups.restore,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler = COMMANDS.get(args.command, run_gui)
    try:
        return handler(args)
    except Exception as exc:  # last line of defence: a clear message, not a traceback
        from app.errors import InstanceBusyError, NeedsRecoveryError, StoreError

        if isinstance(exc, InstanceBusyError):
            print(f"error: {exc} (--recover changes your progress file, so it needs the app closed.)",
                  file=sys.stderr)
            return EXIT_BUSY
        if isinstance(exc, NeedsRecoveryError):
            print(f"error: {exc}\nOpen Briefing Quiz to choose what to restore, or run this command again with "
                  "--recover (before the command) to set the file aside and restore the newest good backup.",
                  file=sys.stderr)
            return EXIT_STORE
        if isinstance(exc, StoreError | OSError):
            print(f"error: {exc}", file=sys.stderr)
            return EXIT_STORE
        raise
