"""The question browser driven as a person would: Ctrl+B, type a search, pick filters and rows with the
keyboard, read the preview, suspend and flag; and from a question's feedback."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from quiz_keys import answer_by_keyboard, focused

from ui.quiz.answer_widgets import ChoiceAnswer

CHOICE = "figure-amount:nikkei-2040-goal"
CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier


def _open(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_B, CTRL)
    browser = window.browser
    assert browser is not None and browser.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is browser.search)
    return browser


def _shown_ids(browser) -> list[str]:
    proxy = browser.proxy
    return [browser.model.rows[proxy.mapToSource(proxy.index(n, 0)).row()].id for n in range(proxy.rowCount())]


def _choose(qtbot, combo, value) -> None:
    """Pick a combo box entry with the arrow keys, as the keyboard does."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    while combo.currentData() != value:
        before = combo.currentIndex()
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        assert combo.currentIndex() != before, f"{value!r} is not in {combo.accessibleName()}"


def test_search_filter_preview_and_suspend_by_keyboard(qtbot, window):
    browser = _open(qtbot, window)
    every = len(window.workspace.questions())
    assert browser.proxy.rowCount() == every
    assert f"{every:,} of {every:,} questions shown" in browser.count.text()

    qtbot.keyClicks(browser.search, "nikkei 2040")
    qtbot.waitUntil(lambda: browser.proxy.rowCount() < every)
    shown = _shown_ids(browser)
    assert CHOICE in shown
    assert all("nikkei" in r.searchable() and "2040" in r.searchable()
               for r in browser.model.rows if r.id in shown)

    _choose(qtbot, browser.kind, "choice")
    rows = {r.id: r for r in browser.model.rows}
    assert all(rows[i].question.kind == "choice" for i in _shown_ids(browser))
    assert CHOICE in _shown_ids(browser)

    browser.table.setFocus()
    while browser.current_id() != CHOICE:
        before = browser.current_id()
        qtbot.keyClick(browser.table, Qt.Key.Key_Down)
        assert browser.current_id() != before, "the arrows move through the shown questions"
    question = next(q for q in window.workspace.questions() if q.id == CHOICE)
    preview = browser.preview
    assert preview.prompt.text() == question.prompt
    assert isinstance(preview.answer, ChoiceAnswer)
    # read-only, as the learner sees it unanswered
    assert preview.answer.rows and not any(b.isEnabled() for b in preview.answer.group.buttons())
    assert question.answer in preview.key.text() and question.quote in preview.source.text()

    qtbot.keyClick(browser.table, Qt.Key.Key_U, ALT)  # S&uspend (a mnemonic clicks after a short animation)
    qtbot.waitUntil(lambda: window.workspace.suspended_questions() == {CHOICE})
    assert browser.current_id() == CHOICE and browser.suspend_button.text() == "Uns&uspend"
    assert "suspended" in browser.model.data(browser.proxy.mapToSource(browser.table.currentIndex()).siblingAtColumn(6))
    assert "1 suspended" in browser.count.text()
    qtbot.keyClick(browser.table, Qt.Key.Key_F, ALT)  # &Flag
    qtbot.waitUntil(lambda: browser.flag_button.text() == "Un&flag")
    _choose(qtbot, browser.status, "flagged")
    assert _shown_ids(browser) == [CHOICE]

    browser.close()
    window.tabs.setCurrentWidget(window.quiz)
    assert "1 question you suspended is left out" in window.quiz.start_info.text()
    window.quiz.start("topic", topic="investment")
    assert CHOICE not in {q.id for q in window.quiz.session.questions}


def test_every_filter_narrows_to_what_it_names(qtbot, window):
    browser = _open(qtbot, window)
    rows = {r.id: r for r in browser.model.rows}
    _choose(qtbot, browser.origin, "authored")
    assert _shown_ids(browser) and all(rows[i].question.authored for i in _shown_ids(browser))
    _choose(qtbot, browser.origin, None)
    _choose(qtbot, browser.topic, "investment")
    assert _shown_ids(browser) and all(rows[i].question.topic == "investment" for i in _shown_ids(browser))
    _choose(qtbot, browser.fact, "nikkei-2040-goal")
    assert CHOICE in _shown_ids(browser)
    assert all("nikkei-2040-goal" in rows[i].question.facts for i in _shown_ids(browser))
    _choose(qtbot, browser.status, "suspended")
    assert _shown_ids(browser) == [] and browser.preview.heading.text() == "No question chosen"
    assert not browser.suspend_button.isEnabled()


def test_the_feedback_opens_the_browser_on_its_question(qtbot, window):
    window.tabs.setCurrentWidget(window.quiz)
    window.quiz.start_questions("sanaenomics", [CHOICE])
    page = window.quiz
    assert not page.browse_button.isVisible()
    answer_by_keyboard(qtbot, page, right=False)
    assert page.browse_button.isVisible()
    qtbot.keyClick(focused(page), Qt.Key.Key_W, ALT)
    qtbot.waitUntil(lambda: window.browser is not None)
    browser = window.browser
    assert browser.isVisible() and browser.current_id() == CHOICE
    row = browser.current_row()
    assert (row.attempts, row.correct, row.last_answer) == (1, 0, "wrong")
    assert browser.model.data(browser.proxy.mapToSource(browser.table.currentIndex()).siblingAtColumn(4)) == \
        "0% (0 of 1)"


def test_the_browser_has_names_for_screen_readers(qtbot, window):
    browser = _open(qtbot, window)
    for widget in (browser.search, browser.topic, browser.kind, browser.fact, browser.origin, browser.status,
                   browser.table, browser.preview):
        assert widget.accessibleName()


def test_a_closed_browser_is_not_told_about_later_pack_switches(qtbot, data_dir, open_window):
    """Found trying the app as a new user: Ctrl+B, Close, then another pack raised "Internal C++ object
    (QTableView) already deleted" from the closed browser at every pack switch."""
    from app.workspace import Workspace
    from content.loader import bundled_packs
    from tests_support import DATA

    ws = Workspace(data_dir, packs=[*bundled_packs(), DATA / "second_pack"])
    window = open_window(ws)
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    browser = window.browser
    assert browser is not None and browser.isVisible()
    with qtbot.waitSignal(browser.destroyed):
        browser.close()
    first, second = ws.pack_ids()[:2]
    for pack_id in (second, first, second):  # no exception from a slot (pytest-qt fails the test on one)
        window.set_pack(pack_id)
    assert window.browser is None
    ws.close()
