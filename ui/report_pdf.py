"""The trainer report as an A4 PDF, laid out for printing: full-width tables, headers repeated, rows whole.

Numbers come from :mod:`quiz.report`; this module only lays them out. It
paints with QPainter on a QPdfWriter instead of printing an HTML document,
because a document's tables cannot keep a row on one page or repeat their
header row, and shrink to their content (about 60% of the page). Here:

- every table spans the full text width, its columns sized by weights;
- a row is never split across pages, and each page a table continues on starts
  with its header row again;
- each question's answer distribution is kept together on one page;
- the weakest-topics chart is drawn as vectors, with a caption saying what it shows.

:func:`layout` returns the pages as plain placements so tests can check the
rules above without reading the PDF; :func:`write_report_pdf` paints them.
Pack and learner text is painted with ``drawText`` (plain text, never markup).
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QLocale, QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from quiz.live import Bar, places
from quiz.report import DISCRIMINATION_INDEX, ItemResult, Report
from ui import i18n
from ui.i18n import QT_TRANSLATE_NOOP, translate

RESOLUTION = 300  # dots per inch of the PDF's painting surface
MARGIN_MM = 15
INK, MUTED, RULE, SHADE = QColor("#1f2328"), QColor("#57606a"), QColor("#8c959f"), QColor("#eef1f4")
KEY, OTHER = QColor("#2e9e6b"), QColor("#8fb3e8")
#: quiz.report.DISCRIMINATION_INDEX, for the translators (the report names the index in the reader's language).
_INDEX = QT_TRANSLATE_NOOP("ui.report_pdf", "point-biserial correlation with the score on the other questions "
                           "(corrected item-total)")
#: quiz.report's reasons a discrimination is undefined (ONE_LEARNER…), translated where the PDF shows them.
_UNDEFINED = (QT_TRANSLATE_NOOP("ui.report_pdf", "only one learner answered it"),
              QT_TRANSLATE_NOOP("ui.report_pdf", "everyone answered it right"),
              QT_TRANSLATE_NOOP("ui.report_pdf", "everyone answered it wrong"),
              QT_TRANSLATE_NOOP("ui.report_pdf", "these learners' scores on the other questions are all equal"))


@dataclass(frozen=True)
class Column:
    title: str
    weight: float
    right: bool = False  # numbers are right-aligned


@dataclass
class Placement:
    """One thing put on a page (for painting, and for tests)."""

    kind: str  # "text", "header", "row", "chart", "distribution", "footer"
    rect: QRectF
    paint: Callable[[QPainter], None] = field(repr=False)
    table: str = ""  # which table a header or row belongs to
    row: int = -1  # the row's index in its table
    options: list[OptionRow] = field(default_factory=list)  # a distribution's option rows, as painted


@dataclass
class Page:
    items: list[Placement] = field(default_factory=list)


def _at(paint: Callable[[QPainter, QRectF], None], rect: QRectF, painter: QPainter) -> None:
    paint(painter, rect)


class _Layout:
    """Places blocks top to bottom; a block that does not fit starts a new page."""

    def __init__(self, width: float, height: float, dpi: float):
        self.width, self.height, self.dpi = width, height, dpi
        self.pages: list[Page] = [Page()]
        self.y = 0.0
        self.footer_h = self.pt(14)

    def pt(self, points: float) -> float:
        return points * self.dpi / 72

    def font(self, points: float, bold: bool = False, italic: bool = False) -> QFont:
        font = QFont()
        font.setPointSizeF(points)
        font.setBold(bold)
        font.setItalic(italic)
        return font

    @property
    def bottom(self) -> float:
        return self.height - self.footer_h

    def new_page(self) -> None:
        self.pages.append(Page())
        self.y = 0.0

    def fits(self, height: float) -> bool:
        return self.y + height <= self.bottom

    def place(self, kind: str, height: float, paint: Callable[[QPainter, QRectF], None], *, keep: bool = True,
              table: str = "", row: int = -1) -> QRectF:
        if keep and not self.fits(height) and self.y > 0:
            self.new_page()
        rect = QRectF(0, self.y, self.width, height)
        self.pages[-1].items.append(Placement(kind, rect, functools.partial(_at, paint, rect), table, row))
        self.y += height
        return rect

    def text_height(self, text: str, font: QFont, width: float) -> float:
        metrics = QFontMetricsF(font)
        scale = self.dpi / 72 / (metrics.fontDpi() / 72) if metrics.fontDpi() else 1.0
        # measured a little narrower than painted, so text hinted differently on the PDF still fits
        bound = metrics.boundingRect(QRectF(0, 0, width * 0.96 / scale, 1e6), int(Qt.TextFlag.TextWordWrap), text)
        return bound.height() * scale * 1.03

    def paragraph(self, text: str, points: float = 9.5, *, bold: bool = False, italic: bool = False,
                  color: QColor = INK, space_before: float = 0, space_after: float = 4) -> None:
        font = self.font(points, bold, italic)
        height = self.text_height(text, font, self.width) + self.pt(space_before + space_after)
        top = self.pt(space_before)

        def paint(painter: QPainter, rect: QRectF) -> None:
            painter.setFont(font)
            painter.setPen(color)
            painter.drawText(rect.adjusted(0, top, 0, 0), int(Qt.TextFlag.TextWordWrap), text)

        self.place("text", height, paint)

    def heading(self, text: str, points: float = 13) -> None:
        # a heading is never left alone at the bottom of a page
        if not self.fits(self.pt(points * 5)):
            self.new_page()
        self.paragraph(text, points, bold=True, space_before=8 if self.y > 0 else 0, space_after=4)

    def table(self, name: str, columns: Sequence[Column], rows: Sequence[Sequence[str]], points: float = 8.5) -> None:
        """Full width; the header row again on every page the table continues on; no row split."""
        total = sum(c.weight for c in columns)
        widths = [self.width * c.weight / total for c in columns]
        pad = self.pt(3)
        body, bold = self.font(points), self.font(points, bold=True)

        def row_height(cells: Sequence[str], font: QFont) -> float:
            return max(self.text_height(cell, font, w - 2 * pad) for cell, w in zip(cells, widths, strict=True)) \
                + 2 * pad

        header = [c.title for c in columns]
        header_h = row_height(header, bold)

        def painter_for(cells: Sequence[str], font: QFont, shade: QColor | None,
                        rule: float) -> Callable[[QPainter, QRectF], None]:
            def paint(painter: QPainter, rect: QRectF) -> None:
                if shade is not None:
                    painter.fillRect(rect, shade)
                painter.setFont(font)
                painter.setPen(INK)
                x = rect.left()
                for cell, width, column in zip(cells, widths, columns, strict=True):
                    align = Qt.AlignmentFlag.AlignRight if column.right else Qt.AlignmentFlag.AlignLeft
                    painter.drawText(QRectF(x + pad, rect.top() + pad, width - 2 * pad, rect.height() - 2 * pad),
                                     int(Qt.TextFlag.TextWordWrap | align | Qt.AlignmentFlag.AlignTop), cell)
                    x += width
                painter.setPen(QPen(RULE, rule))
                painter.drawLine(rect.bottomLeft(), rect.bottomRight())
            return paint

        def place_header() -> None:
            self.place("header", header_h, painter_for(header, bold, SHADE, self.pt(1)), keep=False, table=name)

        if not self.fits(header_h + (row_height(rows[0], body) if rows else 0)):
            self.new_page()
        place_header()
        for index, cells in enumerate(rows):
            height = row_height(cells, body)
            if not self.fits(height):
                self.new_page()
                place_header()
            self.place("row", height, painter_for(cells, body, None, self.pt(0.4)), keep=False, table=name, row=index)
        self.y += self.pt(6)


def _signed(value: float) -> str:
    """A discrimination index with its sign, as "+0.42" (the locale's decimal point)."""
    return ("+" if value >= 0 else "") + QLocale().toString(float(value), "f", 2)


def discrimination_cell(item: ItemResult) -> str:
    """The Discrimination column: the index, or "–" with why it is undefined, in the reader's language."""
    if item.discrimination is not None:
        return _signed(item.discrimination)
    return translate("ui.report_pdf", "– ({reason})").format(reason=translate("ui.report_pdf", item.undefined))


def layout(report: Report, width: float, height: float, dpi: float = RESOLUTION) -> list[Page]:
    """The report's pages for a text area of ``width`` × ``height`` device pixels at ``dpi``."""
    page = _Layout(width, height, dpi)
    title = (translate("ui.report_pdf", "Trainer report — {title}").format(title=report.title) if report.title
             else translate("ui.report_pdf", "Trainer report"))
    page.paragraph(title, 17, bold=True, space_after=2)
    sources = {s for learner in report.learners for s in learner.source.split(", ")}
    live = sum(1 for s in sources if s.startswith("live session"))
    files = len(sources) - live
    files_text = (translate("ui.report_pdf", "{count} progress file") if files == 1 else
                  translate("ui.report_pdf", "{count} progress files")).format(count=i18n.number(files))
    live_text = (translate("ui.report_pdf", "{count} live session") if live == 1 else
                 translate("ui.report_pdf", "{count} live sessions")).format(count=i18n.number(live))
    origin = translate("ui.report_pdf", " and ").join(filter(None, (files_text if len(sources) > live else "",
                                                                     live_text if live else "")))
    learner_count, questions = len(report.learners), len(report.items)
    learners_text = (translate("ui.report_pdf", "{count} learner") if learner_count == 1 else
                     translate("ui.report_pdf", "{count} learners")).format(count=i18n.number(learner_count))
    questions_text = (translate("ui.report_pdf", "{count} question") if questions == 1 else
                      translate("ui.report_pdf", "{count} questions")).format(count=i18n.number(questions))
    page.paragraph(translate("ui.report_pdf", "{date} · {learners} · {questions} answered · from "
                             "{origin} (each learner's are listed below)").format(
        date=i18n.date(datetime.date.today()), learners=learners_text, questions=questions_text,
        origin=origin or translate("ui.report_pdf", "no file")), 9, color=MUTED)
    if report.joined_without_answering:
        silent = report.joined_without_answering
        page.paragraph((translate("ui.report_pdf", "{count} more learner joined a live session without answering; "
                                  "no figure here counts them.") if silent == 1 else
                        translate("ui.report_pdf", "{count} more learners joined a live session without answering; "
                                  "no figure here counts them.")).format(count=i18n.number(silent)), 9, color=MUTED)
    page.paragraph(translate(
        "ui.report_pdf", "How to read it. Every figure counts each learner's first attempt at each question (later "
        "attempts measure practice). Score: the share of a learner's questions right first time. Facility: the share "
        "of learners right first time. Discrimination: the {index}, from −1 to +1: above about +0.3 a question "
        "separates those who know the briefing from those who do not; near 0 or below, check its wording and key. It "
        "is “–” where it is undefined, with the reason beside it (one learner only, or everyone answered alike).")
        .format(index=translate("ui.report_pdf", DISCRIMINATION_INDEX)), 8.5, color=MUTED, space_after=6)

    page.heading(translate("ui.report_pdf", "Learners"))
    learners = sorted(report.learners, key=lambda x: (-x.score, x.name.casefold()))
    ranks = places([round(x.score, 9) for x in learners])  # equal scores share a place (1, 1, 1, 4)
    page.table("learners", [Column("#", 0.5, True), Column(translate("ui.report_pdf", "Learner"), 3),
                            Column(translate("ui.report_pdf", "From"), 4.5),
                            Column(translate("ui.report_pdf", "Questions"), 1.3, True),
                            Column(translate("ui.report_pdf", "Right first time"), 1.6, True),
                            Column(translate("ui.report_pdf", "Score"), 1.1, True)],
               [[i18n.number(n), x.name, ", ".join(Path(s).name if not s.startswith("live session") else s
                                           for s in x.source.split(", ")),
                 i18n.number(len(x.first_attempts)), i18n.number(sum(x.first_attempts.values())), i18n.percent(x.score)]
                for n, x in zip(ranks, learners, strict=True)])

    if report.topics:
        page.heading(translate("ui.report_pdf", "Weakest topics"))
        _topic_chart(page, report)

    page.heading(translate("ui.report_pdf", "Questions, hardest first"))
    items = sorted(report.items, key=lambda i: (i.facility, i.question_id))
    numbers = {item.question_id: n for n, item in enumerate(items, 1)}
    page.table("questions", [Column("#", 0.5, True), Column(translate("ui.report_pdf", "Question"), 6.8),
                             Column(translate("ui.report_pdf", "Topic"), 2.3),
                             Column(translate("ui.report_pdf", "Learners"), 1.5, True),
                             Column(translate("ui.report_pdf", "Facility"), 1.3, True),
                             Column(translate("ui.report_pdf", "Discrimination"), 2.2, True)],
               [[i18n.number(numbers[i.question_id]), report.prompts.get(i.question_id, i.question_id), i.topic,
                 i18n.number(i.attempts), i18n.percent(i.facility),
                 discrimination_cell(i)]
                for i in items])

    if any(item.distribution for item in items):
        page.heading(translate("ui.report_pdf", "How the learners answered"))
        page.paragraph(translate("ui.report_pdf", "First attempts per option (select-all: how many ticked each "
                                 "option), or per verdict for questions answered by typing, matching, ordering or "
                                 "sorting. ✓ marks the key."), 8.5, color=MUTED)
        for item in items:
            if item.distribution:
                _distribution(page, numbers[item.question_id], report.prompts.get(item.question_id,
                                                                                  item.question_id), item)
    return page.pages


def _topic_chart(page: _Layout, report: Report) -> None:
    font = page.font(8.5)
    row = page.pt(15)
    label_w = page.width * 0.34
    chart_h = row * len(report.topics) + page.pt(16)

    def paint(painter: QPainter, rect: QRectF) -> None:
        painter.setFont(font)
        plot_w = rect.width() - label_w - page.pt(40)
        for i, (topic, facility) in enumerate(report.topics):
            top = rect.top() + i * row
            painter.setPen(INK)
            elided = painter.fontMetrics().elidedText(topic, Qt.TextElideMode.ElideRight, int(label_w - page.pt(6)))
            painter.drawText(QRectF(rect.left(), top, label_w - page.pt(6), row),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), elided)
            painter.fillRect(QRectF(rect.left() + label_w, top + row * 0.2, plot_w * facility, row * 0.6),
                             OTHER if facility >= 0.5 else QColor("#d9822b"))
            painter.drawText(QRectF(rect.left() + label_w + plot_w * facility + page.pt(4), top, page.pt(40), row),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), i18n.percent(facility))
        axis_y = rect.top() + row * len(report.topics) + page.pt(2)
        painter.setPen(QPen(RULE, page.pt(0.5)))
        painter.drawLine(int(rect.left() + label_w), int(axis_y), int(rect.left() + label_w + plot_w), int(axis_y))
        painter.setPen(MUTED)
        for tick in (0, 0.25, 0.5, 0.75, 1.0):
            x = rect.left() + label_w + plot_w * tick
            painter.drawText(QRectF(x - page.pt(20), axis_y, page.pt(40), page.pt(12)),
                             int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), i18n.percent(tick))

    page.place("chart", chart_h, paint)
    page.paragraph(translate("ui.report_pdf", "Figure: facility by topic, weakest first — the share of first attempts "
                             "that were right, averaged over each topic's questions ({questions} questions in "
                             "{topics} topics). Orange bars: under half right first time; start the next session "
                             "there.").format(questions=i18n.number(len(report.items)),
                                    topics=i18n.number(len(report.topics))),
                   8.5, italic=True, color=MUTED, space_before=2, space_after=6)


@dataclass(frozen=True)
class OptionRow:
    """Where one option of an answer distribution goes: its wrapped text, its bar and its count beside the bar.

    The row is as tall as the option's wrapped text (at the width it is painted at), so a long option never runs
    into the next; bar and count share the row's vertical centre, so the count reads as the bar's."""

    row: QRectF
    label: QRectF
    bar: QRectF
    count: QRectF


def option_rows(page: _Layout, labels: Sequence[str], shares: Sequence[float], font: QFont, top: float,
                width: float) -> list[OptionRow]:
    """The rows of one distribution from ``top`` down, in a block ``width`` wide (shares from 0 to 1)."""
    label_left, label_w = page.pt(8), width * 0.46 - page.pt(16)
    plot_left = width * 0.46
    count_w, gap, bar_h, min_h, pad = page.pt(70), page.pt(4), page.pt(9), page.pt(13), page.pt(2)
    plot_w = width - plot_left - gap - count_w
    rows = []
    for label, share in zip(labels, shares, strict=True):
        text_h = page.text_height(label, font, label_w)
        height = max(min_h, text_h + 2 * pad)
        middle = top + height / 2
        bar = QRectF(plot_left, middle - bar_h / 2, max(page.pt(0.8), plot_w * share), bar_h)
        rows.append(OptionRow(row=QRectF(0, top, width, height),
                              label=QRectF(label_left, top + pad, label_w, height - 2 * pad),
                              bar=bar, count=QRectF(bar.right() + gap, middle - min_h / 2, count_w, min_h)))
        top += height
    return rows


# Characters of an option (or a prompt) the distributions show; a pack may hold 20,000 in one, which would not
# fit a page. The CSV beside the report keeps the whole text.
MAX_SHOWN_CHARS = 600


def _shortened(text: str) -> str:
    return text if len(text) <= MAX_SHOWN_CHARS else text[:MAX_SHOWN_CHARS - 1].rstrip() + "…"


def _distribution(page: _Layout, number: int, prompt: str, item: ItemResult) -> None:
    """One question's answer distribution, kept together on one page when it fits on one; a longer one (many
    long options) continues on the next page under its title again, never splitting an option's row."""
    bars = item.distribution
    title_font, font = page.font(9, bold=True), page.font(8.5)
    title = f"{i18n.number(number)}. {_shortened(prompt)}"
    total = max(1, item.attempts)
    labels, shares = [_shortened(b.label) for b in bars], [b.count / total for b in bars]
    heights = [row.row.height() for row in option_rows(page, labels, shares, font, 0, page.width)]
    gap = page.pt(8)

    def title_height(text: str) -> float:
        return page.text_height(text, title_font, page.width) + page.pt(2)

    if title_height(title) + sum(heights) + gap <= page.bottom:  # fits on a page: kept together
        _distribution_block(page, title, bars, labels, shares, total, range(len(bars)), keep=True)
        return
    first = 0
    while first < len(bars):
        heading = title if first == 0 else translate("ui.report_pdf", "{title} (continued)").format(title=title)
        head_h = title_height(heading)
        if page.y > 0 and not page.fits(head_h + heights[first] + gap):
            page.new_page()
        room, last = page.bottom - page.y - head_h - gap, first + 1
        while last < len(bars) and sum(heights[first:last + 1]) <= room:
            last += 1
        _distribution_block(page, heading, bars, labels, shares, total, range(first, last), keep=False)
        first = last


def _distribution_block(page: _Layout, title: str, bars: Sequence[Bar], labels: Sequence[str],
                        shares: Sequence[float], total: int, shown: range, *, keep: bool) -> None:
    """A title and the options ``shown`` as one placement (its rows on :attr:`Placement.options`)."""
    title_font, font = page.font(9, bold=True), page.font(8.5)
    title_h = page.text_height(title, title_font, page.width) + page.pt(2)
    relative = option_rows(page, labels[shown.start:shown.stop], shares[shown.start:shown.stop], font, title_h,
                           page.width)
    height = (relative[-1].row.bottom() if relative else title_h) + page.pt(8)
    rows: list[OptionRow] = []  # filled in once the block's place on its page is known

    def paint(painter: QPainter, rect: QRectF) -> None:
        painter.setFont(title_font)
        painter.setPen(INK)
        painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), title_h), int(Qt.TextFlag.TextWordWrap), title)
        painter.setFont(font)
        for index, row in zip(shown, rows, strict=True):
            bar = bars[index]
            painter.setPen(INK)
            painter.drawText(row.label, int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignVCenter), labels[index])
            painter.fillRect(row.bar, KEY if bar.key else OTHER)
            painter.drawText(row.count, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             f"{i18n.number(bar.count)} ({i18n.percent(bar.count / total)}){'  ✓' if bar.key else ''}")

    rect = page.place("distribution", height, paint, keep=keep)
    rows.extend(option_rows(page, labels[shown.start:shown.stop], shares[shown.start:shown.stop], font,
                            rect.top() + title_h, page.width))
    page.pages[-1].items[-1].options = rows


def write_report_pdf(report: Report, path: str | Path) -> Path:
    path = Path(path)
    with path.open("wb"):  # QPdfWriter fails silently on a bad path; this raises a readable OSError
        pass
    writer = QPdfWriter(str(path))
    writer.setTitle(translate("ui.report_pdf", "Trainer report"))
    writer.setCreator("Briefing Quiz")
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                                     QPageLayout.Unit.Millimeter))
    area = writer.pageLayout().paintRectPixels(RESOLUTION)
    pages = layout(report, area.width(), area.height(), RESOLUTION)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"nothing could be written to {path}")
    try:
        footer = QFont()
        footer.setPointSizeF(7.5)
        for number, page in enumerate(pages, 1):
            if number > 1:
                writer.newPage()
            for item in page.items:
                item.paint(painter)
            painter.setFont(footer)
            painter.setPen(MUTED)
            painter.drawText(QRectF(0, area.height() - RESOLUTION * 10 / 72, area.width(), RESOLUTION * 10 / 72),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                             translate("ui.report_pdf", "Trainer report · page {number} of {pages}").format(
                                 number=i18n.number(number), pages=i18n.number(len(pages))))
    finally:
        painter.end()
    del writer  # flushes and closes the file
    if path.stat().st_size == 0:
        raise OSError(f"nothing could be written to {path}")
    return path
