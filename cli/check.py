"""``main.py check PACK_DIR``: validate a pack and say what it holds; nothing is written anywhere."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.common import EXIT_PROBLEMS
from cli.terminal import say
from content.loader import load_pack
from content.problems import PackError
from quiz.generate import notes


def run(args: argparse.Namespace) -> int:
    try:
        pack = load_pack(args.pack_dir)
    except PackError as exc:
        print_problems(exc, args.pack_dir)
        return EXIT_PROBLEMS
    counts = ", ".join(
        f"{len(getattr(pack, name))} {name}"
        for name in ("sections", "figures", "tables", "lists", "terms", "facts", "questions")
    )
    say(f"{args.pack_dir}: OK — {pack.meta.title} ({counts})")
    found = notes(pack)
    if found:  # valid, but some records cannot become questions: say which and why
        say(f"note: {len(found)} record(s) give fewer generated questions than they could:", *(f"  {n}" for n in found))
    return 0


def print_problems(error: PackError, where: Path) -> None:
    problems = error.problems
    say(f"{len(problems)} problem(s) in {where}:", *(f"  {problem}" for problem in problems), file=sys.stderr)
