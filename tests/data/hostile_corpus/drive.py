"""Run hostile packs through the app the way a user would, one process for many packs.

    python drive.py MODE JOB.json

``MODE`` is ``check`` or ``import`` (``main.main`` with the CLI's own arguments),
``gui`` (File → Import in a main window, then the briefing of what was
imported) or ``planted`` (start the app on a data folder whose library already
holds the packs, then open each one that loaded). ``JOB.json`` holds
``{"data": DIR, "cases": [[name, folder], ...], "timeout": seconds}``.

For each pack the driver prints ``START <name>`` and, when done, ``RESULT
<json>``. A pack that hangs makes ``faulthandler`` end the process after
``timeout`` seconds; one that crashes ends it too: either way the caller sees
which pack was running (the last ``START`` without a ``RESULT``) and starts a
new driver for the packs after it.
"""

from __future__ import annotations

import contextlib
import faulthandler
import io
import json
import os
import sys
import time
import traceback
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def emit(kind: str, payload: Any) -> None:
    print(f"{kind} {payload if isinstance(payload, str) else json.dumps(payload)}", flush=True)


def guarded(timeout: float):
    """Kill the process (with every thread's stack on stderr) if one pack takes longer than ``timeout``."""

    @contextlib.contextmanager
    def guard():
        faulthandler.dump_traceback_later(timeout, exit=True, file=sys.__stderr__)
        try:
            yield
        finally:
            faulthandler.cancel_dump_traceback_later()
    return guard()


def run_cli(mode: str, job: dict[str, Any]) -> None:
    import main

    for name, folder in job["cases"]:
        emit("START", name)
        started = time.monotonic()
        argv = ["check", folder] if mode == "check" else ["--data-dir", job["data"], "import", folder]
        out, err = io.StringIO(), io.StringIO()
        escaped = ""
        with guarded(job["timeout"]), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main.main(argv)
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 1
            except BaseException:  # a traceback reached the user: that is what the test looks for
                code, escaped = -1, traceback.format_exc()
        emit("RESULT", {"name": name, "code": code, "stdout": out.getvalue()[-4000:],
                        "stderr": err.getvalue()[-4000:], "traceback": escaped,
                        "seconds": round(time.monotonic() - started, 2)})


def process(app: Any, seconds: float = 0.0) -> None:
    """Let queued events and zero-delay timers run (a few passes), for at least ``seconds``."""
    deadline = time.monotonic() + seconds
    while True:
        for _ in range(3):
            app.processEvents()
        if time.monotonic() >= deadline:
            return
        time.sleep(0.005)


def briefing_state(window: Any, app: Any) -> dict[str, Any]:
    """What the person sees of the current pack: charts (both scales), axis titles as rendered, every tab."""
    page = window.briefing
    page.build_all()
    process(app)
    charts = []
    for chart in page.charts:
        states = []
        for log in dict.fromkeys([chart.log_toggle.isChecked(), not chart.log_toggle.isChecked()]):
            if log and not chart.log_toggle.isEnabled():
                continue
            chart.log_toggle.setChecked(log)
            process(app)
            chart.render_image()  # paint it: a bad coordinate crashes here, not when it is set
            states.append({"log": log, "bars": len(chart.bars_drawn()), "note": chart.note.text(),
                           "axis": chart.axis_title()})
        charts.append({"expected_bars": len(chart.chart.bars), "axis_title": chart.chart.axis_title,
                       "states": states})
    window.grab()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        process(app)
        window.grab()
    window.tabs.setCurrentIndex(0)
    failed = "This briefing could not be shown" in " ".join(
        label.text() for label in page.scroll_area.widget().findChildren(_label_class()))
    return {"pack": window.pack.id, "title": window.windowTitle(), "charts": charts, "failed": failed}


def _label_class() -> type:
    from PySide6.QtWidgets import QLabel

    return QLabel


def problems_of(dialog: Any) -> list[str]:
    tree = dialog.tree
    return [" | ".join(tree.topLevelItem(i).text(c) for c in range(4)) for i in range(tree.topLevelItemCount())]


def run_gui(job: dict[str, Any]) -> None:
    from PySide6.QtWidgets import QDialog

    from app.workspace import Workspace
    from ui.app import application, dispose
    from ui.main_window import MainWindow
    from ui.packs import ProblemsDialog

    app = application()
    workspace = Workspace(job["data"])
    window = MainWindow(workspace)
    window.show()
    process(app, 0.2)
    for name, folder in job["cases"]:
        emit("START", name)
        started = time.monotonic()
        with guarded(job["timeout"]):
            result: dict[str, Any] = {"name": name}
            before = set(workspace.pack_ids())
            imported = window.import_pack_from(Path(folder))
            deadline = time.monotonic() + job["timeout"]
            while not imported.done and time.monotonic() < deadline:
                process(app, 0.01)
            process(app)
            result["done"] = imported.done
            result["progress_closed"] = not imported.progress.isVisible()
            dialog = imported.dialog
            if isinstance(dialog, ProblemsDialog):
                result["outcome"] = "refuse"
                result["problems"] = problems_of(dialog)
            elif dialog is not None:
                result["outcome"] = "error"
                result["problems"] = [dialog.findChild(_label_class()).text()]
            elif imported.done:
                result["outcome"] = "open"
                result.update(briefing_state(window, app))
            result["new_ids"] = sorted(set(workspace.pack_ids()) - before)
            if isinstance(dialog, QDialog):
                dialog.close()
            window.set_pack("sanaenomics")
            process(app)
        result["seconds"] = round(time.monotonic() - started, 2)
        emit("RESULT", result)
    dispose(window)
    workspace.close()


def run_planted(job: dict[str, Any]) -> None:
    from app.workspace import Workspace
    from ui.app import application, dispose
    from ui.main_window import MainWindow
    from ui.packs import ProblemsDialog

    app = application()
    started = time.monotonic()
    with guarded(job["timeout"] * 4):
        workspace = Workspace(job["data"])
        window = MainWindow(workspace)
        window.show()
        process(app, 0.5)
    broken = {}
    for dialog in window.findChildren(ProblemsDialog):
        folder = Path(dialog.error.problems[0].file).parent.name if dialog.error.problems else "?"
        broken[folder] = problems_of(dialog)
        dialog.close()
    stored = set(workspace.pack_ids())
    emit("STARTED", {"broken": broken, "stored": sorted(stored), "seconds": round(time.monotonic() - started, 2)})
    for name, folder in job["cases"]:
        emit("START", name)
        started = time.monotonic()
        result: dict[str, Any] = {"name": name, "folder": Path(folder).name}
        with guarded(job["timeout"]):
            if Path(folder).name in broken:
                result["outcome"] = "refuse"
                result["problems"] = broken[Path(folder).name]
            elif Path(folder).name in stored:
                window.set_pack(Path(folder).name)
                process(app)
                result["outcome"] = "open"
                result.update(briefing_state(window, app))
            else:
                result["outcome"] = "missing"
        result["seconds"] = round(time.monotonic() - started, 2)
        emit("RESULT", result)
    dispose(window)
    workspace.close()


def main(argv: list[str]) -> int:
    mode, job_file = argv
    job = json.loads(Path(job_file).read_text(encoding="utf-8"))
    if mode in ("check", "import"):
        run_cli(mode, job)
    elif mode == "gui":
        run_gui(job)
    elif mode == "planted":
        run_planted(job)
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    emit("DONE", "")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
