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


def _count(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM answers").fetchone()[0]
    finally:
        conn.close()


def test_backup_holds_every_committed_answer_even_those_still_in_the_wal(tmp_path):
    db = open_progress(tmp_path / "progress.db")
    learner = ensure_learner(db)
    _answers(db, 25, learner)
    assert (tmp_path / "progress.db-wal").stat().st_size > 0, "answers are still in the WAL, not the main file"
    other = sqlite3.connect(tmp_path / "progress.db")
    other.execute("BEGIN IMMEDIATE")  # another instance is in the middle of writing an answer
    other.execute("INSERT INTO answers (learner_id, pack_id, question_id, correct, score, mode, answered_at) "
                  "VALUES (?, 'p', 'uncommitted', 1, 1, 'practice', 'now')", [learner])
    from_connection = backup.backup_now(db.conn, tmp_path / "backups", now=datetime(2026, 1, 1, 9, 0, 0))
    from_database = backup.backup_now(db, tmp_path / "backups", now=datetime(2026, 1, 1, 9, 0, 1))
    from_path = backup.backup_now(tmp_path / "progress.db", tmp_path / "backups", now=datetime(2026, 1, 1, 9, 0, 2))
    other.rollback()
    other.close()
    for path in (from_connection, from_database, from_path):
        assert _count(path) == 25, f"{path.name}: committed answers only, none lost, none half-written"
        assert backup.verify(path)
        assert not path.with_name(path.name + "-wal").exists(), "a backup is one self-contained file"
    assert not list((tmp_path / "backups").glob("*.partial"))
    assert from_connection.name == "progress-20260101-090000.db"
    db.close()


def test_listing_is_newest_first_with_size_and_answer_count_read_on_demand(tmp_path):
    db = open_progress(tmp_path / "progress.db")
    _answers(db, 4, ensure_learner(db))
    old = backup.backup_now(db, tmp_path / "b", now=datetime(2026, 3, 1, 8, 0))
    _answers(db, 3, ensure_learner(db))
    new = backup.backup_now(db, tmp_path / "b", now=datetime(2026, 3, 2, 8, 0))
    db.close()
    (tmp_path / "b" / "notes.txt").write_text("not a backup")
    (tmp_path / "b" / "progress-2026.db").write_text("not named like one")
    listed = backup.list_backups(tmp_path / "b")
    assert [b.path for b in listed] == [new, old]
    assert listed[0].taken_at == datetime(2026, 3, 2, 8, 0)
    assert [b.answers() for b in listed] == [7, 4]
    assert listed[0].size == new.stat().st_size > 0
    assert backup.list_backups(tmp_path / "nowhere") == []


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


def test_rotation_counts_days_and_weeks_that_have_a_backup_across_gaps(tmp_path):
    """60 days (2 Mar – 30 Apr 2026) used on and off; expectations worked out by hand."""
    folder = tmp_path / "backups"
    folder.mkdir()
    stamps = [
        "20260302-090000", "20260302-180000", "20260305-100000", "20260316-080000",   # March: gone
        "20260320-120000", "20260320-210000", "20260401-070000", "20260402-070000",
        "20260410-110000", "20260411-110000",                                        # Fri, Sat
        "20260412-110000", "20260412-235959",                                        # Sun (ISO week 15 ends)
        "20260413-000000",                                                           # Mon (week 16 starts)
        "20260425-100000", "20260426-100000",                                        # Sat, Sun of week 17
        "20260427-100000", "20260428-100000", "20260429-100000",
        "20260430-080000", "20260430-083000",                                        # Thu, week 18
    ]
    for stamp in stamps:
        (folder / f"progress-{stamp}.db").write_bytes(b"x")
    foreign = [folder / "progress-20260101-000000.db.partial", folder / "progress.damaged-20260101-000000.db",
               folder / "readme.txt"]
    for path in foreign:
        path.write_bytes(b"y")

    removed = backup.rotate(folder, now=datetime(2026, 4, 30, 9, 0))

    kept = [b.path.name[len("progress-"):-len(".db")] for b in backup.list_backups(folder)]
    # Days that have a backup, newest first: 30, 29, 28, 27, 26, 25, 13 Apr -> the 7 daily ones.
    # ISO weeks: 18 -> 30 Apr 08:30, 17 -> Sun 26 Apr, 16 -> Mon 13 Apr 00:00, 15 -> Sun 12 Apr 23:59:59.
    assert kept == ["20260430-083000", "20260429-100000", "20260428-100000", "20260427-100000",
                    "20260426-100000", "20260425-100000", "20260413-000000", "20260412-235959"]
    assert len(removed) == len(stamps) - len(kept)
    assert all(path.exists() for path in foreign), "files that are not backups are never touched"


def test_rotation_always_keeps_the_newest(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    for stamp in ("20260101-080000", "20260101-090000", "20260102-080000"):
        (folder / f"progress-{stamp}.db").write_bytes(b"x")
    backup.rotate(folder, keep_daily=0, keep_weekly=0)
    assert [b.path.name for b in backup.list_backups(folder)] == ["progress-20260102-080000.db"]
    assert backup.rotate(tmp_path / "empty") == []


def test_a_backup_is_due_every_30_minutes_of_use(tmp_path):
    folder = tmp_path / "backups"
    t0 = datetime(2026, 11, 25, 9, 0)
    assert backup.due(folder, now=t0), "no folder yet: due"
    folder.mkdir()
    (folder / "readme.txt").write_text("not a backup")
    assert backup.due(folder, now=t0), "no backup yet: due"
    db = open_progress(tmp_path / "progress.db")
    backup.backup_now(db.conn, folder, now=t0)
    assert not backup.due(folder, now=t0 + timedelta(minutes=29, seconds=59))
    assert backup.due(folder, now=t0 + timedelta(minutes=30))
    assert not backup.due(folder, now=t0 + timedelta(minutes=59), interval=timedelta(hours=1))
    assert backup.due(folder, now=t0 + timedelta(hours=1), interval=timedelta(hours=1))
    backup.backup_now(db.conn, folder, now=t0 + timedelta(minutes=30))
    assert not backup.due(folder, now=t0 + timedelta(minutes=31)), "measured from the newest backup"
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
    assert not backup.verify(tmp_path / "missing.db")


def test_a_backup_from_a_newer_app_or_of_another_database_does_not_verify(tmp_path):
    db = open_progress(tmp_path / "progress.db")
    path = backup.backup_now(db, tmp_path / "backups")
    db.close()
    assert backup.verify(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    assert not backup.verify(path)
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    assert not backup.verify(other)
