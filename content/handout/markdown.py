"""Lay a handout :class:`~content.handout.model.Document` out as Markdown (CommonMark with GitHub tables).

Editable text with the same content and citations as the PDF. Pack text is
escaped (:func:`esc`): whatever it holds — ``*``, ``_``, ``[link](…)``,
``<script>``, ``|`` in a table cell, ``#`` at the start — it reads as typed.
Charts become their title, caption and a table of their bars (the chart's
text alternative).
"""

from __future__ import annotations

import re
from pathlib import Path

from content.handout import words
from content.handout.model import (
    Chart,
    Choices,
    Definitions,
    Document,
    FigureItem,
    FigureList,
    Grid,
    Heading,
    ItemList,
    KeyItem,
    Matching,
    Ordering,
    PageBreak,
    Paragraph,
    QuestionItem,
    Quote,
    Table,
    Timeline,
    WriteIn,
)

_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")


def esc(text: str) -> str:
    """Pack text as literal Markdown on one line: no emphasis, link, HTML, entity, heading, list or quote."""
    text = " ".join(text.split())
    text = _INLINE.sub(r"\\\1", text)
    text = _ENTITY.sub(r"\\&", text)
    match = _LINE_START.match(text)
    if match:
        marker = match.group(2)
        text = text[:match.start(2)] + (marker[:-1] + "\\" + marker[-1]) + text[match.end(2):]
    return text


def _cell(text: str) -> str:
    return esc(text) or " "


def _url(url: str) -> str:
    if url.lower().startswith(("http://", "https://")) and not re.search(r"[\s<>]", url):
        return f"<{url}>"
    return esc(url)


def _quote(quote: Quote, language: str, indent: str = "") -> str:
    return f"{indent}> “{esc(quote.text)}” — {esc(quote.attributed(language))}"


def _figure(item: FigureItem, quotes: bool, language: str) -> list[str]:
    lines = [f"- **{esc(item.amount)}** — {esc(item.label + item.year_note)}; *{esc(item.credited(language))}*"]
    if quotes and item.quote:
        lines += ["", _quote(item.citation, language, "  ")]
    return lines


def _table(header: tuple[str, ...], rows: tuple[tuple[str, ...], ...]) -> list[str]:
    lines = ["| " + " | ".join(_cell(h) for h in header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return lines


def _letter(n: int) -> str:
    return chr(65 + n) if n < 26 else str(n + 1)


def to_markdown(document: Document) -> str:
    source = document.source
    language = document.language

    def say(template: str) -> str:
        return esc(words.say(language, template))

    out = [f"# {esc(document.title)}", ""]
    if document.subtitle:
        out += [f"*{esc(document.subtitle)}*", ""]
    where = ", ".join(esc(p) for p in (source.publisher, source.date) if p)
    line = say(words.SOURCE).format(source=f"*{esc(source.title)}*") + (f". {where}" if where else "") + (
        f". {_url(source.url)}" if source.url else "")
    printed = say(words.PRINTED).format(date=document.printed.isoformat()) + (
        " · " + say(words.EXAM_CODE).format(code=f"**{esc(document.code)}**") if document.code else "")
    out += [line + "  ", printed, ""]
    for block in document.blocks:
        if isinstance(block, Heading):
            out += [f"{'#' * min(6, block.level + 1)} {esc(block.text)}", ""]
        elif isinstance(block, Paragraph):
            text = esc(block.text)
            out += [f"*{text}*" if block.style in ("lead", "note") and text else text, ""]
        elif isinstance(block, Quote):
            out += [_quote(block, language), ""]
        elif isinstance(block, FigureList):
            if block.title:
                out += [f"**{esc(block.title)}**", ""]
            for item in block.items:
                out += _figure(item, block.quotes, language)
            out.append("")
        elif isinstance(block, Table):
            if block.title:
                out += [f"**{esc(block.title)}**", ""]
            out += _table(block.header, block.rows) + [""]
            if block.source is not None:
                out += [_quote(block.source, language), ""]
        elif isinstance(block, ItemList):
            if block.title:
                out += [f"**{esc(block.title)}**", ""]
            out += [f"- **{esc(e.name)}**" + (f": {esc(e.detail)}" if e.detail else "") for e in block.items]
            out.append("")
        elif isinstance(block, Definitions):
            for term, definition in block.items:
                out += [f"**{esc(term)}**  ", esc(definition), ""]
        elif isinstance(block, Timeline):
            for point in block.points:
                mark = (f" — **{say(words.NEXT_CHECKPOINT)}**" if point.next
                        else f" {say(words.HAS_HAPPENED)}" if point.happened
                        else f" {say(words.DATE_PASSED)}" if point.passed else "")
                out.append(f"- **{esc(point.when)}**: {esc(point.label)}{mark}")
            out.append("")
        elif isinstance(block, Chart):
            out += [f"**{esc(block.title)}** " + say(words.CHART_MARKDOWN).format(zero=esc(block.ticks[0][1]),
                                                                                  axis=esc(block.axis_title)), ""]
            out += _table((words.say(language, words.AMOUNT), words.say(language, words.WHAT),
                           words.say(language, words.REPORTED_BY_HEADER)),
                          tuple((b.amount, b.label, b.outlet) for b in block.bars))
            out += ["", esc(block.caption), ""]
            if block.note:
                out += [f"*{esc(block.note)}*", ""]
        elif isinstance(block, QuestionItem):
            if block.scenario:
                out += [f"**{block.number}.** *{esc(block.scenario)}*", "", esc(block.prompt), ""]
            else:
                out += [f"**{block.number}.** {esc(block.prompt)}", ""]
            out += [f"*{esc(block.instruction)}*", ""]
            out += _space(block.space, language) + [""]
        elif isinstance(block, KeyItem):
            out += [f"**{block.number}.** {esc(block.prompt)}", ""]
            out += [f"- **{esc(a)}**" for a in block.answer] + [""]
            if block.explanation:
                out += [esc(block.explanation), ""]
            for quote in block.quotes:
                out += [_quote(quote, language), ""]
        elif isinstance(block, PageBreak):
            out += ["---", ""]
    return "\n".join(out).rstrip() + "\n"


def _space(space: object, language: str = "") -> list[str]:
    if isinstance(space, Choices):
        return [f"- [ ] {_letter(n)}. {esc(o)}" for n, o in enumerate(space.options)]
    if isinstance(space, WriteIn):
        line = esc(words.say(language, words.ANSWER_LINE)).format(line="______________________")
        return [line + (f" {esc(space.unit)}" if space.unit else "")] * space.lines
    if isinstance(space, Ordering):
        return [f"- \\[   \\] {esc(item)}" for item in space.items]
    if isinstance(space, Matching):
        rows = tuple((f"{n + 1}. {space.left[n]}" if n < len(space.left) else "", "",
                      f"{_letter(n)}. {space.right[n]}" if n < len(space.right) else "")
                     for n in range(max(len(space.left), len(space.right))))
        return _table((words.say(language, words.ITEM), words.say(language, words.LETTER),
                       words.say(language, words.ANSWER)), rows)
    if isinstance(space, Grid):
        return _table((words.say(language, words.STATEMENT), *space.categories),
                      tuple((s, *([""] * len(space.categories))) for s in space.statements))
    return []


def write_markdown(document: Document, path: str | Path) -> Path:
    path = Path(path)
    path.write_text(to_markdown(document), encoding="utf-8")
    return path
