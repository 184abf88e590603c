"""The document model of a handout: what is printed, in order, with no layout decisions.

Every piece of text here is pack text (or the app's own fixed wording) as plain
text: renderers escape it for their markup. Blocks carry *hints* a renderer
honours as far as its format allows (a heading is kept with what follows, a
table row is never split and its header is repeated, a definition is kept with
its term), and a ``priority`` the one-page brief uses to drop the least
important blocks when a pack does not fit (0: never dropped).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from content.handout import words


@dataclass(frozen=True)
class SourceInfo:
    """The article a handout is written from, as the pack describes it."""

    title: str
    publisher: str = ""
    date: str = ""  # YYYY-MM-DD as the pack gives it
    url: str = ""

    @property
    def citation(self) -> str:
        """"Title. Publisher, 2026-11-20. https://…" with whatever the pack knows."""
        parts = [self.title.rstrip(".") + "."]
        where = ", ".join(p for p in (self.publisher, self.date) if p)
        if where:
            parts.append(where + ".")
        if self.url:
            parts.append(self.url)
        return " ".join(parts)

    @property
    def short(self) -> str:
        """For a running footer: the title and, if known, the publisher."""
        return f"{self.title} — {self.publisher}" if self.publisher else self.title


@dataclass(frozen=True)
class Block:
    """Base of every block: ``priority`` orders what the one-page brief may drop (higher is kept longer)."""


@dataclass(frozen=True)
class Heading(Block):
    text: str
    level: int = 1  # 1: a section (in the PDF outline), 2: a part of a section, 3: a small title
    priority: int = 0
    what: str = ""  # how to name it when it is dropped ("" = its text)


@dataclass(frozen=True)
class Paragraph(Block):
    text: str
    style: str = "body"  # "body" | "lead" (a summary) | "note" (a remark of the briefing about figures) | "small"
    priority: int = 0
    what: str = ""


@dataclass(frozen=True)
class Quote(Block):
    """A verbatim passage of the article, cited with the outlet it attributes it to ("" = the article itself)."""

    text: str
    outlet: str = ""
    priority: int = 0
    what: str = ""

    @property
    def attribution(self) -> str:
        return self.attributed("")

    def attributed(self, language: str) -> str:
        """The outlet, or "the article" in ``language`` when the article names none."""
        return self.outlet or words.say(language, words.THE_ARTICLE)


@dataclass(frozen=True)
class FigureItem:
    amount: str  # as the article states it: "~$2.3 trillion", "more than $100 billion"
    label: str
    outlet: str  # the outlet's name, or "outlet not named in the article"
    year: int | None = None
    quote: str = ""  # the sentence the figure comes from
    named: bool = True  # False: the article names no outlet (``outlet`` then says so)

    @property
    def year_note(self) -> str:
        """" (2040)", unless the label already says the year."""
        return f" ({self.year})" if self.year and str(self.year) not in self.label else ""

    @property
    def citation(self) -> Quote:
        """The figure's sentence, attributed to its outlet (or to the article when it names none)."""
        return Quote(self.quote, self.outlet if self.named else "")

    @property
    def credit(self) -> str:
        return self.credited("")

    def credited(self, language: str) -> str:
        """"reported by Nikkei" in ``language``, or "outlet not named in the article" (already in the pack's)."""
        return words.say(language, words.REPORTED_BY).format(outlet=self.outlet) if self.named else self.outlet


@dataclass(frozen=True)
class FigureList(Block):
    items: tuple[FigureItem, ...]
    title: str = ""
    quotes: bool = True  # print each figure's sentence under it (the brief leaves them out)
    priority: int = 0
    what: str = ""


@dataclass(frozen=True)
class Table(Block):
    """A table whose rows must each stay on one page, with its header repeated on every page it spans."""

    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    source: Quote | None = None  # the sentence of the article the table comes from
    priority: int = 0
    what: str = ""


@dataclass(frozen=True)
class ListEntry:
    name: str
    detail: str = ""  # what the article says of it ("" when it says nothing more)


@dataclass(frozen=True)
class ItemList(Block):
    title: str
    items: tuple[ListEntry, ...]
    priority: int = 0
    what: str = ""


@dataclass(frozen=True)
class Definitions(Block):
    """A glossary: each term stays on one page with its definition."""

    items: tuple[tuple[str, str], ...]
    priority: int = 0
    what: str = ""


@dataclass(frozen=True)
class TimePoint:
    when: str  # the article's own wording
    label: str
    next: bool = False  # the next checkpoint
    happened: bool = False
    passed: bool = False  # dated before the day it is printed, not marked as happened (content.briefing)


@dataclass(frozen=True)
class Timeline(Block):
    points: tuple[TimePoint, ...]
    priority: int = 0
    what: str = ""


@dataclass(frozen=True)
class ChartBar:
    label: str
    value: float  # in the axis' scale
    amount: str  # "~$2.3 trillion"
    outlet: str


@dataclass(frozen=True)
class Chart(Block):
    """A horizontal bar chart on a linear axis that starts at a labelled 0, so bars compare honestly."""

    title: str
    caption: str  # what the bars are and who reported them (names every outlet)
    axis_title: str  # "US$ billion"
    bars: tuple[ChartBar, ...]
    ticks: tuple[tuple[float, str], ...]  # (value, label), the first is 0
    note: str = ""  # what the chart leaves out
    priority: int = 0
    what: str = ""

    @property
    def alt_text(self) -> str:
        return self.in_words("")

    def in_words(self, language: str) -> str:
        """The chart in words (in ``language``), for readers who cannot see it and for formats that do not draw it."""
        bar = words.say(language, words.ALT_BAR)
        bars = words.say(language, words.BAR_SEPARATOR).join(
            bar.format(label=b.label, amount=b.amount, outlet=b.outlet) for b in self.bars)
        return words.say(language, words.ALT_TEXT).format(zero=self.ticks[0][1], axis=self.axis_title, bars=bars)


@dataclass(frozen=True)
class PageBreak(Block):
    priority: int = 0
    what: str = ""


# -- answer spaces of the paper quiz -------------------------------------------------
@dataclass(frozen=True)
class Choices:
    """Options with a box each: tick one (or, with ``multiple``, every one that applies)."""

    options: tuple[str, ...]
    multiple: bool = False


@dataclass(frozen=True)
class WriteIn:
    """Lines to write on; ``unit`` printed after a one-line numeric answer."""

    lines: int = 1
    unit: str = ""


@dataclass(frozen=True)
class Ordering:
    """Items with a box each for their position (1 for the first)."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class Matching:
    """Numbered items on the left with a box each for the letter of the lettered answer on the right."""

    left: tuple[str, ...]
    right: tuple[str, ...]


@dataclass(frozen=True)
class Grid:
    """Statements by categories: one box per cell, tick the category each statement belongs to."""

    statements: tuple[str, ...]
    categories: tuple[str, ...]


AnswerSpace = Choices | WriteIn | Ordering | Matching | Grid


@dataclass(frozen=True)
class QuestionItem(Block):
    """One question of a paper quiz, kept on one page with its answer space."""

    number: int
    prompt: str
    instruction: str  # "Tick one.", "Write the number."…
    space: AnswerSpace
    scenario: str = ""
    priority: int = 0
    what: str = ""


@dataclass(frozen=True)
class KeyItem(Block):
    """The answer to one question of a paper quiz, why, and the passages that show it."""

    number: int
    prompt: str
    answer: tuple[str, ...]  # one line each ("B. ~$2.3 trillion", "1st: C. …")
    explanation: str = ""
    quotes: tuple[Quote, ...] = ()
    priority: int = 0
    what: str = ""


@dataclass(frozen=True)
class Document:
    """A handout: a title block, then blocks in reading order; the footer names the source on every page."""

    kind: str  # "briefing" | "brief" | "quiz-sheet" | "quiz-key": what it is, for file names and tests
    title: str
    source: SourceInfo
    printed: date
    blocks: tuple[Block, ...]
    subtitle: str = ""
    code: str = ""  # the exam code of a paper quiz (printed in the title block and the header of every page)
    notes: tuple[str, ...] = field(default=())  # said to the person exporting (e.g. what a brief left out)
    language: str = ""  # the pack's: the handout's own words ("Source:", "page 1 of 3") are printed in it

    def without(self, dropped: set[int]) -> Document:
        """The document without the blocks at those positions."""
        return replace(self, blocks=tuple(b for i, b in enumerate(self.blocks) if i not in dropped))

    def headings(self, level: int = 1) -> list[str]:
        return [b.text for b in self.blocks if isinstance(b, Heading) and b.level == level]


def describe(block: Block) -> str:
    """How to name a block in "left out: …" messages."""
    what = getattr(block, "what", "")
    if what:
        return str(what)
    for name in ("title", "text", "prompt"):
        value = getattr(block, name, "")
        if value:
            return str(value)
    return type(block).__name__.lower()
