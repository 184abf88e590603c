"""Trainer report: merge learners' exported progress files into item statistics.

Each learner's file is opened read-only (:func:`db.progress.read_only`), so the
trainer's tool never writes to it. A file handed over as "my progress" is
untrusted input: it may not be ours at all, be huge, hold odd values, or make
``answers`` a view that never ends (a recursive ``WITH``). So reading is
bounded and every refusal is a sentence the trainer can act on
(:class:`LearnerFileError`): only a regular file up to :data:`MAX_FILE_BYTES`
that starts like an SQLite database is opened; ``answers`` and ``learners``
must be real tables (not views, virtual tables or computed columns, per
``sqlite_master`` and ``table_xinfo``); rows, learners, questions and text
lengths are capped; values must have the types the app writes; and a progress
handler stops any query still running after :data:`READ_SECONDS`.

Definitions, as used in classical item analysis:

- a learner's **score** is the share of the questions they attempted whose
  *first* attempt was correct (first attempts are comparable across learners;
  later attempts measure practice, not knowledge);
- an item's **facility** is the share of learners who attempted it whose
  first attempt was correct;
- an item's **discrimination** is the correlation between getting the item
  right and the learner's score on the *other* items (corrected item-total
  correlation); ``None`` when it is undefined (fewer than two learners, or no
  variation).
"""

from __future__ import annotations

import csv
import io
import math
import re
import sqlite3
import stat
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from content.model import Pack
from db.progress import read_only
from quiz.generate import generate
from quiz.progress_export import spreadsheet_safe

#: A million answers take about 240 MB; a file (with its WAL) larger than this is not read.
MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_ANSWERS = 1_000_000  # per file, every pack
MAX_LEARNERS = 1_000  # per file
MAX_QUESTIONS = 10_000  # different questions of the pack answered in one file
MAX_TEXT = 500  # characters in a learner name or question id
READ_SECONDS = 60.0  # reading a legitimate million-answer file takes about 2 s
_SQLITE_HEADER = b"SQLite format 3\x00"
_PLAIN_TABLE = re.compile(r"\s*CREATE\s+TABLE\b", re.IGNORECASE)  # not CREATE VIRTUAL TABLE
#: The columns the report reads; the app's own files have these and more.
_COLUMNS = {"answers": ("id", "learner_id", "pack_id", "question_id", "correct", "answered_at"),
            "learners": ("id", "name")}


@dataclass(frozen=True)
class LearnerResult:
    source: str
    name: str
    first_attempts: dict[str, bool]  # question id -> first attempt correct

    @property
    def score(self) -> float:
        if not self.first_attempts:
            return 0.0
        return sum(self.first_attempts.values()) / len(self.first_attempts)


@dataclass(frozen=True)
class ItemResult:
    question_id: str
    topic: str
    attempts: int
    facility: float
    discrimination: float | None


@dataclass
class Report:
    learners: list[LearnerResult]
    items: list[ItemResult] = field(default_factory=list)
    topics: list[tuple[str, float]] = field(default_factory=list)  # weakest first
    prompts: dict[str, str] = field(default_factory=dict)  # question id -> prompt, for the tables

    def to_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["kind", "id", "topic", "attempts", "facility_or_score", "discrimination"])
        text = spreadsheet_safe  # names, ids and topics come from learners' files and packs
        for learner in self.learners:
            writer.writerow(["learner", text(learner.name), "", len(learner.first_attempts), f"{learner.score:.4f}",
                             ""])
        for item in self.items:
            disc = "" if item.discrimination is None else f"{item.discrimination:.4f}"
            writer.writerow(["question", text(item.question_id), text(item.topic), item.attempts,
                             f"{item.facility:.4f}", disc])
        for topic, facility in self.topics:
            writer.writerow(["topic", text(topic), text(topic), "", f"{facility:.4f}", ""])
        return out.getvalue()


class LearnerFileError(ValueError):
    """A learner's file the report will not read; the message says why, for the trainer."""


def read_learners(path: Path, pack_id: str | None = None) -> list[LearnerResult]:
    """Every learner in one progress file, with their first attempt per question.

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


def _check_schema(conn: sqlite3.Connection) -> None:
    """``answers`` and ``learners`` must be plain stored tables with the columns read below."""
    for table, needed in _COLUMNS.items():
        rows = conn.execute("SELECT type, sql FROM sqlite_master WHERE name = ? COLLATE NOCASE "
                            "AND type IN ('table', 'view')", [table]).fetchall()
        if not rows:
            raise LearnerFileError(f"is not a progress file (it has no {table} table)")
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


def _count(conn: sqlite3.Connection, table: str, limit: int, what: str) -> None:
    count = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    if count > limit:
        raise LearnerFileError(f"holds {count:,} {what}; the report reads at most {limit:,} per file")


def _read(conn: sqlite3.Connection, path: Path, pack_id: str | None) -> list[LearnerResult]:
    _check_schema(conn)
    _count(conn, "answers", MAX_ANSWERS, "answers")
    _count(conn, "learners", MAX_LEARNERS, "learners")
    names: dict[object, str] = {}
    for learner_id, name in conn.execute("SELECT id, name FROM learners"):
        if not isinstance(name, str) or not name.strip() or len(name) > MAX_TEXT:
            raise LearnerFileError("is not a progress file this app wrote (a learner's name is empty, "
                                   f"not text or longer than {MAX_TEXT} characters)")
        names[learner_id] = name
    where, params = ("WHERE pack_id = ?", [pack_id]) if pack_id else ("", [])
    rows = conn.execute(f"SELECT learner_id, question_id, correct FROM answers {where} "
                        "ORDER BY learner_id, answered_at, id", params)
    learners: dict[str, dict[str, bool]] = {}
    questions: set[str] = set()
    for learner_id, question_id, correct in rows:
        if not isinstance(question_id, str) or len(question_id) > MAX_TEXT:
            raise LearnerFileError("is not a progress file this app wrote (a question id is not text or "
                                   f"longer than {MAX_TEXT} characters)")
        if type(correct) is not int or correct not in (0, 1):
            raise LearnerFileError("is not a progress file this app wrote (an answer is marked neither right (1) "
                                   "nor wrong (0))")
        if learner_id not in names:
            continue  # an answer without a profile names no learner to report on; the report always left it out
        questions.add(question_id)
        if len(questions) > MAX_QUESTIONS:
            raise LearnerFileError(f"answers more than {MAX_QUESTIONS:,} different questions of this briefing; "
                                   "it is not a progress file this app wrote")
        learners.setdefault(names[learner_id], {}).setdefault(question_id, bool(correct))
    return [LearnerResult(str(path), name, learners[name]) for name in sorted(learners)]


class UnreadableFiles(ValueError):
    """Some files given to :func:`merge_files` are not progress files; lists every one."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def merge_files(paths: Sequence[Path], pack: Pack, on_file: Callable[[int, Path], None] | None = None) -> Report:
    """The report over every learner in ``paths`` for ``pack`` (the CLI and the GUI dialog share this).

    All files are read before anything is reported; if any cannot be read,
    :class:`UnreadableFiles` names each one, so a trainer is never handed a
    report that silently left a learner out.
    """
    questions = {q.id: q for q in generate(pack, 0)}
    learners: list[LearnerResult] = []
    problems: list[str] = []
    for index, path in enumerate(paths):
        if on_file:
            on_file(index, Path(path))
        try:
            learners += read_learners(Path(path), pack.id)
        except LearnerFileError as exc:
            problems.append(f"{path}: {exc}")
        except sqlite3.Error as exc:
            problems.append(f"{path}: not a readable progress file ({exc})")
    if problems:
        raise UnreadableFiles(problems)
    report = build_report(learners, lambda qid: pack.topic_title(questions[qid].topic) if qid in questions else "")
    report.prompts = {qid: q.prompt for qid, q in questions.items()}
    return report


def build_report(learners: Iterable[LearnerResult], topic_of: Callable[[str], str] = lambda _q: "") -> Report:
    learners = list(learners)
    # per question: (right on first try, the learner's score on their other questions), in learner order;
    # one pass over every first attempt, so many learners times many questions stays linear
    taken: dict[str, list[tuple[float, float]]] = {}
    for learner in learners:
        answered, right = len(learner.first_attempts), sum(learner.first_attempts.values())
        for qid, ok in learner.first_attempts.items():
            rest = (right - ok) / (answered - 1) if answered > 1 else 0.0
            taken.setdefault(qid, []).append((1.0 if ok else 0.0, rest))
    items = []
    for qid in sorted(taken):
        right_first = [r for r, _ in taken[qid]]
        rest_scores = [rest for _, rest in taken[qid]]
        items.append(ItemResult(qid, topic_of(qid), len(right_first), sum(right_first) / len(right_first),
                                _correlation(right_first, rest_scores)))
    by_topic: dict[str, list[float]] = {}
    for item in items:
        by_topic.setdefault(item.topic, []).append(item.facility)
    topics = sorted(((t, sum(v) / len(v)) for t, v in by_topic.items()), key=lambda tv: (tv[1], tv[0]))
    return Report(learners, items, topics)


def _correlation(xs: list[float], ys: list[float]) -> float | None:
    n = len(xs)
    if n < 2:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return None
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / math.sqrt(sxx * syy)
