"""The answer log: one append-only row per answer, the learner's later ratings of them, and retractions.

Every chart and the scheduler are derived from this log. Rows are never
updated (a trigger forbids it); a learner's own recall rating, given after the
feedback, is appended to ``answer_ratings`` and counts instead of the rating the
answer was logged with. An answer the learner takes back ("Undo last answer")
stays in the log; a row in ``retractions`` cancels it, and every reader here
leaves it out (:data:`LIVE`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sqlite_utils import Database

from db import stats
from db.progress import now_iso

#: The rating an answer counts with: the learner's latest own rating of it, else the one it was logged with.
EFFECTIVE_RATING = ("coalesce((SELECT r.rating FROM answer_ratings r WHERE r.answer_id = a.id "
                    "ORDER BY r.id DESC LIMIT 1), a.rating)")


#: True for an answer (aliased ``a``) that was not taken back.
LIVE = "NOT EXISTS (SELECT 1 FROM retractions x WHERE x.answer_id = a.id)"


def insert(db: Database, *, learner_id: int, pack_id: str, question_id: str, response: Any, correct: bool,
           score: float, elapsed_ms: int, mode: str, session_id: str | None, answered_at: str,
           rating: int) -> int:
    """Append one answer (inside the caller's transaction), counted in its question's totals; its row id."""
    cursor = db.execute(
        "INSERT INTO answers (learner_id, pack_id, question_id, response, correct, score, elapsed_ms, mode, "
        "session_id, answered_at, rating) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [learner_id, pack_id, question_id, json.dumps(response, ensure_ascii=False), int(bool(correct)),
         float(score), int(elapsed_ms), mode, session_id, answered_at, rating])
    answer_id = int(cursor.lastrowid or 0)
    stats.add_to_totals(db, learner_id=learner_id, pack_id=pack_id, question_id=question_id, answer_id=answer_id,
                        correct=correct, elapsed_ms=elapsed_ms, answered_at=answered_at)
    return answer_id


def add_rating(db: Database, answer_id: int, rating: int) -> tuple[int, str, str]:
    """Append the learner's rating of an answer; (learner, pack, question) of that answer."""
    row = db.execute("SELECT learner_id, pack_id, question_id FROM answers WHERE id = ?", [answer_id]).fetchone()
    if row is None:
        raise KeyError(answer_id)
    db.execute("INSERT INTO answer_ratings (answer_id, rating, rated_at) VALUES (?, ?, ?)",
               [answer_id, int(rating), now_iso()])
    return int(row[0]), str(row[1]), str(row[2])


def retract(db: Database, answer_id: int) -> tuple[int, str, str]:
    """Take an answer back (inside the caller's transaction); (learner, pack, question) of that answer.

    KeyError if there is no such answer, ValueError if it was taken back already.
    """
    row = db.execute("SELECT learner_id, pack_id, question_id FROM answers WHERE id = ?", [answer_id]).fetchone()
    if row is None:
        raise KeyError(answer_id)
    if db.execute("SELECT 1 FROM retractions WHERE answer_id = ?", [answer_id]).fetchone():
        raise ValueError(f"answer {answer_id} was taken back already")
    db.execute("INSERT INTO retractions (answer_id, retracted_at) VALUES (?, ?)", [answer_id, now_iso()])
    return int(row[0]), str(row[1]), str(row[2])


def is_retracted(db: Database, answer_id: int) -> bool:
    return db.execute("SELECT 1 FROM retractions WHERE answer_id = ?", [answer_id]).fetchone() is not None


def in_session(db: Database, session_id: str, learner_id: int, pack_id: str) -> list[dict[str, Any]]:
    """Answers one quiz session logged and did not take back, oldest first (id, question_id, response decoded,
    score)."""
    rows = list(db.query(f"SELECT id, question_id, response, score FROM answers a WHERE session_id = ? "
                         f"AND learner_id = ? AND pack_id = ? AND {LIVE} ORDER BY id",
                         [session_id, learner_id, pack_id]))
    for row in rows:
        row["response"] = json.loads(row["response"]) if row["response"] else None
    return rows


def last_wrong(db: Database, learner_id: int, pack_id: str) -> list[str]:
    """Questions whose most recent answer by this learner was wrong, most recent first."""
    return [r["question_id"] for r in db.query(
        "SELECT question_id FROM answers a WHERE learner_id = ? AND pack_id = ? AND id = ("
        " SELECT max(id) FROM answers b WHERE b.learner_id = a.learner_id AND b.pack_id = a.pack_id"
        " AND b.question_id = a.question_id"
        " AND NOT EXISTS (SELECT 1 FROM retractions x WHERE x.answer_id = b.id)) AND correct = 0 ORDER BY id DESC",
        [learner_id, pack_id])]


def reviews_of(db: Database, learner_id: int, pack_id: str, question_id: str) -> list[dict[str, Any]]:
    """One card's history for the scheduler: (rating, correct, answered_at), oldest first."""
    return list(db.query(
        f"SELECT {EFFECTIVE_RATING} AS rating, correct, answered_at FROM answers a "
        f"WHERE learner_id = ? AND pack_id = ? AND question_id = ? AND {LIVE} ORDER BY id",
        [learner_id, pack_id, question_id]))


def all_reviews(db: Database, learner_id: int | None = None) -> Iterator[dict[str, Any]]:
    """Every answer's scheduling facts (of one learner, or all), oldest first: for rebuilding the cards."""
    where, params = ("AND a.learner_id = ?", [learner_id]) if learner_id is not None else ("", [])
    yield from db.query(
        f"SELECT learner_id, pack_id, question_id, {EFFECTIVE_RATING} AS rating, correct, answered_at "
        f"FROM answers a WHERE {LIVE} {where} ORDER BY id", params)


def count(db: Database) -> int:
    return int(db.execute("SELECT count(*) FROM answers").fetchone()[0])


def latest_id(db: Database, learner_id: int, pack_id: str) -> int:
    """The newest answer of a learner on a pack not taken back (0: none): a cheap mark of "anything new since".

    Read from the per-question totals, which each answer's transaction updates (and a retraction recounts):
    the log's own ``max(id)`` for one learner and pack walked every index entry of their answers, 0.2 s
    over a million answers, each time the Progress tab was shown."""
    row = db.execute("SELECT max(last_answer_id) FROM question_totals WHERE learner_id = ? AND pack_id = ?",
                     [learner_id, pack_id]).fetchone()
    return int(row[0] or 0)


def latest_retraction(db: Database) -> int:
    """The newest retraction's id (0: none): with :func:`latest_id`, a mark of "anything changed since"."""
    row = db.execute("SELECT max(id) FROM retractions").fetchone()
    return int(row[0] or 0)
