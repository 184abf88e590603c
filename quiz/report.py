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
- an item's **discrimination** is the point-biserial correlation between
  getting the item right (first attempt) and the learner's score on the
  *other* items (the corrected item-total correlation: the item is left out of
  the total so it cannot correlate with itself). It runs from −1 to +1; above
  about +0.3 the item separates those who know the briefing from those who do
  not, near 0 or negative it does not (a misleading key, or a guess). It is
  undefined (``None``, with the reason in ``ItemResult.undefined``) when fewer
  than two learners answered the item, when everyone answered it the same way
  (all right or all wrong), or when those learners' scores on the other items
  do not vary.

One person is one learner however many files they hand in: profiles carry a
stable id (migration 0007), so a learner's progress file and its backup, or
this week's and last week's, merge into one learner (their earliest attempt at
each question counts). Older files without the id are matched by name and the
moment the profile was created.
"""

from __future__ import annotations

import csv
import io
import json
import math
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from content.model import Pack
from db.learner_files import FileLearner, LearnerFileError
from db.learner_files import read_learners as read_learner_rows
from quiz.generate import generate
from quiz.grade import Grade
from quiz.live import Bar, distribution
from quiz.progress_export import spreadsheet_safe
from quiz.questions import QuizQuestion

if TYPE_CHECKING:
    from db.live import StoredAnswer, StoredSession

#: How the PDF and the CSV name the discrimination index.
DISCRIMINATION_INDEX = "point-biserial correlation with the score on the other questions (corrected item-total)"


@dataclass(frozen=True)
class LearnerResult:
    source: str  # where the learner's answers came from (files and live sessions, comma-separated)
    name: str
    first_attempts: dict[str, bool]  # question id -> first attempt correct
    key: str = ""  # who this is across files: the stable id (or name and creation time), else source and name
    attempts: dict[str, tuple[str, float, Any]] = field(default_factory=dict)  # qid -> (when, score, response)
    aliases: tuple[str, ...] = ()  # other keys the same person has in older files (name and creation time)

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
    undefined: str = ""  # why discrimination is None, in words
    distribution: tuple[Bar, ...] = ()  # how the learners answered (first attempts)


@dataclass
class Report:
    learners: list[LearnerResult]
    items: list[ItemResult] = field(default_factory=list)
    topics: list[tuple[str, float]] = field(default_factory=list)  # weakest first
    prompts: dict[str, str] = field(default_factory=dict)  # question id -> prompt, for the tables
    title: str = ""  # the briefing's title
    #: learners who joined a live session in the report but answered nothing. They are left out of every table
    #: and figure (with no first attempt they have no score, and a 0% row would read as a learner who got all
    #: wrong), but a trainer who saw "6 learners" on the end screen must be told why the report counts fewer.
    joined_without_answering: int = 0

    def to_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["kind", "id", "topic", "attempts", "facility_or_score", "discrimination", "text", "note"])
        text = spreadsheet_safe  # names, ids and topics come from learners' files and packs
        for learner in self.learners:
            writer.writerow(["learner", text(learner.name), "", len(learner.first_attempts), f"{learner.score:.4f}",
                             "", "", text(learner.source)])
        for item in self.items:
            disc = "" if item.discrimination is None else f"{item.discrimination:.4f}"
            writer.writerow(["question", text(item.question_id), text(item.topic), item.attempts,
                             f"{item.facility:.4f}", disc, text(self.prompts.get(item.question_id, "")),
                             text(item.undefined)])
            for bar in item.distribution:
                writer.writerow(["answer", text(item.question_id), text(item.topic), bar.count,
                                 f"{bar.count / item.attempts:.4f}" if item.attempts else "", "", text(bar.label),
                                 "key" if bar.key else ""])
        for topic, facility in self.topics:
            writer.writerow(["topic", text(topic), text(topic), "", f"{facility:.4f}", "", "", ""])
        return out.getvalue()


def _decoded(response: str | None) -> Any:
    if response is None:
        return None
    try:
        return json.loads(response)
    except (ValueError, RecursionError):
        return None


def _from_file(path: Path, found: FileLearner) -> LearnerResult:
    created = f"created:{found.name}|{found.created_at}" if found.created_at else ""
    key = f"uid:{found.uid}" if found.uid else (created or f"file:{path}|{found.name}")
    return LearnerResult(str(path), found.name, {q: a.correct for q, a in found.attempts.items()}, key,
                         {q: (a.answered_at, a.score, _decoded(a.response)) for q, a in found.attempts.items()},
                         (created,) if found.uid and created else ())


def read_learners(path: Path, pack_id: str | None = None) -> list[LearnerResult]:
    """Every learner in one progress file, with their first attempt per question (see db.learner_files)."""
    return [_from_file(Path(path), found) for found in read_learner_rows(Path(path), pack_id)]


def live_learners(session: StoredSession, answers: Iterable[StoredAnswer]) -> list[LearnerResult]:
    """The learners of a stored live session, as the report counts them (one answer per question)."""
    source = f"live session {session.started_at[:16].replace('T', ' ')} UTC"
    by_learner: dict[int, LearnerResult] = {}
    for answer in answers:
        learner = by_learner.setdefault(answer.learner, LearnerResult(
            source, answer.name, {}, f"live:{session.id}:{answer.learner}", {}))
        if answer.question_id not in learner.first_attempts:
            learner.first_attempts[answer.question_id] = answer.correct
            learner.attempts[answer.question_id] = (answer.answered_at, answer.score, answer.response)
    return [by_learner[n] for n in sorted(by_learner)]


def merge_learners(results: Iterable[LearnerResult]) -> list[LearnerResult]:
    """One learner per person: files sharing a stable id (or, for older files, name and creation time) merge,
    each question counting the earliest attempt found in any of them."""
    results = list(results)
    alias: dict[str, str] = {}
    for result in results:  # an older copy without the stable id still belongs to the profile that has one
        for other_key in result.aliases:
            alias.setdefault(other_key, result.key)
    merged: dict[str, LearnerResult] = {}
    for result in results:
        key = alias.get(result.key, result.key) or f"file:{result.source}|{result.name}"
        known = merged.get(key)
        if known is None:
            merged[key] = LearnerResult(result.source, result.name, dict(result.first_attempts), key,
                                        dict(result.attempts))
            continue
        sources = known.source.split(", ")
        attempts = dict(known.attempts)
        firsts = dict(known.first_attempts)
        for qid, correct in result.first_attempts.items():
            theirs = result.attempts.get(qid, ("", float(correct), None))
            if qid not in firsts or (theirs[0] and attempts.get(qid, ("",))[0] > theirs[0]):
                firsts[qid] = correct
                attempts[qid] = theirs
        source = ", ".join(dict.fromkeys([*sources, result.source]))
        merged[key] = LearnerResult(source, known.name, firsts, key, attempts)
    return list(merged.values())


class UnreadableFiles(ValueError):
    """Some files given to :func:`merge_files` are not progress files; lists every one."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def merge_files(paths: Sequence[Path], pack: Pack, on_file: Callable[[int, Path], None] | None = None,
                live: Iterable[tuple[StoredSession, Sequence[StoredAnswer]]] = ()) -> Report:
    """The report over every learner in ``paths`` (and in the stored live sessions ``live``) for ``pack``
    (the CLI and the GUI dialog share this).

    All files are read before anything is reported; if any cannot be read,
    :class:`UnreadableFiles` names each one, so a trainer is never handed a
    report that silently left a learner out.
    """
    questions = {q.id: q for q in generate(pack, 0)}
    learners: list[LearnerResult] = []
    silent = 0
    for session, answers in live:
        answered = live_learners(session, answers)
        learners += answered
        silent += max(0, session.learners - len(answered))
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
    report = build_report(merge_learners(learners),
                          lambda qid: pack.topic_title(questions[qid].topic) if qid in questions else "", questions)
    report.prompts = {qid: q.prompt for qid, q in questions.items()}
    report.title = pack.meta.title
    report.joined_without_answering = silent
    return report


def build_report(learners: Iterable[LearnerResult], topic_of: Callable[[str], str] = lambda _q: "",
                 questions: dict[str, QuizQuestion] | None = None) -> Report:
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
        facility = sum(right_first) / len(right_first)
        disc = _correlation(right_first, rest_scores)
        items.append(ItemResult(qid, topic_of(qid), len(right_first), facility, disc,
                                "" if disc is not None else _why_undefined(right_first, rest_scores),
                                _distribution(questions.get(qid) if questions else None, qid, learners)))
    by_topic: dict[str, list[float]] = {}
    for item in items:
        by_topic.setdefault(item.topic, []).append(item.facility)
    topics = sorted(((t, sum(v) / len(v)) for t, v in by_topic.items()), key=lambda tv: (tv[1], tv[0]))
    return Report(learners, items, topics)


#: Why an item's discrimination is undefined (the CSV writes these; the PDF translates them for its reader).
ONE_LEARNER = "only one learner answered it"
ALL_RIGHT = "everyone answered it right"
ALL_WRONG = "everyone answered it wrong"
SCORES_EQUAL = "these learners' scores on the other questions are all equal"


def _why_undefined(right: list[float], rest: list[float]) -> str:
    if len(right) < 2:
        return ONE_LEARNER
    if all(right):
        return ALL_RIGHT
    if not any(right):
        return ALL_WRONG
    return SCORES_EQUAL


def _distribution(question: QuizQuestion | None, qid: str, learners: list[LearnerResult]) -> tuple[Bar, ...]:
    """How the learners answered a question first time: per option where it has options, else by verdict."""
    if question is None:
        return ()
    given = []
    for learner in learners:
        if qid in learner.first_attempts:
            _, score, response = learner.attempts.get(qid, ("", float(learner.first_attempts[qid]), None))
            given.append((response, Grade(learner.first_attempts[qid], score, "")))
    return distribution(question, given)


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
