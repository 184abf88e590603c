"""Spaced repetition with FSRS-6 (the ``fsrs`` package).

Each learner × question has a card in the ``cards`` table. The table is only a
cache: the append-only answer log stores the rating of every answer, and
:func:`rebuild` replays the log to recreate every card exactly (fuzzing is off
so replay and live updates agree).

Ratings: wrong → Again; right but slow → Hard; right → Good; right and fast →
Easy. "Fast" and "slow" depend on the kind of question, because matching four
pairs takes longer than a true/false.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from fsrs import Card, Rating, Scheduler, State
from sqlite_utils import Database

#: seconds under which a right answer is "fast", over which it is "slow", per question kind
SPEED = {"truefalse": (5, 20), "choice": (7, 30), "numeric": (10, 45), "text": (10, 45), "matching": (20, 90)}
DEFAULT_SPEED = (8, 40)

_SCHEDULER = Scheduler(enable_fuzzing=False)


def rating_for(correct: bool, elapsed_ms: int, kind: str | None = None) -> int:
    """The FSRS rating (1 Again … 4 Easy) an answer earns."""
    if not correct:
        return int(Rating.Again)
    fast, slow = SPEED.get(kind or "", DEFAULT_SPEED)
    seconds = elapsed_ms / 1000
    if seconds <= fast:
        return int(Rating.Easy)
    if seconds >= slow:
        return int(Rating.Hard)
    return int(Rating.Good)


def _parse(when: str) -> datetime:
    moment = datetime.fromisoformat(when)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _card(row: dict | None) -> Card:
    # An explicit card_id: without one, fsrs derives it from the clock and sleeps 1 ms
    # per card to keep ids unique, which made the dashboard ~100 ms slower.
    if row is None:
        return Card(card_id=1)
    return Card(
        card_id=1, state=State(row["state"]), step=row["step"], stability=row["stability"],
        difficulty=row["difficulty"], due=_parse(row["due"]),
        last_review=_parse(row["last_review"]) if row["last_review"] else None,
    )


def _row(learner_id: int, pack_id: str, question_id: str, card: Card, reviews: int) -> dict:
    return {
        "learner_id": learner_id, "pack_id": pack_id, "question_id": question_id, "state": int(card.state),
        "step": card.step, "stability": card.stability, "difficulty": card.difficulty, "due": card.due.isoformat(),
        "last_review": card.last_review.isoformat() if card.last_review else None, "reviews": reviews,
    }


def _load(db: Database, learner_id: int, pack_id: str, question_id: str) -> dict | None:
    return next(db.query(
        "SELECT * FROM cards WHERE learner_id = ? AND pack_id = ? AND question_id = ?",
        [learner_id, pack_id, question_id]), None)


def on_answer(
    db: Database, *, learner_id: int, pack_id: str, question_id: str, rating: int, answered_at: str,
) -> None:
    """Advance this learner's card for the question; runs inside the answer's transaction."""
    row = _load(db, learner_id, pack_id, question_id)
    card, _log = _SCHEDULER.review_card(_card(row), Rating(rating), _parse(answered_at))
    reviews = (row["reviews"] if row else 0) + 1
    db["cards"].upsert(_row(learner_id, pack_id, question_id, card, reviews),
                       pk=("learner_id", "pack_id", "question_id"))


def rebuild(db: Database, learner_id: int | None = None) -> int:
    """Recreate the cards from the answer log (all learners, or one); returns cards written."""
    where, params = ("WHERE learner_id = ?", [learner_id]) if learner_id is not None else ("", [])
    cards: dict[tuple[int, str, str], tuple[Card, int]] = {}
    for answer in db.query(
            f"SELECT learner_id, pack_id, question_id, rating, correct, elapsed_ms, answered_at FROM answers "
            f"{where} ORDER BY id", params):
        key = (answer["learner_id"], answer["pack_id"], answer["question_id"])
        rating = answer["rating"] or rating_for(bool(answer["correct"]), answer["elapsed_ms"] or 0)
        card, reviews = cards.get(key, (_card(None), 0))
        card, _log = _SCHEDULER.review_card(card, Rating(rating), _parse(answer["answered_at"]))
        cards[key] = (card, reviews + 1)
    with db.atomic():
        db.execute(f"DELETE FROM cards {where}", params)
        db["cards"].insert_all(_row(*key, card, reviews) for key, (card, reviews) in cards.items())
    return len(cards)


def retrievability(row: dict, now: datetime | None = None) -> float:
    """Probability (0–1) that the learner recalls this card now, per FSRS."""
    return float(_SCHEDULER.get_card_retrievability(_card(row), now or datetime.now(UTC)))


def practice_order(db: Database, learner_id: int, pack_id: str, question_ids: Sequence[str],
                   now: datetime | None = None) -> list[str]:
    """Due cards first (most overdue first), then new questions in the given order, then the rest by due date."""
    now = now or datetime.now(UTC)
    due_at = {r["question_id"]: _parse(r["due"]) for r in db.query(
        "SELECT question_id, due FROM cards WHERE learner_id = ? AND pack_id = ?", [learner_id, pack_id])}
    due = sorted((q for q in question_ids if q in due_at and due_at[q] <= now), key=lambda q: due_at[q])
    new = [q for q in question_ids if q not in due_at]
    later = sorted((q for q in question_ids if q in due_at and due_at[q] > now), key=lambda q: due_at[q])
    return due + new + later
