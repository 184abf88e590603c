"""A real browser in the room: Debian's chromium (headless, through chromium-driver) joins a live session,
answers with the keyboard and sees the reveal, on a 320-pixel-wide screen, loading nothing from elsewhere.

.ci/run installs chromium and chromium-driver when they are missing; this test is skipped (saying why) only
where they could not be installed.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from app.live import LiveOptions
from app.workspace import Workspace
from quiz.questions import Kind

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver") or ("/usr/bin/chromedriver" if Path("/usr/bin/chromedriver").exists() else None)
pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER),
                                reason="needs Debian's chromium and chromium-driver (apt-get install -y chromium "
                                       "chromium-driver; .ci/run does this), and they are not installed here")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage")
WAIT_S = 20


def browser(width: int, height: int, profile: Path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--window-size={width},{height}")
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    # a phone's viewport (headless windows are at least 500 pixels wide)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 2, "mobile": True})
    driver.set_page_load_timeout(WAIT_S)
    driver.set_script_timeout(WAIT_S)
    return driver


def test_a_learner_joins_answers_and_sees_the_reveal_in_chromium_at_320_pixels(data_dir):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    with Workspace(data_dir) as ws, tempfile.TemporaryDirectory() as profile:
        run = ws.start_live_session(None, LiveOptions(host="127.0.0.1", port=0, count=2, kinds=("choice",)))
        question = run.session.questions[0]
        driver = browser(320, 740, Path(profile))
        try:
            wait = WebDriverWait(driver, WAIT_S)
            driver.get(run.address)  # what a learner types: the address, then the code on the page
            code = driver.find_element(By.ID, "code")
            code.send_keys(run.code.lower(), Keys.ENTER)
            wait.until(lambda d: d.current_url == run.url)
            name = wait.until(lambda d: d.find_element(By.ID, "name") if d.find_element(By.ID, "name").is_displayed()
                              else None)
            assert driver.switch_to.active_element == name  # the page puts the keyboard where it is needed
            name.send_keys("<i>Browser</i> & co", Keys.ENTER)
            wait.until(lambda d: d.find_element(By.ID, "waiting").is_displayed())
            assert driver.find_element(By.ID, "me").text == "Joined as <i>Browser</i> & co"  # literally
            assert run.snapshot().learners == ("<i>Browser</i> & co",)

            run.next()
            prompt = wait.until(lambda d: d.find_element(By.ID, "prompt") if d.find_element(By.ID, "prompt").text
                                else None)
            assert prompt.text == question.prompt
            labels = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#answer-area label.option")]
            assert labels == list(question.choices)
            assert driver.find_element(By.CSS_SELECTOR, "legend").text == "Choose one"
            # keyboard only: Tab to the first option, arrows to the right one, Enter sends
            right = question.choices.index(question.answer)
            driver.switch_to.active_element.send_keys(Keys.TAB)
            active = driver.switch_to.active_element
            assert active.get_attribute("type") == "radio"
            active.send_keys(Keys.SPACE)
            for _ in range(right):
                driver.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
            driver.switch_to.active_element.send_keys(Keys.ENTER)
            wait.until(lambda d: "Answer received" in d.find_element(By.ID, "status").text)
            stored = ws.live_answers(run.session.id)
            assert [(a.name, a.response, a.correct) for a in stored] == [("<i>Browser</i> & co", question.answer,
                                                                          True)]
            assert driver.execute_script("return window.innerWidth") == 320
            assert driver.execute_script("return document.documentElement.scrollWidth") <= 320  # no sideways scroll

            run.reveal()
            verdict = wait.until(lambda d: d.find_element(By.ID, "verdict") if d.find_element(By.ID, "reveal")
                                 .is_displayed() else None)
            assert verdict.text == "Correct"
            assert driver.find_element(By.ID, "expected").text == question.answer
            assert driver.find_element(By.ID, "explanation").text == question.explanation
            quote = driver.find_element(By.CSS_SELECTOR, "#citations blockquote").text
            assert question.quote[:40] in quote and f"— {question.outlet or 'the article'}" in quote
            assert driver.execute_script("return document.documentElement.scrollWidth") <= 320
            assert driver.find_element(By.ID, "status").get_attribute("aria-live") == "polite"

            origin = run.address.rstrip("/")
            loaded = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
            assert loaded and all(url.startswith(origin) for url in loaded), loaded  # nothing from elsewhere
            console = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
            assert not console, console
        finally:
            driver.quit()
            run.stop()


def test_every_kind_is_answerable_in_the_browser(data_dir):
    """Each kind's widgets on the learner page send an answer the server grades as quiz.grade does."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    with Workspace(data_dir) as ws, tempfile.TemporaryDirectory() as profile:
        bank = ws.questions()
        run = ws.start_live_session(None, LiveOptions(host="127.0.0.1", port=0, count=1))
        picked = [next(q for q in bank if q.kind == kind) for kind in Kind]
        run.session.questions[:] = picked
        driver = browser(360, 800, Path(profile))
        try:
            wait = WebDriverWait(driver, WAIT_S)
            driver.get(run.url)
            wait.until(lambda d: d.find_element(By.ID, "name").is_displayed())
            driver.find_element(By.ID, "name").send_keys("Kim\n")
            wait.until(lambda d: d.find_element(By.ID, "waiting").is_displayed())
            for position, q in enumerate(picked):
                run.next()
                wait.until(lambda d, p=position: d.find_element(By.ID, "where").text.startswith(f"Question {p + 1} "))
                if q.kind in (Kind.CHOICE, Kind.SCENARIO, Kind.TRUEFALSE):
                    target = q.answer.capitalize() if q.kind == Kind.TRUEFALSE else q.answer
                    next(e for e in driver.find_elements(By.CSS_SELECTOR, "label.option") if e.text == target).click()
                elif q.kind == Kind.MULTI:
                    for e in driver.find_elements(By.CSS_SELECTOR, "label.option"):
                        if e.text in q.answers:
                            e.click()
                elif q.kind in (Kind.NUMERIC, Kind.TEXT):
                    driver.find_element(By.ID, "typed").send_keys(q.answer)
                elif q.kind == Kind.ORDER:
                    for target, item in enumerate(q.answers):  # bring each item up to its place
                        while True:
                            items = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#order-list .item")]
                            at = items.index(item)
                            if at == target:
                                break
                            driver.find_element(By.CSS_SELECTOR, f"#order-list li:nth-child({at + 1}) "
                                                                 "button:nth-of-type(1)").click()
                else:
                    rows = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "p.row label")]
                    key = dict(q.pairs)
                    for i, row in enumerate(rows):
                        Select(driver.find_element(By.ID, f"row-{i}")).select_by_visible_text(key[row])
                driver.find_element(By.ID, "send").click()
                wait.until(lambda d: "Answer received" in d.find_element(By.ID, "status").text)
                run.reveal()
                wait.until(lambda d: d.find_element(By.ID, "reveal").is_displayed())
                assert driver.find_element(By.ID, "verdict").text == "Correct", q.kind
            stored = ws.live_answers(run.session.id)
            assert [(a.question_id, a.correct) for a in stored] == [(q.id, True) for q in picked]
        finally:
            driver.quit()
            run.stop()
