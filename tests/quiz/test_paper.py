"""The quiz on paper: the sheet a trainer prints and the key they mark it with, checked against the engine."""

from __future__ import annotations

import re
from datetime import date

import pytest
from pypdf import PdfReader

from app.workspace import Workspace
from quiz.paper import select, spec_for
from quiz.questions import Kind

PRINTED = date(2026, 11, 25)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def pages(path) -> list[str]:
    return [squash(p.extract_text()) for p in PdfReader(str(path)).pages]


@pytest.fixture
def ws(data_dir):
    with Workspace(data_dir) as workspace:
        yield workspace


def test_sheet_and_key_carry_one_code_and_the_key_holds_the_engines_answers_for_it(ws, tmp_path):
    files = ws.export_paper_quiz(tmp_path / "sheet.pdf", count=24, printed=PRINTED)
    assert files.key == tmp_path / "sheet-key.pdf" and files.questions == 24
    sheet, key = pages(files.sheet), pages(files.key)
    for text in sheet + key:  # the code on every page, so loose pages still match
        assert files.code in text
    # The app's Exam with that code asks the very same questions, in the same order.
    session = ws.start_quiz(None, "exam", exam_code=files.code)
    asked = [session.by_id[qid] for qid in session.state.question_ids]
    assert len(asked) == 24
    sheet_text, key_text = " ".join(sheet), " ".join(key)
    position = 0
    for number, question in enumerate(asked, 1):
        found = sheet_text.find(f"{number}. ", position)
        assert found >= 0 and squash(question.prompt)[:60] in sheet_text[found:], (number, question.prompt)
        position = found
        if question.kind in (Kind.CHOICE, Kind.SCENARIO):
            letter = "ABCDEFGHIJ"[question.choices.index(question.answer)]
            assert f"{letter}. {squash(question.answer)}" in key_text
        elif question.kind == Kind.TRUEFALSE:
            assert ("A. True" if question.answer == "true" else "B. False") in key_text
        elif question.kind == Kind.MULTI:
            for answer in question.answers:
                assert f"{'ABCDEFGHIJ'[question.choices.index(answer)]}. {squash(answer)}" in key_text
        elif question.kind in (Kind.NUMERIC, Kind.TEXT):
            assert f"{question.answer} {question.unit}".strip() in key_text
        elif question.kind == Kind.ORDER:
            for n, item in enumerate(question.answers, 1):
                assert f"{('1st', '2nd', '3rd')[n - 1] if n < 4 else f'{n}th'}: {squash(item)}" in key_text
        else:  # matching and classify: every pair as the engine grades it
            for left, right in question.pairs:
                assert squash(left) in key_text and squash(right) in key_text
        for citation in question.citations[:1]:
            assert squash(citation.quote)[:80] in key_text, "the key quotes the article"


def test_the_same_code_prints_the_same_sheet_and_topics_and_kinds_narrow_it(ws, tmp_path):
    first = ws.export_paper_quiz(tmp_path / "a.pdf", count=10, printed=PRINTED)
    again = ws.export_paper_quiz(tmp_path / "b.pdf", code=first.code, printed=PRINTED)
    assert again.code == first.code
    assert pages(first.sheet) == pages(again.sheet)
    narrow = select(ws.pack(), spec_for(first.code), topics=["investment"], kinds=["numeric", "choice"])
    assert narrow.questions and {q.topic for q in narrow.questions} == {"investment"}
    assert {q.kind for q in narrow.questions} <= {"numeric", "choice"}
    files = ws.export_paper_quiz(tmp_path / "n.pdf", code=first.code, topics=["investment"],
                                 kinds=["numeric", "choice"], printed=PRINTED)
    text = " ".join(pages(files.sheet))
    assert "Chosen topics: Investment targets; kinds: numeric, choice." in text
    assert "the app's Exam with this code asks from every topic and kind" in text, "a narrowed sheet says so"


@pytest.mark.parametrize(("kind", "on_sheet", "in_key"), [
    ("order", "Number the items from 1 to", "Boxes from top to bottom:"),
    ("matching", "Write the letter of the matching answer in the box beside each item.", " → "),
    ("classify", "Tick one category for each statement.", " → "),
    ("multi", "Tick every option that applies.", None),
    ("numeric", "Write the number.", "billion USD"),
    ("text", "Write your answer.", ""),
])
def test_every_kind_gets_room_to_answer_with_a_pen(ws, tmp_path, kind, on_sheet, in_key: str | None):
    files = ws.export_paper_quiz(tmp_path / "kind.pdf", count=6, kinds=[kind], printed=PRINTED)
    quiz = select(ws.pack(), spec_for(files.code), kinds=[kind])
    assert quiz.questions and {str(q.kind) for q in quiz.questions} == {kind}
    assert on_sheet in " ".join(pages(files.sheet))
    key = " ".join(pages(files.key))
    if in_key is not None:
        assert in_key in key
    else:  # each ticked option by its letter on the sheet (a code may key no "A." at all: 2% of codes did)
        for q in quiz.questions:
            for letter, option in zip("ABCDEFGH", q.choices, strict=False):
                assert (f"{letter}. {option}" in key) == (option in q.answers), (files.code, q.id, option)


def test_a_mistyped_code_or_an_empty_choice_is_refused_with_a_sentence(ws, tmp_path):
    from app.errors import ExamCodeError

    with pytest.raises(ExamCodeError, match="6 characters"):
        ws.export_paper_quiz(tmp_path / "x.pdf", code="HELLO")
    with pytest.raises(ValueError, match="No topic"):
        ws.export_paper_quiz(tmp_path / "x.pdf", topics=["no-such-topic"])
    with pytest.raises(ValueError, match="1 to 63"):
        ws.export_paper_quiz(tmp_path / "x.pdf", count=99)
    assert not (tmp_path / "x.pdf").exists()


def _printed_words(document) -> list[str]:
    """Every text of a sheet or key the app writes around the pack's own (prompts, options, quotes)."""
    from content.handout.model import KeyItem, Paragraph, QuestionItem

    words = [document.title.removesuffix(document.title.split(": ", 1)[-1]), document.subtitle]
    for block in document.blocks:
        if isinstance(block, Paragraph):
            words.append(block.text.replace(document.code, ""))
        elif isinstance(block, QuestionItem):
            words.append(block.instruction)
        elif isinstance(block, KeyItem):
            words += [line for line in block.answer if "→" not in line]  # a matching line names the pack's items
            words.append(block.explanation)  # generated in the pack's language, with 正しくは：… after it
    return words


def test_a_japanese_pack_prints_its_sheet_and_key_in_japanese():
    """The sheet's instructions, true/false boxes and the key's words follow the pack's language (quiz.phrases);
    before, a Japanese pack's sheet said "Tick one box." and its key "A. True"."""
    from content.handout.model import Choices
    from content.loader import load_pack
    from quiz.exam_code import ExamSpec
    from quiz.paper import key, sheet
    from tests_support import DATA

    pack = load_pack(DATA / "japanese_pack")
    kinds = ["truefalse", "choice", "numeric", "text", "order", "matching", "classify", "multi", "scenario"]
    # every kind the pack has (code 8: code 7 now holds no true/false item, each would give another away)
    quiz = select(pack, ExamSpec(8, 40, 0), kinds=kinds)
    printed_sheet, printed_key = sheet(quiz, PRINTED), key(quiz, PRINTED)
    assert printed_sheet.title == f"クイズ: {pack.meta.title}" and printed_sheet.subtitle == "問題用紙"
    assert printed_key.title == f"解答: {pack.meta.title}"
    assert printed_sheet.blocks[0].text.startswith("氏名: ")
    assert printed_sheet.blocks[2].text.startswith("選択 — 形式: 正誤, 多肢選択, 数値")  # the narrowed choice, then why
    boxes = [b for b in printed_sheet.blocks if isinstance(getattr(b, "space", None), Choices)]
    true_false = [b for b in boxes if b.space.options == ("正しい", "誤り")]
    assert true_false and {b.instruction for b in true_false} == {"一つの□に印を付けてください。"}
    for text in _printed_words(printed_sheet) + _printed_words(printed_key):
        assert not re.search(r"[A-Za-z]{2,}", text), text
    lines = {line for b in printed_key.blocks for line in getattr(b, "answer", ())}
    assert lines & {"A. 正しい", "B. 誤り"}  # "A. True" / "B. False" before
