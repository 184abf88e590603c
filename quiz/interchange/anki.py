"""Anki ``.apkg`` via genanki: one deck per pack, one note per question.

Note GUIDs come from ``(pack id, question id)`` and the deck and note-type ids
from a hash of the pack id, so exporting again and re-importing updates the
learner's existing cards (keeping their review history) instead of adding
duplicates. Every pack string is HTML-escaped (Anki renders fields as HTML),
has ``[`` written as ``&#91;`` (Anki reads ``[sound:…]`` as a media file to
play and ``[latex]…[/latex]`` as LaTeX to run) and loses the characters no
export can carry (U+001F would split the note's fields).

genanki is imported through :func:`_import_genanki`, which keeps networking
code out of the app (see there).
"""

from __future__ import annotations

import functools
import hashlib
import html
import sys
import types
from pathlib import Path
from typing import Any

from content.model import Pack
from quiz.interchange import answer_text, legal_text
from quiz.questions import QuizQuestion


def _import_genanki() -> Any:
    """genanki, imported without loading ``asyncio``, ``socket`` and ``ssl``.

    genanki's ``model`` and ``note`` modules take one decorator from the
    ``cached-property`` package, and that package imports ``asyncio`` at the
    top (for coroutine support genanki never uses), which imports ``socket``
    and ``ssl``. The app must not carry networking code (tests/ui checks a
    whole session), so while genanki is imported, ``cached_property`` is the
    standard library's :func:`functools.cached_property`, which does the same
    for plain methods: computed on first use, then kept on the instance. The
    stand-in is taken away again afterwards, so nothing else ever sees it.
    """
    if "genanki" in sys.modules or "cached_property" in sys.modules:
        import genanki  # already imported (or the real package is): nothing more to load

        return genanki
    stand_in = types.ModuleType("cached_property")
    stand_in.cached_property = functools.cached_property  # type: ignore[attr-defined]
    sys.modules["cached_property"] = stand_in
    try:
        import genanki
    finally:
        if sys.modules.get("cached_property") is stand_in:
            del sys.modules["cached_property"]
    return genanki


genanki = _import_genanki()


def _stable_id(*parts: str) -> int:
    """A 31-bit id derived from text: the same pack always maps to the same deck and note type."""
    digest = hashlib.sha256("\x1f".join(parts).encode()).digest()
    return int.from_bytes(digest[:4], "big") & 0x7FFFFFFF or 1


def _model(pack: Pack) -> Any:  # genanki.Model
    return genanki.Model(
        _stable_id("briefing-quiz", "model", pack.id), f"Briefing Quiz question ({pack.id})",
        fields=[{"name": "Question"}, {"name": "Answer"}, {"name": "Source"}, {"name": "QuestionId"}],
        templates=[{
            "name": "Card 1",
            "qfmt": "{{Question}}",
            "afmt": "{{FrontSide}}<hr id=answer><b>{{Answer}}</b><br><br><i>{{Source}}</i>",
        }],
    )


def _deck_name(title: str) -> str:
    """Anki reads ``::`` in a deck name as a sub-deck; a pack title must stay one deck."""
    return " ".join(title.replace("::", ": ").split())


def field_text(text: str) -> str:
    """Pack text as Anki shows it literally: no markup, no media or LaTeX tag, no field separator."""
    return html.escape(legal_text(text)).replace("[", "&#91;")


def _front(q: QuizQuestion) -> str:
    text = field_text(q.prompt)
    if q.kind == "choice":
        text += "<ol type=A>" + "".join(f"<li>{field_text(c)}</li>" for c in q.choices) + "</ol>"
    if q.kind == "matching":
        rights = sorted(right for _, right in q.pairs)
        text += "<br>" + "<br>".join(f"• {field_text(left)}" for left, _ in q.pairs)
        text += "<br><br>" + "<br>".join(f"– {field_text(r)}" for r in rights)
    return text


def write(pack: Pack, questions: list[QuizQuestion], path: Path) -> None:
    model = _model(pack)
    deck = genanki.Deck(_stable_id("briefing-quiz", "deck", pack.id),
                        f"Briefing Quiz::{_deck_name(legal_text(pack.meta.title))}")
    for q in questions:
        deck.add_note(genanki.Note(
            model=model,
            fields=[_front(q), field_text(answer_text(q)), field_text(q.citation), field_text(q.id)],
            guid=genanki.guid_for(pack.id, q.id),
            tags=[q.topic.replace(" ", "_")],
        ))
    genanki.Package(deck).write_to_file(str(path))
