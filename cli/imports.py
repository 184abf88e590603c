"""``main.py import PACK_DIR``: all or nothing, a pack with any problem is not imported at all."""

from __future__ import annotations

import argparse

from cli.check import print_problems
from cli.common import EXIT_PROBLEMS, open_workspace
from cli.terminal import say
from content.problems import PackError


def run(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        before = {pack_id: title for pack_id, title, _source in ws.pack_titles()}
        try:
            pack = ws.import_pack(args.pack_dir)
        except PackError as exc:
            print_problems(exc, args.pack_dir)
            return EXIT_PROBLEMS
    if pack.id not in before:
        say(f"imported {pack.id!r}: {pack.meta.title}")
    else:  # a pack of that id was in the library: said, since the copy imported before is gone now
        was = "" if before[pack.id] == pack.meta.title else f" (was: {before[pack.id]})"
        say(f"replaced {pack.id!r} in your library with this copy: {pack.meta.title}{was}; "
            "progress on its questions is kept")
    return 0
