"""Choosing what to ask a room: topics, kinds of question and how many (presenter mode and live sessions).

Both ask one variant per fact (:func:`quiz.slides.choose_questions`); this
widget only collects the choice and says how many questions it gives.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QListWidget, QListWidgetItem, QSpinBox, QWidget

from content.model import Pack
from quiz.questions import Kind, QuizQuestion
from quiz.slides import choose_questions
from ui import i18n
from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.text import plain

KIND_NAMES = {Kind.CHOICE: QT_TRANSLATE_NOOP("ui.room_choice", "Multiple choice"),
              Kind.SCENARIO: QT_TRANSLATE_NOOP("ui.room_choice", "Scenario"),
              Kind.TRUEFALSE: QT_TRANSLATE_NOOP("ui.room_choice", "True or false"),
              Kind.NUMERIC: QT_TRANSLATE_NOOP("ui.room_choice", "Number"),
              Kind.TEXT: QT_TRANSLATE_NOOP("ui.room_choice", "Typed answer"),
              Kind.MATCHING: QT_TRANSLATE_NOOP("ui.room_choice", "Matching"),
              Kind.MULTI: QT_TRANSLATE_NOOP("ui.room_choice", "Select all that apply"),
              Kind.ORDER: QT_TRANSLATE_NOOP("ui.room_choice", "Put in order"),
              Kind.CLASSIFY: QT_TRANSLATE_NOOP("ui.room_choice", "Sort into categories")}


def _checklist(name: str, entries: Sequence[tuple[str, str]], checked: Sequence[str] | None) -> QListWidget:
    widget = QListWidget()
    widget.setAccessibleName(name)
    for key, text in entries:
        item = QListWidgetItem(text)  # list items are plain text
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked is None or key in checked else Qt.CheckState.Unchecked)
        widget.addItem(item)
    widget.setMaximumHeight(24 * min(len(entries), 7) + 8)
    return widget


class RoomChoice(QWidget):
    """Topics and kinds as check lists (all ticked: everything), and a number of questions."""

    def __init__(self, pack: Pack, questions: Sequence[QuizQuestion], *, topics: Sequence[str] | None = None,
                 kinds: Sequence[str] | None = None, count: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.questions = list(questions)
        present = {str(q.kind) for q in self.questions}
        self.topics = _checklist(translate("ui.room_choice", "Topics"), [(t.id, t.title) for t in pack.topics], topics)
        self.kinds = _checklist(translate("ui.room_choice", "Kinds of question"),
                                [(str(k), translate("ui.room_choice", v)) for k, v in KIND_NAMES.items()
                                                      if str(k) in present], kinds)
        self.count = QSpinBox()
        self.count.setAccessibleName(translate("ui.room_choice", "Number of questions"))
        self.count.setRange(1, max(1, len(self.questions)))
        self.count.setValue(min(count or 10, self.count.maximum()))
        self.available = plain()
        self.available.setAccessibleName(translate("ui.room_choice", "Questions available"))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(translate("ui.room_choice", "&Topics:"), self.topics)
        form.addRow(translate("ui.room_choice", "&Kinds:"), self.kinds)
        form.addRow(translate("ui.room_choice", "&Number of questions:"), self.count)
        form.addRow("", self.available)
        self.topics.itemChanged.connect(self._update)
        self.kinds.itemChanged.connect(self._update)
        self._update()

    @staticmethod
    def _ticked(widget: QListWidget) -> tuple[str, ...]:
        return tuple(widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
                     if widget.item(i).checkState() == Qt.CheckState.Checked)

    def chosen_topics(self) -> tuple[str, ...]:
        return self._ticked(self.topics)

    def chosen_kinds(self) -> tuple[str, ...]:
        return self._ticked(self.kinds)

    def facts_available(self) -> int:
        """How many questions the choice can give: one per fact of the chosen topics and kinds."""
        topics, kinds = self.chosen_topics(), self.chosen_kinds()
        if not topics or not kinds:
            return 0
        return len(choose_questions(self.questions, topics=topics, kinds=kinds))

    def _update(self) -> None:
        facts = self.facts_available()
        if facts == 1:
            text = translate("ui.room_choice", "{count} question available for this choice (one per fact: never "
                             "two versions of the same fact).")
        elif facts:
            text = translate("ui.room_choice", "{count} questions available for this choice (one per fact: never "
                             "two versions of the same fact).")
        else:
            text = translate("ui.room_choice", "Nothing to ask: tick at least one topic and one kind.")
        self.available.setText(text.format(count=i18n.number(facts)))
        self.count.setMaximum(max(1, facts))
