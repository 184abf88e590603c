"""The briefing as a document: sections with their figures, charts, tables and lists; timeline; glossary; sources.

Built from the same derivations the screen uses (:mod:`content.briefing`), so
the handout and the briefing page agree on chart titles, captions, bar order,
notes on figures from two outlets and the timeline's order. What only makes
sense on a screen is left out: the timeline's "today" row, read boxes, buttons.
"""

from __future__ import annotations

import math
from datetime import date

from content import briefing
from content.amounts import stated_amount
from content.handout import words
from content.handout.model import (
    Block,
    Chart,
    ChartBar,
    Definitions,
    Document,
    FigureItem,
    FigureList,
    Heading,
    ItemList,
    ListEntry,
    Paragraph,
    Quote,
    SourceInfo,
    Table,
    Timeline,
    TimePoint,
)
from content.model import Figure, Pack

#: Above this ratio of largest to smallest bar a linear axis hides the small bars: the chart is split in parts.
MAX_SPREAD = 20.0


def source_info(pack: Pack) -> SourceInfo:
    meta = pack.meta
    return SourceInfo(meta.source_title, meta.source_publisher, meta.source_date, meta.source_url)


def figure_item(pack: Pack, figure: Figure) -> FigureItem:
    name = pack.outlet_name(figure.outlet)
    return FigureItem(stated_amount(pack.meta.language, figure), figure.label, name or briefing.no_outlet(pack),
                      figure.year, figure.quote, named=name is not None)


def linear_ticks(chart: briefing.Chart, largest: float) -> tuple[tuple[float, str], ...]:
    """0, then round steps past the largest bar, each labelled as the screen's axis labels it ("$1T")."""
    step = briefing.nice_step(largest)
    count = max(1, math.ceil(largest / step - 1e-9))
    return tuple((k * step, chart.tick_label(k * step)) for k in range(count + 1))


def chart_blocks(chart: briefing.Chart, unnamed: str = briefing.NO_OUTLET, language: str = "") -> list[Chart]:
    """One chart, or several when its bars span more than :data:`MAX_SPREAD` (each part compares honestly).

    ``unnamed`` is what the bars of a figure without an outlet name as their source (the pack's words for it):
    not a source to list. Captions and notes are in ``language`` (the pack's)."""
    parts: list[list[briefing.Bar]] = []
    for bar in chart.bars:  # largest first
        if parts and (parts[-1][0].value <= 0 or bar.value * MAX_SPREAD >= parts[-1][0].value or bar.value <= 0):
            parts[-1].append(bar)
        else:
            parts.append([bar])
    def say(template: str) -> str:
        return words.say(language, template)

    caption = chart.caption or say(words.REPORTED_BY_ALL).format(outlets=words.joined(language, chart.outlets))
    missing = [o for o in chart.outlets if o not in caption and o != unnamed]
    if missing:
        caption += say(words.ALSO_SOURCES).format(outlets=words.joined(language, missing))
    notes = []
    if chart.omitted:
        notes.append(say(words.NOT_CHARTED).format(count=f"{chart.omitted:,}"))
    blocks = []
    for n, bars in enumerate(parts, 1):
        title = chart.heading if len(parts) == 1 else say(words.PART).format(title=chart.heading, part=n,
                                                                             parts=len(parts))
        text = caption if len(parts) == 1 else say(words.DRAWN_AS).format(caption=caption, count=len(parts))
        largest = max((b.value for b in bars), default=0.0)
        blocks.append(Chart(
            title=title, caption=text, axis_title=chart.axis_title,
            bars=tuple(ChartBar(b.label, b.value, b.display, b.outlet) for b in bars),
            ticks=linear_ticks(chart, largest), note=" ".join(notes) if n == len(parts) else ""))
    return blocks


def timeline_points(pack: Pack, printed: date | None = None) -> tuple[TimePoint, ...]:
    """The milestones in the article's order, without the screen's "today" row, as of the day ``printed``."""
    happened = {m.label for m in pack.milestones if m.happened}
    return tuple(TimePoint(p.when, p.label, next=p.is_next, happened=p.label in happened, passed=p.passed)
                 for p in briefing.timeline(pack, printed) if not p.is_today)


def build_briefing(pack: Pack, printed: date | None = None) -> Document:
    """The whole briefing, in the screen's order."""
    printed = printed or date.today()
    language = pack.meta.language
    blocks: list[Block] = []
    if pack.meta.summary:
        blocks.append(Paragraph(pack.meta.summary, style="lead"))
    placed = briefing.placed_charts(pack)  # each chart once, under the section the screen shows it in
    attached = briefing.attachments(pack)
    for section in pack.sections:
        blocks.append(Heading(section.title, 1))
        blocks += [Paragraph(p) for p in briefing.paragraphs(section.body)]
        if section.figures:
            figures = [pack.figure(i) for i in dict.fromkeys(section.figures)]
            blocks.append(FigureList(tuple(figure_item(pack, f) for f in figures),
                                     title=words.say(language, words.FIGURES_HERE)))
            for a, b in briefing.disagreements(pack, section.figures):
                blocks.append(Paragraph(briefing.figure_note(pack, a, b), style="note"))
        for chart in placed[section.id]:
            blocks += chart_blocks(chart, pack.isolate(briefing.no_outlet(pack)), language)
        tables, lists = attached[section.id]
        for table in tables:
            blocks.append(Table(table.title, (table.row_header, *table.columns),
                                tuple((r.label, *r.cells) for r in table.rows),
                                Quote(table.quote) if table.quote else None))
        for named in lists:
            blocks.append(ItemList(named.title, tuple(ListEntry(i.name, i.detail) for i in named.items)))
    points = timeline_points(pack, printed)
    if points:
        blocks += [Heading(words.say(language, words.TIMELINE), 1), Timeline(points)]
    if pack.terms:
        blocks += [Heading(words.say(language, words.GLOSSARY), 1),
                   Definitions(tuple((t.term, t.definition) for t in pack.terms))]
    blocks += sources_blocks(pack)
    return Document("briefing", pack.meta.title, source_info(pack), printed, tuple(blocks),
                    subtitle=words.say(language, words.BRIEFING), language=language)


def sources_blocks(pack: Pack) -> list[Block]:
    """The article in full, then which outlet the article credits with which figure."""
    language = pack.meta.language
    article = words.say(language, words.THE_ARTICLE_IS).format(citation=source_info(pack).citation)
    blocks: list[Block] = [Heading(words.say(language, words.SOURCES), 1), Paragraph(article)]
    for entry in briefing.sources(pack):
        if not entry.figures:
            continue
        blocks.append(Heading(entry.outlet, 2))
        if entry.description:
            blocks.append(Paragraph(entry.description))
        blocks.append(FigureList(tuple(figure_item(pack, f) for f in entry.figures), quotes=False))
        if entry.more:
            blocks.append(Paragraph(words.say(language, words.MORE_FROM).format(count=f"{entry.more:,}",
                                                                                 outlet=entry.outlet), style="small"))
    return blocks
