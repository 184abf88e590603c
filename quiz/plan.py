"""Which questions a session asks, and in what order (Qt-free, no storage).

The question bank holds every variant of every fact (amount, typed number,
outlet, true and false statements…). A session must not be a run of variants
of one figure, 17 true statements in a row, or one topic for ten questions.
:func:`compose` therefore picks, from candidates ranked by the caller (due
reviews first, then new material), a session that:

- asks no fact twice (two questions sharing any fact id never meet);
- never runs one topic more than :data:`MAX_TOPIC_RUN` times in a row;
- varies the kind of question from one to the next where it can;
- keeps true/false answers between 40% and 60% true, and never asks exactly
  one or three true/false questions (no share in that range exists for them).

Interleaving topics and facts is what the practice literature recommends over
blocked practice; balancing true/false removes the "always press True" cue.

No item may give away another's key (:mod:`quiz.cues`: "taken back" in one
stem, "Clawback" the key of another). ``cues=EXAM`` (an exam, a paper quiz:
everything read without feedback) never holds two items where either gives
the other away: the later one in the ranking is passed over for the next
eligible item, so one exam code still gives one exam. ``cues=PRACTICE``
(feedback after each answer: the learner is taught, only the order matters)
never asks an item after one that gave its key away.

No session holds two questions a learner sees alike (the same case, prompt
and options, :func:`shown`), whatever facts they claim: a pack that took in
its own export once held each question twice under two ids, and an exam asked
some word for word twice. Questions that differ never meet this rule, so it
changes nothing else.
"""

from __future__ import annotations

import random
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from content.validate import folded
from quiz.questions import Kind, QuizQuestion

MAX_TOPIC_RUN = 2
#: How :func:`compose` keeps items from giving each other away (see the module docstring).
EXAM = "exam"
PRACTICE = "practice"
TRUE_SHARE = (0.4, 0.6)
#: How far down the ranking the composer looks for a better fit at each step.
WINDOW = 16
#: The least a candidate's cost can be before its place in the ranking is added: :func:`_cost` takes off at most 2
#: (a true/false item a session lacks) and a topic with much left to ask at most 4. A candidate further down than
#: where ``0.25 * looked`` plus this passes the best cost found cannot beat it, so the composer stops looking.
_LOWEST_COST = -6.0


def family_key(question: QuizQuestion) -> frozenset[str]:
    """The facts a question tests: variants of one fact share this key.

    A generated question also claims the sentence it quotes: the feedback of one
    question shows that sentence, so a second question on it (a term and a list
    item quoting the same line) would be answered from the feedback just read.
    """
    key = set(question.facts) or {question.id}
    if question.quote and not question.authored:
        key.add("quote:" + " ".join(question.quote.split()))
    return frozenset(key)


def shown(question: QuizQuestion) -> tuple[str, str, frozenset[str], frozenset[str]]:
    """What the learner sees of ``question`` (blanks and capitals aside; options in any order): two questions
    with the same never both go into one session."""
    return (folded(question.scenario), folded(question.prompt), frozenset(map(folded, question.choices)),
            frozenset(folded(left) for left, _ in question.pairs))


@dataclass
class _Family:
    key: frozenset[str]
    variants: list[QuizQuestion]
    rank: int


def _families(questions: Sequence[QuizQuestion], ranked: Sequence[str]) -> list[_Family]:
    by_id = {q.id: q for q in questions}
    families: dict[frozenset[str], _Family] = {}
    order = [by_id[i] for i in ranked if i in by_id]
    seen = {q.id for q in order}
    order += [q for q in questions if q.id not in seen]
    for rank, question in enumerate(order):
        key = family_key(question)
        family = families.get(key)
        if family is None:
            families[key] = _Family(key, [question], rank)
        else:
            family.variants.append(question)
    return sorted(families.values(), key=lambda f: f.rank)


def compose(questions: Sequence[QuizQuestion], *, length: int, ranked: Sequence[str] = (),
            fixed: Iterable[str] = (), seed: str | int = 0, topic_run: int = MAX_TOPIC_RUN,
            after: Sequence[QuizQuestion] = (), avoid: Iterable[str] = (), cues: str | None = None
            ) -> list[QuizQuestion]:
    """A session of at most ``length`` questions from ``questions`` (see the module docstring).

    ``ranked`` lists question ids in the order the caller wants them (e.g. due
    first); unranked questions follow in bank order. ``fixed`` ids must be
    asked as they are when their family is chosen (a due review is a review of
    that very card); for the others the composer picks the variant. ``after``
    are the questions asked just before (the previous session), so a topic run
    does not continue across the boundary; ``avoid`` are fact ids not to ask again. ``cues``: :data:`EXAM`,
    :data:`PRACTICE` or None (no rule about cues; see the module docstring).
    """
    from quiz.cues import CueIndex  # quiz.cues reads family_key from here
    from quiz.cues import fits as cue_fits

    fixed = set(fixed)
    index = CueIndex(questions) if cues else None
    passed: set[str] = set()  # variants that would give away, or be given away by, an item already chosen

    def fits(question: QuizQuestion, before: Sequence[QuizQuestion], later: Sequence[QuizQuestion] = ()) -> bool:
        """The ``cues`` rule for ``question`` between ``before`` and ``later`` (none: always)."""
        return index is None or cue_fits(index, question, before, later, exam=cues == EXAM)

    def fits_next(question: QuizQuestion) -> bool:
        """Whether ``question`` may come after those chosen; if not, it never may (passed over from then on)."""
        if fits(question, chosen):
            return True
        passed.add(question.id)
        return False

    pool = _families(questions, ranked)
    chosen: list[QuizQuestion] = []
    used: set[str] = set(avoid)
    seen: set[tuple[str, str, frozenset[str], frozenset[str]]] = set()  # what the chosen questions show
    while pool and len(chosen) < length:
        # Topics with much left to ask go first, so the session does not end on one topic in a row.
        left: dict[str, int] = {}
        for family in pool:
            if not family.key & used:
                left[family.variants[0].topic] = left.get(family.variants[0].topic, 0) + 1
        total = sum(left.values()) or 1
        best: tuple[float, int, QuizQuestion] | None = None
        scored: list[tuple[float, int, QuizQuestion]] = []  # the cues rule may pass the best over for the next
        looked = 0
        for position, family in enumerate(pool):
            if family.key & used:
                continue
            looked += 1
            if looked > WINDOW and best is not None and best[0] < 6:
                break  # a fit was found near the top; look further only to avoid a run of one topic or kind
            if best is not None and best[0] <= 0.25 * looked + _LOWEST_COST:
                break  # nothing this far down can cost less (a pack of one topic scanned its whole bank each step)
            for variant in _variants(family, fixed):
                if variant.id in passed or shown(variant) in seen:
                    continue
                cost = _cost([*after[-topic_run:], *chosen], variant, topic_run, len(after[-topic_run:]))
                cost += 0.25 * looked - 4.0 * left.get(variant.topic, 0) / total \
                    + _jitter(seed, len(chosen), variant.id)
                if index is not None:
                    scored.append((cost, position, variant))
                if best is None or cost < best[0]:
                    best = (cost, position, variant)
        if best is None:
            break
        if not fits_next(best[2]):  # once it would give one away, it always would: never looked at again
            best = next((c for c in sorted(scored, key=lambda c: c[0])
                         if c[2].id not in passed and fits_next(c[2])), None)
            if best is None:
                continue
        _, position, variant = best
        chosen.append(variant)
        seen.add(shown(variant))
        used |= pool.pop(position).key
    return _balance(chosen, questions, length, used_before=set(avoid), fits=fits)


def _jitter(seed: str | int, step: int, qid: str) -> float:
    """A tie-breaker below 0.01 that depends on the seed, the step and the question only, not on how many
    candidates were looked at before it: stopping the scan early (:data:`_LOWEST_COST`) then chooses exactly
    what looking at every candidate would."""
    return zlib.crc32(f"compose|{seed}|{step}|{qid}".encode()) / 2**32 * 0.01


def _variants(family: _Family, fixed: set[str]) -> list[QuizQuestion]:
    pinned = [v for v in family.variants if v.id in fixed]
    return pinned[:1] or family.variants


def _true_false(questions: Iterable[QuizQuestion]) -> tuple[int, int]:
    trues = falses = 0
    for q in questions:
        if q.kind == Kind.TRUEFALSE:
            if q.answer == "true":
                trues += 1
            else:
                falses += 1
    return trues, falses


def _cost(chosen: list[QuizQuestion], candidate: QuizQuestion, topic_run: int, context: int = 0) -> float:
    """How badly ``candidate`` fits after ``chosen`` (whose first ``context`` items are the previous session's)."""
    cost = 0.0
    recent = chosen[-topic_run:]
    if len(recent) == topic_run and all(q.topic == candidate.topic for q in recent):
        cost += 100.0  # a third question on one topic in a row
    if chosen and chosen[-1].kind == candidate.kind:
        cost += 3.0
        if len(chosen) > 1 and chosen[-2].kind == candidate.kind:
            cost += 6.0
    chosen = chosen[context:] if candidate.kind == Kind.TRUEFALSE else chosen
    if candidate.kind == Kind.TRUEFALSE:
        trues, falses = _true_false(chosen)
        if candidate.answer == "true":
            trues += 1
        else:
            falses += 1
        cost += 4.0 * max(0, abs(trues - falses) - 1) + (1.5 if abs(trues - falses) == 1 else 0.0)
        # true/false is the easiest kind to guess: about a quarter to a third of a session
        if (trues + falses) > 1 + len(chosen) // 3:
            cost += 4.0
        elif (trues + falses) < 1 + len(chosen) // 5:
            cost -= 2.0
    return cost


def in_cue_order(questions: Sequence[QuizQuestion], bank: Sequence[QuizQuestion] = ()) -> list[QuizQuestion]:
    """``questions`` (a chosen list: the last mistakes, the dashboard's hardest) in an order where no item comes
    after one that gave its key away (:mod:`quiz.cues`), otherwise as given.

    The earliest item that no remaining item gives away goes next; items that give each other away (neither
    order helps) keep their order. ``bank``: the questions the cue index learns the pack's wording from
    (default: ``questions``)."""
    from quiz.cues import CueIndex

    index = CueIndex(bank or questions)
    n = len(questions)
    gives = [[i != j and index.gives_away(questions[i], questions[j]) for j in range(n)] for i in range(n)]
    # i must wait for j when i gives j away and j does not give i away (each pair is looked at once)
    waits = [{j for j in range(n) if gives[i][j] and not gives[j][i]} for i in range(n)]
    left = list(range(n))
    ordered: list[QuizQuestion] = []
    while left:
        # The earliest item that gives away no item still to come goes next (a cycle: the earliest of all).
        ready = next((i for i in left if not waits[i] & set(left)), left[0])
        ordered.append(questions[ready])
        left.remove(ready)
    return ordered


def true_share(questions: Iterable[QuizQuestion]) -> float | None:
    trues, falses = _true_false(questions)
    return trues / (trues + falses) if trues + falses else None


def balanced(questions: Sequence[QuizQuestion]) -> bool:
    """True/false answers 40–60% true (or none at all)."""
    share = true_share(questions)
    return share is None or TRUE_SHARE[0] <= share <= TRUE_SHARE[1]


def _balance(chosen: list[QuizQuestion], bank: Sequence[QuizQuestion], length: int,
             used_before: set[str] = frozenset(),  # type: ignore[assignment]
             *, fits: Callable[[QuizQuestion, Sequence[QuizQuestion], Sequence[QuizQuestion]], bool]
             ) -> list[QuizQuestion]:
    """Swap (or, failing that, drop) true/false items until the share is in range.

    ``fits(question, before, after)``: whether an item added or swapped in may stand there (the cues rule)."""

    by_key: dict[frozenset[str], list[QuizQuestion]] = {}
    for q in bank:
        by_key.setdefault(family_key(q), []).append(q)
    session: list[QuizQuestion] = list(chosen)
    used = {fact for q in session for fact in family_key(q)} | set(used_before)
    def new(q: QuizQuestion, instead: QuizQuestion | None = None) -> bool:
        """Whether ``q`` shows what no item of the session (but ``instead``, which it replaces) shows."""
        return not any(shown(s) == shown(q) for s in session if s is not instead)

    trues, falses = _true_false(session)
    if trues + falses in (1, 3):  # no share between 40% and 60% exists: add the missing answer, else drop one
        wanted = "false" if trues > falses else "true"
        extra = next((q for q in bank if q.kind == Kind.TRUEFALSE and q.answer == wanted
                      and not (family_key(q) & used) and new(q) and fits(q, session, ())), None)
        others = [i for i, q in enumerate(session) if q.kind != Kind.TRUEFALSE]
        if extra is not None and (len(session) < length or others):
            if len(session) >= length:  # make room: the last question that is not true/false goes
                del session[others[-1]]
            at = next((i for i in range(len(session), 0, -1)
                       if session[i - 1].topic != extra.topic
                       and (i < 2 or session[i - 2].topic != extra.topic)), len(session))
            if not fits(extra, session[:at], session[at:]):
                at = len(session)  # where it was found to fit
            session.insert(at, extra)
        else:
            del session[max(i for i, q in enumerate(session) if q.kind == Kind.TRUEFALSE)]
    for _ in range(len(session) + 2):
        if balanced(session):
            break
        trues, falses = _true_false(session)
        surplus = "true" if trues > falses else "false"
        # Replace the last surplus item by another variant of its fact: the opposite statement, else another kind.
        for i in range(len(session) - 1, -1, -1):
            q = session[i]
            if q.kind != Kind.TRUEFALSE or q.answer != surplus:
                continue
            variants = [v for v in by_key.get(family_key(q), [])
                        if v.id != q.id and new(v, q) and fits(v, session[:i], session[i + 1:])]
            swap = next((v for v in variants if v.kind == Kind.TRUEFALSE and v.answer != surplus), None) \
                or next((v for v in variants if v.kind != Kind.TRUEFALSE), None)
            if swap is not None:
                session[i] = swap
                break
        else:
            last = max(i for i, q in enumerate(session) if q.kind == Kind.TRUEFALSE and q.answer == surplus)
            del session[last]
    return session


def practice_ranking(questions: Sequence[QuizQuestion], due: Sequence[str], later: Sequence[str],
                     seed: str | int) -> tuple[list[str], set[str]]:
    """(ranking, fixed) for practice: due reviews (most overdue first), new material in seeded order,
    then reviews not yet due (soonest first).

    A fact one of whose variants was already seen stays out of the new material,
    so practice moves on to what the learner has not met yet.
    """
    rng = random.Random(f"practice|{seed}")
    seen = set(due) | set(later)
    seen_facts = {fact for q in questions if q.id in seen for fact in family_key(q)}
    fresh = [q for q in questions if not (family_key(q) & seen_facts)]
    # Hand-written questions test understanding and cover several facts at once: left to chance they
    # lose to the many single-fact variants, so they are spread evenly through the new material.
    authored = [q.id for q in fresh if q.authored]
    generated = [q.id for q in fresh if not q.authored]
    rng.shuffle(authored)
    rng.shuffle(generated)
    step = max(1, round((len(authored) + len(generated)) / max(1, len(authored))))
    mixed: list[str] = []
    for n, qid in enumerate(generated):
        if n % step == 0 and authored:
            mixed.append(authored.pop())
        mixed.append(qid)
    mixed += authored
    return [*due, *mixed, *later], set(due)


def exam_ranking(questions: Sequence[QuizQuestion], seed: str | int) -> list[str]:
    """An exam draws in a seeded order: the same code gives everyone the same questions."""
    ids = sorted(q.id for q in questions)
    random.Random(f"exam|{seed}").shuffle(ids)
    return ids


def practice_plan(questions: Sequence[QuizQuestion], *, count: int, session_length: int,
                  seed: str | int = 0) -> list[list[QuizQuestion]]:
    """The first ``count`` questions a new learner's practice asks, as the sessions that ask them.

    Each session is composed as :mod:`quiz.session` composes it, assuming every
    answer was right (nothing falls due within the hour), so a later session moves
    on to facts not met yet; a small pack's sessions may be shorter than
    ``session_length``. ``main.py export --format quiz-json --plan practice`` prints this.
    """
    sessions: list[list[QuizQuestion]] = []
    asked: list[QuizQuestion] = []
    while len(asked) < count:
        n = len(sessions)
        ranked, fixed = practice_ranking(questions, [], [q.id for q in asked], f"{seed}|{n}")
        batch = compose(questions, length=min(session_length, count - len(asked)), ranked=ranked, fixed=fixed,
                        seed=f"{seed}|{n}", after=asked, avoid={f for q in asked for f in q.facts}, cues=PRACTICE)
        if not batch:
            break
        sessions.append(batch)
        asked += batch
    return sessions
