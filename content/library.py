"""The user's pack library: bundled packs plus packs imported into the data folder.

Importing is all-or-nothing, and a pack never decides where it is written:

1. The pack is read (regular files only, size-limited) and validated.
2. The library computes the pack's folder itself, ``<library>/<pack id>``,
   from an id that fully matches the id pattern, and checks that the resolved
   folder's parent is the library.
3. The bytes that were validated are written, under fixed names
   (``pack.toml`` and the checked plain name of the source text), into a
   staging folder inside the library; the author's folder is not read again
   and no path the author wrote is ever replayed.
4. The staging folder is renamed into place (an older copy is set aside),
   then the content is stored. If storing fails, the rename is undone and the
   older copy put back, so the library and the content store agree.

Until step 4 starts, an import can be cancelled (:class:`Cancellation`);
cancelled or failed, nothing has changed. Re-importing a pack with the same
id replaces its content; progress is keyed by stable ids and is not touched.

At start-up each imported folder is loaded with :meth:`Library.load`, which
also refuses folders that are links or whose name is not their pack's id (a
folder planted or edited by hand), so a pack in the library can never shadow
another one.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from content.limits import ID_PATTERN
from content.loader import PACK_FILE, PackFiles, bundled_packs, load_pack, load_pack_files
from content.model import Pack
from content.problems import ImportCancelled, PackError, Problem

LIBRARY_DIR = "packs"
_STAGING_PREFIX = ".import-"
_RETIRED_PREFIX = ".replaced-"


class Cancellation:
    """Lets the person importing stop an import, up to the moment it starts changing the library.

    Thread-safe: the GUI calls :meth:`cancel` while a worker thread imports.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cancelled = False
        self._committed = False

    def cancel(self) -> bool:
        """Ask to stop; False when it is too late (the library is already being changed)."""
        with self._lock:
            if self._committed:
                return False
            self._cancelled = True
            return True

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def checkpoint(self) -> None:
        """Raise :class:`ImportCancelled` if cancelled (called between the slow steps)."""
        if self._cancelled:
            raise ImportCancelled()

    def commit(self) -> None:
        """From here on the import finishes: raise :class:`ImportCancelled` if already cancelled."""
        with self._lock:
            if self._cancelled:
                raise ImportCancelled()
            self._committed = True


@dataclass
class Library:
    """Pack folders known to the app, in the order they are offered."""

    root: Path
    broken: list[PackError] = field(default_factory=list)
    _bundled_ids: set[str] | None = field(default=None, repr=False)

    @property
    def folder(self) -> Path:
        return self.root / LIBRARY_DIR

    def imported(self) -> list[Path]:
        """Every folder (or link) in the library, staging folders aside: each should hold one pack."""
        if not self.folder.is_dir():
            return []
        return sorted(p for p in self.folder.iterdir() if not p.name.startswith(".") and (p.is_dir() or p.is_symlink()))

    def directories(self) -> list[Path]:
        return [*bundled_packs(), *self.imported()]

    def bundled_ids(self) -> set[str]:
        if self._bundled_ids is None:
            self._bundled_ids = {load_pack(d).id for d in bundled_packs()}
        return self._bundled_ids

    def remember_bundled_ids(self, ids: set[str]) -> None:
        """The bundled packs' ids, when start-up already knows them from the content store (saves a parse)."""
        self._bundled_ids = set(ids)

    def pack_folder(self, pack_id: str, file: str) -> Path:
        """Where pack ``pack_id`` lives: computed here, and checked to be directly inside the library."""
        if not ID_PATTERN.fullmatch(pack_id):  # validated already; checked again where it becomes a path
            raise PackError([Problem(file, 0, "pack.id", f"id {pack_id!r} cannot name a folder")])
        target = self.folder / pack_id
        if target.resolve().parent != self.folder.resolve():
            raise PackError([Problem(file, 0, "pack.id", f"the library folder for {pack_id!r} ({target}) is a "
                                     "link to somewhere else; remove it and import again")])
        return target

    def load(self, directory: Path) -> Pack:
        """Load a pack folder; an imported one must be a real folder named after its pack id."""
        directory = Path(directory)
        file = str(directory / PACK_FILE)
        imported = directory.parent == self.folder
        if imported and directory.is_symlink():
            raise PackError([Problem(file, 0, "", "this library folder is a symbolic link; a pack in the library "
                                     "must be a folder of its own. Remove it and import the pack again")])
        pack = load_pack(directory)
        if imported:
            if pack.id != directory.name:
                raise PackError([Problem(file, 0, "pack.id", f"this folder holds pack {pack.id!r} but is named "
                                         f"{directory.name!r}; packs are only added by importing them")])
            if pack.id in self.bundled_ids():
                raise PackError([Problem(file, 0, "pack.id", f"id {pack.id!r} is used by a pack that ships with "
                                         "the app")])
        return pack

    def import_pack(self, source: Path, store: Callable[[Pack], object] | None = None,
                    cancel: Cancellation | None = None) -> Pack:
        """Validate ``source``, copy it into the library and ``store`` it; raise :class:`PackError`.

        Raises :class:`ImportCancelled` if ``cancel`` was used before the library changed.
        Errors from ``store`` undo the copy and are raised as they are.
        """
        cancel = cancel or Cancellation()
        pack, files = load_pack_files(source, cancel.checkpoint)
        file = str(Path(source) / PACK_FILE)
        if pack.id in self.bundled_ids():
            raise PackError([Problem(file, 0, "pack.id",
                                     f"id {pack.id!r} is used by a pack that ships with the app; choose another id")])
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.pack_folder(pack.id, file)
        staging = Path(tempfile.mkdtemp(prefix=_STAGING_PREFIX, dir=self.folder))
        try:
            _write_files(staging, files)
            cancel.checkpoint()
            cancel.commit()
            retired = self._swap_in(staging, target)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        try:
            if store is not None:
                store(pack)
        except BaseException:
            try:
                self._swap_back(target, retired)
            except OSError:
                pass  # the next start stores whatever the library then holds: the two agree again
            raise
        if retired is not None:
            shutil.rmtree(retired, ignore_errors=True)
        return pack

    def share(self, pack_id: str, destination: Path) -> Path:
        """Write a copy of pack ``pack_id`` (its ``pack.toml`` and source text, as validated) to
        ``destination/<pack id>``, the folder a colleague imports; return that folder.

        A tester found no way to share a pack from the app but to find its folder by hand. The copy is written
        into a hidden folder beside the target and renamed into place, so a half-written copy is never left
        under the pack's name; an existing folder of that name is never overwritten (FileExistsError).
        """
        bundled = next((d for d in bundled_packs() if pack_id in self.bundled_ids() and load_pack(d).id == pack_id),
                       None)
        source = bundled or self.pack_folder(pack_id, str(self.folder / pack_id / PACK_FILE))
        pack, files = load_pack_files(source)
        target = Path(destination) / pack.id
        if os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, "a folder of that name is already there", str(target))
        staging = Path(tempfile.mkdtemp(prefix=f".{pack.id}-", dir=destination))
        try:
            _write_files(staging, files)
            staging.rename(target)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        return target

    def _swap_in(self, staging: Path, target: Path) -> Path | None:
        """Rename ``staging`` to ``target``; an older copy is moved aside and its holder returned."""
        retired = None
        if os.path.lexists(target):
            retired = Path(tempfile.mkdtemp(prefix=_RETIRED_PREFIX, dir=self.folder))
            target.rename(retired / "pack")
        try:
            staging.rename(target)
        except BaseException:
            if retired is not None:
                (retired / "pack").rename(target)
                shutil.rmtree(retired, ignore_errors=True)
            raise
        return retired

    def _swap_back(self, target: Path, retired: Path | None) -> None:
        """Undo :meth:`_swap_in`: the new copy goes, the older one (if any) comes back."""
        failed = Path(tempfile.mkdtemp(prefix=_STAGING_PREFIX, dir=self.folder))
        target.rename(failed / "pack")
        if retired is not None:
            (retired / "pack").rename(target)
            shutil.rmtree(retired, ignore_errors=True)
        shutil.rmtree(failed, ignore_errors=True)


def _write_files(folder: Path, files: PackFiles) -> None:
    """Write the validated bytes under fixed, checked names, flushed to disk before the rename."""
    outputs = [(PACK_FILE, files.toml)]
    if files.source_name is not None:
        outputs.append((files.source_name, files.source))
    for name, data in outputs:
        path = folder / name  # PACK_FILE, or a name that fully matched SOURCE_NAME_PATTERN
        with open(path, "xb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
