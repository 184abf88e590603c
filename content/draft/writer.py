"""Writing a draft as a pack: ``pack.toml`` and the article's text as its source file.

Only accepted items with nothing left to write go into the pack; an item a
person must still complete is written below them as a commented-out block
marked ``TO WRITE`` (the summary as a commented-out line of ``[pack]``), so the
draft passes ``main.py check`` as it is and shows what is missing. Each block
is the whole record the item becomes (its chart group, its topic, its outlet's
id): written and uncommented, it passes ``check`` too. Each section is a topic;
each figure's chart groups it with figures of its unit family; each outlet
named by a figure (one left to write too) becomes an ``[[outlets]]`` entry.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from content.draft.figures import chart_group
from content.draft.model import Draft, DraftItem
from content.draft.text import slug
from content.schema import FORMAT_VERSION

PACK_FILE = "pack.toml"
MAX_FIGURES_PER_SECTION = 100
COLLECTION = {"section": "sections", "figure": "figures", "term": "terms", "milestone": "milestones"}
_PACK_FIELDS = ("title", "source_title", "summary", "source_publisher", "source_date", "source_url")


class DraftExists(Exception):
    """The pack folder already holds a pack: it is not overwritten unless asked to."""


def toml_string(value: str, multiline: bool = False) -> str:
    """A TOML basic string (JSON's escapes are TOML's); a multi-line one keeps its line breaks readable."""
    text = json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    if multiline and "\n" in value:
        return '"""\n' + text[1:-1].replace("\\n", "\n") + '"""'
    return text


def toml_value(value: Any, multiline: bool = False) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return toml_string(str(value), multiline)


def _topic(item: DraftItem, topics: dict[str, str], fallback: str) -> str:
    return topics.get(item.section, fallback)


def _outlets(figures: list[DraftItem]) -> dict[str, str]:
    """Outlet name → ``[[outlets]]`` id, for every outlet the figures name."""
    outlets: dict[str, str] = {}
    for item in figures:
        name = str(item.fields.get("outlet") or "").strip()
        if name and name not in outlets:
            outlets[name] = f"outlet-{slug(name, 50)}"
            while list(outlets.values()).count(outlets[name]) > 1:
                outlets[name] += "-x"
    return outlets


def _record(item: DraftItem, topics: dict[str, str], fallback: str, outlets: dict[str, str]) -> dict[str, Any]:
    """The pack record ``item`` is written as; a field still to write is kept, empty, for its author to fill."""
    record = {"id": item.id, **{k: v for k, v in item.fields.items()
                                if v not in ("", None, []) or k in item.todo}}
    if item.kind == "figure":
        name = str(record.pop("outlet", "") or "").strip()
        if name:
            record["outlet"] = outlets[name]
        record["chart_group"] = chart_group(str(item.fields.get("unit", "")))
    if item.kind == "term" and record.get("category") in ("term",):
        record.pop("category")  # plain terms share one category: none needed
    if item.kind != "section":
        record["topic"] = _topic(item, topics, fallback)
    return record


def records(draft: Draft) -> dict[str, list[tuple[DraftItem | None, dict[str, Any]]]]:
    """The pack's collections as (draft item, record) pairs, in the order they are written.

    The outlets are those of every figure written, including the figures left to write (commented out at
    the end): once such a figure is written and its lines uncommented, its outlet is already an id of the pack.
    """
    sections = draft.included("section")
    topics = {s.id: "topic-" + s.id.removeprefix("section-") for s in sections}
    fallback = next(iter(topics.values()), "")
    figures = draft.included("figure")
    outlets = _outlets(figures + [item for item in left_to_write(draft) if item.kind == "figure"])
    out: dict[str, list[tuple[DraftItem | None, dict[str, Any]]]] = {
        "outlets": [(None, {"id": ident, "name": name}) for name, ident in outlets.items()],
        "topics": [(s, {"id": topics[s.id], "title": s.fields["title"]}) for s in sections],
        "sections": [],
    }
    shown = 0
    for section in sections:
        listed = [f.id for f in figures if f.section == section.id][:MAX_FIGURES_PER_SECTION]
        listed = listed[:max(0, 300 - shown)]
        shown += len(listed)
        record: dict[str, Any] = {"id": section.id, "title": section.fields["title"], "topic": topics[section.id]}
        if listed:
            record["figures"] = listed
        record["body"] = section.fields["body"]
        out["sections"].append((section, record))
    for kind, collection in (("figure", "figures"), ("term", "terms"), ("milestone", "milestones")):
        out[collection] = [(item, _record(item, topics, fallback, outlets)) for item in draft.included(kind)]
    return out


def waiting_records(draft: Draft) -> list[tuple[DraftItem, dict[str, Any]]]:
    """The items left to write, each with the record it becomes once its empty fields are written: the same
    record an item kept in the pack is written as (its chart group, its topic, its outlet's id), so uncommenting
    it is all the pack needs."""
    sections = draft.included("section")
    topics = {s.id: "topic-" + s.id.removeprefix("section-") for s in sections}
    fallback = next(iter(topics.values()), "")
    waiting = left_to_write(draft)
    outlets = _outlets(draft.included("figure") + [item for item in waiting if item.kind == "figure"])
    return [(item, _record(item, topics, fallback, outlets) if item.kind != "source" else {}) for item in waiting]


def keys(draft: Draft) -> dict[str, DraftItem]:
    """The validator's key paths (``figures[2]``, ``pack.title``) → the draft item they come from."""
    found: dict[str, DraftItem] = {f"pack.{item.id}": item for item in draft.of_kind("source")}
    for collection, pairs in records(draft).items():
        for index, (item, _record) in enumerate(pairs):
            if item is not None:
                found[f"{collection}[{index}]"] = item
    return found


def left_to_write(draft: Draft) -> list[DraftItem]:
    """The items saved commented out at the end of ``pack.toml``, not in the briefing: those kept with something
    still to write, and those never kept that needed writing."""
    return [item for item in draft.items if item.accepted and not item.ready] + \
        [item for item in draft.items if not item.accepted and item.todo]


def render_toml(draft: Draft) -> str:
    """The draft as ``pack.toml`` text."""
    waiting = [(item, record) for item, record in waiting_records(draft) if item.kind != "source"]
    pack_todo = [item for item in draft.of_kind("source") if item.todo and not item.ready]
    # Said only while true: a tester's pack, its summary written and its labels edited, still said the summary
    # was to write and every label the article's own
    lines = [f"# Drafted from {json.dumps(draft.article.name, ensure_ascii=False)} by Briefing Quiz from the",
             "# article's own words. Read each item once before sharing the pack."]
    if waiting or pack_todo:
        where = " and ".join(part for part, shown in (("in [pack]", pack_todo), ("at the end", waiting)) if shown)
        lines += [f"# Items marked TO WRITE ({where}) need text only a person can write."]
    lines += ["",
             "[pack]", f"id = {toml_string(draft.pack_id)}", f"title = {toml_string(draft.source_value('title'))}",
             f"language = {toml_string(draft.article.language or 'en')}", f"format_version = {FORMAT_VERSION}",
             f"source_title = {toml_string(draft.source_value('source_title') or draft.source_value('title'))}",
             f"source_file = {toml_string(draft.source_file)}"]
    for item in draft.of_kind("source"):
        if item.id in ("title", "source_title"):
            continue
        if item.todo and not item.ready:  # in [pack] itself: uncommented where it is, it is a field of [pack]
            lines.append(f"# {item.id} = \"\"  # TO WRITE (in [pack]): {item.note.removeprefix('to write: ')}")
        elif item.accepted and item.ready:
            lines.append(f"{item.id} = {toml_value(item.fields[item.id], multiline=True)}")
    to_list = _figures_to_list(draft, [item for item, _record in waiting])
    for collection, pairs in records(draft).items():
        for _item, record in pairs:
            lines += ["", f"[[{collection}]]"]
            if collection == "sections" and record["id"] in to_list:
                record = _with_figures_to_list(record, to_list[record["id"]])
            for name, value in record.items():
                if isinstance(value, _FiguresList):
                    lines += value.lines(name)
                else:
                    lines.append(f"{name} = {toml_value(value, multiline=name == 'body')}")
    if waiting:
        lines += ["", "# ---------------------------------------------------------------------------------",
                  f"{WAITING_MARK} Write what is",
                  "# marked TO WRITE, then remove the '# ' in front of the item's lines (its topic is the section",
                  "# it was found in; change it if you like), and in front of a figure's id in its section's",
                  f"# `figures` list (marked {LIST_MARK!r}), so it is shown with that section."]
    for item, record in waiting:
        lines += ["", f"# [[{COLLECTION[item.kind]}]]"]
        for name, value in record.items():
            mark = "  # TO WRITE" if name in item.todo and not str(value).strip() else ""
            lines.append(f"# {name} = {toml_value(value)}{mark}")
            if name == "id" and item.kind == "figure" and item.note:  # what to write and why (a range the format
                # cannot hold…): a comment still once the item's '# ' are removed as the instructions say
                lines.append(f"# # note: {' '.join(item.note.split())}")
    return "\n".join(lines) + "\n"


#: Beside a figure's id commented out in its section's ``figures`` list: the figure is still to write below.
LIST_MARK = "TO WRITE below"


class _FiguresList(list[str]):
    """A section's ``figures``: the ids listed, then those of figures still to write, commented out."""

    def __init__(self, listed: list[str], waiting: list[str]) -> None:
        super().__init__(listed)
        self.waiting = waiting

    def lines(self, name: str) -> list[str]:
        return [f"{name} = [", *(f"    {toml_string(i)}," for i in self),
                *(f"    # {toml_string(i)},  # {LIST_MARK}" for i in self.waiting), "]"]


def _figures_to_list(draft: Draft, waiting: list[DraftItem]) -> dict[str, list[str]]:
    """Section id → the ids of its figures left to write that its ``figures`` list can still take once they
    are written (the limits of :func:`records`: 100 a section, 300 in all), so uncommenting them keeps the
    pack valid."""
    counts: dict[str, int] = {}
    for item in draft.included("figure"):
        counts[item.section] = counts.get(item.section, 0) + 1
    shown = sum(min(n, MAX_FIGURES_PER_SECTION) for n in counts.values())
    found: dict[str, list[str]] = {}
    for item in waiting:
        if item.kind != "figure" or shown >= 300 or counts.get(item.section, 0) >= MAX_FIGURES_PER_SECTION:
            continue
        counts[item.section] = counts.get(item.section, 0) + 1
        shown += 1
        found.setdefault(item.section, []).append(item.id)
    return found


def _with_figures_to_list(record: dict[str, Any], waiting: list[str]) -> dict[str, Any]:
    """``record`` (a section) with its ``figures`` written one id a line and ``waiting`` commented out after them,
    the list placed where ``figures`` stands (before the body)."""
    out: dict[str, Any] = {}
    for name, value in record.items():
        if name == "body" and "figures" not in record:
            out["figures"] = _FiguresList([], waiting)
        out[name] = _FiguresList(value, waiting) if name == "figures" else value
    return out


#: The line that opens the commented-out items at the end of a drafted ``pack.toml``.
WAITING_MARK = "# TO WRITE: these need text the article does not give."


def waiting_in(toml_text: str) -> list[str]:
    """The drafted items still commented out in ``toml_text``, each as "figure figure-x: label" or "pack summary"
    (what ``main.py check`` lists, so a pack saved without editing still shows what is left to write): a
    ``[pack]`` field anywhere, records after :data:`WAITING_MARK`."""
    lines = toml_text.splitlines()
    found = [f"pack {line[2:].split(' = ', 1)[0].strip()}" for line in lines
             if line.startswith("# ") and "  # TO WRITE (in [pack])" in line]
    start = next((i for i, line in enumerate(lines) if line.startswith(WAITING_MARK)), None)
    if start is None:
        return found
    collection = ident = ""
    fields: list[str] = []

    def close() -> None:
        if collection:
            kind = collection.removesuffix("s")
            found.append(f"{kind} {ident or '(no id)'}: {', '.join(fields) or 'to complete'}")

    for line in lines[start + 1:]:
        if not line.startswith("# "):
            continue
        body = line[2:]
        if body.startswith("[[") and body.endswith("]]"):
            close()
            collection, ident, fields = body[2:-2], "", []
        elif body.startswith("id = ") and collection:
            ident = body[5:].strip().strip('"')
        elif "  # TO WRITE" in body and collection and "(in [pack])" not in body:
            fields.append(body.split(" = ", 1)[0].strip())
    close()
    return found


def write_pack(draft: Draft, folder: str | Path, *, force: bool = False) -> Path:
    """Write ``pack.toml`` and the source file into ``folder`` (created); refuse an existing pack unless ``force``.

    Each file is written beside its final name and renamed into place, so a
    failure leaves either the old file or the new one, never half of one.
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise DraftExists(f"{folder} is a file, not a folder")
    if folder.is_dir() and any(folder.iterdir()) and not force:
        raise DraftExists(f"{folder} is not empty; choose a new folder (or overwrite with --force)")
    folder.mkdir(parents=True, exist_ok=True)
    _write(folder / draft.source_file, draft.article.text)
    _write(folder / PACK_FILE, render_toml(draft))
    return folder


def _write(path: Path, text: str) -> None:
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
