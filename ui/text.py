"""Showing pack text safely.

Qt treats any string that *looks* like HTML as rich text in tooltips and
"auto" labels. Pack text is data, so tooltips are built here: escaped, then
explicitly marked rich so line breaks survive and nothing is interpreted.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def plain(text: str = "", *, scale: float = 1.0, bold: bool = False, selectable: bool = True) -> QLabel:
    """A word-wrapped label that shows ``text`` literally, whatever it contains."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if scale != 1.0 or bold:
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * scale)
        font.setBold(bold)
        label.setFont(font)
    return label


def tooltip(text: str) -> str:
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"
