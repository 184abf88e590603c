"""Edit in place: a figure, term or question changed in pack.toml with its comments kept, checked field by field,
re-imported all or nothing, progress kept (ids are stable)."""

from __future__ import annotations

import difflib
import shutil
import tomllib
from pathlib import Path

import pytest

from app.workspace import Workspace
from content import record_edit
from content.problems import PackError
from quiz.browse import record_to_edit
from tests_support import right_answer

BUNDLED = Path(__file__).resolve().parents[2] / "content" / "sanaenomics"
COPY = "japan-copy"
FIGURE = "nikkei-2040-goal"
CHOICE = f"figure-amount:{FIGURE}"
#: The typed amount: asked whatever the edit does to the other amounts (set to $2 trillion, the goal has no amount
#: choice: the only other amount within quiz.generate.PLAUSIBLE_RATIO of it is $140 billion).
NUMBER = f"figure-number:{FIGURE}"


@pytest.fixture
def ws(data_dir, tmp_path):
    """A workspace with a copy of the bundled pack imported into the library under its own id."""
    folder = tmp_path / "copy"
    shutil.copytree(BUNDLED, folder)
    toml = folder / "pack.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('id = "sanaenomics"', f'id = "{COPY}"', 1),
                    encoding="utf-8")
    with Workspace(data_dir) as workspace:
        workspace.import_pack(folder)
        yield workspace


def _library_toml(ws) -> Path:
    return ws.library.folder / COPY / "pack.toml"


def test_edited_changes_only_the_lines_of_the_changed_fields():
    text = (BUNDLED / "pack.toml").read_text(encoding="utf-8")
    new = record_edit.edited(text, "figures", FIGURE, {"amount": 2, "label": "Investment goal by 2040",
                                                        "year": 2040, "bound": None})
    removed = [line[1:] for line in difflib.ndiff(text.splitlines(), new.splitlines()) if line.startswith("- ")]
    added = [line[1:] for line in difflib.ndiff(text.splitlines(), new.splitlines()) if line.startswith("+ ")]
    assert removed == [' label = "Public-private investment goal by 2040"', " amount = 2.3", ' bound = "about"']
    assert added == [' label = "Investment goal by 2040"', " amount = 2"]  # year was 2040 already: untouched
    assert "# -- Figures (as the article states them: all four are approximations) ----------" in new


def test_a_trailing_comment_on_a_changed_line_stays():
    text = '[[figures]]\nid = "a"\namount = 1  # as the article rounds it\n\n# next\n[[figures]]\nid = "b"\n'
    assert record_edit.edited(text, "figures", "a", {"amount": 2}) == text.replace("amount = 1 ", "amount = 2 ")


def test_check_files_each_problem_under_its_field():
    text = (BUNDLED / "pack.toml").read_text(encoding="utf-8")
    source = (BUNDLED / "source.txt").read_text(encoding="utf-8")
    raw = tomllib.loads(text)
    assert record_edit.check(raw, text, "pack.toml", source, "figures", FIGURE, {"amount": 2}) == {}
    changes = {"amount": 7.7, "quote": "Nothing like the article says."}
    problems = record_edit.check(raw, text, "pack.toml", source, "figures", FIGURE, changes)
    assert set(problems) == {"amount", "quote"}
    assert any("7.7" in message for message in problems["amount"])
    assert any("source" in message for message in problems["quote"])
    # what is checked is what saving writes: the edited file parses to the same tables
    assert tomllib.loads(record_edit.edited(text, "figures", FIGURE, changes)) == \
        record_edit.applied(raw, "figures", FIGURE, changes)
    assert raw == tomllib.loads(text)  # the cached tables are not changed by a check


def test_parse_value_reads_what_the_form_holds():
    fields = {f.name: f for f in record_edit.fields_of("figures")}
    assert record_edit.parse_value(fields["amount"], " 2,300 ") == 2300
    assert record_edit.parse_value(fields["amount"], "2.5") == 2.5
    assert record_edit.parse_value(fields["year"], "") is None
    with pytest.raises(record_edit.EditError, match="whole number"):
        record_edit.parse_value(fields["year"], "soon")
    with pytest.raises(record_edit.EditError, match="number"):
        record_edit.parse_value(fields["amount"], "two")
    accept = next(f for f in record_edit.fields_of("terms") if f.name == "accept")
    assert record_edit.parse_value(accept, "METI\n\n  Ministry  \n") == ["METI", "Ministry"]


def test_an_edit_changes_the_figure_and_keeps_progress_and_comments(ws):
    # (1, not 2: the source's title, "Japan's Massive $2 Trillion…", would answer a figure of 2)
    session = ws.start_quiz(COPY, "custom", question_ids=[NUMBER])
    assert session.submit(right_answer(session.current), 1000).correct
    assert ws.edit_refusal(COPY) is None
    assert ws.record_values(COPY, "figures", FIGURE)["amount"] == 2.3
    assert ws.check_record_edit(COPY, "figures", FIGURE, {"amount": 1}) == {}

    pack = ws.save_record_edit(COPY, "figures", FIGURE, {"amount": 1, "label": "Investment goal by 2040"})

    figure = next(f for f in ws.pack(COPY).figures if f.id == FIGURE)
    assert (figure.amount, figure.label) == (1, "Investment goal by 2040") and pack.digest == ws.pack(COPY).digest
    assert next(q.answer for q in ws.questions(COPY) if q.id == NUMBER) == "1"
    row = next(r for r in ws.question_rows(COPY) if r.id == NUMBER)
    assert (row.attempts, row.correct) == (1, 1)  # the answer given before the edit is still counted
    text = _library_toml(ws).read_text(encoding="utf-8")
    assert "# -- Figures (as the article states them: all four are approximations) ----------" in text
    assert 'label = "Investment goal by 2040"\namount = 1\n' in text
    assert not list(ws.root.glob(".edit-*"))  # the staging copy is gone


def test_a_bad_edit_is_refused_whole_and_changes_nothing(ws):
    before = _library_toml(ws).read_bytes()
    with pytest.raises(PackError) as refused:
        ws.save_record_edit(COPY, "figures", FIGURE, {"amount": 7.7})
    assert "7.7" in str(refused.value)
    assert _library_toml(ws).read_bytes() == before
    assert next(f for f in ws.pack(COPY).figures if f.id == FIGURE).amount == 2.3


def test_an_authored_question_is_edited_in_place(ws):
    question = next(q for q in ws.questions(COPY) if q.authored)
    record_id = question.id.removeprefix("authored:")
    assert record_to_edit(ws.pack(COPY), question) == ("questions", record_id)
    ws.save_record_edit(COPY, "questions", record_id, {"explanation": "A clearer explanation of the key."})
    assert next(q for q in ws.questions(COPY) if q.id == question.id).explanation == \
        "A clearer explanation of the key."


def test_a_generated_question_opens_the_record_it_is_made_from(ws):
    question = next(q for q in ws.questions(COPY) if q.id == CHOICE)
    assert record_to_edit(ws.pack(COPY), question) == ("figures", FIGURE)


def test_the_bundled_pack_is_not_edited_in_place(ws):
    assert "ships with the app" in ws.edit_refusal("sanaenomics")
    with pytest.raises(PackError, match="ships with the app"):
        ws.save_record_edit("sanaenomics", "figures", FIGURE, {"amount": 2})
    assert "2.3" in (BUNDLED / "pack.toml").read_text(encoding="utf-8")
