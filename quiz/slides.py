"""Presenter-mode slides: one figure or one question per screen (plain data, no Qt).

A trainer steps through these in front of a room. Every slide holds back one
part until asked: for a figure, the verbatim quote and outlet that state it;
for a question, the answer and the quote that proves it. So the room can
guess first, and nothing on screen is said without the article behind it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from content.model import Pack
from quiz.grade import expected_text
from quiz.questions import QuizQuestion

LETTERS = "ABCDEFGHIJ"


@dataclass(frozen=True)
class Slide:
    kind: str  # "title", "figure" or "question"
    heading: str  # small line above: section or topic title
    main: str  # the large text: a figure's amount or a question's prompt
    lines: tuple[str, ...] = ()  # under the main text: what the figure is, or the options
    answer: str = ""  # revealed on request ("" on a title slide)
    source: str = ""  # the verbatim quote with its outlet, revealed with the answer

    @property
    def has_reveal(self) -> bool:
        return bool(self.answer or self.source)


def _quote(quote: str, outlet: str | None) -> str:
    return f"“{quote}” — {outlet or 'the article'}" if quote else ""


def figure_slides(pack: Pack) -> list[Slide]:
    """Figures in reading order (section by section), then any not placed in a section."""
    slides: list[Slide] = []
    seen: set[str] = set()
    placed = [(s.title, fid) for s in pack.sections for fid in s.figures]
    placed += [(pack.topic_title(f.topic), f.id) for f in pack.figures]
    for heading, figure_id in placed:
        if figure_id in seen:
            continue
        seen.add(figure_id)
        figure = pack.figure(figure_id)
        outlet = pack.outlet(figure.outlet)
        name = outlet.name if outlet else None
        when = f" ({figure.year})" if figure.year and str(figure.year) not in figure.label else ""
        reported = f"Reported by {name}" if name else "Stated in the article"
        slides.append(Slide("figure", heading, figure.display, (f"{figure.label}{when}",),
                            answer=reported, source=_quote(figure.quote, name)))
    return slides


def question_slide(question: QuizQuestion, topic_title: str) -> Slide:
    """The question as a room sees it: options lettered, matching items listed, the answer held back."""
    if question.kind == "choice":
        lines = tuple(f"{LETTERS[i]}. {choice}" for i, choice in enumerate(question.choices))
        letter = question.choices.index(question.answer) if question.answer in question.choices else -1
        answer = f"{LETTERS[letter]}. {question.answer}" if letter >= 0 else question.answer
    elif question.kind == "truefalse":
        lines = ("True or false?",)
        answer = question.answer.capitalize()
    elif question.kind == "matching":
        rights = sorted(right for _, right in question.pairs)
        lines = (*(f"{i + 1}. {left}" for i, (left, _) in enumerate(question.pairs)),
                 *(f"{LETTERS[j]}. {right}" for j, right in enumerate(rights)))
        answer = "\n".join(f"{i + 1} → {LETTERS[rights.index(right)]}. {right}"
                           for i, (_, right) in enumerate(question.pairs))
    elif question.kind == "numeric":
        lines = (f"Answer in {question.unit}" if question.unit else "Give a number",)
        answer = expected_text(question)
    else:
        lines = ()
        answer = expected_text(question)
    return Slide("question", topic_title, question.prompt, lines, answer=answer,
                 source=_quote(question.quote, question.outlet))


def deck(pack: Pack, questions: Sequence[QuizQuestion], *, figures: bool = True) -> list[Slide]:
    """Title slide, then the figures (if asked), then one slide per question."""
    title = Slide("title", "Briefing", pack.meta.title, tuple(filter(None, (pack.meta.summary,
                                                                         f"Source: {pack.meta.source_title}"))))
    slides = [title]
    if figures:
        slides += figure_slides(pack)
    slides += [question_slide(q, pack.topic_title(q.topic)) for q in questions]
    return slides
