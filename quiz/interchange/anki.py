"""Anki ``.apkg`` via genanki: one deck per pack, one note per question, one note type for every kind.

The front shows what to do (``Select all that apply``), the case of a scenario,
the prompt and the options with their letters (matching and classification
also list the items to place); the back shows the key in the same letters (a
select-all key lists every right option, an ordering key gives each position
its item, a matching or classification key pairs each item with its answer;
see :mod:`quiz.interchange.keys`), the explanation and correction, the
feedback on each option and every quote with its outlet.

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
from quiz.interchange import keys, legal_text
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


#: The note type's fields. The first four are named as in the earlier four-field note type ("Briefing Quiz
#: question"), so Anki's "Merge note types" import option carries cards made from an earlier export over to
#: this one in place, review history included. The note type has an id of its own: merging into the earlier
#: id would touch every old note before the import compares dates, and Anki would then keep the old text.
FIELDS = ("Question", "Answer", "Source", "QuestionId", "Options", "Explanation", "Feedback", "Kind")
CSS = """.card { font-family: sans-serif; font-size: 20px; text-align: left; max-width: 42em; margin: auto; }
.kind { font-size: 14px; color: #666; }
.scenario { font-style: italic; margin-bottom: .6em; }
.options, .items { margin: .6em 0; }
.answer { font-weight: bold; margin: .4em 0; }
.explanation, .feedback { margin: .6em 0; }
.source { font-size: 16px; color: #555; font-style: italic; }
.nightMode .kind, .nightMode .source { color: #aaa; }"""
FRONT = ('<div class=kind>{{Kind}}</div><div class=prompt>{{Question}}</div>'
         '{{#Options}}<div class=options>{{Options}}</div>{{/Options}}')
BACK = ('{{FrontSide}}<hr id=answer><div class=answer>{{Answer}}</div>'
        '{{#Explanation}}<div class=explanation>{{Explanation}}</div>{{/Explanation}}'
        '{{#Feedback}}<div class=feedback>{{Feedback}}</div>{{/Feedback}}'
        '<div class=source>{{Source}}</div>')


def _model(pack: Pack) -> Any:  # genanki.Model
    return genanki.Model(
        _stable_id("briefing-quiz", "card-model", pack.id), f"Briefing Quiz card ({pack.id})",
        fields=[{"name": name} for name in FIELDS],
        templates=[{"name": "Card 1", "qfmt": FRONT, "afmt": BACK}],
        css=CSS,
    )


def _deck_name(title: str) -> str:
    """Anki reads ``::`` in a deck name as a sub-deck; a pack title must stay one deck."""
    return " ".join(title.replace("::", ": ").split())


def field_text(text: str) -> str:
    """Pack text as Anki shows it literally: no markup, no media or LaTeX tag, no field separator."""
    return html.escape(legal_text(text)).replace("[", "&#91;")


def _lines(lines: list[str]) -> str:
    return "<br>".join(field_text(line) for line in lines)


def _question(q: QuizQuestion) -> str:
    prompt = field_text(q.prompt)
    return f"<div class=scenario>{field_text(q.scenario)}</div><div>{prompt}</div>" if q.scenario else prompt


def _options(q: QuizQuestion) -> str:
    """The options with their letters; matching and classification list the items to place first."""
    options = _lines(keys.option_lines(q))
    items = keys.items(q)
    if not items:
        return options
    return "<div class=items>" + _lines([f"• {item}" for item in items]) + "</div>" + options


def fields(q: QuizQuestion) -> list[str]:
    """The note's fields, in the order of :data:`FIELDS`."""
    explanation = [part for part in (q.explanation, keys.correction(q)) if part]
    return [_question(q), _lines(keys.key_lines(q)), _lines([str(c) for c in q.citations]), field_text(q.id),
            _options(q), _lines(explanation), _lines(keys.feedback_lines(q)), field_text(keys.KIND_LABELS[q.kind])]


def write(pack: Pack, questions: list[QuizQuestion], path: Path) -> None:
    model = _model(pack)
    deck = genanki.Deck(_stable_id("briefing-quiz", "deck", pack.id),
                        f"Briefing Quiz::{_deck_name(legal_text(pack.meta.title))}")
    for q in questions:
        deck.add_note(genanki.Note(
            model=model,
            fields=fields(q),
            guid=genanki.guid_for(pack.id, q.id),
            tags=[q.topic.replace(" ", "_")],
        ))
    genanki.Package(deck).write_to_file(str(path))
