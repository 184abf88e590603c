"""Screenshots of a live session and of the trainer report, for the README (offscreen, throw-away data folder).

Run: ``.venv/bin/python docs/make_live_screenshots.py``. It starts a live
session on 127.0.0.1 only, joins 24 simulated learners (WebSocket clients on a
thread) and one headless chromium at phone size (Debian's ``chromium`` and
``chromium-driver``), captures the trainer's window in the lobby, during a
question and on reveal, then writes a trainer report from the session and
renders its pages with ``pdftoppm`` (``poppler-utils``).
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from PySide6.QtWidgets import QApplication  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
NAMES = ["Aiko", "Ben", "Chloé", "Dmitri", "Eun-ji", "Farah", "Gustavo", "Hiroshi", "Inès", "Jomo", "Kaja", "Liam",
         "Maya", "Nils", "Olu", "Priya", "Quentin", "Rosa", "Sven", "Tomás", "Uma", "Viktor", "Wen", "Yusuf"]


def settle(app: QApplication, rounds: int = 30) -> None:
    for _ in range(rounds):
        app.processEvents()


def main() -> None:
    from app.live import LiveOptions
    from app.workspace import Workspace
    from live_clients import right_response, wrong_response
    from ui import theme
    from ui.live import LiveWindow, _Bridge
    from ui.report_pdf import write_report_pdf

    app = QApplication.instance() or QApplication([])
    theme.apply(app, "light")
    OUT.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp(prefix="live-shots-"))
    ws = Workspace(data)
    bridge = _Bridge()
    run = ws.start_live_session(None, LiveOptions(host="127.0.0.1", port=0, count=6, kinds=("choice", "multi",
                                                                                            "truefalse", "order")),
                                on_change=bridge.changed.emit)
    window = LiveWindow(ws, run, bridge)
    window.resize(1280, 800)
    window.show()
    rng = random.Random(3)
    go: list[threading.Event] = [threading.Event() for _ in run.session.questions]
    joined = threading.Event()

    async def room() -> None:
        import aiohttp

        async with aiohttp.ClientSession() as http:
            sockets = []
            for name in NAMES:
                sock = await http.ws_connect(run.url + "ws")
                await sock.send_str(json.dumps({"type": "join", "name": name}))
                token = None
                while token is None:
                    message = json.loads((await sock.receive()).data)
                    token = message.get("token")
                sockets.append((sock, token))
            joined.set()
            for position, question in enumerate(run.session.questions):
                await asyncio.to_thread(go[position].wait, 60)
                for n, (sock, token) in enumerate(sockets):
                    if position == 0 and n >= len(NAMES) - 3:
                        continue  # a few still thinking when the first screenshot is taken
                    ok = rng.random() < 0.45 + n / 60
                    await sock.send_str(json.dumps({"type": "answer", "token": token, "position": position,
                                                    "response": right_response(question) if ok
                                                    else wrong_response(question)}))
            await asyncio.sleep(1)
            for sock, _ in sockets:
                await sock.close()

    thread = threading.Thread(target=lambda: asyncio.run(room()), daemon=True)
    thread.start()
    joined.wait(30)
    settle(app)
    window.refresh()
    settle(app)
    window.grab().save(str(OUT / "live-lobby-light-1280x800.png"))

    phone = _phone_browser(run)
    window.forward()  # the first question
    go[0].set()
    if phone is not None:
        _phone_answer(phone, run)
    for _ in range(200):
        settle(app, 5)
        if run.snapshot().answered >= len(NAMES) - 3 + (phone is not None):
            break
        threading.Event().wait(0.02)
    window.refresh()
    settle(app)
    window.grab().save(str(OUT / "live-question-light-1280x800.png"))
    window.forward()  # reveal
    settle(app)
    window.grab().save(str(OUT / "live-reveal-light-1280x800.png"))
    if phone is not None:
        _phone_shot(phone, "live-learner-reveal-phone-360x740.png")
    for position in range(1, len(run.session.questions)):
        window.forward()
        go[position].set()
        for _ in range(200):
            settle(app, 5)
            if run.snapshot().answered >= len(NAMES):
                break
            threading.Event().wait(0.02)
        window.forward()
    thread.join(30)
    if phone is not None:
        phone.quit()
    run.end()
    session_id = run.session.id
    window.close()
    report = ws.trainer_report([], live_sessions=[session_id])
    pdf = Path(tempfile.mkdtemp()) / "trainer-report.pdf"
    write_report_pdf(report, pdf)
    ws.close()
    if shutil.which("pdftoppm"):
        for old in OUT.glob("trainer-report-page-*.png"):
            old.unlink()
        subprocess.run(["pdftoppm", "-r", "70", "-png", str(pdf), str(OUT / "trainer-report-page")], check=True,
                       timeout=120)
    print("\n".join(sorted(str(p.relative_to(ROOT)) for p in OUT.glob("live-*.png")) +
                    sorted(str(p.relative_to(ROOT)) for p in OUT.glob("trainer-report-page-*.png"))))


def _phone_browser(run: object):
    chromium, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    if not (chromium and driver_path):
        print("chromium or chromedriver missing: no phone screenshots", file=sys.stderr)
        return None
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import WebDriverWait

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={tempfile.mkdtemp()}", "--hide-scrollbars"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 360, "height": 740, "deviceScaleFactor": 2, "mobile": True})
    driver.get(run.url)
    WebDriverWait(driver, 20).until(lambda d: d.find_element("id", "name").is_displayed())
    driver.find_element("id", "name").send_keys("Zoë (phone)\n")
    WebDriverWait(driver, 20).until(lambda d: d.find_element("id", "waiting").is_displayed())
    return driver


def _phone_answer(driver, run: object) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 20).until(lambda d: d.find_element("id", "prompt").text)
    _phone_shot(driver, "live-learner-question-phone-360x740.png")
    question = run.session.questions[0]
    labels = driver.find_elements("css selector", "label.option")
    target = question.answer.capitalize() if question.kind == "truefalse" else question.answer
    for label in labels:
        if label.text == target or (question.kind == "multi" and label.text in question.answers):
            label.click()
    driver.find_element("id", "send").click()
    WebDriverWait(driver, 20).until(lambda d: "received" in d.find_element("id", "status").text)


def _phone_shot(driver, name: str) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    if "reveal" in name:
        WebDriverWait(driver, 20).until(lambda d: d.find_element("id", "reveal").is_displayed())
    driver.save_screenshot(str(OUT / name))


if __name__ == "__main__":
    main()
