"""Drafting a pack from an article, for the GUI and the command line (the drafting facade).

The work is :mod:`content.draft` (Qt-free); this module gives the GUI and
``main.py draft`` one way in: draft an article, check a draft the way
``main.py check`` checks a pack (problems tied to the item and field they are
about, for the review form to show beside the field), find where a quote
departs from the article, and save a draft as a pack folder that is then
loaded (validated) exactly as ``check`` and ``import`` load it.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from content.draft import Article, ArticleError, Draft, DraftExists, DraftItem, draft_article, render_toml, write_pack
from content.draft.article import SUFFIXES
from content.draft.model import KINDS, REQUIRED_SOURCE
from content.draft.writer import PACK_FILE, keys, left_to_write
from content.loader import load_pack
from content.model import Pack
from content.quotes import QuoteDifference, difference
from content.validate import validate

__all__ = ["Article", "ArticleError", "Draft", "DraftExists", "DraftItem", "DraftProblem", "KINDS", "REQUIRED_SOURCE",
           "SUFFIXES", "QuoteDifference", "check_draft", "draft_article", "quote_difference", "save_draft",
           "draft_toml", "left_to_write"]
_KEY = re.compile(r"^(?P<record>pack\.\w+|\w+\[\d+\])(?:\.(?P<field>\w+))?")


@dataclass(frozen=True)
class DraftProblem:
    """A problem ``main.py check`` would report, with the draft item and field it is about (None: the pack)."""

    item: DraftItem | None
    field: str
    message: str


def draft_toml(draft: Draft) -> str:
    return render_toml(draft)


def check_draft(draft: Draft) -> list[DraftProblem]:
    """Every problem the pack written from ``draft`` would have, without writing anything."""
    text = render_toml(draft)
    problems = validate(tomllib.loads(text), text, PACK_FILE, draft.article.text)
    where = keys(draft)
    found = []
    for problem in problems:
        match = _KEY.match(problem.key)
        item = where.get(match["record"]) if match else None
        name = (match["field"] or "") if match else ""
        if match and match["record"].startswith("pack."):
            name = match["record"].removeprefix("pack.")
        found.append(DraftProblem(item, name, problem.message))
    return found


def quote_difference(quote: str, source: str) -> QuoteDifference | None:
    """Where ``quote`` first departs from the article (None when it occurs there, or nothing of it does)."""
    return difference(quote, source)


def save_draft(draft: Draft, folder: str | Path, *, force: bool = False,
               checkpoint: Callable[[], None] | None = None) -> Path:
    """Write the draft as a pack folder and load it back as ``check`` does; raises PackError if it has problems."""
    written = write_pack(draft, folder, force=force)
    check_pack(written)
    return written


def check_pack(folder: str | Path) -> Pack:
    return load_pack(folder)
