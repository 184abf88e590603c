"""``main.py export --format FORMAT -o FILE``: the content, the quiz, a handout or progress, headless."""

from __future__ import annotations

import argparse
import json
import sys

from cli.common import EXIT_PROBLEMS, learners, offscreen_if_headless, open_workspace
from cli.terminal import say

#: Every format, and what it writes (the parser's help and README's table come from here).
FORMATS = {
    "json": "everything in the content store",
    "quiz-json": "generated questions with their keys, explanations and facts (with --plan practice: "
                 "the first questions a new learner's practice asks)",
    "pdf": "the briefing as an A4 handout",
    "anki": "the quiz as an Anki package (.apkg)",
    "moodle-xml": "the quiz as Moodle XML",
    "gift": "the quiz as Moodle GIFT",
    "csv": "the quiz as a spreadsheet",
    "progress-csv": "one row per answer",
    "progress-json": "a learner's whole history",
}
QUIZ_FORMATS = ("anki", "moodle-xml", "gift", "csv")


def run(args: argparse.Namespace) -> int:
    if args.format == "pdf":
        return _pdf(args)
    with open_workspace(args) as ws:
        if args.format.startswith("progress-"):
            rows = learners(ws, args.learner)
            if args.format == "progress-csv":
                count = ws.export_progress("csv", args.output, learner_id=rows[0]["id"] if args.learner else None,
                                           every_learner=not args.learner)
            else:
                if len(rows) != 1:
                    raise SystemExit("error: progress-json holds one learner's history; choose one with --learner")
                count = ws.export_progress("json", args.output, learner_id=rows[0]["id"])
            say(f"wrote {args.output} ({count} answers)")
            return 0
        if args.format in QUIZ_FORMATS:
            pack = ws.pack(args.pack)
            if args.learner:  # whose suspended questions are left out (else the first learner's)
                ws.switch_learner(int(learners(ws, args.learner)[0]["id"]))
            count = ws.export_quiz(args.format, args.output, pack.id, args.seed)
            left_out = len(ws.suspended_questions(pack.id))
            suspended = f"; {left_out} suspended by {ws.learner_name()} left out" if left_out else ""
            say(f"wrote {args.output} ({count} questions from {pack.id}{suspended})")
            return 0
        data = (ws.quiz_json(args.seed, plan=args.plan, count=args.count) if args.format == "quiz-json"
                else ws.content_json())
    if args.pack:
        data["packs"] = [p for p in data["packs"] if p["meta"]["id"] == args.pack]
        if not data["packs"]:
            say(f"no pack with id {args.pack!r}", file=sys.stderr)
            return EXIT_PROBLEMS
    args.output.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    say(f"wrote {args.output}")
    return 0


def _pdf(args: argparse.Namespace) -> int:
    """Headless: Qt renders the handout offscreen when there is no display."""
    offscreen_if_headless()
    from ui.app import application
    from ui.handout import write_pdf

    application()
    with open_workspace(args) as ws:
        write_pdf(ws.pack(args.pack), args.output)
    say(f"wrote {args.output}")
    return 0
