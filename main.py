"""Briefing Quiz: ``python main.py`` opens the app; ``python main.py --help`` lists the commands (see cli/)."""

from __future__ import annotations

import sys

from cli import main, terminal_safe

__all__ = ["main", "terminal_safe"]

if __name__ == "__main__":
    sys.exit(main())
