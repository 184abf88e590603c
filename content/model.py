"""Typed, immutable view of a briefing pack.

The validator turns raw TOML into these objects only once every check has
passed, so the rest of the app (quiz generation, charts, exports) can trust
the data and never re-validate. Every record carries a stable ``id``: progress
rows reference content by ``(pack_id, id)``, so ids must survive edits.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import cache, cached_property
from typing import Any

#: Scale words a figure's unit may start with, and the factor they stand for.
SCALES: dict[str, float] = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}


def split_unit(unit: str) -> tuple[float, str]:
    """Split ``"trillion USD"`` into ``(1e12, "USD")`` so figures can be compared.

    Charts put figures of one chart group on one axis; they can only do that
    when every amount is converted to the same base unit.
    """
    words = unit.split()
    if words and words[0].lower() in SCALES:
        return SCALES[words[0].lower()], " ".join(words[1:])
    return 1.0, unit


@dataclass(frozen=True)
class Meta:
    id: str
    title: str
    language: str
    format_version: int
    source_title: str
    source_file: str | None = None
    summary: str = ""


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

    @property
    def base_value(self) -> float:
        """Amount in the unit's base (``2.3 trillion USD`` → ``2.3e12``)."""
        return self.amount * split_unit(self.unit)[0]

    @property
    def base_unit(self) -> str:
        return split_unit(self.unit)[1]

    @property
    def display(self) -> str:
        """Human text such as ``~$2.3 trillion`` or ``~65 billion tonnes``."""
        scale_word = self.unit.split()[0] if split_unit(self.unit)[0] != 1.0 else ""
        amount = f"{self.amount:g}"
        approx = "~" if self.approximate else ""
        if self.base_unit == "USD":
            return f"{approx}${amount} {scale_word}".rstrip()
        return f"{approx}{amount} {self.unit}".strip()


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


@dataclass(frozen=True)
class ListItem:
    id: str
    name: str
    detail: str
    quote: str


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


@dataclass(frozen=True)
class Fact:
    id: str
    statement: str
    quote: str
    topic: str
    outlet: str | None = None


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


@dataclass(frozen=True)
class Question:
    """A hand-written question; generated ones live in the quiz engine."""

    id: str
    kind: str  # "choice" | "truefalse" | "numeric" | "text"
    prompt: str
    answer: str
    quote: str
    topic: str
    choices: tuple[str, ...] = ()
    tolerance: float = 0.0
    outlet: str | None = None
    facts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Pack:
    meta: Meta
    outlets: tuple[Outlet, ...] = ()
    topics: tuple[Topic, ...] = ()
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

    def outlet(self, outlet_id: str | None) -> Outlet | None:
        return next((o for o in self.outlets if o.id == outlet_id), None)

    def figure(self, figure_id: str) -> Figure:
        return self._figures_by_id[figure_id]

    @cached_property
    def _figures_by_id(self) -> dict[str, Figure]:
        """Index for :meth:`figure` (sections list figures by id; a pack may hold 100,000 of them)."""
        return {f.id: f for f in self.figures}

    def topic_title(self, topic_id: str) -> str:
        return next((t.title for t in self.topics if t.id == topic_id), topic_id)


#: Collections whose entries are one flat record each (tables and lists nest rows/items).
FLAT_COLLECTIONS: dict[str, type] = {
    "outlets": Outlet, "topics": Topic, "sections": Section, "figures": Figure,
    "terms": Term, "facts": Fact, "milestones": Milestone, "questions": Question,
}
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
        if isinstance(value, list):
            value = tuple(value)
        elif name == "approximate":
            value = bool(value)
        elif name in _NUMBERS and value is not None:
            value = float(value) + 0.0  # and -0 becomes 0: "-0 trees" is zero trees
        kwargs[name] = value
    return cls(**kwargs)
