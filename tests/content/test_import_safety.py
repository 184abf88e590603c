"""Importing and starting: a pack never decides where it is written and never stops the app.

The library computes each pack's folder itself, writes the bytes it checked
under fixed names, stores the content with the move undone if that fails, and
can be cancelled until it starts changing anything. A pack put into the library
by hand is checked at every start like an import, and whatever goes wrong with
it (even storing) makes it a broken pack, not a crash.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from pack_edits import make_pack, tree

from app.workspace import Workspace
from content.library import Cancellation, Library
from content.problems import ImportCancelled, PackError
from tests_support import DATA


@pytest.mark.parametrize("target", ["victim", "home/.config/autostart"])
def test_an_id_that_is_a_path_imports_nothing_anywhere(tmp_path, target):
    victim = tmp_path / target
    victim.mkdir(parents=True)
    (victim / "precious.txt").write_text("keep me", encoding="utf-8")
    data = tmp_path / "home" / ".local" / "share" / "BriefingQuiz"
    data.mkdir(parents=True)
    inside = str(data.relative_to(tmp_path))

    def outside_data() -> dict[str, bytes | str]:
        return {k: v for k, v in tree(tmp_path).items() if not k.startswith(inside + "/")}

    relative = os.path.relpath(victim, data / "packs")
    for bad_id in (relative, "/../../../../../../../../../.." + str(victim)):
        folder = make_pack(tmp_path, ('id = "minimal"', f'id = "{bad_id}"'), name=f"pack-{len(bad_id)}")
        before = outside_data()
        ws = Workspace(data)
        try:
            with pytest.raises(PackError, match="must be lower-case letters"):
                ws.import_pack(folder)
            assert ws.pack_ids() == ["sanaenomics"]
        finally:
            ws.close()
        assert outside_data() == before
        assert (victim / "precious.txt").read_text(encoding="utf-8") == "keep me"


def test_the_library_computes_the_folder_and_refuses_one_that_links_elsewhere(tmp_path):
    library = Library(tmp_path / "data")
    library.folder.mkdir(parents=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (library.folder / "minimal").symlink_to(elsewhere)
    with pytest.raises(PackError, match="link to somewhere else"):
        library.import_pack(DATA / "minimal")
    assert list(elsewhere.iterdir()) == []


def test_source_file_through_a_link_cannot_write_outside_the_library(tmp_path):
    folder = make_pack(tmp_path)
    deep = folder.joinpath(*[f"d{i}" for i in range(30)])
    deep.mkdir(parents=True)
    (folder / "l").symlink_to(Path(*[f"d{i}" for i in range(30)]))
    outside = tmp_path / "x"
    outside.mkdir()
    escape = "l/" + "../" * 30 + str(outside).lstrip("/") + "/pwned.txt"
    (outside / "pwned.txt").write_text("original", encoding="utf-8")  # so the old check could read it
    text = (folder / "pack.toml").read_text(encoding="utf-8").replace('source_file = "source.txt"',
                                                                     f'source_file = "{escape}"')
    (folder / "pack.toml").write_text(text, encoding="utf-8")
    (outside / "pwned.txt").unlink()
    ws = Workspace(tmp_path / "data")
    try:
        with pytest.raises(PackError, match="plain name of a file"):
            ws.import_pack(folder)
    finally:
        ws.close()
    assert list(outside.iterdir()) == [], "nothing may be written outside the library"
    assert not (tmp_path / "data" / "packs").exists() or not any((tmp_path / "data" / "packs").iterdir())


def test_import_writes_the_bytes_it_validated_under_fixed_names(tmp_path):
    folder = make_pack(tmp_path)
    (folder / "notes.md").write_text("not part of the pack", encoding="utf-8")
    library = Library(tmp_path / "data")
    pack = library.import_pack(folder)
    target = library.folder / pack.id
    assert sorted(p.name for p in target.iterdir()) == ["pack.toml", "source.txt"]
    assert (target / "pack.toml").read_bytes() == (folder / "pack.toml").read_bytes()
    assert (target / "source.txt").read_bytes() == (folder / "source.txt").read_bytes()


def _plant(data: Path, folder: Path, name: str) -> Path:
    target = data / "packs" / name
    shutil.copytree(folder, target, symlinks=True)
    return target


def test_a_pack_with_a_huge_year_in_the_library_does_not_stop_the_app_starting(tmp_path):
    data = tmp_path / "data"
    folder = make_pack(tmp_path, ("year = 2030", "year = 9999999999999999999999999"), source=False)
    _plant(data, folder, "minimal")
    ws = Workspace(data)  # used to die with OverflowError at every start
    try:
        assert ws.pack_ids() == ["sanaenomics"]
        (broken,) = ws.library.broken
        assert "figures[0].year" in str(broken)
    finally:
        ws.close()


def test_a_pack_sqlite_rejects_is_a_broken_pack_not_a_crash(tmp_path, monkeypatch):
    """Whatever the validator missed, storing a pack fails as that pack's problem (and the app starts)."""
    import db.content

    def refuse(db, pack_row, rows):
        raise OverflowError("Python int too large to convert to SQLite INTEGER")

    data = tmp_path / "data"
    _plant(data, DATA / "minimal", "minimal")
    real = db.content.replace_pack
    monkeypatch.setattr(db.content, "replace_pack",
                        lambda d, row, rows: refuse(d, row, rows) if row["id"] == "minimal" else real(d, row, rows))
    ws = Workspace(data)
    try:
        assert ws.pack_ids() == ["sanaenomics"]
        assert "could not be stored (OverflowError" in str(ws.library.broken[0])
    finally:
        ws.close()


def test_when_storing_fails_the_import_is_undone_and_the_older_copy_kept(tmp_path):
    library = Library(tmp_path / "data")
    library.import_pack(DATA / "minimal")
    older = tree(library.folder)
    changed = make_pack(tmp_path, ('title = "Town trees"', 'title = "Town trees, revised"'))

    def store(pack):
        raise OverflowError("the store refused it")

    with pytest.raises(OverflowError):
        library.import_pack(changed, store)
    assert tree(library.folder) == older, "the library holds exactly what it held before"


def test_a_cancelled_import_changes_nothing(tmp_path):
    library = Library(tmp_path / "data")
    cancel = Cancellation()
    assert cancel.cancel()
    with pytest.raises(ImportCancelled):
        library.import_pack(DATA / "minimal", cancel=cancel)
    assert not library.folder.exists() or not any(library.folder.iterdir())
    late = Cancellation()
    late.commit()
    assert not late.cancel(), "once the library is being changed the import finishes"
