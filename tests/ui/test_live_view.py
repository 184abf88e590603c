"""The trainer's side of a live session, driven as a trainer would: the menu, the setup dialog, the keys;
learners join from another thread with plain WebSocket clients."""

from __future__ import annotations

import asyncio
import socket
import threading
import unicodedata
from pathlib import Path

import aiohttp
from modal import top_level, when_shown
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

from live_clients import Learner, right_response, wrong_response
from ui.live import LiveResultsDialog, LiveSetupDialog, LiveWindow
from ui.presenter import DeckDialog


def _free_port() -> int:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port


def _start_from_the_menu(qtbot, window, *, count: int = 2, kinds: tuple[str, ...] = ("choice",)) -> LiveWindow:
    """File → Run a live session…, choose, Start session."""
    def fill(dialog: LiveSetupDialog) -> None:
        for i in range(dialog.choice.kinds.count()):
            item = dialog.choice.kinds.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in kinds
                               else Qt.CheckState.Unchecked)
        dialog.choice.count.setValue(count)
        dialog.ranking.setChecked(True)
        dialog.address.setCurrentText("127.0.0.1")
        dialog.port.setValue(_free_port())
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)

    when_shown(top_level(LiveSetupDialog), fill)
    action = next(a for a in window.file_menu.actions() if a.text() == "Run a &live session…")
    action.trigger()
    live = window.live_window
    assert isinstance(live, LiveWindow)
    qtbot.waitExposed(live)
    return live


def _in_the_room(script) -> threading.Thread:
    """Run an asyncio learner script on its own thread (the GUI thread keeps processing events)."""
    errors: list[BaseException] = []

    def main() -> None:
        try:
            asyncio.run(script())
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)

    thread = threading.Thread(target=main, daemon=True)
    thread.errors = errors
    thread.start()
    return thread


def test_a_live_session_from_the_menu_counts_answers_reveals_the_distribution_and_ends(qtbot, window):
    live = _start_from_the_menu(qtbot, window)
    run = live.run
    assert run.url.startswith("http://127.0.0.1:") and run.code in run.url
    assert run.code in live.main.text() and run.address in live.heading.text()  # the lobby says how to join
    assert not live.qr.pixmap().isNull() and live.qr.pixmap().width() > 100
    question = run.session.questions[0]
    joined, answered = threading.Event(), threading.Event()
    go_on = threading.Event()

    async def room() -> None:
        async with aiohttp.ClientSession() as http:
            learners = [Learner(http, run.url, name) for name in ("Ana", "<b>Ben</b>", "Cy")]
            for learner in learners:
                await learner.connect("ws")
                await learner.join()
            joined.set()
            for learner in learners:
                await learner.expect("state", phase="asking", position=0)
            for learner, ok in zip(learners, (True, True, False), strict=True):
                await learner.answer(0, right_response(question) if ok else wrong_response(question))
            answered.set()
            await asyncio.to_thread(go_on.wait, 20)
            for learner in learners:
                await learner.close()

    thread = _in_the_room(room)
    qtbot.waitUntil(joined.is_set, timeout=20000)
    qtbot.waitUntil(lambda: live.count.text() == "3 joined", timeout=20000)
    assert "<b>Ben</b>" in live.lines.text() and live.lines.textFormat() == Qt.TextFormat.PlainText
    assert live.footer.text() == "Space: first question · Esc: end the session"

    qtbot.keyClick(live, Qt.Key.Key_Space)  # the first question
    assert live.main.text().endswith(question.prompt)
    assert not live.answer.isVisible() and not live.chart.isVisible()
    qtbot.waitUntil(answered.is_set, timeout=20000)
    qtbot.waitUntil(lambda: live.count.text().startswith("3 of 3 answered"), timeout=20000)

    qtbot.keyClick(live, Qt.Key.Key_Space)  # reveal
    assert live.chart.isVisible()
    assert run.code in live.join_line.text() and run.url in live.join_line.text()  # latecomers can still join
    bars = {bar.label: bar.count for bar in live.chart.bars}
    letter = "ABCDEFGHIJ"[question.choices.index(question.answer)]
    assert bars[f"{letter}. {question.answer}"] == 2 and sum(bars.values()) == 3
    assert "(right answer)" in live.chart.accessibleDescription()
    assert live.answer.text().startswith("Answer: ") and question.answer in live.answer.text()
    assert live.source.text() == question.citation and "—" in live.source.text()
    assert live.footer.text().startswith("Space: next question")
    go_on.set()
    thread.join(20)
    assert not thread.errors, thread.errors

    def confirm_end(box: QMessageBox) -> None:
        box.button(QMessageBox.StandardButton.Yes).click()

    when_shown(lambda: live.findChild(QMessageBox, "end-live-session"), confirm_end)
    qtbot.keyClick(live, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.live_window is None, timeout=10000)
    assert not run.running and window.workspace.live is None
    stored = window.workspace.live_answers(run.session.id)
    assert sorted((a.name, a.correct) for a in stored) == [("<b>Ben</b>", True), ("Ana", True), ("Cy", False)]

    results = window.live_results()
    assert isinstance(results, LiveResultsDialog) and results.sessions.count() == 1
    assert "Ana: 1 right of 1 answered" in results.details.text()
    assert results.export_csv(str(Path(window.workspace.root) / "live.csv")) == 3


def test_the_end_screen_gives_equal_results_one_place_and_the_report_says_who_never_answered(qtbot, window,
                                                                                                tmp_path):
    """Fails on the old code: "1. Ana / 2. Chloé / 3. Dan" for three equal results, and a PDF counting fewer
    learners than the end screen without saying why."""
    from pypdf import PdfReader

    from ui.trainer_report import TrainerReportDialog

    live = _start_from_the_menu(qtbot, window, count=1)
    run = live.run
    question = run.session.questions[0]
    joined, answered, go_on = threading.Event(), threading.Event(), threading.Event()

    async def room() -> None:
        async with aiohttp.ClientSession() as http:
            learners = {name: Learner(http, run.url, name) for name in ("Dan", "Ana", "Chloé", "Bo", "Eve", "Flo")}
            for learner in learners.values():
                await learner.connect("ws")
                await learner.join()
            joined.set()
            for learner in learners.values():
                await learner.expect("state", phase="asking", position=0)
            for name in ("Dan", "Ana", "Chloé"):
                await learners[name].answer(0, right_response(question))
            await learners["Bo"].answer(0, wrong_response(question))  # Eve and Flo joined and never answered
            answered.set()
            await asyncio.to_thread(go_on.wait, 20)
            for learner in learners.values():
                await learner.close()

    thread = _in_the_room(room)
    qtbot.waitUntil(joined.is_set, timeout=20000)
    qtbot.waitUntil(lambda: live.count.text() == "6 joined", timeout=20000)
    qtbot.keyClick(live, Qt.Key.Key_Space)  # ask
    qtbot.waitUntil(answered.is_set, timeout=20000)
    qtbot.waitUntil(lambda: live.count.text().startswith("4 of 6 answered"), timeout=20000)
    qtbot.keyClick(live, Qt.Key.Key_Space)  # reveal
    qtbot.keyClick(live, Qt.Key.Key_Space)  # end
    assert live.heading.text() == "Session ended"
    assert live.main.text() == "6 learners · 4 answers saved"
    assert live.lines.text().splitlines() == ["1. Ana: 1 of 1 right", "1. Chloé: 1 of 1 right",
                                              "1. Dan: 1 of 1 right", "4. Bo: 0 of 1 right",
                                              "4. Eve: 0 of 1 right", "4. Flo: 0 of 1 right"]
    go_on.set()
    thread.join(20)
    assert not thread.errors, thread.errors

    # File → Trainer report…: tick the session, Create report
    dialog = TrainerReportDialog(window.workspace, window.pack, tmp_path, window)
    session_item = dialog.live.item(0)
    assert session_item.text().endswith("— 6 learners, 4 answers")
    session_item.setCheckState(Qt.CheckState.Checked)
    path = tmp_path / "report.pdf"
    dialog.output.setText(str(path))
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text().startswith("Report on 4 learners and 1 question written to:\n"
                                           "2 more learners joined without answering and are not counted.")
    text = unicodedata.normalize("NFKC", " ".join(" ".join(p.extract_text().split())
                                                  for p in PdfReader(str(path)).pages))  # "ﬁ" ligatures
    assert "4 learners" in text
    assert "2 more learners joined a live session without answering; no figure here counts them." in text


def test_closing_the_app_ends_the_session_and_frees_the_port(qtbot, window):
    live = _start_from_the_menu(qtbot, window, count=1)
    run = live.run
    port = run.server.port
    window.close()
    assert not run.running
    probe = socket.socket()
    try:
        assert probe.connect_ex(("127.0.0.1", port)) != 0
    finally:
        probe.close()


def test_a_taken_port_is_said_in_a_box_and_nothing_starts(qtbot, window):
    blocker = socket.socket()
    blocker.bind(("127.0.0.1", 0))
    blocker.listen()
    port = blocker.getsockname()[1]
    try:
        def fill(dialog: LiveSetupDialog) -> None:
            dialog.address.setCurrentText("127.0.0.1")
            dialog.port.setValue(port)
            dialog.accept()

        when_shown(top_level(LiveSetupDialog), fill)
        assert window.live_session() is None
        box = window.findChild(QMessageBox, "live-refused")
        assert box is not None and "could not listen" in box.text()
        assert window.workspace.live is None
    finally:
        blocker.close()


def test_presenter_questions_choice_gives_one_variant_per_fact_of_the_chosen_topic_and_kind(qtbot, window):
    pack = window.pack
    topic = pack.topics[1]

    def choose(dialog: DeckDialog) -> None:
        for widget, keep in ((dialog.choice.topics, topic.id), (dialog.choice.kinds, "truefalse")):
            for i in range(widget.count()):
                item = widget.item(i)
                item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) == keep
                                   else Qt.CheckState.Unchecked)
        assert "available for this choice" in dialog.choice.available.text()
        dialog.choice.count.setValue(2)
        dialog.figures.setChecked(False)
        dialog.accept()

    when_shown(top_level(DeckDialog), choose)
    presenter = window.choose_presenter_questions()
    qtbot.waitExposed(presenter)
    questions = [s for s in presenter.slides if s.kind == "question"]
    assert len(presenter.slides) == 1 + len(questions) and len(questions) == 2
    assert {s.heading for s in questions} == {topic.title}
    assert all(s.lines == ("True or false?",) for s in questions)
    footer = presenter.footer.text()
    assert footer.count("Space") == 1 and footer.count("Esc") == 1
    presenter.close()


def test_export_my_progress_for_the_trainer_from_the_file_menu(qtbot, window, tmp_path, monkeypatch):
    asked: list[str] = []

    def save_as(parent, caption, suggested, filter_):
        asked.append(suggested)
        return str(tmp_path / Path(suggested).name), filter_

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    action = next(a for a in window.file_menu.actions() if a.text() == "Export my progress for the tr&ainer…")
    action.trigger()
    assert Path(asked[0]).name.startswith("Me-progress-") and asked[0].endswith(".db")
    written = tmp_path / Path(asked[0]).name
    assert written.is_file()
    assert str(written) in window.statusBar().currentMessage()
    assert not window.findChildren(QLabel, "not-saved")
