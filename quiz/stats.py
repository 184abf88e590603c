"""Progress figures for the dashboard and ``main.py stats``, each one SQL aggregate over the log.

The dashboard charts and the CLI print exactly these numbers, so they cannot
disagree. Days are the learner's local calendar days (SQLite ``localtime``).
Questions that were never answered count against mastery: a topic is
mastered when every question in it was answered right on its last try.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlite_utils import Database

from content.model import Pack
from db import cards
from db import stats as stats_db
from db.learners import learner_name
from db.reads import read_sections
from quiz import scheduler
from quiz.questions import QuizQuestion

HORIZON_DAYS = 14
#: How far ahead a topic's recall is told (after a miss 58%, after "Good" 81%, after "Easy" 91%).
RECALL_AHEAD = timedelta(days=7)
HISTORY_DAYS = 30
HARDEST = 10


@dataclass(frozen=True)
class Day:
    day: str  # YYYY-MM-DD, local
    answers: int
    correct: int
    seconds: float

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.answers if self.answers else None


@dataclass(frozen=True)
class TopicMastery:
    topic: str
    title: str
    questions: int
    answered: int
    right_last_time: int
    #: Mean FSRS recall probability over reviewed questions a week from now, without review. Not "now": just
    #: after any answer, right or wrong, FSRS gives 100%, so a topic missed a minute ago read "100%".
    recall_in_a_week: float | None

    @property
    def share(self) -> float:
        return self.right_last_time / self.questions if self.questions else 0.0


@dataclass(frozen=True)
class HardQuestion:
    question_id: str
    prompt: str
    attempts: int
    correct: int

    @property
    def success(self) -> float:
        return self.correct / self.attempts


@dataclass(frozen=True)
class Dashboard:
    learner: str
    pack_id: str
    answers: int
    correct: int
    seconds: float
    days: list[Day] = field(default_factory=list)
    topics: list[TopicMastery] = field(default_factory=list)
    due: list[tuple[str, int]] = field(default_factory=list)  # (day, reviews due), today includes overdue
    #: Of today's reviews, those due already: just after a session FSRS's learning steps make every card
    #: answered due again in minutes, and "20 reviews due today" read as "do all 20 again now".
    due_now: int = 0
    hardest: list[HardQuestion] = field(default_factory=list)
    sections: list[tuple[str, bool]] = field(default_factory=list)  # (section title, read)

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.answers if self.answers else None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["accuracy"] = self.accuracy
        for day, raw in zip(self.days, data["days"], strict=True):
            raw["accuracy"] = day.accuracy
        for topic, raw in zip(self.topics, data["topics"], strict=True):
            raw["share"] = topic.share
        for hard, raw in zip(self.hardest, data["hardest"], strict=True):
            raw["success"] = hard.success
        data["due"] = [{"day": d, "reviews": n} for d, n in self.due]
        data["sections"] = [{"section": s, "read": r} for s, r in self.sections]
        return data


def _today(now: datetime) -> date:
    return now.astimezone().date()


def days(db: Database, learner_id: int, pack_id: str, *, now: datetime | None = None,
         length: int = HISTORY_DAYS) -> list[Day]:
    """Answers, right answers and time spent per local day, for the last ``length`` days (zeros included)."""
    today = _today(now or datetime.now(UTC))
    first = today - timedelta(days=length - 1)
    # Summed from the per-UTC-hour totals (at most 24 rows a day), each hour put on its local day.
    # An hour splits between two local days only where the offset is not whole hours (e.g. UTC+5:30):
    # there the log itself is grouped, in a range on the indexed timestamp (a day early, for any zone).
    since = datetime.combine(first - timedelta(days=1), datetime.min.time(), UTC)
    rows: dict[str, dict[str, Any]] = {}
    for hour in stats_db.per_hour(db, learner_id, pack_id, since.isoformat()[:13]):
        local = datetime.fromisoformat(f"{hour['hour']}:00:00+00:00").astimezone()
        offset = local.utcoffset()
        if offset is None or offset.total_seconds() % 3600:
            rows = stats_db.per_day(db, learner_id, pack_id, since.isoformat(), first.isoformat())
            break
        row = rows.setdefault(local.date().isoformat(), {"answers": 0, "correct": 0, "seconds": 0.0})
        row["answers"] += hour["answers"]
        row["correct"] += hour["correct"]
        row["seconds"] += hour["elapsed_ms"] / 1000.0
    result = []
    for n in range(length):
        day = (first + timedelta(days=n)).isoformat()
        found = rows.get(day)
        result.append(Day(day, found["answers"], found["correct"], found["seconds"]) if found else Day(day, 0, 0, 0.0))
    return result


def topics(db: Database, learner_id: int, pack: Pack, questions: Sequence[QuizQuestion], *,
           now: datetime | None = None, totals: Sequence[Mapping[str, Any]] | None = None) -> list[TopicMastery]:
    """Per topic: questions, answered, right on their last try, mean FSRS recall a week from now."""
    totals = stats_db.per_question(db, learner_id, pack.id) if totals is None else totals
    last = {r["question_id"]: r["last_correct"] for r in totals}
    by_card = cards.for_pack(db, learner_id, pack.id)
    now = now or datetime.now(UTC)
    order = {t.id: n for n, t in enumerate(pack.topics)}
    by_topic: dict[str, list[str]] = {}
    for question in questions:
        by_topic.setdefault(question.topic, []).append(question.id)
    result = []
    for topic in sorted(by_topic, key=lambda t: order.get(t, len(order))):
        ids = by_topic[topic]
        recall = [scheduler.retrievability(by_card[q], now + RECALL_AHEAD) for q in ids if q in by_card]
        result.append(TopicMastery(
            topic, pack.topic_title(topic), len(ids), sum(q in last for q in ids), sum(last.get(q, 0) for q in ids),
            sum(recall) / len(recall) if recall else None))
    return result


def due(db: Database, learner_id: int, pack_id: str, *, now: datetime | None = None,
        horizon: int = HORIZON_DAYS) -> list[tuple[str, int]]:
    """Reviews due on each of the next ``horizon`` local days; overdue ones count for today."""
    today = _today(now or datetime.now(UTC))
    counts = stats_db.due_per_day(db, learner_id, pack_id, today.isoformat())
    return [((today + timedelta(days=n)).isoformat(), counts.get((today + timedelta(days=n)).isoformat(), 0))
            for n in range(horizon)]


def hardest(db: Database, learner_id: int, pack_id: str, prompts: dict[str, str], *,
            limit: int = HARDEST, totals: Sequence[Mapping[str, Any]] | None = None) -> list[HardQuestion]:
    """Questions with the lowest share of right answers (ties: more attempts first)."""
    totals = stats_db.per_question(db, learner_id, pack_id) if totals is None else totals
    ranked = sorted((r for r in totals if r["question_id"] in prompts and r["correct"] < r["attempts"]),
                    key=lambda r: (r["correct"] / r["attempts"], -r["attempts"], r["question_id"]))
    return [HardQuestion(r["question_id"], prompts[r["question_id"]], r["attempts"], r["correct"])
            for r in ranked[:limit]]


def dashboard(db: Database, learner_id: int, pack: Pack, questions: Sequence[QuizQuestion], *,
              now: datetime | None = None) -> Dashboard:
    """Everything the Progress page and ``main.py stats`` show for one learner and pack."""
    now = now or datetime.now(UTC)
    totals = stats_db.per_question(db, learner_id, pack.id)
    read = read_sections(db, learner_id, pack.id)
    return Dashboard(
        learner=learner_name(db, learner_id) or "", pack_id=pack.id,
        answers=sum(r["attempts"] for r in totals), correct=sum(r["correct"] for r in totals),
        seconds=sum(r["elapsed_ms"] for r in totals) / 1000.0,
        days=days(db, learner_id, pack.id, now=now),
        topics=topics(db, learner_id, pack, questions, now=now, totals=totals),
        due=due(db, learner_id, pack.id, now=now),
        due_now=stats_db.due_by(db, learner_id, pack.id, now.isoformat()),
        hardest=hardest(db, learner_id, pack.id, {q.id: q.prompt for q in questions}, totals=totals),
        sections=[(s.title, s.id in read) for s in pack.sections],
    )
