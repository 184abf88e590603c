"""The quiz on paper: a question sheet to answer with a pen, and its answer key, for one exam code.

The questions are the ones the app's Exam asks for the same code (one variant
per fact, topics interleaved, true/false balanced: :func:`quiz.plan.compose`
over :func:`quiz.plan.exam_ranking`), so a class on paper and a class on
laptops with the same code answer the same questions, and the key's answers
are the engine's keys. Choosing topics or kinds narrows the bank first; the
sheet prints the choice next to the code, and the same code with the same
choice gives the same sheet again.
"""

from __future__ import annotations

import random
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from content.handout.briefing import source_info
from content.handout.model import (
    AnswerSpace,
    Block,
    Choices,
    Document,
    Grid,
    KeyItem,
    Matching,
    Ordering,
    Paragraph,
    QuestionItem,
    Quote,
    WriteIn,
)
from content.model import Pack
from quiz import plan
from quiz.exam_code import MAX_COUNT, MAX_SEED, ExamCodeError, ExamSpec, decode
from quiz.generate import generate
from quiz.questions import Kind, QuizQuestion

DEFAULT_COUNT = 20
#: An exam code does not hold a choice of topics or kinds: said on a narrowed sheet and its key.
NARROWED = ("The same code with the same choice prints these questions again; the app's Exam with this code "
            "asks from every topic and kind.")
ORDINALS = ("1st", "2nd", "3rd")


@dataclass(frozen=True)
class PaperQuiz:
    pack: Pack
    spec: ExamSpec
    questions: tuple[QuizQuestion, ...]
    topics: tuple[str, ...] = ()  # topic ids chosen ("" = every topic)
    kinds: tuple[str, ...] = ()

    @property
    def code(self) -> str:
        return self.spec.code

    @property
    def choice(self) -> str:
        """The topics and kinds chosen, as printed beside the code ("" when the whole bank was used)."""
        parts = []
        if self.topics:
            parts.append("topics: " + ", ".join(self.pack.topic_title(t) for t in self.topics))
        if self.kinds:
            parts.append("kinds: " + ", ".join(self.kinds))
        return "; ".join(parts)


def spec_for(code: str | None = None, count: int = DEFAULT_COUNT) -> ExamSpec:
    """The exam a code names (ExamCodeError if it is not one), or a new one of ``count`` questions."""
    if code:
        return decode(code)
    if not 1 <= count <= MAX_COUNT:
        raise ExamCodeError(f"A paper quiz has 1 to {MAX_COUNT} questions; {count} is not possible.")
    return ExamSpec(secrets.randbelow(MAX_SEED), count, 0)


def select(pack: Pack, spec: ExamSpec, topics: Sequence[str] = (), kinds: Sequence[str] = ()) -> PaperQuiz:
    """The questions of the exam ``spec``, as the app's Exam composes them, from the chosen topics and kinds."""
    known = {t.id for t in pack.topics}
    unknown = [t for t in topics if t not in known]
    if unknown:
        raise ValueError(f"No topic {', '.join(unknown)} in this pack (topics: {', '.join(sorted(known))}).")
    wrong = [k for k in kinds if k not in {str(k) for k in Kind}]
    if wrong:
        raise ValueError(f"No question kind {', '.join(wrong)} (kinds: {', '.join(str(k) for k in Kind)}).")
    bank = generate(pack, str(spec.seed))
    pool = [q for q in bank if (not topics or q.topic in topics) and (not kinds or q.kind in kinds)]
    chosen = plan.compose(pool, length=spec.count, ranked=plan.exam_ranking(pool, spec.seed), seed=spec.seed)
    if not chosen:
        raise ValueError("There is no question of the chosen topics and kinds.")
    return PaperQuiz(pack, spec, tuple(chosen), tuple(topics), tuple(str(k) for k in kinds))


def letter(n: int) -> str:
    return chr(65 + n) if n < 26 else str(n + 1)


def ordinal(n: int) -> str:
    return ORDINALS[n - 1] if n <= len(ORDINALS) else f"{n}th"


def _rights(quiz: PaperQuiz, question: QuizQuestion) -> tuple[str, ...]:
    """A matching question's answers, each once, in an order fixed by the code (not the key's order)."""
    rights = list(dict.fromkeys(r for _, r in question.pairs))
    random.Random(f"paper|{quiz.spec.seed}|{question.id}").shuffle(rights)
    return tuple(rights)


def _options(question: QuizQuestion) -> tuple[str, ...]:
    return ("True", "False") if question.kind == Kind.TRUEFALSE else question.choices


def space_for(quiz: PaperQuiz, question: QuizQuestion) -> tuple[str, AnswerSpace]:
    """(instruction, answer space) for one question on paper."""
    kind = question.kind
    if kind in (Kind.CHOICE, Kind.SCENARIO, Kind.TRUEFALSE):
        return "Tick one box.", Choices(_options(question))
    if kind == Kind.MULTI:
        return "Tick every option that applies.", Choices(question.choices, multiple=True)
    if kind == Kind.NUMERIC:
        return "Write the number.", WriteIn(1, question.unit)
    if kind == Kind.TEXT:
        return "Write your answer.", WriteIn(1)
    if kind == Kind.ORDER:
        return (f"Number the items from 1 to {len(question.choices)} in the order asked (1 for the first).",
                Ordering(question.choices))
    if kind == Kind.MATCHING:
        rights = _rights(quiz, question)
        again = " An answer may be used more than once." if len(rights) < len(question.pairs) else ""
        return (f"Write the letter of the matching answer in the box beside each item.{again}",
                Matching(tuple(left for left, _ in question.pairs), rights))
    if kind == Kind.CLASSIFY:
        return "Tick one category for each statement.", Grid(tuple(s for s, _ in question.pairs), question.choices)
    return "Write your answer.", WriteIn(2)


def key_lines(quiz: PaperQuiz, question: QuizQuestion) -> tuple[str, ...]:
    """The answer as the sheet lets a person check it: letters of boxes, numbers and words to expect."""
    kind = question.kind
    options = _options(question)
    if kind in (Kind.CHOICE, Kind.SCENARIO):
        return (f"{letter(options.index(question.answer))}. {question.answer}",)
    if kind == Kind.TRUEFALSE:
        shown = "True" if question.answer == "true" else "False"
        return (f"{letter(options.index(shown))}. {shown}",)
    if kind == Kind.MULTI:
        return tuple(f"{letter(options.index(a))}. {a}" for a in options if a in question.answers)
    if kind == Kind.NUMERIC:
        within = f" (accepted within ±{question.tolerance:.0%})" if question.tolerance else ""
        return (f"{question.answer} {question.unit}".strip() + within,)
    if kind == Kind.TEXT:
        also = f" (also accepted: {', '.join(question.accepted)})" if question.accepted else ""
        return (question.answer + also,)
    if kind == Kind.ORDER:
        position = {item: n for n, item in enumerate(question.answers, 1)}
        boxes = ", ".join(str(position[item]) for item in question.choices)
        return (f"Boxes from top to bottom: {boxes}",
                *(f"{ordinal(n)}: {item}" for n, item in enumerate(question.answers, 1)))
    if kind == Kind.MATCHING:
        rights = _rights(quiz, question)
        return tuple(f"{n}. {left} → {letter(rights.index(right))}. {right}"
                     for n, (left, right) in enumerate(question.pairs, 1))
    if kind == Kind.CLASSIFY:
        return tuple(f"{statement} → {category}" for statement, category in question.pairs)
    return (question.answer,)


def sheet(quiz: PaperQuiz, printed: date | None = None) -> Document:
    """The question sheet: name and date lines, the code, then every question with room to answer."""
    blocks: list[Block] = [
        Paragraph("Name: ______________________________    Date: ________________"),
        Paragraph(f"{len(quiz.questions)} questions. Answer on this sheet with a pen. The answer key with exam code "
                  f"{quiz.code} has the answers.", style="small"),
    ]
    if quiz.choice:
        blocks.append(Paragraph(f"Chosen {quiz.choice}. {NARROWED}", style="small"))
    for number, question in enumerate(quiz.questions, 1):
        instruction, space = space_for(quiz, question)
        blocks.append(QuestionItem(number, question.prompt, instruction, space, scenario=question.scenario))
    return Document("quiz-sheet", f"Quiz: {quiz.pack.meta.title}", source_info(quiz.pack), printed or date.today(),
                    tuple(blocks), subtitle="Question sheet", code=quiz.code)


def key(quiz: PaperQuiz, printed: date | None = None) -> Document:
    """The answer key: each answer as the sheet shows it, why, and the passages of the article behind it."""
    blocks: list[Block] = [Paragraph(
        f"Answers to the question sheet with exam code {quiz.code}, in its order. The quotes are the article's, "
        "with the outlet it names.", style="small")]
    if quiz.choice:
        blocks.append(Paragraph(f"Chosen {quiz.choice}. {NARROWED}", style="small"))
    for number, question in enumerate(quiz.questions, 1):
        explanation = question.explanation
        if question.correction:
            explanation = f"{explanation} True version: {question.correction}".strip()
        quotes = tuple(Quote(c.quote, c.outlet or "") for c in question.citations)
        blocks.append(KeyItem(number, question.prompt, key_lines(quiz, question), explanation, quotes))
    return Document("quiz-key", f"Answer key: {quiz.pack.meta.title}", source_info(quiz.pack),
                    printed or date.today(), tuple(blocks), subtitle="Answer key — keep it apart from the sheets",
                    code=quiz.code)
