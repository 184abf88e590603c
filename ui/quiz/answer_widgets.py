"""Answer inputs, one per question kind; each reports a response the engine can grade.

All of them work from the keyboard: digits pick a choice, Tab moves between
the matching rows, and digits pick the option in the focused row.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from quiz.questions import QuizQuestion

PLACEHOLDER = "— choose —"


def _plain_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class AnswerWidget(QWidget):
    """Base: ``response()`` is None until the learner has given an answer."""

    changed = Signal()

    def response(self) -> Any:
        raise NotImplementedError

    def pick(self, number: int) -> bool:
        """Digit key ``number`` (1-based); True if it was used."""
        return False

    def lock(self) -> None:
        self.setEnabled(False)


class ChoiceAnswer(AnswerWidget):
    def __init__(self, options: list[tuple[str, str]], parent: QWidget | None = None):
        """``options`` are (shown text, response value) pairs."""
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.values = [value for _, value in options]
        for index, (text, _) in enumerate(options):
            button = QRadioButton(f"&{index + 1}. {text}" if index < 9 else text)
            button.setAccessibleName(f"Choice {index + 1}: {text}")
            self.group.addButton(button, index)
            layout.addWidget(button)
        self.group.idToggled.connect(lambda *_: self.changed.emit())

    def response(self) -> Any:
        index = self.group.checkedId()
        return self.values[index] if index >= 0 else None

    def pick(self, number: int) -> bool:
        button = self.group.button(number - 1)
        if button is None or not self.isEnabled():
            return False
        button.setChecked(True)
        button.setFocus()
        return True


class TextAnswer(AnswerWidget):
    def __init__(self, placeholder: str, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder)
        self.edit.setAccessibleName("Your answer")
        self.edit.textChanged.connect(lambda *_: self.changed.emit())
        layout.addWidget(self.edit)
        self.setFocusProxy(self.edit)

    def response(self) -> Any:
        text = self.edit.text().strip()
        return text or None


class MatchingAnswer(AnswerWidget):
    """One row per left item, each with a drop-down of every right item."""

    def __init__(self, question: QuizQuestion, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        rights = sorted({right for _, right in question.pairs})
        self.options = rights
        self.combos: dict[str, QComboBox] = {}
        for left, _ in question.pairs:
            combo = QComboBox()
            combo.addItem(PLACEHOLDER)
            for number, right in enumerate(rights, 1):
                combo.addItem(f"{number}. {right}", right)
            combo.setAccessibleName(f"Match for {left}")
            combo.currentIndexChanged.connect(lambda *_: self.changed.emit())
            combo.installEventFilter(self)
            layout.addRow(_plain_label(left), combo)
            self.combos[left] = combo
        self.setFocusProxy(next(iter(self.combos.values())))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if isinstance(obj, QComboBox) and event.type() == QEvent.Type.KeyPress:
            key = QKeyEvent(event).key() if not isinstance(event, QKeyEvent) else event.key()
            if Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and key - Qt.Key.Key_0 <= len(self.options):
                obj.setCurrentIndex(key - Qt.Key.Key_0)
                self.focusNextChild()
                return True
        return super().eventFilter(obj, event)

    def response(self) -> Any:
        chosen = {left: combo.currentData() for left, combo in self.combos.items()}
        return chosen if any(v is not None for v in chosen.values()) else None

    def pick(self, number: int) -> bool:
        focused = next((c for c in self.combos.values() if c.hasFocus()), None)
        if focused is None or number > len(self.options):
            return False
        focused.setCurrentIndex(number)
        return True


def answer_widget_for(question: QuizQuestion) -> AnswerWidget:
    if question.kind == "choice":
        return ChoiceAnswer([(c, c) for c in question.choices])
    if question.kind == "truefalse":
        return ChoiceAnswer([("True", "true"), ("False", "false")])
    if question.kind == "matching":
        return MatchingAnswer(question)
    if question.kind == "numeric":
        unit = f" (in {question.unit})" if question.unit else ""
        return TextAnswer(f"Type a number{unit}, e.g. 65, $65B or 65 billion")
    return TextAnswer("Type your answer")
