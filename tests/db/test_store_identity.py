"""Our progress files are recognisable; another program's SQLite file is refused, never migrated into."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from app.workspace import Workspace
from db import recovery
from db.errors import ForeignFileError
from db.learners import ensure_learner
from db.progress import APPLICATION_ID, migrations, open_progress, schema_version
from tests_support import ROOT


def _foreign(path, user_version: int) -> bytes:
    """Some other program's database: its own table and, maybe, its own user_version."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.execute("INSERT INTO invoices (total) VALUES (12.5)")
    conn.execute(f"PRAGMA user_version = {user_version}")
    conn.commit()
    conn.close()
    return path.read_bytes()


@pytest.mark.parametrize("user_version", [0, 2, 3, 4])
def test_a_foreign_sqlite_file_is_refused_and_left_exactly_as_it_was(data_dir, user_version):
    path = data_dir / "progress.db"
    before = _foreign(path, user_version)
    assert recovery.check_progress(path).status == "foreign"
    with pytest.raises(ForeignFileError, match="not a Briefing Quiz progress file.*has not been changed"):
        open_progress(path)
    with pytest.raises(ForeignFileError, match="not a Briefing Quiz progress file"):
        Workspace(data_dir, recover=True)  # not even the app's recovery moves it: it is not damaged, not ours
    assert path.read_bytes() == before
    assert sorted(p.name for p in data_dir.glob("progress*")) == ["progress.db"], "nothing added beside it"
    conn = sqlite3.connect(path)
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")] == ["invoices"]
    conn.close()


@pytest.mark.parametrize("user_version", [0, 3])
def test_the_cli_refuses_a_foreign_file_with_a_message_not_a_traceback(data_dir, tmp_path, user_version):
    before = _foreign(data_dir / "progress.db", user_version)
    env = {**os.environ, "BRIEFING_DATA_DIR": str(data_dir)}
    for command in (["stats"], ["export", "--format", "progress-csv", "-o", str(tmp_path / "a.csv")]):
        result = subprocess.run([sys.executable, str(ROOT / "main.py"), *command], capture_output=True, text=True,
                                env=env, timeout=60)
        assert result.returncode == 2, result
        assert "not a Briefing Quiz progress file" in result.stderr and "Traceback" not in result.stderr
    assert (data_dir / "progress.db").read_bytes() == before


def test_new_files_carry_our_application_id(tmp_path):
    db = open_progress(tmp_path / "progress.db")
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    db.close()


def test_an_older_file_of_ours_without_an_application_id_is_recognised_and_upgraded(tmp_path):
    path = tmp_path / "progress.db"
    from sqlite_utils import Database

    old = Database(path)
    migrations.apply(old, stop_before="0004_application_id")  # as version 3 of the app left it
    old.execute("PRAGMA user_version=3")
    learner = ensure_learner(old)
    old.execute("INSERT INTO answers (learner_id, pack_id, question_id, correct, score, mode, answered_at) "
                "VALUES (?, 'p', 'q', 1, 1, 'practice', 'then')", [learner])
    old.close()
    assert recovery.check_progress(path).status == "ok"
    db = open_progress(path)
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert db.execute("PRAGMA user_version").fetchone()[0] == schema_version()
    assert db["answers"].count == 1
    db.close()


def test_an_empty_sqlite_file_is_a_new_progress_file(tmp_path):
    path = tmp_path / "progress.db"
    sqlite3.connect(path).close()  # zero bytes, as a crash before the first write leaves it
    db = open_progress(path)
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    db.close()
