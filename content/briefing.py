"""What the briefing shows, derived from a pack (Qt-free, so it can be tested headless).

The view asks this module which chart bars, source attributions, timeline
points and attachments (tables, lists) belong where; it never decides that
itself, so the PDF handout and the screen can never disagree.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from content import bidi
from content.amounts import stated_amount
from content.limits import MAX_CHART_BARS, MAX_SOURCE_LINES
from content.model import Figure, Milestone, NamedList, Pack, Section, Table
from content.phrases import QT_TRANSLATE_NOOP, phrase


@dataclass(frozen=True)
class Bar:
    figure_id: str
    label: str  # what the figure is
    value: float  # in the chart's display scale (e.g. billions)
    display: str  # "~$2.3 trillion" (isolated in a right-to-left pack: see content.bidi)
    outlet: str  # outlet name or "not named in the article" (isolated likewise)
    quote: str

    @property
    def caption(self) -> str:
        return f"{self.display} — {self.outlet}"


#: Scale words of an axis, largest first, per way of writing units (content.units.Unit.script).
AXIS_SCALES: dict[str, tuple[tuple[float, str], ...]] = {
    "en": ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand"), (1.0, "")),
    "cjk": ((1e12, "兆"), (1e8, "億"), (1e4, "万"), (1.0, "")),
    "arabic": ((1e12, "تريليون"), (1e9, "مليار"), (1e6, "مليون"), (1e3, "ألف"), (1.0, "")),
}


@dataclass(frozen=True)
class Chart:
    group: str
    unit: str  # base unit, e.g. "USD", "円"
    scale: float  # divide base values by this for display
    scale_word: str  # "billion", "億"
    bars: tuple[Bar, ...]  # the largest :data:`MAX_CHART_BARS` figures of the group
    omitted: int = 0  # smaller figures of the group left out of the chart
    title: str = ""  # from the pack's [[charts]], else the group id (with the unit when a group has several)
    caption: str = ""  # from the pack's [[charts]]: what the bars are and who reported them
    script: str = "en"  # how the axis writes scales: "en" (billion), "cjk" (億, 兆), "arabic" (مليار)
    figure_ids: tuple[str, ...] = ()  # every figure on this chart, the omitted ones too
    key: str = ""  # unique among a pack's charts: the group, with the unit when the group has several
    isolated: bool = False  # text a sentence is built around is wrapped in isolates (right-to-left pack)
    unnamed: str = ""  # what a bar of a figure without an outlet names as its source (not a source to list)

    @property
    def heading(self) -> str:
        """The title, else the group id written as words: a drafted pack's groups are unit slugs, and a tester
        read charts titled "gbp" and "trips-a-day" ("GBP", "Trips a day" now)."""
        if self.title:
            return self.title
        words = self.group.replace("-", " ").replace("_", " ").strip()
        if words.casefold() == self.unit.casefold() and self.unit != self.unit.lower():
            return self.unit  # "gbp" → "GBP", as the unit is written
        return words[:1].upper() + words[1:] if words.isascii() else words

    @property
    def named_outlets(self) -> tuple[str, ...]:
        """The outlets the article names for the bars, each once, in bar order (what "Sources:" lists)."""
        return tuple(o for o in self.outlets if o != self.unnamed)

    @property
    def unnamed_bars(self) -> int:
        """Bars of figures the article gives no outlet for."""
        return sum(1 for b in self.bars if b.outlet == self.unnamed)

    @property
    def zeros(self) -> int:
        """Bars with nothing to draw on a log scale (an amount of 0 is honest data, but log 0 is undefined)."""
        return sum(1 for b in self.bars if b.value <= 0)

    @property
    def axis_title(self) -> str:
        """The axis in the pack's units, as its ticks need it: "US$" and "円" where each tick writes its own
        scale ("$500B", "50兆": a title "US$ trillion" over "$500B" read as two scales, "億円" over "50兆" as
        "50兆億円"); "مليار دولار" where the ticks are numbers in that scale (isolated in a right-to-left pack,
        as the view adds words to it)."""
        if self.script == "cjk":
            text = self.unit
        elif self.script == "arabic":
            text = f"{self.scale_word} {self.unit}".strip()
        else:
            text = "US$" if self.unit == "USD" else self.unit
        return bidi.left_to_right(bidi.isolate(text)) if self.isolated else text

    @property
    def outlets(self) -> tuple[str, ...]:
        """The sources of the bars, each once, in bar order (a chart's caption names them)."""
        return tuple(dict.fromkeys(b.outlet for b in self.bars))

    @property
    def spread(self) -> float:
        """Ratio of the largest to the smallest bar: above ~20 a linear axis hides the small ones."""
        values = [b.value for b in self.bars if b.value > 0]
        return max(values) / min(values) if values else 1.0

    def tick_label(self, value: float) -> str:
        """Axis label for ``value`` (in display scale): 1000 billion → "$1T"; 35,000 億 → "3.5兆"; in an
        Arabic-script chart the number in the axis title's scale."""
        if self.script == "arabic":
            return f"{value:,g}"
        base = value * self.scale
        if self.script == "cjk":
            factor, word = next(((f, w) for f, w in AXIS_SCALES["cjk"] if abs(base) >= f), (1.0, ""))
            return f"{base / factor:,g}{word}"
        for factor, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
            if abs(base) >= factor:
                text = f"{base / factor:g}{suffix}"
                break
        else:
            text = f"{base:g}"
        return f"${text}" if self.unit == "USD" else text


#: The briefing's own words, in the pack's language (content.phrases; i18n/<language>/questions.ts).
NO_OUTLET = QT_TRANSLATE_NOOP("content.briefing", "outlet not named in the article")
_NO_OUTLET_ENTRY = QT_TRANSLATE_NOOP("content.briefing", "Outlet not named in the article")
_WITH_UNIT = QT_TRANSLATE_NOOP("content.briefing", "{title} ({unit})")
_TODAY = QT_TRANSLATE_NOOP("content.briefing", "Today ({date})")
_READING = QT_TRANSLATE_NOOP("content.briefing", "You are reading the briefing.")
_TWO_MEASURES = QT_TRANSLATE_NOOP(
    "content.briefing", "Two outlets, two measures: {first} gives {first_amount} for “{first_label}”; {second} "
    "gives {second_amount} for “{second_label}”. They differ in what they measure, so they are not one total "
    "reported twice.")
_REPORTS_DIFFER = QT_TRANSLATE_NOOP(
    "content.briefing", "The reports differ: {first} gives {first_amount}, {second} gives {second_amount} for "
    "{year}. Both are shown.")


def say(pack: Pack, template: str) -> str:
    """One of the briefing's templates in the pack's language (as written when it has no translation)."""
    return phrase(pack.meta.language, "content.briefing", template)


def no_outlet(pack: Pack) -> str:
    """What a figure without an outlet is attributed to, in the pack's language ("記事に出典の記載なし")."""
    return say(pack, NO_OUTLET)


def charts(pack: Pack) -> list[Chart]:
    """One chart per chart group and comparable unit, bars largest first (at most :data:`MAX_CHART_BARS`).

    Figures of one group whose base units agree share a chart, whatever their scale (兆円 and
    億円 are both 円; trillion USD and billion USD both USD). A group whose figures come in
    units that cannot share an axis (yen and people) gives one chart per unit, each titled
    with its unit, so every figure is on exactly one chart.
    """
    groups: dict[tuple[str, str], list[Figure]] = {}
    for figure in pack.figures:
        groups.setdefault((figure.chart_group, figure.unit_parts.key), []).append(figure)
    per_group = Counter(group for group, _ in groups)
    outlets = {o.id: pack.isolate(o.name) for o in pack.outlets}
    unnamed = pack.isolate(no_outlet(pack))
    result = []
    for (group, unit_key), figures in groups.items():
        first = figures[0].unit_parts
        script = next((f.unit_parts.script for f in figures if f.unit_parts.scale), first.script)
        smallest = min((f.base_value for f in figures if f.base_value > 0), default=1.0)
        scale, word = next((s, w) for s, w in AXIS_SCALES[script] if smallest >= s or s == 1.0)
        largest = sorted(figures, key=lambda f: -f.base_value)[:MAX_CHART_BARS]
        bars = tuple(
            Bar(f.id, f.label, f.base_value / scale, pack.isolate(stated_amount(pack.meta.language, f)),
                outlets.get(f.outlet or "", unnamed), f.quote)
            for f in largest
        )
        named = next((c for c in pack.charts if c.id == group), None)
        title = named.title if named else ""
        several = per_group[group] > 1
        if several:  # one group, several units: each chart says which unit it shows
            title = say(pack, _WITH_UNIT).format(title=title or group, unit=pack.isolate(first.base or first.scale))
        # The view adds "Sources: …" after the caption: an isolated caption keeps that sentence in order.
        caption = bidi.left_to_right(pack.isolate(named.caption)) if named and named.caption else ""
        result.append(Chart(group, first.base, scale, word, bars, len(figures) - len(bars), title=title,
                            caption=caption, script=script,
                            figure_ids=tuple(f.id for f in figures), key=f"{group}:{unit_key}" if several else group,
                            isolated=pack.right_to_left, unnamed=unnamed))
    return result


def placed_charts(pack: Pack) -> dict[str, list[Chart]]:
    """The charts shown under each section (section id → charts), each chart once, so none is lost.

    A chart goes under the first section that lists one of its figures; a chart none of whose
    figures a section lists goes under the first section of its first figure's topic (else the
    last section), as tables and lists do. The screen and the PDF handout both place charts here.
    """
    placed: dict[str, list[Chart]] = {s.id: [] for s in pack.sections}
    if not pack.sections:
        return placed
    home: dict[str, Chart] = {}
    for chart in charts(pack):
        for figure_id in chart.figure_ids:
            home[figure_id] = chart
    done: set[str] = set()
    for section in pack.sections:
        for figure_id in section.figures:
            found = home.get(figure_id)
            if found is not None and found.key not in done:
                done.add(found.key)
                placed[section.id].append(found)
    first: dict[str, str] = {}
    for section in pack.sections:
        first.setdefault(section.topic, section.id)
    for chart in dict.fromkeys(home.values()):
        if chart.key not in done:
            done.add(chart.key)
            topic = pack.figure(chart.figure_ids[0]).topic
            placed[first.get(topic, pack.sections[-1].id)].append(chart)
    return placed


#: Decades a log axis labels at most; wider spans label every second (third…) power of ten.
MAX_LOG_TICKS = 10


#: Round tick steps: these times a power of ten.
NICE_MULTIPLES: tuple[float, ...] = (1, 2, 2.5, 5, 10)


def nice_step(largest: float, ticks: int = 5, multiples: tuple[float, ...] = NICE_MULTIPLES) -> float:
    """A round step (one of ``multiples`` times a power of ten) giving about ``ticks`` intervals up to
    ``largest``; 1 when nothing is above 0. The briefing's chart, the handout's and the Progress page's
    counts all step their axes with it."""
    if largest <= 0 or not math.isfinite(largest):
        return 1.0
    raw = max(largest / ticks, 1e-300)  # a subnormal amount: log10 of it is not worth the risk
    power = 10.0 ** math.floor(math.log10(raw))
    return float(next(m * power for m in multiples if m * power >= raw))


def log_decades(chart: Chart) -> tuple[int, int] | None:
    """(lowest, highest) power of ten a log axis spans for the chart's positive bars; None if there are none.

    The lowest is below the smallest bar, so even a bar at an exact power of ten has length.
    """
    values = [b.value for b in chart.bars if b.value > 0 and math.isfinite(b.value)]
    if not values:
        return None
    smallest, largest = math.log10(min(values)), math.log10(max(values))
    low = math.floor(smallest)
    if smallest - low < 0.15:
        low -= 1
    high = max(math.ceil(largest), low + 1)
    return max(low, -300), min(high, 300)


def log_ticks(chart: Chart, upto: float | None = None) -> list[float]:
    """Ticks for a log axis from the chart's lowest power of ten up to ``upto`` (default: its highest):
    powers of ten (at most about :data:`MAX_LOG_TICKS`) and, where fewer than three of them fall on the
    axis, also 2 and 5 times each. Amounts within a decade or two ($2 trillion and $2.3 trillion) were read
    off one tick, "$1T", alone."""
    decades = log_decades(chart)
    if decades is None:
        return []
    low, high = decades
    top = (10.0**high if upto is None else upto) * (1 + 1e-9)
    step = max(1, math.ceil((high - low + 1) / MAX_LOG_TICKS))
    ticks = [10.0**k for k in range(low, high + 1, step) if 10.0**k <= top]
    if len(ticks) < 3:
        ticks = [m * 10.0**k for k in range(low, high + 1) for m in (1, 2, 5) if m * 10.0**k <= top]
    return ticks


@dataclass(frozen=True)
class SourceEntry:
    outlet: str
    description: str
    figures: tuple[Figure, ...]  # the first :data:`MAX_SOURCE_LINES` of them
    more: int = 0  # further figures from this outlet, counted, not listed


def sources(pack: Pack) -> list[SourceEntry]:
    """Which outlet gave which figure (outlets first, then figures with no outlet)."""
    by_outlet: dict[str | None, list[Figure]] = {}
    for figure in pack.figures:
        by_outlet.setdefault(figure.outlet or None, []).append(figure)

    def entry(name: str, description: str, figures: list[Figure]) -> SourceEntry:
        return SourceEntry(name, description, tuple(figures[:MAX_SOURCE_LINES]),
                           max(0, len(figures) - MAX_SOURCE_LINES))

    # An outlet with neither a figure nor a description would be an empty card (a drafted pack names the
    # outlets of figures still to write)
    entries = [entry(o.name, o.description, by_outlet.get(o.id, [])) for o in pack.outlets
               if by_outlet.get(o.id) or o.description]
    if by_outlet.get(None):
        entries.append(entry(say(pack, _NO_OUTLET_ENTRY), "", by_outlet[None]))
    return entries


def disagreements(pack: Pack, among: Iterable[str] | None = None) -> list[tuple[Figure, Figure]]:
    """Pairs of figures from different outlets about the same year and group with different amounts.

    ``among`` limits the search to some figure ids (a section's figures: what the
    briefing shows side by side), so a pack of 100,000 figures is not compared pairwise.
    """
    found = []
    chosen = pack.figures if among is None else [pack.figure(i) for i in dict.fromkeys(among)]
    figures = [f for f in chosen if f.outlet and f.year]
    for i, a in enumerate(figures):
        for b in figures[i + 1:]:
            same_subject = a.year == b.year and a.chart_group == b.chart_group and a.base_unit == b.base_unit
            if same_subject and a.outlet != b.outlet and a.base_value != b.base_value:
                found.append((a, b))
    return found


@dataclass(frozen=True)
class TimelinePoint:
    when: str
    label: str
    quote: str
    is_today: bool = False
    is_next: bool = False  # the first milestone still to come: the next checkpoint
    #: Dated before today but not marked as happened: the article had it ahead, and whether it happened
    #: it cannot say. Shown before "today", marked so (read in November, "in June 2026" sat after today).
    passed: bool = False
    day: date | None = None  # the today point's date (``when`` writes it ISO; a view writes it as its locale does)


def timeline(pack: Pack, today: date | None = None) -> list[TimelinePoint]:
    """The pack's milestones in the article's order, with "today" after those that have happened and those
    whose date is now past (:attr:`TimelinePoint.passed`).

    Milestones with an ``order`` come in that order; without one, undated ("upcoming")
    milestones come before dated ones, by year. The first milestone after today is the
    next checkpoint.
    """
    today = today or date.today()
    if any(m.order is not None for m in pack.milestones):
        ordered = sorted(pack.milestones, key=lambda m: (m.order is None, m.order or 0, m.year or 0))
    else:
        ordered = sorted(pack.milestones, key=lambda m: (m.year is not None, m.year or 0))
    past = [m for m in ordered if m.happened]
    # An article written in February calls "27 March 2026" ahead; read in November that date is past, whether
    # it happened the article cannot say: before today, marked, and never the next checkpoint
    passed = [m for m in ordered if not m.happened and due_before(m, today)]
    ahead = [m for m in ordered if not m.happened and m not in passed]
    points = [TimelinePoint(m.when, m.label, m.quote) for m in past]
    points += [TimelinePoint(m.when, m.label, m.quote, passed=True) for m in passed]
    points.append(TimelinePoint(today_label(pack, today.isoformat()), say(pack, _READING), "", True, day=today))
    points += [TimelinePoint(m.when, m.label, m.quote, is_next=n == 0) for n, m in enumerate(ahead)]
    return points


_MONTHS = {name: n for n, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"), ("october", "oct"),
    ("november", "nov"), ("december", "dec")), start=1) for name in names}
_MONTH_YEAR = re.compile(r"\b([A-Za-z]+)\.?\s+(\d{4})\b|(\d{4})\s*年\s*(\d{1,2})\s*月")


def due_before(milestone: Milestone, today: date) -> bool:
    """``milestone`` is dated before ``today``: its year is past, or its ``when`` names a month of this year that is
    ("in March 2026", "27 March 2026", "2026年3月"). A season or an undated one is never taken as past."""
    if milestone.year is None:
        return False
    if milestone.year != today.year:
        return milestone.year < today.year
    for match in _MONTH_YEAR.finditer(milestone.when):
        if match[1] and int(match[2]) == today.year and match[1].casefold() in _MONTHS:
            return _MONTHS[match[1].casefold()] < today.month
        if match[3] and int(match[3]) == today.year:
            return int(match[4]) < today.month
    return False


def today_label(pack: Pack, shown_date: str) -> str:
    """The timeline's "Today (…)" in the pack's language, around a date already written ("今日（2026/03/04）")."""
    return say(pack, _TODAY).format(date=shown_date)


def figure_note(pack: Pack, a: Figure, b: Figure) -> str:
    """What to say of two outlets' figures for the same year shown side by side.

    Different labels mean different measures (scope or time base): say so, rather than
    present them as rival estimates of one total. The same label means the reports differ.
    """
    iso = pack.isolate  # a right-to-left name or amount keeps its place in the sentence
    unnamed = no_outlet(pack)
    first, second = iso(pack.outlet_name(a.outlet) or unnamed), iso(pack.outlet_name(b.outlet) or unnamed)
    amount_a, amount_b = (iso(stated_amount(pack.meta.language, f)) for f in (a, b))
    if a.label.strip().casefold() != b.label.strip().casefold():
        return say(pack, _TWO_MEASURES).format(first=first, first_amount=amount_a, first_label=iso(a.label),
                                               second=second, second_amount=amount_b, second_label=iso(b.label))
    return say(pack, _REPORTS_DIFFER).format(first=first, first_amount=amount_a, second=second,
                                             second_amount=amount_b, year=a.year)


def attachments(pack: Pack) -> dict[str, tuple[list[Table], list[NamedList]]]:
    """Tables and lists shown under a section: each goes under the first section of its topic."""
    placed: dict[str, tuple[list[Table], list[NamedList]]] = {s.id: ([], []) for s in pack.sections}
    first: dict[str, Section] = {}
    for section in pack.sections:
        first.setdefault(section.topic, section)
    fallback = pack.sections[-1].id if pack.sections else None
    for table in pack.tables:
        target = first[table.topic].id if table.topic in first else fallback
        if target:
            placed[target][0].append(table)
    for named in pack.lists:
        target = first[named.topic].id if named.topic in first else fallback
        if target:
            placed[target][1].append(named)
    return placed


def paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs, each with its line breaks folded."""
    return [" ".join(p.split()) for p in text.strip().split("\n\n") if p.strip()]
