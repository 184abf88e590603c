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
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from content.model import Pack
from db.learner_files import LearnerFileError
from db.learner_files import read_learners as read_learner_rows
from quiz.generate import generate
from quiz.progress_export import spreadsheet_safe


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


def read_learners(path: Path, pack_id: str | None = None) -> list[LearnerResult]:
    """Every learner in one progress file, with their first attempt per question (see db.learner_files)."""
    return [LearnerResult(str(path), name, attempts) for name, attempts in read_learner_rows(Path(path), pack_id)]


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
