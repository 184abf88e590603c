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
from quiz.grade import expected_text, true_false_words
from quiz.phrases import QT_TRANSLATE_NOOP, phrase
from quiz.questions import Kind, QuizQuestion

DEFAULT_COUNT = 20
#: An exam code does not hold a choice of topics or kinds: said on a narrowed sheet and its key.
NARROWED = QT_TRANSLATE_NOOP("quiz.paper", "The same code with the same choice prints these questions again; the "
                             "app's Exam with this code asks from every topic and kind.")
#: The sheet's and the key's own words, in the pack's language (quiz.phrases; i18n/<language>/questions.ts).
ORDINALS = (QT_TRANSLATE_NOOP("quiz.paper", "1st"), QT_TRANSLATE_NOOP("quiz.paper", "2nd"),
            QT_TRANSLATE_NOOP("quiz.paper", "3rd"))
_NTH = QT_TRANSLATE_NOOP("quiz.paper", "{n}th")
_TOPICS = QT_TRANSLATE_NOOP("quiz.paper", "topics: {topics}")
_KINDS = QT_TRANSLATE_NOOP("quiz.paper", "kinds: {kinds}")
#: The kinds as a narrowed sheet names them (English: their ids, as chosen).
_KIND_WORDS = {Kind.CHOICE: QT_TRANSLATE_NOOP("quiz.paper", "choice"),
               Kind.SCENARIO: QT_TRANSLATE_NOOP("quiz.paper", "scenario"),
               Kind.TRUEFALSE: QT_TRANSLATE_NOOP("quiz.paper", "truefalse"),
               Kind.NUMERIC: QT_TRANSLATE_NOOP("quiz.paper", "numeric"),
               Kind.TEXT: QT_TRANSLATE_NOOP("quiz.paper", "text"),
               Kind.MATCHING: QT_TRANSLATE_NOOP("quiz.paper", "matching"),
               Kind.MULTI: QT_TRANSLATE_NOOP("quiz.paper", "multi"),
               Kind.ORDER: QT_TRANSLATE_NOOP("quiz.paper", "order"),
               Kind.CLASSIFY: QT_TRANSLATE_NOOP("quiz.paper", "classify")}
_TICK_ONE = QT_TRANSLATE_NOOP("quiz.paper", "Tick one box.")
_TICK_EVERY = QT_TRANSLATE_NOOP("quiz.paper", "Tick every option that applies.")
_WRITE_NUMBER = QT_TRANSLATE_NOOP("quiz.paper", "Write the number.")
_WRITE_ANSWER = QT_TRANSLATE_NOOP("quiz.paper", "Write your answer.")
_NUMBER_ITEMS = QT_TRANSLATE_NOOP("quiz.paper", "Number the items from 1 to {count} in the order asked (1 for the "
                                                "first).")
_MATCH = QT_TRANSLATE_NOOP("quiz.paper", "Write the letter of the matching answer in the box beside each item.")
_MATCH_AGAIN = QT_TRANSLATE_NOOP("quiz.paper", "Write the letter of the matching answer in the box beside each item. "
                                               "An answer may be used more than once.")
_TICK_CATEGORY = QT_TRANSLATE_NOOP("quiz.paper", "Tick one category for each statement.")
_WITHIN = QT_TRANSLATE_NOOP("quiz.paper", "{answer} (accepted within ±{tolerance})")
_ALSO = QT_TRANSLATE_NOOP("quiz.paper", "{answer} (also accepted: {accepted})")
_BOXES = QT_TRANSLATE_NOOP("quiz.paper", "Boxes from top to bottom: {boxes}")
_NAME_DATE = QT_TRANSLATE_NOOP("quiz.paper", "Name: ______________________________    Date: ________________")
_HOW = QT_TRANSLATE_NOOP("quiz.paper", "{count} questions. Answer on this sheet with a pen. The answer key with exam "
                                       "code {code} has the answers.")
_CHOSEN = QT_TRANSLATE_NOOP("quiz.paper", "Chosen {choice}. {narrowed}")
_SHEET_TITLE = QT_TRANSLATE_NOOP("quiz.paper", "Quiz: {title}")
_SHEET = QT_TRANSLATE_NOOP("quiz.paper", "Question sheet")
_KEY_INTRO = QT_TRANSLATE_NOOP("quiz.paper", "Answers to the question sheet with exam code {code}, in its order. The "
                                             "quotes are the article's, with the outlet it names.")
_TRUE_VERSION = QT_TRANSLATE_NOOP("quiz.paper", "{explanation} True version: {correction}")
_KEY_TITLE = QT_TRANSLATE_NOOP("quiz.paper", "Answer key: {title}")
_KEY = QT_TRANSLATE_NOOP("quiz.paper", "Answer key — keep it apart from the sheets")


def _say(language: str, template: str) -> str:
    return phrase(language, "quiz.paper", template)


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
    def language(self) -> str:
        """The pack's language: the sheet's and the key's own words are in it."""
        return self.pack.meta.language

    @property
    def choice(self) -> str:
        """The topics and kinds chosen, as printed beside the code ("" when the whole bank was used)."""
        parts = []
        if self.topics:
            topics = ", ".join(self.pack.topic_title(t) for t in self.topics)
            parts.append(_say(self.language, _TOPICS).format(topics=topics))
        if self.kinds:
            kinds = ", ".join(_say(self.language, _KIND_WORDS.get(Kind(k), k)) for k in self.kinds)
            parts.append(_say(self.language, _KINDS).format(kinds=kinds))
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
    chosen = plan.compose(pool, length=spec.count, ranked=plan.exam_ranking(pool, spec.seed), seed=spec.seed,
                          cues=plan.EXAM)
    if not chosen:
        raise ValueError("There is no question of the chosen topics and kinds.")
    return PaperQuiz(pack, spec, tuple(chosen), tuple(topics), tuple(str(k) for k in kinds))


def letter(n: int) -> str:
    return chr(65 + n) if n < 26 else str(n + 1)


def ordinal(n: int, language: str = "") -> str:
    """1st, 2nd, 3rd, 4th… (1番目… in Japanese)."""
    if n <= len(ORDINALS):
        return _say(language, ORDINALS[n - 1])
    return _say(language, _NTH).format(n=n)


def _rights(quiz: PaperQuiz, question: QuizQuestion) -> tuple[str, ...]:
    """A matching question's answers, each once, in an order fixed by the code (not the key's order)."""
    rights = list(dict.fromkeys(r for _, r in question.pairs))
    random.Random(f"paper|{quiz.spec.seed}|{question.id}").shuffle(rights)
    return tuple(rights)


def _options(question: QuizQuestion) -> tuple[str, ...]:
    """The boxes to tick; a true/false question's are its pack's words (True / False, 正しい / 誤り)."""
    if question.kind == Kind.TRUEFALSE:
        words = true_false_words(question)
        return words["true"], words["false"]
    return question.choices


def space_for(quiz: PaperQuiz, question: QuizQuestion) -> tuple[str, AnswerSpace]:
    """(instruction, answer space) for one question on paper."""
    kind = question.kind
    language = quiz.language
    if kind in (Kind.CHOICE, Kind.SCENARIO, Kind.TRUEFALSE):
        return _say(language, _TICK_ONE), Choices(_options(question))
    if kind == Kind.MULTI:
        return _say(language, _TICK_EVERY), Choices(question.choices, multiple=True)
    if kind == Kind.NUMERIC:
        return _say(language, _WRITE_NUMBER), WriteIn(1, question.unit)
    if kind == Kind.TEXT:
        return _say(language, _WRITE_ANSWER), WriteIn(1)
    if kind == Kind.ORDER:
        return (_say(language, _NUMBER_ITEMS).format(count=len(question.choices)), Ordering(question.choices))
    if kind == Kind.MATCHING:
        rights = _rights(quiz, question)
        instruction = _MATCH_AGAIN if len(rights) < len(question.pairs) else _MATCH
        return _say(language, instruction), Matching(tuple(left for left, _ in question.pairs), rights)
    if kind == Kind.CLASSIFY:
        return (_say(language, _TICK_CATEGORY),
                Grid(tuple(s for s, _ in question.pairs), question.choices))
    return _say(language, _WRITE_ANSWER), WriteIn(2)


def key_lines(quiz: PaperQuiz, question: QuizQuestion) -> tuple[str, ...]:
    """The answer as the sheet lets a person check it: letters of boxes, numbers and words to expect."""
    kind = question.kind
    language = quiz.language
    options = _options(question)
    if kind in (Kind.CHOICE, Kind.SCENARIO):
        return (f"{letter(options.index(question.answer))}. {question.answer}",)
    if kind == Kind.TRUEFALSE:
        shown = true_false_words(question)["true" if question.answer == "true" else "false"]
        return (f"{letter(options.index(shown))}. {shown}",)
    if kind == Kind.MULTI:
        return tuple(f"{letter(options.index(a))}. {a}" for a in options if a in question.answers)
    if kind == Kind.NUMERIC:
        amount = expected_text(question)  # 65 billion USD; 8.7兆円 (no space before a CJK unit)
        if question.tolerance:
            return (_say(language, _WITHIN).format(answer=amount, tolerance=f"{question.tolerance:.0%}"),)
        return (amount,)
    if kind == Kind.TEXT:
        if question.accepted:
            return (_say(language, _ALSO).format(answer=question.answer, accepted=", ".join(question.accepted)),)
        return (question.answer,)
    if kind == Kind.ORDER:
        position = {item: n for n, item in enumerate(question.answers, 1)}
        boxes = ", ".join(str(position[item]) for item in question.choices)
        return (_say(language, _BOXES).format(boxes=boxes),
                *(f"{ordinal(n, language)}: {item}" for n, item in enumerate(question.answers, 1)))
    if kind == Kind.MATCHING:
        rights = _rights(quiz, question)
        return tuple(f"{n}. {left} → {letter(rights.index(right))}. {right}"
                     for n, (left, right) in enumerate(question.pairs, 1))
    if kind == Kind.CLASSIFY:
        return tuple(f"{statement} → {category}" for statement, category in question.pairs)
    return (question.answer,)


def sheet(quiz: PaperQuiz, printed: date | None = None) -> Document:
    """The question sheet: name and date lines, the code, then every question with room to answer."""
    language = quiz.language
    blocks: list[Block] = [
        Paragraph(_say(language, _NAME_DATE)),
        Paragraph(_say(language, _HOW).format(count=len(quiz.questions), code=quiz.code), style="small"),
    ]
    if quiz.choice:
        blocks.append(Paragraph(_chosen(quiz), style="small"))
    for number, question in enumerate(quiz.questions, 1):
        instruction, space = space_for(quiz, question)
        blocks.append(QuestionItem(number, question.prompt, instruction, space, scenario=question.scenario))
    return Document("quiz-sheet", _say(language, _SHEET_TITLE).format(title=quiz.pack.meta.title),
                    source_info(quiz.pack), printed or date.today(), tuple(blocks), subtitle=_say(language, _SHEET),
                    code=quiz.code, language=language)


def _chosen(quiz: PaperQuiz) -> str:
    """What a narrowed sheet and its key say of the choice of topics and kinds."""
    return _say(quiz.language, _CHOSEN).format(choice=quiz.choice, narrowed=_say(quiz.language, NARROWED))


def key(quiz: PaperQuiz, printed: date | None = None) -> Document:
    """The answer key: each answer as the sheet shows it, why, and the passages of the article behind it."""
    language = quiz.language
    blocks: list[Block] = [Paragraph(_say(language, _KEY_INTRO).format(code=quiz.code), style="small")]
    if quiz.choice:
        blocks.append(Paragraph(_chosen(quiz), style="small"))
    for number, question in enumerate(quiz.questions, 1):
        explanation = question.explanation
        if question.correction:
            explanation = _say(language, _TRUE_VERSION).format(explanation=explanation,
                                                              correction=question.correction).strip()
        quotes = tuple(Quote(c.quote, c.outlet or "") for c in question.citations)
        blocks.append(KeyItem(number, question.prompt, key_lines(quiz, question), explanation, quotes))
    return Document("quiz-key", _say(language, _KEY_TITLE).format(title=quiz.pack.meta.title), source_info(quiz.pack),
                    printed or date.today(), tuple(blocks), subtitle=_say(language, _KEY), code=quiz.code,
                    language=language)
