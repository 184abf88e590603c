"""Damaged, truncated and newer progress files: detected, kept aside, restored from a backup."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys

import pytest

from db import backup, recovery
from db.learners import ensure_learner
from db.progress import open_progress
from quiz.answers import record_answer
from quiz.workspace import Workspace
from tests_support import ROOT


def _make(path, answers: int = 40):
    db = open_progress(path)
    learner = ensure_learner(db)
    for i in range(answers):
        record_answer(db, learner_id=learner, pack_id="p", question_id=f"q{i % 7}", response="x" * 200,
                      correct=i % 3 != 0, score=1, elapsed_ms=100, mode="practice", session_id=None)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return db


def _rows(path):
    db = open_progress(path)
    rows = list(db.query("SELECT id, question_id, correct FROM answers ORDER BY id"))
    db.close()
    return rows


def _corrupt(path, how: str, seed: int) -> None:
    data = bytearray(path.read_bytes())
    rng = random.Random(seed)
    if how == "random-bytes":
        for _ in range(20):
            start = rng.randrange(100, len(data) - 64)
            data[start:start + 64] = rng.randbytes(64)
    elif how == "header":
        data[0:16] = b"not a database!!"
    elif how == "truncated":
        data = data[: len(data) // 3]
    elif how == "zeros":
        data = bytearray(len(data))
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(("how", "seed"), [("random-bytes", s) for s in range(5)] + [
    ("header", 0), ("truncated", 0), ("zeros", 0)])
def test_corruption_is_detected_kept_aside_and_the_backup_restores_the_data(tmp_path, how, seed):
    path = tmp_path / "data" / "progress.db"
    db = _make(path)
    saved = backup.backup_now(db.conn, tmp_path / "data" / "backups")
    db.close()
    expected = _rows(saved)
    _corrupt(path, how, seed)
    damaged = path.read_bytes()

    health = recovery.check_progress(path)  # never raises, whatever the bytes
    assert health.status == "corrupt" and "damaged" in health.message

    ws = Workspace(tmp_path / "data")  # the app still starts
    assert ws.recovery is not None
    assert ws.recovery.moved_to.read_bytes() == damaged, "the damaged file is kept, byte for byte"
    assert ws.recovery.backup.path == saved
    assert ws.progress["answers"].count == 0, "meanwhile an empty progress file is in use"
    ws.restore(ws.recovery.backup.path)
    assert list(ws.progress.query("SELECT id, question_id, correct FROM answers ORDER BY id")) == expected
    ws.close()


def test_newer_file_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "progress.db"
    _make(path, 2).close()
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    health = recovery.check_progress(path)
    assert health.status == "newer" and "newer version" in health.message
    assert path.read_bytes() == before


def test_restoring_is_reversible(tmp_path):
    path = tmp_path / "progress.db"
    db = _make(path, 5)
    old = backup.backup_now(db.conn, tmp_path / "b")
    record_answer(db, learner_id=1, pack_id="p", question_id="later", response=1, correct=True, score=1,
                  elapsed_ms=1, mode="practice", session_id=None)
    db.close()
    moved = recovery.restore(old, path)
    assert len(_rows(path)) == 5
    assert len(_rows(moved)) == 6, "the replaced file is kept beside it"


KILL_LOOP = r"""
import sys
from db.progress import open_progress
from db.learners import ensure_learner
from quiz.answers import record_answer
db = open_progress(sys.argv[1])
learner = ensure_learner(db)
n = 0
while True:
    row = record_answer(db, learner_id=learner, pack_id="p", question_id=f"q{n % 50}", response=n,
                        correct=n % 2 == 0, score=1, elapsed_ms=n, mode="practice", session_id="kill")
    sys.stdout.write(f"{row}\n")
    sys.stdout.flush()
    n += 1
"""


def test_kill_9_loses_no_acknowledged_answer(tmp_path):
    path = tmp_path / "progress.db"
    acknowledged: list[int] = []
    for _round in range(3):
        proc = subprocess.Popen([sys.executable, "-c", KILL_LOOP, str(path)], cwd=ROOT, stdout=subprocess.PIPE,
                                text=True)
        seen = 0
        while seen < 150:
            line = proc.stdout.readline()
            assert line, "the writer stopped early"
            acknowledged.append(int(line))
            seen += 1
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
    db = open_progress(path)
    stored = {r["id"] for r in db.query("SELECT id FROM answers")}
    assert set(acknowledged) <= stored, f"lost {len(set(acknowledged) - stored)} acknowledged answers"
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()
