"""The one-page brief: what an analyst hands across a table, from any pack.

Key figures with their outlets, the pack's comparison table (a table with
``compares = true``, e.g. Abenomics vs Sanaenomics), each named list in a line
per item (the four pillars), and what to watch: the milestones still ahead,
the next checkpoint first. Nothing here knows which pack it is reading.

Every block has a priority. :func:`fit` drops the least important blocks
until the brief fits one page at normal type, and says which it dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from content.amounts import stated_amount
from content.handout import words
from content.handout.briefing import figure_item, source_info, timeline_points
from content.handout.model import (
    Block,
    Document,
    FigureList,
    Heading,
    ItemList,
    ListEntry,
    Paragraph,
    Table,
    Timeline,
    describe,
)
from content.model import Pack

#: The brief lists at most this many key figures (the briefing has them all).
MAX_FIGURES = 8
#: Priorities: higher stays longer when the brief must shrink. Headings follow their content.
SUMMARY, FIGURES, CONTRAST, WATCH, LISTS, MORE = 50, 90, 80, 70, 40, 10


def key_figures(pack: Pack) -> list[str]:
    """Figure ids in the order the briefing shows them (cards with sections first, then the rest)."""
    shown = [i for s in pack.sections for i in s.figures]
    ordered = list(dict.fromkeys(shown))
    if len(ordered) < MAX_FIGURES:
        seen = set(ordered)
        ordered += [f.id for f in pack.figures if f.id not in seen][:MAX_FIGURES - len(ordered)]
    return ordered[:MAX_FIGURES]


def build_brief(pack: Pack, printed: date | None = None) -> Document:
    printed = printed or date.today()
    language = pack.meta.language
    blocks: list[Block] = []
    if pack.meta.summary:
        blocks.append(Paragraph(pack.meta.summary, style="lead", priority=SUMMARY,
                                what=words.say(language, words.THE_SUMMARY)))
    figures = [pack.figure(i) for i in key_figures(pack)]
    if figures:
        blocks.append(Heading(words.say(language, words.KEY_FIGURES), 2))
        for n, figure in enumerate(figures):  # one block each, so a long list loses its last figures first
            blocks.append(FigureList((figure_item(pack, figure),), quotes=False, priority=FIGURES - n,
                                     what=words.say(language, words.THE_FIGURE).format(
                                         amount=stated_amount(language, figure), label=figure.label)))
        others = len(pack.figures) - len(figures)
        if others > 0:
            more = words.say(language, words.MORE_IN_BRIEFING).format(count=f"{others:,}")
            blocks.append(Paragraph(more, style="small", priority=MORE))
    contrast = next((t for t in pack.tables if t.compares), None)
    if contrast is not None:
        blocks.append(Heading(contrast.title, 2))
        blocks.append(Table("", (contrast.row_header, *contrast.columns),
                            tuple((r.label, *r.cells) for r in contrast.rows), priority=CONTRAST,
                            what=words.say(language, words.THE_TABLE).format(title=contrast.title)))
    watch = [p for p in timeline_points(pack, printed) if not p.happened]
    if watch:
        blocks.append(Heading(words.say(language, words.WHAT_TO_WATCH), 2))
        blocks.append(Timeline(tuple(watch), priority=WATCH, what=words.say(language, words.THE_WATCH)))
    for n, named in enumerate(pack.lists):
        detailed = any(i.detail for i in named.items)
        blocks.append(Heading(named.title, 2))
        blocks.append(ItemList("", tuple(ListEntry(i.name, i.detail) for i in named.items),
                               priority=LISTS + (5 if detailed else 0) - n,
                               what=words.say(language, words.THE_LIST).format(title=named.title)))
    return Document("brief", pack.meta.title, source_info(pack), printed, tuple(blocks),
                    subtitle=words.say(language, words.ONE_PAGE_BRIEF), language=language)


def _prune(document: Document, dropped: set[int]) -> Document:
    """Without the dropped blocks, and without headings left with nothing under them."""
    kept = [(i, b) for i, b in enumerate(document.blocks) if i not in dropped]
    result: list[Block] = []
    for n, (_, block) in enumerate(kept):
        if isinstance(block, Heading):
            following = kept[n + 1] if n + 1 < len(kept) else None
            if following is None or isinstance(following[1], Heading):
                continue
        result.append(block)
    return replace(document, blocks=tuple(result))


def fit(document: Document, pages: Callable[[Document], int], limit: int = 1) -> tuple[Document, list[str]]:
    """Drop the least important blocks until ``pages(document) <= limit``; (the document, what was dropped).

    Blocks of priority 0 are never dropped. The fewest drops are found by bisection over the
    drop order, so a long pack is laid out a handful of times, not once per block.
    """
    order = sorted((i for i, b in enumerate(document.blocks) if getattr(b, "priority", 0) > 0),
                   key=lambda i: (getattr(document.blocks[i], "priority", 0), -i))
    if pages(document) <= limit:
        return document, []
    low, high = 1, len(order)
    while low < high:  # the smallest number of drops that fits (dropping more never adds a page)
        middle = (low + high) // 2
        if pages(_prune(document, set(order[:middle]))) <= limit:
            high = middle
        else:
            low = middle + 1
    dropped = set(order[:low])
    names = [describe(document.blocks[i]) for i in sorted(dropped)]
    fitted = _prune(document, dropped)
    language = document.language
    parts = words.say(language, words.BAR_SEPARATOR).join(names)
    note = words.say(language, words.LEFT_OUT).format(parts=parts) if names else ""
    return replace(fitted, notes=(note,) if note else ()), names
