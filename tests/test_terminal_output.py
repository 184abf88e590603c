"""What the commands print cannot drive the terminal: pack titles, learner names and file names are
someone else's text, and an escape sequence in them could retitle the window, clear the screen or
rewrite earlier output; a bidi override could make one word print as another."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from main import terminal_safe
from tests_support import DATA, ROOT

#: What a terminal acts on: C0 controls but the line break, DEL, C1 controls, and bidi controls.
DRIVES_A_TERMINAL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
#: Set the window title, clear the screen, reset the terminal, an 8-bit CSI, a right-to-left override.
ESCAPES = "\x1b]l;pwned\x07\x1b[J\x1bc\x9bK\u202e"


def _run(*args: str, data_dir) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BRIEFING_DATA_DIR": str(data_dir)}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          env=env, timeout=60)


def _clean(result: subprocess.CompletedProcess[str]) -> bool:
    return not DRIVES_A_TERMINAL.search(result.stdout + result.stderr)


def _pack(tmp_path, folder: str = "pack", title: str = "Town trees"):
    pack = tmp_path / folder
    shutil.copytree(DATA / "minimal", pack)
    toml = pack / "pack.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('title = "Town trees"', f"title = {json.dumps(title)}"),
                    encoding="utf-8")
    return pack


@pytest.mark.parametrize(("text", "shown"), [
    ("Town\x1b]0;pwned\x07 trees", "Town trees"),  # OSC: set the window title
    ("Town\x1b]8;;http://x.invalid\x1b\\trees\x1b]8;;\x1b\\", "Towntrees"),  # OSC 8 hyperlink, ST-terminated
    ("\x1b[2J\x1b[H\x1b[31mred\x1b[0m", "red"),  # CSI: clear, home, colours
    ("8-bit \x9b2J CSI", "8-bit  CSI"),
    ("\x1bPq#0;2;0;0;0\x1b\\sixel", "sixel"),  # DCS string
    ("reset\x1bc", "reset"),  # RIS
    ("unterminated \x1b]0;rest of the line", "unterminated "),
    ("evil \u202eevil\u202c \u2066x\u2069", "evil evil x"),  # bidi override and isolate
    ("two\nlines\tand\rtab", "two lines and tab"),
    ("nul\x00 bell\x07 del\x7f", "nul bell del"),
    ("Café 日本 – “quoted” 🎉", "Café 日本 – “quoted” 🎉"),
])
def test_terminal_safe_keeps_the_text_and_drops_what_drives_the_terminal(text, shown):
    assert terminal_safe(text) == shown


def test_check_prints_a_hostile_pack_folder_name_without_its_escapes(tmp_path, data_dir):
    pack = _pack(tmp_path, folder=f"pack{ESCAPES}")
    result = _run("check", str(pack), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert _clean(result) and result.stdout.startswith(f"{tmp_path}/pack: OK — Town trees")


def test_check_problems_print_without_escapes(tmp_path, data_dir):
    pack = _pack(tmp_path, folder=f"broken{ESCAPES}")
    (pack / "source.txt").write_text("Nothing about trees here.", encoding="utf-8")
    result = _run("check", str(pack), data_dir=data_dir)
    assert result.returncode == 1 and "problem(s) in" in result.stderr
    assert _clean(result) and f"{tmp_path}/broken:" in result.stderr


@pytest.mark.parametrize("command", ["check", "import"])
def test_a_pack_title_with_escapes_never_reaches_the_terminal(tmp_path, data_dir, command):
    result = _run(command, str(_pack(tmp_path, title=f"Town {ESCAPES}trees")), data_dir=data_dir)
    assert _clean(result), repr(result.stdout + result.stderr)
    if result.returncode == 0:  # accepted: shown as its visible text
        assert "Town trees" in result.stdout
    else:  # or refused by the pack checks: then as a problem
        assert result.returncode == 1 and "problem(s) in" in result.stderr


def test_stats_prints_a_learner_name_without_escapes_and_json_keeps_it_exactly(data_dir):
    from db.learners import ensure_learner
    from db.progress import open_progress

    name = f"Eve{ESCAPES}"
    db = open_progress(data_dir / "progress.db")
    ensure_learner(db, name)
    db.close()
    text = _run("stats", "--learner", name, data_dir=data_dir)
    assert text.returncode == 0, text.stderr
    assert _clean(text) and text.stdout.startswith("Eve — ")
    as_json = _run("stats", "--learner", name, "--json", data_dir=data_dir)
    assert as_json.returncode == 0, as_json.stderr
    assert _clean(as_json) and json.loads(as_json.stdout)[0]["learner"] == name
    missing = _run("stats", "--learner", f"Bob{ESCAPES}", data_dir=data_dir)
    assert missing.returncode == 1 and _clean(missing) and "no learner called" in missing.stderr


def test_report_names_a_refused_file_without_its_escapes(tmp_path, data_dir):
    junk = tmp_path / f"eve{ESCAPES}.db"
    junk.write_text("not a progress file", encoding="utf-8")
    result = _run("report", str(junk), "-o", str(tmp_path / "r.csv"), data_dir=data_dir)
    assert result.returncode == 2 and _clean(result)
    assert result.stderr == f"error: {tmp_path}/eve.db: is not a progress file (not an SQLite database)\n"
