"""``main.py export --format FORMAT -o FILE``: the content, the quiz, a handout or progress, headless (no Qt)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from cli.common import EXIT_PROBLEMS, learners, open_workspace
from cli.terminal import counted, say

#: Every format, and what it writes (the parser's help and README's table come from here).
FORMATS = {
    "json": "everything in the content store",
    "quiz-json": "generated questions with their keys, explanations and facts (with --plan practice: "
                 "the first questions a new learner's practice asks)",
    "pdf": "the briefing as a PDF handout (A4 or US Letter: --paper)",
    "brief": "the one-page brief as PDF (or Word or Markdown when FILE ends in .docx or .md)",
    "quiz-sheet": "a printable quiz (PDF) and its answer key (FILE-key.pdf) with one exam code "
                  "(--seed CODE, --count, --topics, --kinds)",
    "docx": "the briefing as an editable Word file",
    "markdown": "the briefing as Markdown",
    "anki": "the quiz as an Anki package (.apkg)",
    "moodle-xml": "the quiz as Moodle XML",
    "gift": "the quiz as Moodle GIFT",
    "csv": "the quiz as a spreadsheet",
    "progress-csv": "one row per answer",
    "progress-json": "a learner's whole history",
}
QUIZ_FORMATS = ("anki", "moodle-xml", "gift", "csv")


HANDOUT_FORMATS = ("pdf", "brief", "docx", "markdown")
BY_SUFFIX = {".docx": "docx", ".md": "markdown", ".markdown": "markdown"}


def run(args: argparse.Namespace) -> int:
    folder_allowed = args.format in (*HANDOUT_FORMATS, "quiz-sheet") and Path(args.output).is_dir()
    if not folder_allowed and not writable(args.output):
        return EXIT_PROBLEMS
    if args.format in HANDOUT_FORMATS:
        return _handout(args)
    if args.format == "quiz-sheet":
        return _quiz_sheet(args)
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
            say(f"wrote {args.output} ({counted(count, 'answer')})")
            return 0
        if args.format in QUIZ_FORMATS:
            pack = ws.pack(args.pack)
            if args.learner:  # whose suspended questions are left out (else the first learner's)
                ws.switch_learner(int(learners(ws, args.learner)[0]["id"]))
            count = ws.export_quiz(args.format, args.output, pack.id, args.seed)
            left_out = sorted(ws.suspended_questions(pack.id))
            if left_out:  # counted and named: the only questions an export leaves out
                say(f"wrote {args.output} ({count} of {counted(count + len(left_out), 'question')} from {pack.id}; "
                    f"{len(left_out)} left out, suspended by {ws.learner_name()}: {', '.join(left_out)})")
            else:
                say(f"wrote {args.output} ({counted(count, 'question')} from {pack.id})")
            return 0
        data = (ws.quiz_json(args.seed, plan=args.plan, count=args.count or 40) if args.format == "quiz-json"
                else ws.content_json())
    if args.pack:
        data["packs"] = [p for p in data["packs"] if p["meta"]["id"] == args.pack]
        if not data["packs"]:
            say(f"no pack with id {args.pack!r}", file=sys.stderr)
            return EXIT_PROBLEMS
    args.output.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    say(f"wrote {args.output}")
    return 0


def writable(path: Path) -> bool:
    """Whether ``path`` can be written where it is; if not, why, on stderr (before any slow work is done)."""
    from app.targets import TargetFolderError, check_target

    try:
        check_target(path)
    except TargetFolderError as exc:
        say(f"error: {exc}", file=sys.stderr)
        return False
    return True


def _target(args: argparse.Namespace, pack_id: str, what: str, suffix: str) -> Path:
    """-o FILE, or a file named after the pack and the day inside -o FOLDER."""
    from app.handouts import file_name

    output = Path(args.output)
    if output.is_dir():
        return output / file_name(pack_id, what, date.today(), suffix)
    return output


def _handout(args: argparse.Namespace) -> int:
    """The briefing or the one-page brief as PDF, Word or Markdown (reportlab: no Qt, no display)."""
    from app.handouts import FORMATS

    what = "brief" if args.format == "brief" else "briefing"
    fmt = "pdf" if args.format in ("pdf", "brief") else args.format
    if args.format == "brief":
        fmt = BY_SUFFIX.get(args.output.suffix.lower(), "pdf")
    with open_workspace(args) as ws:
        pack = ws.pack(args.pack)
        target = _target(args, pack.id, what, FORMATS[fmt])
        written = ws.export_handout(what, fmt, target, pack.id, paper=args.paper)
    pages = f"{written.pages} page{'s' if written.pages != 1 else ''}"
    say(f"wrote {written.path}" + (f" ({pages}, {args.paper})" if written.pages else ""))
    if written.dropped:
        say(f"left out to fit one page: {'; '.join(written.dropped)}")
    return 0


def _quiz_sheet(args: argparse.Namespace) -> int:
    """A question sheet and its answer key with one exam code; the code is printed for the trainer."""
    from app.errors import ExamCodeError

    topics = [t.strip() for t in (args.topics or "").split(",") if t.strip()]
    kinds = [k.strip() for k in (args.kinds or "").split(",") if k.strip()]
    code = None if args.seed == "0" else args.seed
    with open_workspace(args) as ws:
        pack = ws.pack(args.pack)
        target = _target(args, pack.id, "quiz-sheet", ".pdf")
        try:
            files = ws.export_paper_quiz(target, pack.id, code=code, count=args.count or 20, topics=topics,
                                         kinds=kinds, paper=args.paper)
        except (ExamCodeError, ValueError) as exc:
            say(f"error: {exc}", file=sys.stderr)
            return EXIT_PROBLEMS
    say(f"wrote {files.sheet} and {files.key} ({counted(files.questions, 'question')} from {pack.id})")
    say(f"exam code: {files.code}")
    if code and args.count and args.count != files.asked:  # said, not silently dropped
        say(f"note: exam code {files.code} asks for {counted(files.asked, 'question')} (a code carries its own "
            f"count): --count {args.count} was not used")
    if files.questions < files.asked:
        say(f"note: {files.questions} of the {files.asked} questions asked for: all this pack can ask in one exam "
            "without one question giving another's answer away")
    return 0
