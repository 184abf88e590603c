"""From what a quiz tool stores to the app's question kinds, the same way for every format.

Other tools grade with weights (Moodle's fractions) where the app grades right
or wrong, and they have fewer question types than the app has kinds, so the
app's own exports write some kinds as others (an ordering as matching each
item to ``1st``, ``2nd``…; a classification as matching with shared answers;
a select-all question with many right options as matching to "Applies" /
"Does not apply"). Reading them back undoes exactly that: the kind comes back
whenever the file shows it, so a round trip keeps each question's kind.

Each builder returns a ``[[questions]]`` record (without id and topic) and
notes on what was left out, or raises :class:`~quiz.interchange.readers.text.Refused`
with the reason the question cannot be asked in the app.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from content.limits import MAX_AMOUNT, MAX_ENTRIES, MAX_LIST_ITEMS
from quiz.interchange import plain_number
from quiz.interchange.keys import ordinal
from quiz.interchange.moodle_grades import APPLIES, DOES_NOT_APPLY
from quiz.interchange.readers.text import Refused, checked

Record = dict[str, Any]
#: A quote as the app's exports cite it: “quote” — outlet.
_CITATION = re.compile(r"“(?P<quote>.+)” — (?P<outlet>[^\n]+)", re.DOTALL)
_CORRECTION = "What the article says: "
_FULL = 0.999  # Moodle stores 100% as 1.0000000 (and GIFT's =answer as 1)


@dataclass(frozen=True)
class Option:
    text: str
    fraction: float  # Moodle's grade: 1 right, 0 wrong, between: partial credit, negative: a penalty
    feedback: str = ""


def _prompt(prompt: str) -> str:
    if not prompt.strip():
        raise Refused("it has no question text")
    return checked(prompt, "question text")


def _unique(texts: list[str], what: str) -> None:
    if len(set(texts)) != len(texts):
        raise Refused(f"two {what} have the same text")


def _at_most(count: int, limit: int, what: str) -> None:
    if count > limit:
        raise Refused(f"it has {count:,} {what}; a question may have at most {limit:,}")


def _option_rows(options: list[Option], right: set[int]) -> list[Record]:
    rows = []
    for i, option in enumerate(options):
        row: Record = {"text": checked(option.text, "option text")}
        if i in right:
            row["correct"] = True
        if option.feedback:
            row["feedback"] = checked(option.feedback, "feedback on an option")
        rows.append(row)
    return rows


def choice(prompt: str, options: list[Option], *, single: bool) -> tuple[Record, list[str]]:
    """Moodle's multichoice: one right option (``single``) or several to tick."""
    options = [o for o in options if o.text]
    if len(options) < 2:
        raise Refused("it has fewer than two options")
    _at_most(len(options), MAX_ENTRIES["questions.options"], "options")
    _unique([o.text for o in options], "options")
    notes: list[str] = []
    if single:
        right = [i for i, o in enumerate(options) if o.fraction >= _FULL]
        if not right:
            raise Refused("no option is fully right (100%); a choice question has exactly one right option")
        if len(right) > 1:
            raise Refused(f"{len(right)} options are fully right; a choice question has exactly one right option")
        partial = [o for i, o in enumerate(options) if 0 < o.fraction < _FULL]
        if partial:
            notes.append(f"partial credit on {len(partial)} option(s) left out: the app grades right or wrong")
        return {"kind": "choice", "prompt": _prompt(prompt), "options": _option_rows(options, set(right))}, notes
    right = [i for i, o in enumerate(options) if o.fraction > 0]
    if not right or len(right) == len(options):
        raise Refused("a select-all question needs some right options and at least one wrong one")
    if len(options) < 3:
        if len(right) == 1:  # two options, one right, ticked as checkboxes: the same question as picking one
            return {"kind": "choice", "prompt": _prompt(prompt), "options": _option_rows(options, set(right))}, notes
        raise Refused("a select-all question needs at least three options")
    return {"kind": "multi", "prompt": _prompt(prompt), "options": _option_rows(options, set(right))}, notes


def truefalse(prompt: str, value: bool) -> tuple[Record, list[str]]:
    return {"kind": "truefalse", "prompt": _prompt(prompt), "answer": "true" if value else "false"}, []


def numeric(prompt: str, answers: list[tuple[str, float, float]], unit: str = "") -> tuple[Record, list[str]]:
    """``answers``: (value as written, absolute tolerance, fraction). The fully right one becomes the key."""
    full = [(value, tolerance) for value, tolerance, fraction in answers if fraction >= _FULL and value.strip() != "*"]
    if not full:
        raise Refused("no numeric answer is fully right (100%)")
    value, tolerance = full[0]
    try:
        number = float(value)
    except ValueError:
        raise Refused(f"the answer {value[:40]!r} is not a number") from None
    if not math.isfinite(number) or abs(number) > MAX_AMOUNT:
        raise Refused("the answer is not a finite number of at most 10^15")
    tolerance = abs(tolerance)
    if not math.isfinite(tolerance):
        raise Refused("the tolerance is not a finite number")
    notes = []
    if len(full) > 1 or any(0 < f < _FULL for _, _, f in answers):
        notes.append("other accepted answers and partial credit left out: the app takes one number and a tolerance")
    record: Record = {"kind": "numeric", "prompt": _prompt(prompt), "answer": plain_number(number)}
    if tolerance:
        if number == 0:
            raise Refused("a tolerance around 0 cannot be written as a share of the answer, as the app keeps it")
        relative = float(f"{tolerance / abs(number):.6g}")
        if relative > 1:
            raise Refused(f"the tolerance (±{plain_number(tolerance)}) is larger than the answer itself")
        record["tolerance"] = relative
    if unit:
        record["unit"] = checked(unit, "unit", long=False)
    return record, notes


_WILDCARD = re.compile(r"(?<!\\)\*")


def text(prompt: str, answers: list[tuple[str, float]], *, case_sensitive: bool = False) -> tuple[Record, list[str]]:
    """A short answer: every fully right answer is accepted (Moodle's ``\\*`` is a literal asterisk)."""
    accepted: list[str] = []
    notes: list[str] = []
    wild = 0
    for answer, fraction in answers:
        if fraction < _FULL or not answer.strip():
            if 0 < fraction < _FULL:
                notes.append(f"the answer {answer[:40]!r} for partial credit left out: the app grades right or wrong")
            continue
        if _WILDCARD.search(answer):
            wild += 1
            continue
        accepted.append(checked(answer.replace("\\*", "*"), "answer"))
    if wild:
        notes.append(f"{wild} answer pattern(s) with the wildcard * left out: the app compares answers as written")
    if not accepted:
        raise Refused("no fully right answer the app can compare as written (a pattern with * cannot be typed)")
    if case_sensitive:
        notes.append("answers are compared without regard to capitals in the app")
    _at_most(len(accepted) - 1, MAX_LIST_ITEMS, "other accepted answers")
    record: Record = {"kind": "text", "prompt": _prompt(prompt), "answer": accepted[0]}
    others = list(dict.fromkeys(a for a in accepted[1:] if a != accepted[0]))
    if others:
        record["accept"] = others
    return record, notes


def order(prompt: str, items: list[str]) -> tuple[Record, list[str]]:
    if len(items) < 3:
        raise Refused("an ordering needs at least three items")
    _at_most(len(items), MAX_LIST_ITEMS, "items")
    _unique(items, "items")
    return {"kind": "order", "prompt": _prompt(prompt), "sequence": [checked(i, "item") for i in items]}, []


def pairs(prompt: str, matched: list[tuple[str, str]], extra_answers: list[str]) -> tuple[Record, list[str]]:
    """Moodle's matching (and GIFT's ``=left -> right``); each of the app's exports of several kinds comes back
    as its kind: ``Applies``/``Does not apply`` → select-all, ``1st``, ``2nd``… → ordering, answers shared by
    several items or left over → classification, else matching."""
    matched = [(left, right) for left, right in matched if left or right]
    rights = [right for _, right in matched]
    if len(matched) < 2:
        raise Refused("a matching question needs at least two pairs")
    if set(rights) <= {APPLIES, DOES_NOT_APPLY} and not extra_answers:
        options = [Option(left, 1.0 if right == APPLIES else 0.0) for left, right in matched]
        return choice(prompt, options, single=False)
    ordinals = [ordinal(n) for n in range(1, len(matched) + 1)]
    if sorted(rights, key=lambda r: ordinals.index(r) if r in ordinals else -1) == ordinals and not extra_answers:
        in_order = sorted(matched, key=lambda pair: ordinals.index(pair[1]))
        return order(prompt, [left for left, _ in in_order])
    if len(set(rights)) < len(rights) or extra_answers:
        categories = list(dict.fromkeys([*rights, *extra_answers]))
        _at_most(len(matched), MAX_ENTRIES["questions.statements"], "statements")
        _at_most(len(categories), MAX_LIST_ITEMS, "categories")
        _unique([left for left, _ in matched], "statements")
        if len(categories) < 2:
            raise Refused("every item has the same answer; there is nothing to sort")
        return {"kind": "classify", "prompt": _prompt(prompt), "categories": [checked(c, "category", long=False)
                                                                     for c in categories],
                "statements": [{"text": checked(left, "statement"), "category": right} for left, right in matched]}, []
    _at_most(len(matched), MAX_ENTRIES["questions.pairs"], "pairs")
    _unique([left for left, _ in matched], "items")
    rows = [{"left": checked(left, "item"), "right": checked(right, "answer")} for left, right in matched]
    return {"kind": "matching", "prompt": _prompt(prompt), "pairs": rows}, []


def feedback(record: Record, paragraphs: list[str]) -> tuple[str, ...]:
    """Put the general feedback into ``record``: the explanation, and the quotes it cites (returned).

    The app's exports write the explanation, then the true version of a false
    statement ("What the article says: …"), then (for kinds without a slot per
    option) each statement's feedback (``statement: feedback``), then every
    quote as “quote” — outlet. Those parts go back where they came from; text
    from other tools is all explanation.
    """
    explanation: list[str] = []
    citations: list[str] = []
    statements = {s["text"]: s for s in record.get("statements", [])}
    for paragraph in (p.strip() for p in paragraphs):
        if not paragraph:
            continue
        cited = _CITATION.fullmatch(paragraph)
        if cited:
            citations.append(cited.group("quote"))
            continue
        if paragraph.startswith(_CORRECTION):
            continue
        owner = next((s for text, s in statements.items() if paragraph.startswith(f"{text}: ")), None)
        if owner is not None and "feedback" not in owner:
            owner["feedback"] = checked(paragraph[len(owner["text"]) + 2:], "feedback on a statement")
            continue
        explanation.append(paragraph)
    if explanation:
        record["explanation"] = checked("\n\n".join(explanation), "general feedback")
    return tuple(citations)

