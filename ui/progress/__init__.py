"""The progress page: who is learning, and how they are doing.

Every number comes from :func:`quiz.stats.dashboard`, the same aggregates
``main.py stats`` prints. The page refreshes whenever it is shown, so an
answer given a moment ago is already counted.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from quiz import stats
from ui.accessible import press_on_enter
from ui.progress.charts import BarChart, Series
from ui.progress.learners import LearnerBar
from ui.state import AppState
from ui.text import plain, tooltip


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def _plain(text: str = "", *, bold: bool = False, scale: float = 1.0) -> QLabel:
    return plain(text, bold=bold, scale=scale, selectable=False)


class ProgressPage(QWidget):
    #: (pack_id, question ids): practise these now.
    practice_requested = Signal(str, list)

    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Progress")
        self.state = state
        self.workspace = state.workspace
        self.board: stats.Dashboard | None = None

        self.learners = LearnerBar(state)
        for signal in (state.pack_changed, state.learner_changed):
            signal.connect(lambda _changed: self._changed())
        state.progress_changed.connect(self._changed)
        self.summary = _plain(scale=1.15, bold=True)
        self.summary.setAccessibleDescription("Summary")  # its name is its text, the summary itself
        self.accuracy = BarChart("Accuracy per day (last 30 days)", y_max=100, tick_every=7, value_label="% right")
        self.time = BarChart("Time spent per day (minutes)", tick_every=7, value_label="minutes")
        self.mastery = BarChart("Mastery by topic", horizontal=True, y_max=100, value_label="%")
        self.due = BarChart("Reviews due in the next 14 days", tick_every=2, value_label="reviews")
        self.charts = (self.accuracy, self.mastery, self.due, self.time)

        self.hardest = QTableWidget(0, 3)
        self.hardest.setAccessibleName("Hardest questions")
        self.hardest.setTabKeyNavigation(False)  # one Tab stop: the arrow keys go from row to row, Tab moves on
        self.hardest.setHorizontalHeaderLabels(["Question", "Right", "Tries"])
        self.hardest.verticalHeader().hide()
        self.hardest.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.hardest.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.hardest.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.hardest.setMinimumHeight(180)
        self.practise = QPushButton("&Practise these")
        self.practise.setAccessibleName("Practise the hardest questions")
        self.practise.clicked.connect(self._practise)
        press_on_enter(self.practise)
        self.sections = QListWidget()
        self.sections.setAccessibleName("Sections read")
        self.sections.setMinimumHeight(140)

        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(16, 12, 16, 16)
        column.addWidget(self.learners)
        column.addWidget(self.summary)
        grid = QGridLayout()
        for index, chart in enumerate(self.charts):
            grid.addWidget(chart, index // 2, index % 2)
        column.addLayout(grid)
        lower = QHBoxLayout()
        hard_box = QVBoxLayout()
        hard_box.addWidget(_plain("Hardest questions (lowest share right)", bold=True))
        hard_box.addWidget(self.hardest)
        hard_box.addWidget(self.practise, alignment=Qt.AlignmentFlag.AlignLeft)
        read_box = QVBoxLayout()
        read_box.addWidget(_plain("Sections read", bold=True))
        read_box.addWidget(self.sections)
        lower.addLayout(hard_box, 3)
        lower.addLayout(read_box, 2)
        column.addLayout(lower)
        scroll = QScrollArea()
        scroll.setAccessibleName("Progress dashboard")
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.refresh()

    def _changed(self) -> None:
        if self.isVisible():
            self.refresh()  # otherwise when shown

    def refresh(self) -> None:
        """Show the current figures (the facade recomputes them only when something was answered or read)."""
        board = self.workspace.dashboard(self.state.pack_id)
        if board is self.board:
            return  # nothing new since it was last drawn
        self.board = board
        due_today = board.due[0][1] if board.due else 0
        self.summary.setText(
            f"{board.learner}: {board.answers} answers, {_pct(board.accuracy)} right, "
            f"{board.seconds / 60:.0f} minutes in all · {due_today} reviews due today · "
            f"{sum(r for _, r in board.sections)} of {len(board.sections)} sections read")

        days = [d.day[5:] for d in board.days]
        self.accuracy.set_series(days, [Series("Right", [
            None if d.accuracy is None else 100 * d.accuracy for d in board.days], [
            f"{d.day}: {d.correct} of {d.answers} right ({_pct(d.accuracy)})" for d in board.days])])
        self.time.set_series(days, [Series("Minutes", [d.seconds / 60 if d.answers else None for d in board.days], [
            f"{d.day}: {d.seconds / 60:.1f} minutes, {d.answers} answers" for d in board.days])])
        self.mastery.set_series([t.title for t in board.topics], [
            Series("Right on last try", [100 * t.share for t in board.topics], [
                f"{t.title}: {t.right_last_time} of {t.questions} questions right on their last try "
                f"({t.answered} answered)" for t in board.topics]),
            Series("Recall now (FSRS)", [None if t.retrievability is None else 100 * t.retrievability
                                         for t in board.topics], [
                f"{t.title}: expected recall {_pct(t.retrievability)}" for t in board.topics]),
        ])
        self.due.set_series([d[5:] for d, _ in board.due], [Series("Due", [n for _, n in board.due], [
            f"{d}: {n} reviews due" for d, n in board.due])])

        self.hardest.setRowCount(len(board.hardest))
        for row, hard in enumerate(board.hardest):
            for col, text in enumerate((hard.prompt, _pct(hard.success), str(hard.attempts))):
                item = QTableWidgetItem(text)
                item.setToolTip(tooltip(text))
                item.setData(Qt.ItemDataRole.UserRole, hard.question_id)
                self.hardest.setItem(row, col, item)
        self.hardest.resizeColumnsToContents()
        self.hardest.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.practise.setEnabled(bool(board.hardest))
        self.sections.clear()
        for title, read in board.sections:
            self.sections.addItem(f"{'✓ Read' if read else '○ Not read yet'} — {title}")

    def restyle(self) -> None:
        """Theme changed: the charts are drawn again in its colours, in the next idle moment (also if hidden)."""
        for chart in self.charts:
            chart.redraw()

    def _practise(self) -> None:
        if self.board and self.board.hardest:
            self.practice_requested.emit(self.state.pack_id, [h.question_id for h in self.board.hardest])
