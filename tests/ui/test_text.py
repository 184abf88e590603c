"""Pack text in labels: shown literally, and selectable with the mouse like any text (ui/text.py)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QCursor

from ui.text import plain


def _label(qtbot, text: str):
    label = plain(text)
    qtbot.addWidget(label)
    label.resize(600, 80)
    with qtbot.waitExposed(label):
        label.show()
    return label


def test_dragging_over_pack_text_selects_it_from_the_first_press(qtbot):
    label = _label(qtbot, "The government plans ¥10 trillion in AI and semiconductors by 2030.")
    y = label.height() // 2
    qtbot.mousePress(label, Qt.MouseButton.LeftButton, pos=QPoint(2, y))
    qtbot.mouseMove(label, QPoint(label.width() - 2, y))
    qtbot.mouseRelease(label, Qt.MouseButton.LeftButton, pos=QPoint(label.width() - 2, y))
    assert label.hasSelectedText()
    assert label.selectedText().startswith("The government plans")


def test_double_clicking_a_word_selects_it(qtbot):
    label = _label(qtbot, "Sanaenomics")
    qtbot.mouseDClick(label, Qt.MouseButton.LeftButton, pos=QPoint(10, label.height() // 2))
    assert label.selectedText() == "Sanaenomics"


def test_new_text_replaces_the_old_selection_and_shows_literally(qtbot):
    label = _label(qtbot, "first text")
    qtbot.mouseDClick(label, Qt.MouseButton.LeftButton, pos=QPoint(5, label.height() // 2))
    assert label.hasSelectedText()
    label.setText("<b>second</b> text")
    assert not label.hasSelectedText()
    assert label.text() == "<b>second</b> text" and label.textFormat() == Qt.TextFormat.PlainText
    assert label.cursor().shape() == QCursor(Qt.CursorShape.IBeamCursor).shape(), "the text cursor over selectable text"


def test_a_long_address_copied_from_the_briefing_pastes_whole(qtbot):
    """A word of 30 or more characters wraps anywhere thanks to zero-width spaces between its characters;
    copied by mouse and Ctrl+C, it pasted with them, and a web address so pasted did not open."""
    from PySide6.QtWidgets import QApplication

    from ui.text import breakable

    address = "https://www.example.org/news/2026/japan-ai-investment-plan-2040"
    label = _label(qtbot, breakable(f"Read {address} for more."))
    assert label.text() != f"Read {address} for more."  # broken up on screen
    assert label.accessibleName() == f"Read {address} for more."  # read out whole
    y = label.height() // 2
    qtbot.mousePress(label, Qt.MouseButton.LeftButton, pos=QPoint(2, y))
    qtbot.mouseRelease(label, Qt.MouseButton.LeftButton, pos=QPoint(2, y))
    label.setSelection(0, len(label.text()))
    qtbot.keyClick(label, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.clipboard().text() == f"Read {address} for more.")

    QApplication.clipboard().setText("another\u200bprogram's text")  # not copied from a label: left as it is
    assert QApplication.clipboard().text() == "another\u200bprogram's text"
