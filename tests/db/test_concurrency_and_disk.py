"""Two instances at once, a full disk, an unusable data folder: clear outcomes, no data loss."""

from __future__ import annotations

import subprocess
import sys

import pytest

from app.workspace import Workspace
from db.errors import InstanceBusyError, StoreError, StoreFullError
from quiz.answers import record_answer
from tests_support import ROOT


def _answer(ws: Workspace, n: int) -> int:
    return record_answer(ws.progress, learner_id=ws.learner_id, pack_id="sanaenomics", question_id=f"q{n}",
                         response=n, correct=n % 2 == 0, score=float(n % 2 == 0), elapsed_ms=1000 + n,
                         mode="practice", session_id="s")


def test_a_second_instance_on_the_same_data_folder_is_refused_with_a_clear_message(data_dir):
    first = Workspace(data_dir)
    _answer(first, 1)
    with pytest.raises(InstanceBusyError, match=r"in use by Briefing Quiz, process \d+.*Only one copy"):
        Workspace(data_dir)
    _answer(first, 2)  # the first one is unaffected
    first.close()
    again = Workspace(data_dir)  # closing gives the folder up
    assert again.progress["answers"].count == 2
    again.close()


def test_a_killed_instance_does_not_leave_the_folder_locked(data_dir):
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time; from app.workspace import Workspace\n"
                               "ws = Workspace(sys.argv[1]); print('open', flush=True); time.sleep(60)",
                               str(data_dir)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(InstanceBusyError, match=f"process {holder.pid}"):
            Workspace(data_dir)
    finally:
        holder.kill()  # kill -9: no clean-up code runs
        holder.wait(timeout=30)
        holder.stdout.close()
    Workspace(data_dir).close()


def test_two_processes_write_one_progress_file_at_once_without_lock_errors(data_dir):
    """The instance lock keeps a second app out, but SQLite-level concurrency must still hold
    (an older app version, or a tool, may share the file): both writers' answers all arrive."""
    Workspace(data_dir).close()
    code = (
        "import sys; from db.progress import open_progress; from quiz.answers import record_answer\n"
        "db = open_progress(sys.argv[1])\n"
        "for n in range(150):\n"
        "    record_answer(db, learner_id=1, pack_id='p', question_id=f'q{n}', response=n,"
        " correct=True, score=1.0, elapsed_ms=1, mode='practice', session_id=sys.argv[2])\n"
    )
    procs = [subprocess.Popen([sys.executable, "-c", code, str(data_dir / "progress.db"), tag], cwd=ROOT,
                              stderr=subprocess.PIPE, text=True) for tag in ("a", "b")]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errors
    ws = Workspace(data_dir)
    counts = {r["session_id"]: r["n"] for r in ws.progress.query(
        "SELECT session_id, count(*) AS n FROM answers GROUP BY session_id")}
    assert counts == {"a": 150, "b": 150}
    ws.close()


def test_full_disk_keeps_earlier_answers_and_says_so(data_dir):
    ws = Workspace(data_dir)
    _answer(ws, 1)
    pages = ws.progress.execute("PRAGMA page_count").fetchone()[0]
    ws.progress.execute(f"PRAGMA max_page_count={pages}")  # the file may not grow: as good as a full disk
    with pytest.raises(StoreFullError, match="could not be saved.*Everything saved before is safe"):
        for n in range(2, 500):
            _answer(ws, n)
    saved = ws.progress["answers"].count
    assert saved >= 1
    ws.close()
    again = Workspace(data_dir)
    assert again.progress["answers"].count == saved
    assert again.progress.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    again.close()


def test_unusable_data_folder_gives_a_clear_message(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")
    with pytest.raises(StoreError, match="Cannot use the data folder"):
        Workspace(blocker)
    assert blocker.read_text(encoding="utf-8").startswith("a file where")


def test_cli_reports_unusable_data_folder_without_traceback(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(blocker), "export",
                             "-o", str(tmp_path / "o.json")], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "Cannot use the data folder" in result.stderr and "Traceback" not in result.stderr
