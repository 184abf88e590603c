"""README's command, format and shortcut tables say what the parser and the menus really do."""

from __future__ import annotations

import re

import pytest

from cli import COMMANDS, build_parser
from cli.export import FORMATS
from tests_support import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _table(header: str) -> list[list[str]]:
    """Rows (cells stripped, backticks kept) of the README table whose header row starts with ``header``."""
    start = README.index(header)
    rows = []
    for line in README[start:].splitlines()[1:]:
        if not line.startswith("|"):
            break
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not set("".join(cells)) <= set("- "):
            rows.append(cells)
    return rows


def test_every_command_is_in_the_readme_and_nothing_else():
    found = (re.match(r"`main\.py (--recover COMMAND)?([\w-]+)?", row[0]) for row in _table("| command | what"))
    listed = {match.group(2) for match in found if match}
    assert listed - {None} == set(COMMANDS), "README's commands table and cli.COMMANDS differ"
    parser = build_parser()
    subcommands = next(a for a in parser._actions if a.dest == "command").choices
    assert set(subcommands) == set(COMMANDS)


def test_every_export_format_is_in_the_readme_with_what_it_writes():
    rows = {row[0].strip("`"): row[1].replace("`", "") for row in _table("| format | writes |")}
    assert rows == FORMATS
    parser = build_parser()
    export = next(a for a in parser._actions if a.dest == "command").choices["export"]
    assert list(next(a for a in export._actions if a.dest == "format").choices) == list(FORMATS)


@pytest.fixture
def shortcuts(qtbot, data_dir):
    from PySide6.QtGui import QAction

    from app.workspace import Workspace
    from ui.main_window import MainWindow

    ws = Workspace(data_dir)
    window = MainWindow(ws)
    qtbot.addWidget(window)
    found = {}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            found[key.toString()] = action.text().replace("&", "")
    yield found
    ws.close()


def test_every_shortcut_in_the_readme_does_what_it_says(shortcuts):
    for keys, action in _table("| keys | action |"):
        keys_list = [k.strip().strip("`") for k in keys.split("/")]
        actions = [a.strip() for a in action.split(" / ")]
        if len(actions) == 1:
            actions = actions * len(keys_list)
        for key, name in zip(keys_list, actions, strict=True):
            shown = key.replace("Ctrl++", "Ctrl+=") if key == "Ctrl++" else key
            got = shortcuts.get(key) or shortcuts.get(shown)
            assert got is not None, f"README lists {key} but no menu action has it"
            assert got.rstrip("…").lower().startswith(name.rstrip("…").lower().split(" (")[0]), (key, got, name)


def test_no_menu_shortcut_is_missing_from_the_readme(shortcuts):
    listed = {k.strip().strip("`") for keys, _ in _table("| keys | action |") for k in keys.split("/")}
    listed |= {"Ctrl+="}  # Ctrl++ is what the platform calls Ctrl+= on some keyboards
    missing = {key for key in shortcuts if key not in listed}
    assert not missing, f"shortcuts in the menus but not in README: {sorted(missing)}"
