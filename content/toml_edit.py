"""Edit an array of tables in ``pack.toml`` by id, keeping the author's comments and layout.

A pack is a file people write by hand: comments explain choices, blank lines
group records, keys follow an order the author likes. Rewriting it from the
parsed data (``tomllib`` + a writer) would throw all of that away, so changes
made by the app (questions imported from another tool, later the in-app
editor) go through tomlkit, which edits the document itself: everything not
touched stays byte for byte as it was.

One subtlety: tomlkit keeps the comments and blank lines that follow a table
*inside* that table, so a comment written above the next collection
(``# Glossary`` before ``[[terms]]``) belongs to the last table before it. A
table appended after that one would push the comment away from what it
describes; :func:`upsert_tables` moves such trailing lines to the end of what
it inserts, so they stay above the collection they were written for.

Qt-free and free of any pack rule: the caller validates the result.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import tomlkit
from tomlkit.items import AoT, Comment, Table, Whitespace
from tomlkit.toml_document import TOMLDocument


class TomlEditError(ValueError):
    """The document cannot be edited this way (not TOML, or the array is not an array of tables)."""


def parse(text: str) -> TOMLDocument:
    try:
        return tomlkit.parse(text)
    except Exception as exc:  # tomlkit raises its own ParseError and, for odd input, plain ValueErrors
        raise TomlEditError(f"not valid TOML: {exc}") from None


def array_ids(text: str, array: str) -> list[str]:
    """The ``id`` of every table in ``[[array]]`` (tables without a string id are skipped)."""
    found = parse(text).get(array)
    if not isinstance(found, AoT | list):
        return []
    return [str(t["id"]) for t in found if isinstance(t, Mapping) and isinstance(t.get("id"), str)]


def upsert_tables(text: str, array: str, records: Iterable[Mapping[str, Any]]) -> str:
    """``text`` with each record written as a table of ``[[array]]``.

    A record whose ``id`` is already in the array replaces that table where it
    stands; the others are appended after the array's last table (or, when the
    document has no such array yet, at its end). Nested lists of tables in a
    record (a question's options) become ``[[array.options]]`` tables. Every
    other line of the document is kept as it was.
    """
    doc = parse(text)
    existing = doc.get(array)
    if existing is None:
        existing = tomlkit.aot()
        doc.append(array, existing)
        if len(doc.body) > 1:  # a blank line between what was there and the new collection
            existing_trivia = doc.body[-2][1]
            if not existing_trivia.as_string().endswith("\n\n") and not isinstance(existing_trivia, Whitespace):
                doc.body.insert(len(doc.body) - 1, (None, Whitespace("\n")))
    if not isinstance(existing, AoT):
        raise TomlEditError(f"{array!r} is not an array of tables ([[{array}]])")
    where = {str(t.get("id")): i for i, t in enumerate(existing) if isinstance(t.get("id"), str)}
    for record in records:
        table = _table(record)
        index = where.get(str(record.get("id")))
        if index is not None:
            kept = _detach_trailing(existing[index])
            existing[index] = table
            _attach(existing[index], kept)
            continue
        trailing: list[Whitespace | Comment] = []
        if len(existing):
            trailing = _detach_trailing(existing[-1]) or [Whitespace("\n")]
            _attach(existing[-1], [Whitespace("\n")])  # a blank line between it and the new table
        existing.append(table)
        _attach(existing[-1], trailing)
        where[str(record.get("id"))] = len(existing) - 1
    return tomlkit.dumps(doc)


def _table(record: Mapping[str, Any]) -> Table:
    """A TOML table for ``record``: plain values as keys, lists of mappings as nested arrays of tables."""
    table = tomlkit.table()
    nested: list[tuple[str, list[Mapping[str, Any]]]] = []
    for key, value in record.items():
        if value is None:
            continue
        if isinstance(value, list | tuple) and value and all(isinstance(v, Mapping) for v in value):
            nested.append((key, list(value)))
        elif isinstance(value, str) and "\n" in value and "\r" not in value:  # TOML reads CR LF as LF there
            table.add(key, tomlkit.string(value, multiline=True))
        else:
            table.add(key, list(value) if isinstance(value, tuple) else value)
    for key, rows in nested:  # arrays of tables come after the plain keys, as TOML requires
        aot = tomlkit.aot()
        for row in rows:
            aot.append(_table(row))
        table.add(key, aot)
    return table


def _deepest(table: Table) -> Table:
    """The table whose body holds the lines written after ``table`` (its last nested table, if any)."""
    while table.value.body:
        key, last = table.value.body[-1]
        index = len(table.value.body) - 1
        while isinstance(last, Whitespace | Comment) and index > 0:
            index -= 1
            key, last = table.value.body[index]
        if isinstance(last, AoT) and len(last):
            table = last[-1]
        elif isinstance(last, Table):
            table = last
        else:
            break
    return table


def _detach_trailing(table: Table) -> list[Whitespace | Comment]:
    """Remove and return the blank lines and comments at the end of ``table`` (they precede what follows it)."""
    body = _deepest(table).value.body
    trailing: list[Whitespace | Comment] = []
    while body and body[-1][0] is None and isinstance(body[-1][1], Whitespace | Comment):
        item = body.pop()[1]
        assert isinstance(item, Whitespace | Comment)
        trailing.insert(0, item)
    return trailing


def _attach(table: Table, trailing: list[Whitespace | Comment]) -> None:
    body = _deepest(table).value.body
    for item in trailing:
        body.append((None, item))
