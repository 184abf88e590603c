"""The question browser's rows and filter, Qt-free: every question of a pack with the learner's record on it.

The browser lists authored and generated questions alike, with how often the
learner got each right (facility), their last answer, and their own marks
(suspended, flagged). Filtering is a plain function of a row, so the view's
proxy model and the tests apply the very same rule, and a pack of thousands of
questions is filtered without a widget per row.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from content.model import Pack
from quiz.questions import QuizQuestion

AUTHORED, GENERATED = "authored", "generated"
FLAGGED, SUSPENDED, ACTIVE = "flagged", "suspended", "active"


@dataclass(frozen=True)
class QuestionRow:
    """One question as the browser lists it, for the current learner."""

    question: QuizQuestion
    topic_title: str
    attempts: int = 0
    correct: int = 0
    last_correct: bool | None = None  # None: never answered
    suspended: bool = False
    flagged: bool = False

    @property
    def id(self) -> str:
        return self.question.id

    @property
    def origin(self) -> str:
        return AUTHORED if self.question.authored else GENERATED

    @property
    def facility(self) -> float | None:
        """Share of this learner's answers that were right (None: never answered)."""
        return self.correct / self.attempts if self.attempts else None

    @property
    def last_answer(self) -> str:
        return "" if self.last_correct is None else ("right" if self.last_correct else "wrong")

    def searchable(self) -> str:
        """Everything a search may match, folded: id, prompt, scenario, key, options, pairs, facts, source."""
        q = self.question
        parts = [q.id, q.prompt, q.scenario, q.answer, *q.choices, *q.answers, *(a for p in q.pairs for a in p),
                 *q.facts, q.quote, q.explanation, self.topic_title]
        return "\n".join(parts).casefold()


@dataclass(frozen=True)
class QuestionFilter:
    """What the browser shows: a search text and optional topic, kind, fact, origin and status."""

    text: str = ""
    topic: str | None = None
    kind: str | None = None
    fact: str | None = None
    origin: str | None = None  # AUTHORED | GENERATED
    status: str | None = None  # FLAGGED | SUSPENDED | ACTIVE (not suspended)

    def matches(self, row: QuestionRow) -> bool:
        q = row.question
        if self.topic and q.topic != self.topic:
            return False
        if self.kind and q.kind != self.kind:
            return False
        if self.fact and self.fact not in q.facts:
            return False
        if self.origin and row.origin != self.origin:
            return False
        if self.status == FLAGGED and not row.flagged:
            return False
        if self.status == SUSPENDED and not row.suspended:
            return False
        if self.status == ACTIVE and row.suspended:
            return False
        words = self.text.casefold().split()
        if words:
            haystack = row.searchable()
            return all(word in haystack for word in words)
        return True


def question_rows(pack: Pack, questions: Iterable[QuizQuestion], totals: Iterable[Mapping[str, Any]],
                  marks: Mapping[str, tuple[bool, bool]]) -> list[QuestionRow]:
    """Every question in bank order, with the learner's totals and marks on it."""
    by_id = {t["question_id"]: t for t in totals}
    rows = []
    for question in questions:
        total = by_id.get(question.id)
        suspended, flagged = marks.get(question.id, (False, False))
        rows.append(QuestionRow(
            question, pack.topic_title(question.topic), int(total["attempts"]) if total else 0,
            int(total["correct"] or 0) if total else 0,
            None if total is None or total["last_correct"] is None else bool(total["last_correct"]),
            suspended, flagged))
    return rows


def filtered(rows: Sequence[QuestionRow], wanted: QuestionFilter) -> list[QuestionRow]:
    return [row for row in rows if wanted.matches(row)]


def facts_of(rows: Iterable[QuestionRow]) -> list[str]:
    """Every fact id the questions test, sorted (the browser's fact filter)."""
    return sorted({fact for row in rows for fact in row.question.facts})


def record_to_edit(pack: Pack, question: QuizQuestion) -> tuple[str, str] | None:
    """(collection, id) of what "Edit…" opens for ``question``: itself if authored, else the record it tests.

    A generated question is rewritten from a record (a figure, term, quote or
    fact), so that record is what to fix; None when it tests none of those.
    """
    if question.authored:  # the bank calls it "authored:<id>"; the pack, "<id>"
        return "questions", question.id.split(":", 1)[1] if ":" in question.id else question.id
    for fact in question.facts:
        for collection in ("figures", "terms", "facts", "quotes"):
            if any(record.id == fact for record in getattr(pack, collection)):
                return collection, fact
    return None
