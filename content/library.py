"""The user's pack library: bundled packs plus packs imported into the data folder.

Importing is all-or-nothing. The pack is validated first; only then are its
files (``pack.toml`` and its source text, nothing else) copied into a
temporary folder beside the library and renamed into place, so a crash or a
bad pack never leaves a half-imported copy behind. Re-importing a pack with
the same id replaces its content; progress is keyed by stable ids and is not
touched.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from content.loader import PACK_FILE, bundled_packs, load_pack
from content.model import Pack
from content.problems import PackError, Problem

LIBRARY_DIR = "packs"


@dataclass
class Library:
    """Pack folders known to the app, in the order they are offered."""

    root: Path
    broken: list[PackError] = field(default_factory=list)

    @property
    def folder(self) -> Path:
        return self.root / LIBRARY_DIR

    def imported(self) -> list[Path]:
        if not self.folder.is_dir():
            return []
        return sorted(p.parent for p in self.folder.glob(f"*/{PACK_FILE}") if not p.parent.name.startswith("."))

    def directories(self) -> list[Path]:
        return [*bundled_packs(), *self.imported()]

    def import_pack(self, source: Path) -> Pack:
        """Validate ``source`` and copy it into the library; raise :class:`PackError`."""
        pack = load_pack(source)
        bundled_ids = {load_pack(d).id for d in bundled_packs()}
        if pack.id in bundled_ids:
            raise PackError([Problem(str(Path(source) / PACK_FILE), 0, "pack.id",
                                     f"id {pack.id!r} is used by a pack that ships with the app; choose another id")])
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.folder / pack.id  # ids are validated: no '/' or '..'
        staging = Path(tempfile.mkdtemp(prefix=f".{pack.id}-", dir=self.folder))
        try:
            shutil.copy2(Path(source) / PACK_FILE, staging / PACK_FILE)
            if pack.meta.source_file:
                (staging / pack.meta.source_file).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(Path(source) / pack.meta.source_file, staging / pack.meta.source_file)
            copied = load_pack(staging)  # what we will use is what we validated
            if target.exists():
                retired = Path(tempfile.mkdtemp(prefix=f".{pack.id}-old-", dir=self.folder))
                target.rename(retired / "pack")
                staging.rename(target)
                shutil.rmtree(retired, ignore_errors=True)
            else:
                staging.rename(target)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        return copied
