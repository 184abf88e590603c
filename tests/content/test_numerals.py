"""Numbers and units in any script: what a Japanese or Arabic article writes is read as the number it is."""

from __future__ import annotations

import pytest

from content import numerals
from content.units import parse_unit, split_unit


@pytest.mark.parametrize(("written", "ascii_"), [
    ("２，０００", "2,000"),  # full-width digits and comma
    ("１２２．３", "122.3"),  # full-width full stop
    ("٢٫٣", "2.3"),  # Arabic-Indic digits, Arabic decimal separator
    ("٤٥٬٠٠٠", "45,000"),  # Arabic thousands separator
    ("۱۲۳۴", "1234"),  # Eastern Arabic-Indic (Persian) digits
    ("2.3 trillion", "2.3 trillion"),
])
def test_digits_and_separators_of_any_script_read_as_ascii(written, ascii_):
    assert numerals.normalise(written) == ascii_
    assert len(numerals.normalise(written)) == len(written)  # positions stay positions in the original


def test_a_separator_between_words_is_not_a_decimal_point():
    assert numerals.normalise("日本，中国") == "日本，中国"


@pytest.mark.parametrize(("written", "value"), [
    ("二千億", 2e11),
    ("三百五十兆", 3.5e14),
    ("350兆", 3.5e14),
    ("３５０兆", 3.5e14),
    ("350 兆", 3.5e14),
    ("1.5兆", 1.5e12),
    ("2兆5000億", 2.5e12),
    ("八兆七千億", 8.7e12),
    ("千億", 1e11),
    ("二〇四〇", 2040),
    ("二千〇五", 2005),
    ("十二万", 1.2e5),
])
def test_kanji_numerals_and_large_units_are_read(written, value):
    found = numerals.read(written)
    assert found is not None and found.problem == ""
    assert found.value == pytest.approx(value)


@pytest.mark.parametrize(("written", "why"), [
    ("二三兆", "ambiguous"),  # two or three trillion?
    ("3五", "mixes digits and kanji"),
    ("1.5兆5000億", "decimal before a smaller unit"),
    ("5億3兆", "out of order"),
])
def test_ambiguous_or_mixed_forms_are_refused_with_a_reason(written, why):
    found = numerals.read(written)
    assert found is not None and found.value is None
    assert why in found.problem and written in found.problem


def test_plain_digits_and_a_unit_alone_are_left_to_the_caller():
    assert numerals.read("2.3") is None
    assert numerals.read("兆円") is None


def test_in_running_text_kanji_words_are_not_numbers():
    text = "一方、千葉県は数兆円の統一予算を十分に検討した。"  # 一方, 千葉, 数兆, 統一, 十分: words
    assert numerals.numerals_in(text) == []


def test_running_text_gives_every_reading_of_a_number():
    (found,) = numerals.numerals_in("防衛関係費は八兆七千億円に膨らんだ。")
    assert found.text == "八兆七千億"
    # 8.7 兆円, 87,000 億円, the parts as written and the whole: each may be how the pack gives it
    assert {8, 7000, 8.7, 87000, 8.7e12} <= {round(r, 6) for r in found.readings}


@pytest.mark.parametrize(("unit", "factor", "base", "currency"), [
    ("兆円", 1e12, "円", "JPY"),
    ("億円", 1e8, "円", "JPY"),
    ("千億円", 1e11, "円", "JPY"),
    ("万人", 1e4, "人", None),
    ("trillion USD", 1e12, "USD", "USD"),
    ("مليار دولار", 1e9, "دولار", "USD"),
    ("تريليون دولار", 1e12, "دولار", "USD"),
    ("people", 1.0, "people", None),
])
def test_units_split_into_scale_and_base_in_any_language(unit, factor, base, currency):
    assert split_unit(unit) == (factor, base)
    assert parse_unit(unit).currency == currency


def test_yen_in_trillions_and_in_hundred_millions_share_one_key_and_people_do_not():
    assert parse_unit("兆円").key == parse_unit("億円").key == parse_unit("billion yen").key == "JPY"
    assert parse_unit("万人").key != parse_unit("兆円").key
    assert parse_unit("medals won").key != parse_unit("won").key  # a word inside a unit is no currency
