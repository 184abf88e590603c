"""Text from another tool, made pack text: HTML turned into plain text, then held to the pack's rules.

Moodle and Anki keep question text as HTML. The app never renders pack text
as HTML, so markup is taken out here (a ``<script>`` or ``<style>`` with what
it holds, every tag, comments), entities become the characters they stand for,
and paragraph-like tags (``<p>``, ``<br>``, ``<div>``, ``<li>``…) become line
breaks, so what a learner sees is the words, never markup or code. Text a
tool marks as plain (Moodle's ``plain_text``, GIFT's ``[plain]``) is kept as
written: ``<b>`` there is what the author typed.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from content.characters import text_problem

_BREAKS = frozenset({"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table",
                     "blockquote", "pre", "hr", "dt", "dd", "section", "article"})
_DROPPED = frozenset({"script", "style", "head", "title", "template", "object", "iframe", "svg", "math"})


class Refused(ValueError):
    """This question cannot come in; the message says why (it ends up in the import report)."""


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.images = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROPPED:
            self.hidden += 1
        elif tag in _BREAKS:
            self.parts.append("\n")
        elif tag == "img":
            self.images += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BREAKS:
            self.parts.append("\n")
        elif tag == "img":
            self.images += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BREAKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def from_html(markup: str) -> str:
    """The words of an HTML fragment, one paragraph per line, markup and scripts gone."""
    parser = _Text()
    parser.feed(markup)
    parser.close()
    return tidy("".join(parser.parts))


def has_picture(markup: str) -> bool:
    """True when the fragment shows an image (Anki's image-only cards, Moodle's drag-and-drop)."""
    parser = _Text()
    parser.feed(markup)
    parser.close()
    return parser.images > 0


def tidy(text: str) -> str:
    """Runs of blanks in a line made one space, no-break spaces plain ones, at most one blank line in a row."""
    lines = [" ".join(line.replace("\xa0", " ").split()) for line in text.replace("\r\n", "\n").split("\n")]
    joined = "\n".join(lines).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", joined)


def checked(value: str, what: str, *, long: bool = True) -> str:
    """``value`` if it may be pack text of this kind (length, characters), else :class:`Refused` saying why."""
    problem = text_problem(value, long=long)
    if problem:
        raise Refused(f"the {what} {problem}")
    return value


def shorten(text: str, limit: int = 60) -> str:
    """A question's first words, for the report."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
