"""Anki ``.apkg`` via genanki: one deck per pack, one note per question.

Note GUIDs come from ``(pack id, question id)`` and the deck and note-type ids
from a hash of the pack id, so exporting again and re-importing updates the
learner's existing cards (keeping their review history) instead of adding
duplicates. Every pack string is HTML-escaped (Anki renders fields as HTML),
has ``[`` written as ``&#91;`` (Anki reads ``[sound:…]`` as a media file to
play and ``[latex]…[/latex]`` as LaTeX to run) and loses the characters no
export can carry (U+001F would split the note's fields).
"""

from __future__ import annotations

import hashlib
import html
from pathlib import Path

import genanki

from content.model import Pack
from quiz.interchange import answer_text, legal_text
from quiz.questions import QuizQuestion


def _stable_id(*parts: str) -> int:
    """A 31-bit id derived from text: the same pack always maps to the same deck and note type."""
    digest = hashlib.sha256("\x1f".join(parts).encode()).digest()
    return int.from_bytes(digest[:4], "big") & 0x7FFFFFFF or 1


def _model(pack: Pack) -> genanki.Model:
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
