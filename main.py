"""Entry point: the GUI by default, plus headless commands.

    python main.py                         open the app
    python main.py check PACK_DIR          validate a briefing pack
    python main.py import PACK_DIR         add a briefing pack to your library
    python main.py export --format json -o FILE
    python main.py export --format pdf -o brief.pdf
    python main.py export --format progress-csv -o answers.csv [--learner NAME]
    python main.py stats [--learner NAME] [--json]
    python main.py report FILES... -o report.pdf [--csv report.csv]
    python main.py --recover COMMAND       move a damaged progress file aside and restore the newest backup

Commands only read progress. While the app is open they read what it has
saved (read-only); a damaged, foreign or newer progress file is refused with
a message and exit status 2, and left as it is (the app, or --recover, deals
with it). Exit status 3: the data folder is in use (--recover while the app is open).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

#: Terminal escape sequences: CSI (ESC [ or U+009B … final byte), OSC/DCS/SOS/PM/APC strings up to their
#: terminator (BEL or ST), and two-byte ESC sequences.
_ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d-\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]?")
#: Control characters (C0, DEL, C1), line and paragraph separators, and the bidirectional overrides and
#: isolates that reorder what follows them on screen.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: object) -> str:
    """``text`` as one line that cannot drive the terminal it is printed on.

    Pack titles, problems, topic titles, prompts, learner names and file names
    are someone else's text: an escape sequence in a pack title could retitle
    the window, clear the screen or rewrite earlier output, and a bidi override
    could make ``evil`` print as ``live``. Escape sequences go as a whole, other
    control characters become spaces (blanks) or disappear.
    """
    text = _ESCAPE_SEQUENCE.sub("", str(text))
    return _CONTROL.sub(lambda m: " " if m.group() in "\t\n\r\x0b\x0c\u2028\u2029" else "", text)


def _say(*lines: object, file: TextIO | None = None) -> None:
    """Print each line made terminal-safe (see :func:`terminal_safe`)."""
    for line in lines:
        print(terminal_safe(line), file=file or sys.stdout)


def _json_for_terminal(data: object) -> str:
    """JSON as ``json.dumps`` writes it, with the characters it leaves raw that a terminal acts on
    (DEL, C1 controls, bidi controls) written as ``\\uXXXX``: the same data once parsed."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return re.sub(r"[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]",
                  lambda m: f"\\u{ord(m.group()):04x}", text)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefing-quiz", description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", help="folder for progress and content stores (default: per-user data folder)")
    parser.add_argument("--recover", action="store_true",
                        help="if the progress file is damaged (or only its journal is left), move it aside and "
                             "restore the newest good backup, as the app offers to; then run the command")
    sub = parser.add_subparsers(dest="command")

    check = sub.add_parser("check", help="validate a briefing pack and list every problem")
    check.add_argument("pack_dir", type=Path)

    imp = sub.add_parser("import", help="validate a briefing pack and add it to your library")
    imp.add_argument("pack_dir", type=Path)

    export = sub.add_parser("export", help="write the content store to a file")
    export.add_argument("--format", choices=EXPORT_FORMATS, default="json",
                        help="json: the content store; quiz-json: generated questions with their answer keys; "
                             "pdf: the briefing as an A4 handout; anki/moodle-xml/gift/csv: the quiz for other "
                             "tools; progress-csv: one row per answer; "
                             "progress-json: a learner's whole history")
    export.add_argument("--learner", help="learner name for progress exports (default: all / the only one)")
    export.add_argument("--seed", default="0", help="seed or exam code for quiz-json (same seed, same questions)")
    export.add_argument("-o", "--output", type=Path, required=True)
    export.add_argument("--pack", help="pack id (default: every pack)")
    export.add_argument("--plan", choices=["practice"],
                        help="quiz-json: also list, in order, the questions a new learner's practice asks first")
    export.add_argument("--count", type=int, default=40, help="with --plan: how many questions to list (default 40)")

    report = sub.add_parser("report", help="merge learners' progress files into a trainer report (PDF and CSV)")
    report.add_argument("files", nargs="+", type=Path, help="progress files exported by learners")
    report.add_argument("-o", "--output", type=Path, required=True, help="report.pdf (or report.csv)")
    report.add_argument("--csv", type=Path, help="also write the figures as CSV here")
    report.add_argument("--pack", help="pack id (default: the bundled briefing)")

    stats = sub.add_parser("stats", help="print the progress figures the dashboard shows")
    stats.add_argument("--learner", help="learner name (default: every learner)")
    stats.add_argument("--pack", help="pack id (default: every pack)")
    stats.add_argument("--json", action="store_true", help="machine-readable output")
    return parser


EXPORT_FORMATS = ["json", "quiz-json", "pdf", "anki", "moodle-xml", "gift", "csv", "progress-csv", "progress-json"]
QUIZ_FORMATS = ("anki", "moodle-xml", "gift", "csv")


def _learners(ws: object, name: str | None) -> list[dict]:
    """Learner rows matching ``name`` (all when None); SystemExit with a message if unknown."""
    from db.learners import list_learners

    learners = list_learners(ws.progress)  # type: ignore[attr-defined]
    if name is None:
        return learners
    chosen = [row for row in learners if row["name"] == name]
    if not chosen:
        known = ", ".join(row["name"] for row in learners) or "none"
        raise SystemExit(terminal_safe(f"error: no learner called {name!r} (learners: {known})"))
    return chosen


EXIT_STORE, EXIT_BUSY = 2, 3


def _workspace(args: argparse.Namespace) -> object:
    """The workspace for a command: read-only while the app holds the data folder; refuses a
    progress file that needs recovery unless ``--recover`` was given (then it recovers and says how)."""
    from app.workspace import Workspace

    ws = Workspace(args.data_dir, recover=args.recover, holder=f"the command `main.py {args.command}`",
                   command=True, read_only_if_busy=not args.recover)
    for notice in ws.notices:
        print(f"note: {notice}", file=sys.stderr)
    if ws.recovery is not None:
        try:
            _recover(ws)
        except BaseException:
            ws.close()
            raise
    return ws


def _recover(ws: object) -> None:
    """What the app's recovery offer does when its default button is pressed, said on stderr."""
    found = ws.recovery  # type: ignore[attr-defined]
    kept = ", ".join(str(p) for p in found.kept) or str(found.moved_to)
    print(f"recover: {found.message}\nrecover: kept (not deleted): {kept}", file=sys.stderr)
    if found.backup is None:
        print("recover: there is no good backup; starting with empty progress", file=sys.stderr)
        return
    what = ("the answers rebuilt from the left-over journal" if found.salvaged
            else f"the backup from {found.backup.label}")
    answers = found.backup.answers()
    ws.restore(found.backup.path)  # type: ignore[attr-defined]
    print(f"recover: restored {what} ({answers} answers)", file=sys.stderr)


def cmd_report(args: argparse.Namespace) -> int:
    from quiz.report import UnreadableFiles, merge_files

    missing = [str(f) for f in args.files if not f.is_file()]
    if missing:
        _say(f"error: no such file: {', '.join(missing)}", file=sys.stderr)
        return 2
    ws = _workspace(args)
    try:
        pack = ws.pack(args.pack)
    finally:
        ws.close()
    try:
        report = merge_files(args.files, pack)
    except UnreadableFiles as exc:
        _say(*(f"error: {problem}" for problem in exc.problems), file=sys.stderr)
        return 2
    csv_path = args.csv or (args.output if args.output.suffix.lower() == ".csv" else None)
    if csv_path:
        csv_path.write_text(report.to_csv(), encoding="utf-8")
        _say(f"wrote {csv_path}")
    if args.output.suffix.lower() != ".csv":
        _offscreen_if_headless()
        from ui.app import application
        from ui.report_pdf import write_report_pdf

        application()
        write_report_pdf(report, args.output)
        _say(f"wrote {args.output} ({len(report.learners)} learners)")
    return 0


def _offscreen_if_headless() -> None:
    import os

    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def cmd_stats(args: argparse.Namespace) -> int:
    from quiz import stats
    from quiz.generate import generate

    ws = _workspace(args)
    try:
        boards = []
        for pack_id in [args.pack] if args.pack else ws.pack_ids():
            pack = ws.pack(pack_id)
            questions = generate(pack, 0)
            boards += [stats.dashboard(ws.progress, row["id"], pack, questions) for row in _learners(ws, args.learner)]
    finally:
        ws.close()
    if args.json:
        print(_json_for_terminal([b.to_dict() for b in boards]))
        return 0
    for board in boards:
        _say(*_stats_lines(board))
    return 0


def _stats_lines(board: object) -> list[str]:
    b = board  # quiz.stats.Dashboard
    pct = (lambda x: "–" if x is None else f"{x:.0%}")  # noqa: E731
    lines = [f"{b.learner} — {b.pack_id}", f"  answers: {b.answers}, right: {b.correct} ({pct(b.accuracy)}), "
             f"time: {b.seconds / 60:.0f} min"]
    lines.append("  mastery by topic (right on last try / questions; FSRS recall):")
    lines += [f"    {t.title}: {t.right_last_time}/{t.questions} ({pct(t.share)}); recall {pct(t.retrievability)}"
              for t in b.topics]
    lines.append("  reviews due, next 14 days: " + " ".join(f"{d[5:]}:{n}" for d, n in b.due))
    active = [d for d in b.days if d.answers]
    lines.append(f"  last 30 days: {len(active)} study days; "
                 + ", ".join(f"{d.day[5:]} {d.correct}/{d.answers}" for d in active[-7:]))
    if b.hardest:
        lines.append("  hardest questions:")
        lines += [f"    {h.success:.0%} of {h.attempts}: {h.prompt}" for h in b.hardest[:5]]
    read = sum(r for _, r in b.sections)
    lines.append(f"  sections read: {read}/{len(b.sections)}")
    return lines


def cmd_check(args: argparse.Namespace) -> int:
    """Validate only: nothing is written to any store, whatever the outcome."""
    from content.loader import load_pack
    from content.problems import PackError

    try:
        pack = load_pack(args.pack_dir)
    except PackError as exc:
        _print_problems(exc, args.pack_dir)
        return 1
    counts = ", ".join(
        f"{len(getattr(pack, name))} {name}"
        for name in ("sections", "figures", "tables", "lists", "terms", "facts", "questions")
    )
    _say(f"{args.pack_dir}: OK — {pack.meta.title} ({counts})")
    from quiz.generate import notes

    found = notes(pack)
    if found:  # valid, but some records cannot become questions: say which and why
        _say(f"note: {len(found)} record(s) give no generated question:", *(f"  {n}" for n in found))
    return 0


def _print_problems(error: Exception, where: Path) -> None:
    problems = getattr(error, "problems", [])
    _say(f"{len(problems)} problem(s) in {where}:", *(f"  {problem}" for problem in problems), file=sys.stderr)


def cmd_import(args: argparse.Namespace) -> int:
    """All or nothing: a pack with any problem is not imported at all."""
    from content.problems import PackError

    ws = _workspace(args)
    try:
        pack = ws.import_pack(args.pack_dir)
    except PackError as exc:
        _print_problems(exc, args.pack_dir)
        return 1
    finally:
        ws.close()
    _say(f"imported {pack.id!r}: {pack.meta.title}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from content.store import export_all

    if args.format == "pdf":
        return _export_pdf(args)
    if args.format.startswith("progress-"):
        return _export_progress(args)
    if args.format in QUIZ_FORMATS:
        return _export_quiz_file(args)

    ws = _workspace(args)
    try:
        data = _quiz_export(ws, args) if args.format == "quiz-json" else export_all(ws.content)
        if args.pack:
            data["packs"] = [p for p in data["packs"] if p["meta"]["id"] == args.pack]
            if not data["packs"]:
                print(f"no pack with id {args.pack!r}", file=sys.stderr)
                return 1
        text = json.dumps(data, ensure_ascii=False, indent=2)
        args.output.write_text(text + "\n", encoding="utf-8")
    finally:
        ws.close()
    print(f"wrote {args.output}")
    return 0


def _export_pdf(args: argparse.Namespace) -> int:
    """Headless: Qt renders the handout offscreen when there is no display."""
    import os

    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.app import application
    from ui.handout import write_pdf

    application()
    ws = _workspace(args)
    try:
        write_pdf(ws.pack(args.pack), args.output)
    finally:
        ws.close()
    print(f"wrote {args.output}")
    return 0


def _export_quiz_file(args: argparse.Namespace) -> int:
    """One pack's generated questions for Anki, Moodle (XML or GIFT) or a spreadsheet."""
    from quiz.generate import generate
    from quiz.interchange import export_questions

    ws = _workspace(args)
    try:
        pack = ws.pack(args.pack)
        questions = generate(pack, args.seed)
        export_questions(pack, questions, args.format, args.output)
    finally:
        ws.close()
    print(f"wrote {args.output} ({len(questions)} questions from {pack.id})")
    return 0


def _export_progress(args: argparse.Namespace) -> int:
    from quiz import progress_export

    ws = _workspace(args)
    try:
        learners = _learners(ws, args.learner)
        if args.format == "progress-csv":
            only = learners[0]["id"] if args.learner else None
            count = progress_export.write_csv(ws.progress, args.output, only)
        else:
            if len(learners) != 1:
                raise SystemExit("error: progress-json holds one learner's history; choose one with --learner")
            count = progress_export.write_json(ws.progress, args.output, learners[0]["id"])
    finally:
        ws.close()
    print(f"wrote {args.output} ({count} answers)")
    return 0


def _quiz_export(ws: object, args: argparse.Namespace) -> dict:
    from quiz.exam_code import decode
    from quiz.generate import generate

    seed = args.seed
    try:
        seed = str(decode(seed).seed)  # an exam code gives the questions that exam draws from
    except ValueError:
        pass
    packs = []
    for pack_id in ws.pack_ids():  # type: ignore[attr-defined]
        pack = ws.pack(pack_id)  # type: ignore[attr-defined]
        questions = generate(pack, seed)
        entry: dict = {"meta": {"id": pack.id, "title": pack.meta.title},
                       "questions": [q.to_dict() for q in questions]}
        if args.plan == "practice":
            from quiz.plan import practice_plan
            from quiz.session import PRACTICE_LENGTH

            sessions = practice_plan(questions, count=args.count, session_length=PRACTICE_LENGTH, seed=seed)
            asked = [(number, q) for number, session in enumerate(sessions, 1) for q in session]
            entry["plan"] = [{"position": n, "session": number, **q.to_dict()}
                             for n, (number, q) in enumerate(asked, 1)]
        packs.append(entry)
    return {"format": "briefing-quiz", "version": 2, "seed": seed, "plan": args.plan, "packs": packs}


def run_gui(args: argparse.Namespace) -> int:
    from ui.system_check import check

    problem = check()  # before Qt loads: its own message names the wrong library and aborts
    if problem:
        print(problem, file=sys.stderr)
        return 3
    from ui.app import run

    return run(args.data_dir)


COMMANDS = {"check": cmd_check, "import": cmd_import, "export": cmd_export, "stats": cmd_stats, "report": cmd_report}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler = COMMANDS.get(args.command, run_gui)
    try:
        return handler(args)
    except Exception as exc:  # last line of defence: a clear message, not a traceback
        from db.errors import InstanceBusyError, NeedsRecoveryError, StoreError

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


if __name__ == "__main__":
    sys.exit(main())
