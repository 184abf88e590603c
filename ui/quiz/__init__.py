"""The quiz page: start a quiz, answer by keyboard, see sourced feedback.

It only displays a :class:`quiz.session.QuizSession` and forwards what the
learner does; grading, storage and scheduling live in the engine.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from content.model import Pack
from db.errors import StoreError
from quiz.grade import Grade, expected_text
from quiz.session import QuizSession, new_exam_spec
from quiz.workspace import Workspace
from ui.messages import warn
from ui.quiz.answer_widgets import AnswerWidget, answer_widget_for
from ui.text import plain, tooltip


def _label(text: str = "", *, bold: bool = False, scale: float = 1.0) -> QLabel:
    return plain(text, bold=bold, scale=scale)


class QuizPage(QWidget):
    """Start screen → question screen (one at a time) → results screen."""

    def __init__(self, workspace: Workspace, pack_id: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Quiz")
        self.workspace = workspace
        self.session: QuizSession | None = None
        self.pack_id = pack_id  # None: the workspace's first pack
        self.answer: AnswerWidget | None = None
        self.awaiting_next = False
        self.clock = QElapsedTimer()
        self.timer = QTimer(self, interval=1000)
        self.timer.timeout.connect(self._tick)

        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_start())
        self.stack.addWidget(self._build_question())
        self.stack.addWidget(self._build_results())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self._refresh_start()

    @property
    def pack(self) -> Pack:
        return self.workspace.pack(self.pack_id)

    # -- start screen ---------------------------------------------------------------
    def _build_start(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(_label("Test yourself", bold=True, scale=1.6))
        self.start_info = _label()
        layout.addWidget(self.start_info)

        self.resume_box = QGroupBox("Unfinished quiz")
        resume_layout = QHBoxLayout(self.resume_box)
        self.resume_label = _label()
        self.resume_button = QPushButton("&Resume")
        self.resume_button.clicked.connect(self._resume)
        resume_layout.addWidget(self.resume_label, 1)
        resume_layout.addWidget(self.resume_button)
        layout.addWidget(self.resume_box)

        practice = QGroupBox("Practice")
        p_layout = QHBoxLayout(practice)
        p_layout.addWidget(_label("One question at a time with feedback quoting the article. "
                                  "Questions that are due come first, then new ones."), 1)
        self.practice_button = QPushButton("Start &practice")
        self.practice_button.clicked.connect(lambda: self.start("practice"))
        self.review_button = QPushButton("Review &mistakes")
        self.review_button.clicked.connect(lambda: self.start("review"))
        p_layout.addWidget(self.practice_button)
        p_layout.addWidget(self.review_button)
        layout.addWidget(practice)

        topic_box = QGroupBox("One topic")
        t_layout = QHBoxLayout(topic_box)
        self.topic_combo = QComboBox()
        self.topic_combo.setAccessibleName("Topic")
        topic_button = QPushButton("Quiz this &topic")
        topic_button.clicked.connect(lambda: self.start_topic(self.pack.id, self.topic_combo.currentData()))
        t_layout.addWidget(self.topic_combo, 1)
        t_layout.addWidget(topic_button)
        layout.addWidget(topic_box)

        exam = QGroupBox("Exam")
        e_layout = QHBoxLayout(exam)
        e_layout.addWidget(QLabel("Questions:"))
        self.exam_count = QSpinBox(minimum=5, maximum=60, value=20)
        self.exam_count.setAccessibleName("Number of exam questions")
        e_layout.addWidget(self.exam_count)
        e_layout.addWidget(QLabel("Time limit (min, 0 = none):"))
        self.exam_minutes = QSpinBox(minimum=0, maximum=150, singleStep=5, value=0)
        self.exam_minutes.setAccessibleName("Time limit in minutes")
        e_layout.addWidget(self.exam_minutes)
        new_exam = QPushButton("New &exam")
        new_exam.clicked.connect(self._new_exam)
        e_layout.addWidget(new_exam)
        e_layout.addSpacing(16)
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText("Exam code, e.g. 7KQ2MX")
        self.code_edit.setAccessibleName("Exam code")
        self.code_edit.setMaxLength(8)
        self.code_edit.returnPressed.connect(self._join_exam)
        join = QPushButton("&Join")
        join.clicked.connect(self._join_exam)
        e_layout.addWidget(self.code_edit)
        e_layout.addWidget(join)
        layout.addWidget(exam)
        layout.addStretch(1)
        return page

    def _refresh_start(self) -> None:
        pack = self.pack
        self.start_info.setText(f"Briefing: {pack.meta.title}")
        self.topic_combo.clear()
        for topic in pack.topics:
            self.topic_combo.addItem(topic.title, topic.id)
        pending = QuizSession.resume(self.workspace.progress, self.workspace.learner_id, pack)
        self.resume_box.setVisible(pending is not None)
        if pending:
            done, total = pending.position
            self.resume_label.setText(f"{pending.state.title or pending.mode.title()}: {done} of {total} answered.")

    # -- question screen ---------------------------------------------------------------
    def _build_question(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        header = QHBoxLayout()
        self.title_label = _label(bold=True, scale=1.2)
        self.timer_label = _label()
        self.timer_label.setAccessibleName("Time left")
        header.addWidget(self.title_label, 1)
        header.addWidget(self.timer_label)
        layout.addLayout(header)
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName("Progress through the quiz")
        self.progress_bar.setFormat("Question %v of %m")
        layout.addWidget(self.progress_bar)

        self.prompt_label = _label(scale=1.25)
        self.prompt_label.setAccessibleName("Question")
        layout.addWidget(self.prompt_label)
        self.answer_holder = QVBoxLayout()
        layout.addLayout(self.answer_holder)

        self.feedback = QFrame()
        self.feedback.setFrameShape(QFrame.Shape.StyledPanel)
        f_layout = QVBoxLayout(self.feedback)
        self.verdict_label = _label(bold=True, scale=1.2)
        self.verdict_label.setAccessibleName("Verdict")
        self.pairs_label = _label()
        self.quote_label = _label()
        self.quote_label.setAccessibleName("Source quote")
        f_layout.addWidget(self.verdict_label)
        f_layout.addWidget(self.pairs_label)
        f_layout.addWidget(self.quote_label)
        layout.addWidget(self.feedback)
        layout.addStretch(1)

        buttons = QHBoxLayout()
        self.hint_label = _label("Keys: 1–9 choose · Enter submits, then continues")
        self.stop_button = QPushButton("Stop and see results")
        self.stop_button.clicked.connect(self._stop)
        self.submit_button = QPushButton("Submit")
        self.submit_button.setDefault(True)
        self.submit_button.clicked.connect(self._enter)
        buttons.addWidget(self.hint_label, 1)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.submit_button)
        layout.addLayout(buttons)
        return page

    def _show_question(self) -> None:
        session = self.session
        assert session is not None
        if session.finished:
            self._show_results()
            return
        question = session.current
        assert question is not None
        done, total = session.position
        self.title_label.setText(session.state.title or session.mode.title())
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done + 1)
        self.prompt_label.setText(question.prompt)
        if self.answer is not None:
            self.answer.hide()  # deleteLater alone leaves it on screen until the event loop runs
            self.answer_holder.removeWidget(self.answer)
            self.answer.deleteLater()
        self.answer = answer_widget_for(question)
        self.answer_holder.addWidget(self.answer)
        self.feedback.hide()
        self.awaiting_next = False
        self.submit_button.setText("Submit")
        self.stack.setCurrentIndex(1)
        self.answer.setFocus()
        self.clock.start()
        self._tick()

    def _enter(self) -> None:
        if self.awaiting_next:
            self._show_question()
        else:
            self._submit()

    def _submit(self) -> None:
        session, answer = self.session, self.answer
        if session is None or answer is None or session.current is None:
            return
        response = answer.response()
        if response is None:
            self.verdict_label.setText("Choose or type an answer first.")
            self.pairs_label.clear()
            self.quote_label.clear()
            self.feedback.show()
            return
        question = session.current
        try:
            result = session.submit(response, int(self.clock.elapsed()))
        except StoreError as exc:  # the question stays open: answer again once there is room
            warn(self, "Your answer was not saved", str(exc))
            return
        answer.lock()
        if session.immediate_feedback:
            self._show_feedback(question, result)
            self.awaiting_next = True
            self.submit_button.setText("Continue" if not session.finished else "See results")
            self.submit_button.setFocus()
        else:
            self._show_question()

    def _show_feedback(self, question, result: Grade) -> None:  # noqa: ANN001
        mark = "✓" if result.correct else ("◐" if result.score > 0 else "✗")
        verdict = f"{mark} {result.verdict}."
        if not result.correct:
            verdict += f" The answer is: {expected_text(question)}"
        if result.note:
            verdict += f"  {result.note}"
        self.verdict_label.setText(verdict)
        self.pairs_label.setText("\n".join(
            f"{'✓' if p.correct else '✗'} {p.left} → {p.given or '(none)'}"
            + ("" if p.correct else f"   (right: {p.expected})") for p in result.pairs))
        self.pairs_label.setVisible(bool(result.pairs))
        self.quote_label.setText(f"From the article: {question.citation}")
        self.feedback.show()

    def _tick(self) -> None:
        session = self.session
        left = session.time_left() if session else None
        if left is None:
            self.timer_label.clear()
            self.timer.stop()
            return
        if not self.timer.isActive():
            self.timer.start()
        minutes, seconds = divmod(int(left), 60)
        self.timer_label.setText(f"Time left {minutes}:{seconds:02d}")
        if left <= 0 and self.stack.currentIndex() == 1:
            self.timer.stop()
            self._finish(session)

    def _stop(self) -> None:
        if self.session is not None:
            self._finish(self.session)

    def _finish(self, session: QuizSession) -> None:
        """End the quiz and show the results; its answers are saved already, so a failure to mark
        it ended only means it is offered for resuming (and the box says so)."""
        try:
            session.finish()
        except StoreError as exc:
            warn(self, "The quiz could not be ended", f"{exc} The quiz stays unfinished: Resume continues it.")
        self._show_results()

    # -- results screen ---------------------------------------------------------------
    def _build_results(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.result_title = _label(bold=True, scale=1.6)
        self.result_score = _label(scale=1.3)
        self.result_score.setAccessibleName("Score")
        self.result_code = _label()
        self.review_tree = QTreeWidget()
        self.review_tree.setHeaderLabels(["", "Question", "Your answer", "Answer", "Source"])
        self.review_tree.setAccessibleName("Per-question review")
        self.review_tree.setRootIsDecorated(False)
        self.review_tree.setWordWrap(True)
        again = QPushButton("Back to quiz &menu")
        again.clicked.connect(self.show_menu)
        for widget in (self.result_title, self.result_score, self.result_code):
            layout.addWidget(widget)
        layout.addWidget(self.review_tree, 1)
        layout.addWidget(again)
        return page

    def _show_results(self) -> None:
        session = self.session
        assert session is not None
        self.timer.stop()
        outcomes = session.review()
        total = len(outcomes)
        self.result_title.setText(f"{session.state.title or session.mode.title()}: results")
        self.result_score.setText(f"Score: {session.score:g} of {total} ({session.score / total:.0%})")
        code = session.state.exam_code
        self.result_code.setText(f"Exam code {code}: share it so others get the same questions." if code else "")
        self.review_tree.clear()
        for outcome in outcomes:
            grade = outcome.grade
            mark = "—" if grade is None else ("✓" if grade.correct else ("◐" if grade.score else "✗"))
            given = "(not answered)" if outcome.response is None else _response_text(outcome.response)
            item = QTreeWidgetItem([mark, outcome.question.prompt, given, expected_text(outcome.question),
                                    outcome.question.citation])
            for column in range(5):
                item.setToolTip(column, tooltip(item.text(column)))
            self.review_tree.addTopLevelItem(item)
        self.review_tree.resizeColumnToContents(0)
        width = max(600, self.review_tree.viewport().width())
        for column, share in ((1, 0.34), (2, 0.18), (3, 0.18)):
            self.review_tree.setColumnWidth(column, int(width * share))
        self.stack.setCurrentIndex(2)
        self.review_tree.setFocus()

    # -- starting quizzes -----------------------------------------------------------------
    def start(self, mode: str, **options) -> bool:  # noqa: ANN003
        try:
            self.session = QuizSession.start(self.workspace.progress, self.workspace.learner_id, self.pack, mode,
                                             **options)
        except StoreError as exc:
            warn(self, "The quiz did not start", str(exc))
            return False
        except ValueError as exc:
            QMessageBox.information(self, "Nothing to ask", str(exc))
            return False
        self._show_question()
        return True

    def start_topic(self, pack_id: str, topic_id: str) -> None:
        """From the briefing's "Quiz me on this"."""
        self.pack_id = pack_id
        self.start("topic", topic=topic_id)

    def start_questions(self, pack_id: str, question_ids: list[str]) -> None:
        """From the dashboard's hardest questions."""
        self.pack_id = pack_id
        self.start("custom", question_ids=list(question_ids))

    def _new_exam(self) -> None:
        spec = new_exam_spec(self.exam_count.value(), self.exam_minutes.value())
        self.start("exam", exam_code=spec.code)

    def _join_exam(self) -> None:
        try:
            self.start("exam", exam_code=self.code_edit.text())
        except ValueError as exc:
            QMessageBox.warning(self, "Exam code", str(exc))

    def _resume(self) -> None:
        self.session = QuizSession.resume(self.workspace.progress, self.workspace.learner_id, self.pack)
        if self.session is not None:
            self._show_question()

    def show_menu(self) -> None:
        """Back to the start screen; an unfinished quiz stays saved and can be resumed there."""
        self.timer.stop()
        self._refresh_start()
        self.stack.setCurrentIndex(0)

    # -- keyboard ----------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if self.stack.currentIndex() == 1:
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._enter()
                return
            if Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and self.answer is not None and not self.awaiting_next:
                if self.answer.pick(key - Qt.Key.Key_0):
                    return
        super().keyPressEvent(event)


def _response_text(response: object) -> str:
    if isinstance(response, dict):
        return "; ".join(f"{k} → {v or '(none)'}" for k, v in response.items())
    return str(response)
