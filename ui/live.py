"""Live sessions on the trainer's side: choose, run (full screen, for the projector), read back.

The session's rules are in :mod:`quiz.live`, the serving in
:mod:`app.live_server`; this module shows what the room has done and forwards
the trainer's keys. Names and answers from the room are shown as plain text
(labels in PlainText, bars painted with ``drawText``), never as markup.

Keys in the session window: Space, Enter or → opens the first question, then
reveals, then moves on; Esc ends the session (after asking). Closing the
window or the app ends it too: the server stops and the port is released.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLocale, QObject, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QColor, QFont, QKeyEvent, QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import StoreError
from app.live import DEFAULT_PORT, LOOPBACK, LiveOptions, LiveRun, LiveServerError, lan_addresses
from app.workspace import Workspace
from content.model import Pack
from quiz.live import Bar, Phase, Snapshot
from quiz.slides import question_slide
from ui import i18n, theme
from ui.i18n import translate
from ui.messages import warn
from ui.room_choice import RoomChoice
from ui.text import plain

FORWARD = {Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Right, Qt.Key.Key_PageDown}
LEAVE = {Qt.Key.Key_Escape}


class LiveSetupDialog(QDialog):
    """"Run a live session…": what to ask, how, and where the room can reach this computer."""

    def __init__(self, workspace: Workspace, pack: Pack, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("ui.live", "Run a live session"))
        self.workspace, self.pack = workspace, pack
        intro = plain(translate("ui.live", "Briefing: {title}. Learners answer on their own phones or laptops: they "
                                "open the address shown (or scan its QR code) on this network and type a name. "
                                "Nothing is installed and no internet is needed. The app serves that page only while "
                                "the session runs.").format(title=pack.meta.title))
        self.choice = RoomChoice(pack, workspace.questions(pack.id))
        self.timed = QCheckBox(translate("ui.live", "&Time limit per question"))
        self.seconds = QSpinBox()
        self.seconds.setRange(5, 600)
        self.seconds.setValue(30)
        self.seconds.setSuffix(translate("ui.live", " s"))
        self.seconds.setAccessibleName(translate("ui.live", "Seconds per question"))
        self.seconds.setEnabled(False)
        self.timed.toggled.connect(self.seconds.setEnabled)
        timer_row = QHBoxLayout()
        timer_row.addWidget(self.timed)
        timer_row.addWidget(self.seconds)
        timer_row.addStretch(1)
        self.ranking = QCheckBox(translate("ui.live", "Show a &ranking by accuracy at the end (no points for speed)"))
        self.address = QComboBox()
        self.address.setEditable(True)
        self.address.setAccessibleName(translate("ui.live", "Address to serve on"))
        for address in lan_addresses():
            self.address.addItem(address)
        self.address.setToolTip(translate("ui.live", "This computer's address on the classroom network; 127.0.0.1 is "
                                           "this computer only"))
        self.port = QSpinBox()
        self.port.setRange(1024, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.port.setAccessibleName(translate("ui.live", "Port"))
        where = QHBoxLayout()
        where.addWidget(self.address, 1)
        where.addWidget(QLabel(translate("ui.live", "port")))
        where.addWidget(self.port)
        form = QFormLayout()
        form.addRow(translate("ui.live", "Timer:"), timer_row)
        form.addRow("", self.ranking)
        form.addRow(translate("ui.live", "Serve on:"), where)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.start_button = buttons.addButton(translate("ui.live", "&Start session"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.choice)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(640, 600)

    def options(self) -> LiveOptions:
        return LiveOptions(topics=self.choice.chosen_topics(), kinds=self.choice.chosen_kinds(),
                           count=self.choice.count.value(),
                           timer_s=float(self.seconds.value()) if self.timed.isChecked() else None,
                           ranking=self.ranking.isChecked(), host=self.address.currentText().strip() or LOOPBACK,
                           port=self.port.value())


class _Bridge(QObject):
    """Carries the server thread's "something arrived" into the GUI thread (a queued signal)."""

    changed = Signal(str)


class DistributionChart(QWidget):
    """Horizontal bars, one per option (or verdict), the count at the end; the key marked in words and colour."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.bars: tuple[Bar, ...] = ()
        self.setAccessibleName(translate("ui.live", "How the room answered"))
        self.setMinimumHeight(120)

    def set_bars(self, bars: Sequence[Bar]) -> None:
        self.bars = tuple(bars)
        total = sum(b.count for b in self.bars)
        right, locale = translate("ui.live", " (right answer)"), QLocale()
        self.setAccessibleDescription("; ".join(f"{b.label}: {locale.toString(b.count)}{right if b.key else ''}"
                                                for b in self.bars)
                                      + "; " + translate("ui.live", "{total} in all").format(
                                          total=locale.toString(total)))
        self.setMinimumHeight(max(120, 44 * len(self.bars)))
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(800, max(120, 52 * len(self.bars)))

    def paintEvent(self, _event: object) -> None:  # noqa: N802 - Qt override
        if not self.bars:
            return
        colors = theme.chart_colors()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        row = self.height() / len(self.bars)
        font.setPixelSize(max(12, min(30, int(row * 0.42))))
        painter.setFont(font)
        label_w = self.width() * 0.38
        right = translate("ui.live", "✓ right")
        count_w = painter.fontMetrics().horizontalAdvance(f"0000 {right}")
        bar_w = max(10.0, self.width() - label_w - count_w - 24)
        biggest = max(1, max(b.count for b in self.bars))
        text = self.palette().windowText().color()
        for i, bar in enumerate(self.bars):
            top = i * row
            label_rect = QRectF(0, top, label_w - 8, row)
            painter.setPen(text)
            elided = painter.fontMetrics().elidedText(bar.label, Qt.TextElideMode.ElideRight, int(label_rect.width()))
            painter.drawText(label_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, elided)
            width = bar_w * bar.count / biggest
            color = QColor(colors.bars[2] if bar.key else colors.bars[0])
            if not bar.key:
                color.setAlpha(150)
            painter.fillRect(QRectF(label_w, top + row * 0.18, max(2.0, width), row * 0.64), color)
            painter.setPen(text)
            painter.drawText(QRectF(label_w + width + 8, top, count_w + 16, row),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             f"{i18n.number(bar.count)}{'  ' + right if bar.key else ''}")
        painter.end()


def _lettered(question: object, bars: Sequence[Bar]) -> tuple[Bar, ...]:
    """Option bars named as the screen letters them ("B. Nikkei"); verdict bars as they are."""
    from quiz.slides import LETTERS

    options = list(getattr(question, "choices", ()))
    if str(getattr(question, "kind", "")) not in ("choice", "scenario", "multi"):
        return tuple(bars)
    return tuple(Bar(f"{LETTERS[options.index(b.label)]}. {b.label}" if b.label in options
                     and options.index(b.label) < len(LETTERS) else b.label, b.count, b.key) for b in bars)


def qr_pixmap(url: str, size: int) -> QPixmap:
    """The join address as a QR code (segno writes the PNG; nothing is fetched)."""
    import io

    import segno

    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=10, border=2, dark="#000000", light="#ffffff")
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue())  # the format is read from the PNG header
    return pixmap.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation)


class LiveWindow(QWidget):
    """The trainer's screen during a live session (full screen, large type, for the projector)."""

    def __init__(self, workspace: Workspace, run: LiveRun, bridge: _Bridge, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.workspace, self.run, self.bridge = workspace, run, bridge
        self.setWindowTitle(translate("ui.live", "Live session — Briefing Quiz"))
        self.setAccessibleName(translate("ui.live", "Live session"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoFillBackground(True)
        self.join_line = plain(selectable=True)
        self.join_line.setAccessibleName(translate("ui.live", "How to join"))
        self.qr = QLabel()
        self.qr.setAccessibleName(translate("ui.live", "QR code to join"))
        self.heading = plain(selectable=False)
        self.main = plain(selectable=False)
        self.main.setAccessibleName(translate("ui.live", "Question"))
        self.lines = plain(selectable=False)
        self.count = plain(selectable=False)
        self.count.setAccessibleName(translate("ui.live", "Answers received"))
        self.chart = DistributionChart()
        self.answer = plain(selectable=False)
        self.answer.setAccessibleName(translate("ui.live", "Answer"))
        self.answer.setStyleSheet(f"color: {theme.chart_colors().accent}")
        self.explanation = plain(selectable=False)
        self.source = plain(selectable=False)
        self.source.setAccessibleName(translate("ui.live", "Source"))
        self.footer = plain(selectable=False)
        top = QHBoxLayout()
        text_column = QVBoxLayout()
        text_column.addWidget(self.join_line)
        text_column.addWidget(self.heading)
        text_column.addWidget(self.main)
        text_column.addWidget(self.lines)
        text_column.addWidget(self.count)
        top.addLayout(text_column, 1)
        top.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.answer)
        layout.addWidget(self.explanation)
        layout.addWidget(self.source)
        layout.addStretch(0)
        layout.addWidget(self.footer)
        bridge.changed.connect(self.refresh)
        self.ticker = QTimer(self, interval=500)
        self.ticker.timeout.connect(self.refresh)
        if run.options.timer_s:
            self.ticker.start()
        self._qr_size = 0
        self.refresh()

    # -- the trainer's keys ------------------------------------------------------------------
    def forward(self) -> None:
        """Lobby → first question; asking → reveal; revealed → next question (or the end)."""
        phase = self.run.snapshot().phase
        if phase == Phase.ASKING:
            self.run.reveal()
        elif phase in (Phase.LOBBY, Phase.REVEALED):
            self.run.next()
        self.refresh()

    def end_session(self) -> None:
        """End for everyone: learners see their summary; the results stay in the store."""
        if self.run.running:
            self.run.end()
        self.refresh()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = Qt.Key(event.key())
        if key in FORWARD:
            self.forward()
        elif key in LEAVE:
            if self.run.snapshot().phase == Phase.ENDED or self._confirm_end():
                self.close()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _confirm_end(self) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, translate("ui.live", "End the live session?"),
                          translate("ui.live", "End the session for everyone? Every answer so far is saved."),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("end-live-session")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.ticker.stop()
        self.end_session()
        self.workspace.stop_live_session()
        super().closeEvent(event)

    # -- drawing --------------------------------------------------------------------------------
    def refresh(self, _what: str = "") -> None:
        snap = self.run.snapshot()
        self.join_line.setText(translate("ui.live", "Join: {url}    or open {address} and type the code {code}")
                               .format(url=self.run.url, address=self.run.address, code=self.run.code))
        lobby = snap.phase == Phase.LOBBY
        ended = snap.phase == Phase.ENDED
        revealed = snap.phase in (Phase.REVEALED, Phase.ENDED) and snap.question is not None and not ended
        self._size_qr(large=lobby)
        self.join_line.setVisible(not lobby)
        if lobby:
            self.heading.setText(translate("ui.live", "Scan the QR code, or open {address} and type the code")
                                 .format(address=self.run.address))
            self.main.setText(translate("ui.live", "Code: {code}").format(code=self.run.code))
            names = ", ".join(snap.learners[-40:])
            self.lines.setText(names)
            self.count.setText(translate("ui.live", "{count} joined").format(
                count=i18n.number(len(snap.learners))))
        elif ended:
            self._show_end(snap)
        elif snap.question is not None:
            question = snap.question
            slide = question_slide(question, snap.topic)
            self.heading.setText(translate("ui.live", "Question {number} of {total} · {topic}").format(
                number=i18n.number(snap.position + 1), total=i18n.number(snap.total), topic=snap.topic))
            self.main.setText(slide.main if not slide.lead else f"{slide.lead}\n\n{slide.main}")
            self.lines.setText("\n".join(slide.lines))
            timer = ""
            if snap.seconds_left is not None:
                timer = "    " + (translate("ui.live", "{seconds} s left").format(
                    seconds=i18n.number(round(snap.seconds_left))) if snap.seconds_left > 0
                    else translate("ui.live", "time is up"))
            self.count.setText(translate("ui.live", "{answered} of {learners} answered").format(
                answered=i18n.number(snap.answered), learners=i18n.number(len(snap.learners))) + timer)
            self.answer.setText(translate("ui.live", "Answer: {answer}").format(answer=slide.answer) if revealed
                                else "")
            explanation = question.explanation
            if question.correction:
                explanation = f"{question.correction} {explanation}".strip()
            self.explanation.setText(explanation if revealed else "")
            self.source.setText(question.citation if revealed else "")
            self.chart.set_bars(_lettered(question, snap.distribution) if revealed else ())
        self.chart.setVisible(revealed)
        for label in (self.answer, self.explanation, self.source):
            label.setVisible(revealed and bool(label.text()))
        self.lines.setVisible(bool(self.lines.text()))
        self.footer.setText(self._hint(snap))
        self._size_text()

    def _show_end(self, snap: Snapshot) -> None:
        stored = len(self.workspace.live_answers(self.run.session.id))
        locale = QLocale()
        self.heading.setText(translate("ui.live", "Session ended"))
        self.main.setText(translate("ui.live", "{learners} learners · {answers} answers saved").format(
            learners=locale.toString(len(snap.learners)), answers=locale.toString(stored)))
        ranking = [translate("ui.live", "{place}. {name}: {right} of {total} right").format(
            place=locale.toString(s.place), name=s.name, right=locale.toString(s.right),
            total=locale.toString(snap.total))
            for s in snap.ranking[:10]]
        self.lines.setText("\n".join(ranking))
        self.count.setText(translate("ui.live", "Results: File → Live session results…, or the trainer report"))

    def _hint(self, snap: Snapshot) -> str:
        step = {Phase.LOBBY: translate("ui.live", "Space: first question"),
                Phase.ASKING: translate("ui.live", "Space: reveal"),
                Phase.REVEALED: translate("ui.live", "Space: next question") if snap.position + 1 < snap.total
                else translate("ui.live", "Space: end"),
                Phase.ENDED: ""}[snap.phase]
        leave = (translate("ui.live", "Esc: close") if snap.phase == Phase.ENDED
                 else translate("ui.live", "Esc: end the session"))
        return " · ".join(filter(None, (step, leave)))

    def _size_qr(self, *, large: bool) -> None:
        base = max(min(self.height(), self.width() * 9 // 16), 400)
        size = base // 2 if large else base // 5
        if size != self._qr_size:
            self.qr.setPixmap(qr_pixmap(self.run.url, size))
            self._qr_size = size

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._size_text()

    def _size_text(self) -> None:
        base = max(min(self.height(), self.width() * 9 // 16), 400)
        sizes = ((self.join_line, base // 36, False), (self.heading, base // 32, False),
                 (self.main, base // (12 if len(self.main.text()) <= 60 else 18 if len(self.main.text()) <= 160
                                      else 24), True),
                 (self.lines, base // 30, False), (self.count, base // 22, True), (self.answer, base // 26, True),
                 (self.explanation, base // 36, False), (self.source, base // 40, False),
                 (self.footer, max(12, base // 60), False))
        for label, px, bold in sizes:
            font = label.font()
            font.setPixelSize(max(11, px))
            font.setBold(bold)
            label.setFont(font)
        self.chart.setFont(self.font())
        layout = self.layout()
        if layout is not None:
            layout.setContentsMargins(base // 20, base // 40, base // 20, base // 60)


def start_live_session(parent: QWidget, workspace: Workspace, pack: Pack) -> LiveWindow | None:
    """Ask what to run, start serving and open the session window; None when cancelled or refused."""
    dialog = LiveSetupDialog(workspace, pack, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return open_live_window(parent, workspace, pack, dialog.options())


def open_live_window(parent: QWidget, workspace: Workspace, pack: Pack, options: LiveOptions) -> LiveWindow | None:
    if not options.topics or not options.kinds:
        warn(parent, translate("ui.live", "Live session"),
             translate("ui.live", "Tick at least one topic and one kind of question."), name="live-refused")
        return None
    bridge = _Bridge()
    try:
        run = workspace.start_live_session(pack.id, options, on_change=bridge.changed.emit)
    except (StoreError, LiveServerError, ValueError, OSError) as exc:  # e.g. not this machine's address, port taken
        warn(parent, translate("ui.live", "Live session not started"), str(exc), name="live-refused")
        return None
    window = LiveWindow(workspace, run, bridge)
    bridge.setParent(window)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return window


class LiveResultsDialog(QDialog):
    """Stored live sessions: who answered what; export one as CSV."""

    def __init__(self, workspace: Workspace, pack: Pack, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace, self.pack = workspace, pack
        self.setWindowTitle(translate("ui.live", "Live session results"))
        self.sessions = QListWidget()
        self.sessions.setAccessibleName(translate("ui.live", "Live sessions"))
        self.details = plain()
        self.details.setAccessibleName(translate("ui.live", "Session results"))
        for stored in workspace.live_sessions(pack.id):
            when = stored.started_at[:16].replace("T", " ")
            item = QListWidgetItem(translate("ui.live", "{when} UTC — {learners} learners, {answers} answers, "
                                             "{questions} questions").format(
                when=when, learners=i18n.number(stored.learners), answers=i18n.number(stored.answers),
                questions=i18n.number(len(stored.question_ids))))
            item.setData(Qt.ItemDataRole.UserRole, stored.id)
            self.sessions.addItem(item)
        self.sessions.currentItemChanged.connect(self._show)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = buttons.addButton(translate("ui.live", "Export as &CSV…"),
                                               QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(lambda: self.export_csv())
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(plain(translate("ui.live", "Every answer of every live session is kept in your progress "
                                         "file. Add sessions to the trainer report from File → Trainer report…")))
        layout.addWidget(self.sessions)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        if self.sessions.count():
            self.sessions.setCurrentRow(0)
        else:
            self.details.setText(translate("ui.live", "No live session has been run with this briefing yet."))
            self.export_button.setEnabled(False)
        self.resize(720, 520)

    def session_id(self) -> str | None:
        item = self.sessions.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _show(self) -> None:
        session_id = self.session_id()
        if session_id is None:
            return
        scores: dict[str, list[int]] = {}
        for answer in self.workspace.live_answers(session_id):
            right, answered = scores.setdefault(answer.name, [0, 0])
            scores[answer.name] = [right + answer.correct, answered + 1]
        rows = sorted(scores.items(), key=lambda kv: (-kv[1][0], kv[0].casefold()))
        self.details.setText("\n".join(translate("ui.live", "{name}: {right} right of {answered} answered").format(
            name=name, right=i18n.number(right), answered=i18n.number(answered))
            for name, (right, answered) in rows) or translate("ui.live", "No answers in this session."))

    def export_csv(self, path: str | None = None) -> int | None:
        session_id = self.session_id()
        if session_id is None:
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, translate("ui.live", "Export live session as CSV"),
                                                  "live-session.csv",
                                                  "CSV (*.csv)")
        if not path:
            return None
        try:
            count = self.workspace.export_live_csv(session_id, path)
        except OSError as exc:
            warn(self, translate("ui.live", "Export failed"),
                 translate("ui.live", "Could not write {path}: {reason}").format(path=path, reason=exc),
                 name="export-failed")
            return None
        self.details.setText(self.details.text() + "\n\n" + translate("ui.live", "Saved {count} answers to {path}")
                             .format(count=i18n.number(count), path=path))
        return count
