"""Reading other tools' question banks (quiz/interchange/readers/): what comes in, what does not and why,
hostile files, and the round trip of the app's own exports."""

from __future__ import annotations

import os
import sqlite3
import zipfile
from pathlib import Path

import genanki
import pytest

from content.loader import load_pack
from quiz.answer_unit import unit_of_phrase, unit_phrase
from quiz.generate import generate
from quiz.interchange import export_questions, keys
from quiz.interchange.readers import MAX_QUESTIONS, QuestionImportError, read_questions
from quiz.interchange.readers import anki as anki_reader
from quiz.numbers import read_amount
from quiz.questions import Kind, QuizQuestion
from tests_support import BUNDLED, DATA

BANKS = DATA / "interchange"


def by_name(result):
    return {q.name: q.record for q in result.questions}, {s.name: s.reason for s in result.skipped}


def test_gift_bank_reads_as_moodle_imports_it():
    read, skipped = by_name(read_questions(BANKS / "bank.gift"))
    assert read["Trees"] == {"kind": "numeric", "prompt": "How many trees will the town plant by 2030?",
                             "answer": "300", "tolerance": 0.1, "explanation": "The plan says 300 trees."}
    outlet = read["Outlet"]
    assert [(o["text"], o.get("correct", False)) for o in outlet["options"]] == [
        ("Widgets Weekly", True), ("Gadget Gazette", False), ("%100%Weird {weighted} = text", False)]
    assert outlet["options"][1]["feedback"] == "No, that outlet covered the budget."
    assert outlet["explanation"] == "See the first paragraph."  # [html] markup and its script are gone
    assert read["Planted"]["answer"] == "false"
    assert read["Year"] == {"kind": "text", "prompt": "The town plans the trees for _____ : by the end of the decade.",
                            "answer": "2030", "accept": ["the year 2030"]}
    assert [o.get("correct", False) for o in read["Select"]["options"]] == [True, True, False]
    assert read["Select"]["kind"] == "multi"
    assert read["Match"]["kind"] == "classify" and read["Match"]["categories"] == ["Parks", "Squares", "Car parks"]
    assert read["Script"]["prompt"] == "Which & what?"
    assert read["Star"]["answer"] == "*"  # \* is Moodle's literal asterisk
    assert skipped["Why"] == "an essay question: essays have no key the app can grade"
    assert "description" in skipped["Intro"]


def test_gift_categories_and_tags_are_topic_hints():
    result = read_questions(BANKS / "bank.gift")
    trees = next(q for q in result.questions if q.name == "Trees")
    assert trees.topics[0] == "The plan"  # from // [tag:The plan]
    assert all(q.topics[-1] == "The plan" for q in result.questions)  # $CATEGORY's last name ("//" is a "/")


def test_moodle_xml_bank_reads_every_type_it_can_and_says_why_not_for_the_others():
    result = read_questions(BANKS / "bank.xml")
    read, skipped = by_name(result)
    assert read["Outlet"]["prompt"] == "Which outlet reported the plan?"  # html: markup and script gone
    assert read["Outlet"]["options"][1]["feedback"] == "That outlet covered the budget."
    assert read["Select"]["prompt"] == "Which of these are in the plan? <b> stays text"  # plain_text is literal
    assert read["Planted"] == {"kind": "truefalse", "prompt": "The town has already planted every tree.",
                               "answer": "false"}
    assert read["Year"]["answer"] == "2030" and read["Year"]["accept"] == ["the year 2030"]
    year = next(q for q in result.questions if q.name == "Year")
    assert any("partial credit" in n for n in year.notes) and any("wildcard" in n for n in year.notes)
    assert read["Trees"] == {"kind": "numeric", "prompt": "How many trees will the town plant?", "answer": "300",
                             "tolerance": 0.1, "unit": "trees"}
    assert read["Match"]["kind"] == "matching"
    assert skipped == {"Why": "an essay question: essays have no key the app can grade",
                       "Cost": "a calculated question: not supported (its numbers change with each attempt)",
                       "Drag": "a Moodle 'ddwtos' question: not supported"}
    assert {q.topics[-1] for q in result.questions} == {"The plan"}


def test_plain_csv_bank_reads_question_answer_and_wrong_answers():
    read, skipped = by_name(read_questions(BANKS / "bank.csv"))
    assert read["Which outlet reported the plan?"]["kind"] == "choice"
    assert [o["text"] for o in read["Which outlet reported the plan?"]["options"]] == [
        "Widgets Weekly", "Gadget Gazette", "Daily Planet"]
    assert read["How many trees will the town plant by 2030?"]["kind"] == "numeric"
    assert read["The town has already planted every tree."]["kind"] == "truefalse"
    assert read["What does the town plant?"] == {"kind": "text", "prompt": "What does the town plant?",
                                                 "answer": "Trees"}
    assert skipped == {"Which one has no answer?": "it has no answer (the second column)"}


def _anki_package(path: Path, notes: list[tuple[object, list[str]]]) -> Path:
    deck = genanki.Deck(1234, "Trainer deck")
    for model, fields in notes:
        deck.add_note(genanki.Note(model=model, fields=fields, tags=["the_plan"]))
    genanki.Package(deck).write_to_file(str(path))
    return path


def test_anki_package_gives_basic_and_cloze_notes_and_says_why_not_for_image_occlusion(tmp_path):
    occlusion = genanki.Model(99, "Image Occlusion", fields=[{"name": "Occlusion"}, {"name": "Image"}],
                              templates=[{"name": "C", "qfmt": "{{Image}}", "afmt": "{{Image}}"}])
    apkg = _anki_package(tmp_path / "deck.apkg", [
        (genanki.BASIC_MODEL, ["What does the <b>town</b> plant?", "Trees"]),
        (genanki.BASIC_MODEL, ["Describe the plan.", "<p>A long answer.</p><p>In two paragraphs.</p>"]),
        (genanki.BASIC_MODEL, ['<img src="map.png">', "Riverton"]),
        (genanki.CLOZE_MODEL, ["The town plants {{c1::300}} trees by {{c2::2030::year}}.", "From the plan."]),
        (occlusion, ["{{c1::image-occlusion:rect}}", '<img src="x.png">']),
    ])
    result = read_questions(apkg)
    records = [q.record for q in result.questions]
    assert {"kind": "text", "prompt": "What does the town plant?", "answer": "Trees"} in records
    cloze = [r for r in records if "_____" in r["prompt"]]
    assert [(r["prompt"], r["answer"]) for r in cloze] == [
        ("The town plants _____ trees by 2030.", "300"), ("The town plants 300 trees by _____.", "2030")]
    assert all(r["explanation"] == "From the plan." for r in cloze)
    reasons = sorted(s.reason for s in result.skipped)
    assert reasons == ["Anki note type 'Image Occlusion': no text answer", "the back is a paragraph to read, not "
                       "an answer one can type", "the question is a picture: no text question"]
    assert all(q.topics == ("the plan",) for q in result.questions)


# -- hostile files ------------------------------------------------------------------------------------------
def test_html_and_script_in_any_text_arrive_as_plain_words(tmp_path):
    bank = tmp_path / "x.gift"
    bank.write_text(r"::H::[html]<style>b \{ color\: red \}</style><p onclick\='x()'>Hello<br>world</p>"
                    r"<iframe src\=x>hidden</iframe>{=<a href\='javascript\:x'>Yes</a>"
                    r"#<img src\=x onerror\=alert(1)>fine"
                    " ~No}\n", encoding="utf-8")
    record = read_questions(bank).questions[0].record
    assert record["prompt"] == "Hello\nworld"
    assert record["options"][0] == {"text": "Yes", "correct": True, "feedback": "fine"}


def test_invisible_and_control_characters_are_refused_with_the_reason(tmp_path):
    bank = tmp_path / "x.gift"
    bank.write_text("::A::Sanae\u200bnomics?{=Yes ~No}\n\n::B::Fine?{=Yes ~No\u202e}\n", encoding="utf-8")
    result = read_questions(bank)
    assert [s.name for s in result.skipped] == ["A", "B"]
    assert "U+200B" in result.skipped[0].reason and "question text" in result.skipped[0].reason
    assert "U+202E" in result.skipped[1].reason and "option text" in result.skipped[1].reason


def test_text_over_the_pack_limit_is_refused_and_the_rest_come_in(tmp_path):
    bank = tmp_path / "x.csv"
    bank.write_text(f"Question,Answer\n{'x' * 20_001},y\nShort?,yes\n", encoding="utf-8")
    result = read_questions(bank)
    assert [q.record["prompt"] for q in result.questions] == ["Short?"]
    assert "20,001 characters" in result.skipped[0].reason


def test_files_over_the_size_limit_and_things_that_are_not_files_are_refused(tmp_path, monkeypatch):
    from quiz.interchange import readers

    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 1000)
    big = tmp_path / "big.gift"
    big.write_text("::Q::x?{=a ~b}\n\n" * 200, encoding="utf-8")
    with pytest.raises(QuestionImportError, match="the limit is 1,000 bytes"):
        read_questions(big)
    fifo = tmp_path / "fifo.gift"
    os.mkfifo(fifo)
    with pytest.raises(QuestionImportError, match="FIFO"):
        read_questions(fifo)  # refused at once, never blocks
    (tmp_path / "target.gift").write_text("::Q::x?{=a ~b}\n", encoding="utf-8")
    (tmp_path / "link.gift").symlink_to(tmp_path / "target.gift")
    with pytest.raises(QuestionImportError, match="symbolic link"):
        read_questions(tmp_path / "link.gift")
    with pytest.raises(QuestionImportError, match="reads questions from GIFT"):
        read_questions(tmp_path / "notes.docx")
    (tmp_path / "latin1.csv").write_bytes("Qui a écrit?,Zola\n".encode("latin-1"))
    with pytest.raises(QuestionImportError, match="not UTF-8"):
        read_questions(tmp_path / "latin1.csv")


def test_a_file_with_more_questions_than_the_limit_stops_there_and_says_so(tmp_path, monkeypatch):
    from quiz.interchange import readers
    from quiz.interchange.readers import gift

    monkeypatch.setattr(readers, "MAX_QUESTIONS", 5)
    monkeypatch.setattr(gift, "MAX_QUESTIONS", 5)
    bank = tmp_path / "many.gift"
    bank.write_text("".join(f"::Q{n}::Question {n}?{{=a ~b}}\n\n" for n in range(50)), encoding="utf-8")
    result = read_questions(bank)
    assert len(result.questions) == 5
    assert result.skipped[-1].reason == "the file holds more than 5 questions; the rest were not read"
    assert MAX_QUESTIONS == 10_000


def test_xml_with_entities_is_refused_before_parsing(tmp_path):
    bomb = tmp_path / "bomb.xml"
    bomb.write_text('<?xml version="1.0"?><!DOCTYPE quiz [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
                    "<quiz><question type='shortanswer'><questiontext><text>&b;</text></questiontext></question>"
                    "</quiz>",
                    encoding="utf-8")
    with pytest.raises(QuestionImportError, match="document type or entities"):
        read_questions(bomb)
    (tmp_path / "broken.xml").write_text("<quiz><question>", encoding="utf-8")
    with pytest.raises(QuestionImportError, match="not a readable XML file"):
        read_questions(tmp_path / "broken.xml")


def test_anki_zip_bomb_stops_at_the_limit_and_traversal_names_lead_nowhere(tmp_path, monkeypatch):
    monkeypatch.setattr(anki_reader, "MAX_COLLECTION_BYTES", 1 << 20)
    bomb = tmp_path / "bomb.apkg"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("collection.anki2", b"\0" * (8 << 20))  # 8 MiB of zeros packs to a few KiB
        archive.writestr("../../escaped.txt", b"x")
        archive.writestr("/tmp/absolute.txt", b"x")
    assert bomb.stat().st_size < 100_000
    with pytest.raises(QuestionImportError, match="1,048,576 bytes"):
        read_questions(bomb)
    assert not (tmp_path.parent / "escaped.txt").exists() and not Path("/tmp/absolute.txt").exists()


def test_anki_package_that_is_no_zip_or_holds_no_collection_is_refused(tmp_path):
    (tmp_path / "a.apkg").write_bytes(b"not a zip")
    with pytest.raises(QuestionImportError, match="not an Anki package"):
        read_questions(tmp_path / "a.apkg")
    with zipfile.ZipFile(tmp_path / "b.apkg", "w") as archive:
        archive.writestr("media", "{}")
    with pytest.raises(QuestionImportError, match="holds no Anki collection"):
        read_questions(tmp_path / "b.apkg")
    with zipfile.ZipFile(tmp_path / "c.apkg", "w") as archive:
        archive.writestr("collection.anki2", b"SQLite format 3\0 but not really")
        archive.writestr("collection.anki21b", b"zstd")
    with pytest.raises(QuestionImportError, match="Support older Anki versions"):
        read_questions(tmp_path / "c.apkg")


def test_anki_collection_whose_notes_are_a_view_is_refused_without_running_it(tmp_path):
    db = tmp_path / "collection.anki2"
    conn = sqlite3.connect(db)
    conn.execute("CREATE VIEW notes AS WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) "
                 "SELECT x AS id, '' AS guid, 0 AS mid, '' AS tags, '' AS flds FROM r")
    conn.commit()
    conn.close()
    with zipfile.ZipFile(tmp_path / "v.apkg", "w") as archive:
        archive.write(db, "collection.anki2")
    with pytest.raises(QuestionImportError, match="no notes table"):
        read_questions(tmp_path / "v.apkg")


# -- round trip ---------------------------------------------------------------------------------------------
#: What each format cannot hold, as docs/pack-format.md ("Importing") lists it.
SCENARIO_JOIN = {"gift": "\n", "moodle-xml": "\n\n"}  # a scenario comes back as choice, the case before the prompt
NO_UNIT: set[str] = set()  # GIFT has no unit: a last line gives it, or the prompt's closing "Answer in …"
FLAT = {"gift"}  # line breaks inside pack text become spaces in GIFT


def _text(value: str, fmt: str) -> str:
    return " ".join(value.split()) if fmt in FLAT else value


def expected(q: QuizQuestion, fmt: str) -> tuple:
    kind, prompt = str(q.kind), _text(q.prompt, fmt)
    if q.kind == Kind.SCENARIO and fmt in SCENARIO_JOIN:
        kind, prompt = "choice", _text(q.scenario, fmt) + SCENARIO_JOIN[fmt] + prompt
    key: object
    options: object = frozenset(_text(c, fmt) for c in q.choices)
    if q.kind in (Kind.CHOICE, Kind.SCENARIO, Kind.TRUEFALSE):
        key = _text(q.answer, fmt)
    elif q.kind == Kind.MULTI:
        key = frozenset(_text(a, fmt) for a in q.answers)
    elif q.kind == Kind.ORDER:
        key = tuple(_text(a, fmt) for a in q.answers)
    elif q.kind in (Kind.MATCHING, Kind.CLASSIFY):
        key = frozenset((_text(left, fmt), _text(right, fmt)) for left, right in q.pairs)
        options = frozenset(_text(o, fmt) for o in keys.options(q)) if q.kind == Kind.CLASSIFY else frozenset()
    elif q.kind == Kind.NUMERIC:
        key = (float(q.answer), round(q.tolerance, 4), "" if fmt in NO_UNIT else q.unit)
        options = frozenset()
    else:
        key = (_text(q.answer, fmt), frozenset(_text(a, fmt) for a in q.accepted) - {_text(q.answer, fmt)})
        options = frozenset()
    return kind, prompt, key, options, _text(q.explanation, fmt)


def found(record: dict) -> tuple:
    kind, prompt = record["kind"], record["prompt"]
    texts = [o["text"] for o in record.get("options", [])]
    right = [o["text"] for o in record.get("options", []) if o.get("correct")]
    options: object = frozenset(texts)
    if kind in ("choice", "scenario"):
        key: object = right[0]
    elif kind == "truefalse":
        key = record["answer"]
    elif kind == "multi":
        key = frozenset(right)
    elif kind == "order":
        key, options = tuple(record["sequence"]), frozenset(record["sequence"])
    elif kind == "classify":
        key = frozenset((s["text"], s["category"]) for s in record["statements"])
        options = frozenset(record["categories"])
    elif kind == "matching":
        key, options = frozenset((p["left"], p["right"]) for p in record["pairs"]), frozenset()
    elif kind == "numeric":
        key, options = (float(record["answer"]), round(record.get("tolerance", 0.0), 4), record.get("unit", "")), \
            frozenset()
    else:
        key, options = (record["answer"], frozenset(record.get("accept", []))), frozenset()
    return kind, prompt, key, options, record.get("explanation", "")


@pytest.mark.parametrize("fmt", ["gift", "moodle-xml", "csv", "anki"])
def test_every_question_of_the_bundled_pack_comes_back_from_its_own_export(bundled_pack, tmp_path, fmt):
    questions = generate(bundled_pack, 0)
    assert {q.kind for q in questions} == set(Kind)  # authored and generated, every kind
    path = export_questions(bundled_pack, questions, fmt, tmp_path / f"quiz.{fmt}")
    result = read_questions(path.rename(path.with_suffix({"gift": ".gift", "moodle-xml": ".xml", "csv": ".csv",
                                                          "anki": ".apkg"}[fmt])))
    assert result.skipped == []
    assert len(result.questions) == len(questions)
    in_file = {item.name: item for item in result.questions}  # Moodle's formats list them by category
    if fmt in ("gift", "moodle-xml"):
        assert sorted(in_file) == sorted(q.id for q in questions)
    for q, item in zip(questions, result.questions, strict=True):
        item = in_file[q.id] if fmt in ("gift", "moodle-xml") else item
        assert found(item.record) == expected(q, fmt), q.id
        assert item.citations[0] == q.citations[0].quote  # the quotes come back, to be cited where the pack has them
        if q.kind == Kind.SCENARIO and fmt not in SCENARIO_JOIN:
            assert item.record["scenario"] == q.scenario
        for option in item.record.get("options", []):  # each option's feedback too
            assert option.get("feedback", "") == _text(q.feedback_for(option["text"]), fmt), q.id


def test_gift_takes_a_numeric_questions_unit_from_its_prompt_when_no_line_gives_it(tmp_path):
    """The GIFT export writes no "Answer in …" line under a prompt that says its unit (a generated one does): the
    unit comes back from the prompt's closing sentence, as the pack writes it, so a typed "3.2 trillion" is still
    read in trillions. The prompt stays whole: it is what the learner reads, and what tells the same question."""
    bank = tmp_path / "units.gift"
    bank.write_text(
        "::Spelled::How much by 2040? Answer in trillions of US dollars. {#3.2}\n\n"
        "::Line::How much by 2040?\\nAnswer in million GBP. {#3.2}\n\n"
        # the app's export before: the prompt's own sentence, then the line
        "::Both::How much by 2040? Answer in trillions of US dollars.\\nAnswer in trillion USD. {#3.2}\n\n"
        "::Japanese::一般会計の総額はどれだけですか。兆円単位で答えてください。 {#122.3}\n\n"
        "::Other unit::How long are the lanes? Answer in kilometres. {#12}\n\n"
        "::No unit::How many trees will the town plant? {#300}\n\n"
        "::Not a unit::How many? Answer in " + "many words " * 40 + "please. {#3}\n", encoding="utf-8")
    read, skipped = by_name(read_questions(bank))
    assert skipped == {}
    said = {name: (record["prompt"], record.get("unit", "")) for name, record in read.items()}
    assert said == {
        "Spelled": ("How much by 2040? Answer in trillions of US dollars.", "trillion USD"),
        "Line": ("How much by 2040?", "million GBP"),
        "Both": ("How much by 2040? Answer in trillions of US dollars.", "trillion USD"),
        "Japanese": ("一般会計の総額はどれだけですか。兆円単位で答えてください。", "兆円"),
        "Other unit": ("How long are the lanes? Answer in kilometres.", "kilometres"),
        "No unit": ("How many trees will the town plant?", ""),
        "Not a unit": (f"How many? Answer in {'many words ' * 40}please.", ""),  # 300+ characters: no unit
    }
    assert read_amount("3.2 trillion", said["Spelled"][1]).value == 3.2  # "trillions of US dollars": 3.2e12


def test_a_spelled_out_unit_reads_back_as_the_pack_writes_it():
    units = {f.unit for path in (BUNDLED, *DATA.iterdir()) if (path / "pack.toml").is_file()
             for f in load_pack(path).figures}
    assert {"trillion USD", "billion EUR", "兆円", "GWh"} <= units
    for unit in units:
        assert unit_of_phrase(unit_phrase(unit)) == unit


def test_a_japanese_packs_gift_export_says_its_unit_once_in_japanese_and_keeps_it(tmp_path):
    """The export added an English line ("Answer in 兆円.") under "…兆円単位で答えてください。"."""
    pack = load_pack(DATA / "japanese_pack")
    questions = [q for q in generate(pack, 0) if q.kind == Kind.NUMERIC]
    assert questions and all(q.unit for q in questions)
    path = export_questions(pack, questions, "gift", tmp_path / "ja.gift")
    assert "Answer in" not in path.read_text(encoding="utf-8")
    result = read_questions(path)
    assert [(item.record["prompt"], item.record["unit"]) for item in result.questions] == [
        (q.prompt, q.unit) for q in questions]
