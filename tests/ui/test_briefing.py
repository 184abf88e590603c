"""The briefing page shows what the store holds: charts, tables, cards, read state, exports."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QPushButton

from app.workspace import Workspace
from content import briefing
from content.store import read_pack
from tests_support import state_for
from ui import theme
from ui.briefing import BriefingPage
from ui.briefing.cards import FigureCard
from ui.main_window import MainWindow


@pytest.fixture
def page(qtbot, data_dir):
    ws = Workspace(data_dir)
    widget = BriefingPage(state_for(ws))
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitUntil(lambda: not widget.pending)  # built whole
    yield widget
    ws.close()


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_chart_bars_equal_the_stored_figures(page):
    stored = read_pack(page.workspace.content, page.pack_id or page.workspace.pack_ids()[0])
    drawn_ids = set()
    for chart in page.charts:
        group = [f for f in stored.figures if f.chart_group == chart.chart.group]
        for log in (True, False):
            chart.log_toggle.setChecked(log)
            drawn = chart.bars_drawn()
            assert len(drawn) == len(group)
            expected = sorted(group, key=lambda f: -f.base_value)
            for (label, value), figure in zip(drawn, expected, strict=True):
                outlet = stored.outlet(figure.outlet)
                assert figure.display in label
                assert (outlet.name if outlet else briefing.NO_OUTLET) in label
                assert value == pytest.approx(figure.base_value / chart.chart.scale)
                drawn_ids.add(figure.id)
    assert drawn_ids == {f.id for f in stored.figures}, "every figure is charted"


def test_targets_and_plans_are_charted_apart_with_titles_and_sources(page):
    titles = [chart.title.text() for chart in page.charts]
    assert titles == ["Investment targets to 2040, as reported", "Plans announced or already used"]
    targets, plans = page.charts
    assert {b.figure_id for b in targets.chart.bars} == {"nikkei-2040-goal", "nhk-2040-sectors"}
    assert "Sources: Nikkei, NHK." in targets.caption.text()
    # the AI plan has no outlet in the article: counted, not listed as if it were a source
    assert "Sources: BFM. No outlet named in the article for 1 of these figures." in plans.caption.text()


def test_linear_by_default_with_a_labelled_baseline_and_log_as_an_option(page, qtbot):
    chart = page.charts[0]
    assert not chart.log_toggle.isChecked()
    assert chart.axis_title() == "US$, bars start at 0"
    ticks = chart.ticks()
    assert ticks[0] == (0, "$0") and [label for _v, label in ticks][-1] == "$2.5T", "the axis ends on a label"
    assert chart.plot_rect().right() - max(rect.right() for rect in chart.bar_rects()) > 0
    lengths = [rect.width() for rect in chart.bar_rects()]
    assert lengths[0] > lengths[1] > 0.8 * lengths[0], "~$2.3T and ~$2T from the same 0: lengths compare honestly"
    chart.log_toggle.setFocus()
    qtbot.keyClick(chart.log_toggle, Qt.Key.Key_Space)
    assert chart.log_toggle.isChecked()
    assert chart.axis_title() == "US$ (log scale)"
    assert all(label.startswith("$") for _v, label in chart.ticks())
    # $2T and $2.3T span less than a decade: read off 1, 2 (and 5) times a power of ten, not "$1T" alone
    assert [label for _v, label in chart.ticks()] == ["$1T", "$2T"]


def test_comparison_table_has_every_row(page):
    pack = page.pack
    assert page.tables, "the comparison table is shown"
    for widget, table in zip(page.tables, pack.tables, strict=True):
        assert widget.rowCount() == len(table.rows)
        for r, row in enumerate(table.rows):
            shown = [widget.item(r, c).text() for c in range(widget.columnCount())]
            assert shown == [row.label, *row.cells]
    headers = [page.tables[0].horizontalHeaderItem(c).text() for c in range(page.tables[0].columnCount())]
    assert "Abenomics" in " ".join(headers) and "Sanaenomics" in " ".join(headers)


def test_figure_cards_show_amount_outlet_and_quote_on_request(page, qtbot):
    cards = page.findChildren(FigureCard)
    assert len(cards) == len(page.pack.figures)
    card = next(c for c in cards if "2.3" in c.figure.display)
    assert "Nikkei" in card.accessibleName()
    assert not card.quote.isVisibleTo(card)
    qtbot.mouseClick(card.toggle, Qt.MouseButton.LeftButton)
    assert card.quote.isVisibleTo(card)
    assert card.figure.quote in card.quote.text()


def test_the_nikkei_and_nhk_figures_are_shown_as_different_measures_not_rival_totals(page):
    texts = [label.text() for label in page.findChildren(QLabel)]
    note = next(t for t in texts if t.startswith("Two outlets, two measures"))
    assert "Nikkei" in note and "NHK" in note and "2.3 trillion" in note and "2 trillion" in note
    assert "not one total reported twice" in note and "differ" not in note.split(":")[0]


def test_the_timeline_puts_today_after_what_has_happened():
    from content.briefing import timeline
    from content.loader import load_pack
    from tests_support import BUNDLED

    points = timeline(load_pack(BUNDLED))
    today = next(i for i, p in enumerate(points) if p.is_today)
    assert {p.label.split(" ")[0] for p in points[:today]} == {"AI", "Stimulus"}  # both already happened
    (next_checkpoint,) = [p for p in points if p.is_next]
    assert points.index(next_checkpoint) == today + 1 and "Diet" in next_checkpoint.label
    assert all(p.when.startswith("By") for p in points[today + 2:])


def test_pillars_timeline_glossary_and_sources_are_shown(page):
    names = {w.accessibleName() for w in page.findChildren(QLabel.__mro__[1])}
    pack = page.pack
    pillars = next(lst for lst in pack.lists if "pillar" in lst.title.lower())
    for item in pillars.items:
        assert any(n.startswith(f"{item.name}:") for n in names)
    for term in pack.terms:
        assert any(n.startswith(f"{term.term}:") for n in names)
    assert {"Source: Nikkei", "Source: NHK", "Source: BFM"} <= names
    contents = [page.contents.item(i).text() for i in range(page.contents.count())]
    assert contents[-3:] == ["Timeline to 2040", "Glossary", "Sources"]
    labels = [label.text() for label in page.findChildren(QLabel)]
    assert "By 2040" in labels and "Upcoming: the next critical checkpoint" in labels
    # the pack's own words already call it the next checkpoint: not said twice (a tester saw both), but a
    # screen reader still hears which point is next
    assert not any(label.count("checkpoint") > 1 for label in labels)
    assert any(n.startswith("Upcoming: the next critical checkpoint · Next checkpoint: Fiscal budget") for n in names)


def test_marking_a_section_read_is_stored_and_shown_after_restart(qtbot, data_dir):
    ws = Workspace(data_dir)
    first = BriefingPage(state_for(ws))
    qtbot.addWidget(first)
    first.show()
    section = first.pack.sections[0]
    box = first.read_boxes[section.id]
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked()
    ws.close()

    again = Workspace(data_dir)
    second = BriefingPage(state_for(again))
    qtbot.addWidget(second)
    assert second.read_boxes[section.id].isChecked()
    assert not second.read_boxes[second.pack.sections[1].id].isChecked()
    again.close()


def test_quiz_me_on_this_opens_a_quiz_on_that_section(qtbot, data_dir):
    ws = Workspace(data_dir)
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.show()
    section = window.briefing.pack.sections[1]
    button = next(b for b in window.briefing.findChildren(QPushButton)
                  if b.accessibleName() == f"Quiz me on {section.title}")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.quiz
    session = window.quiz.session
    assert session is not None and session.state.mode == "topic"
    topics = {q.topic for q in session.questions}
    assert topics == {section.topic}
    ws.close()


def test_chart_exports_as_svg_and_png(page, tmp_path):
    chart = page.charts[0]
    svg = tmp_path / "chart.svg"
    chart.save_svg(str(svg))
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    drawn = [el for el in root.iter() if el.tag.split("}")[-1] in ("path", "rect", "polygon", "polyline")]
    assert len(drawn) >= len(chart.chart.bars)
    assert "Chart: " in svg.read_text()
    texts = ["".join(el.itertext()) for el in root.iter() if el.tag.split("}")[-1] == "text"]
    said = _squash(" ".join(texts))  # a wrapped caption is one text element per line
    assert _squash(chart.bars_drawn()[0][0]) in said and chart.axis_title() in said, "captions and axis as text"
    png = tmp_path / "chart.png"
    assert chart.save_png(str(png))
    assert png.stat().st_size > 1000


def test_dark_theme_restyles_the_chart(qtbot, data_dir):
    ws = Workspace(data_dir)
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.show()
    chart = window.briefing.charts[0]
    window.briefing.scroll_area.ensureWidgetVisible(chart)
    for name, expected in (("dark", theme.DARK.background), ("light", theme.LIGHT.background)):
        window.set_theme(name)
        QApplication.processEvents()
        image = chart.render_image()
        corner = image.pixelColor(image.width() - 4, 4)
        assert corner == QColor(expected), f"{name}: chart background follows the theme"
        assert QApplication.instance().palette().window().color().lightness() < 128 if name == "dark" else True
    ws.close()


def test_a_theme_switch_repaints_with_the_palette_and_keeps_the_check_boxes_visible(qtbot, window):
    """No app-wide style sheet (it re-polished every widget on each switch); the Read boxes are still
    drawn visibly in both themes: the theme's outline unchecked, its blue fill checked (Fusion's light
    outline was 1.66:1, its dark one all but invisible)."""
    page = window.briefing
    box = next(iter(page.read_boxes.values()))
    for name in ("dark", "light"):
        window.set_theme(name)
        QApplication.processEvents()
        assert QApplication.instance().styleSheet() == ""
        box.setChecked(False)
        unchecked = box.grab().toImage()
        box.setChecked(True)
        checked = box.grab().toImage()
        colours = {checked.pixelColor(x, y).name() for x in range(min(24, checked.width()))
                   for y in range(checked.height())}
        assert theme.controls(name).checked in colours, f"{name}: a checked box is filled blue"
        outline = {unchecked.pixelColor(x, y).name() for x in range(min(24, unchecked.width()))
                   for y in range(unchecked.height())}
        assert theme.controls(name).outline in outline, f"{name}: an unchecked box has a visible grey outline"
    box.setChecked(False)
    assert QApplication.instance().palette().window().color().name() == "#f6f8fa"


def test_text_size_shortcut_scales_the_briefing(qtbot, window):
    before = QApplication.font().pointSizeF()
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.font().pointSizeF() > before
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.font().pointSizeF() == before


def test_every_card_and_chart_is_named_and_reachable_by_keyboard(page):
    from ui.briefing.cards import Card

    for card in page.findChildren(Card):
        assert card.accessibleName()
        assert card.focusPolicy() & Qt.FocusPolicy.TabFocus
    for chart in page.charts:
        assert chart.accessibleName().startswith("Chart: ")
        assert chart.focusPolicy() & Qt.FocusPolicy.TabFocus
        assert chart.canvas.focusPolicy() == Qt.FocusPolicy.NoFocus, "the picture inside is not a second stop"
    for box in page.findChildren(QCheckBox):
        assert box.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_a_second_pack_on_another_topic_shows_its_own_charted_briefing(qtbot, data_dir):
    from tests_support import DATA

    ws = Workspace(data_dir, packs=[DATA / "second_pack"])
    page = BriefingPage(state_for(ws))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: not page.pending)
    assert page.pack.id == "riverton-cycling"
    groups = {c.chart.group for c in page.charts}
    assert groups == {"budget", "length", "share"}
    budget = next(c for c in page.charts if c.chart.group == "budget")
    assert [round(v) for _, v in budget.bars_drawn()] == [60, 48]
    assert "Harbour Gazette" in budget.bars_drawn()[0][0]
    assert page.tables[0].rowCount() == 2
    # this pack's words for the next point do not say it is next: the app does
    labels = [label.text() for label in page.findChildren(QLabel)]
    assert sum(label.endswith("\nNext checkpoint") for label in labels) == 1
    ws.close()


# -- a long briefing is built as it is read; each pack's page is kept ------------------------------

def _long_briefing(qtbot, data_dir, tmp_path, *, sections: int = 20):
    from bench.synthetic import write_pack
    from content.loader import bundled_packs

    long_pack = write_pack(tmp_path / "long", figures=10 * sections, sections=sections, pack_id="long")
    ws = Workspace(data_dir, packs=[*bundled_packs(), long_pack])
    state = state_for(ws)
    state.set_pack("long")
    page = BriefingPage(state)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    return ws, state, page


def test_a_long_briefing_shows_its_first_sections_at_once_and_builds_the_rest_while_idle(qtbot, data_dir, tmp_path):
    ws, state, page = _long_briefing(qtbot, data_dir, tmp_path)
    ws.set_read("long", "s17", True)  # marked before the page reaches it
    titles = [page.contents.item(i).text() for i in range(page.contents.count())]
    assert titles[:20] == [f"Section {n}" for n in range(20)] and titles[-1] == "Sources", "contents list it all"
    assert 0 < len(page.anchors) < 20 and page.pending, "only the first screen is built before it is shown"
    page.show()
    qtbot.waitUntil(lambda: not page.pending, timeout=30_000)
    assert [title for title, _ in page.anchors] == titles
    assert len(page.read_boxes) == 20 and page.read_boxes["s17"].isChecked()
    assert not page.read_boxes["s16"].isChecked()
    assert len(page.charts) == 20
    assert [round(v) for _, v in page.charts[19].bars_drawn()][:1] == [199], "the last section's chart"
    ws.close()


def test_a_jump_to_a_section_not_built_yet_lands_on_it(qtbot, data_dir, tmp_path):
    ws, state, page = _long_briefing(qtbot, data_dir, tmp_path)
    page.show()
    assert "s15" not in page.read_boxes
    assert page.scroll_to_section("s15")
    block = page.anchors[15][1]
    bar = page.scroll_area.verticalScrollBar()
    assert block.accessibleName() == "Section: Section 15" and page.contents.currentRow() == 15
    qtbot.waitUntil(lambda: block.y() > 0 and bar.value() == min(block.y(), bar.maximum()), timeout=30_000)
    assert block.visibleRegion().boundingRect().top() == 0, "the section starts at the top of the view"
    page.contents.setCurrentRow(len(page.current.titles) - 1)  # "Sources", chosen in the contents
    sources = page.anchors[-1][1]
    assert sources.accessibleName() == "Sources"
    qtbot.waitUntil(lambda: bar.value() == min(sources.y(), bar.maximum()), timeout=30_000)
    ws.close()


def test_the_text_size_rebuilds_a_long_briefing_from_the_top(qtbot, data_dir, tmp_path):
    ws, state, page = _long_briefing(qtbot, data_dir, tmp_path)
    page.show()
    old = page.current.body
    state.set_setting("text_size", 2)
    assert page.current.body is not old and page.pending, "built afresh, first screen first"
    assert page.scroll_to_section("s19") and page.read_boxes["s19"].isVisibleTo(page)
    state.set_setting("text_size", 0)
    ws.close()


def test_switching_back_to_a_pack_reuses_its_page_and_a_reimport_rebuilds_it(qtbot, data_dir, tmp_path):
    ws, state, page = _long_briefing(qtbot, data_dir, tmp_path)
    page.show()
    long_body = page.current.body
    assert page.scroll_to_section("s12")
    where = page.scroll_area.verticalScrollBar().value()
    state.set_pack("sanaenomics")
    assert page.current.body is not long_body and page.pack.id == "sanaenomics"
    assert page.contents.item(0).text() == page.pack.sections[0].title
    ws.set_read("long", "s0", True)  # e.g. in another learner's session meanwhile
    state.set_pack("long")
    assert page.current.body is long_body, "the kept page is shown again, not rebuilt"
    assert page.scroll_area.verticalScrollBar().value() == where, "where the reader was"
    assert page.read_boxes["s0"].isChecked(), "with the marks as stored now"
    state.set_pack("long", force=True)  # what the main window does after a re-import
    assert page.current.body is not long_body, "a re-imported pack is built afresh"
    ws.close()


def test_the_chart_the_reader_is_on_is_exported_with_its_title_and_sources(qtbot, data_dir, tmp_path, monkeypatch):
    """File → Export chart exported the first chart whichever was focused, as bars without a title or sources."""
    from PySide6.QtWidgets import QFileDialog

    ws = Workspace(data_dir)
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.tabs.setCurrentWidget(window.briefing)
    page = window.briefing
    page.build_all()
    second = page.charts[1]
    page.scroll_area.ensureWidgetVisible(second)
    second.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(second.hasFocus)
    svg, png = tmp_path / "chart.svg", tmp_path / "chart.png"
    for kind, path in (("svg", svg), ("png", png)):
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, path=path, **_k: (str(path), ""))
        window.export_chart(kind)
    texts = _squash(" ".join("".join(el.itertext()) for el in ET.parse(svg).getroot().iter()
                             if el.tag.split("}")[-1] == "text"))
    assert _squash(second.chart.heading) in texts and _squash("Sources: BFM.") in texts, texts[:300]
    assert _squash(page.charts[0].chart.heading) not in texts, "not the first chart"
    image = QImage(str(png))
    assert image.height() > second.canvas.height() * image.devicePixelRatio(), "title and sources above the bars"
    ws.close()


def test_cards_side_by_side_line_up(page):
    """An item without an explanation ("Artificial intelligence") was centred in its row, 12 px below the
    card beside it."""
    from ui.briefing.cards import ItemCard

    page.build_all()
    QApplication.processEvents()
    rows: dict[tuple[int, int], list[ItemCard]] = {}
    for card in page.scroll_area.widget().findChildren(ItemCard):
        top = card.mapTo(page.scroll_area.widget(), card.rect().topLeft()).y()
        rows.setdefault((id(card.parentWidget()), top // 40), []).append(card)
    side_by_side = [cards for cards in rows.values() if len(cards) > 1]
    assert any("Artificial intelligence" in c.accessibleName() for cards in side_by_side for c in cards)
    for cards in side_by_side:
        assert len({c.y() for c in cards}) == 1 and len({c.height() for c in cards}) == 1, \
            [(c.accessibleName()[:20], c.y(), c.height()) for c in cards]
