"""Small hostile packs for tests: the minimal pack, copied and edited (tests/ is on sys.path)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from content.loader import load_pack
from content.problems import PackError
from tests_support import DATA


def make_pack(tmp_path: Path, *edits: tuple[str, str], name: str = "pack", source: bool = True) -> Path:
    """A copy of the minimal pack with text edits (and without its source text unless ``source``)."""
    folder = tmp_path / name
    shutil.copytree(DATA / "minimal", folder)
    toml = folder / "pack.toml"
    text = toml.read_text(encoding="utf-8")
    if not source:
        text = text.replace('source_file = "source.txt"\n', "")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    toml.write_text(text, encoding="utf-8")
    return folder


_TWIN_OUTLETS = '''
[[outlets]]
id = "gazette"
name = "Town Gazette"

[[outlets]]
id = "herald"
name = "Valley Herald"
'''


def _twin_figure(fid: str, label: str, amount: int, outlet: str, quote: str) -> str:
    return (f'\n[[figures]]\nid = "{fid}"\nlabel = "{label}"\namount = {amount}\nunit = "trees"\n'
            f'approximate = false\nyear = 2030\noutlet = "{outlet}"\nchart_group = "plan"\ntopic = "plan"\n'
            f'quote = "{quote}"\n')


def twin_pack(folder: Path, *extra: tuple[str, str, int, str, str]) -> Path:
    """The minimal pack whose figure is labelled "Trees", with a second "Trees" of Widgets Weekly for 2030
    (301 trees), two more outlets (Town Gazette, Valley Herald) and ``extra`` figures (id, label, amount,
    outlet, quote)."""
    shutil.copytree(DATA / "minimal", folder)
    toml = folder / "pack.toml"
    figures = [("trees-revised", "Trees", 301, "widgets-weekly",
                "A later count by Widgets Weekly puts the trees at 301 by 2030."), *extra]
    text = toml.read_text(encoding="utf-8").replace('label = "Trees to plant"', 'label = "Trees"')
    toml.write_text(text + _TWIN_OUTLETS + "".join(_twin_figure(*f) for f in figures), encoding="utf-8")
    source = folder / "source.txt"
    source.write_text(source.read_text(encoding="utf-8") + "".join(f[4] + "\n" for f in figures), encoding="utf-8")
    return folder


def problems(folder: Path) -> str:
    with pytest.raises(PackError) as info:
        load_pack(folder)
    return str(info.value)


def tree(root: Path) -> dict[str, bytes | str]:
    """Every file under ``root`` with its content (links as their target)."""
    found: dict[str, bytes | str] = {}
    for path in sorted(root.rglob("*")):
        if path.is_symlink():
            found[str(path.relative_to(root))] = os.readlink(path)
        elif path.is_file():
            found[str(path.relative_to(root))] = path.read_bytes()
        else:
            found[str(path.relative_to(root)) + "/"] = ""
    return found
