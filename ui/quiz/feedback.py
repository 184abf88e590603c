"""The feedback panel shown after each answer in practice: it teaches, not only marks.

In reading order: the verdict (an icon, words and colour, never colour
alone) and the answer; what the learner's wrong choice really is (the pack's
per-option feedback, e.g. "That is NHK's figure"); the correction of a false
statement; the explanation; for a table question, the table with the cells
the learner got wrong and right marked; every citation with its outlet; and
a button that opens the briefing at the section to read.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from content.model import Table
from quiz.grade import Grade, PairResult
from quiz.questions import Kind, QuizQuestion
from ui import i18n, theme
from ui.accessible import announce
from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.quiz.style import GLYPHS, INFO, RIGHT, WRONG, ToneBox, tint_text, tone, verdict_icon, verdict_state
from ui.text import plain, tooltip

VERDICT = "verdict"
VERDICT_TEXT = "verdictText"
#: The engine's verdicts and fixed notes (quiz.grade, in English), translated where shown.
ENGINE_WORDS = (QT_TRANSLATE_NOOP("ui.quiz.feedback", "Correct"),
                QT_TRANSLATE_NOOP("ui.quiz.feedback", "Partly correct"),
                QT_TRANSLATE_NOOP("ui.quiz.feedback", "Not correct"),
                QT_TRANSLATE_NOOP("ui.quiz.feedback",
                                  "Each option belongs to one row only: a repeated choice earns nothing."))


def table_cells(question: QuizQuestion, grade: Grade, table: Table) -> dict[tuple[int, int], PairResult]:
    """Which cell of ``table`` each graded item is about: (row, column) → its result.

    Column 0 is the row label, so the pack's first column is 1. A grid
    question ("Primary Goal: Deflation exit…" → "Abenomics") is about the cell
    in that row under that column; a matching question (row label → cell
    text) about the cell holding the text in that row.
    """
    cells: dict[tuple[int, int], PairResult] = {}
    for result in grade.pairs:
        for r, row in enumerate(table.rows):
            for c, (column, cell) in enumerate(zip(table.columns, row.cells, strict=False)):
                grid = question.kind == Kind.CLASSIFY and result.left == f"{row.label}: {cell}" \
                    and result.expected == column
                matched = question.kind == Kind.MATCHING and result.left == row.label and result.expected == cell
                if grid or matched:
                    cells[(r, c + 1)] = result
    return cells


def option_feedback(question: QuizQuestion, grade: Grade, response: Any) -> list[str]:
    """The pack's words on what the learner chose (or missed): what a wrong option really is."""
    if question.kind in (Kind.CHOICE, Kind.SCENARIO):
        text = question.feedback_for(str(response)) if response is not None else ""
        return [text] if text else []
    notes = []
    for result in grade.pairs:
        if not result.correct:
            text = question.feedback_for(result.left) or (question.feedback_for(result.given or "")
                                                           if result.given else "")
            if text and text not in notes:
                notes.append(text)
    return notes


def answer_line(question: QuizQuestion, grade: Grade) -> str:
    """The key, in words, after a wrong answer (the grid kinds mark it row by row above)."""
    if question.kind == Kind.ORDER:
        return translate("ui.quiz.feedback", "The right order: {answer}").format(answer=grade.expected)
    if question.kind == Kind.MULTI:
        return translate("ui.quiz.feedback", "The ones that apply: {answer}").format(answer=grade.expected)
    if grade.pairs:
        return translate("ui.quiz.feedback", "The right answer is marked on each row above.")
    # A true/false key stays in the pack's words (True for an English pack), as the question and its buttons.
    return translate("ui.quiz.feedback", "The answer is: {answer}").format(answer=grade.expected)


def explanation_text(question: QuizQuestion) -> str:
    """The explanation without what the verdict and the correction already say, in the pack's language
    ("True. " in English, "誤り。" in Japanese: :attr:`QuizQuestion.explanation_after_verdict`)."""
    return question.explanation_after_verdict


def multi_verdict(verdict: str, grade: Grade) -> str:
    """A select-all verdict in the terms its credit is given in: the right ones ticked, and any wrong one
    ticked (each takes one back). "3 of 5 right", counting the options left rightly unticked, stood beside
    a third of a point."""
    wanted = [p for p in grade.pairs if p.expected == "ticked"]
    found = sum(p.given == "ticked" for p in wanted)
    wrong = sum(p.given == "ticked" for p in grade.pairs if p.expected != "ticked")
    fields = {"verdict": verdict, "found": i18n.number(found), "count": i18n.number(len(wanted)),
              "wrong": i18n.number(wrong)}
    if wrong:
        return translate("ui.quiz.feedback", "{verdict}: {found} of the {count} that apply ticked, and {wrong} "
                                             "that do not (each takes one back).").format(**fields)
    return translate("ui.quiz.feedback", "{verdict}: {found} of the {count} that apply ticked.").format(**fields)


def verdict_sentence(template: str, verdict: str) -> str:
    """The verdict as a sentence: ``template`` ("{verdict}." or its translation) around ``verdict``.

    The verdict is in the pack's language (不正解 for a Japanese pack) and the template in the
    interface's: a full-width word takes no ASCII full stop ("不正解", not "不正解.")."""
    if template.endswith(".") and verdict and unicodedata.east_asian_width(verdict[-1]) in ("W", "F"):
        template = template[:-1]
    return template.format(verdict=verdict)


class FeedbackPanel(QFrame):
    #: the learner asked to read the question's section in the briefing (section id)
    read_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("feedback")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(translate("ui.quiz.feedback", "Feedback"))
        # It takes the focus when it appears (a screen reader reads its name, the verdict); Enter and the
        # digit keys still reach the quiz page, and ↑/↓ scroll it.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.state: str | None = None
        self.section = ""
        self.cells: dict[tuple[int, int], PairResult] = {}  # the table's graded cells (tinted again on a new theme)
        layout = QVBoxLayout(self)
        layout.setSpacing(8)

        self.banner = ToneBox(left_bar=True)
        self.banner.setObjectName(VERDICT)
        banner = QHBoxLayout(self.banner)
        banner.setContentsMargins(10, 6, 10, 6)
        self.icon = QLabel()
        self.icon.setFixedSize(30, 30)
        self.icon.setAccessibleDescription(translate("ui.quiz.feedback", "Verdict icon"))
        self.verdict_label = plain(bold=True, scale=1.2)
        self.verdict_label.setObjectName(VERDICT_TEXT)
        # Labels are read by their text (the verdict itself); the description says what they are.
        self.verdict_label.setAccessibleDescription(translate("ui.quiz.feedback", "Verdict"))
        banner.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.verdict_label)
        self.answer_label = plain()
        self.answer_label.setAccessibleDescription(translate("ui.quiz.feedback", "The answer"))
        text.addWidget(self.answer_label)
        self.note_label = plain()
        self.note_label.setAccessibleDescription(translate("ui.quiz.feedback", "Note"))
        text.addWidget(self.note_label)
        banner.addLayout(text, 1)
        layout.addWidget(self.banner)

        # Caption | text, one row each; a row shows only when it has something to say.
        self.details = QGridLayout()
        self.details.setHorizontalSpacing(12)
        self.details.setVerticalSpacing(6)
        self.details.setColumnStretch(1, 1)
        self.captions: dict[QLabel, QLabel] = {}
        self.about_label = self._detail(translate("ui.quiz.feedback", "About your answer"))
        self.correction_label = self._detail(translate("ui.quiz.feedback", "What the article says"))
        self.explanation_label = self._detail(translate("ui.quiz.feedback", "Why"))
        layout.addLayout(self.details)

        self.table_title = plain(bold=True)
        self.table = QTableWidget()
        self.table.setAccessibleName(translate("ui.quiz.feedback", "The article's table"))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setWordWrap(True)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table_legend = plain(scale=0.9)
        for widget in (self.table_title, self.table, self.table_legend):
            layout.addWidget(widget)

        self.sources = QGridLayout()
        self.sources.setHorizontalSpacing(12)
        self.sources.setColumnStretch(1, 1)
        self.quote_label = self._detail(translate("ui.quiz.feedback", "From the article"), self.sources)
        self.sources_title = self.captions[self.quote_label]
        layout.addLayout(self.sources)
        self.read_button = QPushButton(translate("ui.quiz.feedback", "&Read this in the briefing"))
        self.read_button.setAutoDefault(True)  # Enter on the focused button opens the briefing
        self.read_button.clicked.connect(lambda: self.read_requested.emit(self.section))
        layout.addWidget(self.read_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """Its frame, and the theme's focus ring while it has the focus (it takes it after each answer)."""
        super().paintEvent(event)
        theme.ring_if_focused(self)

    def _detail(self, caption: str, grid: QGridLayout | None = None) -> QLabel:
        grid = grid or self.details
        title = plain(caption, bold=True)
        title.setWordWrap(False)  # a few words: wrapped, a Japanese caption broke mid-word (記事からの引 / 用)
        title.setAccessibleName(caption)
        text = plain()
        text.setAccessibleDescription(caption)
        row = grid.rowCount()
        grid.addWidget(title, row, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(text, row, 1)
        self.captions[text] = title
        return text

    # -- content -------------------------------------------------------------------------
    def show_message(self, text: str) -> None:
        """A short message instead of feedback (e.g. nothing was chosen yet)."""
        self._clear()
        self.state = INFO
        self.icon.clear()
        self.icon.hide()
        self.verdict_label.setText(text)
        self._say(text)
        self.restyle()
        self.show()

    def show_grade(self, question: QuizQuestion, grade: Grade, response: Any, table: Table | None = None) -> None:
        self.state = verdict_state(grade.correct, grade.score)
        self.icon.show()
        said = translate("ui.quiz.feedback", grade.verdict)
        verdict = verdict_sentence(translate("ui.quiz.feedback", "{verdict}."), said)
        if grade.pairs and not grade.correct and question.kind == Kind.MULTI:
            verdict = multi_verdict(said, grade)
        elif grade.pairs and not grade.correct:
            right = sum(p.correct for p in grade.pairs)
            verdict = translate("ui.quiz.feedback", "{verdict}: {right} of {count} right.").format(
                verdict=said, right=i18n.number(right), count=i18n.number(len(grade.pairs)))
        self.verdict_label.setText(verdict)
        self.icon.setAccessibleName(verdict)
        about = option_feedback(question, grade, response)
        self._fill({
            self.answer_label: answer_line(question, grade) if not grade.correct else "",
            self.note_label: translate("ui.quiz.feedback", grade.note) if grade.note else "",
            self.about_label: (about[0] if len(about) == 1 else "\n".join(f"• {line}" for line in about)) if about
            else "",
            self.correction_label: question.correction,
            self.explanation_label: explanation_text(question),
            self.quote_label: "\n".join(str(c) for c in question.citations),
        })
        if table is not None:
            self._show_table(question, grade, table)
        else:
            self._hide_table()
        self.section = question.section
        self.read_button.setVisible(bool(question.section))
        self._align_captions()
        self._say(verdict)
        self.restyle()
        self.show()

    def _align_captions(self) -> None:
        """The captions of both grids (the details, the sources under the table) one column as wide as the
        widest, in today's language and text size: the texts beside them start at one edge."""
        width = max(title.sizeHint().width() for title in self.captions.values())
        for title in self.captions.values():
            if title.minimumWidth() != width:
                title.setMinimumWidth(width)

    def _say(self, verdict: str) -> None:
        """The panel is named by its verdict and described by all it says; the verdict is announced."""
        self.setAccessibleName(translate("ui.quiz.feedback", "Feedback: {verdict}").format(verdict=verdict))
        shown = [self.answer_label, self.note_label, self.about_label, self.correction_label,
                 self.explanation_label, self.quote_label]
        self.setAccessibleDescription(" ".join(label.text() for label in shown if label.text()))
        announce(self.verdict_label, verdict)

    def _set(self, label: QLabel, text: str) -> None:
        """``text`` on ``label``, shown only with something to say (and its caption with it)."""
        if label.text() != text:
            label.setText(text)
        for widget in (label, self.captions.get(label)):
            if widget is not None and widget.isHidden() == bool(text):  # only a change: each show or hide
                widget.setVisible(bool(text))  # is events and a new layout for the panel

    def _fill(self, texts: dict[QLabel, str]) -> None:
        """Each text label set once to what it says now: hiding them all first and showing most of them again
        was twice the events and layout work of each answer."""
        for label, text in texts.items():
            self._set(label, text)

    def _hide_table(self) -> None:
        """No table: none shown, and no graded cells to tint."""
        self.cells = {}
        for widget in (self.table_title, self.table, self.table_legend):
            if not widget.isHidden():
                widget.hide()

    def _clear(self) -> None:
        self._fill({label: "" for label in (self.answer_label, self.note_label, self.about_label,
                                             self.correction_label, self.explanation_label, self.quote_label)})
        self._hide_table()
        self.read_button.hide()

    def _show_table(self, question: QuizQuestion, grade: Grade, table: Table) -> None:
        self.cells = table_cells(question, grade, table)
        widget = self.table
        widget.clear()
        widget.setRowCount(len(table.rows))
        widget.setColumnCount(len(table.columns) + 1)
        widget.setHorizontalHeaderLabels([table.row_header, *table.columns])
        for r, row in enumerate(table.rows):
            for c, text in enumerate([row.label, *row.cells]):
                result = self.cells.get((r, c))
                if result is not None and result.correct:
                    shown, tip = f"{GLYPHS[RIGHT]} {text}", translate("ui.quiz.feedback", "Right: {cell}").format(
                        cell=text)
                elif result is not None:
                    placed = translate("ui.quiz.feedback", "you put it under {given}").format(given=result.given) \
                        if question.kind == Kind.CLASSIFY and result.given \
                        else (translate("ui.quiz.feedback", "you chose {given}").format(given=result.given)
                              if result.given else translate("ui.quiz.feedback", "not answered"))
                    shown = f"{GLYPHS[WRONG]} {text}\n({placed})"
                    tip = translate("ui.quiz.feedback", "Wrong: {cell} ({placed})").format(cell=text, placed=placed)
                else:
                    shown, tip = text, text
                item = QTableWidgetItem(shown)
                item.setToolTip(tooltip(tip))
                item.setData(Qt.ItemDataRole.AccessibleTextRole, tip)  # "Wrong: …", not a bare ✗
                if c == 0:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                widget.setItem(r, c, item)
        self._tint_table()
        header = widget.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for c in range(1, len(table.columns) + 1):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch)
        wrong = sum(not r.correct for r in self.cells.values())
        self.table_title.setText(translate("ui.quiz.feedback", "The article's table: {title}").format(
            title=table.title))
        if wrong:
            legend = translate("ui.quiz.feedback", "{wrong_mark} marks the {count} cell you got wrong, "
                                                   "{right_mark} the ones you got right.") if wrong == 1 else \
                translate("ui.quiz.feedback", "{wrong_mark} marks the {count} cells you got wrong, {right_mark} the "
                                              "ones you got right.")
        else:
            legend = translate("ui.quiz.feedback", "{right_mark} marks every cell you placed: all right.")
        self.table_legend.setText(legend.format(wrong_mark=GLYPHS[WRONG], right_mark=GLYPHS[RIGHT],
                                                count=i18n.number(wrong)))
        for w in (self.table_title, self.table, self.table_legend):
            w.show()
        self.fit_table()

    def fit_table(self) -> None:
        """The whole table, no inner scroll bar: rows as tall as their wrapped text."""
        widget = self.table
        widget.resizeRowsToContents()
        height = widget.horizontalHeader().height() + sum(widget.rowHeight(r) for r in range(widget.rowCount()))
        widget.setFixedHeight(height + 2 * widget.frameWidth() + 2)

    def _tint_table(self) -> None:
        for (r, c), result in self.cells.items():
            item = self.table.item(r, c)
            if item is None:
                continue
            colours = tone(self, RIGHT if result.correct else WRONG)
            item.setBackground(QBrush(QColor(colours.background)))
            item.setForeground(QBrush(QColor(colours.text)))
            font = item.font()
            font.setBold(not result.correct)
            item.setFont(font)

    def restyle(self) -> None:
        """Colours for the current verdict and theme (called again when the palette changes): the banner
        paints itself in the verdict's tones, the verdict's words take its colour."""
        self.banner.set_state(self.state)
        self.banner.update()
        tint_text(self.verdict_label, tone(self, self.state).text if self.state else None)
        if self.state is None:
            return
        if self.state != INFO:
            self.icon.setPixmap(verdict_icon(self, self.state, 28))
        self._tint_table()
