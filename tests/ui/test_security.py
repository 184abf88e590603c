"""Hostile pack text is shown literally, and the app never loads networking code."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt  # Qt::mightBeRichText is in QtGui (QtCore's Qt has no such function)
from PySide6.QtWidgets import QAbstractButton, QLabel, QTextEdit

from app.workspace import Workspace
from tests_support import DATA, ROOT
from ui.main_window import MainWindow

HOSTILE = DATA / "hostile"
MARKERS = ("<img", "<script", "<b>", "<i>", "<a href", "&lt;")


def _visit_every_view(window: MainWindow, qtbot) -> None:
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(50)


def test_pack_markup_is_never_rendered(qtbot, data_dir):
    ws = Workspace(data_dir, packs=[HOSTILE])
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.show()
    _visit_every_view(window, qtbot)

    seen_literally = set()
    for label in window.findChildren(QLabel):
        text = label.text()
        if any(m in text for m in MARKERS):
            rich = label.textFormat() == Qt.TextFormat.RichText or (
                label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text))
            assert not rich, f"pack text reaches a rich-text label unescaped: {text!r}"
            seen_literally.add(text)
    for edit in window.findChildren(QTextEdit):
        plain = edit.toPlainText()
        seen_literally |= {plain} if any(m in plain for m in MARKERS) else set()
    for button in window.findChildren(QAbstractButton):
        if any(m in button.text() for m in MARKERS):
            seen_literally.add(button.text())
    shown = " ".join(seen_literally) + window.windowTitle()
    assert "<b>bold</b>" in window.windowTitle()
    assert "<img src=http://example.invalid/" in shown or "<script>" in shown, "hostile text should be visible as typed"
    ws.close()


def test_no_networking_module_is_imported_after_opening_every_view(tmp_path):
    code = (
        "import os, sys, json\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from app.workspace import Workspace\n"
        "from ui.main_window import MainWindow\n"
        "w = MainWindow(Workspace(sys.argv[1])); w.show()\n"
        "for i in range(w.tabs.count()):\n"
        "    w.tabs.setCurrentIndex(i)\n"
        "    for _ in range(30): app.processEvents()\n"
        "print(json.dumps(sorted(sys.modules)), flush=True)\n"
        "from ui.app import dispose\n"
        "dispose(w)\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path / "data")], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    import json

    modules = set(json.loads(result.stdout.strip().splitlines()[-1]))
    assert "ui.main_window" in modules
    networking = {"socket", "ssl", "http.client", "urllib.request", "requests", "PySide6.QtNetwork",
                  "asyncio", "ftplib", "smtplib"}
    assert not modules & networking, f"networking modules loaded: {sorted(modules & networking)}"
