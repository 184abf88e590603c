"""kill -9 at every step of a backup and of a restore: no acknowledged answer lost, never a silent empty start.

Each test first runs the action uninterrupted to list its steps (see tests/faults.py), then, for
every step N, runs it again in a fresh copy of the data folder with the process SIGKILLed right
before step N, and starts the app on what is left.
"""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from faults import HOOK, killed, run_child, steps_of

from app.workspace import Workspace
from db import backup
from db.progress import read_only
from quiz.answers import record_answer

BEFORE_BACKUP = 100
IN_WAL = 500

RESTORE = r"""
import sys
from db import backup
from quiz.answers import record_answer
from app.workspace import Workspace
ws = Workspace(sys.argv[1])
ws.progress.execute("PRAGMA wal_autocheckpoint=0")  # the newest answers live only in the WAL
for n in range(IN_WAL):
    record_answer(ws.progress, learner_id=ws.learner_id, pack_id="p", question_id=f"wal-{n}", response=n,
                  correct=True, score=1, elapsed_ms=1, mode="practice", session_id="child")
print("acknowledged", flush=True)
chosen = backup.list_backups(ws.backups_dir)[0].path
""".replace("IN_WAL", str(IN_WAL)) + HOOK + r"""
ws.restore(chosen)
ws.close()
print(steps_taken())
"""

BACKUP = r"""
import sys
from app.workspace import Workspace
ws = Workspace(sys.argv[1])
""" + HOOK + r"""
ws.back_up()
ws.close()
print(steps_taken())
"""


def _prepare(folder) -> None:
    """A data folder with answers and one backup of them, closed as after a normal session."""
    ws = Workspace(folder)
    for n in range(BEFORE_BACKUP):
        record_answer(ws.progress, learner_id=ws.learner_id, pack_id="p", question_id=f"old-{n}", response=n,
                      correct=n % 2 == 0, score=1, elapsed_ms=1, mode="practice", session_id="before")
    ws.back_up()
    ws.close()


def _question_ids(path) -> set[str]:
    with read_only(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return {row[0] for row in conn.execute("SELECT question_id FROM answers")}


def _leftovers(folder) -> list[str]:
    endings = (".restoring", ".partial", ".restore-journal", ".restore-journal.tmp", "-journal")
    return sorted(p.name for p in folder.rglob("*") if p.name.endswith(endings))


@pytest.mark.slow
def test_kill_9_at_every_step_of_a_restore(tmp_path):
    prepared = tmp_path / "prepared"
    _prepare(prepared)
    trial = tmp_path / "trial"
    shutil.copytree(prepared, trial)
    steps = steps_of(run_child(RESTORE, trial))
    assert len(steps) >= 6, steps  # staging, the journal, two renames, removing the journal, reopening
    acknowledged = {f"wal-{n}" for n in range(IN_WAL)} | {f"old-{n}" for n in range(BEFORE_BACKUP)}
    outcomes = []
    for n in range(1, len(steps) + 1):
        data = tmp_path / f"kill-{n}"
        shutil.copytree(prepared, data)
        result = run_child(RESTORE, data, kill_at=n)
        assert killed(result) and "acknowledged" in result.stdout, (n, steps[n - 1], result.stderr)
        journal_left = (data / "progress.db.restore-journal").exists()

        ws = Workspace(data, recover=True)  # the next start of the app
        try:
            where = f"killed before step {n} ({steps[n - 1]})"
            assert ws.recovery is None, f"{where}: {ws.recovery}"
            assert not _leftovers(data), f"{where}: {_leftovers(data)}"
            now = {row["question_id"] for row in ws.progress.query("SELECT question_id FROM answers")}
            assert now, f"{where}: an empty start"
            if now == acknowledged:
                outcomes.append("not restored")
                assert not journal_left, where
            else:
                assert now == {f"old-{i}" for i in range(BEFORE_BACKUP)}, f"{where}: neither before nor backup"
                (kept,) = data.glob("progress.before-restore-*.db")
                assert _question_ids(kept) == acknowledged, f"{where}: the replaced file lost answers"
                if journal_left:
                    outcomes.append("completed at start")
                    assert any("interrupted has been completed" in n for n in ws.notices), ws.notices
                else:
                    outcomes.append("restored")
        finally:
            ws.close()
    assert {"not restored", "completed at start"} <= set(outcomes), outcomes


@pytest.mark.slow
def test_kill_9_at_every_step_of_a_backup(tmp_path):
    prepared = tmp_path / "prepared"
    _prepare(prepared)
    trial = tmp_path / "trial"
    shutil.copytree(prepared, trial)
    steps = steps_of(run_child(BACKUP, trial))
    assert any("partial" in step for step in steps), steps
    for n in range(1, len(steps) + 1):
        data = tmp_path / f"kill-{n}"
        shutil.copytree(prepared, data)
        result = run_child(BACKUP, data, kill_at=n)
        where = f"killed before step {n} ({steps[n - 1]})"
        assert killed(result), (where, result.stderr)
        ws = Workspace(data, recover=True)
        try:
            assert ws.recovery is None, where
            assert ws.progress["answers"].count == BEFORE_BACKUP, where
            assert not list(ws.backups_dir.glob("*.partial*")), f"{where}: a .partial was left behind"
            listed = backup.list_backups(ws.backups_dir)
            assert listed and all(backup.verify(b.path) for b in listed), where
            made = ws.back_up()
            assert backup.list_backups(ws.backups_dir)[0].path == made, where
        finally:
            ws.close()


def test_partial_files_of_failed_or_killed_backups_are_removed_at_start(tmp_path):
    data = tmp_path / "data"
    _prepare(data)
    leftover = data / "backups" / "progress-20260101T000000Z-000009.db.partial"
    leftover.write_bytes(b"\0" * 100_000)
    (data / "backups" / "notes.partial.txt").write_text("not ours")
    ws = Workspace(data)
    assert not leftover.exists()
    assert (data / "backups" / "notes.partial.txt").exists(), "only our own .partial files are removed"
    ws.close()


def test_a_file_with_a_crashs_rollback_journal_is_healthy_not_damaged(tmp_path):
    """A kill during the switch to WAL (or any rollback-mode write) leaves a hot -journal, which a
    read-only check cannot roll back. The file is fine: it must open with every answer, no recovery."""
    import subprocess
    import sys

    from db import recovery
    from tests_support import ROOT

    data = tmp_path / "data"
    _prepare(data)
    path = data / "progress.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=DELETE")  # as a restored backup is, before the switch to WAL
    conn.close()
    crash = ("import os, signal, sqlite3, sys\n"
             "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
             "c.execute('PRAGMA cache_size=1'); c.execute('BEGIN')\n"
             "c.execute(\"UPDATE learners SET name = name || '-half-written'\")\n"
             "c.execute(\"INSERT INTO answers (learner_id, pack_id, question_id, correct, score, mode, answered_at)"
             " SELECT learner_id, pack_id, question_id || '-x', correct, score, mode, answered_at FROM answers\")\n"
             "os.kill(os.getpid(), signal.SIGKILL)\n")
    result = subprocess.run([sys.executable, "-c", crash, str(path)], cwd=ROOT, timeout=60)
    assert result.returncode < 0
    assert (data / "progress.db-journal").stat().st_size > 0, "the crash left a hot journal"
    before = path.read_bytes()
    assert recovery.check_progress(path).status == "ok"
    assert path.read_bytes() == before, "checking changed nothing"
    ws = Workspace(data, recover=True)
    assert ws.recovery is None, ws.recovery
    assert ws.progress["answers"].count == BEFORE_BACKUP, "the half-written transaction is rolled back"
    assert [r["name"] for r in ws.progress.query("SELECT name FROM learners")] == ["Me"]
    ws.close()
