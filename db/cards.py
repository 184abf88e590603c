"""The scheduler's cards: one row per learner × question, a cache derived from the answer log."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

KEY = ("learner_id", "pack_id", "question_id")


def load(db: Database, learner_id: int, pack_id: str, question_id: str) -> dict[str, Any] | None:
    return next(db.query("SELECT * FROM cards WHERE learner_id = ? AND pack_id = ? AND question_id = ?",
                         [learner_id, pack_id, question_id]), None)


def save(db: Database, row: dict[str, Any]) -> None:
    """Insert or update one card (inside the answer's transaction).

    Plain SQL: sqlite-utils' ``upsert`` checked the SQLite version's support for ``ON CONFLICT`` by
    creating, filling and dropping a table on every call, a schema change inside every answer's
    durable transaction, plus four reads of the schema."""
    columns = list(row)
    names = ", ".join(f'"{c}"' for c in columns)
    updates = ", ".join(f'"{c}" = excluded."{c}"' for c in columns if c not in KEY)
    db.execute(f"INSERT INTO cards ({names}) VALUES ({', '.join('?' * len(columns))}) "
               f"ON CONFLICT ({', '.join(KEY)}) DO UPDATE SET {updates}", [row[c] for c in columns])


def delete(db: Database, learner_id: int, pack_id: str, question_id: str) -> None:
    """No card: the question's every answer was taken back, so it is new again."""
    db.execute("DELETE FROM cards WHERE learner_id = ? AND pack_id = ? AND question_id = ?",
               [learner_id, pack_id, question_id])


def replace_all(db: Database, rows: Iterable[dict[str, Any]], learner_id: int | None = None) -> None:
    """Every card (of one learner, or all) replaced by ``rows``, in one transaction."""
    where, params = ("WHERE learner_id = ?", [learner_id]) if learner_id is not None else ("", [])
    with db.atomic():
        db.execute(f"DELETE FROM cards {where}", params)
        db.table("cards").insert_all(rows)


def for_pack(db: Database, learner_id: int, pack_id: str) -> dict[str, dict[str, Any]]:
    """This learner's cards on one pack, by question id."""
    return {r["question_id"]: r for r in db.query(
        "SELECT * FROM cards WHERE learner_id = ? AND pack_id = ?", [learner_id, pack_id])}


def due_dates(db: Database, learner_id: int, pack_id: str) -> list[tuple[str, str]]:
    """(question id, due timestamp) of this learner's cards on one pack."""
    return [(r["question_id"], r["due"]) for r in db.query(
        "SELECT question_id, due FROM cards WHERE learner_id = ? AND pack_id = ?", [learner_id, pack_id])]
