"""Quiz exports read back by real third-party readers, for every bundled pack and a second pack.

The bundled pack holds every question kind, so each reader sees each kind: every question must come back
with its kind (or the mapping docs/pack-format.md documents), key, options, explanation, quotes and
per-option feedback. Readers (test extras in pyproject.toml):

- ``anki`` (the desktop app's own Python package): imports the .apkg into a
  fresh collection, re-imports a re-export (also over cards made from the
  earlier four-field note type), renders each card's back.
- ``moodle-xml-parser`` 0.3.x: it only parses ``multichoice`` and ``cloze``
  questions (here: choice, scenario and select-all), so the other Moodle types
  (numerical, matching, truefalse, shortanswer, ordering) are checked with
  ElementTree against the element layout of docs.moodle.org/en/Moodle_XML_format
  and Moodle's importers (question/format/xml/format.php; ``import_from_xml`` of
  question/type/ordering), independently of our writer.
- ``pygiftparser`` 1.1: every GIFT question, including numerical and matching.
  Its answer-block regex ends the block at the first ``}`` even when escaped
  (``\\}``), which Moodle's importer does not, so the hostile GIFT test keeps
  ``}`` out of answers for pygiftparser and checks braces in answers with
  Moodle's own unescaping rule (``escapedchar_pre`` in question/format/gift),
  reimplemented in this file.
- ``tests/moodle_gift.py``: Moodle's GIFT importer rewritten from its PHP
  source, for what pygiftparser reads differently from Moodle (answer weights,
  ``[format]`` markers, short-answer wildcards, several right answers), and
  the grade rules every Moodle importer applies (the grade list, select-all
  grades adding up to 100%, how a select-all answer is scored).

The hostile-string tests feed each format text holding that format's special
characters and HTML, and expect every reader to give back the original text.
"""

from __future__ import annotations

import csv
import hashlib
import html
import itertools
import re
import string
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import replace
from pathlib import Path

import genanki
import pytest
from anki.collection import Collection, ImportAnkiPackageRequest
from anki.import_export_pb2 import ImportAnkiPackageOptions
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from moodle_gift import (
    multichoice_saves,
    multichoice_score,
    on_grade_list,
    read_gift,
    shortanswer_accepts,
)
from moodle_xml_parser import parser as moodle_parser
from pygiftparser import parser as gift_parser

from content.loader import bundled_packs, load_pack
from quiz.generate import generate
from quiz.grade import grade
from quiz.interchange import FORMATS, default_path, export_questions, safe_filename
from quiz.questions import Kind, QuizQuestion
from tests_support import BUNDLED, DATA

PACKS = [*bundled_packs(), DATA / "second_pack"]
CHOICE, SCENARIO, TF, NUMERIC, TEXT = Kind.CHOICE, Kind.SCENARIO, Kind.TRUEFALSE, Kind.NUMERIC, Kind.TEXT
MATCHING, MULTI, ORDER, CLASSIFY = Kind.MATCHING, Kind.MULTI, Kind.ORDER, Kind.CLASSIFY
#: The documented mappings (docs/pack-format.md, Exports).
MOODLE_TYPES = {CHOICE: "multichoice", SCENARIO: "multichoice", MULTI: "multichoice", TF: "truefalse",
                NUMERIC: "numerical", TEXT: "shortanswer", MATCHING: "matching", CLASSIFY: "matching",
                ORDER: "ordering"}
MOODLE_GIFT_TYPES = {CHOICE: "multichoice", SCENARIO: "multichoice", MULTI: "multichoice", TF: "truefalse",
                     NUMERIC: "numerical", TEXT: "shortanswer", MATCHING: "match", CLASSIFY: "match", ORDER: "match"}
GIFT_SETS = {CHOICE: "SelectSet", SCENARIO: "SelectSet", MULTI: "MultipleChoicesSet", TF: "TrueFalseSet",
             NUMERIC: "NumericAnswerSet", TEXT: "ShortSet", MATCHING: "MatchingSet", CLASSIFY: "MatchingSet",
             ORDER: "MatchingSet"}
#: What an Anki card says to do, for each kind.
ANKI_KINDS = {"Choose one": CHOICE, "Judge the case, choose one": SCENARIO, "True or false": TF,
              "Type a number": NUMERIC, "Type the answer": TEXT, "Match each item": MATCHING,
              "Select all that apply": MULTI, "Put in order": ORDER, "Sort into categories": CLASSIFY}
#: Where Moodle keeps per-option feedback with the option; elsewhere it joins the general feedback.
MOODLE_OPTION_FEEDBACK = {CHOICE, SCENARIO, MULTI, ORDER}
GIFT_OPTION_FEEDBACK = {CHOICE, SCENARIO, MULTI}
POSITIONS = ["1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th", "11th", "12th"]
LETTERS = string.ascii_uppercase
#: Every GIFT special character, a backslash, HTML and an ampersand in one string.
NASTY = 'R&D <b>bold</b> {x} = ~y #z: a\\b "q"'


@pytest.fixture(params=PACKS, ids=lambda p: p.name)
def quiz(request):
    pack = load_pack(request.param)
    return pack, generate(pack, 0)


@pytest.fixture(scope="module")
def second_pack():
    return load_pack(DATA / "second_pack")


def gift_question_text(q: QuizQuestion) -> tuple[str, ...]:
    """What a GIFT question's text holds: the case, the prompt, and a numeric question's unit as its last line
    (GIFT has no unit of its own; a GIFT round trip lost "million GBP"), unless the prompt says it already (a
    generated one ends with "Answer in trillions of US dollars.", the learner read the unit twice)."""
    says = "Answer in " in q.prompt or q.unit.casefold() in q.prompt.casefold()
    unit = (f"Answer in {q.unit}.",) if q.kind == Kind.NUMERIC and q.unit and not says else ()
    return (q.scenario, q.prompt, *unit)


def squash(text: str) -> str:
    return " ".join(text.split())


def lines_kept(text: str) -> str:
    """What GIFT keeps of pack text: its line breaks (``\\n``), each line's blanks made one space."""
    return "\n".join(line for line in map(squash, text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
                     if line)


def nasty_questions(in_answers: str = NASTY) -> list[QuizQuestion]:
    """One question of every kind whose every pack string is hostile (``in_answers`` inside answers)."""
    common = {"topic": "money", "quote": f"Quoted {NASTY}", "facts": (), "outlet": "Outlet ~=#{}:",
              "explanation": f"Explained {NASTY}"}
    return [
        QuizQuestion(id="nasty:choice", kind=CHOICE, prompt=f"Which? {NASTY}", answer=f"right {in_answers}",
                     choices=(f"wrong {in_answers}", f"right {in_answers}", "plain"),
                     feedback=((f"wrong {in_answers}", f"It is wrong {in_answers}"),), **common),
        QuizQuestion(id="nasty:tf", kind=TF, prompt=f"True? {NASTY}", answer="false",
                     correction=f"Corrected {NASTY}", **common),
        # "1e+06" is what the generator's f"{amount:g}" gives for a million
        QuizQuestion(id="nasty:numeric", kind=NUMERIC, prompt=f"How many? {NASTY}", answer="1e+06",
                     tolerance=0.05, unit="people", **common),
        QuizQuestion(id="nasty:matching", kind=MATCHING, prompt=f"Match {NASTY}", answer="",
                     pairs=(("a -> b", "x = y"), (f"c: d {in_answers}", f"z ~ w {in_answers}")), **common),
        QuizQuestion(id="nasty:text", kind=TEXT, prompt=f"Street? {NASTY}", answer="Mill Street",
                     accepted=("Mill St.", f"Mill {in_answers}"), **common),
        QuizQuestion(id="nasty:scenario", kind=SCENARIO, prompt=f"Which? {NASTY}", scenario=f"Case {NASTY}",
                     answer=f"yes {in_answers}", choices=(f"no {in_answers}", f"yes {in_answers}"),
                     feedback=((f"no {in_answers}", f"Not so {in_answers}"), (f"yes {in_answers}", "Right")),
                     **common),
        QuizQuestion(id="nasty:multi", kind=MULTI, prompt=f"Which all? {NASTY}", answer="",
                     choices=(f"in {in_answers}", "out", f"also in {in_answers}"),
                     answers=(f"in {in_answers}", f"also in {in_answers}"),
                     feedback=(("out", f"Out because {in_answers}"),), **common),
        QuizQuestion(id="nasty:order", kind=ORDER, prompt=f"Order {NASTY}", answer="",
                     choices=(f"two {in_answers}", "one -> first", f"three {in_answers}"),
                     answers=("one -> first", f"two {in_answers}", f"three {in_answers}"), **common),
        QuizQuestion(id="nasty:classify", kind=CLASSIFY, prompt=f"Sort {NASTY}", answer="",
                     choices=(f"cat {in_answers}", "dog", f"empty {in_answers}"),
                     pairs=((f"s1 {in_answers}", f"cat {in_answers}"), ("s2", "dog"), ("s3", f"cat {in_answers}")),
                     feedback=(("s2", f"Dogs {in_answers}"),), **common),
    ]


def gift_unescape(text: str) -> str:
    """GIFT's rule, written here independently of the writer: a backslash makes the next character literal."""
    return re.sub(r"\\(.)", r"\1", text)


# -- what every reader must give back, written from the question, not from the writers ---------------
def shown_options(q: QuizQuestion) -> list[str]:
    """What the learner picks from, in the order shown."""
    if q.kind == MATCHING:
        return sorted({right for _, right in q.pairs})
    return list(q.choices)


def matching_pairs(q: QuizQuestion) -> list[tuple[str, str]]:
    """The (item, answer) pairs a matching question in Moodle must hold: ordering becomes positions."""
    if q.kind == ORDER:
        return [(item, POSITIONS[n]) for n, item in enumerate(q.answers)]
    return list(q.pairs)


def unused_categories(q: QuizQuestion) -> list[str]:
    used = {category for _, category in q.pairs}
    return [c for c in q.choices if c not in used] if q.kind == CLASSIFY else []


def general_feedback_pieces(q: QuizQuestion, option_slot: bool) -> list[str]:
    """Text the general feedback must hold: explanation, correction, quotes (and feedback without a slot)."""
    pieces = [q.explanation, q.correction, *(c.quote for c in q.citations), *(c.outlet or "" for c in q.citations)]
    if not option_slot:
        pieces += [text for _, text in q.feedback]
    return [squash(p) for p in pieces if p]


def assert_holds(text: str, pieces: list[str]) -> None:
    """Every piece occurs in ``text`` (runs of whitespace compared as one space)."""
    flat = squash(text)
    for piece in map(squash, pieces):
        assert piece in flat, f"{piece!r} missing from {flat!r}"


def key_lines(q: QuizQuestion) -> list[str]:
    """The key as a person checks it (Anki's back, the CSV's key column)."""
    letter = {option: LETTERS[i] for i, option in enumerate(shown_options(q))}
    if q.kind in (CHOICE, SCENARIO):
        return [f"{letter[q.answer]}. {q.answer}"]
    if q.kind == MULTI:
        return [f"{letter[c]}. {c}" for c in q.choices if c in q.answers]
    if q.kind == ORDER:
        return [f"{POSITIONS[n]}: {letter[item]}. {item}" for n, item in enumerate(q.answers)]
    if q.kind in (MATCHING, CLASSIFY):
        return [f"{left} → {letter[right]}. {right}" for left, right in q.pairs]
    if q.kind == TF:
        return [q.answer.capitalize()]
    return [q.answer]


def test_the_bundled_pack_asks_every_kind_so_every_reader_sees_every_kind():
    questions = generate(load_pack(BUNDLED), 0)
    assert {q.kind for q in questions} == set(Kind)
    assert any(q.feedback for q in questions if q.kind == MULTI) and any(q.feedback for q in questions
                                                                          if q.kind == CLASSIFY)


# -- Anki ----------------------------------------------------------------------------
def _import(collection_path: Path, *packages: Path) -> Collection:
    col = Collection(str(collection_path))
    for package in packages:
        col.import_anki_package(ImportAnkiPackageRequest(package_path=str(package)))
    return col


def _field_lines(field: str) -> list[str]:
    """A field as the lines a person reads: markup removed, entities resolved."""
    return [line.strip() for line in html.unescape(re.sub(r"<[^>]+>", "\n", field)).split("\n") if line.strip()]


#: The fields of each note type the export writes.
ANKI_FIELDS = {
    "card": ["Question", "Answer", "Source", "QuestionId", "Options", "Explanation", "Feedback", "Kind"],
    "typed": ["Question", "Answer", "Source", "QuestionId", "Explanation", "Extra", "Kind"],
    "cloze": ["Text", "Back Extra", "Source", "QuestionId", "Extra", "Kind"],
}
BLANK = "_____"


def anki_note_type(q: QuizQuestion) -> str:
    """Fill-in-the-blank questions are Cloze notes; other typed and numeric ones are typed on the card."""
    if q.kind == TEXT and q.prompt.count(BLANK) == 1 and not q.scenario:
        return "cloze"
    return "typed" if q.kind in (TEXT, NUMERIC) else "card"


def anki_guid(pack_id: str, q: QuizQuestion) -> str:
    return genanki.guid_for(pack_id, q.id, "cloze") if anki_note_type(q) == "cloze" else genanki.guid_for(pack_id,
                                                                                                          q.id)


def _extra(q: QuizQuestion) -> list[str]:
    """What else counts for a typed answer, as the card says it."""
    if q.kind == NUMERIC:
        return ([f"Unit: {q.unit}"] if q.unit else []) + ([f"Within ±{q.tolerance * 100:g}%"] if q.tolerance else [])
    accepted = [a for a in dict.fromkeys(q.accepted) if a != q.answer]
    return [f"Also accepted: {'; '.join(accepted)}"] if accepted else []


def _check_anki_note(note, back: str, q: QuizQuestion) -> None:
    which = anki_note_type(q)
    assert list(note.keys()) == ANKI_FIELDS[which]
    assert ANKI_KINDS[note["Kind"]] == q.kind
    assert note["QuestionId"] == html.escape(q.id)
    if which == "cloze":  # the blank is the deletion c1, holding the answer; the rest of the prompt around it
        before, after = q.prompt.split(BLANK)
        (deletion,) = re.findall(r"\{\{c1::(.*?)\}\}", note["Text"])
        assert html.unescape(deletion) == q.answer
        assert _field_lines(note["Text"].replace(f"{{{{c1::{deletion}}}}}", BLANK)) == [squash(q.prompt)]
        assert_holds(" ".join(_field_lines(note["Back Extra"])), [squash(q.explanation)])
        assert "{{type:cloze:Text}}" in note.note_type()["tmpls"][0]["qfmt"]
    else:
        assert _field_lines(note["Question"]) == [squash(p) for p in (q.scenario, q.prompt) if p]  # the case first
    if which == "typed":  # Anki compares what is typed with Answer: it holds the answer alone
        assert html.unescape(note["Answer"]) == q.answer
        assert "{{type:Answer}}" in note.note_type()["tmpls"][0]["qfmt"]
        assert_holds(" ".join(_field_lines(note["Explanation"])), [squash(q.explanation), squash(q.correction)])
    if which != "card":
        assert _field_lines(note["Extra"]) == _extra(q)
        assert_holds(" ".join(_field_lines(note["Source"])), [squash(str(c)) for c in q.citations])
        assert "<b>bold</b>" not in back
        shown = " ".join(_field_lines(back))
        assert_holds(shown, [squash(q.explanation)] + [squash(line) for line in _extra(q)]
                     + [squash(c.quote) for c in q.citations])
        return
    lettered = [f"{LETTERS[i]}. {o}" for i, o in enumerate(shown_options(q))] if q.kind not in (TF, NUMERIC, TEXT) \
        else []
    items = [f"• {left}" for left, _ in q.pairs] if q.kind in (MATCHING, CLASSIFY) else []  # what to place
    assert _field_lines(note["Options"]) == items + lettered
    answer = _field_lines(note["Answer"])
    assert answer[: len(key_lines(q))] == key_lines(q)
    assert_holds(" ".join(_field_lines(note["Explanation"])), [squash(q.explanation), squash(q.correction)])
    feedback = " ".join(_field_lines(note["Feedback"]))
    assert_holds(feedback, [squash(text) for _, text in q.feedback])
    assert_holds(" ".join(_field_lines(note["Source"])), [squash(str(c)) for c in q.citations])
    # the back a learner sees shows all of it, and no pack text as markup
    assert "<b>bold</b>" not in back
    shown = " ".join(_field_lines(back))
    assert_holds(shown, [squash(line) for line in key_lines(q)] + [squash(q.explanation)]
                 + [squash(text) for _, text in q.feedback] + [squash(c.quote) for c in q.citations])


def test_anki_cards_carry_kind_key_options_explanation_feedback_and_quotes(quiz, tmp_path):
    pack, questions = quiz
    col = _import(tmp_path / "c.anki2", export_questions(pack, questions, "anki", tmp_path / "quiz.apkg"))
    try:
        notes = {col.get_note(nid)["QuestionId"]: col.get_note(nid) for nid in col.find_notes("")}
        assert len(notes) == len(questions)
        for q in questions:
            note = notes[html.escape(q.id)]
            _check_anki_note(note, col.get_card(note.card_ids()[0]).answer(), q)
    finally:
        col.close()


def test_anki_note_types_are_styled_centred_sans_serif_and_follow_night_mode(bundled_pack, tmp_path):
    questions = generate(bundled_pack, 0)
    col = _import(tmp_path / "c.anki2", export_questions(bundled_pack, questions, "anki", tmp_path / "s.apkg"))
    try:
        types = {n.name: col.models.get(n.id) for n in col.models.all_names_and_ids() if "Briefing Quiz" in n.name}
        assert len(types) == 3  # choice-like cards, typed answers, cloze
        for note_type in types.values():
            css = note_type["css"]
            card_rule = re.search(r"\.card \{([^}]*)\}", css)[1]
            assert "sans-serif" in card_rule and "text-align: center" in card_rule
            for night in (".nightMode", ".night_mode"):  # Anki desktop; AnkiDroid and older desktops
                assert re.search(rf"\.card{re.escape(night)}[^{{]*\{{[^}}]*color: #e8e8e8", css)
        cloze_type = types[f"Briefing Quiz cloze ({bundled_pack.id})"]
        assert cloze_type["type"] == 1  # Anki's own Cloze kind of note type
        card = col.get_card(col.find_cards(f'"note:Briefing Quiz cloze ({bundled_pack.id})"')[0])
        assert 'class="cloze"' in card.question() and "[[type:cloze:Text]]" in card.question()
        typed_card = col.get_card(col.find_cards(f'"note:Briefing Quiz typed answer ({bundled_pack.id})"')[0])
        assert "[[type:Answer]]" in typed_card.question()  # Anki shows a box to type in, and marks the answer
    finally:
        col.close()


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
        assert guids == {anki_guid(pack.id, q) for q in questions}
        assert {fresh.get_note(nid).guid for nid in fresh.find_notes("")} == guids
        # importing the re-export updates notes instead of duplicating them: same note type, same deck
        col.import_anki_package(ImportAnkiPackageRequest(package_path=str(again)))
        assert col.note_count() == len(questions)
        assert len({col.get_card(cid).did for cid in col.find_cards("")}) == 1
        names = [n.name for n in col.models.all_names_and_ids()]
        for kind in ("card", "typed answer", "cloze"):
            assert names.count(f"Briefing Quiz {kind} ({pack.id})") == 1
    finally:
        col.close()


def test_anki_cards_from_the_earlier_four_field_note_type_update_in_place(bundled_pack, tmp_path):
    """Cards a learner made from an earlier export keep their reviews: with Anki's "Merge note types" ticked
    they take the new fields in one import; without it Anki skips them (and adds no duplicates). Anki cannot
    turn a regular note into a cloze one, so fill-in questions come as new Cloze notes beside the old cards."""
    questions = generate(bundled_pack, 0)
    earlier = genanki.Model(  # the note type this app wrote before the question kinds grew
        _earlier_id("briefing-quiz", "model", bundled_pack.id), f"Briefing Quiz question ({bundled_pack.id})",
        fields=[{"name": n} for n in ("Question", "Answer", "Source", "QuestionId")],
        templates=[{"name": "Card 1", "qfmt": "{{Question}}", "afmt": "{{FrontSide}}<hr id=answer>{{Answer}}"}])
    deck = genanki.Deck(_earlier_id("briefing-quiz", "deck", bundled_pack.id), "Briefing Quiz::Old")
    for q in questions:
        deck.add_note(genanki.Note(model=earlier, fields=[html.escape(q.prompt), "old", "old", html.escape(q.id)],
                                   guid=genanki.guid_for(bundled_pack.id, q.id)))
    genanki.Package(deck).write_to_file(str(tmp_path / "old.apkg"), timestamp=time.time() - 86400)  # yesterday
    col = _import(tmp_path / "c.anki2", tmp_path / "old.apkg")
    try:
        cards = sorted(col.find_cards(""))
        new = export_questions(bundled_pack, questions, "anki", tmp_path / "new.apkg")
        cloze = [q for q in questions if anki_note_type(q) == "cloze"]
        assert cloze  # the bundled pack has fill-in questions
        col.import_anki_package(ImportAnkiPackageRequest(package_path=str(new)))  # Anki's defaults
        assert len(col.find_cards("")) == len(cards) + len(cloze)  # only the new Cloze notes are added
        assert set(cards) <= set(col.find_cards(""))
        col.import_anki_package(ImportAnkiPackageRequest(package_path=str(new), options=ImportAnkiPackageOptions(
            merge_notetypes=True)))
        assert set(cards) <= set(col.find_cards(""))  # the same cards, so their review history stays
        assert len(col.find_cards("")) == len(cards) + len(cloze)
        # the earlier note type now holds only the old cards of the fill-in questions (the learner may delete them)
        earlier_notes = col.find_notes(f'"note:Briefing Quiz question ({bundled_pack.id})"')
        left = {col.get_note(nid)["QuestionId"] for nid in earlier_notes}
        assert left == {html.escape(q.id) for q in cloze}
        notes = {col.get_note(nid).guid: col.get_note(nid) for nid in col.find_notes("")}
        for q in questions:
            note = notes[anki_guid(bundled_pack.id, q)]
            assert len(note.card_ids()) == 1  # one card per question: the earlier card, or the new Cloze card
            _check_anki_note(note, col.get_card(note.card_ids()[0]).answer(), q)
    finally:
        col.close()


def _earlier_id(*parts: str) -> int:
    """How the earlier export derived its deck and note-type ids."""
    digest = hashlib.sha256("\x1f".join(parts).encode()).digest()
    return int.from_bytes(digest[:4], "big") & 0x7FFFFFFF or 1


def test_anki_back_shows_every_kind_of_hostile_text_literally(second_pack, tmp_path):
    questions = nasty_questions()
    col = _import(tmp_path / "c.anki2", export_questions(second_pack, questions, "anki", tmp_path / "n.apkg"))
    try:
        notes = {col.get_note(nid)["QuestionId"]: col.get_note(nid) for nid in col.find_notes("")}
        assert len(notes) == len(questions)
        for q in questions:
            note = notes[html.escape(q.id)]
            back = col.get_card(note.card_ids()[0]).answer()
            assert html.escape(f"Quoted {NASTY}") in back and html.escape("Outlet ~=#{}:") in back
            _check_anki_note(note, back, q)
        assert notes["nasty:choice"]["Answer"] == html.escape(f"B. right {NASTY}")
    finally:
        col.close()


# -- Moodle XML ----------------------------------------------------------------------
def test_moodle_xml_multichoice_reads_back_with_moodle_xml_parser(quiz, tmp_path):
    pack, questions = quiz
    path = export_questions(pack, questions, "moodle-xml", tmp_path / "quiz.xml")
    parsed = moodle_parser.parse_file(str(path))
    multichoice = [q for q in questions if MOODLE_TYPES[q.kind] == "multichoice"]
    assert len(parsed["multichoice"]) == len(multichoice)
    by_name = {q.name: q for q in parsed["multichoice"]}
    for q in multichoice:
        _check_multichoice(by_name[q.id], q)


def _check_multichoice(read, q: QuizQuestion) -> None:
    """A multichoice question as moodle-xml-parser reads it."""
    assert read.text_pre_parse == "\n\n".join(p for p in (q.scenario, q.prompt) if p)  # the case comes first
    assert [o.answer for o in read.options] == list(q.choices)
    assert [o.feedback or "" for o in read.options] == [q.feedback_for(c) for c in q.choices]
    assert_holds(read.general_feedback, general_feedback_pieces(q, option_slot=True))
    fractions = [o.score_fraction / 100 for o in read.options]
    assert all(on_grade_list(f) for f in fractions)
    assert read.single == (q.kind != MULTI) and multichoice_saves(fractions, read.single)
    if q.kind == MULTI:
        _check_select_all_grading(q, fractions)
    else:
        assert [o.answer for o in read.options if o.score_fraction == 100] == [q.answer]


def _check_select_all_grading(q: QuizQuestion, fractions: list[float]) -> None:
    """Moodle scores every set of ticks as the app does: right options count, wrong ones take it back."""
    assert [f > 0 for f in fractions] == [c in q.answers for c in q.choices]
    for ticks in itertools.product((False, True), repeat=len(q.choices)):
        ticked = [c for c, t in zip(q.choices, ticks, strict=True) if t]
        assert multichoice_score(fractions, list(ticks)) == pytest.approx(grade(q, ticked).score, abs=1e-6)


def test_moodle_xml_other_types_follow_the_documented_layout(quiz, tmp_path):
    pack, questions = quiz
    root = ET.parse(export_questions(pack, questions, "moodle-xml", tmp_path / "quiz.xml")).getroot()
    elements = {q.findtext("name/text"): q for q in root.iter("question") if q.get("type") != "category"}
    assert Counter(e.get("type") for e in elements.values()) == Counter(MOODLE_TYPES[q.kind] for q in questions)
    for q in questions:
        _check_moodle_element(elements[q.id], q)


def _answers(element: ET.Element) -> list[tuple[str, str, str]]:
    return [(a.findtext("text"), a.get("fraction"), a.findtext("feedback/text") or "")
            for a in element.findall("answer")]


def _check_moodle_element(element: ET.Element, q: QuizQuestion) -> None:
    assert element.get("type") == MOODLE_TYPES[q.kind]
    assert element.findtext("questiontext/text") == "\n\n".join(p for p in (q.scenario, q.prompt) if p)
    assert element.find("questiontext").get("format") == "plain_text"
    assert element.find("generalfeedback").get("format") == "plain_text"
    assert_holds(element.findtext("generalfeedback/text"),
                 general_feedback_pieces(q, option_slot=q.kind in MOODLE_OPTION_FEEDBACK))
    answers = _answers(element)
    if q.kind in (CHOICE, SCENARIO, MULTI):
        assert [a[0] for a in answers] == list(q.choices)
        assert [a[2] for a in answers] == [q.feedback_for(c) for c in q.choices]
        assert element.findtext("single") == ("false" if q.kind == MULTI else "true")
    if q.kind == NUMERIC:
        assert float(element.findtext("answer/text")) == float(q.answer)
        assert float(element.findtext("answer/tolerance")) == pytest.approx(abs(float(q.answer)) * q.tolerance)
        assert "e" not in element.findtext("answer/text").lower()
    if q.kind in (MATCHING, CLASSIFY):
        subquestions = [(s.findtext("text") or "", s.findtext("answer/text")) for s in element.findall("subquestion")]
        assert [s for s in subquestions if s[0]] == matching_pairs(q)
        assert [right for left, right in subquestions if not left] == unused_categories(q)  # answers nobody takes
    if q.kind == ORDER:  # qtype_ordering's import_from_xml: the answers in the right order
        assert [a[0] for a in answers] == list(q.answers)
        assert [a[2] for a in answers] == [q.feedback_for(item) for item in q.answers]
        assert element.findtext("selecttype") == "ALL"  # every item is shown
        assert element.findtext("gradingtype") == "ABSOLUTE_POSITION"  # a point per item in place, as the app
    if q.kind == TF:
        assert [a[0] for a in answers if a[1] == "100"] == [q.answer]
        assert element.findtext("penalty") == "1"  # graded like the GIFT import (one try)
    if q.kind == TEXT:
        assert {a[0] for a in answers} == {q.answer, *q.accepted}


def test_moodle_xml_keeps_hostile_text_literal(second_pack, tmp_path):
    questions = nasty_questions()
    path = export_questions(second_pack, questions, "moodle-xml", tmp_path / "nasty.xml")
    read = {q.name: q for q in moodle_parser.parse_file(str(path))["multichoice"]}
    multichoice = [q for q in questions if MOODLE_TYPES[q.kind] == "multichoice"]
    assert sorted(read) == sorted(q.id for q in multichoice)
    for q in multichoice:
        _check_multichoice(read[q.id], q)
    elements = {q.findtext("name/text"): q for q in ET.parse(path).getroot().iter("question")}
    for q in questions:
        _check_moodle_element(elements[q.id], q)
    assert elements["nasty:numeric"].findtext("answer/text") == "1000000"
    assert elements["nasty:numeric"].findtext("answer/tolerance") == "50000"


def select_all(right: int, wrong: int = 2) -> QuizQuestion:
    options = tuple(f"Option {n}" for n in range(right + wrong))
    return QuizQuestion(id=f"multi:{right}", kind=MULTI, prompt="Which apply?", topic="money", answer="", quote="q",
                        facts=(), choices=options, answers=options[:right])


@pytest.mark.parametrize("right", range(1, 11))
def test_select_all_grades_are_on_moodles_list_and_score_like_the_app(second_pack, tmp_path, right):
    """Moodle refuses a grade off its list; 3 right options must be 33.33333% each, not 33.3 or 33.333333."""
    q = select_all(right)
    (read,) = moodle_parser.parse_file(str(export_questions(second_pack, [q], "moodle-xml", tmp_path / "q.xml")))[
        "multichoice"]
    _check_multichoice(read, q)
    (moodle,) = read_gift(export_questions(second_pack, [q], "gift", tmp_path / "q.gift").read_text(encoding="utf-8"))
    assert moodle.qtype == "multichoice" and moodle.single is False
    assert all(on_grade_list(f) for f in moodle.fractions) and multichoice_saves(moodle.fractions, single=False)
    _check_select_all_grading(q, moodle.fractions)


def test_select_all_with_more_right_options_than_moodle_can_share_out_becomes_matching(second_pack, tmp_path):
    """Moodle's grade list has no 100/11 %: eleven right options are asked as matching, graded item by item."""
    q = select_all(11)
    root = ET.parse(export_questions(second_pack, [q], "moodle-xml", tmp_path / "q.xml")).getroot()
    (element,) = [e for e in root.iter("question") if e.get("type") != "category"]
    assert element.get("type") == "matching"
    expected = [(c, "Applies" if c in q.answers else "Does not apply") for c in q.choices]
    assert [(s.findtext("text"), s.findtext("answer/text")) for s in element.findall("subquestion")] == expected
    (moodle,) = read_gift(export_questions(second_pack, [q], "gift", tmp_path / "q.gift").read_text(encoding="utf-8"))
    assert moodle.qtype == "match"
    assert list(zip([s.text for s in moodle.subquestions], moodle.subanswers, strict=True)) == expected


# -- GIFT ----------------------------------------------------------------------------
def _read_gift(path: Path) -> list:
    with path.open(encoding="utf-8") as handle:
        return gift_parser.parseFile(handle)


def _check_gift(read, q: QuizQuestion) -> None:
    """A question as pygiftparser reads it."""
    assert read.valid and type(read.answers).__name__ == GIFT_SETS[q.kind]
    assert gift_unescape(read.title) == q.id
    assert read.markup == "plain"
    assert gift_unescape(read.text) == "\n".join(squash(p) for p in gift_question_text(q) if p)
    assert_holds(gift_unescape(read.generalFeedback), general_feedback_pieces(q, q.kind in GIFT_OPTION_FEEDBACK))
    answers = getattr(read.answers, "answers", [])
    if q.kind == NUMERIC:
        (answer,) = answers
        assert answer.value == float(q.answer)
        assert answer.tolerance == pytest.approx(abs(float(q.answer)) * q.tolerance)
    if q.kind in (MATCHING, CLASSIFY, ORDER):
        pairs = [(gift_unescape(a.question.strip()), gift_unescape(a.answer.strip())) for a in answers]
        expected = [(left.replace("->", "→"), right) for left, right in matching_pairs(q)]
        assert pairs == expected + [("", c) for c in unused_categories(q)]
    if q.kind == TF:
        assert read.answers.answer == (q.answer == "true")
    if q.kind in (CHOICE, SCENARIO, MULTI):
        assert [gift_unescape(a.answer) for a in answers] == list(q.choices)
        assert [gift_unescape(a.feedback) for a in answers] == [squash(q.feedback_for(c)) for c in q.choices]
    if q.kind in (CHOICE, SCENARIO):
        assert [gift_unescape(a.answer) for a in answers if a.fraction == 100] == [q.answer]
    if q.kind == MULTI:
        assert [a.fraction > 0 for a in answers] == [c in q.answers for c in q.choices]
        assert all(on_grade_list(a.fraction / 100) for a in answers)
    if q.kind == TEXT:
        assert {gift_unescape(a.answer) for a in answers} == {q.answer, *q.accepted}


def test_gift_reads_back_with_pygiftparser(quiz, tmp_path):
    pack, questions = quiz
    parsed = _read_gift(export_questions(pack, questions, "gift", tmp_path / "quiz.gift"))
    assert len(parsed) == len(questions)
    assert Counter(type(p.answers).__name__ for p in parsed) == Counter(GIFT_SETS[q.kind] for q in questions)
    by_id = {q.id: q for q in questions}  # the file lists them by category (see test_moodle_categories.py)
    assert sorted(gift_unescape(read.title) for read in parsed) == sorted(by_id)
    for read in parsed:
        _check_gift(read, by_id[gift_unescape(read.title)])


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
    assert lines[0] == "$CATEGORY: $course$/Briefing Quiz/Riverton's cycling network to 2035"
    lines = [line for line in lines if not line.startswith("$CATEGORY: ")]  # they all quote one sentence: one
    assert len(lines) == len(questions)                                   # subcategory, in their order
    for line, q in zip(lines, questions, strict=True):
        shape = moodle_structure(line)
        assert shape.count("::") == 2 and shape.count("{") == shape.count("}") == 1 and shape.endswith("}")
        head, _, body = shape.partition("{")
        answers, _, feedback = body.partition("####")
        assert "#" not in feedback and "=" not in head and "~" not in head and "#" not in head
        given_feedback = sum(1 for c in q.choices if q.feedback_for(c))
        if q.kind in (CHOICE, SCENARIO):
            assert answers.count("=") == 1 and answers.count("~") == len(q.choices) - 1
            assert answers.count("#") == given_feedback
        if q.kind == MULTI:  # no "=" at all: Moodle then lets several options be ticked
            assert "=" not in answers and answers.count("~") == len(q.choices)
            assert answers.count("#") == given_feedback
        if q.kind in (MATCHING, CLASSIFY, ORDER):
            pairs = len(matching_pairs(q)) + len(unused_categories(q))
            assert answers.count("=") == answers.count("->") == pairs and "#" not in answers
        if q.kind == TEXT:
            assert answers.count("=") == len({q.answer, *q.accepted}) and "~" not in answers


def _check_moodle_gift(moodle, q: QuizQuestion) -> None:
    """A question as Moodle's GIFT importer reads it (tests/moodle_gift.py)."""
    assert moodle.qtype == MOODLE_GIFT_TYPES[q.kind] and moodle.name == q.id
    assert (moodle.text.text, moodle.text.format) == ("\n".join(lines_kept(p) for p in gift_question_text(q) if p),
                                                      "plain")
    assert moodle.general_feedback.format == "plain"
    assert_holds(moodle.general_feedback.text, general_feedback_pieces(q, q.kind in GIFT_OPTION_FEEDBACK))
    if moodle.qtype == "multichoice":
        assert [a.text for a in moodle.answers] == list(q.choices)
        assert [f.text for f in moodle.feedback] == [lines_kept(q.feedback_for(c)) for c in q.choices]
        assert moodle.single == (q.kind != MULTI)
        assert all(on_grade_list(f) for f in moodle.fractions) and multichoice_saves(moodle.fractions, moodle.single)
    if q.kind in (CHOICE, SCENARIO):
        assert moodle.fractions == [1.0 if c == q.answer else 0.0 for c in q.choices]
    if q.kind == MULTI:
        _check_select_all_grading(q, moodle.fractions)
    if moodle.qtype == "match":
        pairs = [(left.replace("->", "→"), right) for left, right in matching_pairs(q)]
        pairs += [("", c) for c in unused_categories(q)]
        assert list(zip([s.text for s in moodle.subquestions], moodle.subanswers, strict=True)) == pairs
    if q.kind == TF:
        assert moodle.correct == (q.answer == "true")


def test_gift_reads_back_as_moodle_imports_it(quiz, tmp_path):
    pack, questions = quiz
    read = read_gift(export_questions(pack, questions, "gift", tmp_path / "quiz.gift").read_text(encoding="utf-8"))
    by_id = {q.id: q for q in questions}  # the file lists them by category (see test_moodle_categories.py)
    assert sorted(r.name for r in read) == sorted(by_id)
    for moodle in read:
        q = by_id[moodle.name]
        assert moodle.qtype == MOODLE_GIFT_TYPES[q.kind]
        _check_moodle_gift(moodle, q)


def test_gift_names_a_numeric_questions_unit_once(bundled_pack, tmp_path):
    """A generated prompt ends with "Answer in trillions of US dollars."; the export added "Answer in trillion
    USD." under it, so a Moodle learner read the unit twice. A prompt of the pack's own that does not name its
    unit still gets the line (GIFT has no unit of its own)."""
    numeric = [q for q in generate(bundled_pack, 0) if q.kind == NUMERIC and q.unit]
    assert numeric
    written = replace(numeric[0], id="written", prompt="How much is invested by 2040?", authored=True)
    path = export_questions(bundled_pack, [*numeric, written], "gift", tmp_path / "numeric.gift")
    read = {moodle.name: moodle for moodle in read_gift(path.read_text(encoding="utf-8"))}
    for q in numeric:
        assert read[q.id].qtype == "numerical"
        assert read[q.id].text.text == q.prompt  # what Moodle shows: the prompt, its own unit sentence once
        assert q.prompt.count("Answer in ") == 1 and q.unit not in q.prompt
    assert read["written"].text.text == f"How much is invested by 2040?\nAnswer in {written.unit}."


def test_gift_names_the_category_and_tags_each_question_with_its_topic(second_pack, tmp_path):
    """Moodle files GIFT questions under ``$CATEGORY:`` (same path as the XML export, a "/" in the title kept)
    and reads ``// [tag:…]`` comments as tags; a "]" in a topic title is escaped, "<" and ">" cannot be tags."""
    title = "R/D: 2030"
    topics = tuple(replace(t, title=f"{t.title} [a]<b>") for t in second_pack.topics)
    pack = replace(second_pack, meta=replace(second_pack.meta, title=title), topics=topics)
    questions = generate(pack, 0)
    read = read_gift(export_questions(pack, questions, "gift", tmp_path / "t.gift").read_text(encoding="utf-8"))
    assert sorted(r.name for r in read) == sorted(q.id for q in questions)
    by_id = {q.id: q for q in questions}
    for moodle in read:
        q = by_id[moodle.name]
        assert moodle.category.startswith("$course$/Briefing Quiz/R//D: 2030")  # or a fact's subcategory of it
        assert moodle.category[len("$course$/Briefing Quiz/R//D: 2030"):][:1] in ("", "/")
        assert moodle.tags == [" ".join(pack.topic_title(q.topic).replace("<", " ").replace(">", " ").split())]
        assert moodle.tags[0].endswith("[a] b")


def test_gift_hostile_text_reads_back_as_moodle_imports_it_braces_included(second_pack, tmp_path):
    questions = nasty_questions()
    read = read_gift(export_questions(second_pack, questions, "gift", tmp_path / "n.gift").read_text(encoding="utf-8"))
    by_id = {q.id: q for q in questions}  # the file lists them by category (see test_moodle_categories.py)
    assert sorted(r.name for r in read) == sorted(by_id)
    for moodle in read:
        q = by_id[moodle.name]
        assert moodle.qtype == MOODLE_GIFT_TYPES[q.kind]
        _check_moodle_gift(moodle, q)


# -- CSV and file names ------------------------------------------------------------------
def _check_csv_row(row: dict[str, str], q: QuizQuestion, topic: str) -> None:
    assert row["id"] == q.id and row["kind"] == q.kind and row["topic"] == topic
    assert row["prompt"] == q.prompt and row["scenario"] == q.scenario
    if q.kind in (TF, NUMERIC, TEXT):
        assert row["options"] == ""
    else:
        assert row["options"].split("\n") == [f"{LETTERS[i]}. {o}" for i, o in enumerate(shown_options(q))]
    key = row["key"].split("\n")
    if q.kind == NUMERIC:
        assert key[0].startswith(f"{q.answer} {q.unit}".strip())
        assert row["tolerance"] == (str(q.tolerance) if q.tolerance else "") and row["unit"] == q.unit
    else:
        assert key[: len(key_lines(q))] == key_lines(q)
    assert row["explanation"] == q.explanation and row["correction"] == q.correction
    assert_holds(row["feedback"], [squash(text) for _, text in q.feedback])
    assert row["citation"] == q.citation and row["facts"].split() == list(q.facts)


def test_csv_has_one_row_per_question_with_its_key_in_words(quiz, tmp_path):
    pack, questions = quiz
    path = export_questions(pack, questions, "csv", tmp_path / "quiz.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {"kind", "prompt", "scenario", "options", "key", "explanation", "citation", "facts"} <= set(rows[0])
    assert [r["id"] for r in rows] == [q.id for q in questions]
    for row, q in zip(rows, questions, strict=True):
        _check_csv_row(row, q, pack.topic_title(q.topic))


def test_csv_cells_never_run_as_formulas(second_pack, tmp_path):
    formula = "=HYPERLINK(\"http://x\")"
    q = replace(nasty_questions()[0], prompt=formula, explanation="+1", quote="@SUM(A1)", outlet=None)
    with export_questions(second_pack, [q], "csv", tmp_path / "f.csv").open(encoding="utf-8", newline="") as handle:
        (row,) = csv.DictReader(handle)
    assert row["prompt"] == "'" + formula and row["explanation"] == "'+1"
    assert row["citation"] == "“@SUM(A1)” — the article"  # starts with a quotation mark: already text


def test_export_file_names_cannot_escape_the_chosen_folder(tmp_path, bundled_pack):
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
    common = {"topic": "money", "quote": "Quo\x1fted\ttext\x01", "facts": (), "outlet": "Out\x0blet",
              "explanation": "Expl\x01ained"}
    return [
        QuizQuestion(id="invisible:choice", kind=CHOICE, prompt=f"Which\x01?{INVISIBLE}\tnow", answer="ri\x08ght",
                     choices=("wro\x0cng", "ri\x08ght", f"plain{INVISIBLE}"), feedback=(("wro\x0cng", "N\x01o"),),
                     **common),
        QuizQuestion(id="invisible:tf", kind=TF, prompt="True\ufffe?", answer="true", **common),
        QuizQuestion(id="invisible:numeric", kind=NUMERIC, prompt="How\x1f many?", answer="12", tolerance=0.1,
                     unit="pe\x01ople", **common),
        QuizQuestion(id="invisible:matching", kind=MATCHING, prompt="Ma\x0btch", answer="",
                     pairs=(("le\x1fft", "ri\uffffght"), ("up", "do\x01wn")), **common),
        QuizQuestion(id="invisible:text", kind=TEXT, prompt="Street\x01?", answer="Mill\x1f Street",
                     accepted=("Mill St\ud800.",), **common),
        QuizQuestion(id="invisible:multi", kind=MULTI, prompt="Al\x01l?", scenario="Ca\x1fse", answer="",
                     choices=("i\x01n", "out", "al\x1fso"), answers=("i\x01n", "al\x1fso"),
                     feedback=(("out", "O\x0but"),), **common),
    ]


def syntax_questions() -> list[QuizQuestion]:
    """Pack text that Moodle would read as an answer weight, a ``[format]`` marker or a wildcard."""
    common = {"topic": "money", "quote": "[html]<b>quoted</b>", "facts": (), "outlet": "Outlet"}
    return [
        QuizQuestion(id="syntax:choice", kind=CHOICE, prompt="[html]<b>Which?</b>", answer="[html]<i>right</i>",
                     choices=("%100%Wrong", "[html]<i>right</i>", "%-50%Also wrong", "[markdown]**wrong**"),
                     feedback=(("%100%Wrong", "[html]<b>no</b>"),), **common),
        QuizQuestion(id="syntax:text", kind=TEXT, prompt="Name?", answer="%50%Mill",
                     accepted=("[markdown]*Mill*", "*", "M%100%"), **common),
        QuizQuestion(id="syntax:matching", kind=MATCHING, prompt="Match", answer="",
                     pairs=(("[html]<b>left</b>", "%100%right"), ("%0%plain", "[html]x")), **common),
        QuizQuestion(id="syntax:multi", kind=MULTI, prompt="All?", answer="",
                     choices=("%100%Wrong", "[html]<i>right</i>", "%-50%right too"),
                     answers=("[html]<i>right</i>", "%-50%right too"), feedback=(("%100%Wrong", "[html]x"),),
                     **common),
        QuizQuestion(id="syntax:order", kind=ORDER, prompt="Order", answer="", choices=("%1%b", "[html]a"),
                     answers=("[html]a", "%1%b"), **common),
    ]


def test_moodle_xml_drops_characters_xml_cannot_hold(second_pack, tmp_path):
    pack = replace(second_pack, meta=replace(second_pack.meta, title=f"Second\x01 pack{INVISIBLE}"))
    questions = invisible_questions()
    path = export_questions(pack, questions, "moodle-xml", tmp_path / "invisible.xml")
    root = ET.parse(path).getroot()  # well-formed: one U+0001 used to make the whole file unreadable
    assert root.findtext("question/category/text") == "$course$/Briefing Quiz/Second pack"
    elements = {q.findtext("name/text"): q for q in root.iter("question") if q.get("type") != "category"}
    for q in questions:
        element = elements[q.id]
        assert element.findtext("questiontext/text") == "\n\n".join(visible(p) for p in (q.scenario, q.prompt) if p)
        assert_holds(element.findtext("generalfeedback/text"), [visible(q.explanation), visible(q.citation)])
        assert "\t" in element.findtext("generalfeedback/text")  # a tab is legal XML and kept
    assert [a.findtext("text") for a in elements["invisible:choice"].findall("answer")] == [
        "wrong", "right", "plain"]
    assert elements["invisible:choice"].findtext("answer/feedback/text") == "No"
    assert elements["invisible:numeric"].findtext("units/unit/unit_name") == "people"
    assert [(s.findtext("text"), s.findtext("answer/text")) for s in elements["invisible:matching"].findall(
        "subquestion")] == [("left", "right"), ("up", "down")]
    read = {q.name: q for q in moodle_parser.parse_file(str(path))["multichoice"]}
    assert [o.answer for o in read["invisible:choice"].options] == ["wrong", "right", "plain"]
    assert [(o.answer, o.feedback) for o in read["invisible:multi"].options] == [("in", None), ("out", "Out"),
                                                                                   ("also", None)]


def test_moodle_xml_category_keeps_a_slash_in_the_pack_title(second_pack, tmp_path):
    """Moodle splits the category path at single slashes (``split_category_path``); ``//`` is a literal one."""
    title = "/R/D // 2030/"
    pack = replace(second_pack, meta=replace(second_pack.meta, title=title))
    root = ET.parse(export_questions(pack, [], "moodle-xml", tmp_path / "slash.xml")).getroot()
    path = root.findtext("question/category/text")
    names = [name.replace("//", "/").strip() for name in re.split(r"(?<!/)/(?!/)", path)]
    assert names == ["$course$", "Briefing Quiz", title]


def test_moodle_short_answers_match_literally_not_as_wildcards(second_pack, tmp_path):
    """Moodle reads ``*`` in an accepted answer as a wildcard: the pack's answer ``*`` must not accept everything."""
    (question,) = [q for q in syntax_questions() if q.kind == TEXT]
    accepted = list(dict.fromkeys((question.answer, *question.accepted)))
    root = ET.parse(export_questions(second_pack, [question], "moodle-xml", tmp_path / "q.xml")).getroot()
    patterns = [a.findtext("text") for a in root.iter("answer")]
    assert len(patterns) == len(accepted)
    for typed in accepted:
        assert any(shortanswer_accepts(p, typed) for p in patterns), typed
    for typed in ("anything at all", "Mill", "M"):
        assert not any(shortanswer_accepts(p, typed) for p in patterns), typed


def test_gift_weights_and_format_markers_in_pack_text_stay_text(second_pack, tmp_path):
    """``~%100%Wrong`` gave full marks for a wrong choice in Moodle, ``[html]`` at an answer's start made it HTML."""
    questions = syntax_questions()
    path = export_questions(second_pack, questions, "gift", tmp_path / "syntax.gift")
    choice, short, match, multi, order = read_gift(path.read_text(encoding="utf-8"))
    assert [r.qtype for r in (choice, short, match, multi, order)] == [
        "multichoice", "shortanswer", "match", "multichoice", "match"]

    q = questions[0]
    assert (choice.text.text, choice.text.format) == (q.prompt, "plain")
    assert [(a.text, a.format) for a in choice.answers] == [(c, "plain") for c in q.choices]
    assert choice.fractions == [1.0 if c == q.answer else 0.0 for c in q.choices]
    assert [(f.text, f.format) for f in choice.feedback][0] == ("[html]<b>no</b>", "plain")
    assert (choice.general_feedback.text.split("\n")[-1], choice.general_feedback.format) == (
        q.citation, "plain")

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

    q = questions[3]
    assert [(a.text, a.format) for a in multi.answers] == [(c, "plain") for c in q.choices]
    assert multi.fractions == [-0.5, 0.5, 0.5] and multi.single is False
    assert (multi.feedback[0].text, multi.feedback[0].format) == ("[html]x", "plain")

    q = questions[4]
    assert [(s.text, s.format) for s in order.subquestions] == [("[html]a", "plain"), ("%1%b", "plain")]
    assert order.subanswers == ["1st", "2nd"]

    # pygiftparser reads the choices' weights the same way
    parsed = _read_gift(path)
    assert [a.fraction for a in parsed[0].answers.answers] == [100 if c == questions[0].answer else 0
                                                                for c in questions[0].choices]


def test_gift_short_answer_with_an_arrow_stays_a_short_answer(second_pack, tmp_path):
    """Moodle reads any answer block holding ``=`` and ``->`` as matching; GIFT cannot escape ``->``."""
    question = QuizQuestion(id="arrow", kind=TEXT, prompt="Arrow?", topic="money", answer="A -> B",
                            accepted=("A->B",), quote="q", facts=(), explanation="See -> there")
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
        assert moodle.text.text == "\n".join(squash(visible(p)) for p in gift_question_text(q) if p)
    assert [a.text for a in read[0].answers] == ["wrong", "right", "plain"]
    assert [f.text for f in read[0].feedback] == ["No", "", ""]


def test_anki_fields_hold_no_separator_and_show_media_tags_literally(second_pack, tmp_path):
    """U+001F separates Anki fields; ``[sound:…]`` and ``[latex]`` in pack text must not become media or LaTeX."""
    tags = " [sound:boom.mp3] [latex]\\input{x}[/latex]"
    questions = [replace(q, prompt=q.prompt + tags, explanation=q.explanation + tags) for q in invisible_questions()]
    col = _import(tmp_path / "c.anki2", export_questions(second_pack, questions, "anki", tmp_path / "i.apkg"))
    try:
        assert col.note_count() == len(questions)
        notes = [col.get_note(nid) for nid in col.find_notes("")]
        kinds = {html.escape(q.id): anki_note_type(q) for q in questions}
        for note in notes:
            assert list(note.keys()) == ANKI_FIELDS[kinds[note["QuestionId"]]]
            assert not set(INVISIBLE) & set("".join(note.fields))
        for cid in col.find_cards(""):
            for side in (col.get_card(cid).question(), col.get_card(cid).answer()):
                assert "anki:play" not in side and "<img" not in side
                assert html.unescape(side).count("[sound:boom.mp3] [latex]\\input{x}[/latex]") == (
                    1 if side == col.get_card(cid).question() else 2)
        answers = {note["QuestionId"]: html.unescape(note["Answer"]) for note in notes}
        assert answers["invisible:text"] == "Mill Street"  # what Anki compares the typed answer with
        assert next(n["Extra"] for n in notes if n["QuestionId"] == "invisible:text") == "Also accepted: Mill St."
        assert answers["invisible:choice"] == "B. right"
        assert answers["invisible:multi"] == "A. in<br>C. also"
    finally:
        col.close()


def test_csv_export_writes_pack_text_that_utf8_cannot_encode(second_pack, tmp_path):
    questions = invisible_questions()
    path = export_questions(second_pack, questions, "csv", tmp_path / "invisible.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["prompt"] for r in rows] == [visible(q.prompt) for q in questions]
    assert rows[-1]["options"] == "A. in\nB. out\nC. also" and rows[-1]["feedback"] == "B. out: Out"


# -- any pack text, every new kind ----------------------------------------------------------
#: GIFT's and Moodle's syntax characters, HTML, markers, wildcards and spaces, plus any other character.
_SYNTAX = list("~=#{}:\\[]%*<>&\"' \t\n-") + ["->", "[html]", "%50%", "%-100%", "[plain]"]
pack_text = st.lists(st.sampled_from(_SYNTAX) | st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
                     min_size=1, max_size=12).map("".join).filter(lambda t: squash(t) and "&&" not in t)


@st.composite
def new_kind_questions(draw) -> list[QuizQuestion]:
    texts = draw(st.lists(pack_text, min_size=4, max_size=6, unique_by=squash))
    common = {"topic": "money", "quote": draw(pack_text), "facts": (), "explanation": draw(pack_text)}
    right = draw(st.lists(st.sampled_from(texts), min_size=1, max_size=len(texts) - 1, unique=True))
    shuffled = tuple(draw(st.permutations(texts)))
    return [
        QuizQuestion(id="any:scenario", kind=SCENARIO, prompt=draw(pack_text), scenario=draw(pack_text),
                     answer=texts[0], choices=shuffled, feedback=((texts[1], draw(pack_text)),), **common),
        QuizQuestion(id="any:multi", kind=MULTI, prompt=draw(pack_text), answer="", choices=shuffled,
                     answers=tuple(right), feedback=((texts[-1], draw(pack_text)),), **common),
        QuizQuestion(id="any:order", kind=ORDER, prompt=draw(pack_text), answer="", choices=shuffled,
                     answers=tuple(texts), **common),
        QuizQuestion(id="any:classify", kind=CLASSIFY, prompt=draw(pack_text), answer="",
                     choices=tuple(texts[:2]), pairs=tuple((t, texts[i % 2]) for i, t in enumerate(texts[2:])),
                     feedback=((texts[2], draw(pack_text)),), **common),
    ]


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(questions=new_kind_questions())
def test_any_pack_text_in_the_new_kinds_reads_back_from_gift_and_moodle_xml(second_pack, tmp_path, questions):
    """What Moodle's GIFT importer reads is the pack text (line breaks kept, other blanks made one space, ``->`` in
    an item's left side written ``→``); Moodle XML keeps it as it is."""
    gift = read_gift(export_questions(second_pack, questions, "gift", tmp_path / "any.gift").read_text(
        encoding="utf-8"))
    flat = [replace(q, prompt=lines_kept(q.prompt), scenario=lines_kept(q.scenario), answer=lines_kept(q.answer),
                    choices=tuple(map(lines_kept, q.choices)), answers=tuple(map(lines_kept, q.answers)),
                    pairs=tuple((lines_kept(a), lines_kept(b)) for a, b in q.pairs),
                    feedback=tuple((lines_kept(a), lines_kept(b)) for a, b in q.feedback)) for q in questions]
    assert [r.qtype for r in gift] == [MOODLE_GIFT_TYPES[q.kind] for q in questions]
    for moodle, q in zip(gift, flat, strict=True):
        _check_moodle_gift(moodle, q)
    root = ET.parse(export_questions(second_pack, questions, "moodle-xml", tmp_path / "any.xml")).getroot()
    elements = {e.findtext("name/text"): e for e in root.iter("question") if e.get("type") != "category"}
    for q in questions:
        _check_moodle_element(elements[q.id], q)


# -- line breaks in pack text (a table's quote holds one row a line) ----------------------------------------
def test_a_tables_quote_keeps_one_row_a_line_in_anki_gift_and_moodle_xml(tmp_path):
    """The clean_cells table's quote ("Company | Site | …" then one line per company) ran together into one
    line in Anki (a field is HTML: a line break is a space) and in GIFT (line breaks were flattened). Anki now
    gets ``<br>`` between escaped lines, GIFT ``\\n`` (Moodle's importer makes it a line break again), and Moodle
    XML keeps the line breaks in its plain text (fails on the old code for Anki and GIFT)."""
    pack = load_pack(DATA / "clean_cells")
    question = next(q for q in generate(pack, 0) if q.id.startswith("table-match:"))
    rows = question.quote.splitlines()
    assert len(rows) >= 3
    hostile = replace(question, id="table:hostile", quote=question.quote + "\n<b>not bold</b> [sound:x.mp3]")

    col = _import(tmp_path / "c.anki2", export_questions(pack, [question, hostile], "anki", tmp_path / "t.apkg"))
    try:
        notes = {html.unescape(col.get_note(nid)["QuestionId"]): col.get_note(nid) for nid in col.find_notes("")}
        source = notes[question.id]["Source"]
        assert "\n" not in source
        lines = [html.unescape(line) for line in source.split("<br>")]
        assert lines[:len(rows) - 1] == ["“" + rows[0], *rows[1:-1]] and lines[len(rows) - 1].startswith(rows[-1])
        shown = col.get_card(notes[question.id].card_ids()[0]).answer()
        assert all(f"{html.escape(row, quote=False)}<br>" in shown for row in rows[1:-1])
        hostile_source = notes[hostile.id]["Source"]  # pack text is escaped: the only markup is the <br>
        assert "<b>" not in hostile_source and "&lt;b&gt;not bold&lt;/b&gt;" in hostile_source
        assert "[sound:" not in hostile_source
    finally:
        col.close()

    (read,) = read_gift(export_questions(pack, [question], "gift", tmp_path / "t.gift").read_text(encoding="utf-8"))
    assert "\n".join(rows[1:]) in read.general_feedback.text
    assert rows[0] in read.general_feedback.text.splitlines()[-len(rows)]

    root = ET.parse(export_questions(pack, [question], "moodle-xml", tmp_path / "t.xml")).getroot()
    feedback = root.find("question[@type='matching']/generalfeedback")
    assert feedback.get("format") == "plain_text"
    assert "\n".join(rows[1:]) in feedback.findtext("text")


# -- nothing left out ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("folder", ["clean_cells", "japanese_pack", "second_pack", None], ids=str)
def test_every_question_reaches_anki_moodle_xml_and_gift_by_its_id(folder, tmp_path):
    """A tester counted 83 of 85 questions in these files (the "Which of these statements does the article make?"
    items). Every question, those included, is in every file once, under its own id; the app's reader of each
    format then leaves out only what fails its own pack checks, and says so."""
    pack = load_pack(BUNDLED if folder is None else DATA / folder)
    questions = generate(pack, 0)
    wanted = Counter(q.id for q in questions)
    assert any(q.id.startswith("fact-choice:") for q in questions) or folder in ("second_pack",)

    apkg = export_questions(pack, questions, "anki", tmp_path / "q.apkg")
    col = _import(tmp_path / "c.anki2", apkg)
    try:
        in_anki = Counter(html.unescape(col.get_note(nid)["QuestionId"]) for nid in col.find_notes(""))
    finally:
        col.close()
    root = ET.parse(export_questions(pack, questions, "moodle-xml", tmp_path / "q.xml")).getroot()
    in_xml = Counter(e.findtext("name/text") for e in root.iter("question") if e.get("type") != "category")
    gift = read_gift(export_questions(pack, questions, "gift", tmp_path / "q.gift").read_text(encoding="utf-8"))
    in_gift = Counter(q.name for q in gift)
    assert in_anki == in_xml == in_gift == wanted, len(wanted)
