"""Play whole quizzes with the keyboard only, as a learner would, and read what the feedback teaches."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QMessageBox
from quiz_keys import ALT, answer_by_keyboard, digit, focused

from app.workspace import Workspace
from quiz.exam_code import ExamSpec
from quiz.generate import generate
from quiz.questions import Kind
from quiz.session import RETRY_GAP
from tests_support import ROOT, state_for
from ui.quiz import QuizPage, score_line
from ui.quiz.answer_widgets import MatchingAnswer, OrderAnswer, TextAnswer
from ui.quiz.style import LIGHT, RIGHT, WRONG

#: One question of every kind from the bundled pack (ids are stable; option order is not).
EVERY_KIND = {
    Kind.CHOICE: "figure-amount:nikkei-2040-goal",
    Kind.SCENARIO: "authored:q-judge-by-metric",
    Kind.TRUEFALSE: "figure-tf:nikkei-2040-goal:false",
    Kind.NUMERIC: "figure-number:ai-plan",
    Kind.TEXT: "authored:q-diet-checkpoint",
    Kind.MATCHING: "authored:q-pillar-scenarios",
    Kind.MULTI: "authored:q-success-conditions",
    Kind.ORDER: "authored:q-order-events",
    Kind.CLASSIFY: "table-grid:abenomics-vs-sanaenomics",
}


@pytest.fixture
def page(quiz_page):
    return quiz_page


def _start(page: QuizPage, *ids: str) -> None:
    page.start_questions("sanaenomics", list(ids))
    assert page.stack.currentIndex() == 1


def _continue(qtbot, page: QuizPage) -> None:
    qtbot.keyClick(focused(page), Qt.Key.Key_Return)


def test_starting_a_quiz_shows_the_wait_cursor_while_it_is_composed_and_not_after(qtbot, page, monkeypatch):
    """Composing from a pack of 10,000 figures takes seconds: the pointer says the app is working."""
    compose, seen = page.workspace.start_quiz, []

    def start_quiz(*args, **kwargs):
        cursor = QApplication.overrideCursor()
        seen.append(cursor.shape() if cursor is not None else None)
        return compose(*args, **kwargs)

    monkeypatch.setattr(page.workspace, "start_quiz", start_quiz)
    qtbot.mouseClick(page.practice_button, Qt.MouseButton.LeftButton)
    assert page.stack.currentIndex() == 1 and page.session is not None
    assert seen == [Qt.CursorShape.WaitCursor] and QApplication.overrideCursor() is None


def test_every_kind_id_exists_and_is_that_kind(bundled_pack):
    by_id = {q.id: q for q in generate(bundled_pack, 0)}
    assert {kind: by_id[qid].kind for kind, qid in EVERY_KIND.items()} == {k: k for k in EVERY_KIND}


def test_a_practice_session_over_every_kind_by_keyboard(qtbot, page):
    """Every kind answered with keys only: wrong ones first, and each comes back once, as many as a session
    of nine has room for (retries stay under half its questions: quiz.session.RETRY_SHARE)."""
    from quiz.session import RETRY_SHARE

    _start(page, *EVERY_KIND.values())
    session = page.session
    wrong_first = {EVERY_KIND[k] for k in (Kind.CHOICE, Kind.TRUEFALSE, Kind.MATCHING, Kind.MULTI, Kind.ORDER,
                                            Kind.CLASSIFY, Kind.NUMERIC)}
    asked: list[str] = []
    while session.current is not None:
        question = session.current
        right = question.id in asked or question.id not in wrong_first
        assert page.retry_label.isVisible() == (question.id in asked)
        answer_by_keyboard(qtbot, page, right=right)
        asked.append(question.id)
        grade = page.last_grade
        assert grade.correct == right, question.id
        assert page.feedback.isVisible()
        verdict = page.verdict_label.text()
        assert verdict.startswith(grade.verdict) and not page.feedback.icon.pixmap().isNull()
        for citation in question.citations:
            assert f"“{citation.quote}” — {citation.outlet or 'the article'}" in page.quote_label.text()
        assert page.feedback.read_button.isVisible() and question.section
        _continue(qtbot, page)
    assert page.stack.currentIndex() == 2
    retried = {qid for qid in asked if asked.count(qid) == 2}
    assert len(retried) == min(len(wrong_first), int(RETRY_SHARE * len(EVERY_KIND))) and retried <= wrong_first
    assert len(asked) == len(EVERY_KIND) + len(retried)
    results = {page.review_tree.topLevelItem(i).text(1): page.review_tree.topLevelItem(i).text(0)
               for i in range(page.review_tree.topLevelItemCount())}
    prompts = {q.id: q.prompt for q in session.questions}
    assert len(results) == len(EVERY_KIND), "each question once in the results"
    assert {results[prompts[qid]] for qid in retried} == {"right on retry"}
    assert all(results[prompts[qid]] == "wrong" or results[prompts[qid]].startswith("partly right (")
               for qid in wrong_first - retried), "missed, not asked again: its first answer stands"
    assert {results[prompts[qid]] for qid in set(EVERY_KIND.values()) - wrong_first} == {"right"}
    assert page.result_score.text() == f"Score: {round(session.score, 2):g} of 9 ({session.score / 9:.0%})"


def test_full_practice_quiz_by_keyboard_with_quoted_feedback(qtbot, page):
    qtbot.mouseClick(page.practice_button, Qt.MouseButton.LeftButton)
    session = page.session
    total = len(session.questions)
    assert total == 20 and page.progress_bar.maximum() == total
    answered = 0
    while session.current is not None:
        question = session.current
        right = answered % 4 != 0
        answer_by_keyboard(qtbot, page, right=right)
        answered += 1
        assert page.feedback.isVisible()
        assert question.quote in page.quote_label.text()
        assert page.verdict_label.text().startswith("Correct" if right else page.last_grade.verdict)
        if not right and not question.pairs and question.kind not in (Kind.MULTI, Kind.ORDER):
            assert page.feedback.answer_label.text() == f"The answer is: {page.last_grade.expected}"
        _continue(qtbot, page)
    assert page.stack.currentIndex() == 2
    rows = list(page.workspace.progress.query("SELECT correct, mode FROM answers ORDER BY id"))
    assert len(rows) == answered > total, "missed questions came back"
    assert {r["mode"] for r in rows} == {"practice"}
    assert page.review_tree.topLevelItemCount() == total
    assert page.result_score.text().startswith("Score: ") and f"of {total} (" in page.result_score.text()


#: A practice quiz in the app as started for a user (ui.app.start), answered by keys, outside pytest.
FOUR_ANSWERS = """
import os, sys
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from ui import app as ui_app
from quiz_keys import answer_by_keyboard, focused

class Keys:  # what qtbot does
    keyClick = staticmethod(QTest.keyClick)
    keyClicks = staticmethod(QTest.keyClicks)

startup = ui_app.start(sys.argv[1])
for _ in range(500):
    QTest.qWait(20)
    if startup.workspace is not None:
        break
page = startup.window.quiz
startup.window.tabs.setCurrentWidget(page)
QTest.mouseClick(page.practice_button, Qt.MouseButton.LeftButton)
shown = []
for _ in range(4):
    answer_by_keyboard(Keys, page, right=False)
    shown.append(page.feedback.isVisible() and page.awaiting_next)
    QTest.keyClick(focused(page), Qt.Key.Key_Return)
    QTest.qWait(20)
saved = startup.workspace.progress.execute("SELECT count(*) FROM answers").fetchone()[0]
print(shown, saved, flush=True)
os._exit(0)
"""


def test_every_answer_gets_its_feedback_in_the_app_as_started(tmp_path):
    """A new user's practice stopped after the first answer: no feedback came, and each later Enter saved the
    chosen option as the answer to the next, unseen question. The page held the layouts inside the feedback
    table's scroll bars; PySide lets those (Qt's own) go once the wrappers made to find them are collected.
    Under pytest something kept them alive, so this runs the app as a user starts it, in its own process."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": os.pathsep.join((str(ROOT), str(ROOT / "tests")))}
    done = subprocess.run([sys.executable, "-c", FOUR_ANSWERS, str(tmp_path / "data")], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.split() == ["[True,", "True,", "True,", "True]", "4"], done.stderr


def test_wrong_choice_feedback_teaches(qtbot, page):
    _start(page, EVERY_KIND[Kind.CHOICE])
    question = page.session.current
    widget = page.answer
    wrong = "~$2 trillion"  # NHK's figure, not Nikkei's goal
    qtbot.keyClick(focused(page), digit(widget.values.index(wrong) + 1))
    qtbot.keyClick(focused(page), Qt.Key.Key_Return)

    panel = page.feedback
    assert page.verdict_label.text() == "Not correct."
    assert panel.answer_label.text() == "The answer is: ~$2.3 trillion"
    assert "given by NHK" in panel.about_label.text()
    assert panel.captions[panel.about_label].text() == "About your answer"
    assert panel.explanation_label.text() == question.explanation
    assert panel.quote_label.text() == f"“{question.quote}” — Nikkei"
    assert not panel.correction_label.isVisible()
    marks = dict(zip(widget.values, widget.marks(), strict=True))
    assert marks["~$2.3 trillion"] == "✓ the right answer"
    assert marks[wrong] == "✗ your answer: not right"
    assert {m for v, m in marks.items() if v not in (wrong, "~$2.3 trillion")} == {""}
    right_row = widget.rows[widget.values.index("~$2.3 trillion")]
    wrong_row = widget.rows[widget.values.index(wrong)]
    assert right_row.state == RIGHT and wrong_row.state == WRONG
    assert _inside(right_row) == QColor(LIGHT[RIGHT].background), "the right answer's row is tinted green"
    assert _inside(wrong_row) == QColor(LIGHT[WRONG].background), "the chosen wrong answer's row red"
    banner = panel.banner.grab().toImage()
    assert banner.pixelColor(2, banner.height() // 2) == QColor(LIGHT[WRONG].border), "the verdict's bar"
    assert _inside(panel.banner) == QColor(LIGHT[WRONG].background)
    assert panel.verdict_label.palette().color(panel.verdict_label.foregroundRole()) == QColor(LIGHT[WRONG].text)


@pytest.mark.parametrize("kind", list(EVERY_KIND))
def test_the_feedback_and_the_marks_are_laid_out_when_submit_returns(qtbot, page, kind):
    """Submit lays out the page once, the feedback, the rating bar and the marks included: nothing is left at
    an old size for a later turn of the event loop (each text whole, inside its row, below the one before)."""
    _start(page, EVERY_KIND[kind])
    right = kind in (Kind.SCENARIO, Kind.TEXT)  # a wrong answer shows the most: marks, the answer line
    answer_by_keyboard(qtbot, page, right=right, submit=False)
    page._enter()  # Submit, and no turn of the event loop after it
    assert page.last_grade is not None and page.last_grade.correct == right
    panel = page.feedback
    shown = [label for label in (panel.verdict_label, panel.answer_label, panel.note_label, panel.about_label,
                                 panel.correction_label, panel.explanation_label, panel.table_legend,
                                 panel.quote_label) if label.isVisible()]
    assert len(shown) >= 3
    for label in shown:
        assert label.width() > 100 and label.height() >= label.heightForWidth(label.width()) - 1, label.text()
        assert panel.rect().contains(label.mapTo(panel, label.rect().bottomRight())), label.text()
    tops = [label.mapTo(panel, label.rect().topLeft()).y() for label in shown]
    assert tops == sorted(tops)
    marks = [row.mark for row in page.answer.rows if row.mark.isVisible()]
    assert marks or kind in (Kind.NUMERIC, Kind.TEXT)
    for mark in marks:
        row = mark.parentWidget()
        assert mark.width() > 0 and mark.height() >= mark.heightForWidth(mark.width()) - 1, mark.text()
        assert row.rect().contains(mark.geometry()), mark.text()
    assert page.rating.isVisible() and page.rating.caption.width() > 0
    assert all(b.isVisible() and b.width() > 0 for b in page.rating.buttons.values())
    body = page.scroll_area.widget()
    assert body.height() >= panel.mapTo(body, panel.rect().bottomLeft()).y()


def test_the_question_keeps_its_place_when_the_rating_bar_appears_and_an_exam_keeps_no_row_for_it(qtbot, page):
    """Practice: the rating bar's row is kept while the question is answered, so after Submit the bar shows
    under a question that does not move or shrink (and is not laid out again). An exam never rates: its
    question gets that row."""
    _start(page, EVERY_KIND[Kind.CHOICE], EVERY_KIND[Kind.TRUEFALSE])
    qtbot.wait(1)  # laid out as a person would first see it
    before = page.scroll_area.geometry()
    assert not page.rating.isVisible() and page.hint_label.isVisible()
    answer_by_keyboard(qtbot, page, right=True)
    assert page.rating.isVisible() and page.scroll_area.geometry() == before
    assert page.rating.geometry().top() > before.bottom(), "the bar under the question, not over it"
    _continue(qtbot, page)
    qtbot.wait(1)
    assert not page.rating.isVisible() and page.scroll_area.geometry() == before
    practice = before.height()

    page.show_menu()  # leave the practice, open an exam
    qtbot.keyClicks(page.code_edit, ExamSpec(4242, 2, 0).code.lower())
    qtbot.keyClick(page.code_edit, Qt.Key.Key_Return)
    assert page.session.mode == "exam"
    qtbot.wait(1)
    assert page.scroll_area.height() > practice, "the exam's question has the rating bar's room too"
    answer_by_keyboard(qtbot, page, right=True)
    assert not page.rating.isVisible()


def test_an_exam_that_gives_fewer_questions_than_asked_for_says_so_while_it_is_taken(qtbot, page):
    """The bundled pack holds about 30 questions one exam can ask: an exam code asking for 40 gave fewer with
    nothing said, and the learner took "Question 1 of 34" for the whole exam."""
    for count in (40, 20):
        page.show_menu()
        code = ExamSpec(7, count, 0).code
        qtbot.keyClicks(page.code_edit, code)
        qtbot.keyClick(page.code_edit, Qt.Key.Key_Return)
        given = page.session.position[1]
        assert page.session.mode == "exam" and given == len(page.session.questions)
        title = page.title_label.text()
        assert title.startswith(f"Exam {code}")
        if count == 40:
            assert 20 < given < 40 and f"{given} questions, all this pack can ask in one exam (40 asked for)" in title
        else:
            assert given == 20 and "asked for" not in title, title
        page.code_edit.clear()


def test_an_exams_results_say_why_each_answer_is_right_with_the_articles_words(qtbot, page):
    """An exam shows no feedback while it is taken; its results listed "wrong", the key and the quote, never
    why: the correction of a false statement, the explanation and the pack's words on the wrong choice."""
    page.show_menu()
    qtbot.keyClicks(page.code_edit, ExamSpec(4242, 8, 0).code)
    qtbot.keyClick(page.code_edit, Qt.Key.Key_Return)
    while page.stack.currentIndex() == 1:
        answer_by_keyboard(qtbot, page, right=False)
    tree = page.review_tree
    assert tree.headerItem().text(4) == "Why, and the source"
    outcomes = page.session.review()
    assert tree.topLevelItemCount() == len(outcomes) == 8
    notes = 0
    for row, outcome in enumerate(outcomes):
        question, why = outcome.question, tree.topLevelItem(row).text(4)
        assert tree.topLevelItem(row).text(1) == question.prompt
        assert question.explanation_after_verdict in why and why.endswith(question.citation), question.id
        if question.correction:
            assert question.correction in why, question.id
        note = question.feedback_for(str(outcome.response)) if question.kind == Kind.CHOICE else ""
        if note and not outcome.grade.correct:  # what the wrong choice really is, first
            assert why.startswith(note), question.id
            notes += 1
    assert any(o.question.correction for o in outcomes) or notes, "the exam checks a correction or a note"


def test_the_verdict_and_the_marks_take_a_new_themes_colours(qtbot, page, qapp):
    from PySide6.QtGui import QPalette

    from ui import theme
    from ui.quiz.style import DARK

    _start(page, EVERY_KIND[Kind.CHOICE])
    widget = page.answer
    wrong = widget.values.index("~$2 trillion")
    qtbot.keyClick(focused(page), digit(wrong + 1))
    qtbot.keyClick(focused(page), Qt.Key.Key_Return)
    before, before_theme = QPalette(qapp.palette()), qapp.property("briefing_theme")
    try:
        theme.apply(qapp, "dark")
        qtbot.waitUntil(lambda: _inside(page.feedback.banner) != QColor(LIGHT[WRONG].background), timeout=2000)
        assert _inside(page.feedback.banner) == QColor(DARK[WRONG].background)
        assert _inside(widget.rows[wrong]) == QColor(DARK[WRONG].background)
        assert _inside(widget.rows[widget.values.index("~$2.3 trillion")]) == QColor(DARK[RIGHT].background)
        label = page.verdict_label  # its words follow once Qt has told the page (a posted event)
        qtbot.waitUntil(lambda: label.palette().color(label.foregroundRole()) == QColor(DARK[WRONG].text),
                        timeout=2000)
    finally:
        qapp.setPalette(before)
        qapp.setProperty("briefing_theme", before_theme)
    qtbot.waitUntil(lambda: _inside(page.feedback.banner) == QColor(LIGHT[WRONG].background), timeout=2000)


def _inside(widget) -> QColor:
    """The colour just inside a framed box's right edge, half-way down, as painted."""
    image = widget.grab().toImage()
    return image.pixelColor(image.width() - 4, image.height() // 2)


@pytest.mark.parametrize("says", ["true", "false"])
def test_a_false_statement_is_corrected_after_any_answer(qtbot, page, says):
    _start(page, EVERY_KIND[Kind.TRUEFALSE])
    question = page.session.current
    assert question.answer == "false" and question.correction
    qtbot.keyClick(focused(page), digit(1 if says == "true" else 2))
    qtbot.keyClick(focused(page), Qt.Key.Key_Return)
    panel = page.feedback
    assert page.verdict_label.text() == ("Correct." if says == "false" else "Not correct.")
    assert panel.correction_label.isVisible() and panel.correction_label.text() == question.correction
    assert panel.captions[panel.correction_label].text() == "What the article says"
    why = panel.explanation_label.text()
    assert why and question.correction not in why and not why.startswith("False")


def test_table_question_shows_the_table_with_the_wrong_cell_marked(qtbot, page, bundled_pack):
    _start(page, EVERY_KIND[Kind.CLASSIFY])
    question = page.session.current
    answer_by_keyboard(qtbot, page, right=False)  # the first statement goes in the other column
    statement, category = question.pairs[0]
    table = bundled_pack.tables[0]
    label, cell = statement.split(": ", 1)
    row = next(r for r, entry in enumerate(table.rows) if entry.label == label)
    column = table.columns.index(category) + 1

    widget = page.feedback.table
    assert widget.isVisible()
    headers = [widget.horizontalHeaderItem(c).text() for c in range(widget.columnCount())]
    assert headers == [table.row_header, *table.columns]
    wrong = widget.item(row, column)
    other = table.columns[column % len(table.columns)]
    assert wrong.text() == f"✗ {cell}\n(you put it under {other})"
    assert wrong.background().color().name() == LIGHT[WRONG].background
    marked = [(r, c) for r in range(widget.rowCount()) for c in range(1, widget.columnCount())]
    assert all(widget.item(r, c).text().startswith("✓ ") for r, c in marked if (r, c) != (row, column))
    assert {widget.item(r, c).background().color().name() for r, c in marked if (r, c) != (row, column)} \
        == {LIGHT[RIGHT].background}
    assert "1 cell you got wrong" in page.feedback.table_legend.text()
    assert page.verdict_label.text() == f"Partly correct: {len(question.pairs) - 1} of {len(question.pairs)} right."
    row_mark = page.answer.by_statement[statement].mark.text()
    assert row_mark == f"✗ you put it under {other}. It belongs under {category}"


def test_select_all_marks_every_option(qtbot, page):
    _start(page, EVERY_KIND[Kind.MULTI])
    question = page.session.current
    widget = page.answer
    first = widget.options[0]
    answer_by_keyboard(qtbot, page, right=False)
    marks = dict(zip(widget.options, widget.marks(), strict=True))
    if first in question.answers:
        assert marks[first] == "✗ missed: this one applies too"
    else:
        assert marks[first] == "✗ ticked, but it does not apply"
    for option in widget.options[1:]:
        assert marks[option] == ("✓ ticked: right, it applies" if option in question.answers
                                 else "✓ rightly left unticked")
    assert page.feedback.answer_label.text() == "The ones that apply: " + "; ".join(question.answers)
    assert question.feedback_for(first) in page.feedback.about_label.text()


def test_a_select_all_verdict_counts_what_its_credit_counts(qtbot, page):
    """Found trying the app as a new user: "Partly correct: 3 of 5 right" (options rightly left unticked
    counted) beside a third of a point. The verdict now says what was ticked, right and wrong."""
    _start(page, EVERY_KIND[Kind.MULTI])
    question = page.session.current
    widget = page.answer
    right = [i for i, option in enumerate(widget.options) if option in question.answers]
    wrong = [i for i, option in enumerate(widget.options) if option not in question.answers]
    for index in (right[0], wrong[0]):  # one that applies, one that does not
        qtbot.keyClick(focused(page), digit(index + 1))
    qtbot.keyClick(focused(page), Qt.Key.Key_Return)
    count = len(question.answers)
    assert page.verdict_label.text() == (f"Not correct: 1 of the {count} that apply ticked, and 1 that do not "
                                         "(each takes one back).")
    assert page.last_grade.score == 0.0


def test_order_moves_with_keys_and_buttons_and_marks_each_place(qtbot, page):
    _start(page, EVERY_KIND[Kind.ORDER])
    question = page.session.current
    widget = page.answer
    assert isinstance(widget, OrderAnswer) and focused(page) is widget
    before = list(widget.items)
    qtbot.keyClick(widget, digit(2))
    qtbot.keyClick(widget, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert widget.items == [before[1], before[0], *before[2:]] and widget.selected == 0
    assert not widget.up_button.isEnabled()
    qtbot.mouseClick(widget.down_button, Qt.MouseButton.LeftButton)
    assert widget.items == before and widget.selected == 1
    qtbot.keyClick(widget, Qt.Key.Key_Down)
    qtbot.keyClick(widget, Qt.Key.Key_Down, ALT)
    assert widget.items == [before[0], before[1], before[3], before[2]]
    qtbot.keyClick(widget, Qt.Key.Key_Return)
    grade = page.last_grade
    assert grade.pairs and [p.given for p in grade.pairs] == widget.items
    if not grade.correct:
        assert page.feedback.answer_label.text() == "The right order: " + " → ".join(question.answers)
    for mark, result in zip(widget.marks(), grade.pairs, strict=True):
        where = question.answers.index(result.given) + 1
        assert mark == ("✓ right place" if result.correct else f"✗ belongs at position {where}")


def test_matching_says_when_an_option_is_already_used(qtbot, page):
    _start(page, EVERY_KIND[Kind.MATCHING])
    widget = page.answer
    assert isinstance(widget, MatchingAnswer)
    first, second = list(widget.combos.values())[:2]
    qtbot.keyClick(first, digit(1))
    assert focused(page) is second
    assert second.itemText(1) == f"1. {widget.options[0]}   (already used in another row)"
    assert first.itemText(1) == f"1. {widget.options[0]}", "not marked in the row that uses it"
    assert not widget.reused.isVisible()
    qtbot.keyClick(second, digit(1))
    assert widget.reused.isVisible() and f"“{widget.options[0]}”" in widget.reused.text()
    qtbot.keyClick(focused(page), Qt.Key.Key_Return)
    assert page.feedback.note_label.text() == page.last_grade.note != ""
    assert all(m.startswith("✗") for m in widget.marks()[:2])


def test_numeric_hint_names_the_unit_and_no_amount(qtbot, page):
    _start(page, EVERY_KIND[Kind.NUMERIC])
    question = page.session.current
    assert isinstance(page.answer, TextAnswer)
    hint = page.answer.edit.placeholderText()
    assert hint == "Type a number (in billions of US dollars)"
    assert not any(ch.isdigit() for ch in hint) and question.answer not in hint


def test_scenario_is_shown_above_the_prompt_in_its_own_box(qtbot, page):
    _start(page, EVERY_KIND[Kind.SCENARIO])
    question = page.session.current
    assert page.scenario_box.isVisible() and page.scenario_label.text() == question.scenario
    assert page.scenario_box.geometry().bottom() < page.prompt_label.geometry().top()
    answer_by_keyboard(qtbot, page, right=False)
    chosen = page.answer.response()
    assert page.feedback.about_label.text() == question.feedback_for(chosen)
    _continue(qtbot, page)
    assert page.stack.currentIndex() == 1 and page.session.current.id == question.id  # asked again
    assert page.retry_label.isVisible() and "missed" in page.retry_label.text()


def test_a_missed_question_comes_back_a_few_questions_later(qtbot, page):
    ids = [EVERY_KIND[k] for k in (Kind.CHOICE, Kind.TEXT, Kind.SCENARIO, Kind.MULTI, Kind.ORDER)]
    _start(page, *ids)
    missed = page.session.current.id
    answer_by_keyboard(qtbot, page, right=False)
    assert page.submit_button.text() == "Continue"
    _continue(qtbot, page)
    assert page.progress_bar.text() == f"Question 2 of {len(ids)} · 1 to ask again"
    for _ in range(RETRY_GAP):
        assert page.session.current.id != missed and not page.retry_label.isVisible()
        answer_by_keyboard(qtbot, page, right=True)
        _continue(qtbot, page)
    assert page.session.current.id == missed and page.retry_label.isVisible()
    # the bar counts each question once: a retry neither adds a question to do nor moves it on
    assert page.progress_bar.maximum() == len(ids)
    assert page.progress_bar.text() == f"Asked again · {RETRY_GAP + 1} of {len(ids)} answered"


@pytest.mark.parametrize(("right", "key", "stored"),
                         [(True, 4, 4), (True, 3, None), (False, 2, 2), (False, None, None)])
def test_rating_recall_with_a_key_changes_the_stored_rating(qtbot, page, right, key, stored):
    _start(page, EVERY_KIND[Kind.TEXT], EVERY_KIND[Kind.CHOICE])
    answer_by_keyboard(qtbot, page, right=right)
    rating = page.rating
    assert rating.isVisible() and rating.chosen() == (3 if right else 1)
    assert rating.buttons[rating.chosen()].isChecked() and rating.buttons[rating.chosen()].font().bold()
    assert "(the default)" in rating.caption.text()
    if key is not None:
        qtbot.keyClick(focused(page), digit(key))
        assert rating.buttons[key].isChecked()
    _continue(qtbot, page)
    db = page.workspace.progress
    answer = next(db.query("SELECT id, rating FROM answers ORDER BY id DESC LIMIT 1"))
    assert answer["rating"] == (3 if right else 1)  # the default, stored with the answer
    rows = list(db.query("SELECT answer_id, rating FROM answer_ratings"))
    assert rows == ([] if stored is None else [{"answer_id": answer["id"], "rating": stored}])


def test_rating_buttons_work_by_mouse_too(qtbot, page):
    _start(page, EVERY_KIND[Kind.TEXT])
    answer_by_keyboard(qtbot, page, right=True)
    qtbot.mouseClick(page.rating.buttons[2], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.submit_button, Qt.MouseButton.LeftButton)
    assert [r["rating"] for r in page.workspace.progress.query("SELECT rating FROM answer_ratings")] == [2]


def test_a_rating_chosen_just_before_closing_the_window_is_kept(qtbot, window):
    window.tabs.setCurrentWidget(window.quiz)
    window.quiz.start_questions("sanaenomics", [EVERY_KIND[Kind.TEXT]])
    answer_by_keyboard(qtbot, window.quiz, right=True)
    qtbot.keyClick(focused(window.quiz), digit(4))
    window.close()
    assert [r["rating"] for r in window.workspace.progress.query("SELECT rating FROM answer_ratings")] == [4]


def test_exam_stop_asks_first_and_escape_keeps_the_exam_going(qtbot, page):
    code = ExamSpec(4242, 8, 0).code
    qtbot.keyClicks(page.code_edit, code)
    qtbot.keyClick(page.code_edit, Qt.Key.Key_Return)
    for _ in range(2):
        answer_by_keyboard(qtbot, page, right=True)
    current = page.session.current.id
    qtbot.keyClick(focused(page), Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # "&Stop and see results"
    qtbot.waitUntil(lambda: page.stop_dialog is not None)  # a mnemonic clicks after a short animation
    dialog = page.stop_dialog
    assert isinstance(dialog, QMessageBox) and dialog.isVisible()
    assert "2 of 8" in dialog.informativeText()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert page.stack.currentIndex() == 1 and page.session.current.id == current
    assert not page.session.state.stopped

    qtbot.mouseClick(page.stop_button, Qt.MouseButton.LeftButton)
    dialog = page.stop_dialog
    end = next(b for b in dialog.buttons() if b.text() == "&End exam")
    qtbot.mouseClick(end, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.stack.currentIndex() == 2)
    assert page.session.state.stopped
    assert page.result_score.text() == score_line(page.session.score, 2, 8)
    assert page.result_score.text().endswith("· 6 not answered")
    results = [page.review_tree.topLevelItem(i).text(0) for i in range(8)]
    assert results == ["right", "right"] + ["not answered"] * 6


def test_practice_stops_without_asking(qtbot, page):
    _start(page, EVERY_KIND[Kind.TEXT], EVERY_KIND[Kind.CHOICE])
    qtbot.mouseClick(page.stop_button, Qt.MouseButton.LeftButton)
    assert page.stop_dialog is None and page.stack.currentIndex() == 2


def test_score_line_counts_questions_answered():
    assert score_line(7, 9, 20) == "Score: 7 of 9 answered (78%) · 11 not answered"
    assert score_line(7.5, 9, 9) == "Score: 7.5 of 9 (83%)"
    assert score_line(0, 0, 5) == "No questions answered · 5 not answered"


def test_full_exam_by_keyboard_no_feedback_until_end(qtbot, page):
    code = ExamSpec(4242, 8, 0).code
    qtbot.keyClicks(page.code_edit, code.lower())
    qtbot.keyClick(page.code_edit, Qt.Key.Key_Return)
    session = page.session
    assert session.mode == "exam" and len(session.questions) == 8
    for n in range(8):
        assert page.progress_bar.value() == n + 1
        answer_by_keyboard(qtbot, page, right=n < 6)
        if n < 7:
            assert not page.feedback.isVisible() and not page.rating.isVisible()
    assert page.stack.currentIndex() == 2
    assert page.result_score.text() == f"Score: {round(session.score, 2):g} of 8 ({session.score / 8:.0%})"
    assert 6 <= session.score < 8
    assert code in page.result_code.text()
    assert page.review_tree.topLevelItemCount() == 8
    words = [page.review_tree.topLevelItem(i).text(0) for i in range(8)]
    assert words[:6] == ["right"] * 6 and all(w == "wrong" or w.startswith("partly right") for w in words[6:])
    first = page.review_tree.topLevelItem(0)
    assert first.text(4).endswith(session.questions[0].citation)  # why, then the quote with its outlet
    assert session.questions[0].quote[:20] in first.text(4)
    stored = list(page.workspace.progress.query("SELECT question_id, response FROM answers ORDER BY id"))
    assert [r["question_id"] for r in stored] == [q.id for q in session.questions]
    assert json.loads(stored[0]["response"]) is not None


def test_unfinished_quiz_can_be_resumed_after_restart(qtbot, page, data_dir):
    qtbot.mouseClick(page.practice_button, Qt.MouseButton.LeftButton)
    for _ in range(3):
        answer_by_keyboard(qtbot, page, right=True)
        _continue(qtbot, page)
    current = page.session.current.id
    page.close()
    page.workspace.close()  # quit: one copy of the app per data folder

    ws = Workspace(data_dir)  # "restart": a new page over the same data folder
    again = QuizPage(state_for(ws))
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


def test_read_this_in_the_briefing_scrolls_to_the_section(qtbot, window):
    window.tabs.setCurrentWidget(window.quiz)
    window.quiz.start_questions("sanaenomics", [EVERY_KIND[Kind.MATCHING]])
    question = window.quiz.session.current
    assert question.section == "pillars"
    answer_by_keyboard(qtbot, window.quiz, right=True)
    qtbot.keyClick(focused(window.quiz), Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # "&Read this in the …"
    briefing = window.briefing
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is briefing)  # a mnemonic clicks after a short animation
    row = [s.id for s in briefing.pack.sections].index("pillars")
    block = briefing.anchors[row][1]
    qtbot.waitUntil(lambda: briefing.scroll_area.verticalScrollBar().value() == block.y())
    assert block.y() > 0 and briefing.contents.currentRow() == row
    assert block.visibleRegion().boundingRect().top() == 0, "the section starts at the top of the view"
    window.tabs.setCurrentWidget(window.quiz)  # back: the feedback is still there, Enter goes on
    assert window.quiz.feedback.isVisible()
    QApplication.processEvents()


def _hostile_questions():
    from quiz.questions import Citation, QuizQuestion

    mark = "<b>R&D</b> <img src=http://example.invalid/x.png>"
    base = {"topic": "t", "quote": f"{mark} quoted", "facts": ("f",), "outlet": f"{mark} outlet",
            "explanation": f"{mark} explained", "more_quotes": (Citation(f"{mark} more", None),), "section": "s"}
    options = (f"{mark} one", f"{mark} two", f"{mark} three")
    return [
        QuizQuestion(id="c", kind=Kind.CHOICE, prompt=mark, answer=options[0], choices=options,
                     feedback=((options[1], f"{mark} is another thing"),), **base),
        QuizQuestion(id="s", kind=Kind.SCENARIO, prompt=mark, answer=options[0], choices=options,
                     scenario=f"{mark} case", **base),
        QuizQuestion(id="t", kind=Kind.TRUEFALSE, prompt=mark, answer="false", correction=f"{mark} fixed", **base),
        QuizQuestion(id="m", kind=Kind.MULTI, prompt=mark, answer="", choices=options, answers=options[:2], **base),
        QuizQuestion(id="o", kind=Kind.ORDER, prompt=mark, answer="", choices=options, answers=options[::-1], **base),
        QuizQuestion(id="k", kind=Kind.CLASSIFY, prompt=mark, answer="", choices=(f"{mark} A", f"{mark} B"),
                     pairs=((options[0], f"{mark} A"), (options[1], f"{mark} B")), **base),
        QuizQuestion(id="p", kind=Kind.MATCHING, prompt=mark, answer="",
                     pairs=((options[0], f"{mark} x"), (options[1], f"{mark} y")), **base),
    ]


def test_pack_text_with_markup_and_ampersands_is_shown_literally_in_every_answer_widget_and_feedback(qtbot):
    """Packs are untrusted: option, statement, feedback and quote texts are never markup nor mnemonics."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

    from quiz.grade import grade
    from tests_support import right_answer
    from ui.quiz.answer_widgets import answer_widget_for
    from ui.quiz.feedback import FeedbackPanel

    for question in _hostile_questions():
        holder = QWidget()
        qtbot.addWidget(holder)
        widget = answer_widget_for(question)
        widget.setParent(holder)
        panel = FeedbackPanel(holder)
        holder.show()
        response = widget.response() or right_answer(question)
        result = grade(question, response)
        widget.lock()
        widget.show_result(result)
        panel.show_grade(question, result, response)
        texts = []
        for label in holder.findChildren(QLabel):
            if "<b>" in label.text():
                assert label.textFormat() == Qt.TextFormat.PlainText, (question.kind, label.text())
                texts.append(label.text())
        for button in holder.findChildren(QAbstractButton):
            assert "<b>" not in button.text() and "R&D" not in button.text(), "pack text is no button mnemonic"
        shown = "\n".join(texts)
        assert "<b>R&D</b> <img src=http://example.invalid/x.png> one" in shown or question.kind == Kind.TRUEFALSE
        assert "“<b>R&D</b> <img src=http://example.invalid/x.png> quoted” — <b>R&D</b>" in shown


def test_quiz_me_on_this_during_an_exam_asks_before_leaving_it(qtbot, window):
    window.tabs.setCurrentWidget(window.quiz)
    quiz = window.quiz
    qtbot.keyClicks(quiz.code_edit, ExamSpec(4242, 8, 0).code)
    qtbot.keyClick(quiz.code_edit, Qt.Key.Key_Return)
    answer_by_keyboard(qtbot, quiz, right=True)
    exam = quiz.session
    window.tabs.setCurrentWidget(window.briefing)
    window.briefing.quiz_requested.emit("sanaenomics", "comparison")  # "Quiz me on this"
    assert window.tabs.currentWidget() is quiz and quiz.session is exam
    dialog = quiz.stop_dialog
    assert dialog is not None and dialog.isVisible() and "1 of 8" in dialog.informativeText()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert quiz.session is exam and quiz.stack.currentIndex() == 1

    window.briefing.quiz_requested.emit("sanaenomics", "comparison")
    leave = next(b for b in quiz.stop_dialog.buttons() if b.text() == "&Leave exam")
    qtbot.mouseClick(leave, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: quiz.session is not exam)
    assert quiz.session.mode == "topic" and not exam.state.stopped  # the exam stays saved, unfinished


def test_read_this_in_the_briefing_works_when_the_briefing_was_never_shown(qtbot, data_dir, open_window):
    from ui.settings import app_settings

    app_settings(data_dir).setValue("window/tab", 1)  # the app opens on the Quiz tab
    ws = Workspace(data_dir)
    window = open_window(ws)
    assert window.tabs.currentWidget() is window.quiz
    window.quiz.start_questions("sanaenomics", [EVERY_KIND[Kind.MULTI]])
    answer_by_keyboard(qtbot, window.quiz, right=False)
    qtbot.mouseClick(window.quiz.feedback.read_button, Qt.MouseButton.LeftButton)
    briefing = window.briefing
    section = window.quiz.session.by_id[EVERY_KIND[Kind.MULTI]].section
    block = briefing.anchors[[s.id for s in briefing.pack.sections].index(section)][1]
    # The rest of the page is built after the briefing's first paint; the section must still be at the top.
    qtbot.waitUntil(lambda: briefing.charts and not briefing.pending)
    bar = briefing.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: block.y() > 0 and bar.value() == min(block.y(), bar.maximum()))  # laid out again
    assert block.visibleRegion().boundingRect().top() == 0
    ws.close()


def test_digits_typed_away_from_the_rows_go_to_the_first_open_row(qtbot, page):
    _start(page, EVERY_KIND[Kind.CLASSIFY])
    widget = page.answer
    page.stop_button.setFocus()  # e.g. after Tab went past the rows
    qtbot.keyClick(page.stop_button, digit(2))
    first, second = widget.rows[0], widget.rows[1]
    assert first.category() == widget.categories[1] and second.category() is None
    assert focused(page) is second
    page.stop_button.setFocus()
    qtbot.keyClick(page.stop_button, digit(1))
    assert second.category() == widget.categories[0]


def test_a_long_option_reads_on_its_numbers_line(qtbot, quiz_page):
    """A long option (one line at this width) was given the height of its text wrapped at ~200 px, and its
    one line of text sat centred 11 px below its number."""
    pack = quiz_page.pack
    question = next(q for q in generate(pack, 0) if q.kind == Kind.CHOICE and max(map(len, q.choices)) > 60)
    quiz_page.start_questions(pack.id, [question.id])
    qtbot.waitUntil(lambda: quiz_page.answer is not None and quiz_page.answer.isVisible())
    for row in quiz_page.answer.rows:
        label, line = row.label, row.label.fontMetrics().lineSpacing()
        assert label.heightForWidth(label.width()) == line, "one line at this width"
        assert label.height() < 2 * line, (label.text(), label.height())
        assert abs(label.geometry().top() - row.button.geometry().top()) <= line // 2, "beside its number"


def test_the_category_headers_of_a_sorting_question_never_touch(qtbot, quiz_page):
    """The bold headers were measured in the plain font: "1. Abenomics2. Sanaenomics" at a larger size."""
    from PySide6.QtWidgets import QLabel

    pack = quiz_page.pack
    question = next(q for q in generate(pack, 0) if q.kind == Kind.CLASSIFY)
    quiz_page.start_questions(pack.id, [question.id])
    qtbot.waitUntil(lambda: quiz_page.answer is not None and quiz_page.answer.isVisible())
    headers = [label for label in quiz_page.answer.findChildren(QLabel)
               if label.text().startswith(("1. ", "2. ")) and label.font().bold()]
    assert len(headers) == len(question.choices)
    for label in headers:
        assert label.width() >= label.fontMetrics().horizontalAdvance(label.text()) + 8, label.text()
