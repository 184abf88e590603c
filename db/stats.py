"""Aggregates the Progress page and ``main.py stats`` show, as SQL over the answer log.

Per-question totals are kept in ``question_totals`` and per-UTC-hour totals in
``hour_totals`` (updated in each answer's transaction, rebuilt by their migrations
from the log), so a learner with a million answers gets the dashboard from a few
hundred rows instead of a scan. Answers the learner took back (``retractions``)
count nowhere: their question's and hours' totals are recounted in the same transaction.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

#: An answer's UTC hour, from its ISO timestamp ("2026-11-25T17" of "2026-11-25T17:42:07.1+00:00").
HOUR = "substr({}, 1, 13)"


def add_to_totals(db: Database, *, learner_id: int, pack_id: str, question_id: str, answer_id: int,
                  correct: bool, elapsed_ms: int, answered_at: str) -> None:
    """Count one more answer in its question's and its hour's totals (inside the answer's transaction)."""
    db.execute(
        "INSERT INTO question_totals (learner_id, pack_id, question_id, attempts, correct, elapsed_ms, "
        "last_answer_id, last_correct) VALUES (?, ?, ?, 1, ?, ?, ?, ?) "
        "ON CONFLICT (learner_id, pack_id, question_id) DO UPDATE SET attempts = attempts + 1, "
        "correct = correct + excluded.correct, elapsed_ms = elapsed_ms + excluded.elapsed_ms, "
        "last_answer_id = excluded.last_answer_id, last_correct = excluded.last_correct",
        [learner_id, pack_id, question_id, int(bool(correct)), int(elapsed_ms), answer_id, int(bool(correct))])
    db.execute(
        "INSERT INTO hour_totals (learner_id, pack_id, hour, answers, correct, elapsed_ms) "
        f"VALUES (?, ?, {HOUR.format('?')}, 1, ?, ?) "
        "ON CONFLICT (learner_id, pack_id, hour) DO UPDATE SET answers = answers + 1, "
        "correct = correct + excluded.correct, elapsed_ms = elapsed_ms + excluded.elapsed_ms",
        [learner_id, pack_id, answered_at, int(bool(correct)), int(elapsed_ms)])


def _live(db: Database) -> str:
    """The condition for an answer (``a``) that was not taken back; every answer before retractions existed."""
    return ("NOT EXISTS (SELECT 1 FROM retractions x WHERE x.answer_id = a.id)"
            if "retractions" in db.table_names() else "1")


def _totals_from_log(where: str) -> str:
    return (
        "INSERT INTO question_totals (learner_id, pack_id, question_id, attempts, correct, elapsed_ms, "
        "last_answer_id, last_correct) "
        "SELECT t.learner_id, t.pack_id, t.question_id, t.attempts, t.correct, t.elapsed_ms, t.last_id, "
        "(SELECT b.correct FROM answers b WHERE b.id = t.last_id) FROM ("
        " SELECT learner_id, pack_id, question_id, count(*) AS attempts, sum(correct) AS correct, "
        f" coalesce(sum(elapsed_ms), 0) AS elapsed_ms, max(id) AS last_id FROM answers a WHERE {where} "
        " GROUP BY learner_id, pack_id, question_id) t")


def _hours_from_log(where: str) -> str:
    return (
        "INSERT INTO hour_totals (learner_id, pack_id, hour, answers, correct, elapsed_ms) "
        f"SELECT learner_id, pack_id, {HOUR.format('answered_at')} AS hour, count(*), sum(correct), "
        f"coalesce(sum(elapsed_ms), 0) FROM answers a WHERE {where} GROUP BY learner_id, pack_id, hour")


def rebuild_totals(db: Database) -> None:
    """Recount every question's and hour's totals from the log (the migrations, and after answers change)."""
    db.execute("DELETE FROM question_totals")
    db.execute(_totals_from_log(_live(db)))
    if db.table("hour_totals").exists():  # from migration 0010 on
        db.execute("DELETE FROM hour_totals")
        db.execute(_hours_from_log(_live(db)))


def recount(db: Database, learner_id: int, pack_id: str, question_id: str) -> None:
    """Recount one question's totals, and those of the hours it was answered in, from the log (inside the
    transaction that took an answer back)."""
    key = [learner_id, pack_id, question_id]
    db.execute("DELETE FROM question_totals WHERE learner_id = ? AND pack_id = ? AND question_id = ?", key)
    db.execute(_totals_from_log(f"{_live(db)} AND learner_id = ? AND pack_id = ? AND question_id = ?"), key)
    if db.table("hour_totals").exists():
        hours = (f"SELECT {HOUR.format('answered_at')} FROM answers "
                 "WHERE learner_id = ? AND pack_id = ? AND question_id = ?")
        db.execute(f"DELETE FROM hour_totals WHERE learner_id = ? AND pack_id = ? AND hour IN ({hours})",
                   [learner_id, pack_id, *key])
        db.execute(_hours_from_log(f"{_live(db)} AND learner_id = ? AND pack_id = ? "
                                   f"AND {HOUR.format('answered_at')} IN ({hours})"),
                   [learner_id, pack_id, *key])


def per_question(db: Database, learner_id: int, pack_id: str) -> list[dict[str, Any]]:
    """Per question: attempts, right answers, seconds, and whether the last answer was right."""
    return list(db.query(
        "SELECT question_id, attempts, correct, elapsed_ms, last_correct FROM question_totals "
        "WHERE learner_id = ? AND pack_id = ?", [learner_id, pack_id]))


def per_day(db: Database, learner_id: int, pack_id: str, since_utc: str, first_day: str) -> dict[str, dict[str, Any]]:
    """Answers, right answers and seconds per local day from ``first_day`` (answers since ``since_utc``)."""
    return {r["day"]: r for r in db.query(
        "SELECT date(answered_at, 'localtime') AS day, count(*) AS answers, sum(correct) AS correct, "
        "coalesce(sum(elapsed_ms), 0) / 1000.0 AS seconds FROM answers a "
        f"WHERE learner_id = ? AND answered_at >= ? AND pack_id = ? AND {_live(db)} GROUP BY day HAVING day >= ?",
        [learner_id, since_utc, pack_id, first_day])}


def per_hour(db: Database, learner_id: int, pack_id: str, since_hour: str) -> list[dict[str, Any]]:
    """Answers, right answers and milliseconds per UTC hour ("YYYY-MM-DDTHH") from ``since_hour`` on."""
    return list(db.query(
        "SELECT hour, answers, correct, elapsed_ms FROM hour_totals WHERE learner_id = ? AND pack_id = ? "
        "AND hour >= ?", [learner_id, pack_id, since_hour]))


def due_by(db: Database, learner_id: int, pack_id: str, moment: str) -> int:
    """Cards due at or before ``moment`` (an ISO timestamp), compared as times whatever their offsets."""
    return int(db.execute(
        "SELECT count(*) FROM cards WHERE learner_id = ? AND pack_id = ? AND julianday(due) <= julianday(?)",
        [learner_id, pack_id, moment]).fetchone()[0])


def due_per_day(db: Database, learner_id: int, pack_id: str, today: str) -> dict[str, int]:
    """Cards due per local day; overdue ones count for ``today``."""
    return {r["day"]: r["n"] for r in db.query(
        "SELECT max(date(due, 'localtime'), ?) AS day, count(*) AS n FROM cards "
        "WHERE learner_id = ? AND pack_id = ? GROUP BY day", [today, learner_id, pack_id])}
