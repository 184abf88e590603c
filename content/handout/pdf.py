"""Lay a handout :class:`~content.handout.model.Document` out as a PDF (reportlab; no Qt).

Qt's QTextDocument cannot keep a table row on one page, repeat a table's
header or write a PDF outline, and QPdfWriter (Qt 6.10) has no outline API, so
handouts are laid out with reportlab's platypus: headings are PDF bookmarks
and are kept with what follows, table rows never split and headers repeat,
a glossary term stays with its definition, a question with its answer space,
every page has a footer with the source and "page n of m". Charts are drawn
as vector graphics on a linear axis from a labelled 0.

All pack text is plain text: it is escaped for reportlab's paragraph markup
(:func:`esc`) and drawn with ``drawString`` (no markup) in charts. Only
http(s) addresses become links, and reportlab is told to trust no host, so no
markup could make it read a file or the network.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, fields, is_dataclass
from functools import cache
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import PageBreak as RLPageBreak
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Table as RLTable
from reportlab.platypus.doctemplate import LayoutError

from content.handout import words
from content.handout.model import (
    Chart,
    Choices,
    Definitions,
    Document,
    FigureList,
    Grid,
    Heading,
    ItemList,
    KeyItem,
    Matching,
    Ordering,
    PageBreak,
    Paragraph,
    QuestionItem,
    Quote,
    Table,
    Timeline,
    WriteIn,
)
from content.handout.paper import PAPERS

rl_config.trustedHosts = []  # reportlab may never fetch a URL or read a file named in markup
rl_config.trustedSchemes = []

INK = colors.HexColor("#1f2328")
MUTED = colors.HexColor("#57606a")
ACCENT = colors.HexColor("#0b5cad")
RULE = colors.HexColor("#8c959f")
SHADE = colors.HexColor("#eef1f4")
BAR = colors.HexColor("#2f6db3")
MARGIN = 18 * mm

#: Fonts with a wide Unicode coverage, looked for in this order; reportlab's own Vera always exists.
_FONT_CANDIDATES = (
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
     "/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf",
     "/usr/share/fonts/truetype/dejavu/DejaVuSans-BoldOblique.ttf"),
)


#: Han, kana, hangul and full-width forms: scripts DejaVu and Vera cannot draw (they came out as empty boxes).
_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef]")
#: The face of the document being laid out: "Handout", or "HandoutCJK" for a document with CJK text.
_face: ContextVar[str] = ContextVar("handout_face", default="Handout")
_NAMES = ("", "-Bold", "-Italic", "-BoldItalic")
#: The language of the document being laid out (its pack's): the handout's own words are printed in it.
_language: ContextVar[str] = ContextVar("handout_language", default="")


def _say(template: str) -> str:
    """One of the handout's own words (:mod:`content.handout.words`) in the document's language."""
    return words.say(_language.get(), template)


def font() -> str:
    """The font family of the document being laid out (registered once); its styles add -Bold, -Italic."""
    return _register(_face.get())


@cache
def _register(face: str) -> str:
    """Register ``face``'s four styles once.

    "Handout" is the first wide-coverage TrueType font found (DejaVu), else
    reportlab's own Vera, embedded. "HandoutCJK" is Adobe's Japanese CID font
    HeiseiKakuGo-W5 for all four styles: reportlab cannot embed the OpenType
    collections Linux ships (Noto CJK), so the PDF names the font and the
    viewer supplies its Japanese font, as every PDF viewer with CJK support
    does; Latin letters and digits are drawn by it too, so a line never
    switches fonts mid-word.
    """
    names = tuple(face + style for style in _NAMES)
    if face == "HandoutCJK":
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont

        for name in names:
            cid = UnicodeCIDFont("HeiseiKakuGo-W5")
            cid.name = cid.fontName = name
            pdfmetrics.registerFont(cid)
    else:
        import reportlab

        vera = Path(reportlab.__file__).parent / "fonts"
        files: Sequence[str | Path] = (vera / "Vera.ttf", vera / "VeraBd.ttf", vera / "VeraIt.ttf",
                                       vera / "VeraBI.ttf")
        for candidate in _FONT_CANDIDATES:
            if all(Path(p).is_file() for p in candidate):
                files = candidate
                break
        for name, file in zip(names, files, strict=True):
            pdfmetrics.registerFont(TTFont(name, str(file)))
    pdfmetrics.registerFontFamily(face, normal=names[0], bold=names[1], italic=names[2], boldItalic=names[3])
    return face


def _texts(value: object) -> Iterator[str]:
    """Every string held in a handout document (its blocks are dataclasses, tuples and strings)."""
    if isinstance(value, str):
        yield value
    elif is_dataclass(value) and not isinstance(value, type):
        for item in fields(value):
            yield from _texts(getattr(value, item.name))
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _texts(item)


def face_for(document: Document) -> str:
    """The font family ``document`` needs: the CJK one as soon as any of its text is Chinese, Japanese or Korean."""
    return "HandoutCJK" if any(_CJK.search(text) for text in _texts(document)) else "Handout"


def esc(text: str) -> str:
    """Pack text for reportlab's paragraph markup: shown exactly as typed, never read as a tag or entity."""
    # Not xml.sax.saxutils.escape: that module imports urllib.request (a networking module) on import.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def link(url: str) -> str:
    """An http(s) address as a link; anything else as plain text."""
    if url.lower().startswith(("http://", "https://")):
        return f'<a href="{esc(url)}" color="#0b5cad">{esc(url)}</a>'
    return esc(url)


def styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles of the document being laid out (in its font family)."""
    return _styles(font())


@cache
def _styles(face: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=face, fontSize=10, leading=13.6, textColor=INK, alignment=TA_LEFT,
                          spaceAfter=5)
    made = {
        "body": base,
        "title": ParagraphStyle("title", base, fontName=face + "-Bold", fontSize=19, leading=23, spaceAfter=4),
        "subtitle": ParagraphStyle("subtitle", base, fontSize=11, leading=14, textColor=MUTED, spaceAfter=4),
        "meta": ParagraphStyle("meta", base, fontSize=8.5, leading=11.5, textColor=MUTED, spaceAfter=2),
        "lead": ParagraphStyle("lead", base, fontName=face + "-Italic", fontSize=11, leading=15, spaceBefore=4,
                               spaceAfter=8),
        "note": ParagraphStyle("note", base, fontName=face + "-Italic", fontSize=9, leading=12, textColor=MUTED),
        "small": ParagraphStyle("small", base, fontSize=8.5, leading=11, textColor=MUTED, spaceAfter=3),
        "quote": ParagraphStyle("quote", base, fontName=face + "-Italic", fontSize=8.5, leading=11,
                                textColor=MUTED, leftIndent=12, spaceAfter=5),
        "h1": ParagraphStyle("h1", base, fontName=face + "-Bold", fontSize=14, leading=18, spaceBefore=12,
                             spaceAfter=5, keepWithNext=1, textColor=ACCENT),
        "h2": ParagraphStyle("h2", base, fontName=face + "-Bold", fontSize=11.5, leading=15, spaceBefore=8,
                             spaceAfter=3, keepWithNext=1),
        "h3": ParagraphStyle("h3", base, fontName=face + "-Bold", fontSize=10.5, leading=14, spaceBefore=6,
                             spaceAfter=3, keepWithNext=1),
        "cell": ParagraphStyle("cell", base, fontSize=9, leading=11.5, spaceAfter=0),
        "head": ParagraphStyle("head", base, fontName=face + "-Bold", fontSize=9, leading=11.5, spaceAfter=0),
        "item": ParagraphStyle("item", base, leftIndent=12, bulletIndent=2, spaceAfter=3),
        "question": ParagraphStyle("question", base, fontSize=10.5, leading=14, spaceBefore=6, spaceAfter=3),
    }
    return made


def P(text: str, style: str = "body", markup: bool = False) -> RLParagraph:  # noqa: N802 - reads like platypus
    """A paragraph of plain text (escaped), or of markup built here from escaped parts."""
    return RLParagraph(text if markup else esc(text), styles()[style])


class _Heading(RLParagraph):
    """A heading paragraph that puts itself in the PDF outline on the page it lands on."""

    def __init__(self, text: str, style: str, outline: tuple[str, int, str] | None):
        super().__init__(esc(text), styles()[style])
        self.outline = outline


class _Box(Flowable):
    """An empty box to tick or to write a digit or letter in."""

    def __init__(self, size: float = 10.5, wide: float | None = None):
        super().__init__()
        self.size, self.wide = size, wide or size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.wide, self.size

    def draw(self) -> None:
        self.canv.setStrokeColor(INK)
        self.canv.setLineWidth(0.8)
        self.canv.rect(0, 0, self.wide, self.size)


class _Lines(Flowable):
    """Ruled lines to write an answer on, with an optional unit after the last one."""

    def __init__(self, count: int, unit: str = "", width: float | None = None):
        super().__init__()
        self.count, self.unit, self.fixed = count, unit, width

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = self.fixed or available_width
        return self.width, 22 * self.count

    def draw(self) -> None:
        c = self.canv
        c.setStrokeColor(RULE)
        c.setLineWidth(0.6)
        end = self.width - (c.stringWidth(self.unit, font(), 10) + 8 if self.unit else 0)
        for n in range(self.count):
            y = 22 * (self.count - n - 1) + 4
            c.line(14, y, end, y)
        if self.unit:
            c.setFont(font(), 10)
            c.setFillColor(INK)
            c.drawString(end + 6, 6, self.unit)


def _fit_text(c: Any, text: str, face: str, size: float, width: float) -> str:
    """``text`` cut to ``width`` with an ellipsis (chart labels; the full text is in the alternative below)."""
    if c.stringWidth(text, face, size) <= width:
        return text
    while text and c.stringWidth(text + "…", face, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


class _ChartDrawing(Flowable):
    """Horizontal bars on a linear axis that starts at a labelled 0; each bar is labelled with its amount and
    outlet. Pack text is drawn with drawString (no markup)."""

    LABEL = 8.0
    BAR = 10.0

    def __init__(self, chart: Chart, max_height: float):
        super().__init__()
        self.chart = chart
        rows = max(1, len(chart.bars))
        self.step = max(14.0, min(27.0, (max_height - 40) / rows))
        self.compact = self.step < 27.0
        self.height = rows * self.step + 36

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return self.width, self.height

    def draw(self) -> None:
        c, chart, face = self.canv, self.chart, font()
        left, right = 6.0, 130.0  # room after the longest bar for its amount and outlet
        axis_y = 30.0
        span = self.width - left - right
        top = chart.ticks[-1][0] if chart.ticks and chart.ticks[-1][0] > 0 else 1.0
        c.setLineWidth(0.4)
        for value, label in chart.ticks:  # grid lines and tick labels; 0 is the baseline
            x = left + span * value / top
            c.setStrokeColor(RULE if value else INK)
            c.setLineWidth(1.0 if value == 0 else 0.3)
            c.line(x, axis_y, x, self.height - 2)
            c.setFillColor(INK if value == 0 else MUTED)
            c.setFont(face + ("-Bold" if value == 0 else ""), 7.5)
            c.drawCentredString(x, axis_y - 10, label)
        c.setFont(face, 7.5)
        c.setFillColor(MUTED)
        c.drawCentredString(left + span / 2, axis_y - 22, chart.axis_title)
        for n, bar in enumerate(chart.bars):
            base = self.height - (n + 1) * self.step
            bar_h = self.BAR if not self.compact else max(5.0, self.step * 0.4)
            length = span * max(0.0, bar.value) / top
            c.setFillColor(BAR)
            c.rect(left, base, length, bar_h, stroke=0, fill=1)
            c.setFont(face + "-Bold", 8)
            amount = _fit_text(c, f"{bar.amount} · {bar.outlet}", face + "-Bold", 8, self.width - left - length - 6)
            c.setFillColor(colors.white)
            c.rect(left + length + 2, base, c.stringWidth(amount, face + "-Bold", 8) + 4, 9.5, stroke=0, fill=1)
            c.setFillColor(INK)
            c.drawString(left + length + 4, base + 1.5, amount)
            label = _fit_text(c, bar.label, face, self.LABEL, span + right - 14)
            c.setFillColor(colors.white)  # the label stays readable over the grid lines
            c.rect(left + 2, base + bar_h + 1, c.stringWidth(label, face, self.LABEL) + 4, self.LABEL + 1, stroke=0,
                   fill=1)
            c.setFillColor(INK)
            c.setFont(face, self.LABEL)
            c.drawString(left + 4, base + bar_h + 2, label)


@dataclass
class Rendered:
    path: Path | None
    pages: int


class _Canvas(rl_canvas.Canvas):
    """Holds pages back until the end, so every footer can say "page n of m"."""

    footer: Callable[[rl_canvas.Canvas, int, int], None] = staticmethod(lambda c, n, m: None)

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, 1):
            self.__dict__.update(state)
            type(self).footer(self, number, total)
            super().showPage()
        self.page_count = total
        super().save()


def _canvas_class(document: Document, width: float) -> type[_Canvas]:
    face = font()
    source = document.source.short
    language = document.language
    code = words.say(language, words.EXAM_CODE).format(code=document.code)
    header = document.title + (f" · {code}" if document.code else "")
    page_of = words.say(language, words.PAGE_OF)
    source_line = words.say(language, words.SOURCE).format(source=source)

    def footer(c: rl_canvas.Canvas, number: int, total: int) -> None:
        c.saveState()
        c.setStrokeColor(RULE)
        c.setLineWidth(0.4)
        c.line(MARGIN, 14 * mm, width - MARGIN, 14 * mm)
        c.setFont(face, 7.5)
        c.setFillColor(MUTED)
        pages = page_of.format(page=number, pages=total)
        room = width - 2 * MARGIN - c.stringWidth(pages, face, 7.5) - 12
        c.drawString(MARGIN, 10 * mm, _fit_text(c, source_line, face, 7.5, room))
        c.drawRightString(width - MARGIN, 10 * mm, pages)
        if number > 1:
            c.drawString(MARGIN, c._pagesize[1] - 11 * mm, _fit_text(c, header, face, 7.5, width - 2 * MARGIN))
        c.restoreState()

    return type("HandoutCanvas", (_Canvas,), {"footer": staticmethod(footer)})


#: Called after every flowable laid out: a long handout takes seconds, and the GUI keeps answering meanwhile.
Tick = Callable[[], None]


class _Template(BaseDocTemplate):
    tick: Tick | None = None

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - reportlab's name
        if self.tick is not None:
            self.tick()
        outline = getattr(flowable, "outline", None)
        if outline:
            title, level, key = outline
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=level, closed=False)


def _title_block(document: Document) -> list[Flowable]:
    source = document.source
    story: list[Flowable] = [P(document.title, "title")]
    if document.subtitle:
        story.append(P(document.subtitle, "subtitle"))
    where = ", ".join(esc(p) for p in (source.publisher, source.date) if p)
    line = esc(_say(words.SOURCE)).format(source=f"<i>{esc(source.title)}</i>") + (f". {where}" if where else "")
    if source.url:
        line += f". {link(source.url)}"
    story.append(P(line, "meta", markup=True))
    printed = esc(_say(words.PRINTED)).format(date=document.printed.isoformat())
    if document.code:
        printed += " · " + esc(_say(words.EXAM_CODE)).format(code=f"<b>{esc(document.code)}</b>")
    story.append(P(printed, "meta", markup=True))
    story.append(Spacer(1, 6))
    return story


def _quote(quote: Quote) -> RLParagraph:
    return P(f"“{esc(quote.text)}” — {esc(quote.attributed(_language.get()))}", "quote", markup=True)


def _figure(item: Any, quotes: bool) -> list[Flowable]:
    credit = item.credited(_language.get())
    line = P(f"<b>{esc(item.amount)}</b> — {esc(item.label)}{esc(item.year_note)}; <i>{esc(credit)}</i>",
             "item", markup=True)
    line.bulletText = "•"
    parts: list[Flowable] = [line]
    if quotes and item.quote:
        parts.append(_quote(item.citation))
    return [KeepTogether(parts)]


def _table(block: Table, width: float, loose: bool) -> list[Flowable]:
    columns = len(block.header)
    first = width * (0.26 if columns > 2 else 0.4)
    widths = [first] + [(width - first) / max(1, columns - 1)] * (columns - 1)
    data = [[P(h, "head") for h in block.header]]
    data += [[P(c, "cell") for c in row] for row in block.rows]
    table = RLTable(data, colWidths=widths, repeatRows=1, splitByRow=1, splitInRow=1 if loose else 0, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 5), ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    story: list[Flowable] = [P(block.title, "h3")] if block.title else []
    story.append(table)
    if block.source is not None:
        story.append(Spacer(1, 3))
        story.append(_quote(block.source))
    return story


def _chart(block: Chart, frame_height: float) -> list[Flowable]:
    parts: list[Flowable] = [
        P(block.title, "h3"),
        _ChartDrawing(block, frame_height - 120),
        P(block.caption, "small"),
    ]
    if block.note:
        parts.append(P(block.note, "note"))
    parts.append(P(_say(words.IN_WORDS).format(text=block.in_words(_language.get())), "small"))
    return [KeepTogether(parts)]


def _choice_rows(options: Sequence[str]) -> list[list[Any]]:
    return [[_Box(), P(f"<b>{chr(65 + n) if n < 26 else n + 1}.</b>", "cell", markup=True), P(o, "cell")]
            for n, o in enumerate(options)]


def _space(space: Any, width: float) -> list[Flowable]:
    plain = TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 3),
                        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)])
    if isinstance(space, Choices):
        table = RLTable(_choice_rows(space.options), colWidths=[18, 22, width - 46], hAlign="LEFT", style=plain)
        return [table]
    if isinstance(space, WriteIn):
        return [_Lines(space.lines, space.unit, width=min(width, 300) if space.unit else None)]
    if isinstance(space, Ordering):
        rows = [[_Box(14, 22), P(item, "cell")] for item in space.items]
        return [RLTable(rows, colWidths=[32, width - 40], hAlign="LEFT", style=plain)]
    if isinstance(space, Matching):
        half = (width - 44) / 2
        rows = []
        for n in range(max(len(space.left), len(space.right))):
            left = [P(f"<b>{n + 1}.</b>", "cell", markup=True), P(space.left[n], "cell"), _Box(14, 18)] \
                if n < len(space.left) else ["", "", ""]
            right = [P(f"<b>{chr(65 + n) if n < 26 else n + 1}.</b>", "cell", markup=True), P(space.right[n], "cell")] \
                if n < len(space.right) else ["", ""]
            rows.append(left + right)
        return [RLTable(rows, colWidths=[24, half - 38, 30, 24, half], hAlign="LEFT", style=plain)]
    if isinstance(space, Grid):
        columns = len(space.categories)
        box = min(80.0, (width * 0.45) / max(1, columns))
        data = [[P(_say(words.STATEMENT), "head")] + [P(c, "head") for c in space.categories]]
        data += [[P(s, "cell")] + [_Box() for _ in space.categories] for s in space.statements]
        table = RLTable(data, colWidths=[width - box * columns - 8] + [box] * columns, repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, RULE), ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                                   ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (1, 1), (-1, -1), "CENTER")]))
        return [table]
    return []


def _question(block: QuestionItem, width: float) -> list[Flowable]:
    parts: list[Flowable] = [P(f"<b>{block.number}.</b> {esc(block.prompt)}", "question", markup=True)]
    if block.scenario:
        parts.insert(0, P(f"<b>{block.number}.</b> <i>{esc(block.scenario)}</i>", "question", markup=True))
        parts[1] = P(esc(block.prompt), "question", markup=True)
    parts.append(P(block.instruction, "small"))
    parts += _space(block.space, width)
    parts.append(Spacer(1, 6))
    return [KeepTogether(parts)]


def _key(block: KeyItem) -> list[Flowable]:
    parts: list[Flowable] = [P(f"<b>{block.number}.</b> {esc(block.prompt)}", "question", markup=True)]
    for line in block.answer:
        parts.append(P(f"<b>{esc(line)}</b>", "item", markup=True))
    if block.explanation:
        parts.append(P(block.explanation, "body"))
    parts += [_quote(q) for q in block.quotes]
    return [KeepTogether(parts)]


def _bind_headings(flow: list[Flowable]) -> list[Flowable]:
    """Headings (keepWithNext) joined to the group after them: platypus keeps a heading with the next
    flowable, but not when that flowable is itself a KeepTogether (a list, a figure, a glossary entry)."""
    bound: list[Flowable] = []
    for flowable in reversed(flow):
        if bound and isinstance(bound[0], KeepTogether) and flowable.getKeepWithNext():
            bound[0] = KeepTogether([flowable, *bound[0]._content])
        else:
            bound.insert(0, flowable)
    return bound


def story(document: Document, width: float, frame_height: float, loose: bool = False) -> list[Flowable]:
    """The flowables of ``document``; ``loose``: let a table row taller than a page split (nothing else fits)."""
    flow: list[Flowable] = _title_block(document)
    outline_level = -1
    for n, block in enumerate(document.blocks):
        if isinstance(block, Heading):
            outline = None
            if block.level <= 2:
                outline_level = min(block.level - 1, outline_level + 1)
                outline = (block.text, outline_level, f"h{n}")
                flow.append(CondPageBreak(80))  # a heading never sits at the foot of a page
            flow.append(_Heading(block.text, f"h{min(3, block.level)}", outline))
        elif isinstance(block, Paragraph):
            flow.append(P(block.text, block.style if block.style in styles() else "body"))
        elif isinstance(block, Quote):
            flow.append(_quote(block))
        elif isinstance(block, FigureList):
            if block.title:
                flow.append(P(block.title, "h3"))
            for item in block.items:
                flow += _figure(item, block.quotes)
        elif isinstance(block, Table):
            flow += _table(block, width, loose)
        elif isinstance(block, ItemList):
            if block.title:
                flow.append(P(block.title, "h3"))
            entries = []
            for entry in block.items:
                text = f"<b>{esc(entry.name)}</b>" + (f": {esc(entry.detail)}" if entry.detail else "")
                entries.append(RLParagraph(text, styles()["item"], bulletText="•"))
            flow.append(KeepTogether(entries))  # a list of at most 20 items; longer than a page, it splits
        elif isinstance(block, Definitions):
            for term, definition in block.items:
                flow.append(KeepTogether([P(f"<b>{esc(term)}</b>", "body", markup=True),
                                          P(definition, "item")]))
        elif isinstance(block, Timeline):
            for point in block.points:
                mark = (f" <b>— {esc(_say(words.NEXT_CHECKPOINT))}</b>" if point.next
                        else f" {esc(_say(words.HAS_HAPPENED))}" if point.happened
                        else f" {esc(_say(words.DATE_PASSED))}" if point.passed else "")
                flow.append(RLParagraph(f"<b>{esc(point.when)}</b>: {esc(point.label)}{mark}", styles()["item"],
                                        bulletText="•"))
        elif isinstance(block, Chart):
            flow += _chart(block, frame_height)
        elif isinstance(block, QuestionItem):
            flow += _question(block, width)
        elif isinstance(block, KeyItem):
            flow += _key(block)
        elif isinstance(block, PageBreak):
            flow.append(RLPageBreak())
    return _bind_headings(flow)


def render_pdf(document: Document, target: str | Path | io.BytesIO, paper: str = "a4",
               tick: Tick | None = None) -> int:
    """Write ``document`` as a PDF on ``paper`` ("a4" or "letter"); the number of pages.
    ``tick()`` is called after every part laid out (hundreds of times for a long briefing)."""
    size = PAPERS[paper]
    author = document.source.publisher

    def build(loose: bool, out: str | io.BytesIO) -> int:
        template = _Template(out, pagesize=size, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                             bottomMargin=20 * mm, title=document.title, author=author,
                             subject=f"{document.subtitle or document.kind} — {document.source.title}",
                             creator="Briefing Quiz")
        frame = Frame(template.leftMargin, template.bottomMargin, template.width, template.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        template.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        template.tick = tick
        canvas_class = _canvas_class(document, size[0])
        made: list[_Canvas] = []

        def maker(*args: Any, **kwargs: Any) -> _Canvas:
            made.append(canvas_class(*args, **kwargs))
            return made[-1]

        template.build(story(document, template.width, template.height, loose), canvasmaker=maker)
        return int(getattr(made[-1], "page_count", 0)) if made else 0

    out: str | io.BytesIO = target if isinstance(target, io.BytesIO) else str(target)
    face = _face.set(face_for(document))
    language = _language.set(document.language)
    try:
        return build(False, out)
    except LayoutError:  # a table row taller than a whole page: split it rather than fail
        if isinstance(out, io.BytesIO):
            out.seek(0)
            out.truncate()
        return build(True, out)
    finally:
        _language.reset(language)
        _face.reset(face)


def pages(document: Document, paper: str = "a4", tick: Tick | None = None) -> int:
    """How many pages ``document`` takes on ``paper`` (laid out in memory)."""
    return render_pdf(document, io.BytesIO(), paper, tick)
