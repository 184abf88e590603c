"""Move packs between the model and the content database.

The UI and the quiz read packs back from the store (:func:`read_pack`), not
from the TOML, so what the user sees is exactly what was validated and stored.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from content.loader import PACK_FILE, bundled_packs, load_pack
from content.model import (
    FLAT_COLLECTIONS,
    QUESTION_PARTS,
    ListItem,
    Meta,
    NamedList,
    Pack,
    Table,
    TableRow,
    from_record,
)
from content.problems import PackError, Problem
from db import content as store
from db.errors import StoreError


def _positioned(records: Iterable[Any], **extra: Any) -> list[dict[str, Any]]:
    """Shallow rows (``dataclasses.asdict`` deep-copies, which dominates large imports).

    Only a question's nested parts (options, statements, pairs) are records inside a
    record; they become plain dicts so the store can keep them as JSON.
    """
    rows = []
    for i, record in enumerate(records):
        names = [f.name for f in dataclasses.fields(record)]
        row = {n: getattr(record, n) for n in names}
        for name in QUESTION_PARTS:
            if row.get(name):
                row[name] = [dataclasses.asdict(part) for part in row[name]]
        rows.append({**row, **extra, "position": i})
    return rows


def write_pack(db: Database, pack: Pack) -> bool:
    """Store ``pack`` unless the same digest is already stored; True if written."""
    if pack.digest and store.stored_digest(db, pack.id) == pack.digest:
        return False
    rows: dict[str, list[dict[str, Any]]] = {
        name: _positioned(getattr(pack, name)) for name in FLAT_COLLECTIONS
    }
    rows["comparison_tables"] = [
        {k: v for k, v in r.items() if k != "rows"} for r in _positioned(pack.tables)
    ]
    rows["table_rows"] = [
        row for t in pack.tables for row in _positioned(t.rows, table_id=t.id)
    ]
    rows["lists"] = [{k: v for k, v in r.items() if k != "items"} for r in _positioned(pack.lists)]
    rows["list_items"] = [item for n in pack.lists for item in _positioned(n.items, list_id=n.id)]
    pack_row = {**dataclasses.asdict(pack.meta), "digest": pack.digest, "source_text": pack.source_text}
    store.replace_pack(db, pack_row, rows)
    return True


def store_pack(db: Database, pack: Pack, file: str) -> bool:
    """:func:`write_pack`, with a failure sorted into whose it is.

    The disk or the database (full, locked, unwritable) raises :class:`StoreError`;
    anything else is a value of this pack that SQLite would not take, raised as a
    :class:`PackError` about ``file``. Either way the transaction was rolled back.
    """
    try:
        return write_pack(db, pack)
    except (sqlite3.OperationalError, OSError) as exc:
        raise StoreError(f"Could not write the content store ({exc}). Check that the disk is not full "
                         "and the data folder is writable.") from exc
    except Exception as exc:  # untrusted input: a value the validator let through is still this pack's problem
        raise PackError([Problem(file, 0, "", f"this pack's content could not be stored "
                                 f"({type(exc).__name__}: {str(exc)[:200]})")]) from exc


def read_pack(db: Database, pack_id: str) -> Pack:
    """Rebuild a :class:`Pack` from stored rows (raises ``KeyError`` if absent)."""
    found = store.rows(db, "packs", pack_id)
    if not found:
        raise KeyError(pack_id)
    p = found[0]
    meta = from_record(Meta, p)

    def flat(name: str) -> tuple[Any, ...]:
        cls = FLAT_COLLECTIONS[name]
        return tuple(from_record(cls, r) for r in store.rows(db, name, pack_id))

    table_rows = store.rows(db, "table_rows", pack_id)
    items = store.rows(db, "list_items", pack_id)
    tables = tuple(
        from_record(Table, {**t, "rows": tuple(from_record(TableRow, r) for r in table_rows
                                                if r["table_id"] == t["id"])})
        for t in store.rows(db, "comparison_tables", pack_id)
    )
    lists = tuple(
        from_record(NamedList, {**n, "items": tuple(from_record(ListItem, i) for i in items
                                                    if i["list_id"] == n["id"])})
        for n in store.rows(db, "lists", pack_id)
    )
    return Pack(
        meta=meta, outlets=flat("outlets"), topics=flat("topics"), charts=flat("charts"), quotes=flat("quotes"),
        sections=flat("sections"),
        figures=flat("figures"), tables=tables, lists=lists, terms=flat("terms"),
        facts=flat("facts"), milestones=flat("milestones"), questions=flat("questions"),
        source_text=p.get("source_text"), digest=p.get("digest") or "",
    )



#: File-system clocks tick coarsely (a few ms on Linux before 6.13, ~16 ms on NTFS), so a file changed
#: twice within a tick keeps its times. A pack's files are only trusted by their state if they were last
#: changed at least this long before they were read (else the pack is read again at the next start).
SETTLE_NS = 30_000_000


def files_state(directory: Path, names: Iterable[str], *, changed_before_ns: int | None = None) -> str | None:
    """The folder's and the named files' type, size, times and inode, as JSON text; None if not trustworthy.

    Taken with ``lstat``, so a folder or file replaced by a link, a FIFO or a
    device differs from the regular one recorded. None when a file is missing,
    when times are whole seconds (FAT, ext3: too coarse to tell), or when a
    file changed after ``changed_before_ns`` minus :data:`SETTLE_NS` (it may
    have changed while it was being read).
    """
    parts = []
    for name in ("", *names):
        try:
            info = os.lstat(directory / name if name else directory)
        except OSError:
            return None
        newest = max(info.st_mtime_ns, info.st_ctime_ns)
        if not (info.st_mtime_ns % 1_000_000_000 or info.st_ctime_ns % 1_000_000_000):
            return None
        if changed_before_ns is not None and newest >= changed_before_ns - SETTLE_NS:
            return None
        parts.append([name, info.st_mode, info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_dev,
                      info.st_ino])
    return json.dumps(parts)


def _recorded_names(state: str) -> list[str]:
    try:
        return [str(part[0]) for part in json.loads(state)[1:]]
    except (ValueError, TypeError, IndexError, KeyError):
        return []


def pack_file_names(pack: Pack) -> list[str]:
    """The files a pack was read from, inside its folder."""
    return [PACK_FILE, *([pack.meta.source_file] if pack.meta.source_file else [])]


def settled_files_state(directory: Path, pack: Pack) -> str | None:
    """:func:`files_state` of files just written (an import), once they are older than a clock tick."""
    deadline = time.monotonic_ns() + 2 * SETTLE_NS
    while True:
        state = files_state(directory, pack_file_names(pack), changed_before_ns=time.time_ns())
        if state is not None or time.monotonic_ns() >= deadline:
            return state
        time.sleep(SETTLE_NS / 4e9)


def sync_packs(db: Database, directories: Iterable[Path] | None = None,
               *, broken: list[PackError] | None = None, load: Callable[[Path], Pack] = load_pack,
               stored: Callable[[Path, str], None] | None = None) -> list[str]:
    """Load (validating) each pack directory into the store; return the pack ids.

    Defaults to the bundled packs. A folder whose files are exactly as they were
    when its pack was stored (same type, size, times and inode: :func:`files_state`)
    is not read at all, so a start-up with a 100,000-figure pack in the library
    costs a few ``lstat`` calls, not seconds of parsing. Any other folder (new,
    changed, replaced by a link, renamed) is read and checked in full, and stored
    unless its digest is unchanged. Packs no longer present are dropped from
    the (disposable) content store. When ``broken`` is given, packs that cannot
    be loaded *or stored* are collected there and skipped instead of raising,
    so one bad imported pack cannot stop the app from starting. A store that
    cannot be written at all (:class:`StoreError`) still raises.
    ``stored(directory, pack_id)`` is told of each folder whose pack is in the store,
    in order, before the next folder is looked at.
    """
    ids: list[str] = []
    told = stored or (lambda _directory, _pack_id: None)
    recorded = store.pack_files(db)
    in_store = set(store.pack_ids(db))
    seen: list[str] = []
    for directory in directories if directories is not None else bundled_packs():
        key = str(directory)
        known = recorded.get(key)
        if known is not None and known[0] in in_store and known[0] not in ids \
                and files_state(Path(directory), _recorded_names(known[1])) == known[1]:
            ids.append(known[0])  # unchanged since it was stored: not read again
            seen.append(key)
            told(directory, known[0])
            continue
        started = time.time_ns()
        try:
            pack = load(directory)
            if pack.id in ids:
                raise PackError([Problem(str(Path(directory) / PACK_FILE), 0, "pack.id",
                                         f"another pack with id {pack.id!r} is already loaded")])
            store_pack(db, pack, str(Path(directory) / PACK_FILE))
        except PackError as exc:
            if broken is None:
                raise
            broken.append(exc)
            continue
        ids.append(pack.id)
        seen.append(key)
        record_files(db, key, pack, files_state(Path(directory), pack_file_names(pack), changed_before_ns=started))
        told(directory, pack.id)
    for stale in set(store.pack_ids(db)) - set(ids):
        store.remove_pack(db, stale)
    store.forget_pack_files(db, seen)
    return ids


def record_files(db: Database, directory: str, pack: Pack, state: str | None) -> None:
    """Remember the state of the files ``pack`` was stored from (None: read it again next time)."""
    try:
        store.record_pack_files(db, directory, pack.id, state)
    except (sqlite3.OperationalError, OSError) as exc:
        raise StoreError(f"Could not write the content store ({exc}). Check that the disk is not full "
                         "and the data folder is writable.") from exc


def export_all(db: Database) -> dict[str, Any]:
    """Everything in the content store as plain JSON-ready data."""
    packs = []
    for pack_id in store.pack_ids(db):
        pack = read_pack(db, pack_id)
        data = dataclasses.asdict(pack)
        data.pop("source_text", None)
        packs.append(data)
    return {"format": "briefing-content", "version": 1, "packs": packs}
