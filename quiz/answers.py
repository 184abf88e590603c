"""Recording answers: one durable row per answer, written the moment it is given, and taking one back.

The answer log is append-only (a trigger forbids updates); every chart and the
scheduler are derived from it. Taking an answer back appends a retraction, and
rebuilds what was derived from that answer (its card, its question's totals)
in the same transaction.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from db import answers, stats
from db.errors import saving
from db.progress import now_iso, write_transaction
from quiz import scheduler


def record_answer(
    db: Database,
    *,
    learner_id: int,
    pack_id: str,
    question_id: str,
    response: Any,
    correct: bool,
    score: float,
    elapsed_ms: int,
    mode: str,
    session_id: str | None,
    answered_at: str | None = None,
    rating: int | None = None,
    kind: str | None = None,
) -> int:
    """Write one answer and update the learner's schedule in one transaction.

    ``rating`` is the FSRS rating if the learner chose one; otherwise it is
    derived from correctness and speed for a question of this ``kind``.

    Returns the answer's row id. When this returns, the answer is on disk
    (WAL + ``synchronous=FULL``): a crash afterwards cannot lose it. Called
    inside a caller's transaction (a quiz session saves its position with the
    answer), it becomes part of that transaction and is on disk when it commits.
    Raises :class:`~db.errors.NotSavedError` (a sentence) if it cannot be written.
    """
    answered_at = answered_at or now_iso()
    if rating is None:
        rating = scheduler.rating_for(bool(correct), int(elapsed_ms), kind)
    with saving("Your answer"), write_transaction(db):
        row_id = answers.insert(
            db, learner_id=learner_id, pack_id=pack_id, question_id=question_id, response=response,
            correct=correct, score=score, elapsed_ms=elapsed_ms, mode=mode, session_id=session_id,
            answered_at=answered_at, rating=rating)
        scheduler.on_answer(
            db, learner_id=learner_id, pack_id=pack_id, question_id=question_id,
            rating=rating, answered_at=answered_at,
        )
    return row_id


def retract_answer(db: Database, answer_id: int) -> tuple[int, str, str]:
    """Take one answer back, durably, in one transaction: the retraction is appended, the question's card is
    replayed from the answers left (none left: it is new again) and its totals recounted.

    Returns (learner, pack, question) of the answer. Raises :class:`~db.errors.NotSavedError` if it cannot be
    written (nothing changed then), KeyError for an unknown answer, ValueError for one taken back already.
    """
    with saving("Taking your answer back"), write_transaction(db):
        learner_id, pack_id, question_id = answers.retract(db, answer_id)
        scheduler.replay(db, learner_id, pack_id, question_id)
        stats.recount(db, learner_id, pack_id, question_id)
    return learner_id, pack_id, question_id
