"""The trainer's and author's tools read in Japanese once i18n/ja/tools.ts is installed; pack content stays as written.

The translation is compiled from the repository's .ts with pyside6-lrelease into tmp_path and installed as a
QTranslator with a Japanese default locale, as the app does for a Japanese interface; both are removed afterwards
so the other tests keep running in English.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QPushButton

from app.workspace import Workspace
from db.learners import ensure_learner
from db.progress import open_progress
from quiz.answers import record_answer
from ui.presenter import DeckChoice, DeckDialog, PresenterWindow
from ui.trainer_report import TrainerReportDialog

TOOLS_TS = Path(__file__).resolve().parents[2] / "i18n" / "ja" / "tools.ts"


@pytest.fixture
def japanese(qapp, tmp_path):
    """tools.ts compiled and installed, and a Japanese locale for numbers; both undone after the test."""
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    qm = tmp_path / "tools_ja.qm"
    done = subprocess.run([str(lrelease), str(TOOLS_TS), "-qm", str(qm)], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0 and qm.is_file(), done.stdout + done.stderr
    assert "0 unfinished" in done.stdout, done.stdout  # every message has its Japanese
    translator = QTranslator()
    assert translator.load(str(qm))
    before = QLocale()
    QLocale.setDefault(QLocale("ja_JP"))
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(before)


def test_presenter_and_its_question_dialog_read_in_japanese(qtbot, japanese, data_dir):
    ws = Workspace(data_dir)
    try:
        pack = ws.pack("sanaenomics")
        questions = ws.questions(pack.id)
        dialog = DeckDialog(pack, questions, DeckChoice())
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "プレゼンターモードの問題"
        assert dialog.figures.text() == "数値を表示(関連する問題の後)(&F)"
        assert "プレゼン開始(&P)" in [b.text() for b in dialog.findChildren(QPushButton)]
        assert dialog.choice.available.text().startswith("この選択で出題できる問題は ")
        assert dialog.choice.count.accessibleName() == "問題数"

        presenter = PresenterWindow(DeckChoice().slides(pack, questions))
        qtbot.addWidget(presenter)
        assert presenter.windowTitle() == "プレゼンター — Briefing Quiz"
        assert presenter.main.text() == pack.meta.title  # the pack's own words are never translated
        assert presenter.footer.text() == (f"1 / {len(presenter.slides)}    Space: 次へ · "
                                           "← →: 移動 · Home/End: 最初/最後 · Esc: 終了")
        assert presenter.lead.accessibleDescription() == "シナリオ"
        while not presenter.slide.has_reveal:
            presenter.go(presenter.index + 1)
        assert "Space: 解答を表示" in presenter.footer.text()
    finally:
        ws.close()


def _learner_file(folder: Path, name: str, questions: list[str]) -> Path:
    path = folder / f"{name}.db"
    db = open_progress(path)
    learner = ensure_learner(db, name)
    for qid in questions:
        record_answer(db, learner_id=learner, pack_id="sanaenomics", question_id=qid, response=None, correct=True,
                      score=1, elapsed_ms=1, mode="exam", session_id="s")
    db.close()
    return path


def test_trainer_report_dialog_and_its_pdf_read_in_japanese(qtbot, japanese, data_dir, tmp_path):
    from pypdf import PdfReader

    ws = Workspace(data_dir)
    try:
        pack = ws.pack("sanaenomics")
        dialog = TrainerReportDialog(ws, pack, tmp_path)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "トレーナー向けレポート"
        assert dialog.create_button.text() == "レポートを作成(&R)"
        assert dialog.csv.text() == "集計値も CSV で同じ場所に保存(&C)"
        buttons = [b.text() for b in dialog.findChildren(QPushButton)]
        assert "ファイルを追加(&A)…" in buttons and "参照(&B)…" in buttons
        assert dialog.files.accessibleName() == "進捗ファイル"

        questions = [q.id for q in ws.questions(pack.id)][:2]
        dialog.add_files([_learner_file(tmp_path, name, questions) for name in ("Ana", "Ben")])
        dialog.output.setText(str(tmp_path / "report.pdf"))
        assert dialog.create_report()
        assert dialog.status.text().startswith("受講者 2 人、問題 2 問のレポートを書き出しました:")
        assert PdfReader(str(tmp_path / "report.pdf")).metadata.title == "トレーナー向けレポート"
    finally:
        ws.close()


def test_the_report_pdf_says_why_a_discrimination_is_undefined_in_japanese(qapp, japanese):
    from quiz.report import ALL_RIGHT, ONE_LEARNER, ItemResult
    from ui.report_pdf import discrimination_cell

    alone = ItemResult("q1", "topic", 1, 1.0, None, ONE_LEARNER)
    assert discrimination_cell(alone) == "–（回答した受講者が 1 人だけ）"  # "– (only one learner answered it)" before
    assert discrimination_cell(ItemResult("q2", "topic", 3, 1.0, None, ALL_RIGHT)) == "–（全員が正解）"
    assert discrimination_cell(ItemResult("q3", "topic", 3, 0.5, 0.42, "")) == "+0.42"


def test_the_most_common_pack_problems_read_in_japanese(qtbot, qapp, tmp_path, pack_copy):
    """A pack's problems were listed in English in a Japanese interface: the most common ones (a missing field,
    an empty one, an unknown id) now carry their template and read in Japanese; the rest stay English."""
    from content.loader import load_pack
    from content.problems import PackError
    from tests_support import DATA
    from ui.packs import ProblemsDialog

    qm = tmp_path / "questions_ja.qm"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    ts = TOOLS_TS.with_name("questions.ts")
    done = subprocess.run([str(lrelease), str(ts), "-qm", str(qm)], capture_output=True, text=True, timeout=60)
    assert "0 unfinished" in done.stdout, done.stdout + done.stderr
    broken = pack_copy(DATA / "minimal")
    toml = broken / "pack.toml"
    text = toml.read_text(encoding="utf-8").replace('outlet = "widgets-weekly"', 'outlet = "nobody"')
    toml.write_text(text.replace("amount = 300", "amount_was = 300"), encoding="utf-8")
    with pytest.raises(PackError) as caught:
        load_pack(broken)
    messages = [p.message for p in caught.value.problems]
    assert "missing required field" in messages and any("refers to unknown id 'nobody'" in m for m in messages)

    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        dialog = ProblemsDialog(caught.value, broken)
        qtbot.addWidget(dialog)
        shown = [dialog.tree.topLevelItem(i).text(3) for i in range(dialog.tree.topLevelItemCount())]
    finally:
        QCoreApplication.removeTranslator(translator)
    assert "必須の項目がありません" in shown
    assert "[[outlets]] にない ID 'nobody' を参照しています" in shown
    assert any(s.startswith("不明な項目です（使える項目: id, ") for s in shown)
    assert str(caught.value) == "\n".join(str(p) for p in caught.value.problems)  # Copy all: English, as written
