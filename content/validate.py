"""Check a parsed pack against :mod:`content.schema`, collecting every problem.

The validator never stops at the first error: an author fixing a pack wants
the whole list in one go (up to :data:`~content.limits.MAX_PROBLEMS`; the rest
are counted). It also enforces the product's promise that nothing is
invented: every quote must occur verbatim in the source text, and every number
written anywhere in the pack must occur in that text as well.

A pack is untrusted input, so every value is also held to
:mod:`content.limits` and :mod:`content.characters` before anything else
looks at it: a pack that passes cannot overflow SQLite, break a chart or
freeze a label. Checks that depend on a value (references, quotes, numbers in
the source) skip values that already have a problem.
"""

from __future__ import annotations

import math
import re
import reprlib
from collections.abc import Iterator
from typing import Any

from content import numerals
from content.characters import text_problem
from content.limits import (
    ID_PATTERN,
    MAX_AMOUNT,
    MAX_BRIEFING_TEXT_CHARS,
    MAX_ENTRIES,
    MAX_ID_CHARS,
    MAX_LIST_ITEMS,
    MAX_NESTING,
    MAX_PROBLEMS,
    MAX_RECORDS,
    MAX_SECTION_FIGURES,
    MAX_TABLE_COLUMNS,
    MAX_TOLERANCE,
    MAX_YEAR,
    MIN_POSITIVE_AMOUNT,
    MIN_YEAR,
    SOURCE_NAME_PATTERN,
)
from content.locate import index_lines, line_of
from content.phrases import QT_TRANSLATE_NOOP
from content.problems import Problem
from content.quotes import difference
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

_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+|(?<=[。！？])\s*")  # Japanese and Chinese need no space after a full stop


def sentences(text: str) -> list[str]:
    """``text`` split where its sentences end (a colon before a list or table ends one too): what a quote
    may be, and where the question generator looks for the sentence that says what a table shows."""
    return _SENTENCE_END.split(text)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_TEXT_FIELDS = frozenset(
    {"title", "body", "label", "statement", "definition", "prompt", "answer", "summary",
     "name", "detail", "term", "description", "row_header", "when", "explanation", "feedback",
     "scenario", "text", "left", "right", "category", "caption", "unit"}
)
#: Lists of strings that are written text (every number in them must be in the source).
_TEXT_LISTS = frozenset({"choices", "sequence", "categories", "misreadings", "accept"})
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
#: Fields the briefing page lays out as text all at once (see MAX_BRIEFING_TEXT_CHARS).
BRIEFING_TEXT = {
    "pack": ("title", "summary", "source_title"), "sections": ("title", "body"),
    "tables": ("title", "row_header", "columns"), "tables.rows": ("label", "cells"), "lists": ("title",),
    "lists.items": ("name", "detail"), "terms": ("term", "definition"), "milestones": ("label", "when"),
    "outlets": ("name", "description"),
}
#: Nesting the format itself uses: pack → [[tables]] → table → [[tables.rows]] → row → cells.
FORMAT_NESTING = 6
_MAX_KEY_CHARS = 120
#: The most common problems, as templates the interface translates (Problem.template; content.problems).
MISSING = QT_TRANSLATE_NOOP("content.validate", "missing required field")
NOT_EMPTY = QT_TRANSLATE_NOOP("content.validate", "must not be empty")
UNKNOWN_FIELD = QT_TRANSLATE_NOOP("content.validate", "unknown field (allowed: {allowed})")
DUPLICATE_ID = QT_TRANSLATE_NOOP("content.validate", "duplicate id {ident} (first used at {first})")
UNKNOWN_ID = QT_TRANSLATE_NOOP("content.validate", "refers to unknown id {target} in [[{collection}]]")
UNKNOWN_ID_ANYWHERE = QT_TRANSLATE_NOOP("content.validate", "refers to unknown id {target} in this pack")
_TEMPLATES = frozenset({MISSING, NOT_EMPTY})  # the templates without fields
_SMALLEST = f"{MIN_POSITIVE_AMOUNT:f}".rstrip("0")  # 0.000001
_LARGEST = f"{MAX_AMOUNT:,.0f}"  # 1,000,000,000,000,000
_shown = reprlib.Repr()
_shown.maxstring = 100
_shown.maxother = _shown.maxlong = 60
_shown.maxlist = _shown.maxdict = _shown.maxtuple = 4
_shown.maxlevel = 2


def shown(value: Any) -> str:
    """A value as a problem message quotes it: short, whatever the pack holds."""
    return _shown.repr(value)


def nesting_depth(value: Any, limit: int = MAX_NESTING) -> int:
    """Levels of arrays and tables in ``value`` (iterative; stops counting past ``limit``)."""
    deepest = 0
    stack = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        if depth > limit:
            break
        for child in node.values() if isinstance(node, dict) else node:
            if isinstance(child, dict | list):
                stack.append((child, depth + 1))
    return deepest


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def normalise_space(text: str) -> str:
    """Collapse runs of whitespace so a quote may wrap across TOML lines."""
    return " ".join(text.split())


def folded(text: str) -> str:
    """``text`` as a reader compares two texts: runs of whitespace as one space, capitals aside."""
    return normalise_space(text).casefold()


def numbers_in(text: str) -> set[str]:
    """Numbers as written (``2.3``, ``2040``), ignoring thousands separators, in the digits of any script
    (``２，０００``, ``٢٫٣``); and numbers written with kanji numerals or units (``二千億``, ``2兆5000億``) in
    every way a pack may give them (:attr:`content.numerals.Numeral.readings`)."""
    normal = numerals.normalise(text)
    found = {_canonical(n) for n in _NUMBER.findall(normal)}
    for numeral in numerals.numerals_in(normal):
        found |= {numerals.format_canonical(value) for value in numeral.readings}
    return found


def unreadable_number(text: str) -> str:
    """Why the first unreadable kanji number of ``text`` cannot be read (二三兆: two or three?), or ""."""
    return next((n.problem for n in numerals.numerals_in(text) if n.problem), "")


def _canonical(number: str) -> str:
    number = number.replace(",", "")
    try:
        return f"{float(number):g}"
    except ValueError:  # pragma: no cover - regex only yields digits
        return number


def _own_numbers(entry: dict[str, Any]) -> frozenset[str]:
    """Numbers a record's texts may give that are its own, not the article's: a numeric question's tolerance as a
    percentage ("answers within 5% count" for 0.05). Exported questions say so, and came back refused."""
    tolerance = entry.get("tolerance")
    if isinstance(tolerance, int | float) and not isinstance(tolerance, bool) and tolerance > 0:
        return frozenset({_canonical(f"{tolerance * 100:.6g}")})
    return frozenset()


class _Checker:
    def __init__(self, raw: dict[str, Any], toml_text: str, file: str, source: str | None):
        self.raw = raw
        self.file = file
        self.toml_text = toml_text
        self._lines: dict[str, int] | None = None  # indexed only if something is wrong
        self.source = normalise_space(source) if source is not None else None
        # Most quotes are whole sentences: a set lookup spares a substring scan
        # of the whole source for each of them (large packs quote thousands).
        self.sentences = set(sentences(self.source)) if self.source is not None else set()
        self.source_numbers = numbers_in(source) if source is not None else None
        self.problems: list[Problem] = []
        self.more = 0  # problems found beyond MAX_PROBLEMS
        self.bad: set[str] = set()  # key paths with a problem: later checks skip them
        self.ids: dict[str, dict[str, str]] = {}  # collection -> id -> key path
        self.all_ids: dict[str, str] = {}
        self.version = FORMAT_VERSION
        self.quoted_ids: set[str] = set()  # records that carry a quote (what ``cites`` may name)

    def report(self, key: str, message: str, **fields: str) -> None:
        """A problem at ``key``. With ``fields``, ``message`` is one of the templates below (the interface
        translates it); without, it is the English message itself."""
        template = message if fields or message in _TEMPLATES else ""
        message = message.format(**fields) if fields else message
        self.bad.add(key)
        if len(self.problems) >= MAX_PROBLEMS:
            self.more += 1
            return
        if self._lines is None:
            self._lines = index_lines(self.toml_text)
        shown_key = key if len(key) <= _MAX_KEY_CHARS else key[:_MAX_KEY_CHARS] + "…"
        self.problems.append(Problem(self.file, line_of(self._lines, key), shown_key, message, template=template,
                                     fields=tuple(fields.items())))

    # -- structure ---------------------------------------------------------
    def run(self) -> list[Problem]:
        self.check()
        if self.more:
            self.problems.append(Problem(self.file, 0, "", f"… and {self.more:,} more problems (fix the ones "
                                         f"above first; at most {MAX_PROBLEMS} are listed)", summary=True))
        return self.problems

    def check(self) -> None:
        depth = nesting_depth(self.raw)
        if depth > MAX_NESTING:
            self.report("", f"arrays and tables are nested more than {MAX_NESTING} levels deep (the format needs "
                        f"at most {FORMAT_NESTING}); nothing else was checked")
            return
        known = {"pack", *COLLECTIONS}
        for name in self.raw:
            if name not in known:
                self.report(name, f"unknown top-level key (expected one of: {', '.join(sorted(known))})")
        pack = self.raw.get("pack")
        if not isinstance(pack, dict):
            self.report("pack", "missing [pack] table with id, title, language, format_version")
        else:
            self.check_pack(pack)
        for name in REQUIRED_COLLECTIONS:
            if not self.raw.get(name):
                self.report(name, f"the pack needs at least one [[{name}]] entry")
        if not self.check_counts():
            return  # too big to check entry by entry: the counts are the problem to fix first
        entries = list(self.entries())
        for key, collection, entry, spec in entries:
            self.check_fields(key, entry, spec)
            self.register_id(key, collection, entry)
        for key, collection, entry, spec in entries:
            self.check_refs(key, entry, spec)
            self.check_semantics(key, collection, entry)
            self.check_source(key, entry, spec)
        self.check_section_figures()
        self.check_briefing_text([("pack", self.raw.get("pack")), *((c, e) for _, c, e, _ in entries)])

    def check_briefing_text(self, entries: list[tuple[str, Any]]) -> None:
        total = 0
        for collection, entry in entries:
            if not isinstance(entry, dict):
                continue
            for name in BRIEFING_TEXT.get(collection, ()):
                value = entry.get(name)
                if isinstance(value, str):
                    total += len(value)
                elif isinstance(value, list):
                    total += sum(len(v) for v in value if isinstance(v, str))
        if total > MAX_BRIEFING_TEXT_CHARS:
            self.report("", f"the briefing's text (titles, bodies, tables, lists, glossary, timeline, outlets) is "
                        f"{total:,} characters in all; at most {MAX_BRIEFING_TEXT_CHARS:,} are shown at once")

    def check_pack(self, pack: dict[str, Any]) -> None:
        self.check_fields("pack", pack, PACK)
        ident = pack.get("id")
        if isinstance(ident, str) and not ID_PATTERN.fullmatch(ident):
            self.report("pack.id", _id_message(ident))
        name = pack.get("source_file")
        if isinstance(name, str) and "pack.source_file" not in self.bad and (
                not SOURCE_NAME_PATTERN.fullmatch(name) or name == "pack.toml"):
            self.report("pack.source_file", f"{shown(name)} must be the plain name of a file beside pack.toml "
                        "(letters, digits, '.', '_' and '-'; no folders, no leading dot; not pack.toml)")
        version = pack.get("format_version")
        if is_number(version) and isinstance(version, int) and version not in FORMAT_VERSIONS:
            newer = "newer than this app understands" if version > FORMAT_VERSION else "unknown"
            readable = ", ".join(map(str, FORMAT_VERSIONS))
            self.report("pack.format_version",
                        f"format version {shown(version)} is {newer} (this app reads {readable})")
        self.version = version if isinstance(version, int) and version in FORMAT_VERSIONS else FORMAT_VERSION
        self.check_pack_meta(pack)

    def check_counts(self) -> bool:
        """Entries per collection (and rows per table, items per list) within :data:`MAX_ENTRIES`."""
        ok, total = True, 0
        for collection in COLLECTIONS:
            value = self.raw.get(collection)
            if not isinstance(value, list):
                continue
            total += len(value)
            if len(value) > MAX_ENTRIES[collection]:
                ok = False
                self.report(collection, f"has {len(value):,} entries; a pack may have at most "
                            f"{MAX_ENTRIES[collection]:,} [[{collection}]]")
            for parent, child in NESTED:
                if parent != collection:
                    continue
                limit = MAX_ENTRIES[f"{parent}.{child}"]
                for i, entry in enumerate(value):
                    rows = entry.get(child) if isinstance(entry, dict) else None
                    if not isinstance(rows, list):
                        continue
                    total += len(rows)
                    if len(rows) > limit:
                        ok = False
                        self.report(f"{collection}[{i}].{child}", f"has {len(rows):,} entries; at most {limit:,} "
                                    f"[[{collection}.{child}]] per entry")
        if total > MAX_RECORDS:
            ok = False
            self.report("", f"the pack has {total:,} entries in all; a pack may have at most {MAX_RECORDS:,}")
        return ok

    def check_section_figures(self) -> None:
        sections = self.raw.get("sections")
        if not isinstance(sections, list):
            return
        listed = sum(len(s["figures"]) for s in sections if isinstance(s, dict) and isinstance(s.get("figures"), list))
        if listed > MAX_SECTION_FIGURES:
            self.report("sections", f"sections show {listed:,} figure cards in all; at most {MAX_SECTION_FIGURES:,} "
                        "(a figure still appears in its chart without being listed)")

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
                self.report(f"{key}.{name}", UNKNOWN_FIELD, allowed=", ".join(spec))
        for name, field in spec.items():
            if name not in entry:
                if field.required:
                    self.report(f"{key}.{name}", MISSING)
                continue
            problem = _type_problem(entry[name], field) or _value_problem(name, entry[name], field)
            if problem:
                self.report(f"{key}.{name}", problem)

    def register_id(self, key: str, collection: str, entry: dict[str, Any]) -> None:
        ident = entry.get("id")
        if not isinstance(ident, str):
            return
        if not ID_PATTERN.fullmatch(ident):
            self.report(f"{key}.id", _id_message(ident))
            return
        if ident in self.all_ids:
            self.report(f"{key}.id", DUPLICATE_ID, ident=repr(ident), first=self.all_ids[ident])
            return
        self.all_ids[ident] = key
        self.ids.setdefault(collection, {})[ident] = key
        if isinstance(entry.get("quote"), str) and entry["quote"] or collection == "quotes":
            self.quoted_ids.add(ident)

    def check_refs(self, key: str, entry: dict[str, Any], spec: dict[str, Field]) -> None:
        for name, field in spec.items():
            if field.ref is None or name not in entry or f"{key}.{name}" in self.bad:
                continue
            targets = entry[name] if isinstance(entry[name], list) else [entry[name]]
            pool = self.all_ids if field.ref == "*" else self.ids.get(field.ref, {})
            for target in targets:
                if target not in pool:
                    if field.ref == "*":
                        self.report(f"{key}.{name}", UNKNOWN_ID_ANYWHERE, target=shown(target))
                    else:
                        self.report(f"{key}.{name}", UNKNOWN_ID, target=shown(target), collection=field.ref)

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
                self.report(f"{key}.{name}", NOT_EMPTY)

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
            self.report(f"{key}.kind", f"unknown kind {shown(kind)} (expected {', '.join(QUESTION_KINDS)})")
            return
        tolerance = entry.get("tolerance")
        if isinstance(tolerance, int | float) and not isinstance(tolerance, bool):
            if kind != "numeric":
                self.report(f"{key}.tolerance", f"only numeric questions take a tolerance (this one is {kind!r})")
            elif not 0 <= tolerance <= 1:
                self.report(f"{key}.tolerance", "tolerance is relative: 0.05 means ±5%")
        if self.version >= 3 and not (isinstance(entry.get("explanation"), str) and entry["explanation"].strip()):
            self.report(f"{key}.explanation", "every question needs an explanation: why the key is right")
        if not entry.get("quote") and not entry.get("cites") and not entry.get("imported_from"):
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
        if self._need_answer(key, answer) and f"{key}.answer" not in self.bad:
            try:
                number = float(answer)
            except ValueError:
                self.report(f"{key}.answer", f"numeric answer {shown(answer)} is not a number")
                return
            if not math.isfinite(number) or abs(number) > MAX_AMOUNT:
                self.report(f"{key}.answer", f"numeric answer {shown(answer)} must be a finite number of at most "
                            f"{_LARGEST}")

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
            if f"{key}.{name}" in self.bad or value is None:
                continue
            if field.quote:
                for text in value if isinstance(value, list) else [value]:
                    if text and not self.occurs(text):
                        self.report(f"{key}.{name}", self.quote_message(text))
            if name in _TEXT_FIELDS or field.type == "list[str]" and name in _TEXT_LISTS:
                self.check_numbers(f"{key}.{name}", value, allowed=_own_numbers(entry))
        for name in ("amount", "year"):
            value = entry.get(name)
            if is_number(value) and f"{key}.{name}" not in self.bad:
                quote = entry.get("quote")
                # An amount the quote writes in an unreadable way (二三兆円) is not "missing": say why.
                why = unreadable_number(quote) if name == "amount" and isinstance(quote, str) else ""
                self.check_numbers(f"{key}.{name}", f"{value:g}", why)

    def quote_message(self, quote: str) -> str:
        """Where the quote departs from the source (only worked out for problems that are listed)."""
        assert self.source is not None
        found = difference(quote, self.source, self.source) if len(self.problems) < MAX_PROBLEMS else None
        if found is None:
            return f"quote does not occur verbatim in the source: {shown(quote)}"
        return f"quote does not occur verbatim in the source: it {found.message()}"

    def occurs(self, quote: str) -> bool:
        assert self.source is not None
        quote = normalise_space(quote)
        return quote in self.sentences or quote in self.source

    def check_numbers(self, key: str, value: Any, why: str = "", allowed: frozenset[str] = frozenset()) -> None:
        assert self.source_numbers is not None
        texts = value if isinstance(value, list) else [value]
        for text in texts:
            if not isinstance(text, str):
                continue
            missing = sorted(numbers_in(text) - self.source_numbers - allowed)
            if missing:
                listed = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
                self.report(key, f"number(s) {listed} do not occur in the source text" + (f": {why}" if why else ""))


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
    return f"expected {names[expected]}, got {type(value).__name__} {shown(value)}"


def _value_problem(name: str, value: Any, field: Field) -> str | None:
    """Limits on a value of the right type: text length and characters, list length, number ranges."""
    if field.type == "str" and name != "id" and field.ref is None:
        problem = text_problem(value, long=field.long)
        return problem and f"{'text' if field.long else 'one-line text'} {problem}"
    if field.type == "list[str]":
        if len(value) > MAX_LIST_ITEMS:
            return f"has {len(value):,} items; at most {MAX_LIST_ITEMS}"
        if name == "columns" and len(value) > MAX_TABLE_COLUMNS:
            return f"has {len(value):,} columns; a table may have at most {MAX_TABLE_COLUMNS}"
        if field.ref is None:
            for index, item in enumerate(value):
                problem = text_problem(item, long=field.long)
                if problem:
                    return f"item {index + 1} {problem}"
        return None
    if field.type == "number":
        if isinstance(value, float) and not math.isfinite(value):  # ints are exact: compared without float()
            return f"must be a finite number, not {shown(value)}"
        if name == "tolerance" and not 0 <= value <= MAX_TOLERANCE:
            return f"must be between 0 and {MAX_TOLERANCE:g} (a fraction of the answer: 0.05 is within 5%)"
        if name == "amount" and not (value == 0 or MIN_POSITIVE_AMOUNT <= value <= MAX_AMOUNT):
            return (f"{shown(value)} is outside what the app can chart: an amount is 0 or between "
                    f"{_SMALLEST} and {_LARGEST} (put 'million', 'billion' or 'trillion' in the unit for "
                    "larger ones)")
    if field.type == "int" and name == "year" and not MIN_YEAR <= value <= MAX_YEAR:
        return f"year {shown(value)} must be between {MIN_YEAR} and {MAX_YEAR}"
    return None


def _id_message(ident: str) -> str:
    return (f"id {shown(ident)} must be lower-case letters, digits and '-', starting with a letter or digit "
            f"(max {MAX_ID_CHARS}; no spaces, slashes, dots or line breaks)")


def validate(raw: dict[str, Any], toml_text: str, file: str, source: str | None) -> list[Problem]:
    """Return every problem in ``raw`` (empty when the pack is valid)."""
    return _Checker(raw, toml_text, file, source).run()
