"""CSV: the app's own export layout, or a plain table of "question, answer, wrong answer, wrong answer…".

The app's layout is recognised by its header (``id``, ``kind``, ``prompt``,
``options``, ``key``…: :data:`quiz.interchange.csv_export.COLUMNS`); each row
is read back by its ``kind``, options and key in the lettered form the export
writes (``B. option``, ``1st: C. item``, ``item → A. category``), and the
apostrophe the export puts before a cell that looks like a formula is taken off.

Any other table is the plain layout, the way people keep question banks in a
spreadsheet: the first cell is the question, the second the right answer, the
rest wrong answers (a choice question); with no wrong answers it is a typed
answer (a number makes it a numeric question, ``true``/``false`` a true-or-false
one). A first row whose first cell is ``question`` or ``prompt`` is a header.
Commas, semicolons and tabs are recognised as separators.
"""

from __future__ import annotations

import csv
import re

from quiz.interchange.csv_export import COLUMNS
from quiz.interchange.keys import KIND_LABELS, ordinal
from quiz.interchange.readers import MAX_QUESTIONS, Imported, QuestionImportError, ReadResult, Skipped
from quiz.interchange.readers import build as b
from quiz.interchange.readers.text import Refused, shorten, tidy
from quiz.questions import Kind

_LETTERED = re.compile(r"(?P<letter>[A-Z]+)\. (?P<text>.*)", re.DOTALL)
_FORMULA = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")
#: Cells may be as long as the longest pack text (a paragraph) and a little more.
_MAX_CELL = 100_000


def _cell(value: str | None) -> str:
    value = value or ""
    if value.startswith("'") and value[1:2] and value[1:2] in _FORMULA:
        value = value[1:]  # the export's guard against spreadsheet formulas
    return value


def read(text: str) -> ReadResult:
    csv.field_size_limit(_MAX_CELL)
    sample = text[:8192]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        rows = list(_rows(text, dialect))
    except csv.Error as exc:
        raise QuestionImportError(f"This CSV file cannot be read: {exc}.") from None
    if not rows:
        return ReadResult("csv")
    header = [h.strip().lower() for h in rows[0]]
    if {"kind", "prompt", "key"} <= set(header):
        return _own(header, rows[1:])
    return _plain(rows[1:] if header and header[0] in ("question", "prompt", "questions") else rows)


def _rows(text: str, dialect: type[csv.Dialect] | csv.Dialect) -> list[list[str]]:
    out = []
    for row in csv.reader(text.splitlines(keepends=True), dialect):
        if any(cell.strip() for cell in row):
            out.append(row)
        if len(out) > MAX_QUESTIONS + 1:
            break
    return out


def _limit(result: ReadResult, rows: list[list[str]]) -> list[list[str]]:
    if len(rows) > MAX_QUESTIONS:
        result.add(Skipped("", f"the file holds more than {MAX_QUESTIONS:,} rows; the rest were not read"))
    return rows[:MAX_QUESTIONS]


def _plain(rows: list[list[str]]) -> ReadResult:
    result = ReadResult("csv")
    for number, row in enumerate(_limit(result, rows), 1):
        cells = [tidy(_cell(c)) for c in row]
        prompt = cells[0] if cells else ""
        name = shorten(prompt) or f"Row {number}"
        wrong = [c for c in cells[2:] if c]
        answer = cells[1] if len(cells) > 1 else ""
        try:
            if not answer:
                raise Refused("it has no answer (the second column)")
            if wrong:
                options = [b.Option(answer, 1.0)] + [b.Option(w, 0.0) for w in wrong]
                record, notes = b.choice(prompt, options, single=True)
            elif answer.lower() in ("true", "false"):
                record, notes = b.truefalse(prompt, answer.lower() == "true")
            elif _NUMBER.fullmatch(answer.replace(",", "")):
                record, notes = b.numeric(prompt, [(answer.replace(",", ""), 0.0, 1.0)])
            else:
                record, notes = b.text(prompt, [(answer, 1.0)])
        except Refused as exc:
            result.add(Skipped(name, str(exc)))
            continue
        result.add(Imported(name, record, (), (), tuple(notes)))
    return result


def _own(header: list[str], rows: list[list[str]]) -> ReadResult:
    result = ReadResult("csv")
    for number, row in enumerate(_limit(result, rows), 1):
        cells = {name: _cell(row[i]) if i < len(row) else "" for i, name in enumerate(header) if name in COLUMNS}
        prompt = tidy(cells.get("prompt", ""))
        name = cells.get("id", "").strip() or shorten(prompt) or f"Row {number}"
        try:
            record, notes = own_row(prompt, cells)
            paragraphs = [cells.get("explanation", "")] + cells.get("citation", "").split("\n")
            citations = b.feedback(record, paragraphs)
        except Refused as exc:
            result.add(Skipped(name, str(exc)))
            continue
        topic = tidy(cells.get("topic", ""))
        result.add(Imported(name, record, (topic,) if topic else (), citations, tuple(notes)))
    return result


def _lines(value: str) -> list[str]:
    return [line for line in value.split("\n") if line.strip()]


def _lettered(lines: list[str]) -> dict[str, str]:
    """``A. text`` lines → {letter: text}."""
    found = {}
    for line in lines:
        match = _LETTERED.fullmatch(line)
        if match is None:
            raise Refused(f"the line {line[:40]!r} is not a lettered option (A. …)")
        found[match["letter"]] = match["text"]
    return found


def _unletter(text: str, options: dict[str, str]) -> str:
    match = _LETTERED.fullmatch(text.strip())
    if match is None or match["letter"] not in options:
        raise Refused(f"the key {text[:40]!r} names no option")
    return options[match["letter"]]


def own_row(prompt: str, cells: dict[str, str]) -> tuple[b.Record, list[str]]:
    kind = cells.get("kind", "").strip()
    labels = {str(k): k for k in KIND_LABELS}
    if kind not in labels:
        raise Refused(f"unknown kind {kind[:30]!r}")
    options = _lettered(_lines(cells.get("options", "")))
    key = _lines(cells.get("key", ""))
    if not key:
        raise Refused("it has no key")
    feedback_lines = _lines(cells.get("feedback", ""))
    scenario = tidy(cells.get("scenario", ""))

    def option_feedback(letter: str, text: str) -> str:
        """The export's ``B. option: what it really is`` line of this option."""
        head = f"{letter}. {text}: " if letter else f"{text}: "
        return next((line[len(head):] for line in feedback_lines if line.startswith(head)), "")

    match labels[kind]:
        case Kind.CHOICE | Kind.SCENARIO:
            right = _unletter(key[0], options)
            record, notes = b.choice(prompt, [b.Option(t, 1.0 if t == right else 0.0, option_feedback(letter, t))
                                              for letter, t in options.items()], single=True)
            if scenario:
                record = {"kind": "scenario", "prompt": record["prompt"], "scenario": scenario,
                          "options": record["options"]}
            return record, notes
        case Kind.MULTI:
            right_set = {_unletter(line, options) for line in key}
            return b.choice(prompt, [b.Option(t, 1.0 if t in right_set else 0.0, option_feedback(letter, t))
                                     for letter, t in options.items()], single=False)
        case Kind.ORDER:
            items = []
            for n, line in enumerate(key, 1):
                position, _, rest = line.partition(": ")
                if position != ordinal(n):
                    raise Refused(f"the key line {line[:40]!r} is not the {ordinal(n)} item")
                items.append(_unletter(rest, options))
            return b.order(prompt, items)
        case Kind.MATCHING | Kind.CLASSIFY:
            pairs = []
            for line in key:
                left, arrow, right = line.rpartition(" → ")
                if not arrow:
                    raise Refused(f"the key line {line[:40]!r} pairs nothing (item → answer)")
                pairs.append((left, _unletter(right, options)))
            used = {right for _, right in pairs}
            extra = [t for t in options.values() if t not in used]
            record, notes = b.pairs(prompt, pairs, extra)
            for statement in record.get("statements", []):
                if option_feedback("", statement["text"]):
                    statement["feedback"] = option_feedback("", statement["text"])
            return record, notes
        case Kind.TRUEFALSE:
            if key[0] not in ("True", "False"):
                raise Refused("the key of a true-or-false question is True or False")
            return b.truefalse(prompt, key[0] == "True")
        case Kind.NUMERIC:
            number, _, unit = re.sub(r" \(answers within ±[\d.]+% count\)$", "", key[0]).partition(" ")
            number = number.replace(",", "")
            try:
                relative = float(cells.get("tolerance") or 0)
            except ValueError:
                raise Refused("the tolerance is not a number") from None
            try:
                absolute = abs(float(number)) * relative
            except ValueError:
                raise Refused(f"the key {number[:40]!r} is not a number") from None
            return b.numeric(prompt, [(number, absolute, 1.0)], tidy(cells.get("unit", unit)))
        case _:  # text
            answers = [(key[0], 1.0)]
            if len(key) > 1 and key[1].startswith("also accepted: "):
                answers += [(a, 1.0) for a in key[1][len("also accepted: "):].split("; ")]
            return b.text(prompt, answers)
