"""Edit one record of a pack (a figure, term, quote, fact or hand-written question) in its ``pack.toml``.

The in-app editor changes a few fields of one record: a wrong figure, a
clumsy prompt. The change is written into the author's file with tomlkit
(:mod:`content.toml_edit` parses it), key by key inside the record's table,
so every comment, blank line and key order in the file stays as it was, and
the record keeps its id: progress refers to ``(pack id, record id)`` and is
kept. Whether the result is a valid pack is the validator's word, the same
as for an import: :func:`check` runs it on the edited text and files each
problem under the field it is about, so the form can show it beside that
field while the person types.

Only plain fields are edited here (one line, a paragraph, a number, a
yes/no, a list of strings, one a line); ids, references and a question's
options stay in the file. Qt-free; nothing is written to disk here.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import tomlkit
from tomlkit.items import AoT

from content.problems import Problem
from content.schema import COLLECTIONS, Field
from content.toml_edit import parse
from content.validate import validate

#: The fields the editor offers, per collection, in the order of the form.
EDITABLE: dict[str, tuple[str, ...]] = {
    "figures": ("label", "amount", "unit", "approximate", "bound", "year", "quote"),
    "terms": ("term", "definition", "accept", "category", "quote"),
    "quotes": ("text",),
    "facts": ("statement", "misreadings", "quote"),
    "questions": ("prompt", "scenario", "answer", "accept", "unit", "tolerance", "explanation", "quote"),
}
#: What the form calls each collection's record.
NOUNS = {"figures": "figure", "terms": "term", "quotes": "quote", "facts": "fact", "questions": "question"}
#: Problems that are not about one field of the record (another record, the pack as a whole).
ELSEWHERE = ""


class EditError(ValueError):
    """The record cannot be edited this way (no such record, a field the editor does not offer, a bad value)."""


@dataclass(frozen=True)
class EditableField:
    name: str
    field: Field

    @property
    def required(self) -> bool:
        return self.field.required

    @property
    def kind(self) -> str:
        """How the form shows it: "line", "paragraph", "number", "integer", "bool" or "lines" (a list)."""
        if self.field.type == "str":
            return "paragraph" if self.field.long else "line"
        return {"number": "number", "int": "integer", "bool": "bool", "list[str]": "lines"}[self.field.type]


def fields_of(collection: str) -> list[EditableField]:
    if collection not in EDITABLE:
        raise EditError(f"{collection!r} records cannot be edited in the app")
    return [EditableField(name, COLLECTIONS[collection][name]) for name in EDITABLE[collection]]


def _index(raw: Mapping[str, Any], collection: str, record_id: str) -> int:
    for n, entry in enumerate(raw.get(collection, [])):
        if isinstance(entry, Mapping) and entry.get("id") == record_id:
            return n
    raise EditError(f"the pack has no {NOUNS.get(collection, collection)} {record_id!r}")


def values(toml_text: str, collection: str, record_id: str) -> dict[str, Any]:
    """The record's editable fields as the file has them (a field the record leaves out is missing)."""
    fields_of(collection)
    raw = tomllib.loads(toml_text)
    entry = raw[collection][_index(raw, collection, record_id)]
    return {name: entry[name] for name in EDITABLE[collection] if name in entry}


def parse_value(field: EditableField, text: str) -> Any:
    """The TOML value for what the person typed in the form (None: leave the optional field out).

    Raises :class:`EditError` with a message for the field when the text is not such a value.
    """
    kind = field.kind
    if kind == "lines":
        items = [line.strip() for line in text.splitlines() if line.strip()]
        return items or None
    if kind == "paragraph":
        cleaned = "\n".join(line.rstrip() for line in text.strip().splitlines())
        return cleaned or None
    stripped = text.strip()
    if not stripped:
        return None
    if kind == "line":
        return stripped
    if kind == "integer":
        if not re.fullmatch(r"[+-]?\d{1,18}", stripped.replace(",", "")):
            raise EditError("a whole number, e.g. 2040")
        return int(stripped.replace(",", ""))
    if kind == "number":
        try:
            number = float(stripped.replace(",", ""))
        except ValueError:
            raise EditError("a number, e.g. 2.5 or 100") from None
        if not math.isfinite(number):
            raise EditError("a finite number")
        return int(number) if number.is_integer() and abs(number) < 2**53 else number
    if kind == "bool":
        return stripped.casefold() in ("true", "yes", "1")
    raise EditError(f"cannot edit a {kind}")  # pragma: no cover - every kind is handled above


def edited(toml_text: str, collection: str, record_id: str, changes: Mapping[str, Any]) -> str:
    """``toml_text`` with the record's fields set to ``changes`` (None removes an optional field).

    Only the changed keys are rewritten, in place (a trailing comment on the
    line stays); a field the record did not have is added to its table; every
    other byte of the file is kept.
    """
    allowed = set(EDITABLE.get(collection, ()))
    unknown = sorted(set(changes) - allowed)
    if unknown:
        raise EditError(f"{', '.join(unknown)} cannot be edited in the app")
    doc = parse(toml_text)
    tables = doc.get(collection)
    if not isinstance(tables, AoT):
        raise EditError(f"the pack has no [[{collection}]]")
    table = next((t for t in tables if t.get("id") == record_id), None)
    if table is None:
        raise EditError(f"the pack has no {NOUNS[collection]} {record_id!r}")
    for name, value in changes.items():
        if value is None:
            if name in table:
                del table[name]
        elif isinstance(value, str) and "\n" in value:
            table[name] = tomlkit.string(value, multiline=True)
        elif table.get(name) == value:
            continue  # unchanged: its text (and how it was written) stays
        else:
            table[name] = value
    return tomlkit.dumps(doc)


def applied(raw: Mapping[str, Any], collection: str, record_id: str, changes: Mapping[str, Any]) -> dict[str, Any]:
    """The parsed pack with ``changes`` made to one record: what :func:`edited`'s text parses to.

    Built from the parsed tables (only the record and its collection's list are
    copied), so a check while the person types costs a validation, not a
    tomlkit round trip of the whole file (seconds for a pack of thousands).
    """
    index = _index(raw, collection, record_id)
    record = dict(raw[collection][index])
    for name, value in changes.items():
        if value is None:
            record.pop(name, None)
        else:
            record[name] = value
    records = list(raw[collection])
    records[index] = record
    return {**raw, collection: records}


def check(raw: Mapping[str, Any], toml_text: str, file: str, source: str | None, collection: str,
          record_id: str, changes: Mapping[str, Any]) -> dict[str, list[str]]:
    """Every problem of the pack with ``changes`` made, filed under the record's field it is about.

    ``raw`` is the pack's parsed ``toml_text`` (whose lines locate problems in
    other records); problems not about one field of the record are filed under
    :data:`ELSEWHERE`.
    """
    unknown = sorted(set(changes) - set(EDITABLE.get(collection, ())))
    if unknown:
        raise EditError(f"{', '.join(unknown)} cannot be edited in the app")
    index = _index(raw, collection, record_id)
    new = applied(raw, collection, record_id, changes)
    return by_field(validate(new, toml_text, file, source), f"{collection}[{index}]")


def by_field(problems: list[Problem], record_key: str) -> dict[str, list[str]]:
    """Problems grouped by the record's field their key names; others (another record) under ELSEWHERE."""
    grouped: dict[str, list[str]] = {}
    for problem in problems:
        field = ELSEWHERE
        if problem.key.startswith(record_key + "."):
            field = re.split(r"[.\[]", problem.key[len(record_key) + 1:], maxsplit=1)[0]
        elif problem.key != record_key:
            grouped.setdefault(ELSEWHERE, []).append(str(problem))
            continue
        grouped.setdefault(field, []).append(problem.message)
    return grouped
