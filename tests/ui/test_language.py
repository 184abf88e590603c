"""The interface's language: View → Language, the system's by default, Japanese menus, local numbers and dates.

The Japanese .qm is compiled here from i18n/ja/*.ts into a temporary folder (the
app looks there instead of i18n/), so these tests need no build step and always
test the translation as it is in the tree.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu, QMessageBox

import ui.app
from app.workspace import Workspace
from tests_support import ROOT
from ui import i18n, main_window
from ui.main_window import MainWindow
from ui.settings import app_settings

LRELEASE = Path(sys.executable).parent / "pyside6-lrelease"  # beside the interpreter, as PySide6 puts it
MENUS_JA = ["ファイル(&F)", "編集(&E)", "表示(&V)", "ヘルプ(&H)"]
TABS_JA = ["ブリーフィング(&B)", "クイズ(&Q)", "進捗(&P)"]


@pytest.fixture(scope="session")
def compiled(tmp_path_factory) -> Path:
    """i18n/ja/*.ts compiled into briefing_ja.qm, in a folder of its own."""
    folder = tmp_path_factory.mktemp("i18n")
    subprocess.run([str(LRELEASE), *map(str, sorted((ROOT / "i18n" / "ja").glob("*.ts"))), "-qm",
                    str(folder / "briefing_ja.qm")], check=True, timeout=120, capture_output=True)
    return folder


@pytest.fixture
def translations(qapp, compiled, monkeypatch):
    """The app finds the compiled Japanese; English (and the system's locale) again afterwards."""
    monkeypatch.setattr(i18n, "TRANSLATIONS", compiled)
    yield compiled
    i18n.install(qapp, i18n.SOURCE_LANGUAGE)
    QLocale.setDefault(QLocale.system())


def system(monkeypatch, name: str) -> None:
    """Pretend the system's locale is ``name`` (as LANG=ja_JP.UTF-8 would make it)."""
    monkeypatch.setattr(i18n, "system_locale", lambda: QLocale(name))


def menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def tab_titles(window: MainWindow) -> list[str]:
    return [window.tabs.tabText(i) for i in range(window.tabs.count())]


def menu_items(menu: QMenu, skip: tuple[QMenu, ...]) -> list[str]:
    """Every item's text under ``menu`` (submenus included, those in ``skip`` left out)."""
    texts = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        sub = action.menu()
        if isinstance(sub, QMenu) and sub in skip:
            continue
        texts.append(action.text())
        if isinstance(sub, QMenu):
            texts += menu_items(sub, skip)
    return texts


def test_the_main_window_in_japanese_has_japanese_menus_and_tabs(qtbot, qapp, translations, data_dir):
    assert i18n.install(qapp, "ja") == "ja"
    ws = Workspace(data_dir)
    window = MainWindow(ws)
    qtbot.addWidget(window)
    assert menu_titles(window) == MENUS_JA
    assert tab_titles(window) == TABS_JA
    # Every item of every menu is Japanese, except the pack titles (the pack's own words) and names of formats
    # and languages, which are the same in every language.
    names = {"Anki (.apkg)…", "Moodle XML…", "Moodle GIFT…", "English", "日本語"}
    english = [text for top in window.menuBar().actions() if isinstance(top.menu(), QMenu)
               for text in menu_items(top.menu(), skip=(window.pack_menu,))
               if text not in names and not re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text)]
    assert not english, f"menu items still in English: {english}"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Yes)
    assert sorted(b.text() for b in buttons.buttons()) == ["はい(&Y)", "キャンセル"], "Qt's own buttons too"
    assert (main_window._questions(1), main_window._questions(12)) == ("1 問", "12 問")
    window.close()
    ws.close()


def test_english_counts_are_singular_and_plural(qapp, translations):
    i18n.install(qapp, "en")
    assert (main_window._questions(1), main_window._questions(12)) == ("1 question", "12 questions")


def test_choosing_japanese_in_the_view_menu_applies_at_the_next_start(qtbot, qapp, translations, data_dir,
                                                                      monkeypatch):
    system(monkeypatch, "en_GB")
    i18n.install(qapp, i18n.SYSTEM)
    ws = Workspace(data_dir)
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.show()
    choices = {action.text(): action for action in window.language_menu.actions()}
    assert list(choices) == ["System default (English)", "English", "日本語"]
    assert choices["System default (English)"].isChecked(), "the system's language until one is chosen"

    choices["日本語"].trigger()  # View → Language → 日本語

    box = window.findChild(QMessageBox, "language-restart")
    assert box is not None and box.isVisible()
    assert "from the next start" in box.text() and "日本語" in box.text()
    later = next(b for b in box.buttons() if b.text() == "&Later")
    qtbot.mouseClick(later, Qt.MouseButton.LeftButton)
    assert window.isVisible() and not window.restart_requested, "Later keeps working, in English for now"
    assert menu_titles(window)[0] == "&File"
    assert choices["日本語"].isChecked()
    assert app_settings(data_dir).value("language") == "ja"
    window.close()
    ws.close()

    # The next start: the window says everything in Japanese from its first paint.
    monkeypatch.setattr(ui.app, "OPEN_WITHOUT_PAINT_MS", 0)
    startup = ui.app.start(data_dir)
    try:
        qtbot.waitUntil(lambda: startup.window.is_open, timeout=60_000)
        # (closing within 300 ms of the briefing's showing would leave its first-paint fallback timer to a
        # deleted page: a briefing page issue, not the language's)
        qtbot.waitUntil(lambda: startup.window.briefing._painted, timeout=60_000)
        assert menu_titles(startup.window) == MENUS_JA
        assert tab_titles(startup.window) == TABS_JA
        checked = next(a for a in startup.window.language_menu.actions() if a.isChecked())
        assert checked.text() == "日本語"
        assert QLocale().language() == QLocale.Language.Japanese, "numbers and dates follow the language"
    finally:
        startup.close()


def test_restart_now_closes_the_window_and_starts_the_app_again(qtbot, qapp, translations, data_dir, monkeypatch):
    monkeypatch.setattr(ui.app, "OPEN_WITHOUT_PAINT_MS", 0)
    startup = ui.app.start(data_dir)
    try:
        qtbot.waitUntil(lambda: startup.window.is_open, timeout=60_000)
        qtbot.waitUntil(lambda: startup.window.briefing._painted, timeout=60_000)  # see the test above
        window = startup.window
        box = window.set_language("ja")
        assert box is not None
        restart = next(b for b in box.buttons() if b.text() == "&Restart now")
        qtbot.mouseClick(restart, Qt.MouseButton.LeftButton)
        assert not window.isVisible(), "the window closed (a clean close: backup and settings)"
    finally:
        startup.close()
    assert startup.restart, "run() starts the app again once the stores are closed"

    started = []
    monkeypatch.setattr(ui.app, "relaunch", lambda: started.append(True) or True)

    class Closed:
        restart, exit_code = True, None

        def close(self) -> None:
            started.append(False)  # closed before the new one starts

    class App:
        def exec(self) -> int:
            return 0

    monkeypatch.setattr(ui.app, "application", App)  # no second event loop: the window is gone already
    monkeypatch.setattr(ui.app, "start", lambda _folder: Closed())
    assert ui.app.run(data_dir) == 0
    assert started == [False, True]


def test_the_system_language_is_the_default_when_translated(qapp, translations, monkeypatch):
    system(monkeypatch, "ja_JP")
    assert i18n.available_languages() == ["en", "ja"]
    assert i18n.install(qapp, i18n.SYSTEM) == "ja"
    assert QApplication.translate("ui.main_window", "&File") == "ファイル(&F)"
    assert QLocale().name() == "ja_JP"
    assert i18n.install(qapp, "en") == "en", "a language chosen in the menu wins over the system's"
    assert QApplication.translate("ui.main_window", "&File") == "&File"
    system(monkeypatch, "en_GB")
    assert i18n.install(qapp, i18n.SYSTEM) == "en"
    assert QLocale().name() == "en_GB", "English keeps the system's own formats (British dates)"
    system(monkeypatch, "de_DE")
    assert i18n.install(qapp, i18n.SYSTEM) == "en", "no German translation: English"
    assert QLocale().name() == "en_US"
    assert i18n.install(qapp, "fr") == "en", "a language no longer there: the system's, else English"


def test_the_system_default_in_a_subprocess_follows_lang(translations, tmp_path):
    """The real QLocale.system(): LANG=ja_JP.UTF-8 gives Japanese, LANG=C English."""
    script = ("import sys; from PySide6.QtCore import QCoreApplication; from ui import i18n; from pathlib import Path\n"
              "app = QCoreApplication([])\n"
              f"i18n.TRANSLATIONS = Path({str(translations)!r})\n"
              "print(i18n.install(app, 'system'), QCoreApplication.translate('ui.main_window', '&Quit'))\n")
    for lang, expected in (("ja_JP.UTF-8", "ja 終了(&Q)"), ("C.UTF-8", "en &Quit")):
        env = {key: value for key, value in os.environ.items() if not key.startswith(("LC_", "LANGUAGE"))}
        env["LANG"] = lang
        done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                              timeout=60, check=True)
        assert done.stdout.strip() == expected, done.stderr


def test_without_a_compiled_translation_the_app_runs_in_english(qtbot, qapp, translations, monkeypatch, data_dir,
                                                               tmp_path):
    monkeypatch.setattr(i18n, "TRANSLATIONS", tmp_path / "no-i18n-here")
    system(monkeypatch, "ja_JP")
    assert i18n.available_languages() == ["en"]
    assert i18n.install(qapp, "ja") == "en"
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "briefing_ja.qm").write_bytes(b"not a translation")
    monkeypatch.setattr(i18n, "TRANSLATIONS", broken)
    assert i18n.install(qapp, "ja") == "en", "an unreadable .qm: English throughout"
    ws = Workspace(data_dir)
    window = MainWindow(ws)
    qtbot.addWidget(window)
    assert menu_titles(window) == ["&File", "&Edit", "&View", "&Help"]
    window.close()
    ws.close()


def test_numbers_percentages_and_dates_are_written_as_the_language_writes_them(qapp, translations):
    moment = dt.datetime(2026, 3, 4, 13, 5)
    QLocale.setDefault(QLocale("ja_JP"))
    assert (i18n.number(1234567), i18n.number(0.5), i18n.number(2.0), i18n.number(3.14159, 2)) == \
        ("1,234,567", "0.5", "2", "3.14")
    assert (i18n.percent(0.853), i18n.percent(0.8534, 1)) == ("85%", "85.3%")
    assert i18n.date(moment.date()) == "2026/03/04"
    assert i18n.datetime(moment) == "2026/03/04 13:05"
    QLocale.setDefault(QLocale("de_DE"))
    assert (i18n.number(1234567), i18n.number(0.5), i18n.percent(0.8534, 1)) == ("1.234.567", "0,5", "85,3%")
    assert i18n.date(moment.date()) == "04.03.26"


def test_the_backups_on_offer_are_dated_in_the_language(qtbot, qapp, translations, data_dir, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    ws = Workspace(data_dir)
    ws.back_up()
    i18n.install(qapp, "ja")
    window = MainWindow(ws)
    qtbot.addWidget(window)
    offered = []
    monkeypatch.setattr(QInputDialog, "getItem",
                        lambda parent, title, label, items, *a: (offered.extend(items) or items[0], False))
    window.findChild(QAction, "action-restore").trigger()
    taken = ws.backups()[0].taken_at.astimezone()
    # Japanese short time has no leading zero on the hour (CLDR "H:mm"): 1:02, 13:05.
    assert offered == [f"{taken:%Y/%m/%d} {taken.hour}:{taken:%M} — 解答 0 件"]
    window.close()
    ws.close()


def test_the_import_steps_the_core_names_are_all_translated(qapp, translations):
    from app.workspace import IMPORT_STEPS
    from ui.packs import STEP_NAMES

    assert STEP_NAMES == IMPORT_STEPS, "ui/packs.py marks each step the import reports, word for word"
    i18n.install(qapp, "ja")
    assert [QApplication.translate("ui.packs", step) for step in IMPORT_STEPS] == [
        "パックを検査してライブラリにコピーしています", "内容を保存しています", "完了"]


def test_japanese_at_the_largest_text_on_a_small_screen_keeps_tabs_and_quiz_start_whole(qtbot, qapp, translations,
                                                                                        data_dir, open_window):
    """Japanese, 1024×640, eight Ctrl++: the tab bar scrolled ("ィング(B)") and the practice description was cut
    top and bottom. The pack chooser now moves over the tabs when both do not fit beside each other, and the
    start page wraps its words and scrolls."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QApplication

    assert i18n.install(qapp, "ja") == "ja"
    ws = Workspace(data_dir)
    window = open_window(ws, size=(1024, 640))
    bar = window.tabs.tabBar()
    assert window.pack_combo.isVisible()
    for _ in range(8):
        qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
        QApplication.processEvents()
    window.tabs.setCurrentWidget(window.quiz)
    qtbot.wait(50)
    assert bar.width() >= bar.sizeHint().width(), "the tab bar has room for every tab: it does not scroll"
    for i in range(bar.count()):
        assert bar.rect().contains(bar.tabRect(i)), f"tab {bar.tabText(i)} whole"
    assert window.pack_combo.isVisible(), "the pack chooser is still there"

    def chooser_clear_of_the_tabs() -> None:
        combo = window.pack_combo
        combo_top = combo.mapTo(window, QPoint(0, 0))
        bar_top = bar.mapTo(window, QPoint(0, 0))
        last_tab_right = bar_top.x() + bar.tabRect(bar.count() - 1).right()
        if window.pack_row.isVisible():  # a row of its own
            assert combo_top.y() + combo.height() <= bar_top.y() + 1, "over the tabs"
        else:
            assert combo_top.x() > last_tab_right, "beside the tabs, clear of the last one"

    # Whether both fit side by side depends on the fonts' widths (with no Japanese font installed the glyphs
    # are narrower): the chooser is clear of the tabs either way, and over them once the window is narrower
    # than the two together.
    chooser_clear_of_the_tabs()
    window.resize(max(window.minimumWidth(), bar.sizeHint().width() + 20), 640)
    qtbot.waitUntil(lambda: window.pack_row.isVisible())
    assert bar.width() >= bar.sizeHint().width(), "the tab bar still has room for every tab"
    chooser_clear_of_the_tabs()
    window.resize(1024, 640)
    QApplication.processEvents()
    info = window.quiz.practice_info
    assert info.height() >= info.heightForWidth(info.width()), "the practice description is whole"
    scroll = window.quiz.start_scroll
    scroll.ensureWidgetVisible(window.quiz.exam_count)
    assert window.quiz.exam_count.visibleRegion().boundingRect().size() == window.quiz.exam_count.size(), (
        "the exam's settings are reached by scrolling")

    for _ in range(8):
        qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
        QApplication.processEvents()
    assert window.tabs.cornerWidget(Qt.Corner.TopRightCorner) is window.pack_chooser, "beside the tabs again"
    assert not window.pack_row.isVisible()
    window.close()
    ws.close()
