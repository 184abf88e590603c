"""The quiz page: start a quiz, answer by keyboard, see sourced feedback.

It only displays a :class:`quiz.session.QuizSession` and forwards what the
learner does; grading, storage and scheduling live in the engine.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import shiboken6
from PySide6.QtCore import QElapsedTimer, QEvent, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import StoreError
from content.model import Pack, Table
from quiz.browse import record_to_edit
from quiz.grade import Grade, expected_text, true_false_words
from quiz.questions import Kind, QuizQuestion
from quiz.session import Outcome, QuizSession, new_exam_spec
from ui import i18n, operations
from ui.accessible import announce, press_on_enter
from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.messages import warn
from ui.quiz.answer_widgets import AnswerWidget, answer_widget_for
from ui.quiz.feedback import FeedbackPanel, explanation_text, option_feedback
from ui.quiz.rating import RatingBar
from ui.quiz.review_table import TOP_LEFT, ReviewTable
from ui.quiz.style import INFO, PARTLY, RIGHT, WRONG, ToneBox, tone
from ui.state import AppState
from ui.text import plain, tooltip

RETRY, SCENARIO = "retryNotice", "scenarioBox"
#: What the keys do, under each kind of question (None: the rest).
KEY_HINTS: dict[Kind | None, str] = {
    Kind.MULTI: QT_TRANSLATE_NOOP("ui.quiz", "Keys: 1–9 tick/untick · Enter submits, then continues"),
    Kind.ORDER: QT_TRANSLATE_NOOP("ui.quiz", "Keys: 1–9 or ↑/↓ select · Alt+↑/↓ move · Enter submits, then continues"),
    Kind.CLASSIFY: QT_TRANSLATE_NOOP(
        "ui.quiz", "Keys: Tab or ↑/↓ next statement · 1–9 its column · Enter submits, then continues"),
    Kind.MATCHING: QT_TRANSLATE_NOOP("ui.quiz", "Keys: Tab next row · 1–9 its match · Enter submits, then continues"),
    Kind.NUMERIC: QT_TRANSLATE_NOOP("ui.quiz", "Type the number · Enter submits, then continues"),
    Kind.TEXT: QT_TRANSLATE_NOOP("ui.quiz", "Type the answer · Enter submits, then continues"),
    None: QT_TRANSLATE_NOOP("ui.quiz", "Keys: 1–9 choose · Enter submits, then continues"),
}
#: The engine's quiz titles (stored with the quiz, in English), translated where shown.
TITLES = (QT_TRANSLATE_NOOP("ui.quiz", "Practice"), QT_TRANSLATE_NOOP("ui.quiz", "Review mistakes"),
          QT_TRANSLATE_NOOP("ui.quiz", "Practice chosen questions"), QT_TRANSLATE_NOOP("ui.quiz", "Review"),
          QT_TRANSLATE_NOOP("ui.quiz", "Topic"), QT_TRANSLATE_NOOP("ui.quiz", "Custom"),
          QT_TRANSLATE_NOOP("ui.quiz", "Exam"))


def quiz_title(session: QuizSession) -> str:
    """The quiz's title in the interface's language (the topic's title is pack text, kept as it is)."""
    state = session.state
    if state.exam_code:
        return translate("ui.quiz", "Exam {code}").format(code=state.exam_code)
    title = state.title or session.mode.title()
    if title.startswith("Quiz: "):
        return translate("ui.quiz", "Quiz: {topic}").format(topic=title.removeprefix("Quiz: "))
    return translate("ui.quiz", title)


def _name_spin_box(box: QSpinBox, name: str) -> None:
    """A spin box and the line edit inside it that takes the focus: a screen reader names the one focused."""
    box.setAccessibleName(name)
    editor = box.findChild(QLineEdit)
    if editor is not None:
        editor.setAccessibleName(name)


def _layouts_within(root: QWidget) -> list[QLayout]:
    """The layouts of ``root`` and of its parts, innermost first.

    Not those of Qt's own parts (named "qt_…": a table's scroll bar containers): nothing here changes them,
    and PySide forgets the Python side of such a layout once the wrapper made to find its widget is
    collected, so a layout held from them failed ("already deleted") at a later answer, in the app.
    """
    widgets = [root, *(child for child in root.findChildren(QWidget)
                       if child.layout() and not child.objectName().startswith("qt_"))]
    widgets.sort(key=_depth, reverse=True)
    return [layout for layout in (widget.layout() for widget in widgets) if layout is not None]


#: The results list's item data holding a verdict's state (RIGHT, WRONG, PARTLY; None: not answered).
VERDICT_STATE = Qt.ItemDataRole.UserRole + 1


def _depth(widget: QWidget) -> int:
    """How many parents ``widget`` has."""
    depth, parent = 0, widget.parentWidget()
    while parent is not None:
        depth, parent = depth + 1, parent.parentWidget()
    return depth


def _label(text: str = "", *, bold: bool = False, scale: float = 1.0) -> QLabel:
    return plain(text, bold=bold, scale=scale)


class QuizPage(QWidget):
    """Start screen → question screen (one at a time) → results screen."""

    #: (pack_id, section_id): "Read this in the briefing" after an answer
    read_requested = Signal(str, str)
    #: whether "Undo last answer" can be done now (the menu action follows it)
    undo_changed = Signal(bool)
    #: question id: "Browse this question…" from its feedback (the question browser opens on it)
    browse_requested = Signal(str)
    #: question id: "Edit…" from its feedback (the editor opens on it, or on the record it is made from)
    edit_requested = Signal(str)

    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(translate("ui.quiz", "Quiz"))
        self.state = state
        self.workspace = state.workspace
        self.session: QuizSession | None = None
        self.answer: AnswerWidget | None = None
        self._held: list[QLayout] | None = None  # the feedback panel's and rating bar's (_inner_layouts)
        #: the question on the question screen (answered or not)
        self.shown_question: QuizQuestion | None = None
        self.awaiting_next = False
        self.last_grade: Grade | None = None
        #: the session and default rating of the answer the learner may still rate
        self.pending_rating: tuple[QuizSession, int] | None = None
        self.stop_dialog: QMessageBox | None = None
        self.clock = QElapsedTimer()
        self.timer = QTimer(self, interval=1000)
        self.timer.timeout.connect(self._tick)

        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_start())
        self.question_page = self._build_question()
        self.stack.addWidget(self.question_page)
        self.stack.addWidget(self._build_results())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        # Enter presses the focused button (the rating buttons are chosen with 1–4; Enter there continues).
        press_on_enter(*(b for b in self.findChildren(QPushButton) if b.parent() is not self.rating))
        state.pack_changed.connect(lambda _pack: self._leave_session())
        state.learner_changed.connect(lambda _learner: self._leave_session())
        state.progress_changed.connect(self._progress_changed)
        self._refresh_start()

    @property
    def pack(self) -> Pack:
        return self.state.pack

    @property
    def pack_id(self) -> str:
        return self.state.pack_id

    def _leave_session(self) -> None:
        """Another pack or learner: the quiz on screen stays saved (Resume brings it back) and the menu shows."""
        self.commit_rating()
        self.session = None
        self.show_menu()

    def _progress_changed(self) -> None:
        if self.stack.currentIndex() == 0:
            self._refresh_start()  # e.g. a restored backup holds another unfinished quiz

    # -- start screen ---------------------------------------------------------------
    def _build_start(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(_label(translate("ui.quiz", "Test yourself"), bold=True, scale=1.6))
        self.start_info = _label()
        layout.addWidget(self.start_info)

        self.resume_box = QGroupBox(translate("ui.quiz", "Unfinished quiz"))
        resume_layout = QHBoxLayout(self.resume_box)
        self.resume_label = _label()
        self.resume_button = QPushButton(translate("ui.quiz", "&Resume"))
        self.resume_button.clicked.connect(self._resume)
        resume_layout.addWidget(self.resume_label, 1)
        resume_layout.addWidget(self.resume_button)
        layout.addWidget(self.resume_box)

        # The description over its buttons, across the box: beside them it was squeezed into a narrow
        # column and cut top and bottom (Japanese at the largest text).
        practice = QGroupBox(translate("ui.quiz", "Practice"))
        p_column = QVBoxLayout(practice)
        self.practice_info = _label(translate("ui.quiz", "One question at a time with feedback quoting the article. "
                                                         "Questions that are due come first, then new ones."))
        p_column.addWidget(self.practice_info)
        p_layout = QHBoxLayout()
        p_layout.addStretch(1)
        self.practice_button = QPushButton(translate("ui.quiz", "Start &practice"))
        self.practice_button.clicked.connect(lambda: self.start("practice"))
        self.review_button = QPushButton(translate("ui.quiz", "Review &mistakes"))
        self.review_button.clicked.connect(lambda: self.start("review"))
        p_layout.addWidget(self.practice_button)
        p_layout.addWidget(self.review_button)
        p_column.addLayout(p_layout)
        layout.addWidget(practice)

        topic_box = QGroupBox(translate("ui.quiz", "One topic"))
        t_layout = QHBoxLayout(topic_box)
        self.topic_combo = QComboBox()
        self.topic_combo.setAccessibleName(translate("ui.quiz", "Topic"))
        topic_button = QPushButton(translate("ui.quiz", "Quiz this &topic"))
        topic_button.clicked.connect(lambda: self.start_topic(self.pack.id, self.topic_combo.currentData()))
        t_layout.addWidget(self.topic_combo, 1)
        t_layout.addWidget(topic_button)
        layout.addWidget(topic_box)

        exam = QGroupBox(translate("ui.quiz", "Exam"))
        e_layout = QHBoxLayout(exam)
        e_layout.addWidget(QLabel(translate("ui.quiz", "Questions:")))
        self.exam_count = QSpinBox(minimum=5, maximum=60, value=20)
        _name_spin_box(self.exam_count, translate("ui.quiz", "Number of exam questions"))
        e_layout.addWidget(self.exam_count)
        e_layout.addWidget(QLabel(translate("ui.quiz", "Time limit (min, 0 = none):")))
        self.exam_minutes = QSpinBox(minimum=0, maximum=150, singleStep=5, value=0)
        _name_spin_box(self.exam_minutes, translate("ui.quiz", "Time limit in minutes"))
        e_layout.addWidget(self.exam_minutes)
        new_exam = QPushButton(translate("ui.quiz", "New &exam"))
        new_exam.clicked.connect(self._new_exam)
        e_layout.addWidget(new_exam)
        e_layout.addSpacing(16)
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(translate("ui.quiz", "Exam code, e.g. 7KQ2MX"))
        self.code_edit.setAccessibleName(translate("ui.quiz", "Exam code"))
        self.code_edit.setMaxLength(8)
        self.code_edit.returnPressed.connect(self._join_exam)
        join = QPushButton(translate("ui.quiz", "&Join"))
        join.clicked.connect(self._join_exam)
        e_layout.addWidget(self.code_edit)
        e_layout.addWidget(join)
        layout.addWidget(exam)
        layout.addStretch(1)
        # Scrolls when the window is too small for it (large text, a small screen) instead of squeezing
        # every box until its words are cut.
        self.start_scroll = QScrollArea()
        self.start_scroll.setWidgetResizable(True)
        self.start_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.start_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.start_scroll.setWidget(page)
        return self.start_scroll

    def _refresh_start(self) -> None:
        pack = self.pack
        suspended = len(self.workspace.suspended_questions(pack.id))
        counted = translate("ui.quiz", "1 question you suspended is left out of every quiz") if suspended == 1 else \
            translate("ui.quiz", "{count} questions you suspended are left out of every quiz").format(
                count=i18n.number(suspended))
        left_out = "\n" + translate("ui.quiz", "{counted} (View → Question browser).").format(counted=counted) \
            if suspended else ""
        self.start_info.setText(translate("ui.quiz", "Briefing: {title}").format(title=pack.meta.title) + left_out)
        self.topic_combo.clear()
        for topic in pack.topics:
            self.topic_combo.addItem(topic.title, topic.id)
        pending = self.workspace.resume_quiz(pack.id)
        self.resume_box.setVisible(pending is not None)
        if pending:
            done, total = pending.position
            self.resume_label.setText(translate("ui.quiz", "{title}: {done} of {total} answered.").format(
                title=quiz_title(pending), done=i18n.number(done), total=i18n.number(total)))

    # -- question screen ---------------------------------------------------------------
    def _build_question(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        header = QHBoxLayout()
        self.title_label = _label(bold=True, scale=1.2)
        self.timer_label = _label()
        # its name is its text, "Time left 4:59"
        self.timer_label.setAccessibleDescription(translate("ui.quiz", "Time left"))
        header.addWidget(self.title_label, 1)
        header.addWidget(self.timer_label)
        layout.addLayout(header)
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName(translate("ui.quiz", "Progress through the quiz"))
        self.progress_bar.setFormat(translate("ui.quiz", "Question %v of %m"))
        layout.addWidget(self.progress_bar)

        # The question, the answer and the feedback scroll together; the buttons stay in view.
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 4, 8, 4)
        column.setSpacing(10)
        self.retry_box = ToneBox(left_bar=True)  # the notice shows and hides with its box
        self.retry_box.set_state(INFO)
        self.retry_box.setObjectName(RETRY)
        retry = QVBoxLayout(self.retry_box)
        retry.setContentsMargins(14, 4, 8, 4)
        self.retry_label = _label()
        self.retry_label.setAccessibleDescription(translate("ui.quiz", "Asked again"))
        retry.addWidget(self.retry_label)
        column.addWidget(self.retry_box)
        self.scenario_box = ToneBox(left_bar=True)
        self.scenario_box.set_state(INFO)
        self.scenario_box.setObjectName(SCENARIO)
        self.scenario_box.setAccessibleName(translate("ui.quiz", "Scenario"))
        scenario = QVBoxLayout(self.scenario_box)
        scenario.setContentsMargins(14, 8, 10, 8)
        scenario.addWidget(_label(translate("ui.quiz", "Scenario"), bold=True))
        self.scenario_label = _label(scale=1.1)
        self.scenario_label.setAccessibleDescription(translate("ui.quiz", "Scenario"))
        scenario.addWidget(self.scenario_label)
        column.addWidget(self.scenario_box)
        self.prompt_label = _label(scale=1.25)
        # A label with no accessible name is read by its text: the question itself, not the word "Question".
        self.prompt_label.setAccessibleDescription(translate("ui.quiz", "Question"))
        column.addWidget(self.prompt_label)
        self.answer_holder = QVBoxLayout()
        column.addLayout(self.answer_holder)
        self.feedback = FeedbackPanel()
        self.feedback.read_requested.connect(self._read_section)
        column.addWidget(self.feedback)
        column.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(body)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.scroll_area, 1)
        # Aliases the tests and screen readers know the feedback by.
        self.verdict_label, self.quote_label = self.feedback.verdict_label, self.feedback.quote_label

        buttons = QHBoxLayout()
        self.hint_label = _label(translate("ui.quiz", KEY_HINTS[None]))
        self.rating = RatingBar()
        self.rating.hide()
        self.stop_button = QPushButton(translate("ui.quiz", "&Stop and see results"))
        self.stop_button.clicked.connect(self._stop)
        self.browse_button = QPushButton(translate("ui.quiz", "Bro&wse this question…"))
        self.browse_button.setToolTip(translate("ui.quiz", "Open it in the question browser: suspend, flag or edit it"))
        self.browse_button.clicked.connect(self._browse)
        self.browse_button.hide()
        self.edit_button = QPushButton(translate("ui.quiz", "Ed&it…"))
        self.edit_button.setToolTip(translate("ui.quiz", "Fix this question in the pack (a generated one: the figure, "
                                                         "term, fact or quote it is made from)"))
        self.edit_button.clicked.connect(self._edit)
        self.edit_button.hide()
        self.submit_button = QPushButton(translate("ui.quiz", "Submit"))
        self.submit_button.setDefault(True)
        self.submit_button.clicked.connect(self._enter)
        layout.addWidget(self.rating)
        buttons.addWidget(self.hint_label, 1)
        buttons.addStretch(0)  # keeps the buttons their size while the hint is hidden
        buttons.addWidget(self.browse_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.submit_button)
        layout.addLayout(buttons)
        self.feedback.restyle()
        return page

    def _restyle(self) -> None:
        """Colours of the marks, the verdict and the results' verdicts for the current palette (the tinted
        boxes paint themselves)."""
        self.feedback.restyle()
        if self.answer is not None:
            self.answer.restyle()
        self._tint_results()

    def _tint_results(self) -> None:
        """Each result's verdict in its state's colour for the theme on show (a switch to dark left the
        light theme's dark green on the dark background)."""
        tree = self.review_tree
        for row in range(tree.topLevelItemCount()):
            item = tree.topLevelItem(row)
            if item is not None and (state := item.data(0, VERDICT_STATE)):
                item.setForeground(0, QColor(tone(self, state).text))

    def event(self, event: QEvent) -> bool:
        """A new theme recolours the marks and the verdict. Qt posts the application's palette change to
        each widget, and a page not yet resolved against it may never see a palette change of its own."""
        handled = super().event(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange) and hasattr(
                self, "review_tree"):  # built last: the page is whole
            self._restyle()
        return handled

    def _show_question(self) -> None:
        session = self.session
        assert session is not None
        if session.finished:
            self._show_results()
            return
        question = session.current
        assert question is not None
        self.shown_question = question
        title = quiz_title(session)
        if (short := session.exam_shortfall) is not None:
            title = translate("ui.quiz", "{title} · {given} questions, all this pack can ask in one exam ({asked} "
                                         "asked for)").format(title=title, given=i18n.number(short[1]),
                                                              asked=i18n.number(short[0]))
        self.title_label.setText(title)
        reached, questions, waiting = session.steps
        retry = session.is_retry and session.immediate_feedback
        self.progress_bar.setRange(0, questions)
        self.progress_bar.setValue(reached)
        shown = (translate("ui.quiz", "Asked again · %v of %m answered") if session.is_retry
                 else translate("ui.quiz", "Question %v of %m"))
        if waiting:
            shown += translate("ui.quiz", " · {count} to ask again").format(count=i18n.number(waiting))
        self.progress_bar.setFormat(shown)
        self.retry_label.setText(translate("ui.quiz", "↻ Asked again: you missed this one earlier in this quiz. It "
                                                      "counts as practice; your score keeps your first answer.")
                                 if retry else "")
        self.retry_box.setVisible(retry)
        self.scenario_label.setText(question.scenario)
        self.scenario_box.setVisible(bool(question.scenario))
        self.prompt_label.setText(question.prompt)
        if self.answer is not None:
            self.answer.hide()  # deleteLater alone leaves it on screen until the event loop runs
            self.answer_holder.removeWidget(self.answer)
            self.answer.deleteLater()
        self.answer = answer_widget_for(question)
        self.answer_holder.addWidget(self.answer)
        self.answer.show()  # now, not when the event loop next runs: keys may reach it before that
        self._submit_after(self.answer)
        self.feedback.hide()
        self._keep_rating_row(session.immediate_feedback)
        self.rating.hide()
        self.browse_button.hide()
        self.edit_button.hide()
        self.hint_label.show()
        self.hint_label.setText(translate("ui.quiz", KEY_HINTS.get(question.kind, KEY_HINTS[None])))
        self.awaiting_next = False
        self.last_grade = None
        self.submit_button.setText(translate("ui.quiz", "Submit"))
        self.stack.setCurrentIndex(1)
        self.scroll_area.verticalScrollBar().setValue(0)
        self.answer.setFocus()
        announce(self.prompt_label, " ".join(t for t in (question.scenario, question.prompt) if t), urgent=False)
        self.clock.start()
        self._tick()
        self._undo_now()

    def _keep_rating_row(self, keep: bool) -> None:
        """In practice the rating bar's row keeps its place while the bar is hidden: showing it after Submit
        then leaves the question's scroll area its size, instead of laying out and re-wrapping the whole
        question again (about 2.5 ms of every answer). An exam rates nothing, so it keeps no row."""
        policy = self.rating.sizePolicy()
        if policy.retainSizeWhenHidden() != keep:
            policy.setRetainSizeWhenHidden(keep)
            self.rating.setSizePolicy(policy)

    def _submit_after(self, answer: QWidget) -> None:
        """Submit is the next stop after the answer's last row: a digit on the last row (which moves on) or
        Tab lands there, and Enter submits, never presses "Stop" by accident."""
        last, widget = None, answer.nextInFocusChain()
        while widget is not answer and widget is not None:
            if answer.isAncestorOf(widget) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                last = widget
            widget = widget.nextInFocusChain()
        if last is not None:
            QWidget.setTabOrder(last, self.submit_button)

    def _enter(self) -> None:
        if self.awaiting_next:
            self._continue()
        else:
            self._submit()

    def _continue(self) -> None:
        self.commit_rating()
        if self.session is not None:
            self._show_question()

    def _submit(self) -> None:
        session, answer = self.session, self.answer
        if session is None or answer is None or session.current is None:
            return
        response = answer.response()
        if response is None:
            self.feedback.show_message(translate("ui.quiz", "Choose or type an answer first."))
            return
        question = session.current
        result = operations.run(self, translate("ui.quiz", "Saving your answer"),
                                lambda: session.submit(response, int(self.clock.elapsed())),
                                changed=self.state.progress_changed.emit)
        if result is None:  # not saved: the question stays open, to answer again once there is room
            return
        self.last_grade = result
        answer.lock()
        if session.immediate_feedback:
            with self._one_layout_pass():
                answer.show_result(result)
                self.feedback.show_grade(question, result, response, self._table(question))
                self.awaiting_next = True
                self.pending_rating = (session, session.default_rating(result))
                self.rating.reset(session.default_rating(result))
                self.hint_label.hide()
                self.rating.show()
                self.browse_button.show()
                # The session's pack: the one asked from (``self.pack`` asks the store whether it changed)
                self.edit_button.setEnabled(self.shown_question is not None
                                            and record_to_edit(session.pack, self.shown_question) is not None)
                self.edit_button.show()
                self.submit_button.setText(translate("ui.quiz", "Continue") if not session.finished
                                           else translate("ui.quiz", "See results"))
            self.feedback.setFocus()  # read out first: the verdict (Enter still continues, 1–4 still rate)
            QTimer.singleShot(0, self._reveal_feedback)
            self._undo_now()
        else:
            self._show_question()

    @contextmanager
    def _one_layout_pass(self) -> Iterator[None]:
        """Show and hide the feedback's parts with one layout of the page, not one per widget shown: Qt lays
        out a shown widget's parent at once, and each pass re-wrapped every label of the page.

        The layouts inside (the feedback panel's, the rating bar's, the answer's and those of their parts)
        are held too: showing a widget lays out its own layout and those of its shown parents at once, at the old
        sizes, and the page's pass then does it again at the new ones (about 2 ms of CPU per answer)."""
        body = self.scroll_area.widget()
        outer = [layout for layout in (self.question_page.layout(), body.layout() if body else None) if layout]
        inner = self._inner_layouts()
        for layout in (*outer, *inner):
            layout.setEnabled(False)
        try:
            yield
        finally:
            for layout in inner:  # innermost first: their new size hints reach the page's pass (nothing laid out yet)
                layout.setEnabled(True)
                layout.invalidate()
                layout.parentWidget().updateGeometry()
            for layout in outer:  # the page first (it sizes the scroll area), then what scrolls
                if layout is not outer[0]:  # the scroll area first fits the body to its new content, while the
                    # body's layout is still held (else its pass squeezes it into the old height, or runs twice)
                    QApplication.sendEvent(self.scroll_area, QEvent(QEvent.Type.LayoutRequest))
                layout.setEnabled(True)
                layout.activate()
            for layout in inner:  # those whose widget kept its size (nothing to do for the others)
                layout.activate()

    def _inner_layouts(self) -> list[QLayout]:
        """The layouts of the answer, the feedback panel, the rating bar and their parts, each part's innermost
        first (the three are side by side: their order among themselves does not matter).

        The feedback panel's and the rating bar's are found once (they are made with the page and keep their
        parts); only the answer's, made with each question, are found at each answer. Walking and sorting
        every child of the three was half a millisecond of each answer."""
        if self._held is None or not all(map(shiboken6.isValid, self._held)):  # found again if one was let go
            self._held = [layout for root in (self.feedback, self.rating) for layout in _layouts_within(root)]
        return [*(_layouts_within(self.answer) if self.answer is not None else []), *self._held]

    def _table(self, question: QuizQuestion) -> Table | None:
        return next((t for t in self.pack.tables if t.id == question.table), None) if question.table else None

    def _reveal_feedback(self) -> None:
        """Scroll as little as needed to bring the feedback into view; if it is taller than the view, its top."""
        if not self.feedback.isVisible():
            return
        self.feedback.fit_table()
        body = self.scroll_area.widget()
        laid_out = body.layout() if body is not None else None
        if laid_out is not None:
            laid_out.activate()
        bar = self.scroll_area.verticalScrollBar()
        top = self.feedback.y()
        bottom = top + self.feedback.height()
        view = self.scroll_area.viewport().height()
        if bottom - bar.value() > view:
            bar.setValue(min(top, bottom - view))

    def commit_rating(self) -> None:
        """Store the learner's own recall rating, if they chose one other than the default."""
        pending, self.pending_rating = self.pending_rating, None
        if pending is None:
            return
        session, default = pending
        chosen = self.rating.chosen()
        if chosen != default:
            operations.run(self, translate("ui.quiz", "Saving your rating"), lambda: session.rate(chosen),
                           changed=self.state.progress_changed.emit)

    def _browse(self) -> None:
        """The question on screen, in the question browser (its feedback stays on screen here)."""
        if self.shown_question is not None:
            self.browse_requested.emit(self.shown_question.id)

    def _edit(self) -> None:
        """The question on screen (or what it is made from), in the record editor."""
        if self.shown_question is not None:
            self.edit_requested.emit(self.shown_question.id)

    def _read_section(self, section_id: str) -> None:
        if section_id:
            self.read_requested.emit(self.pack.id, section_id)

    def _tick(self) -> None:
        session = self.session
        left = session.time_left() if session is not None else None
        if session is None or left is None:
            self.timer_label.clear()
            self.timer.stop()
            return
        if not self.timer.isActive():
            self.timer.start()
        minutes, seconds = divmod(int(left), 60)
        self.timer_label.setText(translate("ui.quiz", "Time left {minutes}:{seconds}").format(
            minutes=minutes, seconds=f"{seconds:02d}"))
        if left <= 0 and self.stack.currentIndex() == 1:
            self.timer.stop()
            if self.stop_dialog is not None:
                self.stop_dialog.done(0)
            self._finish(session)

    def exam_running(self) -> bool:
        """An exam is on screen, unfinished: leaving it for something else should ask first."""
        session = self.session
        return (session is not None and not session.immediate_feedback and not session.finished
                and self.stack.currentIndex() == 1)

    def _ask(self, title: str, text: str, detail: str, go: str, then: Callable[[], None]) -> QMessageBox:
        """A window-modal question whose safe answer ("Keep going") is the default and Escape; ``then`` on ``go``."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(detail)
        yes = box.addButton(go, QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(translate("ui.quiz", "&Keep going"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        self.stop_dialog = box
        session = self.session

        def closed() -> None:
            self.stop_dialog = None
            if box.clickedButton() is yes and self.session is session:
                then()
            elif self.answer is not None and self.stack.currentIndex() == 1:
                self.answer.setFocus()

        box.finished.connect(closed)
        box.open()
        return box

    def _stop(self) -> None:
        """Stop now; an exam asks first (Escape or "Keep going" carries on)."""
        session = self.session
        if session is None:
            return
        if not self.exam_running():
            self._end()
            return
        done, total = session.position
        self._ask(translate("ui.quiz", "End the exam?"), translate("ui.quiz", "End the exam now?"),
                  translate("ui.quiz", "You have answered {done} of {total} questions. The other {left} will count "
                                       "as not answered, and you cannot come back to them.").format(
                      done=done, total=total, left=total - done), translate("ui.quiz", "&End exam"), self._end)

    def _leave_exam_then(self, action: Callable[[], None]) -> None:
        """Another quiz was asked for (from the briefing or the dashboard): during an exam, ask first."""
        if not self.exam_running():
            action()
            return
        session = self.session
        assert session is not None
        done, total = session.position
        clock = " " + translate("ui.quiz", "Its time limit keeps running.") if session.state.deadline else ""
        self._ask(translate("ui.quiz", "Leave the exam?"), translate("ui.quiz", "Leave the exam for another quiz?"),
                  translate("ui.quiz", "You have answered {done} of {total} questions. The exam stays saved: Resume "
                                       "on the quiz menu brings you back to it.").format(done=done, total=total)
                  + clock,
                  translate("ui.quiz", "&Leave exam"), action)

    def _end(self) -> None:
        self.commit_rating()
        if self.session is not None:
            self._finish(self.session)

    def _finish(self, session: QuizSession) -> None:
        """End the quiz and show the results; its answers are saved already, so a failure to mark
        it ended only means it is offered for resuming (and the box says so)."""
        try:
            session.finish()
        except StoreError as exc:
            warn(self, translate("ui.quiz", "The quiz could not be ended"),
                 translate("ui.quiz", "{error} The quiz stays unfinished: Resume continues it.").format(error=exc))
        self._show_results()

    # -- results screen ---------------------------------------------------------------
    def _build_results(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.result_title = _label(bold=True, scale=1.6)
        self.result_score = _label(scale=1.3)
        self.result_score.setAccessibleDescription(translate("ui.quiz", "Score"))
        self.result_code = _label()
        self.review_tree = ReviewTable()
        self.review_tree.setHeaderLabels([translate("ui.quiz", "Result"), translate("ui.quiz", "Question"),
                                          translate("ui.quiz", "Your answer"), translate("ui.quiz", "Answer"),
                                          translate("ui.quiz", "Why, and the source")])
        self.review_tree.setAccessibleName(translate("ui.quiz", "Per-question review"))
        again = QPushButton(translate("ui.quiz", "Back to quiz &menu"))
        again.clicked.connect(self.show_menu)
        self.result_undo = QPushButton(translate("ui.quiz", "&Undo last answer"))
        self.result_undo.setToolTip(translate("ui.quiz", "Take the last answer back and answer that question again "
                                                         "(Ctrl+Z)"))
        self.result_undo.setAccessibleName(translate("ui.quiz", "Undo last answer"))
        self.result_undo.clicked.connect(self.undo_last_answer)
        for widget in (self.result_title, self.result_score, self.result_code):
            layout.addWidget(widget)
        layout.addWidget(self.review_tree, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.result_undo)
        buttons.addStretch(1)
        buttons.addWidget(again)
        layout.addLayout(buttons)
        return page

    def _show_results(self) -> None:
        session = self.session
        assert session is not None
        self.timer.stop()
        outcomes = session.review()
        self.result_title.setText(translate("ui.quiz", "{title}: results").format(title=quiz_title(session)))
        self.result_score.setText(score_line(session.score, session.answered_count, len(outcomes)))
        code = session.state.exam_code
        self.result_code.setText(translate("ui.quiz", "Exam code {code}: share it so others get the same questions.")
                                 .format(code=code) if code else "")
        self.review_tree.clear()
        for outcome in outcomes:
            result, state = outcome_words(outcome)
            given = translate("ui.quiz", "(not answered)") if outcome.grade is None else given_text(
                outcome.question, outcome.response)
            item = QTreeWidgetItem([result, outcome.question.prompt, given, key_text(outcome.question),
                                    why_text(outcome)])
            for column in range(5):
                item.setToolTip(column, tooltip(item.text(column)))
                item.setTextAlignment(column, TOP_LEFT)  # a row's cells start on one line, however tall it is
            item.setData(0, VERDICT_STATE, state)
            self.review_tree.addTopLevelItem(item)
        self._tint_results()
        self.review_tree.fit_columns()
        self.stack.setCurrentIndex(2)
        self.review_tree.setFocus()
        self._undo_now()

    # -- starting quizzes -----------------------------------------------------------------
    def start(self, mode: str, **options: Any) -> bool:
        """Start a quiz; a mistyped exam code, nothing to ask or a full disk is said in words (False)."""
        self.commit_rating()
        session = operations.run(self, translate("ui.quiz", "Starting the quiz"),
                                 operations.busy(lambda: self.workspace.start_quiz(self.pack_id, mode, **options)))
        if session is None:
            return False
        self.session = session
        self._show_question()
        return True

    def start_topic(self, pack_id: str, topic_id: str) -> None:
        """From the briefing's "Quiz me on this" (during an exam, after asking)."""

        def go() -> None:
            self.state.set_pack(pack_id)
            self.start("topic", topic=topic_id)

        self._leave_exam_then(go)

    def start_questions(self, pack_id: str, question_ids: list[str]) -> None:
        """From the dashboard's hardest questions (during an exam, after asking)."""

        def go() -> None:
            self.state.set_pack(pack_id)
            self.start("custom", question_ids=list(question_ids))

        self._leave_exam_then(go)

    def _new_exam(self) -> None:
        spec = new_exam_spec(self.exam_count.value(), self.exam_minutes.value())
        self.start("exam", exam_code=spec.code)

    def _join_exam(self) -> None:
        self.start("exam", exam_code=self.code_edit.text())

    def _resume(self) -> None:
        self.session = self.workspace.resume_quiz(self.pack_id)
        if self.session is not None:
            self._show_question()

    def show_menu(self) -> None:
        """Back to the start screen; an unfinished quiz stays saved and can be resumed there."""
        self.commit_rating()
        self.timer.stop()
        self._refresh_start()
        self.stack.setCurrentIndex(0)
        self._undo_now()

    # -- taking an answer back ------------------------------------------------------------
    def can_undo(self) -> bool:
        """A quiz is on screen (a question or its results) and its last answer may be taken back."""
        session = self.session
        return session is not None and self.stack.currentIndex() in (1, 2) and session.undo_refusal() is None

    def _undo_now(self) -> None:
        available = self.can_undo()
        self.result_undo.setVisible(available)
        self.undo_changed.emit(available)

    def undo_last_answer(self) -> bool:
        """Ctrl+Z (or the results' button): take the last answer back and ask that question again.

        A recall rating not yet confirmed is dropped with it. Nothing to take back, or a store that cannot
        save, is said in a box; the screen then stays as it was.
        """
        session = self.session
        if session is None or self.stack.currentIndex() not in (1, 2):
            return False
        self.pending_rating = None  # the answer it rated is being taken back
        question = operations.run(self, translate("ui.quiz", "Taking your answer back"), session.undo,
                                  changed=self.state.progress_changed.emit)
        if question is None:
            return False
        self._show_question()
        self.retry_label.setText(translate("ui.quiz", "↶ Your answer was taken back: it no longer counts anywhere. "
                                                  "Answer again."))
        self.retry_box.setVisible(True)
        return True

    # -- keyboard ----------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if self.stack.currentIndex() == 1:
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._enter()
                return
            if Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and self.awaiting_next:
                if self.rating.isVisible() and self.rating.choose(key - Qt.Key.Key_0):
                    return
            elif Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and self.answer is not None:
                if self.answer.pick(key - Qt.Key.Key_0):
                    return
        super().keyPressEvent(event)


def given_text(question: QuizQuestion, response: object) -> str:
    """What the learner answered, in the words the question showed: a true/false answer as its button read,
    in the pack's language (正しい for a Japanese pack, True for an English one whatever the interface's
    language; not the stored "true")."""
    if question.kind == Kind.TRUEFALSE:
        word = true_false_words(question).get(str(response).strip().lower())
        if word:
            return word
    return _response_text(response, question.kind)


def key_text(question: QuizQuestion) -> str:
    """The right answer as the results list shows it (a true/false key in the same words as the answer: the
    pack's, as the question "True or false: …" is)."""
    return expected_text(question)


def why_text(outcome: Outcome) -> str:
    """The results' last column: what practice's feedback says after each answer, for an exam's learner who
    saw none until now: the pack's words on a wrong choice, the correction of a false statement, the
    explanation, and the quotes with their outlets. (It held only the quotes: "wrong", the key and a sentence,
    never why.)"""
    question, grade = outcome.question, outcome.grade
    lines = option_feedback(question, grade, outcome.response) if grade is not None and not grade.correct else []
    lines += [text for text in (question.correction, explanation_text(question), question.citation) if text]
    return "\n".join(dict.fromkeys(lines))


def _response_text(response: object, kind: str = "") -> str:
    if isinstance(response, dict):
        none = translate("ui.quiz", "(none)")
        return "; ".join(f"{k} → {v or none}" for k, v in response.items())
    if isinstance(response, list | tuple):
        return (" → " if kind == Kind.ORDER else "; ").join(str(r) for r in response)
    return str(response)


def _points(score: float) -> str:
    return QLocale().toString(float(round(score, 2)), "g", 6)


def _percent(share: float) -> str:
    """A share (0..1) as a whole percentage in the interface's locale: 0.78 → "78%"."""
    return i18n.number(round(100 * share)) + "%"


def score_line(score: float, answered: int, total: int) -> str:
    """ "Score: 7 of 9 answered (78%) · 11 not answered": out of the questions answered, the rest named."""
    missing = total - answered
    number = QLocale().toString
    if answered == 0:
        return translate("ui.quiz", "No questions answered · {missing} not answered").format(missing=number(missing))
    share = _percent(score / answered)
    if missing == 0:
        return translate("ui.quiz", "Score: {points} of {answered} ({share})").format(
            points=_points(score), answered=number(answered), share=share)
    return translate("ui.quiz", "Score: {points} of {answered} answered ({share}) · {missing} not answered").format(
        points=_points(score), answered=number(answered), share=share, missing=number(missing))


def outcome_words(outcome: Outcome) -> tuple[str, str | None]:
    """The results list's first column, in words: right, wrong, partly right, right on retry, not answered."""
    grade = outcome.grade
    if grade is None:
        return translate("ui.quiz", "not answered"), None
    if grade.correct:
        return translate("ui.quiz", "right"), RIGHT
    if outcome.retried_right:
        return translate("ui.quiz", "right on retry"), PARTLY
    if grade.score > 0:
        return translate("ui.quiz", "partly right ({share})").format(share=_percent(grade.score)), PARTLY
    return translate("ui.quiz", "wrong"), WRONG
