"""``main.py import-questions FILE --pack ID``: a GIFT, Moodle XML, CSV or Anki file's questions into a pack.

The pack's ``pack.toml`` keeps its comments and layout; the pack is imported
again all or nothing. What came in and what did not (with the reason) is
printed; exit 1 when the file or the pack refused the import as a whole.
"""

from __future__ import annotations

import argparse
import sys

from cli.common import EXIT_PROBLEMS, open_workspace
from cli.terminal import say, terminal_safe
from quiz.interchange.readers import QuestionImportError


def run(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        if args.pack not in ws.pack_ids():
            known = ", ".join(ws.pack_ids()) or "none"
            print(terminal_safe(f"error: no pack with id {args.pack!r} (packs: {known})"), file=sys.stderr)
            return EXIT_PROBLEMS
        try:
            report = ws.import_questions(args.pack, args.file)
        except QuestionImportError as exc:
            print(terminal_safe(f"error: {exc}"), file=sys.stderr)
            return EXIT_PROBLEMS
    say(str(report))
    nothing_new = bool(report.already) and not report.skipped  # the pack has them all already: not a failure
    return 0 if report.count or nothing_new else EXIT_PROBLEMS
