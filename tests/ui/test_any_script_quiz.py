"""Answering quizzes of the Japanese and Arabic packs by keyboard: typed numbers and words in their own script."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from app.workspace import Workspace
from tests_support import DATA
from ui.quiz import QuizPage
from ui.quiz.answer_widgets import TextAnswer


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` as a person with that script would: Japanese through an input method (it commits whole
    words: ３５０兆円), Arabic digits key by key on an Arabic keyboard. (QTest.keyClicks aborts on characters
    outside Latin-1.)"""
    if any("\u3000" <= ch <= "\uffef" or "\u4e00" <= ch <= "\u9fff" for ch in text):
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(widget, event)
        return
    for ch in text:
        for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


@pytest.fixture
def open_quiz(open_quiz_page, data_dir):
    opened = []

    def make(pack: str) -> QuizPage:
        ws = Workspace(data_dir, packs=[DATA / pack])
        opened.append(ws)
        return open_quiz_page(ws)

    yield make
    for ws in opened:
        ws.close()


@pytest.mark.parametrize(("pack", "pack_id", "question", "typed"), [
    ("japanese_pack", "japan-budget-ja", "figure-number:investment-target", "３５０兆円"),  # "not a number" before
    ("japanese_pack", "japan-budget-ja", "figure-number:investment-target", "350 兆円"),
    ("japanese_pack", "japan-budget-ja", "figure-number:ai-chips", "２，０００億円"),
    ("japanese_pack", "japan-budget-ja", "cloze-term:term-debt-service", "国債費"),
    ("arabic_pack", "gulf-ai-ar", "figure-number:plan-total", "٢٫٣"),  # read as 2 before
])
def test_an_answer_typed_in_the_packs_script_is_correct(qtbot, open_quiz, pack, pack_id, question, typed):
    page = open_quiz(pack)
    page.start_questions(pack_id, [question])
    assert isinstance(page.answer, TextAnswer)
    type_text(page.answer.edit, typed)
    assert page.answer.edit.text() == typed
    qtbot.keyClick(page.answer.edit, Qt.Key.Key_Return)
    assert page.feedback.isVisible()
    correct = "正解" if pack == "japanese_pack" else "Correct"  # the verdict in the pack's language (Arabic: English)
    assert page.verdict_label.text().startswith(correct), page.verdict_label.text()


def test_a_yen_answer_in_dollars_is_wrong_and_says_why(qtbot, open_quiz):
    page = open_quiz("japanese_pack")
    page.start_questions("japan-budget-ja", ["figure-number:investment-target"])
    type_text(page.answer.edit, "350兆ドル")
    qtbot.keyClick(page.answer.edit, Qt.Key.Key_Return)
    assert page.verdict_label.text().startswith("不正解")
    assert "別の通貨" in page.last_grade.note  # "another currency", in the pack's language
    assert page.feedback.answer_label.text() == "The answer is: 350兆円"
