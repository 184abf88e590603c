"""Help → Keyboard shortcuts: every key the app answers to, on one sheet.

The menu part is read from the menus themselves (so the sheet cannot drift from
them); the keys that work inside a quiz, the feedback and presenter mode have no
menu item and are listed here, once.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QMenuBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import QT_TRANSLATE_NOOP, translate

#: Keys without a menu item: (where, keys, what they do); every cell is translated where shown.
IN_PLACE_KEYS: tuple[tuple[str, str, str], ...] = (
    (QT_TRANSLATE_NOOP("ui.shortcuts", "Quiz"), "1–9",
     QT_TRANSLATE_NOOP("ui.shortcuts", "choose an option (or tick one, or pick a row's column)")),
    (QT_TRANSLATE_NOOP("ui.shortcuts", "Quiz"), QT_TRANSLATE_NOOP("ui.shortcuts", "Enter"),
     QT_TRANSLATE_NOOP("ui.shortcuts", "submit the answer; on the feedback, continue")),
    (QT_TRANSLATE_NOOP("ui.shortcuts", "Quiz"), "Alt+↑ / Alt+↓",
     QT_TRANSLATE_NOOP("ui.shortcuts", "move the selected item (ordering questions)")),
    (QT_TRANSLATE_NOOP("ui.shortcuts", "Feedback"), "1–4",
     QT_TRANSLATE_NOOP("ui.shortcuts", "rate how well you knew it: Again, Hard, Good, Easy")),
    (QT_TRANSLATE_NOOP("ui.shortcuts", "Feedback"), "Alt+R",
     QT_TRANSLATE_NOOP("ui.shortcuts", "read the section in the briefing")),
    (QT_TRANSLATE_NOOP("ui.shortcuts", "Briefing"), "Ctrl+E",
     QT_TRANSLATE_NOOP("ui.shortcuts", "edit the figure or glossary term whose card has the focus")),
    (QT_TRANSLATE_NOOP("ui.shortcuts", "Tables"), QT_TRANSLATE_NOOP("ui.shortcuts", "arrow keys"),
     QT_TRANSLATE_NOOP("ui.shortcuts", "move inside a table (Tab leaves it)")),
    (QT_TRANSLATE_NOOP("ui.shortcuts", "Presenter mode"),
     QT_TRANSLATE_NOOP("ui.shortcuts", "← / → (Page Up / Page Down)"),
     QT_TRANSLATE_NOOP("ui.shortcuts", "step back / on")),
    (QT_TRANSLATE_NOOP("ui.shortcuts", "Presenter mode"), QT_TRANSLATE_NOOP("ui.shortcuts", "Space"),
     QT_TRANSLATE_NOOP("ui.shortcuts", "reveal the answer, then move on")),
    (QT_TRANSLATE_NOOP("ui.shortcuts", "Presenter mode"), QT_TRANSLATE_NOOP("ui.shortcuts", "Esc"),
     QT_TRANSLATE_NOOP("ui.shortcuts", "leave")),
)


def menu_shortcuts(bar: QMenuBar) -> list[tuple[str, str, str]]:
    """(menu path, keys, item) for every menu item with a shortcut, in menu order."""
    rows: list[tuple[str, str, str]] = []

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, f"{path} → {_plain(action)}")
            elif action.shortcuts() and action.isVisible():
                keys = " / ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
                rows.append((path, keys, _plain(action)))

    for top in bar.actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            walk(menu, _plain(top))
    return rows


def _plain(action: QAction) -> str:
    """An action's text as read: mnemonics gone, a literal "&&" kept as "&"."""
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")


class ShortcutsDialog(QDialog):
    """A read-only table: where, keys, what they do. Tab reaches it once; arrows move inside."""

    def __init__(self, bar: QMenuBar, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("ui.shortcuts", "Keyboard shortcuts"))
        rows = menu_shortcuts(bar) + [
            (translate("ui.shortcuts", where), translate("ui.shortcuts", keys), translate("ui.shortcuts", what))
            for where, keys, what in IN_PLACE_KEYS]
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setAccessibleName(translate("ui.shortcuts", "Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([translate("ui.shortcuts", "Where"), translate("ui.shortcuts", "Keys"),
                                              translate("ui.shortcuts", "What")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)  # one Tab stop; arrow keys inside
        self.table.verticalHeader().hide()
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(760, 560)

    def rows(self) -> list[tuple[str, str, str]]:
        """What the table shows, row by row (for tests and screen readers alike)."""
        def text(row: int, column: int) -> str:
            item = self.table.item(row, column)
            return item.text() if item is not None else ""

        return [(text(r, 0), text(r, 1), text(r, 2)) for r in range(self.table.rowCount())]
