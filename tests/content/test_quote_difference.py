"""A quote that does not match its article says where: the first differing character, both named, in context."""

from __future__ import annotations

from cli import main as cli_main
from content.loader import load_pack
from content.problems import PackError
from content.quotes import difference

ARTICLE = "Japan’s economy grew 2% in the quarter. The minister said it was “a good start” for the plan."


def test_a_curly_apostrophe_is_named_with_its_position_and_the_articles_character():
    found = difference("Japan's economy grew 2% in the quarter.", ARTICLE)
    assert found is not None
    assert (found.position, found.found, found.expected) == (6, "'", "’")
    message = found.message()
    assert "' (U+0027 APOSTROPHE) where the article has ’ (U+2019 RIGHT SINGLE QUOTATION MARK)" in message
    assert "character 6" in message


def test_a_difference_after_the_start_is_found_past_the_shared_words():
    found = difference('The minister said it was "a good start" for the plan.', ARTICLE)
    assert found is not None and found.found == '"' and found.expected == "“"
    assert found.position == len("The minister said it was ") + 1
    assert "[\"]a good" in found.quote_excerpt and "[“]a good" in found.source_excerpt


def test_positions_count_the_quote_as_written_across_line_breaks():
    quote = "The minister said\n    it was “a good start” for the plans."
    found = difference(quote, ARTICLE)
    assert found is not None and quote[found.index] == "s" and found.expected == "."


def test_a_quote_that_occurs_or_shares_nothing_has_no_difference():
    assert difference("grew 2% in   the quarter", ARTICLE) is None
    assert difference("Completely different words here", ARTICLE) is None


def test_check_points_at_the_character_instead_of_echoing_the_quote(pack_copy, capsys):
    folder = pack_copy()
    toml = folder / "pack.toml"
    text = toml.read_text(encoding="utf-8")
    quote = "the Japanese government and private sector are working toward a massive investment goal"
    assert quote in text
    toml.write_text(text.replace("According to reports from Nikkei, the Japanese", "According to reports from "
                                 "Nikkei, the Japanese".replace("Nikkei,", "Nikkei’s,")), encoding="utf-8")
    try:
        load_pack(folder)
    except PackError as exc:
        problems = [p for p in exc.problems if "quote does not occur verbatim" in p.message]
    assert problems
    message = problems[0].message
    assert "’ (U+2019 RIGHT SINGLE QUOTATION MARK) where the article has , (U+002C COMMA)" in message
    assert f"character {len('According to reports from Nikkei') + 1}" in message
    assert "massive investment goal" not in message  # a short excerpt, not the whole quote
    assert cli_main(["check", str(folder)]) == 1
    assert "U+2019" in capsys.readouterr().err
