"""A Japanese pack's quiz says its verdicts and true/false answers once, in its own words (issue #15 point 5).

The pack's language picks the words the engine writes (正しい / 誤り, 不正解, "誤り。" leading an
explanation); the interface's language picks the interface's. Answered by keyboard, a true/false
question of tests/data/japanese_pack shows the pack's two words on its buttons, a verdict without an
ASCII full stop after 不正解, and an explanation that does not repeat the verdict, whether the
interface is English or Japanese (the Japanese one loaded from every i18n/ja/*.ts, compiled).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from quiz_keys import digit, focused

from app.workspace import Workspace
from tests_support import DATA, ROOT, state_for
from ui.quiz import QuizPage

PACK = "japan-budget-ja"
SWAPPED = "figure-tf:debt-service:false"  # "…29兆円未満である" when the article says 超: false
WHY = "記事は「超」としており、「未満」とは範囲が違います。"


@pytest.fixture
def japanese_interface(qapp, tmp_path: Path) -> Iterator[QTranslator]:
    """Qt's translator holding every compiled i18n/ja/*.ts (the Japanese interface), for this test only."""
    qm = tmp_path / "briefing_ja.qm"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    sources = sorted(str(p) for p in (ROOT / "i18n" / "ja").glob("*.ts"))
    subprocess.run([str(lrelease), "-silent", *sources, "-qm", str(qm)], check=True, timeout=120)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


@pytest.fixture
def quiz(open_quiz_page, data_dir) -> Iterator[QuizPage]:
    ws = Workspace(data_dir, packs=[DATA / "japanese_pack"])
    yield open_quiz_page(ws)
    ws.close()


def _answer_true_by_keyboard(qtbot, page: QuizPage) -> None:
    page.start_questions(PACK, [SWAPPED])
    buttons = [row.label.text() for row in page.answer.rows]
    assert buttons == ["正しい", "誤り"]  # the pack's words, as its verdict and key say ("True", "False" before)
    qtbot.keyClick(focused(page), digit(buttons.index("正しい") + 1))
    qtbot.keyClick(focused(page), Qt.Key.Key_Return)


def test_a_japanese_true_false_question_in_the_english_interface(qtbot, quiz):
    _answer_true_by_keyboard(qtbot, quiz)
    feedback = quiz.feedback
    assert quiz.verdict_label.text() == "不正解"  # "不正解." before: an ASCII stop after a full-width word
    assert feedback.answer_label.text() == "The answer is: 誤り"  # the interface's words around the pack's
    assert feedback.explanation_label.text() == WHY  # "誤り。記事は…" before: the verdict twice
    marks = dict(zip(quiz.answer.values, quiz.answer.marks(), strict=True))
    assert marks == {"true": "✗ your answer: not right", "false": "✓ the right answer"}


def test_a_japanese_true_false_question_in_the_japanese_interface(qtbot, japanese_interface, quiz):
    _answer_true_by_keyboard(qtbot, quiz)
    feedback = quiz.feedback
    assert quiz.verdict_label.text() == "不正解。"
    assert feedback.answer_label.text() == "正解: 誤り"
    assert feedback.explanation_label.text() == WHY  # "誤り。記事は…" before
    assert feedback.accessibleName() == "フィードバック: 不正解。"


def test_an_english_pack_keeps_its_true_false_words_under_a_japanese_interface(qtbot, japanese_interface,
                                                                                quiz_page):
    """The words follow the pack's language, as its question "True or false: …" does (README); the
    interface translated them (正しい / 誤り under an English question) until round 18."""
    quiz_page.start_questions("sanaenomics", ["figure-tf:nikkei-2040-goal:false"])
    assert [row.label.text() for row in quiz_page.answer.rows] == ["True", "False"]
    qtbot.keyClick(focused(quiz_page), digit(1))
    qtbot.keyClick(focused(quiz_page), Qt.Key.Key_Return)
    assert quiz_page.verdict_label.text() == "不正解。"
    assert not quiz_page.feedback.explanation_label.text().startswith(("False.", "誤り"))


def test_the_results_list_names_a_true_false_answer_in_the_words_of_its_buttons(qtbot, japanese_interface, quiz):
    _answer_true_by_keyboard(qtbot, quiz)
    qtbot.mouseClick(quiz.stop_button, Qt.MouseButton.LeftButton)
    row = quiz.review_tree.topLevelItem(0)
    assert (row.text(0), row.text(2), row.text(3)) == ("不正解", "正しい", "誤り")  # "true", not 正しい, before


def test_an_english_packs_true_false_answer_reads_as_its_button_in_the_results(qtbot, quiz_page):
    quiz_page.start_questions("sanaenomics", ["figure-tf:nikkei-2040-goal:false"])
    qtbot.keyClick(focused(quiz_page), digit(1))
    qtbot.keyClick(focused(quiz_page), Qt.Key.Key_Return)
    qtbot.mouseClick(quiz_page.stop_button, Qt.MouseButton.LeftButton)
    row = quiz_page.review_tree.topLevelItem(0)
    assert (row.text(2), row.text(3)) == ("True", "False")  # the learner's answer was "true" before


def test_the_briefing_timeline_says_today_in_the_packs_words_and_the_locales_date(qtbot, data_dir):
    import datetime

    from PySide6.QtCore import QDate, QLocale
    from PySide6.QtWidgets import QLabel

    from ui.briefing import BriefingPage

    before = QLocale()
    QLocale.setDefault(QLocale("ja_JP"))
    ws = Workspace(data_dir, packs=[DATA / "japanese_pack"])
    try:
        state = state_for(ws)
        state.set_pack(PACK)
        page = BriefingPage(state)
        qtbot.addWidget(page)
        page.build_all()
        assert page.pack.meta.language == "ja"
        today = datetime.date.today()
        shown = QLocale().toString(QDate(today.year, today.month, today.day), QLocale.FormatType.ShortFormat)
        texts = {label.text() for label in page.findChildren(QLabel)}
        assert f"今日（{shown}）" in texts  # "Today (2026-11-25)" before: English, and ISO whatever the locale
        assert "このブリーフィングを読んでいるところです。" in texts
    finally:
        ws.close()
        QLocale.setDefault(before)


def test_the_feedback_captions_keep_their_words_whole_in_japanese(qtbot, japanese_interface, quiz):
    _answer_true_by_keyboard(qtbot, quiz)
    feedback = quiz.feedback
    shown = [(title, text) for text, title in feedback.captions.items() if text.isVisible()]
    assert {title.text() for title, _ in shown} == {"記事の記述", "理由", "記事からの引用"}
    for title, _text in shown:  # "記事からの引 / 用" on two lines before
        assert title.height() < 2 * title.fontMetrics().lineSpacing(), title.text()
        assert title.width() >= title.fontMetrics().horizontalAdvance(title.text()), title.text()
    lefts = {text.mapTo(feedback, text.rect().topLeft()).x() for _, text in shown}
    assert len(lefts) == 1, "the texts beside the captions start at one edge"
