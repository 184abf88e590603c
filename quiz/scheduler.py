"""Spaced repetition with FSRS-6 (the ``fsrs`` package).

Each learner × question has a card in the ``cards`` table. The table is only a
cache: the append-only answer log stores the rating of every answer, and
:func:`rebuild` replays the log to recreate every card exactly (fuzzing is off
so replay and live updates agree).

Ratings: by default wrong → Again and right → Good. Speed alone never makes
an answer Easy: a lucky true/false guess answered in two seconds must not be
scheduled weeks ahead. After the feedback the learner may rate their own
recall (Again/Hard/Good/Easy); that rating is appended to the log
(``answer_ratings``) and the card is replayed from the log with it. An answer
taken back (``retractions``) is left out of the replay, as if never given.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from fsrs import Card, Rating, Scheduler, State
from sqlite_utils import Database

from db import answers, cards

RATINGS = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}

_SCHEDULER = Scheduler(enable_fuzzing=False)


def rating_for(correct: bool, elapsed_ms: int = 0, kind: str | None = None) -> int:
    """The FSRS rating (1 Again … 4 Easy) an answer earns before the learner rates it: from correctness only.

    ``elapsed_ms`` and ``kind`` are accepted for callers that have them; they no
    longer change the rating (speed alone made lucky guesses "Easy").
    """
    return int(Rating.Good) if correct else int(Rating.Again)


def _parse(when: str) -> datetime:
    moment = datetime.fromisoformat(when)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _card(row: Mapping[str, Any] | None) -> Card:
    # An explicit card_id: without one, fsrs derives it from the clock and sleeps 1 ms
    # per card to keep ids unique, which made the dashboard ~100 ms slower.
    if row is None:
        return Card(card_id=1)
    return Card(
        card_id=1, state=State(row["state"]), step=row["step"], stability=row["stability"],
        difficulty=row["difficulty"], due=_parse(row["due"]),
        last_review=_parse(row["last_review"]) if row["last_review"] else None,
    )


def _row(learner_id: int, pack_id: str, question_id: str, card: Card, reviews: int) -> dict[str, Any]:
    return {
        "learner_id": learner_id, "pack_id": pack_id, "question_id": question_id, "state": int(card.state),
        "step": card.step, "stability": card.stability, "difficulty": card.difficulty, "due": card.due.isoformat(),
        "last_review": card.last_review.isoformat() if card.last_review else None, "reviews": reviews,
    }


def review(row: Mapping[str, Any] | None, rating: int, answered_at: str) -> tuple[Card, int]:
    """The card after one more review (and its review count): the scheduler's one decision."""
    card, _log = _SCHEDULER.review_card(_card(row), Rating(rating), _parse(answered_at))
    return card, (row["reviews"] if row else 0) + 1


def replayed(history: Iterable[Mapping[str, Any]]) -> tuple[Card, int]:
    """A card rebuilt from its reviews, oldest first (each with ``rating``, ``correct``, ``answered_at``)."""
    card, reviews = _card(None), 0
    for answer in history:
        rating = answer["rating"] or rating_for(bool(answer["correct"]))
        card, _log = _SCHEDULER.review_card(card, Rating(rating), _parse(answer["answered_at"]))
        reviews += 1
    return card, reviews


def on_answer(
    db: Database, *, learner_id: int, pack_id: str, question_id: str, rating: int, answered_at: str,
) -> None:
    """Advance this learner's card for the question; runs inside the answer's transaction."""
    card, reviews = review(cards.load(db, learner_id, pack_id, question_id), rating, answered_at)
    cards.save(db, _row(learner_id, pack_id, question_id, card, reviews))


def replay(db: Database, learner_id: int, pack_id: str, question_id: str) -> None:
    """Recreate one card from the log (after the learner re-rated or took back one of its answers).

    With no answer left the card goes: the question is new again.
    """
    card, reviews = replayed(answers.reviews_of(db, learner_id, pack_id, question_id))
    if reviews:
        cards.save(db, _row(learner_id, pack_id, question_id, card, reviews))
    else:
        cards.delete(db, learner_id, pack_id, question_id)


def rebuild(db: Database, learner_id: int | None = None) -> int:
    """Recreate the cards from the answer log (all learners, or one); returns cards written."""
    built: dict[tuple[int, str, str], tuple[Card, int]] = {}
    for answer in answers.all_reviews(db, learner_id):
        key = (answer["learner_id"], answer["pack_id"], answer["question_id"])
        card, count = built.get(key, (_card(None), 0))
        rating = answer["rating"] or rating_for(bool(answer["correct"]))
        card, _log = _SCHEDULER.review_card(card, Rating(rating), _parse(answer["answered_at"]))
        built[key] = (card, count + 1)
    cards.replace_all(db, (_row(*key, card, count) for key, (card, count) in built.items()), learner_id)
    return len(built)


def retrievability(row: Mapping[str, Any], now: datetime | None = None) -> float:
    """Probability (0–1) that the learner recalls this card now, per FSRS."""
    return float(_SCHEDULER.get_card_retrievability(_card(row), now or datetime.now(UTC)))


def review_queue(db: Database, learner_id: int, pack_id: str, now: datetime | None = None,
                 ) -> tuple[list[str], list[str]]:
    """(due, later): this learner's reviewed questions due now (most overdue first) and not yet due (soonest first)."""
    now = now or datetime.now(UTC)
    ordered = sorted((_parse(due), qid) for qid, due in cards.due_dates(db, learner_id, pack_id))
    return [q for when, q in ordered if when <= now], [q for when, q in ordered if when > now]
