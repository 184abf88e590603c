"""``main.py check PACK_DIR``: validate a pack and say what it holds; nothing is written anywhere."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.common import EXIT_PROBLEMS
from cli.terminal import say
from content.draft.writer import waiting_in
from content.labels import fragment_labels
from content.loader import load_pack_files
from content.problems import PackError
from quiz.generate import notes


def run(args: argparse.Namespace) -> int:
    try:
        pack, files = load_pack_files(args.pack_dir)
    except PackError as exc:
        print_problems(exc, args.pack_dir)
        return EXIT_PROBLEMS
    counts = ", ".join(
        f"{len(getattr(pack, name))} {name}"
        for name in ("sections", "figures", "tables", "lists", "terms", "facts", "questions")
    )
    say(f"{args.pack_dir}: OK — {pack.meta.title} ({counts})")
    fragments = fragment_labels(pack)
    if fragments:  # valid, but a label reads as a piece of a sentence: questions asking about it would too
        say(f"warning: {len(fragments)} label(s) to rewrite:", *(f"  {f}" for f in fragments))
    waiting = waiting_in(files.toml.decode("utf-8", "replace"))
    if waiting:  # a draft saved as it was: what it left commented out for a person to write
        say(f"to write: {len(waiting)} drafted item(s) are commented out at the end of pack.toml until you write "
            "what they need:", *(f"  {w}" for w in waiting))
    found = notes(pack)
    if found:  # valid, but some records cannot become questions: say which and why
        say(f"note: {len(found)} record(s) give fewer generated questions than they could:", *(f"  {n}" for n in found))
    return 0


def print_problems(error: PackError, where: Path) -> None:
    problems = error.problems
    say(f"{len(problems)} problem(s) in {where}:", *(f"  {problem}" for problem in problems), file=sys.stderr)
