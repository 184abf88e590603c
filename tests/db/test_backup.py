"""Backups: online copies that include WAL content, rotation, and the 30-minute rhythm."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

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
    from_connection = backup.backup_now(db.conn, tmp_path / "backups", now=datetime(2026, 1, 1, 9, 0, 0, tzinfo=UTC))
    from_database = backup.backup_now(db, tmp_path / "backups", now=datetime(2026, 1, 1, 9, 0, 1, tzinfo=UTC))
    from_path = backup.backup_now(tmp_path / "progress.db", tmp_path / "backups",
                                  now=datetime(2026, 1, 1, 9, 0, 2, tzinfo=UTC))
    other.rollback()
    other.close()
    for path in (from_connection, from_database, from_path):
        assert _count(path) == 25, f"{path.name}: committed answers only, none lost, none half-written"
        assert backup.verify(path)
        assert not path.with_name(path.name + "-wal").exists(), "a backup is one self-contained file"
    assert not list((tmp_path / "backups").glob("*.partial"))
    assert [p.name for p in (from_connection, from_database, from_path)] == [
        "progress-20260101T090000Z-000001.db", "progress-20260101T090001Z-000002.db",
        "progress-20260101T090002Z-000003.db"], "named by UTC time and a sequence number"
    db.close()


def test_listing_is_newest_first_with_size_and_answer_count_read_on_demand(tmp_path):
    db = open_progress(tmp_path / "progress.db")
    _answers(db, 4, ensure_learner(db))
    old = backup.backup_now(db, tmp_path / "b", now=datetime(2026, 3, 1, 8, 0, tzinfo=UTC))
    _answers(db, 3, ensure_learner(db))
    new = backup.backup_now(db, tmp_path / "b", now=datetime(2026, 3, 2, 8, 0, tzinfo=UTC))
    db.close()
    (tmp_path / "b" / "notes.txt").write_text("not a backup")
    (tmp_path / "b" / "progress-2026.db").write_text("not named like one")
    listed = backup.list_backups(tmp_path / "b")
    assert [b.path for b in listed] == [new, old]
    assert listed[0].taken_at == datetime(2026, 3, 2, 8, 0, tzinfo=UTC) and listed[0].seq == 2
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
    backup.rotate(folder, keep_recent=1)
    kept = sorted(b.taken_at.replace(tzinfo=None) for b in backup.list_backups(folder))  # old names: local time
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

    removed = backup.rotate(folder, keep_recent=1, now=datetime(2026, 4, 30, 9, 0))

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
    backup.rotate(folder, keep_daily=0, keep_weekly=0, keep_recent=0)
    assert [b.path.name for b in backup.list_backups(folder)] == ["progress-20260102-080000.db"]
    assert backup.rotate(tmp_path / "empty") == []


def test_the_last_backups_of_a_day_are_kept_so_one_taken_by_hand_outlives_the_next(tmp_path):
    """A backup taken with "Back up now" was deleted by the automatic one at close (one a day was kept)."""
    folder = tmp_path / "backups"
    folder.mkdir()
    for minute in range(8):
        (folder / f"progress-20260501T09{minute:02d}00Z-{minute + 1:06d}.db").write_bytes(b"x")
    backup.rotate(folder)
    assert [b.seq for b in backup.list_backups(folder)] == [8, 7, 6, 5, 4]


def test_start_fresh_never_costs_the_only_backup_of_the_answers_left_behind(tmp_path):
    """18 answers backed up, the file then started afresh (damaged, "Start fresh"): the backups of the new,
    empty file that day replaced the only copy of the 18 answers when the app closed."""
    folder = tmp_path / "backups"
    old = open_progress(tmp_path / "old.db")
    _answers(old, 18, ensure_learner(old))
    kept = backup.backup_now(old, folder, now=datetime(2026, 5, 1, 9, 0, tzinfo=UTC))
    old.close()
    fresh = open_progress(tmp_path / "progress.db")
    learner = ensure_learner(fresh)
    for minute in range(1, 12):  # a long day with the fresh file: backups by hand and at each 30 minutes
        if minute == 6:
            _answers(fresh, 3, learner)
        backup.backup_now(fresh, folder, now=datetime(2026, 5, 1, 9, minute, tzinfo=UTC))
        backup.rotate(folder)
    listed = backup.list_backups(folder)
    assert kept in [b.path for b in listed] and _count(kept) == 18
    assert len(listed) == backup.KEEP_RECENT + 1, "the fresh file's own older backups still rotate away"

    _answers(fresh, 30, learner)  # the fresh line outgrows the old one: its 18 answers are still not in it
    backup.backup_now(fresh, folder, now=datetime(2026, 5, 1, 12, 0, tzinfo=UTC))
    backup.rotate(folder)
    assert kept.exists()
    fresh.close()


def test_a_backup_whose_answers_are_all_in_a_newer_one_rotates_as_before(tmp_path):
    folder = tmp_path / "backups"
    db = open_progress(tmp_path / "progress.db")
    learner = ensure_learner(db)
    for day in range(1, 11):
        _answers(db, 2, learner)
        backup.backup_now(db, folder, now=datetime(2026, 5, day, 9, 0, tzinfo=UTC))
    db.close()
    backup.rotate(folder, keep_daily=3, keep_weekly=0, keep_recent=1)
    assert [_count(b.path) for b in backup.list_backups(folder)] == [20, 18, 16]


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


def test_after_the_clock_goes_back_a_day_the_backup_just_taken_is_kept_and_backups_go_on(tmp_path):
    """Finding: names were local wall-clock time, so a backup taken after the clock went back
    sorted as old, rotation deleted it (while "Backed up" was reported), and none was due again
    until the clock passed the newest name."""
    from app.workspace import Workspace

    ws = Workspace(tmp_path / "data")
    day1_evening = datetime(2026, 5, 1, 20, 0)  # the machine's clock (local time)
    day2_morning = datetime(2026, 5, 2, 9, 0)
    ws.back_up(now=day1_evening)
    ws.back_up(now=day2_morning)
    clock = datetime(2026, 5, 1, 10, 0)  # set back: before both
    made = ws.back_up_if_due(now=clock)
    assert made is not None, "a backup is due at once, not only after 23 hours"
    newest = backup.list_backups(ws.backups_dir)[0]
    assert newest.path == made and made.exists(), "rotation kept the backup just taken"
    assert newest.label == "2026-05-01 10:00:00"
    assert not backup.due(ws.backups_dir, now=clock + timedelta(minutes=29))
    later = ws.back_up_if_due(now=clock + timedelta(minutes=30))
    assert later is not None and later.exists(), "the 30-minute rhythm goes on from the back-dated clock"
    assert backup.list_backups(ws.backups_dir)[0].path == later
    ws.close()


MOVE = r"""
import sys
from datetime import UTC, datetime
from app.workspace import Workspace
ws = Workspace(sys.argv[1])
print(ws.back_up(now=datetime.fromisoformat(sys.argv[2]) if len(sys.argv) > 2 else None))
ws.close()
"""


def test_moving_from_tokyo_to_new_york_keeps_the_backup_just_taken_newest(tmp_path):
    """The same real clock, a different time zone: with local-time names the New York backup
    looked 13 hours older than the Tokyo ones taken a moment before it."""
    import os
    import subprocess
    import sys

    from tests_support import ROOT

    data = tmp_path / "data"

    def back_up_in(zone: str) -> Path:
        result = subprocess.run([sys.executable, "-c", MOVE, str(data)], cwd=ROOT, capture_output=True, text=True,
                                env={**os.environ, "TZ": zone}, timeout=120)
        assert result.returncode == 0, result.stderr
        return Path(result.stdout.strip())

    tokyo = [back_up_in("Asia/Tokyo") for _ in range(3)]
    new_york = back_up_in("America/New_York")
    listed = backup.list_backups(data / "backups")
    assert listed[0].path == new_york and new_york.exists()
    assert set(listed[1:]) <= {b for b in listed if b.path in tokyo}
    assert not backup.due(data / "backups"), "just backed up: the next one is 30 minutes away in any zone"


def test_old_local_time_backups_are_still_listed_restorable_and_older_than_new_ones(tmp_path):
    db = open_progress(tmp_path / "progress.db")
    _answers(db, 2, ensure_learner(db))
    new = backup.backup_now(db, tmp_path / "b", now=datetime(2026, 1, 1, 8, 0, tzinfo=UTC))
    legacy = tmp_path / "b" / "progress-20270101-080000.db"  # an older version's name, a year "later"
    backup.backup_now(db, tmp_path / "legacy", now=datetime(2026, 1, 1, 9, 0, tzinfo=UTC)).rename(legacy)
    db.close()
    listed = backup.list_backups(tmp_path / "b")
    assert [b.path for b in listed] == [new, legacy], "numbered backups are newer than any old-style one"
    assert listed[1].label == "2027-01-01 08:00:00" and backup.verify(legacy)
    assert backup.backup_now(tmp_path / "progress.db", tmp_path / "b").name.endswith("-000002.db")


def test_a_failed_backup_leaves_no_partial_file(tmp_path):
    """A full disk (here: a file-size limit, a real write error from the OS) fails the backup;
    its .partial is removed at once, not left at full size."""
    import resource

    db = open_progress(tmp_path / "progress.db")
    _answers(db, 300, ensure_learner(db))
    folder = tmp_path / "backups"
    folder.mkdir()
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (32 * 1024, hard))
    try:
        with pytest.raises(sqlite3.OperationalError):
            backup.backup_now(db, folder)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    assert list(folder.iterdir()) == []
    assert backup.verify(backup.backup_now(db, folder))
    db.close()
