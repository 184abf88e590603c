"""Importing packs: all or nothing, side by side, re-import keeps progress."""

from __future__ import annotations

import pytest

from app.workspace import Workspace
from content.problems import PackError
from db.learners import ensure_learner
from quiz.answers import record_answer
from tests_support import BUNDLED, DATA


def test_import_adds_a_pack_beside_the_bundled_one(data_dir):
    ws = Workspace(data_dir)
    pack = ws.import_pack(DATA / "minimal")
    assert pack.id == "minimal"
    assert set(ws.pack_ids()) == {"sanaenomics", "minimal"}
    assert sorted(p.name for p in (data_dir / "packs" / "minimal").iterdir()) == ["pack.toml", "source.txt"]
    ws.close()
    again = Workspace(data_dir)  # survives a restart
    assert again.pack("minimal").figures[0].label == "Trees to plant"
    again.close()


def test_broken_pack_is_not_half_imported(data_dir, pack_copy):
    pack_dir = pack_copy(DATA / "minimal")
    toml = pack_dir / "pack.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('outlet = "widgets-weekly"', 'outlet = "nobody"'),
                    encoding="utf-8")
    ws = Workspace(data_dir)
    with pytest.raises(PackError, match="unknown id 'nobody'"):
        ws.import_pack(pack_dir)
    assert ws.pack_ids() == ["sanaenomics"]
    assert not (data_dir / "packs").exists() or not any((data_dir / "packs").iterdir())
    ws.close()


def test_bundled_id_cannot_be_shadowed(data_dir):
    ws = Workspace(data_dir)
    with pytest.raises(PackError, match="ships with the app"):
        ws.import_pack(BUNDLED)
    ws.close()


def test_reimport_updates_content_and_keeps_progress(data_dir, pack_copy):
    pack_dir = pack_copy(DATA / "minimal")
    ws = Workspace(data_dir)
    ws.import_pack(pack_dir)
    record_answer(ws.progress, learner_id=ensure_learner(ws.progress), pack_id="minimal", question_id="q-trees",
                  response="300", correct=True, score=1.0, elapsed_ms=1000, mode="practice", session_id=None)
    toml = pack_dir / "pack.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('title = "The tree plan"', 'title = "Trees!"'),
                    encoding="utf-8")
    ws.import_pack(pack_dir)
    assert ws.pack("minimal").sections[0].title == "Trees!"
    assert ws.progress["answers"].count == 1
    ws.close()


def test_imported_pack_broken_later_is_skipped_not_fatal(data_dir):
    ws = Workspace(data_dir)
    ws.import_pack(DATA / "minimal")
    ws.close()
    (data_dir / "packs" / "minimal" / "pack.toml").write_text("not = [valid", encoding="utf-8")
    ws = Workspace(data_dir)
    assert ws.pack_ids() == ["sanaenomics"]
    assert "invalid TOML" in str(ws.library.broken[0])
    ws.close()


def test_the_bundled_pack_is_shared_with_its_source_text(data_dir, tmp_path):
    ws = Workspace(data_dir)
    try:
        shared = ws.share_pack("sanaenomics", tmp_path)
    finally:
        ws.close()
    assert shared == tmp_path / "sanaenomics"
    assert sorted(p.name for p in shared.iterdir()) == ["pack.toml", "source.txt"]
    assert (shared / "pack.toml").read_bytes() == (BUNDLED / "pack.toml").read_bytes()
    assert (shared / "source.txt").read_bytes() == (BUNDLED / "source.txt").read_bytes()
