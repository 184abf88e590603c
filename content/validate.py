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
    BOUNDS,
    COLLECTIONS,
    FORMAT_VERSION,
    FORMAT_VERSIONS,
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
     "name", "detail", "term", "description", "row_header", "when", "explanation", "feedback",
     "scenario", "text", "left", "right", "category", "caption", "unit"}
)
#: Lists of strings that are written text (every number in them must be in the source).
_TEXT_LISTS = frozenset({"choices", "sequence", "categories", "misreadings", "accept"})
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


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
        self.version = FORMAT_VERSION
        self.quoted_ids: set[str] = set()  # records that carry a quote (what ``cites`` may name)

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
            if isinstance(version, int) and not isinstance(version, bool) and version not in FORMAT_VERSIONS:
                newer = "newer than this app understands" if version > FORMAT_VERSION else "unknown"
                readable = ", ".join(map(str, FORMAT_VERSIONS))
                self.report("pack.format_version", f"format version {version} is {newer} (this app reads {readable})")
            self.version = version if isinstance(version, int) else FORMAT_VERSION
            self.check_pack_meta(pack)
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
        if isinstance(entry.get("quote"), str) and entry["quote"] or collection == "quotes":
            self.quoted_ids.add(ident)

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
            for j, row in enumerate(rows if isinstance(rows, list) else []):
                cells = row.get("cells") if isinstance(row, dict) else None
                for c, cell in enumerate(cells if isinstance(cells, list) else []):
                    if isinstance(cell, str) and not cell.strip():
                        self.report(f"{key}.rows[{j}].cells", f"cell {c + 1} is empty (write what the article says)")
        if collection == "figures":
            amount = entry.get("amount")
            if isinstance(amount, int | float) and not isinstance(amount, bool) and amount < 0:
                self.report(f"{key}.amount", "must not be negative")
            bound = entry.get("bound")
            if isinstance(bound, str):
                if bound not in BOUNDS:
                    self.report(f"{key}.bound", f"unknown bound {bound!r} (expected one of: {', '.join(BOUNDS)})")
                elif entry.get("approximate") is True and bound not in ("about",):
                    self.report(f"{key}.bound", f"bound {bound!r} contradicts approximate = true "
                                                "(use bound = \"about\" or approximate = false)")
            groups = self.raw.get("charts")
            group = entry.get("chart_group")
            if isinstance(groups, list) and groups and isinstance(group, str):
                known = {g["id"] for g in groups if isinstance(g, dict) and isinstance(g.get("id"), str)}
                if group not in known:
                    self.report(f"{key}.chart_group", f"refers to unknown id {group!r} in [[charts]]")
        if collection == "facts":
            statement = entry.get("statement")
            misreadings = entry.get("misreadings")
            for m, text in enumerate(misreadings if isinstance(misreadings, list) else []):
                if isinstance(text, str) and (not text.strip() or text == statement):
                    self.report(f"{key}.misreadings", f"misreading {m + 1} must be a false version of the statement")
        if collection == "questions":
            self.check_question(key, entry)
        for name in ("title", "body", "label", "statement", "prompt", "term", "name"):
            value = entry.get(name)
            if isinstance(value, str) and not value.strip():
                self.report(f"{key}.{name}", "must not be empty")

    def check_pack_meta(self, pack: dict[str, Any]) -> None:
        date = pack.get("source_date")
        if isinstance(date, str) and not _DATE.fullmatch(date):
            self.report("pack.source_date", f"{date!r} is not a date written as YYYY-MM-DD")
        for name in ("title", "summary"):  # the number rule applies to the pack's own text too
            if self.source_numbers is not None and isinstance(pack.get(name), str):
                self.check_numbers(f"pack.{name}", pack[name])

    def check_question(self, key: str, entry: dict[str, Any]) -> None:
        kind, answer = entry.get("kind"), entry.get("answer")
        if not isinstance(kind, str):
            return
        if kind not in QUESTION_KINDS:
            self.report(f"{key}.kind", f"unknown kind {kind!r} (expected {', '.join(QUESTION_KINDS)})")
            return
        tolerance = entry.get("tolerance")
        if isinstance(tolerance, int | float) and not isinstance(tolerance, bool):
            if kind != "numeric":
                self.report(f"{key}.tolerance", f"only numeric questions take a tolerance (this one is {kind!r})")
            elif not 0 <= tolerance <= 1:
                self.report(f"{key}.tolerance", "tolerance is relative: 0.05 means ±5%")
        if self.version >= 3 and not (isinstance(entry.get("explanation"), str) and entry["explanation"].strip()):
            self.report(f"{key}.explanation", "every question needs an explanation: why the key is right")
        if not entry.get("quote") and not entry.get("cites"):
            self.report(f"{key}.quote", "give the verbatim quote that justifies the answer, or cite ids with cites")
        cites = entry.get("cites")
        for cited in cites if isinstance(cites, list) else []:
            if isinstance(cited, str) and cited in self.all_ids and cited not in self.quoted_ids:
                self.report(f"{key}.cites", f"{cited!r} has no quote to show (cite a record with a quote)")
        check = getattr(self, f"_check_{kind}", None)
        if check is not None:
            check(key, entry, answer)

    def _texts(self, entry: dict[str, Any], name: str, field: str) -> list[str]:
        """The string values of ``field`` in a nested array (wrong types are reported elsewhere)."""
        rows = entry.get(name)
        if not isinstance(rows, list):
            return []
        return [r[field] for r in rows if isinstance(r, dict) and isinstance(r.get(field), str)]

    def _need_answer(self, key: str, answer: Any) -> bool:
        if not isinstance(answer, str):
            self.report(f"{key}.answer", "missing required field")
            return False
        return True

    def _check_choice(self, key: str, entry: dict[str, Any], answer: Any) -> None:
        choices, options = entry.get("choices"), entry.get("options")
        if options is not None:
            texts = self._texts(entry, "options", "text")
            listed = options if isinstance(options, list) else []
            right = [r for r in listed if isinstance(r, dict) and r.get("correct") is True]
            if len(texts) < 2:
                self.report(f"{key}.options", "a choice question needs at least two options")
            elif len(set(texts)) != len(texts):
                self.report(f"{key}.options", "two options have the same text")
            elif len(right) != 1:
                self.report(f"{key}.options", f"exactly one option must have correct = true (found {len(right)})")
            if isinstance(answer, str) and answer not in texts:
                self.report(f"{key}.answer", f"must be one of the options: {', '.join(map(str, texts))}")
            return
        if not isinstance(choices, list) or len(choices) < 2:
            self.report(f"{key}.choices", "a choice question needs at least two choices")
        elif self._need_answer(key, answer) and answer not in choices and all(isinstance(c, str) for c in choices):
            self.report(f"{key}.answer", f"must be one of the choices: {', '.join(map(str, choices))}")

    def _check_scenario(self, key: str, entry: dict[str, Any], answer: Any) -> None:
        if not (isinstance(entry.get("scenario"), str) and entry["scenario"].strip()):
            self.report(f"{key}.scenario", "a scenario question needs the scenario text")
        self._check_choice(key, entry, answer)

    def _check_truefalse(self, key: str, entry: dict[str, Any], answer: Any) -> None:
        if self._need_answer(key, answer) and answer not in ("true", "false"):
            self.report(f"{key}.answer", "must be \"true\" or \"false\"")

    def _check_numeric(self, key: str, entry: dict[str, Any], answer: Any) -> None:
        if self._need_answer(key, answer):
            try:
                float(answer)
            except ValueError:
                self.report(f"{key}.answer", f"numeric answer {answer!r} is not a number")

    def _check_text(self, key: str, entry: dict[str, Any], answer: Any) -> None:
        self._need_answer(key, answer)

    def _check_multi(self, key: str, entry: dict[str, Any], answer: Any) -> None:
        raw_options = entry.get("options")
        options = [r for r in raw_options if isinstance(r, dict)] if isinstance(raw_options, list) else []
        right = sum(r.get("correct") is True for r in options)
        if len(options) < 3:
            self.report(f"{key}.options", "a select-all question needs at least three options")
        elif right == 0 or right == len(options):
            self.report(f"{key}.options", "mark some options correct = true and leave at least one false")
        texts = self._texts(entry, "options", "text")
        if len(set(texts)) != len(texts):
            self.report(f"{key}.options", "two options have the same text")

    def _check_order(self, key: str, entry: dict[str, Any], answer: Any) -> None:
        raw = entry.get("sequence")
        sequence = [s for s in raw if isinstance(s, str)] if isinstance(raw, list) else []
        if len(sequence) < 3:
            self.report(f"{key}.sequence", "an ordering question needs at least three items, in the right order")
        elif len(set(sequence)) != len(sequence):
            self.report(f"{key}.sequence", "two items have the same text")

    def _check_classify(self, key: str, entry: dict[str, Any], answer: Any) -> None:
        raw_categories = entry.get("categories")
        categories = [c for c in raw_categories if isinstance(c, str)] if isinstance(raw_categories, list) else []
        if len(set(categories)) < 2:
            self.report(f"{key}.categories", "a classification needs at least two different categories")
            return
        raw = entry.get("statements")
        statements = [r for r in raw if isinstance(r, dict)] if isinstance(raw, list) else []
        if len(statements) < 2:
            self.report(f"{key}.statements", "a classification needs at least two statements")
        texts = self._texts(entry, "statements", "text")
        if len(set(texts)) != len(texts):
            self.report(f"{key}.statements", "two statements have the same text")
        for j, row in enumerate(statements):
            if isinstance(row.get("category"), str) and row["category"] not in categories:
                self.report(f"{key}.statements[{j}].category",
                            f"{row['category']!r} is not one of the categories: {', '.join(map(str, categories))}")

    def _check_matching(self, key: str, entry: dict[str, Any], answer: Any) -> None:
        raw = entry.get("pairs")
        pairs = [r for r in raw if isinstance(r, dict)] if isinstance(raw, list) else []
        if len(pairs) < 2:
            self.report(f"{key}.pairs", "a matching question needs at least two pairs")
        for side in ("left", "right"):
            texts = self._texts(entry, "pairs", side)
            if len(set(texts)) != len(texts):
                self.report(f"{key}.pairs", f"two pairs have the same {side} side (each must be matched once)")

    def check_source(self, key: str, entry: dict[str, Any], spec: dict[str, Field]) -> None:
        if self.source is None:
            return
        for name, field in spec.items():
            value = entry.get(name)
            if field.quote and not _type_problem(value, field):
                for text in value if isinstance(value, list) else [value]:
                    if text and not self.occurs(text):
                        self.report(f"{key}.{name}", f"quote does not occur verbatim in the source: {text!r}")
            if name in _TEXT_FIELDS or field.type == "list[str]" and name in _TEXT_LISTS:
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
