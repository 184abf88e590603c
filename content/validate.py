"""Check a parsed pack against :mod:`content.schema`, collecting every problem.

The validator never stops at the first error: an author fixing a pack wants
the whole list in one go. It also enforces the product's promise that
nothing is invented: every quote must occur verbatim in the source text, and
every number written anywhere in the pack must occur in that text as well.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from content.locate import index_lines, line_of
from content.problems import Problem
from content.schema import (
    COLLECTIONS,
    FORMAT_VERSION,
    NESTED,
    PACK,
    QUESTION_KINDS,
    REQUIRED_COLLECTIONS,
    Field,
)

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_TEXT_FIELDS = frozenset(
    {"title", "body", "label", "statement", "definition", "prompt", "answer", "summary",
     "name", "detail", "term", "description", "row_header", "when"}
)


def normalise_space(text: str) -> str:
    """Collapse runs of whitespace so a quote may wrap across TOML lines."""
    return " ".join(text.split())


def numbers_in(text: str) -> set[str]:
    """Numbers as written (``2.3``, ``2040``), ignoring thousands separators."""
    return {_canonical(n) for n in _NUMBER.findall(text)}


def _canonical(number: str) -> str:
    number = number.replace(",", "")
    try:
        return f"{float(number):g}"
    except ValueError:  # pragma: no cover - regex only yields digits
        return number


class _Checker:
    def __init__(self, raw: dict[str, Any], toml_text: str, file: str, source: str | None):
        self.raw = raw
        self.file = file
        self.toml_text = toml_text
        self._lines: dict[str, int] | None = None  # indexed only if something is wrong
        self.source = normalise_space(source) if source is not None else None
        # Most quotes are whole sentences: a set lookup spares a substring scan
        # of the whole source for each of them (large packs quote thousands).
        self.sentences = set(_SENTENCE_END.split(self.source)) if self.source is not None else set()
        self.source_numbers = numbers_in(source) if source is not None else None
        self.problems: list[Problem] = []
        self.ids: dict[str, dict[str, str]] = {}  # collection -> id -> key path
        self.all_ids: dict[str, str] = {}

    def report(self, key: str, message: str) -> None:
        if self._lines is None:
            self._lines = index_lines(self.toml_text)
        self.problems.append(Problem(self.file, line_of(self._lines, key), key, message))

    # -- structure ---------------------------------------------------------
    def run(self) -> list[Problem]:
        known = {"pack", *COLLECTIONS}
        for name in self.raw:
            if name not in known:
                self.report(name, f"unknown top-level key (expected one of: {', '.join(sorted(known))})")
        pack = self.raw.get("pack")
        if not isinstance(pack, dict):
            self.report("pack", "missing [pack] table with id, title, language, format_version")
        else:
            self.check_fields("pack", pack, PACK)
            version = pack.get("format_version")
            if isinstance(version, int) and not isinstance(version, bool) and version != FORMAT_VERSION:
                newer = "newer than this app understands" if version > FORMAT_VERSION else "unknown"
                self.report("pack.format_version", f"format version {version} is {newer} (expected {FORMAT_VERSION})")
        for name in REQUIRED_COLLECTIONS:
            if not self.raw.get(name):
                self.report(name, f"the pack needs at least one [[{name}]] entry")
        entries = list(self.entries())
        for key, collection, entry, spec in entries:
            self.check_fields(key, entry, spec)
            self.register_id(key, collection, entry)
        for key, collection, entry, spec in entries:
            self.check_refs(key, entry, spec)
            self.check_semantics(key, collection, entry)
            self.check_source(key, entry, spec)
        return self.problems

    def entries(self) -> Iterator[tuple[str, str, dict[str, Any], dict[str, Field]]]:
        """Yield (key path, collection, entry, spec) for every entry, nested ones too."""
        for collection, spec in COLLECTIONS.items():
            value = self.raw.get(collection, [])
            if not isinstance(value, list):
                self.report(collection, f"must be an array of tables ([[{collection}]])")
                continue
            for i, entry in enumerate(value):
                key = f"{collection}[{i}]"
                if not isinstance(entry, dict):
                    self.report(key, "must be a table")
                    continue
                yield key, collection, entry, spec
                for (parent, child), child_spec in NESTED.items():
                    if parent != collection:
                        continue
                    rows = entry.get(child)
                    if rows is None:
                        continue
                    if not isinstance(rows, list):
                        continue  # reported as a type error by check_fields
                    for j, row in enumerate(rows):
                        row_key = f"{key}.{child}[{j}]"
                        if not isinstance(row, dict):
                            self.report(row_key, "must be a table")
                            continue
                        yield row_key, f"{collection}.{child}", row, child_spec

    def check_fields(self, key: str, entry: dict[str, Any], spec: dict[str, Field]) -> None:
        for name in entry:
            if name not in spec:
                self.report(f"{key}.{name}", f"unknown field (allowed: {', '.join(spec)})")
        for name, field in spec.items():
            if name not in entry:
                if field.required:
                    self.report(f"{key}.{name}", "missing required field")
                continue
            problem = _type_problem(entry[name], field)
            if problem:
                self.report(f"{key}.{name}", problem)

    def register_id(self, key: str, collection: str, entry: dict[str, Any]) -> None:
        ident = entry.get("id")
        if not isinstance(ident, str):
            return
        if not ID_PATTERN.match(ident):
            self.report(f"{key}.id", f"id {ident!r} must be lower-case letters, digits and '-' (max 64)")
        if ident in self.all_ids:
            self.report(f"{key}.id", f"duplicate id {ident!r} (first used at {self.all_ids[ident]})")
            return
        self.all_ids[ident] = key
        self.ids.setdefault(collection, {})[ident] = key

    def check_refs(self, key: str, entry: dict[str, Any], spec: dict[str, Field]) -> None:
        for name, field in spec.items():
            if field.ref is None or name not in entry or _type_problem(entry[name], field):
                continue
            targets = entry[name] if isinstance(entry[name], list) else [entry[name]]
            pool = self.all_ids if field.ref == "*" else self.ids.get(field.ref, {})
            for target in targets:
                if target not in pool:
                    where = "in this pack" if field.ref == "*" else f"in [[{field.ref}]]"
                    self.report(f"{key}.{name}", f"refers to unknown id {target!r} {where}")

    def check_semantics(self, key: str, collection: str, entry: dict[str, Any]) -> None:
        if collection == "tables":
            columns = entry.get("columns")
            rows = entry.get("rows")
            for j, row in enumerate(rows if isinstance(rows, list) else []):
                cells = row.get("cells") if isinstance(row, dict) else None
                if isinstance(columns, list) and isinstance(cells, list) and len(cells) != len(columns):
                    self.report(f"{key}.rows[{j}].cells", f"has {len(cells)} cells for {len(columns)} columns")
        if collection == "figures":
            amount = entry.get("amount")
            if isinstance(amount, int | float) and not isinstance(amount, bool) and amount < 0:
                self.report(f"{key}.amount", "must not be negative")
        if collection == "questions":
            self.check_question(key, entry)
        for name in ("title", "body", "label", "statement", "prompt", "term", "name"):
            value = entry.get(name)
            if isinstance(value, str) and not value.strip():
                self.report(f"{key}.{name}", "must not be empty")

    def check_question(self, key: str, entry: dict[str, Any]) -> None:
        kind, answer, choices = entry.get("kind"), entry.get("answer"), entry.get("choices")
        if not isinstance(kind, str):
            return
        if kind not in QUESTION_KINDS:
            self.report(f"{key}.kind", f"unknown kind {kind!r} (expected {', '.join(QUESTION_KINDS)})")
        elif kind == "choice":
            if not isinstance(choices, list) or len(choices) < 2:
                self.report(f"{key}.choices", "a choice question needs at least two choices")
            elif answer not in choices:
                self.report(f"{key}.answer", "must be one of the choices")
        elif kind == "truefalse" and answer not in ("true", "false"):
            self.report(f"{key}.answer", "must be \"true\" or \"false\"")
        elif kind == "numeric" and isinstance(answer, str):
            try:
                float(answer)
            except ValueError:
                self.report(f"{key}.answer", f"numeric answer {answer!r} is not a number")

    def check_source(self, key: str, entry: dict[str, Any], spec: dict[str, Field]) -> None:
        if self.source is None:
            return
        for name, field in spec.items():
            value = entry.get(name)
            if field.quote and not _type_problem(value, field):
                for text in value if isinstance(value, list) else [value]:
                    if text and not self.occurs(text):
                        self.report(f"{key}.{name}", f"quote does not occur verbatim in the source: {text!r}")
            if name in _TEXT_FIELDS or field.type == "list[str]" and name == "choices":
                self.check_numbers(f"{key}.{name}", value)
        for name in ("amount", "year"):
            value = entry.get(name)
            if isinstance(value, int | float) and not isinstance(value, bool):
                self.check_numbers(f"{key}.{name}", f"{value:g}")

    def occurs(self, quote: str) -> bool:
        assert self.source is not None
        quote = normalise_space(quote)
        return quote in self.sentences or quote in self.source

    def check_numbers(self, key: str, value: Any) -> None:
        assert self.source_numbers is not None
        texts = value if isinstance(value, list) else [value]
        for text in texts:
            if not isinstance(text, str):
                continue
            missing = sorted(numbers_in(text) - self.source_numbers)
            if missing:
                self.report(key, f"number(s) {', '.join(missing)} do not occur in the source text")


def _type_problem(value: Any, field: Field) -> str | None:
    expected = field.type
    if expected == "str":
        ok = isinstance(value, str)
    elif expected == "int":
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif expected == "number":
        ok = isinstance(value, int | float) and not isinstance(value, bool)
    elif expected == "bool":
        ok = isinstance(value, bool)
    elif expected == "list[str]":
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
    elif expected == "table":
        ok = isinstance(value, list) and all(isinstance(v, dict) for v in value)
    else:  # pragma: no cover - schema typo
        raise ValueError(expected)
    if ok:
        return None
    names = {"str": "a string", "int": "an integer", "number": "a number", "bool": "true or false",
             "list[str]": "a list of strings", "table": "an array of tables"}
    return f"expected {names[expected]}, got {type(value).__name__} {value!r}"[:200]


def validate(raw: dict[str, Any], toml_text: str, file: str, source: str | None) -> list[Problem]:
    """Return every problem in ``raw`` (empty when the pack is valid)."""
    return _Checker(raw, toml_text, file, source).run()
