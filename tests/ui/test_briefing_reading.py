"""Reading the briefing at any size: the contents follow the text and tick what was read (issue #15)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from app.workspace import Workspace
from tests_support import state_for
from ui.briefing import BriefingPage
from ui.briefing.cards import Card


@pytest.fixture
def page(qtbot, data_dir):
    ws = Workspace(data_dir)
    widget = BriefingPage(state_for(ws))
    qtbot.addWidget(widget)
    widget.resize(1024, 640)
    widget.show()
    qtbot.waitUntil(lambda: not widget.pending)  # built whole
    yield widget
    ws.close()


def _block_at_top(page: BriefingPage) -> int:
    """The row of the block whose part is at the top of the text's view (above the first: the first)."""
    value = page.scroll_area.verticalScrollBar().value()
    return max((row for row, (_title, block) in enumerate(page.anchors) if block.y() <= value + 1), default=0)


def test_the_contents_select_the_section_in_view_as_the_reader_scrolls(qtbot, page):
    page.scroll_area.setFocus()
    seen = []
    bar = page.scroll_area.verticalScrollBar()
    while bar.value() < bar.maximum():
        qtbot.keyClick(page.scroll_area, Qt.Key.Key_PageDown)
        assert page.contents.currentRow() == _block_at_top(page), "the section at the top of the view is selected"
        seen.append(page.contents.currentRow())
    assert len(set(seen)) >= 4, "scrolling the whole briefing walks through its sections in the contents"
    assert seen == sorted(seen), "downwards, one section after another"
    assert bar.value() == bar.maximum(), "following the text never jumps it anywhere"
    while bar.value() > 0:
        qtbot.keyClick(page.scroll_area, Qt.Key.Key_PageUp)
        assert page.contents.currentRow() == _block_at_top(page)
    assert page.contents.currentRow() == 0, "back at the top: the first section"


def test_choosing_a_section_in_the_contents_still_shows_it_selected(qtbot, page):
    last = page.contents.count() - 1  # the foot of the page: the text cannot scroll it to the top
    page.contents.setCurrentRow(last)
    assert page.contents.currentRow() == last
    assert page.scroll_area.verticalScrollBar().value() == page.scroll_area.verticalScrollBar().maximum()


def test_a_section_marked_read_shows_its_tick_in_the_contents(qtbot, page):
    first, second = page.pack.sections[:2]
    item = page.contents.item(0)
    unread = item.icon().pixmap(page.contents.iconSize()).toImage()
    assert item.data(Qt.ItemDataRole.AccessibleTextRole) == first.title

    page.read_boxes[first.id].click()  # as the reader ticks "Read"
    read = item.icon().pixmap(page.contents.iconSize()).toImage()
    assert read != unread, "a tick appears"
    assert any(read.pixelColor(x, y).alpha() > 0 for x in range(read.width()) for y in range(read.height()))
    assert all(unread.pixelColor(x, y).alpha() == 0 for x in range(unread.width()) for y in range(unread.height()))
    assert item.data(Qt.ItemDataRole.AccessibleTextRole) == f"{first.title}, read", "a screen reader says so"
    assert item.text() == first.title
    assert page.contents.item(1).data(Qt.ItemDataRole.AccessibleTextRole) == second.title

    page.read_boxes[first.id].click()
    assert page.contents.item(0).data(Qt.ItemDataRole.AccessibleTextRole) == first.title, "unticked again"


def test_read_marks_made_elsewhere_show_in_the_contents(qtbot, page):
    section = page.pack.sections[2]
    page.workspace.set_read(page.pack_id, section.id, True)  # e.g. another learner's, or a restored backup
    page.state.progress_changed.emit()
    QApplication.processEvents()
    assert page.contents.item(2).data(Qt.ItemDataRole.AccessibleTextRole) == f"{section.title}, read"


def _lines(label: QLabel) -> float:
    """Characters per line of a wrapped paragraph, as laid out."""
    return len(label.text()) * label.width() / label.fontMetrics().horizontalAdvance(label.text())


def test_an_answer_leaves_the_contents_ticks_alone_and_a_mark_made_after_it_still_shows(qtbot, page):
    """Each answer announces a progress change; with no read mark changed the contents are not drawn again
    (half a millisecond of every answer), and a mark made afterwards still shows at once."""
    first, third = page.pack.sections[0], page.pack.sections[2]
    page.workspace.set_read(page.pack_id, first.id, True)
    page.state.progress_changed.emit()
    icons = [page.contents.item(row).icon().cacheKey() for row in range(page.contents.count())]
    page.state.progress_changed.emit()  # an answer: nothing read changed
    assert [page.contents.item(row).icon().cacheKey() for row in range(page.contents.count())] == icons
    assert page.contents.item(0).data(Qt.ItemDataRole.AccessibleTextRole) == f"{first.title}, read"
    page.workspace.set_read(page.pack_id, third.id, True)
    page.state.progress_changed.emit()
    assert page.contents.item(2).data(Qt.ItemDataRole.AccessibleTextRole) == f"{third.title}, read"
    page.workspace.set_read(page.pack_id, first.id, False)
    page.state.progress_changed.emit()
    assert page.contents.item(0).data(Qt.ItemDataRole.AccessibleTextRole) == first.title


def test_briefing_lines_stay_readable_on_a_wide_window_and_the_column_is_centred(qtbot, page):
    page.resize(1920, 1080)
    qtbot.waitUntil(lambda: page.scroll_area.viewport().width() > 1500)
    page.build_all()
    page._lay_out()
    paragraphs = [label for _title, block in page.anchors for label in block.findChildren(QLabel)
                  if label.wordWrap() and len(label.text()) > 250]
    assert paragraphs
    assert max(_lines(label) for label in paragraphs) <= 90, "at most about 90 characters a line (was ~250)"
    assert min(_lines(label) for label in paragraphs) >= 60, "and not a narrow strip either"
    column = paragraphs[0].parentWidget().parentWidget()
    body = page.scroll_area.widget()
    left = column.mapTo(body, column.rect().topLeft()).x()
    assert abs(left - (body.width() - column.width() - left)) <= 2, "the text column is centred"


def test_no_table_cell_is_cut_off_when_the_column_is_narrow(qtbot, page):
    page.resize(760, 640)
    qtbot.waitUntil(lambda: page.scroll_area.viewport().width() < 600)
    qtbot.wait(50)  # the tables refit their rows once their columns have their new widths
    assert page.tables
    for table in page.tables:
        for row in range(table.rowCount()):
            assert table.rowHeight(row) >= table.sizeHintForRow(row), (
                f"row {table.item(row, 0).text()!r}: its cells' wrapped text shows whole")
        shown = table.viewport().height()
        assert sum(table.rowHeight(r) for r in range(table.rowCount())) <= shown, "every row shows: no scrolling"


@pytest.mark.parametrize("width", [1280, 1024, 760])
def test_no_card_cuts_off_its_wrapped_text(qtbot, page, width):
    """A tester saw the glossary's left-column definitions and the timeline's next checkpoint lose their first
    and last lines: each card was held to the height its text needs at its widest, and it was narrower."""
    page.resize(width, 640)
    qtbot.waitUntil(lambda: abs(page.width() - width) <= 1)
    page.build_all()
    page._lay_out()
    cards = [card for _title, block in page.anchors for card in block.findChildren(Card)]
    assert len(cards) >= 20, "figure, list, timeline, glossary and source cards"
    for card in cards:
        for label in card.findChildren(QLabel):
            if label.isVisibleTo(card) and label.wordWrap():
                assert label.height() >= label.heightForWidth(label.width()), (
                    f"{card.accessibleName()[:60]!r}: {label.text()[:40]!r} shows all its lines")


def test_chart_captions_wrap_within_the_chart_instead_of_running_off_it(qtbot, page):
    page.resize(760, 640)
    page.build_all()
    qtbot.wait(50)
    assert page.charts
    for chart in page.charts:
        plot = chart.plot_rect()
        assert plot.right() <= chart.canvas.geometry().right(), "the plot fits in the chart"
        wrapped = False
        for (text, _value), caption, bar in zip(chart.bars_drawn(), chart.caption_rects(), chart.bar_rects(),
                                                strict=True):
            assert caption.right() <= plot.right() + 1, f"{text!r} runs {caption.right() - plot.right()} px off"
            assert caption.bottom() <= bar.top(), f"{text!r} overlaps its bar"
            wrapped |= caption.height() > 1.5 * chart.canvas.fontMetrics().height()
        assert chart.canvas.height() >= chart.canvas.heightForWidth(chart.canvas.width()), "no caption cut off"
    assert wrapped, "a long caption wraps onto a second line at this width"


def test_the_whole_briefing_scrolls_into_view_after_changes_made_while_another_tab_was_shown(qtbot, window):
    """Leaving the briefing skips refitting its hidden text; what changed meanwhile is fitted on return."""
    window.resize(1280, 800)
    window.tabs.setCurrentWidget(window.briefing)
    qtbot.waitUntil(lambda: not window.briefing.pending)
    window.tabs.setCurrentWidget(window.quiz)
    window.resize(1024, 640)  # narrower: the text wraps onto more lines
    window.change_text_size(2)  # and larger (Ctrl++ twice)
    qtbot.wait(50)
    window.tabs.setCurrentWidget(window.briefing)
    area = window.briefing.scroll_area
    qtbot.waitUntil(lambda: not window.briefing.pending)
    qtbot.wait(50)
    area.setFocus()
    bar = area.verticalScrollBar()
    while bar.value() < bar.maximum():
        qtbot.keyClick(area, Qt.Key.Key_PageDown)
    body = area.widget()
    assert bar.maximum() == body.height() - area.viewport().height() > 0
    _title, last = window.briefing.anchors[-1]
    bottom = last.mapTo(area.viewport(), last.rect().bottomLeft()).y()
    assert bottom <= area.viewport().height(), "the last block of the briefing can be scrolled fully into view"


def test_marks_made_while_another_tab_is_shown_are_there_when_the_briefing_shows_again(qtbot, window):
    """While the Quiz tab is up, each answer announces a change and the hidden briefing waits; coming back to
    it shows every mark made meanwhile (here: a backup restored, another learner's marks)."""
    window.tabs.setCurrentWidget(window.briefing)
    briefing = window.briefing
    qtbot.waitUntil(lambda: not briefing.pending)
    window.tabs.setCurrentWidget(window.quiz)
    section = briefing.pack.sections[1]
    briefing.workspace.set_read(briefing.pack_id, section.id, True)
    window.state.progress_changed.emit()
    window.tabs.setCurrentWidget(window.briefing)
    assert briefing.read_boxes[section.id].isChecked()
    assert briefing.contents.item(1).data(Qt.ItemDataRole.AccessibleTextRole) == f"{section.title}, read"


def test_a_word_wider_than_the_column_wraps_instead_of_being_cut(qtbot, data_dir, tmp_path):
    """A section body of one unbroken word (19,990 "W") ran past the column's edge with no way to read the
    rest: it now wraps anywhere, within the column, and every letter is there."""
    from pack_edits import make_pack

    from ui.text import ZERO_WIDTH_SPACE

    word = "W" * 19_990
    folder = make_pack(tmp_path, ('body = "The town plans to plant 300 trees by 2030."',
                                  f'body = "Body {word}"'))
    ws = Workspace(data_dir)
    try:
        pack_id = ws.import_pack(folder).id
        state = state_for(ws)
        assert state.set_pack(pack_id)
        page = BriefingPage(state)
        qtbot.addWidget(page)
        page.resize(1024, 640)
        page.show()
        qtbot.waitUntil(lambda: not page.pending)
        label = next(w for w in page.findChildren(QLabel) if w.text().startswith("Body W"))
        assert label.text().replace(ZERO_WIDTH_SPACE, "") == f"Body {word}", "every letter, in order"
        column = label.parentWidget()
        assert label.width() <= column.width(), "within the column"
        assert label.sizeHint().width() <= column.width()
        assert label.heightForWidth(label.width()) > 100 * label.fontMetrics().height(), "on many lines"
        qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()))  # laid out whole
    finally:
        ws.close()
