"""Regenerate the handout page images in docs/screenshots/ (no Qt, no display needed).

Run: ``.venv/bin/python docs/make_handout_pages.py``. Writes the briefing, the
one-page brief and a paper quiz (sheet and key) of the bundled pack with
``main.py export``'s code, from a throw-away data folder, and renders chosen
pages to PNG with poppler's ``pdftoppm`` (``apt-get install poppler-utils``).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OUT = ROOT / "docs" / "screenshots"
PRINTED = date(2026, 11, 25)
EXAM_CODE = "MJ54QT"  # a fixed code, so the pictures do not change from run to run
#: (handout, page, picture name)
PAGES = (("briefing", 1, "handout-briefing-page1"), ("briefing", 3, "handout-briefing-chart-page"),
         ("brief", 1, "handout-one-page-brief"), ("sheet", 2, "handout-quiz-sheet-page2"),
         ("key", 1, "handout-quiz-key-page1"))


def main() -> int:
    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found (poppler-utils)", file=sys.stderr)
        return 1
    from app.workspace import Workspace

    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        with Workspace(tmp / "data") as ws:
            pdfs = {
                "briefing": ws.export_handout("briefing", "pdf", tmp / "briefing.pdf", printed=PRINTED).path,
                "brief": ws.export_handout("brief", "pdf", tmp / "brief.pdf", printed=PRINTED).path,
            }
            quiz = ws.export_paper_quiz(tmp / "sheet.pdf", code=EXAM_CODE, printed=PRINTED)
            pdfs |= {"sheet": quiz.sheet, "key": quiz.key}
        for handout, page, name in PAGES:
            stem = OUT / name
            subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", str(page), "-l", str(page), "-singlefile",
                            str(pdfs[handout]), str(stem)], check=True, timeout=120)
            print(f"{stem}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
