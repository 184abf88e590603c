"""The question browser: every question of the pack on show, searched and filtered, previewed as the
learner sees it, suspended or flagged (View → Question browser, or from a question's feedback).

A model/view table (one model row per question, no widget per row) over the
facade's rows; the filter is :class:`quiz.browse.QuestionFilter`, the same
rule the core tests check, applied by a proxy model. The preview reuses the
quiz page's answer widgets, locked. Marks go through :func:`ui.operations.run`
and the state's ``progress_changed``, like every other change to progress.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from quiz.browse import (
    ACTIVE,
    AUTHORED,
    FLAGGED,
    GENERATED,
    SUSPENDED,
    QuestionFilter,
    QuestionRow,
    facts_of,
    record_to_edit,
)
from quiz.grade import expected_text
from quiz.questions import KINDS
from ui import operations
from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.quiz.answer_widgets import AnswerWidget, answer_widget_for
from ui.state import AppState
from ui.text import plain, tooltip

COLUMNS = (QT_TRANSLATE_NOOP("ui.browser", "Question"), QT_TRANSLATE_NOOP("ui.browser", "Kind"),
           QT_TRANSLATE_NOOP("ui.browser", "Topic"), QT_TRANSLATE_NOOP("ui.browser", "Origin"),
           QT_TRANSLATE_NOOP("ui.browser", "Facility"), QT_TRANSLATE_NOOP("ui.browser", "Last answer"),
           QT_TRANSLATE_NOOP("ui.browser", "Marks"))
#: The kinds' names as the table and the Kind filter show them (the ids are the pack format's words).
KIND_LABELS = {"choice": QT_TRANSLATE_NOOP("ui.browser", "choice"),
               "scenario": QT_TRANSLATE_NOOP("ui.browser", "scenario"),
               "truefalse": QT_TRANSLATE_NOOP("ui.browser", "truefalse"),
               "numeric": QT_TRANSLATE_NOOP("ui.browser", "numeric"),
               "text": QT_TRANSLATE_NOOP("ui.browser", "text"),
               "matching": QT_TRANSLATE_NOOP("ui.browser", "matching"),
               "multi": QT_TRANSLATE_NOOP("ui.browser", "multi"),
               "order": QT_TRANSLATE_NOOP("ui.browser", "order"),
               "classify": QT_TRANSLATE_NOOP("ui.browser", "classify")}
#: Where a question comes from, as the table and the Origin filter show it.
ORIGIN_LABELS = {AUTHORED: QT_TRANSLATE_NOOP("ui.browser", "authored"),
                 GENERATED: QT_TRANSLATE_NOOP("ui.browser", "generated")}
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
_ModelIndex = QModelIndex | QPersistentModelIndex


def kind_text(kind: str) -> str:
    return translate("ui.browser", KIND_LABELS[kind]) if kind in KIND_LABELS else kind


def origin_text(origin: str) -> str:
    return translate("ui.browser", ORIGIN_LABELS[origin]) if origin in ORIGIN_LABELS else origin


def marks_text(row: QuestionRow) -> str:
    return " · ".join(word for word, on in ((translate("ui.browser", "suspended"), row.suspended),
                                            (translate("ui.browser", "flagged"), row.flagged)) if on)


def facility_text(row: QuestionRow) -> str:
    if row.facility is None:
        return translate("ui.browser", "not answered")
    locale = QLocale()
    return translate("ui.browser", "{percent} ({correct} of {attempts})").format(
        percent=locale.toString(float(row.facility) * 100, "f", 0) + "%", correct=locale.toString(row.correct),
        attempts=locale.toString(row.attempts))


class QuestionTableModel(QAbstractTableModel):
    """The pack's questions as rows; cells are plain text (Qt item views never render item text as markup)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[QuestionRow] = []

    def set_rows(self, rows: list[QuestionRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("ui.browser", COLUMNS[section])
        return None

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.AccessibleTextRole and column == 5 and not row.last_answer:
            return translate("ui.browser", "not answered")  # shown as "—": a screen reader reads nothing or "dash"
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(row.question.prompt if column == 0 else self._text(row, column))
        if role == SORT_ROLE:
            if column == 4:
                return -1.0 if row.facility is None else row.facility
            return self._text(row, column).casefold()
        return None

    @staticmethod
    def _text(row: QuestionRow, column: int) -> str:
        q = row.question
        return (q.prompt.replace("\n", " "), kind_text(str(q.kind)), row.topic_title, origin_text(row.origin),
                facility_text(row),
                row.last_answer or "—", marks_text(row))[column]


class QuestionFilterProxy(QSortFilterProxyModel):
    """Shows the rows :class:`QuestionFilter` accepts; sorts by each column's sort value."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.wanted = QuestionFilter()
        self.setSortRole(SORT_ROLE)

    def set_filter(self, wanted: QuestionFilter) -> None:
        self.beginFilterChange()
        self.wanted = wanted
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: _ModelIndex) -> bool:  # noqa: N802 - Qt override
        model = self.sourceModel()
        assert isinstance(model, QuestionTableModel)
        return self.wanted.matches(model.rows[source_row])


class QuestionPreview(QFrame):
    """One question as the quiz page shows it (its answer widget, locked), then its key and sources."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(translate("ui.browser", "Preview"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.answer: AnswerWidget | None = None
        column = QVBoxLayout(self)
        self.heading = plain(bold=True)
        self.heading.setAccessibleName(translate("ui.browser", "Question id"))
        self.scenario = plain(scale=1.05)
        self.scenario.setAccessibleName(translate("ui.browser", "Scenario text"))
        self.prompt = plain(scale=1.2)
        self.prompt.setAccessibleName(translate("ui.browser", "Question"))
        self.holder = QVBoxLayout()
        self.key = plain()
        self.key.setAccessibleName(translate("ui.browser", "Answer"))
        self.source = plain(scale=0.95)
        self.source.setAccessibleName(translate("ui.browser", "Source"))
        for widget in (self.heading, self.scenario, self.prompt):
            column.addWidget(widget)
        column.addLayout(self.holder)
        column.addWidget(self.key)
        column.addWidget(self.source)
        column.addStretch(1)
        self.show_row(None)

    def show_row(self, row: QuestionRow | None) -> None:
        if self.answer is not None:
            self.answer.hide()
            self.holder.removeWidget(self.answer)
            self.answer.deleteLater()
            self.answer = None
        if row is None:
            self.heading.setText(translate("ui.browser", "No question chosen"))
            for label in (self.scenario, self.prompt, self.key, self.source):
                label.clear()
            self.scenario.hide()
            return
        q = row.question
        self.heading.setText(f"{q.id} · {kind_text(str(q.kind))} · {origin_text(row.origin)}"
                             + (f" · {marks_text(row)}" if marks_text(row) else ""))
        self.scenario.setText(q.scenario)
        self.scenario.setVisible(bool(q.scenario))
        self.prompt.setText(q.prompt)
        self.answer = answer_widget_for(q)
        self.answer.lock()
        self.holder.addWidget(self.answer)
        self.answer.show()
        self.key.setText(translate("ui.browser", "Answer: {answer}").format(answer=expected_text(q)))
        self.source.setText(q.citation)


class QuestionBrowser(QDialog):
    """Search, filter, preview, suspend and flag the questions of the pack on show."""

    #: (pack id, collection, record id): "Edit…" on a question (itself if authored, else what it is made from)
    edit_requested = Signal(str, str, str)

    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("ui.browser", "Question browser"))
        self.setAccessibleName(translate("ui.browser", "Question browser"))
        self.setObjectName("question-browser")
        self.state = state
        self.workspace = state.workspace
        self.resize(1180, 720)

        self.search = QLineEdit()
        self.search.setPlaceholderText(translate("ui.browser", "Search questions (every word, anywhere: prompt, "
                                                 "options, key, facts, id)"))
        self.search.setAccessibleName(translate("ui.browser", "Search questions"))
        self.search.setClearButtonEnabled(True)
        self.topic = self._combo(translate("ui.browser", "Topic"))
        self.kind = self._combo(translate("ui.browser", "Kind"))
        self.fact = self._combo(translate("ui.browser", "Fact"))
        self.fact.setMinimumContentsLength(16)
        self.fact.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.origin = self._combo(translate("ui.browser", "Origin"))
        self.status = self._combo(translate("ui.browser", "Marks"))
        for combo, items in ((self.kind, [(kind_text(str(k)), str(k)) for k in KINDS]),
                             (self.origin, [(translate("ui.browser", "Authored"), AUTHORED),
                                            (translate("ui.browser", "Generated"), GENERATED)]),
                             (self.status, [(translate("ui.browser", "Flagged"), FLAGGED),
                                            (translate("ui.browser", "Suspended"), SUSPENDED),
                                            (translate("ui.browser", "Not suspended"), ACTIVE)])):
            for text, value in items:
                combo.addItem(text, value)
        filters = QHBoxLayout()
        search_label = QLabel(translate("ui.browser", "&Search:"))
        search_label.setBuddy(self.search)
        filters.addWidget(search_label)
        filters.addWidget(self.search, 3)
        for label, combo in ((translate("ui.browser", "&Topic:"), self.topic),
                             (translate("ui.browser", "&Kind:"), self.kind),
                             (translate("ui.browser", "F&act:"), self.fact),
                             (translate("ui.browser", "&Origin:"), self.origin),
                             (translate("ui.browser", "&Marks:"), self.status)):
            caption = QLabel(label)
            caption.setBuddy(combo)
            filters.addWidget(caption)
            filters.addWidget(combo, 1)

        self.model = QuestionTableModel(self)
        self.proxy = QuestionFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setAccessibleName(translate("ui.browser", "Questions"))
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # bank order until a header is clicked
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move in it
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())

        self.preview = QuestionPreview()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.preview)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.count = plain()
        self.count.setAccessibleName(translate("ui.browser", "Questions shown"))
        self.suspend_button = QPushButton(translate("ui.browser", "S&uspend"))
        self.suspend_button.setToolTip(translate("ui.browser", "Never ask, present or export this question for you "
                                                 "(again: unsuspend)"))
        self.suspend_button.clicked.connect(self.toggle_suspended)
        self.flag_button = QPushButton(translate("ui.browser", "&Flag"))
        self.flag_button.setToolTip(translate("ui.browser", "Mark this question to look at again (the Marks filter "
                                              "finds it)"))
        self.flag_button.clicked.connect(self.toggle_flagged)
        self.edit_button = QPushButton(translate("ui.browser", "&Edit…"))
        self.edit_button.setToolTip(translate("ui.browser", "Edit this question in the pack (a generated one: the "
                                              "figure, term, fact or quote it is made from)"))
        self.edit_button.clicked.connect(self._edit)
        close = QPushButton(translate("ui.browser", "&Close"))
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count, 1)
        for button in (self.suspend_button, self.flag_button, self.edit_button, close):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(self.search.setFocus)

        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self._filter)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        for combo in (self.topic, self.kind, self.fact, self.origin, self.status):
            combo.currentIndexChanged.connect(lambda _index: self._filter())
        # Bound methods, not lambdas: Qt disconnects them when the closed browser is deleted (a lambda
        # stayed connected and failed on its deleted table at the next pack switch).
        state.pack_changed.connect(self._pack_changed)
        state.learner_changed.connect(self._learner_changed)
        state.progress_changed.connect(self.reload)
        self.reload(fresh=True)
        self.search.setFocus()

    @staticmethod
    def _combo(name: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.addItem(translate("ui.browser", "All"), None)
        return combo

    # -- contents --------------------------------------------------------------------
    def _pack_changed(self, _pack_id: str) -> None:
        self.reload(fresh=True)

    def _learner_changed(self, _learner_id: int) -> None:
        self.reload()

    def reload(self, fresh: bool = False) -> None:
        """Rows from the facade again (answers, marks or the pack changed); the chosen question stays chosen."""
        chosen = self.current_id()
        pack = self.state.pack
        rows = self.workspace.question_rows(pack.id)
        if fresh:
            self._fill(self.topic, [(t.title, t.id) for t in pack.topics])
            self._fill(self.fact, [(fact, fact) for fact in facts_of(rows)])
        self.model.set_rows(rows)
        self._count()
        self.select(chosen)

    @staticmethod
    def _fill(combo: QComboBox, items: list[tuple[str, str]]) -> None:
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(translate("ui.browser", "All"), None)
        for text, value in items:
            combo.addItem(text, value)
        combo.blockSignals(False)

    def current_filter(self) -> QuestionFilter:
        return QuestionFilter(self.search.text(), self.topic.currentData(), self.kind.currentData(),
                              self.fact.currentData(), self.origin.currentData(), self.status.currentData())

    def _filter(self) -> None:
        chosen = self.current_id()
        self.proxy.set_filter(self.current_filter())
        self._count()
        if not self.select(chosen):
            self._show_current()

    def _count(self) -> None:
        rows = self.model.rows
        suspended = sum(r.suspended for r in rows)
        flagged = sum(r.flagged for r in rows)
        locale = QLocale()
        self.count.setText(translate("ui.browser", "{shown} of {total} questions shown · {suspended} suspended (left "
                                     "out of quizzes, presenter mode and exports) · {flagged} flagged").format(
            shown=locale.toString(self.proxy.rowCount()), total=locale.toString(len(rows)),
            suspended=locale.toString(suspended), flagged=locale.toString(flagged)))

    # -- the chosen question -------------------------------------------------------------
    def current_row(self) -> QuestionRow | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid():
            return None
        return self.model.rows[self.proxy.mapToSource(index).row()]

    def current_id(self) -> str | None:
        row = self.current_row()
        return row.id if row else None

    def select(self, question_id: str | None) -> bool:
        """Make ``question_id`` the chosen row if it is shown (else the first row); True if it was found."""
        found = next((n for n, r in enumerate(self.model.rows) if r.id == question_id), None) if question_id else None
        index = self.proxy.mapFromSource(self.model.index(found, 0)) if found is not None else QModelIndex()
        hit = index.isValid()
        if not hit and self.proxy.rowCount():
            index = self.proxy.index(0, 0)
        if index.isValid():
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            self.table.selectionModel().setCurrentIndex(index, flags)
            self.table.scrollTo(index)
        self._show_current()
        return hit

    def _show_current(self) -> None:
        row = self.current_row()
        self.preview.show_row(row)
        for button in (self.suspend_button, self.flag_button):
            button.setEnabled(row is not None and not self.workspace.read_only)
        self.suspend_button.setText(translate("ui.browser", "Uns&uspend") if row and row.suspended
                                    else translate("ui.browser", "S&uspend"))
        self.flag_button.setText(translate("ui.browser", "Un&flag") if row and row.flagged
                                 else translate("ui.browser", "&Flag"))
        self.edit_button.setEnabled(row is not None and record_to_edit(self.state.pack, row.question) is not None)

    # -- actions ----------------------------------------------------------------------------
    def toggle_suspended(self) -> None:
        row = self.current_row()
        if row is not None:
            what = (translate("ui.browser", "Unsuspending the question") if row.suspended
                    else translate("ui.browser", "Suspending the question"))
            operations.run(self, what, lambda: self.workspace.mark_question(row.id, pack_id=self.state.pack_id,
                                                                            suspended=not row.suspended),
                           changed=self.state.progress_changed.emit)

    def toggle_flagged(self) -> None:
        row = self.current_row()
        if row is not None:
            what = (translate("ui.browser", "Unflagging the question") if row.flagged
                    else translate("ui.browser", "Flagging the question"))
            operations.run(self, what, lambda: self.workspace.mark_question(row.id, pack_id=self.state.pack_id,
                                                                            flagged=not row.flagged),
                           changed=self.state.progress_changed.emit)

    def _edit(self) -> None:
        row = self.current_row()
        record = record_to_edit(self.state.pack, row.question) if row is not None else None
        if record is not None:
            self.edit_requested.emit(self.state.pack_id, *record)
