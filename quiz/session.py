"""Quiz sessions: Practice, Exam, Review mistakes, a topic, or a chosen set.

A session is saved in the progress database after every answer (its state
is a small JSON document), so an unfinished quiz can be resumed after a
restart. Answers themselves go to the append-only log the moment they are
given, in every mode, exams included; the answer and the session's new state
are written in one transaction, so a crash between the two cannot happen.
Where to resume is worked out by question id (the first question of the
session without an answer), never from a stored position: a pack re-imported
without a question that was already answered must not make resume skip one.
"""

from __future__ import annotations

import json
import random
import secrets
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlite_utils import Database

from content.model import Pack
from db.errors import saving
from db.progress import now_iso, write_transaction
from quiz import scheduler
from quiz.answers import record_answer
from quiz.exam_code import ExamSpec, decode
from quiz.generate import generate
from quiz.grade import Grade, grade
from quiz.questions import QuizQuestion

MODES = ("practice", "exam", "review", "topic", "custom")
PRACTICE_LENGTH = 20
TITLES = {"practice": "Practice", "review": "Review mistakes", "custom": "Practice chosen questions"}
#: Modes that show feedback after each answer (an exam shows it only at the end).
IMMEDIATE_FEEDBACK = frozenset({"practice", "review", "topic", "custom"})


@dataclass
class SessionState:
    id: str
    mode: str
    pack_id: str
    seed: str
    question_ids: list[str]
    index: int = 0  # answered so far; informational only (see QuizSession.current)
    responses: dict[str, Any] = field(default_factory=dict)
    scores: dict[str, float] = field(default_factory=dict)
    exam_code: str | None = None
    deadline: str | None = None
    title: str = ""
    stopped: bool = False  # ended early (stopped by the learner, or time ran out)


@dataclass(frozen=True)
class Outcome:
    """One answered question, for the end-of-quiz review."""

    question: QuizQuestion
    response: Any
    grade: Grade | None  # None: not answered (time ran out)


class QuizSession:
    def __init__(self, db: Database, learner_id: int, pack: Pack, state: SessionState):
        self.db, self.learner_id, self.pack, self.state = db, learner_id, pack, state
        by_id = {q.id: q for q in generate(pack, state.seed)}
        self.questions = [by_id[q] for q in state.question_ids if q in by_id]
        self._take_logged_answers()
        self.grades: dict[str, Grade] = {}
        for qid, response in state.responses.items():
            if qid in by_id:
                self.grades[qid] = grade(by_id[qid], response)

    # -- starting ----------------------------------------------------------------
    @classmethod
    def start(cls, db: Database, learner_id: int, pack: Pack, mode: str, *, topic: str | None = None,
              question_ids: list[str] | None = None, exam_code: str | None = None,
              length: int = PRACTICE_LENGTH) -> QuizSession:
        """Create and save a new session; ValueError if there is nothing to ask."""
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}")
        session_id = secrets.token_hex(8)
        spec = decode(exam_code) if exam_code else None
        seed = str(spec.seed) if spec else session_id
        questions = generate(pack, seed)
        ids = [q.id for q in questions]
        title = TITLES.get(mode, "")
        deadline = None
        if mode == "practice":
            ids = scheduler.practice_order(db, learner_id, pack.id, ids)[:length]
        elif mode == "exam":
            assert spec is not None, "an exam needs an exam code"
            rng = random.Random(spec.seed)
            ids = rng.sample(sorted(ids), min(spec.count, len(ids)))
            title = f"Exam {spec.code}"
            if spec.minutes:
                deadline = (datetime.now(UTC) + timedelta(minutes=spec.minutes)).isoformat()
        elif mode == "review":
            wrong = set(last_wrong(db, learner_id, pack.id))
            ids = [i for i in ids if i in wrong]
        elif mode == "topic":
            ids = [q.id for q in questions if q.topic == topic]
            random.Random(seed).shuffle(ids)
            title = f"Quiz: {pack.topic_title(topic or '')}"
        elif mode == "custom":
            wanted = set(question_ids or [])
            ids = [i for i in ids if i in wanted]
        if not ids:
            raise ValueError("There are no questions to ask here yet.")
        state = SessionState(session_id, mode, pack.id, seed, ids, exam_code=spec.code if spec else None,
                             deadline=deadline, title=title)
        with saving("The new quiz"), write_transaction(db):
            db["quiz_sessions"].insert({
                "id": session_id, "learner_id": learner_id, "pack_id": pack.id, "mode": mode, "seed": seed,
                "config": json.dumps({"exam_code": state.exam_code, "topic": topic}),
                "state": json.dumps(asdict(state)), "started_at": now_iso(),
            })
        return cls(db, learner_id, pack, state)

    @classmethod
    def resume(cls, db: Database, learner_id: int, pack: Pack) -> QuizSession | None:
        """The learner's latest unfinished session for this pack, if any."""
        row = next(db.query(
            "SELECT state FROM quiz_sessions WHERE learner_id = ? AND pack_id = ? AND finished_at IS NULL "
            "ORDER BY started_at DESC LIMIT 1", [learner_id, pack.id]), None)
        if not row:
            return None
        session = cls(db, learner_id, pack, SessionState(**json.loads(row["state"])))
        return session if session.questions and not session.finished else None

    def _take_logged_answers(self) -> None:
        """Answers this session logged are answered, whatever the saved state says.

        Since answer and state are written together this changes nothing for
        new sessions; a session saved by an older version, which wrote them
        separately, could have lost its state after a crash and would
        otherwise ask (and log) that question a second time.
        """
        for row in self.db.query(
                "SELECT question_id, response, score FROM answers WHERE session_id = ? AND learner_id = ? "
                "AND pack_id = ? ORDER BY id", [self.state.id, self.learner_id, self.state.pack_id]):
            if row["question_id"] not in self.state.responses and row["question_id"] in self.state.question_ids:
                self.state.responses[row["question_id"]] = json.loads(row["response"]) if row["response"] else None
                self.state.scores[row["question_id"]] = row["score"]

    # -- asking ------------------------------------------------------------------
    @property
    def mode(self) -> str:
        return self.state.mode

    @property
    def immediate_feedback(self) -> bool:
        return self.mode in IMMEDIATE_FEEDBACK

    @property
    def current(self) -> QuizQuestion | None:
        """The first question of the session without an answer (None once it is over)."""
        if self.state.stopped:
            return None
        return next((q for q in self.questions if q.id not in self.state.responses), None)

    @property
    def position(self) -> tuple[int, int]:
        """(answered so far, total)."""
        return sum(q.id in self.state.responses for q in self.questions), len(self.questions)

    @property
    def finished(self) -> bool:
        return self.current is None or self.time_left() == 0

    def time_left(self) -> float | None:
        """Seconds left in a timed exam (0 when over), None when untimed."""
        if not self.state.deadline:
            return None
        left = (datetime.fromisoformat(self.state.deadline) - datetime.now(UTC)).total_seconds()
        return max(0.0, left)

    def submit(self, response: Any, elapsed_ms: int) -> Grade:
        """Grade and durably record the answer to the current question, then move on.

        The answer and the session's new position are one transaction: after
        a crash either both are saved or neither (then the question is asked
        again and logged once). Raises :class:`~db.errors.NotSavedError` if the
        disk is full; the session is then unchanged.
        """
        question = self.current
        if question is None:
            raise RuntimeError("the quiz is over")
        result = grade(question, response)
        state = replace(self.state, responses={**self.state.responses, question.id: response},
                        scores={**self.state.scores, question.id: result.score})
        state.index = sum(q.id in state.responses for q in self.questions)
        with saving("Your answer"), write_transaction(self.db):
            record_answer(self.db, learner_id=self.learner_id, pack_id=self.pack.id, question_id=question.id,
                          response=response, correct=result.correct, score=result.score, elapsed_ms=elapsed_ms,
                          mode=self.mode, session_id=self.state.id, kind=question.kind)
            self._save(state)
        self.state = state
        self.grades[question.id] = result
        return result

    def finish(self) -> None:
        """End now (time up or the learner stopped); unanswered questions stay unanswered."""
        state = replace(self.state, stopped=True)
        with saving("The end of this quiz"), write_transaction(self.db):
            self._save(state)
        self.state = state

    def _save(self, state: SessionState) -> None:
        update: dict[str, Any] = {"state": json.dumps(asdict(state))}
        if state.stopped or all(q.id in state.responses for q in self.questions):
            update["finished_at"] = now_iso()
        self.db["quiz_sessions"].update(state.id, update)

    # -- results -----------------------------------------------------------------
    @property
    def score(self) -> float:
        """Points scored (partial credit counts) out of :attr:`position`'s total."""
        return sum(g.score for g in self.grades.values())

    def review(self) -> list[Outcome]:
        return [Outcome(q, self.state.responses.get(q.id), self.grades.get(q.id)) for q in self.questions]


def last_wrong(db: Database, learner_id: int, pack_id: str) -> list[str]:
    """Questions whose most recent answer by this learner was wrong, most recent first."""
    return [r["question_id"] for r in db.query(
        "SELECT question_id FROM answers a WHERE learner_id = ? AND pack_id = ? AND id = ("
        " SELECT max(id) FROM answers b WHERE b.learner_id = a.learner_id AND b.pack_id = a.pack_id"
        " AND b.question_id = a.question_id) AND correct = 0 ORDER BY id DESC", [learner_id, pack_id])]


def new_exam_spec(count: int = 20, minutes: int = 0) -> ExamSpec:
    """A fresh random exam (its code can be shared so others get the same one)."""
    from quiz.exam_code import MAX_SEED

    return ExamSpec(secrets.randbelow(MAX_SEED), count, minutes)
