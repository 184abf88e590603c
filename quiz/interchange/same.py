"""When a question read from a file is one the pack already asks.

The app's own exports hold every question the pack asks, the ones it
generates from its records as well as its own ``[[questions]]``; importing such
a file into the same pack (or an export of it into a copy) added every question
a second time, and an exam then asked the same question twice word for word.

Two questions are the same when what a learner sees and what counts as right
are the same once written alike: the kind (a case to judge and a one-answer
question are both "choose one"; so is a two-option select-all with one right
option, as the readers bring it back), the question text (the case, then the
prompt, with runs of blanks made one and capitals aside), the options as a set
(the app shuffles them), and the key. Explanations, quotes, topics and ids do
not count: a file from another tool words them its own way.

A question the pack generates draws its wrong options by the seed of the
export (File → Export quiz for… with a seed), so one read back with the same
text and key but other wrong options is the same generated question too
(:func:`loose`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from content.validate import folded
from quiz.questions import Kind, QuizQuestion

Signature = tuple[Any, ...]
_ONE_ANSWER = {Kind.CHOICE.value, Kind.SCENARIO.value}


def _words(text: object) -> str:
    return folded(str(text))


def _number(value: object) -> object:
    try:
        return float(str(value))
    except ValueError:
        return _words(value)


def _stem(*parts: object) -> str:
    return " ".join(_words(p) for p in parts if p and str(p).strip())


def signature(kind: str, stem: str, options: Iterable[str] = (), key: object = None) -> Signature:
    """The normalised form two questions share when they are the same question."""
    group = "choice" if kind in _ONE_ANSWER else kind
    return group, stem, frozenset(_words(o) for o in options), key


def loose(sig: Signature) -> Signature:
    """``sig`` without the options of a choice or select-all question: what a generated question keeps from
    one seed to the next (its text and key)."""
    return (sig[0], sig[1], frozenset(), sig[3]) if sig[0] in ("choice", Kind.MULTI.value) else sig


def of_question(q: QuizQuestion) -> Signature:
    """The signature of a question the pack asks (generated or its own)."""
    stem = _stem(q.scenario, q.prompt)
    kind = q.kind.value
    if kind in _ONE_ANSWER:
        return signature(kind, stem, q.choices, _words(q.answer))
    if q.kind == Kind.MULTI:
        return signature(kind, stem, q.choices, frozenset(_words(a) for a in q.answers))
    if q.kind == Kind.TRUEFALSE:
        return signature(kind, stem, (), q.answer == "true")
    if q.kind == Kind.NUMERIC:
        return signature(kind, stem, (), _number(q.answer))
    if q.kind == Kind.TEXT:
        return signature(kind, stem, (), _words(q.answer))
    if q.kind == Kind.ORDER:
        return signature(kind, stem, q.answers, tuple(_words(a) for a in q.answers))
    if q.kind == Kind.CLASSIFY:
        categories = (*q.choices, *(c for _, c in q.pairs))
        return signature(kind, stem, categories, frozenset((_words(s), _words(c)) for s, c in q.pairs))
    return signature(kind, stem, (), frozenset((_words(left), _words(right)) for left, right in q.pairs))


def _texts(rows: object, field: str = "text") -> list[str]:
    return [str(r.get(field, "")) for r in rows if isinstance(r, dict)] if isinstance(rows, list) else []


def of_record(record: dict[str, Any]) -> Signature:
    """The signature of a ``[[questions]]`` record (as the readers make them)."""
    kind = str(record.get("kind", ""))
    stem = _stem(record.get("scenario", ""), record.get("prompt", ""))
    options = record.get("options", [])
    if kind in _ONE_ANSWER or kind == Kind.MULTI.value:
        right = frozenset(_words(t) for t in _texts([o for o in options if isinstance(o, dict) and o.get("correct")]))
        key: object = next(iter(right), "") if kind in _ONE_ANSWER else right
        return signature(kind, stem, _texts(options), key)
    if kind == Kind.TRUEFALSE.value:
        return signature(kind, stem, (), str(record.get("answer", "")).lower() == "true")
    if kind == Kind.NUMERIC.value:
        return signature(kind, stem, (), _number(record.get("answer", "")))
    if kind == Kind.TEXT.value:
        return signature(kind, stem, (), _words(record.get("answer", "")))
    if kind == Kind.ORDER.value:
        sequence = [str(s) for s in record.get("sequence", [])]
        return signature(kind, stem, sequence, tuple(_words(s) for s in sequence))
    if kind == Kind.CLASSIFY.value:
        statements = record.get("statements", [])
        pairs = frozenset((_words(s.get("text", "")), _words(s.get("category", "")))
                          for s in statements if isinstance(s, dict))
        categories = [str(c) for c in record.get("categories", [])] + [c for _, c in pairs]
        return signature(kind, stem, categories, pairs)
    pairs = frozenset((_words(p.get("left", "")), _words(p.get("right", "")))
                      for p in record.get("pairs", []) if isinstance(p, dict))
    return signature(kind, stem, (), pairs)
