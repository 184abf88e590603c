"""The briefing-pack schema, as data, so docs, validator and tests agree.

Each collection maps field name → :class:`Field`. ``ref`` names the
collection a field must point into (dangling references are errors);
``quote`` marks text that must occur verbatim in the pack's source; ``long``
marks paragraphs (bodies, quotes, prompts), every other string is one line
(titles, labels, names) with the stricter rules of :mod:`content.characters`.
"""

from __future__ import annotations

from dataclasses import dataclass

#: The format this app writes and documents. Packs of earlier versions keep loading:
#: version 2 was never released separately, and version 3 adds optional fields and
#: collections, so a version 1 pack is a valid version 3 pack.
FORMAT_VERSION = 3
FORMAT_VERSIONS = (1, 2, 3)
QUESTION_KINDS = ("choice", "truefalse", "numeric", "text", "multi", "order", "classify", "matching", "scenario")
#: How the article states a figure: an exact amount, an approximation, or a bound.
BOUNDS = ("exact", "about", "at least", "more than", "less than", "up to")


@dataclass(frozen=True)
class Field:
    type: str  # "str" | "int" | "number" | "bool" | "list[str]" | "table"
    required: bool = True
    ref: str | None = None  # collection name, or "*" for any id in the pack
    quote: bool = False  # must occur verbatim in the source text
    long: bool = False  # paragraph text (else one line: see content.characters)


def _f(type_: str, required: bool = True, **kw: object) -> Field:
    return Field(type_, required, **kw)  # type: ignore[arg-type]


def _long(type_: str = "str", required: bool = True, **kw: object) -> Field:
    return Field(type_, required, long=True, **kw)  # type: ignore[arg-type]


PACK = {
    "id": _f("str"),
    "title": _f("str"),
    "language": _f("str"),
    "format_version": _f("int"),
    "source_title": _f("str"),
    "source_file": _f("str", False),
    "summary": _long("str", False),
    "source_publisher": _f("str", False),
    "source_url": _f("str", False),
    "source_date": _f("str", False),  # YYYY-MM-DD, the article's publication date
}

COLLECTIONS: dict[str, dict[str, Field]] = {
    "outlets": {"id": _f("str"), "name": _f("str"), "description": _long("str", False)},
    "topics": {"id": _f("str"), "title": _f("str")},
    "charts": {"id": _f("str"), "title": _f("str"), "caption": _long("str", False)},
    "quotes": {
        "id": _f("str"),
        "text": _long("str", quote=True),
        "outlet": _f("str", False, ref="outlets"),
        "topic": _f("str", False, ref="topics"),
    },
    "sections": {
        "id": _f("str"),
        "title": _f("str"),
        "body": _long("str"),
        "topic": _f("str", ref="topics"),
        "figures": _f("list[str]", False, ref="figures"),
        "quote": _long("str", False, quote=True),
    },
    "figures": {
        "id": _f("str"),
        "label": _f("str"),
        "amount": _f("number"),
        "unit": _f("str"),
        "approximate": _f("bool"),
        "bound": _f("str", False),
        "year": _f("int", False),
        "outlet": _f("str", False, ref="outlets"),
        "quote": _long("str", quote=True),
        "chart_group": _f("str"),
        "topic": _f("str", ref="topics"),
    },
    "tables": {
        "id": _f("str"),
        "title": _f("str"),
        "row_header": _f("str"),
        "columns": _f("list[str]", quote=True),
        "topic": _f("str", ref="topics"),
        "quote": _long("str", False, quote=True),
        "compares": _f("bool", False),
        "rows": _f("table"),
    },
    "lists": {
        "id": _f("str"),
        "title": _f("str"),
        "topic": _f("str", ref="topics"),
        "quote": _long("str", False, quote=True),
        "items": _f("table"),
    },
    "terms": {
        "id": _f("str"),
        "term": _f("str"),
        "definition": _long("str"),
        "quote": _long("str", quote=True),
        "topic": _f("str", ref="topics"),
        "category": _f("str", False),
        "accept": _f("list[str]", False),
    },
    "facts": {
        "id": _f("str"),
        "statement": _long("str"),
        "quote": _long("str", quote=True),
        "topic": _f("str", ref="topics"),
        "outlet": _f("str", False, ref="outlets"),
        "misreadings": _long("list[str]", False),
    },
    "milestones": {
        "id": _f("str"),
        "label": _f("str"),
        "when": _f("str"),
        "year": _f("int", False),
        "order": _f("int", False),
        "happened": _f("bool", False),
        "quote": _long("str", quote=True),
        "topic": _f("str", ref="topics"),
    },
    "questions": {
        "id": _f("str"),
        "kind": _f("str"),
        "prompt": _long("str"),
        "scenario": _long("str", False),
        "answer": _long("str", False),
        "choices": _long("list[str]", False),
        "options": _f("table", False),
        "sequence": _long("list[str]", False),
        "categories": _f("list[str]", False),
        "statements": _f("table", False),
        "pairs": _f("table", False),
        "accept": _long("list[str]", False),
        "unit": _f("str", False),
        "tolerance": _f("number", False),
        "explanation": _long("str", False),
        "cites": _f("list[str]", False, ref="*"),
        "quote": _long("str", False, quote=True),
        "topic": _f("str", ref="topics"),
        "outlet": _f("str", False, ref="outlets"),
        "facts": _f("list[str]", False, ref="*"),
        # Where a question imported from another tool came from ("bank.gift (GIFT)"): such a question was
        # not written from the article, so it needs no quote (File → Import questions…).
        "imported_from": _f("str", False),
    },
}

#: Nested arrays of tables: ``[[tables.rows]]``, ``[[lists.items]]`` and a question's parts.
NESTED: dict[tuple[str, str], dict[str, Field]] = {
    ("tables", "rows"): {
        "id": _f("str"),
        "label": _f("str", quote=True),
        "cells": _long("list[str]", quote=True),
    },
    ("lists", "items"): {
        "id": _f("str"),
        "name": _f("str"),
        "detail": _long("str", False),
        "quote": _long("str", quote=True),
    },
    ("questions", "options"): {
        "text": _long("str"),
        "correct": _f("bool", False),
        "feedback": _long("str", False),
    },
    ("questions", "statements"): {
        "text": _long("str"),
        "category": _f("str"),
        "feedback": _long("str", False),
    },
    ("questions", "pairs"): {
        "left": _long("str"),
        "right": _long("str"),
    },
}

#: Collections a pack must have at least one of to be worth reading.
REQUIRED_COLLECTIONS = ("topics", "sections")
