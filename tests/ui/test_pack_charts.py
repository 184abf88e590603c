"""Charts of shared packs: zero is charted, pack text is plain text, a huge group stays readable.

Amounts of 0 (and -0) used to crash the chart code, and picking such a pack
killed the app with a segmentation fault, so those runs happen in a
subprocess (the hostile corpus driver) where a crash fails the test instead
of ending pytest.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel

from app.workspace import Workspace
from content import briefing
from content.limits import MAX_CHART_BARS, MAX_SOURCE_LINES
from tests_support import DATA, ROOT, state_for
from ui.briefing import BriefingPage

DRIVER = DATA / "hostile_corpus" / "drive.py"


def _pack(tmp_path: Path, name: str, *edits: tuple[str, str], figures: int = 0) -> Path:
    """The minimal pack without its source text, edited; ``figures`` more figures in the same chart group."""
    folder = tmp_path / name
    shutil.copytree(DATA / "minimal", folder)
    (folder / "source.txt").unlink()
    toml = folder / "pack.toml"
    text = toml.read_text(encoding="utf-8").replace('source_file = "source.txt"\n', "")
    for old, new in edits:
        assert old in text
        text = text.replace(old, new)
    for i in range(figures):
        text += (f'\n[[figures]]\nid = "extra-{i}"\nlabel = "Extra {i}"\namount = {i + 1}\nunit = "trees"\n'
                 f'approximate = false\noutlet = "widgets-weekly"\nchart_group = "plan"\ntopic = "plan"\n'
                 f'quote = "Extra {i}."\n')
    toml.write_text(text, encoding="utf-8")
    return folder


def _page(qtbot, tmp_path: Path, folder: Path) -> BriefingPage:
    ws = Workspace(tmp_path / "data", packs=[folder])
    page = BriefingPage(state_for(ws))
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitUntil(lambda: not page.pending)
    page.destroyed.connect(ws.close)
    return page


def test_the_axis_title_shows_the_unit_as_typed_never_as_markup(qtbot, tmp_path):
    probe = tmp_path / "probe.png"
    image = QImage(40, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    assert image.save(str(probe))
    unit = f'billion <img src="file://{probe}" width=400> <b>trees</b> &amp;'
    page = _page(qtbot, tmp_path, _pack(tmp_path, "markup", ('unit = "trees"', f"unit = {json.dumps(unit)}")))
    chart = page.charts[0]
    for log in (False, True):
        chart.log_toggle.setChecked(log)
        shown = chart.axis_title()
        assert f'<img src="file://{probe}" width=400> <b>trees</b> &amp;' in shown, shown
        assert "\ufffc" not in shown, "no image (object replacement character) in the axis title"
        image = chart.render_image()
        red = QColor("red").rgb()
        assert not any(image.pixel(x, y) == red for x in range(0, image.width(), 2)
                       for y in range(0, image.height(), 2)), "the probe image is not drawn"
    assert [text for text, _ in chart.bars_drawn()] == [f"Trees to plant: 300 {unit} — Widgets Weekly"]


def test_a_chart_of_thousands_of_figures_draws_the_largest_and_says_so(qtbot, tmp_path):
    page = _page(qtbot, tmp_path, _pack(tmp_path, "many", figures=299))
    chart = page.charts[0]
    assert len(chart.bars_drawn()) == MAX_CHART_BARS
    assert chart.bars_drawn()[0][1] == 300, "the largest first"
    assert chart.note.isVisibleTo(page)
    assert chart.note.text() == f"Showing the {MAX_CHART_BARS} largest of 300 figures in this group."


def test_sources_list_the_first_figures_of_an_outlet_and_count_the_rest(qtbot, tmp_path):
    page = _page(qtbot, tmp_path, _pack(tmp_path, "many", figures=MAX_SOURCE_LINES + 9))
    (entry,) = briefing.sources(page.pack)
    assert len(entry.figures) == MAX_SOURCE_LINES and entry.more == 10
    texts = [label.text() for label in page.findChildren(QLabel)]
    assert any(t.endswith("… and 10 more figures from Widgets Weekly") for t in texts)


def _plant(data: Path, folder: Path) -> Path:
    target = data / "packs" / folder.name
    shutil.copytree(folder, target)
    return target


def test_zero_amounts_are_charted_and_named_on_the_log_scale_in_a_running_app(tmp_path):
    data = tmp_path / "data"
    zero = _plant(data, _pack(tmp_path, "zero", ('id = "minimal"', 'id = "zero"'), ("amount = 300", "amount = 0"),
                              figures=2))
    negative_zero = _plant(data, _pack(tmp_path, "negative-zero", ('id = "minimal"', 'id = "negative-zero"'),
                                       ("amount = 300", "amount = -0.0")))
    nan = _plant(data, _pack(tmp_path, "not-a-number", ('id = "minimal"', 'id = "not-a-number"'),
                             ("amount = 300", "amount = nan")))
    (data / "settings.ini").write_text("[General]\npack=not-a-number\n", encoding="utf-8")  # remembered
    job = tmp_path / "job.json"
    job.write_text(json.dumps({"data": str(data), "timeout": 60,
                               "cases": [[p.name, str(p)] for p in (zero, negative_zero, nan)]}), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, str(DRIVER), "planted", str(job)], capture_output=True, text=True,
                         timeout=300, env=env, cwd=ROOT)
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr[-3000:]
    lines = [line.split(" ", 1) for line in run.stdout.splitlines()]
    results = {r["name"]: r for kind, payload in lines if kind == "RESULT" for r in [json.loads(payload)]}
    started = next(json.loads(payload) for kind, payload in lines if kind == "STARTED")
    assert "figures[0].amount | must be a finite number, not nan" in " ".join(started["broken"]["not-a-number"])
    assert results["not-a-number"]["outcome"] == "refuse"
    for name, bars in (("zero", 3), ("negative-zero", 1)):
        result = results[name]
        assert result["outcome"] == "open" and not result["failed"], result
        (chart,) = result["charts"]
        states = {state["log"]: state for state in chart["states"]}
        assert all(state["bars"] == bars for state in states.values())
        assert all("could not be drawn" not in state["note"] for state in states.values())
        if True in states:  # the log scale can only be offered when some amount is above 0
            assert "1 figure with amount 0 has no bar" in states[True]["note"]


def test_counts_of_thousands_of_figures_are_written_with_digit_grouping(qtbot, tmp_path):
    """"Showing the 40 largest of 10000 figures" and "… and 9980 more figures" had no thousands separator
    (the C locale's numbers omit it): they are written as the language groups digits."""
    from PySide6.QtCore import QLocale

    page = _page(qtbot, tmp_path, _pack(tmp_path, "thousands", figures=1_199))
    (entry,) = briefing.sources(page.pack)
    separator = QLocale().groupSeparator()
    assert separator, "the locale groups digits"
    assert page.charts[0].note.text() == (
        f"Showing the {MAX_CHART_BARS} largest of 1{separator}200 figures in this group.")
    more = 1_200 - MAX_SOURCE_LINES
    assert entry.more == more
    texts = [label.text() for label in page.findChildren(QLabel)]
    wanted = f"… and {more // 1000}{separator}{more % 1000:03d} more figures from Widgets Weekly"
    assert any(t.endswith(wanted) for t in texts), wanted
