"""Spaced repetition (issue 5 replaces this stub with FSRS-6 via ``fsrs``).

API used by the quiz engine:

- :func:`on_answer` is called inside the transaction that records an answer.
- :func:`practice_order` orders candidate questions for Practice: due first,
  then new ones.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlite_utils import Database


def on_answer(
    db: Database, *, learner_id: int, pack_id: str, question_id: str,
    correct: bool, elapsed_ms: int, answered_at: str,
) -> None:
    """Update the learner's card for this question (stub: nothing yet)."""


def practice_order(db: Database, learner_id: int, pack_id: str, question_ids: Sequence[str]) -> list[str]:
    """Question ids in the order Practice should serve them (stub: as given)."""
    return list(question_ids)
