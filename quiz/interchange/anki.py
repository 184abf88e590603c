"""Anki ``.apkg`` via genanki: one deck per pack, one note per question, in one of three styled note types.

- "Briefing Quiz card": every kind the learner answers in their head and
  checks against the back (choice, select-all, ordering, matching…);
- "Briefing Quiz typed answer": typed and numeric questions, typed on the card
  (``{{type:Answer}}``) so Anki marks the answer; ``Extra`` says what else
  counts (the unit, the tolerance, the other accepted answers);
- "Briefing Quiz cloze": fill-in-the-blank questions as Anki's own Cloze notes
  (``{{c1::answer}}``, typed too), the explanation in ``Back Extra``.

All three share one stylesheet: a readable sans-serif, centred, and dark-mode
aware (``.nightMode`` on Anki desktop, ``.night_mode`` on AnkiDroid).

The front shows what to do (``Select all that apply``), the case of a scenario,
the prompt and the options with their letters (matching and classification
also list the items to place); the back shows the key in the same letters (a
select-all key lists every right option, an ordering key gives each position
its item, a matching or classification key pairs each item with its answer;
see :mod:`quiz.interchange.keys`), the explanation and correction, the
feedback on each option and every quote with its outlet.

Note GUIDs come from ``(pack id, question id)`` (a cloze note's from
``(pack id, question id, "cloze")``: Anki refuses to turn a regular note into a
cloze one, so it is a note of its own) and the deck and note-type ids
from a hash of the pack id, so exporting again and re-importing updates the
learner's existing cards (keeping their review history) instead of adding
duplicates. Every pack string is HTML-escaped (Anki renders fields as HTML; its line breaks become ``<br>``),
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
from quiz.questions import Kind, QuizQuestion


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
#: Typed and numeric questions: the learner types the answer (``{{type:Answer}}``), so ``Answer`` holds the
#: answer alone and ``Extra`` what else counts (the unit, the tolerance, other accepted answers).
TYPED_FIELDS = ("Question", "Answer", "Source", "QuestionId", "Explanation", "Extra", "Kind")
#: Fill-in-the-blank questions as Anki's own Cloze notes: ``Text`` with ``{{c1::answer}}``, ``Back Extra``
#: the explanation (the two fields of Anki's stock Cloze type come first, so any Anki reads them as cloze).
CLOZE_FIELDS = ("Text", "Back Extra", "Source", "QuestionId", "Extra", "Kind")
#: Readable on a phone and a desktop, centred, and dark-mode aware: Anki puts ``nightMode`` (desktop) or
#: ``night_mode`` (AnkiDroid, older desktops) on the card's element when the night theme is on.
CSS = """.card { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial,
  sans-serif; font-size: 20px; line-height: 1.45; text-align: center; color: #1f1f1f; background-color: #fdfdfd; }
.wrap { max-width: 40em; margin: 0 auto; padding: 0 .6em; }
.kind { font-size: 14px; letter-spacing: .04em; text-transform: uppercase; color: #6b6b6b; margin-bottom: .5em; }
.scenario { font-style: italic; margin-bottom: .6em; }
.options, .items, .feedback { display: inline-block; text-align: left; margin: .6em 0; }
.answer { font-weight: bold; margin: .4em 0; }
.explanation, .extra { margin: .6em 0; }
.source { font-size: 16px; color: #555; font-style: italic; margin-top: .8em; }
.cloze { font-weight: bold; color: #0b57d0; }
#typeans { font-size: 20px; width: 90%; max-width: 24em; }
hr#answer { border: 0; border-top: 1px solid #ccc; margin: .8em 0; }
.card.nightMode, .card.night_mode, .nightMode .card, .night_mode .card { color: #e8e8e8; background-color: #2a2a2a; }
.nightMode .kind, .night_mode .kind, .nightMode .source, .night_mode .source { color: #b0b0b0; }
.nightMode .cloze, .night_mode .cloze { color: #8ab4f8; }
.nightMode hr#answer, .night_mode hr#answer { border-top-color: #555; }"""
FRONT = ('<div class=wrap><div class=kind>{{Kind}}</div><div class=prompt>{{Question}}</div>'
         '{{#Options}}<div class=options>{{Options}}</div>{{/Options}}</div>')
BACK = ('{{FrontSide}}<hr id=answer><div class=wrap><div class=answer>{{Answer}}</div>'
        '{{#Explanation}}<div class=explanation>{{Explanation}}</div>{{/Explanation}}'
        '{{#Feedback}}<div class=feedback>{{Feedback}}</div>{{/Feedback}}'
        '<div class=source>{{Source}}</div></div>')
TYPED_FRONT = '<div class=wrap><div class=kind>{{Kind}}</div><div class=prompt>{{Question}}</div></div>{{type:Answer}}'
TYPED_BACK = ('<div class=wrap><div class=kind>{{Kind}}</div><div class=prompt>{{Question}}</div></div>'
              '<hr id=answer>{{type:Answer}}<div class=wrap>{{#Extra}}<div class=extra>{{Extra}}</div>{{/Extra}}'
              '{{#Explanation}}<div class=explanation>{{Explanation}}</div>{{/Explanation}}'
              '<div class=source>{{Source}}</div></div>')
CLOZE_FRONT = ('<div class=wrap><div class=kind>{{Kind}}</div><div class=prompt>{{cloze:Text}}</div></div>'
               '{{type:cloze:Text}}')
CLOZE_BACK = ('<div class=wrap><div class=kind>{{Kind}}</div><div class=prompt>{{cloze:Text}}</div></div>'
              '<hr id=answer>{{type:cloze:Text}}<div class=wrap>'
              '{{#Extra}}<div class=extra>{{Extra}}</div>{{/Extra}}'
              '{{#Back Extra}}<div class=explanation>{{Back Extra}}</div>{{/Back Extra}}'
              '<div class=source>{{Source}}</div></div>')
#: What a fill-in-the-blank prompt holds where the answer goes (quiz.generate writes it; GIFT's is the same).
BLANK = "_____"


def _model(pack: Pack) -> Any:  # genanki.Model
    return genanki.Model(
        _stable_id("briefing-quiz", "card-model", pack.id), f"Briefing Quiz card ({pack.id})",
        fields=[{"name": name} for name in FIELDS],
        templates=[{"name": "Card 1", "qfmt": FRONT, "afmt": BACK}],
        css=CSS,
    )


def _typed_model(pack: Pack) -> Any:  # genanki.Model
    return genanki.Model(
        _stable_id("briefing-quiz", "typed-model", pack.id), f"Briefing Quiz typed answer ({pack.id})",
        fields=[{"name": name} for name in TYPED_FIELDS],
        # "Card 1" like the other note types' template, so "Merge note types" maps an earlier card onto it
        templates=[{"name": "Card 1", "qfmt": TYPED_FRONT, "afmt": TYPED_BACK}],
        css=CSS,
    )


def _cloze_model(pack: Pack) -> Any:  # genanki.Model
    return genanki.Model(
        _stable_id("briefing-quiz", "cloze-model", pack.id), f"Briefing Quiz cloze ({pack.id})",
        fields=[{"name": name} for name in CLOZE_FIELDS],
        templates=[{"name": "Cloze", "qfmt": CLOZE_FRONT, "afmt": CLOZE_BACK}],
        css=CSS,
        model_type=genanki.Model.CLOZE,
    )


def _deck_name(title: str) -> str:
    """Anki reads ``::`` in a deck name as a sub-deck; a pack title must stay one deck."""
    return " ".join(title.replace("::", ": ").split())


def field_text(text: str) -> str:
    """Pack text as Anki shows it literally: no markup, no media or LaTeX tag, no field separator.

    Anki shows a field as HTML, where a line break is a space: a table's quote (one row a line) ran
    together into one line. The text is escaped first, so the only markup in it is the ``<br>`` put
    in for each line break."""
    escaped = html.escape(legal_text(text)).replace("[", "&#91;")
    return "<br>".join(escaped.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


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
    return [_question(q), _lines(keys.key_lines(q)), _lines([str(c) for c in q.citations]), field_text(q.id),
            _options(q), _lines(_explanation(q)), _lines(keys.feedback_lines(q)), field_text(keys.KIND_LABELS[q.kind])]


def _explanation(q: QuizQuestion) -> list[str]:
    return [part for part in (q.explanation, keys.correction(q)) if part]


def typed(q: QuizQuestion) -> bool:
    """Typed and numeric questions are typed on the card (``{{type:Answer}}``) and checked by Anki."""
    return q.kind in (Kind.TEXT, Kind.NUMERIC) and not cloze(q)


def cloze(q: QuizQuestion) -> bool:
    """A typed question whose prompt has one blank for its answer: a native Cloze note."""
    return q.kind == Kind.TEXT and q.prompt.count(BLANK) == 1 and not q.scenario


def _extra(q: QuizQuestion) -> list[str]:
    """What else counts for a typed answer: the unit, the tolerance, the other accepted answers."""
    if q.kind == Kind.NUMERIC:
        return ([f"Unit: {q.unit}"] if q.unit else []) + ([f"Within ±{keys.tolerance_text(q)}"] if q.tolerance else [])
    accepted = [a for a in dict.fromkeys(q.accepted) if a != q.answer]
    return [f"Also accepted: {'; '.join(accepted)}"] if accepted else []


def typed_fields(q: QuizQuestion) -> list[str]:
    """A typed question's fields, in the order of :data:`TYPED_FIELDS`: ``Answer`` is what Anki compares."""
    return [_question(q), field_text(q.answer), _lines([str(c) for c in q.citations]), field_text(q.id),
            _lines(_explanation(q)), _lines(_extra(q)), field_text(keys.KIND_LABELS[q.kind])]


def _cloze_safe(text: str) -> str:
    """Field text in which no ``{{c1::`` can start and no ``::`` or ``}}`` end a deletion but the app's own."""
    return field_text(text).replace("{", "&#123;").replace("}", "&#125;").replace(":", "&#58;")


def cloze_fields(q: QuizQuestion) -> list[str]:
    """A fill-in question's fields, in the order of :data:`CLOZE_FIELDS`: the blank is deletion ``c1``."""
    before, after = q.prompt.split(BLANK)
    text = f"{_cloze_safe(before)}{{{{c1::{_cloze_safe(q.answer)}}}}}{_cloze_safe(after)}"
    return [text, _lines(_explanation(q)), _lines([str(c) for c in q.citations]), field_text(q.id),
            _lines(_extra(q)), field_text(keys.KIND_LABELS[q.kind])]


def write(pack: Pack, questions: list[QuizQuestion], path: Path) -> None:
    models = {"card": _model(pack), "typed": _typed_model(pack), "cloze": _cloze_model(pack)}
    deck = genanki.Deck(_stable_id("briefing-quiz", "deck", pack.id),
                        f"Briefing Quiz::{_deck_name(legal_text(pack.meta.title))}")
    for q in questions:
        which = "cloze" if cloze(q) else "typed" if typed(q) else "card"
        values = {"cloze": cloze_fields, "typed": typed_fields, "card": fields}[which](q)
        deck.add_note(genanki.Note(
            model=models[which],
            fields=values,
            guid=genanki.guid_for(pack.id, q.id, "cloze") if which == "cloze" else genanki.guid_for(pack.id, q.id),
            tags=[q.topic.replace(" ", "_")],
        ))
    genanki.Package(deck).write_to_file(str(path))
