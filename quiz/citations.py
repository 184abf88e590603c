"""One source per quoted sentence across a pack's questions.

A sentence of the article is often quoted by several questions: a figure's
item knows it from its outlet ("NHK has reported that…" — NHK), while the
ordering item that places the same figure on the timeline, or a term defined
by the same words, knows only the sentence, and cited it as "the article".
A learner then read one sentence credited to two sources. Where the pack
credits a quote to exactly one outlet, every question quoting it says so; a
quote credited to two outlets is left as each record has it (which one is
meant is the author's call, not ours).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from quiz.questions import QuizQuestion


def attribute_quotes(questions: Sequence[QuizQuestion]) -> list[QuizQuestion]:
    """``questions`` with each unattributed citation given the one outlet another question credits its quote to."""
    outlets: dict[str, set[str]] = {}
    for question in questions:
        for citation in question.citations:
            if citation.outlet:
                outlets.setdefault(citation.quote, set()).add(citation.outlet)
    sole = {quote: next(iter(names)) for quote, names in outlets.items() if len(names) == 1}
    if not sole:
        return list(questions)
    result = []
    for question in questions:
        if question.quote and not question.outlet and question.quote in sole:
            question = replace(question, outlet=sole[question.quote])
        if any(not c.outlet and c.quote in sole for c in question.more_quotes):
            question = replace(question, more_quotes=tuple(
                c if c.outlet or c.quote not in sole else replace(c, outlet=sole[c.quote])
                for c in question.more_quotes))
        result.append(question)
    return result
