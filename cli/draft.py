"""``main.py draft ARTICLE -o PACK_DIR``: a first draft of a pack from an article, checked as ``check`` checks.

It prints what it found (counts, then one line per figure) so the author sees
at once what to review, and refuses to write into a folder that is not empty
unless ``--force`` is given.
"""

from __future__ import annotations

import argparse
import sys

from app.drafting import ArticleError, DraftExists, draft_article, save_draft
from cli.check import print_problems
from cli.common import EXIT_PROBLEMS
from cli.terminal import say
from content.problems import PackError


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    drafting = sub.add_parser("draft", help="draft a briefing pack from an article (.txt, .html or .pdf)")
    drafting.add_argument("article", help="the article: a .txt file, a saved web page (.html) or a .pdf")
    drafting.add_argument("-o", "--output", required=True, help="the new pack's folder (must be new or empty)")
    drafting.add_argument("--force", action="store_true", help="write into a folder that already holds files")


def run(args: argparse.Namespace) -> int:
    try:
        draft = draft_article(args.article)
        folder = save_draft(draft, args.output, force=args.force)
    except (ArticleError, DraftExists) as exc:
        say(f"error: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    except PackError as exc:
        print_problems(exc, args.output)
        return EXIT_PROBLEMS
    counts = draft.counts()
    included = {kind: len(draft.included(kind)) for kind in counts}
    say(f"{folder}: drafted from {draft.article.name} — " + ", ".join(
        f"{included[kind]} {kind}s" + (f" (+{counts[kind] - included[kind]} left out)"
                                       if counts[kind] > included[kind] else "")
        for kind in ("section", "figure", "term", "milestone")))
    for item in draft.of_kind("figure"):
        outlet = item.fields.get("outlet")
        mark = "  " if item.accepted else "- "
        say(f"  {mark}{item.title}" + (f" ({outlet})" if outlet else ""))
    waiting = [item for item in draft.items if item.todo and not item.ready]
    if waiting:
        say(f"to write: {len(waiting)} item(s) need text only you can write; they are commented out at the end of "
            "pack.toml:", *(f"  {item.kind} {item.id}: {', '.join(item.todo)}" for item in waiting))
    say(f"check: OK ({folder} passes `main.py check`); read every item once before you share it")
    return 0
