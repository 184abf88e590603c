"""kill -9 in the middle of taking an answer back: afterwards it is either wholly done or not done at all.

The undo is one SQLite transaction, so it takes no file step of its own that tests/faults.py could
count. The child here counts SQLite's own work instead (a progress handler called every few virtual
machine instructions) and kills itself at the N-th call; N runs over the whole undo, from its first
statement to its commit. The app then starts on what is left, and the retraction, the quiz's saved
position, the card and the question's totals must all tell the same story.
"""

from __future__ import annotations

import shutil

import pytest
from faults import killed, run_child

from app.workspace import Workspace
from db import cards
from quiz import scheduler

QUESTION = "figure-amount:nikkei-2040-goal"
EVERY = 1  # virtual machine instructions between two chances to be killed
TRIALS = 8

UNDO = r"""
import json, os, signal, sys
from app.workspace import Workspace
ws = Workspace(sys.argv[1])
session = ws.resume_quiz()
calls = 0
kill_at = int(os.environ["KILL_AT"])

def tick():
    global calls
    calls += 1
    if calls == kill_at:
        os.kill(os.getpid(), signal.SIGKILL)
    return 0

ws.progress.conn.set_progress_handler(tick, EVERY)
session.undo()
ws.progress.conn.set_progress_handler(None, 0)
print(json.dumps(calls))
""".replace("EVERY", str(EVERY))


def _prepare(folder) -> None:
    """A quiz of two questions whose first was answered wrong (and so queued again), closed normally."""
    with Workspace(folder) as ws:
        session = ws.start_quiz(None, "custom", question_ids=[QUESTION, "figure-number:ai-plan"])
        question = session.current
        assert not session.submit(next(c for c in question.choices if c != question.answer), 1000).correct


def _story(folder) -> str:
    """"undone" or "kept", after checking every derived record agrees with the log."""
    with Workspace(folder) as ws:
        db = ws.progress
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        retracted = db.execute("SELECT count(*) FROM retractions").fetchone()[0]
        session = ws.resume_quiz()
        assert session is not None
        card = cards.load(db, ws.learner_id, "sanaenomics", QUESTION)
        totals = list(db.query("SELECT attempts FROM question_totals"))
        if retracted:
            assert session.current.id == QUESTION  # asked again
            assert session.position == (0, 2) and session.state.question_ids.count(QUESTION) == 1
            assert card is None and totals == []
            assert ws.dashboard().answers == 0
            return "undone"
        assert session.current.id != QUESTION  # answered, and queued again after the miss
        assert session.position == (1, 3) and session.state.question_ids.count(QUESTION) == 2
        assert card is not None and card["reviews"] == 1 and totals == [{"attempts": 1}]
        scheduler.rebuild(db)
        assert cards.load(db, ws.learner_id, "sanaenomics", QUESTION) == card
        return "kept"


@pytest.mark.slow
def test_kill_9_anywhere_in_an_undo_leaves_it_done_or_not_done(tmp_path):
    prepared = tmp_path / "prepared"
    _prepare(prepared)
    whole = tmp_path / "whole"
    shutil.copytree(prepared, whole)
    result = run_child(UNDO, whole)
    assert result.returncode == 0, result.stderr
    calls = int(result.stdout.strip().splitlines()[-1])
    assert calls > TRIALS, "the undo should take more than a handful of steps"
    assert _story(whole) == "undone"

    stories = []
    for n in sorted({1 + (calls - 1) * i // (TRIALS - 1) for i in range(TRIALS)}):
        trial = tmp_path / f"kill-{n}"
        shutil.copytree(prepared, trial)
        assert killed(run_child(UNDO, trial, kill_at=n)), f"not killed at call {n} of {calls}"
        stories.append(_story(trial))
    assert stories[0] == "kept" and set(stories) <= {"kept", "undone"}, stories
