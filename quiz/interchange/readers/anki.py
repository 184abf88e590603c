"""Anki packages (``.apkg``): the notes of their collection, as questions where a note has a text answer.

An ``.apkg`` is a zip holding an SQLite collection (``collection.anki21`` or
``collection.anki2``) and media files. It is read as untrusted input:

- the zip's directory is checked first: at most :data:`MAX_MEMBERS` members,
  and the collection's declared size at most :data:`MAX_COLLECTION_BYTES`;
- only the collection is taken out, by its fixed name, into a private
  temporary folder (no member is ever written under its own name, so a name
  like ``../../x`` leads nowhere), reading at most :data:`MAX_COLLECTION_BYTES`
  whatever the directory claims (a zip bomb stops there);
- the copy is opened read-only with a bound on the work any query may do
  (:mod:`db.anki_collection`), and the folder is removed afterwards.

Which notes come in:

- the app's own exports (note types named "Briefing Quiz…"): every kind comes
  back from the fields (the kind's label, the lettered options and key, the
  explanation, the feedback, the quotes), as from the app's CSV; a typed
  answer's unit, tolerance and other accepted answers from ``Extra``; a
  fill-in question from its Cloze note (the deletion is the blank);
- cloze notes (Anki's Cloze type): each deletion ``{{c1::…}}`` is a question
  to type, the other deletions shown as text; "Back Extra" is the explanation;
- notes with a front and a back (Basic, type-in): a question to type when the
  back is a short answer; a paragraph cannot be typed and is left out;
- Image Occlusion and notes whose question is only a picture are left out
  (no text answer).
"""

from __future__ import annotations

import re
import shutil
import tempfile
import zipfile
from io import BytesIO
from pathlib import Path

from db.anki_collection import CollectionError, Note, NoteType, read_collection
from quiz.interchange.keys import KIND_LABELS
from quiz.interchange.readers import MAX_QUESTIONS, Imported, QuestionImportError, ReadResult, Skipped
from quiz.interchange.readers import build as b
from quiz.interchange.readers.csv_table import own_row
from quiz.interchange.readers.text import Refused, from_html, has_picture, shorten

#: Members of one package (a deck's media files are members too).
MAX_MEMBERS = 100_000
#: The collection database, uncompressed.
MAX_COLLECTION_BYTES = 256 * 1024 * 1024
COLLECTIONS = ("collection.anki21", "collection.anki2")
_NEW_FORMAT = "collection.anki21b"
#: A back longer than this is a paragraph to read, not an answer to type.
MAX_TYPED_ANSWER = 120
_CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)
_KINDS = {label: str(kind) for kind, label in KIND_LABELS.items()}
_SCENARIO = re.compile(r"<div class=scenario>(?P<case>.*?)</div><div>(?P<prompt>.*)</div>", re.DOTALL)
_ITEMS = re.compile(r"<div class=items>.*?</div>", re.DOTALL)


def read(data: bytes, name: str) -> ReadResult:
    workdir = Path(tempfile.mkdtemp(prefix="briefing-anki-"))
    try:
        collection = _extract(data, name, workdir)
        try:
            types, notes, total = read_collection(collection, MAX_QUESTIONS)
        except CollectionError as exc:
            raise QuestionImportError(f"{name}: {exc}.") from None
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    result = ReadResult("anki")
    for note in notes:
        note_type = types.get(note.type_id, NoteType(note.type_id, "", (), False))
        for item in _questions(note, note_type):
            result.add(item)
    if total > len(notes):
        result.add(Skipped("", f"the package holds {total:,} notes; only the first {len(notes):,} were read"))
    return result


def _extract(data: bytes, name: str, workdir: Path) -> Path:
    try:
        archive = zipfile.ZipFile(BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise QuestionImportError(f"{name} is not an Anki package (an .apkg is a zip file).") from None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise QuestionImportError(f"{name} holds {len(members):,} files; an Anki package may hold at most "
                                      f"{MAX_MEMBERS:,}.")
        by_name = {m.filename: m for m in members}
        member = next((by_name[c] for c in COLLECTIONS if c in by_name), None)
        if _NEW_FORMAT in by_name:
            raise QuestionImportError(
                f"{name} was exported by Anki 2.1.50 or later in its compressed format, which the app cannot read. "
                "In Anki, export the deck again with \"Support older Anki versions\" ticked.")
        if member is None:
            raise QuestionImportError(f"{name} holds no Anki collection (collection.anki2); it is not an Anki package.")
        if member.file_size > MAX_COLLECTION_BYTES:
            raise QuestionImportError(f"{name}: its collection is {member.file_size:,} bytes; the app reads at most "
                                      f"{MAX_COLLECTION_BYTES:,} bytes.")
        target = workdir / "collection.sqlite"  # a fixed name: the member's own name is never used
        written = 0
        try:
            with archive.open(member) as source, open(target, "xb") as out:
                while chunk := source.read(1 << 20):
                    written += len(chunk)
                    if written > MAX_COLLECTION_BYTES:
                        raise QuestionImportError(f"{name}: its collection unpacks to more than "
                                                  f"{MAX_COLLECTION_BYTES:,} bytes; the app stopped reading it.")
                    out.write(chunk)
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
            raise QuestionImportError(f"{name}: its collection cannot be unpacked ({exc}).") from None
    return target


def _questions(note: Note, note_type: NoteType) -> list[Imported | Skipped]:
    fields = dict(zip(note_type.fields, note.fields, strict=False))
    type_name = note_type.name
    first = from_html(note.fields[0]) if note.fields else ""
    name = shorten(first) or f"Note {note.id}"
    tags = tuple(t.replace("_", " ") for t in note.tags)
    if "image occlusion" in type_name.lower() or any("occlusion" in f.lower() for f in note_type.fields):
        return [Skipped(name, f"Anki note type {type_name[:60]!r}: no text answer")]
    try:
        if type_name.startswith("Briefing Quiz") and "QuestionId" in fields:
            return [_own_cloze(fields, tags) if "Text" in fields else _own(fields, tags)]
        if note_type.cloze or _CLOZE.search(note.fields[0] if note.fields else ""):
            return _cloze(note, name, tags)
        return [_basic(note, note_type, name, tags)]
    except Refused as exc:
        return [Skipped(name, str(exc))]


def _field_lines(value: str) -> str:
    """A field the app wrote (lines joined with ``<br>``, text escaped) as text, one line per line."""
    return "\n".join(from_html(line) for line in value.split("<br>"))


def _own(fields: dict[str, str], tags: tuple[str, ...]) -> Imported:
    """A note of the app's own export: read back like a row of its CSV export."""
    name = from_html(fields.get("QuestionId", "")) or "question"
    kind = _KINDS.get(from_html(fields.get("Kind", "")))
    if kind is None:
        raise Refused(f"unknown kind {from_html(fields.get('Kind', ''))[:30]!r}")
    question = fields.get("Question", "")
    scenario = ""
    found = _SCENARIO.fullmatch(question)
    if found:
        scenario, question = from_html(found["case"]), found["prompt"]
    cells = {"kind": kind, "scenario": scenario, "options": _field_lines(_ITEMS.sub("", fields.get("Options", ""))),
             "key": _field_lines(fields.get("Answer", "")), "feedback": _field_lines(fields.get("Feedback", ""))}
    extra = _field_lines(fields.get("Extra", ""))
    for line in extra.split("\n"):
        if line.startswith("Unit: "):
            cells["unit"] = line[len("Unit: "):]
        elif line.startswith("Within ±") and line.endswith("%"):
            cells["tolerance"] = str(float(line[len("Within ±"):-1]) / 100)
        elif line.startswith("Also accepted: "):
            cells["key"] += "\nalso accepted: " + line[len("Also accepted: "):]
    if kind == "numeric" and "tolerance" not in cells:  # earlier exports: "300 billion USD (answers within ±5% count)"
        within = re.search(r"\(answers within ±([\d.]+)% count\)", cells["key"])
        cells["tolerance"] = str(float(within[1]) / 100) if within else "0"
    record, notes = own_row(from_html(question), cells)
    paragraphs = [*_field_lines(fields.get("Explanation", "")).split("\n"),
                  *_field_lines(fields.get("Source", "")).split("\n")]
    citations = b.feedback(record, paragraphs)
    return Imported(name, record, tags, citations, tuple(notes))


def _own_cloze(fields: dict[str, str], tags: tuple[str, ...]) -> Imported:
    """A fill-in question of the app's own export (a Cloze note): the deletion ``c1`` is the blank."""
    name = from_html(fields.get("QuestionId", "")) or "question"
    text = fields.get("Text", "")
    deletions = list(_CLOZE.finditer(text))
    if len(deletions) != 1:
        raise Refused("a fill-in question has one blank ({{c1::…}})")
    answer = from_html(deletions[0][2])
    prompt = from_html(_CLOZE.sub("\x00", text)).replace("\x00", "_____")
    cells = {"kind": "text", "key": answer}
    for line in _field_lines(fields.get("Extra", "")).split("\n"):
        if line.startswith("Also accepted: "):
            cells["key"] += "\nalso accepted: " + line[len("Also accepted: "):]
    record, notes = own_row(prompt, cells)
    paragraphs = [*_field_lines(fields.get("Back Extra", "")).split("\n"),
                  *_field_lines(fields.get("Source", "")).split("\n")]
    return Imported(name, record, tags, b.feedback(record, paragraphs), tuple(notes))


def _cloze(note: Note, name: str, tags: tuple[str, ...]) -> list[Imported | Skipped]:
    """One question to type per cloze number; the other deletions are shown as their text."""
    text = note.fields[0] if note.fields else ""
    numbers = sorted({int(m[1]) for m in _CLOZE.finditer(text)})
    if not numbers:
        return [Skipped(name, "a cloze note without a deletion ({{c1::…}})")]
    extra = [from_html(f) for f in note.fields[1:2]]
    out: list[Imported | Skipped] = []
    for number in numbers[:20]:
        answers: list[str] = []

        def blank(match: re.Match[str], number: int = number, answers: list[str] = answers) -> str:
            if int(match[1]) == number:
                answers.append(from_html(match[2]))
                return "\x00"
            return match[2]

        prompt = from_html(_CLOZE.sub(blank, text)).replace("\x00", "_____")
        label = f"{name} (c{number})" if len(numbers) > 1 else name
        if has_picture(text) and not prompt.replace("_____", "").strip():
            out.append(Skipped(label, "the cloze text is a picture: no text question"))
            continue
        try:
            if len(set(answers)) != 1:
                raise Refused(f"deletion c{number} appears with different answers; one blank has one answer")
            record, notes = b.text(prompt, [(answers[0], 1.0)])
            citations = b.feedback(record, extra)
        except Refused as exc:
            out.append(Skipped(label, str(exc)))
            continue
        out.append(Imported(f"{note.guid}-c{number}", record, tags, citations, tuple(notes)))
    return out


def _basic(note: Note, note_type: NoteType, name: str, tags: tuple[str, ...]) -> Imported:
    if len(note.fields) < 2:
        raise Refused(f"Anki note type {note_type.name[:60]!r} has one field: no question and answer")
    front_html, back_html = note.fields[0], note.fields[1]
    front, back = from_html(front_html), from_html(back_html)
    if not front and has_picture(front_html):
        raise Refused("the question is a picture: no text question")
    if not back:
        raise Refused("the back is " + ("a picture: no text answer" if has_picture(back_html) else "empty"))
    if "\n" in back or len(back) > MAX_TYPED_ANSWER:
        raise Refused("the back is a paragraph to read, not an answer one can type")
    record, notes = b.text(front, [(back, 1.0)])
    citations = b.feedback(record, [from_html(f) for f in note.fields[2:3]])
    return Imported(note.guid if not name else name, record, tags, citations, tuple(notes))
