"""The validator's error paths: every problem at once, with file, key and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from content.loader import load_pack
from content.problems import PackError


def _edit(pack_dir: Path, old: str, new: str, count: int = 1) -> None:
    path = pack_dir / "pack.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in pack"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _problems(pack_dir: Path) -> list[str]:
    with pytest.raises(PackError) as info:
        load_pack(pack_dir)
    return [str(p) for p in info.value.problems]


def _line_of(pack_dir: Path, needle: str) -> int:
    lines = (pack_dir / "pack.toml").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def test_bundled_and_minimal_packs_are_valid(bundled_pack):
    assert bundled_pack.id == "sanaenomics"
    assert load_pack(Path(__file__).parents[1] / "data" / "minimal").id == "minimal"


def test_dangling_outlet_reference_names_key_and_line(pack_copy):
    pack = pack_copy()
    _edit(pack, 'outlet = "bfm"', 'outlet = "reuters"')
    problems = _problems(pack)
    assert len(problems) == 1
    line = _line_of(pack, 'outlet = "reuters"')
    assert problems[0].startswith(f"{pack / 'pack.toml'}:{line}: figures[3].outlet:")
    assert "unknown id 'reuters'" in problems[0]


def test_quote_not_in_article_is_reported(pack_copy):
    pack = pack_copy()
    _edit(pack, "approximately $65 billion.\"", "approximately $65 billion, says everyone.\"")
    problems = _problems(pack)
    assert any("figures[2].quote" in p and "does not occur verbatim" in p for p in problems)


def test_invented_number_is_reported(pack_copy):
    pack = pack_copy()
    _edit(pack, "amount = 140", "amount = 150")
    problems = _problems(pack)
    assert any("figures[3].amount" in p and "150" in p for p in problems)


def test_duplicate_id_points_at_first_use(pack_copy):
    pack = pack_copy()
    _edit(pack, 'id = "nhk"', 'id = "nikkei"')
    problems = _problems(pack)
    assert any("outlets[1].id: duplicate id 'nikkei' (first used at outlets[0])" in p for p in problems)


def test_wrong_type_missing_and_unknown_fields(pack_copy):
    pack = pack_copy()
    _edit(pack, "amount = 2.3", 'amount = "2.3"')
    _edit(pack, "approximate = true\nbound = \"about\"\nyear = 2040\noutlet = \"nhk\"", "year = 2040\noutlet = \"nhk\"")
    _edit(pack, 'chart_group = "targets-2040"', 'chart_group = "targets-2040"\ncolour = "red"')
    problems = _problems(pack)
    assert any("figures[0].amount: expected a number, got str '2.3'" in p for p in problems)
    assert any("figures[1].approximate: missing required field" in p for p in problems)
    assert any("figures[0].colour: unknown field" in p for p in problems)


def test_every_problem_is_reported_at_once(pack_copy):
    pack = pack_copy()
    _edit(pack, 'outlet = "bfm"', 'outlet = "reuters"')
    _edit(pack, 'id = "nhk"', 'id = "nikkei"')
    _edit(pack, "amount = 2.3", 'amount = "2.3"')
    _edit(pack, "approximately $65 billion.\"", "approximately $65 billion!\"")
    problems = _problems(pack)
    keys = {re.search(r": ([\w\[\].]+): ", p).group(1) for p in problems}
    assert {"figures[3].outlet", "outlets[1].id", "figures[0].amount", "figures[2].quote"} <= keys


def test_toml_syntax_error_gives_line(pack_copy):
    pack = pack_copy()
    _edit(pack, 'title = "The shift in doctrine"', 'title = "The shift in doctrine')
    problems = _problems(pack)
    line = _line_of(pack, 'title = "The shift in doctrine')
    assert len(problems) == 1 and f"pack.toml:{line}:" in problems[0] and "invalid TOML" in problems[0]


def test_newer_format_version_is_refused(pack_copy):
    pack = pack_copy()
    _edit(pack, "format_version = 3", "format_version = 4")
    assert any("newer than this app understands" in p for p in _problems(pack))


def test_table_rows_must_match_columns(pack_copy):
    pack = pack_copy()
    _edit(pack, 'cells = ["Broad market stimulation", "Targeted (AI, Semiconductors, Defense)"]',
          'cells = ["Broad market stimulation"]')
    assert any("rows[2].cells: has 1 cells for 2 columns" in p for p in _problems(pack))


def test_ids_cannot_escape_folders(pack_copy):
    pack = pack_copy()
    _edit(pack, 'id = "ai-plan"', 'id = "../../x"')
    problems = _problems(pack)
    assert any("figures[2].id" in p and "lower-case letters" in p for p in problems)


def test_missing_source_file_and_unreadable_pack(tmp_path, pack_copy):
    pack = pack_copy()
    (pack / "source.txt").unlink()
    assert any("cannot read source text" in p for p in _problems(pack))
    empty = tmp_path / "empty"
    empty.mkdir()
    assert any("cannot read pack file" in p for p in _problems(empty))


def test_choice_answer_must_be_an_option_and_the_options_are_listed(pack_copy):
    pack = pack_copy()
    _edit(pack, 'prompt = "What will the upcoming fiscal budget discussions in the Japanese Diet settle?"',
          'prompt = "What will the upcoming fiscal budget discussions in the Japanese Diet settle?"\n'
          'answer = "The size of the budget"')
    problems = _problems(pack)
    assert any(".answer: must be one of the options: " in p and "A new round of monetary easing" in p
               for p in problems), problems


def test_earlier_format_versions_keep_loading():
    """Packs written for format 1 (tests/data/minimal) load unchanged."""
    minimal = load_pack(Path(__file__).parents[1] / "data" / "minimal")
    assert minimal.meta.format_version == 1 and minimal.figures[0].display == "300 trees"


def test_tolerance_only_on_numeric_questions(pack_copy):
    pack = pack_copy()
    _edit(pack, 'kind = "text"\nprompt = "Where will', 'kind = "text"\ntolerance = 0.05\nprompt = "Where will')
    assert any("only numeric questions take a tolerance (this one is 'text')" in p for p in _problems(pack))


def test_tolerance_above_one_is_explained(tmp_path):
    pack = _v3_pack(tmp_path, """
[[questions]]
id = "q-number"
kind = "numeric"
prompt = "How many trees?"
answer = "300"
tolerance = 5
explanation = "The town plans 300."
topic = "plan"
quote = "Widgets Weekly reports that the town plans to plant 300 trees by 2030."
""")
    assert any("tolerance is relative: 0.05 means ±5%" in p for p in _problems(pack))


def test_empty_table_cells_are_reported(pack_copy):
    pack = pack_copy()
    _edit(pack, 'cells = ["Broad market stimulation", "Targeted (AI, Semiconductors, Defense)"]',
          'cells = ["Broad market stimulation", " "]')
    assert any("rows[2].cells: cell 2 is empty" in p for p in _problems(pack))


def test_numbers_in_the_pack_title_and_summary_must_be_in_the_source(pack_copy):
    pack = pack_copy()
    _edit(pack, 'title = "From Abenomics', 'title = "Five (5) steps from Abenomics')
    _edit(pack, 'summary = "Japan is moving', 'summary = "In 2031 Japan is moving')
    problems = _problems(pack)
    assert any("pack.title: number(s) 5 do not occur" in p for p in problems)
    assert any("pack.summary: number(s) 2031 do not occur" in p for p in problems)


def test_v3_questions_need_an_explanation_and_a_sound_key(tmp_path):
    pack = _v3_pack(tmp_path, """
[[questions]]
id = "q-multi"
kind = "multi"
prompt = "Which are true?"
topic = "plan"
quote = "Widgets Weekly reports that the town plans to plant 300 trees by 2030."

[[questions.options]]
text = "Trees"
correct = true

[[questions.options]]
text = "Roads"
correct = true

[[questions]]
id = "q-order"
kind = "order"
prompt = "Order these"
sequence = ["a", "b"]
explanation = "x"
topic = "plan"
cites = ["trees"]

[[questions]]
id = "q-grid"
kind = "classify"
prompt = "Sort"
categories = ["A", "B"]
explanation = "x"
topic = "plan"
cites = ["plan"]

[[questions.statements]]
text = "one"
category = "C"
""")
    problems = "\n".join(_problems(pack))
    assert "questions[0].explanation: every question needs an explanation" in problems
    assert "questions[0].options: a select-all question needs at least three options" in problems
    assert "questions[1].sequence: an ordering question needs at least three items" in problems
    assert "questions[2].statements[0].category: 'C' is not one of the categories: A, B" in problems
    assert "questions[2].cites: 'plan' has no quote to show" in problems


def _v3_pack(tmp_path: Path, extra: str) -> Path:
    """tests/data/minimal as format 3, with ``extra`` TOML appended."""
    folder = tmp_path / "v3"
    source = Path(__file__).parents[1] / "data" / "minimal"
    folder.mkdir()
    (folder / "source.txt").write_text((source / "source.txt").read_text(encoding="utf-8"), encoding="utf-8")
    text = (source / "pack.toml").read_text(encoding="utf-8").replace("format_version = 1", "format_version = 3")
    (folder / "pack.toml").write_text(text + extra, encoding="utf-8")
    return folder
