"""Small programs run in fresh subprocesses, so imports and start-up are measured honestly.

Each probe prints one JSON object on its last line.
"""

from __future__ import annotations

BARE_WINDOW = r"""
import time, json, os, resource
t0 = time.perf_counter()
def peak_rss_kb():  # this process's own peak (Linux's ru_maxrss keeps the parent's across fork + exec)
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication([])
w = QMainWindow(); w.setCentralWidget(QLabel("bare")); w.resize(1280, 800)
class Paint(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint and "t" not in result:
            result["t"] = time.perf_counter() - t0
            QTimer.singleShot(0, app.quit)
        return False
result = {}
f = Paint(); w.installEventFilter(f); w.show(); w.update()
app.exec()
print(json.dumps({"first_paint": result["t"], "rss_kb": peak_rss_kb()}))
"""

# The app as main.py starts it (ui.app.start: the frame paints first, the stores open after that paint).
# BENCH_UNTIL: "paint" (quit at the first paint), "opened" (the stores open and the page on show built),
# or "all" (then every tab visited, for the peak RSS).
APP_WINDOW = r"""
import time, json, os, resource, sys
t0 = time.perf_counter()
def peak_rss_kb():  # this process's own peak (Linux's ru_maxrss keeps the parent's across fork + exec)
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
from PySide6.QtCore import QEvent, QObject, QTimer
import ui.app
app = ui.app.application()
until = os.environ.get("BENCH_UNTIL", "paint")
result = {}
def done():
    QTimer.singleShot(0, app.quit)
class Paint(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint and "first_paint" not in result:
            result["first_paint"] = time.perf_counter() - t0
            if until == "paint":
                done()
        return False
def opened():
    result["opened"] = time.perf_counter() - t0
    if until == "opened":
        done()
spy = Paint()
real_show = ui.app.MainWindow.show
def show(window):  # the window start() makes: watch its first paint and its opening
    window.resize(1280, 800)
    window.installEventFilter(spy)
    window.opened.connect(opened)
    real_show(window)
ui.app.MainWindow.show = show
if os.environ.get("BENCH_PACK"):  # the pack to show (as if the user had chosen it last time)
    from pathlib import Path
    from ui.settings import app_settings
    settings = app_settings(Path(os.environ["BENCH_DATA_DIR"]))
    settings.setValue("pack", os.environ["BENCH_PACK"])
    settings.sync()
startup = ui.app.start(os.environ["BENCH_DATA_DIR"])
if until == "all":
    startup.window.opened.connect(done)
app.exec()
if until == "all":
    w = startup.window
    for i in range(w.tabs.count()):
        w.tabs.setCurrentIndex(i)
        for _ in range(20):
            app.processEvents()
result["rss_kb"] = peak_rss_kb()
print(json.dumps(result), flush=True)
startup.close()
"""

# Time until the briefing's charts are drawn, from process start. The floor imports pyqtgraph (with numpy)
# and draws one bar plot; the app paints its frame, opens the stores, builds the briefing, and the reader
# scrolls to its charts (QPainter canvases, ui/briefing/bars.py): each is painted on screen at least once.
CHARTS_FLOOR = r"""
import time, json
t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication
app = QApplication([])
import pyqtgraph as pg
w = pg.PlotWidget(); w.resize(900, 360)
w.addItem(pg.BarGraphItem(x0=[0] * 4, x1=[2300, 2000, 140, 65], y=[3, 2, 1, 0], height=0.4,
                          brushes=[pg.mkBrush("b")] * 4))
w.show(); w.repaint()
app.processEvents()
print(json.dumps({"drawn": time.perf_counter() - t0}))
"""

CHARTS_APP = r"""
import time, json, os
t0 = time.perf_counter()
import ui.app
app = ui.app.application()
startup = ui.app.start(os.environ["BENCH_DATA_DIR"])  # as main.py: frame first, then stores and briefing
w = startup.window
w.resize(1280, 800)
while True:
    app.processEvents()
    if not w.is_open:  # the briefing page is built once the stores are open
        continue
    page = w.briefing
    chart = next((c for c in page.charts if not c.canvas.painted), None)
    if page.charts and chart is None:
        break
    if chart is not None and chart.canvas.visibleRegion().isEmpty():  # out of view: the reader scrolls to it
        page.scroll_area.verticalScrollBar().setValue(chart.mapTo(page.scroll_area.widget(),
                                                                  chart.rect().topLeft()).y())
for chart in page.charts:
    chart.canvas.repaint()
print(json.dumps({"drawn": time.perf_counter() - t0}), flush=True)
startup.close()
"""

ANSWER_FEEDBACK = r"""
import time, json, os
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from ui.app import application
from app.workspace import Workspace
from quiz.generate import generate
from ui.main_window import MainWindow
app = application()
ws = Workspace(os.environ["BENCH_DATA_DIR"])
w = MainWindow(ws); w.resize(1280, 800); w.show()
page = w.quiz
w.tabs.setCurrentWidget(page)
app.processEvents()
import gc
gc.freeze()  # as ui.app.Startup does once the stores are attached
ids = [q.id for q in generate(ws.pack(), 0) if q.kind in ("choice", "truefalse")][:60]
page.start_questions(ws.pack().id, ids)
times = []
for _ in ids:
    app.processEvents()
    page.answer.pick(1)
    start = time.perf_counter()
    QTest.keyClick(page, Qt.Key.Key_Return)  # submit: grade, write durably, show feedback
    page.feedback.repaint()
    times.append((time.perf_counter() - start) * 1000)
    assert page.feedback.isVisible()
    QTest.keyClick(page, Qt.Key.Key_Return)  # next question
print(json.dumps({"ms": times}))
"""

# The briefing's first screen: page built, laid out and painted (grab), for a big pack and, as the
# floor, the bundled one (about one screen either way), alternately in one process. RSS growth is
# measured separately on a fresh process (BENCH_RSS=1), the big pack's first screen only.
BRIEFING_FIRST_SCREEN = r"""
import gc, json, os, time
from pathlib import Path
from ui.app import application
from app.workspace import Workspace
from content.loader import bundled_packs
from ui.state import AppState
from ui.settings import app_settings
from ui.briefing import BriefingPage
app = application()
ws = Workspace(os.environ["BENCH_DATA_DIR"], packs=[*bundled_packs(), Path(os.environ["BENCH_PACK"])])
state = AppState(ws, app_settings(ws.root))
big, small = os.environ["BENCH_PACK_ID"], ws.pack_ids()[0]
def rss_mb():
    return int(open("/proc/self/statm").read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
def first_screen(pack_id):
    state.set_pack(pack_id)
    state.pack  # read from the store before the clock starts: the page is measured, not the store
    start = time.perf_counter()
    page = BriefingPage(state)
    page.resize(1280, 800)
    page.show()
    page.grab()
    elapsed = (time.perf_counter() - start) * 1000
    return page, elapsed
if os.environ.get("BENCH_RSS"):
    first_screen(small)[0].close()  # Qt, fonts and the style loaded once
    state.set_pack(big)
    state.pack  # the pack itself (its figures) is the store's memory, not the page's
    gc.collect(); app.processEvents()
    before = rss_mb()
    page, _ = first_screen(big)
    print(json.dumps({"mb": rss_mb() - before, "built": len(page.anchors), "blocks": len(page.current.titles)}))
else:
    ours, floor = [], []
    for _ in range(int(os.environ["BENCH_RUNS"]) + 1):  # the first pair warms up
        for pack_id, times in ((big, ours), (small, floor)):
            page, elapsed = first_screen(pack_id)
            times.append(elapsed)
            page.close(); page.deleteLater(); app.processEvents()
    print(json.dumps({"ours": ours[1:], "floor": floor[1:]}))
"""

# In one window: theme switch (vs the palette alone), switching back to a pack (vs a tab switch),
# the Progress tab shown again (vs the Quiz tab shown). Each pair alternately, after a warm-up.
# "progress_changed": the first show after this round's theme and pack switches; "progress_again": shown
# again right after that, nothing changed since it was last on screen (what the row's name says).
UI_SWITCHES = r"""
import json, os, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from ui.app import application
from app.workspace import Workspace
from content.loader import bundled_packs
from ui import theme
from ui.main_window import MainWindow
app = application()
ws = Workspace(os.environ["BENCH_DATA_DIR"], packs=[*bundled_packs(), Path(os.environ["BENCH_PACK"])])
theme.apply(app, "light")
w = MainWindow(ws); w.resize(1280, 800); w.show()
small, big = ws.pack_ids()[0], os.environ["BENCH_PACK_ID"]
def settle():
    for _ in range(3):
        app.processEvents()
from PySide6.QtCore import QEvent, QObject
class Updates(QObject):  # Qt's own repaint of the window: its posted UpdateRequest
    seen = 0
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.UpdateRequest:
            self.seen += 1
        return False
updates = Updates()
w.installEventFilter(updates)
def timed(action):
    start = time.perf_counter()
    updates.seen = 0
    action()
    app.sendPostedEvents()  # layout requests, palette changes, and the window's repaint Qt posted for them
    for _ in range(3):  # a repaint that changed sizes posts another: paint until nothing is left to paint
        seen = updates.seen
        app.sendPostedEvents()
        if updates.seen == seen:
            break
    if not updates.seen:
        w.repaint()  # Qt posted no repaint: paint the window now, before the clock stops
    elapsed = (time.perf_counter() - start) * 1000
    app.processEvents()  # then whatever was left for later (e.g. the rest of a long briefing, in idle slices)
    return elapsed
for tab in (w.quiz, w.progress, w.briefing):  # every page shown once, charts drawn
    w.tabs.setCurrentWidget(tab); settle()
w.briefing.build_all()
w.state.set_pack(big); settle(); w.state.set_pack(small); settle()
runs = int(os.environ["BENCH_RUNS"]) + 1
out = {k: [] for k in ("theme", "palette", "pack_back", "pack_first", "tab", "progress_changed", "progress_again",
                       "quiz_tab")}
names = iter(("dark", "light") * runs * 2)
palettes = [QApplication.palette()]
for n in range(runs):
    out["theme"].append(timed(lambda: w.set_theme(next(names))))
    palette = theme.palette("dark" if n % 2 else "light")
    out["palette"].append(timed(lambda: app.setPalette(palette)))
    settle()
    out["pack_back"].append(timed(lambda: w.state.set_pack(big)))
    settle()
    out["pack_back"].append(timed(lambda: w.state.set_pack(small)))
    settle()
    out["tab"].append(timed(lambda: w.tabs.setCurrentWidget(w.quiz)))
    out["tab"].append(timed(lambda: w.tabs.setCurrentWidget(w.briefing)))
    settle()
    out["progress_changed"].append(timed(lambda: w.tabs.setCurrentWidget(w.progress)))
    w.tabs.setCurrentWidget(w.briefing); settle()
    out["progress_again"].append(timed(lambda: w.tabs.setCurrentWidget(w.progress)))
    w.tabs.setCurrentWidget(w.briefing); settle()
    out["quiz_tab"].append(timed(lambda: w.tabs.setCurrentWidget(w.quiz)))
    w.tabs.setCurrentWidget(w.briefing); settle()
    w.briefing._forget_pack(big)  # so the next switch builds it afresh
    out["pack_first"].append(timed(lambda: w.state.set_pack(big)))
    settle(); w.state.set_pack(small); settle()
w.set_theme("light")
print(json.dumps({k: v[1:] if k not in ("pack_back", "tab") else v[2:] for k, v in out.items()}))
"""

# The Progress page's first show over a long log: the facade computes the dashboard (nothing
# cached), the page is shown and painted (grab): summary, tables and each chart's place, at its size.
# The charts' pictures follow in the next event loop turns ("charts": until all four are drawn and
# the page painted again, also from the show). Floor: one raw SQL aggregate per day over the same log.
PROGRESS_FIRST = r"""
import json, os, time
from ui.app import application
from app.workspace import Workspace
from ui.state import AppState
from ui.settings import app_settings
from ui.progress import ProgressPage
app = application()
runs = int(os.environ["BENCH_RUNS"]) + 1
ours, floor, charts = [], [], []
for _ in range(runs):
    ws = Workspace(os.environ["BENCH_DATA_DIR"])
    state = AppState(ws, app_settings(ws.root))
    ws.questions(); state.pack  # generated and read before the clock starts
    page = ProgressPage(state); page.resize(1280, 800)
    start = time.perf_counter()
    page.show(); page.grab()
    ours.append((time.perf_counter() - start) * 1000)
    while not all(c.picture_is_current() for c in page.charts):
        app.processEvents()
    page.grab()
    charts.append((time.perf_counter() - start) * 1000)
    start = time.perf_counter()
    ws.progress.execute("SELECT date(answered_at, 'localtime'), count(*), sum(correct), sum(elapsed_ms) "
                        "FROM answers WHERE learner_id = ? GROUP BY 1", [ws.learner_id]).fetchall()
    floor.append((time.perf_counter() - start) * 1000)
    page.close(); page.deleteLater(); app.processEvents(); ws.close()
print(json.dumps({"ours": ours[1:], "floor": floor[1:], "charts": charts[1:]}))
"""

# The answer's floor: what any app must do between Enter and the feedback on screen, in a bare
# window: one durable INSERT (WAL, synchronous=FULL) into a table of 1,000,000 answers, a verdict and
# the question's own explanation and quote set on word-wrapped labels in a frame that appears, and that
# frame painted. Same questions (the bundled pack's first 60 choice and true/false items) and window
# size as ANSWER_FEEDBACK, so the text to lay out and paint is the same.
ANSWER_FLOOR = r"""
import gc, json, os, sqlite3, tempfile, time
from pathlib import Path
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QRadioButton, QVBoxLayout, QWidget
from content.loader import bundled_packs, load_pack
from quiz.generate import generate
questions = [q for q in generate(load_pack(bundled_packs()[0]), 0) if q.kind in ("choice", "truefalse")][:60]
app = QApplication([])
scratch = tempfile.mkdtemp()
db = sqlite3.connect(Path(scratch) / "floor.db", isolation_level=None)
db.execute("PRAGMA journal_mode=WAL"); db.execute("PRAGMA synchronous=FULL")
db.execute("CREATE TABLE answers (id INTEGER PRIMARY KEY, question_id TEXT, response TEXT, correct INTEGER, "
           "answered_at TEXT)")
db.execute("CREATE INDEX answers_question ON answers (question_id, answered_at)")
db.execute("BEGIN")
db.executemany("INSERT INTO answers (question_id, response, correct, answered_at) VALUES (?, ?, ?, ?)",
               ((questions[n % 60].id, "1", n % 2, f"2026-01-01T{n:09d}") for n in range(1_000_000)))
db.execute("COMMIT")
window = QWidget(); window.resize(1280, 800)
layout = QVBoxLayout(window)
prompt = QLabel(); prompt.setWordWrap(True); layout.addWidget(prompt)
options = [QRadioButton() for _ in range(4)]
for option in options:
    layout.addWidget(option)
feedback = QFrame(); feedback.setFrameShape(QFrame.Shape.StyledPanel)
inner = QVBoxLayout(feedback)
labels = [QLabel() for _ in range(3)]
for label in labels:
    label.setWordWrap(True); inner.addWidget(label)
layout.addWidget(feedback); layout.addStretch(1)
current = {}
class Page(QWidget):
    def keyPressEvent(self, event):
        q = current["q"]
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT INTO answers (question_id, response, correct, answered_at) VALUES (?, ?, ?, ?)",
                   (q.id, "1", 1, time.strftime("%Y-%m-%dT%H:%M:%S")))
        db.execute("COMMIT")
        labels[0].setText("Correct.")
        labels[1].setText(q.explanation)
        labels[2].setText("\n".join(str(c) for c in q.citations))
        feedback.show()
window.hide(); page = Page(window); layout.insertWidget(0, page); window.show()
app.processEvents(); gc.freeze()
times = []
for q in questions:
    current["q"] = q
    feedback.hide()
    prompt.setText(q.prompt)
    for option, text in zip(options, [*q.choices, "", "", "", ""], strict=False):
        option.setText(text)
    app.processEvents()
    start = time.perf_counter()
    QTest.keyClick(page, Qt.Key.Key_Return)
    feedback.repaint()
    times.append((time.perf_counter() - start) * 1000)
print(json.dumps({"ms": times}))
"""
