"""Questions read from another tool, written into a pack's ``pack.toml`` as its own ``[[questions]]``.

What a question becomes in the pack:

- **id**: made from the name the file gives it (``::Q7::`` → ``q7``), so the
  same file imported again gives the same ids: a question imported before from
  a file of the same name is replaced where it stands (its learners' progress
  stays with it), and an id any other record uses gets ``-2``, ``-3``…;
- **topic**: the pack topic whose id or title matches one of its tags or its
  category (case aside); otherwise the topic "Imported questions", added once;
- **imported_from**: the file's name and format. Such a question was not
  written from the article, so it needs no quote; a quote it carries in the
  app's own citation form is kept as ``cites`` when the pack holds that quote;
- **explanation**: the file's general feedback, or a sentence saying the file
  gives none (a version 3 pack asks every question for one).

A question about another article (it quotes text this pack's article does
not have, or uses too few of its words; see :mod:`quiz.interchange.about`) is
listed with the reason and not added.

A question the pack already asks (its own or one it generates from its
records, as the app's exports hold them; see :mod:`quiz.interchange.same`) is
not added again: the report lists it as already in the pack. Else importing the
app's own export into its pack doubled every question, and exams asked the same
question twice.

The pack's text is edited with :mod:`content.toml_edit`, so the author's
comments and layout stay. The result is validated like any pack; a question
the pack's rules refuse (a number the article does not have, say) is left out
and listed with the reason, and the others go in.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from typing import Any

from content.characters import text_problem
from content.limits import MAX_ENTRIES, MAX_ID_CHARS, MAX_PROBLEMS
from content.model import Pack
from content.problems import PackError, Problem
from content.toml_edit import upsert_tables
from content.validate import normalise_space, validate
from quiz.generate import generate
from quiz.interchange import about, same
from quiz.interchange.readers import FORMAT_NAMES, Imported, ReadResult, Skipped
from quiz.interchange.readers.text import shorten

IMPORTED_TOPIC = ("imported-questions", "Imported questions")
_KEY = re.compile(r"questions\[(\d+)\](?:\.(.*))?")
_ORDER = ("id", "kind", "topic", "prompt", "scenario", "answer", "unit", "tolerance", "accept", "sequence",
          "categories", "explanation", "cites", "imported_from", "options", "statements", "pairs")


@dataclass
class ImportReport:
    """What an import of questions did, in words for the person who asked for it."""

    file: str
    format: str
    pack_id: str
    added: list[tuple[str, str]] = field(default_factory=list)  # (id, the question's first words)
    replaced: list[tuple[str, str]] = field(default_factory=list)
    already: list[tuple[str, str]] = field(default_factory=list)  # (the file's name for it, its first words)
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    new_topic: str = ""

    @property
    def count(self) -> int:
        return len(self.added) + len(self.replaced)

    def lines(self) -> list[str]:
        fmt = FORMAT_NAMES.get(self.format, self.format)
        if not self.count and self.already and not self.skipped:
            head = [f"Nothing new in {self.file} ({fmt}): its {len(self.already)} question(s) are already in pack "
                    f"{self.pack_id!r}, so none were added."]
        else:
            head = [f"{self.count} question(s) from {self.file} ({fmt}) are in pack {self.pack_id!r}"
                    + (f"; {len(self.skipped)} could not come in." if self.skipped else ".")]
            if self.already:
                head.append(f"{len(self.already)} question(s) were already in the pack and were not added again.")
        if self.new_topic:
            head.append(f"Questions whose category matches no topic of the pack are in the new topic "
                        f"{self.new_topic!r}.")
        out = head + [""]
        if self.added:
            out += ["Added:"] + [f"  {ident}: {prompt}" for ident, prompt in self.added] + [""]
        if self.replaced:
            out += ["Replaced (imported before from a file of the same name):"]
            out += [f"  {ident}: {prompt}" for ident, prompt in self.replaced] + [""]
        if self.already:
            out += ["Already in the pack (not added again):"]
            out += [f"  {name}: {prompt}" for name, prompt in self.already] + [""]
        if self.skipped:
            out += ["Could not come in:"] + [f"  {item}" for item in self.skipped] + [""]
        if self.notes:
            out += ["Left out of questions that came in:"] + [f"  {note}" for note in self.notes] + [""]
        return out[:-1] if out and out[-1] == "" else out

    def __str__(self) -> str:
        return "\n".join(self.lines())


def origin(file_name: str, fmt: str) -> str:
    """``bank.gift (GIFT)``: a one-line field, whatever characters the file's name has."""
    name = "".join(ch for ch in file_name if ch.isprintable() and not text_problem(ch)) or "a file"
    return f"{shorten(name, 200)} ({FORMAT_NAMES.get(fmt, fmt)})"


def slug(name: str) -> str:
    text = re.sub(r"^(authored|imported):", "", name.strip().lower())
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text[: MAX_ID_CHARS - 4].strip("-") or "question"


def _ids(raw: dict[str, Any]) -> set[str]:
    found: set[str] = set()
    stack: list[Any] = [raw]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if isinstance(node.get("id"), str):
                found.add(node["id"])
            stack.extend(v for v in node.values() if isinstance(v, dict | list))
        elif isinstance(node, list):
            stack.extend(v for v in node if isinstance(v, dict | list))
    return found


def merge(toml_text: str, source: str | None, pack: Pack, result: ReadResult, file_name: str,
          file: str = "pack.toml") -> tuple[str, ImportReport]:
    """The new ``pack.toml`` text with the questions of ``result``, and the report. Raises :class:`PackError`
    only when the pack as a whole would not pass (nothing is changed then)."""
    report = ImportReport(file_name, result.format, pack.id, skipped=list(result.skipped))
    raw = tomllib.loads(toml_text)
    where = origin(file_name, result.format)
    existing = {q["id"]: q for q in raw.get("questions", []) if isinstance(q, dict) and isinstance(q.get("id"), str)}
    room = MAX_ENTRIES["questions"] - len(existing)
    taken = _ids(raw)
    topics = {t.id: t.id for t in pack.topics} | {t.title.casefold(): t.id for t in pack.topics}
    quotes: dict[str, str] = {}
    for ident, (quote, _outlet) in pack.quoted.items():
        quotes.setdefault(normalise_space(quote), ident)
    records: dict[str, dict[str, Any]] = {}
    names: dict[str, Imported] = {}
    needs_topic = False
    generated = generate(pack, 0)
    asked = {same.of_question(q): q.id for q in generated}  # what the pack asks, and the question's id
    # a generated question exported with another seed has other wrong options: its text and key are enough
    drawn = {same.loose(same.of_question(q)): q.id for q in generated if not q.authored}
    article = about.Article(source) if source else None  # to tell a question about another article
    for item in result.questions:
        base = ident = slug(item.name)
        n = 1
        while ident in records or (ident in taken and existing.get(ident, {}).get("imported_from") != where):
            n += 1
            ident = f"{base}-{n}"
        replacing = ident in existing
        off = about.elsewhere(item.record, item.citations, article) if article is not None else None
        if off is not None:  # another article's question (the pack's rules cannot tell: a number may be in both)
            report.skipped.append(Skipped(item.name, off))
            continue
        signature = same.of_record(item.record)
        known = asked.setdefault(signature, drawn.get(same.loose(signature), f"authored:{ident}"))
        if known != f"authored:{ident}":  # the pack asks it already (a question imported before may be updated)
            report.already.append((item.name, shorten(str(item.record.get("prompt", "")))))
            continue
        if not replacing and len(records) >= room:
            report.skipped.append(Skipped(item.name, f"the pack already has {MAX_ENTRIES['questions']:,} questions, "
                                          "the most a pack may have"))
            continue
        topic = next((topics[t.casefold()] for t in (*item.topics,) if t.casefold() in topics), None)
        if topic is None:
            topic, needs_topic = IMPORTED_TOPIC[0], True
        record = {"id": ident, "topic": topic, **item.record}
        record.setdefault("explanation", f"{where} gives no explanation for this answer.")
        cites = list(dict.fromkeys(quotes[q] for q in (normalise_space(c) for c in item.citations) if q in quotes))
        if cites:
            record["cites"] = cites
        record["imported_from"] = where
        records[ident] = {k: record[k] for k in sorted(record, key=lambda k: _ORDER.index(k) if k in _ORDER else 99)}
        names[ident] = item
    new_topic = ""
    if needs_topic and IMPORTED_TOPIC[0] not in {t.id for t in pack.topics}:
        if IMPORTED_TOPIC[0] in taken:  # the id is some other record's: the topic cannot be added under it
            raise PackError([Problem(file, 0, "topics", f"the id {IMPORTED_TOPIC[0]!r} is used by another record; "
                                     "questions without a matching topic have nowhere to go")])
        new_topic = IMPORTED_TOPIC[1]
    # The rounds validate the merged data as plain tables (tomlkit is slow on a large file; it writes once, at
    # the end). Validation lists at most MAX_PROBLEMS problems, then a summary: each round drops the questions
    # it names, so a file with many refused questions takes a few rounds; a problem elsewhere stops it.
    for _round in range(len(records) // MAX_PROBLEMS + 4):
        merged = _merged(raw, records, new_topic)
        problems = validate(merged, toml_text, file, source)
        if not problems:
            break
        order = [q.get("id") if isinstance(q, dict) else None for q in merged.get("questions", [])]
        refused: dict[str, list[str]] = {}
        for problem in problems:
            if problem.summary:  # "… and N more problems": they are named in a later round
                continue
            found = _KEY.fullmatch(problem.key)
            named = order[int(found[1])] if found and int(found[1]) < len(order) else None
            if named is None or named not in records:
                raise PackError(_located(problems, raw, records, new_topic, toml_text, file, source))
            refused.setdefault(named, []).append(f"{found[2] + ': ' if found and found[2] else ''}"
                                                      f"{problem.message}")
        for ident, messages in refused.items():
            report.skipped.append(Skipped(names[ident].name, "; ".join(messages)))
            del records[ident]
    else:
        raise PackError(_located(problems, raw, records, new_topic, toml_text, file, source))
    for ident, record in records.items():
        entry = (ident, shorten(str(record.get("prompt", ""))))
        (report.replaced if ident in existing else report.added).append(entry)
        report.notes += [f"{names[ident].name}: {note}" for note in names[ident].notes]
    if not records:
        return toml_text, report
    report.new_topic = new_topic if any(r["topic"] == IMPORTED_TOPIC[0] for r in records.values()) else ""
    return _written(toml_text, records, report.new_topic), report


def _merged(raw: dict[str, Any], records: dict[str, dict[str, Any]], new_topic: str) -> dict[str, Any]:
    """The pack's tables with ``records`` put in as :func:`content.toml_edit.upsert_tables` puts them: a
    question whose id is there replaces it where it stands, the others follow the last question."""
    merged = dict(raw)
    questions = list(raw.get("questions", [])) if isinstance(raw.get("questions"), list) else []
    where = {q.get("id"): i for i, q in enumerate(questions) if isinstance(q, dict)}
    for ident, record in records.items():
        if ident in where:
            questions[where[ident]] = record
        else:
            questions.append(record)
    merged["questions"] = questions
    if new_topic:
        merged["topics"] = [*raw.get("topics", []), {"id": IMPORTED_TOPIC[0], "title": IMPORTED_TOPIC[1]}]
    return merged


def _written(toml_text: str, records: dict[str, dict[str, Any]], new_topic: str) -> str:
    """``pack.toml`` with the questions (and the new topic) written in, every other line kept."""
    text = toml_text
    if new_topic:
        text = upsert_tables(text, "topics", [{"id": IMPORTED_TOPIC[0], "title": IMPORTED_TOPIC[1]}])
    return upsert_tables(text, "questions", list(records.values()))


def _located(problems: list[Problem], raw: dict[str, Any], records: dict[str, dict[str, Any]], new_topic: str,
             toml_text: str, file: str, source: str | None) -> list[Problem]:
    """The problems again, validated on the text as it would be written, so each names its line."""
    text = _written(toml_text, records, new_topic)
    return validate(tomllib.loads(text), text, file, source) or problems
