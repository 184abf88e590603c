"""A shared pack is held to the limits before anything uses it: `check` refuses what would break the app.

One test (or more) per finding of the "Safety first" issue that validation and
reading fix, each failing on the code before: ids that are paths, a
``source_file`` that is not a plain name, numbers SQLite or the chart cannot
take, packs that hang or exhaust the reader, invisible and text-direction
characters, a byte-order mark. Importing and start-up are in
test_import_safety.py; the whole hostile corpus runs in tests/test_hostile_corpus.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from pack_edits import make_pack, problems

from content.characters import text_problem
from content.limits import MAX_PACK_FILE_BYTES, MAX_RECORDS, MAX_SOURCE_FILE_BYTES
from content.loader import load_pack
from content.problems import PackError
from tests_support import ROOT


# -- 1. the pack id ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("bad_id", ["/../../../../../../../../../../tmp/x/victim", "../../victim", "evil\n",
                                    "a/b", ".hidden", "Evil", "é", "x" * 65])
def test_pack_id_must_fully_match_the_id_pattern(tmp_path, bad_id):
    folder = make_pack(tmp_path, ('id = "minimal"', f"id = {bad_id!r}".replace("'", '"').replace("\n", "\\n")))
    message = problems(folder)
    assert "pack.id" in message and "must be lower-case letters" in message


# -- 2. source_file ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["../source.txt", "/etc/passwd", "sub/source.txt", "source\\u0000.txt",
                                  ".source.txt", "pack.toml"])
def test_source_file_must_be_a_plain_file_name(tmp_path, name):
    folder = make_pack(tmp_path, ('source_file = "source.txt"', f'source_file = "{name}"'))
    assert "pack.source_file" in problems(folder)


def test_a_linked_source_file_is_refused_even_inside_the_pack(tmp_path):
    folder = make_pack(tmp_path)
    (folder / "source.txt").rename(folder / "real.txt")
    (folder / "source.txt").symlink_to("real.txt")
    assert "is a symbolic link" in problems(folder)


# -- 3. numbers that pass `check` and then break the app ------------------------------------------------------
@pytest.mark.parametrize(("edit", "phrase"), [
    (("year = 2030", "year = 9999999999999999999999999"), "between 1 and 9999"),
    (("year = 2030", "year = 9223372036854775808"), "between 1 and 9999"),
    (("amount = 300", "amount = nan"), "finite number"),
    (("amount = 300", "amount = inf"), "finite number"),
    (("amount = 300", "amount = 1e309"), "finite number"),
    (("amount = 300", "amount = 5e-324"), "outside what the app can chart"),
    (("amount = 300", "amount = 9999999999999999999999999"), "outside what the app can chart"),
    (("amount = 300", "amount = -1"), "outside what the app can chart"),
])
def test_numbers_sqlite_or_the_chart_cannot_take_are_refused(tmp_path, edit, phrase):
    assert phrase in problems(make_pack(tmp_path, edit, source=False))


@pytest.mark.parametrize("amount", ["0", "-0", "0.0", "-0.0"])
def test_zero_is_an_honest_amount(tmp_path, amount):
    pack = load_pack(make_pack(tmp_path, ("amount = 300", f"amount = {amount}"), source=False))
    assert pack.figures[0].amount == 0 and str(pack.figures[0].amount) == "0.0"  # -0 is stored as 0
    assert pack.figures[0].display == "0 trees"


# -- 9. denial of service ---------------------------------------------------------------------------------------
def test_a_10_mb_title_is_refused_before_anything_shows_it(tmp_path):
    folder = make_pack(tmp_path, ('title = "Town trees"', 'title = "' + "x" * 10_000_000 + '"'), source=False)
    message = problems(folder)
    assert "pack.title: one-line text is 10,000,000 characters long; one-line text may have at most 300" in message
    assert len(message) < 2_000, "the problem list does not repeat the title"


def test_a_pack_file_over_the_size_limit_is_not_read(tmp_path):
    folder = make_pack(tmp_path, source=False)
    with (folder / "pack.toml").open("ab") as out:
        out.truncate(MAX_PACK_FILE_BYTES + 1)  # sparse: over the limit without writing 32 MiB
    assert f"the limit is {MAX_PACK_FILE_BYTES:,} bytes" in problems(folder)


def test_a_source_text_over_the_size_limit_is_not_read(tmp_path):
    folder = make_pack(tmp_path)
    os.truncate(folder / "source.txt", MAX_SOURCE_FILE_BYTES + 1)
    assert f"the limit is {MAX_SOURCE_FILE_BYTES:,} bytes" in problems(folder)


@pytest.mark.parametrize("value", ["[" * 1000 + "]" * 1000, "{a = " * 1000 + "1" + "}" * 1000,
                                   "[" * 400 + "]" * 400])
def test_deep_nesting_is_a_problem_not_a_traceback(tmp_path, value):
    folder = make_pack(tmp_path, ('language = "en"', f'language = "en"\nextra = {value}'), source=False)
    assert "nested" in problems(folder)


def test_too_many_records_are_refused_before_checking_each(tmp_path):
    many = "[" + ", ".join(["{}"] * (MAX_RECORDS // 2 + 1)) + "]"
    folder = make_pack(tmp_path, source=False)
    toml = folder / "pack.toml"
    toml.write_text(f"facts = {many}\nquestions = {many}\n" + toml.read_text(encoding="utf-8"), encoding="utf-8")
    message = problems(folder)
    assert "at most 100,000 [[facts]]" in message and f"at most {MAX_RECORDS:,}" in message


def test_hundreds_of_problems_are_capped_with_a_count_at_the_end(tmp_path):
    unknown = "".join(f"field{i} = {i}\n" for i in range(1000))
    folder = make_pack(tmp_path, ('chart_group = "plan"\n', f'chart_group = "plan"\n{unknown}'), source=False)
    with pytest.raises(PackError) as info:
        load_pack(folder)
    listed = info.value.problems
    assert len(listed) == 201 and listed[-1].message.startswith("… and 800 more problems")


def _run_check(folder: Path, *, memory_limit: int | None = None) -> subprocess.CompletedProcess[str]:
    def limit() -> None:
        if memory_limit:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))

    return subprocess.run([sys.executable, str(ROOT / "main.py"), "check", str(folder)], capture_output=True,
                          text=True, timeout=60, preexec_fn=limit)


def test_a_fifo_as_pack_toml_is_refused_instead_of_hanging(tmp_path):
    folder = tmp_path / "fifo-pack"
    folder.mkdir()
    os.mkfifo(folder / "pack.toml")
    result = _run_check(folder)  # used to block forever (the timeout fails the test)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "pack.toml is a named pipe (FIFO), not a regular file" in result.stderr


def test_dev_zero_as_pack_toml_or_source_is_refused_without_reading_it(tmp_path):
    as_toml = tmp_path / "zero-pack"
    as_toml.mkdir()
    (as_toml / "pack.toml").symlink_to("/dev/zero")
    as_source = make_pack(tmp_path)
    (as_source / "source.txt").unlink()
    (as_source / "source.txt").symlink_to("/dev/zero")
    for folder in (as_toml, as_source):
        result = _run_check(folder, memory_limit=1 << 30)  # used to read until MemoryError
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr[-2000:]
        assert "is a symbolic link" in result.stderr


# -- 10. invisible characters and the byte-order mark ----------------------------------------------------------
@pytest.mark.parametrize("title", ["Sanae\u200bnomics", "Sanae\u200dnomics", "\u202egnp.exe", "A\u2066B\u2069",
                                   "Soft\u00adhyphen", "Tab\there", "Line\u2028break", "Nul\u0000"])
def test_invisible_and_direction_characters_are_refused_in_titles(tmp_path, title):
    escaped = json.dumps(title)  # \u escapes are TOML escapes too
    folder = make_pack(tmp_path, ('title = "Town trees"', f"title = {escaped}"), source=False)
    assert "pack.title: one-line text contains U+" in problems(folder)


def test_every_unicode_format_character_is_refused_in_one_line_text():
    format_characters = [chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"]
    assert len(format_characters) > 150
    assert all(text_problem(f"a{c}b") for c in format_characters)


def test_paragraphs_keep_what_right_to_left_scripts_and_emoji_need_but_not_overrides():
    assert text_problem("\u05e2\u05e5\u200f (tree), \u0634\u062c\u0631\u0629\u200c, \U0001f469\u200d\U0001f4bb",
                        long=True) is None
    assert "U+202E" in text_problem("fine \u202e text", long=True)
    assert "U+200B" in text_problem("zero\u200bwidth", long=True)


def test_a_byte_order_mark_is_accepted(tmp_path):
    folder = make_pack(tmp_path)
    for name in ("pack.toml", "source.txt"):
        path = folder / name
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert load_pack(folder).meta.title == "Town trees"


def test_non_utf8_text_is_named_as_such(tmp_path):
    folder = make_pack(tmp_path, ('title = "Town trees"', 'title = "Caf\u00e9"'))
    toml = folder / "pack.toml"
    toml.write_bytes(toml.read_text(encoding="utf-8").encode("latin-1"))
    assert "not UTF-8 text" in problems(folder)
