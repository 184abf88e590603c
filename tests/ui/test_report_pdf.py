"""The trainer report PDF is laid out for printing: full-width tables whose header row starts every page they
continue on, rows never split, discrimination computed (or "–" with the reason), answer distributions and a
captioned weakest-topics chart; the CSV beside it holds the same figures."""

from __future__ import annotations

import csv
import io
import random
import unicodedata

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QRectF, Qt

from app.workspace import Workspace
from db.learners import ensure_learner
from db.progress import open_progress
from live_clients import right_response, wrong_response
from quiz.answers import record_answer
from quiz.slides import choose_questions
from ui.report_pdf import layout, write_report_pdf

NAMES = [f"Learner with a rather long name number {n}" for n in range(40)]


@pytest.fixture
def classroom(tmp_path, data_dir):
    """40 learners' files, 14 questions each, abilities spread so items discriminate."""
    with Workspace(data_dir) as ws:
        questions = choose_questions(ws.questions(), count=14)
        rng = random.Random(7)
        files = []
        for n, name in enumerate(NAMES):
            path = tmp_path / f"{n:02d}.db"
            db = open_progress(path)
            learner = ensure_learner(db, name)
            for q in questions:
                ok = rng.random() < 0.2 + n / 50
                record_answer(db, learner_id=learner, pack_id=ws.pack().id, question_id=q.id,
                              response=right_response(q) if ok else wrong_response(q), correct=ok, score=float(ok),
                              elapsed_ms=1, mode="exam", session_id="s")
            db.close()
            files.append(path)
        yield ws.trainer_report(files), questions


def test_tables_span_the_page_repeat_their_header_and_never_split_a_row(qtbot, classroom):
    report, _ = classroom
    width, height = 2000.0, 2800.0
    pages = layout(report, width, height, 300)
    assert len(pages) >= 3
    continued = 0
    for page in pages:
        for item in page.items:
            assert item.rect.bottom() <= height, f"{item.kind} runs off the page"
            if item.kind in ("header", "row"):
                assert item.rect.left() == 0 and item.rect.width() == width  # the full text width
        tables = [item for item in page.items if item.table]
        for name in {item.table for item in tables}:
            first = next(item for item in tables if item.table == name)
            assert first.kind == "header", f"page with {name} rows starts without its header"
            if any(item.kind == "row" and item.row > 0 for item in tables if item.table == name and item is first):
                continued += 1
    rows = [item for page in pages for item in page.items if item.kind == "row"]
    assert sorted((r.table, r.row) for r in rows) == sorted(
        [("learners", i) for i in range(40)] + [("questions", i) for i in range(14)])  # every row once, whole
    header_pages = [n for n, page in enumerate(pages) if any(i.kind == "header" and i.table == "learners"
                                                             for i in page.items)]
    assert len(header_pages) >= 2, "40 learners take more than a page: the header must come again"
    distributions = [item for page in pages for item in page.items if item.kind == "distribution"]
    assert len(distributions) == 14  # one block per question, each on one page


def test_the_pdf_names_its_discrimination_index_and_shows_every_part(qtbot, classroom, tmp_path):
    report, questions = classroom
    defined = [item for item in report.items if item.discrimination is not None]
    assert len(defined) == len(report.items)  # 40 learners of varied ability: defined for every question
    path = write_report_pdf(report, tmp_path / "report.pdf")
    text = unicodedata.normalize("NFKC", " ".join(" ".join(p.extract_text().split())
                                                  for p in PdfReader(str(path)).pages))
    assert "point-biserial" in text and "corrected item-total" in text
    for part in ("Learners", "Weakest topics", "Figure: facility by topic", "Questions, hardest first",
                 "How the learners answered"):
        assert part in text
    assert f"{defined[0].discrimination:+.2f}" in text
    assert " ".join(questions[0].prompt.split()[:5]) in text
    assert NAMES[39] in text
    assert text.count("Discrimination") >= 2  # the questions table's header, repeated on its next page


def test_undefined_discrimination_says_why(qtbot, tmp_path, data_dir):
    with Workspace(data_dir) as ws:
        q1, q2, q3 = choose_questions(ws.questions(), count=3)
        files = []
        for name, answers in (("Ana", {q1: True, q2: True, q3: True}), ("Ben", {q1: True, q2: False}),
                              ("Cy", {q1: True, q2: True})):
            path = tmp_path / f"{name}.db"
            db = open_progress(path)
            learner = ensure_learner(db, name)
            for q, ok in answers.items():
                record_answer(db, learner_id=learner, pack_id=ws.pack().id, question_id=q.id, response=None,
                              correct=ok, score=float(ok), elapsed_ms=1, mode="exam", session_id="s")
            db.close()
            files.append(path)
        report = ws.trainer_report(files)
    why = {item.question_id: item.undefined for item in report.items if item.discrimination is None}
    # q2: Ana and Cy right, Ben wrong, but all three got every other question they took right
    assert why == {q1.id: "everyone answered it right", q3.id: "only one learner answered it",
                   q2.id: "these learners' scores on the other questions are all equal"}
    path = write_report_pdf(report, tmp_path / "r.pdf")
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(str(path)).pages)
    assert "– (everyone answered it right)" in text and "– (only one learner answered it)" in text
    rows = list(csv.DictReader(io.StringIO(report.to_csv())))
    assert {r["note"] for r in rows if r["kind"] == "question" and r["id"] == q3.id} == {
        "only one learner answered it"}
    answers = [r for r in rows if r["kind"] == "answer" and r["id"] == q2.id]
    assert sum(int(r["attempts"]) for r in answers) >= 3 and any(r["note"] == "key" for r in answers)


def test_an_undefined_discrimination_reads_as_before_in_english(qapp):
    from quiz.report import SCORES_EQUAL, ItemResult
    from ui.report_pdf import discrimination_cell

    item = ItemResult("q1", "topic", 2, 0.5, None, SCORES_EQUAL)
    assert discrimination_cell(item) == "– (these learners' scores on the other questions are all equal)"


LONG = ("The AI plan is viewed as both a security measure and a vital tool for domestic economic sustainability, "
        "according to the article's closing section on national power and demographic change.")
JAPANESE = ("記事によれば、人工知能計画は安全保障上の措置であると同時に、"
            "国内経済の持続可能性を支える重要な手段とみなされている。")


def test_a_long_option_wraps_inside_its_own_row_with_its_count_beside_its_bar(qapp, tmp_path):
    """Fails on the old layout: a three-line option was measured wider than it was painted, so it spilled over the
    rows around it, and the count sat centred in the row below a bar drawn at the row's top."""
    from PySide6.QtGui import QFontMetricsF

    from quiz.live import Bar
    from quiz.report import ItemResult, LearnerResult, Report

    bars = (Bar("Short option.", 0, False), Bar(LONG, 0, True), Bar(JAPANESE, 1, False),
            Bar(LONG + " " + LONG, 3, False))
    report = Report([LearnerResult("live session 1", "Ana", {"q7": False})],
                    [ItemResult("q7", "Topic", 4, 0.0, None, "only one learner answered it", bars)],
                    prompts={"q7": "How does the article view the AI plan?"})
    width, height = 2067.0, 2923.0  # A4 less 15 mm margins at 300 dpi
    pages = layout(report, width, height, 300)
    [block] = [item for page in pages for item in page.items if item.kind == "distribution"]
    rows = block.options
    assert len(rows) == 4
    for above, below in zip(rows, rows[1:], strict=False):
        assert above.row.bottom() <= below.row.top() + 1e-6, "an option's row runs into the next"
    for row, bar in zip(rows, bars, strict=True):
        assert block.rect.contains(row.row) and row.row.contains(row.label)
        # the painted rectangle holds the text wrapped at the painted width, at the PDF's resolution
        font = QFontMetricsF(_font(8.5))
        scale = 300 / font.fontDpi()
        needed = font.boundingRect(QRectF(0, 0, row.label.width() / scale, 1e6), int(Qt.TextFlag.TextWordWrap),
                                   bar.label).height() * scale
        assert row.label.height() >= needed, f"{bar.label[:20]!r} is cut off"
        assert row.count.left() >= row.bar.right() and row.count.right() <= width  # beside its bar, on the page
        assert abs(row.count.center().y() - row.bar.center().y()) < 1e-6  # level with it, not below
        assert row.label.right() <= row.bar.left()
    assert rows[1].row.height() > rows[0].row.height() * 2  # the long option grew its row
    assert rows[3].row.height() > rows[1].row.height()
    path = write_report_pdf(report, tmp_path / "r.pdf")
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(str(path)).pages)
    assert "national power" in text and "3 (75%)" in text


def _font(points):
    from PySide6.QtGui import QFont

    font = QFont()
    font.setPointSizeF(points)
    return font


def test_a_distribution_longer_than_a_page_continues_on_the_next_and_stays_on_the_paper(qapp, tmp_path):
    """A pack may hold 100 options of up to 20,000 characters: the block ran off the bottom of the page."""
    from quiz.live import Bar
    from quiz.report import ItemResult, LearnerResult, Report
    from ui.report_pdf import MAX_SHOWN_CHARS

    bars = tuple(Bar(f"Option {n}. " + LONG * (1 if n % 3 else 20), n % 4, n == 5) for n in range(40))
    report = Report([LearnerResult("live session 1", "Ana", {"q7": False})],
                    [ItemResult("q7", "Topic", 60, 0.0, None, "only one learner answered it", bars)],
                    prompts={"q7": "Which options did you pick?"})
    width, height = 2067.0, 2923.0
    pages = layout(report, width, height, 300)
    blocks = [(n, item) for n, page in enumerate(pages) for item in page.items if item.kind == "distribution"]
    assert len(blocks) > 1 and len({n for n, _ in blocks}) == len(blocks)  # one block per page it continues on
    for _, block in blocks:
        assert block.rect.bottom() <= height, "the answers run off the page"
        for row in block.options:
            assert block.rect.contains(row.row)
    assert sum(len(block.options) for _, block in blocks) == len(bars)  # every option once, none split
    path = write_report_pdf(report, tmp_path / "long.pdf")
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(str(path)).pages)
    assert "1. Which options did you pick? (continued)" in text
    assert "Option 39." in text and "…" in text and MAX_SHOWN_CHARS < len(LONG) * 20
