"""The learner's pages in Japanese: i18n/ja/pages.ts is complete, compiles, and a Japanese user sees it.

The other GUI tests run without a translator (English). Here Qt's translator is loaded from the
compiled pages.ts, then the quiz and progress pages are built and used as a learner would: every
word of the interface is Japanese, while the pack's own text (options, titles) stays as written.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QPushButton
from quiz_keys import digit, focused

from app.workspace import Workspace
from tests_support import DATA, state_for
from ui.briefing import BriefingPage
from ui.progress import ProgressPage

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "i18n" / "ja" / "pages.ts"
PAGES = sorted(str(p) for area in ("quiz", "progress", "briefing") for p in (ROOT / "ui" / area).glob("*.py"))
TOOLS = Path(sys.executable).parent


def _run(tool: str, *args: str) -> str:
    done = subprocess.run([str(TOOLS / tool), *args], capture_output=True, text=True, timeout=120, check=True)
    return done.stdout + done.stderr


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {(context.findtext("name", ""), message.findtext("source", "")): message.find("translation")
            for context in root.iter("context") for message in context.iter("message")}


@pytest.fixture
def japanese(qapp, tmp_path: Path) -> Iterator[QTranslator]:
    """Qt's translator holding the compiled pages.ts, installed for this test only."""
    qm = tmp_path / "pages.qm"
    report = _run("pyside6-lrelease", str(TS), "-qm", str(qm))
    assert "0 unfinished" in report, report
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def test_pages_ts_holds_every_string_of_the_pages_translated(tmp_path: Path):
    """lupdate over ui/quiz, ui/progress and ui/briefing finds no string that pages.ts lacks or leaves empty."""
    fresh = tmp_path / "fresh.ts"
    _run("pyside6-lupdate", *PAGES, "-ts", str(fresh), "-no-obsolete", "-locations", "none")
    wanted, have = _messages(fresh), _messages(TS)
    assert len(wanted) > 200
    assert sorted(set(wanted) - set(have)) == [], "strings in the code but not in pages.ts (run lupdate)"
    untranslated = [key for key, tr in have.items()
                    if tr is None or tr.get("type") == "unfinished" or not "".join(tr.itertext()).strip()]
    assert untranslated == []
    for (_context, source), tr in have.items():  # the placeholders and the mnemonic survive translation
        text = "".join(tr.itertext()) if tr is not None else ""
        for field in ("{", "%v", "%m", "%n"):
            assert source.count(field) == text.count(field), (source, text)
        assert ("&" in source) == ("&" in text), (source, text)



def test_quiz_page_reads_in_japanese(qtbot, data_dir, japanese, open_quiz_page):
    ws = Workspace(data_dir)
    try:
        page = open_quiz_page(ws)
        assert page.practice_button.text() == "練習を開始(&P)"
        assert page.start_info.text().startswith("ブリーフィング: ")

        page.start_questions("sanaenomics", ["figure-amount:nikkei-2040-goal"])
        assert page.title_label.text() == "選んだ問題の練習"
        assert page.submit_button.text() == "回答"
        assert page.stop_button.text() == "中止して結果を見る(&S)"
        assert page.hint_label.text().startswith("キー: 1–9 で選択")
        widget = page.answer
        wrong = "~$2 trillion"  # pack text: an option is never translated
        assert [row.label.text() for row in widget.rows][widget.values.index(wrong)] == wrong
        qtbot.keyClick(focused(page), digit(widget.values.index(wrong) + 1))
        qtbot.keyClick(focused(page), Qt.Key.Key_Return)

        assert page.verdict_label.text() == "不正解。"
        assert page.feedback.answer_label.text() == "正解: ~$2.3 trillion"
        assert page.feedback.accessibleName() == "フィードバック: 不正解。"
        assert page.submit_button.text() == "次へ"  # a missed question comes back
        marks = dict(zip(widget.values, widget.marks(), strict=True))
        assert marks[wrong] == "✗ あなたの答え: 不正解"
        assert page.rating.caption.text() == "もう一度（既定）· キー 1–4 · Enter で次へ"

        qtbot.mouseClick(page.stop_button, Qt.MouseButton.LeftButton)
        assert page.result_title.text() == "選んだ問題の練習: 結果"
        assert page.result_score.text() == "得点: 1 問中 0（0%）"
        header = page.review_tree.headerItem()
        assert [header.text(c) for c in range(5)] == ["結果", "問題", "あなたの答え", "正解", "解説と出典"]
        assert page.review_tree.topLevelItem(0).text(0) == "不正解"
    finally:
        ws.close()


def test_an_english_true_false_question_keeps_its_words_under_a_japanese_interface(qtbot, data_dir, japanese,
                                                                                   open_quiz_page):
    """The results' answer columns said 正しい / 誤り under "True or false: …", an English question: true/false
    answers follow the pack's language (README), on the buttons, in the feedback and in the results."""
    ws = Workspace(data_dir)
    try:
        page = open_quiz_page(ws)
        page.start_questions("sanaenomics", ["figure-tf:nikkei-2040-goal:false"])
        assert page.prompt_label.text().startswith("True or false: ")
        widget = page.answer
        assert [row.label.text() for row in widget.rows] == ["True", "False"]
        qtbot.keyClick(focused(page), digit(widget.values.index("true") + 1))  # it is false
        qtbot.keyClick(focused(page), Qt.Key.Key_Return)
        assert page.verdict_label.text() == "不正解。"  # the interface's verdict
        assert page.feedback.answer_label.text() == "正解: False"  # around the pack's word
        qtbot.mouseClick(page.stop_button, Qt.MouseButton.LeftButton)
        row = page.review_tree.topLevelItem(0)
        assert (row.text(0), row.text(2), row.text(3)) == ("不正解", "True", "False")
    finally:
        ws.close()


def test_progress_page_headings_read_in_japanese(qtbot, data_dir, japanese):
    ws = Workspace(data_dir)
    try:
        page = ProgressPage(state_for(ws))
        qtbot.addWidget(page)
        with qtbot.waitExposed(page):
            page.show()
        headings = [chart.heading.text() for chart in page.charts]
        assert headings == ["日ごとの正答率（過去30日）", "トピック別の習熟度", "今後14日間の復習予定",
                            "日ごとの学習時間（分）"]
        assert [page.hardest.horizontalHeaderItem(c).text() for c in range(3)] == ["問題", "正答率", "回答回数"]
        assert page.practise.text() == "これらを練習(&P)"
        assert page.learners.new_button.text() == "新規(&N)…"
        assert "回答 0 件" in page.summary.text() and "セクション中" in page.summary.text()
        assert page.sections.item(0).text().startswith("○ 未読 — ")  # then the section's own title
    finally:
        ws.close()


def test_briefing_page_reads_in_japanese_around_the_packs_own_text(qtbot, data_dir, japanese):
    ws = Workspace(data_dir)
    try:
        page = BriefingPage(state_for(ws))
        qtbot.addWidget(page)
        page.resize(1280, 800)
        page.show()
        page.build_all()
        titles = [page.contents.item(i).text() for i in range(page.contents.count())]
        assert titles[:len(page.pack.sections)] == [s.title for s in page.pack.sections]  # pack text as written
        assert titles[-2:] == ["用語集", "出典"]
        quiz = {b.text() for b in page.findChildren(QPushButton)}
        assert {"この内容でクイズ", "引用を表示"} <= quiz
        assert {box.text() for box in page.read_boxes.values()} == {"読了"}
        chart = page.charts[0]
        assert chart.log_toggle.text() == "対数目盛(&L)" and chart.log_why.text() == "桁の大きく異なる数値向け"
        # a list the Japanese way (、), of the outlets the article names only (found trying the app as a new
        # user: "出典: 東都経済新聞, 記事に媒体名の記載なし, 関西日報")
        sources = chart.caption.text().split("出典: ")[1].split("。")[0]
        assert sources == "、".join(chart.chart.named_outlets) and ", " not in sources
        assert chart.chart.unnamed not in sources
    finally:
        ws.close()


def test_the_default_learner_is_shown_in_japanese_and_stays_me_in_the_store(qtbot, window, japanese, monkeypatch):
    """Every store starts with a learner stored as "Me": a Japanese user read that English word in the learner
    list and the status bar. It is shown as 自分 now; the stored name (and exported files) stay "Me", and
    accepting the rename box unchanged renames nothing."""
    from PySide6.QtWidgets import QInputDialog

    from db.learners import list_learners

    window.tabs.setCurrentWidget(window.progress)
    bar = window.progress.learners
    bar.reload()  # the bar was filled before this test's translator was installed
    assert bar.combo.currentText() == "自分"
    asked = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (asked.append(k["text"]) or k["text"], True))
    qtbot.mouseClick(bar.rename_button, Qt.MouseButton.LeftButton)
    assert asked == ["自分"]
    assert [r["name"] for r in list_learners(window.workspace.progress)] == ["Me"]  # stored data never renamed

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Kenji", True))
    qtbot.mouseClick(bar.new_button, Qt.MouseButton.LeftButton)
    assert sorted(bar.combo.itemText(i) for i in range(bar.combo.count())) == ["Kenji", "自分"]
    bar.select(int(bar.combo.itemData(bar.combo.findText("自分"))))
    assert "自分" in window.statusBar().currentMessage() and "Me" not in window.statusBar().currentMessage()
    # the Progress summary names the learner as the list does (found trying the app: "Me: 回答 7 件…")
    qtbot.waitUntil(lambda: window.progress.summary.text().startswith("自分"))
    assert not window.progress.summary.text().startswith("Me")


def test_a_japanese_chart_caption_sets_its_sentences_without_spaces(qtbot, data_dir, japanese):
    """"…関西日報。 うち2件は…" before: sentences joined with an English space."""
    ws = Workspace(data_dir, packs=[DATA / "japanese_pack"])
    try:
        state = state_for(ws)
        state.set_pack("japan-budget-ja")
        page = BriefingPage(state)
        qtbot.addWidget(page)
        page.resize(1280, 800)
        page.show()
        page.build_all()
        captions = [chart.caption.text() for chart in page.charts]
        assert any("出典: " in text and "記事に媒体名の記載がありません" in text for text in captions), captions
        assert all("。 " not in text for text in captions), captions
    finally:
        ws.close()
