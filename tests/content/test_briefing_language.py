"""The briefing's own words are in the pack's language (issue #15 point 5).

content.briefing writes a few words around a pack's text: who a figure without an outlet is
attributed to, the timeline's "Today" and "You are reading the briefing.", and the notes on two
outlets' figures side by side. They are templates marked in content/ and translated in
i18n/<language>/questions.ts (content.phrases), as the generated questions are: a Japanese pack
reads 記事に媒体名の記載なし and 今日（…）, an English pack exactly what it read before.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import pytest

from content import briefing
from content.loader import load_pack
from tests_support import BUNDLED, DATA

#: An English word in a Japanese pack's briefing: the words around its text were not translated.
ENGLISH = re.compile(r"[A-Za-z]{2,}")
DAY = date(2026, 3, 4)


@pytest.fixture(scope="module")
def japanese():
    return load_pack(DATA / "japanese_pack")


def test_a_figure_without_an_outlet_is_attributed_in_the_packs_language(japanese):
    bars = [bar for chart in briefing.charts(japanese) for bar in chart.bars]
    assert {bar.outlet for bar in bars} == {"東都経済新聞", "関西日報", "記事に媒体名の記載なし"}
    assert [entry.outlet for entry in briefing.sources(japanese)][-1] == "記事に媒体名の記載なし"
    for chart in briefing.charts(japanese):
        assert not ENGLISH.findall(" ".join((chart.heading, chart.axis_title, *chart.outlets))), chart.heading


def test_the_timeline_says_today_in_the_packs_language(japanese):
    today = next(point for point in briefing.timeline(japanese, DAY) if point.is_today)
    assert (today.when, today.label) == ("今日（2026-03-04）", "このブリーフィングを読んでいるところです。")


def _two_outlets(pack):
    """Two figures of one year and chart group from different outlets (東都経済新聞 and 関西日報)."""
    return next((a, b) for a, b in briefing.disagreements(pack) if {a.outlet, b.outlet} == {"tohto", "kansai"})


def test_the_notes_on_two_outlets_figures_are_in_the_packs_language(japanese):
    a, b = _two_outlets(japanese)
    measures = briefing.figure_note(japanese, a, b)
    assert measures.startswith("二つの媒体、二つの指標：")
    assert f"「{a.label}」を{a.display}" in measures and f"「{b.label}」を{b.display}" in measures
    differ = briefing.figure_note(japanese, a, dataclasses.replace(b, label=a.label))
    assert differ.startswith(f"報道の数値が異なります：{a.year}年について、")
    for note in (measures, differ):
        assert not ENGLISH.findall(note), note  # "Two outlets, two measures: 東都経済新聞 gives …" before


def test_an_english_pack_reads_exactly_as_before():
    pack = load_pack(BUNDLED)
    today = next(point for point in briefing.timeline(pack, DAY) if point.is_today)
    assert (today.when, today.label) == ("Today (2026-03-04)", "You are reading the briefing.")
    assert briefing.sources(pack)[-1].outlet == "Outlet not named in the article"
    assert "outlet not named in the article" in {bar.outlet for c in briefing.charts(pack) for bar in c.bars}
    a, b = briefing.disagreements(pack)[0]
    assert briefing.figure_note(pack, a, b) == (
        f"Two outlets, two measures: {pack.outlet_name(a.outlet)} gives {a.display} for “{a.label}”; "
        f"{pack.outlet_name(b.outlet)} gives {b.display} for “{b.label}”. They differ in what they measure, so they "
        "are not one total reported twice.")
    same = dataclasses.replace(b, label=a.label)
    assert briefing.figure_note(pack, a, same) == (
        f"The reports differ: {pack.outlet_name(a.outlet)} gives {a.display}, {pack.outlet_name(b.outlet)} gives "
        f"{b.display} for {a.year}. Both are shown.")


def test_a_bound_amount_is_stated_in_the_packs_language(japanese):
    """The article's bound ("more than", stored as the pack's data) read "more than 29兆円" on the briefing's
    chart bars and in its notes; a Japanese pack states it 29兆円超, as its questions already did."""
    bars = {bar.label: bar.display for chart in briefing.charts(japanese) for bar in chart.bars}
    bound = next(f for f in japanese.figures if f.qualifier == "more than")
    assert bars[bound.label] == "29兆円超" and bound.display == "more than 29兆円"  # the data is unchanged
    assert not any(ENGLISH.findall(display) for display in bars.values())


def test_a_date_past_by_today_is_no_next_checkpoint():
    """A tester's brief, printed on 26 November 2026, called "27 March 2026" the next checkpoint: the article, from
    February, had it ahead. Past by today's date (year, or month of this year), it is not the next one."""
    from content.model import Milestone

    def due(when: str, year: int | None) -> bool:
        return briefing.due_before(Milestone("m", "x", when, "q", "t", year=year), date(2026, 11, 26))

    assert due("on 27 March 2026", 2026) and due("in 2025", 2025) and due("2026年3月", 2026)
    assert not due("in December 2026", 2026) and not due("later in 2026", 2026) and not due("upcoming", None)
    assert not due("in 2027", 2027) and not due("spring 2026", 2026)


def test_a_chart_without_a_title_is_headed_by_its_group_in_words():
    """A drafted pack's chart groups are unit slugs: a tester read charts titled "gbp" and "trips-a-day"."""
    def heading(group: str, unit: str, title: str = "") -> str:
        return briefing.Chart(group, unit, 1.0, "", (), title=title).heading

    assert heading("gbp", "GBP") == "GBP"
    assert heading("trips-a-day", "trips a day") == "Trips a day"
    assert heading("budget", "EUR") == "Budget"
    assert heading("targets", "USD", "Investment targets to 2040") == "Investment targets to 2040"
    assert heading("予算", "円") == "予算"
