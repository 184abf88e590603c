"""Import rules: ui → app → core (content, quiz) → db; the core never needs Qt; SQL lives in db/ only.

Like napari's model/view split and Anki's pylib/aqt, enforced here so a shortcut
from a widget straight to a table cannot creep back in.
"""

from __future__ import annotations

import ast
import re

import pytest

from tests_support import ROOT

LAYERS = {"db": set(), "content": {"db"}, "quiz": {"db", "content"}, "app": {"db", "content", "quiz"},
          "cli": {"app", "content", "quiz", "db", "ui"}}
QT = ("PySide6", "pyqtgraph", "shiboken6", "ui")
#: What ui/ may import from the core: the facade, and model types it shows (no store, no engine internals).
UI_MAY_IMPORT = {
    "app", "app.workspace", "app.errors", "app.drafting", "app.handouts", "app.paths",
    "app.live",  # a running live session (never its server)
    "content.model", "content.briefing", "content.problems",
    "quiz.questions", "quiz.grade", "quiz.session", "quiz.stats", "quiz.slides", "quiz.report", "quiz.exam_code",
    "quiz.live",  # a live session's snapshot and bars, as the trainer's window shows them
    "quiz.browse",  # the question browser's rows and filter
    "content.record_edit",  # the record editor's fields and how typed text becomes a value (Qt-free, no store)
    "quiz.interchange",  # the export formats' names and file endings (the writing goes through the facade)
}
#: SQL statements in a string (the project writes SQL keywords in capitals): only db/ may hold them.
SQL = re.compile(r"\b(SELECT\s+[\w*(]|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|"
                 r"INDEX|VIEW)|PRAGMA\s+\w+)")


def _imports(path) -> set[str]:
    """Full dotted names of everything ``path`` imports (``from a.b import c`` counts as ``a.b``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names |= {f"{node.module}.{a.name}" for a in node.names}
    return names


def _tops(names: set[str]) -> set[str]:
    return {n.split(".")[0] for n in names}


@pytest.mark.parametrize("package", sorted(LAYERS))
def test_layers_import_only_downwards(package):
    forbidden = (set(LAYERS) - LAYERS[package] - {package}) | (set(QT) if package != "cli" else set())
    files = sorted((ROOT / package).rglob("*.py"))
    assert files
    for path in files:
        bad = _tops(_imports(path)) & forbidden
        assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}"


def test_ui_uses_the_facade_and_model_types_only():
    for path in sorted((ROOT / "ui").rglob("*.py")):
        for name in _imports(path):
            top = name.split(".")[0]
            if top == "db":
                pytest.fail(f"{path.relative_to(ROOT)} imports {name}: the UI goes through app.workspace")
            if top in ("content", "quiz", "app", "cli") and name != top:
                module = ".".join(name.split(".")[:2])
                assert module in UI_MAY_IMPORT or name in UI_MAY_IMPORT, \
                    f"{path.relative_to(ROOT)} imports {name}: not the facade or a model type"


def test_sql_is_written_in_db_only():
    for package in ("app", "cli", "content", "quiz", "ui"):
        for path in sorted((ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.search(node.value):
                    pytest.fail(f"{path.relative_to(ROOT)}:{node.lineno} holds SQL: {node.value[:60]!r}")
    main = (ROOT / "main.py").read_text(encoding="utf-8")
    assert not SQL.search(main)
