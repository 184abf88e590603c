"""Read a briefing pack directory (``pack.toml`` + optional source text).

Loading is all-or-nothing: either a fully validated :class:`Pack` comes back
or :class:`PackError` lists every problem, and nothing has been written
anywhere. Callers store a pack only after this returns.

A pack is untrusted input, so *anything* that goes wrong while reading,
parsing, validating or building it (a ``RecursionError`` from absurd nesting,
a ``MemoryError``, a bug) is turned into a :class:`PackError` with a message:
the caller shows a broken pack, never a traceback. Files are read through
:mod:`content.files` (regular files in the pack folder only, size-limited),
and :func:`load_pack_files` hands back the exact bytes it validated, so an
import writes those bytes and never reads the author's folder again.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from content.files import FileRefused, PackFolder, read_regular
from content.limits import MAX_NESTING, MAX_PACK_FILE_BYTES, MAX_SOURCE_FILE_BYTES, SOURCE_NAME_PATTERN
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
from content.problems import ImportCancelled, PackError, Problem
from content.validate import shown, validate

PACK_FILE = "pack.toml"
BUNDLED_DIR = Path(__file__).resolve().parent
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class PackFiles:
    """The bytes a pack was validated from: what an import writes into the library."""

    toml: bytes
    source_name: str | None = None  # a plain file name (checked), or None
    source: bytes = b""


def bundled_packs() -> list[Path]:
    """Pack directories shipped with the app (``content/<name>/pack.toml``)."""
    return sorted(p.parent for p in BUNDLED_DIR.glob(f"*/{PACK_FILE}"))


def load_pack(directory: str | Path) -> Pack:
    """Parse and validate the pack in ``directory``; raise :class:`PackError`."""
    return load_pack_files(directory)[0]


def load_pack_files(directory: str | Path, checkpoint: Callable[[], None] | None = None) -> tuple[Pack, PackFiles]:
    """The validated pack and the bytes it came from; raise :class:`PackError` for anything wrong.

    ``checkpoint`` is called between the slow steps; it may raise
    :class:`~content.problems.ImportCancelled`, which passes through.
    """
    directory = Path(directory)
    file = str(directory / PACK_FILE)
    try:
        return _load(directory, file, checkpoint or (lambda: None))
    except (PackError, ImportCancelled):
        raise
    except MemoryError:
        raise PackError([Problem(file, 0, "", "the pack is too large to read into memory")]) from None
    except Exception as exc:  # untrusted input: whatever else breaks is this pack's problem, shown as one
        raise PackError([Problem(file, 0, "", f"this pack cannot be read ({type(exc).__name__}: "
                                 f"{shown(str(exc))[1:-1]})")]) from None


def _load(directory: Path, file: str, checkpoint: Callable[[], None]) -> tuple[Pack, PackFiles]:
    try:
        folder = PackFolder.open(directory)
    except OSError as exc:
        raise PackError([Problem(file, 0, "", f"cannot read pack file: {exc.strerror or exc}")]) from None
    with folder:
        try:
            data = read_regular(folder, PACK_FILE, MAX_PACK_FILE_BYTES)
        except FileRefused as exc:
            raise PackError([Problem(file, 0, "", f"cannot read pack file: {PACK_FILE} {exc}")]) from None
        text, raw = _parse(data, file)
        checkpoint()
        source_name, source_bytes, source, problems = _read_source(folder, raw, file)
    checkpoint()
    problems += validate(raw, text, file, source)
    if problems:
        raise PackError(problems)
    digest = hashlib.sha256(data + b"\0" + source_bytes).hexdigest()
    return build_pack(raw, source, digest), PackFiles(data, source_name, source_bytes)


def _parse(data: bytes, file: str) -> tuple[str, dict[str, Any]]:
    """TOML text (a UTF-8 byte-order mark is dropped) and its parsed tables."""
    try:
        text = data.removeprefix(_BOM).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PackError([Problem(file, 0, "", f"not UTF-8 text ({exc.reason} at byte {exc.start:,}); "
                                 "save the file as UTF-8")]) from None
    try:
        return text, tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PackError([Problem(file, _toml_line(exc), "", f"invalid TOML: {exc}")]) from None
    except RecursionError:
        raise PackError([Problem(file, 0, "", f"invalid pack: arrays or tables are nested too deeply "
                                 f"(at most {MAX_NESTING} levels)")]) from None
    except ValueError as exc:  # e.g. an integer with more digits than Python converts
        raise PackError([Problem(file, 0, "", f"invalid TOML: {shown(str(exc))[1:-1]}")]) from None


def _read_source(folder: PackFolder, raw: dict[str, Any],
                 file: str) -> tuple[str | None, bytes, str | None, list[Problem]]:
    """(name, bytes, text, problems) of the source text; a name the validator refuses is not read."""
    pack = raw.get("pack")
    name = pack.get("source_file") if isinstance(pack, dict) else None
    if not isinstance(name, str) or not SOURCE_NAME_PATTERN.fullmatch(name) or name == PACK_FILE:
        return None, b"", None, []
    try:
        data = read_regular(folder, name, MAX_SOURCE_FILE_BYTES)
        text = data.removeprefix(_BOM).decode("utf-8")
    except FileRefused as exc:
        return None, b"", None, [Problem(file, 0, "pack.source_file", f"cannot read source text {name!r}: {exc}")]
    except UnicodeDecodeError as exc:
        return None, b"", None, [Problem(file, 0, "pack.source_file", f"cannot read source text {name!r}: not "
                                         f"UTF-8 text ({exc.reason} at byte {exc.start:,})")]
    return name, data, text, []


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
