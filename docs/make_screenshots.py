"""Regenerate the screenshots in docs/screenshots/ (offscreen, no display needed).

Run: ``.venv/bin/python docs/make_screenshots.py [briefing] [dashboard] [training] [quiz] [draft] [curate]
[sizes]`` (all of them by default; ``sizes`` runs itself again with ``QT_SCALE_FACTOR=2`` for the 2× shots;
``japanese``, the interface in Japanese over tests/data/japanese_pack, only when named: it needs the compiled
translation, ``make translations``). Each view is captured in light and dark, at 1280×800
and 1024×640 (the quiz at 1280×800), scrolled to each part of the briefing,
from a throw-away data folder (never the user's own).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QPoint  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SIZES = {"1280x800": (1280, 800), "1024x640": (1024, 640)}
BRIEFING_STOPS = (
    "top", "investment targets", "chart", "differs from Abenomics", "four pillars", "Timeline to 2040", "Sources",
)


def settle(app: QApplication, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()


def briefing_shots(app: QApplication, data: Path) -> list[Path]:
    from app.workspace import Workspace
    from ui import theme
    from ui.main_window import MainWindow

    saved = []
    for theme_name in ("light", "dark"):
        for size_name, (w, h) in SIZES.items():
            ws = Workspace(data)
            window = MainWindow(ws)
            window.set_theme(theme_name)
            window.resize(w, h)
            window.show()
            window.tabs.setCurrentWidget(window.briefing)
            settle(app)
            window.briefing.build_all()
            settle(app)
            page = window.briefing
            for stop in BRIEFING_STOPS:
                if stop == "top":
                    page.scroll_area.verticalScrollBar().setValue(0)
                elif stop == "chart":
                    chart = page.charts[0]
                    top = chart.mapTo(page.scroll_area.widget(), QPoint(0, 0)).y()
                    page.scroll_area.verticalScrollBar().setValue(top - 60)
                else:
                    row = next(i for i, (title, _) in enumerate(page.anchors) if stop.lower() in title.lower())
                    page.contents.setCurrentRow(row)
                settle(app)
                slug = stop.lower().replace(" ", "-")
                path = OUT / f"briefing-{slug}-{theme_name}-{size_name}.png"
                window.grab().save(str(path))
                saved.append(path)
            window.close()
            ws.close()
            theme.apply(app, "light")
    return saved


def dashboard_shots(app: QApplication, data: Path) -> list[Path]:
    """The Progress page over a realistic history: 600 answers in 30 days, some sections read."""
    from app.workspace import Workspace
    from bench.synthetic import write_history
    from db.reads import set_read
    from quiz.generate import generate
    from ui import theme
    from ui.main_window import MainWindow

    ws = Workspace(data)
    pack = ws.pack()
    if not ws.progress["answers"].count:
        write_history(ws.progress, ws.learner_id, pack.id, generate(pack, 0), answers=600, days=30)
        for section in pack.sections[:4]:
            set_read(ws.progress, ws.learner_id, pack.id, section.id, True)
    ws.close()
    saved = []
    for theme_name in ("light", "dark"):
        for size_name, (w, h) in SIZES.items():
            ws = Workspace(data)
            window = MainWindow(ws)
            window.set_theme(theme_name)
            window.resize(w, h)
            window.show()
            window.tabs.setCurrentWidget(window.progress)
            settle(app)
            path = OUT / f"dashboard-{theme_name}-{size_name}.png"
            window.grab().save(str(path))
            saved.append(path)
            window.close()
            ws.close()
            theme.apply(app, "light")
    return saved


def _learner_files(folder: Path, questions: list) -> list[Path]:
    """Three learners' progress files with different first-attempt results (for the report dialog)."""
    import random

    from db.learners import ensure_learner
    from db.progress import open_progress
    from quiz.answers import record_answer

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, skill in (("Aiko", 0.85), ("Ben", 0.6), ("Chloe", 0.4)):
        path = folder / f"{name.lower()}-progress.db"
        path.unlink(missing_ok=True)
        db = open_progress(path)
        learner = ensure_learner(db, name)
        rng = random.Random(name)
        for question in questions[:30]:
            ok = rng.random() < skill
            record_answer(db, learner_id=learner, pack_id="sanaenomics", question_id=question.id, response=None,
                          correct=ok, score=float(ok), elapsed_ms=5000, mode="exam", session_id="s")
        db.close()
        paths.append(path)
    return paths


def training_shots(app: QApplication, data: Path) -> list[Path]:
    """Issue 6 views: a second pack chosen, the import problems dialog, presenter slides, the trainer report."""
    import shutil

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from app.workspace import Workspace
    from quiz.generate import generate
    from quiz.slides import deck
    from ui import theme
    from ui.main_window import MainWindow
    from ui.presenter import PresenterWindow

    saved = []
    tests_data = ROOT / "tests" / "data"
    ws = Workspace(data)
    if "riverton-cycling" not in ws.pack_ids():
        ws.import_pack(tests_data / "second_pack")
    window = MainWindow(ws)
    window.set_theme("light")
    window.resize(1280, 800)
    window.show()
    window.set_pack("riverton-cycling")
    settle(app)
    window.briefing.build_all()
    settle(app)
    saved.append(OUT / "packs-second-pack-light-1280x800.png")
    window.grab().save(str(saved[-1]))

    broken = data.parent / "broken-pack"
    shutil.rmtree(broken, ignore_errors=True)
    shutil.copytree(tests_data / "minimal", broken)
    toml = broken / "pack.toml"
    text = toml.read_text(encoding="utf-8").replace('outlet = "widgets-weekly"', 'outlet = "nobody"')
    toml.write_text(text.replace("amount = 300", 'amount = "lots"').replace(
        'quote = "Widgets Weekly reports', 'quote = "Nobody reports'), encoding="utf-8")
    job = window.import_pack_from(broken)
    while not job.done:
        QTest.qWait(20)
    settle(app)
    saved.append(OUT / "packs-import-problems-light.png")
    job.dialog.grab().save(str(saved[-1]))
    job.dialog.close()

    window.set_pack("sanaenomics")
    dialog = window.trainer_report()
    dialog.add_files(_learner_files(data.parent / "learners", generate(ws.pack("sanaenomics"), 0)))
    dialog.output.setText(str(data.parent / "trainer-report.pdf"))
    dialog.create_report()
    settle(app)
    saved.append(OUT / "trainer-report-dialog-light.png")
    dialog.grab().save(str(saved[-1]))
    dialog.close()
    window.close()

    pack = ws.pack("sanaenomics")
    slides = deck(pack, generate(pack, 0))
    for theme_name in ("light", "dark"):
        theme.apply(app, theme_name)
        presenter = PresenterWindow(slides)
        presenter.resize(1280, 800)
        presenter.show()
        stops = {"title": 0, "figure": 1, "question": next(i for i, s in enumerate(slides) if s.kind == "question"
                                                           and len(s.lines) == 4)}
        for name, index in stops.items():
            presenter.go(index)
            if name != "title":
                QTest.keyClick(presenter, Qt.Key.Key_Space)
            settle(app)
            saved.append(OUT / f"presenter-{name}-{theme_name}-1280x800.png")
            presenter.grab().save(str(saved[-1]))
        presenter.close()
    theme.apply(app, "light")
    ws.close()
    return saved


#: (file name, question id, how to answer: None = not yet, else a function of (page, question))
def _choose(value: str):
    def answer(page, question) -> None:
        page.answer.pick(page.answer.values.index(value) + 1)
    return answer


def _misplace_one(page, question) -> None:
    """Every statement in its column except the first, which goes in the other one."""
    answer = page.answer
    for n, (statement, category) in enumerate(question.pairs):
        index = answer.categories.index(category)
        answer.by_statement[statement].choose((index + 1) % len(answer.categories) if n == 0 else index)


def _reuse_an_option(page, question) -> None:
    """Half answered: the first option chosen for the first two rows (the lists and a note say so)."""
    combos = list(page.answer.combos.values())
    for combo in combos[:2]:
        combo.setCurrentIndex(1)
    combos[2].setFocus()


QUIZ_STOPS = (
    ("feedback-right", "figure-amount:nikkei-2040-goal", _choose("~$2.3 trillion")),
    ("feedback-wrong", "figure-amount:nikkei-2040-goal", _choose("~$2 trillion")),
    ("feedback-corrected", "figure-tf:nikkei-2040-goal:false", _choose("true")),
    ("feedback-table", "table-grid:abenomics-vs-sanaenomics", _misplace_one),
    ("multi", "authored:q-success-conditions", None),
    ("order", "authored:q-order-events", None),
    ("classify", "authored:q-sort-frameworks", None),
    ("scenario", "authored:q-judge-by-metric", None),
    ("matching", "authored:q-pillar-scenarios", None),
    ("matching-reused", "authored:q-pillar-scenarios", _reuse_an_option),
)


def quiz_shots(app: QApplication, data: Path, size: tuple[int, int] = (1280, 800)) -> list[Path]:
    """The quiz: each kind of question before it is answered, and the feedback after right and wrong answers."""
    from app.workspace import Workspace
    from ui import theme
    from ui.main_window import MainWindow

    saved = []
    for theme_name in ("light", "dark"):
        ws = Workspace(data)
        window = MainWindow(ws)
        window.set_theme(theme_name)
        window.resize(*size)
        window.show()
        window.set_pack("sanaenomics")
        window.tabs.setCurrentWidget(window.quiz)
        page = window.quiz
        for name, question_id, answer in QUIZ_STOPS:
            page.start_questions("sanaenomics", [question_id])
            question = page.session.current
            assert question is not None and question.id == question_id, question_id
            if answer is not None:
                answer(page, question)
                if not name.startswith("matching"):
                    page.submit_button.click()
            settle(app)
            page._reveal_feedback()
            settle(app)
            path = OUT / f"quiz-{name}-{theme_name}-{size[0]}x{size[1]}.png"
            window.grab().save(str(path))
            saved.append(path)
        window.close()
        ws.close()
        theme.apply(app, "light")
    return saved


#: The review form's stops: (file name, the list item to select, what to do with it before the shot)
DRAFT_STOPS = (
    ("figure", "25 percent", None),  # its sentence names no noun phrase for the amount: the label is to write
    ("quote-differs", "8.4 percent", "straight-apostrophe"),  # its label written first, as a person would
    ("term-to-write", "SEA", None),
)
#: The label the screenshots' person writes for the 8.4% figure before editing its quote.
DRAFT_LABEL = "Rise in Nordvik’s shares on the day"


def draft_shots(app: QApplication, data: Path) -> list[Path]:
    """File → New briefing from an article…: the review form over the wire report, then the imported briefing."""
    from PySide6.QtWidgets import QPlainTextEdit

    from app import drafting
    from app.workspace import Workspace
    from ui import theme
    from ui.draft_review import DraftReview
    from ui.main_window import MainWindow

    article = ROOT / "tests" / "data" / "articles" / "wire_report.txt"
    saved = []
    folder = data.parent / "drafted"
    for theme_name in ("light", "dark"):
        theme.apply(app, theme_name)
        review = DraftReview(drafting.draft_article(article))
        review.resize(1280, 800)
        review.show()
        settle(app)
        for name, starts, action in DRAFT_STOPS:
            item = next(i for i in review.draft.items if i.title.startswith(starts))
            review.select_item(item)
            if action == "straight-apostrophe":
                if not item.fields.get("label"):
                    label = next(e.widget for e in review.editors if e.name == "label")
                    label.setText(DRAFT_LABEL)
                    label.textEdited.emit(DRAFT_LABEL)  # as typed: the item is kept
                quote = next(e.widget for e in review.editors if e.name == "quote")
                assert isinstance(quote, QPlainTextEdit)
                quote.setPlainText(quote.toPlainText().replace("\u2019", "'"))
                review.recheck()
            settle(app)
            saved.append(OUT / f"draft-review-{name}-{theme_name}-1280x800.png")
            review.grab().save(str(saved[-1]))
            if action == "straight-apostrophe":
                quote.setPlainText(quote.toPlainText().replace("'", "\u2019"))
                review.recheck()
        if theme_name == "light":
            drafting.save_draft(review.draft, folder / review.draft.pack_id, force=True)
        review.changed = False  # the shots are taken: closing asks nothing ("Discard this draft?" waited forever)
        review.close()
        ws = Workspace(data)
        if review.draft.pack_id not in ws.pack_ids():
            ws.import_pack(folder / review.draft.pack_id)
        window = MainWindow(ws)
        window.set_theme(theme_name)
        window.resize(1280, 800)
        window.show()
        window.set_pack(review.draft.pack_id)
        window.tabs.setCurrentWidget(window.briefing)
        settle(app)
        window.briefing.build_all()
        settle(app)
        saved.append(OUT / f"draft-imported-{theme_name}-1280x800.png")
        window.grab().save(str(saved[-1]))
        window.close()
        ws.close()
    theme.apply(app, "light")
    return saved


def curate_shots(app: QApplication, data: Path) -> list[Path]:
    """Issue 17: the question browser (a search, a suspended and a flagged question) and the record editor
    with a problem beside a field, over a copy of the bundled pack imported into the library."""
    import shutil

    from app.workspace import Workspace
    from ui import theme
    from ui.main_window import MainWindow

    saved = []
    copy = data.parent / "japan-copy"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(ROOT / "content" / "sanaenomics", copy)
    toml = copy / "pack.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('id = "sanaenomics"', 'id = "japan-copy"', 1),
                    encoding="utf-8")
    for theme_name in ("light", "dark"):
        ws = Workspace(data)
        if "japan-copy" not in ws.pack_ids():  # once: the dark shots show the same answers and marks
            ws.import_pack(copy)
            session = ws.start_quiz("japan-copy", "custom", question_ids=["figure-amount:nikkei-2040-goal",
                                                                           "figure-number:ai-plan"])
            session.submit(session.current.answer, 4000)
            session.submit("1", 6000)  # a numeric question, answered wrong
            ws.mark_question("fact:fact-diet-checkpoint", pack_id="japan-copy", suspended=True)
            ws.mark_question("figure-number:ai-plan", pack_id="japan-copy", flagged=True)
        window = MainWindow(ws)
        window.set_theme(theme_name)
        window.resize(1280, 800)
        window.show()
        window.set_pack("japan-copy")
        browser = window.browse_questions()
        browser.search.setText("2040")
        browser._filter()
        browser.select("figure-amount:nikkei-2040-goal")
        settle(app)
        saved.append(OUT / f"browser-{theme_name}.png")
        browser.grab().save(str(saved[-1]))
        editor = window.edit_record("japan-copy", "figures", "nikkei-2040-goal")
        assert editor is not None
        editor.inputs["amount"].setText("2.4")
        editor.check()
        settle(app)
        saved.append(OUT / f"editor-{theme_name}.png")
        editor.grab().save(str(saved[-1]))
        editor.close()
        browser.close()
        window.close()
        ws.close()
        theme.apply(app, "light")
    return saved


#: The Japanese quiz's stops: (file name, question id, the wrong answer given)
JAPANESE_QUIZ_STOPS = (
    ("feedback-wrong", "figure-amount:debt-service", _choose("29兆円未満")),  # the option's own feedback
    ("feedback-corrected", "figure-tf:debt-service:false", _choose("true")),  # 正しい / 誤り, the statement corrected
)


def japanese_shots(app: QApplication, data: Path) -> list[Path]:
    """The interface in Japanese over the Japanese pack (tests/data/japanese_pack): briefing, quiz, progress,
    then two questions of a practice with their feedback after a wrong answer."""
    from app.workspace import Workspace
    from ui import i18n, theme
    from ui.main_window import MainWindow

    if i18n.install(app, "ja") != "ja":
        raise SystemExit("no compiled Japanese translation: run `make translations` first")
    saved = []
    ws = Workspace(data)
    pack = ws.import_pack(ROOT / "tests" / "data" / "japanese_pack")
    window = MainWindow(ws)
    window.set_theme("light")
    window.set_pack(pack.id)
    window.resize(*SIZES["1280x800"])
    window.show()
    for index, name in enumerate(("briefing", "quiz", "progress")):
        window.tabs.setCurrentIndex(index)
        settle(app)
        if name == "briefing":
            window.briefing.build_all()
            settle(app)
        saved.append(OUT / f"japanese-{name}-light-1280x800.png")
        window.grab().save(str(saved[-1]))
    window.tabs.setCurrentWidget(window.quiz)
    page = window.quiz
    for name, question_id, answer in JAPANESE_QUIZ_STOPS:  # mid-practice: the feedback after a wrong answer
        page.start_questions(pack.id, [question_id])
        assert page.session.current is not None and page.session.current.id == question_id, question_id
        answer(page, page.session.current)
        page.submit_button.click()
        settle(app)
        page._reveal_feedback()
        settle(app)
        saved.append(OUT / f"japanese-quiz-{name}-light-1280x800.png")
        window.grab().save(str(saved[-1]))
    window.close()
    ws.close()
    theme.apply(app, "light")
    i18n.install(app, i18n.SOURCE_LANGUAGE)
    return saved


def _sizes_data(data: Path):  # noqa: ANN202 - a Workspace
    """A workspace with some history and the first two sections read (ticks in the contents)."""
    from app.workspace import Workspace
    from bench.synthetic import write_history
    from quiz.generate import generate

    ws = Workspace(data)
    pack = ws.pack()
    if not ws.progress["answers"].count:
        write_history(ws.progress, ws.learner_id, pack.id, generate(pack, 0), answers=600, days=30)
        for section in pack.sections[:2]:
            ws.set_read(pack.id, section.id, True)
    return ws


def sizes_shots(app: QApplication, data: Path) -> list[Path]:
    """Issue 15 point 4: the briefing and Progress at 1024×640 (and at 2× scale, from a second run with
    QT_SCALE_FACTOR=2), and the keyboard focus ring on a chart in light and dark."""
    import subprocess

    from PySide6.QtCore import Qt

    from ui import theme
    from ui.main_window import MainWindow

    scale = os.environ.get("QT_SCALE_FACTOR", "")
    suffix = "-scale2" if scale == "2" else ""
    saved = []
    ws = _sizes_data(data)
    for theme_name in ("light", "dark"):
        window = MainWindow(ws)
        window.set_theme(theme_name)
        window.resize(1024, 640)
        window.show()
        window.activateWindow()
        window.set_pack("sanaenomics")  # the bundled briefing, whichever pack an earlier shot left chosen
        window.tabs.setCurrentWidget(window.briefing)
        settle(app)
        page = window.briefing
        page.build_all()
        settle(app)
        shots = []
        if theme_name == "light":
            row = next(i for i, (title, _) in enumerate(page.anchors) if "differs" in title)
            page.contents.setCurrentRow(row)  # a read section, ticked in the contents
            settle(app)
            shots.append(f"sizes-briefing-light-1024x640{suffix}.png")
            window.grab().save(str(OUT / shots[-1]))
            window.tabs.setCurrentWidget(window.progress)
            settle(app)
            shots.append(f"sizes-progress-light-1024x640{suffix}.png")
            window.grab().save(str(OUT / shots[-1]))
            window.tabs.setCurrentWidget(window.briefing)
            settle(app)
        if not suffix:
            chart = page.charts[0]
            top = chart.mapTo(page.scroll_area.widget(), QPoint(0, 0)).y()
            page.scroll_area.verticalScrollBar().setValue(top - 90)
            chart.setFocus(Qt.FocusReason.TabFocusReason)
            settle(app)
            shots.append(f"focus-chart-{theme_name}-1024x640.png")
            window.grab().save(str(OUT / shots[-1]))
        saved += [OUT / name for name in shots]
        window.close()
        theme.apply(app, "light")
    ws.close()
    if not suffix:  # the same shots at 2× (a 2048×1280 screen's worth of pixels), from a process of their own
        env = dict(os.environ, QT_SCALE_FACTOR="2", QT_QPA_PLATFORM="offscreen")
        done = subprocess.run([sys.executable, __file__, "sizes"], env=env, capture_output=True, text=True,
                              timeout=300, check=True)
        saved += [ROOT / line for line in done.stdout.split() if line.endswith(".png")]
    return saved


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["BRIEFING_DATA_DIR"] = tmp
        os.environ["XDG_CONFIG_HOME"] = tmp
        only = sys.argv[1:] or ["briefing", "dashboard", "training", "quiz", "draft", "curate", "sizes"]
        shots = {"briefing": briefing_shots, "dashboard": dashboard_shots, "training": training_shots,
                 "quiz": quiz_shots, "draft": draft_shots, "curate": curate_shots, "sizes": sizes_shots,
                 "japanese": japanese_shots}
        for name in only:
            for path in shots[name](app, Path(tmp) / "data"):
                print(path.relative_to(ROOT))
    sys.stdout.flush()
    os._exit(0)  # PySide6 can crash while tearing down pyqtgraph at interpreter exit; the files are written


if __name__ == "__main__":
    main()
