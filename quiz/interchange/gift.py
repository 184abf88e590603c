"""GIFT (Moodle's plain-text quiz format).

Pack text is written so that Moodle's importer (``question/format/gift/format.php``)
reads it back literally and never as syntax:

- the backslash and the special characters ``~ = # { } :`` are escaped with a
  backslash (the set Moodle's importer unescapes), line breaks are flattened
  and characters no text file should carry (see :func:`legal_text`) dropped,
  so a pack string can never change a question's structure;
- every question text starts with ``[plain]`` so Moodle shows pack text
  literally instead of rendering it as HTML, like the ``plain_text`` format of
  the Moodle XML export. Moodle also reads a format marker at the start of
  each answer, matching item and the general feedback, so text there that
  begins with ``[`` gets its own ``[plain]`` in front (``[html]<b>`` stays text);
- Moodle reads ``%N%`` at the start of a ``~`` choice or a short answer as its
  weight (``~%100%Wrong`` would be a right answer). GIFT has no escape for
  ``%``, so such an answer is written with its real weight in front:
  ``~%0%%100%Wrong``, ``=%100%%50%``;
- short answers are Moodle patterns: ``*`` is written ``\\*`` (else a wildcard).
  GIFT has no way to write ``->`` inside a short answer or a matching item's
  left side (Moodle would read the question as matching, or split the pair
  there), so it becomes ``→`` there; the Moodle XML export keeps it.

Placeholders Moodle uses internally (``&&058;`` and the like) in pack text come
out as the character they stand for; that changes how the text looks, never
the question's structure, and GIFT has no way to prevent it.
"""

from __future__ import annotations

from pathlib import Path

from content.model import Pack
from quiz.interchange import absolute_tolerance, legal_text, plain_number, short_answer
from quiz.questions import QuizQuestion

_SPECIAL = "\\~=#{}:"


def escape(text: str) -> str:
    text = " ".join(legal_text(str(text)).split())
    return "".join(f"\\{ch}" if ch in _SPECIAL else ch for ch in text)


def _literal(escaped: str) -> str:
    """Already escaped text where Moodle looks for a ``[format]`` marker: kept as text."""
    return f"[plain]{escaped}" if escaped.startswith("[") else escaped


def _weighted(escaped: str, weight: int) -> str:
    """Already escaped answer text where Moodle looks for a ``%N%`` weight: the real one goes first."""
    return f"%{weight}%{escaped}" if escaped.startswith("%") else _literal(escaped)


def _no_arrow(escaped: str) -> str:
    return escaped.replace("->", "→")


def question_text(pack: Pack, q: QuizQuestion) -> str:
    feedback = f"####{_literal(escape(q.citation))}"
    if q.kind == "choice":
        body = " ".join(f"={_literal(escape(c))}" if c == q.answer else f"~{_weighted(escape(c), 0)}"
                        for c in q.choices)
    elif q.kind == "truefalse":
        body = "T" if q.answer == "true" else "F"
    elif q.kind == "numeric":
        body = f"#{plain_number(q.answer)}:{plain_number(absolute_tolerance(q))}"
    elif q.kind == "matching":
        body = " ".join(f"={_literal(_no_arrow(escape(left)))} -> {escape(right)}" for left, right in q.pairs)
    else:
        body = " ".join(f"={_weighted(_no_arrow(escape(short_answer(a))), 100)}"
                        for a in dict.fromkeys((q.answer, *q.accepted)))
    topic = escape(pack.topic_title(q.topic))
    return f"// {topic}\n::{escape(q.id)}::[plain]{escape(q.prompt)} {{{body} {feedback}}}\n"


def write(pack: Pack, questions: list[QuizQuestion], path: Path) -> None:
    header = f"// Briefing Quiz: {escape(pack.meta.title)}\n// Source: {escape(pack.meta.source_title)}\n\n"
    path.write_text(header + "\n".join(question_text(pack, q) for q in questions), encoding="utf-8")
