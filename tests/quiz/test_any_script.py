"""Quizzes from a Japanese and an Arabic pack: typed answers in any digits, cloze without spaces, isolates.

Measured before: 350兆円 and ３５０兆円 were "not a number", ٢٫٣ was read as 2, a Japanese
pack gave no fill-in question, and an amount after Arabic text was shown reordered.
"""

from __future__ import annotations

import re

import pytest

from content.bidi import FSI, LRM, PDI, has_rtl, plain
from content.loader import load_pack
from quiz.generate import generate
from quiz.grade import expected_text, grade
from quiz.numbers import read_amount
from quiz.questions import Kind
from quiz.wording import gives_away
from tests_support import DATA, right_answer


@pytest.fixture(scope="module")
def japanese():
    pack = load_pack(DATA / "japanese_pack")
    return pack, generate(pack)


@pytest.fixture(scope="module")
def arabic():
    pack = load_pack(DATA / "arabic_pack")
    return pack, generate(pack)


def _by_id(questions, qid):
    return next(q for q in questions if q.id == qid)


@pytest.mark.parametrize("typed", ["350兆円", "３５０兆円", "350 兆円", "三百五十兆円", "350", "３５０", "約350兆円",
                                   "350 trillion yen", "3500000億円"])
def test_a_yen_amount_typed_in_any_script_is_read(japanese, typed):
    question = _by_id(japanese[1], "figure-number:investment-target")
    assert question.unit == "兆円"
    assert grade(question, typed).correct, typed


@pytest.mark.parametrize("typed", ["350兆ドル", "350 trillion dollars", "$350T"])
def test_a_wrong_currency_still_says_so(japanese, typed):
    result = grade(_by_id(japanese[1], "figure-number:investment-target"), typed)
    assert not result.correct and "別の通貨" in result.note  # "another currency", in the pack's language


def test_an_ambiguous_kanji_answer_says_why_it_cannot_be_read():
    reading = read_amount("二三兆円", "兆円")
    assert reading.value is None and "ambiguous" in reading.problem


def test_units_of_another_scale_are_converted():
    assert read_amount("2000億円", "兆円").value == pytest.approx(0.2)
    assert read_amount("0.2兆円", "億円").value == pytest.approx(2000)
    assert read_amount("2300 مليار دولار", "تريليون دولار").value == pytest.approx(2.3)


@pytest.mark.parametrize(("typed", "correct"), [("٢٫٣", True), ("٢٫٣ تريليون دولار", True), ("2.3", True),
                                                 ("٢", False), ("٢٣", False)])
def test_arabic_digits_and_decimal_sign_are_read(arabic, typed, correct):
    question = _by_id(arabic[1], "figure-number:plan-total")  # ٢٫٣ used to be read as 2
    assert grade(question, typed).correct is correct


def test_the_expected_answer_is_written_as_the_pack_writes_it(japanese):
    assert expected_text(_by_id(japanese[1], "figure-number:investment-target")) == "350兆円"


def test_a_japanese_pack_gives_fill_in_questions_from_text_without_spaces(japanese):
    pack, questions = japanese
    cloze = {q.id: q for q in questions if q.id.startswith("cloze-")}
    # used to be none; 一般会計's is never asked: the pack's title, "…一般会計は過去最大", answers it
    assert {f"cloze-term:{t.id}" for t in pack.terms if t.id != "term-general-account"} <= set(cloze)
    assert {"cloze-outlet:general-account", "cloze-outlet:childcare"} <= set(cloze)
    term = cloze["cloze-term:term-debt-service"]
    assert term.prompt == "空欄に入る語句を答えてください：「_____とは、国が借りたお金の返済や利子の支払いに充てる経費のことだ。」"  # noqa: E501
    assert grade(term, "国債費").correct and not grade(term, "一般会計").correct
    outlet = cloze["cloze-outlet:general-account"]
    assert outlet.prompt.startswith("空欄に入る情報源を答えてください：「_____によると、")
    assert outlet.answer == "東都経済新聞"


def test_every_generated_japanese_question_can_be_answered(japanese):
    for question in japanese[1]:
        assert grade(question, right_answer(question)).correct, question.id


def test_cue_checks_see_words_in_text_without_spaces():
    assert gives_away("補正予算の規模は？", "補正予算")  # the answer itself
    assert gives_away("政府が決めた予算の規模は？", "補正予算")  # shares 予算 with the key only
    assert gives_away("政府が決めた予算の規模は？", "補正予算", distractors=["本予算"]) is None  # 予算 points to both
    assert gives_away("今年度の経済対策の規模は？", "補正予算") is None


def test_no_english_grammar_is_applied_to_japanese_words(japanese):
    pack, questions = japanese
    texts = [t for q in questions for t in (q.prompt, q.explanation)]
    labels = [f.label for f in pack.figures]
    assert not [t for t in texts if re.search(r"\b(?:the|a|an) [^\x00-\x7f]", t)]  # no "the 一般会計の総額"
    assert any(f"{labels[0]}（2026年）" in t for t in texts)  # labels as written, not lower-cased or pluralised


def _outside_isolates(text: str) -> str:
    """``text`` without its isolated pieces; fails on unbalanced isolates."""
    previous = None
    while previous != text:
        previous, text = text, re.sub(f"{FSI}[^{FSI}{PDI}]*{PDI}", "", text)
    assert FSI not in text and PDI not in text, text
    return text


def test_an_arabic_prompt_isolates_each_inserted_number_and_name(arabic):
    pack, questions = arabic
    prompt = _by_id(questions, "figure-tf:phase-one:true").prompt
    assert prompt == (f"True or false: {FSI}Gulf Tech Review{PDI} gives {FSI}المرحلة الأولى{PDI} as "
                      f"{FSI}65 مليار دولار{PDI}.")
    number = _by_id(questions, "figure-number:plan-total").prompt
    assert f"{FSI}استثمارات الصندوق حتى ٢٠٤٠{PDI}" in number and f"Answer in {FSI}تريليون دولار{PDI}." in number
    statements = {f.statement for f in pack.facts}  # a fact's own sentence is shown alone, as written
    for question in questions:  # no right-to-left letter or pack amount outside an isolate
        correction = () if question.correction in statements else (question.correction,)
        for text in (question.prompt, question.explanation, *correction, *(f for _, f in question.feedback)):
            assert not has_rtl(_outside_isolates(text)), text
            assert text[:1] != FSI, text  # a sentence that starts with an isolate is marked left to right
            assert text != LRM, question.id  # nothing is added to an empty text
    starts = [q.explanation for q in questions if q.explanation.startswith(LRM + FSI)]
    assert starts  # term explanations start with the isolated Arabic term


def test_answers_and_quotes_of_an_arabic_pack_carry_no_isolates(arabic):
    pack, questions = arabic
    quotes = {f.quote for f in pack.figures} | {t.quote for t in pack.terms}
    for question in questions:
        assert plain(question.answer) == question.answer and question.quote in quotes | {q.quote for q in questions}
        assert all(plain(choice) == choice for choice in question.choices)
    cloze = _by_id(questions, "cloze-outlet:phase-one")
    assert cloze.kind == Kind.TEXT and grade(cloze, "Gulf Tech Review").correct


def test_a_left_to_right_pack_gets_no_isolates(japanese):
    for question in japanese[1]:
        assert plain(question.prompt) == question.prompt and plain(question.explanation) == question.explanation


def test_a_wrong_unit_message_keeps_an_arabic_unit_in_order():
    problem = read_amount("٢٫٣ شجرة", "تريليون دولار").problem
    assert problem == f"The question asks in {FSI}تريليون دولار{PDI}; {FSI}'شجرة'{PDI} is another unit."
    english = read_amount("2.3 trees", "trillion USD").problem
    assert english == "The question asks in trillion USD; 'trees' is another unit."  # as before


def test_table_headers_are_lower_cased_only_in_english_packs(japanese, bundled_pack):
    from quiz.generate import PackIndex

    assert PackIndex(bundled_pack).header("Location") == "location"
    assert PackIndex(japanese[0]).header("Standort") == "Standort"  # a noun of another language keeps its case
