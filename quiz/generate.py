"""Generate quiz questions from a stored pack, deterministically for a seed.

Rules that keep the quiz honest:

- every answer key is read straight from the pack record it tests, and every
  question quotes that record's verbatim source sentence;
- distractors are other values *of the same pack* (other figures, terms,
  outlets, list items, table cells), never invented;
- false true/false statements are made only by swapping two values the pack
  holds (another figure's amount, the other column's cell).

The seed only decides distractor choice and choice order; which questions
exist depends on the pack alone, so ids stay stable across runs.
"""

from __future__ import annotations

import bisect
import random
import re
from collections.abc import Callable, Iterable, Iterator

from content.model import Figure, Pack, Table, TableRow
from content.validate import normalise_space
from quiz.questions import QuizQuestion

MAX_CHOICES = 4
#: Tolerance for numeric answers to figures the article calls approximate.
APPROX_TOLERANCE = 0.05
#: Distractor pools up to this many distinct values are shuffled whole, as they always
#: were (a seed gives the same choices as before). Larger pools (a pack may hold
#: 100,000 figures) draw their distractors directly: shuffling the whole pool for
#: every question made generating quadratic (a 5,000-figure pack took minutes).
EXACT_POOL = 1000


def generate(pack: Pack, seed: str | int = 0) -> list[QuizQuestion]:
    """All questions for ``pack``, in a stable order (grouped by generator)."""
    questions: list[QuizQuestion] = []
    for make in GENERATORS:
        questions.extend(make(pack, seed))
    return questions


def _rng(seed: str | int, qid: str) -> random.Random:
    return random.Random(f"{seed}|{qid}")


def _pool(values: Iterable[str]) -> list[str]:
    """Distinct values, sorted: the pool distractors are drawn from (computed once per generator)."""
    return sorted(set(values))


def _choices(answer: str, pool: list[str], seed: str | int, qid: str) -> tuple[str, ...]:
    """The answer plus up to three distinct distractors from ``pool`` (see :func:`_pool`), shuffled per seed."""
    rng = _rng(seed, qid)
    if len(pool) <= EXACT_POOL:
        others = [p for p in pool if p != answer]
        rng.shuffle(others)
        options = [answer, *others[: MAX_CHOICES - 1]]
    else:
        picks = (pool[i] for i in rng.sample(range(len(pool)), MAX_CHOICES))
        options = [answer, *[p for p in picks if p != answer][: MAX_CHOICES - 1]]
    rng.shuffle(options)
    return tuple(options)


def _other(pool: list[str], value: str, rng: random.Random) -> str:
    """``rng.choice`` of the pool without ``value`` (which it holds), without building that list."""
    index = rng.randrange(len(pool) - 1)
    return pool[index + 1] if index >= bisect.bisect_left(pool, value) else pool[index]


def _outlet_name(pack: Pack, outlet_id: str | None) -> str | None:
    outlet = pack.outlet(outlet_id)
    return outlet.name if outlet else None


def _figure_subject(pack: Pack, figure: Figure) -> str:
    year = f" ({figure.year})" if figure.year and str(figure.year) not in figure.label else ""
    return f"the {_lower_first(figure.label)}{year}"


def _lower_first(text: str) -> str:
    """Lower-case a leading capital for use mid-sentence, but leave acronyms ("AI plan") alone."""
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


# -- figures -------------------------------------------------------------------
def figure_amounts(pack: Pack, seed: str | int) -> Iterator[QuizQuestion]:
    displays = _pool(f.display for f in pack.figures)
    if len(displays) < 2:
        return
    for f in pack.figures:
        qid = f"figure-amount:{f.id}"
        reporter = f"According to {_outlet_name(pack, f.outlet)}, how" if f.outlet else "How"
        yield QuizQuestion(
            id=qid, kind="choice", prompt=f"{reporter} large is {_figure_subject(pack, f)}?", topic=f.topic,
            answer=f.display, choices=_choices(f.display, displays, seed, qid), quote=f.quote,
            outlet=_outlet_name(pack, f.outlet), facts=(f.id,),
        )


def figure_numbers(pack: Pack, seed: str | int) -> Iterator[QuizQuestion]:
    for f in pack.figures:
        scale_unit = f.unit
        yield QuizQuestion(
            id=f"figure-number:{f.id}", kind="numeric", topic=f.topic, unit=scale_unit,
            prompt=f"How large is {_figure_subject(pack, f)}, in {_unit_phrase(scale_unit)}?",
            answer=f"{f.amount:g}", tolerance=APPROX_TOLERANCE if f.approximate else 0.0, quote=f.quote,
            outlet=_outlet_name(pack, f.outlet), facts=(f.id,),
        )


def _unit_phrase(unit: str) -> str:
    words = unit.split()
    if len(words) == 2 and words[1] == "USD":
        return f"{words[0]}s of US dollars"
    return unit


def figure_sources(pack: Pack, seed: str | int) -> Iterator[QuizQuestion]:
    if len(pack.outlets) < 2:
        return
    names = _pool(o.name for o in pack.outlets)
    for f in pack.figures:
        name = _outlet_name(pack, f.outlet)
        if not name:
            continue
        qid = f"figure-source:{f.id}"
        yield QuizQuestion(
            id=qid, kind="choice", prompt=f"Which outlet reported {_figure_subject(pack, f)} of {f.display}?",
            topic=f.topic, answer=name, choices=_choices(name, names, seed, qid), quote=f.quote, outlet=name,
            facts=(f.id, f.outlet or ""),
        )


def figure_statements(pack: Pack, seed: str | int) -> Iterator[QuizQuestion]:
    """True/false: the figure as reported, and (false) with another figure's amount."""
    displays = _pool(f.display for f in pack.figures)
    for f in pack.figures:
        reporter = f"{_outlet_name(pack, f.outlet)} reported" if f.outlet else "The article reports"
        outlet = _outlet_name(pack, f.outlet)
        yield QuizQuestion(
            id=f"figure-tf:{f.id}:true", kind="truefalse", topic=f.topic, answer="true", quote=f.quote,
            prompt=f"True or false: {reporter} {_figure_subject(pack, f)} as {f.display}.",
            outlet=outlet, facts=(f.id,),
        )
        rng = _rng(seed, f"figure-tf:{f.id}:false")
        if len(displays) > 1:
            yield QuizQuestion(
                id=f"figure-tf:{f.id}:false", kind="truefalse", topic=f.topic, answer="false", quote=f.quote,
                prompt=f"True or false: {reporter} {_figure_subject(pack, f)} as {_other(displays, f.display, rng)}.",
                outlet=outlet, facts=(f.id,),
            )


# -- terms, lists, tables ---------------------------------------------------------
def term_definitions(pack: Pack, seed: str | int) -> Iterator[QuizQuestion]:
    if len(pack.terms) < 2:
        return
    names = _pool(t.term for t in pack.terms)
    for t in pack.terms:
        qid = f"term:{t.id}"
        yield QuizQuestion(
            id=qid, kind="choice", prompt=f"Which term is this? “{t.definition}”", topic=t.topic, answer=t.term,
            choices=_choices(t.term, names, seed, qid), quote=t.quote, facts=(t.id,),
        )


def list_items(pack: Pack, seed: str | int) -> Iterator[QuizQuestion]:
    for named in pack.lists:
        if len(named.items) < 2:
            continue
        names = _pool(i.name for i in named.items)
        details = [i.detail for i in named.items]
        for item in named.items:
            if details.count(item.detail) > 1:
                continue  # two items share a description: the question would have two right answers
            qid = f"list-item:{item.id}"
            yield QuizQuestion(
                id=qid, kind="choice", topic=named.topic, answer=item.name,
                prompt=f"{named.title}: which one is described here? “{item.detail}”",
                choices=_choices(item.name, names, seed, qid), quote=item.quote, facts=(named.id, item.id),
            )


def _row_quote(pack: Pack, table: Table, row: TableRow) -> str:
    """The row as the source prints it when it does (tables are often flattened into
    one line of text), else the table's own verbatim introduction."""
    flat = " ".join((row.label, *row.cells))
    if pack.source_text and flat in normalise_space(pack.source_text):
        return flat
    return table.quote or table.title


def table_matching(pack: Pack, seed: str | int) -> Iterator[QuizQuestion]:
    """Matching per row (each column → its cell) and per column (each row → its cell)."""
    for table in pack.tables:
        quote = table.quote or table.title
        if len(table.columns) >= 2:
            for row in table.rows:
                yield QuizQuestion(
                    id=f"match-row:{table.id}:{row.id}", kind="matching", topic=table.topic,
                    prompt=f"{table.title}: match each to its {row.label.lower()}.",
                    pairs=tuple(zip(table.columns, row.cells, strict=True)), answer="",
                    quote=_row_quote(pack, table, row), facts=(table.id, row.id),
                )
        if len(table.rows) >= 2:
            for index, column in enumerate(table.columns):
                yield QuizQuestion(
                    id=f"match-column:{table.id}:{index}", kind="matching", topic=table.topic,
                    prompt=f"{table.title}: match each {table.row_header.lower()} to {column}'s entry.",
                    pairs=tuple((r.label, r.cells[index]) for r in table.rows), answer="", quote=quote,
                    facts=(table.id, *(r.id for r in table.rows)),
                )


def table_statements(pack: Pack, seed: str | int) -> Iterator[QuizQuestion]:
    """True/false per cell; the false variant swaps in the other column's cell for the same row."""
    for table in pack.tables:
        for row in table.rows:
            for index, column in enumerate(table.columns):
                cell = row.cells[index]
                quote = _row_quote(pack, table, row)
                yield QuizQuestion(
                    id=f"table-tf:{table.id}:{row.id}:{index}:true", kind="truefalse", topic=table.topic,
                    prompt=f"True or false: under {column}, the {row.label.lower()} is: {cell}.", answer="true",
                    quote=quote, facts=(table.id, row.id),
                )
                others = [c for j, c in enumerate(row.cells) if j != index and c != cell]
                if others:
                    swap = _rng(seed, f"{table.id}:{row.id}:{index}").choice(others)
                    yield QuizQuestion(
                        id=f"table-tf:{table.id}:{row.id}:{index}:false", kind="truefalse", topic=table.topic,
                        prompt=f"True or false: under {column}, the {row.label.lower()} is: {swap}.",
                        answer="false", quote=quote, facts=(table.id, row.id),
                    )


# -- facts, cloze, authored ----------------------------------------------------------
def fact_statements(pack: Pack, seed: str | int) -> Iterator[QuizQuestion]:
    for fact in pack.facts:
        yield QuizQuestion(
            id=f"fact:{fact.id}", kind="truefalse", topic=fact.topic, answer="true",
            prompt=f"True or false: {fact.statement}", quote=fact.quote,
            outlet=_outlet_name(pack, fact.outlet), facts=(fact.id,),
        )


BLANK = "_____"


def _blank(quote: str, word: str) -> str | None:
    pattern = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])", re.IGNORECASE)
    blanked, count = pattern.subn(BLANK, quote, count=1)
    return blanked if count else None


def cloze(pack: Pack, seed: str | int) -> Iterator[QuizQuestion]:
    """Fill in the blank in a verbatim quote: the outlet of a figure, a glossary term."""
    for f in pack.figures:
        name = _outlet_name(pack, f.outlet)
        text = _blank(f.quote, name) if name else None
        if text:
            yield QuizQuestion(
                id=f"cloze-outlet:{f.id}", kind="text", topic=f.topic, answer=name or "",
                prompt=f"Fill in the blank: “{text}”", quote=f.quote, outlet=name, facts=(f.id,),
            )
    for t in pack.terms:
        term = t.term.removeprefix("The ").removeprefix("the ")
        text = _blank(t.quote, term)
        if text:
            yield QuizQuestion(
                id=f"cloze-term:{t.id}", kind="text", topic=t.topic, answer=term, accepted=(t.term,),
                prompt=f"Fill in the blank: “{text}”", quote=t.quote, facts=(t.id,),
            )


def authored(pack: Pack, seed: str | int) -> Iterator[QuizQuestion]:
    for q in pack.questions:
        yield QuizQuestion(
            id=f"authored:{q.id}", kind=q.kind, prompt=q.prompt, topic=q.topic, answer=q.answer,
            choices=_choices(q.answer, _pool(q.choices), seed, q.id) if q.choices else (), tolerance=q.tolerance,
            quote=q.quote, outlet=_outlet_name(pack, q.outlet), facts=(q.id, *q.facts), authored=True,
        )


GENERATORS: tuple[Callable[[Pack, str | int], Iterator[QuizQuestion]], ...] = (
    figure_amounts, figure_numbers, figure_sources, figure_statements, term_definitions, list_items,
    table_matching, table_statements, fact_statements, cloze, authored,
)
