"""Handout exports for the facade: the briefing, the one-page brief and the paper quiz, in every format.

The GUI and the command line both come here (through
:class:`~app.workspace.Workspace`), so they name files, pick the paper and
fit the brief the same way. Nothing here needs Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from content.handout import brief as brief_model
from content.handout import briefing as briefing_model
from content.handout.model import Document
from content.handout.paper import NAMES as PAPER_NAMES
from content.handout.paper import PAPERS, default_paper, paper_for, territory_of
from content.model import Pack
from quiz import paper as paper_quiz
from quiz.exam_code import MAX_COUNT
from quiz.questions import KINDS

__all__ = ["FORMATS", "HANDOUTS", "KINDS", "MAX_COUNT", "PAPERS", "PAPER_NAMES", "PaperQuizFiles", "Written",
           "default_paper", "file_name", "key_path", "paper_for", "territory_of"]

#: Handouts and what they are called in file names.
HANDOUTS = {"briefing": "briefing", "brief": "brief", "quiz-sheet": "quiz"}
#: File types a briefing or a brief can be written as, and their endings.
FORMATS = {"pdf": ".pdf", "docx": ".docx", "markdown": ".md"}
FORMAT_NAMES = {"pdf": "PDF", "docx": "Word (.docx)", "markdown": "Markdown (.md)"}


@dataclass(frozen=True)
class Written:
    """What an export wrote: the file, its pages (PDF) and what the one-page brief left out to fit."""

    path: Path
    pages: int | None = None
    dropped: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        pages = f" ({self.pages} page{'s' if self.pages != 1 else ''})" if self.pages else ""
        left = f" Left out to fit one page: {'; '.join(self.dropped)}." if self.dropped else ""
        return f"Saved {self.path}{pages}.{left}"


@dataclass(frozen=True)
class PaperQuizFiles:
    sheet: Path
    key: Path
    code: str
    questions: int
    pages: tuple[int, int] = field(default=(0, 0))
    asked: int = 0  # how many the exam code asks for: more than ``questions`` when the pack cannot give them all

    @property
    def message(self) -> str:
        return (f"Saved the question sheet {self.sheet} and the answer key {self.key}: {self.questions} questions, "
                f"exam code {self.code}.")


def file_name(pack_id: str, what: str, printed: date, suffix: str) -> str:
    """"sanaenomics-briefing-2026-11-25.pdf": the pack, the handout and the day (pack ids are safe file names)."""
    return f"{pack_id}-{HANDOUTS.get(what, what)}-{printed.isoformat()}{suffix}"


def key_path(sheet: Path) -> Path:
    """Where a question sheet's answer key goes: ``sheet.pdf`` → ``sheet-key.pdf``."""
    return sheet.with_name(f"{sheet.stem}-key{sheet.suffix or '.pdf'}")


#: Called now and then while a handout is laid out, so a window can keep answering (see content.handout.pdf).
Tick = Callable[[], None]


def document(pack: Pack, what: str, printed: date, paper: str = "a4",
             tick: Tick | None = None) -> tuple[Document, list[str]]:
    """The briefing, or the brief fitted to one page of ``paper``: (document, what the brief left out)."""
    if what == "briefing":
        return briefing_model.build_briefing(pack, printed), []
    if what == "brief":
        from content.handout.pdf import pages

        return brief_model.fit(brief_model.build_brief(pack, printed), lambda d: pages(d, paper, tick))
    raise ValueError(f"unknown handout {what!r}")


def write(doc: Document, fmt: str, path: Path, paper: str, tick: Tick | None = None) -> int | None:
    """Write ``doc`` as ``fmt``; the number of pages for a PDF."""
    if paper not in PAPERS:
        raise ValueError(f"unknown paper {paper!r} (a4 or letter)")
    if fmt == "pdf":
        from content.handout.pdf import render_pdf

        with path.open("wb"):  # a readable OSError for a folder that cannot be written, before any layout
            pass
        return render_pdf(doc, path, paper, tick)
    if fmt == "docx":
        from content.handout.docx_file import write_docx

        write_docx(doc, path, paper, tick)
        return None
    if fmt == "markdown":
        from content.handout.markdown import write_markdown

        write_markdown(doc, path)
        return None
    raise ValueError(f"unknown format {fmt!r} ({', '.join(FORMATS)})")


def export(pack: Pack, what: str, fmt: str, path: Path, paper: str, printed: date | None = None,
           tick: Tick | None = None) -> Written:
    printed = printed or date.today()
    doc, dropped = document(pack, what, printed, paper, tick)
    pages = write(doc, fmt, path, paper, tick)
    return Written(path, pages, tuple(dropped))


def export_quiz(pack: Pack, path: Path, *, code: str | None = None, count: int = paper_quiz.DEFAULT_COUNT,
                topics: tuple[str, ...] = (), kinds: tuple[str, ...] = (), paper: str = "a4",
                printed: date | None = None, tick: Tick | None = None) -> PaperQuizFiles:
    """The question sheet at ``path`` and its key beside it (``-key``), both PDF, with one exam code."""
    printed = printed or date.today()
    quiz = paper_quiz.select(pack, paper_quiz.spec_for(code, count), topics, kinds)
    target = key_path(path)
    sheet_pages = write(paper_quiz.sheet(quiz, printed), "pdf", path, paper, tick) or 0
    key_pages = write(paper_quiz.key(quiz, printed), "pdf", target, paper, tick) or 0
    return PaperQuizFiles(path, target, quiz.code, len(quiz.questions), (sheet_pages, key_pages), quiz.spec.count)
