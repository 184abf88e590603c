"""Presenter-mode slides: one figure or one question per screen (plain data, no Qt).

A trainer steps through these in front of a room. Every slide holds back one
part until asked: for a figure, the verbatim quote and outlet that state it;
for a question, the answer and the quote that proves it. So the room can
guess first, and nothing on screen is said without the article behind it.
A figure a question asks about is shown after that question, never before
(:func:`deck`): its amount and outlet are that question's answer.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from content import numerals
from content.model import Pack
from quiz.answer_unit import says_its_unit
from quiz.cues import key_names
from quiz.generate import stated_amount
from quiz.grade import expected_text
from quiz.phrases import QT_TRANSLATE_NOOP, language_code, phrase
from quiz.plan import PRACTICE, compose
from quiz.questions import Citation, Kind, QuizQuestion

# The slides' own words, in the pack's language (its questions': quiz.phrases).
_REPORTED = QT_TRANSLATE_NOOP("quiz.slides", "Reported by {outlet}")
_STATED = QT_TRANSLATE_NOOP("quiz.slides", "Stated in the article")
_WITH_YEAR = QT_TRANSLATE_NOOP("quiz.slides", "{label} ({year})")
_SCENARIO = QT_TRANSLATE_NOOP("quiz.slides", "Scenario: {text}")
_ALL_THAT_APPLY = QT_TRANSLATE_NOOP("quiz.slides", "all that apply")  # a prompt that says so already
_SELECT_ALL = QT_TRANSLATE_NOOP("quiz.slides", "Select all that apply.")
_CATEGORIES = QT_TRANSLATE_NOOP("quiz.slides", "Categories: {names}")
_CATEGORY_SEPARATOR = QT_TRANSLATE_NOOP("quiz.slides", " · ")
_TRUE_OR_FALSE = QT_TRANSLATE_NOOP("quiz.slides", "True or false?")
_ANSWER_IN = QT_TRANSLATE_NOOP("quiz.slides", "Answer in {unit}")
_GIVE_A_NUMBER = QT_TRANSLATE_NOOP("quiz.slides", "Give a number")
_BRIEFING = QT_TRANSLATE_NOOP("quiz.slides", "Briefing")
_SOURCE = QT_TRANSLATE_NOOP("quiz.slides", "Source: {title}")

LETTERS = "ABCDEFGHIJ"


def _say(language: str, template: str, **fields: object) -> str:
    return phrase(language, "quiz.slides", template).format(**fields)


@dataclass(frozen=True)
class Slide:
    kind: str  # "title", "figure" or "question"
    heading: str  # small line above: section or topic title
    main: str  # the large text: a figure's amount or a question's prompt
    lines: tuple[str, ...] = ()  # under the main text: what the figure is, or the options
    answer: str = ""  # revealed on request ("" on a title slide)
    source: str = ""  # the verbatim quote with its outlet, revealed with the answer
    lead: str = ""  # read before the main text: a scenario question's case

    @property
    def has_reveal(self) -> bool:
        return bool(self.answer or self.source)


def _quote(quote: str, outlet: str | None, language: str = "") -> str:
    return str(Citation(quote, outlet, language)) if quote else ""


def figure_slides(pack: Pack) -> list[Slide]:
    """Figures in reading order (section by section), then any not placed in a section."""
    return [slide for _, slide in _figures(pack)]


def _figures(pack: Pack) -> list[tuple[str, Slide]]:
    """(figure id, its slide) in reading order."""
    slides: list[tuple[str, Slide]] = []
    seen: set[str] = set()
    language = language_code(pack.meta.language)
    placed = [(s.title, fid) for s in pack.sections for fid in s.figures]
    placed += [(pack.topic_title(f.topic), f.id) for f in pack.figures]
    for heading, figure_id in placed:
        if figure_id in seen:
            continue
        seen.add(figure_id)
        figure = pack.figure(figure_id)
        outlet = pack.outlet(figure.outlet)
        name = outlet.name if outlet else None
        label = figure.label
        if figure.year and str(figure.year) not in numerals.normalise(figure.label):
            label = _say(language, _WITH_YEAR, label=label, year=figure.year)
        reported = _say(language, _REPORTED, outlet=name) if name else _say(language, _STATED)
        slides.append((figure_id, Slide("figure", heading, stated_amount(language, figure), (label,),
                                        answer=reported, source=_quote(figure.quote, name, language))))
    return slides


def _lettered(options: Sequence[str]) -> tuple[str, ...]:
    return tuple(f"{LETTERS[i]}. {option}" if i < len(LETTERS) else option for i, option in enumerate(options))


def _letter_of(options: Sequence[str], option: str) -> str:
    index = options.index(option) if option in options else -1
    return f"{LETTERS[index]}. {option}" if 0 <= index < len(LETTERS) else option


def question_slide(question: QuizQuestion, topic_title: str) -> Slide:
    """The question as a room sees it: options lettered, items listed, the answer held back.

    The answer, once revealed, reads the way the room saw the question: the
    lettered option(s), an ordering as a numbered sequence, a classification
    grouped by category (statement numbers), matching as number → letter.
    """
    kind = question.kind
    language = question.language
    lead = _say(language, _SCENARIO, text=question.scenario) if question.scenario else ""
    if kind in (Kind.CHOICE, Kind.SCENARIO):
        lines = _lettered(question.choices)
        answer = _letter_of(question.choices, question.answer)
    elif kind == Kind.MULTI:
        says_so = _say(language, _ALL_THAT_APPLY) in question.prompt.lower()
        ask = () if says_so else (_say(language, _SELECT_ALL),)
        lines = (*_lettered(question.choices), *ask)
        answer = "\n".join(_letter_of(question.choices, c) for c in question.choices if c in question.answers)
    elif kind == Kind.ORDER:
        lines = _lettered(question.choices)
        answer = "\n".join(f"{n}. {_letter_of(question.choices, item)}" for n, item in enumerate(question.answers, 1))
    elif kind == Kind.CLASSIFY:
        lines = (*(f"{n}. {statement}" for n, (statement, _) in enumerate(question.pairs, 1)),
                 _say(language, _CATEGORIES, names=_say(language, _CATEGORY_SEPARATOR).join(question.choices)))
        answer = "\n".join(
            f"{category}: " + ", ".join(str(n) for n, (_, c) in enumerate(question.pairs, 1) if c == category)
            for category in question.choices if any(c == category for _, c in question.pairs))
    elif kind == Kind.TRUEFALSE:
        lines = (_say(language, _TRUE_OR_FALSE),)
        answer = expected_text(question)  # True / False, in the question's language
    elif kind == Kind.MATCHING:
        rights = sorted({right for _, right in question.pairs})
        lines = (*(f"{i + 1}. {left}" for i, (left, _) in enumerate(question.pairs)), *_lettered(rights))
        answer = "\n".join(f"{i + 1} → {_letter_of(rights, right)}" for i, (_, right) in enumerate(question.pairs))
    elif kind == Kind.NUMERIC:
        if not question.unit:
            lines = (_say(language, _GIVE_A_NUMBER),)
        else:
            lines = () if says_its_unit(question.prompt, question.unit) else (
                _say(language, _ANSWER_IN, unit=question.unit),)
        answer = expected_text(question)
    else:
        lines = ()
        answer = expected_text(question)
    return Slide("question", topic_title, question.prompt, lines, answer=answer,
                 source=_quote(question.quote, question.outlet, language), lead=lead)


def choose_questions(questions: Sequence[QuizQuestion], *, topics: Collection[str] = (),
                     kinds: Collection[str] = (), count: int | None = None, seed: str | int = 0) -> list[QuizQuestion]:
    """Questions for a room: only the chosen topics and kinds (none chosen: all), one variant per fact.

    The bank holds every variant of every fact (the amount, the typed number, the
    outlet, the true and the false statement…); a room needs each fact once, so
    :func:`quiz.plan.compose` picks one variant per fact, interleaving topics and
    kinds and keeping true/false balanced, and never asking a question after one that gave its key away (the
    room sees each answer revealed: :data:`quiz.plan.PRACTICE`). ``count`` None: every fact once.
    """
    pool = [q for q in questions if (not topics or q.topic in topics) and (not kinds or str(q.kind) in kinds)]
    length = len(pool) if count is None else max(0, count)
    return compose(pool, length=length, seed=f"room|{seed}", cues=PRACTICE)


def _keys(question: QuizQuestion) -> list[str]:
    """The words a room types or picks for ``question``: what a slide shown earlier must not say (the options a
    select-all question wants, besides the keys :func:`quiz.cues.key_names` knows)."""
    return list(question.answers) if question.kind == Kind.MULTI else key_names(question)


#: Figure slides × different answers looked for on them. A pack of thousands of figures would take seconds
#: beyond this, so then only a figure's own questions (its id among their facts) place it after them.
MAX_KEY_CHECKS = 1_000_000


def _shown(slide: Slide) -> str:
    return "\n".join((slide.lead, slide.main, *slide.lines, slide.answer, slide.source))


def _stands(shown: str, text: str) -> bool:
    """Whether ``text`` stands in ``shown`` as itself: ``4`` is not in ``€48 million``."""
    pattern = r"(?<![0-9A-Za-z])(?<![0-9][.,])" + re.escape(text) + r"(?![0-9A-Za-z]|[.,][0-9])"
    return re.search(pattern, shown, re.IGNORECASE) is not None


def _gives_away(figures: Sequence[tuple[str, Slide]], questions: Sequence[QuizQuestion]) -> dict[str, int]:
    """Figure id → the index of the last question its slide would give away (figures giving none away: absent)."""
    last: dict[str, int] = {}
    keys: dict[str, int] = {}  # an answer -> the last question it answers
    for index, question in enumerate(questions):
        for fact in question.facts:
            last[fact] = index
        for key in _keys(question):
            if key.strip():
                keys[key] = index
    placed: dict[str, int] = {}
    check_keys = len(figures) * len(keys) <= MAX_KEY_CHECKS
    for figure_id, slide in figures:
        index = last.get(figure_id, -1)
        if check_keys:
            shown = _shown(slide)
            folded = shown.lower()
            for key, answered in keys.items():  # a substring first: the pattern only where it may match
                if answered > index and key.lower() in folded and _stands(shown, key):
                    index = answered
        if index >= 0:
            placed[figure_id] = index
    return placed


def deck(pack: Pack, questions: Sequence[QuizQuestion], *, figures: bool = True) -> list[Slide]:
    """Title slide, then one slide per question; with ``figures``, every figure once.

    A figure's slide shows its amount, and its reveal the outlet and quote: the
    answer to a question about that figure, and sometimes to another (the
    outlet another figure question asks for, a term in its label). Shown first,
    it told the room the answer just before the room was asked. So a figure
    comes right after the last question it would give away (asked first, then
    the figure with its source as the recap); figures that give nothing away
    still open the deck, in reading order, to teach before the questions.
    """
    language = language_code(pack.meta.language)
    title = Slide("title", _say(language, _BRIEFING), pack.meta.title, tuple(filter(None, (
        pack.meta.summary, _say(language, _SOURCE, title=pack.meta.source_title)))))
    slides = [title]
    shown = _figures(pack) if figures else []
    placed = _gives_away(shown, questions)
    after: dict[int, list[Slide]] = {}
    for figure_id, slide in shown:
        if figure_id in placed:
            after.setdefault(placed[figure_id], []).append(slide)
        else:
            slides.append(slide)
    for index, question in enumerate(questions):
        slides.append(question_slide(question, pack.topic_title(question.topic)))
        slides += after.get(index, [])
    return slides
