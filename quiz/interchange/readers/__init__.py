"""Question banks from other tools (GIFT, Moodle XML, CSV, Anki), read into the pack's own question records.

One module per format; each turns a file into :class:`Imported` questions,
records shaped like a pack's ``[[questions]]`` tables (see docs/pack-format.md),
and says for everything else why it could not come in (:class:`Skipped`: an
essay has no key the app can grade; a calculated question is not supported).
Nothing here writes anything: :mod:`quiz.interchange.merge` puts the records
into a pack, and the facade (``Workspace.import_questions``) re-imports it.

A question bank is untrusted input, like a pack. Files are read through
:mod:`content.files` (a regular file only, at most :data:`MAX_FILE_BYTES`),
HTML is turned into plain text and never rendered, every text is held to the
pack's limits and character rules (:mod:`content.characters`), a file gives at
most :data:`MAX_QUESTIONS` questions, and an Anki package is read as a zip
with limits (:mod:`quiz.interchange.readers.anki`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from content.files import FileRefused, PackFolder, read_regular
from db.errors import StoreError

#: A GIFT, XML or CSV file is read up to this size; an Anki package up to :data:`MAX_PACKAGE_BYTES`.
MAX_FILE_BYTES = 32 * 1024 * 1024
MAX_PACKAGE_BYTES = 256 * 1024 * 1024
#: Questions (and things that are not questions) read from one file; the rest are counted, not read.
MAX_QUESTIONS = 10_000

#: File endings and the format each is read as.
SUFFIXES = {".gift": "gift", ".txt": "gift", ".xml": "moodle-xml", ".csv": "csv", ".apkg": "anki"}
FORMAT_NAMES = {"gift": "GIFT", "moodle-xml": "Moodle XML", "csv": "CSV", "anki": "Anki"}


class QuestionImportError(StoreError):
    """The file as a whole cannot be read (nothing was changed); the message says why."""


@dataclass
class Imported:
    """One question read from a file: a ``[[questions]]`` record without ``id`` and ``topic``.

    ``name`` is what the file calls it (a GIFT ``::name::``, a Moodle ``<name>``,
    an Anki note's first words), used for its id and in the report; ``topics``
    are its categories and tags (the merge matches them to the pack's topics);
    ``citations`` are quotes the file gives with an attribution (``“…” — outlet``,
    as the app's own exports write them), kept when the pack holds the same quote.
    """

    name: str
    record: dict[str, Any]
    topics: tuple[str, ...] = ()
    citations: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # what was left out of this question (partial credit…), for the report


@dataclass(frozen=True)
class Skipped:
    name: str
    reason: str

    def __str__(self) -> str:
        return f"{self.name}: {self.reason}" if self.name else self.reason


@dataclass
class ReadResult:
    format: str
    questions: list[Imported] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def add(self, item: Imported | Skipped) -> None:
        (self.questions if isinstance(item, Imported) else self.skipped).append(item)  # type: ignore[arg-type]

    @property
    def full(self) -> bool:
        return len(self.questions) + len(self.skipped) >= MAX_QUESTIONS


def format_of(path: Path) -> str:
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise QuestionImportError(f"{path.name}: the app reads questions from GIFT (.gift, .txt), Moodle XML (.xml), "
                                  "CSV (.csv) and Anki (.apkg) files.")
    return fmt


def read_bytes(path: Path, limit: int) -> bytes:
    """The bytes of the regular file ``path`` (no link, FIFO or device), at most ``limit``."""
    try:
        with PackFolder.open(path.parent) as folder:
            return read_regular(folder, path.name, limit)
    except FileRefused as exc:
        raise QuestionImportError(f"{path.name} {exc}") from None
    except OSError as exc:
        raise QuestionImportError(f"{path.name} cannot be read: {exc.strerror or exc}") from None


def decode(data: bytes, name: str) -> str:
    """UTF-8 text (a byte-order mark dropped, line ends made ``\\n``); other encodings are refused plainly."""
    try:
        text = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError as exc:
        raise QuestionImportError(f"{name} is not UTF-8 text ({exc.reason} at byte {exc.start:,}); save it as "
                                  "UTF-8 and import it again.") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_questions(path: str | Path) -> ReadResult:
    """Every question of the file at ``path`` that the app can ask, and why each other one cannot come in."""
    from quiz.interchange.readers import anki, csv_table, gift, moodle

    path = Path(path)
    fmt = format_of(path)
    if fmt == "anki":
        return anki.read(read_bytes(path, MAX_PACKAGE_BYTES), path.name)
    text = decode(read_bytes(path, MAX_FILE_BYTES), path.name)
    readers = {"gift": gift.read, "moodle-xml": moodle.read, "csv": csv_table.read}
    return readers[fmt](text)
