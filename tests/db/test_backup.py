"""Backups: online copies that include WAL content, rotation, and the 30-minute rhythm."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

from db import backup
from db.learners import ensure_learner
from db.progress import open_progress
from quiz.answers import record_answer


def _answers(db, n: int, learner: int) -> None:
    for i in range(n):
        record_answer(db, learner_id=learner, pack_id="p", question_id=f"q{i}", response=i, correct=True, score=1,
                      elapsed_ms=10, mode="practice", session_id=None)


def test_backup_holds_every_committed_answer_even_those_still_in_the_wal(tmp_path):
    db = open_progress(tmp_path / "progress.db")
    _answers(db, 25, ensure_learner(db))
    assert (tmp_path / "progress.db-wal").stat().st_size > 0, "answers are still in the WAL, not the main file"
    other = sqlite3.connect(tmp_path / "progress.db")
    other.execute("BEGIN IMMEDIATE")  # another instance holds the write lock meanwhile
    path = backup.backup_now(db.conn, tmp_path / "backups")
    other.rollback()
    other.close()
    copy = sqlite3.connect(path)
    assert copy.execute("SELECT count(*) FROM answers").fetchone()[0] == 25
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    copy.close()
    assert backup.verify(path)
    assert not list((tmp_path / "backups").glob("*.partial"))
    db.close()


def test_rotation_keeps_newest_per_day_for_7_days_and_per_week_for_4_weeks(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    start = datetime(2026, 9, 1, 8, 0)  # a Tuesday
    for day in range(60):
        for hour in (8, 13, 19):
            (folder / f"progress-{start + timedelta(days=day, hours=hour - 8):%Y%m%d-%H%M%S}.db").write_bytes(b"x")
    backup.rotate(folder)
    kept = sorted(b.taken_at for b in backup.list_backups(folder))
    last = start + timedelta(days=59, hours=11)  # 2026-10-30 19:00, a Friday
    daily = [last - timedelta(days=d) for d in range(7)]  # 19:00 on each of the last 7 days
    # newest of each of the last 4 ISO weeks: Fri 30 Oct (current week), then Sundays 25, 18, 11 Oct
    weekly = [last] + [datetime(2026, 10, d, 19, 0) for d in (25, 18, 11)]
    assert kept == sorted(set(daily) | set(weekly))


def test_a_backup_is_due_every_30_minutes_of_use(tmp_path):
    folder = tmp_path / "backups"
    t0 = datetime(2026, 11, 25, 9, 0)
    assert backup.due(folder, now=t0)
    db = open_progress(tmp_path / "progress.db")
    backup.backup_now(db.conn, folder, now=t0)
    assert not backup.due(folder, now=t0 + timedelta(minutes=29))
    assert backup.due(folder, now=t0 + timedelta(minutes=30))
    db.close()


def test_a_damaged_backup_does_not_verify(tmp_path):
    db = open_progress(tmp_path / "progress.db")
    _answers(db, 3, ensure_learner(db))
    path = backup.backup_now(db.conn, tmp_path / "backups")
    db.close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))
    assert not backup.verify(path)
