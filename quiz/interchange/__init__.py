"""Quiz exports for other tools: Anki, Moodle XML, GIFT, CSV (Qt-free).

Each writer takes the questions the app generated and a full output path
chosen by the user; no file name is ever built from pack or question ids
without :func:`safe_filename`, so an id like ``../../x`` cannot escape the
chosen folder.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from content.model import Pack
from quiz.questions import QuizQuestion

FORMATS = {"anki": ".apkg", "moodle-xml": ".xml", "gift": ".gift", "csv": ".csv"}

#: What XML 1.0 cannot hold (its ``Char`` production): C0 controls other than tab, line feed and carriage
#: return, lone surrogates, U+FFFE and U+FFFF. Anki also splits a note's fields at U+001F.
_ILLEGAL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def safe_filename(text: str, suffix: str = "") -> str:
    """A file name made from ``text`` that stays inside any folder it is joined to."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip(".-") or "export"
    return name[:80] + suffix


def default_path(folder: Path, pack: Pack, fmt: str) -> Path:
    path = (folder / safe_filename(f"{pack.id}-quiz", FORMATS[fmt])).resolve()
    if path.parent != folder.resolve():  # belt and braces: never write outside the chosen folder
        raise ValueError(f"refusing to write outside {folder}")
    return path


def export_questions(pack: Pack, questions: Sequence[QuizQuestion], fmt: str, path: str | Path) -> Path:
    """Write ``questions`` of ``pack`` in format ``fmt`` to ``path``; returns the path."""
    from quiz.interchange import anki, csv_export, gift, moodle

    writers = {"anki": anki.write, "moodle-xml": moodle.write, "gift": gift.write, "csv": csv_export.write}
    if fmt not in writers:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    path = Path(path)
    writers[fmt](pack, list(questions), path)
    return path


def legal_text(text: str) -> str:
    """``text`` without the characters no export format can carry.

    A single U+0001 in a pack string made the Moodle XML file unreadable for
    every question in it, and U+001F inside an Anki field shifts the note's
    fields; nobody can see these characters, so dropping them loses nothing.
    """
    return _ILLEGAL_CHARS.sub("", text)


def short_answer(text: str) -> str:
    """A Moodle short-answer pattern that matches ``text`` literally.

    Moodle reads an unescaped ``*`` in an accepted answer as a wildcard, so a
    pack answer ``*`` would accept anything; ``\\*`` is its literal asterisk.
    """
    return text.replace("*", "\\*")


def absolute_tolerance(question: QuizQuestion) -> float:
    """Moodle and GIFT take an absolute tolerance; the app stores a relative one."""
    return round(abs(float(question.answer)) * question.tolerance, 6)


def plain_number(value: float | str) -> str:
    """``1000000`` / ``0.00005``, never ``1e+06``: GIFT readers only accept plain decimals."""
    text = format(Decimal(repr(float(value))), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
