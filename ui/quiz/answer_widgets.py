"""Answer inputs, one per question kind; each reports a response the engine can grade
and, once graded, marks every option or row it holds (in words and a glyph, then colour).

All of them work from the keyboard alone:

- one option (choice, scenario, true/false): digits pick;
- select all (multi): digits tick and untick;
- order: digits select an item, Alt+↑/↓ (or Ctrl+↑/↓, or the Move up/down
  buttons) move it, ↑/↓ select the neighbour;
- classify: Tab or ↑/↓ go from statement to statement, digits put the focused
  one in a category (and go on to the next), ←/→ step through the categories;
- matching: Tab goes from row to row, digits pick the option of the focused
  row (and go on to the next). An option already used in another row says so.

Every string from the pack is shown as plain text (and as a literal ``&`` in
button texts), never as markup.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QFont, QFontMetrics, QKeyEvent, QMouseEvent, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from quiz.grade import Grade, true_false_words
from quiz.questions import Kind, QuizQuestion
from ui import theme
from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.quiz.style import GLYPHS, INFO, NEUTRAL, RIGHT, WRONG, ToneBox, mark_colour, tint_text
from ui.text import relative_font

PLACEHOLDER = QT_TRANSLATE_NOOP("ui.quiz.answer_widgets", "— choose —")
ROW = "answerRow"
MARK = "answerMark"
MOVE_KEYS = (Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier)


def _digit(event: QKeyEvent) -> int:
    """1-9 for a plain digit key, else 0."""
    key = event.key()
    if Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and not event.modifiers() & (
            Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ControlModifier):
        return key - Qt.Key.Key_0
    return 0


def mnemonic_safe(text: str) -> str:
    """Pack text in a button label: a literal ``&`` is not a keyboard shortcut."""
    return text.replace("&", "&&")


class _Text(QLabel):
    """A word-wrapped plain-text label; a click on it is a click on its ``buddy`` button."""

    clicked = Signal()

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        # Widened, keeping the height-for-width that word wrap set: a new QSizePolicy(Expanding, Preferred)
        # dropped it, and the layout gave a long option the height of its text wrapped at ~200 px, two or
        # three lines tall, with the one line of text centred 11 px below its number.
        policy = self.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Expanding)
        self.setSizePolicy(policy)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class MarkedRow(ToneBox):
    """One row of an answer (an option, a statement, a pair, an item).

    After grading it is tinted and gets a line of words under it ("✗ your
    answer", "✓ right answer"): the mark says it, the colour only repeats it.
    With the keyboard focus it shows the theme's focus ring.
    """

    def __init__(self, parent: QWidget | None = None, *, inline: bool = False):
        """``inline``: the mark goes on the row's own line (call :meth:`place_mark`), not under it."""
        super().__init__(parent)
        self.setObjectName(ROW)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 4, 8, 4)
        outer.setSpacing(2)
        self.line = QHBoxLayout()
        outer.addLayout(self.line)
        self.mark = _Text()
        self.mark.setObjectName(MARK)
        # its name is its text: "✗ your answer"
        self.mark.setAccessibleDescription(translate("ui.quiz.answer_widgets", "Mark"))
        self.mark.hide()
        if not inline:
            outer.addWidget(self.mark)
        self.restyle()

    def place_mark(self, stretch: int = 2) -> None:
        """Put an inline mark here on the row's line (it shows after grading)."""
        self.line.addWidget(self.mark, stretch, Qt.AlignmentFlag.AlignTop)

    def set_mark(self, state: str, words: str) -> None:
        self.set_state(state)
        self.mark.setText(f"{GLYPHS[state]} {words}".strip())
        self.mark.show()
        self.setAccessibleDescription(self.mark.text())
        self.restyle()

    def restyle(self) -> None:
        """The mark's words in the state's colour for the theme on show (the box paints itself)."""
        tint_text(self.mark, mark_colour(self, self.state) if self.state else None, bold=True)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        theme.ring_if_focused(self)


class AnswerWidget(QWidget):
    """Base: ``response()`` is None until the learner has given an answer."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[MarkedRow] = []

    def response(self) -> Any:
        raise NotImplementedError

    def pick(self, number: int) -> bool:
        """Digit key ``number`` (1-based); True if it was used."""
        return False

    def lock(self) -> None:
        """No more input. Inputs are disabled one by one so the rows and their marks stay readable."""
        for widget in self.findChildren(QWidget):
            if isinstance(widget, QAbstractButton | QComboBox | QLineEdit):
                widget.setEnabled(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for row in self.rows:
            row.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def show_result(self, grade: Grade) -> None:
        """Mark what was right and what was not (after :meth:`lock`)."""

    def restyle(self) -> None:
        for row in self.rows:
            row.restyle()

    def marks(self) -> list[str]:
        """The words of every mark shown, row by row ("" for an unmarked row)."""
        return [row.mark.text() if not row.mark.isHidden() else "" for row in self.rows]


def _column() -> QVBoxLayout:
    layout = QVBoxLayout()
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(4)
    return layout


class OptionRow(MarkedRow):
    """A radio button or check box numbered 1-9, with its option text word-wrapped beside it."""

    def __init__(self, button: QAbstractButton, number: int, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.button, self.text = button, text
        button.setText(f"&{number}." if number <= 9 else f"{number}.")
        button.setAccessibleName(translate("ui.quiz.answer_widgets", "Choice {number}: {text}").format(
            number=number, text=text))
        self.label = _Text(text)
        self.label.clicked.connect(self._clicked)
        self.line.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self.line.addWidget(self.label, 1)

    def _clicked(self) -> None:
        if self.button.isEnabled():
            self.button.click()
            self.button.setFocus()


class ChoiceAnswer(AnswerWidget):
    """One option: choice, scenario and true/false."""

    def __init__(self, options: list[tuple[str, str]], right: str | None = None, parent: QWidget | None = None):
        """``options`` are (shown text, response value) pairs; ``right`` is the right value."""
        super().__init__(parent)
        layout = _column()
        self.setLayout(layout)
        self.group = QButtonGroup(self)
        self.values = [value for _, value in options]
        self.right = right
        for index, (text, _) in enumerate(options):
            button = QRadioButton()
            self.group.addButton(button, index)
            row = OptionRow(button, index + 1, text)
            self.rows.append(row)
            layout.addWidget(row)
            if index == 0:
                self.setFocusProxy(button)
        self.group.idToggled.connect(lambda *_: self.changed.emit())

    def response(self) -> Any:
        index = self.group.checkedId()
        return self.values[index] if index >= 0 else None

    def pick(self, number: int) -> bool:
        button = self.group.button(number - 1)
        if button is None or not button.isEnabled():
            return False
        button.setChecked(True)
        button.setFocus()
        return True

    def show_result(self, grade: Grade) -> None:
        chosen = self.response()
        for row, value in zip(self.rows, self.values, strict=True):
            if value == self.right:
                row.set_mark(RIGHT, translate("ui.quiz.answer_widgets", "your answer: right") if value == chosen
                             else translate("ui.quiz.answer_widgets", "the right answer"))
            elif value == chosen:
                row.set_mark(WRONG, translate("ui.quiz.answer_widgets", "your answer: not right"))


class MultiAnswer(AnswerWidget):
    """Select all that apply: one check box per option; digits tick and untick."""

    def __init__(self, question: QuizQuestion, parent: QWidget | None = None):
        super().__init__(parent)
        layout = _column()
        self.setLayout(layout)
        layout.addWidget(_hint(translate("ui.quiz.answer_widgets",
                                         "Tick every option that applies (digits tick and untick).")))
        self.options = list(question.choices)
        self.boxes: list[QCheckBox] = []
        for index, text in enumerate(self.options):
            box = QCheckBox()
            box.toggled.connect(lambda *_: self.changed.emit())
            row = OptionRow(box, index + 1, text)
            self.boxes.append(box)
            self.rows.append(row)
            layout.addWidget(row)
        if self.boxes:
            self.setFocusProxy(self.boxes[0])

    def response(self) -> Any:
        ticked = [option for option, box in zip(self.options, self.boxes, strict=True) if box.isChecked()]
        return ticked or None

    def pick(self, number: int) -> bool:
        if not 1 <= number <= len(self.boxes) or not self.boxes[number - 1].isEnabled():
            return False
        box = self.boxes[number - 1]
        box.toggle()
        box.setFocus()
        return True

    def show_result(self, grade: Grade) -> None:
        words = {
            ("ticked", "ticked"): (RIGHT, translate("ui.quiz.answer_widgets", "ticked: right, it applies")),
            ("not ticked", "ticked"): (WRONG, translate("ui.quiz.answer_widgets", "missed: this one applies too")),
            ("ticked", "not ticked"): (WRONG, translate("ui.quiz.answer_widgets", "ticked, but it does not apply")),
            ("not ticked", "not ticked"): (NEUTRAL, translate("ui.quiz.answer_widgets", "rightly left unticked"))}
        results = {p.left: p for p in grade.pairs}
        for row, option in zip(self.rows, self.options, strict=True):
            result = results.get(option)
            if result is not None:
                row.set_mark(*words[(result.given or "not ticked", result.expected)])


class TextAnswer(AnswerWidget):
    """A typed word, phrase or number."""

    def __init__(self, placeholder: str, parent: QWidget | None = None):
        super().__init__(parent)
        layout = _column()
        self.setLayout(layout)
        row = MarkedRow()
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder)
        self.edit.setAccessibleName(translate("ui.quiz.answer_widgets", "Your answer"))
        self.edit.setAccessibleDescription(placeholder)
        self.edit.textChanged.connect(lambda *_: self.changed.emit())
        row.line.addWidget(self.edit)
        self.rows.append(row)
        layout.addWidget(row)
        self.setFocusProxy(self.edit)

    def response(self) -> Any:
        text = self.edit.text().strip()
        return text or None

    def show_result(self, grade: Grade) -> None:
        if grade.correct:
            self.rows[0].set_mark(RIGHT, translate("ui.quiz.answer_widgets", "your answer: right"))
        else:
            self.rows[0].set_mark(WRONG, translate("ui.quiz.answer_widgets", "your answer: not right"))


class MatchingAnswer(AnswerWidget):
    """One row per left item, each with a drop-down of every right item.

    Each right item fits one row only (the grader gives no credit for a reused
    one), so an option already chosen in another row says so in every list,
    and a reused option is named under the rows.
    """

    def __init__(self, question: QuizQuestion, parent: QWidget | None = None):
        super().__init__(parent)
        layout = _column()
        self.setLayout(layout)
        layout.addWidget(_hint(translate("ui.quiz.answer_widgets", "Pick the match for each row (Tab: next row; "
                                                                   "digits pick). Each option fits one row.")))
        rights = sorted({right for _, right in question.pairs})
        self.options = rights
        self.combos: dict[str, QComboBox] = {}
        self.row_of: dict[str, MarkedRow] = {}
        for left, _ in question.pairs:
            combo = QComboBox()
            combo.addItem(translate("ui.quiz.answer_widgets", PLACEHOLDER))
            for number, right in enumerate(rights, 1):
                combo.addItem(f"{number}. {right}", right)
            combo.setAccessibleName(translate("ui.quiz.answer_widgets", "Match for {left}").format(left=left))
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(min(40, max(len(r) for r in rights) + 16))
            combo.currentIndexChanged.connect(self._changed)
            combo.installEventFilter(self)
            row = MarkedRow()
            row.line.addWidget(_Text(left), 3)
            row.line.addWidget(combo, 2, Qt.AlignmentFlag.AlignTop)
            self.rows.append(row)
            self.row_of[left] = row
            layout.addWidget(row)
            self.combos[left] = combo
        self.reused = _Text()
        self.reused.setAccessibleName(translate("ui.quiz.answer_widgets", "Options used twice"))
        self.reused.hide()
        layout.addWidget(self.reused)
        self.setFocusProxy(next(iter(self.combos.values())))

    def _changed(self) -> None:
        """Mark, in every list, the options another row already uses; name an option used twice."""
        used: dict[str, list[int]] = {}
        lefts = list(self.combos)
        for index, left in enumerate(lefts):
            value = self.combos[left].currentData()
            if value is not None:
                used.setdefault(value, []).append(index)
        for index, left in enumerate(lefts):
            combo = self.combos[left]
            for number, right in enumerate(self.options, 1):
                others = [i for i in used.get(right, []) if i != index]
                suffix = "   " + translate("ui.quiz.answer_widgets", "(already used in another row)") if others else ""
                combo.setItemText(number, f"{number}. {right}{suffix}")
        twice = [right for right, rows in used.items() if len(rows) > 1]
        self.reused.setText(translate("ui.quiz.answer_widgets", "Used for more than one row: {options}. "
                                                                "Each option fits one row only.").format(
            options="; ".join(f"“{r}”" for r in twice)) if twice else "")
        self.reused.setVisible(bool(twice))
        if twice:
            tint_text(self.reused, mark_colour(self, WRONG), bold=True)
        self.changed.emit()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if isinstance(obj, QComboBox) and event.type() == QEvent.Type.KeyPress and obj.isEnabled():
            number = _digit(event)  # type: ignore[arg-type]
            if number and number <= len(self.options):
                obj.setCurrentIndex(number)
                self.focusNextChild()
                return True
        return super().eventFilter(obj, event)

    def response(self) -> Any:
        chosen = {left: combo.currentData() for left, combo in self.combos.items()}
        return chosen if any(v is not None for v in chosen.values()) else None

    def pick(self, number: int) -> bool:
        """A digit typed outside the lists: the focused row's, else the first row without a match."""
        combos = list(self.combos.values())
        target = next((c for c in combos if c.hasFocus()), None) or next(
            (c for c in combos if c.currentData() is None), None)
        if target is None or not target.isEnabled() or number > len(self.options):
            return False
        target.setCurrentIndex(number)
        target.setFocus()
        self.focusNextChild()
        return True

    def show_result(self, grade: Grade) -> None:
        for result in grade.pairs:
            row = self.row_of.get(result.left)
            if row is None:
                continue
            if result.correct:
                row.set_mark(RIGHT, translate("ui.quiz.answer_widgets", "right: {answer}").format(
                    answer=result.expected))
            elif result.given is None:
                row.set_mark(WRONG, translate("ui.quiz.answer_widgets",
                                              "not matched. The right match: {answer}").format(answer=result.expected))
            elif result.repeated and result.given == result.expected:
                row.set_mark(WRONG, translate("ui.quiz.answer_widgets", "“{given}” is right here, but you used it for "
                                                                        "another row too").format(given=result.given))
            else:
                row.set_mark(WRONG, translate("ui.quiz.answer_widgets",
                                              "you chose “{given}”. The right match: {answer}").format(
                    given=result.given, answer=result.expected))


class ClassifyRow(MarkedRow):
    """One statement and a radio button per category. The row takes the focus; digits pick."""

    picked = Signal()

    def __init__(self, statement: str, categories: list[str], widths: list[int], parent: QWidget | None = None):
        super().__init__(parent, inline=True)
        self.statement = statement
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(translate("ui.quiz.answer_widgets", "Statement: {statement}").format(
            statement=statement))
        self.label = _Text(statement)
        self.line.addWidget(self.label, 3)
        self.place_mark(2)
        self.group = QButtonGroup(self)
        self.categories = categories
        for index, (category, width) in enumerate(zip(categories, widths, strict=True)):
            button = QRadioButton()
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the row has the focus; digits and ←/→ choose
            button.setAccessibleName(f"{statement}: {category}")
            button.setMinimumWidth(width)
            self.group.addButton(button, index)
            self.line.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self.group.idClicked.connect(self._picked)
        self.label.clicked.connect(self.setFocus)

    def _picked(self, _index: int) -> None:
        self.setFocus()
        self.picked.emit()

    def category(self) -> str | None:
        index = self.group.checkedId()
        return self.categories[index] if index >= 0 else None

    def choose(self, index: int) -> None:
        button = self.group.button(index)
        if button is not None and button.isEnabled():
            button.setChecked(True)
            self.setAccessibleDescription(translate("ui.quiz.answer_widgets", "In: {category}").format(
                category=self.categories[index]))
            self.picked.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        number = _digit(event)
        current = self.group.checkedId()
        if number and number <= len(self.categories):
            self.choose(number - 1)
            self.focusNextChild()
        elif event.key() == Qt.Key.Key_Right:
            self.choose(min(len(self.categories) - 1, current + 1))
        elif event.key() == Qt.Key.Key_Left:
            self.choose(max(0, current - 1))
        elif event.key() == Qt.Key.Key_Down:
            self.focusNextChild()
        elif event.key() == Qt.Key.Key_Up:
            self.focusPreviousChild()
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusInEvent(event)
        self.restyle()


class ClassifyAnswer(AnswerWidget):
    """Sort statements into categories: one row per statement, the categories as numbered columns."""

    def __init__(self, question: QuizQuestion, parent: QWidget | None = None):
        super().__init__(parent)
        layout = _column()
        self.setLayout(layout)
        self.categories = list(question.choices)
        bold = QFont(self.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)  # the headers are bold: measured plain, "1. Abenomics2. Sanaenomics" touched
        headers = [f"{n}. {c}" for n, c in enumerate(self.categories, 1)]
        widths = [max(64, metrics.horizontalAdvance(h) + 16) for h in headers]
        header = QHBoxLayout()
        header.setContentsMargins(8, 0, 8, 0)
        header.addWidget(_hint(translate("ui.quiz.answer_widgets", "Put each statement in its column "
                                                                   "(↑/↓ or Tab: next statement; digits pick).")), 1)
        for text, width in zip(headers, widths, strict=True):
            label = QLabel(text)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setMinimumWidth(width)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            header.addWidget(label)
        layout.addLayout(header)
        self.by_statement: dict[str, ClassifyRow] = {}
        for statement, _ in question.pairs:
            row = ClassifyRow(statement, self.categories, widths)
            row.picked.connect(self.changed.emit)
            self.rows.append(row)
            self.by_statement[statement] = row
            layout.addWidget(row)
        if self.rows:
            self.setFocusProxy(self.rows[0])

    def response(self) -> Any:
        chosen = {statement: row.category() for statement, row in self.by_statement.items()}
        return chosen if any(v is not None for v in chosen.values()) else None

    def pick(self, number: int) -> bool:
        """A digit typed outside the rows: the focused statement's, else the first one not yet sorted."""
        rows = [r for r in self.rows if isinstance(r, ClassifyRow)]
        target = next((r for r in rows if r.hasFocus()), None) or next((r for r in rows if r.category() is None),
                                                                         None)
        if target is None or number > len(self.categories) or target.focusPolicy() == Qt.FocusPolicy.NoFocus:
            return False
        target.choose(number - 1)
        target.setFocus()
        self.focusNextChild()
        return True

    def show_result(self, grade: Grade) -> None:
        for result in grade.pairs:
            row = self.by_statement.get(result.left)
            if row is None:
                continue
            if result.correct:
                row.set_mark(RIGHT, translate("ui.quiz.answer_widgets", "right: {answer}").format(
                    answer=result.expected))
            elif result.given is None:
                row.set_mark(WRONG, translate("ui.quiz.answer_widgets",
                                              "not sorted. It belongs under {answer}").format(answer=result.expected))
            else:
                row.set_mark(WRONG, translate("ui.quiz.answer_widgets",
                                              "you put it under {given}. It belongs under {answer}").format(
                    given=result.given, answer=result.expected))


class OrderRow(MarkedRow):
    clicked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, inline=True)
        self.number = QLabel()
        self.number.setMinimumWidth(self.fontMetrics().horizontalAdvance("10.") + 4)
        font = self.number.font()
        font.setBold(True)
        self.number.setFont(font)
        self.label = _Text()
        self.label.clicked.connect(self.clicked.emit)
        self.line.addWidget(self.number, 0, Qt.AlignmentFlag.AlignTop)
        self.line.addWidget(self.label, 3)
        self.place_mark(1)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class OrderAnswer(AnswerWidget):
    """Put items in order: a numbered list the learner rearranges.

    The list itself has the focus: ↑/↓ or a digit select an item, Alt+↑/↓ or
    Ctrl+↑/↓ move it (as do the Move up / Move down buttons). The order shown
    when asked is an answer too, so this widget always has a response.
    """

    def __init__(self, question: QuizQuestion, parent: QWidget | None = None):
        super().__init__(parent)
        self.items = list(question.choices)
        self.selected = 0
        self.locked = False
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(translate("ui.quiz.answer_widgets", "Items to put in order"))
        layout = _column()
        self.setLayout(layout)
        layout.addWidget(_hint(translate("ui.quiz.answer_widgets", "Select an item (digits or ↑/↓), then move it "
                                                                   "with Alt+↑/↓ or Ctrl+↑/↓.")))
        self.order_rows: list[OrderRow] = []  # the same rows as self.rows, with their number and label
        for index in range(len(self.items)):
            row = OrderRow()
            row.clicked.connect(lambda i=index: self._select(i, focus=True))
            self.rows.append(row)
            self.order_rows.append(row)
            layout.addWidget(row)
        buttons = QHBoxLayout()
        self.up_button = QPushButton(translate("ui.quiz.answer_widgets", "Move &up"))
        self.down_button = QPushButton(translate("ui.quiz.answer_widgets", "Move &down"))
        for button, step in ((self.up_button, -1), (self.down_button, 1)):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the list keeps the focus
            button.setToolTip("Alt+↑" if step < 0 else "Alt+↓")
            button.clicked.connect(lambda _=False, s=step: self.move_selected(s))
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._refresh()

    def _refresh(self) -> None:
        for index, (row, item) in enumerate(zip(self.order_rows, self.items, strict=True)):
            row.number.setText(f"{index + 1}.")
            row.label.setText(item)
            row.setAccessibleName(translate("ui.quiz.answer_widgets", "Position {number}: {item}").format(
                number=index + 1, item=item))
            if not self.locked:
                row.state = INFO if index == self.selected else None
                row.restyle()
        if not self.locked:
            self.up_button.setEnabled(self.selected > 0)
            self.down_button.setEnabled(self.selected < len(self.items) - 1)
            self.setAccessibleDescription(translate("ui.quiz.answer_widgets",
                                                    "Selected: position {number}, {item}").format(
                number=self.selected + 1, item=self.items[self.selected]))

    def _select(self, index: int, focus: bool = False) -> None:
        if self.locked or not 0 <= index < len(self.items):
            return
        self.selected = index
        if focus:
            self.setFocus()
        self._refresh()

    def move_selected(self, step: int) -> bool:
        """Move the selected item ``step`` places (−1 up, +1 down); it stays selected."""
        target = self.selected + step
        if self.locked or not 0 <= target < len(self.items):
            return False
        self.items[self.selected], self.items[target] = self.items[target], self.items[self.selected]
        self.selected = target
        self._refresh()
        self.changed.emit()
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key, modifiers = event.key(), event.modifiers()
        moving = any(modifiers & m for m in MOVE_KEYS)
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not self.locked:
            step = -1 if key == Qt.Key.Key_Up else 1
            if moving:
                self.move_selected(step)
            else:
                self._select(self.selected + step)
            return
        if _digit(event) and self.pick(_digit(event)):
            return
        super().keyPressEvent(event)

    def response(self) -> Any:
        return list(self.items)

    def pick(self, number: int) -> bool:
        if self.locked or not 1 <= number <= len(self.items):
            return False
        self._select(number - 1, focus=True)
        return True

    def lock(self) -> None:
        self.locked = True
        for row in self.rows:
            row.state = None
            row.restyle()
        super().lock()

    def show_result(self, grade: Grade) -> None:
        answers = [p.expected for p in grade.pairs]
        for row, result in zip(self.rows, grade.pairs, strict=False):
            if result.correct:
                row.set_mark(RIGHT, translate("ui.quiz.answer_widgets", "right place"))
            else:
                where = answers.index(result.given) + 1 if result.given in answers else None
                row.set_mark(WRONG, translate("ui.quiz.answer_widgets", "belongs at position {number}").format(
                    number=where) if where else translate("ui.quiz.answer_widgets", "not placed"))


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setAccessibleName(translate("ui.quiz.answer_widgets", "How to answer"))
    font = label.font()
    font.setItalic(True)
    label.setFont(font)
    relative_font(label, 0.9)
    return label


def unit_phrase(unit: str) -> str:
    """How a unit reads in a sentence: "billion USD" → "billions of US dollars"."""
    words = unit.split()
    if len(words) == 2 and words[1] == "USD":
        return translate("ui.quiz.answer_widgets", "{scale}s of US dollars").format(scale=words[0])
    return unit


def numeric_hint(question: QuizQuestion) -> str:
    """A neutral hint: what to type and in which unit, never an example amount (it could be the answer)."""
    if question.unit:
        return translate("ui.quiz.answer_widgets", "Type a number (in {unit})").format(unit=unit_phrase(question.unit))
    return translate("ui.quiz.answer_widgets", "Type a number")


def answer_widget_for(question: QuizQuestion) -> AnswerWidget:
    kind = question.kind
    if kind in (Kind.CHOICE, Kind.SCENARIO):
        return ChoiceAnswer([(c, c) for c in question.choices], right=question.answer)
    if kind == Kind.TRUEFALSE:
        # The pack's words, as the question ("True or false: …"), its verdict and its key say: 正しい / 誤り for a
        # Japanese pack, True / False for an English one in any interface language.
        words = true_false_words(question)
        return ChoiceAnswer([(words["true"], "true"), (words["false"], "false")], right=question.answer)
    if kind == Kind.MATCHING:
        return MatchingAnswer(question)
    if kind == Kind.MULTI:
        return MultiAnswer(question)
    if kind == Kind.ORDER:
        return OrderAnswer(question)
    if kind == Kind.CLASSIFY:
        return ClassifyAnswer(question)
    if kind == Kind.NUMERIC:
        return TextAnswer(numeric_hint(question))
    return TextAnswer(translate("ui.quiz.answer_widgets", "Type your answer"))

