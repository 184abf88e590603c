"""Play whole quizzes with the keyboard only, as a learner would."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from quiz_keys import answer_by_keyboard as _answer_by_keyboard

from quiz.exam_code import ExamSpec
from quiz.workspace import Workspace
from ui.quiz import QuizPage


@pytest.fixture
def page(qtbot, data_dir):
    ws = Workspace(data_dir)
    widget = QuizPage(ws)
    qtbot.addWidget(widget)
    widget.resize(1024, 640)
    with qtbot.waitExposed(widget):
        widget.show()
    yield widget
    ws.close()




def test_full_practice_quiz_by_keyboard_with_quoted_feedback(qtbot, page):
    qtbot.mouseClick(page.practice_button, Qt.MouseButton.LeftButton)
    session = page.session
    total = len(session.questions)
    assert total == 20 and page.progress_bar.maximum() == total
    for n in range(total):
        question = session.current
        _answer_by_keyboard(qtbot, page, right=n % 4 != 0)
        assert page.feedback.isVisible()
        assert question.quote.split()[0] in page.quote_label.text()
        expected_verdict = "Correct" if n % 4 else ("Partly correct" if question.kind == "matching" else "Not correct")
        assert expected_verdict in page.verdict_label.text()
        if n % 4 == 0 and question.kind != "matching":
            assert "The answer is:" in page.verdict_label.text()
        qtbot.keyClick(page.focusWidget() or page, Qt.Key.Key_Return)  # continue
    assert page.stack.currentIndex() == 2
    wrong = len(range(0, total, 4))
    rows = list(page.workspace.progress.query("SELECT correct, mode FROM answers ORDER BY id"))
    assert len(rows) == total and {r["mode"] for r in rows} == {"practice"}
    assert sum(r["correct"] for r in rows) == total - wrong
    assert f"of {total}" in page.result_score.text()


def test_full_exam_by_keyboard_no_feedback_until_end(qtbot, page):
    code = ExamSpec(4242, 8, 0).code
    qtbot.keyClicks(page.code_edit, code.lower())
    qtbot.keyClick(page.code_edit, Qt.Key.Key_Return)
    session = page.session
    assert session.mode == "exam" and len(session.questions) == 8
    for n in range(8):
        assert page.progress_bar.value() == n + 1
        _answer_by_keyboard(qtbot, page, right=n < 6)
        if n < 7:
            assert not page.feedback.isVisible()
    assert page.stack.currentIndex() == 2
    # Six right; a wrongly matched question still earns credit for its other pairs.
    partial = sum((len(q.pairs) - 1) / len(q.pairs) for q in session.questions[6:] if q.kind == "matching")
    expected = 6 + partial
    assert page.result_score.text() == f"Score: {expected:g} of 8 ({expected / 8:.0%})"
    assert code in page.result_code.text()
    assert page.review_tree.topLevelItemCount() == 8
    first = page.review_tree.topLevelItem(0)
    assert first.text(4).startswith("“") and session.questions[0].quote[:20] in first.text(4)
    stored = list(page.workspace.progress.query("SELECT question_id, response FROM answers ORDER BY id"))
    assert [r["question_id"] for r in stored] == [q.id for q in session.questions]
    assert json.loads(stored[0]["response"]) is not None


def test_unfinished_quiz_can_be_resumed_after_restart(qtbot, page, data_dir):
    qtbot.mouseClick(page.practice_button, Qt.MouseButton.LeftButton)
    for _ in range(3):
        _answer_by_keyboard(qtbot, page, right=True)
        qtbot.keyClick(page.focusWidget() or page, Qt.Key.Key_Return)
    current = page.session.current.id
    page.close()
    page.workspace.close()  # quit: one copy of the app per data folder

    ws = Workspace(data_dir)  # "restart": a new page over the same data folder
    again = QuizPage(ws)
    qtbot.addWidget(again)
    with qtbot.waitExposed(again):
        again.show()
    assert again.resume_box.isVisible() and "3 of 20" in again.resume_label.text()
    qtbot.mouseClick(again.resume_button, Qt.MouseButton.LeftButton)
    assert again.session.current.id == current and again.progress_bar.value() == 4
    ws.close()


def test_topic_quiz_from_the_briefing(qtbot, page):
    page.start_topic("sanaenomics", "comparison")
    assert page.stack.currentIndex() == 1
    assert {q.topic for q in page.session.questions} == {"comparison"}
    assert "Abenomics vs Sanaenomics" in page.title_label.text()
