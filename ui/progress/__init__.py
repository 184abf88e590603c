"""The progress page: who is learning, and how they are doing.

Every number comes from :func:`quiz.stats.dashboard`, the same aggregates
``main.py stats`` prints. The page refreshes whenever it is shown, so an
answer given a moment ago is already counted.
"""

from __future__ import annotations

import datetime

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
from ui import i18n
from ui.accessible import press_on_enter
from ui.i18n import translate
from ui.progress.charts import BarChart, Series
from ui.progress.learners import LearnerBar, shown_name
from ui.state import AppState
from ui.text import plain, tooltip


def _pct(value: float | None) -> str:
    return "–" if value is None else i18n.percent(value)


def _day(iso: str) -> str:
    """An ISO day ("2026-11-25") as the interface's locale writes a short date."""
    return i18n.date(datetime.date.fromisoformat(iso))


def _plain(text: str = "", *, bold: bool = False, scale: float = 1.0) -> QLabel:
    return plain(text, bold=bold, scale=scale, selectable=False)



def summary_line(learner: str, answers: int, accuracy: float | None, seconds: float, due: int, read: int,
                 sections: int, due_now: int | None = None) -> str:
    """The line above the charts, in whole words: "1 answer", never "1 answers"; and the time as the time
    chart shows it, to a tenth of a minute while under ten minutes (a 12-second session read "0 minutes"
    beside a bar of 0.2). Today's reviews not due yet are told apart ("0 due now, 20 later today"): after a
    session every card answered is due again within minutes, and a learner read "20 reviews due today" as
    "do all 20 again now"."""
    number = i18n.number  # grouped in every locale, as everywhere else ("1,200 answers", also under LANG=C)
    minutes = seconds / 60
    shown = number(minutes, 1) if 0 < minutes < 10 else number(round(minutes))
    return translate("ui.progress", "{learner}: {answers}, {share} right, {time} in all · {due} today · {read}").format(
        learner=shown_name(learner), share=_pct(accuracy),
        answers=(translate("ui.progress", "{count} answer") if answers == 1
                 else translate("ui.progress", "{count} answers")).format(count=number(answers)),
        time=translate("ui.progress", "{minutes} minutes").format(minutes=shown),
        due=(translate("ui.progress", "{now} due now, {later} later").format(
            now=number(due_now), later=number(due - due_now)) if due_now is not None and due_now < due
            else (translate("ui.progress", "{count} review due") if due == 1
                  else translate("ui.progress", "{count} reviews due")).format(count=number(due))),
        read=(translate("ui.progress", "{read} of {sections} section read") if sections == 1
              else translate("ui.progress", "{read} of {sections} sections read")).format(
            read=number(read), sections=number(sections)))

class ProgressPage(QWidget):
    #: (pack_id, question ids): practise these now.
    practice_requested = Signal(str, list)

    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(translate("ui.progress", "Progress"))
        self.state = state
        self.workspace = state.workspace
        self.board: stats.Dashboard | None = None

        self.learners = LearnerBar(state)
        for signal in (state.pack_changed, state.learner_changed):
            signal.connect(lambda _changed: self._changed())
        state.progress_changed.connect(self._changed)
        self.summary = _plain(scale=1.15, bold=True)
        # its name is its text, the summary itself
        self.summary.setAccessibleDescription(translate("ui.progress", "Summary"))
        self.accuracy = BarChart(translate("ui.progress", "Accuracy per day (last 30 days)"), y_max=100, tick_every=7,
                                 value_label=translate("ui.progress", "% right"), zero_marks=True)
        self.time = BarChart(translate("ui.progress", "Time spent per day (minutes)"), tick_every=7,
                             value_label=translate("ui.progress", "minutes"))
        self.mastery = BarChart(translate("ui.progress", "Mastery by topic"), horizontal=True, y_max=100,
                                value_label="%")
        self.due = BarChart(translate("ui.progress", "Reviews due in the next 14 days"), tick_every=2,
                            value_label=translate("ui.progress", "reviews"), counts=True)
        self.charts = (self.accuracy, self.mastery, self.due, self.time)

        self.hardest = QTableWidget(0, 3)
        self.hardest.setAccessibleName(translate("ui.progress", "Hardest questions"))
        self.hardest.setTabKeyNavigation(False)  # one Tab stop: the arrow keys go from row to row, Tab moves on
        self.hardest.setHorizontalHeaderLabels([translate("ui.progress", "Question"), translate("ui.progress", "Right"),
                                                translate("ui.progress", "Tries")])
        self.hardest.verticalHeader().hide()
        self.hardest.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.hardest.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.hardest.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.hardest.setMinimumHeight(180)
        self.practise = QPushButton(translate("ui.progress", "&Practise these"))
        self.practise.setAccessibleName(translate("ui.progress", "Practise the hardest questions"))
        self.practise.clicked.connect(self._practise)
        press_on_enter(self.practise)
        self.sections = QListWidget()
        self.sections.setAccessibleName(translate("ui.progress", "Sections read"))
        self.sections.setMinimumHeight(140)
        # A long title wraps onto a second line rather than running under the edge behind a scroll bar.
        self.sections.setWordWrap(True)
        self.sections.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sections.setResizeMode(QListWidget.ResizeMode.Adjust)

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
        hard_box.addWidget(_plain(translate("ui.progress", "Hardest questions (lowest share right)"), bold=True))
        hard_box.addWidget(self.hardest)
        hard_box.addWidget(self.practise, alignment=Qt.AlignmentFlag.AlignLeft)
        read_box = QVBoxLayout()
        read_box.addWidget(_plain(translate("ui.progress", "Sections read"), bold=True))
        read_box.addWidget(self.sections)
        lower.addLayout(hard_box, 3)
        lower.addLayout(read_box, 2)
        column.addLayout(lower)
        scroll = QScrollArea()
        scroll.setAccessibleName(translate("ui.progress", "Progress dashboard"))
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        # Painted through, on the tab's own background (the same colour): a tab switch re-enables updates on
        # the page, and Qt painted an opaque scroll area once on its own and then again with the window, the
        # whole page twice at every show (14.6 → 11.1 ms). The page is a screen and a bit: it scrolls rarely,
        # where an opaque area would be scrolled by copying pixels.
        body.setAutoFillBackground(False)
        scroll.viewport().setAutoFillBackground(False)
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
        number = i18n.number
        self.summary.setText(summary_line(board.learner, board.answers, board.accuracy, board.seconds, due_today,
                                          sum(r for _, r in board.sections), len(board.sections), board.due_now))

        days = [d.day[5:] for d in board.days]
        self.accuracy.set_series(days, [Series(translate("ui.progress", "Right"), [
            None if d.accuracy is None else 100 * d.accuracy for d in board.days], [
            translate("ui.progress", "{day}: {right} of {answers} right ({share})").format(
                day=_day(d.day), right=number(d.correct), answers=number(d.answers), share=_pct(d.accuracy))
            for d in board.days])])
        self.time.set_series(days, [Series(translate("ui.progress", "Minutes"), [
            d.seconds / 60 if d.answers else None for d in board.days], [
            translate("ui.progress", "{day}: {minutes} minutes, {answers} answers").format(
                day=_day(d.day), minutes=number(d.seconds / 60, 1), answers=number(d.answers))
            for d in board.days])])
        self.mastery.set_series([t.title for t in board.topics], [
            # Each legend names its base: a tester read 8-21% "right on last try" after a flawless session (the
            # share is of all the topic's questions; the recall is of those studied).
            Series(translate("ui.progress", "Right on last try (of all its questions)"), [
                100 * t.share for t in board.topics], [
                translate("ui.progress", "{topic}: {right} of {questions} questions right on their last try "
                                         "({answered} answered)").format(
                    topic=t.title, right=number(t.right_last_time), questions=number(t.questions),
                    answered=number(t.answered)) for t in board.topics]),
            Series(translate("ui.progress", "Recall in a week (FSRS, of those studied)"), [
                None if t.recall_in_a_week is None else 100 * t.recall_in_a_week for t in board.topics], [
                translate("ui.progress", "{topic}: expected recall in a week without review {share}").format(
                    topic=t.title, share=_pct(t.recall_in_a_week)) for t in board.topics]),
        ])
        self.due.set_series([d[5:] for d, _ in board.due], [Series(translate("ui.progress", "Due"), [
            n for _, n in board.due], [
            translate("ui.progress", "{day}: {count} reviews due").format(day=_day(d), count=number(n))
            for d, n in board.due])])

        empty = "" if board.answers else translate(
            "ui.progress", "No answers yet. Answer a few questions in the Quiz tab and they show here.")
        for chart in self.charts:
            chart.set_empty_text(empty)

        self.hardest.setRowCount(len(board.hardest))
        for row, hard in enumerate(board.hardest):
            for col, text in enumerate((hard.prompt, _pct(hard.success), i18n.number(hard.attempts))):
                item = QTableWidgetItem(text)
                item.setToolTip(tooltip(text))
                item.setData(Qt.ItemDataRole.UserRole, hard.question_id)
                self.hardest.setItem(row, col, item)
        self.hardest.resizeColumnsToContents()
        self.hardest.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Each question whole, on as many lines as it needs (one line cut it with "…"), again at each width.
        self.hardest.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.practise.setEnabled(bool(board.hardest))
        self.sections.clear()
        for title, read in board.sections:
            mark = translate("ui.progress", "✓ Read") if read else translate("ui.progress", "○ Not read yet")
            self.sections.addItem(f"{mark} — {title}")

    def restyle(self) -> None:
        """Theme changed: the charts are drawn again in its colours, in the next idle moment (also if hidden)."""
        for chart in self.charts:
            chart.redraw()

    def _practise(self) -> None:
        if self.board and self.board.hardest:
            self.practice_requested.emit(self.state.pack_id, [h.question_id for h in self.board.hardest])
