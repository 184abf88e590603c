"""Import rules: ui → core (content, quiz) → db, and the core never needs Qt."""

from __future__ import annotations

import ast

import pytest

from tests_support import ROOT

LAYERS = {"db": set(), "content": {"db"}, "quiz": {"db", "content"}}
QT = ("PySide6", "pyqtgraph", "shiboken6", "ui")


def _imports(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", sorted(LAYERS))
def test_core_layers_import_only_downwards(package):
    forbidden = (set(LAYERS) - LAYERS[package] - {package}) | set(QT)
    files = sorted((ROOT / package).rglob("*.py"))
    assert files
    for path in files:
        bad = _imports(path) & forbidden
        assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}"
