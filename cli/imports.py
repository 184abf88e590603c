"""``main.py import PACK_DIR``: all or nothing, a pack with any problem is not imported at all."""

from __future__ import annotations

import argparse

from cli.check import print_problems
from cli.common import EXIT_PROBLEMS, open_workspace
from cli.terminal import say
from content.problems import PackError


def run(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        try:
            pack = ws.import_pack(args.pack_dir)
        except PackError as exc:
            print_problems(exc, args.pack_dir)
            return EXIT_PROBLEMS
    say(f"imported {pack.id!r}: {pack.meta.title}")
    return 0
