"""Write the hostile-pack corpus: over 100 briefing packs that each attack the app one way.

    python tests/data/hostile_corpus/make_corpus.py OUT_DIR

The packs are generated, not committed, because many cannot live in git:
symbolic links (to ``/dev/zero``, out of the pack, through a chain of
folders), FIFOs, sparse 33 MiB files, a 10 MB title. ``tests/content/
test_hostile_corpus.py`` generates them into a sandbox under ``tmp_path`` at
test time and runs each through ``check``, ``import`` (CLI and GUI) and a
start-up with the pack planted straight into the library.

Each :class:`Case` says what the app must do with its pack: **refuse** it with
a message containing ``phrase``, or **open** it as a working briefing with its
charts drawn. Most packs are small variations of :func:`base_pack`, a valid
pack that uses every field of the format, so "markup in every text field" and
"NaN in every numeric field" are literally every field.

Paths a pack tries to reach outside its folder point into ``targets`` (a
folder the test lists before and after every run) instead of the real
``/tmp`` or ``~/.config/autostart``.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MIB = 1024 * 1024


@dataclass(frozen=True)
class Targets:
    """Places outside the data folder a hostile pack aims at (all inside the test's sandbox)."""

    victim: Path  # a folder with files a pack id tries to replace
    autostart: Path  # a stand-in for ~/.config/autostart
    outside_file: Path  # a regular file outside any pack (for symlinks)
    data: Path  # the app's data folder (ids relative to its library try to climb out of it)
    fifo: Path  # a FIFO outside any pack (markup tries to load it as an image)
    outside_pack: Path  # a valid pack.toml outside any pack folder (a pack links to it)


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[Path, Targets], None]
    expect: str  # "open" or "refuse"
    phrase: str = ""  # for "refuse": a phrase the problems must contain
    check: str | None = None  # what `check` does, when it differs ("ok" packs that only import refuses)
    planted: str | None = None  # what start-up does with the pack planted by hand, when it differs
    plant_as: str | None = None  # folder name when planted (default: the pack id if valid, else the case name)
    pack_id: str | None = None  # the id the pack is imported under, for "open"
    big: bool = field(default=False)  # slow to parse: generated only where needed

    def outcome(self, mode: str) -> str:
        """"open", "refuse" or (for check) "ok"/"refuse" in ``mode`` (check, import, gui, planted)."""
        if mode == "check":
            return self.check or ("ok" if self.expect == "open" else "refuse")
        if mode == "planted" and self.planted:
            return self.planted
        return self.expect


# -- writing TOML ---------------------------------------------------------------------------------
class Raw(str):
    """A value written into the TOML verbatim (``nan``, ``1e309``, a 25-digit integer)."""


def _value(value: Any) -> str:
    if isinstance(value, Raw):
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)  # JSON's escapes are TOML basic-string escapes
        return text.replace("\x7f", "\\u007f").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(type(value))


def _key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key, ensure_ascii=False)


def dump(pack: dict[str, Any]) -> str:
    """A pack dict as TOML: plain top-level values, ``[pack]``, then arrays of tables (rows/items nested)."""
    lines = [f"{_key(k)} = {_value(v)}" for k, v in pack.items()
             if not (k == "pack" and isinstance(v, dict)) and not (isinstance(v, list) and v and
                                                                  all(isinstance(x, dict) for x in v))]
    if isinstance(pack.get("pack"), dict):
        lines += ["[pack]", *(f"{_key(k)} = {_value(v)}" for k, v in pack["pack"].items())]
    for collection, entries in pack.items():
        if collection == "pack" or not (isinstance(entries, list) and entries and
                                        all(isinstance(x, dict) for x in entries)):
            continue
        for entry in entries:
            nested = {k: v for k, v in entry.items()
                      if isinstance(v, list) and v and all(isinstance(x, dict) for x in v)}
            lines += ["", f"[[{collection}]]", *(f"{_key(k)} = {_value(v)}" for k, v in entry.items()
                                                  if k not in nested)]
            for child, rows in nested.items():
                for row in rows:
                    lines += [f"[[{collection}.{child}]]", *(f"{_key(k)} = {_value(v)}" for k, v in row.items())]
    return "\n".join(lines) + "\n"


# -- the valid base pack ------------------------------------------------------------------------------
QUOTES = {
    "trees": "Widgets Weekly reports that the town plans to plant 300 trees by 2030.",
    "shrubs": "The Gazette adds 120 shrubs along the river.",
    "intro": "The town has a plan for trees.",
    "table": "Old plan and new plan compared.",
    "row": "Species",
    "cells": ["Oak", "Lime"],
    "columns": ["Old plan", "New plan"],
    "list": "Three steps make the plan.",
    "item": "First, the town digs.",
    "term": "An arborist cares for trees.",
    "fact": "The council voted for the plan.",
    "milestone": "Planting starts in spring.",
    "question": "The town plans to plant 300 trees.",
}
SOURCE = " ".join([QUOTES["trees"], QUOTES["shrubs"], QUOTES["intro"], QUOTES["table"], "Species Oak Lime.",
                   "Old plan New plan.", QUOTES["list"], QUOTES["item"], QUOTES["term"], QUOTES["fact"],
                   QUOTES["milestone"], QUOTES["question"]])


def base_pack(pack_id: str, *, source: bool = False) -> dict[str, Any]:
    """A valid pack using every field of the format; with ``source``, checked against ``SOURCE``."""
    meta: dict[str, Any] = {"id": pack_id, "title": "Town trees", "language": "en", "format_version": 1,
                            "source_title": "Trees for the town", "summary": "The town's tree plan."}
    if source:
        meta["source_file"] = "source.txt"
    return {
        "pack": meta,
        "outlets": [{"id": "weekly", "name": "Widgets Weekly", "description": "A weekly paper."},
                    {"id": "gazette", "name": "The Gazette", "description": "A daily paper."}],
        "topics": [{"id": "plan", "title": "The plan"}],
        "sections": [{"id": "intro", "title": "The tree plan", "topic": "plan", "figures": ["trees", "shrubs"],
                      "body": "The town plans trees.\n\nAnd shrubs.", "quote": QUOTES["intro"]}],
        "figures": [
            {"id": "trees", "label": "Trees to plant", "amount": 300, "unit": "trees", "approximate": False,
             "year": 2030, "outlet": "weekly", "quote": QUOTES["trees"], "chart_group": "plan", "topic": "plan"},
            {"id": "shrubs", "label": "Shrubs", "amount": 120, "unit": "trees", "approximate": True,
             "outlet": "gazette", "quote": QUOTES["shrubs"], "chart_group": "plan", "topic": "plan"},
        ],
        "tables": [{"id": "compare", "title": "Old and new", "row_header": "Feature", "columns": QUOTES["columns"],
                    "topic": "plan", "quote": QUOTES["table"],
                    "rows": [{"id": "species", "label": QUOTES["row"], "cells": QUOTES["cells"]}]}],
        "lists": [{"id": "steps", "title": "Steps", "topic": "plan", "quote": QUOTES["list"],
                   "items": [{"id": "dig", "name": "Dig", "detail": "Dig the holes.", "quote": QUOTES["item"]}]}],
        "terms": [{"id": "arborist", "term": "Arborist", "definition": "A tree doctor.", "quote": QUOTES["term"],
                   "topic": "plan"}],
        "facts": [{"id": "vote", "statement": "The council voted.", "quote": QUOTES["fact"], "topic": "plan",
                   "outlet": "weekly"}],
        "milestones": [{"id": "spring", "label": "Planting starts", "when": "spring", "quote": QUOTES["milestone"],
                        "topic": "plan", "year": 2030}],
        "questions": [{"id": "how-many", "kind": "numeric", "prompt": "How many trees?", "answer": "300",
                       "tolerance": 0.05, "quote": QUOTES["question"], "topic": "plan", "outlet": "weekly",
                       "facts": ["trees"]}],
    }


def write(folder: Path, pack: dict[str, Any], *, source: str | bytes | None = None) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pack.toml").write_text(dump(pack), encoding="utf-8")
    if source is not None:
        data = source.encode("utf-8") if isinstance(source, str) else source
        (folder / "source.txt").write_bytes(data)


def write_text(folder: Path, text: str | bytes) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8") if isinstance(text, str) else text
    (folder / "pack.toml").write_bytes(data)


def case_id(name: str) -> str:
    return re.sub(r"[^a-z0-9-]", "-", name.lower())[:64]


# -- case builders ------------------------------------------------------------------------------------
CASES: list[Case] = []


def case(name: str, expect: str, phrase: str = "", **kw: Any) -> Callable[[Callable], Callable]:
    def register(build: Callable[[Path, Targets], None]) -> Callable:
        CASES.append(Case(name, build, expect, phrase, pack_id=kw.pop("pack_id", case_id(name)), **kw))
        return build
    return register


def mutated(name: str, expect: str, phrase: str, change: Callable[[dict[str, Any]], None], *,
            source: bool = False, **kw: Any) -> None:
    """A case that is the base pack with one change."""

    def build(folder: Path, targets: Targets) -> None:
        pack = base_pack(case_id(name), source=source)
        change(pack)
        write(folder, pack, source=SOURCE if source else None)

    CASES.append(Case(name, build, expect, phrase, pack_id=kw.pop("pack_id", case_id(name)), **kw))


def setter(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """Set ``figures.0.amount``-style paths in the pack dict."""

    def change(pack: dict[str, Any]) -> None:
        node: Any = pack
        parts = path.split(".")
        for part in parts[:-1]:
            node = node[int(part)] if part.isdigit() else node[part]
        last = parts[-1]
        if last.isdigit():
            node[int(last)] = value
        else:
            node[last] = value
    return change


ID_RULE = "must be lower-case letters"

# Controls: valid packs must open.
mutated("baseline", "open", "", lambda p: None)
mutated("baseline-with-source", "open", "", lambda p: None, source=True)

# 1. Pack ids (and record ids) that try to become paths, or look like another pack.
for name, value in [
    ("id-absolute-path", lambda t: "/../../../../../../../../../.." + str(t.victim)),
    ("id-dotdot", lambda t: "../../victim"),
    ("id-autostart", lambda t: os.path.relpath(t.autostart, t.data / "packs")),
    ("id-trailing-newline", lambda t: "evil\n"),
    ("id-leading-newline", lambda t: "\nevil"),
    ("id-trailing-space", lambda t: "evil "),
    ("id-bidi-override", lambda t: "evil\u202e"),
    ("id-zero-width", lambda t: "sanae\u200bnomics"),
    ("id-too-long", lambda t: "a" * 65),
    ("id-upper-case", lambda t: "Evil"),
    ("id-hidden-dot", lambda t: ".hidden"),
    ("id-empty", lambda t: ""),
    ("id-nul", lambda t: "evil\x00"),
    ("id-unicode", lambda t: "évil"),
    ("id-backslashes", lambda t: "..\\..\\evil"),
    ("id-slash", lambda t: "a/b"),
    ("id-current-dir", lambda t: "."),
]:
    def _build(folder: Path, targets: Targets, value: Callable[[Targets], str] = value, name: str = name) -> None:
        pack = base_pack("x")
        pack["pack"]["id"] = value(targets)
        write(folder, pack)

    CASES.append(Case(name, _build, "refuse", ID_RULE))
mutated("id-not-a-string", "refuse", "expected a string", setter("pack.id", 7))
mutated("record-id-dotdot", "refuse", ID_RULE, setter("figures.0.id", "../x"))
mutated("record-id-newline", "refuse", ID_RULE, setter("topics.0.id", "plan\n"))
def _bundled_id(folder: Path, targets: Targets) -> None:
    write(folder, base_pack("sanaenomics"))


# Valid as a pack, so `check` passes; but the id belongs to the bundled pack, which it must not shadow.
CASES.append(Case("id-of-bundled-pack", _bundled_id, "refuse", "ships with the app", check="ok",
                  plant_as="sanaenomics", pack_id="sanaenomics"))


@case("folder-not-named-after-id", "open", "is named", planted="refuse", plant_as="somebody-else")
def _(folder: Path, targets: Targets) -> None:
    write(folder, base_pack("folder-not-named-after-id"))


# 2. source_file escapes: '..', absolute paths, links, NUL, special files.
def _source_case(name: str, source_file: str, expect: str, phrase: str,
                 prepare: Callable[[Path, Targets], None] | None = None, **kw: Any) -> None:
    def build(folder: Path, targets: Targets) -> None:
        pack = base_pack(case_id(name), source=True)
        pack["pack"]["source_file"] = source_file.format(victim=targets.victim, outside=targets.outside_file)
        write(folder, pack)
        if prepare:
            prepare(folder, targets)

    CASES.append(Case(name, build, expect, phrase, pack_id=case_id(name), **kw))


PLAIN_NAME = "plain name of a file"


def _link_chain(folder: Path, targets: Targets) -> None:
    """l -> d0/d1/…/d29, so 'l/../../…' stays inside the pack when resolved, but not when replayed."""
    deep = folder
    for i in range(30):
        deep = deep / f"d{i}"
    deep.mkdir(parents=True)
    (folder / "l").symlink_to(Path(*[f"d{i}" for i in range(30)]))
    (folder / "source.txt").write_text(SOURCE, encoding="utf-8")


_source_case("source-link-escape", "l/" + "../" * 30 + "{victim}/pwned.txt", "refuse", PLAIN_NAME, _link_chain)
_source_case("source-dotdot", "../../../../../../{victim}/pwned.txt", "refuse", PLAIN_NAME)
_source_case("source-absolute", "{outside}", "refuse", PLAIN_NAME)
_source_case("source-etc-passwd", "/etc/passwd", "refuse", PLAIN_NAME)
_source_case("source-nul", "source\x00.txt", "refuse", "contains U+0000")
_source_case("source-backslashes", "..\\..\\source.txt", "refuse", PLAIN_NAME)
_source_case("source-subfolder", "texts/source.txt", "refuse", PLAIN_NAME,
             lambda f, t: ((f / "texts").mkdir(), (f / "texts" / "source.txt").write_text(SOURCE, encoding="utf-8")))
_source_case("source-hidden", ".source.txt", "refuse", PLAIN_NAME)
_source_case("source-is-pack-toml", "pack.toml", "refuse", PLAIN_NAME)
_source_case("source-name-too-long", "a" * 300 + ".txt", "refuse", "at most 300")
_source_case("source-name-101-characters", "a" * 97 + ".txt", "refuse", PLAIN_NAME)
_source_case("source-missing", "missing.txt", "refuse", "cannot be opened")
_source_case("source-link-outside", "source.txt", "refuse", "symbolic link",
             lambda f, t: (f / "source.txt").symlink_to(t.outside_file))
_source_case("source-link-inside", "source.txt", "refuse", "symbolic link",
             lambda f, t: ((f / "real.txt").write_text(SOURCE, encoding="utf-8"),
                           (f / "source.txt").symlink_to("real.txt")))
_source_case("source-dev-zero", "source.txt", "refuse", "symbolic link",
             lambda f, t: (f / "source.txt").symlink_to("/dev/zero"))
_source_case("source-fifo", "source.txt", "refuse", "named pipe", lambda f, t: os.mkfifo(f / "source.txt"))
_source_case("source-folder", "source.txt", "refuse", "a folder", lambda f, t: (f / "source.txt").mkdir())
_source_case("source-huge", "source.txt", "refuse", "the limit is",
             lambda f, t: os.truncate(_touch(f / "source.txt"), 16 * MIB + 1))
_source_case("source-latin1", "source.txt", "refuse", "not UTF-8",
             lambda f, t: (f / "source.txt").write_bytes(SOURCE.encode("utf-8") + " caf\xe9".encode("latin-1")))
_source_case("source-with-bom", "source.txt", "open", "",
             lambda f, t: (f / "source.txt").write_bytes(b"\xef\xbb\xbf" + SOURCE.encode("utf-8")))


def _touch(path: Path) -> Path:
    path.write_bytes(b"")
    return path


# 9. pack.toml itself: special files, links, sizes, encodings, syntax, nesting.
@case("toml-fifo", "refuse", "named pipe")
def _(folder: Path, targets: Targets) -> None:
    folder.mkdir(parents=True)
    os.mkfifo(folder / "pack.toml")


@case("toml-dev-zero", "refuse", "symbolic link")
def _(folder: Path, targets: Targets) -> None:
    folder.mkdir(parents=True)
    (folder / "pack.toml").symlink_to("/dev/zero")


@case("toml-link-outside", "refuse", "symbolic link")
def _(folder: Path, targets: Targets) -> None:
    folder.mkdir(parents=True)
    (folder / "pack.toml").symlink_to(targets.outside_pack)


@case("toml-folder", "refuse", "a folder")
def _(folder: Path, targets: Targets) -> None:
    (folder / "pack.toml").mkdir(parents=True)


@case("toml-missing", "refuse", "cannot read pack file")
def _(folder: Path, targets: Targets) -> None:
    folder.mkdir(parents=True)
    (folder / "source.txt").write_text(SOURCE, encoding="utf-8")


@case("toml-huge-sparse", "refuse", "the limit is")
def _(folder: Path, targets: Targets) -> None:
    folder.mkdir(parents=True)
    os.truncate(_touch(folder / "pack.toml"), 32 * MIB + 1)


@case("summary-50-mb", "refuse", "the limit is", big=True)
def _(folder: Path, targets: Targets) -> None:
    pack = base_pack("summary-50-mb")
    pack["pack"]["summary"] = "x" * (50 * MIB)
    write(folder, pack)


@case("title-10-mb", "refuse", "characters long", big=True)
def _(folder: Path, targets: Targets) -> None:
    pack = base_pack("title-10-mb")
    pack["pack"]["title"] = "x" * (10 * 1000 * 1000)
    write(folder, pack)


@case("toml-with-bom", "open")
def _(folder: Path, targets: Targets) -> None:
    write_text(folder, b"\xef\xbb\xbf" + dump(base_pack("toml-with-bom")).encode("utf-8"))


@case("toml-utf16", "refuse", "not UTF-8")
def _(folder: Path, targets: Targets) -> None:
    write_text(folder, dump(base_pack("toml-utf16")).encode("utf-16"))


@case("toml-latin1", "refuse", "not UTF-8")
def _(folder: Path, targets: Targets) -> None:
    write_text(folder, dump(base_pack("toml-latin1")).replace("Town trees", "Caf\xe9").encode("latin-1"))


@case("toml-empty", "refuse", "missing [pack]")
def _(folder: Path, targets: Targets) -> None:
    write_text(folder, "")


@case("toml-syntax-error", "refuse", "invalid TOML")
def _(folder: Path, targets: Targets) -> None:
    write_text(folder, dump(base_pack("toml-syntax-error")).replace('title = "Town trees"', 'title = "Town trees'))


@case("toml-duplicate-key", "refuse", "invalid TOML")
def _(folder: Path, targets: Targets) -> None:
    write_text(folder, dump(base_pack("toml-duplicate-key")).replace('language = "en"', 'language = "en"\nid = "b"'))


@case("toml-integer-5000-digits", "refuse", "invalid TOML")
def _(folder: Path, targets: Targets) -> None:
    write_text(folder, dump(base_pack("toml-integer-5000-digits")).replace("year = 2030", "year = " + "9" * 5000, 1))


@case("toml-nul-byte", "refuse", "invalid TOML")
def _(folder: Path, targets: Targets) -> None:
    write_text(folder, dump(base_pack("toml-nul-byte")).replace("Town trees", "Town\x00trees"))


@case("toml-raw-control-character", "refuse", "invalid TOML")
def _(folder: Path, targets: Targets) -> None:
    write_text(folder, dump(base_pack("toml-raw-control-character")).replace("Town trees", "Town\x1btrees"))


mutated("unknown-top-level-key", "refuse", "unknown top-level key", setter("extras", [{"id": "x"}]))
mutated("unknown-field", "refuse", "unknown field", setter("figures.0.colour", "red"))
mutated("pack-not-a-table", "refuse", "missing [pack]", lambda p: p.update(pack="x"))
mutated("collection-not-an-array", "refuse", "must be an array", lambda p: p.update(topics={"id": "plan"}))
mutated("no-sections", "refuse", "needs at least one", lambda p: p.update(sections=[]))
mutated("duplicate-record-ids", "refuse", "duplicate id", setter("figures.1.id", "trees"))
mutated("dangling-reference", "refuse", "unknown id", setter("figures.0.outlet", "nobody"))
mutated("section-figures-nested-lists", "refuse", "expected a list of strings",
        setter("sections.0.figures", [["trees"]]))
mutated("many-unknown-fields", "refuse", "more problems",
        lambda p: p["figures"][0].update({f"field{i}": i for i in range(5000)}))


def _nested(name: str, opener: str, closer: str, depth: int, inner: str = "1") -> None:
    def build(folder: Path, targets: Targets) -> None:
        text = dump(base_pack(case_id(name)))
        write_text(folder, text.replace('language = "en"', f'language = "en"\nextra = {opener * depth}{inner}'
                                        f'{closer * depth}', 1))
    CASES.append(Case(name, build, "refuse", "nested", pack_id=case_id(name)))


_nested("nesting-arrays-1000", "[", "]", 1000)
_nested("nesting-arrays-400", "[", "]", 400)
_nested("nesting-arrays-11", "[", "]", 11)
_nested("nesting-inline-tables-1000", "{a = ", "}", 1000)
_nested("nesting-inline-tables-20", "{a = ", "}", 20)


@case("nesting-dotted-keys-5000", "refuse", "nested")
def _(folder: Path, targets: Targets) -> None:
    text = dump(base_pack("nesting-dotted-keys-5000"))
    write_text(folder, text.replace('language = "en"', 'language = "en"\n' + ".".join(["a"] * 5000) + " = 1", 1))


# Lengths of text fields.
mutated("title-301-characters", "refuse", "at most 300", setter("pack.title", "t" * 301))
mutated("title-300-characters", "open", "", setter("pack.title", "t" * 300))
mutated("label-long", "refuse", "at most 300", setter("figures.0.label", "l" * 5000))
mutated("unit-long", "refuse", "at most 300", setter("figures.0.unit", "trees" + "s" * 400))
mutated("chart-group-long", "refuse", "at most 300", setter("figures.0.chart_group", "g" * 400))
mutated("body-20001-characters", "refuse", "at most 20,000", setter("sections.0.body", "b" * 20_001))
mutated("body-20000-characters", "open", "", setter("sections.0.body", "b " * 10_000))
mutated("summary-long", "refuse", "at most 20,000", setter("pack.summary", "s" * 30_000))
mutated("quote-long", "refuse", "at most 20,000", setter("facts.0.quote", "q" * 30_000))
mutated("choice-long", "refuse", "at most 20,000",
        lambda p: p["questions"].append({"id": "pick", "kind": "choice", "prompt": "Which?", "answer": "a",
                                         "choices": ["a", "b" * 30_000], "quote": QUOTES["question"],
                                         "topic": "plan"}))

# 10. Invisible, control and text-direction characters; markup in every text field.
for name, path, text in [
    ("title-zero-width-space", "pack.title", "Sanae\u200bnomics"),
    ("title-zero-width-joiner", "pack.title", "Sanae\u200dnomics"),
    ("title-bidi-override", "pack.title", "Report \u202egnp.exe"),
    ("title-bidi-isolate", "pack.title", "\u2067Report\u2069"),
    ("title-left-to-right-mark", "pack.title", "Report\u200e"),
    ("title-soft-hyphen", "pack.title", "Sanae\u00adnomics"),
    ("title-byte-order-mark", "pack.title", "\ufeffTown trees"),
    ("title-newline", "pack.title", "Town\ntrees"),
    ("title-tab", "pack.title", "Town\ttrees"),
    ("title-nul", "pack.title", "Town\x00trees"),
    ("title-escape-sequence", "pack.title", "\x1b[31mRed"),
    ("title-line-separator", "pack.title", "Town\u2028trees"),
    ("label-tag-characters", "figures.0.label", "Trees\U000e0041\U000e0042"),
    ("unit-bidi-override", "figures.0.unit", "\u202eseert"),
    ("outlet-name-zero-width", "outlets.0.name", "Widgets\u2060Weekly"),
    ("topic-title-c1-control", "topics.0.title", "Plan\x85"),
    ("body-bidi-override", "sections.0.body", "Fine text \u202e until here"),
    ("body-zero-width-space", "sections.0.body", "Fine\u200btext"),
    ("quote-byte-order-mark", "facts.0.statement", "The council\ufeff voted."),
    ("body-escape-sequence", "sections.0.body", "\x1b]8;;http://example.invalid\x07link"),
]:
    mutated(name, "refuse", "character", setter(path, text))
mutated("body-right-to-left-text", "open", "",
        setter("sections.0.body", "\u05e2\u05e5 \u200f(tree)\u200f and \u0634\u062c\u0631\u0629 \u200c."))
mutated("body-emoji-with-joiner", "open", "", setter("sections.0.body", "Coders: \U0001f469\u200d\U0001f4bb"))

MARKUP = ['<b>bold</b>', '<img src="file:///dev/zero">', '<a href="http://example.invalid">link</a>',
          '<style>*{font-size:900px}</style>', '&amp; &lt;tag&gt;', '<script>alert(1)</script>']


NOT_TEXT = {"id", "topic", "outlet", "figures", "facts", "kind", "answer", "language", "source_file"}


def _markup_everywhere(pack: dict[str, Any], markup: str) -> None:
    """Append ``markup`` to every text field a reader sees (not ids, references, kinds or answers)."""

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in list(node.items()):
                if key in NOT_TEXT:
                    continue
                if isinstance(value, str):
                    node[key] = f"{value} {markup}"
                elif isinstance(value, list) and all(isinstance(v, str) for v in value):
                    node[key] = [f"{v} {markup}" for v in value]
                else:
                    visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    visit(pack)


for index, markup in enumerate(MARKUP):
    mutated(f"markup-everywhere-{index + 1}", "open", "", lambda p, m=markup: _markup_everywhere(p, m))


@case("markup-unit-image-fifo", "open")
def _(folder: Path, targets: Targets) -> None:
    pack = base_pack("markup-unit-image-fifo")
    for figure in pack["figures"]:
        figure["unit"] = f'billion <img src="file://{targets.fifo}">'
    write(folder, pack)


@case("markup-unit-image-dev-zero", "open")
def _(folder: Path, targets: Targets) -> None:
    pack = base_pack("markup-unit-image-dev-zero")
    for figure in pack["figures"]:
        figure["unit"] = 'billion <img src="file:///dev/zero">'
    write(folder, pack)


@case("markup-label-local-image", "open")
def _(folder: Path, targets: Targets) -> None:
    pack = base_pack("markup-label-local-image")
    pack["figures"][0]["label"] = f'<img src="file://{targets.outside_file}" width=2000>'
    write(folder, pack)


mutated("markup-chart-group-url", "open", "", lambda p: [f.update(chart_group="<b>g</b> #frag?x=1") for f in
                                                          p["figures"]])

# 3. Numbers: NaN, infinities, -0, subnormals, overflow, huge integers, in every numeric field.
FINITE = "finite number"
for name, path, raw, expect, phrase in [
    ("amount-nan", "figures.0.amount", "nan", "refuse", FINITE),
    ("amount-negative-nan", "figures.0.amount", "-nan", "refuse", FINITE),
    ("amount-inf", "figures.0.amount", "inf", "refuse", FINITE),
    ("amount-negative-inf", "figures.0.amount", "-inf", "refuse", FINITE),
    ("amount-1e309", "figures.0.amount", "1e309", "refuse", FINITE),
    ("amount-zero", "figures.0.amount", "0", "open", ""),
    ("amount-zero-float", "figures.0.amount", "0.0", "open", ""),
    ("amount-negative-zero", "figures.0.amount", "-0.0", "open", ""),
    ("amount-negative-zero-int", "figures.0.amount", "-0", "open", ""),
    ("amount-subnormal", "figures.0.amount", "5e-324", "refuse", "outside what the app can chart"),
    ("amount-tiny", "figures.0.amount", "1e-7", "refuse", "outside what the app can chart"),
    ("amount-smallest", "figures.0.amount", "1e-6", "open", ""),
    ("amount-largest", "figures.0.amount", "1e15", "open", ""),
    ("amount-too-large", "figures.0.amount", "1.1e15", "refuse", "outside what the app can chart"),
    ("amount-negative", "figures.0.amount", "-5", "refuse", "outside what the app can chart"),
    ("amount-huge-integer", "figures.0.amount", "9999999999999999999999999", "refuse", "outside"),
    ("amount-int64-max", "figures.0.amount", "9223372036854775807", "refuse", "outside"),
    ("amount-400-digit-integer", "figures.0.amount", "9" * 400, "refuse", "outside"),
    ("amount-max-float", "figures.0.amount", "1.7976931348623157e308", "refuse", "outside"),
    ("amount-boolean", "figures.0.amount", "true", "refuse", "expected a number"),
    ("amount-string", "figures.0.amount", '"300"', "refuse", "expected a number"),
    ("amount-date", "figures.0.amount", "2030-01-01", "refuse", "expected a number"),
    ("year-huge", "figures.0.year", "9999999999999999999999999", "refuse", "between 1 and 9999"),
    ("year-int64-max", "figures.0.year", "9223372036854775807", "refuse", "between 1 and 9999"),
    ("year-int64-overflow", "figures.0.year", "9223372036854775808", "refuse", "between 1 and 9999"),
    ("year-negative", "figures.0.year", "-1", "refuse", "between 1 and 9999"),
    ("year-zero", "figures.0.year", "0", "refuse", "between 1 and 9999"),
    ("year-nan", "figures.0.year", "nan", "refuse", "expected an integer"),
    ("year-float", "figures.0.year", "2030.5", "refuse", "expected an integer"),
    ("year-inf", "figures.0.year", "inf", "refuse", "expected an integer"),
    ("milestone-year-huge", "milestones.0.year", "99999999999999999999", "refuse", "between 1 and 9999"),
    ("milestone-year-negative", "milestones.0.year", "-2030", "refuse", "between 1 and 9999"),
    ("tolerance-nan", "questions.0.tolerance", "nan", "refuse", FINITE),
    ("tolerance-inf", "questions.0.tolerance", "inf", "refuse", FINITE),
    ("tolerance-negative", "questions.0.tolerance", "-0.1", "refuse", "between 0 and 1"),
    ("tolerance-huge", "questions.0.tolerance", "1e300", "refuse", "between 0 and 1"),
    ("tolerance-huge-integer", "questions.0.tolerance", "99999999999999999999999", "refuse", "between 0 and 1"),
    ("tolerance-negative-zero", "questions.0.tolerance", "-0.0", "open", ""),
    ("format-version-huge", "pack.format_version", "99999999999999999999999", "refuse", "newer than this app"),
    ("format-version-negative", "pack.format_version", "-1", "refuse", "format version"),
    ("format-version-nan", "pack.format_version", "nan", "refuse", "expected an integer"),
    ("numeric-answer-nan", "questions.0.answer", '"nan"', "refuse", FINITE),
    ("numeric-answer-inf", "questions.0.answer", '"1e999"', "refuse", FINITE),
    ("numeric-answer-huge", "questions.0.answer", '"1e300"', "refuse", FINITE),
    ("numeric-answer-text", "questions.0.answer", '"many"', "refuse", "is not a number"),
]:
    mutated(name, expect, phrase, setter(path, Raw(raw)))
mutated("amounts-all-zero", "open", "", lambda p: [f.update(amount=0) for f in p["figures"]])
mutated("amounts-equal", "open", "", lambda p: [f.update(amount=100) for f in p["figures"]])
mutated("amounts-power-of-ten", "open", "",
        lambda p: [f.update(amount=a) for f, a in zip(p["figures"], (10, 1000), strict=True)])
mutated("amounts-widest-spread", "open", "", lambda p: (p["figures"][0].update(amount=Raw("1e15"),
                                                                               unit="trillion trees"),
                                                         p["figures"][1].update(amount=Raw("1e-6"))))


@case("briefing-text-over-budget", "refuse", "characters in all")
def _(folder: Path, targets: Targets) -> None:
    """Every body and definition under its own limit, but together more than the briefing shows at once."""
    pack = base_pack("briefing-text-over-budget")
    pack["sections"] = [{**pack["sections"][0], "id": f"s{j}", "figures": ["trees"] if j == 0 else [],
                         "body": "word " * 3999 + "end."} for j in range(200)]
    pack["terms"] = [{**pack["terms"][0], "id": f"t{j}", "definition": "d " * 9999} for j in range(300)]
    write(folder, pack)


@case("briefing-text-at-budget", "open")
def _(folder: Path, targets: Targets) -> None:
    from content.limits import MAX_BRIEFING_TEXT_CHARS

    pack = base_pack("briefing-text-at-budget")
    used = len(dump({"x": [pack["pack"]]}))  # generous: the rest of the base pack's text
    bodies = (MAX_BRIEFING_TEXT_CHARS - used - 2_000) // 20_000
    pack["sections"] += [{**pack["sections"][0], "id": f"s{j}", "figures": [], "body": "b" * 20_000}
                         for j in range(bodies)]
    write(folder, pack)


# Too many records; a pack at the display limits that must still open.
def _counted(name: str, collection: str, count: int, phrase: str) -> None:
    """``count`` entries in ``collection``, as one inline array of empty tables (cheap to write and parse)."""

    def build(folder: Path, targets: Targets) -> None:
        pack = base_pack(case_id(name))
        del pack[collection]
        many = "[" + ", ".join(["{}"] * count) + "]"
        write_text(folder, f"{collection} = {many}\n" + dump(pack))  # top-level keys come before [pack]

    CASES.append(Case(name, build, "refuse", phrase, pack_id=case_id(name)))


_counted("too-many-figures", "figures", 100_001, "at most 100,000")
_counted("too-many-sections", "sections", 201, "at most 200")
_counted("too-many-milestones", "milestones", 51, "at most 50")
_counted("too-many-terms", "terms", 301, "at most 300")
_counted("too-many-outlets", "outlets", 101, "at most 100")
_counted("too-many-tables", "tables", 21, "at most 20")


@case("too-many-records-in-all", "refuse", "in all")
def _(folder: Path, targets: Targets) -> None:
    text = dump({k: v for k, v in base_pack("too-many-records-in-all").items() if k not in ("facts", "questions")})
    many = "[" + ", ".join(["{}"] * 100_000) + "]"
    write_text(folder, f"facts = {many}\nquestions = {many}\n" + text)


mutated("too-many-table-rows", "refuse", "at most 50",
        lambda p: p["tables"][0].update(rows=[{"id": f"r{i}", "label": "Species", "cells": ["Oak", "Lime"]}
                                              for i in range(51)]))
mutated("too-many-table-columns", "refuse", "at most 10",
        lambda p: p["tables"][0].update(columns=[f"c{i}" for i in range(11)],
                                        rows=[{"id": "r", "label": "Species", "cells": ["x"] * 11}]))
mutated("too-many-list-items", "refuse", "at most 20",
        lambda p: p["lists"][0].update(items=[{"id": f"i{i}", "name": "Dig", "detail": "d", "quote": QUOTES["item"]}
                                              for i in range(21)]))
mutated("too-many-choices", "refuse", "at most 100",
        lambda p: p["questions"].append({"id": "pick", "kind": "choice", "prompt": "Which?", "answer": "c0",
                                         "choices": [f"c{i}" for i in range(101)], "quote": QUOTES["question"],
                                         "topic": "plan"}))


def _many_figures(pack: dict[str, Any], count: int, listed: int, sections: int = 1) -> None:
    figure = pack["figures"][0]
    pack["figures"] = [{**figure, "id": f"f{i}", "amount": i, "label": f"Figure {i}", "year": 2030}
                       for i in range(count)]
    pack["sections"] = [{**pack["sections"][0], "id": f"s{j}", "figures": [f"f{(j * listed + i) % count}"
                                                                           for i in range(listed)]}
                        for j in range(sections)]
    pack["questions"][0]["facts"] = ["f0"]


mutated("too-many-figure-cards", "refuse", "figure cards", lambda p: _many_figures(p, 2_000, 100, sections=4))
mutated("one-chart-of-5000-figures", "open", "", lambda p: _many_figures(p, 5_000, 3))


@case("at-the-display-limits", "open")
def _(folder: Path, targets: Targets) -> None:
    """Every collection the briefing draws entry by entry, at its limit: must still open."""
    from content.limits import MAX_ENTRIES, MAX_SECTION_FIGURES, MAX_SOURCE_LINES, MAX_TABLE_COLUMNS

    pack = base_pack("at-the-display-limits")
    sections = MAX_ENTRIES["sections"]
    pack["outlets"] += [{"id": f"o{i}", "name": f"Outlet {i}"} for i in range(MAX_ENTRIES["outlets"] - 2)]
    outlets = len(pack["outlets"])
    # Enough figures that every outlet has more than Sources lists; as many figure cards as allowed.
    _many_figures(pack, outlets * (MAX_SOURCE_LINES + 1), 1, sections=sections)
    for index, figure in enumerate(pack["figures"]):
        figure["outlet"] = pack["outlets"][index % outlets]["id"]
    for index in range(MAX_SECTION_FIGURES):
        pack["sections"][index % sections]["figures"] = [
            *pack["sections"][index % sections]["figures"][: index // sections], f"f{index}"]
    pack["topics"] += [{"id": f"t{i}", "title": f"Topic {i}"} for i in range(MAX_ENTRIES["topics"] - 1)]
    table = pack["tables"][0]
    columns = [f"Plan {k}" for k in range(MAX_TABLE_COLUMNS)]
    pack["tables"] = [{**table, "id": f"tab{i}", "columns": columns,
                       "rows": [{"id": f"tab{i}-r{j}", "label": "Species", "cells": [f"Oak {k}" for k in columns]}
                                for j in range(MAX_ENTRIES["tables.rows"])]}
                      for i in range(MAX_ENTRIES["tables"])]
    named = pack["lists"][0]
    pack["lists"] = [{**named, "id": f"list{i}", "items": [{"id": f"list{i}-i{j}", "name": f"Step {j}",
                                                            "detail": "Dig.", "quote": QUOTES["item"]}
                                                           for j in range(MAX_ENTRIES["lists.items"])]}
                     for i in range(MAX_ENTRIES["lists"])]
    term = pack["terms"][0]
    pack["terms"] = [{**term, "id": f"term{i}", "term": f"Term {i}"} for i in range(MAX_ENTRIES["terms"])]
    milestone = pack["milestones"][0]
    pack["milestones"] = [{**milestone, "id": f"m{i}", "year": 2000 + i}
                          for i in range(MAX_ENTRIES["milestones"])]
    write(folder, pack)


def generate(out: Path, targets: Targets, *, include_big: bool = True) -> dict[str, Path]:
    """Write every case into ``out/<case name>``; returns name → folder."""
    out.mkdir(parents=True, exist_ok=True)
    folders = {}
    for item in CASES:
        if item.big and not include_big:
            continue
        folder = out / item.name
        item.build(folder, targets)
        folders[item.name] = folder
    return folders


def make_targets(sandbox: Path) -> Targets:
    """The places hostile packs aim at, created inside ``sandbox`` with a file each.

    The app's data folders are ``sandbox/home/<name>`` (one per run): an id such as
    ``../../.config/autostart`` reaches the same stand-in from each of them.
    """
    victim = sandbox / "victim"
    autostart = sandbox / "home" / ".config" / "autostart"
    for folder, name in ((victim, "precious.txt"), (autostart, "existing.desktop")):
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("must survive\n", encoding="utf-8")
    outside = sandbox / "outside.txt"
    outside.write_text("a file outside every pack\n", encoding="utf-8")
    fifo = sandbox / "outside.fifo"
    if not fifo.exists():
        os.mkfifo(fifo)
    outside_pack = sandbox / "outside-pack.toml"
    outside_pack.write_text(dump(base_pack("toml-link-outside")), encoding="utf-8")
    return Targets(victim=victim, autostart=autostart, outside_file=outside, data=sandbox / "home" / "data",
                   fifo=fifo, outside_pack=outside_pack)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    out = Path(argv[0]).resolve()
    folders = generate(out / "packs", make_targets(out))
    print(f"wrote {len(folders)} packs to {out / 'packs'} (targets beside them)")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[3]))  # the repository, for content.limits
    sys.exit(main(sys.argv[1:]))
