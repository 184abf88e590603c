"""Quiz exports read back by real third-party readers, for every bundled pack and a second pack.

Readers (test extras in pyproject.toml):

- ``anki`` (the desktop app's own Python package): imports the .apkg into a
  fresh collection, re-imports a re-export, renders a card's back side.
- ``moodle-xml-parser`` 0.3.x: it only parses ``multichoice`` and ``cloze``
  questions, so the other Moodle types (numerical, matching, truefalse,
  shortanswer) are checked with ElementTree against the element layout of
  docs.moodle.org/en/Moodle_XML_format, independently of our writer.
- ``pygiftparser`` 1.1: every GIFT question, including numerical and matching.
  Its answer-block regex ends the block at the first ``}`` even when escaped
  (``\\}``), which Moodle's importer does not, so the hostile GIFT test keeps
  ``}`` out of answers for pygiftparser and checks braces in answers with
  Moodle's own unescaping rule (``escapedchar_pre`` in question/format/gift),
  reimplemented in this file.
- ``tests/moodle_gift.py``: Moodle's GIFT importer rewritten from its PHP
  source, for what pygiftparser reads differently from Moodle (answer weights,
  ``[format]`` markers, short-answer wildcards).

The hostile-string tests feed each format text holding that format's special
characters and HTML, and expect every reader to give back the original text.
"""

from __future__ import annotations

import csv
import html
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import genanki
import pytest
from anki.collection import Collection, ImportAnkiPackageRequest
from moodle_gift import read_gift, shortanswer_accepts
from moodle_xml_parser import parser as moodle_parser
from pygiftparser import parser as gift_parser

from content.loader import bundled_packs, load_pack
from quiz.generate import generate
from quiz.interchange import FORMATS, default_path, export_questions, safe_filename
from quiz.questions import QuizQuestion
from tests_support import DATA

PACKS = [*bundled_packs(), DATA / "second_pack"]
MOODLE_TYPES = {"choice": "multichoice", "truefalse": "truefalse", "numeric": "numerical", "matching": "matching",
                "text": "shortanswer"}
MOODLE_GIFT_TYPES = {"choice": "multichoice", "truefalse": "truefalse", "numeric": "numerical", "matching": "match",
                     "text": "shortanswer"}
GIFT_SETS = {"choice": "SelectSet", "truefalse": "TrueFalseSet", "numeric": "NumericAnswerSet",
             "matching": "MatchingSet", "text": "ShortSet"}
#: Every GIFT special character, a backslash, HTML and an ampersand in one string.
NASTY = 'R&D <b>bold</b> {x} = ~y #z: a\\b "q"'


@pytest.fixture(params=PACKS, ids=lambda p: p.name)
def quiz(request):
    pack = load_pack(request.param)
    return pack, generate(pack, 0)


@pytest.fixture(scope="module")
def second_pack():
    return load_pack(DATA / "second_pack")


def nasty_questions(in_answers: str = NASTY) -> list[QuizQuestion]:
    """One question of every kind whose every pack string is hostile (``in_answers`` inside answers)."""
    common = {"topic": "money", "quote": f"Quoted {NASTY}", "facts": (), "outlet": "Outlet ~=#{}:"}
    return [
        QuizQuestion(id="nasty:choice", kind="choice", prompt=f"Which? {NASTY}", answer=f"right {in_answers}",
                     choices=(f"wrong {in_answers}", f"right {in_answers}", "plain"), **common),
        QuizQuestion(id="nasty:tf", kind="truefalse", prompt=f"True? {NASTY}", answer="false", **common),
        # "1e+06" is what the generator's f"{amount:g}" gives for a million
        QuizQuestion(id="nasty:numeric", kind="numeric", prompt=f"How many? {NASTY}", answer="1e+06",
                     tolerance=0.05, unit="people", **common),
        QuizQuestion(id="nasty:matching", kind="matching", prompt=f"Match {NASTY}", answer="",
                     pairs=(("a -> b", "x = y"), (f"c: d {in_answers}", f"z ~ w {in_answers}")), **common),
        QuizQuestion(id="nasty:text", kind="text", prompt=f"Street? {NASTY}", answer="Mill Street",
                     accepted=("Mill St.", f"Mill {in_answers}"), **common),
    ]


def gift_unescape(text: str) -> str:
    """GIFT's rule, written here independently of the writer: a backslash makes the next character literal."""
    return re.sub(r"\\(.)", r"\1", text)


# -- Anki ----------------------------------------------------------------------------
def _import(collection_path: Path, *packages: Path) -> Collection:
    col = Collection(str(collection_path))
    for package in packages:
        col.import_anki_package(ImportAnkiPackageRequest(package_path=str(package)))
    return col


def test_anki_package_imports_into_a_fresh_collection_with_stable_guids(quiz, tmp_path):
    pack, questions = quiz
    apkg = export_questions(pack, questions, "anki", tmp_path / "quiz.apkg")
    # a later export with another seed (other distractors, same questions)
    again = export_questions(pack, generate(pack, "another seed"), "anki", tmp_path / "again.apkg")
    col = _import(tmp_path / "first.anki2", apkg)
    fresh = _import(tmp_path / "second.anki2", again)
    try:
        assert col.note_count() == len(questions)
        guids = {col.get_note(nid).guid for nid in col.find_notes("")}
        assert guids == {genanki.guid_for(pack.id, q.id) for q in questions}
        assert {fresh.get_note(nid).guid for nid in fresh.find_notes("")} == guids
        # importing the re-export updates notes instead of duplicating them: same note type, same deck
        col.import_anki_package(ImportAnkiPackageRequest(package_path=str(again)))
        assert col.note_count() == len(questions)
        assert len({col.get_card(cid).did for cid in col.find_cards("")}) == 1
        assert [n.name for n in col.models.all_names_and_ids()].count(f"Briefing Quiz question ({pack.id})") == 1
    finally:
        col.close()
        fresh.close()


def test_anki_back_shows_the_answer_quote_and_outlet_escaped(second_pack, tmp_path):
    questions = nasty_questions()
    col = _import(tmp_path / "c.anki2", export_questions(second_pack, questions, "anki", tmp_path / "n.apkg"))
    try:
        assert col.note_count() == len(questions)
        for cid in col.find_cards(""):
            back = col.get_card(cid).answer()
            assert "<b>bold</b>" not in back, "pack text must never become markup"
            assert html.escape(f"Quoted {NASTY}") in back and html.escape("Outlet ~=#{}:") in back
        choice = col.get_note(next(n for n in col.find_notes("") if "right" in col.get_note(n).fields[1]))
        assert choice.fields[1] == html.escape(f"right {NASTY}")
    finally:
        col.close()


# -- Moodle XML ----------------------------------------------------------------------
def test_moodle_xml_multichoice_reads_back_with_moodle_xml_parser(quiz, tmp_path):
    pack, questions = quiz
    path = export_questions(pack, questions, "moodle-xml", tmp_path / "quiz.xml")
    parsed = moodle_parser.parse_file(str(path))
    choices = [q for q in questions if q.kind == "choice"]
    assert len(parsed["multichoice"]) == len(choices)
    by_name = {q.name: q for q in parsed["multichoice"]}
    for question in choices:
        read = by_name[question.id]
        assert read.text_pre_parse == question.prompt
        assert [o.answer for o in read.options] == list(question.choices)
        assert [o.answer for o in read.options if o.score_fraction == 100] == [question.answer]
        assert read.general_feedback == question.citation


def test_moodle_xml_other_types_follow_the_documented_layout(quiz, tmp_path):
    pack, questions = quiz
    root = ET.parse(export_questions(pack, questions, "moodle-xml", tmp_path / "quiz.xml")).getroot()
    elements = {q.findtext("name/text"): q for q in root.iter("question") if q.get("type") != "category"}
    assert Counter(e.get("type") for e in elements.values()) == Counter(MOODLE_TYPES[q.kind] for q in questions)
    for q in questions:
        _check_moodle_element(elements[q.id], q)


def _check_moodle_element(element: ET.Element, q: QuizQuestion) -> None:
    assert element.findtext("generalfeedback/text") == q.citation
    assert element.findtext("questiontext/text") == q.prompt
    assert element.find("questiontext").get("format") == "plain_text"
    if q.kind == "numeric":
        assert float(element.findtext("answer/text")) == float(q.answer)
        assert float(element.findtext("answer/tolerance")) == pytest.approx(abs(float(q.answer)) * q.tolerance)
        assert "e" not in element.findtext("answer/text").lower()
    if q.kind == "matching":
        pairs = [(s.findtext("text"), s.findtext("answer/text")) for s in element.findall("subquestion")]
        assert pairs == list(q.pairs)
    if q.kind == "truefalse":
        right = [a.findtext("text") for a in element.findall("answer") if a.get("fraction") == "100"]
        assert right == [q.answer]
    if q.kind == "text":
        assert {a.findtext("text") for a in element.findall("answer")} == {q.answer, *q.accepted}


def test_moodle_xml_keeps_hostile_text_literal(second_pack, tmp_path):
    questions = nasty_questions()
    path = export_questions(second_pack, questions, "moodle-xml", tmp_path / "nasty.xml")
    (read,) = moodle_parser.parse_file(str(path))["multichoice"]
    assert read.text_pre_parse == questions[0].prompt
    assert [o.answer for o in read.options] == list(questions[0].choices)
    assert read.general_feedback == questions[0].citation
    elements = {q.findtext("name/text"): q for q in ET.parse(path).getroot().iter("question")}
    for q in questions:
        _check_moodle_element(elements[q.id], q)
    assert elements["nasty:numeric"].findtext("answer/text") == "1000000"
    assert elements["nasty:numeric"].findtext("answer/tolerance") == "50000"


# -- GIFT ----------------------------------------------------------------------------
def _read_gift(path: Path) -> list:
    with path.open(encoding="utf-8") as handle:
        return gift_parser.parseFile(handle)


def _check_gift(read, question: QuizQuestion) -> None:
    assert read.valid
    assert gift_unescape(read.title) == question.id
    assert read.markup == "plain" and gift_unescape(read.text) == question.prompt
    assert gift_unescape(read.generalFeedback) == question.citation
    if question.kind == "numeric":
        (answer,) = read.answers.answers
        assert answer.value == float(question.answer)
        assert answer.tolerance == pytest.approx(abs(float(question.answer)) * question.tolerance)
    if question.kind == "matching":
        pairs = [(gift_unescape(a.question.strip()), gift_unescape(a.answer.strip())) for a in read.answers.answers]
        assert pairs == [(left.replace("->", "→"), right) for left, right in question.pairs]
    if question.kind == "truefalse":
        assert read.answers.answer == (question.answer == "true")
    if question.kind == "choice":
        assert [gift_unescape(a.answer) for a in read.answers.answers] == list(question.choices)
        assert [gift_unescape(a.answer) for a in read.answers.answers if a.fraction == 100] == [question.answer]
    if question.kind == "text":
        assert {gift_unescape(a.answer) for a in read.answers.answers} == {question.answer, *question.accepted}


def test_gift_reads_back_with_pygiftparser(quiz, tmp_path):
    pack, questions = quiz
    parsed = _read_gift(export_questions(pack, questions, "gift", tmp_path / "quiz.gift"))
    assert len(parsed) == len(questions)
    assert Counter(type(p.answers).__name__ for p in parsed) == Counter(GIFT_SETS[q.kind] for q in questions)
    for read, question in zip(parsed, questions, strict=True):
        _check_gift(read, question)


def test_gift_escapes_every_special_character(second_pack, tmp_path):
    questions = nasty_questions(in_answers=NASTY.replace("}", ")"))  # see the module docstring
    parsed = _read_gift(export_questions(second_pack, questions, "gift", tmp_path / "nasty.gift"))
    assert [type(p.answers).__name__ for p in parsed] == [GIFT_SETS[q.kind] for q in questions]
    for read, question in zip(parsed, questions, strict=True):
        _check_gift(read, question)


def moodle_structure(line: str) -> str:
    """What Moodle's GIFT importer parses after ``escapedchar_pre``: escaped characters (and ``\\\\``) removed."""
    return re.sub(r"\\[:#={}~n]", "", line.replace("\\\\", ""))


def test_gift_structure_survives_hostile_text_including_braces_in_answers(second_pack, tmp_path):
    questions = nasty_questions()
    text = export_questions(second_pack, questions, "gift", tmp_path / "nasty.gift").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("//")]
    assert len(lines) == len(questions)
    for line, q in zip(lines, questions, strict=True):
        shape = moodle_structure(line)
        assert shape.count("::") == 2 and shape.count("{") == shape.count("}") == 1 and shape.endswith("}")
        head, _, body = shape.partition("{")
        answers, _, feedback = body.partition("####")
        assert "#" not in feedback and "=" not in head and "~" not in head and "#" not in head
        if q.kind == "choice":
            assert answers.count("=") == 1 and answers.count("~") == len(q.choices) - 1
        if q.kind == "matching":
            assert answers.count("=") == answers.count("->") == len(q.pairs)
        if q.kind == "text":
            assert answers.count("=") == len({q.answer, *q.accepted}) and "~" not in answers


# -- CSV and file names ------------------------------------------------------------------
def test_csv_has_one_row_per_question(quiz, tmp_path):
    pack, questions = quiz
    path = export_questions(pack, questions, "csv", tmp_path / "quiz.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {"id", "kind", "topic", "prompt", "answer", "choices", "quote", "outlet"} <= set(rows[0])
    assert [r["id"] for r in rows] == [q.id for q in questions]
    for row, q in zip(rows, questions, strict=True):
        assert row["kind"] == q.kind and row["quote"] == q.quote and row["outlet"] == (q.outlet or "")
        if q.kind == "choice":
            assert row["choices"] == " | ".join(q.choices) and row["answer"] == q.answer


def test_export_file_names_cannot_escape_the_chosen_folder(tmp_path, bundled_pack):
    from dataclasses import replace

    assert safe_filename("../../x") == "x"
    assert "/" not in safe_filename("a/../../b\\c") and ".." not in safe_filename("../..")
    hostile = replace(bundled_pack, meta=replace(bundled_pack.meta, id="../../escape"))
    for fmt, suffix in FORMATS.items():
        path = default_path(tmp_path, hostile, fmt)
        assert path.parent == tmp_path.resolve() and path.suffix == suffix


def test_unknown_format_is_refused(bundled_pack, tmp_path):
    with pytest.raises(ValueError, match="unknown export format"):
        export_questions(bundled_pack, [], "pdf", tmp_path / "x.pdf")


# -- invisible characters, and pack text that reads like the importers' own syntax ------------
#: Characters XML 1.0 cannot hold (U+001F also separates Anki's fields); invisible in any pack.
INVISIBLE = "\x01\x08\x0b\x0c\x1f\ufffe\uffff\ud800"


def visible(text: str) -> str:
    return text.translate({ord(c): None for c in INVISIBLE})


def invisible_questions() -> list[QuizQuestion]:
    """One question of every kind with characters XML cannot hold in every pack string (tab and newline are fine)."""
    common = {"topic": "money", "quote": "Quo\x1fted\ttext\x01", "facts": (), "outlet": "Out\x0blet"}
    return [
        QuizQuestion(id="invisible:choice", kind="choice", prompt=f"Which\x01?{INVISIBLE}\tnow", answer="ri\x08ght",
                     choices=("wro\x0cng", "ri\x08ght", f"plain{INVISIBLE}"), **common),
        QuizQuestion(id="invisible:tf", kind="truefalse", prompt="True\ufffe?", answer="true", **common),
        QuizQuestion(id="invisible:numeric", kind="numeric", prompt="How\x1f many?", answer="12", tolerance=0.1,
                     unit="pe\x01ople", **common),
        QuizQuestion(id="invisible:matching", kind="matching", prompt="Ma\x0btch", answer="",
                     pairs=(("le\x1fft", "ri\uffffght"), ("up", "do\x01wn")), **common),
        QuizQuestion(id="invisible:text", kind="text", prompt="Street\x01?", answer="Mill\x1f Street",
                     accepted=("Mill St\ud800.",), **common),
    ]


def syntax_questions() -> list[QuizQuestion]:
    """Pack text that Moodle would read as an answer weight, a ``[format]`` marker or a wildcard."""
    common = {"topic": "money", "quote": "[html]<b>quoted</b>", "facts": (), "outlet": "Outlet"}
    return [
        QuizQuestion(id="syntax:choice", kind="choice", prompt="[html]<b>Which?</b>", answer="[html]<i>right</i>",
                     choices=("%100%Wrong", "[html]<i>right</i>", "%-50%Also wrong", "[markdown]**wrong**"),
                     **common),
        QuizQuestion(id="syntax:text", kind="text", prompt="Name?", answer="%50%Mill",
                     accepted=("[markdown]*Mill*", "*", "M%100%"), **common),
        QuizQuestion(id="syntax:matching", kind="matching", prompt="Match", answer="",
                     pairs=(("[html]<b>left</b>", "%100%right"), ("%0%plain", "[html]x")), **common),
    ]


def test_moodle_xml_drops_characters_xml_cannot_hold(second_pack, tmp_path):
    from dataclasses import replace

    pack = replace(second_pack, meta=replace(second_pack.meta, title=f"Second\x01 pack{INVISIBLE}"))
    questions = invisible_questions()
    path = export_questions(pack, questions, "moodle-xml", tmp_path / "invisible.xml")
    root = ET.parse(path).getroot()  # well-formed: one U+0001 used to make the whole file unreadable
    assert root.findtext("question/category/text") == "$course$/Briefing Quiz/Second pack"
    elements = {q.findtext("name/text"): q for q in root.iter("question") if q.get("type") != "category"}
    for q in questions:
        element = elements[q.id]
        assert element.findtext("questiontext/text") == visible(q.prompt)
        assert element.findtext("generalfeedback/text") == visible(q.citation)
        assert "\t" in element.findtext("generalfeedback/text")  # a tab is legal XML and kept
    assert [a.findtext("text") for a in elements["invisible:choice"].findall("answer")] == [
        "wrong", "right", "plain"]
    assert elements["invisible:numeric"].findtext("units/unit/unit_name") == "people"
    assert [(s.findtext("text"), s.findtext("answer/text")) for s in elements["invisible:matching"].findall(
        "subquestion")] == [("left", "right"), ("up", "down")]
    (multichoice,) = moodle_parser.parse_file(str(path))["multichoice"]
    assert [o.answer for o in multichoice.options] == ["wrong", "right", "plain"]


def test_moodle_xml_category_keeps_a_slash_in_the_pack_title(second_pack, tmp_path):
    """Moodle splits the category path at single slashes (``split_category_path``); ``//`` is a literal one."""
    from dataclasses import replace

    title = "/R/D // 2030/"
    pack = replace(second_pack, meta=replace(second_pack.meta, title=title))
    root = ET.parse(export_questions(pack, [], "moodle-xml", tmp_path / "slash.xml")).getroot()
    path = root.findtext("question/category/text")
    names = [name.replace("//", "/").strip() for name in re.split(r"(?<!/)/(?!/)", path)]
    assert names == ["$course$", "Briefing Quiz", title]


def test_moodle_short_answers_match_literally_not_as_wildcards(second_pack, tmp_path):
    """Moodle reads ``*`` in an accepted answer as a wildcard: the pack's answer ``*`` must not accept everything."""
    (question,) = [q for q in syntax_questions() if q.kind == "text"]
    accepted = list(dict.fromkeys((question.answer, *question.accepted)))
    root = ET.parse(export_questions(second_pack, [question], "moodle-xml", tmp_path / "q.xml")).getroot()
    patterns = [a.findtext("text") for a in root.iter("answer")]
    assert len(patterns) == len(accepted)
    for typed in accepted:
        assert any(shortanswer_accepts(p, typed) for p in patterns), typed
    for typed in ("anything at all", "Mill", "M"):
        assert not any(shortanswer_accepts(p, typed) for p in patterns), typed


def test_gift_reads_back_as_moodle_imports_it(quiz, tmp_path):
    pack, questions = quiz
    read = read_gift(export_questions(pack, questions, "gift", tmp_path / "quiz.gift").read_text(encoding="utf-8"))
    assert [r.qtype for r in read] == [MOODLE_GIFT_TYPES[q.kind] for q in questions]
    for moodle, q in zip(read, questions, strict=True):
        assert moodle.name == q.id
        assert (moodle.text.text, moodle.text.format) == (" ".join(q.prompt.split()), "plain")
        assert moodle.general_feedback.text == " ".join(q.citation.split())
        if q.kind == "choice":
            assert [a.text for a in moodle.answers] == list(q.choices)
            assert moodle.fractions == [1.0 if c == q.answer else 0.0 for c in q.choices]
        if q.kind == "matching":
            assert [s.text for s in moodle.subquestions] == [left.replace("->", "→") for left, _ in q.pairs]
            assert moodle.subanswers == [right for _, right in q.pairs]
        if q.kind == "truefalse":
            assert moodle.correct == (q.answer == "true")


def test_gift_weights_and_format_markers_in_pack_text_stay_text(second_pack, tmp_path):
    """``~%100%Wrong`` gave full marks for a wrong choice in Moodle, ``[html]`` at an answer's start made it HTML."""
    questions = syntax_questions()
    path = export_questions(second_pack, questions, "gift", tmp_path / "syntax.gift")
    choice, short, match = read_gift(path.read_text(encoding="utf-8"))
    assert [choice.qtype, short.qtype, match.qtype] == ["multichoice", "shortanswer", "match"]

    q = questions[0]
    assert (choice.text.text, choice.text.format) == (q.prompt, "plain")
    assert [(a.text, a.format) for a in choice.answers] == [(c, "plain") for c in q.choices]
    assert choice.fractions == [1.0 if c == q.answer else 0.0 for c in q.choices]
    assert (choice.general_feedback.text, choice.general_feedback.format) == (q.citation, "plain")

    q = questions[1]
    accepted = list(dict.fromkeys((q.answer, *q.accepted)))
    assert short.fractions == [1.0] * len(accepted)
    patterns = [a.text for a in short.answers]
    for typed in accepted:
        assert any(shortanswer_accepts(p, typed) for p in patterns), typed
    assert not any(shortanswer_accepts(p, "anything at all") for p in patterns)

    q = questions[2]
    assert [(s.text, s.format) for s in match.subquestions] == [(left, "plain") for left, _ in q.pairs]
    assert match.subanswers == [right for _, right in q.pairs]

    # pygiftparser reads the choices' weights the same way
    parsed = _read_gift(path)
    assert [a.fraction for a in parsed[0].answers.answers] == [100 if c == questions[0].answer else 0
                                                                for c in questions[0].choices]


def test_gift_short_answer_with_an_arrow_stays_a_short_answer(second_pack, tmp_path):
    """Moodle reads any answer block holding ``=`` and ``->`` as matching; GIFT cannot escape ``->``."""
    question = QuizQuestion(id="arrow", kind="text", prompt="Arrow?", topic="money", answer="A -> B",
                            accepted=("A->B",), quote="q", facts=())
    (read,) = read_gift(export_questions(second_pack, [question], "gift", tmp_path / "a.gift").read_text(
        encoding="utf-8"))
    assert read.qtype == "shortanswer"
    assert [a.text for a in read.answers] == ["A → B", "A→B"]


def test_gift_drops_characters_no_text_file_should_carry(second_pack, tmp_path):
    questions = invisible_questions()
    path = export_questions(second_pack, questions, "gift", tmp_path / "invisible.gift")
    text = path.read_text(encoding="utf-8")
    assert not set(INVISIBLE) & set(text)
    read = read_gift(text)
    assert [r.qtype for r in read] == [MOODLE_GIFT_TYPES[q.kind] for q in questions]
    for moodle, q in zip(read, questions, strict=True):
        assert moodle.text.text == " ".join(visible(q.prompt).split())
    assert [a.text for a in read[0].answers] == ["wrong", "right", "plain"]


def test_anki_fields_stay_four_and_show_media_tags_literally(second_pack, tmp_path):
    """U+001F separates Anki fields; ``[sound:…]`` and ``[latex]`` in pack text must not become media or LaTeX."""
    from dataclasses import replace

    questions = [replace(q, prompt=f"{q.prompt} [sound:boom.mp3] [latex]\\input{{x}}[/latex]")
                 for q in invisible_questions()]
    col = _import(tmp_path / "c.anki2", export_questions(second_pack, questions, "anki", tmp_path / "i.apkg"))
    try:
        assert col.note_count() == len(questions)
        notes = [col.get_note(nid) for nid in col.find_notes("")]
        for note in notes:
            assert len(note.fields) == 4 and not set(INVISIBLE) & set("".join(note.fields))
        for cid in col.find_cards(""):
            front = col.get_card(cid).question()
            assert "anki:play" not in front and "<img" not in front
            assert "[sound:boom.mp3]" in html.unescape(front) and "[latex]\\input{x}[/latex]" in html.unescape(front)
        answers = {note.fields[3]: html.unescape(note.fields[1]) for note in notes}
        assert answers["invisible:text"] == "Mill Street" and answers["invisible:choice"] == "right"
    finally:
        col.close()


def test_csv_export_writes_pack_text_that_utf8_cannot_encode(second_pack, tmp_path):
    questions = invisible_questions()
    path = export_questions(second_pack, questions, "csv", tmp_path / "invisible.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["prompt"] for r in rows] == [visible(q.prompt) for q in questions]
