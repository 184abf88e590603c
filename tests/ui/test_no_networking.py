"""A whole GUI session, every export included, loads no networking module.

tests/ui/test_security.py checks opening every view; exporting is where
third-party code comes in: genanki's ``cached-property`` dependency imports
``asyncio`` (and with it ``socket`` and ``ssl``) for coroutine support genanki
never uses (quiz/interchange/anki.py explains how it is kept out).
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

from db.learners import ensure_learner
from db.progress import open_progress
from quiz.answers import record_answer
from tests_support import ROOT

#: As in test_security.py, plus ssl's C module. Not ``_socket``: typing_extensions (imported by fsrs for the
#: scheduler) loads that C module at import only to read one type object, without ``socket``.
NETWORKING = {"socket", "ssl", "_ssl", "asyncio", "http.client", "urllib.request", "requests", "PySide6.QtNetwork",
              "ftplib", "smtplib"}

SESSION = """
import json, os, sys
from pathlib import Path
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication, QFileDialog
app = QApplication([])
from app.workspace import Workspace
from ui.main_window import MainWindow

data, out, learner_file = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
# every "Save as" answers with a file of the suggested name in out/
QFileDialog.getSaveFileName = staticmethod(lambda parent, caption, suggested, filter_: (
    str(out / Path(suggested).name), filter_))

def pump():
    for _ in range(30):
        app.processEvents()

w = MainWindow(Workspace(data))
w.show()
for index in range(w.tabs.count()):
    w.tabs.setCurrentIndex(index)
    pump()
for fmt in ("anki", "moodle-xml", "gift", "csv"):
    assert w.export_quiz(fmt) is not None, fmt
for what in ("briefing", "brief"):
    dialog = w.export_handout(what)
    assert dialog.export() is not None, dialog.status.text()
    dialog.format.setCurrentIndex(dialog.format.findData("docx"))
    assert dialog.export() is not None, dialog.status.text()
    dialog.close()
dialog = w.print_quiz()
dialog.output.setText(str(out / "sheet.pdf"))
assert dialog.export() is not None, dialog.status.text()
dialog.close()
w.tabs.setCurrentIndex(0)
pump()
w.export_chart("png")
w.export_chart("svg")
w.safety.export_progress("csv")
w.safety.export_progress("json")
dialog = w.trainer_report()
dialog.add_files([learner_file])
dialog.output.setText(str(out / "report.pdf"))
assert dialog.create_report(), dialog.status.text()
dialog.close()
presenter = w.present()
pump()
presenter.close()
pump()
print(json.dumps({"files": sorted(p.name for p in out.iterdir()), "modules": sorted(sys.modules)}), flush=True)
from ui.app import dispose
dispose(w)
"""


def test_no_networking_module_is_loaded_in_a_session_that_uses_every_export(tmp_path, bundled_pack):
    from quiz.generate import generate

    learner_file = tmp_path / "learner.db"
    db = open_progress(learner_file)
    learner = ensure_learner(db, "Ana")
    record_answer(db, learner_id=learner, pack_id=bundled_pack.id, question_id=generate(bundled_pack, 0)[0].id,
                  response=None, correct=True, score=1.0, elapsed_ms=1, mode="exam", session_id="s")
    db.close()
    out = tmp_path / "out"
    out.mkdir()
    result = subprocess.run([sys.executable, "-c", SESSION, str(tmp_path / "data"), str(out), str(learner_file)],
                            cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    session = json.loads(result.stdout.strip().splitlines()[-1])
    today = date.today().isoformat()
    assert session["files"] == ["chart.png", "chart.svg", "progress.csv", "progress.json", "report.csv", "report.pdf",
                                f"sanaenomics-brief-{today}.docx", f"sanaenomics-brief-{today}.pdf",
                                f"sanaenomics-briefing-{today}.docx", f"sanaenomics-briefing-{today}.pdf",
                                "sanaenomics-quiz.apkg", "sanaenomics-quiz.csv", "sanaenomics-quiz.gift",
                                "sanaenomics-quiz.xml", "sheet-key.pdf", "sheet.pdf"]
    modules = set(session["modules"])
    assert {"genanki", "quiz.interchange.anki", "ui.trainer_report", "reportlab", "docx"} <= modules
    assert not modules & NETWORKING, f"networking modules loaded: {sorted(modules & NETWORKING)}"
    assert "cached_property" not in modules  # the stand-in used while importing genanki is gone again

    # the package genanki wrote with the stand-in imports into Anki complete
    from anki.collection import Collection, ImportAnkiPackageRequest

    col = Collection(str(tmp_path / "check.anki2"))
    try:
        col.import_anki_package(ImportAnkiPackageRequest(package_path=str(out / "sanaenomics-quiz.apkg")))
        assert col.note_count() == len(generate(bundled_pack, 0))
        assert all(col.get_card(cid).answer() for cid in col.find_cards(""))
    finally:
        col.close()
