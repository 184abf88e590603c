"""Handouts as a reader holds them: the briefing PDF, the one-page brief, Word and Markdown (headless, no Qt).

PDFs are read back with pypdf, Word files with python-docx and Markdown with
markdown-it, the way another program (or person) would read what we wrote.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from html.parser import HTMLParser

import pytest
from pack_edits import make_pack
from pypdf import PdfReader

from content.handout import brief as brief_model
from content.handout import briefing as briefing_model
from content.handout.docx_file import write_docx
from content.handout.markdown import esc, to_markdown
from content.handout.model import Definitions, Document, Heading, ItemList, ListEntry, Paragraph, SourceInfo, Table
from content.handout.paper import PAPERS, paper_for, territory_of
from content.handout.pdf import pages, render_pdf
from content.loader import load_pack
from tests_support import DATA

PRINTED = date(2026, 11, 25)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def page_texts(path) -> list[str]:
    return [squash(p.extract_text()) for p in PdfReader(str(path)).pages]


def outline_titles(path) -> list[str]:
    def walk(items):
        for item in items:
            if isinstance(item, list):
                yield from walk(item)
            else:
                yield item.title
    return list(walk(PdfReader(str(path)).outline))


@pytest.fixture(scope="module")
def briefing_pdf(tmp_path_factory, bundled_pack):
    path = tmp_path_factory.mktemp("handout") / "briefing.pdf"
    render_pdf(briefing_model.build_briefing(bundled_pack, PRINTED), path, "a4")
    return path


def test_the_outline_lists_every_section_in_order(briefing_pdf, bundled_pack):
    titles = outline_titles(briefing_pdf)
    sections = [s.title for s in bundled_pack.sections]
    assert [t for t in titles if t in sections] == sections
    assert {"Timeline", "Glossary", "Sources"} <= set(titles)


def test_every_page_says_page_n_of_m_and_names_the_source(briefing_pdf, bundled_pack):
    texts = page_texts(briefing_pdf)
    assert len(texts) >= 3
    for number, text in enumerate(texts, 1):
        assert f"page {number} of {len(texts)}" in text
        assert "Source: Japan’s Massive $2 Trillion" in text


def test_every_figure_is_printed_with_its_outlet_and_its_sentence(briefing_pdf, bundled_pack):
    text = " ".join(page_texts(briefing_pdf))
    for figure in bundled_pack.figures:
        outlet = bundled_pack.outlet_name(figure.outlet)
        credit = f"reported by {outlet}" if outlet else "outlet not named in the article"
        assert f"{figure.display} — {figure.label}" in text
        assert re.search(re.escape(f"{figure.display} — {figure.label}") + r"( \(\d+\))?; " + re.escape(credit), text)
        assert squash(f"“{figure.quote}” — {outlet or 'the article'}") in text


def test_nothing_about_the_app_is_printed(briefing_pdf):
    text = " ".join(page_texts(briefing_pdf))
    assert "You are reading the briefing" not in text and "Today (" not in text
    assert "Named first" not in text and "Quiz me" not in text


def test_charts_have_a_title_a_caption_naming_the_outlets_a_zero_baseline_and_words(bundled_pack):
    charts = [b for b in briefing_model.build_briefing(bundled_pack, PRINTED).blocks if b.__class__.__name__ == "Chart"]
    assert [c.title for c in charts] == ["Investment targets to 2040, as reported", "Plans announced or already used"]
    for chart in charts:
        assert chart.ticks[0] == (0.0, "$0"), "a linear axis from a labelled 0"
        assert chart.ticks[-1][0] >= max(b.value for b in chart.bars)
        for bar in chart.bars:
            assert bar.outlet in chart.caption or bar.outlet.startswith("outlet not named")
            assert bar.amount in chart.alt_text and bar.outlet in chart.alt_text


def test_bars_that_differ_too_much_for_one_linear_axis_are_split(tmp_path):
    folder = make_pack(tmp_path, ('figures = ["trees"]', 'figures = ["trees", "bushes"]'))
    text = (folder / "pack.toml").read_text(encoding="utf-8") + (
        '\n[[figures]]\nid = "bushes"\nlabel = "Bushes to plant"\namount = 3\nunit = "trees"\napproximate = false\n'
        'outlet = "widgets-weekly"\nchart_group = "plan"\ntopic = "plan"\n'
        'quote = "Widgets Weekly reports that the town plans to plant 300 trees by 2030."\n')
    (folder / "pack.toml").write_text(text, encoding="utf-8")
    (folder / "source.txt").write_text((folder / "source.txt").read_text() + " And 3 bushes.", encoding="utf-8")
    pack = load_pack(folder)
    charts = [b for b in briefing_model.build_briefing(pack).blocks if b.__class__.__name__ == "Chart"]
    assert [len(c.bars) for c in charts] == [1, 1], "300 and 3 are not drawn on one linear axis"
    assert all("(1 of 2)" in charts[0].title or "(2 of 2)" in c.title for c in charts)
    assert "compare bars within one chart only" in charts[0].caption


def _rows_whole(path, table: Table) -> None:
    texts = page_texts(path)
    for row in table.rows:
        holding = [n for n, text in enumerate(texts) if all(squash(c) in text for c in row)]
        assert holding, f"row {row[0]!r} is not found whole on any page"
        for cell in row:
            assert sum(squash(cell) in text for text in texts) == 1, f"{cell!r} is split or printed twice"


def test_no_table_row_spans_two_pages_and_the_header_is_repeated(tmp_path):
    """Push a long table across the page break at every height: rows stay whole, the header comes back."""
    header = ("Feature", "Before the change of doctrine", "After the change of doctrine")
    rows = tuple((f"Row {n} label", f"first cell of row {n} " + "with words " * 6,
                  f"second cell of row {n} " + "more words " * 7) for n in range(30))
    table = Table("A long comparison", header, rows)
    crossed = False
    for filler in (0, 5, 11):
        blocks = tuple(Paragraph("Filler paragraph. " * 40) for _ in range(filler)) + (table,)
        document = Document("briefing", "Rows", SourceInfo("An article"), PRINTED, blocks)
        path = tmp_path / f"rows-{filler}.pdf"
        render_pdf(document, path)
        _rows_whole(path, table)
        for text in page_texts(path):
            if "Row " in text:
                assert "Before the change of doctrine" in text, "the header row is repeated on every page"
        crossed |= sum("Row " in t for t in page_texts(path)) > 1
    assert crossed, "the table never crossed a page break: the test proves nothing"


def test_a_title_or_heading_is_never_left_alone_at_the_foot_of_a_page(tmp_path):
    """A list's title, a heading over the glossary and a glossary term each stay with what follows them,
    wherever the page break falls."""
    blocks_after = (ItemList("The named list", tuple(ListEntry(f"Entry {n}", "a detail") for n in range(4))),
                    Heading("The glossary", 1), Definitions((("A term", "Its definition " * 6),)))
    moved = set()
    for words in range(0, 900, 20):  # a line more each time, over half a page
        blocks = (Paragraph("Filler text. " * 280), Paragraph("more " * words + "."), *blocks_after)
        path = tmp_path / f"orphan-{words}.pdf"
        render_pdf(Document("briefing", "Orphans", SourceInfo("An article"), PRINTED, blocks), path)
        texts = page_texts(path)
        for alone, follower in (("The named list", "Entry 0"), ("The glossary", "A term"),
                                ("A term", "Its definition")):
            page = next(n for n, t in enumerate(texts) if alone in t)
            assert follower in texts[page], (words, alone)
            moved.add((alone, page))
    for alone in ("The named list", "The glossary", "A term"):
        assert len({page for title, page in moved if title == alone}) > 1, \
            f"the page break never fell near {alone!r}: the test proves nothing"


def test_the_comparison_table_of_the_bundled_briefing_has_whole_rows(briefing_pdf, bundled_pack):
    table = bundled_pack.tables[0]
    _rows_whole(briefing_pdf, Table(table.title, (table.row_header, *table.columns),
                                    tuple((r.label, *r.cells) for r in table.rows)))


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_one_page_brief_of_the_bundled_pack_is_one_page(tmp_path, bundled_pack, paper):
    document, dropped = brief_model.fit(brief_model.build_brief(bundled_pack, PRINTED), lambda d: pages(d, paper))
    path = tmp_path / "brief.pdf"
    assert render_pdf(document, path, paper) == 1
    reader = PdfReader(str(path))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == tuple(round(v) for v in PAPERS[paper])
    text = page_texts(path)[0]
    for figure in bundled_pack.figures:  # the key figures, each with its outlet
        assert f"{figure.display} —" in text
        assert bundled_pack.outlet_name(figure.outlet) or "outlet not named" in text
    for row in bundled_pack.tables[0].rows:  # the Abenomics / Sanaenomics contrast
        assert all(squash(c) in text for c in (row.label, *row.cells))
    assert "What to watch" in text and "next checkpoint" in text and "Diet" in text
    assert "Technological Sovereignty" in text, "the pillars, a line each"
    assert document.notes == ((f"Left out to fit one page: {'; '.join(dropped)}.",) if dropped else ())


def test_a_brief_too_long_for_one_page_drops_the_least_important_and_says_which(tmp_path, bundled_pack):
    from dataclasses import replace

    from content.model import ListItem, NamedList

    long_items = tuple(ListItem(f"item-{n}", f"Item {n}", "q", "A long detail that takes room. " * 4)
                       for n in range(20))
    pack = replace(bundled_pack, lists=bundled_pack.lists + (NamedList("long", "A very long list", "vision",
                                                                       long_items),))
    document, dropped = brief_model.fit(brief_model.build_brief(pack, PRINTED), pages)
    assert pages(document) == 1
    assert "the list A very long list" in dropped
    assert all(not name.startswith("the figure") for name in dropped), "key figures go last"
    assert document.notes and "A very long list" in document.notes[0]


def test_laying_out_a_handout_calls_back_on_every_page_so_a_window_can_keep_answering(tmp_path, bundled_pack):
    ticks = []
    count = render_pdf(briefing_model.build_briefing(bundled_pack, PRINTED), tmp_path / "b.pdf",
                       tick=lambda: ticks.append(1))
    assert count > 1 and len(ticks) >= 10 * count


def test_us_letter_when_asked_and_a4_by_default(tmp_path, bundled_pack):
    document = briefing_model.build_briefing(bundled_pack, PRINTED)
    for paper, size in (("letter", (612, 792)), ("a4", (595, 842))):
        path = tmp_path / f"{paper}.pdf"
        render_pdf(document, path, paper)
        for page in PdfReader(str(path)).pages:
            assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == size


def test_paper_follows_the_locale():
    assert [paper_for(territory_of(name)) for name in ("en_US.UTF-8", "fr_CA", "en-GB", "ja_JP", "de_DE@euro")] \
        == ["letter", "letter", "a4", "a4", "a4"]
    assert territory_of("C") == "" and paper_for("") == "a4"


def _cited_pack(tmp_path, *edits):
    folder = make_pack(tmp_path, ('source_title = "Trees for the town"',
                                  'source_title = "Trees for the town"\nsource_publisher = "Widgets Weekly"\n'
                                  'source_date = "2026-11-20"\nsource_url = "https://example.org/trees?a=1&b=2"'),
                       *edits)
    return load_pack(folder)


def test_the_title_block_cites_title_publisher_date_address_and_the_day_printed(tmp_path):
    pack = _cited_pack(tmp_path)
    path = tmp_path / "cited.pdf"
    render_pdf(briefing_model.build_briefing(pack, PRINTED), path)
    first = page_texts(path)[0]
    assert "Source: Trees for the town. Widgets Weekly, 2026-11-20. https://example.org/trees?a=1&b=2" in first
    assert "Printed 2026-11-25" in first
    links = [a["/A"]["/URI"] for a in (PdfReader(str(path)).pages[0].get("/Annots") or [])
             for a in [a.get_object()] if "/A" in a]
    assert links == ["https://example.org/trees?a=1&b=2"]


def test_word_file_has_headings_tables_citations_and_the_paper_asked_for(tmp_path, bundled_pack):
    import docx

    path = write_docx(briefing_model.build_briefing(bundled_pack, PRINTED), tmp_path / "b.docx", "letter")
    document = docx.Document(str(path))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    for section in bundled_pack.sections:
        assert section.title in headings
    assert {"Timeline", "Glossary", "Sources"} <= set(headings)
    table = bundled_pack.tables[0]
    grid = next(t for t in document.tables if t.rows[0].cells[0].text == table.row_header)
    assert [c.text for c in grid.rows[0].cells] == [table.row_header, *table.columns]
    assert [[c.text for c in r.cells] for r in grid.rows[1:]] == [[r.label, *r.cells] for r in table.rows]
    assert grid.rows[0]._tr.trPr.xpath("./w:tblHeader"), "the header row repeats on every page"
    assert all(r._tr.trPr.xpath("./w:cantSplit") for r in grid.rows), "no row breaks across pages"
    text = "\n".join(p.text for p in document.paragraphs)
    for figure in bundled_pack.figures:
        outlet = bundled_pack.outlet_name(figure.outlet)
        assert f"“{figure.quote}” — {outlet or 'the article'}" in text
    assert round(document.sections[0].page_width.pt) == 612
    footer = document.sections[0].footer.paragraphs[0]._p.xml
    assert "PAGE" in footer and "NUMPAGES" in footer


class _Html(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "a":
            self.links.append(dict(attrs).get("href", ""))

    def handle_data(self, data):
        self.text.append(data)


def _html(markdown: str) -> _Html:
    from markdown_it import MarkdownIt

    parser = _Html()
    parser.feed(MarkdownIt("commonmark").enable("table").enable("strikethrough").render(markdown))
    return parser


def test_markdown_has_headings_tables_and_every_figure_with_its_outlet(bundled_pack):
    markdown = to_markdown(briefing_model.build_briefing(bundled_pack, PRINTED))
    html = _html(markdown)
    text = squash(" ".join(html.text))
    assert html.tags.count("h2") >= len(bundled_pack.sections) + 3
    assert "table" in html.tags and "th" in html.tags
    for figure in bundled_pack.figures:
        outlet = bundled_pack.outlet_name(figure.outlet)
        assert re.search(re.escape(f"{figure.display} — {figure.label}") + r"( \(\d+\))?; "
                         + re.escape(f"reported by {outlet}" if outlet else "outlet not named"), text)
        assert squash(f"“{figure.quote}” — {outlet or 'the article'}") in text
    assert "s" not in html.tags and "del" not in html.tags, "~ in ~$2.3 trillion is not strikethrough"


def test_markdown_sets_a_figures_year_apart_from_its_label(bundled_pack):
    """A tester's brief read "projected shortfall(2035)": the escape trimmed the year note's space."""
    first, *rest = bundled_pack.figures
    pack = replace(bundled_pack, figures=[replace(first, label="projected shortfall", year=2035), *rest])
    markdown = to_markdown(briefing_model.build_briefing(pack, PRINTED))
    assert "projected shortfall (2035);" in markdown


HOSTILE_TEXT = "*Bold* _it_ [link](https://e.invalid) <script>x</script> &amp; | pipe ~~gone~~ `code` \\ end"


@pytest.mark.parametrize("text", [HOSTILE_TEXT, "# not a heading", "> not a quote", "- not a list", "1. not a list",
                                  "+ plus", "<b>bold</b>", "![img](https://e.invalid/x.png)"])
def test_markdown_escapes_pack_text(text):
    html = _html(esc(text))
    assert html.tags == ["p"], (text, html.tags)
    assert squash("".join(html.text)) == squash(text)


def test_hostile_pack_text_stays_literal_in_every_format(tmp_path):
    hostile = load_pack(DATA / "hostile")
    planted = _cited_pack(tmp_path, ('title = "Town trees"', f'title = "{HOSTILE_TEXT.replace(chr(92), "")}"'),
                          ('label = "Trees to plant"',
                           'label = "</para><img src=\\"x\\"/> <font color=red>Trees</font>"'))
    for pack in (hostile, planted):
        for document in (briefing_model.build_briefing(pack, PRINTED), brief_model.build_brief(pack, PRINTED)):
            path = tmp_path / f"{pack.id}-{document.kind}.pdf"
            render_pdf(document, path)
            text = " ".join(page_texts(path))
            assert squash(pack.meta.title) in text
            for figure in pack.figures:
                assert squash(figure.label) in text
            markdown = _html(to_markdown(document))
            assert not {"script", "img", "b", "i", "u", "code", "font"} & set(markdown.tags)
            assert set(markdown.links) <= {pack.meta.source_url}, "the only link is the article's address"
            assert squash(pack.meta.title) in squash(" ".join(markdown.text))
            import docx

            word = docx.Document(str(write_docx(document, tmp_path / f"{pack.id}-{document.kind}.docx")))
            assert word.paragraphs[0].text == pack.meta.title


def _fonts(path) -> set[str]:
    """The base fonts a PDF's pages use (as a viewer looks them up)."""
    names = set()
    for page in PdfReader(str(path)).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).lstrip("/"))
    return names


def test_a_japanese_pack_s_handout_is_set_in_a_japanese_font_and_its_text_reads_back(tmp_path, bundled_pack):
    """DejaVu has no kanji or kana: a Japanese pack's handout came out as rows of empty boxes."""
    pack = load_pack(DATA / "japanese_pack")
    japanese = tmp_path / "ja.pdf"
    render_pdf(briefing_model.build_briefing(pack, PRINTED), japanese, "a4")
    assert any(name.startswith("HeiseiKakuGo") for name in _fonts(japanese))
    text = "".join(page_texts(japanese))
    assert pack.meta.title.replace(" ", "") in text.replace(" ", "")  # the glyphs map back to the characters
    english = tmp_path / "en.pdf"
    render_pdf(briefing_model.build_briefing(bundled_pack, PRINTED), english, "a4")
    assert not any(name.startswith("HeiseiKakuGo") for name in _fonts(english))  # English keeps its embedded font
