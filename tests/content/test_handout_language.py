"""A handout's own words are in the pack's language (issue #15 point 5).

The briefing, the one-page brief and the paper quiz frame the pack's text with words of ours:
"Source:", "Printed …", "page 2 of 3", "Figures in this section", "reported by …", a chart's
note and its description in words, answer-space headers. A Japanese pack's handout printed all
of them in English; they now come from i18n/ja/questions.ts (content.handout.words), in every
format (PDF, Word, Markdown). An English pack's handouts read exactly as before.
"""

from __future__ import annotations

import re
from datetime import date

import docx
import pytest
from pypdf import PdfReader

from content.handout import brief as brief_model
from content.handout import briefing as briefing_model
from content.handout.docx_file import write_docx
from content.handout.markdown import to_markdown
from content.handout.model import Chart, Document
from content.handout.pdf import pages, render_pdf
from content.loader import load_pack
from quiz.exam_code import ExamSpec
from quiz.paper import key, select, sheet
from tests_support import DATA

PRINTED = date(2026, 11, 25)
#: An English word: a word of ours left untranslated (the Japanese pack's own text has none).
ENGLISH = re.compile(r"[A-Za-z]{2,}")


@pytest.fixture(scope="module")
def japanese():
    return load_pack(DATA / "japanese_pack")


@pytest.fixture(scope="module")
def documents(japanese) -> dict[str, Document]:
    quiz = select(japanese, ExamSpec(7, 20, 0))
    return {"briefing": briefing_model.build_briefing(japanese, PRINTED),
            "brief": brief_model.fit(brief_model.build_brief(japanese, PRINTED), pages)[0],
            "sheet": sheet(quiz, PRINTED), "key": key(quiz, PRINTED)}


def _pack_words(document: Document) -> list[str]:
    """What the pack itself writes in Latin letters: the exam code (its amounts are stated in Japanese too:
    29兆円超, where the model's display says "more than 29兆円")."""
    return [document.code] if document.code else []


def _english_left(text: str, document: Document) -> list[str]:
    text = re.sub(r"\s+", "", text)  # a PDF line may break inside an amount
    for words in _pack_words(document):
        text = text.replace(re.sub(r"\s+", "", words), "")
    return ENGLISH.findall(text)


@pytest.mark.parametrize("kind", ["briefing", "brief", "sheet", "key"])
def test_a_japanese_pack_s_pdf_has_no_english_words_of_ours(tmp_path, documents, kind):
    document = documents[kind]
    path = tmp_path / f"{kind}.pdf"
    render_pdf(document, path, "a4")
    texts = [page.extract_text() for page in PdfReader(str(path)).pages]
    for number, text in enumerate(texts, 1):
        assert _english_left(text, document) == [], (kind, number)  # "Source:", "page 1 of 3" before
        assert f"{number}/{len(texts)}ページ" in re.sub(r"\s+", "", text)  # the footer counts in Japanese
        assert "出典:" in text
    assert "印刷日:" in texts[0]


def test_the_japanese_briefing_says_its_own_words_in_japanese(tmp_path, documents):
    path = tmp_path / "briefing.pdf"
    render_pdf(documents["briefing"], path, "a4")
    text = re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(str(path)).pages))
    for words in ("ブリーフィング", "この節の数値", "東都経済新聞の報道", "グラフの内容:横棒グラフ、目盛は0から始まる",
                  "等間隔", "つのグラフに分けています", "タイムライン", "用語集", "出典記事:", "29兆円超"):
        assert words in text, words


@pytest.mark.parametrize("kind", ["briefing", "brief", "sheet", "key"])
def test_a_japanese_pack_s_word_and_markdown_files_have_no_english_words_of_ours(tmp_path, documents, kind):
    document = documents[kind]
    markdown = to_markdown(document).replace("\\", "")
    assert _english_left(markdown, document) == [], kind
    path = write_docx(document, tmp_path / f"{kind}.docx")
    word = docx.Document(str(path))
    texts = [p.text for p in word.paragraphs] + [c.text for t in word.tables for r in t.rows for c in r.cells]
    footer = word.sections[0].footer.paragraphs[0]
    assert footer.text.startswith("出典: ") and footer.text.endswith("ページ")  # "Source: … · page 1 of 1" before
    assert _english_left(" ".join([*texts, footer.text]), document) == [], kind


def test_an_english_pack_s_handouts_keep_their_english_words(tmp_path, bundled_pack):
    document = briefing_model.build_briefing(bundled_pack, PRINTED)
    markdown = to_markdown(document)
    assert "Source: *" in markdown and "Printed 2026-11-25" in markdown
    assert "**Figures in this section**" in markdown and "; *reported by " in markdown
    assert "(chart, linear scale from " in markdown and "| Amount | What | Reported by |" in markdown
    charts = [b for b in document.blocks if isinstance(b, Chart)]
    assert charts[0].in_words("") == charts[0].alt_text and charts[0].alt_text.startswith("Bar chart, linear scale")
    assert document.subtitle == "Briefing" and document.headings()[-3:] == ["Timeline", "Glossary", "Sources"]
    path = tmp_path / "briefing.pdf"
    render_pdf(document, path, "a4")
    reader = PdfReader(str(path))
    assert re.sub(r"\s+", " ", reader.pages[0].extract_text()).rstrip().endswith(f"page 1 of {len(reader.pages)}")


def test_what_a_japanese_brief_leaves_out_is_named_in_japanese(japanese):
    """When the brief must shrink, the export names the parts it left out: "the summary", "the figure …",
    "what to watch" were English words in a Japanese user's message."""
    document = brief_model.build_brief(japanese, PRINTED)
    fitted, dropped = brief_model.fit(document, lambda d: 1 if len(d.blocks) <= 2 else 2)  # room for almost nothing
    assert "要約" in dropped and "今後の注目点" in dropped
    assert any(name.startswith("数値 29兆円超（") for name in dropped)
    assert fitted.notes == (f"1 ページに収めるため省略: {'、'.join(dropped)}。",)
    assert [name for name in dropped if ENGLISH.search(name)] == []
