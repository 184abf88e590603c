"""A learner's file for the trainer: only their progress, a consistent copy, and one learner in the report
however many of their files (an export, a backup, last week's) the trainer adds."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from app.workspace import Workspace
from quiz.answers import record_answer


def _answer(ws: Workspace, question, ok: bool) -> None:
    record_answer(ws.progress, learner_id=ws.learner_id, pack_id=ws.pack().id, question_id=question.id,
                  response=None, correct=ok, score=float(ok), elapsed_ms=1, mode="exam", session_id="s")


def test_a_learners_export_and_backup_are_one_learner_and_two_people_called_me_are_two(tmp_path):
    first, second = Workspace(tmp_path / "laptop"), Workspace(tmp_path / "tablet")
    try:
        bank = first.questions()
        for n, q in enumerate(bank[:3]):
            _answer(first, q, n != 1)
        exported = first.export_for_trainer(tmp_path / "out" / first.trainer_file_name())
        for q in bank[3:5]:
            _answer(first, q, True)
        backup = first.back_up()
        _answer(second, bank[0], False)
        other = second.export_for_trainer(tmp_path / "out" / "tablet.db")
        report = first.trainer_report([exported, backup, other])
    finally:
        first.close()
        second.close()
    assert sorted(learner.name for learner in report.learners) == ["Me", "Me"]  # two people, not three
    mine = max(report.learners, key=lambda x: len(x.first_attempts))
    assert len(mine.first_attempts) == 5 and sum(mine.first_attempts.values()) == 4
    assert exported.name in mine.source and backup.name in mine.source
    q0 = next(item for item in report.items if item.question_id == bank[0].id)
    assert q0.attempts == 2 and q0.facility == pytest.approx(0.5)


def test_the_export_holds_only_the_current_learner_and_is_named_after_them(tmp_path, data_dir):
    with Workspace(data_dir) as ws:
        bank = ws.questions()
        _answer(ws, bank[0], True)
        ws.create_learner("Zoë <b>K</b>/../x")
        _answer(ws, bank[1], False)
        name = ws.trainer_file_name(date(2026, 11, 25))
        assert name == "Zoë-b-K-b-..-x-progress-2026-11-25.db"  # no folder separators or markup in a file name
        path = ws.export_for_trainer(tmp_path / name)
    conn = sqlite3.connect(path)
    try:
        learners = conn.execute("SELECT name, uid FROM learners").fetchall()
        answers = conn.execute("SELECT question_id FROM answers").fetchall()
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM live_sessions").fetchone()[0] == 0
    finally:
        conn.close()
    assert [n for n, _ in learners] == ["Zoë <b>K</b>/../x"] and learners[0][1]
    assert answers == [(bank[1].id,)]
    assert not list(tmp_path.glob("*.partial*"))


def test_an_export_into_a_missing_folder_is_refused_and_leaves_nothing(tmp_path, data_dir):
    from app.errors import StoreError

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    with Workspace(data_dir) as ws, pytest.raises((OSError, StoreError)):
        ws.export_for_trainer(blocker / "x.db")
    assert blocker.read_text(encoding="utf-8") == ""
    assert not list(tmp_path.rglob("x.db*"))
