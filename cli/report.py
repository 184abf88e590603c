"""``main.py report FILES -o report.pdf [--csv report.csv]``: the trainer report, headless."""

from __future__ import annotations

import argparse
import sys

from app.errors import UnreadableFiles
from cli.common import EXIT_PROBLEMS, EXIT_STORE, offscreen_if_headless, open_workspace
from cli.export import writable
from cli.terminal import counted, say


def run(args: argparse.Namespace) -> int:
    missing = [str(f) for f in args.files if not f.is_file()]
    if missing:
        say(f"error: no such file: {', '.join(missing)}", file=sys.stderr)
        return EXIT_STORE
    if not all(writable(path) for path in (args.output, args.csv) if path is not None):
        return EXIT_PROBLEMS
    with open_workspace(args) as ws:
        try:
            pack_id = ws.pack(args.pack).id  # said below: without --pack, which pack was taken is not obvious
            report = ws.trainer_report(args.files, pack_id)
        except UnreadableFiles as exc:
            say(*(f"error: {problem}" for problem in exc.problems), file=sys.stderr)
            return EXIT_STORE
    csv_path = args.csv or (args.output if args.output.suffix.lower() == ".csv" else None)
    if csv_path:
        csv_path.write_text(report.to_csv(), encoding="utf-8")
        say(f"wrote {csv_path}")
    if args.output.suffix.lower() != ".csv":
        offscreen_if_headless()
        from ui.app import application
        from ui.report_pdf import write_report_pdf

        application()
        write_report_pdf(report, args.output)
        say(f"wrote {args.output}")
    say(f"{counted(len(report.learners), 'learner')} on pack {pack_id!r}: {report.title}")
    return 0
