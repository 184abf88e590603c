"""Reading learners' progress files for the trainer report: untrusted files, read with bounds.

A file handed over as "my progress" may not be ours at all, be huge, hold odd
values, or make ``answers`` a view that never ends (a recursive ``WITH``). So
reading is bounded and every refusal is a sentence the trainer can act on
(:class:`LearnerFileError`): only a regular file up to :data:`MAX_FILE_BYTES`
that starts like an SQLite database is opened, read-only; ``answers`` and
``learners`` must be real tables (not views, virtual tables or computed
columns, per ``sqlite_master`` and ``table_xinfo``); rows, learners, questions
and text lengths are capped; values must have the types the app writes; and a
progress handler stops any query still running after :data:`READ_SECONDS`.
"""

from __future__ import annotations

import re
import sqlite3
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path

from db.progress import read_only

#: A million answers take about 240 MB; a file (with its WAL) larger than this is not read.
MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_ANSWERS = 1_000_000  # per file, every pack
MAX_LEARNERS = 1_000  # per file
MAX_QUESTIONS = 10_000  # different questions of the pack answered in one file
MAX_TEXT = 500  # characters in a learner name or question id
MAX_RESPONSE = 4000  # characters of a stored response read for the answer distribution (longer: not counted)
READ_SECONDS = 60.0  # reading a legitimate million-answer file takes about 2 s
_SQLITE_HEADER = b"SQLite format 3\x00"
_PLAIN_TABLE = re.compile(r"\s*CREATE\s+TABLE\b", re.IGNORECASE)  # not CREATE VIRTUAL TABLE
#: The columns the report reads; the app's own files have these and more.
_COLUMNS = {"answers": ("id", "learner_id", "pack_id", "question_id", "correct", "answered_at"),
            "learners": ("id", "name"), "retractions": ("answer_id",)}
#: Tables files of older versions do not have: absent, they are not read; present, they are held to the same rules.
_OPTIONAL = frozenset({"retractions"})



class LearnerFileError(ValueError):
    """A learner's file the report will not read; the message says why, for the trainer."""


@dataclass(frozen=True)
class FirstAttempt:
    answered_at: str
    correct: bool
    score: float
    response: str | None  # as stored (JSON text); None when the file has none or it is too long to count


@dataclass
class FileLearner:
    """One profile in a learner's file: its stable id (files from before migration 0007 have none)."""

    name: str
    uid: str | None
    created_at: str
    attempts: dict[str, FirstAttempt] = field(default_factory=dict)  # question id -> first attempt


def read_learners(path: Path, pack_id: str | None = None) -> list[FileLearner]:
    """Every learner in one progress file (by name), with their first attempt per question.

    Raises :class:`LearnerFileError` (or :class:`sqlite3.Error` for a damaged
    database) instead of reading anything unbounded; see the module docstring.
    """
    path = Path(path)
    _check_file(path)
    with read_only(path) as conn:
        deadline = time.monotonic() + READ_SECONDS
        conn.set_progress_handler(lambda: time.monotonic() > deadline, 10_000)
        conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, 1_000_000)  # no value the app writes comes near a megabyte
        conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
        conn.execute("PRAGMA trusted_schema = OFF")
        try:
            return _read(conn, path, pack_id)
        except sqlite3.OperationalError as exc:
            if time.monotonic() > deadline:
                raise LearnerFileError(f"reading it took longer than {READ_SECONDS:.0f} s, so it was stopped; "
                                       "it is not a progress file this app wrote") from exc
            raise


def _check_file(path: Path) -> None:
    """Only open a regular file of a sane size that starts like an SQLite database."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise LearnerFileError("is not a file")
        wal = path.with_name(path.name + "-wal")
        size = info.st_size + (wal.stat().st_size if wal.is_file() else 0)
        if size > MAX_FILE_BYTES:
            raise LearnerFileError(f"is {size / 2**20:,.0f} MB; the report reads progress files up to "
                                   f"{MAX_FILE_BYTES / 2**20:,.0f} MB")
        with path.open("rb") as handle:
            header = handle.read(len(_SQLITE_HEADER))
    except OSError as exc:
        raise LearnerFileError(f"cannot be read ({exc.strerror or exc})") from exc
    if header != _SQLITE_HEADER:
        raise LearnerFileError("is not a progress file (not an SQLite database)")


def _check_schema(conn: sqlite3.Connection) -> set[str]:
    """``answers`` and ``learners`` (and ``retractions``, if there) must be plain stored tables with the columns
    read below; the tables found."""
    found = set()
    for table, needed in _COLUMNS.items():
        rows = conn.execute("SELECT type, sql FROM sqlite_master WHERE name = ? COLLATE NOCASE "
                            "AND type IN ('table', 'view')", [table]).fetchall()
        if not rows and table in _OPTIONAL:
            continue
        if not rows:
            raise LearnerFileError(f"is not a progress file (it has no {table} table)")
        found.add(table)
        kind, sql = rows[0]
        if kind == "view":
            raise LearnerFileError(f"is not a progress file this app wrote ({table} is a view, not a table)")
        if len(rows) > 1 or not _PLAIN_TABLE.match(str(sql or "")):
            raise LearnerFileError(f"is not a progress file this app wrote ({table} is not a plain table)")
        columns = {str(row[1]).lower(): row[6] for row in conn.execute(f"PRAGMA table_xinfo({table})")}
        for column in needed:
            if column not in columns:
                raise LearnerFileError(f"is not a progress file this app wrote ({table} has no {column} column)")
            if columns[column]:  # hidden: computed when read, not stored
                raise LearnerFileError(f"is not a progress file this app wrote ({table}.{column} is computed)")
    return found


def _count(conn: sqlite3.Connection, table: str, limit: int, what: str) -> None:
    count = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    if count > limit:
        raise LearnerFileError(f"holds {count:,} {what}; the report reads at most {limit:,} per file")


def _read(conn: sqlite3.Connection, path: Path, pack_id: str | None) -> list[FileLearner]:
    tables = _check_schema(conn)
    _count(conn, "answers", MAX_ANSWERS, "answers")
    _count(conn, "learners", MAX_LEARNERS, "learners")
    learner_columns = {str(row[1]).lower() for row in conn.execute("PRAGMA table_xinfo(learners)")}
    answer_columns = {str(row[1]).lower(): row[6] for row in conn.execute("PRAGMA table_xinfo(answers)")}
    uid = "uid" if "uid" in learner_columns else "NULL"
    created = "created_at" if "created_at" in learner_columns else "''"
    # optional columns, read only when stored (never computed)
    score = "score" if answer_columns.get("score") == 0 else "NULL"
    response = (f"CASE WHEN length(response) <= {MAX_RESPONSE} THEN response END"
                if answer_columns.get("response") == 0 else "NULL")
    profiles: dict[object, FileLearner] = {}
    for learner_id, name, stable, since in conn.execute(f"SELECT id, name, {uid}, {created} FROM learners"):
        if not isinstance(name, str) or not name.strip() or len(name) > MAX_TEXT:
            raise LearnerFileError("is not a progress file this app wrote (a learner's name is empty, "
                                   f"not text or longer than {MAX_TEXT} characters)")
        stable = stable if isinstance(stable, str) and 0 < len(stable) <= 64 else None
        profiles[learner_id] = FileLearner(name, stable, since if isinstance(since, str) else "")
    conditions, params = (["pack_id = ?"], [pack_id]) if pack_id else ([], [])
    if "retractions" in tables:  # answers the learner took back count nowhere
        _count(conn, "retractions", MAX_ANSWERS, "retracted answers")
        conditions.append("NOT EXISTS (SELECT 1 FROM retractions x WHERE x.answer_id = answers.id)")
    where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
    rows = conn.execute(f"SELECT learner_id, question_id, correct, answered_at, {score}, {response} FROM answers "
                        f"{where} ORDER BY learner_id, answered_at, id", params)
    questions: set[str] = set()
    for learner_id, question_id, correct, answered_at, scored, given in rows:
        if not isinstance(question_id, str) or len(question_id) > MAX_TEXT:
            raise LearnerFileError("is not a progress file this app wrote (a question id is not text or "
                                   f"longer than {MAX_TEXT} characters)")
        if type(correct) is not int or correct not in (0, 1):
            raise LearnerFileError("is not a progress file this app wrote (an answer is marked neither right (1) "
                                   "nor wrong (0))")
        if learner_id not in profiles:
            continue  # an answer without a profile names no learner to report on; the report always left it out
        questions.add(question_id)
        if len(questions) > MAX_QUESTIONS:
            raise LearnerFileError(f"answers more than {MAX_QUESTIONS:,} different questions of this briefing; "
                                   "it is not a progress file this app wrote")
        attempts = profiles[learner_id].attempts
        if question_id not in attempts:
            value = float(scored) if isinstance(scored, int | float) and 0 <= scored <= 1 else float(correct)
            attempts[question_id] = FirstAttempt(str(answered_at or ""), bool(correct), value,
                                                 given if isinstance(given, str) else None)
    return sorted((p for p in profiles.values() if p.attempts), key=lambda p: (p.name, p.created_at))
