"""Small programs run in fresh subprocesses, so imports and start-up are measured honestly.

Each probe prints one JSON object on its last line.
"""

from __future__ import annotations

BARE_WINDOW = r"""
import time, json, os, resource
t0 = time.perf_counter()
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
print(json.dumps({"first_paint": result["t"], "rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""

APP_WINDOW = r"""
import time, json, os, resource, sys
t0 = time.perf_counter()
from PySide6.QtCore import QEvent, QObject, QTimer
from ui.app import application
from quiz.workspace import Workspace
from ui.main_window import MainWindow
from ui import theme
app = application()
ws = Workspace(os.environ["BENCH_DATA_DIR"])
theme.apply(app, "light")
w = MainWindow(ws); w.resize(1280, 800)
result = {}
class Paint(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint and "t" not in result:
            result["t"] = time.perf_counter() - t0
            QTimer.singleShot(0, app.quit)
        return False
f = Paint(); w.installEventFilter(f); w.show(); w.update()
app.exec()
if os.environ.get("BENCH_VISIT_ALL"):
    for i in range(w.tabs.count()):
        w.tabs.setCurrentIndex(i)
        for _ in range(20):
            app.processEvents()
print(json.dumps({"first_paint": result["t"], "rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""
