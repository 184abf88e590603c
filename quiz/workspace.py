"""The running app's data: content store, progress store and current learner.

One object the UI and the CLI both use, so they cannot disagree about where
files are or how they are opened. It holds no Qt and can be used headless.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from content.library import Cancellation, Library
from content.loader import PACK_FILE, bundled_packs
from content.model import Pack
from content.problems import PackError
from content.store import read_pack, store_pack, sync_packs
from db import backup, recovery
from db import content as content_db
from db import progress as progress_db
from db.errors import StoreError
from db.learners import ensure_learner, list_learners
from db.paths import data_dir

#: What an import does, in order (for a progress bar).
IMPORT_STEPS = ("Checking the pack and copying it into the library", "Storing the content", "Done")


@dataclass(frozen=True)
class Recovery:
    """What happened to a damaged progress file found at start-up."""

    message: str
    moved_to: Path  # the damaged file, kept
    backup: backup.Backup | None  # the newest good backup to offer, if any


class Workspace:
    """Opens both stores under one data directory."""

    def __init__(self, root: str | Path | None = None, *, packs: Iterable[Path] | None = None):
        self.root = data_dir(root)
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            self.content: Database = content_db.open_content(self.root / content_db.CONTENT_FILE)
        except (OSError, sqlite3.OperationalError) as exc:
            raise StoreError(
                f"Cannot use the data folder {self.root}: {exc}. Choose another folder with --data-dir "
                "or check that it exists, is writable and the disk is not full."
            ) from exc
        self.library = Library(self.root)
        bundled = set(bundled_packs())
        directories = list(packs) if packs is not None else self.library.directories()
        broken: list[PackError] = []
        sync_packs(self.content, directories, broken=broken, load=self.library.load)
        # A broken bundled pack is a bug in the app and must be loud; a broken
        # imported pack is reported to the user and skipped.
        for error in broken:
            if any(Path(p.file).parent in bundled for p in error.problems):
                raise error
        self.library.broken = broken
        #: set when the progress file was damaged at start-up (the UI offers the newest backup)
        self.recovery: Recovery | None = None
        health = recovery.check_progress(self.progress_path)
        if health.status == "corrupt":
            moved = recovery.move_aside(self.progress_path)
            self.recovery = Recovery(health.message, moved, recovery.newest_good_backup(self.backups_dir))
        self.progress: Database = progress_db.open_progress(self.progress_path)
        self._packs: dict[str, Pack] = {}
        #: The learner whose answers are being recorded (the UI may switch it).
        self.learner_id: int = ensure_learner(self.progress)

    @property
    def progress_path(self) -> Path:
        return self.root / progress_db.PROGRESS_FILE

    @property
    def backups_dir(self) -> Path:
        return self.root / backup.BACKUP_DIR

    # -- backups ---------------------------------------------------------------
    def back_up(self, *, now: datetime | None = None) -> Path:
        """Back up progress now (online backup API), then rotate old backups."""
        path = backup.backup_now(self.progress.conn, self.backups_dir, now=now)
        backup.rotate(self.backups_dir, now=now)
        return path

    def back_up_if_due(self, *, now: datetime | None = None) -> Path | None:
        """At most one automatic backup per :data:`db.backup.INTERVAL` of use."""
        if backup.due(self.backups_dir, now=now):
            return self.back_up(now=now)
        return None

    def restore(self, source: Path) -> Path | None:
        """Replace progress with backup ``source``; the current file is kept aside (returned)."""
        self.progress.close()
        try:
            moved = recovery.restore(source, self.progress_path)
        finally:
            self.progress = progress_db.open_progress(self.progress_path)
        ids = [int(row["id"]) for row in list_learners(self.progress)]
        if self.learner_id not in ids:
            self.learner_id = ids[0] if ids else ensure_learner(self.progress)
        self.recovery = None
        return moved

    def pack_ids(self) -> list[str]:
        return content_db.pack_ids(self.content)

    def pack_titles(self) -> list[tuple[str, str, str]]:
        """(id, title, source title) per pack, without reading whole packs (for pack choosers)."""
        return content_db.pack_titles(self.content)

    def pack(self, pack_id: str | None = None) -> Pack:
        """A stored pack (the first one when ``pack_id`` is None), cached per digest."""
        pack_id = pack_id or self.pack_ids()[0]
        cached = self._packs.get(pack_id)
        if cached is None or cached.digest != content_db.stored_digest(self.content, pack_id):
            cached = self._packs[pack_id] = read_pack(self.content, pack_id)
        return cached

    def import_pack(self, source: str | Path, progress: Callable[[int, str], None] | None = None,
                    cancel: Cancellation | None = None) -> Pack:
        """Validate and copy a pack folder into the library, then store it.

        Raises :class:`PackError` listing every problem; nothing is imported then.
        ``progress(step, what)`` is told before each of :data:`IMPORT_STEPS` steps;
        ``cancel`` can stop the import until its second step (then
        :class:`~content.problems.ImportCancelled` is raised and nothing changed).
        The content is written through a connection opened here, so the GUI can
        run an import on a worker thread (SQLite connections stay on their thread).
        """
        report = progress or (lambda _step, _what: None)
        report(0, IMPORT_STEPS[0])
        db = content_db.open_content(self.root / content_db.CONTENT_FILE)

        def store(pack: Pack) -> None:
            report(1, IMPORT_STEPS[1])
            store_pack(db, pack, str(Path(source) / PACK_FILE))

        try:
            pack = self.library.import_pack(Path(source), store, cancel)
        finally:
            db.close()
        report(2, IMPORT_STEPS[2])
        return pack

    def close(self) -> None:
        self.content.close()
        self.progress.close()
