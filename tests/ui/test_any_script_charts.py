"""Charts of packs in other scripts and with several units in one group: every figure shown once, on screen and
in the handout, with the axis in the pack's own units.

A chart group with figures in two incompatible units used to give two charts under one key; the page and
the PDF kept one of them and dropped the other without a word (clean_cells' "jobs" group lost its people).
"""

from __future__ import annotations

from collections import Counter

import pytest

from app.workspace import Workspace
from content import briefing
from tests_support import DATA, state_for
from ui.briefing import BriefingPage


@pytest.fixture
def open_page(qtbot, data_dir):
    opened = []

    def make(pack: str) -> BriefingPage:
        ws = Workspace(data_dir, packs=[DATA / pack])
        opened.append(ws)
        page = BriefingPage(state_for(ws))
        qtbot.addWidget(page)
        page.resize(1280, 800)
        page.show()
        qtbot.waitUntil(lambda: not page.pending)
        return page

    yield make
    for ws in opened:
        ws.close()


@pytest.mark.parametrize("pack", ["japanese_pack", "arabic_pack", "clean_cells"])
def test_every_figure_is_drawn_on_exactly_one_chart_of_the_page(open_page, pack):
    page = open_page(pack)
    drawn = Counter(bar.figure_id for chart in page.charts for bar in chart.chart.bars)
    assert drawn == Counter(f.id for f in page.pack.figures)
    assert all(len(chart.bars_drawn()) == len(chart.chart.bars) for chart in page.charts)
    titles = [chart.title.text() for chart in page.charts]
    assert len(set(titles)) == len(titles)


def test_a_group_in_two_units_shows_both_charts_with_their_units(open_page):
    page = open_page("clean_cells")
    jobs = sorted(chart.title.text() for chart in page.charts if chart.chart.group == "jobs")
    assert jobs == ["Jobs (jobs)", "Jobs (people)"]  # the people chart was missing


def test_yen_in_trillions_and_hundred_millions_share_one_axis_in_yen(open_page):
    page = open_page("japanese_pack")
    chart = next(c for c in page.charts if c.chart.group == "spending-items")
    labels = [label for label, _ in chart.bars_drawn()]
    assert [label.split(":")[0] for label in labels] == ["一般会計の総額", "防衛関係費", "子育て支援策",
                                                         "人工知能と半導体の研究開発支援"]
    title = chart.axis_title()
    assert title.startswith("円") and "億円" not in title and "thousand" not in title  # the ticks say 兆 and 億
    ticks = [text for _, text in chart.ticks()]
    assert "50兆" in ticks and "100兆" in ticks


@pytest.mark.parametrize("pack", ["japanese_pack", "clean_cells"])
def test_the_handout_shows_every_chart_once_with_its_title(pack):
    """The printed briefing places the charts where the screen does: every chart once, under its own title."""
    import re

    from content.handout.briefing import build_briefing
    from content.handout.model import Chart as PrintedChart
    from content.loader import load_pack

    loaded = load_pack(DATA / pack)
    printed = [b.title for b in build_briefing(loaded).blocks if isinstance(b, PrintedChart)]
    # a wide chart printed as several parts: " (2 of 3)", in a Japanese pack "（2/3）"
    later_part = re.compile(r"(?: \((?:[2-9]|\d\d+) of \d+\)|（(?:[2-9]|\d\d+)/\d+）)$")
    first_parts = [re.sub(r"(?: \(1 of \d+\)|（1/\d+）)$", "", title) for title in printed
                   if not later_part.search(title)]
    assert sorted(first_parts) == sorted(chart.heading for chart in briefing.charts(loaded))


def test_a_chart_of_one_amount_offers_no_log_scale(open_page):
    """A log scale compares amounts across magnitudes: with one bar the box was there, to no purpose."""
    page = open_page("japanese_pack")
    single = [chart for chart in page.charts if sum(b.value > 0 for b in chart.chart.bars) == 1]
    several = [chart for chart in page.charts if sum(b.value > 0 for b in chart.chart.bars) > 1]
    assert single and several
    assert not any(chart.log_toggle.isEnabled() for chart in single)
    assert all(chart.log_toggle.isEnabled() for chart in several)
