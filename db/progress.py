"""The progress database: learners and their append-only answer log.

Progress is the one thing the user cannot get back, so this file is opened
with WAL, ``synchronous=FULL`` (an acknowledged answer survives power loss)
and foreign keys on. Its schema evolves only through sqlite-utils
``Migrations``; ``PRAGMA user_version`` holds the number of migrations applied
so an older app can recognise, and refuse, a file from a newer one, and
``PRAGMA application_id`` marks the file as ours, so another program's SQLite
file put in its place is refused instead of being "migrated" into.
Content is referenced by ``(pack_id, stable id)`` only, never by foreign key
into the content database, so rebuilding content never touches progress.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from db.errors import CorruptStoreError, ForeignFileError, NewerSchemaError, not_saved

PROGRESS_FILE = "progress.db"
BUSY_TIMEOUT_MS = 5000
#: ``PRAGMA application_id`` of our progress files ("BQpr"), set by migration 0004.
APPLICATION_ID = 0x42517072
#: Tables every progress file of ours has had since the first migration; files
#: older than 0004 carry no application_id and are recognised by these.
OUR_TABLES = frozenset({"learners", "answers", "quiz_sessions", "section_reads", Migrations.migrations_table})

migrations = Migrations("progress")


@migrations(name="0001_initial")
def _initial(db: Database) -> None:
    db.table("learners").create(
        {"id": int, "name": str, "created_at": str}, pk="id", not_null={"name", "created_at"}
    )
    db.table("learners").create_index(["name"], unique=True)
    db.table("quiz_sessions").create(
        {
            "id": str, "learner_id": int, "pack_id": str, "mode": str, "seed": str,
            "config": str, "state": str, "started_at": str, "finished_at": str,
        },
        pk="id",
        foreign_keys=[("learner_id", "learners", "id")],
        not_null={"learner_id", "pack_id", "mode", "started_at"},
    )
    db.table("answers").create(
        {
            "id": int, "learner_id": int, "pack_id": str, "question_id": str, "response": str,
            "correct": int, "score": float, "elapsed_ms": int, "mode": str, "session_id": str,
            "answered_at": str,
        },
        pk="id",
        foreign_keys=[("learner_id", "learners", "id")],
        not_null={"learner_id", "pack_id", "question_id", "correct", "score", "mode", "answered_at"},
    )
    db.table("answers").create_index(["learner_id", "pack_id", "question_id"])
    db.table("answers").create_index(["learner_id", "answered_at"])
    db.table("section_reads").create(
        {"learner_id": int, "pack_id": str, "section_id": str, "read_at": str},
        pk=("learner_id", "pack_id", "section_id"),
        foreign_keys=[("learner_id", "learners", "id")],
    )
    # Append-only: the answer log feeds every chart and the scheduler, so
    # history is never rewritten in place.
    db.execute(
        "CREATE TRIGGER answers_no_update BEFORE UPDATE ON answers "
        "BEGIN SELECT RAISE(ABORT, 'answers are append-only'); END"
    )


@migrations(name="0002_scheduler")
def _scheduler(db: Database) -> None:
    # The rating each answer was given, so the FSRS card states can always be
    # rebuilt from the log alone (thresholds for "fast"/"slow" may change later).
    db.table("answers").add_column("rating", int)
    # Derived cache of the scheduler's state per learner × question; rebuildable from answers.
    db.table("cards").create(
        {
            "learner_id": int, "pack_id": str, "question_id": str, "state": int, "step": int,
            "stability": float, "difficulty": float, "due": str, "last_review": str, "reviews": int,
        },
        pk=("learner_id", "pack_id", "question_id"),
        foreign_keys=[("learner_id", "learners", "id")],
        not_null={"due", "state", "reviews"},
    )
    db.table("cards").create_index(["learner_id", "pack_id", "due"])


@migrations(name="0003_stats_index")
def _stats_index(db: Database) -> None:
    # Covers the dashboard's per-question and total aggregates, so 100,000 answers
    # are summed from the index instead of the table (see bench/ "dashboard").
    db.table("answers").create_index(["learner_id", "pack_id", "question_id", "correct", "elapsed_ms"],
                               index_name="answers_stats")


@migrations(name="0004_application_id")
def _application_id(db: Database) -> None:
    # Marks the file as ours: from now on a foreign SQLite file is told apart by
    # its header, not only by which tables it happens to have.
    db.execute(f"PRAGMA application_id={APPLICATION_ID}")
    # Resuming a quiz reads the answers logged in that session (they, not the
    # saved position, say which questions are done).
    db.table("answers").create_index(["session_id"], index_name="answers_session")


@migrations(name="0005_recall_ratings")
def _recall_ratings(db: Database) -> None:
    # The learner's own rating of an answer, given after its feedback. Appended, never
    # updated: the answer row keeps the rating it was logged with, and the newest row
    # here is the one the scheduler uses (see db.answers.EFFECTIVE_RATING).
    db.table("answer_ratings").create(
        {"id": int, "answer_id": int, "rating": int, "rated_at": str}, pk="id",
        foreign_keys=[("answer_id", "answers", "id")], not_null={"answer_id", "rating", "rated_at"})
    db.table("answer_ratings").create_index(["answer_id"])


@migrations(name="0006_question_totals")
def _question_totals(db: Database) -> None:
    # Per-question totals the dashboard reads instead of scanning the whole log: derived
    # (rebuilt here from the log, then kept up to date in each answer's transaction).
    db.table("question_totals").create(
        {"learner_id": int, "pack_id": str, "question_id": str, "attempts": int, "correct": int, "elapsed_ms": int,
         "last_answer_id": int, "last_correct": int},
        pk=("learner_id", "pack_id", "question_id"), foreign_keys=[("learner_id", "learners", "id")])
    from db.stats import rebuild_totals

    rebuild_totals(db)


@migrations(name="0007_live_sessions")
def _live_sessions(db: Database) -> None:
    # Self-contained (it reads and writes only what it creates, plus the learners' new column), so
    # migrations other branches add before it cannot change what it does.
    #
    # A stable id per learner: a learner's progress file, its backup and next week's file are one
    # learner in the trainer report, whatever the profile is called ("Me" on every machine).
    import uuid

    db.table("learners").add_column("uid", str)
    for row in list(db.query("SELECT id FROM learners")):
        db.execute("UPDATE learners SET uid = ? WHERE id = ?", [str(uuid.uuid4()), row["id"]])
    db.table("learners").create_index(["uid"], unique=True, index_name="learners_uid")
    # Live sessions run by the trainer: what was asked, who joined (a display name, no profile) and
    # every answer, written the moment it arrives (one transaction each, as learners' own answers).
    db.table("live_sessions").create(
        {"id": str, "pack_id": str, "code": str, "config": str, "question_ids": str, "started_at": str,
         "finished_at": str},
        pk="id", not_null={"pack_id", "config", "question_ids", "started_at"})
    db.table("live_learners").create(
        {"session_id": str, "number": int, "name": str, "joined_at": str},
        pk=("session_id", "number"), foreign_keys=[("session_id", "live_sessions", "id")],
        not_null={"name", "joined_at"})
    db.table("live_answers").create(
        {"id": int, "session_id": str, "learner": int, "position": int, "question_id": str, "response": str,
         "correct": int, "score": float, "answered_at": str},
        pk="id", foreign_keys=[("session_id", "live_sessions", "id")],
        not_null={"session_id", "learner", "position", "question_id", "correct", "score", "answered_at"})
    # One answer per learner and question: a second one is refused by the store as well as by the server.
    db.table("live_answers").create_index(["session_id", "learner", "position"], unique=True,
                                    index_name="live_answers_once")
    db.execute("CREATE TRIGGER live_answers_no_update BEFORE UPDATE ON live_answers "
               "BEGIN SELECT RAISE(ABORT, 'live answers are append-only'); END")


@migrations(name="0008_retractions")
def _retractions(db: Database) -> None:
    # An answer the learner took back ("I clicked too fast"). The log stays append-only:
    # a row here cancels its answer for the scheduler, the statistics and the exports,
    # and the question may be answered again. One retraction per answer.
    db.table("retractions").create(
        {"id": int, "answer_id": int, "retracted_at": str}, pk="id",
        foreign_keys=[("answer_id", "answers", "id")], not_null={"answer_id", "retracted_at"})
    db.table("retractions").create_index(["answer_id"], unique=True)


@migrations(name="0009_question_marks")
def _question_marks(db: Database) -> None:
    # A learner's own marks on a question, from the question browser: suspended (never asked,
    # presented or exported for this learner) and flagged (to look at again). Not derived from
    # the log; kept per learner × question like the cards.
    db.table("question_marks").create(
        {"learner_id": int, "pack_id": str, "question_id": str, "suspended": int, "flagged": int,
         "changed_at": str},
        pk=("learner_id", "pack_id", "question_id"), foreign_keys=[("learner_id", "learners", "id")],
        not_null={"suspended", "flagged", "changed_at"}, defaults={"suspended": 0, "flagged": 0})


@migrations(name="0010_hour_totals")
def _hour_totals(db: Database) -> None:
    # Per-UTC-hour totals the Progress page's per-day charts read: a month of a heavy learner's
    # log is ~100,000 rows, each converted to a local date; these are at most 24 a day. Derived
    # like question_totals (rebuilt here, then kept in each answer's transaction).
    db.table("hour_totals").create(
        {"learner_id": int, "pack_id": str, "hour": str, "answers": int, "correct": int, "elapsed_ms": int},
        pk=("learner_id", "pack_id", "hour"), foreign_keys=[("learner_id", "learners", "id")])
    from db.stats import rebuild_totals

    rebuild_totals(db)


def schema_version() -> int:
    """Number of migrations this build of the app knows about."""
    return len(migrations._migrations)


def now_iso() -> str:
    """UTC timestamp with microseconds; sorts correctly as text."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


@contextmanager
def read_only(path: str | Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection to ``path``, closed afterwards (sqlite3's own ``with`` only commits).

    Read-only connections never checkpoint a WAL into the file on close, so
    checking, backing up or reading someone's file cannot change it. The path
    goes into a ``file:`` URI escaped, so names with ``#``, ``?`` or ``%`` work.
    """
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        yield conn
    finally:
        conn.close()


@contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """A transaction that takes the write lock up front (``BEGIN IMMEDIATE``).

    With two app instances on one file, a deferred transaction that reads
    before it writes can fail at once with "database is locked" (SQLite cannot
    wait when a reader must upgrade after another writer committed). Taking the
    lock first lets ``busy_timeout`` do its job. Nested use becomes a savepoint.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        with db.atomic():  # a savepoint inside our transaction
            yield db
        # COMMIT is where WAL frames are written, so a full disk often fails
        # here; the transaction must then be rolled back, or every later write
        # would nest inside it and never be committed.
        db.conn.execute("COMMIT")
    except BaseException:
        db.rollback()
        raise


def connect(path: Path) -> Database:
    """Open a connection with the durability settings every write relies on."""
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    db = Database(conn, execute_plugins=False)
    db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys=ON")
    return db


def open_progress(path: str | Path) -> Database:
    """Open (creating or migrating) the progress database at ``path``.

    Raises :class:`NewerSchemaError` for a file from a newer app version,
    :class:`ForeignFileError` for an SQLite file that is not ours (both are left
    untouched) and :class:`CorruptStoreError` for a damaged one.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    _refuse_if_not_ours(path)
    db = connect(path)
    try:
        kind, version = identify(db.conn)
        _refuse(path, kind, version)
        with db.ensure_autocommit_on():
            db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        if version < schema_version():
            with write_transaction(db):
                migrations.apply(db)
                db.execute(f"PRAGMA user_version={schema_version()}")
    except sqlite3.OperationalError as exc:
        db.close()
        if not _means_damage(exc):  # a full disk or a lock is not damage: say what it is
            raise not_saved(f"Preparing your progress file {path}", exc) from exc
        raise CorruptStoreError(f"{path} is damaged or not a progress file: {exc}") from exc
    except sqlite3.DatabaseError as exc:
        db.close()
        raise CorruptStoreError(f"{path} is damaged or not a progress file: {exc}") from exc
    except BaseException:
        db.close()
        raise
    return db


def _means_damage(exc: sqlite3.OperationalError) -> bool:
    return not any(word in str(exc) for word in ("full", "disk I/O", "locked", "readonly", "unable to open"))


def identify(conn: sqlite3.Connection) -> tuple[str, int]:
    """``("new" | "ours" | "foreign", user_version)`` for an open database; reads only.

    "new": no tables at all (an empty file we may initialise). "ours": our
    application_id, or (files from before migration 0004) our tables and
    migration record. Anything else belongs to some other program.
    """
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if app_id == APPLICATION_ID:
        return "ours", version
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if app_id == 0 and not names and version == 0:
        return "new", version
    if app_id == 0 and OUR_TABLES <= names:
        return "ours", version
    return "foreign", version


def refusal(path: Path, kind: str, version: int) -> NewerSchemaError | ForeignFileError | None:
    """Why this app must not open the file (None when it may)."""
    if kind == "foreign":
        return ForeignFileError(
            f"{path} is not a Briefing Quiz progress file (it is some other program's SQLite database). "
            "It has not been changed. Move it elsewhere, or choose another data folder with --data-dir."
        )
    if version > schema_version():
        return NewerSchemaError(
            f"{path} was written by a newer version of this app (schema {version}, "
            f"this app knows up to {schema_version()}). It has not been changed; "
            "please update the app to open it."
        )
    return None


def _refuse(path: Path, kind: str, version: int) -> None:
    error = refusal(path, kind, version)
    if error is not None:
        raise error


def _refuse_if_not_ours(path: Path) -> None:
    """Identify the file read-only first: closing a read-write connection would
    checkpoint a newer app's WAL into its file, and that file must stay untouched
    (as must a foreign one)."""
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with read_only(path) as conn:
            kind, version = identify(conn)
    except sqlite3.DatabaseError:
        return  # damaged (or a crash's hot journal): the read-write open below decides
    _refuse(path, kind, version)


def open_read_only(path: str | Path) -> Database:
    """A read-only :class:`Database` on a current progress file, for commands that
    only read while the app holds the data folder. Never creates, migrates or
    checkpoints anything."""
    path = Path(path)
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        kind, version = identify(conn)
        _refuse(path, kind, version)
        if kind != "ours" or version != schema_version():
            raise CorruptStoreError(f"{path} cannot be read while the app has it open (format {version}, this "
                                    f"version reads {schema_version()}). Close the app and try again.")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise CorruptStoreError(f"{path} is damaged or not a progress file: {exc}") from exc
    except BaseException:
        conn.close()
        raise
    return Database(conn, execute_plugins=False)


def quick_check(db: Database) -> str:
    """``"ok"`` or SQLite's description of the damage."""
    rows = db.execute("PRAGMA quick_check").fetchall()
    return "\n".join(str(r[0]) for r in rows)
