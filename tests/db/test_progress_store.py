"""The progress database: durable settings, migrations, newer-schema refusal."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from db.errors import CorruptStoreError, NewerSchemaError
from db.learners import ensure_learner
from db.progress import now_iso, open_progress, quick_check, schema_version


def _answer(db, learner_id: int, question_id: str = "q1") -> None:
    db["answers"].insert({
        "learner_id": learner_id, "pack_id": "sanaenomics", "question_id": question_id,
        "response": '"x"', "correct": 1, "score": 1.0, "elapsed_ms": 900, "mode": "practice",
        "session_id": "s1", "answered_at": now_iso(),
    })


def test_migrates_an_empty_file(tmp_path):
    path = tmp_path / "progress.db"
    path.touch()  # an empty file, as left by a crash before the first write
    db = open_progress(path)
    assert {"learners", "answers", "section_reads", "quiz_sessions"} <= set(db.table_names())
    assert db.execute("PRAGMA user_version").fetchone()[0] == schema_version()
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert quick_check(db) == "ok"
    db.close()


def test_reopening_keeps_answers(tmp_path):
    path = tmp_path / "progress.db"
    db = open_progress(path)
    _answer(db, ensure_learner(db))
    db.close()
    db = open_progress(path)
    assert db["answers"].count == 1
    applied = [m.name for m in __import__("db.progress", fromlist=["x"]).migrations.applied(db)]
    assert applied == ["0001_initial", "0002_scheduler", "0003_stats_index", "0004_application_id",
                       "0005_recall_ratings", "0006_question_totals", "0007_live_sessions", "0008_retractions",
                       "0009_question_marks", "0010_hour_totals"]


def test_foreign_keys_are_enforced(tmp_path):
    db = open_progress(tmp_path / "p.db")
    with pytest.raises(sqlite3.IntegrityError):
        _answer(db, learner_id=999)


def test_answer_log_is_append_only(tmp_path):
    db = open_progress(tmp_path / "p.db")
    _answer(db, ensure_learner(db))
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("UPDATE answers SET correct = 0")


def test_newer_schema_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "progress.db"
    db = open_progress(path)
    _answer(db, ensure_learner(db))
    db.execute(f"PRAGMA user_version={schema_version() + 1}")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(NewerSchemaError, match="newer version"):
        open_progress(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_garbage_file_is_reported_as_damaged(tmp_path):
    path = tmp_path / "progress.db"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(CorruptStoreError, match="damaged"):
        open_progress(path)
    assert path.read_bytes().startswith(b"this is not a database")


def test_a_version_1_file_is_migrated_without_losing_answers(tmp_path):
    from sqlite_utils import Database

    from db.progress import migrations

    path = tmp_path / "progress.db"
    old = Database(path)
    migrations.apply(old, stop_before="0002_scheduler")
    old.execute("PRAGMA user_version=1")
    _answer(old, ensure_learner(old), "q-old")
    old.close()

    db = open_progress(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == schema_version()
    (row,) = db.query("SELECT question_id, rating FROM answers")
    assert row == {"question_id": "q-old", "rating": None}
    assert "cards" in db.table_names()
    db.close()


def _answer_as_an_older_version(db, learner_id: int, correct: bool) -> None:
    """An answer as a version before the newest migrations wrote it: the log row and its question's totals."""
    from db.stats import rebuild_totals

    db.execute("INSERT INTO answers (learner_id, pack_id, question_id, response, correct, score, elapsed_ms, mode, "
               "session_id, answered_at, rating) VALUES (?, 'sanaenomics', 'q-old', '\"x\"', ?, ?, 900, 'practice', "
               "'s1', '2026-11-20T10:00:00+00:00', 3)", [learner_id, int(correct), float(correct)])
    rebuild_totals(db)  # hour_totals does not exist yet in such a file: only question_totals are counted


def test_a_file_from_before_undo_is_migrated_and_its_answers_still_count(tmp_path):
    """A progress file of the version before retractions (0006) opens, keeps every answer and can undo."""
    from sqlite_utils import Database

    from db.progress import migrations
    from quiz.answers import retract_answer

    path = tmp_path / "progress.db"
    old = Database(path)
    migrations.apply(old, stop_before="0008_retractions")
    old.execute("PRAGMA user_version=6")
    _answer_as_an_older_version(old, ensure_learner(old), correct=False)
    old.close()

    db = open_progress(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == schema_version()
    assert "retractions" in db.table_names()
    (totals,) = db.query("SELECT attempts FROM question_totals")
    assert totals == {"attempts": 1}
    answer_id = next(db.query("SELECT id FROM answers"))["id"]
    retract_answer(db, answer_id)
    assert list(db.query("SELECT * FROM question_totals")) == [] and list(db.query("SELECT * FROM cards")) == []
    assert list(db.query("SELECT * FROM hour_totals")) == []  # the per-day charts forget it too
    assert db["answers"].count == 1  # the log keeps it
    db.close()


def test_a_file_from_before_question_marks_is_migrated_and_can_suspend(tmp_path):
    """A progress file of the version before the question browser's marks (0008) opens, keeps its answers and
    its retractions, and a question can then be suspended and flagged."""
    from sqlite_utils import Database

    from db.marks import for_pack, set_mark, suspended
    from db.progress import migrations

    path = tmp_path / "progress.db"
    old = Database(path)
    migrations.apply(old, stop_before="0009_question_marks")
    before = len(list(old.query("SELECT name FROM _sqlite_migrations")))
    old.execute(f"PRAGMA user_version={before}")
    learner = ensure_learner(old)
    _answer_as_an_older_version(old, learner, correct=True)
    old.close()

    db = open_progress(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == schema_version()
    assert "question_marks" in db.table_names() and db["answers"].count == 1
    assert for_pack(db, learner, "sanaenomics") == {}  # nothing is marked by the upgrade
    set_mark(db, learner, "sanaenomics", "q-old", suspended=True)
    set_mark(db, learner, "sanaenomics", "q-old", flagged=True)
    assert suspended(db, learner, "sanaenomics") == {"q-old"}
    assert for_pack(db, learner, "sanaenomics") == {"q-old": (True, True)}
    db.close()


def test_learner_profiles_create_rename_delete(tmp_path):
    from db.learners import (
        LearnerNameError,
        create_learner,
        delete_learner,
        learner_name,
        list_learners,
        rename_learner,
    )

    db = open_progress(tmp_path / "p.db")
    me = ensure_learner(db)
    ken = create_learner(db, "  Ken  ")
    assert learner_name(db, ken) == "Ken"
    with pytest.raises(LearnerNameError, match="already"):
        create_learner(db, "ken")
    with pytest.raises(LearnerNameError):
        rename_learner(db, ken, "   ")
    rename_learner(db, ken, "Kenji")
    _answer(db, ken)
    _answer(db, me)
    delete_learner(db, ken)
    assert [r["name"] for r in list_learners(db)] == ["Me"]
    assert db["answers"].count == 1, "the other learner's answers stay"
    db.close()


def test_newer_file_with_wal_content_is_refused_without_checkpointing(tmp_path):
    import shutil

    path = tmp_path / "progress.db"
    db = open_progress(path)
    db.execute("PRAGMA wal_autocheckpoint=0")
    _answer(db, ensure_learner(db))
    db.execute("PRAGMA user_version = 99")
    db.conn.commit()
    snapshot = tmp_path / "snap"
    snapshot.mkdir()
    for name in ("progress.db", "progress.db-wal"):
        shutil.copy(tmp_path / name, snapshot / name)  # a crashed newer app: main file + unmerged WAL
    db.close()
    for name in ("progress.db", "progress.db-wal"):
        shutil.copy(snapshot / name, tmp_path / name)
    (tmp_path / "progress.db-shm").unlink(missing_ok=True)
    before = path.read_bytes()
    with pytest.raises(NewerSchemaError):
        open_progress(path)
    assert path.read_bytes() == before, "the newer file's WAL was not merged into it"
