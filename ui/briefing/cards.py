"""Small building blocks of the briefing: headings, paragraphs, figure and pillar cards.

Every string from a pack goes through :func:`plain`, which forces plain-text
rendering: pack text is data, never markup.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from content.model import Figure, ListItem
from ui.accessible import press_on_enter
from ui.i18n import translate
from ui.text import breakable, plain, tooltip


class Card(QFrame):
    """A framed, focusable box; its accessible name says what it holds."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(name)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        # Preferred, not Maximum, upright: a maximum is the size hint, worked out for the widest the text might
        # be, and a card narrower than that (the glossary's left column, a timeline row) cut its wrapped
        # text's last line off; a card in a grid row is as tall as the row, its words at the top.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.box = QVBoxLayout(self)


class FigureCard(Card):
    """Amount, what it is, year, outlet; the verbatim quote on hover or on "Show quote"."""

    def __init__(self, figure: Figure, outlet: str, parent: QWidget | None = None):
        super().__init__(translate("ui.briefing.cards", "Figure: {amount}, {label}, {outlet}").format(
            amount=figure.display, label=figure.label, outlet=outlet), parent)
        self.figure = figure
        self.amount = plain(figure.display, scale=1.8, bold=True)
        self.box.addWidget(self.amount)
        self.box.addWidget(plain(breakable(figure.label)))
        reported = translate("ui.briefing.cards", "Reported by: {outlet}").format(outlet=outlet)
        when = translate("ui.briefing.cards", "Year: {year}").format(year=figure.year) + " · " if figure.year else ""
        self.box.addWidget(plain(f"{when}{reported}", scale=0.9))
        self.quote = plain(f"“{figure.quote}”", scale=0.9)
        self.quote.setVisible(False)
        self.toggle = QPushButton(translate("ui.briefing.cards", "Show quote"))
        self.toggle.setCheckable(True)
        self.toggle.setAccessibleName(translate("ui.briefing.cards", "Show the quote for {label}").format(
            label=figure.label))
        press_on_enter(self.toggle)
        self.toggle.toggled.connect(self._toggle)
        self.box.addWidget(self.quote)
        self.box.addWidget(self.toggle, alignment=Qt.AlignmentFlag.AlignLeft)
        self.box.addStretch(1)
        self.setToolTip(tooltip(f"“{figure.quote}” — {outlet}"))

    def _toggle(self, shown: bool) -> None:
        self.quote.setVisible(shown)
        self.toggle.setText(translate("ui.briefing.cards", "Hide quote") if shown
                            else translate("ui.briefing.cards", "Show quote"))


class ItemCard(Card):
    """One named-list item (e.g. a pillar) with its explanation and quote on hover."""

    def __init__(self, item: ListItem, parent: QWidget | None = None):
        super().__init__(f"{item.name}: {item.detail}" if item.detail else item.name, parent)
        self.box.addWidget(plain(item.name, scale=1.15, bold=True))
        if item.detail:
            self.box.addWidget(plain(item.detail))
        self.box.addStretch(1)  # its words at the top of a card as tall as its row
        self.setToolTip(tooltip(f"“{item.quote}”"))
        self.setAccessibleDescription(f"“{item.quote}”")  # the quote a mouse reads on hover, for the keyboard
