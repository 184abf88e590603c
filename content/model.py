"""Typed, immutable view of a briefing pack.

The validator turns raw TOML into these objects only once every check has
passed, so the rest of the app (quiz generation, charts, exports) can trust
the data and never re-validate. Every record carries a stable ``id``: progress
rows reference content by ``(pack_id, id)``, so ids must survive edits.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from functools import cache, cached_property
from typing import Any

from content import bidi
from content.scripts import is_cjk
from content.units import Unit, parse_unit


@dataclass(frozen=True)
class Meta:
    id: str
    title: str
    language: str
    format_version: int
    source_title: str
    source_file: str | None = None
    summary: str = ""
    source_publisher: str = ""
    source_url: str = ""
    source_date: str = ""  # YYYY-MM-DD


@dataclass(frozen=True)
class Outlet:
    id: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class Topic:
    id: str
    title: str


@dataclass(frozen=True)
class ChartGroup:
    """Titles a chart group: figures name their group in ``chart_group``."""

    id: str
    title: str
    caption: str = ""


@dataclass(frozen=True)
class Quote:
    """A verbatim passage that explanations can cite by id."""

    id: str
    text: str
    outlet: str | None = None
    topic: str | None = None


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    body: str
    topic: str
    figures: tuple[str, ...] = ()
    quote: str = ""


@dataclass(frozen=True)
class Figure:
    id: str
    label: str
    amount: float
    unit: str
    approximate: bool
    quote: str
    chart_group: str
    topic: str
    year: int | None = None
    outlet: str | None = None
    bound: str = ""  # "" or "exact" | "about" | "at least" | "more than" | "less than" | "up to"

    @cached_property
    def qualifier(self) -> str:
        """How the article states the amount: "about", a bound such as "more than", or "" (exact)."""
        if self.bound and self.bound != "exact":
            return self.bound
        return "about" if self.approximate else ""

    @cached_property
    def is_bound(self) -> bool:
        """True when the article gives a limit ("more than $100B"), not an amount."""
        return self.qualifier not in ("", "about")

    @cached_property
    def unit_parts(self) -> Unit:
        """The unit split into scale and base ("兆円" → 10^12, "兆", "円")."""
        return parse_unit(self.unit)

    @cached_property
    def base_value(self) -> float:
        """Amount in the unit's base (``2.3 trillion USD`` → ``2.3e12``, ``350 兆円`` → ``3.5e14``)."""
        return self.amount * self.unit_parts.factor

    @cached_property
    def base_unit(self) -> str:
        return self.unit_parts.base

    @cached_property
    def display(self) -> str:
        """Human text such as ``~$2.3 trillion``, ``more than $100 billion``, ``~65 billion tonnes`` or ``350兆円``."""
        return self.amount_text(self.amount, self.qualifier)

    def amount_text(self, amount: float, qualifier: str) -> str:
        """This figure's unit and style around another amount or qualifier (for distractors)."""
        parts = self.unit_parts
        number = format_amount(amount)
        symbol = CURRENCY_SIGNS.get(parts.base)
        if symbol:
            core = f"{symbol}{number}{'' if is_cjk(parts.scale) else ' '}{parts.scale}".rstrip()
        elif parts.joined:  # CJK writes the unit right after the number: 350兆円, 1,200万人
            core = f"{number}{self.unit}"
        else:
            core = f"{number} {self.unit}".strip()
        if qualifier == "about":
            return f"~{core}"
        return f"{qualifier} {core}" if qualifier else core


#: Currencies written with their sign, as articles do ("$65 billion", "€4.2 billion").
CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}


def format_amount(amount: float) -> str:
    """An amount as people write it: 6,500 and 2.3, never 6500.0 or 1.5e+06."""
    if not math.isfinite(amount):
        return str(amount)
    if amount == int(amount) and abs(amount) < 1e15:
        return f"{int(amount):,}"
    text = f"{amount:.12f}".rstrip("0").rstrip(".")
    whole, _, fraction = text.partition(".")
    return f"{int(whole):,}" + (f".{fraction}" if fraction else "") if whole.lstrip("-").isdigit() else text


@dataclass(frozen=True)
class TableRow:
    id: str
    label: str
    cells: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    id: str
    title: str
    row_header: str
    columns: tuple[str, ...]
    rows: tuple[TableRow, ...]
    topic: str
    quote: str = ""
    compares: bool = False  # the columns are the things compared (rows are features)


@dataclass(frozen=True)
class ListItem:
    id: str
    name: str
    quote: str
    detail: str = ""


@dataclass(frozen=True)
class NamedList:
    id: str
    title: str
    topic: str
    items: tuple[ListItem, ...]
    quote: str = ""


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    definition: str
    quote: str
    topic: str
    category: str = ""  # e.g. "institution", "doctrine", "concept": distractors come from the same one
    accept: tuple[str, ...] = ()  # other names the article uses (typed answers, give-away checks)


@dataclass(frozen=True)
class Fact:
    id: str
    statement: str
    quote: str
    topic: str
    outlet: str | None = None
    misreadings: tuple[str, ...] = ()  # plausible false versions the article contradicts


@dataclass(frozen=True)
class Milestone:
    """A point on the briefing's timeline; ``when`` is the article's own wording
    ("upcoming", "2040 fiscal year"), ``year`` only when it states one."""

    id: str
    label: str
    when: str
    quote: str
    topic: str
    year: int | None = None
    order: int | None = None  # position in the article's chronology (ties: same time)
    happened: bool = False  # the article says it has already happened (the timeline puts "today" after it)


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool = False
    feedback: str = ""


@dataclass(frozen=True)
class Statement:
    """One statement of a classification grid and the category it belongs to."""

    text: str
    category: str
    feedback: str = ""


@dataclass(frozen=True)
class MatchPair:
    left: str
    right: str


@dataclass(frozen=True)
class Question:
    """A hand-written question; generated ones live in the quiz engine."""

    id: str
    kind: str  # one of content.schema.QUESTION_KINDS
    prompt: str
    topic: str
    answer: str = ""
    quote: str = ""
    scenario: str = ""
    choices: tuple[str, ...] = ()
    options: tuple[Option, ...] = ()
    sequence: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    statements: tuple[Statement, ...] = ()
    pairs: tuple[MatchPair, ...] = ()
    accept: tuple[str, ...] = ()
    unit: str = ""
    tolerance: float = 0.0
    explanation: str = ""
    cites: tuple[str, ...] = ()
    outlet: str | None = None
    facts: tuple[str, ...] = ()
    imported_from: str = ""  # the file an imported question came from (it needs no quote)


@dataclass(frozen=True)
class Pack:
    meta: Meta
    outlets: tuple[Outlet, ...] = ()
    topics: tuple[Topic, ...] = ()
    charts: tuple[ChartGroup, ...] = ()
    quotes: tuple[Quote, ...] = ()
    sections: tuple[Section, ...] = ()
    figures: tuple[Figure, ...] = ()
    tables: tuple[Table, ...] = ()
    lists: tuple[NamedList, ...] = ()
    terms: tuple[Term, ...] = ()
    facts: tuple[Fact, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    questions: tuple[Question, ...] = ()
    source_text: str | None = field(default=None, compare=False, repr=False)
    digest: str = ""

    @property
    def id(self) -> str:
        return self.meta.id

    @cached_property
    def right_to_left(self) -> bool:
        """The pack has right-to-left text: its ``language`` (ar, he, fa…), its article or any record."""
        if bidi.is_rtl_language(self.meta.language):
            return True
        return any(bidi.has_rtl(text) for text in self._texts())

    def _texts(self) -> Iterator[str]:
        meta = self.meta
        yield from (meta.title, meta.summary, meta.source_title, self.source_text or "")
        yield from (o.name for o in self.outlets)
        yield from (c.title for c in self.charts)
        yield from (f"{s.title} {s.body}" for s in self.sections)
        yield from (f"{f.label} {f.unit}" for f in self.figures)
        yield from (f"{t.title} {t.row_header} {' '.join(t.columns)} "
                    + " ".join(f"{r.label} {' '.join(r.cells)}" for r in t.rows) for t in self.tables)
        yield from (f"{n.title} " + " ".join(f"{i.name} {i.detail}" for i in n.items) for n in self.lists)
        yield from (f"{t.term} {t.definition} {' '.join(t.accept)}" for t in self.terms)
        yield from (f"{f.statement} {' '.join(f.misreadings)}" for f in self.facts)
        yield from (f"{m.label} {m.when}" for m in self.milestones)

    def isolate(self, text: str) -> str:
        """``text`` ready to be put into a sentence: in a pack with right-to-left text, wrapped in
        Unicode isolates (see :mod:`content.bidi`) so numbers and names keep their order; else as is."""
        return bidi.isolate(text) if self.right_to_left else text

    # Lookups by id are built once per pack (packs are immutable): a linear search per
    # call made briefings and question generation quadratic in the number of figures.
    @cached_property
    def _outlets(self) -> dict[str, Outlet]:
        return {o.id: o for o in self.outlets}

    @cached_property
    def _figures(self) -> dict[str, Figure]:
        return {f.id: f for f in self.figures}

    @cached_property
    def _topics(self) -> dict[str, str]:
        return {t.id: t.title for t in self.topics}

    @cached_property
    def _charts(self) -> dict[str, ChartGroup]:
        return {c.id: c for c in self.charts}

    def outlet(self, outlet_id: str | None) -> Outlet | None:
        return self._outlets.get(outlet_id) if outlet_id else None

    def outlet_name(self, outlet_id: str | None) -> str | None:
        outlet = self.outlet(outlet_id)
        return outlet.name if outlet else None

    def figure(self, figure_id: str) -> Figure:
        return self._figures[figure_id]

    def topic_title(self, topic_id: str) -> str:
        return self._topics.get(topic_id, topic_id)

    def chart_title(self, group: str) -> str:
        """The chart group's title from ``[[charts]]``, else the group id as written."""
        chart = self._charts.get(group)
        return chart.title if chart else group

    @cached_property
    def quoted(self) -> dict[str, tuple[str, str | None]]:
        """Every record that carries a verbatim quote: id → (quote, outlet id). What ``cites`` may name."""
        found: dict[str, tuple[str, str | None]] = {}
        for q in self.quotes:
            found[q.id] = (q.text, q.outlet)
        for s in self.sections:
            if s.quote:
                found[s.id] = (s.quote, None)
        for f in self.figures:
            found[f.id] = (f.quote, f.outlet)
        for t in self.tables:
            if t.quote:
                found[t.id] = (t.quote, None)
        for n in self.lists:
            if n.quote:
                found[n.id] = (n.quote, None)
            for item in n.items:
                found[item.id] = (item.quote, None)
        for term in self.terms:
            found[term.id] = (term.quote, None)
        for fact in self.facts:
            found[fact.id] = (fact.quote, fact.outlet)
        for m in self.milestones:
            found[m.id] = (m.quote, None)
        return found


#: Collections whose entries are one flat record each (tables and lists nest rows/items).
FLAT_COLLECTIONS: dict[str, type] = {
    "outlets": Outlet, "topics": Topic, "charts": ChartGroup, "quotes": Quote, "sections": Section,
    "figures": Figure, "terms": Term, "facts": Fact, "milestones": Milestone, "questions": Question,
}
#: Arrays of tables nested in a question, and the model of one entry.
QUESTION_PARTS: dict[str, type] = {"options": Option, "statements": Statement, "pairs": MatchPair}
_NUMBERS = {"amount", "tolerance"}  # TOML may write 300 where the model wants 300.0


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def from_record(cls: type, record: dict[str, Any]) -> Any:
    """A model object from a TOML table or a stored row with the same field names.

    Absent fields take the dataclass default; lists become tuples (models are
    immutable); SQLite's 0/1 becomes a bool and integer amounts become floats.
    """
    kwargs = {}
    for name in _field_names(cls):
        if name not in record:
            continue
        value = record[name]
        if cls is Question and name in QUESTION_PARTS and value:
            part = QUESTION_PARTS[name]
            value = tuple(v if isinstance(v, part) else from_record(part, v) for v in value)
        elif isinstance(value, list):
            value = tuple(value)
        elif name in ("approximate", "compares", "correct", "happened"):
            value = bool(value)
        elif name in _NUMBERS and value is not None:
            value = float(value) + 0.0  # and -0 becomes 0: "-0 trees" is zero trees
        kwargs[name] = value
    return cls(**kwargs)
