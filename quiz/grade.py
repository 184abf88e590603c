"""Grading: exact for choices, per item for the grid kinds, tolerant for numbers and
forgiving of case and punctuation for typed text.

Partial credit goes to matching, classification, ordering and select-all
answers, item by item; what the learner gave and what was right are kept per
item so the feedback can show each one. A matching answer that uses one option
for two rows earns nothing for either (otherwise "the same option everywhere"
would always score something).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from content import scripts
from quiz.numbers import read_amount
from quiz.phrases import QT_TRANSLATE_NOOP, phrase
from quiz.questions import Kind, QuizQuestion


@dataclass(frozen=True)
class PairResult:
    """One item of a grid answer: matching/classify row, ordering position, or select-all option."""

    left: str
    given: str | None
    expected: str
    #: the option given here was also given on another row of a matching question, which earns nothing
    repeated: bool = False

    @property
    def correct(self) -> bool:
        return self.given == self.expected and not self.repeated


# The grader's words, in the question's language (quiz.phrases; i18n/<language>/questions.ts).
_CORRECT = QT_TRANSLATE_NOOP("quiz.grade", "Correct")
_PARTLY = QT_TRANSLATE_NOOP("quiz.grade", "Partly correct")
_NOT_CORRECT = QT_TRANSLATE_NOOP("quiz.grade", "Not correct")
_TRUE = QT_TRANSLATE_NOOP("quiz.grade", "True")
_FALSE = QT_TRANSLATE_NOOP("quiz.grade", "False")
_REPEATED = QT_TRANSLATE_NOOP("quiz.grade", "Each option belongs to one row only: a repeated choice earns nothing.")
_WITHIN = QT_TRANSLATE_NOOP("quiz.grade", "Accepted within ±{tolerance}.")


def _say(language: str, template: str) -> str:
    return phrase(language, "quiz.grade", template)


@dataclass(frozen=True)
class Grade:
    correct: bool
    score: float  # 0..1; partial for the grid kinds
    expected: str  # the right answer, as shown to the learner
    pairs: tuple[PairResult, ...] = ()
    note: str = ""  # e.g. "Accepted within ±5%." or why a number was not comparable
    language: str = ""  # the question's language: the verdict's words

    @property
    def outcome(self) -> str:
        """"Correct", "Partly correct" or "Not correct" in any language: a key to count by (the verdict's source)."""
        if self.correct:
            return _CORRECT
        return _PARTLY if self.score > 0 else _NOT_CORRECT

    @property
    def verdict(self) -> str:
        """Words, not colour: the feedback must not rely on colour alone (in the question's language)."""
        return verdict_word(self.outcome, self.language)


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
    if question.kind in (Kind.MATCHING, Kind.CLASSIFY):
        return "; ".join(f"{left} → {right}" for left, right in question.pairs)
    if question.kind == Kind.ORDER:
        return " → ".join(question.answers)
    if question.kind == Kind.MULTI:
        return "; ".join(question.answers)
    if question.kind == Kind.NUMERIC:  # 65 billion USD; 350兆円 (CJK writes no space before the unit)
        unit = question.unit if scripts.starts_unspaced(question.unit[:1]) else f" {question.unit}"
        return f"{question.answer}{unit}" if question.unit else question.answer
    if question.kind == Kind.TRUEFALSE:  # "True" / "False" (正しい / 誤り in a Japanese pack)
        word = {"true": _TRUE, "false": _FALSE}.get(question.answer, question.answer.capitalize())
        return _say(question.language, word)
    return question.answer


def verdict_word(outcome: str, language: str = "") -> str:
    """A :attr:`Grade.outcome` ("Correct"…) as a verdict in ``language`` (正解…)."""
    return _say(language, outcome)


def true_false_words(question: QuizQuestion) -> dict[str, str]:
    """The two answers of a true/false question as the learner reads them: {"true": "True", "false": "False"},
    {"true": "正しい", "false": "誤り"} for a Japanese pack (the buttons and the key say the same words)."""
    return {"true": _say(question.language, _TRUE), "false": _say(question.language, _FALSE)}


def _as_list(response: Any) -> list[str]:
    if isinstance(response, list | tuple):
        return [str(r) for r in response]
    return []


def grade(question: QuizQuestion, response: Any) -> Grade:
    """Grade ``response``: choice text, "true"/"false", typed text, {left: right}, or a list (multi, order).

    The verdict and notes are in the question's language (English unless its pack's is translated)."""
    result = _grade(question, response)
    return replace(result, language=question.language) if question.language else result


def _grade(question: QuizQuestion, response: Any) -> Grade:
    expected = expected_text(question)
    language = question.language
    kind = question.kind
    if kind in (Kind.MATCHING, Kind.CLASSIFY):
        given = response if isinstance(response, dict) else {}
        doubled = set()
        if kind == Kind.MATCHING:  # each right-hand option belongs to one row only
            doubled = {v for v, n in Counter(v for v in given.values() if v is not None).items() if n > 1}
        pairs = tuple(PairResult(left, given.get(left), right, repeated=given.get(left) in doubled)
                      for left, right in question.pairs)
        right = sum(p.correct for p in pairs)  # a repeated pick is not right, on its row and in the count
        score = right / len(pairs) if pairs else 0.0
        note = _say(language, _REPEATED) if doubled else ""
        return Grade(score == 1.0, score, expected, pairs, note)
    if kind == Kind.ORDER:
        given_order = _as_list(response)
        pairs = tuple(PairResult(str(i + 1), given_order[i] if i < len(given_order) else None, item)
                      for i, item in enumerate(question.answers))
        score = sum(p.correct for p in pairs) / len(pairs) if pairs else 0.0
        return Grade(score == 1.0, score, expected, pairs)
    if kind == Kind.MULTI:
        return _grade_multi(question, _as_list(response), expected)
    if kind == Kind.NUMERIC:
        reading = read_amount(str(response or ""), question.unit, language)
        if reading.value is None:
            return Grade(False, 0.0, expected, note=reading.problem)
        target = float(question.answer)
        allowed = abs(target) * question.tolerance
        ok = abs(reading.value - target) <= allowed + 1e-9 * max(1.0, abs(target))
        note = _say(language, _WITHIN).format(tolerance=f"{question.tolerance:.0%}") if question.tolerance else ""
        return Grade(ok, float(ok), expected, note=note)
    if kind == Kind.TRUEFALSE:
        given_tf = str(response).strip().lower() if response is not None else ""
        given_tf = {"t": "true", "f": "false", "yes": "true", "no": "false"}.get(given_tf, given_tf)
        ok = given_tf == question.answer
        return Grade(ok, float(ok), expected)
    if kind == Kind.TEXT:
        accepted = {normalise_text(a) for a in (question.answer, *question.accepted)}
        ok = normalise_text(response or "") in accepted
        return Grade(ok, float(ok), expected)
    ok = response == question.answer  # choice, scenario: exact
    return Grade(ok, float(ok), expected)


def _grade_multi(question: QuizQuestion, chosen: Sequence[str], expected: str) -> Grade:
    """Select all: each option judged (ticked or not); score = right picks minus wrong picks, over the right ones."""
    right = set(question.answers)
    picked = set(chosen)
    pairs = tuple(PairResult(option, "ticked" if option in picked else "not ticked",
                             "ticked" if option in right else "not ticked") for option in question.choices)
    hits, misses = len(picked & right), len(picked - right)
    score = max(0.0, (hits - misses) / len(right)) if right else 0.0
    return Grade(picked == right, score if picked != right else 1.0, expected, pairs)
