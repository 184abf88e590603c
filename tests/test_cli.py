"""The command line: check and export, run as a user would run them."""

from __future__ import annotations

import json
import subprocess
import sys

from tests_support import BUNDLED, ROOT


def _run(*args: str, env_dir) -> subprocess.CompletedProcess[str]:
    import os

    env = {**os.environ, "BRIEFING_DATA_DIR": str(env_dir)}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True,
                          text=True, env=env, timeout=60)


def test_check_bundled_pack_passes(data_dir):
    result = _run("check", str(BUNDLED), env_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert "OK" in result.stdout and "4 figures" in result.stdout


def test_check_broken_pack_lists_every_problem_and_writes_nothing(data_dir, pack_copy):
    pack = pack_copy()
    toml = pack / "pack.toml"
    text = toml.read_text(encoding="utf-8")
    text = text.replace('outlet = "bfm"', 'outlet = "missing-outlet"')
    text = text.replace("approximately $65 billion.\"", "approximately $65 billion, allegedly.\"")
    text = text.replace('id = "nhk"', 'id = "nikkei"')
    text = text.replace("amount = 140", 'amount = "140"')
    toml.write_text(text, encoding="utf-8")

    result = _run("check", str(pack), env_dir=data_dir)
    assert result.returncode == 1
    # Four edits, six problems: the renamed outlet leaves NHK's figure dangling and
    # the edited quote was shared by a figure and a fact.
    assert "6 problem(s)" in result.stderr
    assert "figures[1].outlet: refers to unknown id 'nhk'" in result.stderr
    for needle in ("unknown id 'missing-outlet'", "does not occur verbatim", "duplicate id 'nikkei'",
                   "expected a number"):
        assert needle in result.stderr
    assert not data_dir.exists() or not any(data_dir.iterdir())


def test_export_json_holds_the_article_facts(data_dir, tmp_path):
    out = tmp_path / "out.json"
    result = _run("export", "--format", "json", "-o", str(out), env_dir=data_dir)
    assert result.returncode == 0, result.stderr
    (pack,) = json.loads(out.read_text(encoding="utf-8"))["packs"]
    assert [f["amount"] for f in pack["figures"]] == [2.3, 2.0, 65.0, 140.0]
    assert [r["label"] for r in pack["tables"][0]["rows"]] == [
        "Primary Goal", "Core Metric", "Sector Focus", "Strategic Driver"]
    assert len(pack["lists"][1]["items"]) == 4
    assert {t["term"] for t in pack["terms"]} >= {"METI", "The Diet", "Sanaenomics"}
    assert len(pack["sections"]) == 6 and len(pack["facts"]) >= 15 and pack["questions"]


def test_import_command(data_dir):
    from tests_support import DATA

    result = _run("import", str(DATA / "minimal"), env_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert "imported 'minimal'" in result.stdout
    broken = _run("import", str(DATA), env_dir=data_dir)  # a folder without pack.toml
    assert broken.returncode == 1 and "cannot read pack file" in broken.stderr


def test_quiz_export_lists_questions_with_keys_for_a_seed(data_dir, tmp_path):
    outputs = []
    for seed in ("A", "A", "B"):
        out = tmp_path / f"quiz-{len(outputs)}.json"
        result = _run("export", "--format", "quiz-json", "--seed", seed, "-o", str(out), env_dir=data_dir)
        assert result.returncode == 0, result.stderr
        outputs.append(json.loads(out.read_text(encoding="utf-8")))
    (pack,) = outputs[0]["packs"]
    assert len(pack["questions"]) >= 40
    numeric = next(q for q in pack["questions"] if q["id"] == "figure-number:ai-plan")
    assert numeric["answer"] == "65" and "approximately $65 billion" in numeric["quote"]
    assert outputs[0] == outputs[1] and outputs[0] != outputs[2]


def test_export_pdf_headless_writes_an_a4_handout(data_dir, tmp_path):
    from pypdf import PdfReader

    out = tmp_path / "brief.pdf"
    result = _run("export", "--format", "pdf", "-o", str(out), env_dir=data_dir)
    assert result.returncode == 0, result.stderr
    reader = PdfReader(str(out))
    assert len(reader.pages) >= 2
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "~$2.3 trillion" in text and "~$65 billion" in text and "Nikkei" in text and "BFM" in text
