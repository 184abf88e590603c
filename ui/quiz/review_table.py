"""The results screen's per-question review: every question, answer, key and quote read whole.

A tree view sizes each row for one line of text and cuts the rest with "…", whatever its word-wrap
setting: its delegate measures an item without knowing the column's width. The review answers for a
whole quiz, so its rows grow to the lines their text wraps to at the columns' widths, and the columns
share the table's width (the question widest, the quote taking the rest) until the learner drags a
divider, after which their widths are theirs.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeWidget, QWidget

#: The share of the width each column after the first (the verdict, as wide as its words) starts with.
SHARES = (0.34, 0.16, 0.16)
TOP_LEFT = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft


class _WrappedRows(QStyledItemDelegate):
    """Rows as tall as their text wrapped at its column's width."""

    def __init__(self, view: ReviewTable):
        super().__init__(view)
        self.view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        hint = super().sizeHint(option, index)
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        style = self.view.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.view) + 1
        width = max(16, self.view.columnWidth(index.column()) - 2 * margin - 2)  # a little less: never short
        flags = int(TOP_LEFT) | int(Qt.TextFlag.TextWordWrap)
        lines = shown.fontMetrics.boundingRect(QRect(0, 0, width, 1 << 20), flags, shown.text)
        return QSize(hint.width(), max(hint.height(), lines.height() + 2 * margin))


class ReviewTable(QTreeWidget):
    """Result, question, your answer, the answer, source: one row per question, nothing cut short."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setRootIsDecorated(False)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setItemDelegate(_WrappedRows(self))
        self._sharing = True  # the columns follow the table's width until the learner sizes one
        self._fitting = False
        self.header().sectionResized.connect(self._resized)

    def fit_columns(self) -> None:
        """The verdict as wide as its words; the rest share the width (:data:`SHARES`), the source last."""
        self._sharing = True
        self._share()

    def _share(self) -> None:
        self._fitting = True
        try:
            self.resizeColumnToContents(0)
            width = self.viewport().width() - self.columnWidth(0)
            for column, share in enumerate(SHARES, start=1):
                self.setColumnWidth(column, max(80, int(width * share)))
        finally:
            self._fitting = False
        self.scheduleDelayedItemsLayout()

    def _resized(self, section: int, _old: int, _new: int) -> None:
        if self._fitting:
            return
        if section != self.columnCount() - 1:  # the last one stretches with the table: that is no choice
            self._sharing = False  # the learner dragged a divider: their widths stay
        self.scheduleDelayedItemsLayout()  # the rows' heights follow the new width

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self._sharing:
            self._share()
