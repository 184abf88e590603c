"""Quiz exports read back by real third-party readers, for the bundled pack and a second pack.

Readers: the ``anki`` package (imports the .apkg into a fresh collection),
``moodle-xml-parser`` (PyPI; it parses multichoice questions only, so the
other Moodle types are checked against the element layout documented at
docs.moodle.org/en/Moodle_XML_format with ElementTree, independently of our
writer), and ``pygiftparser`` (PyPI) for GIFT.
"""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from collections import Counter

import genanki
import pytest
from anki.collection import Collection, ImportAnkiPackageRequest
from moodle_xml_parser import parser as moodle_parser
from pygiftparser import parser as gift_parser

from content.loader import load_pack
from quiz.generate import generate
from quiz.interchange import FORMATS, absolute_tolerance, default_path, export_questions, safe_filename
from tests_support import BUNDLED, DATA

PACKS = [BUNDLED, DATA / "second_pack"]


@pytest.fixture(params=PACKS, ids=lambda p: p.name)
def quiz(request):
    pack = load_pack(request.param)
    return pack, generate(pack, 0)


def test_anki_package_imports_into_a_fresh_collection_with_stable_guids(quiz, tmp_path):
    pack, questions = quiz
    apkg = export_questions(pack, questions, "anki", tmp_path / "quiz.apkg")
    col = Collection(str(tmp_path / "collection.anki2"))
    try:
        col.import_anki_package(ImportAnkiPackageRequest(package_path=str(apkg)))
        assert col.note_count() == len(questions)
        guids = {col.get_note(nid).guid for nid in col.find_notes("")}
        assert guids == {genanki.guid_for(pack.id, q.id) for q in questions}
        # re-importing the same export updates notes instead of duplicating them
        col.import_anki_package(ImportAnkiPackageRequest(package_path=str(apkg)))
        assert col.note_count() == len(questions)
        note = col.get_note(col.find_notes("")[0])
        assert "—" in note.fields[2], "the back cites the article"
    finally:
        col.close()


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
        right = [o.answer for o in read.options if o.score_fraction == 100]
        assert right == [question.answer]
        assert question.quote in read.general_feedback


def test_moodle_xml_other_types_follow_the_documented_layout(quiz, tmp_path):
    pack, questions = quiz
    root = ET.parse(export_questions(pack, questions, "moodle-xml", tmp_path / "quiz.xml")).getroot()
    elements = {q.findtext("name/text"): q for q in root.iter("question") if q.get("type") != "category"}
    assert Counter(e.get("type") for e in elements.values()) == Counter(
        {"choice": "multichoice", "truefalse": "truefalse", "numeric": "numerical", "matching": "matching",
         "text": "shortanswer"}[q.kind] for q in questions)
    for q in questions:
        element = elements[q.id]
        assert q.quote in element.findtext("generalfeedback/text")
        assert element.find("questiontext").get("format") == "plain_text"
        if q.kind == "numeric":
            assert float(element.findtext("answer/text")) == float(q.answer)
            assert float(element.findtext("answer/tolerance")) == pytest.approx(float(q.answer) * q.tolerance)
        if q.kind == "matching":
            pairs = [(s.findtext("text"), s.findtext("answer/text")) for s in element.findall("subquestion")]
            assert pairs == list(q.pairs)
        if q.kind == "truefalse":
            right = [a.findtext("text") for a in element.findall("answer") if a.get("fraction") == "100"]
            assert right == [q.answer]


def test_gift_reads_back_with_pygiftparser(quiz, tmp_path):
    pack, questions = quiz
    path = export_questions(pack, questions, "gift", tmp_path / "quiz.gift")
    with path.open(encoding="utf-8") as handle:
        parsed = gift_parser.parseFile(handle)
    assert len(parsed) == len(questions)
    kinds = Counter(type(p.answers).__name__ for p in parsed)
    expected = Counter({"choice": "SelectSet", "truefalse": "TrueFalseSet", "numeric": "NumericAnswerSet",
                        "matching": "MatchingSet", "text": "ShortSet"}[q.kind] for q in questions)
    assert kinds == expected
    for read, question in zip(parsed, questions, strict=True):
        assert question.quote.split()[0] in read.generalFeedback
        if question.kind == "numeric":
            (answer,) = read.answers.answers
            assert float(answer.value) == float(question.answer)
            assert float(answer.tolerance) == pytest.approx(absolute_tolerance(question))
        if question.kind == "matching":
            assert [(a.question.strip(), a.answer.strip()) for a in read.answers.answers] == list(question.pairs)
        if question.kind == "truefalse":
            assert read.answers.answer == (question.answer == "true")
        if question.kind == "choice":
            right = [a.answer for a in read.answers.answers if a.fraction == 100]
            assert [r.replace("\\", "") for r in right] == [question.answer]
            assert len(read.answers.answers) == len(question.choices)


def test_csv_has_one_row_per_question(quiz, tmp_path):
    pack, questions = quiz
    path = export_questions(pack, questions, "csv", tmp_path / "quiz.csv")
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert [r["id"] for r in rows] == [q.id for q in questions]
    assert all(r["quote"] for r in rows)


def test_export_file_names_cannot_escape_the_chosen_folder(tmp_path, bundled_pack):
    from dataclasses import replace

    assert safe_filename("../../x") == "x"
    assert "/" not in safe_filename("a/../../b\\c") and ".." not in safe_filename("../..")
    hostile = replace(bundled_pack, meta=replace(bundled_pack.meta, id="../../escape"))
    for fmt in FORMATS:
        path = default_path(tmp_path, hostile, fmt)
        assert path.parent == tmp_path.resolve()
