"""A question's options, key and feedback in words, the same in every export.

Anki cards, CSV rows and the feedback Moodle shows are read by people, not by
the app, so every kind gets a form a person can check an answer against:
options carry letters (``B. Proposal B``), a select-all key lists the lettered
right options, an ordering key gives each position its lettered item
(``1st: C. item``), matching and classification keys pair each item with its
lettered answer (``statement → B. category``). Feedback on an option says
what the option really is; the correction of a false statement is added to
the explanation only when the explanation does not already hold it.
"""

from __future__ import annotations

from quiz.questions import Kind, QuizQuestion

#: What the learner does, for each kind (shown on Anki cards, read back by the tests).
KIND_LABELS = {
    Kind.CHOICE: "Choose one",
    Kind.SCENARIO: "Judge the case, choose one",
    Kind.TRUEFALSE: "True or false",
    Kind.NUMERIC: "Type a number",
    Kind.TEXT: "Type the answer",
    Kind.MATCHING: "Match each item",
    Kind.MULTI: "Select all that apply",
    Kind.ORDER: "Put in order",
    Kind.CLASSIFY: "Sort into categories",
}
#: Option kinds whose options are chosen directly (and so can carry per-option feedback in Moodle).
CHOSEN_OPTIONS = frozenset({Kind.CHOICE, Kind.SCENARIO, Kind.MULTI})


def letter(index: int) -> str:
    """``A``…``Z``, then ``AA``, ``AB``… (spreadsheet columns): a hostile pack may give more than 26 options."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def ordinal(position: int) -> str:
    """``1st``, ``2nd``, ``3rd``, ``4th``, ``11th``, ``21st``: the positions of an ordering written as matching."""
    suffix = "th" if 10 <= position % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(position % 10, "th")
    return f"{position}{suffix}"


def options(q: QuizQuestion) -> tuple[str, ...]:
    """What the learner picks from: the options, the items to order, matching's right-hand side, the categories."""
    if q.kind in (Kind.CHOICE, Kind.SCENARIO, Kind.MULTI, Kind.ORDER):
        return q.choices
    if q.kind == Kind.MATCHING:
        return tuple(sorted(dict.fromkeys(right for _, right in q.pairs)))
    if q.kind == Kind.CLASSIFY:  # every category, also one no statement belongs to
        return tuple(dict.fromkeys((*q.choices, *(category for _, category in q.pairs))))
    return ()


def option_lines(q: QuizQuestion) -> list[str]:
    return [f"{letter(i)}. {option}" for i, option in enumerate(options(q))]


def items(q: QuizQuestion) -> tuple[str, ...]:
    """What the learner places: matching's left-hand side, classification's statements (none for other kinds)."""
    return tuple(left for left, _ in q.pairs) if q.kind in (Kind.MATCHING, Kind.CLASSIFY) else ()


def lettered(q: QuizQuestion, option: str) -> str:
    """``B. Proposal B`` for an option the learner sees with a letter; the text alone otherwise."""
    shown = options(q)
    return f"{letter(shown.index(option))}. {option}" if option in shown else option


def tolerance_text(q: QuizQuestion) -> str:
    return f"{q.tolerance * 100:g}%"


def key_lines(q: QuizQuestion) -> list[str]:
    """The right answer, one line per part, as a person checks it."""
    kind = q.kind
    if kind in (Kind.CHOICE, Kind.SCENARIO):
        return [lettered(q, q.answer)]
    if kind == Kind.TRUEFALSE:
        return ["True" if q.answer == "true" else "False"]
    if kind == Kind.NUMERIC:
        amount = f"{q.answer} {q.unit}".strip()
        return [f"{amount} (answers within ±{tolerance_text(q)} count)" if q.tolerance else amount]
    if kind == Kind.TEXT:
        accepted = [a for a in dict.fromkeys(q.accepted) if a != q.answer]
        return [q.answer] + ([f"also accepted: {'; '.join(accepted)}"] if accepted else [])
    if kind in (Kind.MATCHING, Kind.CLASSIFY):
        return [f"{left} → {lettered(q, right)}" for left, right in q.pairs]
    if kind == Kind.MULTI:
        right = set(q.answers)
        return [lettered(q, option) for option in q.choices if option in right]
    if kind == Kind.ORDER:
        return [f"{ordinal(n)}: {lettered(q, item)}" for n, item in enumerate(q.answers, 1)]
    return [q.answer]


def feedback_lines(q: QuizQuestion) -> list[str]:
    """Per-option (or per-statement) feedback, what a wrong pick really is; options in the order shown."""
    shown = options(q)
    given = sorted((pair for pair in q.feedback if pair[1]),
                   key=lambda pair: shown.index(pair[0]) if pair[0] in shown else len(shown))
    return [f"{lettered(q, option)}: {text}" for option, text in given]


def correction(q: QuizQuestion) -> str:
    """The true version of a false statement, unless the explanation already says it."""
    if not q.correction or " ".join(q.correction.split()) in " ".join(q.explanation.split()):
        return ""
    return f"What the article says: {q.correction}"


def question_text(q: QuizQuestion) -> list[str]:
    """The case of a scenario question, then the prompt."""
    return [part for part in (q.scenario, q.prompt) if part]


def general_feedback(q: QuizQuestion, item_feedback: bool) -> list[str]:
    """Paragraphs shown after any answer: explanation, correction, feedback (where the target has no
    per-option slot for it), then every quote with its outlet."""
    parts = [q.explanation, correction(q)]
    if item_feedback:
        parts += feedback_lines(q)
    parts += [str(c) for c in q.citations]
    return [part for part in parts if part]
