"""A live session in a room: the trainer asks, learners answer from their own devices (Qt-free, no I/O).

This module holds the rules; :mod:`app.live_server` carries messages to and
from the learners' browsers and :mod:`db.live` stores every answer. Whatever a
learner's browser sends is untrusted: names and answers are checked here
against limits and the question's own options before anything is graded or
stored, and every refusal is a :class:`LiveError` with an HTTP-like status and
a sentence the learner's page shows.

The room sees one question at a time (the trainer moves on), untimed unless a
timer is chosen, and no points for speed: the optional ranking at the end is by
accuracy alone. Nothing about the key leaves the session before the reveal
(:meth:`LiveSession.public_question` holds no answer, explanation or quote).
"""

from __future__ import annotations

import dataclasses
import re
import secrets
import threading
import time
import unicodedata
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from quiz.grade import Grade, expected_text, grade, true_false_words, verdict_word
from quiz.progress_export import spreadsheet_safe
from quiz.questions import Kind, QuizQuestion

MAX_LEARNERS = 200  # a room, with room to spare; the 201st join is refused (503)
MAX_NAME = 40  # characters in a display name
MAX_TYPED = 200  # characters in a typed answer (text, numbers)
#: Join codes avoid look-alikes (0/O, 1/I/L) so they can be read off a projector.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6


class Phase(StrEnum):
    LOBBY = "lobby"  # learners join; no question yet
    ASKING = "asking"  # a question is open for answers
    REVEALED = "revealed"  # the key, explanation and distribution are shown
    ENDED = "ended"


class LiveError(Exception):
    """A request the session refuses; ``status`` is an HTTP status (4xx, or 503 for a full room)."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


@dataclass
class LiveLearner:
    number: int
    name: str
    token: str
    answers: dict[int, Grade | None] = field(default_factory=dict)  # position -> grade (None: being saved)
    responses: dict[int, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Pending:
    """An answer checked and graded, not yet stored: :meth:`LiveSession.record` or :meth:`LiveSession.drop` it."""

    learner: LiveLearner
    position: int
    question: QuizQuestion
    response: Any
    grade: Grade


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    key: bool  # this option is (part of) the right answer; for verdict bars: the "Correct" bar


@dataclass(frozen=True)
class Standing:
    name: str
    right: int
    answered: int
    score: float  # sum of scores (partial credit counts)
    place: int = 0  # 1 for the best; equal results share a place (1, 1, 1, 4)


def places(results: Sequence[Hashable]) -> list[int]:
    """Standard competition ranking ("1224") of results already sorted best first: equal results share the
    place of the first of them and the next result skips the shared places, so three learners with the same
    result all read "1." and the next reads "4." (never "1. 2. 3." for the same score)."""
    ranked: list[int] = []
    for index, result in enumerate(results):
        ranked.append(ranked[-1] if index and result == results[index - 1] else index + 1)
    return ranked


@dataclass(frozen=True)
class Snapshot:
    """What the trainer's screen shows, read in one go."""

    phase: Phase
    position: int  # -1 in the lobby
    total: int
    question: QuizQuestion | None
    topic: str
    learners: tuple[str, ...]
    answered: int
    distribution: tuple[Bar, ...]  # filled once revealed
    seconds_left: float | None  # None: untimed (or not asking)
    ranking: tuple[Standing, ...]  # filled at the end when ranking was chosen


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def clean_name(name: Any) -> str:
    """A display name as the room will see it (plain text), or LiveError 400 saying what is wrong."""
    if not isinstance(name, str):
        raise LiveError(400, "Please type a name.")
    # control characters, and invisible format characters such as right-to-left overrides that would
    # make a name on the projector read differently from what was typed (joiners stay: emoji, scripts need them)
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp") and ch not in "\u200c\u200d"
           for ch in name):
        raise LiveError(400, "Names cannot hold control characters; please type it again.")
    cleaned: str = " ".join(unicodedata.normalize("NFC", name).split())
    if not cleaned:
        raise LiveError(400, "Please type a name.")
    if len(cleaned) > MAX_NAME:
        raise LiveError(400, f"Please keep your name to {MAX_NAME} characters.")
    return cleaned


def options_of(question: QuizQuestion) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(rows, options) a learner answers with: rows for the grid kinds, options to pick or order."""
    kind = question.kind
    if kind == Kind.TRUEFALSE:
        return (), ("true", "false")
    if kind == Kind.MATCHING:
        return tuple(left for left, _ in question.pairs), tuple(sorted({right for _, right in question.pairs}))
    if kind == Kind.CLASSIFY:
        return tuple(statement for statement, _ in question.pairs), tuple(question.choices)
    return (), tuple(question.choices)


def public_question(question: QuizQuestion, position: int, total: int, topic: str) -> dict[str, Any]:
    """The question as a learner's page needs it: no key, explanation or quote before the reveal."""
    rows, options = options_of(question)
    return {"position": position, "total": total, "kind": str(question.kind), "topic": topic,
            "prompt": question.prompt, "scenario": question.scenario, "rows": list(rows), "options": list(options),
            "unit": question.unit if question.kind == Kind.NUMERIC else ""}


def checked_response(question: QuizQuestion, response: Any) -> Any:
    """``response`` if it has the shape this kind takes and uses only its own options; else LiveError 400."""
    kind = question.kind
    rows, options = options_of(question)

    def bad(why: str) -> LiveError:
        return LiveError(400, f"That answer cannot be read: {why}.")

    if kind in (Kind.CHOICE, Kind.SCENARIO, Kind.TRUEFALSE):
        if not isinstance(response, str) or response not in options:
            raise bad("choose one of the options")
        return response
    if kind in (Kind.NUMERIC, Kind.TEXT):
        if isinstance(response, bool) or not isinstance(response, str | int | float):
            raise bad("type an answer")
        text = str(response)
        if len(text) > MAX_TYPED:
            raise bad(f"keep it to {MAX_TYPED} characters")
        if not text.strip():
            raise bad("type an answer")
        return text
    if kind == Kind.MULTI:
        if not isinstance(response, list) or len(response) > len(options) or len(set(map(str, response))) != len(
                response) or not all(isinstance(r, str) and r in options for r in response):
            raise bad("tick options from the list, each once")
        return list(response)
    if kind == Kind.ORDER:
        if not isinstance(response, list) or sorted(map(str, response)) != sorted(options) or not all(
                isinstance(r, str) for r in response):
            raise bad("put every item in order, each once")
        return list(response)
    if kind in (Kind.MATCHING, Kind.CLASSIFY):
        if not isinstance(response, dict) or len(response) > len(rows):
            raise bad("choose an option for each row")
        for left, right in response.items():
            if left not in rows or not (right is None or (isinstance(right, str) and right in options)):
                raise bad("choose an option for each row")
        return dict(response)
    raise bad("this kind of question is not asked live")


#: A typed number a spreadsheet reads as a number, never as a formula ("-2" is safe as it is).
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


def response_text(response: Any) -> str:
    """A learner's answer as a person reads it in a spreadsheet: "BFM" and "2.3" without JSON's quote marks,
    ticked or ordered options joined by "; ", a matching as "row: option; row: option" (a row left blank
    reads "row: –"). The text is not yet spreadsheet-safe: :func:`csv_cell` is."""
    if response is None:
        return ""
    if isinstance(response, bool):
        return "true" if response else "false"
    if isinstance(response, list):
        return "; ".join(response_text(part) for part in response)
    if isinstance(response, dict):
        return "; ".join(f"{left}: {response_text(right) or '–'}" for left, right in response.items())
    return str(response)


def csv_cell(response: Any) -> str:
    """:func:`response_text`, neutralised where a spreadsheet would run it as a formula (= + - @ first)."""
    text = response_text(response)
    if _PLAIN_NUMBER.fullmatch(text.strip()):
        return text
    return str(spreadsheet_safe(text))


def distribution(question: QuizQuestion, answers: Sequence[tuple[Any, Grade]]) -> tuple[Bar, ...]:
    """How the room answered: a bar per option (single choice, select-all: how many ticked each);
    for the kinds without options to pick, how many were correct, partly correct and not correct."""
    kind = question.kind
    if kind in (Kind.CHOICE, Kind.SCENARIO, Kind.TRUEFALSE, Kind.MULTI):
        _, options = options_of(question)
        keys = set(question.answers) if kind == Kind.MULTI else {question.answer}
        counts = dict.fromkeys(options, 0)
        for response, _grade in answers:
            for picked in (response if isinstance(response, list) else [response]):
                if picked in counts:
                    counts[picked] += 1
        words = true_false_words(question) if kind == Kind.TRUEFALSE else {}  # True / False, 正しい / 誤り
        return tuple(Bar(words.get(o, o), n, o in keys) for o, n in counts.items())
    verdicts = {"Correct": 0, "Partly correct": 0, "Not correct": 0}
    for _response, graded in answers:
        verdicts[graded.outcome] += 1  # counted in any language, shown in the question's
    partly = kind in (Kind.MATCHING, Kind.CLASSIFY, Kind.ORDER)
    return tuple(Bar(verdict_word(v, question.language), n, v == "Correct") for v, n in verdicts.items()
                 if partly or v != "Partly correct")


def reveal_payload(question: QuizQuestion, bars: Sequence[Bar]) -> dict[str, Any]:
    """What every learner sees on reveal: the key, the explanation and the quotes with their outlets."""
    return {"expected": expected_text(question), "key": list(question.answers) if question.kind == Kind.MULTI
            else [question.answer] if question.answer else [],
            "pairs": [list(p) for p in question.pairs], "order": list(question.answers)
            if question.kind == Kind.ORDER else [], "explanation": question.explanation,
            "correction": question.correction,
            "citations": [{"quote": c.quote, "outlet": c.source} for c in question.citations],
            "distribution": [{"label": b.label, "count": b.count, "key": b.key} for b in bars]}


class LiveSession:
    """One room's session: learners, the question on show, and every answer (thread-safe).

    The server thread calls :meth:`join`, :meth:`check` and :meth:`record`; the
    trainer's window calls :meth:`next`, :meth:`reveal`, :meth:`end` and reads
    :meth:`snapshot`. ``clock`` is injectable so a timer can be tested without waiting.
    """

    def __init__(self, questions: Sequence[QuizQuestion], *, topics: dict[str, str] | None = None,
                 session_id: str | None = None, code: str | None = None, timer_s: float | None = None,
                 ranking: bool = False, max_learners: int = MAX_LEARNERS,
                 clock: Callable[[], float] = time.monotonic):
        if not questions:
            raise ValueError("A live session needs at least one question.")
        self.questions = list(questions)
        self.topics = dict(topics or {})
        self.id = session_id or secrets.token_hex(8)
        self.code = code or new_code()
        self.timer_s = timer_s if timer_s and timer_s > 0 else None
        self.ranking_shown = ranking
        self.max_learners = max_learners
        self.clock = clock
        self.phase = Phase.LOBBY
        self.position = -1
        self.opened_at = 0.0
        self._learners: dict[str, LiveLearner] = {}  # token -> learner
        self._names: set[str] = set()
        self._lock = threading.RLock()

    # -- learners --------------------------------------------------------------------------
    def join(self, name: Any) -> LiveLearner:
        name = clean_name(name)
        with self._lock:
            if self.phase == Phase.ENDED:
                raise LiveError(410, "This session has ended.")
            if name.casefold() in self._names:
                raise LiveError(409, f"Someone here is already called {name}; please add an initial.")
            if len(self._learners) >= self.max_learners:
                raise LiveError(503, f"This session is full ({self.max_learners} learners).")
            learner = LiveLearner(len(self._learners) + 1, name, secrets.token_urlsafe(18))
            self._learners[learner.token] = learner
            self._names.add(name.casefold())
            return learner

    def leave(self, learner: LiveLearner) -> None:
        """Forget a learner whose join could not be stored (their name is free again)."""
        with self._lock:
            self._learners.pop(learner.token, None)
            self._names.discard(learner.name.casefold())

    def learner(self, token: Any) -> LiveLearner:
        with self._lock:
            found = self._learners.get(token) if isinstance(token, str) else None
        if found is None:
            raise LiveError(403, "This device is not in the session; please join again.")
        return found

    @property
    def learners(self) -> list[LiveLearner]:
        with self._lock:
            return sorted(self._learners.values(), key=lambda x: x.number)

    # -- answers ------------------------------------------------------------------------------
    def check(self, token: Any, position: Any, response: Any) -> Pending:
        """Validate and grade an answer, and hold the learner's place for it (one answer per question)."""
        learner = self.learner(token)
        with self._lock:
            if self.phase != Phase.ASKING or type(position) is not int or position != self.position:
                raise LiveError(409, "This question is closed.")
            if self.seconds_left() == 0:
                raise LiveError(409, "Time is up for this question.")
            if position in learner.answers:
                raise LiveError(409, "You have already answered this question.")
            question = self.questions[position]
            response = checked_response(question, response)
            graded = grade(question, response)
            learner.answers[position] = None  # held while it is written
            return Pending(learner, position, question, response, graded)

    def record(self, pending: Pending) -> None:
        """The answer is stored: it counts."""
        with self._lock:
            pending.learner.answers[pending.position] = pending.grade
            pending.learner.responses[pending.position] = pending.response

    def drop(self, pending: Pending) -> None:
        """The answer could not be stored: the learner may send it again."""
        with self._lock:
            if pending.learner.answers.get(pending.position) is None:
                pending.learner.answers.pop(pending.position, None)

    def answered(self, position: int | None = None) -> int:
        position = self.position if position is None else position
        with self._lock:
            return sum(1 for x in self._learners.values() if x.answers.get(position) is not None)

    def distribution(self, position: int | None = None) -> tuple[Bar, ...]:
        position = self.position if position is None else position
        with self._lock:
            given = [(x.responses[position], graded) for x in self._learners.values()
                     if (graded := x.answers.get(position)) is not None]
        return distribution(self.questions[position], given)

    # -- the trainer's controls ----------------------------------------------------------------
    def next(self) -> bool:
        """Open the next question (False: there is none; the session then ends)."""
        with self._lock:
            if self.phase == Phase.ENDED:
                return False
            if self.position + 1 >= len(self.questions):
                self.phase = Phase.ENDED
                return False
            self.position += 1
            self.phase = Phase.ASKING
            self.opened_at = self.clock()
            return True

    def reveal(self) -> None:
        with self._lock:
            if self.phase == Phase.ASKING:
                self.phase = Phase.REVEALED

    def end(self) -> None:
        with self._lock:
            self.phase = Phase.ENDED

    def seconds_left(self) -> float | None:
        if self.timer_s is None or self.phase != Phase.ASKING:
            return None
        return max(0.0, self.timer_s - (self.clock() - self.opened_at))

    # -- what is shown -------------------------------------------------------------------------
    def topic(self, question: QuizQuestion) -> str:
        return self.topics.get(question.topic, question.topic)

    def public_question(self) -> dict[str, Any] | None:
        with self._lock:
            if self.position < 0:
                return None
            question = self.questions[self.position]
            shown = public_question(question, self.position, len(self.questions), self.topic(question))
            shown["seconds"] = self.timer_s
            return shown

    def reveal_payload(self) -> dict[str, Any]:
        return {"position": self.position, **reveal_payload(self.questions[self.position], self.distribution())}

    def verdict_for(self, learner: LiveLearner, position: int | None = None) -> dict[str, Any]:
        """One learner's own result on a revealed question, for their device only."""
        position = self.position if position is None else position
        question = self.questions[position]
        with self._lock:
            graded = learner.answers.get(position)
            response = learner.responses.get(position)
        if graded is None:
            return {"answered": False, "verdict": "No answer", "score": 0.0, "feedback": ""}
        feedback = question.feedback_for(response) if isinstance(response, str) else ""
        return {"answered": True, "verdict": graded.verdict, "score": graded.score, "note": graded.note,
                "feedback": feedback}

    def standings(self) -> list[Standing]:
        """Accuracy only (no speed): most right first, then most score; equal results share a place
        (names only order them)."""
        with self._lock:
            rows = [Standing(x.name, sum(1 for g in x.answers.values() if g and g.correct),
                             sum(1 for g in x.answers.values() if g), sum(g.score for g in x.answers.values() if g))
                    for x in self._learners.values()]
        rows.sort(key=lambda s: (-s.right, -s.score, s.name.casefold()))
        # equal right answers and equal score (to rounding) share a place; names only order the tie
        ranks = places([(s.right, round(s.score, 6)) for s in rows])
        return [dataclasses.replace(s, place=place) for s, place in zip(rows, ranks, strict=True)]

    def snapshot(self) -> Snapshot:
        with self._lock:
            question = self.questions[self.position] if self.position >= 0 else None
            revealed = self.phase in (Phase.REVEALED, Phase.ENDED) and question is not None
            return Snapshot(
                self.phase, self.position, len(self.questions), question, self.topic(question) if question else "",
                tuple(x.name for x in sorted(self._learners.values(), key=lambda x: x.number)),
                self.answered() if question else 0, self.distribution() if revealed else (),
                self.seconds_left(), tuple(self.standings()) if self.phase == Phase.ENDED and self.ranking_shown
                else ())
