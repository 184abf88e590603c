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
    FLAT_COLLECTIONS,
    ListItem,
    Meta,
    NamedList,
    Pack,
    Table,
    TableRow,
    from_record,
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

    def items(name: str) -> list[dict[str, Any]]:
        return list(raw.get(name, []))

    tables = tuple(
        from_record(Table, {**t, "rows": tuple(from_record(TableRow, r) for r in t["rows"])}) for t in items("tables"))
    lists = tuple(
        from_record(NamedList, {**n, "items": tuple(from_record(ListItem, i) for i in n["items"])})
        for n in items("lists"))
    flat = {name: tuple(from_record(cls, r) for r in items(name)) for name, cls in FLAT_COLLECTIONS.items()}
    return Pack(meta=from_record(Meta, raw["pack"]), tables=tables, lists=lists, source_text=source, digest=digest,
                **flat)
