"""The command line with packs in other scripts: a Japanese and an Arabic pack check, import and export quizzes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests_support import DATA, ROOT


def _run(*args: str, env_dir) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BRIEFING_DATA_DIR": str(env_dir), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=120)


@pytest.mark.parametrize(("folder", "pack_id", "counts"), [
    ("japanese_pack", "japan-budget-ja", "7 figures"),
    ("arabic_pack", "gulf-ai-ar", "5 figures"),
])
def test_a_pack_in_another_script_checks_imports_and_exports_its_quiz(data_dir, tmp_path, folder, pack_id, counts):
    checked = _run("check", str(DATA / folder), env_dir=data_dir)
    assert checked.returncode == 0, checked.stderr  # the validator rejected their numbers before
    assert "OK" in checked.stdout and counts in checked.stdout
    imported = _run("import", str(DATA / folder), env_dir=data_dir)
    assert imported.returncode == 0, imported.stderr
    assert f"imported '{pack_id}'" in imported.stdout
    out = tmp_path / "quiz.json"
    exported = _run("export", "--format", "quiz-json", "--pack", pack_id, "-o", str(out), env_dir=data_dir)
    assert exported.returncode == 0, exported.stderr
    (pack,) = json.loads(out.read_text(encoding="utf-8"))["packs"]
    kinds = {q["id"].split(":")[0] for q in pack["questions"]}
    assert {"figure-number", "figure-tf", "cloze-term", "cloze-outlet"} <= kinds
