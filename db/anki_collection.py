"""Reading an Anki collection file (the SQLite database inside an ``.apkg``), read-only and bounded.

The file comes from someone else's package, so it is treated like any
untrusted input: the caller hands a private temporary copy (never the user's
file), it is opened read-only and immutable (SQLite writes nothing, not even a
journal), only real tables are read (a ``notes`` that is a view could run any
query), a progress handler stops any statement that runs longer than a fixed
budget of steps, and at most ``limit`` notes are read.

Two layouts exist: the legacy one (``col.models`` holds the note types as
JSON; what genanki and Anki's "support older versions" export write) and the
newer one (``notetypes`` and ``fields`` tables). Both give the same
:class:`NoteType` and :class:`Note` rows.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

#: SQLite virtual-machine steps one statement may take (reading 10,000 notes takes far fewer).
_STEP_BUDGET = 200_000_000
_CHECK_EVERY = 10_000


class CollectionError(Exception):
    """The collection cannot be read; the message says why."""


@dataclass(frozen=True)
class NoteType:
    id: int
    name: str
    fields: tuple[str, ...]
    cloze: bool


@dataclass(frozen=True)
class Note:
    id: int
    guid: str
    type_id: int
    tags: tuple[str, ...]
    fields: tuple[str, ...]


def read_collection(path: Path, limit: int) -> tuple[dict[int, NoteType], list[Note], int]:
    """Note types by id, the first ``limit`` notes, and how many notes the collection holds."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error as exc:
        raise CollectionError(f"its collection cannot be opened ({exc})") from None
    steps = 0

    def budget() -> int:
        nonlocal steps
        steps += _CHECK_EVERY
        return 1 if steps > _STEP_BUDGET else 0

    conn.set_progress_handler(budget, _CHECK_EVERY)
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "notes" not in tables:
            raise CollectionError("it holds no notes table; it is not an Anki collection")
        types = _note_types(conn, tables)
        total = conn.execute("SELECT count(*) FROM notes").fetchone()[0]
        notes = [Note(int(nid), str(guid), int(mid), tuple(str(tags or "").split()),
                      tuple(str(flds or "").split("\x1f")))
                 for nid, guid, mid, tags, flds in
                 conn.execute("SELECT id, guid, mid, tags, flds FROM notes ORDER BY id LIMIT ?", [limit])]
        return types, notes, int(total)
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            raise CollectionError("reading its collection took too long; it was stopped") from None
        raise CollectionError(f"its collection cannot be read ({exc})") from None
    except sqlite3.DatabaseError as exc:
        raise CollectionError(f"its collection is not a readable database ({exc})") from None
    finally:
        conn.close()


def _note_types(conn: sqlite3.Connection, tables: set[str]) -> dict[int, NoteType]:
    found: dict[int, NoteType] = {}
    if "col" in tables:
        row = conn.execute("SELECT models FROM col LIMIT 1").fetchone()
        models = json.loads(row[0]) if row and row[0] else {}
        for key, model in (models.items() if isinstance(models, dict) else []):
            if not isinstance(model, dict):
                continue
            names = tuple(str(f.get("name", "")) for f in model.get("flds", []) if isinstance(f, dict))
            found[int(key)] = NoteType(int(key), str(model.get("name", "")), names, model.get("type") == 1)
    if not found and {"notetypes", "fields"} <= tables:
        fields: dict[int, list[str]] = {}
        for ntid, name in conn.execute("SELECT ntid, name FROM fields ORDER BY ntid, ord"):
            fields.setdefault(int(ntid), []).append(str(name))
        for ntid, name, config in conn.execute("SELECT id, name, config FROM notetypes"):
            cloze = isinstance(config, bytes) and config[:2] == b"\x08\x01"  # Config.kind = CLOZE (field 1)
            found[int(ntid)] = NoteType(int(ntid), str(name), tuple(fields.get(int(ntid), [])), cloze)
    return found
