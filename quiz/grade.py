"""Grading: exact for choices and matching (partial credit per pair), tolerant for
numbers and forgiving of case and punctuation for typed text."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from quiz.numbers import parse_amount
from quiz.questions import QuizQuestion


@dataclass(frozen=True)
class PairResult:
    left: str
    given: str | None
    expected: str

    @property
    def correct(self) -> bool:
        return self.given == self.expected


@dataclass(frozen=True)
class Grade:
    correct: bool
    score: float  # 0..1; partial for matching
    expected: str  # the right answer, as shown to the learner
    pairs: tuple[PairResult, ...] = ()
    note: str = ""  # e.g. "65 is within 5% of 65"

    @property
    def verdict(self) -> str:
        """Words, not colour: the feedback must not rely on colour alone."""
        if self.correct:
            return "Correct"
        return "Partly correct" if self.score > 0 else "Not correct"


def normalise_text(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form of typed text."""
    text = unicodedata.normalize("NFKD", str(text)).casefold()
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[^\w\s]", " ", text)
    words = text.split()
    if words and words[0] in ("the", "a", "an") and len(words) > 1:
        words = words[1:]
    return " ".join(words)


def expected_text(question: QuizQuestion) -> str:
    if question.kind == "matching":
        return "; ".join(f"{left} → {right}" for left, right in question.pairs)
    if question.kind == "numeric":
        unit = f" {question.unit}" if question.unit else ""
        return f"{question.answer}{unit}"
    return question.answer


def grade(question: QuizQuestion, response: Any) -> Grade:
    """Grade ``response`` (choice text, "true"/"false", typed text, or {left: right})."""
    expected = expected_text(question)
    if question.kind == "matching":
        given = response if isinstance(response, dict) else {}
        pairs = tuple(PairResult(left, given.get(left), right) for left, right in question.pairs)
        score = sum(p.correct for p in pairs) / len(pairs) if pairs else 0.0
        return Grade(score == 1.0, score, expected, pairs)
    if question.kind == "numeric":
        value = parse_amount(str(response or ""), question.unit)
        target = float(question.answer)
        if value is None:
            return Grade(False, 0.0, expected, note="That is not a number.")
        allowed = abs(target) * question.tolerance
        ok = abs(value - target) <= allowed + 1e-9 * max(1.0, abs(target))
        note = f"Accepted within ±{question.tolerance:.0%}." if question.tolerance else ""
        return Grade(ok, float(ok), expected, note=note)
    if question.kind == "truefalse":
        given = str(response).strip().lower() if response is not None else ""
        given = {"t": "true", "f": "false", "yes": "true", "no": "false"}.get(given, given)
        ok = given == question.answer
        return Grade(ok, float(ok), expected.capitalize())
    if question.kind == "text":
        accepted = {normalise_text(a) for a in (question.answer, *question.accepted)}
        ok = normalise_text(response or "") in accepted
        return Grade(ok, float(ok), expected)
    ok = response == question.answer  # choice: exact
    return Grade(ok, float(ok), expected)
