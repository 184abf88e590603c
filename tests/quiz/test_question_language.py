"""The pack's ``language`` picks the language of its generated questions (issue #15, point 5).

English packs generate exactly what they generated before the templates went through the
translation lookup: ``tests/data/snapshots/generated_english.json`` holds every generated
question's texts for seed 0, computed on the code before that change. A deliberate change to an
English template updates it with ``PYTHONPATH=.:tests python tests/quiz/test_question_language.py``.
"""

from __future__ import annotations

import json
import sys

import pytest

from content.loader import load_pack
from quiz.generate import generate
from tests_support import ROOT

SNAPSHOT = ROOT / "tests" / "data" / "snapshots" / "generated_english.json"
ENGLISH_PACKS = ("content/sanaenomics", "tests/data/clean_cells", "tests/data/minimal", "tests/data/second_pack",
                 "tests/data/arabic_pack", "tests/data/hostile")  # Arabic has no translation: English templates
#: What a learner reads of a question, apart from the pack's own quotes.
FIELDS = ("id", "prompt", "answer", "answers", "choices", "pairs", "explanation", "feedback", "correction", "accepted",
          "unit")


def _texts(pack_dir: str) -> list[dict]:
    pack = load_pack(ROOT / pack_dir)
    # Through JSON, so tuples compare with the snapshot's lists.
    return json.loads(json.dumps([{k: v for k, v in q.to_dict().items() if k in FIELDS} for q in generate(pack, 0)]))


@pytest.mark.parametrize("pack_dir", ENGLISH_PACKS)
def test_english_packs_generate_exactly_what_they_did_before(pack_dir):
    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8"))[pack_dir]
    got = _texts(pack_dir)
    assert [q["id"] for q in got] == [q["id"] for q in expected]
    for now, before in zip(got, expected, strict=True):
        assert now == before, now["id"]


if __name__ == "__main__":  # refresh the snapshot after a deliberate change to an English template
    SNAPSHOT.write_text(json.dumps({p: _texts(p) for p in ENGLISH_PACKS}, ensure_ascii=False, indent=0,
                                   sort_keys=True), encoding="utf-8")
    sys.exit(0)
