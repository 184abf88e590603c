"""Regenerate the screenshots in docs/screenshots/ (offscreen, no display needed).

Run: ``.venv/bin/python docs/make_screenshots.py``. Each view is captured in
light and dark at 1280×800 and 1024×640, scrolled to each part of the
briefing, from a throw-away data folder (never the user's own).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QPoint  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SIZES = {"1280x800": (1280, 800), "1024x640": (1024, 640)}
BRIEFING_STOPS = (
    "top", "investment targets", "chart", "differs from Abenomics", "four pillars", "Timeline to 2040", "Sources",
)


def settle(app: QApplication, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()


def briefing_shots(app: QApplication, data: Path) -> list[Path]:
    from quiz.workspace import Workspace
    from ui import theme
    from ui.main_window import MainWindow

    saved = []
    for theme_name in ("light", "dark"):
        for size_name, (w, h) in SIZES.items():
            ws = Workspace(data)
            window = MainWindow(ws)
            window.set_theme(theme_name)
            window.resize(w, h)
            window.show()
            window.tabs.setCurrentWidget(window.briefing)
            settle(app)
            window.briefing.build_charts()
            settle(app)
            page = window.briefing
            for stop in BRIEFING_STOPS:
                if stop == "top":
                    page.scroll.verticalScrollBar().setValue(0)
                elif stop == "chart":
                    chart = page.charts[0]
                    top = chart.mapTo(page.scroll.widget(), QPoint(0, 0)).y()
                    page.scroll.verticalScrollBar().setValue(top - 60)
                else:
                    row = next(i for i, (title, _) in enumerate(page.anchors) if stop.lower() in title.lower())
                    page.contents.setCurrentRow(row)
                settle(app)
                slug = stop.lower().replace(" ", "-")
                path = OUT / f"briefing-{slug}-{theme_name}-{size_name}.png"
                window.grab().save(str(path))
                saved.append(path)
            window.close()
            ws.close()
            theme.apply(app, "light")
    return saved


def dashboard_shots(app: QApplication, data: Path) -> list[Path]:
    """The Progress page over a realistic history: 600 answers in 30 days, some sections read."""
    from bench.synthetic import write_history
    from db.reads import set_read
    from quiz.generate import generate
    from quiz.workspace import Workspace
    from ui import theme
    from ui.main_window import MainWindow

    ws = Workspace(data)
    pack = ws.pack()
    if not ws.progress["answers"].count:
        write_history(ws.progress, ws.learner_id, pack.id, generate(pack, 0), answers=600, days=30)
        for section in pack.sections[:4]:
            set_read(ws.progress, ws.learner_id, pack.id, section.id, True)
    ws.close()
    saved = []
    for theme_name in ("light", "dark"):
        for size_name, (w, h) in SIZES.items():
            ws = Workspace(data)
            window = MainWindow(ws)
            window.set_theme(theme_name)
            window.resize(w, h)
            window.show()
            window.tabs.setCurrentWidget(window.progress)
            settle(app)
            path = OUT / f"dashboard-{theme_name}-{size_name}.png"
            window.grab().save(str(path))
            saved.append(path)
            window.close()
            ws.close()
            theme.apply(app, "light")
    return saved


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["BRIEFING_DATA_DIR"] = tmp
        os.environ["XDG_CONFIG_HOME"] = tmp
        only = sys.argv[1:] or ["briefing", "dashboard"]
        shots = {"briefing": briefing_shots, "dashboard": dashboard_shots}
        for name in only:
            for path in shots[name](app, Path(tmp) / "data"):
                print(path.relative_to(ROOT))
    sys.stdout.flush()
    os._exit(0)  # PySide6 can crash while tearing down pyqtgraph at interpreter exit; the files are written


if __name__ == "__main__":
    main()
