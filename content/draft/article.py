"""Reading an article file (.txt, a saved .html page, .pdf) into plain text and its source details.

The article is untrusted input, like a pack: it is read only if it is a
regular file (a FIFO would block for ever), at most :data:`MAX_ARTICLE_BYTES`
of it, and never over the network. A web page's article text is taken out of
its navigation, adverts and scripts by trafilatura (given the page's bytes and
no address, so it fetches nothing; lxml's HTML parser loads no external
entities or DTDs). A PDF is read with pypdf; an encrypted or image-only PDF,
an empty page or a file that is not what its name says gives
:class:`ArticleError` with a message saying what to do instead.
"""

from __future__ import annotations

import io
import os
import re
import stat
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from content.limits import MAX_SOURCE_FILE_BYTES

#: Larger files are refused before they are read: a saved page with its inline images, or a long PDF report.
MAX_ARTICLE_BYTES = 32 * 1024 * 1024
#: The article's text (what becomes the pack's source file): about 150,000 words, far more than one article.
MAX_ARTICLE_CHARS = 1_000_000
#: Fewer words than this are a page's leftovers (a menu, a cookie notice), not an article.
MIN_ARTICLE_WORDS = 20
#: Pages of a PDF read at most.
MAX_PDF_PAGES = 300
SUFFIXES = {".txt": "text", ".text": "text", ".md": "text", ".html": "html", ".htm": "html", ".xhtml": "html",
            ".pdf": "pdf"}
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


class ArticleError(Exception):
    """The article cannot be drafted from; the message says why, for the person who chose it."""


@dataclass
class Article:
    """An article's text and what the file says about where it comes from."""

    name: str  # the file's name, for messages
    kind: str  # "text" | "html" | "pdf"
    text: str  # the article's text: the pack's source file, and what every quote is taken from
    paragraphs: list[str] = field(default_factory=list)  # each a verbatim part of ``text``
    title: str = ""
    publisher: str = ""
    date: str = ""  # YYYY-MM-DD
    url: str = ""
    language: str = ""


def read_article(path: str | Path, checkpoint: Callable[[], None] | None = None) -> Article:
    """The article in ``path``; raises :class:`ArticleError` when it cannot be read as one."""
    path = Path(path)
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise ArticleError(f"{path.name}: not an article file this app reads (choose a .txt, .html, .htm or "
                           ".pdf file)")
    data = _read_bytes(path)
    (checkpoint or (lambda: None))()
    try:
        if kind == "pdf":
            article = _from_pdf(path.name, data)
        elif kind == "html":
            article = _from_html(path.name, data)
        else:
            article = _from_text(path.name, data)
    except ArticleError:
        raise
    except MemoryError:
        raise ArticleError(f"{path.name}: too large to read into memory") from None
    except RecursionError:
        raise ArticleError(f"{path.name}: nested too deeply to read") from None
    article.text = clean(article.text)
    article.paragraphs = [p for p in (clean(p).strip() for p in article.paragraphs) if p]
    if len(article.text.split()) < MIN_ARTICLE_WORDS or not article.paragraphs:
        raise ArticleError(f"{path.name}: no article text found" + (
            " (the page holds no readable article: save the article's own page, or copy its text into a "
            ".txt file)" if kind == "html" else ""))
    if len(article.text) > MAX_ARTICLE_CHARS:
        raise ArticleError(f"{path.name}: the article's text is {len(article.text):,} characters; a briefing is "
                           f"drafted from one article of at most {MAX_ARTICLE_CHARS:,}")
    if len(article.text.encode("utf-8")) > MAX_SOURCE_FILE_BYTES:  # pragma: no cover - MAX_ARTICLE_CHARS is lower
        raise ArticleError(f"{path.name}: the article's text is larger than a pack's source file may be")
    return article


def _read_bytes(path: Path) -> bytes:
    """The file's bytes: a regular file only (opened without blocking, checked on the open file), size-limited."""
    try:
        fd = os.open(path, _READ_FLAGS)
    except OSError as exc:
        raise ArticleError(f"{path.name}: cannot be opened: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ArticleError(f"{path.name}: not a regular file")
        if info.st_size > MAX_ARTICLE_BYTES:
            raise ArticleError(f"{path.name}: {info.st_size:,} bytes; an article file may be at most "
                               f"{MAX_ARTICLE_BYTES // (1024 * 1024)} MiB")
        chunks, size = [], 0
        while size <= MAX_ARTICLE_BYTES:
            chunk = os.read(fd, min(1 << 20, MAX_ARTICLE_BYTES + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > MAX_ARTICLE_BYTES:
            raise ArticleError(f"{path.name}: grew past {MAX_ARTICLE_BYTES // (1024 * 1024)} MiB while being read")
        return b"".join(chunks)
    except OSError as exc:
        raise ArticleError(f"{path.name}: cannot be read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def clean(text: str) -> str:
    """``text`` without the invisible and control characters pack text may not hold (line breaks and tabs stay).

    The cleaned text is what the pack's source file holds, so quotes taken from it stay verbatim.
    """
    if text.isascii():
        return "".join(c for c in text if c >= " " or c in "\n\t") if not text.isprintable() else text
    return "".join(c for c in text if c in "\n\t" or (unicodedata.category(c) not in ("Cc", "Cf", "Co", "Cs")
                                                       and c not in "\u2028\u2029"))


# -- plain text ---------------------------------------------------------------------------------------
def decode_text(name: str, data: bytes) -> str:
    """UTF-8 (a byte-order mark is dropped), else Windows-1252; binary junk is refused."""
    if b"\0" in data[:65536]:
        raise ArticleError(f"{name}: not a text file (it holds binary data)")
    try:
        text = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise ArticleError(f"{name}: not a text file this app can read (save it as UTF-8)") from None
    controls = sum(1 for c in text[:65536] if ord(c) < 32 and c not in "\t\n\r\f")
    if controls > 16:
        raise ArticleError(f"{name}: not a text file (it holds control characters)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def text_paragraphs(text: str) -> list[str]:
    """Blocks between blank lines; a file without blank lines has one paragraph per line."""
    blocks = [b.strip("\n") for b in re.split(r"\n[ \t\f]*\n", text)]
    blocks = [b for b in blocks if b.strip()]
    if len(blocks) <= 1 and text.count("\n") > 2:
        blocks = [line for line in text.split("\n") if line.strip()]
    return [b.strip() for b in blocks]


def _from_text(name: str, data: bytes) -> Article:
    text = decode_text(name, data)
    return Article(name, "text", text, text_paragraphs(text))


def _joined(name: str, kind: str, paragraphs: list[str], **meta: str) -> Article:
    paragraphs = [" ".join(p.split()) for p in paragraphs]
    paragraphs = [p for p in paragraphs if p]
    return Article(name, kind, "\n\n".join(paragraphs) + "\n", paragraphs, **meta)


# -- web pages ---------------------------------------------------------------------------------------
def _from_html(name: str, data: bytes) -> Article:
    if b"\0" in data[:65536]:
        raise ArticleError(f"{name}: not a web page (it holds binary data)")
    import trafilatura  # only here: the app never loads it unless a web page is drafted

    try:
        found = trafilatura.bare_extraction(data, url=None, with_metadata=True, include_comments=False,
                                            include_tables=True, include_images=False, include_links=False,
                                            deduplicate=False, output_format="python")
    except (ValueError, TypeError) as exc:
        raise ArticleError(f"{name}: cannot be read as a web page ({exc})") from None
    text = getattr(found, "text", None) if found is not None else None
    if not text:
        raise ArticleError(f"{name}: no article text found on the page (save the article's own page, or copy its "
                           "text into a .txt file)")
    date = str(getattr(found, "date", "") or "")
    return _joined(name, "html", text.split("\n"),
                   title=_one_line(getattr(found, "title", "")), publisher=_one_line(getattr(found, "sitename", "")),
                   date=date if _DATE.fullmatch(date) else "", url=_one_line(getattr(found, "url", "")),
                   language=_one_line(getattr(found, "language", "")))


# -- PDF -------------------------------------------------------------------------------------------
def _from_pdf(name: str, data: bytes) -> Article:
    if not data.lstrip()[:5] == b"%PDF-":
        raise ArticleError(f"{name}: not a PDF file")
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError, PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                opened = bool(reader.decrypt(""))
            except Exception:  # noqa: BLE001 - a missing crypto library or a broken dictionary: same answer
                opened = False
            if not opened:
                raise ArticleError(f"{name}: the PDF is encrypted (password-protected); save an unprotected copy, "
                                   "or copy its text into a .txt file")
        pages = reader.pages
        if len(pages) > MAX_PDF_PAGES:
            raise ArticleError(f"{name}: {len(pages):,} pages; an article PDF may have at most {MAX_PDF_PAGES}")
        lines: list[str] = []
        for page in pages:
            lines.extend((page.extract_text() or "").split("\n"))
            lines.append("")  # a page break ends a paragraph
        meta = reader.metadata
    except ArticleError:
        raise
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError,
            AssertionError, OSError, ZeroDivisionError) as exc:
        raise ArticleError(f"{name}: cannot be read as a PDF (it is damaged or not really a PDF: "
                           f"{type(exc).__name__})") from None
    paragraphs = pdf_paragraphs(lines)
    if not paragraphs:
        raise ArticleError(f"{name}: the PDF has no text layer (it is scanned images); run it through text "
                           "recognition (OCR) first, or copy its text into a .txt file")
    title = publisher = date = ""
    if meta is not None:
        title = _one_line(meta.title)
        publisher = _one_line(meta.author)
        created = getattr(meta, "creation_date_raw", None)
        found = re.match(r"D?:?(\d{4})(\d{2})(\d{2})", str(created or ""))
        date = f"{found[1]}-{found[2]}-{found[3]}" if found else ""
    return _joined(name, "pdf", paragraphs, title=title, publisher=publisher, date=date)


def pdf_paragraphs(lines: list[str]) -> list[str]:
    """Lines as a PDF's text layer gives them, joined back into paragraphs.

    A paragraph ends at an empty line, at a line that ends a sentence well short
    of the longest lines (the last line of a paragraph), and around a short line
    that ends no sentence (a heading).
    """
    lines = [" ".join(line.split()) for line in lines]
    width = max((len(line) for line in lines), default=0)
    paragraphs: list[str] = []
    current: list[str] = []

    def close() -> None:
        if current:
            paragraphs.append(" ".join(current))
            current.clear()

    for line in lines:
        if not line:
            close()
            continue
        short = len(line) < 0.7 * width
        heading = short and not re.search(r"[.,;:!?]$", line) and len(line.split()) <= 14
        if heading or line.startswith(("•", "- ", "* ", "– ")):
            close()
        current.append(line)
        if heading or (short and re.search(r"[.!?:][\"”’)]?$", line)):
            close()
    close()
    return paragraphs


def _one_line(value: object) -> str:
    text = " ".join(str(value or "").split())
    text = "".join(c for c in text if c.isprintable())
    return text[:300]
