"""Rating recall after the feedback: 1 Again, 2 Hard, 3 Good, 4 Easy.

The scheduler has already stored a default with the answer (Again if wrong,
Good if right); the learner may pick another one with a digit key or a
button before continuing. Only a changed rating is written (``session.rate``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QPushButton, QWidget

from quiz.session import RATINGS
from ui.i18n import QT_TRANSLATE_NOOP, translate

#: The scheduler's rating names (quiz.scheduler.RATINGS, in English), translated where shown.
RATING_NAMES = (QT_TRANSLATE_NOOP("ui.quiz.rating", "Again"), QT_TRANSLATE_NOOP("ui.quiz.rating", "Hard"),
                QT_TRANSLATE_NOOP("ui.quiz.rating", "Good"), QT_TRANSLATE_NOOP("ui.quiz.rating", "Easy"))


def bold_only(bold: bool) -> QFont:
    """A font that sets only the weight: its size stays the app's, so Ctrl++ during a session reaches it.

    ``widget.font()`` with the weight changed set every attribute (the size of the moment included) as the
    widget's own, and a later change of the app font passed it by.
    """
    font = QFont()
    font.setBold(bold)
    return font


class RatingBar(QWidget):
    changed = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(translate("ui.quiz.rating", "How well did you recall it?"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        question = QLabel(translate("ui.quiz.rating", "How well did you know it?"))
        question.setFont(bold_only(True))
        layout.addWidget(question)
        self.caption = QLabel()
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.caption.setWordWrap(True)
        self.group = QButtonGroup(self)
        self.buttons: dict[int, QPushButton] = {}
        for value, english in RATINGS.items():
            name = translate("ui.quiz.rating", english)
            button = QPushButton(f"{value} {name}")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setAccessibleName(translate("ui.quiz.rating", "Rate recall: {name} (key {key})").format(
                name=name, key=value))
            self.group.addButton(button, value)
            self.buttons[value] = button
            layout.addWidget(button)
        layout.addWidget(self.caption, 1)
        self.group.idClicked.connect(self.choose)
        # The chosen rating stands out by more than Fusion's "pressed" shade (and says so in the caption).
        # The focus border is the ring: the style's own focus rectangle ("outline"), drawn tight round the
        # words, covered the first and last letters of the chosen (blue) button.
        self.setStyleSheet(
            "QPushButton { padding: 4px 12px; border: 1px solid palette(mid); border-radius: 4px;"
            " background: palette(button); color: palette(button-text); }"
            " QPushButton:checked { background: palette(highlight); color: palette(highlighted-text);"
            " border-color: palette(highlight); }"
            " QPushButton:focus { border: 2px solid palette(window-text); outline: none; }")
        self.default = 3

    def reset(self, default: int) -> None:
        """A new answer: its default rating (as stored) is chosen and named as the default."""
        self.default = default
        for value, button in self.buttons.items():
            button.setFont(bold_only(value == default))
        self.choose(default)

    def chosen(self) -> int:
        return self.group.checkedId() if self.group.checkedId() > 0 else self.default

    def choose(self, value: int) -> bool:
        if value not in self.buttons:
            return False
        self.buttons[value].setChecked(True)
        name = translate("ui.quiz.rating", RATINGS[value])
        caption = translate("ui.quiz.rating", "{rating} (the default) · keys 1–4 · Enter continues") \
            if value == self.default else translate("ui.quiz.rating", "{rating} · keys 1–4 · Enter continues")
        self.caption.setText(caption.format(rating=name))
        self.changed.emit(value)
        return True
