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

# Time until the briefing's charts are drawn, from process start (pyqtgraph import included).
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
while not w.is_open or not w.briefing.charts or any(c.plot is None for c in w.briefing.charts):
    app.processEvents()
for chart in w.briefing.charts:
    chart.plot.repaint()
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
