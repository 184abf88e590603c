"""The content database: a disposable, queryable copy of every loaded pack.

Content is always rebuilt from the pack files, so this database carries no
migrations: when its layout version changes, or a pack's digest changes, the
affected rows are simply replaced. It lives in its own file so that nothing
done here can ever touch the progress database.

``pack_files`` records, per pack folder, the state (type, size, times, inode)
of the files a pack was stored from, so start-up can tell an unchanged pack
without reading it (see :func:`content.store.sync_packs`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from sqlite_utils import Database

CONTENT_FILE = "content.db"
#: Bump when the row layout written by :func:`replace_pack` changes.
LAYOUT_VERSION = 4

#: Table → its primary key. Every table but ``packs`` is keyed by pack too.
TABLES: dict[str, tuple[str, ...]] = {
    "packs": ("id",),
    "outlets": ("pack_id", "id"),
    "topics": ("pack_id", "id"),
    "charts": ("pack_id", "id"),
    "quotes": ("pack_id", "id"),
    "sections": ("pack_id", "id"),
    "figures": ("pack_id", "id"),
    "comparison_tables": ("pack_id", "id"),
    "table_rows": ("pack_id", "id"),
    "lists": ("pack_id", "id"),
    "list_items": ("pack_id", "id"),
    "terms": ("pack_id", "id"),
    "facts": ("pack_id", "id"),
    "milestones": ("pack_id", "id"),
    "questions": ("pack_id", "id"),
}


def open_content(path: str | Path | None) -> Database:
    """Open the content store; ``None`` gives an in-memory one (tests, CLI checks).

    A file with an unknown layout, or one SQLite cannot read, is recreated:
    it only ever holds what the pack files can rebuild. sqlite-utils plugins
    are not loaded: discovering them imports packaging metadata (and with it
    ``socket``) at every start-up, and the app uses none.
    """
    if path is None:
        return Database(memory=True, execute_plugins=False)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        db = Database(path, execute_plugins=False)
        version = db.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError:
        path.unlink(missing_ok=True)
        db = Database(path, execute_plugins=False)
        version = 0
    if version != LAYOUT_VERSION:
        db.close()
        db = Database(path, recreate=True, execute_plugins=False)
        db.execute(f"PRAGMA user_version={LAYOUT_VERSION}")
    with db.ensure_autocommit_on():
        db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE TABLE IF NOT EXISTS pack_files (directory TEXT PRIMARY KEY, pack_id TEXT NOT NULL, "
               "state TEXT NOT NULL)")
    return db


def pack_files(db: Database) -> dict[str, tuple[str, str]]:
    """Pack folder → (pack id, state of its files when that pack was stored from it)."""
    return {r["directory"]: (r["pack_id"], r["state"])
            for r in db.query("SELECT directory, pack_id, state FROM pack_files")}


def record_pack_files(db: Database, directory: str, pack_id: str, state: str | None) -> None:
    """Remember the state ``directory``'s files had when pack ``pack_id`` was stored from it (None: forget it)."""
    with db.atomic():
        db.execute("DELETE FROM pack_files WHERE directory = ?", [directory])
        if state is not None:
            db.execute("INSERT INTO pack_files (directory, pack_id, state) VALUES (?, ?, ?)",
                       [directory, pack_id, state])


def forget_pack_files(db: Database, keep: Iterable[str]) -> None:
    """Drop the records of every folder but ``keep`` (vanished, broken or not offered this time)."""
    kept = set(keep)
    gone = [d for d in pack_files(db) if d not in kept]
    if gone:
        with db.atomic():
            db.conn.executemany("DELETE FROM pack_files WHERE directory = ?", [(d,) for d in gone])


def stored_digest(db: Database, pack_id: str) -> str | None:
    """Digest of the pack as last stored, to skip rebuilding an unchanged pack."""
    if "packs" not in db.table_names():
        return None
    row = next(db.query("SELECT digest FROM packs WHERE id = ?", [pack_id]), None)
    return row["digest"] if row else None


def replace_pack(db: Database, pack_row: Mapping[str, Any], rows: Mapping[str, Iterable[Mapping[str, Any]]]) -> None:
    """Replace every row of one pack in a single transaction (all or nothing)."""
    pack_id = pack_row["id"]
    with db.atomic():
        for table in TABLES:
            if table in db.table_names():
                column = "id" if table == "packs" else "pack_id"
                db.execute(f"DELETE FROM [{table}] WHERE [{column}] = ?", [pack_id])
        db.table("packs").insert(dict(pack_row), pk="id", replace=True, alter=True)
        for table, authored in rows.items():
            records = [{"pack_id": pack_id, **_encode(r)} for r in authored]
            if records:
                _insert_all(db, table, records)


def _insert_all(db: Database, table: str, records: list[dict[str, Any]]) -> None:
    """Create the table from the records' types if needed, then one ``executemany``.

    sqlite-utils' ``insert_all`` inspects every value of every row; content rows
    of one table all share one shape, so that work is only needed once (it
    made large imports several times slower).
    """
    columns = list(records[0])
    if table not in db.table_names():
        types = {c: next((type(r[c]) for r in records if r[c] is not None), str) for c in columns}
        db.table(table).create(types, pk=TABLES[table])
    else:
        missing = [c for c in columns if c not in db.table(table).columns_dict]
        for column in missing:
            db.table(table).add_column(column, next((type(r[column]) for r in records if r[column] is not None), str))
    names = ", ".join(f"[{c}]" for c in columns)
    marks = ", ".join("?" for _ in columns)
    db.conn.executemany(f"INSERT INTO [{table}] ({names}) VALUES ({marks})",
                        [tuple(r[c] for c in columns) for r in records])


def remove_pack(db: Database, pack_id: str) -> None:
    """Drop a pack's content (progress is untouched; it lives elsewhere)."""
    replace_pack(db, {"id": pack_id}, {})
    with db.atomic():
        db.execute("DELETE FROM packs WHERE id = ?", [pack_id])
        db.execute("DELETE FROM pack_files WHERE pack_id = ?", [pack_id])


def pack_ids(db: Database) -> list[str]:
    return [pack_id for pack_id, _title, _source in pack_titles(db)]


def pack_titles(db: Database) -> list[tuple[str, str, str]]:
    """(id, title, source title) of every stored pack, by title: enough to offer a choice without reading packs."""
    if "packs" not in db.table_names():
        return []
    return [(r["id"], r["title"], r["source_title"])
            for r in db.query("SELECT id, title, source_title FROM packs ORDER BY title, id")]


def rows(db: Database, table: str, pack_id: str) -> list[dict[str, Any]]:
    """All rows of ``table`` for one pack, in authored order, JSON columns decoded."""
    if table not in db.table_names():
        return []
    if table == "packs":
        found = db.query("SELECT * FROM packs WHERE id = ?", [pack_id])
    else:
        found = db.query(f"SELECT * FROM [{table}] WHERE pack_id = ? ORDER BY position", [pack_id])
    return [_decode(r) for r in found]


def _encode(record: Mapping[str, Any]) -> dict[str, Any]:
    return {k: json.dumps(list(v), ensure_ascii=False) if isinstance(v, list | tuple) else v
            for k, v in record.items()}


def _decode(record: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key, value in record.items():
        if isinstance(value, str) and value.startswith("[") and key in _JSON_COLUMNS:
            value = json.loads(value)
        out[key] = value
    return out


_JSON_COLUMNS = frozenset({"figures", "columns", "cells", "choices", "facts", "options", "sequence", "categories",
                           "statements", "pairs", "accept", "cites", "misreadings"})
