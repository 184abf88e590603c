"""The application facade: the data folder's stores, the current learner, and every use case.

One object the UI and the CLI both use, so they cannot disagree about where
files are, how they are opened, or how an answer, a read mark or a restore is
stored. It holds no Qt and can be used headless; open it as a context manager
(``with Workspace(root) as ws:``) so the stores are closed and the data folder
given up on every path.

Opening follows one order, whoever opens: take the data folder's instance lock
(one user at a time), finish a restore a kill interrupted, remove what killed
backups left, check the progress file, and only then open it. Recovery from a
damaged file (or a journal left without its file) belongs to whoever passes
``recover=True`` (the GUI, or ``main.py --recover``); everyone else is refused
with :class:`NeedsRecoveryError` and changes nothing, so the offer of a backup
is never used up silently.
"""

from __future__ import annotations

from db import sqlite_utils_import  # noqa: F401 - before sqlite_utils itself: loads it without numpy

# isort: split
import shutil
import sqlite3
import tempfile
import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from app.targets import check_target
from content.library import Cancellation as Cancellation  # re-exported: the GUI cancels imports with it
from content.library import Library
from content.loader import PACK_FILE, bundled_packs, load_pack_files
from content.model import Pack
from content.problems import PackError, Problem
from content.store import export_all, read_pack, record_files, settled_files_state, store_pack, sync_packs
from db import answers as answers_db
from db import backup, reads, recovery
from db import content as content_db
from db import learners as learners_db
from db import live as live_db
from db import marks as marks_db
from db import progress as progress_db
from db import stats as stats_db
from db.backup import Backup as Backup  # re-exported: the GUI lists backups
from db.errors import (
    ForeignFileError,
    InstanceBusyError,
    NeedsRecoveryError,
    NewerSchemaError,
    StoreError,
    saving,
)
from db.instance import InstanceLock
from db.learners import DEFAULT_LEARNER as DEFAULT_LEARNER  # re-exported: the GUI shows it in its language
from db.learners import ensure_learner, list_learners
from db.paths import data_dir
from quiz import progress_export, stats
from quiz.browse import QuestionRow, question_rows
from quiz.generate import generate
from quiz.questions import QuizQuestion
from quiz.session import QuizSession

if TYPE_CHECKING:  # imported when used, not at start-up
    from app import handouts
    from app.live import LiveOptions, LiveRun
    from quiz.interchange.merge import ImportReport
    from quiz.report import Report

#: What an import does, in order (for a progress bar).
IMPORT_STEPS = ("Checking the pack and copying it into the library", "Storing the content", "Done")
#: How long the app waits for a command-line run that holds the data folder to finish.
COMMAND_PATIENCE_S = 10.0


@dataclass(frozen=True)
class DatabaseCheck:
    """Help → Check database: SQLite's verdict ("ok" or its findings) and what is kept."""

    result: str
    answers: int
    backups: list[Backup]
    path: Path

    @property
    def ok(self) -> bool:
        return self.result == "ok"


@dataclass(frozen=True)
class Recovery:
    """What happened to a damaged (or missing) progress file found at start-up."""

    message: str
    moved_to: Path  # the damaged file's new name, kept (absent if only its journal was left)
    backup: backup.Backup | None  # what to offer: answers salvaged from the journal, or the newest good backup
    kept: tuple[Path, ...] = field(default=())  # every file moved aside
    salvaged: bool = False  # ``backup`` was rebuilt from the left-over journal, not taken as a backup


class Workspace:
    """Opens both stores under one data directory.

    ``recover``: move a damaged progress file aside and offer a backup
    (:attr:`recovery`); without it such a file raises NeedsRecoveryError.
    ``holder``/``command``: how a second comer is told who has the folder.
    ``read_only_if_busy``: when another process holds the folder (the app is
    open), open progress read-only instead of failing: commands that only read
    see everything the app has saved, and cannot change it.
    ``slow``: runs the slow, self-contained steps of opening (the progress
    file's full check, reading a changed pack) and returns their result; the
    GUI passes one that runs them on a worker thread while its window paints.
    """

    def __init__(self, root: str | Path | None = None, *, packs: Iterable[Path] | None = None,
                 recover: bool = False, holder: str = "Briefing Quiz", command: bool = False,
                 read_only_if_busy: bool = False, slow: Callable[[Callable[[], Any]], Any] | None = None):
        self.root = data_dir(root)
        self._slow: Callable[[Callable[[], Any]], Any] = slow or (lambda work: work())
        #: False when opening trusted the last clean close and skipped the full check (the GUI runs
        #: :meth:`check_progress_file` in the background then)
        self.progress_checked = True
        self._opened = False
        #: set when the progress file was damaged at start-up (the UI offers the newest backup)
        self.recovery: Recovery | None = None
        #: things done at start-up the user should hear about (e.g. an interrupted restore completed)
        self.notices: list[str] = []
        self.read_only = False
        self.lock: InstanceLock | None = None
        self.content: Database | None = None
        self.progress: Database | None = None
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise self._unusable(exc) from exc
        try:
            try:
                self.lock = InstanceLock.acquire(self.root, holder, command=command,
                                                 patience=0.0 if command else COMMAND_PATIENCE_S)
            except InstanceBusyError:
                if not read_only_if_busy:
                    raise
                self.read_only = True
            except OSError as exc:
                raise self._unusable(exc) from exc
            if self.read_only:
                self._open_progress_read_only()
            else:
                self._open_progress(recover)
            self._open_content(packs)
        except BaseException:
            self.close()
            raise
        self._opened = True
        self._packs: dict[str, Pack] = {}
        self._questions: dict[str, tuple[str, list[QuizQuestion]]] = {}
        self._boards: dict[tuple[int, str], tuple[tuple[str, int, int, str, int], stats.Dashboard]] = {}
        #: the live session being served, if any (stopped when the workspace closes)
        self.live: LiveRun | None = None

    def _unusable(self, exc: BaseException) -> StoreError:
        return StoreError(
            f"Cannot use the data folder {self.root}: {exc}. Choose another folder with --data-dir "
            "or check that it exists, is writable and the disk is not full."
        )

    def _open_content(self, packs: Iterable[Path] | None) -> None:
        try:
            self.content = content_db.open_content(self.root / content_db.CONTENT_FILE)
        except (OSError, sqlite3.OperationalError) as exc:
            raise self._unusable(exc) from exc
        self.library = Library(self.root)
        bundled = set(bundled_packs())
        directories = list(packs) if packs is not None else self.library.directories()
        broken: list[PackError] = []
        bundled_ids: dict[Path, str] = {}

        def stored(directory: Path, pack_id: str) -> None:
            if directory in bundled:  # listed first: an imported pack read later is checked against these ids
                bundled_ids[directory] = pack_id
                if len(bundled_ids) == len(bundled):
                    self.library.remember_bundled_ids(set(bundled_ids.values()))

        sync_packs(self.content, directories, broken=broken, stored=stored,
                   load=lambda directory: self._slow(lambda: self.library.load(directory)))
        # A broken bundled pack is a bug in the app and must be loud; a broken
        # imported pack is reported to the user and skipped.
        for error in broken:
            if any(Path(p.file).parent in bundled for p in error.problems):
                raise error
        self.library.broken = broken

    def _open_progress(self, recover: bool) -> None:
        path = self.progress_path
        try:
            finished = recovery.finish_interrupted_restore(path)
            backup.remove_partials(self.backups_dir)
            recovery.remove_leftovers(self.root)
        except OSError as exc:
            raise self._unusable(exc) from exc
        if finished:
            self.notices.append(finished)
        # The quick check reads every page; it is needed only if the file may have been hurt since the
        # last clean close (see db.recovery). Otherwise the GUI runs it in the background after start-up.
        left = self.lock.left_cleanly() if self.lock is not None else None
        self.progress_checked = left is None or left.get("progress") != recovery.file_state(path)
        self._check_and_recover(recover, thorough=self.progress_checked)
        try:
            self._open_progress_file()
        except StoreError:
            if self.progress_checked:
                raise
            # Damage the clean-close note could not see (bytes changed under unchanged times): the full
            # check decides, as it did before the note existed; a file it passes fails again just the same.
            if self.progress is not None:
                self.progress.close()
                self.progress = None
            self.progress_checked = True
            self._check_and_recover(recover, thorough=True)
            self._open_progress_file()

    def _open_progress_file(self) -> None:
        self.progress = progress_db.open_progress(self.progress_path)
        with saving("Your learner profile"):
            #: The learner whose answers are being recorded (the UI may switch it).
            self.learner_id: int = ensure_learner(self.progress)

    def _check_and_recover(self, recover: bool, *, thorough: bool) -> None:
        """Refuse a newer or foreign file; move a damaged one aside (``recover``) or refuse it."""
        def check() -> recovery.Health:
            return recovery.check_progress(self.progress_path, thorough=thorough)

        health = self._slow(check) if thorough else check()  # without the full check it is a header read
        if health.status == "newer":
            raise NewerSchemaError(health.message)
        if health.status == "foreign":
            raise ForeignFileError(health.message)
        if health.needs_recovery:
            if not recover:
                raise NeedsRecoveryError(f"{health.message} Nothing was changed.")
            self.recovery = self._recover(health)

    def _recover(self, health: recovery.Health) -> Recovery:
        """Move the file (or its left-over journal) aside; find what to offer in its place."""
        now = datetime.now()
        try:
            moved = recovery.move_aside(self.progress_path, label="damaged" if health.status == "corrupt"
                                        else "orphan", now=now)
        except OSError as exc:
            raise self._unusable(exc) from exc
        kept = tuple(recovery.kept_files(moved))
        wal = moved.with_name(moved.name + "-wal")
        if health.status == "orphan" and wal.exists():
            salvaged = recovery.salvage_wal(wal, moved.with_name(f"progress.salvaged-{now:%Y%m%d-%H%M%S}.db"))
            if salvaged is not None:
                offer = backup.Backup(salvaged, datetime.now(UTC))
                return Recovery(health.message, moved, offer, kept, salvaged=True)
        return Recovery(health.message, moved, recovery.newest_good_backup(self.backups_dir), kept)

    def _open_progress_read_only(self) -> None:
        health = recovery.check_progress(self.progress_path)
        errors = {"newer": NewerSchemaError, "foreign": ForeignFileError}
        if not health.ok:
            raise errors.get(health.status, NeedsRecoveryError)(f"{health.message} Nothing was changed.")
        if health.status == "missing":
            raise StoreError(f"{self.progress_path} does not exist yet; Briefing Quiz is open on this data folder "
                             "and will create it.")
        self.progress = progress_db.open_read_only(self.progress_path)
        first = next(iter(list_learners(self.progress)), None)
        self.learner_id = int(first["id"]) if first else 0

    @property
    def progress_path(self) -> Path:
        return self.root / progress_db.PROGRESS_FILE

    @property
    def backups_dir(self) -> Path:
        return self.root / backup.BACKUP_DIR

    # -- backups ---------------------------------------------------------------
    def back_up(self, *, now: datetime | None = None) -> Path:
        """Back up progress now (online backup API), then rotate old backups.

        Raises :class:`~db.errors.NotSavedError` (a sentence) if it cannot be written.
        """
        with saving("The backup"):
            path = backup.backup_now(self._progress().conn, self.backups_dir, now=now)
            backup.rotate(self.backups_dir, now=now)
        if not path.exists():  # rotation keeps the newest by sequence number; never report a deleted one
            raise StoreError(f"The backup {path.name} was written but is gone; please report this.")
        return path

    def back_up_if_due(self, *, now: datetime | None = None) -> Path | None:
        """At most one automatic backup per :data:`db.backup.INTERVAL` of use."""
        if backup.due(self.backups_dir, now=now):
            return self.back_up(now=now)
        return None

    def restore(self, source: Path) -> Path | None:
        """Replace progress with backup ``source``; the current file is kept aside (returned).

        Refused (nothing changed) while another program has the progress file
        open; a failure half-way is completed before the file is reopened.
        """
        if self.read_only:
            raise StoreError("Backups can only be restored from the app, while no other copy of it is open.")
        staged = recovery.stage(source, self.progress_path)  # the big write, while progress stays open
        self._progress().close()
        try:
            moved = recovery.put_in_place(staged, self.progress_path, source=source)
        finally:
            recovery.finish_interrupted_restore(self.progress_path)
            self.progress = progress_db.open_progress(self.progress_path)
        reopened = self._progress()
        ids = [int(row["id"]) for row in list_learners(reopened)]
        if self.learner_id not in ids:
            self.learner_id = ids[0] if ids else ensure_learner(reopened)
        self.recovery = None
        self._boards.clear()
        return moved

    def pack_ids(self) -> list[str]:
        return content_db.pack_ids(self._content())

    def pack_titles(self) -> list[tuple[str, str, str]]:
        """(id, title, source title) per pack, without reading whole packs (for pack choosers)."""
        return content_db.pack_titles(self._content())

    def pack(self, pack_id: str | None = None) -> Pack:
        """A stored pack (the first one when ``pack_id`` is None), cached per digest."""
        pack_id = pack_id or self.pack_ids()[0]
        cached = self._packs.get(pack_id)
        if cached is None or cached.digest != content_db.stored_digest(self._content(), pack_id):
            cached = self._packs[pack_id] = read_pack(self._content(), pack_id)
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
            folder = self.library.folder / pack.id  # where the library just put it (as sync_packs lists it)
            record_files(db, str(folder), pack, None)  # a failure below leaves the folder to be read again
            store_pack(db, pack, str(Path(source) / PACK_FILE))
            record_files(db, str(folder), pack, settled_files_state(folder, pack))

        try:
            pack = self.library.import_pack(Path(source), store, cancel)
        finally:
            db.close()
        report(2, IMPORT_STEPS[2])
        return pack

    def share_pack(self, pack_id: str, destination: str | Path) -> Path:
        """A copy of pack ``pack_id`` in ``destination/<pack id>``, ready to send: the folder File → Import
        briefing pack… takes. Raises FileExistsError rather than overwrite a folder of that name."""
        return self.library.share(self.pack(pack_id).id, Path(destination))

    # -- learners ---------------------------------------------------------------------
    @property
    def current_learner(self) -> int:
        """The learner whose answers are recorded and shown (change it with :meth:`switch_learner`)."""
        return self.learner_id

    def learners(self) -> list[dict[str, Any]]:
        """(id, name, created_at) of every learner, by name."""
        return list_learners(self._progress())

    def learner_name(self, learner_id: int | None = None) -> str | None:
        return learners_db.learner_name(self._progress(), self.learner_id if learner_id is None else learner_id)

    def switch_learner(self, learner_id: int) -> None:
        if learner_id not in {int(r["id"]) for r in self.learners()}:
            raise KeyError(learner_id)
        self.learner_id = learner_id
        self._boards.clear()

    def create_learner(self, name: str) -> int:
        """A new profile (LearnerNameError for an empty or taken name); it becomes the current learner."""
        learner_id = learners_db.create_learner(self._writable(), name)
        self.switch_learner(learner_id)
        return learner_id

    def rename_learner(self, name: str, learner_id: int | None = None) -> None:
        learners_db.rename_learner(self._writable(), self.learner_id if learner_id is None else learner_id, name)
        self._boards.clear()

    def delete_learner(self, learner_id: int | None = None) -> int:
        """Back up, then delete a profile and its progress; the learner now current (the last one stays)."""
        doomed = self.learner_id if learner_id is None else learner_id
        if len(self.learners()) < 2:
            raise StoreError("The last learner cannot be deleted.")
        self.back_up()  # a deleted learner can come back from this backup
        learners_db.delete_learner(self._writable(), doomed)
        if self.learner_id == doomed:
            self.learner_id = int(self.learners()[0]["id"])
        self._boards.clear()
        return self.learner_id

    # -- reading the briefing -----------------------------------------------------------
    def read_sections(self, pack_id: str) -> set[str]:
        return reads.read_sections(self._progress(), self.learner_id, pack_id)

    def set_read(self, pack_id: str, section_id: str, read: bool) -> None:
        reads.set_read(self._writable(), self.learner_id, pack_id, section_id, read)
        self._boards.clear()

    # -- questions and quizzes ----------------------------------------------------------
    def questions(self, pack_id: str | None = None) -> list[QuizQuestion]:
        """The pack's question bank with the canonical seed (what progress, exports and reports refer to)."""
        pack = self.pack(pack_id)
        cached = self._questions.get(pack.id)
        if cached is None or cached[0] != pack.digest:
            cached = self._questions[pack.id] = (pack.digest, generate(pack, 0))
        return cached[1]

    def start_quiz(self, pack_id: str | None, mode: str, **options: Any) -> QuizSession:
        """A new quiz for the current learner (ValueError: nothing to ask, or a mistyped exam code)."""
        pack = self.pack(pack_id)
        return QuizSession.start(self._writable(), self.learner_id, pack, mode,
                                 suspended=self.suspended_questions(pack.id), **options)

    def resume_quiz(self, pack_id: str | None = None) -> QuizSession | None:
        """The current learner's unfinished quiz on this pack, if any."""
        return QuizSession.resume(self._progress(), self.learner_id, self.pack(pack_id))

    # -- progress -------------------------------------------------------------------------
    def dashboard(self, pack_id: str | None = None, learner_id: int | None = None) -> stats.Dashboard:
        """The Progress page's figures, recomputed only when an answer, a retraction or a read mark was added
        since, the day changed or another review came due."""
        pack = self.pack(pack_id)
        learner = self.learner_id if learner_id is None else learner_id
        mark = (pack.digest, answers_db.latest_id(self._progress(), learner, pack.id),
                answers_db.latest_retraction(self._progress()), date.today().isoformat(),
                stats_db.due_by(self._progress(), learner, pack.id, datetime.now(UTC).isoformat()))
        cached = self._boards.get((learner, pack.id))
        if cached is not None and cached[0] == mark:
            return cached[1]
        board = stats.dashboard(self._progress(), learner, pack, self.questions(pack.id))
        self._boards[(learner, pack.id)] = (mark, board)
        return board

    def export_progress(self, kind: str, path: str | Path, *, learner_id: int | None = None,
                        every_learner: bool = False) -> int:
        """A learner's answers (the current one by default; everyone's, for CSV) as ``csv`` or ``json``.

        Returns the number of answers written.
        """
        learner = None if every_learner else (self.learner_id if learner_id is None else learner_id)
        check_target(path)
        if kind == "csv":
            return progress_export.write_csv(self._progress(), path, learner)
        return progress_export.write_json(self._progress(), path, self.learner_id if learner is None else learner)

    def content_json(self) -> dict[str, Any]:
        """Everything in the content store as plain JSON-ready data (``main.py export --format json``)."""
        return export_all(self._content())

    def quiz_json(self, seed: str = "0", *, plan: str | None = None, count: int = 40) -> dict[str, Any]:
        """Every pack's questions with their keys for ``seed`` (or an exam code), and, with ``plan="practice"``,
        the first ``count`` questions a new learner's practice would ask, session by session."""
        from quiz.exam_code import ExamCodeError, decode
        from quiz.plan import practice_plan
        from quiz.session import PRACTICE_LENGTH

        try:
            seed = str(decode(seed).seed)  # an exam code gives the questions that exam draws from
        except ExamCodeError:
            pass
        packs = []
        for pack_id in self.pack_ids():
            pack = self.pack(pack_id)
            questions = self.questions(pack_id) if seed == "0" else generate(pack, seed)
            entry: dict[str, Any] = {"meta": {"id": pack.id, "title": pack.meta.title},
                                     "questions": [q.to_dict() for q in questions]}
            if plan == "practice":
                sessions = practice_plan(questions, count=count, session_length=PRACTICE_LENGTH, seed=seed)
                asked = [(number, q) for number, session in enumerate(sessions, 1) for q in session]
                entry["plan"] = [{"position": n, "session": number, **q.to_dict()}
                                 for n, (number, q) in enumerate(asked, 1)]
            packs.append(entry)
        return {"format": "briefing-quiz", "version": 2, "seed": seed, "plan": plan, "packs": packs}

    def export_quiz(self, fmt: str, path: str | Path, pack_id: str | None = None, seed: str | int = 0) -> int:
        """The pack's questions for Anki, Moodle (XML or GIFT) or a spreadsheet; the number of questions.

        Questions the current learner suspended are left out (:meth:`suspended_questions` counts them).
        """
        from quiz.interchange import export_questions

        check_target(path)
        pack = self.pack(pack_id)
        questions = self.questions(pack.id) if str(seed) == "0" else generate(pack, seed)
        suspended = self.suspended_questions(pack.id)
        questions = [q for q in questions if q.id not in suspended]
        export_questions(pack, questions, fmt, Path(path))
        return len(questions)

    def export_handout(self, what: str, fmt: str, path: str | Path, pack_id: str | None = None, *,
                       paper: str = "a4", printed: date | None = None,
                       tick: handouts.Tick | None = None) -> handouts.Written:
        """The briefing (``what="briefing"``) or the one-page brief (``"brief"``) as ``pdf``, ``docx`` or
        ``markdown`` on ``paper`` ("a4" or "letter"); what was written, and what the brief left out to fit.
        ``tick()`` is called now and then while a PDF is laid out (a window keeps answering)."""
        from app import handouts

        return handouts.export(self.pack(pack_id), what, fmt, check_target(path), paper, printed, tick)

    def export_paper_quiz(self, path: str | Path, pack_id: str | None = None, *, code: str | None = None,
                          count: int = 20, topics: Sequence[str] = (), kinds: Sequence[str] = (),
                          paper: str = "a4", printed: date | None = None,
                          tick: handouts.Tick | None = None) -> handouts.PaperQuizFiles:
        """A question sheet (``path``) and its answer key (``…-key.pdf``) for the exam ``code`` (a new one of
        ``count`` questions when None): the questions the app's Exam asks for that code, from the chosen topics
        and kinds. ExamCodeError or ValueError (with a sentence) when there is nothing to print."""
        from app import handouts

        return handouts.export_quiz(self.pack(pack_id), check_target(path), code=code, count=count,
                                    topics=tuple(topics), kinds=tuple(kinds), paper=paper, printed=printed, tick=tick)

    def trainer_report(self, paths: Sequence[Path], pack_id: str | None = None,
                       on_file: Callable[[int, Path], None] | None = None, live_sessions: Sequence[str] = ()) -> Report:
        """Learners' progress files and stored live sessions merged into item statistics
        (UnreadableFiles names every file refused). A learner's file and its backup count as one learner."""
        pack = self.pack(pack_id)
        live = [(session, live_db.answers(self._progress(), session.id))
                for session in (live_db.session(self._progress(), sid) for sid in live_sessions)
                if session is not None and session.pack_id == pack.id]
        from quiz.report import merge_files

        return merge_files(paths, pack, on_file, live=live)

    def export_for_trainer(self, path: str | Path) -> Path:
        """A consistent copy (SQLite's backup API) of the current learner's progress, only theirs, for a trainer.

        The copy holds this learner alone (other profiles and the trainer's live sessions are
        removed from it and the file vacuumed, so nothing of theirs stays in free pages), and
        carries the learner's stable id so the report merges it with earlier files of theirs.
        """
        path = Path(path)  # its folder is made if missing (db.backup.copy_database), as before
        with saving("The progress file for the trainer"):
            backup.copy_database(self._progress().conn, path)
            try:
                copy = Database(sqlite3.connect(str(path)), execute_plugins=False)
                try:
                    learners_db.keep_only(copy, self.learner_id)
                    copy.execute("VACUUM")
                finally:
                    copy.close()
                backup.sync_directory(path.parent)
            except BaseException:
                path.unlink(missing_ok=True)
                raise
        return path

    def trainer_file_name(self, today: date | None = None) -> str:
        """``<learner>-progress-<date>.db``, with only characters every file system takes."""
        import re

        name = re.sub(r"[^\w.-]+", "-", self.learner_name() or "learner", flags=re.UNICODE).strip("-.") or "learner"
        return f"{name[:40]}-progress-{(today or date.today()).isoformat()}.db"

    # -- live sessions ---------------------------------------------------------------------
    def start_live_session(self, pack_id: str | None, options: LiveOptions,
                           on_change: Callable[[str], None] | None = None) -> LiveRun:
        """Choose the questions, open the store for the room's answers and start serving them.

        Raises ValueError (nothing to ask for that choice) or
        :class:`app.live_server.LiveServerError` (cannot listen there); one session at a time.
        """
        from app.live import LiveRun
        from app.live_server import LiveServer
        from quiz.live import LiveSession
        from quiz.slides import choose_questions

        if self.read_only:
            raise StoreError("Briefing Quiz is open on this data folder; run the live session there.")
        if self.live is not None and self.live.running:
            raise StoreError("A live session is already running; end it first.")
        pack = self.pack(pack_id)
        questions = choose_questions(self.questions(pack.id), topics=options.topics, kinds=options.kinds,
                                     count=options.count, seed=datetime.now(UTC).isoformat())
        if not questions:
            raise ValueError("No question of this briefing matches the topics and kinds chosen.")
        session = LiveSession(questions, topics={t.id: t.title for t in pack.topics}, timer_s=options.timer_s,
                              ranking=options.ranking)
        server = LiveServer(session, self.progress_path, pack_id=pack.id, config=options.config(),
                            on_change=on_change)
        server.start(options.host, options.port)
        self.live = LiveRun(session, server, options)
        return self.live

    def stop_live_session(self) -> None:
        live = getattr(self, "live", None)  # close() may run before __init__ got this far
        if live is not None:
            self.live = None
            live.stop()

    def live_sessions(self, pack_id: str | None = None) -> list[live_db.StoredSession]:
        """Stored live sessions (of one pack), newest first."""
        return live_db.sessions(self._progress(), pack_id)

    def live_answers(self, session_id: str) -> list[live_db.StoredAnswer]:
        return live_db.answers(self._progress(), session_id)

    def export_live_csv(self, session_id: str, path: str | Path) -> int:
        """One row per answer of a stored live session; the number of answers."""
        from app.live import write_csv

        session = live_db.session(self._progress(), session_id)
        if session is None:
            raise KeyError(session_id)
        prompts = {q.id: q.prompt for q in self.questions(session.pack_id)} if session.pack_id in self.pack_ids() \
            else {}
        return write_csv(session, self.live_answers(session_id), prompts, Path(path))

    def import_questions(self, pack_id: str, file: str | Path) -> ImportReport:
        """Questions from a GIFT, Moodle XML, CSV or Anki file, added to an imported pack as its own questions.

        The pack's ``pack.toml`` is edited keeping its comments (``quiz.interchange.merge``), then the pack is
        imported again, all or nothing, so progress on every question it kept stays. Raises
        :class:`~quiz.interchange.readers.QuestionImportError` (a sentence; nothing changed) when the file
        cannot be read or the pack cannot take questions; questions that cannot come in are in the report.
        The pack is read from its folder and stored through :meth:`import_pack`, never through this
        workspace's own connections, so the GUI can run an import of questions on a worker thread.
        """
        import shutil
        import tempfile

        from content.loader import load_pack, load_pack_files
        from content.toml_edit import TomlEditError
        from quiz.interchange.merge import merge
        from quiz.interchange.readers import QuestionImportError, read_questions

        if pack_id in self.library.bundled_ids():
            title = next((p.meta.title for p in map(load_pack, bundled_packs()) if p.id == pack_id), pack_id)
            raise QuestionImportError(f"“{title}” ships with the app and cannot be changed. Import the "
                                      "questions into a pack of your own (File → Import briefing pack…).")
        try:
            folder = self.library.pack_folder(pack_id, PACK_FILE)
        except PackError:
            folder = None
        if folder is None or not (folder / PACK_FILE).is_file() or folder.is_symlink():
            raise QuestionImportError(f"Pack {pack_id!r} is not in your library ({self.library.folder}); import it "
                                      "first with File → Import briefing pack….")
        result = read_questions(file)
        try:
            current, files = load_pack_files(folder)
            text, report = merge(files.toml.decode("utf-8-sig"), current.source_text, current, result,
                                 Path(file).name, str(folder / PACK_FILE))
        except PackError as exc:
            raise QuestionImportError(f"The questions would make pack {pack_id!r} invalid, so none were added:\n"
                                      f"{exc}") from None
        except TomlEditError as exc:  # e.g. topics written as an inline array: the app adds tables only
            raise QuestionImportError(f"The questions cannot be written into {folder / PACK_FILE}: {exc}. Write "
                                      "that collection as [[tables]] and import the questions again; nothing was "
                                      "changed.") from None
        if report.count == 0:
            return report
        staging = Path(tempfile.mkdtemp(prefix=".questions-", dir=self.root))
        try:
            (staging / PACK_FILE).write_text(text, encoding="utf-8")
            if files.source_name is not None:
                (staging / files.source_name).write_bytes(files.source)
            self.import_pack(staging)
        except PackError as exc:
            raise QuestionImportError(f"Pack {pack_id!r} was not changed:\n{exc}") from None
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        return report

    # -- the database ---------------------------------------------------------------------
    def backups(self) -> list[Backup]:
        return backup.list_backups(self.backups_dir)

    def check_database(self) -> DatabaseCheck:
        """SQLite's quick check of the progress file, with what is in it and its backups."""
        db = self._progress()
        return DatabaseCheck(progress_db.quick_check(db), answers_db.count(db), self.backups(), self.progress_path)

    def _content(self) -> Database:
        if self.content is None:
            raise StoreError("The content store is not open.")
        return self.content

    def _progress(self) -> Database:
        if self.progress is None:
            raise StoreError("The progress store is not open.")
        return self.progress

    def _writable(self) -> Database:
        if self.read_only:
            raise StoreError("Briefing Quiz is open on this data folder; changes can only be made there.")
        return self._progress()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def check_progress_file(self) -> str:
        """SQLite's quick check of the progress file ("ok" or its findings) on a connection of its own.

        Safe to call from a worker thread (it touches nothing of this object but
        the path): the GUI does, after start-up, when :attr:`progress_checked` is False.
        """
        return recovery.quick_check_file(self.progress_path)

    def close(self) -> None:
        """Stop a live session, close both stores and give the data folder up (safe to call twice).

        After a successful start, the lock notes a clean close with the progress
        file's state, so the next start can skip the full check (db.recovery).
        """
        self.stop_live_session()
        for db in (self.content, self.progress):
            if db is not None:
                db.close()
        if self.lock is not None:
            clean = None
            if self._opened and not self.read_only:
                state = recovery.settled_state(self.progress_path)
                clean = {"progress": state} if state is not None else None
            self._opened = False
            self.lock.release(clean)

    # -- curating questions (the question browser) -------------------------------------------
    def question_rows(self, pack_id: str | None = None) -> list[QuestionRow]:
        """Every question of the pack (authored and generated) with the current learner's record and marks."""
        pack = self.pack(pack_id)
        db = self._progress()
        return question_rows(pack, self.questions(pack.id), stats_db.per_question(db, self.learner_id, pack.id),
                             marks_db.for_pack(db, self.learner_id, pack.id))

    def suspended_questions(self, pack_id: str | None = None) -> set[str]:
        """Questions the current learner suspended: never asked, presented or exported for them."""
        return marks_db.suspended(self._progress(), self.learner_id, self.pack(pack_id).id)

    def active_questions(self, pack_id: str | None = None) -> list[QuizQuestion]:
        """The pack's questions less those the current learner suspended (presenter mode shows these)."""
        suspended = self.suspended_questions(pack_id)
        return [q for q in self.questions(pack_id) if q.id not in suspended]

    def mark_question(self, question_id: str, *, pack_id: str | None = None, suspended: bool | None = None,
                      flagged: bool | None = None) -> None:
        """Suspend or flag (or undo either) one question for the current learner; durable on return."""
        pack = self.pack(pack_id)
        if question_id not in {q.id for q in self.questions(pack.id)}:
            raise KeyError(question_id)
        marks_db.set_mark(self._writable(), self.learner_id, pack.id, question_id, suspended=suspended,
                          flagged=flagged)

    # -- editing a record in place (figures, terms, quotes, facts, hand-written questions) ----------
    def edit_refusal(self, pack_id: str | None = None) -> str | None:
        """Why the pack cannot be edited in the app (None: it can): only packs imported into the library can."""
        pack = self.pack(pack_id)
        if self.read_only:
            return "Briefing Quiz is open on this data folder; packs can only be edited there."
        if pack.id in self.library.bundled_ids():
            return (f"“{pack.meta.title}” ships with the app and is not edited in place (an update of the app "
                    "would overwrite the change). Copy its folder, give pack.id a new id, import the copy "
                    "(File → Import briefing pack…) and edit that one.")
        if not (self.library.folder / pack.id / PACK_FILE).is_file():
            return f"“{pack.meta.title}” is not in your library ({self.library.folder}), so it cannot be edited here."
        return None

    @cached_property
    def _edit_files(self) -> dict[str, tuple[str, str, dict[str, Any], str | None, bytes]]:
        """Per pack being edited: (digest, pack.toml text, its parsed tables, source name, source bytes)."""
        return {}

    def _pack_text(self, pack_id: str) -> tuple[str, dict[str, Any], str | None, bytes]:
        """(pack.toml text, its parsed tables, source file name, source bytes) of an editable library pack.

        Read once per stored version of the pack (its digest), not on every check while the person types.
        """
        refusal = self.edit_refusal(pack_id)
        if refusal:
            raise PackError([Problem(PACK_FILE, 0, "", refusal)])
        digest = self.pack(pack_id).digest
        cached = self._edit_files.get(pack_id)
        if cached is None or cached[0] != digest:
            _pack, files = load_pack_files(self.library.pack_folder(pack_id, PACK_FILE))
            text = files.toml.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
            cached = self._edit_files[pack_id] = (digest, text, tomllib.loads(text), files.source_name, files.source)
        return cached[1], cached[2], cached[3], cached[4]

    def record_values(self, pack_id: str, collection: str, record_id: str) -> dict[str, Any]:
        """The record's editable fields as its pack.toml has them (raises PackError when it cannot be edited)."""
        from content import record_edit  # with tomlkit: only when a record is edited, not at start-up

        return record_edit.values(self._pack_text(pack_id)[0], collection, record_id)

    def check_record_edit(self, pack_id: str, collection: str, record_id: str,
                          changes: dict[str, Any]) -> dict[str, list[str]]:
        """What the validator would say about the pack with ``changes`` made: problems by field (nothing saved)."""
        text, raw, source_name, source = self._pack_text(pack_id)
        source_text = source.removeprefix(b"\xef\xbb\xbf").decode("utf-8") if source_name else None
        from content import record_edit

        return record_edit.check(raw, text, PACK_FILE, source_text, collection, record_id, changes)

    def save_record_edit(self, pack_id: str, collection: str, record_id: str, changes: dict[str, Any]) -> Pack:
        """Write ``changes`` into the pack's TOML (its comments and layout kept) and import it again.

        All or nothing, as an import: the edited file is checked, copied into the
        library and stored, or PackError lists its problems and nothing changed.
        Ids are kept, so progress on the pack stays.
        """
        from content import record_edit

        text, _raw, source_name, source = self._pack_text(pack_id)
        new_text = record_edit.edited(text, collection, record_id, changes)
        staging = Path(tempfile.mkdtemp(prefix=".edit-", dir=self.root))
        try:
            (staging / PACK_FILE).write_text(new_text, encoding="utf-8", newline="")
            if source_name:
                (staging / source_name).write_bytes(source)
            return self.import_pack(staging)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
