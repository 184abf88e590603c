"""The briefing page: the article as a charted, sourced briefing, read from the store.

Sections appear in reading order with their figure cards, chart, tables and
lists; then the timeline, glossary and sources. Each section can be marked
read (stored as progress) and quizzed ("Quiz me on this"). Charts are painted
with QPainter (:mod:`ui.briefing.bars`), built with their section: they appear
with the text.

A large pack is not built at once: a widget tree per figure made a 1,000-figure
briefing take 6 s and 260 MB before anything showed. The page builds the blocks
(sections, then timeline, glossary, sources) in reading order: as many as fill
the first screen (:data:`FIRST_SCREEN_WEIGHT`), the rest in short idle chunks and
at once up to a block the reader jumps to. The contents list names every block
from the start.

Each pack's built page is kept when another pack is chosen, so switching back
is instant; a pack whose content changed (re-import) or a new text size is
built afresh.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFontMetrics, QIcon, QKeySequence, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from content import briefing
from content.model import NamedList, Pack, Section, Table
from ui import i18n, operations
from ui.accessible import press_on_enter
from ui.briefing.cards import Card, FigureCard, ItemCard
from ui.briefing.chart import FigureChart
from ui.i18n import date as i18n_date
from ui.i18n import translate
from ui.quiz.style import RIGHT, verdict_icon
from ui.state import AppState
from ui.text import breakable, plain, tooltip

CARD_COLUMNS = 2
#: How much is built before the first paint: a little more than fills the first screen (a figure
#: card counts 3, a chart 4, a paragraph, table row or list item 1; the bundled pack weighs 82).
FIRST_SCREEN_WEIGHT = 60
#: Time given to building the rest per turn of the event loop: the page stays responsive.
IDLE_SLICE_S = 0.025
#: The text column is at most this many average characters wide, centred: at 1920 px lines ran to
#: about 250 characters, far past the 75–90 that read comfortably.
LINE_CHARACTERS = 82


@dataclass
class BuiltPage:
    """One pack's briefing as built so far: the body widget and what the page looks up in it."""

    pack: Pack
    body: QWidget
    scroll: QScrollArea  # the body's own: switching packs only changes which one the stack shows
    column: QVBoxLayout | None
    titles: list[str]  # every block's contents entry, built or not
    pending: list[Callable[[], QWidget]]  # the blocks not built yet, in reading order
    anchors: list[tuple[str, QWidget]] = field(default_factory=list)  # the built blocks
    charts: list[FigureChart] = field(default_factory=list)
    tables: list[QTableWidget] = field(default_factory=list)
    read_boxes: dict[str, QCheckBox] = field(default_factory=dict)
    weights: list[int] = field(default_factory=list)  # of each pending block: how much it builds
    text_size: object = None


def _fit_rows(table: QTableWidget) -> None:
    """Every row of ``table`` as tall as its wrapped text, and the table as tall as its rows (it never
    scrolls): done again when its columns change width, so no cell is cut off at any window size."""
    table.resizeRowsToContents()
    height = table.horizontalHeader().height() + sum(table.rowHeight(r) for r in range(table.rowCount())) + 4
    if table.height() != height or table.minimumHeight() != height:
        table.setFixedHeight(height)


def timeline_title(pack: Pack) -> str:
    """"Timeline to 2040" only when the pack's own milestones reach 2040."""
    return translate("ui.briefing", "Timeline to 2040") if any("2040" in m.when for m in pack.milestones) \
        else translate("ui.briefing", "Timeline")


class BriefingPage(QWidget):
    #: (pack_id, topic_id): the user asked to be quizzed on one section's topic.
    quiz_requested = Signal(str, str)
    #: (pack_id, collection, record id): "Edit…" on a figure or glossary card (its context menu, or Ctrl+E)
    edit_requested = Signal(str, str, str)

    #: built pages kept for packs not on show (each a widget tree: a few, not every pack)
    KEEP_PAGES = 4

    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(translate("ui.briefing", "Briefing"))
        self.state = state
        self.workspace = state.workspace
        self.pages: dict[str, BuiltPage] = {}  # pack id -> its built page, most recently shown last
        self.current: BuiltPage | None = None
        self._done: set[str] = set()  # read sections, as of the block being built
        self._contents_marked: tuple[object, ...] = ()  # what the contents' ticks were last drawn for

        self.contents = QListWidget()
        self.contents.setAccessibleName(translate("ui.briefing", "Contents"))
        self.contents.setMaximumWidth(240)
        self.contents.setWordWrap(True)
        self.contents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.contents.currentRowChanged.connect(self._jump)
        self.stack = QStackedWidget()  # one scroll area per kept pack (re-parenting a page costs ~50 ms)
        splitter = QSplitter()
        splitter.addWidget(self.contents)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._painted = False
        self._jumped: tuple[int, int] | None = None  # (contents row, scroll value) of the last jump
        self._idle = QTimer(self)  # builds the rest of the page, a slice per turn of the event loop
        self._idle.setSingleShot(True)
        self._idle.setInterval(0)
        self._idle.timeout.connect(self._build_in_idle)
        state.pack_changed.connect(self._pack_changed)
        state.learner_changed.connect(lambda _learner: self.show_read_marks())
        state.progress_changed.connect(self._progress_changed)
        self._marks_stale = False
        state.settings_changed.connect(lambda key: self.rebuild() if key == "text_size" else None)
        self.rebuild()

    def _progress_changed(self) -> None:
        """Marks read elsewhere (or restored) show at once if the page is on screen, else when it shows:
        each answer on the Quiz page announces a change, and reading the marks for a hidden page was a
        query and a pass over every Read box per answer."""
        if self.isVisible():
            self.show_read_marks()
        else:
            self._marks_stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        if self._marks_stale:
            self._marks_stale = False
            self.show_read_marks()
        super().showEvent(event)
        # Fallback for platforms that never send this page a paint (seen offscreen).
        QTimer.singleShot(300, self._first_paint)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """First paint of the text: only now build the rest of the page, in idle time.

        A text's scroll area is not laid out again while it is hidden: leaving the page makes Qt ask
        its viewport to refit the whole text (every wrapped paragraph measured: ~9 ms of a 20 ms tab
        switch with the bundled pack, more for long ones) for nothing on screen. Nothing is lost:
        showing the text lays out whatever changed meanwhile, which posts a request it then serves.
        """
        kind = event.type()
        if kind == QEvent.Type.Paint and not self._painted:
            QTimer.singleShot(0, self._first_paint)
        elif kind == QEvent.Type.LayoutRequest and isinstance(watched, QWidget) and not watched.isVisible():
            return True
        return super().eventFilter(watched, event)

    def _first_paint(self) -> None:
        if not self._painted:
            self._painted = True
            self._build_near_end()
            self._idle.start()

    def _scroll_area(self, body: QWidget) -> QScrollArea:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setAccessibleName(translate("ui.briefing", "Briefing text"))
        scroll.setWidget(body)
        bar = scroll.verticalScrollBar()
        bar.rangeChanged.connect(lambda *_: QTimer.singleShot(0, self._keep_jump))
        bar.actionTriggered.connect(self._reader_scrolled)  # the wheel, the keys, the bar itself
        bar.valueChanged.connect(lambda _value: self._build_near_end())
        bar.valueChanged.connect(self._follow_scroll)
        scroll.viewport().installEventFilter(self)  # painted when shown on its own
        return scroll

    @property
    def scroll_area(self) -> QScrollArea:
        """The text of the pack on show."""
        assert self.current is not None  # rebuild() in __init__ sets it
        return self.current.scroll

    @property
    def pack(self) -> Pack:
        return self.state.pack

    @property
    def pack_id(self) -> str:
        return self.state.pack_id

    # What is built so far of the pack on show (tests, exports and the main window read these).
    @property
    def charts(self) -> list[FigureChart]:
        return self.current.charts if self.current else []

    def chart_to_export(self) -> FigureChart | None:
        """The chart the reader is on: the one with the keyboard focus, else the first in view, else the first.

        File → Export chart exported the first chart of the briefing whichever one was on screen."""
        charts = self.charts
        focus = QApplication.focusWidget()
        focused = next((c for c in charts if focus is not None and (c is focus or c.isAncestorOf(focus))), None)
        if focused is not None:
            return focused
        view = self.scroll_area.viewport()
        seen = [c for c in charts if c.isVisible()
                and QRect(c.mapTo(view, QPoint(0, 0)), c.size()).intersects(view.rect())]
        return seen[0] if seen else (charts[0] if charts else None)

    @property
    def tables(self) -> list[QTableWidget]:
        return self.current.tables if self.current else []

    @property
    def read_boxes(self) -> dict[str, QCheckBox]:
        return self.current.read_boxes if self.current else {}

    @property
    def anchors(self) -> list[tuple[str, QWidget]]:
        return self.current.anchors if self.current else []

    @property
    def pending(self) -> int:
        """Blocks of the page on show not built yet."""
        return len(self.current.pending) if self.current else 0

    def show_read_marks(self) -> None:
        """The Read boxes and the contents' ticks as stored for the current learner (another learner,
        a restored backup, a box just ticked)."""
        done = self.workspace.read_sections(self.pack.id)
        for section_id, box in self.read_boxes.items():
            box.blockSignals(True)
            box.setChecked(section_id in done)
            box.blockSignals(False)
        if self._contents_marked != self._contents_key(done):  # after an answer, as a rule, nothing changed
            self._mark_contents(done)

    def _contents_key(self, done: set[str]) -> tuple[object, ...]:
        """What the contents' ticks depend on besides the theme (a theme switch marks them again)."""
        return id(self.current), self.contents.count(), frozenset(done), self.contents.fontMetrics().height()

    def _mark_contents(self, done: set[str] | None = None) -> None:
        """A tick before each section read in the contents list, and "read" in what a screen reader says.

        The tick is an icon, so the entry's text stays the section's title; unread entries get a blank
        icon of the same size, so every title starts in the same column.
        """
        if self.current is None:
            return
        if done is None:
            try:
                done = self.workspace.read_sections(self.pack.id)
            except Exception:  # noqa: BLE001 - the store closed or failed: the list shows no ticks
                done = set()
        side = self.contents.fontMetrics().height()
        tick = QIcon(verdict_icon(self.contents, RIGHT, side))
        blank = QPixmap(tick.pixmap(side).size())
        blank.fill(Qt.GlobalColor.transparent)
        no_tick = QIcon(blank)
        self.contents.setIconSize(QSize(side, side))
        sections = self.current.pack.sections
        for row in range(min(self.contents.count(), len(self.current.titles))):
            item = self.contents.item(row)
            title = self.current.titles[row]
            read = row < len(sections) and sections[row].id in done
            item.setIcon(tick if read else no_tick)
            item.setData(Qt.ItemDataRole.AccessibleTextRole,
                         translate("ui.briefing", "{title}, read").format(title=title) if read else title)
            item.setToolTip(tooltip(translate("ui.briefing", "Read: {title}").format(title=title) if read
                                    else title))
        self._contents_marked = self._contents_key(done)

    # -- building ----------------------------------------------------------------------
    def _pack_changed(self, pack_id: str) -> None:
        """Another pack: its kept page if it is still what the store holds, else built afresh.

        The pack on show announced again means it was re-imported: always built afresh.
        """
        kept = self.pages.get(pack_id)
        if (kept is not None and self.current is not kept and kept.pack is self.pack
                and kept.text_size == self._text_size()):
            self._show(kept)
            self.show_read_marks()  # answers and marks given meanwhile
        else:
            self.rebuild()

    def _text_size(self) -> object:
        return self.state.setting("text_size", 0)

    def rebuild(self) -> None:
        """(Re)create the page of the pack on show, e.g. after the text size changed or a re-import.

        A pack that fails to show (it passed every check, so this is a bug) is
        reported on the page in plain words; the rest of the app keeps working.
        """
        if self.state.setting("text_size", 0) != (self.current.text_size if self.current else None):
            self._forget(keep=None)  # every kept page was laid out in the old size
        self._forget_pack(self.pack_id)
        try:
            built = self._new_page()
            self._build(built, weight=FIRST_SCREEN_WEIGHT)
        except Exception as exc:
            built = self._failed_page(exc)
        self._show(built)

    def _failed_page(self, exc: Exception) -> BuiltPage:
        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(self._failure(exc))
        column.addStretch(1)
        return BuiltPage(self.pack, body, self._scroll_area(body), None, [], [], text_size=self._text_size())

    def _failure(self, exc: Exception) -> QWidget:
        message = plain(translate("ui.briefing", "This briefing could not be shown ({error}). Choose another pack; "
                                                 "your progress is kept.").format(
            error=f"{type(exc).__name__}: {str(exc)[:300]}"))
        message.installEventFilter(self)
        return message

    def _show(self, built: BuiltPage) -> None:
        """Put ``built`` on show, keeping the page it replaces (scrolled where it was) for later."""
        self.current = built
        self.pages.pop(built.pack.id, None)
        self.pages[built.pack.id] = built
        while len(self.pages) > self.KEEP_PAGES:
            self._forget_pack(next(iter(self.pages)))
        self._jumped = None
        if self.stack.indexOf(built.scroll) < 0:
            self.stack.addWidget(built.scroll)
        self.stack.setCurrentWidget(built.scroll)
        self.contents.blockSignals(True)
        self.contents.clear()
        for title in built.titles:
            self.contents.addItem(QListWidgetItem(title))
        self.contents.blockSignals(False)
        self._mark_contents()
        if self._painted:
            self._idle.start()  # the rest of its blocks, once its text is on screen
        # else: eventFilter starts that once the text has been painted

    def _forget_pack(self, pack_id: str) -> None:
        built = self.pages.pop(pack_id, None)
        if built is not None and built is not self.current:
            self.stack.removeWidget(built.scroll)
            built.scroll.deleteLater()

    def _forget(self, keep: BuiltPage | None) -> None:
        for pack_id in [p for p, b in self.pages.items() if b is not keep]:
            self._forget_pack(pack_id)

    def _new_page(self) -> BuiltPage:
        """The page's frame (title, summary, source) and, not built yet, every block in reading order."""
        pack = self.pack
        body = QWidget()
        text = QWidget()  # the column of text, centred in the body and no wider than a readable line
        # The application's font, not this page's: the page learns of a new text size from an event Qt sends
        # after the rebuild the size change asks for, and Ctrl+0 after three Ctrl+− kept the smallest's column.
        text.setMaximumWidth(QFontMetrics(QApplication.font()).averageCharWidth() * LINE_CHARACTERS + 48)
        centred = QHBoxLayout(body)
        centred.setContentsMargins(0, 0, 0, 0)
        # Stretches either side, not an alignment: an aligned item's height would be worked out for the
        # full width, and the wrapped text, taller than that, overlapped the next block.
        centred.addStretch(1)
        centred.addWidget(text, 1000)
        centred.addStretch(1)
        column = QVBoxLayout(text)
        column.setContentsMargins(24, 16, 24, 24)
        column.setSpacing(14)
        title = plain(pack.meta.title, scale=1.9, bold=True)
        title.installEventFilter(self)  # its first paint means the briefing text is on screen
        column.addWidget(title)
        if pack.meta.summary:
            column.addWidget(plain(pack.meta.summary, scale=1.1))
        column.addWidget(plain(translate("ui.briefing", "Source: {source}").format(source=pack.meta.source_title),
                               scale=0.9))
        column.addStretch(1)
        built = BuiltPage(pack, body, self._scroll_area(body), column, [], [], text_size=self._text_size())
        attached = briefing.attachments(pack)
        placed = briefing.placed_charts(pack)
        for section in pack.sections:
            tables, lists = attached[section.id]
            weight = (2 + section.body.count("\n\n") + 3 * len(section.figures) + 4 * len(placed[section.id])
                      + sum(len(t.rows) + 1 for t in tables) + sum(len(n.items) + 1 for n in lists))
            self._add(built, section.title, weight,
                      functools.partial(self._section, built, pack, section, attached[section.id], placed[section.id]))
        points = briefing.timeline(pack)
        if len(points) >= 2:
            self._add(built, timeline_title(pack), len(points), lambda: self._timeline(pack, points))
        if pack.terms:
            self._add(built, translate("ui.briefing", "Glossary"), len(pack.terms), lambda: self._glossary(pack))
        entries = briefing.sources(pack)
        if entries:
            self._add(built, translate("ui.briefing", "Sources"), sum(1 + len(e.figures) // 4 for e in entries),
                      lambda: self._sources(pack, entries))
        return built

    def _add(self, built: BuiltPage, title: str, weight: int, make: Callable[[], QWidget]) -> None:
        built.titles.append(title)
        built.pending.append(make)
        built.weights.append(weight)

    def _build(self, built: BuiltPage, *, weight: int | None = None, upto: int | None = None,
               until: float | None = None) -> None:
        """Build the next blocks of ``built``: at least one, then while under ``weight``, up to row ``upto``
        or before the clock reaches ``until``."""
        if built.column is None or not built.pending:
            return
        try:
            self._done = self.workspace.read_sections(built.pack.id)
        except Exception:  # noqa: S110 - the store closed (the app is ending) or failed: the marks as last read
            pass
        spent = 0
        while built.pending:
            if upto is not None:
                if len(built.anchors) > upto:
                    break
            elif weight is not None:
                if spent and spent + built.weights[0] > weight:
                    break
            elif until is not None and spent and time.perf_counter() > until:
                break
            make = built.pending.pop(0)
            spent += built.weights.pop(0)
            title = built.titles[len(built.anchors)]
            try:
                block = make()
            except Exception as exc:  # a pack's block must never take the page down: say so in its place
                block = self._failure(exc)
            built.column.insertWidget(built.column.count() - 1, block)  # before the closing stretch
            block.show()  # now, not on the next turn: a jump to it lays it out at once
            built.anchors.append((title, block))

    def _build_in_idle(self) -> None:
        """A slice of the rest of the page on show, then the next slice on the next turn."""
        built = self.current
        if built is None:
            return
        self._build(built, until=time.perf_counter() + IDLE_SLICE_S)
        if built.pending:
            self._idle.start()

    def build_all(self) -> None:
        """Build every block of the page on show now (the PDF, chart exports, screenshots)."""
        if self.current is not None:
            self._build(self.current, upto=len(self.current.titles))

    def _build_near_end(self) -> None:
        """The page builds on as the reader nears the end of what is built."""
        built = self.current
        if built is None or not self._painted:
            return
        bar = self.scroll_area.verticalScrollBar()
        if built.pending and bar.value() + 2 * self.scroll_area.viewport().height() >= bar.maximum():
            self._build(built, until=time.perf_counter() + IDLE_SLICE_S)

    def _keep_jump(self) -> None:
        """The page grew or shrank (blocks built, text wrapped again): a section jumped to stays at the top, unless the
        reader has scrolled since."""
        if self._jumped is not None and self.current is not None:
            self._lay_out()
            self._jump(self._jumped[0])

    def _reader_scrolled(self, _action: int) -> None:
        self._jumped = None

    def restyle(self) -> None:
        """Theme changed: the charts read the theme's colours when they paint (hidden ones when next
        shown); the contents' ticks are drawn again."""
        for chart in self.charts:
            chart.canvas.update()
        self._mark_contents()  # the ticks are drawn in the theme's colours

    def _heading(self, text: str) -> QWidget:
        return plain(text, scale=1.45, bold=True)

    def _section(self, built: BuiltPage, pack: Pack, section: Section,
                 attached: tuple[list[Table], list[NamedList]],
                 charts: list[briefing.Chart]) -> QWidget:
        block = QWidget()
        block.setAccessibleName(translate("ui.briefing", "Section: {title}").format(title=section.title))
        box = QVBoxLayout(block)
        box.setContentsMargins(0, 8, 0, 8)
        header = QHBoxLayout()
        header.addWidget(self._heading(section.title), 1)
        read = QCheckBox(translate("ui.briefing", "Read"))
        read.setAccessibleName(translate("ui.briefing", "Mark “{title}” as read").format(title=section.title))
        read.setChecked(section.id in self._done)
        read.toggled.connect(lambda on, s=section.id: self._mark(s, on))
        built.read_boxes[section.id] = read
        quiz = QPushButton(translate("ui.briefing", "Quiz me on this"))
        quiz.setAccessibleName(translate("ui.briefing", "Quiz me on {title}").format(title=section.title))
        press_on_enter(quiz)
        quiz.clicked.connect(lambda _=False, t=section.topic: self.quiz_requested.emit(self.pack.id, t))
        header.addWidget(read)
        header.addWidget(quiz)
        box.addLayout(header)
        for paragraph in briefing.paragraphs(section.body):
            box.addWidget(plain(breakable(paragraph)))

        if section.figures:
            grid = QGridLayout()
            for index, figure_id in enumerate(section.figures):
                figure = pack.figure(figure_id)
                outlet = pack.outlet(figure.outlet)
                card = FigureCard(figure, outlet.name if outlet else briefing.no_outlet(pack))
                self._editable(card, "figures", figure.id, "figure")
                grid.addWidget(card, index // CARD_COLUMNS, index % CARD_COLUMNS)
            box.addLayout(grid)
            for a, b in briefing.disagreements(pack, section.figures):
                if a.id in section.figures and b.id in section.figures:
                    note = plain(briefing.figure_note(pack, a, b))
                    note.setAccessibleName(translate("ui.briefing", "How these figures compare"))
                    box.addWidget(note)
        for placed in charts:  # every chart has one section (content.briefing.placed_charts): none is lost
            chart = FigureChart(placed)
            built.charts.append(chart)
            box.addWidget(chart)
        tables, lists = attached
        for table in tables:
            box.addWidget(plain(table.title, scale=1.15, bold=True))
            box.addWidget(self._table(built, table))
        for named in lists:
            box.addWidget(plain(named.title, scale=1.15, bold=True))
            grid = QGridLayout()
            columns = 2 if len(named.items) % 3 else 3
            for index, item in enumerate(named.items):
                item_card = ItemCard(item)  # as tall as its row, as every card (see Card)
                grid.addWidget(item_card, index // columns, index % columns)
            box.addLayout(grid)
        return block

    def _table(self, built: BuiltPage, table: Table) -> QTableWidget:
        widget = QTableWidget(len(table.rows), len(table.columns) + 1)
        widget.setAccessibleName(translate("ui.briefing", "Table: {title}").format(title=table.title))
        widget.setTabKeyNavigation(False)  # one Tab stop: the arrow keys go from cell to cell, Tab moves on
        widget.setHorizontalHeaderLabels([table.row_header, *table.columns])
        widget.verticalHeader().hide()
        widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        widget.setWordWrap(True)
        widget.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for r, row in enumerate(table.rows):
            cells = [row.label, *row.cells]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(tooltip(text))
                if c == 0:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                widget.setItem(r, c, item)
        header = widget.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for c in range(1, len(table.columns) + 1):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch)
        _fit_rows(widget)
        # A narrower column: its text wraps onto more lines. Once the header has resized every column.
        refit = QTimer(widget, singleShot=True, interval=0)
        refit.timeout.connect(lambda: _fit_rows(widget))
        header.sectionResized.connect(lambda *_: refit.start())
        built.tables.append(widget)
        return widget

    def _timeline(self, pack: Pack, points: list[briefing.TimelinePoint]) -> QWidget:
        """One row per point, top to bottom: a row reads whole at any width (side by side, the labels
        of seven points were cut off)."""
        block = QWidget()
        block.setAccessibleName(translate("ui.briefing", "Timeline"))
        box = QVBoxLayout(block)
        box.addWidget(self._heading(timeline_title(pack)))
        for point in points:
            checkpoint = translate("ui.briefing", "Next checkpoint")
            passed = translate("ui.briefing", "Date now past: the article had it ahead")
            marker = f" · {checkpoint}" if point.is_next else f" · {passed}" if point.passed else ""
            said = briefing.today_label(pack, i18n_date(point.day)) if point.day else point.when  # QLocale's date
            card = Card(f"{said}{marker}: {point.label}")
            row = QHBoxLayout()
            # Not twice: the bundled pack's own words for that point are "Upcoming: the next critical checkpoint".
            says_so = checkpoint.split()[-1].casefold() in said.casefold() if checkpoint.split() else False
            when = plain(said + (f"\n{checkpoint}" if point.is_next and not says_so else "")
                         + (f"\n{passed}" if point.passed else ""), bold=True)
            when.setFixedWidth(220)
            row.addWidget(when)
            row.addWidget(plain(breakable(point.label)), 1)
            card.box.addLayout(row)
            if point.quote:
                card.setToolTip(tooltip(f"“{point.quote}”"))
            if point.is_today:
                card.setObjectName("today")
            box.addWidget(card)
        return block

    def _glossary(self, pack: Pack) -> QWidget:
        block = QWidget()
        block.setAccessibleName(translate("ui.briefing", "Glossary"))
        box = QVBoxLayout(block)
        box.addWidget(self._heading(translate("ui.briefing", "Glossary")))
        grid = QGridLayout()
        for index, term in enumerate(pack.terms):
            card = Card(f"{term.term}: {term.definition}")
            card.box.addWidget(plain(breakable(term.term), bold=True))
            card.box.addWidget(plain(breakable(term.definition)))
            card.box.addStretch(1)  # its words at the top of a card as tall as its row
            card.setToolTip(tooltip(f"“{term.quote}”"))
            self._editable(card, "terms", term.id, "term")
            grid.addWidget(card, index // 2, index % 2)
        box.addLayout(grid)
        return block

    def _editable(self, card: Card, collection: str, record_id: str, noun: str) -> None:
        """An "Edit this …" action on the card: its context menu, or Ctrl+E while it has the focus."""
        action = QAction(translate("ui.briefing", "&Edit…"), card)
        action.setToolTip(translate("ui.briefing", "Edit this figure in its pack") if noun == "figure"
                          else translate("ui.briefing", "Edit this term in its pack"))
        action.setShortcut(QKeySequence("Ctrl+E"))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _=False: self.edit_requested.emit(self.pack.id, collection, record_id))
        card.addAction(action)
        card.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def _sources(self, pack: Pack, entries: list[briefing.SourceEntry]) -> QWidget:
        block = QWidget()
        block.setAccessibleName(translate("ui.briefing", "Sources"))
        box = QVBoxLayout(block)
        box.addWidget(self._heading(translate("ui.briefing", "Sources")))
        box.addWidget(plain(translate("ui.briefing", "All figures and quotes come from: {source}").format(
            source=pack.meta.source_title), scale=0.95))
        for entry in entries:
            card = Card(translate("ui.briefing", "Source: {source}").format(source=entry.outlet))
            card.box.addWidget(plain(entry.outlet, bold=True))
            if entry.description:
                card.box.addWidget(plain(entry.description, scale=0.95))
            lines = [f"• {figure.display}: {figure.label} — “{figure.quote}”" for figure in entry.figures]
            if entry.more:
                lines.append(translate("ui.briefing", "… and {count} more figures from {outlet}").format(
                    count=i18n.number(entry.more), outlet=entry.outlet))
            if lines:  # one label per outlet: a pack may list thousands of figures here
                card.box.addWidget(plain("\n".join(lines), scale=0.95))
            box.addWidget(card)
        return block

    # -- actions ------------------------------------------------------------------------
    def _mark(self, section_id: str, read: bool) -> None:
        """Save the Read box; if that fails the box goes back to what is saved, and a box says why."""
        what = translate("ui.briefing", "Marking the section as read") if read \
            else translate("ui.briefing", "Marking the section as not read")
        def save() -> bool:
            self.workspace.set_read(self.pack.id, section_id, read)
            return True

        saved = operations.run(self, what, save, changed=self.state.progress_changed.emit)
        if saved is None:
            self.show_read_marks()

    def scroll_to_section(self, section_id: str) -> bool:
        """Show section ``section_id`` at the top of the text (and select it in the contents); False if unknown.

        A section not built yet is built now, with every block above it (so it lands where it will stay).
        """
        row = next((i for i, s in enumerate(self.pack.sections) if s.id == section_id), None)
        if row is None or self.current is None or row >= len(self.current.titles):
            return False
        self._build(self.current, upto=row)
        if row >= len(self.anchors):
            return False
        self._lay_out()  # positions are right even before the page was first shown
        self.contents.blockSignals(True)
        self.contents.setCurrentRow(row)
        self.contents.blockSignals(False)
        self._jump(row)
        return True

    def _lay_out(self) -> None:
        """Lay the page on show out now, so the blocks' positions are right before it is painted."""
        body = self.scroll_area.widget()
        layout = body.layout() if body is not None else None
        if layout is not None:
            layout.activate()
        if self.current is not None and self.current.column is not None:
            self.current.column.activate()  # the text column inside it

    def _jump(self, row: int) -> None:
        if self.current is not None and 0 <= row < len(self.current.titles):
            if row >= len(self.anchors):  # chosen in the contents before the idle build got there
                self._build(self.current, upto=row)
                self._lay_out()
            widget = self.anchors[row][1]
            self.scroll_area.verticalScrollBar().setValue(widget.y())
            self._jumped = (row, self.scroll_area.verticalScrollBar().value())
            self._select_in_contents(row)  # the block jumped to, even at the foot of the page

    def _follow_scroll(self, value: int) -> None:
        """As the reader scrolls, the contents select the block at the top of the view."""
        if self.current is None or (self._jumped is not None and self._jumped[1] == value):
            return
        row = 0
        for index, (_title, widget) in enumerate(self.anchors):
            if widget.y() > value + 1:
                break
            row = index
        self._select_in_contents(row)

    def _select_in_contents(self, row: int) -> None:
        """Select ``row`` in the contents (scrolled into their view) without jumping to it."""
        if self.contents.currentRow() == row or not 0 <= row < self.contents.count():
            return
        self.contents.blockSignals(True)
        self.contents.setCurrentRow(row)
        self.contents.blockSignals(False)
        self.contents.scrollToItem(self.contents.item(row))
