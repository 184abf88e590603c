"""The results screen's review reads whole: questions, answers and quotes wrap instead of ending in "…".

Before, each row was one line tall and the columns were sized while the table was still hidden, so the
question column was a sixth of the table and most questions and every quote ended in "…".
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from quiz_keys import digit, focused

from quiz.generate import generate
from quiz.questions import Kind
from ui.quiz import QuizPage
from ui.quiz.review_table import SHARES

WRAP = int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)


def _finish_three(qtbot, page: QuizPage) -> None:
    pack = page.pack
    ids = [q.id for q in generate(pack, 0) if q.kind == Kind.CHOICE][:3]
    page.start_questions(pack.id, ids)
    for _ in range(3):
        qtbot.keyClick(focused(page), digit(1))
        qtbot.keyClick(focused(page), Qt.Key.Key_Return)  # submit
        qtbot.keyClick(focused(page), Qt.Key.Key_Return)  # continue
        if page.stack.currentIndex() == 2:
            break
    if page.stack.currentIndex() != 2:
        qtbot.mouseClick(page.stop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.review_tree.isVisible())


def _whole(tree, row: int, column: int) -> bool:
    """Whether the cell's rectangle holds its text wrapped at the cell's width."""
    index = tree.model().index(row, column)
    rect = tree.visualRect(index)
    needed = tree.fontMetrics().boundingRect(QRect(0, 0, rect.width() - 8, 1 << 20), WRAP, index.data())
    return rect.height() >= needed.height()


def test_every_question_and_quote_of_the_review_is_shown_whole(qtbot, quiz_page):
    _finish_three(qtbot, quiz_page)
    tree = quiz_page.review_tree
    qtbot.waitUntil(lambda: tree.visualRect(tree.model().index(0, 1)).height() > 0)
    width = tree.viewport().width()
    assert tree.columnWidth(1) >= 0.3 * (width - tree.columnWidth(0)), "the question column gets its share"
    line = tree.fontMetrics().lineSpacing()
    quotes = [tree.topLevelItem(r).text(4) for r in range(tree.topLevelItemCount())]
    assert any(tree.fontMetrics().horizontalAdvance(q) > tree.columnWidth(4) for q in quotes), "a quote to wrap"
    for row in range(tree.topLevelItemCount()):
        for column in range(5):
            assert _whole(tree, row, column), (row, column, tree.topLevelItem(row).text(column))
        assert tree.visualRect(tree.model().index(row, 4)).height() >= 2 * line


def test_a_column_the_learner_widens_keeps_its_width_and_the_rows_follow(qtbot, quiz_page):
    _finish_three(qtbot, quiz_page)
    tree = quiz_page.review_tree
    header = tree.header()
    edge = header.sectionViewportPosition(1) + header.sectionSize(1) - 1  # the divider after the question
    y = header.height() // 2
    before = tree.columnWidth(1)
    qtbot.mousePress(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge, y))
    qtbot.mouseMove(header.viewport(), QPoint(edge - 120, y))
    qtbot.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge - 120, y))
    narrowed = tree.columnWidth(1)
    assert narrowed < before - 60
    quiz_page.resize(quiz_page.width() + 200, quiz_page.height())  # the window grows: the learner's width stays
    qtbot.waitUntil(lambda: tree.viewport().width() > 0)
    assert tree.columnWidth(1) == narrowed
    qtbot.waitUntil(lambda: all(_whole(tree, r, 1) for r in range(tree.topLevelItemCount())))


def test_the_columns_share_the_width_while_the_learner_has_sized_none(qtbot, quiz_page):
    _finish_three(qtbot, quiz_page)
    tree = quiz_page.review_tree
    quiz_page.resize(1400, 700)
    qtbot.waitUntil(lambda: tree.viewport().width() > 1300)
    rest = tree.viewport().width() - tree.columnWidth(0)
    for column, share in enumerate(SHARES, start=1):
        assert abs(tree.columnWidth(column) - rest * share) <= 2


def test_the_verdicts_take_a_new_themes_colours(qtbot, quiz_page, qapp):
    """Results first shown in light kept the light theme's dark green and red after a switch to dark."""
    from PySide6.QtGui import QColor, QPalette

    from ui import theme
    from ui.quiz import VERDICT_STATE
    from ui.quiz.style import DARK

    _finish_three(qtbot, quiz_page)
    tree = quiz_page.review_tree
    before, before_theme = QPalette(qapp.palette()), qapp.property("briefing_theme")
    try:
        theme.apply(qapp, "dark")
        items = [tree.topLevelItem(r) for r in range(tree.topLevelItemCount())]
        states = [item.data(0, VERDICT_STATE) for item in items]
        assert any(states)
        qtbot.waitUntil(lambda: all(item.foreground(0).color() == QColor(DARK[state].text)
                                    for item, state in zip(items, states, strict=True) if state), timeout=2000)
    finally:
        qapp.setPalette(before)
        qapp.setProperty("briefing_theme", before_theme)
