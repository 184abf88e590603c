"""Quiz questions as the engine hands them to a view (plain data, no Qt).

Every question carries a stable id derived from the content ids it tests, so
progress recorded against it survives content rebuilds, the ids of the facts
it tests (a session asks one question per fact), an explanation of why the key
is right, and the verbatim quote(s) and outlet that justify it: feedback always
cites the article and corrects the misreading a wrong answer reveals.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from quiz.phrases import QT_TRANSLATE_NOOP, phrase

_CITED = QT_TRANSLATE_NOOP("quiz.questions", "“{quote}” — {source}")
_THE_ARTICLE = QT_TRANSLATE_NOOP("quiz.questions", "the article")
#: How a true/false explanation starts (quiz.generate's "True. {statement}"): the verdict, which feedback says first.
_VERDICT_LEADS = (QT_TRANSLATE_NOOP("quiz.questions", "True. "), QT_TRANSLATE_NOOP("quiz.questions", "False. "))


class Kind(StrEnum):
    """Question kinds. A StrEnum, so ``Kind.CHOICE == "choice"`` and JSON stays plain text."""

    CHOICE = "choice"  # one right option
    SCENARIO = "scenario"  # a case to judge, then one right option (feedback per option)
    TRUEFALSE = "truefalse"
    NUMERIC = "numeric"
    TEXT = "text"  # typed answer, accepted alternatives
    MATCHING = "matching"  # each left to its own right (each right used once)
    MULTI = "multi"  # select all that apply
    ORDER = "order"  # put items in order
    CLASSIFY = "classify"  # sort statements into categories (a category may take several)


#: Kinds answered by picking exactly one option.
SINGLE_CHOICE = frozenset({Kind.CHOICE, Kind.SCENARIO, Kind.TRUEFALSE})
KINDS = tuple(Kind)


@dataclass(frozen=True)
class Citation:
    """A verbatim passage of the article and the outlet it is attributed to (None: the article itself)."""

    quote: str
    outlet: str | None = None
    language: str = ""  # of the words around the quote (its question's: quiz.phrases)

    @property
    def source(self) -> str:
        """Who says it: the outlet, or the article ("記事" in a Japanese question)."""
        return self.outlet or phrase(self.language, "quiz.questions", _THE_ARTICLE)

    def __str__(self) -> str:
        return phrase(self.language, "quiz.questions", _CITED).format(quote=self.quote, source=self.source)


@dataclass(frozen=True)
class QuizQuestion:
    id: str
    kind: Kind
    prompt: str
    topic: str
    answer: str  # choice text, "true"/"false", a number in ``unit``, or the expected text ("" for the grid kinds)
    quote: str
    facts: tuple[str, ...]  # the content ids this question tests: a session never asks two that share one
    outlet: str | None = None  # outlet *name*, for the citation
    choices: tuple[str, ...] = ()  # options as shown (order: shuffled items; classify: the categories)
    pairs: tuple[tuple[str, str], ...] = ()  # matching: (left, right); classify: (statement, category)
    answers: tuple[str, ...] = ()  # multi: every right option; order: the items in the right order
    tolerance: float = 0.0  # numeric: relative tolerance (0.05 = within 5%)
    unit: str = ""  # numeric: the unit the answer is expressed in, e.g. "billion USD"
    accepted: tuple[str, ...] = ()  # text: other accepted spellings
    authored: bool = False  # hand-written in the pack, not generated
    explanation: str = ""  # why the key is right, in plain words
    feedback: tuple[tuple[str, str], ...] = ()  # (option or statement, what it really is)
    scenario: str = ""  # scenario kind: the case, shown above the prompt
    correction: str = ""  # a false statement's true version, shown after any answer
    more_quotes: tuple[Citation, ...] = ()  # further passages the explanation rests on
    section: str = ""  # briefing section to read about it ("Read this in the briefing")
    table: str = ""  # table id when the question is about a table (its cells are highlighted)
    language: str = ""  # the language of the words around the pack's text ("" English; quiz.phrases)

    @property
    def citations(self) -> tuple[Citation, ...]:
        """Every passage that justifies the key, the main quote first."""
        main = (Citation(self.quote, self.outlet),) if self.quote else ()
        cited = main + tuple(c for c in self.more_quotes if c.quote != self.quote)
        return tuple(replace(c, language=self.language) for c in cited) if self.language else cited

    @property
    def citation(self) -> str:
        """The feedback line: the verbatim quote(s), each attributed where the article names an outlet."""
        return "\n".join(str(c) for c in self.citations)

    @property
    def explanation_after_verdict(self) -> str:
        """The explanation without what the verdict and the correction already say ("True. ", "誤り。" and the
        correction's sentence): what feedback shows under them."""
        leads = [phrase(self.language, "quiz.questions", lead) for lead in _VERDICT_LEADS]

        def bare(text: str) -> str:
            text = text.strip()
            return next((text[len(lead):] for lead in leads if text.startswith(lead)), text)

        text = bare(self.explanation)
        if not self.correction:
            return text
        rest = text.replace(bare(self.correction), "").strip()
        # What introduced the correction ("What the article says:", "記事に書かれているのは次のとおりです：")
        # says nothing once the correction is shown on its own row: no "Why" row rather than an empty one.
        return "" if rest.endswith((":", "：")) else rest

    def feedback_for(self, option: str) -> str:
        return dict(self.feedback).get(option, "")

    @property
    def is_true_false(self) -> bool:
        return self.kind == Kind.TRUEFALSE

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "kind": str(self.kind), "prompt": self.prompt, "scenario": self.scenario,
            "topic": self.topic, "answer": self.answer, "answers": list(self.answers),
            "choices": list(self.choices), "pairs": [list(p) for p in self.pairs], "tolerance": self.tolerance,
            "unit": self.unit, "accepted": list(self.accepted), "explanation": self.explanation,
            "feedback": [{"option": o, "feedback": f} for o, f in self.feedback], "correction": self.correction,
            "quote": self.quote, "outlet": self.outlet,
            "citations": [{"quote": c.quote, "outlet": c.outlet} for c in self.citations],
            "facts": list(self.facts), "section": self.section, "table": self.table, "authored": self.authored,
        }
