"""Read a briefing pack directory (``pack.toml`` + optional source text).

Loading is all-or-nothing: either a fully validated :class:`Pack` comes back
or :class:`PackError` lists every problem, and nothing has been written
anywhere. Callers store a pack only after this returns.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from pathlib import Path
from typing import Any

from content.model import (
    Fact,
    Figure,
    ListItem,
    Meta,
    Milestone,
    NamedList,
    Outlet,
    Pack,
    Question,
    Section,
    Table,
    TableRow,
    Term,
    Topic,
)
from content.problems import PackError, Problem
from content.validate import validate

PACK_FILE = "pack.toml"
BUNDLED_DIR = Path(__file__).resolve().parent


def bundled_packs() -> list[Path]:
    """Pack directories shipped with the app (``content/<name>/pack.toml``)."""
    return sorted(p.parent for p in BUNDLED_DIR.glob(f"*/{PACK_FILE}"))


def load_pack(directory: str | Path) -> Pack:
    """Parse and validate the pack in ``directory``; raise :class:`PackError`."""
    directory = Path(directory)
    toml_path = directory / PACK_FILE
    shown = str(toml_path)
    try:
        data = toml_path.read_bytes()
    except OSError as exc:
        raise PackError([Problem(shown, 0, "", f"cannot read pack file: {exc.strerror or exc}")]) from None
    try:
        text = data.decode("utf-8")
        raw = tomllib.loads(text)
    except UnicodeDecodeError as exc:
        raise PackError([Problem(shown, 0, "", f"not UTF-8 text ({exc.reason})")]) from None
    except tomllib.TOMLDecodeError as exc:
        raise PackError([Problem(shown, _toml_line(exc), "", f"invalid TOML: {exc}")]) from None

    source, source_bytes, problems = _read_source(directory, raw, shown)
    problems += validate(raw, text, shown, source)
    if problems:
        raise PackError(problems)
    digest = hashlib.sha256(data + b"\0" + source_bytes).hexdigest()
    return build_pack(raw, source, digest)


def _read_source(directory: Path, raw: dict[str, Any], shown: str) -> tuple[str | None, bytes, list[Problem]]:
    pack = raw.get("pack")
    name = pack.get("source_file") if isinstance(pack, dict) else None
    if not isinstance(name, str):
        return None, b"", []
    path = (directory / name).resolve()
    if directory.resolve() not in path.parents:
        return None, b"", [Problem(shown, 0, "pack.source_file", "must be a file inside the pack directory")]
    try:
        data = path.read_bytes()
        return data.decode("utf-8"), data, []
    except (OSError, UnicodeDecodeError) as exc:
        return None, b"", [Problem(shown, 0, "pack.source_file", f"cannot read source text {name!r}: {exc}")]


def _toml_line(exc: tomllib.TOMLDecodeError) -> int:
    """Line of a TOML syntax error (Python 3.11 only has it in the message)."""
    found = re.search(r"at line (\d+)", str(exc))
    return int(found.group(1)) if found else 0


def build_pack(raw: dict[str, Any], source: str | None, digest: str) -> Pack:
    """Turn an already validated dict into immutable model objects."""
    p = raw["pack"]
    meta = Meta(
        id=p["id"], title=p["title"], language=p["language"], format_version=p["format_version"],
        source_title=p["source_title"], source_file=p.get("source_file"), summary=p.get("summary", ""),
    )

    def items(name: str) -> list[dict[str, Any]]:
        return list(raw.get(name, []))

    return Pack(
        meta=meta,
        outlets=tuple(Outlet(o["id"], o["name"], o.get("description", "")) for o in items("outlets")),
        topics=tuple(Topic(t["id"], t["title"]) for t in items("topics")),
        sections=tuple(
            Section(s["id"], s["title"], s["body"], s["topic"], tuple(s.get("figures", ())), s.get("quote", ""))
            for s in items("sections")
        ),
        figures=tuple(
            Figure(
                id=f["id"], label=f["label"], amount=float(f["amount"]), unit=f["unit"],
                approximate=f["approximate"], quote=f["quote"], chart_group=f["chart_group"],
                topic=f["topic"], year=f.get("year"), outlet=f.get("outlet"),
            )
            for f in items("figures")
        ),
        tables=tuple(
            Table(
                id=t["id"], title=t["title"], row_header=t["row_header"], columns=tuple(t["columns"]),
                rows=tuple(TableRow(r["id"], r["label"], tuple(r["cells"])) for r in t["rows"]),
                topic=t["topic"], quote=t.get("quote", ""),
            )
            for t in items("tables")
        ),
        lists=tuple(
            NamedList(
                id=n["id"], title=n["title"], topic=n["topic"], quote=n.get("quote", ""),
                items=tuple(ListItem(i["id"], i["name"], i["detail"], i["quote"]) for i in n["items"]),
            )
            for n in items("lists")
        ),
        terms=tuple(Term(t["id"], t["term"], t["definition"], t["quote"], t["topic"]) for t in items("terms")),
        facts=tuple(Fact(f["id"], f["statement"], f["quote"], f["topic"], f.get("outlet")) for f in items("facts")),
        milestones=tuple(
            Milestone(m["id"], m["label"], m["when"], m["quote"], m["topic"], m.get("year"))
            for m in items("milestones")
        ),
        questions=tuple(
            Question(
                id=q["id"], kind=q["kind"], prompt=q["prompt"], answer=q["answer"], quote=q["quote"],
                topic=q["topic"], choices=tuple(q.get("choices", ())), tolerance=float(q.get("tolerance", 0)),
                outlet=q.get("outlet"), facts=tuple(q.get("facts", ())),
            )
            for q in items("questions")
        ),
        source_text=source,
        digest=digest,
    )
