"""The briefing page: the article as a charted, sourced briefing, read from the store.

Sections appear in reading order with their figure cards, chart, tables and
lists; then the timeline, glossary and sources. Each section can be marked
read (stored as progress) and quizzed ("Quiz me on this"). Charts are built
after the first paint so the window shows at once.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from content import briefing
from content.model import Pack, Section, Table
from ui import operations
from ui.briefing.cards import Card, FigureCard, ItemCard, plain
from ui.briefing.chart import FigureChart
from ui.state import AppState
from ui.text import tooltip

CARD_COLUMNS = 2


def timeline_title(pack: Pack) -> str:
    """"Timeline to 2040" only when the pack's own milestones reach 2040."""
    return "Timeline to 2040" if any("2040" in m.when for m in pack.milestones) else "Timeline"


class BriefingPage(QWidget):
    #: (pack_id, topic_id): the user asked to be quizzed on one section's topic.
    quiz_requested = Signal(str, str)
    #: (pack_id, collection, record id): "Edit…" on a figure or glossary card (its context menu, or Ctrl+E)
    edit_requested = Signal(str, str, str)

    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Briefing")
        self.state = state
        self.workspace = state.workspace
        self.charts: list[FigureChart] = []
        self.tables: list[QTableWidget] = []
        self.read_boxes: dict[str, QCheckBox] = {}
        self.anchors: list[tuple[str, QWidget]] = []

        self.contents = QListWidget()
        self.contents.setAccessibleName("Contents")
        self.contents.setMaximumWidth(240)
        self.contents.setWordWrap(True)
        self.contents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.contents.currentRowChanged.connect(self._jump)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setAccessibleName("Briefing text")
        splitter = QSplitter()
        splitter.addWidget(self.contents)
        splitter.addWidget(self.scroll)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._painted = False
        self._jumped: tuple[int, int] | None = None  # (contents row, scroll value) of the last jump
        bar = self.scroll.verticalScrollBar()
        bar.rangeChanged.connect(lambda *_: QTimer.singleShot(0, self._keep_jump))
        bar.actionTriggered.connect(self._reader_scrolled)  # the wheel, the keys, the bar itself
        self.scroll.viewport().installEventFilter(self)  # painted when shown on its own
        state.pack_changed.connect(lambda _pack: self.rebuild())
        state.learner_changed.connect(lambda _learner: self.show_read_marks())
        state.progress_changed.connect(self.show_read_marks)
        state.settings_changed.connect(lambda key: self.rebuild() if key == "text_size" else None)
        self.rebuild()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        # Fallback for platforms that never send this page a paint (seen offscreen).
        QTimer.singleShot(300, self.build_charts)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """First paint of the text: only now load pyqtgraph and draw the charts."""
        if not self._painted and event.type() == QEvent.Type.Paint:
            self._painted = True
            QTimer.singleShot(0, self.build_charts)
        return super().eventFilter(watched, event)

    @property
    def pack(self) -> Pack:
        return self.state.pack

    @property
    def pack_id(self) -> str:
        return self.state.pack_id

    def show_read_marks(self) -> None:
        """The Read boxes as stored for the current learner (another learner, a restored backup)."""
        done = self.workspace.read_sections(self.pack.id)
        for section_id, box in self.read_boxes.items():
            box.blockSignals(True)
            box.setChecked(section_id in done)
            box.blockSignals(False)

    # -- building ----------------------------------------------------------------------
    def rebuild(self) -> None:
        """(Re)create the content, e.g. after the text size or the pack changed.

        A pack that fails to show (it passed every check, so this is a bug) is
        reported on the page in plain words; the rest of the app keeps working.
        """
        try:
            body = self._build_body()
        except Exception as exc:
            self.charts, self.tables, self.read_boxes, self.anchors = [], [], {}, []
            body = QWidget()
            column = QVBoxLayout(body)
            message = plain(f"This briefing could not be shown ({type(exc).__name__}: {str(exc)[:300]}). "
                            "Choose another pack; your progress is kept.")
            message.installEventFilter(self)
            column.addWidget(message)
            column.addStretch(1)
        old = self.scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self.scroll.setWidget(body)
        self.contents.blockSignals(True)
        self.contents.clear()
        for title, _ in self.anchors:
            self.contents.addItem(QListWidgetItem(title))
        self.contents.blockSignals(False)
        if self._painted:
            QTimer.singleShot(0, self.build_charts)
        # else: eventFilter builds them once the text has been painted (pyqtgraph costs ~0.5 s)

    def _build_body(self) -> QWidget:
        pack = self.pack
        self.charts, self.tables, self.read_boxes, self.anchors = [], [], {}, []
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(24, 16, 24, 24)
        column.setSpacing(14)
        title = plain(pack.meta.title, scale=1.9, bold=True)
        title.installEventFilter(self)  # its first paint means the briefing text is on screen
        column.addWidget(title)
        if pack.meta.summary:
            column.addWidget(plain(pack.meta.summary, scale=1.1))
        column.addWidget(plain(f"Source: {pack.meta.source_title}", scale=0.9))

        done = self.workspace.read_sections(pack.id)
        attached = briefing.attachments(pack)
        placed = briefing.placed_charts(pack)
        for section in pack.sections:
            block = self._section(pack, section, section.id in done, attached[section.id], placed[section.id])
            self.anchors.append((section.title, block))
            column.addWidget(block)
        for title, widget in ((timeline_title(pack), self._timeline(pack)), ("Glossary", self._glossary(pack)),
                              ("Sources", self._sources(pack))):
            if widget is not None:
                self.anchors.append((title, widget))
                column.addWidget(widget)
        column.addStretch(1)
        return body

    def build_charts(self) -> None:
        for chart in self.charts:
            chart.build()

    def _keep_jump(self) -> None:
        """The page grew or shrank (charts drawn): a section jumped to stays at the top, unless the
        reader has scrolled since."""
        if self._jumped is not None:
            self.scroll.widget().layout().activate()
            self._jump(self._jumped[0])

    def _reader_scrolled(self, _action: int) -> None:
        self._jumped = None

    def restyle(self) -> None:
        """Theme changed: pyqtgraph needs its colours set again."""
        for chart in self.charts:
            chart.redraw()

    def _heading(self, text: str) -> QWidget:
        return plain(text, scale=1.45, bold=True)

    def _section(self, pack: Pack, section: Section, is_read: bool, attached: tuple[list, list],
                 charts: list[briefing.Chart]) -> QWidget:
        block = QWidget()
        block.setAccessibleName(f"Section: {section.title}")
        box = QVBoxLayout(block)
        box.setContentsMargins(0, 8, 0, 8)
        header = QHBoxLayout()
        header.addWidget(self._heading(section.title), 1)
        read = QCheckBox("Read")
        read.setAccessibleName(f"Mark “{section.title}” as read")
        read.setChecked(is_read)
        read.toggled.connect(lambda on, s=section.id: self._mark(s, on))
        self.read_boxes[section.id] = read
        quiz = QPushButton("Quiz me on this")
        quiz.setAccessibleName(f"Quiz me on {section.title}")
        quiz.clicked.connect(lambda _=False, t=section.topic: self.quiz_requested.emit(self.pack.id, t))
        header.addWidget(read)
        header.addWidget(quiz)
        box.addLayout(header)
        for paragraph in briefing.paragraphs(section.body):
            box.addWidget(plain(paragraph))

        if section.figures:
            grid = QGridLayout()
            for index, figure_id in enumerate(section.figures):
                figure = pack.figure(figure_id)
                outlet = pack.outlet(figure.outlet)
                card = FigureCard(figure, outlet.name if outlet else briefing.NO_OUTLET)
                self._editable(card, "figures", figure.id, "figure")
                grid.addWidget(card, index // CARD_COLUMNS, index % CARD_COLUMNS)
            box.addLayout(grid)
            for a, b in briefing.disagreements(pack, section.figures):
                if a.id in section.figures and b.id in section.figures:
                    note = plain(briefing.figure_note(pack, a, b))
                    note.setAccessibleName("How these figures compare")
                    box.addWidget(note)
        for placed in charts:  # every chart has one section (content.briefing.placed_charts): none is lost
            chart = FigureChart(placed)
            self.charts.append(chart)
            box.addWidget(chart)
        tables, lists = attached
        for table in tables:
            box.addWidget(plain(table.title, scale=1.15, bold=True))
            box.addWidget(self._table(table))
        for named in lists:
            box.addWidget(plain(named.title, scale=1.15, bold=True))
            grid = QGridLayout()
            columns = 2 if len(named.items) % 3 else 3
            for index, item in enumerate(named.items):
                grid.addWidget(ItemCard(item), index // columns, index % columns)
            box.addLayout(grid)
        return block

    def _table(self, table: Table) -> QTableWidget:
        widget = QTableWidget(len(table.rows), len(table.columns) + 1)
        widget.setAccessibleName(f"Table: {table.title}")
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
        widget.resizeRowsToContents()
        height = header.height() + sum(widget.rowHeight(r) for r in range(widget.rowCount())) + 4
        widget.setFixedHeight(height)
        self.tables.append(widget)
        return widget

    def _timeline(self, pack: Pack) -> QWidget | None:
        """One row per point, top to bottom: a row reads whole at any width (side by side, the labels
        of seven points were cut off)."""
        points = briefing.timeline(pack)
        if len(points) < 2:
            return None
        block = QWidget()
        block.setAccessibleName("Timeline")
        box = QVBoxLayout(block)
        box.addWidget(self._heading(timeline_title(pack)))
        for point in points:
            marker = " · Next checkpoint" if point.is_next else ""
            card = Card(f"{point.when}{marker}: {point.label}")
            row = QHBoxLayout()
            when = plain(point.when + ("\nNext checkpoint" if point.is_next else ""), bold=True)
            when.setFixedWidth(220)
            row.addWidget(when)
            row.addWidget(plain(point.label), 1)
            card.box.addLayout(row)
            if point.quote:
                card.setToolTip(tooltip(f"“{point.quote}”"))
            if point.is_today:
                card.setObjectName("today")
            box.addWidget(card)
        return block

    def _glossary(self, pack: Pack) -> QWidget | None:
        if not pack.terms:
            return None
        block = QWidget()
        block.setAccessibleName("Glossary")
        box = QVBoxLayout(block)
        box.addWidget(self._heading("Glossary"))
        grid = QGridLayout()
        for index, term in enumerate(pack.terms):
            card = Card(f"{term.term}: {term.definition}")
            card.box.addWidget(plain(term.term, bold=True))
            card.box.addWidget(plain(term.definition))
            card.setToolTip(tooltip(f"“{term.quote}”"))
            self._editable(card, "terms", term.id, "term")
            grid.addWidget(card, index // 2, index % 2)
        box.addLayout(grid)
        return block

    def _editable(self, card: Card, collection: str, record_id: str, noun: str) -> None:
        """An "Edit this …" action on the card: its context menu, or Ctrl+E while it has the focus."""
        action = QAction("&Edit…", card)
        action.setToolTip(f"Edit this {noun} in its pack")
        action.setShortcut(QKeySequence("Ctrl+E"))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _=False: self.edit_requested.emit(self.pack.id, collection, record_id))
        card.addAction(action)
        card.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def _sources(self, pack: Pack) -> QWidget | None:
        entries = briefing.sources(pack)
        if not entries:
            return None
        block = QWidget()
        block.setAccessibleName("Sources")
        box = QVBoxLayout(block)
        box.addWidget(self._heading("Sources"))
        box.addWidget(plain(f"All figures and quotes come from: {pack.meta.source_title}", scale=0.95))
        for entry in entries:
            card = Card(f"Source: {entry.outlet}")
            card.box.addWidget(plain(entry.outlet, bold=True))
            if entry.description:
                card.box.addWidget(plain(entry.description, scale=0.95))
            lines = [f"• {figure.display}: {figure.label} — “{figure.quote}”" for figure in entry.figures]
            if entry.more:
                lines.append(f"… and {entry.more:,} more figures from {entry.outlet}")
            if lines:  # one label per outlet: a pack may list thousands of figures here
                card.box.addWidget(plain("\n".join(lines), scale=0.95))
            box.addWidget(card)
        return block

    # -- actions ------------------------------------------------------------------------
    def _mark(self, section_id: str, read: bool) -> None:
        """Save the Read box; if that fails the box goes back to what is saved, and a box says why."""
        what = "Marking the section as read" if read else "Marking the section as not read"
        saved = operations.run(self, what, lambda: self.workspace.set_read(self.pack.id, section_id, read) or True,
                               changed=self.state.progress_changed.emit)
        if saved is None:
            self.show_read_marks()

    def scroll_to_section(self, section_id: str) -> bool:
        """Show section ``section_id`` at the top of the text (and select it in the contents); False if unknown."""
        row = next((i for i, s in enumerate(self.pack.sections) if s.id == section_id), None)
        if row is None or row >= len(self.anchors):
            return False
        self.scroll.widget().layout().activate()  # positions are right even before the page was first shown
        self.contents.blockSignals(True)
        self.contents.setCurrentRow(row)
        self.contents.blockSignals(False)
        self._jump(row)
        return True

    def _jump(self, row: int) -> None:
        if 0 <= row < len(self.anchors):
            widget = self.anchors[row][1]
            self.scroll.verticalScrollBar().setValue(widget.y())
            self._jumped = (row, self.scroll.verticalScrollBar().value())
