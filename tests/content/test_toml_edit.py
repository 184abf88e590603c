"""Editing pack.toml keeps the author's comments and layout (content/toml_edit.py)."""

from __future__ import annotations

import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from content.toml_edit import TomlEditError, array_ids, upsert_tables

PACK = '''# A pack written by hand: these comments must survive every edit.
[pack]
id = "town"   # the pack's id
title = "Town trees"

[[questions]]
id = "q-trees"   # asked first
kind = "text"
prompt = "What will the town plant?"

[[questions.options]]
text = "Trees"

# The glossary starts here.
[[terms]]
id = "plan"
term = "Plan"
'''


def test_appended_question_goes_after_the_last_question_and_every_comment_stays_where_it_was():
    out = upsert_tables(PACK, "questions", [{"id": "q-new", "kind": "choice", "prompt": "Which?",
                                              "options": [{"text": "A", "correct": True}, {"text": "B"}]}])
    assert out.startswith(PACK.split("# The glossary")[0])  # everything up to the glossary is byte for byte
    assert "# The glossary starts here.\n[[terms]]" in out  # still right above what it describes
    assert out.index("q-new") < out.index("# The glossary")
    data = tomllib.loads(out)
    assert [q["id"] for q in data["questions"]] == ["q-trees", "q-new"]
    assert data["questions"][1]["options"] == [{"text": "A", "correct": True}, {"text": "B"}]
    assert data["terms"] == [{"id": "plan", "term": "Plan"}]


def test_a_question_with_a_known_id_is_replaced_in_place():
    out = upsert_tables(PACK, "questions", [{"id": "q-trees", "kind": "text", "prompt": "Changed?", "answer": "yes"}])
    data = tomllib.loads(out)
    assert data["questions"] == [{"id": "q-trees", "kind": "text", "prompt": "Changed?", "answer": "yes"}]
    assert "# A pack written by hand" in out and "# the pack's id" in out
    assert "# The glossary starts here.\n[[terms]]" in out


def test_the_first_question_of_a_pack_starts_the_collection_at_the_end():
    text = '[pack]\nid = "x"  # keep\n\n[[topics]]\nid = "t"\n'
    out = upsert_tables(text, "questions", [{"id": "q1", "kind": "truefalse", "answer": "true"}])
    assert out.startswith(text)
    assert tomllib.loads(out)["questions"] == [{"id": "q1", "kind": "truefalse", "answer": "true"}]
    assert array_ids(out, "questions") == ["q1"]


@settings(max_examples=60, deadline=None)
@given(st.text(st.characters(exclude_categories=("Cs",)), max_size=80))
def test_any_text_reads_back_exactly(value):
    out = upsert_tables(PACK, "questions", [{"id": "q-any", "prompt": value, "accept": [value]}])
    added = tomllib.loads(out)["questions"][-1]
    expected = value.replace("\r\n", "\n") if "\n" in value and "\r" not in value else value
    assert added["prompt"] == expected
    assert added["accept"] == [value]


def test_not_an_array_of_tables_is_refused():
    with pytest.raises(TomlEditError):
        upsert_tables('questions = 3\n', "questions", [{"id": "x"}])
    with pytest.raises(TomlEditError):
        upsert_tables('[pack\n', "questions", [{"id": "x"}])
