"""A sentence of the article is credited to one source in every question that quotes it."""

from __future__ import annotations

from collections import defaultdict

import pytest

from content.loader import load_pack
from quiz.citations import attribute_quotes
from quiz.generate import generate
from quiz.questions import Citation, Kind, QuizQuestion
from tests_support import ROOT

PACKS = ("content/sanaenomics", "tests/data/clean_cells", "tests/data/japanese_pack", "tests/data/arabic_pack",
         "tests/data/second_pack")


@pytest.mark.parametrize("path", PACKS)
def test_every_question_quoting_a_sentence_names_the_same_source(path):
    """The timeline item cited NHK's sentence as "the article" while the figure's items said NHK, and the
    definition of "tranches" cited the agency's words as the article's."""
    sources: dict[str, set[str]] = defaultdict(set)
    for question in generate(load_pack(ROOT / path), 0):
        for citation in question.citations:
            sources[citation.quote].add(citation.source)
    assert {quote[:60]: names for quote, names in sources.items() if len(names) > 1} == {}


def test_the_bundled_timeline_credits_each_report_to_its_outlet():
    order = next(q for q in generate(load_pack(ROOT / "content/sanaenomics"), 0) if q.id == "order:milestones")
    cited = "\n".join(str(c) for c in order.citations)
    assert "NHK has reported" in cited and "— NHK" in cited
    assert "As reported by BFM" in cited and "— BFM" in cited


def _question(qid: str, quote: str, outlet: str | None, *more: Citation) -> QuizQuestion:
    return QuizQuestion(id=qid, kind=Kind.CHOICE, prompt="?", topic="t", answer="a", quote=quote, facts=(qid,),
                        outlet=outlet, more_quotes=more)


def test_a_quote_two_outlets_claim_is_left_as_each_record_has_it():
    """Which of two outlets an unattributed item meant is the author's call: no outlet is guessed."""
    questions = [_question("a", "Shared words.", "NHK"), _question("b", "Shared words.", "BFM"),
                 _question("c", "Shared words.", None), _question("d", "Other words.", None,
                                                                 Citation("Shared words.", None))]
    result = attribute_quotes(questions)
    assert [c.source for q in result for c in q.citations] == ["NHK", "BFM", "the article", "the article",
                                                                "the article"]


def test_an_unattributed_further_quote_takes_the_one_outlet_of_its_sentence():
    questions = [_question("a", "NHK words.", "NHK"),
                 _question("b", "Own words.", None, Citation("NHK words.", None))]
    result = attribute_quotes(questions)
    assert [c.source for c in result[1].citations] == ["the article", "NHK"]
    assert result[0] is questions[0], "a question with nothing to credit is kept as it was"
