"""Progress figures for the dashboard and ``main.py stats``, each one SQL aggregate over the log.

The dashboard charts and the CLI print exactly these numbers, so they cannot
disagree. Days are the learner's local calendar days (SQLite ``localtime``).
Questions that were never answered count against mastery: a topic is
mastered when every question in it was answered right on its last try.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta

from sqlite_utils import Database

from content.model import Pack
from quiz import scheduler
from quiz.questions import QuizQuestion

HORIZON_DAYS = 14
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
    retrievability: float | None  # mean FSRS recall probability over reviewed questions

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
    hardest: list[HardQuestion] = field(default_factory=list)
    sections: list[tuple[str, bool]] = field(default_factory=list)  # (section title, read)

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.answers if self.answers else None

    def to_dict(self) -> dict:
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
    # Range on the indexed UTC timestamp first (a day early, for any time zone), so only
    # these days' rows are converted to local dates; converting every row was the slow part.
    since = datetime.combine(first - timedelta(days=1), datetime.min.time(), UTC).isoformat()
    rows = {r["day"]: r for r in db.query(
        "SELECT date(answered_at, 'localtime') AS day, count(*) AS answers, sum(correct) AS correct, "
        "coalesce(sum(elapsed_ms), 0) / 1000.0 AS seconds FROM answers "
        "WHERE learner_id = ? AND answered_at >= ? AND pack_id = ? GROUP BY day HAVING day >= ?",
        [learner_id, since, pack_id, first.isoformat()])}
    result = []
    for n in range(length):
        day = (first + timedelta(days=n)).isoformat()
        row = rows.get(day)
        result.append(Day(day, row["answers"], row["correct"], row["seconds"]) if row else Day(day, 0, 0, 0.0))
    return result


def topics(db: Database, learner_id: int, pack: Pack, questions: Sequence[QuizQuestion], *,
           now: datetime | None = None) -> list[TopicMastery]:
    """Per topic: questions, answered, right on their last try, mean FSRS retrievability."""
    last = {r["question_id"]: r["correct"] for r in db.query(
        "SELECT question_id, correct FROM answers WHERE id IN (SELECT max(id) FROM answers "
        "WHERE learner_id = ? AND pack_id = ? GROUP BY question_id)", [learner_id, pack.id])}
    cards = {r["question_id"]: r for r in db.query(
        "SELECT * FROM cards WHERE learner_id = ? AND pack_id = ?", [learner_id, pack.id])}
    now = now or datetime.now(UTC)
    order = [t.id for t in pack.topics]
    by_topic: dict[str, list[str]] = {}
    for question in questions:
        by_topic.setdefault(question.topic, []).append(question.id)
    result = []
    for topic in sorted(by_topic, key=lambda t: order.index(t) if t in order else len(order)):
        ids = by_topic[topic]
        recall = [scheduler.retrievability(cards[q], now) for q in ids if q in cards]
        result.append(TopicMastery(
            topic, pack.topic_title(topic), len(ids), sum(q in last for q in ids), sum(last.get(q, 0) for q in ids),
            sum(recall) / len(recall) if recall else None))
    return result


def due(db: Database, learner_id: int, pack_id: str, *, now: datetime | None = None,
        horizon: int = HORIZON_DAYS) -> list[tuple[str, int]]:
    """Reviews due on each of the next ``horizon`` local days; overdue ones count for today."""
    today = _today(now or datetime.now(UTC))
    counts = {r["day"]: r["n"] for r in db.query(
        "SELECT max(date(due, 'localtime'), ?) AS day, count(*) AS n FROM cards "
        "WHERE learner_id = ? AND pack_id = ? GROUP BY day", [today.isoformat(), learner_id, pack_id])}
    return [((today + timedelta(days=n)).isoformat(), counts.get((today + timedelta(days=n)).isoformat(), 0))
            for n in range(horizon)]


def hardest(db: Database, learner_id: int, pack_id: str, prompts: dict[str, str], *,
            limit: int = HARDEST) -> list[HardQuestion]:
    """Questions with the lowest share of right answers (ties: more attempts first)."""
    rows = db.query(
        "SELECT question_id, count(*) AS attempts, sum(correct) AS correct FROM answers "
        "WHERE learner_id = ? AND pack_id = ? GROUP BY question_id "
        "ORDER BY 1.0 * sum(correct) / count(*), count(*) DESC, question_id", [learner_id, pack_id])
    result = []
    for row in rows:
        if row["question_id"] in prompts and row["correct"] < row["attempts"]:
            result.append(HardQuestion(row["question_id"], prompts[row["question_id"]], row["attempts"],
                                       row["correct"]))
        if len(result) == limit:
            break
    return result


def dashboard(db: Database, learner_id: int, pack: Pack, questions: Sequence[QuizQuestion], *,
              now: datetime | None = None) -> Dashboard:
    """Everything the Progress page and ``main.py stats`` show for one learner and pack."""
    now = now or datetime.now(UTC)
    name = next(db.query("SELECT name FROM learners WHERE id = ?", [learner_id]))["name"]
    total = next(db.query(
        "SELECT count(*) AS n, coalesce(sum(correct), 0) AS correct, coalesce(sum(elapsed_ms), 0) / 1000.0 AS s "
        "FROM answers WHERE learner_id = ? AND pack_id = ?", [learner_id, pack.id]))
    read = {r["section_id"] for r in db.query(
        "SELECT section_id FROM section_reads WHERE learner_id = ? AND pack_id = ?", [learner_id, pack.id])}
    return Dashboard(
        learner=name, pack_id=pack.id, answers=total["n"], correct=total["correct"], seconds=total["s"],
        days=days(db, learner_id, pack.id, now=now), topics=topics(db, learner_id, pack, questions, now=now),
        due=due(db, learner_id, pack.id, now=now), hardest=hardest(db, learner_id, pack.id,
                                                                   {q.id: q.prompt for q in questions}),
        sections=[(s.title, s.id in read) for s in pack.sections],
    )
