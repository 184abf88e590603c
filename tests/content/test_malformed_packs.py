"""Hypothesis-generated malformed packs: always a list of problems, never a traceback.

Run the nightly-sized search with ``HYPOTHESIS_PROFILE=nightly`` (1000+ examples
per property); CI uses the smaller default profile set in conftest.
"""

from __future__ import annotations

import copy
import tempfile
import tomllib
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from content.loader import build_pack, load_pack
from content.problems import PackError, Problem
from content.validate import validate
from tests_support import BUNDLED

TOML_TEXT = (BUNDLED / "pack.toml").read_text(encoding="utf-8")
SOURCE = (BUNDLED / "source.txt").read_text(encoding="utf-8")
BASE = tomllib.loads(TOML_TEXT)

scalars = st.one_of(
    st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True), st.text(max_size=30),
    st.sampled_from(["nikkei", "nhk", "investment", "ai-plan", "../../x", "<script>", ""]),
)
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)), max_leaves=6)


def _paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    """Every addressable location in the parsed pack."""
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _paths(value, (*prefix, i))
    return found


PATHS = _paths(BASE)


def _apply(raw: dict, path: tuple, op: str, value: Any) -> None:
    parent = raw
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if op == "delete":
        del parent[last]
    elif op == "replace":
        parent[last] = value
    elif op == "duplicate" and isinstance(parent, list):
        parent.append(copy.deepcopy(parent[last]))
    elif op == "add" and isinstance(parent, dict):
        parent[f"extra_{last}"] = value


@given(st.lists(st.tuples(st.sampled_from(PATHS), st.sampled_from(["delete", "replace", "duplicate", "add"]),
                          values), min_size=1, max_size=4))
def test_mutated_structure_gives_problems_not_tracebacks(mutations):
    raw = copy.deepcopy(BASE)
    for path, op, value in mutations:
        try:
            _apply(raw, path, op, value)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed this location
    problems = validate(raw, TOML_TEXT, "pack.toml", SOURCE)
    assert all(isinstance(p, Problem) and p.message for p in problems)
    if not problems:
        build_pack(raw, SOURCE, "digest")  # a pack that validates must also build


LINES = TOML_TEXT.splitlines()


@given(st.lists(st.tuples(st.integers(0, len(LINES) - 1), st.sampled_from(["drop", "dup", "cut", "junk"]),
                          st.text(max_size=12)), min_size=1, max_size=5))
def test_mutated_text_gives_problems_not_tracebacks(edits):
    lines = list(LINES)
    for index, op, junk in edits:
        index %= len(lines)
        if op == "drop":
            del lines[index]
        elif op == "dup":
            lines.insert(index, lines[index])
        elif op == "cut":
            lines[index] = lines[index][: len(lines[index]) // 2]
        else:
            lines[index] += junk
        if not lines:
            lines = [""]
    with tempfile.TemporaryDirectory() as folder:
        pack_dir = Path(folder)
        (pack_dir / "pack.toml").write_text("\n".join(lines), encoding="utf-8")
        (pack_dir / "source.txt").write_text(SOURCE, encoding="utf-8")
        try:
            pack = load_pack(pack_dir)
        except PackError as exc:
            assert exc.problems and all(str(p) for p in exc.problems)
        else:
            assert pack.id  # some edits (e.g. a duplicated comment) leave the pack valid
