"""Directions and words without spaces: the helpers the generator and the briefing model share."""

from __future__ import annotations

from content import bidi, scripts
from content.characters import text_problem


def test_an_isolate_wraps_a_piece_once_and_leaves_empty_text_alone():
    assert bidi.isolate("65 مليار دولار") == "\u206865 مليار دولار\u2069"
    assert bidi.isolate(bidi.isolate("Gulf Tech Review")) == "\u2068Gulf Tech Review\u2069"
    assert bidi.isolate("") == ""
    assert bidi.plain(bidi.left_to_right(bidi.isolate("الوظائف")) + " is …") == "الوظائف is …"


def test_only_a_sentence_that_starts_with_an_isolate_is_marked_left_to_right():
    assert bidi.left_to_right("\u2068الوظائف\u2069 is …") == "\u200e\u2068الوظائف\u2069 is …"
    assert bidi.left_to_right("The article gives …") == "The article gives …"
    assert bidi.left_to_right("") == ""  # an empty correction stays empty (it was a lone LRM)


def test_right_to_left_languages_and_letters():
    assert all(bidi.is_rtl_language(code) for code in ("ar", "he-IL", "fa", "ur_PK"))
    assert not any(bidi.is_rtl_language(code) for code in ("en", "ja", "", "arn"))
    assert bidi.has_rtl("Gulf Tech Review قال") and bidi.has_rtl("שלום")
    assert not bidi.has_rtl("Gulf Tech Review 2.3 兆円")


def test_what_the_app_adds_a_pack_may_still_not_contain():
    for added in (bidi.FSI, bidi.PDI):
        assert text_problem(f"x{added}y") is not None
        assert text_problem(f"x{added}y", long=True) is not None


def test_words_of_text_without_spaces_are_pairs_of_kanji_or_katakana():
    assert scripts.bigrams("政府は補正予算を決めた") == {"政府", "補正", "正予", "予算"}  # hiragana split runs
    assert scripts.bigrams("プライマリーバランス")  # katakana words count too
    assert scripts.bigrams("the budget") == set()
    assert scripts.is_cjk("２０２６年度") and not scripts.is_cjk("٢٠٢٦")
    assert scripts.starts_unspaced("日") and not scripts.starts_unspaced("N") and not scripts.starts_unspaced("")
