"""Quiz sessions: Practice, Exam, Review mistakes, a topic, or a chosen set.

A session is a queue of questions composed by :mod:`quiz.plan` (one question
per fact, topics interleaved, true/false balanced). Its state is a small JSON
document saved in the progress database in the same transaction as each
answer, so an unfinished quiz resumes exactly where it was after a restart or
a crash, and an answer is never logged twice.

Where to resume is worked out from the queue, not from a stored position: the
first slot without an answer whose question still exists. A pack re-imported
without a question that was already answered therefore cannot make resume
skip an unanswered one.

In practice-like modes a missed question comes back a few questions later
(:data:`RETRY_GAP`): once in a session of many questions, until it is answered
right in one of few (at most :data:`MAX_RETRIES` times), and never so often that
retries outnumber the new questions (:data:`RETRY_SHARE`). The score counts each
question once, by its first answer. Whether a miss queued a retry is stored with
the answer, so taking it back un-queues exactly that retry.

The last answer can be taken back (:meth:`QuizSession.undo`, "I clicked too
fast"): the log keeps it with a retraction, the scheduler and the statistics
forget it, and the question is asked again, as if that answer had never been
given. An exam's answers can be taken back only until its results are shown.
"""

from __future__ import annotations

import json
import random
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlite_utils import Database

from content.model import Pack
from db import answers, sessions
from db.errors import saving
from db.progress import now_iso, write_transaction
from quiz import plan, scheduler
from quiz.answers import record_answer, retract_answer
from quiz.exam_code import ExamSpec, decode
from quiz.generate import generate
from quiz.grade import Grade, grade
from quiz.questions import Kind, QuizQuestion


class Mode(StrEnum):
    """Kinds of quiz session (a StrEnum: ``Mode.EXAM == "exam"``, stored as plain text)."""

    PRACTICE = "practice"  # due reviews, then new material, composed by quiz.plan
    EXAM = "exam"  # from an exam code: the same questions for everyone, feedback at the end
    REVIEW = "review"  # the questions last answered wrong
    TOPIC = "topic"  # one topic ("Quiz me on this")
    CUSTOM = "custom"  # chosen questions (the dashboard's hardest)


MODES = tuple(Mode)
#: The learner's recall ratings after feedback (1 Again … 4 Easy), as the scheduler knows them.
RATINGS = scheduler.RATINGS
PRACTICE_LENGTH = 20
TITLES = {Mode.PRACTICE: "Practice", Mode.REVIEW: "Review mistakes", Mode.CUSTOM: "Practice chosen questions"}
#: Modes that show feedback after each answer (an exam shows it only at the end).
IMMEDIATE_FEEDBACK = frozenset({Mode.PRACTICE, Mode.REVIEW, Mode.TOPIC, Mode.CUSTOM})
#: A missed question comes back this many questions later (or at the end): retrieved again after a few
#: others, not straight from the feedback still on screen (spaced retrieval).
RETRY_GAP = 3
#: A session with at most this many questions is "few": there is little else to practise, so a miss may
#: come back until it is answered right (up to :data:`MAX_RETRIES` times).
FEW_QUESTIONS = 5
#: How many times a missed question comes back in a session of few questions.
MAX_RETRIES = 3
#: How many times a missed question comes back in a longer session: once. One spaced retry is the
#: retrieval practice; more crowded out the questions not yet met (a learner who missed everything met 4
#: questions in 15 answers, each asked 3 or 4 times), and the scheduler brings the question back in a later
#: session anyway.
RETRIES_EACH = 1
#: Retries queued in a session of more than :data:`FEW_QUESTIONS`, at most as a share of its questions (a
#: 20-question practice grows to 30 answers at most): however much a learner misses, the queue stays bounded
#: and at least two of every three answers go to a question met for the first time.
RETRY_SHARE = 0.5


class NothingToAsk(ValueError):
    """A quiz was asked for where there is no question to ask (no mistakes to review, say)."""


class NothingToUndo(ValueError):
    """There is no answer that may be taken back here; the message says why, for the learner."""


@dataclass
class SessionState:
    id: str
    mode: str
    pack_id: str
    seed: str
    question_ids: list[str]  # the queue; a question appears again after a miss
    answered: dict[str, dict[str, Any]] = field(default_factory=dict)  # slot → {response, score, answer_id}
    exam_code: str | None = None
    deadline: str | None = None
    title: str = ""
    stopped: bool = False  # ended early (stopped by the learner, or time ran out)

    def to_json(self) -> str:
        """The state as saved: its fields as JSON (what ``json.dumps(asdict(state))`` gave, without
        ``asdict``'s deep copy of every answer, which cost milliseconds per answer in a long session)."""
        return json.dumps({name: getattr(self, name) for name in self.__dataclass_fields__})

    @classmethod
    def from_json(cls, text: str) -> SessionState:
        """Read a saved state, including those of earlier versions (responses keyed by question, an index)."""
        data = json.loads(text)
        legacy = data.pop("responses", None)
        scores = data.pop("scores", {})
        data.pop("index", None)
        state = cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})
        if legacy:
            for slot, qid in enumerate(state.question_ids):
                if qid in legacy and str(slot) not in state.answered:
                    state.answered[str(slot)] = {"response": legacy[qid], "score": scores.get(qid, 0.0)}
        return state


@dataclass(frozen=True)
class Outcome:
    """One question of the session, for the end-of-quiz review (its first answer, and a later right one)."""

    question: QuizQuestion
    response: Any
    grade: Grade | None  # None: not answered
    retried_right: bool = False  # missed first, answered right when it came back


#: The questions of the last few (pack, seed) pairs sessions were opened on. The Quiz tab opens the
#: learner's unfinished session to offer it again each time a pack is shown, which generated all its
#: questions again (about 50 ms for the bundled pack, inside every pack switch). Kept by the pack object
#: itself: the workspace hands out one Pack per stored content, a new one when the content changed.
_GENERATED: dict[tuple[str, str], tuple[Pack, list[QuizQuestion]]] = {}
_GENERATED_KEPT = 4


def _questions(pack: Pack, seed: str) -> list[QuizQuestion]:
    key = (pack.id, str(seed))
    kept = _GENERATED.get(key)
    if kept is None or kept[0] is not pack:
        _GENERATED.pop(key, None)
        while len(_GENERATED) >= _GENERATED_KEPT:
            del _GENERATED[next(iter(_GENERATED))]
        kept = _GENERATED[key] = (pack, generate(pack, seed))
    return kept[1]


#: The kinds whose options a retry shows in a new order (true/false keeps its two words in place).
REORDERED_AGAIN = (Kind.CHOICE, Kind.SCENARIO, Kind.MULTI, Kind.ORDER, Kind.MATCHING)


def reordered(question: QuizQuestion, rng: random.Random) -> tuple[str, ...]:
    """``question``'s options in an order unlike the one first shown: every key elsewhere (a choice's, a
    select-all's), and an ordering question's items not already in the right order."""
    first = list(question.choices)
    keys = [question.answer] if question.kind in (Kind.CHOICE, Kind.SCENARIO) else (
        list(question.answers) if question.kind == Kind.MULTI else [])

    def fresh(order: list[str]) -> bool:
        moved = all(order.index(k) != first.index(k) for k in keys if k in first)
        return order != first and moved and (question.kind != Kind.ORDER or order != list(question.answers))

    for _ in range(12):
        order = first[:]
        rng.shuffle(order)
        if fresh(order):
            return tuple(order)
    for shift in range(1, len(first)):  # a rotation moves every option (few options, or many keys)
        order = first[shift:] + first[:shift]
        if fresh(order):
            return tuple(order)
    return tuple(first)


class QuizSession:
    def __init__(self, db: Database, learner_id: int, pack: Pack, state: SessionState):
        self.db, self.learner_id, self.pack, self.state = db, learner_id, pack, state
        self.by_id = {q.id: q for q in _questions(pack, state.seed)}
        self.grades: dict[str, Grade] = {}  # slot → grade
        for slot, entry in state.answered.items():
            question = self.by_id.get(self._qid(int(slot)))
            if question is not None:
                self.grades[slot] = grade(question, entry.get("response"))
        self._take_logged_answers()
        #: answer row of the last submitted answer (the learner may still rate its recall)
        self.last_answer_id: int | None = None

    def _qid(self, slot: int) -> str:
        return self.state.question_ids[slot] if 0 <= slot < len(self.state.question_ids) else ""

    def _take_logged_answers(self) -> None:
        """Answers this session logged count as answered, whatever the saved state says.

        Answer and state are written in one transaction, so this changes nothing for
        sessions of this version; one saved by an older version, which wrote them
        separately, could have lost its state after a crash and would ask (and log)
        that question a second time.
        """
        logged: dict[str, list[dict[str, Any]]] = {}
        for row in answers.in_session(self.db, self.state.id, self.learner_id, self.state.pack_id):
            logged.setdefault(row["question_id"], []).append(row)
        for qid, rows in logged.items():
            slots = [s for s, q in enumerate(self.state.question_ids) if q == qid]
            known = [s for s in slots if str(s) in self.state.answered]
            for slot, row in zip([s for s in slots if str(s) not in self.state.answered], rows[len(known):],
                                 strict=False):
                self.state.answered[str(slot)] = {"response": row["response"], "score": row["score"],
                                                  "answer_id": row["id"]}
                if qid in self.by_id:
                    self.grades[str(slot)] = grade(self.by_id[qid], row["response"])

    # -- starting ----------------------------------------------------------------
    @classmethod
    def start(cls, db: Database, learner_id: int, pack: Pack, mode: str, *, topic: str | None = None,
              question_ids: list[str] | None = None, exam_code: str | None = None,
              length: int = PRACTICE_LENGTH, suspended: frozenset[str] | set[str] = frozenset()) -> QuizSession:
        """Create and save a new session; ValueError if there is nothing to ask (or the exam code is wrong).

        ``suspended``: questions the learner suspended, never asked in any mode.
        """
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}")
        mode = Mode(mode)
        session_id = secrets.token_hex(8)
        spec = decode(exam_code) if exam_code else None
        seed = str(spec.seed) if spec else session_id
        questions = [q for q in generate(pack, seed) if q.id not in suspended]
        title = TITLES.get(mode, "")
        deadline = None
        if mode == Mode.PRACTICE:
            due, later = scheduler.review_queue(db, learner_id, pack.id)
            ranked, fixed = plan.practice_ranking(questions, due, later, seed)
            chosen = plan.compose(questions, length=length, ranked=ranked, fixed=fixed, seed=seed, cues=plan.PRACTICE)
        elif mode == Mode.EXAM:
            if spec is None:
                raise NothingToAsk("An exam needs an exam code.")
            chosen = plan.compose(questions, length=spec.count, ranked=plan.exam_ranking(questions, spec.seed),
                                  seed=spec.seed, cues=plan.EXAM)
            title = f"Exam {spec.code}"
            if spec.minutes:
                deadline = (datetime.now(UTC) + timedelta(minutes=spec.minutes)).isoformat()
        elif mode == Mode.REVIEW:
            wrong = last_wrong(db, learner_id, pack.id)
            by_id = {q.id: q for q in questions}
            chosen = plan.in_cue_order([by_id[i] for i in wrong if i in by_id], questions)
        elif mode == Mode.TOPIC:
            mine = [q for q in questions if q.topic == topic]
            ranked = [q.id for q in mine]
            random.Random(seed).shuffle(ranked)
            chosen = plan.compose(mine, length=len(mine), ranked=ranked, seed=seed, topic_run=len(mine) + 1,
                                  cues=plan.PRACTICE)
            title = f"Quiz: {pack.topic_title(topic or '')}"
        else:  # custom
            wanted = set(question_ids or [])
            chosen = plan.in_cue_order([q for q in questions if q.id in wanted], questions)
        if not chosen:
            raise NothingToAsk("There are no questions to ask here yet.")
        state = SessionState(session_id, mode, pack.id, seed, [q.id for q in chosen],
                             exam_code=spec.code if spec else None, deadline=deadline, title=title)
        with saving("The new quiz"), write_transaction(db):
            sessions.create(db, session_id=session_id, learner_id=learner_id, pack_id=pack.id, mode=mode, seed=seed,
                            config=json.dumps({"exam_code": state.exam_code, "topic": topic}),
                            state=state.to_json(), started_at=now_iso())
        return cls(db, learner_id, pack, state)

    @classmethod
    def resume(cls, db: Database, learner_id: int, pack: Pack) -> QuizSession | None:
        """The learner's latest unfinished session for this pack, if any."""
        saved = sessions.latest_unfinished(db, learner_id, pack.id)
        if saved is None:
            return None
        session = cls(db, learner_id, pack, SessionState.from_json(saved))
        return session if session.questions and not session.finished else None

    # -- asking ------------------------------------------------------------------
    @property
    def mode(self) -> str:
        return self.state.mode

    @property
    def immediate_feedback(self) -> bool:
        return self.mode in IMMEDIATE_FEEDBACK

    @property
    def questions(self) -> list[QuizQuestion]:
        """The distinct questions of this session that the pack still has, in order."""
        seen: dict[str, QuizQuestion] = {}
        for qid in self.state.question_ids:
            if qid in self.by_id:
                seen.setdefault(qid, self.by_id[qid])
        return list(seen.values())

    def _slots(self) -> list[int]:
        """Slots whose question still exists (a re-imported pack may have dropped one)."""
        return [s for s, qid in enumerate(self.state.question_ids) if qid in self.by_id]

    @property
    def _current_slot(self) -> int | None:
        if self.state.stopped:
            return None
        answered, by_id = self.state.answered, self.by_id  # read at every step of an answer: one pass, no list
        return next((s for s, qid in enumerate(self.state.question_ids) if qid in by_id and str(s) not in answered),
                    None)

    @property
    def current(self) -> QuizQuestion | None:
        slot = self._current_slot
        return None if slot is None or self.time_left() == 0 else self._as_asked(slot, self.by_id[self._qid(slot)])

    def _as_asked(self, slot: int, question: QuizQuestion) -> QuizQuestion:
        """``question`` as asked in ``slot``: asked again in this session, its options come in another order.

        A missed question comes back a few questions later; in the order it was first shown, the place
        where "the right answer" was marked answers it, and the retry would test the place, not the fact.
        The order is drawn from the session and the slot, so a quiz resumed later shows the same one."""
        if question.kind not in REORDERED_AGAIN or len(question.choices) < 2 \
                or question.id not in self.state.question_ids[:slot]:
            return question
        order = reordered(question, random.Random(f"{self.state.seed}:{slot}"))
        return replace(question, choices=order)

    @property
    def position(self) -> tuple[int, int]:
        """(answered so far, questions in the queue): a missed question asked again counts again."""
        slots = self._slots()
        return sum(str(s) in self.state.answered for s in slots), len(slots)

    @property
    def steps(self) -> tuple[int, int, int]:
        """(questions reached, questions in the quiz, retries still to come), each question counted once.

        What the quiz's progress bar shows: counted by :attr:`position`, a practice of 20 read 3/20, 4/21,
        7/22… up to 26/26 as misses were queued again, and the learner never knew how far they were.
        "Reached" counts the current question when it is asked for the first time."""
        slots = self._slots()
        first: dict[str, int] = {}
        for slot in slots:
            first.setdefault(self._qid(slot), slot)
        firsts = set(first.values())
        answered = self.state.answered
        current = self._current_slot
        reached = sum(str(s) in answered for s in firsts) + (current in firsts)
        waiting = sum(1 for s in slots if s not in firsts and s != current and str(s) not in answered)
        return reached, len(firsts), waiting

    @property
    def exam_shortfall(self) -> tuple[int, int] | None:
        """(asked for, given) when an exam holds fewer questions than its code asks for, else None.

        A pack has only so many questions one exam can hold: one per figure, term or record, none giving
        another's answer away (:func:`quiz.plan.compose`). A 53-question pack gave 11 of 20 with nothing
        said, and the learner took it for the whole exam."""
        if not self.state.exam_code:
            return None
        asked = decode(self.state.exam_code).count
        given = len(self.state.question_ids)
        return (asked, given) if given < asked else None

    @property
    def is_retry(self) -> bool:
        """The current question was missed earlier in this session and comes back now."""
        slot = self._current_slot
        return slot is not None and self._qid(slot) in self.state.question_ids[:slot]

    @property
    def finished(self) -> bool:
        return self._current_slot is None or self.time_left() == 0

    def time_left(self) -> float | None:
        """Seconds left in a timed exam (0 when over), None when untimed."""
        if not self.state.deadline:
            return None
        left = (datetime.fromisoformat(self.state.deadline) - datetime.now(UTC)).total_seconds()
        return max(0.0, left)

    def submit(self, response: Any, elapsed_ms: int) -> Grade:
        """Grade the answer to the current question and store it with the session's new state, in one transaction."""
        slot = self._current_slot
        question = self.current
        if slot is None or question is None:
            raise RuntimeError("the quiz is over")
        result = grade(question, response)
        with self._unchanged_unless_saved(), saving("Your answer"):
            self.state.answered[str(slot)] = {"response": response, "score": result.score}
            if not result.correct and self.immediate_feedback:
                # Stored with the answer (the session's state is saved with it): undo un-queues exactly this retry.
                self.state.answered[str(slot)]["queued"] = self._queue_again(slot, question.id)
            with write_transaction(self.db):
                answer_id = record_answer(
                    self.db, learner_id=self.learner_id, pack_id=self.pack.id, question_id=question.id,
                    response=response, correct=result.correct, score=result.score, elapsed_ms=elapsed_ms,
                    mode=self.mode, session_id=self.state.id, kind=question.kind)
                self.state.answered[str(slot)]["answer_id"] = answer_id
                self._save()
        self.grades[str(slot)] = result
        self.last_answer_id = answer_id
        return result

    def retry_allowed(self, slot: int, qid: str) -> bool:
        """Whether missing ``qid`` in ``slot`` queues it again (see :data:`RETRIES_EACH`, :data:`RETRY_SHARE`)."""
        queue = self.state.question_ids
        retried = queue[: slot + 1].count(qid) - 1  # how often it has come back already
        questions = len(set(queue))
        if questions <= FEW_QUESTIONS:
            return retried < MAX_RETRIES
        return retried < RETRIES_EACH and len(queue) - questions + 1 <= RETRY_SHARE * questions

    def _queue_again(self, slot: int, qid: str) -> bool:
        """Queue ``qid``, missed in ``slot``, to come back :data:`RETRY_GAP` questions later, if it may;
        whether it was."""
        if not self.retry_allowed(slot, qid):
            return False
        at = min(slot + 1 + RETRY_GAP, len(self.state.question_ids))
        self.state.question_ids.insert(at, qid)
        # Slots after ``at`` moved one place on; none of them is answered yet (answers go in order).
        shifted = {}
        for key, entry in self.state.answered.items():
            shifted[str(int(key) + 1) if int(key) >= at else key] = entry
        self.state.answered = shifted
        return True

    def _unqueue(self, slot: int, qid: str, queued: bool | None) -> None:
        """Undo :meth:`_queue_again` for the answer in ``slot``: its copy is the first later, unanswered one.

        ``queued``: whether that miss queued a copy, as stored with the answer; None for an answer saved by an
        earlier version, which queued one unless the question had come back :data:`MAX_RETRIES` times."""
        if queued is None:
            queued = self.state.question_ids[: slot + 1].count(qid) <= MAX_RETRIES
        if not queued:
            return  # that miss queued no copy
        later = next((s for s in range(slot + 1, len(self.state.question_ids))
                      if self.state.question_ids[s] == qid and str(s) not in self.state.answered), None)
        if later is None:
            return
        del self.state.question_ids[later]
        self.state.answered = {str(int(k) - 1) if int(k) > later else k: v for k, v in self.state.answered.items()}

    def _last_answered_slot(self) -> int | None:
        """The slot of the newest answer of this session (answers go in slot order)."""
        slots = [int(k) for k, entry in self.state.answered.items()
                 if entry.get("answer_id") and self._qid(int(k)) in self.by_id]
        return max(slots) if slots else None

    def undo_refusal(self) -> str | None:
        """Why the last answer cannot be taken back now (None: it can)."""
        if self._last_answered_slot() is None:
            return "There is no answer in this quiz to take back."
        if not self.immediate_feedback and self.finished:
            return "An exam's answers are final once its results are shown."
        if self.time_left() == 0:
            return "Time is up: the answers given stay as they are."
        return None

    def undo(self) -> QuizQuestion:
        """Take the last answer back and ask its question again (returned); stored durably, in one transaction.

        The answer stays in the log with a retraction; its card is replayed from the answers left, its
        question's totals recounted, and the session continues at that question (a quiz that had ended
        goes on). Raises :class:`NothingToUndo` (in words) when there is none to take back, and
        :class:`~db.errors.NotSavedError` when it cannot be stored (then nothing changed).
        """
        refusal = self.undo_refusal()
        slot = self._last_answered_slot()
        if refusal is not None or slot is None:
            raise NothingToUndo(refusal or "There is no answer in this quiz to take back.")
        qid = self._qid(slot)
        entry = self.state.answered[str(slot)]
        result = self.grades.get(str(slot)) or grade(self.by_id[qid], entry.get("response"))
        with self._unchanged_unless_saved(), saving("Taking your answer back"):
            del self.state.answered[str(slot)]
            if not result.correct and self.immediate_feedback:
                self._unqueue(slot, qid, entry.get("queued"))
            self.state.stopped = False
            with write_transaction(self.db):
                retract_answer(self.db, int(entry["answer_id"]))
                self._save()
        self.grades = {k: v for k, v in self.grades.items() if k in self.state.answered}
        self.last_answer_id = None
        return self.by_id[qid]

    @staticmethod
    def default_rating(result: Grade) -> int:
        """The recall rating an answer is stored with until the learner picks another (Again or Good)."""
        return scheduler.rating_for(result.correct)

    def rate(self, rating: int) -> None:
        """The learner's own rating of their recall for the last answer (1 Again … 4 Easy); FSRS uses it."""
        if self.last_answer_id is None:
            raise RuntimeError("there is no answer to rate")
        if rating not in scheduler.RATINGS:
            raise ValueError(f"a rating is 1 to 4, not {rating!r}")
        rate_answer(self.db, self.last_answer_id, rating)

    def finish(self) -> None:
        """End now (time up or the learner stopped); unanswered questions stay unanswered."""
        with self._unchanged_unless_saved(), saving("The end of this quiz"):
            self.state.stopped = True
            with write_transaction(self.db):
                self._save()

    @contextmanager
    def _unchanged_unless_saved(self) -> Iterator[None]:
        """The session's queue, answers and end as they are now, put back if the block fails (the store kept
        the old state: the screen must show it). Shallow copies suffice: an answer, its undo and the end add,
        remove or replace entries and slots (a retry shifts the slots into a new map), never edit a saved entry
        in place; a JSON round-trip of the whole state cost each answer two encodings."""
        before = list(self.state.question_ids), dict(self.state.answered), self.state.stopped
        try:
            yield
        except BaseException:
            self.state.question_ids, self.state.answered, self.state.stopped = before
            raise

    def _save(self) -> None:
        sessions.save_state(self.db, self.state.id, self.state.to_json(),
                            now_iso() if self.finished else None)

    # -- results -----------------------------------------------------------------
    def review(self) -> list[Outcome]:
        """Each question once: its first answer (that is what the score counts), and whether a retry got it right."""
        outcomes: dict[str, Outcome] = {}
        for slot in self._slots():
            qid = self._qid(slot)
            entry = self.state.answered.get(str(slot))
            if qid not in outcomes:
                outcomes[qid] = Outcome(self.by_id[qid], entry.get("response") if entry else None,
                                        self.grades.get(str(slot)))
            elif entry and self.grades.get(str(slot)) and self.grades[str(slot)].correct:
                first = outcomes[qid]
                outcomes[qid] = Outcome(first.question, first.response, first.grade, retried_right=True)
        return list(outcomes.values())

    @property
    def score(self) -> float:
        """Points scored on first answers (partial credit counts)."""
        return sum(o.grade.score for o in self.review() if o.grade is not None)

    @property
    def answered_count(self) -> int:
        """Questions answered at least once: what the score is out of."""
        return sum(o.grade is not None for o in self.review())


def rate_answer(db: Database, answer_id: int, rating: int) -> None:
    """Append the learner's rating of one answer and replay that card from the log."""
    with saving("Your rating"), write_transaction(db):
        learner_id, pack_id, question_id = answers.add_rating(db, answer_id, rating)
        scheduler.replay(db, learner_id, pack_id, question_id)


def last_wrong(db: Database, learner_id: int, pack_id: str) -> list[str]:
    """Questions whose most recent answer by this learner was wrong, most recent first."""
    return answers.last_wrong(db, learner_id, pack_id)


def new_exam_spec(count: int = 20, minutes: int = 0) -> ExamSpec:
    """A fresh random exam (its code can be shared so others get the same one)."""
    from quiz.exam_code import MAX_SEED

    return ExamSpec(secrets.randbelow(MAX_SEED), count, minutes)
