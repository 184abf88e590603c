"""GIFT (Moodle's plain-text quiz format).

Special characters ``~ = # { } :`` are escaped with a backslash wherever pack
text appears, and line breaks are flattened, so a pack string can never
change a question's structure.
"""

from __future__ import annotations

from pathlib import Path

from content.model import Pack
from quiz.interchange import absolute_tolerance
from quiz.questions import QuizQuestion

_SPECIAL = "\\~=#{}:"


def escape(text: str) -> str:
    text = " ".join(str(text).split())
    return "".join(f"\\{ch}" if ch in _SPECIAL else ch for ch in text)


def _match_side(text: str) -> str:
    return escape(text).replace("->", "-\\>")


def question_text(pack: Pack, q: QuizQuestion) -> str:
    feedback = f"####{escape(q.citation)}"
    if q.kind == "choice":
        body = " ".join(f"{'=' if c == q.answer else '~'}{escape(c)}" for c in q.choices)
    elif q.kind == "truefalse":
        body = "T" if q.answer == "true" else "F"
    elif q.kind == "numeric":
        body = f"#{q.answer}:{absolute_tolerance(q):g}"
    elif q.kind == "matching":
        body = " ".join(f"={_match_side(left)} -> {_match_side(right)}" for left, right in q.pairs)
    else:
        body = " ".join(f"={escape(a)}" for a in dict.fromkeys((q.answer, *q.accepted)))
    return f"// {escape(pack.topic_title(q.topic))}\n::{escape(q.id)}::{escape(q.prompt)} {{{body} {feedback}}}\n"


def write(pack: Pack, questions: list[QuizQuestion], path: Path) -> None:
    header = f"// Briefing Quiz: {escape(pack.meta.title)}\n// Source: {escape(pack.meta.source_title)}\n\n"
    path.write_text(header + "\n".join(question_text(pack, q) for q in questions), encoding="utf-8")
