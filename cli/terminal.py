"""Printing someone else's text (pack titles, problems, learner names, file names) on a terminal safely."""

from __future__ import annotations

import json
import re
import sys
from typing import TextIO

#: Terminal escape sequences: CSI (ESC [ or U+009B … final byte), OSC/DCS/SOS/PM/APC strings up to their
#: terminator (BEL or ST), and two-byte ESC sequences.
_ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d-\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]?")
#: Control characters (C0, DEL, C1), line and paragraph separators, and the bidirectional overrides and
#: isolates that reorder what follows them on screen.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: object) -> str:
    """``text`` as one line that cannot drive the terminal it is printed on.

    Pack titles, problems, topic titles, prompts, learner names and file names
    are someone else's text: an escape sequence in a pack title could retitle
    the window, clear the screen or rewrite earlier output, and a bidi override
    could make ``evil`` print as ``live``. Escape sequences go as a whole, other
    control characters become spaces (blanks) or disappear.
    """
    text = _ESCAPE_SEQUENCE.sub("", str(text))
    return _CONTROL.sub(lambda m: " " if m.group() in "\t\n\r\x0b\x0c\u2028\u2029" else "", text)


def counted(count: int, noun: str) -> str:
    """``1 learner``, ``3 learners``, ``0 answers``: a count with its noun in the right number."""
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


def say(*lines: object, file: TextIO | None = None) -> None:
    """Print each line made terminal-safe (see :func:`terminal_safe`)."""
    for line in lines:
        print(terminal_safe(line), file=file or sys.stdout)


def json_for_terminal(data: object) -> str:
    """JSON as ``json.dumps`` writes it, with the characters it leaves raw that a terminal acts on
    (DEL, C1 controls, bidi controls) written as ``\\uXXXX``: the same data once parsed."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return re.sub(r"[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]",
                  lambda m: f"\\u{ord(m.group()):04x}", text)
