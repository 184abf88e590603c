"""The hostile corpus's markup and text-direction packs as handouts: every renderer shows the text as typed.

Markup in every text field (``<b>``, ``<img src="file:///dev/zero">``, a link,
``<style>``, entities, ``<script>``), images pointing at a FIFO and at a file
outside the pack: the briefing and the one-page brief are written as PDF, Word
and Markdown and read back. Rendering runs in a subprocess with a timeout, so a
renderer that tried to read the FIFO would fail this test instead of hanging it.
"""

from __future__ import annotations

import json
import subprocess
import sys

from tests_support import DATA, ROOT

SCRIPT = r"""
import json, re, sys
from datetime import date
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import importlib.util
spec = importlib.util.spec_from_file_location("corpus", sys.argv[2])
corpus = importlib.util.module_from_spec(spec); sys.modules["corpus"] = corpus; spec.loader.exec_module(corpus)
import docx
from markdown_it import MarkdownIt
from pypdf import PdfReader
from app.handouts import document, write
from content.loader import load_pack

sandbox = Path(sys.argv[3])
targets = corpus.make_targets(sandbox)
squash = lambda text: re.sub(r"\s+", " ", text).strip()
results = {}
for case in corpus.CASES:
    if case.expect != "open" or not (case.name.startswith("markup-") or case.name.startswith("body-")):
        continue
    folder = sandbox / "packs" / case.name
    case.build(folder, targets)
    pack = load_pack(folder)
    problems = []
    for what in ("briefing", "brief"):
        doc, _ = document(pack, what, date(2026, 11, 25))
        pdf, word, md = (sandbox / f"{case.name}-{what}.{ext}" for ext in ("pdf", "docx", "md"))
        write(doc, "pdf", pdf, "a4"); write(doc, "docx", word, "a4"); write(doc, "markdown", md, "a4")
        text = squash(" ".join(p.extract_text() for p in PdfReader(str(pdf)).pages))
        for shown in (pack.meta.title, *(f.label for f in pack.figures)):
            if squash(shown) not in text:
                problems.append(f"{what} pdf lacks {shown!r}")
        if docx.Document(str(word)).paragraphs[0].text != pack.meta.title:
            problems.append(f"{what} docx title")
        html = MarkdownIt("commonmark").enable("table").render(md.read_text(encoding="utf-8"))
        tags = set(re.findall(r"<([a-z]+)[\s>]", html))
        if tags & {"b", "img", "style", "script", "font", "i"}:
            problems.append(f"{what} markdown became markup: {sorted(tags)}")
        if len(re.findall(r"<a ", html)) > (1 if pack.meta.source_url else 0):
            problems.append(f"{what} markdown has a link the pack typed")
    results[case.name] = problems
print(json.dumps(results))
"""


def test_markup_and_text_direction_packs_stay_literal_in_every_handout(tmp_path):
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(ROOT), str(DATA / "hostile_corpus" / "make_corpus.py"),
                             str(tmp_path)], capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-3000:]
    results = json.loads(result.stdout.strip().splitlines()[-1])
    assert len(results) >= 10, sorted(results)
    assert {name: problems for name, problems in results.items() if problems} == {}
