"""A session never asks two questions a learner sees alike (quiz.plan.compose).

A pack that took in its own export held every question twice, under two ids
that claim different facts; a 20-question exam then asked six questions twice
word for word ("What figure does the article give for the cost of cameras and
payment system?").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest

from quiz import plan
from quiz.generate import generate
from quiz.questions import QuizQuestion


def _twice(questions: list[QuizQuestion]) -> list[QuizQuestion]:
    """Each question and its copy as an import of the pack's export makes it: another id, its own fact, no quote,
    the options in another order and the words spaced and capitalised differently."""
    copies = [replace(q, id=f"authored:copy-{n}", facts=(f"copy-{n}",), authored=True, quote="", more_quotes=(),
                      prompt=f"  {q.prompt.upper()} ", choices=tuple(reversed(q.choices)))
              for n, q in enumerate(questions)]
    return [q for pair in zip(questions, copies, strict=True) for q in pair]


def _seen(q: QuizQuestion) -> tuple[str, frozenset[str]]:
    return " ".join(q.prompt.split()).casefold(), frozenset(q.choices)


def _repeated(session: list[QuizQuestion]) -> list[str]:
    counts = Counter(_seen(q) for q in session)
    return [q.prompt for q in session if counts[_seen(q)] > 1]


@pytest.mark.parametrize("seed", range(6))
def test_an_exam_from_a_pack_holding_each_question_twice_asks_each_once(bundled_pack, seed):
    bank = _twice(generate(bundled_pack, seed))
    exam = plan.compose(bank, length=20, ranked=plan.exam_ranking(bank, seed), seed=seed, cues=plan.EXAM)
    # Each copy claims a fact of its own, so it can give away its original's relatives: one seed in six gives 19
    # (the exam's title says so); the pack itself gives 20 at every seed
    assert len(exam) >= 19
    single = generate(bundled_pack, seed)
    assert len(plan.compose(single, length=20, ranked=plan.exam_ranking(single, seed), seed=seed, cues=plan.EXAM)) == 20
    assert _repeated(exam) == []


@pytest.mark.parametrize("seed", range(3))
def test_practice_from_such_a_pack_asks_each_once(bundled_pack, seed):
    bank = _twice(generate(bundled_pack, seed))
    ranked, fixed = plan.practice_ranking(bank, [], [], seed)
    session = plan.compose(bank, length=40, ranked=ranked, fixed=fixed, seed=seed, cues=plan.PRACTICE)
    assert len(session) == 40
    assert _repeated(session) == []


def test_questions_that_differ_in_their_options_are_not_the_same(bundled_pack):
    question = next(q for q in generate(bundled_pack, 0) if len(q.choices) > 2)
    other = replace(question, choices=question.choices[:-1])
    assert plan.shown(replace(question, choices=tuple(reversed(question.choices)))) == plan.shown(question)
    assert plan.shown(other) != plan.shown(question)
