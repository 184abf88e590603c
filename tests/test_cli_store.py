"""The command line and the progress file: it never uses up the app's recovery offer, and reads
(only reads) while the app is open."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys

from app.workspace import Workspace
from db import backup
from quiz.answers import record_answer
from tests_support import ROOT


def _run(data_dir, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BRIEFING_DATA_DIR": str(data_dir)}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, env=env,
                          timeout=120)


def _answer(ws: Workspace, qid: str) -> None:
    record_answer(ws.progress, learner_id=ws.learner_id, pack_id="sanaenomics", question_id=qid, response=qid,
                  correct=True, score=1, elapsed_ms=1, mode="practice", session_id="s")


def _history_and_backup(data_dir, answers: int = 30) -> int:
    ws = Workspace(data_dir)
    for n in range(answers):
        _answer(ws, f"q{n}")
    ws.back_up()
    ws.close()
    return answers


def _wreck(path) -> bytes:
    data = bytearray(path.read_bytes())
    data[0:16] = b"not a database!!"
    path.write_bytes(bytes(data))
    return bytes(data)


def _files(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "instance.lock")


def test_commands_refuse_a_damaged_progress_file_and_leave_the_recovery_offer_to_the_app(data_dir, tmp_path):
    _history_and_backup(data_dir)
    damaged = _wreck(data_dir / "progress.db")
    files = _files(data_dir)
    for command in (["export", "--format", "json", "-o", str(tmp_path / "out.json")], ["stats"],
                    ["export", "--format", "progress-csv", "-o", str(tmp_path / "a.csv")]):
        result = _run(data_dir, *command)
        assert result.returncode == 2, (command, result.stdout, result.stderr)
        assert "damaged" in result.stderr and "--recover" in result.stderr and "Nothing was changed" in result.stderr
        assert "wrote" not in result.stdout and "Traceback" not in result.stderr
        assert (data_dir / "progress.db").read_bytes() == damaged, command
        assert _files(data_dir) == files, f"{command} moved or created files"
    ws = Workspace(data_dir, recover=True)  # the next start of the app still finds it, and offers the backup
    assert ws.recovery is not None and ws.recovery.backup is not None
    assert ws.recovery.moved_to.read_bytes() == damaged
    ws.close()


def test_recover_flag_moves_the_damaged_file_aside_and_restores_the_newest_backup(data_dir):
    answers = _history_and_backup(data_dir)
    damaged = _wreck(data_dir / "progress.db")
    result = _run(data_dir, "--recover", "stats", "--json")
    assert result.returncode == 0, result.stderr
    assert "restored the backup from" in result.stderr and f"({answers} answers)" in result.stderr
    assert sum(board["answers"] for board in json.loads(result.stdout)) == answers
    (kept,) = data_dir.glob("progress.damaged-*.db")
    assert kept.read_bytes() == damaged
    again = _run(data_dir, "stats", "--json")  # healthy again: no flag needed
    assert again.returncode == 0 and sum(b["answers"] for b in json.loads(again.stdout)) == answers


CRASH_FIRST_SESSION = r"""
import os, signal, sys
from quiz.answers import record_answer
from app.workspace import Workspace
ws = Workspace(sys.argv[1])
for n in range(50):
    record_answer(ws.progress, learner_id=ws.learner_id, pack_id="sanaenomics", question_id=f"w{n}", response=n,
                  correct=True, score=1, elapsed_ms=1, mode="practice", session_id="s")
os.kill(os.getpid(), signal.SIGKILL)  # all 50 acknowledged; they are only in progress.db-wal
"""


def _crash(data_dir) -> None:
    result = subprocess.run([sys.executable, "-c", CRASH_FIRST_SESSION, str(data_dir)], cwd=ROOT, timeout=120,
                            capture_output=True, text=True)
    assert result.returncode == -signal.SIGKILL, result.stderr


def test_a_missing_progress_file_with_its_wal_is_never_a_fresh_install(data_dir):
    """Finding: start-up took progress.db missing + its -wal as a fresh install and discarded the WAL
    (50 of 50 answers lost). Now the CLI refuses, and the app rebuilds the 50 answers from the WAL."""
    _crash(data_dir)
    (data_dir / "progress.db").unlink()  # e.g. deleted by hand, or by a sync tool
    wal = (data_dir / "progress.db-wal").read_bytes()
    result = _run(data_dir, "stats")
    assert result.returncode == 2 and "journal" in result.stderr and "--recover" in result.stderr
    assert not (data_dir / "progress.db").exists() and (data_dir / "progress.db-wal").read_bytes() == wal

    ws = Workspace(data_dir, recover=True)
    found = ws.recovery
    assert found is not None and found.salvaged and found.backup.answers() == 50
    assert (found.moved_to.with_name(found.moved_to.name + "-wal")).read_bytes() == wal, "the WAL is kept as it was"
    ws.restore(found.backup.path)
    assert {r["question_id"] for r in ws.progress.query("SELECT question_id FROM answers")} == {
        f"w{n}" for n in range(50)}
    ws.close()


def test_a_left_over_wal_that_cannot_be_read_back_is_kept_and_the_backup_offered(data_dir):
    _history_and_backup(data_dir)  # checkpointed history: the WAL of the next session alone is incomplete
    _crash(data_dir)
    (data_dir / "progress.db").unlink()
    wal = (data_dir / "progress.db-wal").read_bytes()
    ws = Workspace(data_dir, recover=True)
    found = ws.recovery
    assert found is not None and not found.salvaged
    assert found.backup is not None and found.backup.answers() == 30
    assert found.moved_to.with_name(found.moved_to.name + "-wal").read_bytes() == wal
    assert "missing" in found.message and "journal" in found.message
    ws.close()


def test_a_newer_progress_file_is_refused_by_commands(data_dir):
    _history_and_backup(data_dir, 3)
    conn = sqlite3.connect(data_dir / "progress.db")
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    before = (data_dir / "progress.db").read_bytes()
    result = _run(data_dir, "stats")
    assert result.returncode == 2 and "newer version" in result.stderr and "Traceback" not in result.stderr
    assert (data_dir / "progress.db").read_bytes() == before


def test_commands_read_what_the_open_app_saved_and_recover_waits_for_it_to_close(data_dir):
    app = Workspace(data_dir)  # the app is open on this folder
    for n in range(12):
        _answer(app, f"q{n}")
    result = _run(data_dir, "stats", "--json")
    assert result.returncode == 0, result.stderr
    assert sum(board["answers"] for board in json.loads(result.stdout)) == 12, "it sees every saved answer"
    exported = _run(data_dir, "export", "--format", "progress-csv", "-o", str(data_dir.parent / "a.csv"))
    assert exported.returncode == 0 and "(12 answers)" in exported.stdout
    busy = _run(data_dir, "--recover", "stats")
    assert busy.returncode == 3 and "in use by Briefing Quiz" in busy.stderr
    _answer(app, "after")  # the app carries on, undisturbed
    assert app.progress["answers"].count == 13
    app.close()
    assert len(backup.list_backups(data_dir / "backups")) == 0, "reading commands take no backups"


def test_a_rollback_journal_left_without_its_progress_file_also_needs_recovery(data_dir):
    answers = _history_and_backup(data_dir, 5)
    (data_dir / "progress.db").unlink()
    (data_dir / "progress.db-journal").write_bytes(b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7" + b"\x01" * 4000)
    result = _run(data_dir, "stats")
    assert result.returncode == 2 and "progress.db-journal" in result.stderr
    assert not (data_dir / "progress.db").exists(), "not taken for a fresh install"
    ws = Workspace(data_dir, recover=True)
    assert ws.recovery is not None and ws.recovery.backup.answers() == answers
    assert [p.name for p in ws.recovery.kept] == [ws.recovery.moved_to.name + "-journal"]
    ws.close()


def test_backup_and_restore_from_the_command_line_keep_what_was_there(data_dir):
    """Without the window (no display, Qt's libraries missing): back up, list, restore the newest; the
    progress replaced is kept aside whole, and a file that is no backup changes nothing."""
    ws = Workspace(data_dir)
    for n in range(5):
        _answer(ws, f"q{n}")
    ws.close()
    taken = _run(data_dir, "backup")
    assert taken.returncode == 0, taken.stderr
    assert "backed up to" in taken.stdout and "5 answers" in taken.stdout
    ws = Workspace(data_dir)
    for n in range(3):
        _answer(ws, f"later{n}")
    ws.close()
    listed = _run(data_dir, "backup", "--list")
    (name,) = [p.name for p in (data_dir / "backups").glob("*.db")]
    assert listed.returncode == 0 and name in listed.stdout and "5 answers" in listed.stdout

    junk = data_dir.parent / "not-a-backup.db"
    junk.write_bytes(b"this is not a database" * 100)
    refused = _run(data_dir, "restore", str(junk))
    assert refused.returncode == 1 and "damaged" in refused.stderr and "nothing was changed" in refused.stderr
    assert not list(data_dir.glob("progress.before-restore-*"))

    restored = _run(data_dir, "restore", "--newest")
    assert restored.returncode == 0, restored.stderr
    assert f"restored {name}: 5 answers, database check: ok" in restored.stdout
    (kept,) = data_dir.glob("progress.before-restore-*.db")
    assert f"kept (not deleted) as {kept}" in restored.stdout
    with sqlite3.connect(kept) as conn:
        assert conn.execute("SELECT count(*) FROM answers").fetchone()[0] == 8  # the 3 later answers are in it
    ws = Workspace(data_dir)
    assert ws.progress["answers"].count == 5
    ws.close()


def test_backup_and_restore_wait_for_the_app_to_close_and_listing_does_not(data_dir):
    app = Workspace(data_dir)  # the app is open on this folder
    _answer(app, "q0")
    app.back_up()
    for args in (["backup"], ["restore", "--newest"]):
        busy = _run(data_dir, *args)
        assert busy.returncode == 3 and "close Briefing Quiz first" in busy.stderr, (args, busy.stderr)
    assert _run(data_dir, "backup", "--list").returncode == 0
    assert len(backup.list_backups(data_dir / "backups")) == 1 and not list(data_dir.glob("progress.before-*"))
    _answer(app, "after")  # the app carries on, undisturbed
    assert app.progress["answers"].count == 2
    app.close()
