"""Content store: faithful round trip, rebuild on change, progress untouched."""

from __future__ import annotations

import dataclasses

from app.workspace import Workspace
from content.loader import load_pack
from content.store import export_all, read_pack, write_pack
from db.content import open_content, pack_ids
from db.learners import ensure_learner


def test_round_trip_is_exact(bundled_pack):
    db = open_content(None)
    assert write_pack(db, bundled_pack) is True
    assert read_pack(db, "sanaenomics") == bundled_pack
    assert write_pack(db, bundled_pack) is False  # unchanged digest: skipped


def test_changed_pack_is_rebuilt_without_touching_progress(tmp_path, pack_copy):
    pack_dir = pack_copy()
    ws = Workspace(tmp_path / "ws", packs=[pack_dir])
    learner = ensure_learner(ws.progress)
    ws.progress["section_reads"].insert(
        {"learner_id": learner, "pack_id": "sanaenomics", "section_id": "overview", "read_at": "t"}
    )
    ws.close()

    toml = pack_dir / "pack.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace(
        'title = "The investment targets"', 'title = "Investment targets"'), encoding="utf-8")
    ws = Workspace(tmp_path / "ws", packs=[pack_dir])
    assert ws.pack().sections[2].title == "Investment targets"
    assert list(ws.progress.query("SELECT section_id FROM section_reads")) == [{"section_id": "overview"}]
    ws.close()


def test_export_holds_every_record(bundled_pack):
    db = open_content(None)
    write_pack(db, bundled_pack)
    (exported,) = export_all(db)["packs"]
    original = dataclasses.asdict(bundled_pack)
    for name in ("sections", "figures", "tables", "lists", "terms", "facts", "questions", "outlets"):
        assert len(exported[name]) == len(original[name]) > 0


def test_content_file_with_unknown_layout_is_rebuilt(tmp_path, bundled_pack):
    path = tmp_path / "content.db"
    path.write_bytes(b"junk" * 1000)
    db = open_content(path)
    assert pack_ids(db) == []
    write_pack(db, bundled_pack)
    db.close()
    assert pack_ids(open_content(path)) == ["sanaenomics"]


def test_minimal_pack_side_by_side(tmp_path, bundled_pack):
    from tests_support import BUNDLED, DATA

    ws = Workspace(tmp_path / "ws", packs=[BUNDLED, DATA / "minimal"])
    assert set(ws.pack_ids()) == {"sanaenomics", "minimal"}
    assert ws.pack("minimal").figures[0].amount == 300
    assert load_pack(DATA / "minimal").digest == ws.pack("minimal").digest
