"""Quiz sessions: Practice, Exam, Review mistakes, a topic, or a chosen set.

A session is saved in the progress database after every answer (its state
is a small JSON document), so an unfinished quiz can be resumed after a
restart. Answers themselves go to the append-only log the moment they are
given, in every mode, exams included.
"""

from __future__ import annotations

import json
import random
import secrets
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlite_utils import Database

from content.model import Pack
from db.progress import now_iso
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
    index: int = 0
    responses: dict[str, Any] = field(default_factory=dict)
    scores: dict[str, float] = field(default_factory=dict)
    exam_code: str | None = None
    deadline: str | None = None
    title: str = ""


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
        db["quiz_sessions"].insert({
            "id": session_id, "learner_id": learner_id, "pack_id": pack.id, "mode": mode, "seed": seed,
            "config": json.dumps({"exam_code": state.exam_code, "topic": topic}), "state": json.dumps(asdict(state)),
            "started_at": now_iso(),
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

    # -- asking ------------------------------------------------------------------
    @property
    def mode(self) -> str:
        return self.state.mode

    @property
    def immediate_feedback(self) -> bool:
        return self.mode in IMMEDIATE_FEEDBACK

    @property
    def current(self) -> QuizQuestion | None:
        return self.questions[self.state.index] if self.state.index < len(self.questions) else None

    @property
    def position(self) -> tuple[int, int]:
        """(answered so far, total)."""
        return min(self.state.index, len(self.questions)), len(self.questions)

    @property
    def finished(self) -> bool:
        return self.state.index >= len(self.questions) or self.time_left() == 0

    def time_left(self) -> float | None:
        """Seconds left in a timed exam (0 when over), None when untimed."""
        if not self.state.deadline:
            return None
        left = (datetime.fromisoformat(self.state.deadline) - datetime.now(UTC)).total_seconds()
        return max(0.0, left)

    def submit(self, response: Any, elapsed_ms: int) -> Grade:
        """Grade and durably record the answer to the current question, then move on."""
        question = self.current
        if question is None:
            raise RuntimeError("the quiz is over")
        result = grade(question, response)
        record_answer(self.db, learner_id=self.learner_id, pack_id=self.pack.id, question_id=question.id,
                      response=response, correct=result.correct, score=result.score, elapsed_ms=elapsed_ms,
                      mode=self.mode, session_id=self.state.id, kind=question.kind)
        self.grades[question.id] = result
        self.state.responses[question.id] = response
        self.state.scores[question.id] = result.score
        self.state.index += 1
        self._save()
        return result

    def finish(self) -> None:
        """End now (time up or the learner stopped); unanswered questions stay unanswered."""
        self.state.index = len(self.questions)
        self._save()

    def _save(self) -> None:
        update: dict[str, Any] = {"state": json.dumps(asdict(self.state))}
        if self.finished:
            update["finished_at"] = now_iso()
        self.db["quiz_sessions"].update(self.state.id, update)

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
