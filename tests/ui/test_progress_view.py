"""The progress page: charts equal the log's SQL aggregates; learners are managed from the keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from app.workspace import Workspace
from bench.synthetic import write_history
from db.learners import ensure_learner, list_learners
from quiz.generate import generate
from ui.main_window import MainWindow


def _progress_shown(qtbot, ws: Workspace, *, answers: int, days: int) -> MainWindow:
    """The main window on the Progress tab, its learner having answered ``answers`` times over ``days``."""
    pack = ws.pack()
    write_history(ws.progress, ws.learner_id, pack.id, generate(pack, 0), answers=answers, days=days)
    win = MainWindow(ws)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    win.tabs.setCurrentWidget(win.progress)
    return win


@pytest.fixture
def window(qtbot, data_dir):
    ws = Workspace(data_dir)
    win = _progress_shown(qtbot, ws, answers=500, days=30)
    qtbot.waitUntil(lambda: win.progress.accuracy.plot is not None)
    yield win
    ws.close()


def _legend_names(chart) -> list[str]:
    """The series names the chart's legend row shows."""
    row = chart.legend_row
    widgets = [row.itemAt(i).widget() for i in range(row.count())]
    return [w.text() for w in widgets if w is not None and w.isVisibleTo(chart) and w.text()]


def test_charts_show_the_sql_aggregates_of_the_log(window):
    db = window.workspace.progress
    page = window.progress
    per_day = {day[5:]: (n, right, ms) for day, n, right, ms in db.execute(
        "SELECT date(answered_at, 'localtime'), count(*), sum(correct), sum(elapsed_ms) FROM answers GROUP BY 1")}
    drawn = page.accuracy.bars_drawn()["Right"]
    assert set(drawn) == set(per_day) & set(page.accuracy.categories)
    for day, value in drawn.items():
        n, right, _ms = per_day[day]
        assert value == pytest.approx(100 * right / n)
    minutes = page.time.bars_drawn()["Minutes"]
    for day, value in minutes.items():
        assert value == pytest.approx(per_day[day][2] / 60000)
    due = page.due.bars_drawn()["Due"]
    overdue_or_today = db.execute(
        "SELECT count(*) FROM cards WHERE date(due, 'localtime') <= date('now', 'localtime')").fetchone()[0]
    assert list(due.values())[0] == overdue_or_today
    assert sum(due.values()) == db.execute(
        "SELECT count(*) FROM cards WHERE date(due, 'localtime') < date('now', 'localtime', '+14 days')").fetchone()[0]
    mastery = page.mastery.bars_drawn()["Right on last try (of all its questions)"]
    assert len(mastery) == len(window.briefing.pack.topics)
    assert "500 answers" in page.summary.text()


def test_practise_these_starts_a_quiz_on_the_hardest_questions(window, qtbot):
    page = window.progress
    wanted = [page.hardest.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(page.hardest.rowCount())]
    assert len(wanted) == 10
    qtbot.mouseClick(page.practise, Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.quiz
    assert sorted(q.id for q in window.quiz.session.questions) == sorted(wanted)


def test_new_learner_starts_empty_and_is_remembered(window, qtbot, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Hana", True))
    bar = window.progress.learners
    bar.new_button.setFocus()
    qtbot.keyClick(bar.new_button, Qt.Key.Key_Space)
    assert bar.combo.currentText() == "Hana"
    assert window.progress.summary.text().startswith("Hana: 0 answers")
    assert window.progress.accuracy.bars_drawn()["Right"] == {}
    window.close()

    again = MainWindow(window.workspace)
    qtbot.addWidget(again)
    assert again.progress.learners.combo.currentText() == "Hana"


def test_switching_learner_by_keyboard_changes_whose_progress_is_shown(window, qtbot):
    other = ensure_learner(window.workspace.progress, "Zoe")
    bar = window.progress.learners
    bar.reload()
    bar.combo.setFocus()
    index = bar.combo.findData(other)
    bar.combo.setCurrentIndex(index)
    bar.combo.activated.emit(index)
    assert window.workspace.learner_id == other
    assert window.progress.summary.text().startswith("Zoe: 0 answers")


def _words_drawn_in_the_middle(chart) -> int:
    """Pixels of the text colour in the middle band of the chart's picture, where the empty notice goes."""
    image = chart.picture.grab().toImage()
    ink = chart.palette().color(QPalette.ColorRole.WindowText)
    h, w = image.height(), image.width()

    def inked(x: int, y: int) -> bool:  # the text's colour, or nearly (its edges are smoothed)
        c = image.pixelColor(x, y)
        return abs(c.red() - ink.red()) + abs(c.green() - ink.green()) + abs(c.blue() - ink.blue()) < 120
    return sum(inked(x, y) for y in range(h * 2 // 5, h * 3 // 5) for x in range(w // 4, 3 * w // 4))


def test_a_learner_without_answers_is_told_so_on_every_chart(window, qtbot):
    """Bare axes ("0.2 … 1.0 minutes", reviews due "1") said nothing to a new learner; each chart now says
    how its bars come, in words over the chart, and no longer once there are answers."""
    page = window.progress
    busy = {chart: _words_drawn_in_the_middle(chart) for chart in page.charts}
    other = ensure_learner(window.workspace.progress, "Zoe")
    bar = page.learners
    bar.reload()
    index = bar.combo.findData(other)
    bar.combo.setCurrentIndex(index)
    bar.combo.activated.emit(index)
    qtbot.waitUntil(lambda: all(chart.picture_is_current() for chart in page.charts))
    for chart in page.charts:
        assert chart.empty_text.startswith("No answers yet. Answer a few questions in the Quiz tab")
        assert _words_drawn_in_the_middle(chart) > busy[chart] + 200, chart.title
        assert not _legend_names(chart), f"{chart.title}: a legend for bars that are not there"
    qtbot.mouseMove(page.time, page.time.rect().center())  # pointing at it: no live plot without bars
    assert page.time.view.currentWidget() is page.time.picture

    me = bar.combo.findText("Me")
    bar.combo.setCurrentIndex(me)
    bar.combo.activated.emit(me)
    assert window.progress.summary.text().startswith("Me: 500 answers")
    assert all(chart.empty_text == "" for chart in page.charts)
    qtbot.waitUntil(lambda: _legend_names(page.mastery) == ["Right on last try (of all its questions)",
                                                         "Recall in a week (FSRS, of those studied)"])


def test_deleting_a_learner_asks_first(window, qtbot, monkeypatch):
    db = window.workspace.progress
    ensure_learner(db, "Zoe")
    bar = window.progress.learners
    bar.reload()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    qtbot.mouseClick(bar.delete_button, Qt.MouseButton.LeftButton)
    assert len(list_learners(db)) == 2 and db["answers"].count == 500
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(bar.delete_button, Qt.MouseButton.LeftButton)
    assert [r["name"] for r in list_learners(db)] == ["Zoe"]
    assert db["answers"].count == 0
    assert not bar.delete_button.isEnabled(), "the last learner cannot be deleted"
    QTimer.singleShot(0, QApplication.closeAllWindows)


def test_shown_again_nothing_is_recomputed_or_redrawn_until_an_answer_or_a_read_mark(window, qtbot, monkeypatch):
    from quiz_keys import answer_by_keyboard

    from quiz import stats

    page = window.progress
    computed = []
    real = stats.dashboard
    monkeypatch.setattr(stats, "dashboard", lambda *a, **k: computed.append(1) or real(*a, **k))
    drawn = page.accuracy.bar_items[0][1]
    for tab in (window.briefing, window.quiz, window.progress, window.briefing, window.progress):
        window.tabs.setCurrentWidget(tab)
        QApplication.processEvents()
    assert computed == [] and page.accuracy.bar_items[0][1] is drawn, "the same figures, the same bars"
    assert "500 answers" in page.summary.text()

    window.tabs.setCurrentWidget(window.quiz)
    window.quiz.start_questions(window.pack.id, [window.workspace.questions()[0].id])
    answer_by_keyboard(qtbot, window.quiz, right=True)
    window.tabs.setCurrentWidget(window.progress)
    qtbot.waitUntil(lambda: "501 answers" in page.summary.text())
    assert computed == [1] and page.accuracy.bar_items[0][1] is not drawn
    qtbot.waitUntil(lambda: page.accuracy.picture_is_current(), timeout=5000)  # and its picture shows them

    section = window.pack.sections[0]
    window.tabs.setCurrentWidget(window.briefing)
    window.briefing.read_boxes[section.id].setChecked(True)
    window.tabs.setCurrentWidget(window.progress)
    qtbot.waitUntil(lambda: f"✓ Read — {section.title}" in [page.sections.item(i).text()
                                                             for i in range(page.sections.count())])
    assert computed == [1, 1]


def _pictures_current(page) -> bool:
    return all(c.picture_is_current() and c.view.currentWidget() is c.picture for c in page.charts)


def test_charts_show_a_still_picture_that_is_not_drawn_again_when_the_tab_is_shown_again(window, qtbot):
    page = window.progress
    qtbot.waitUntil(lambda: _pictures_current(page))
    for chart in page.charts:
        size = chart.picture.size() * chart.picture.devicePixelRatioF()
        assert chart.picture.pixmap.size() == size, f"{chart.title}: a picture of the size shown"
        assert chart.accessibleName() == f"Chart: {chart.title}" and ": " in chart.accessibleDescription()
    shown = [chart.picture.pixmap for chart in page.charts]
    for tab in (window.quiz, window.progress, window.briefing, window.progress):
        window.tabs.setCurrentWidget(tab)
        QApplication.processEvents()
    assert [chart.picture.pixmap for chart in page.charts] == shown, "the same pictures, not rendered again"
    assert _pictures_current(page)


def test_the_chart_picture_follows_a_theme_switch_a_new_size_and_the_text_size(window, qtbot):
    from PySide6.QtGui import QColor

    from ui import theme

    page = window.progress
    qtbot.waitUntil(lambda: _pictures_current(page))

    def corner(chart) -> QColor:  # the plot's background, top left
        return chart.picture.pixmap.toImage().pixelColor(2, 2)

    assert all(corner(c) == QColor(theme.LIGHT.background) for c in page.charts)
    try:
        window.set_theme("dark")
        qtbot.waitUntil(lambda: _pictures_current(page))
        assert all(corner(c) == QColor(theme.DARK.background) for c in page.charts), "drawn in the dark theme"
        window.tabs.setCurrentWidget(window.briefing)
        window.set_theme("light")  # while the page is hidden: drawn again in idle time, before it is shown
        qtbot.waitUntil(lambda: all(c.picture_is_current() for c in page.charts))
        assert all(corner(c) == QColor(theme.LIGHT.background) for c in page.charts)
        drawn = [c.picture.pixmap for c in page.charts]
        window.tabs.setCurrentWidget(window.progress)
        QApplication.processEvents()
        assert _pictures_current(page) and [c.picture.pixmap for c in page.charts] == drawn
    finally:
        window.set_theme("light")

    before = page.accuracy.picture.pixmap
    window.resize(1000, 700)
    qtbot.waitUntil(lambda: _pictures_current(page) and page.accuracy.picture.pixmap is not before)
    chart = page.accuracy
    assert chart.picture.pixmap.size() == chart.picture.size() * chart.picture.devicePixelRatioF()

    before = chart.picture.pixmap
    try:
        window.change_text_size(2)  # Ctrl++
        qtbot.waitUntil(lambda: _pictures_current(page) and chart.picture.pixmap is not before)
    finally:
        window.change_text_size(0)


def test_pointing_at_a_chart_shows_the_live_plot_for_its_tooltips(window, qtbot):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QEnterEvent

    page = window.progress
    qtbot.waitUntil(lambda: _pictures_current(page))
    chart = page.accuracy
    centre = QPointF(chart.rect().center())
    QApplication.sendEvent(chart, QEnterEvent(centre, centre, QPointF(chart.mapToGlobal(centre))))
    assert chart.view.currentWidget() is chart.plot and chart.plot.isVisible()
    QApplication.sendEvent(chart, QEvent(QEvent.Type.Leave))
    assert chart.view.currentWidget() is chart.picture


def test_opening_progress_opens_no_window_of_its_own(qtbot, data_dir):
    """Each chart's "Loading chart…" placeholder flashed up as a window of its own and took the focus
    from the main window (Tab then had nothing to move from)."""
    from PySide6.QtCore import QObject

    ws = Workspace(data_dir)
    win = MainWindow(ws)
    qtbot.addWidget(win)
    win.resize(1024, 640)
    with qtbot.waitActive(win):
        win.show()
        win.activateWindow()
    opened: list[str] = []

    class Watch(QObject):
        def eventFilter(self, watched, event):  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Show and watched.isWidgetType() and watched.isWindow():
                opened.append(type(watched).__name__)
            return False

    watch = Watch()
    QApplication.instance().installEventFilter(watch)
    try:
        win.tabs.setCurrentWidget(win.progress)
        qtbot.waitUntil(lambda: _pictures_current(win.progress))
    finally:
        QApplication.instance().removeEventFilter(watch)
    assert opened == []
    assert QApplication.activeWindow() is win
    ws.close()


def test_a_learner_restored_while_the_quiz_was_shown_is_in_the_list_when_progress_shows(window, qtbot):
    """The learner list is read again when the Progress tab shows after a change announced while it was hidden
    (a restored backup can bring other learners; answers, which announce changes too, never do)."""
    window.tabs.setCurrentWidget(window.quiz)
    bar = window.progress.learners
    ws = window.state.workspace
    me = ws.learner_id
    ws.create_learner("Kenji")  # straight into the store, as a restored backup would bring them
    ws.switch_learner(me)
    window.state.progress_changed.emit()  # as a restore does
    assert not bar.isVisible()
    window.tabs.setCurrentWidget(window.progress)
    assert "Kenji" in [bar.combo.itemText(i) for i in range(bar.combo.count())]


def test_every_topic_keeps_its_name_on_the_mastery_chart_at_a_larger_text_size(window, qtbot):
    """Found trying the app as a new user: after Ctrl++ "Abenomics vs Sanaenomics" lost its name beside its
    bars (pyqtgraph skips a label its axis cannot hold, and the still picture never got the wider axis)."""
    chart = window.progress.mastery
    window.change_text_size(1)
    window.change_text_size(1)
    qtbot.waitUntil(chart.picture_is_current, timeout=5000)
    axis = chart.plot.getAxis("left")
    metrics = chart.plot.fontMetrics()
    assert axis.width() >= max(metrics.horizontalAdvance(topic) for topic in chart.categories)
    assert chart.height() >= len(chart.categories) * metrics.height(), "a text line for every topic"


def test_reviews_due_are_counted_in_whole_numbers(window, qtbot):
    """Found trying the app as a new user: with three reviews due the axis read 0.5, 1.5, 2.5 (and a later
    tester missed a labelled 0 at its foot)."""
    from ui.progress.charts import Series

    chart = window.progress.due
    chart.set_series(["11-26", "11-27", "11-28"], [Series("Due", [3, 1, 0], ["3", "1", "0"])])
    qtbot.waitUntil(chart.picture_is_current, timeout=5000)
    ticks = [value for level in chart.plot.getAxis("left")._tickLevels for value, _text in level]
    assert ticks and all(float(v).is_integer() for v in ticks), ticks
    assert [text for level in chart.plot.getAxis("left")._tickLevels for _v, text in level] == ["0", "1", "2", "3"]


def test_many_reviews_due_are_read_off_round_numbers(window, qtbot):
    """A long history's 97 reviews due tomorrow were read off 18, 36, 54, 72, 90."""
    from ui.progress.charts import Series

    chart = window.progress.due
    chart.set_series(["11-26", "11-27"], [Series("Due", [31, 97], ["31", "97"])])
    qtbot.waitUntil(chart.picture_is_current, timeout=5000)
    shown = [text for level in chart.plot.getAxis("left")._tickLevels for _v, text in level]
    assert shown[:5] == ["0", "20", "40", "60", "80"] and all(int(t) % 20 == 0 for t in shown), shown


@pytest.mark.parametrize("name", ["light", "dark"])
def test_the_page_is_painted_once_per_show_on_the_tabs_background(window, qtbot, name):
    """Shown again, Qt painted the page's opaque scroll area on its own and then again with the window:
    every chart, label and table twice per show."""
    from PySide6.QtCore import QObject

    window.set_theme(name)
    page = window.progress
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: _pictures_current(page))

    class Paints(QObject):
        count = 0

        def eventFilter(self, watched, event):  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    paints = Paints()
    chart = page.charts[0]
    chart.picture.installEventFilter(paints)
    try:
        window.tabs.setCurrentWidget(window.briefing)
        QApplication.processEvents()
        paints.count = 0
        window.tabs.setCurrentWidget(page)
        QApplication.processEvents()
        assert paints.count == 1, "the chart painted once when its tab is shown"
        picture = window.grab().toImage()
        corner = page.mapTo(window, page.rect().topRight()) + QPoint(-30, 6)  # the page's own background
        assert picture.pixelColor(corner) == QApplication.palette().color(QPalette.ColorRole.Window), name
    finally:
        window.set_theme("light")


def test_section_titles_and_hardest_questions_read_whole_in_a_small_window(window, qtbot):
    """At 1024×640 the section list ran its titles under its edge behind a scroll bar, and the hardest
    questions ended in "…"."""
    from PySide6.QtCore import QRect

    window.resize(1024, 640)
    page = window.progress
    qtbot.waitUntil(lambda: page.sections.viewport().width() < 600)
    QApplication.processEvents()
    wrap = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)

    def whole(rect: QRect, text: str, metrics) -> bool:  # noqa: ANN001 - a QFontMetrics
        return rect.height() >= metrics.boundingRect(QRect(0, 0, rect.width() - 10, 1 << 20), wrap, text).height()

    listing = page.sections
    assert not listing.horizontalScrollBar().isVisible()
    for row in range(listing.count()):
        item = listing.item(row)
        assert whole(listing.visualItemRect(item), item.text(), listing.fontMetrics()), item.text()
    table = page.hardest
    assert table.rowCount() > 0
    for row in range(table.rowCount()):
        index = table.model().index(row, 0)
        assert whole(table.visualRect(index), index.data(), table.fontMetrics()), index.data()


def test_shares_are_read_off_0_to_100_with_room_for_both_labels(window, qtbot):
    """Accuracy and mastery axes were labelled 20 … 80 only: their ends had no room for a label."""
    page = window.progress
    qtbot.waitUntil(lambda: _pictures_current(page))
    for chart, axis, which in ((page.accuracy, "left", 1), (page.mastery, "bottom", 0)):
        shown = [text for level in chart.plot.getAxis(axis)._tickLevels for _v, text in level]
        assert shown == ["0", "20", "40", "60", "80", "100"], (chart.title, shown)
        low, high = chart.plot.getViewBox().viewRange()[which]
        assert low < 0 and high > 100, (chart.title, low, high)


def test_the_summary_counts_in_whole_words_and_gives_the_time_the_time_chart_shows(qtbot, data_dir):
    """A learner with a few short answers read "0 minutes in all" beside a 0.2-minute bar, and one answer
    read "1 answers"."""
    from ui.i18n import number
    from ui.progress import summary_line

    ws = Workspace(data_dir)
    win = _progress_shown(qtbot, ws, answers=3, days=1)
    qtbot.waitUntil(lambda: "3 answers" in win.progress.summary.text() and bool(win.progress.time.bar_items))
    minutes = sum(win.progress.time.bars_drawn()["Minutes"].values())
    assert 0 < minutes < 10
    assert f"{minutes:.1f} minutes in all" in win.progress.summary.text()

    one = summary_line("Hana", 1, 1.0, 30, 1, 0, 1)
    assert one.startswith("Hana: 1 answer, 100% right, 0.5 minutes in all")
    assert "1 review due today" in one and "0 of 1 section read" in one
    many = summary_line("Hana", 1200, 0.5, 3600, 2, 3, 7)
    # grouped as every other count of the app, in any locale (LANG=C read "1200 answers" here, "1,200" elsewhere)
    assert f"{number(1200)} answers" in many and "1200 answers" not in many and "60 minutes in all" in many
    assert "2 reviews due today" in many and "3 of 7 sections read" in many
    # just after a session, every card answered comes due again within minutes: not all "due today" now
    after = summary_line("Hana", 20, 0.7, 300, 20, 0, 7, due_now=0)
    assert "0 due now, 20 later today" in after
    assert "20 reviews due today" in summary_line("Hana", 20, 0.7, 300, 20, 0, 7, due_now=20)
    ws.close()


def test_a_day_of_all_wrong_answers_is_marked_on_the_accuracy_chart(qtbot, data_dir, open_window):
    """A 0 % day has no bar height, so it looked like a day without study: it gets a thin mark on the zero
    line (in the bar colour, no height), and a day without answers still shows nothing."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QColor
    from quiz_keys import answer_by_keyboard

    from ui import theme

    win = open_window(Workspace(data_dir))
    win.resize(1280, 800)
    quiz = win.quiz
    win.tabs.setCurrentWidget(quiz)
    qtbot.mouseClick(quiz.practice_button, Qt.MouseButton.LeftButton)
    for _ in range(2):
        answer_by_keyboard(qtbot, quiz, right=False)
        qtbot.keyClick(QApplication.focusWidget() or quiz, Qt.Key.Key_Return)
    win.tabs.setCurrentWidget(win.progress)
    chart = win.progress.accuracy
    qtbot.waitUntil(lambda: chart.plot is not None and chart.picture_is_current())
    today = len(chart.categories) - 1
    assert "0 of 2 right" in chart.accessibleDescription()
    assert chart.bars_drawn()["Right"] == {chart.categories[today]: 0.0}, "a bar of no height: nothing faked"
    image = chart.picture.pixmap.toImage()
    bar = QColor(theme.chart_colors().bars[0])

    def bar_pixels(index: int) -> int:
        scene = chart.plot.getViewBox().mapViewToScene(QPointF(index, 0))
        point = chart.plot.mapFromScene(scene)
        found = 0
        for x in range(point.x() - 3, point.x() + 4):
            for y in range(point.y() - 4, point.y() + 5):
                colour = QColor(image.pixel(x, y))
                if max(abs(colour.red() - bar.red()), abs(colour.green() - bar.green()),
                       abs(colour.blue() - bar.blue())) < 40:
                    found += 1
        return found

    assert bar_pixels(today) >= 7, "today's 0 % is marked"
    assert bar_pixels(0) == 0, "a day without answers stays empty"
