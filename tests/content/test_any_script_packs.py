"""A Japanese and an Arabic pack: their numbers check against the article and every figure is charted.

Both test packs write numbers the way their languages do (２，０００億円, 八兆七千億円,
二〇四〇年度, ٢٫٣ تريليون دولار, ٤٥٬٠٠٠); the validator used to reject every one of
them, and a chart group mixing 兆円 and 億円 lost its 兆円 chart without a word.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from content import briefing
from content.characters import text_problem
from content.loader import load_pack
from content.problems import PackError
from tests_support import BUNDLED, DATA

JAPANESE = DATA / "japanese_pack"
ARABIC = DATA / "arabic_pack"
ALL_PACKS = [JAPANESE, ARABIC, BUNDLED, DATA / "clean_cells", DATA / "second_pack", DATA / "minimal"]


def _copy(tmp_path: Path, source: Path, *edits: tuple[str, str], article: tuple[str, str] | None = None) -> Path:
    folder = tmp_path / source.name
    shutil.copytree(source, folder)
    toml = folder / "pack.toml"
    text = toml.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    toml.write_text(text, encoding="utf-8")
    if article:
        path = folder / "source.txt"
        body = path.read_text(encoding="utf-8")
        assert article[0] in body
        path.write_text(body.replace(article[0], article[1]), encoding="utf-8")
    return folder


def _problems(folder: Path) -> str:
    with pytest.raises(PackError) as info:
        load_pack(folder)
    return str(info.value)


def test_numbers_in_full_width_kanji_and_arabic_digits_match_the_article():
    japanese, arabic = load_pack(JAPANESE), load_pack(ARABIC)  # fails on the old validator
    assert japanese.meta.language == "ja" and arabic.meta.language == "ar"
    assert japanese.figure("ai-chips").amount == 2000  # quoted as ２，０００億円
    assert japanese.figure("defence").amount == 8.7  # quoted as 八兆七千億円
    assert arabic.figure("plan-total").amount == 2.3  # quoted as ٢٫٣ تريليون دولار
    assert arabic.figure("jobs").amount == 45000  # quoted as ٤٥٬٠٠٠


def test_a_wrong_amount_is_still_reported_whatever_the_script(tmp_path):
    folder = _copy(tmp_path, JAPANESE, ("amount = 2000\n", "amount = 2500\n"))
    assert "number(s) 2500 do not occur in the source text" in _problems(folder)
    folder = _copy(tmp_path / "ar", ARABIC, ("amount = 2.3\n", "amount = 2.8\n"))
    assert "number(s) 2.8 do not occur in the source text" in _problems(folder)


def test_an_ambiguous_kanji_number_is_refused_with_the_reason(tmp_path):
    folder = _copy(tmp_path, JAPANESE, ("防衛関係費は八兆七千億円に膨らんだ。\"", "防衛関係費は二三兆円に膨らんだ。\""),
                   ("amount = 8.7\n", "amount = 2\n"),
                   article=("防衛関係費は八兆七千億円に膨らんだ。", "防衛関係費は二三兆円に膨らんだ。"))
    problems = _problems(folder)
    assert "“二三兆” is ambiguous" in problems and "2 or 3" in problems


@pytest.mark.parametrize("folder", ALL_PACKS, ids=lambda p: p.name)
def test_every_figure_lands_on_exactly_one_chart_under_one_section(folder):
    pack = load_pack(folder)
    charts = briefing.charts(pack)
    on_charts = [figure_id for chart in charts for figure_id in chart.figure_ids]
    assert sorted(on_charts) == sorted(f.id for f in pack.figures)
    assert len({chart.key for chart in charts}) == len(charts)
    assert len({chart.heading for chart in charts}) == len(charts)  # no two charts under one title
    placed = [chart.key for under in briefing.placed_charts(pack).values() for chart in under]
    assert sorted(placed) == sorted(chart.key for chart in charts)


def test_yen_in_trillions_and_hundred_millions_share_one_axis_in_the_packs_units():
    chart = next(c for c in briefing.charts(load_pack(JAPANESE)) if c.group == "spending-items")
    assert {b.figure_id for b in chart.bars} == {"general-account", "defence", "childcare", "ai-chips"}
    assert chart.unit == "円" and chart.axis_title == "円"  # its ticks say 億 and 兆 ("50兆", never "50兆 億円")
    values = {b.figure_id: b.value for b in chart.bars}
    assert values["general-account"] == pytest.approx(1_223_000)  # 122.3兆円 in 億円
    assert values["ai-chips"] == pytest.approx(2_000)
    assert chart.tick_label(2_000) == "2,000億" and chart.tick_label(10_000) == "1兆"
    assert [b.display for b in chart.bars] == ["122.3兆円", "8.7兆円", "3.6兆円", "2,000億円"]


def test_a_group_with_units_that_cannot_share_an_axis_gives_one_titled_chart_per_unit():
    """clean_cells' "jobs" group has jobs and people: the people chart used to be dropped from the page."""
    jobs = [c for c in briefing.charts(load_pack(DATA / "clean_cells")) if c.group == "jobs"]
    assert sorted(c.title for c in jobs) == ["Jobs (jobs)", "Jobs (people)"]


def test_arabic_amounts_chart_in_arabic_scale_words():
    chart = next(c for c in briefing.charts(load_pack(ARABIC)) if c.group == "money")
    assert {b.figure_id for b in chart.bars} == {"plan-total", "phase-one"}
    assert "مليار دولار" in chart.axis_title and "thousand" not in chart.axis_title
    assert chart.tick_label(2300) == "2,300"


def test_packs_may_still_not_contain_direction_controls_the_app_adds_them_at_display_time():
    for control in ("\u2066", "\u2067", "\u2068", "\u2069", "\u202e"):
        assert text_problem(f"Gulf {control}Tech{control} Review") is not None
    pack = load_pack(ARABIC)
    for figure in pack.figures:  # quotes stay verbatim: they are compared with the article
        assert not any(c in figure.quote for c in "\u2066\u2067\u2068\u2069")
