"""Start-up reads a pack only when its files changed: unchanged packs cost an ``lstat``, not a parse.

Every parse of a pack goes through ``content.loader._parse``; these tests count
those calls while a workspace opens, as the app does at every start.
"""

from __future__ import annotations

import os
import shutil

import pytest

from app.workspace import Workspace
from content import loader
from content import store as content_store
from tests_support import DATA


@pytest.fixture(autouse=True)
def _no_clock_tick(monkeypatch):
    """Files written by a test a moment ago count as settled (the last test here covers the tick itself)."""
    monkeypatch.setattr(content_store, "SETTLE_NS", 0)


@pytest.fixture
def parses(monkeypatch):
    """The pack files parsed so far (their pack.toml paths), counted from here on."""
    seen: list[str] = []
    real = loader._parse

    def counting(data, file):
        seen.append(file)
        return real(data, file)

    monkeypatch.setattr(loader, "_parse", counting)
    return seen


def _imported(data_dir):
    """A data folder with the second test pack imported, closed as after a session."""
    with Workspace(data_dir) as ws:
        ws.import_pack(DATA / "second_pack")
    return data_dir / "packs" / "riverton-cycling"


def _start(data_dir) -> Workspace:
    return Workspace(data_dir)


def test_an_unchanged_library_pack_is_not_parsed_at_start_up(data_dir, parses):
    _imported(data_dir)
    parses.clear()
    with _start(data_dir) as ws:
        assert parses == [], "neither the imported nor the bundled pack is read again"
        assert set(ws.pack_ids()) == {"sanaenomics", "riverton-cycling"}
        assert ws.pack("riverton-cycling").meta.title == "Riverton's cycling network to 2035", "served from the store"
        assert ws.library.broken == []


def test_a_pack_edited_since_is_read_again_and_shown_as_edited(data_dir, parses):
    folder = _imported(data_dir)
    toml = folder / "pack.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace(
        'title = "Riverton\'s cycling network to 2035"', 'title = "Riverton cycles to 2035"'), encoding="utf-8")
    parses.clear()
    with _start(data_dir) as ws:
        assert parses == [str(toml)], "only the edited pack is read"
        assert ws.pack("riverton-cycling").meta.title == "Riverton cycles to 2035"
    parses.clear()
    with _start(data_dir):
        assert parses == [], "and once stored again, it is trusted again"


def test_an_edit_that_keeps_the_size_is_noticed(data_dir, parses):
    folder = _imported(data_dir)
    toml = folder / "pack.toml"
    text = toml.read_text(encoding="utf-8")
    edited = text.replace("Riverton's cycling network to 2035", "Riverton's cycling Network to 2035", 1)
    assert len(edited) == len(text) and edited != text
    info = toml.stat()
    toml.write_text(edited, encoding="utf-8")
    os.utime(toml, ns=(info.st_atime_ns, info.st_mtime_ns))  # even with its old modification time put back
    parses.clear()
    with _start(data_dir) as ws:
        assert parses == [str(toml)]
        assert ws.pack("riverton-cycling").meta.title == "Riverton's cycling Network to 2035"


def test_an_edited_source_text_is_read_again(data_dir, parses):
    folder = _imported(data_dir)
    with (folder / "source.txt").open("a", encoding="utf-8") as source:
        source.write("\nA line added later.")
    parses.clear()
    with _start(data_dir) as ws:
        assert parses == [str(folder / "pack.toml")]
        assert ws.pack("riverton-cycling").source_text.endswith("A line added later.")


def test_a_vanished_pack_is_dropped(data_dir, parses):
    folder = _imported(data_dir)
    shutil.rmtree(folder)
    parses.clear()
    with _start(data_dir) as ws:
        assert ws.pack_ids() == ["sanaenomics"]
        assert parses == []


def test_a_pack_folder_swapped_for_a_link_to_itself_is_refused(data_dir, tmp_path):
    folder = _imported(data_dir)
    moved = tmp_path / "elsewhere"
    folder.rename(moved)
    folder.symlink_to(moved, target_is_directory=True)  # same files, same inodes, reached through a link
    with _start(data_dir) as ws:
        assert ws.pack_ids() == ["sanaenomics"]
        (error,) = ws.library.broken
        assert "symbolic link" in str(error)


def test_a_renamed_pack_folder_is_refused(data_dir):
    folder = _imported(data_dir)
    folder.rename(folder.with_name("renamed"))
    with _start(data_dir) as ws:
        assert ws.pack_ids() == ["sanaenomics"]
        (error,) = ws.library.broken
        assert "is named 'renamed'" in str(error)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pack_file_swapped_for_a_fifo_is_refused_without_hanging(data_dir):
    folder = _imported(data_dir)
    (folder / "pack.toml").unlink()
    os.mkfifo(folder / "pack.toml")  # reading it would block forever
    with _start(data_dir) as ws:
        assert ws.pack_ids() == ["sanaenomics"]
        (error,) = ws.library.broken
        assert "named pipe" in str(error)


def test_a_pack_written_while_it_was_read_is_read_again_at_the_next_start(data_dir, parses, monkeypatch):
    """Files changed within a clock tick of being read may change again unnoticed: they are not trusted."""
    _imported(data_dir)
    (data_dir / "content.db").unlink()  # the store forgets everything: the next start stores the packs again
    monkeypatch.setattr(content_store, "SETTLE_NS", 10**18)  # as if every file had just been written
    with _start(data_dir):
        pass
    monkeypatch.setattr(content_store, "SETTLE_NS", 0)
    parses.clear()
    with _start(data_dir):
        assert len(parses) == 2, "neither pack's state was recorded, so both are read again"
    parses.clear()
    with _start(data_dir):
        assert parses == []
