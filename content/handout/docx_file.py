"""Lay a handout :class:`~content.handout.model.Document` out as a Word file (python-docx).

Editable text with the same content and citations as the PDF: headings in
Word's heading styles (so Word's navigation pane is the outline), tables whose
rows may not break across pages and whose header row repeats, a footer with
the source and "page n of m" (Word fields), A4 or US Letter. python-docx
writes text as text (XML-escaped), so pack text cannot become markup. Charts
become their title, caption and a table of their bars.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

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


def _row_flags(row: Any, header: bool = False) -> None:
    """A row that never breaks across pages; the header row repeats on every page."""
    from docx.oxml import OxmlElement

    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))
    if header:
        properties.append(OxmlElement("w:tblHeader"))


def _field(paragraph: Any, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) in ``paragraph``."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = f" {code} "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    shown = OxmlElement("w:t")
    shown.text = "1"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, instruction, separate, shown, end):
        run._r.append(element)


class _Styles:
    """Style ids looked up once: python-docx looks a style up by name on every paragraph (10 ms each)."""

    def __init__(self, doc: Any):
        self.doc = doc
        self.ids: dict[str, str] = {}

    def add(self, text: str = "", style: str | None = None) -> Any:
        paragraph = self.doc.add_paragraph(text)
        if style is not None:
            if style not in self.ids:
                self.ids[style] = self.doc.styles[style].style_id
            paragraph._p.style = self.ids[style]
        return paragraph

    def heading(self, text: str, level: int) -> Any:
        return self.add(text, "Title" if level == 0 else f"Heading {level}")


def _table(doc: Any, header: tuple[str, ...], rows: tuple[tuple[str, ...], ...]) -> Any:
    """A grid table; its cells are filled row by row (``row.cells`` rebuilds the whole grid each time)."""
    from docx.table import _Cell

    table = doc.add_table(rows=1 + len(rows), cols=len(header))
    table.style = "Table Grid"
    for n, tr in enumerate(table._tbl.tr_lst):
        cells = [_Cell(tc, table) for tc in tr.tc_lst]
        if n == 0:
            for cell, text in zip(cells, header, strict=True):
                cell.paragraphs[0].add_run(text).bold = True
        else:
            for cell, text in zip(cells, rows[n - 1], strict=False):
                cell.text = text
        _row_flags(_RowOf(tr), header=n == 0)
    return table


class _RowOf:
    """What :func:`_row_flags` needs of a row: its ``<w:tr>``."""

    def __init__(self, tr: Any):
        self._tr = tr


def _quote(doc: Any, quote: Quote, language: str) -> None:
    paragraph = doc.add_paragraph()
    paragraph.paragraph_format.left_indent = _mm(6)
    run = paragraph.add_run(f"“{quote.text}” — {quote.attributed(language)}")
    run.italic = True


def _mm(value: float) -> Any:
    from docx.shared import Mm

    return Mm(value)


def _letter(n: int) -> str:
    return chr(65 + n) if n < 26 else str(n + 1)


def write_docx(document: Document, path: str | Path, paper: str = "a4",
               tick: Callable[[], None] | None = None) -> Path:
    """Write ``document`` as a Word file; ``tick()`` after every block (a long briefing takes seconds)."""
    import docx
    from docx.shared import Pt

    path = Path(path)
    doc: Any = docx.Document()  # python-docx's hints are partial (add_page_break has none)
    styles = _Styles(doc)
    width, height = PAPERS[paper]
    section = doc.sections[0]
    section.page_width, section.page_height = Pt(width), Pt(height)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, _mm(18))
    props = doc.core_properties
    props.title = document.title[:255]
    props.subject = f"{document.subtitle or document.kind} — {document.source.title}"[:255]
    props.author = (document.source.publisher or "Briefing Quiz")[:255]
    props.comments = document.source.citation[:1000]

    language = document.language

    def say(template: str) -> str:
        return words.say(language, template)

    footer = section.footer.paragraphs[0]
    footer.add_run(say(words.SOURCE).format(source=document.source.short) + " · ")
    for piece in words.pieces(language, words.PAGE_OF):  # "page ", {page}, " of ", {pages}
        if piece in ("{page}", "{pages}"):
            _field(footer, "PAGE" if piece == "{page}" else "NUMPAGES")
        elif piece:
            footer.add_run(piece)
    for run in footer.runs:
        run.font.size = Pt(8)

    styles.heading(document.title, 0)
    if document.subtitle:
        doc.add_paragraph(document.subtitle)
    before, _, after = say(words.SOURCE).partition("{source}")
    source = doc.add_paragraph(before)
    source.add_run(document.source.title).italic = True
    if after:
        source.add_run(after)
    where = ", ".join(p for p in (document.source.publisher, document.source.date) if p)
    if where:
        source.add_run(f". {where}")
    if document.source.url:
        source.add_run(f". {document.source.url}")
    printed = doc.add_paragraph(say(words.PRINTED).format(date=document.printed.isoformat()))
    if document.code:
        before, _, after = say(words.EXAM_CODE).partition("{code}")
        printed.add_run(f" · {before}")
        printed.add_run(document.code).bold = True
        if after:
            printed.add_run(after)

    for block in document.blocks:
        if tick is not None:
            tick()
        if isinstance(block, Heading):
            styles.heading(block.text, min(block.level, 3))
        elif isinstance(block, Paragraph):
            paragraph = doc.add_paragraph()
            run = paragraph.add_run(block.text)
            run.italic = block.style in ("lead", "note")
            if block.style == "small":
                run.font.size = Pt(9)
        elif isinstance(block, Quote):
            _quote(doc, block, language)
        elif isinstance(block, FigureList):
            if block.title:
                styles.heading(block.title, 3)
            for item in block.items:
                paragraph = styles.add(style="List Bullet")
                paragraph.add_run(item.amount).bold = True
                paragraph.add_run(f" — {item.label}" + item.year_note + "; ")
                paragraph.add_run(item.credited(language)).italic = True
                paragraph.paragraph_format.keep_with_next = bool(block.quotes and item.quote)
                if block.quotes and item.quote:
                    _quote(doc, item.citation, language)
        elif isinstance(block, Table):
            if block.title:
                styles.heading(block.title, 3)
            _table(doc, block.header, block.rows)
            if block.source is not None:
                _quote(doc, block.source, language)
        elif isinstance(block, ItemList):
            if block.title:
                styles.heading(block.title, 3)
            for entry in block.items:
                paragraph = styles.add(style="List Bullet")
                paragraph.add_run(entry.name).bold = True
                if entry.detail:
                    paragraph.add_run(f": {entry.detail}")
        elif isinstance(block, Definitions):
            for term, definition in block.items:
                paragraph = doc.add_paragraph()
                paragraph.add_run(term).bold = True
                paragraph.paragraph_format.keep_with_next = True
                doc.add_paragraph(definition).paragraph_format.left_indent = _mm(6)
        elif isinstance(block, Timeline):
            for point in block.points:
                paragraph = styles.add(style="List Bullet")
                paragraph.add_run(point.when).bold = True
                paragraph.add_run(f": {point.label}")
                if point.next:
                    paragraph.add_run(f" — {say(words.NEXT_CHECKPOINT)}").bold = True
                elif point.happened:
                    paragraph.add_run(f" {say(words.HAS_HAPPENED)}")
                elif point.passed:
                    paragraph.add_run(f" {say(words.DATE_PASSED)}")
        elif isinstance(block, Chart):
            styles.heading(block.title, 3)
            doc.add_paragraph(say(words.CHART_WORD).format(zero=block.ticks[0][1], axis=block.axis_title))
            _table(doc, (say(words.AMOUNT), say(words.WHAT), say(words.REPORTED_BY_HEADER)),
                   tuple((b.amount, b.label, b.outlet) for b in block.bars))
            doc.add_paragraph(block.caption)
            if block.note:
                doc.add_paragraph().add_run(block.note).italic = True
        elif isinstance(block, QuestionItem):
            _question(doc, block, language)
        elif isinstance(block, KeyItem):
            paragraph = doc.add_paragraph()
            paragraph.add_run(f"{block.number}. ").bold = True
            paragraph.add_run(block.prompt)
            for line in block.answer:
                styles.add(style="List Bullet").add_run(line).bold = True
            if block.explanation:
                doc.add_paragraph(block.explanation)
            for quote in block.quotes:
                _quote(doc, quote, language)
        elif isinstance(block, PageBreak):
            doc.add_page_break()
    doc.save(str(path))
    return path


def _question(doc: Any, block: QuestionItem, language: str) -> None:
    paragraph = doc.add_paragraph()
    paragraph.add_run(f"{block.number}. ").bold = True
    if block.scenario:
        paragraph.add_run(block.scenario).italic = True
        paragraph = doc.add_paragraph()
    paragraph.add_run(block.prompt)
    doc.add_paragraph().add_run(block.instruction).italic = True
    space = block.space
    if isinstance(space, Choices):
        for n, option in enumerate(space.options):
            doc.add_paragraph(f"☐ {_letter(n)}. {option}")
    elif isinstance(space, WriteIn):
        for _ in range(space.lines):
            doc.add_paragraph("_" * 40 + (f" {space.unit}" if space.unit else ""))
    elif isinstance(space, Ordering):
        for item in space.items:
            doc.add_paragraph(f"[    ] {item}")
    elif isinstance(space, Matching):
        rows = tuple((f"{n + 1}. {space.left[n]}" if n < len(space.left) else "", "",
                      f"{_letter(n)}. {space.right[n]}" if n < len(space.right) else "")
                     for n in range(max(len(space.left), len(space.right))))
        _table(doc, (words.say(language, words.ITEM), words.say(language, words.LETTER),
                     words.say(language, words.ANSWER)), rows)
    elif isinstance(space, Grid):
        _table(doc, (words.say(language, words.STATEMENT), *space.categories),
               tuple((s, *([""] * len(space.categories))) for s in space.statements))
