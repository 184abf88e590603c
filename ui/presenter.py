"""Presenter mode: full screen, large type, one figure or question per screen.

For a trainer at the front of a room. The slides come from
:mod:`quiz.slides`; this window only shows one and reacts to keys:
← → (or Page Up/Down, as clickers send) step, Space or Enter reveals the
answer and quote (and steps on once shown), Home/End jump, Esc or F11 leave.
Type is sized from the window height so it reads from the back of a room.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QProgressBar, QVBoxLayout, QWidget

from content.model import Pack
from quiz.questions import QuizQuestion
from quiz.slides import Slide, choose_questions, deck
from ui import theme
from ui.accessible import announce
from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.room_choice import RoomChoice
from ui.text import plain


@dataclass(frozen=True)
class DeckChoice:
    """What presenter mode shows: topics and kinds (empty: all), how many questions (None: every fact once)."""

    topics: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    count: int | None = None
    figures: bool = True

    def slides(self, pack: Pack, questions: Sequence[QuizQuestion]) -> list[Slide]:
        chosen = choose_questions(questions, topics=self.topics, kinds=self.kinds, count=self.count)
        return deck(pack, chosen, figures=self.figures)


class DeckDialog(QDialog):
    """"Choose presenter questions…": topics, kinds and count (one variant per fact), figures or not."""

    def __init__(self, pack: Pack, questions: Sequence[QuizQuestion], choice: DeckChoice,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("ui.presenter", "Presenter questions"))
        self.choice = RoomChoice(pack, questions, topics=choice.topics or None, kinds=choice.kinds or None,
                                 count=choice.count or len(questions))
        self.figures = QCheckBox(translate("ui.presenter", "Show the &figures (each after its questions)"))
        self.figures.setChecked(choice.figures)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(translate("ui.presenter", "&Present"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.choice)
        layout.addWidget(self.figures)
        layout.addWidget(buttons)

    def result_choice(self) -> DeckChoice:
        return DeckChoice(self.choice.chosen_topics(), self.choice.chosen_kinds(), self.choice.count.value(),
                          self.figures.isChecked())

NEXT = {Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_N}
PREVIOUS = {Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_P, Qt.Key.Key_Backspace}
REVEAL = {Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down, Qt.Key.Key_R}
LEAVE = {Qt.Key.Key_Escape, Qt.Key.Key_F11, Qt.Key.Key_Q}
# Space is named once, by what it does now
HELP = QT_TRANSLATE_NOOP("ui.presenter", "← → step · Home/End first/last · Esc leave")


class PresenterWindow(QWidget):
    """A full-screen window stepping through :class:`~quiz.slides.Slide` objects."""

    #: the slide index shown when the window closed (so the next session can resume there)
    left_at = Signal(int)

    def __init__(self, slides: Sequence[Slide], start: int = 0, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        if not slides:
            raise ValueError("nothing to present")
        self.slides = list(slides)
        self.index = max(0, min(start, len(self.slides) - 1))
        self.revealed = False
        self.setWindowTitle(translate("ui.presenter", "Presenter — Briefing Quiz"))
        self.setAccessibleName(translate("ui.presenter", "Presenter"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoFillBackground(True)

        self.heading = plain(selectable=False)
        self.lead = plain(selectable=False)
        # Labels are read by their text (the slide itself); the description says what each is.
        self.lead.setAccessibleDescription(translate("ui.presenter", "Scenario"))
        self.main = plain(selectable=False)
        self.main.setAccessibleDescription(translate("ui.presenter", "Slide"))
        self.lines = plain(selectable=False)
        self.answer = plain(selectable=False)
        self.answer.setAccessibleDescription(translate("ui.presenter", "Answer"))
        self.answer.setStyleSheet(f"color: {theme.chart_colors().accent}")
        self.source = plain(selectable=False)
        self.source.setAccessibleDescription(translate("ui.presenter", "Source"))
        self.footer = plain(selectable=False)
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(6)
        self.bar.setRange(0, len(self.slides))
        for label in (self.heading, self.lead, self.main, self.lines, self.answer, self.source):
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.column = layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.lead)
        layout.addWidget(self.main)
        layout.addWidget(self.lines)
        layout.addSpacing(12)
        layout.addWidget(self.answer)
        layout.addWidget(self.source)
        layout.addStretch(1)
        layout.addWidget(self.footer)
        layout.addWidget(self.bar)
        self._show()

    # -- navigation ------------------------------------------------------------
    @property
    def slide(self) -> Slide:
        return self.slides[self.index]

    def go(self, index: int) -> None:
        self.index = max(0, min(index, len(self.slides) - 1))
        self.revealed = False
        self._show()

    def reveal(self) -> None:
        """Show the held-back answer and quote; pressed again (or nothing to show), step on."""
        if self.revealed or not self.slide.has_reveal:
            self.go(self.index + 1)
            return
        self.revealed = True
        self._show()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = Qt.Key(event.key())
        if key in NEXT:
            self.go(self.index + 1)
        elif key in PREVIOUS:
            self.go(self.index - 1)
        elif key in REVEAL:
            self.reveal()
        elif key == Qt.Key.Key_Home:
            self.go(0)
        elif key == Qt.Key.Key_End:
            self.go(len(self.slides) - 1)
        elif key in LEAVE:
            self.close()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        """A click does what a clicker's button does: reveal, then step on."""
        if event.button() == Qt.MouseButton.LeftButton:
            self.reveal()
        elif event.button() == Qt.MouseButton.RightButton:
            self.go(self.index - 1)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.left_at.emit(self.index)
        super().closeEvent(event)

    # -- drawing --------------------------------------------------------------------
    def _show(self) -> None:
        slide = self.slide
        self.heading.setText(slide.heading)
        self.lead.setText(slide.lead)
        self.lead.setVisible(bool(slide.lead))
        self.main.setText(slide.main)
        self.lines.setText("\n".join(slide.lines))
        self.lines.setIndent(0)
        self.lines.setVisible(bool(slide.lines))
        self.answer.setText(slide.answer if self.revealed else "")
        self.source.setText(slide.source if self.revealed else "")
        self.answer.setVisible(self.revealed and bool(slide.answer))
        self.source.setVisible(self.revealed and bool(slide.source))
        hint = (translate("ui.presenter", "Space: show the answer") if slide.has_reveal and not self.revealed
                else translate("ui.presenter", "Space: next"))
        locale = QLocale()
        self.footer.setText(f"{locale.toString(self.index + 1)} / {locale.toString(len(self.slides))}    {hint} · "
                            f"{translate('ui.presenter', HELP)}")
        self.bar.setValue(self.index + 1)
        # The window keeps the focus: it describes the slide on screen, and says so when it changes.
        spoken = " ".join(label.text() for label in (self.heading, self.lead, self.main, self.lines, self.answer,
                                                      self.source) if label.text())
        self.setAccessibleDescription(spoken)
        announce(self, spoken)
        self._size_text()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._size_text()

    def _size_text(self) -> None:
        """Pixel sizes from the window (a 1920×1080 screen gets 135-pixel amounts); long prompts get less.

        A slide with a lot to say (four long matching items, their options, the
        answer and the quote) is shrunk step by step until all of it fits
        above the footer: smaller type beats text cut off in front of a room.
        """
        base = max(min(self.height(), self.width() * 9 // 16), 400)
        margin = base // 16
        self.column.setContentsMargins(margin, margin // 2, margin, margin // 3)
        length = len(self.slide.main)
        figure = self.slide.kind == "figure"
        main_px = base // (8 if figure else 10 if length <= 40 else 15 if length <= 120 else 20)
        many_lines = len(self.slide.lines) > 4 or sum(map(len, self.slide.lines)) > 200
        lines_px = base // (20 if figure else 28 if many_lines else 20)
        sizes = ((self.heading, base // 32, False, False),
                 (self.lead, lines_px, False, False),
                 (self.main, main_px, True, False),
                 (self.lines, lines_px, False, False),
                 (self.answer, base // 20, True, False),
                 (self.source, base // 30, False, True))
        self._set_font(self.footer, max(12, base // 60), False, False)
        for scale in (1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.42, 0.35):
            for label, px, bold, italic in sizes:
                self._set_font(label, int(px * scale), bold, italic)
            if self._fits(margin):
                break

    def _set_font(self, label: QLabel, px: int, bold: bool, italic: bool) -> None:
        font = label.font()
        font.setPixelSize(max(10, px))
        font.setBold(bold)
        font.setItalic(italic)
        label.setFont(font)

    def _fits(self, margin: int) -> bool:
        """Would the shown labels, at their current fonts, fit above the footer?"""
        layout = self.column
        width = self.width() - 2 * margin
        shown = [label for label in (self.heading, self.lead, self.main, self.lines, self.answer, self.source)
                 if not label.isHidden() and label.text()]
        needed = sum(label.heightForWidth(width) + layout.spacing() for label in shown) + 12
        footer = self.footer.heightForWidth(width) + self.bar.maximumHeight() + 2 * layout.spacing()
        available = self.height() - margin // 2 - margin // 3 - footer
        return needed + 4 * len(shown) <= available
