"""Whether an imported question is about the pack's article (quiz.interchange.about)."""

from __future__ import annotations

from pathlib import Path

import pytest

from content.loader import load_pack
from quiz.generate import generate
from quiz.interchange import export_questions
from quiz.interchange.about import Article, elsewhere
from quiz.interchange.readers import read_questions
from tests_support import DATA

JAPANESE = DATA / "japanese_pack"


def _refused(source_pack, target_pack, tmp_path: Path, *, quotes: bool) -> int:
    read = read_questions(export_questions(source_pack, generate(source_pack, 0), "gift", tmp_path / "q.gift"))
    article = Article(target_pack.source_text)
    return sum(1 for item in read.questions
               if elsewhere(item.record, item.citations if quotes else (), article) is not None)


@pytest.mark.parametrize("quotes", [True, False])
def test_a_packs_own_questions_are_about_its_article_and_another_packs_are_not(bundled_pack, tmp_path, quotes):
    """With their quotes, and without them (a trainer's bank has none): English and Japanese alike. Japanese
    true/false stems start 「正しいか誤りか」, which the article never has: kana is not counted."""
    japanese = load_pack(JAPANESE)
    assert _refused(japanese, japanese, tmp_path, quotes=quotes) == 0
    assert _refused(bundled_pack, bundled_pack, tmp_path, quotes=quotes) == 0
    assert _refused(bundled_pack, japanese, tmp_path, quotes=quotes) == len(generate(bundled_pack, 0))
    assert _refused(japanese, bundled_pack, tmp_path, quotes=quotes) == len(generate(japanese, 0))


def test_a_question_with_no_word_to_go_by_comes_in():
    article = Article("The town plans to plant 300 trees by 2030.")
    record = {"kind": "choice", "prompt": "Which?", "options": [{"text": "Yes", "correct": True}, {"text": "No"}]}
    assert elsewhere(record, (), article) is None
    record["prompt"] = "Which trees does the town plant?"
    assert elsewhere(record, (), article) is None
    record["prompt"] = "Which stadium does the council build?"
    assert elsewhere(record, (), article) == ("this pack's article has 0 of its 3 key words (not: stadium, council, "
                                              "build): the question seems to be about another article")
