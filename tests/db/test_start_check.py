"""The full check of the progress file runs at start-up only when the file may have been hurt.

``PRAGMA quick_check`` reads every page (350 ms at a million answers). After a
clean close the next start skips it; after a kill -9, a crash, or a change made
to the file by anyone else, it runs before the file is opened, as always.
"""

from __future__ import annotations

import signal
import subprocess
import sys

import pytest

from app.workspace import Workspace
from db import recovery
from db.instance import LOCK_FILE, holder
from db.progress import open_progress
from quiz.answers import record_answer
from tests_support import ROOT


@pytest.fixture
def checks(monkeypatch):
    """How many times SQLite's quick check ran on the progress file (from here on)."""
    calls: list[int] = []
    real = recovery.quick_check

    def counting(conn):
        calls.append(1)
        return real(conn)

    monkeypatch.setattr(recovery, "quick_check", counting)
    return calls


def _session(data_dir, answers: int = 5) -> None:
    """Open, answer, close: what a normal session leaves behind."""
    with Workspace(data_dir) as ws:
        for n in range(answers):
            record_answer(ws.progress, learner_id=ws.learner_id, pack_id="p", question_id=f"q{n}", response=n,
                          correct=True, score=1, elapsed_ms=1, mode="practice", session_id=None)


HOLD_OPEN = r"""
import sys, time
from app.workspace import Workspace
from quiz.answers import record_answer
ws = Workspace(sys.argv[1])
record_answer(ws.progress, learner_id=ws.learner_id, pack_id="p", question_id="q", response=1, correct=True,
              score=1, elapsed_ms=1, mode="practice", session_id=None)
print("open", flush=True)
time.sleep(120)
"""


def test_no_full_check_after_a_clean_close(data_dir, checks):
    _session(data_dir)
    checks.clear()
    with Workspace(data_dir, recover=True) as ws:
        assert checks == [], "the file is as the app left it"
        assert ws.progress_checked is False, "the GUI checks it in the background instead"
        assert ws.check_progress_file() == "ok"
        assert ws.progress["answers"].count == 5


def test_the_full_check_runs_after_a_kill_9(data_dir, checks):
    _session(data_dir)
    proc = subprocess.Popen([sys.executable, "-c", HOLD_OPEN, str(data_dir)], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "open", proc.stderr.read()
        assert holder(data_dir).pid == proc.pid
        assert "state=running" in (data_dir / LOCK_FILE).read_text(encoding="utf-8")
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
        proc.stdout.close()
        proc.stderr.close()
    checks.clear()
    with Workspace(data_dir, recover=True) as ws:
        assert checks == [1], "killed while open: checked before it is trusted"
        assert ws.progress_checked is True and ws.recovery is None
        assert ws.progress["answers"].count == 6, "and nothing acknowledged is lost"
    checks.clear()
    with Workspace(data_dir):
        assert checks == [], "closed cleanly since"


def test_the_full_check_runs_when_another_program_changed_the_file(data_dir, checks):
    _session(data_dir)
    db = open_progress(data_dir / "progress.db")  # e.g. an older copy of the app, which takes no lock
    record_answer(db, learner_id=1, pack_id="p", question_id="other", response=1, correct=True, score=1,
                  elapsed_ms=1, mode="practice", session_id=None)
    db.close()
    checks.clear()
    with Workspace(data_dir):
        assert checks == [1]


def test_the_full_check_runs_when_no_clean_close_was_ever_noted(data_dir, checks):
    _session(data_dir)
    (data_dir / LOCK_FILE).unlink()  # e.g. the folder was last used by a version of the app without the note
    checks.clear()
    with Workspace(data_dir):
        assert checks == [1]


def test_a_failed_start_is_not_a_clean_close(data_dir, checks):
    _session(data_dir)
    with Workspace(data_dir):
        with pytest.raises(Exception, match="in use"):
            Workspace(data_dir)  # a second comer gives up: it must not write "closed" for the first
        assert "state=running" in (data_dir / LOCK_FILE).read_text(encoding="utf-8")
    assert "state=closed" in (data_dir / LOCK_FILE).read_text(encoding="utf-8")


@pytest.mark.parametrize("where", ["header", "learners"])
def test_damage_behind_unchanged_times_is_still_recovered(data_dir, checks, monkeypatch, where):
    """If the note cannot see a change (bytes rewritten, times kept), opening fails and the full check decides."""
    _session(data_dir, answers=40)
    with Workspace(data_dir) as ws:
        saved = ws.back_up()
        page = next(ws.progress.query("SELECT rootpage FROM sqlite_master WHERE name = 'learners'"))["rootpage"]
    monkeypatch.setattr(recovery, "file_state", lambda path: "as noted")  # every file looks as it was closed
    path = data_dir / "progress.db"
    data = bytearray(path.read_bytes())
    if where == "header":
        data[0:16] = b"not a database!!"
    else:  # the page opening reads first: the header and the schema are fine
        data[(page - 1) * 4096:page * 4096] = b"\x00\x13" * 2048
    path.write_bytes(bytes(data))
    damaged = bytes(data)
    checks.clear()
    with Workspace(data_dir, recover=True) as ws:
        assert ws.recovery is not None and ws.recovery.backup.path == saved
        assert ws.recovery.moved_to.read_bytes() == damaged, "the damaged file is kept, byte for byte"
        assert ws.progress_checked is True
        # an unreadable header is damage without a full check; a damaged table is found by the full check
        assert checks == ([] if where == "header" else [1])
