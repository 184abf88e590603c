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

#: Keys without a menu item: (where, keys, what they do).
IN_PLACE_KEYS: tuple[tuple[str, str, str], ...] = (
    ("Quiz", "1–9", "choose an option (or tick one, or pick a row's column)"),
    ("Quiz", "Enter", "submit the answer; on the feedback, continue"),
    ("Quiz", "Alt+↑ / Alt+↓", "move the selected item (ordering questions)"),
    ("Feedback", "1–4", "rate how well you knew it: Again, Hard, Good, Easy"),
    ("Feedback", "Alt+R", "read the section in the briefing"),
    ("Briefing", "Ctrl+E", "edit the figure or glossary term whose card has the focus"),
    ("Tables", "arrow keys", "move inside a table (Tab leaves it)"),
    ("Presenter mode", "← / → (Page Up / Page Down)", "step back / on"),
    ("Presenter mode", "Space", "reveal the answer, then move on"),
    ("Presenter mode", "Esc", "leave"),
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
        self.setWindowTitle("Keyboard shortcuts")
        rows = [(path, keys, what) for path, keys, what in menu_shortcuts(bar)] + list(IN_PLACE_KEYS)
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.setHorizontalHeaderLabels(["Where", "Keys", "What"])
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
