"""The pack's ``language`` picks the language of its generated questions (issue #15, point 5).

The templates are marked with ``QT_TRANSLATE_NOOP`` in quiz/ and translated in
``i18n/<language>/questions.ts`` (the Qt Linguist source pyside6-lupdate writes); the Qt-free
``quiz.phrases`` reads that file. A Japanese pack gets Japanese stems, explanations, answer
words and verdicts; a pack of a language without a translation (Arabic) stays English.

English packs generate exactly what they generated before the templates went through the
translation lookup: ``tests/data/snapshots/generated_english.json`` holds every generated
question's texts for seed 0, computed on the code before that change. A deliberate change to an
English template updates it with ``PYTHONPATH=.:tests python tests/quiz/test_question_language.py``.
"""

from __future__ import annotations

import ast
import dataclasses
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from content import phrases  # the lookup (quiz.phrases re-exports it)
from content.loader import load_pack
from content.model import Outlet
from quiz.generate import generate
from quiz.grade import expected_text, grade, true_false_words
from quiz.phrases import phrase
from quiz.questions import Kind
from quiz.wording import gives_away
from tests_support import DATA, ROOT, right_answer

SNAPSHOT = ROOT / "tests" / "data" / "snapshots" / "generated_english.json"
ENGLISH_PACKS = ("content/sanaenomics", "tests/data/clean_cells", "tests/data/minimal", "tests/data/second_pack",
                 "tests/data/arabic_pack", "tests/data/hostile")  # Arabic has no translation: English templates
#: What a learner reads of a question, apart from the pack's own quotes.
FIELDS = ("id", "prompt", "answer", "answers", "choices", "pairs", "explanation", "feedback", "correction", "accepted",
          "unit")


def _texts(pack_dir: str) -> list[dict]:
    pack = load_pack(ROOT / pack_dir)
    # Through JSON, so tuples compare with the snapshot's lists.
    return json.loads(json.dumps([{k: v for k, v in q.to_dict().items() if k in FIELDS} for q in generate(pack, 0)]))


@pytest.mark.parametrize("pack_dir", ENGLISH_PACKS)
def test_english_packs_generate_exactly_what_they_did_before(pack_dir):
    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8"))[pack_dir]
    got = _texts(pack_dir)
    assert [q["id"] for q in got] == [q["id"] for q in expected]
    for now, before in zip(got, expected, strict=True):
        assert now == before, now["id"]


@pytest.fixture(scope="module")
def japanese():
    pack = load_pack(DATA / "japanese_pack")
    return pack, generate(pack, 0)


def _by_id(questions, qid):
    return next(q for q in questions if q.id == qid)


def _learner_reads(question) -> list[str]:
    """What the engine wrote for a question (its prompt, explanation, correction, feedback), not the pack's quotes."""
    return [question.prompt, question.explanation, question.correction, *(f for _, f in question.feedback)]


#: Words of the English templates a Japanese learner must never see (the article's own ＡＩ is full-width).
ENGLISH_WORDS = re.compile(r"[A-Za-z]{2,}")


def test_a_japanese_pack_gets_japanese_stems_and_explanations(japanese):
    _, questions = japanese
    for question in questions:
        for text in _learner_reads(question):
            assert not ENGLISH_WORDS.findall(text), (question.id, text)  # used to be "True or false: …", "Which …"
            assert "“" not in text and "”" not in text, text  # Japanese quotes in 「」
    prompts = {q.id: q.prompt for q in questions}
    assert prompts["term:term-debt-service"] == (
        "この説明に当てはまる用語はどれですか。「国が借りたお金の返済や利子の支払いに充てる経費」")
    assert prompts["fact:fact-record"] == "正しいか誤りか：一般会計の総額は過去最大を更新した。"
    assert prompts["figure-amount:general-account"] == (
        "東都経済新聞によると、一般会計の総額（2026年）はどれだけですか。")
    assert prompts["figure-number:defence"] == (
        "記事によると、防衛関係費（2026年）はどれだけですか。兆円単位で答えてください。")
    assert _by_id(questions, "fact:fact-record:false:1").explanation == (
        "誤り。記事に書かれているのは次のとおりです：一般会計の総額は過去最大を更新した。")
    # The feedback's citation line: the article's words in 「」, attributed to 記事 when no outlet says them.
    assert _by_id(questions, "figure-amount:defence").citation == (
        "「歳出のうち、防衛関係費は八兆七千億円に膨らんだ。」— 記事")


def test_every_kind_the_japanese_pack_supports_is_there_and_answerable(japanese):
    _, questions = japanese
    assert {q.kind for q in questions} == {Kind.CHOICE, Kind.NUMERIC, Kind.TEXT, Kind.TRUEFALSE, Kind.ORDER}
    for question in questions:
        right = grade(question, right_answer(question))
        assert right.correct and right.verdict == "正解", question.id
    wrong = grade(_by_id(questions, "figure-amount:defence"), "350兆円")
    assert not wrong.correct and wrong.verdict == "不正解"
    order = _by_id(questions, "order:milestones")
    assert grade(order, list(reversed(order.answers))).verdict == "不正解"
    assert grade(order, [*order.answers[:2], *reversed(order.answers[2:])]).verdict == "一部正解"


@pytest.mark.parametrize("typed", ["３５０兆円", "350兆円", "三百五十兆円", "約350兆円", "３５０"])
def test_typed_japanese_amounts_still_grade_right(japanese, typed):
    question = _by_id(japanese[1], "figure-number:investment-target")
    assert question.prompt.endswith("兆円単位で答えてください。")
    assert grade(question, typed).correct
    assert expected_text(question) == "350兆円"


@pytest.mark.parametrize(("typed", "hint"), [
    ("350兆ドル", "この問題の通貨はJPYです。「ドル」は別の通貨（USD）です。"),
    ("350本", "この問題は兆円で答えます。「本」は別の単位です。"),
    ("よくわからない", "数字ではありません。"),
    ("二三兆円", "読み取れない数字です：「二三兆」は読み方が一つに決まりません。"
                "二三と並べると、ふつうは「2か3」の意味になります。"
                "算用数字か単位を使って書いてください（23なら二十三）。"),  # was English inside a Japanese quiz
    ("3五兆円", "読み取れない数字です：「3五兆」は算用数字と漢数字が混ざっています。"
               "どちらか一方で書いてください（350兆または三百五十兆）。"),
])
def test_a_typed_number_that_cannot_count_says_why_in_japanese(japanese, typed, hint):
    result = grade(_by_id(japanese[1], "figure-number:investment-target"), typed)
    assert not result.correct and result.note == hint


def test_true_false_answers_and_bounds_are_japanese_words(japanese):
    _, questions = japanese
    assert expected_text(_by_id(questions, "fact:fact-record")) == "正しい"
    assert true_false_words(_by_id(questions, "fact:fact-record")) == {"true": "正しい", "false": "誤り"}
    assert expected_text(_by_id(questions, "fact:fact-record:false:1")) == "誤り"
    bound = _by_id(questions, "figure-amount:debt-service")  # the article: 国債費は２９兆円を超え
    assert bound.answer == "29兆円超"
    assert set(bound.choices) == {"29兆円超", "29兆円未満", "29兆円"}  # not "more than 29兆円"; not "about" too
    assert grade(bound, "29兆円超").correct and not grade(bound, "29兆円").correct


def test_japanese_items_keep_the_item_quality_rules(japanese):
    pack, questions = japanese
    categories = {t.term: t.category for t in pack.terms}
    for question in (q for q in questions if q.id.startswith("term:")):
        distractors = [c for c in question.choices if c != question.answer]
        assert gives_away(question.prompt, question.answer, distractors=distractors) is None, question.prompt
        assert question.choices.count(question.answer) == 1  # one defensible key
        assert {categories[d] for d in distractors} == {categories[question.answer]}  # the key's own category
        assert question.prompt.startswith("この説明に当てはまる用語はどれですか。")


def test_feedback_shows_the_explanation_without_repeating_the_japanese_verdict(japanese):
    _, questions = japanese
    swapped = _by_id(questions, "figure-tf:debt-service:false")
    assert swapped.explanation.startswith("誤り。")
    assert swapped.explanation_after_verdict == "記事は「超」としており、「未満」とは範囲が違います。"
    assert _by_id(questions, "fact:fact-record").explanation_after_verdict == (
        "記事にそう書かれています：一般会計の総額は過去最大を更新した。")


@pytest.mark.parametrize("pack_dir", ["content/sanaenomics", "tests/data/clean_cells"])
def test_the_explanation_after_the_verdict_is_what_english_feedback_showed(pack_dir):
    def english_feedback(question):  # what the feedback panel stripped itself, English leads only
        def bare(text):
            text = text.strip()
            return next((text[len(lead):] for lead in ("True. ", "False. ") if text.startswith(lead)), text)

        text = bare(question.explanation)
        if not question.correction:
            return text
        rest = text.replace(bare(question.correction), "").strip()
        return "" if rest.endswith(":") else rest  # an introduction left without the correction: no Why row

    for question in generate(load_pack(ROOT / pack_dir), 0):
        assert question.explanation_after_verdict == english_feedback(question), question.id


def test_a_live_room_on_a_japanese_pack_counts_and_shows_japanese_verdicts(japanese):
    from live_clients import right_response, wrong_response
    from quiz.live import LiveSession, reveal_payload

    _, questions = japanese
    number, true_false = _by_id(questions, "figure-number:defence"), _by_id(questions, "fact:fact-record")
    session = LiveSession([number, true_false])
    for question in (number, true_false):
        session.next()
        for n in range(3):
            learner = session.join(f"{question.kind}{n}")
            response = right_response(question) if n < 2 else wrong_response(question)
            session.record(session.check(learner.token, session.position, response))
        bars = {b.label: (b.count, b.key) for b in session.distribution()}  # a KeyError on 正解 before
        if question is number:
            assert bars == {"正解": (2, True), "不正解": (1, False)}
        else:
            assert bars == {"正しい": (2, True), "誤り": (1, False)}
    payload = reveal_payload(number, session.distribution())
    assert payload["expected"] == "8.7兆円" and payload["citations"][0]["outlet"] == "記事"


def test_a_japanese_deck_presents_in_japanese(japanese):
    from quiz.slides import deck

    pack, questions = japanese
    chosen = [_by_id(questions, i) for i in ("fact:fact-record", "figure-number:defence", "figure-amount:debt-service")]
    slides = deck(pack, chosen)
    assert slides[0].heading == "ブリーフィング" and slides[0].lines[-1].startswith("出典：")
    bound = next(s for s in slides if s.kind == "figure" and s.lines == ("国債費（2026年）",))
    assert (bound.main, bound.answer) == ("29兆円超", "記事の記述")  # not "more than 29兆円", "Stated in the article"
    true_false, number, choice = [s for s in slides if s.kind == "question"]  # each figure after its questions
    assert true_false.lines == ("正しいか、誤りか？",) and true_false.answer == "正しい"
    # the prompt asks for the unit already; the slide does not say it twice
    assert number.main.endswith("兆円単位で答えてください。") and number.lines == ()
    assert number.source.endswith("」— 記事")
    assert choice.answer.endswith(". 29兆円超") and choice.answer in choice.lines  # the lettered key
    for slide in slides:
        for text in (slide.heading, *slide.lines, slide.answer, slide.source, slide.lead):
            assert not ENGLISH_WORDS.findall(text.replace(slide.main, "")), text


def test_english_words_stay_for_a_language_without_a_translation():
    arabic = generate(load_pack(DATA / "arabic_pack"), 0)
    assert _by_id(arabic, "fact:" + next(q.id for q in arabic if q.id.startswith("fact:")).split(":")[1]) \
        .prompt.startswith("True or false: ")
    assert {q.language for q in arabic} == {""}
    assert true_false_words(arabic[0]) == {"true": "True", "false": "False"}
    assert grade(arabic[0], right_answer(arabic[0])).verdict == "Correct"


def test_the_lookup_follows_the_language_code_and_never_a_path():
    source = "Which of these statements does the article make?"
    assert phrase("ja", "quiz.generate", source) == "記事の内容と合っているのはどれですか。"
    assert phrase("ja-JP", "quiz.generate", source) == phrase("JA_jp", "quiz.generate", source) != source
    for language in ("", "en", "ar", "xx", "../ja", "ja/../../etc", "j"):
        assert phrase(language, "quiz.generate", source) == source, language
    assert phrase("ja", "quiz.other", source) == source  # a message belongs to its context


def test_unfinished_or_broken_translations_show_the_english(tmp_path, monkeypatch):
    (tmp_path / "de").mkdir()
    (tmp_path / "de" / "questions.ts").write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="de"><context>'
        "<name>quiz.generate</name>"
        '<message><source>True or false: {statement}</source><translation type="unfinished">Wahr?</translation>'
        "</message><message><source>Fill in the blank: “{text}”</source><translation>Lücke: „{text}“</translation>"
        "</message></context></TS>", encoding="utf-8")
    (tmp_path / "fr").mkdir()
    (tmp_path / "fr" / "questions.ts").write_text("<TS><context>", encoding="utf-8")  # cut off mid-file
    monkeypatch.setattr(phrases, "I18N", tmp_path)
    phrases.forget()
    try:
        assert phrase("de", "quiz.generate", "True or false: {statement}") == "True or false: {statement}"
        assert phrase("de", "quiz.generate", "Fill in the blank: “{text}”") == "Lücke: „{text}“"
        assert phrase("fr", "quiz.generate", "Fill in the blank: “{text}”") == "Fill in the blank: “{text}”"
    finally:
        phrases.forget()


def test_the_lookup_and_the_generator_need_no_qt():
    code = ("import sys; from content.loader import load_pack; from quiz.generate import generate; "
            "from quiz.grade import grade; qs = generate(load_pack('tests/data/japanese_pack')); "
            "assert qs[0].prompt.endswith('ですか。'), qs[0].prompt; grade(qs[0], qs[0].answer); "
            "qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph')); "
            "assert not qt, qt")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def _marked() -> set[tuple[str, str]]:
    """(context, source) of every QT_TRANSLATE_NOOP call in quiz/ and content/ (what
    ``pyside6-lupdate -extensions py quiz content`` collects)."""
    found = set()
    for path in [*sorted((ROOT / "quiz").rglob("*.py")), *sorted((ROOT / "content").rglob("*.py"))]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP":
                context, source = node.args
                assert isinstance(context, ast.Constant) and isinstance(source, ast.Constant), path  # literals only
                found.add((context.value, source.value))
    return found


def test_questions_ts_translates_exactly_the_marked_templates():
    root = ET.parse(ROOT / "i18n" / "ja" / "questions.ts").getroot()
    messages = {(c.findtext("name"), m.findtext("source")): m.find("translation")
                for c in root.iter("context") for m in c.iter("message")}
    assert set(messages) == _marked()  # no stale source, no template left out (refresh with pyside6-lupdate)
    for (_context, source), translation in messages.items():
        assert translation.text and translation.get("type") is None, source  # every one finished
        # The same fields, as often as the source has them (tests/test_i18n.py holds every area to this).
        assert sorted(re.findall(r"{\w*}", translation.text)) == sorted(re.findall(r"{\w*}", source)), source


def test_every_japanese_template_fills_in_for_every_kind_of_record(monkeypatch):
    """Every pack generated with Japanese templates (tables, lists, bounds, authored items…): every template is
    used and fills in without a missing field, and every question still grades right."""
    import quiz.generate as generating

    used = set()

    def recording(language, context, source):
        used.add((context, source))
        return phrase(language, context, source)

    monkeypatch.setattr(generating, "phrase", recording)
    for pack_dir in (*ENGLISH_PACKS, "tests/data/japanese_pack"):
        pack = load_pack(ROOT / pack_dir)
        outlets = (*pack.outlets, Outlet("no-figures", "北海新報"))  # an outlet without a figure of its own
        pack = dataclasses.replace(pack, meta=dataclasses.replace(pack.meta, language="ja"), outlets=outlets)
        for question in generating.generate(pack, 0):
            assert question.language == "ja"
            assert grade(question, right_answer(question)).correct, question.id
    assert {m for m in _marked() if m[0] == "quiz.generate"} <= used


if __name__ == "__main__":  # refresh the snapshot after a deliberate change to an English template
    SNAPSHOT.write_text(json.dumps({p: _texts(p) for p in ENGLISH_PACKS}, ensure_ascii=False, indent=0,
                                   sort_keys=True), encoding="utf-8")
    sys.exit(0)
