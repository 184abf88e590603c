"""GIFT (Moodle's plain-text quiz format).

Wherever pack text appears, the backslash and the special characters
``~ = # { } :`` are escaped with a backslash (the set Moodle's importer
unescapes), and line breaks are flattened, so a pack string can never change a
question's structure (characters no text file should carry, see
:func:`quiz.interchange.legal_text`, are dropped). Every question text starts with ``[plain]`` so Moodle
shows pack text literally instead of rendering it as HTML, like the
``plain_text`` format of the Moodle XML export.
"""

from __future__ import annotations

from pathlib import Path

from content.model import Pack
from quiz.interchange import absolute_tolerance, legal_text, plain_number
from quiz.questions import QuizQuestion

_SPECIAL = "\\~=#{}:"


def escape(text: str) -> str:
    text = " ".join(legal_text(str(text)).split())
    return "".join(f"\\{ch}" if ch in _SPECIAL else ch for ch in text)


def _match_left(text: str) -> str:
    """GIFT has no escape for ``->`` and Moodle splits each pair at the first one,
    so an arrow inside a left-hand item is written as ``→``; the right side may keep it."""
    return escape(text).replace("->", "→")


def question_text(pack: Pack, q: QuizQuestion) -> str:
    feedback = f"####{escape(q.citation)}"
    if q.kind == "choice":
        body = " ".join(f"{'=' if c == q.answer else '~'}{escape(c)}" for c in q.choices)
    elif q.kind == "truefalse":
        body = "T" if q.answer == "true" else "F"
    elif q.kind == "numeric":
        body = f"#{plain_number(q.answer)}:{plain_number(absolute_tolerance(q))}"
    elif q.kind == "matching":
        body = " ".join(f"={_match_left(left)} -> {escape(right)}" for left, right in q.pairs)
    else:
        body = " ".join(f"={escape(a)}" for a in dict.fromkeys((q.answer, *q.accepted)))
    topic = escape(pack.topic_title(q.topic))
    return f"// {topic}\n::{escape(q.id)}::[plain]{escape(q.prompt)} {{{body} {feedback}}}\n"


def write(pack: Pack, questions: list[QuizQuestion], path: Path) -> None:
    header = f"// Briefing Quiz: {escape(pack.meta.title)}\n// Source: {escape(pack.meta.source_title)}\n\n"
    path.write_text(header + "\n".join(question_text(pack, q) for q in questions), encoding="utf-8")
