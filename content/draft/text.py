"""Sentences, headings, clauses and ids: the small text tools every extractor shares.

Everything here returns pieces of the article's own text (never reworded), so
a drafted quote or label is always something the article says. Patterns are
written without nested repetition, so a hostile article cannot make them
backtrack for ever.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

#: Words before a full stop that do not end a sentence.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st inc ltd co corp jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e vs no "
    "gov sen rep gen col lt sgt jr sr dept est fig approx u.s u.k u.n e.u".split())
_BOUNDARY = re.compile(r"[.!?…][\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9$€£¥])")
_WORD = re.compile(r"[A-Za-z][\w’'&.-]*")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")


@dataclass(frozen=True)
class Sentence:
    """One sentence of a paragraph: its text (verbatim), its paragraph and where it starts in the paragraph."""

    text: str
    paragraph: int
    start: int


def one_line(text: str) -> str:
    """Whitespace runs as single spaces: how quotes and one-line fields are written."""
    return " ".join(text.split())


def sentences(paragraph: str, index: int = 0) -> list[Sentence]:
    """The sentences of ``paragraph`` (a heading or bullet is one sentence)."""
    found: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        before = paragraph[start:match.start() + 1]
        last = before.split()[-1].rstrip(".").lower() if before.split() else ""
        if last in ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
            continue
        end = match.end()
        piece = paragraph[start:end].strip()
        if piece:
            found.append(Sentence(piece, index, start))
        start = end
    rest = paragraph[start:].strip()
    if rest:
        found.append(Sentence(rest, index, start))
    return found


def is_heading(paragraph: str) -> bool:
    """A short single line that ends no sentence (or asks a question): a title or a subheading."""
    text = paragraph.strip()
    if "\n" in text or not text or text[0] in "•*-–·":
        return False
    words = text.split()
    if len(words) > 16:
        return False
    if text.endswith("?"):
        return len(sentences(text)) == 1
    if text.endswith(":") and len(words) > 8:
        return False  # a sentence introducing a list or table
    return not re.search(r"[.,;!…\"”’)]$", text) and text[0].isupper()


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def slug(text: str, limit: int = 40) -> str:
    """An id made of the text's words: lower-case ASCII letters, digits and '-'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    parts = re.findall(r"[a-z0-9]+", ascii_text)
    out = ""
    for part in parts:
        candidate = f"{out}-{part}" if out else part
        if len(candidate) > limit:
            break
        out = candidate
    return out or "item"


class Ids:
    """Unique ids across one pack: ``figure-ai-plan``, then ``figure-ai-plan-2``."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def make(self, prefix: str, text: str) -> str:
        base = f"{prefix}-{slug(text, 64 - len(prefix) - 5)}" if prefix else slug(text, 59)
        ident, n = base, 2
        while ident in self.used:
            ident, n = f"{base}-{n}", n + 1
        self.used.add(ident)
        return ident


def clause_around(sentence: str, start: int, end: int, max_words: int = 14) -> tuple[int, int]:
    """The span of the clause of ``sentence`` holding ``start:end``: from the last ',', ';', ':' or
    dash before it to the first after it, trimmed to ``max_words`` words either way."""
    left = max(sentence.rfind(mark, 0, start) for mark in (", ", "; ", ": ", " — ", " – ", " - ", "“", "\""))
    left = 0 if left < 0 else left + 1
    rights = [i for i in (sentence.find(mark, end) for mark in (",", ";", ":", " — ", " – ", ". ", "”"))
              if i >= 0]
    right = min(rights) if rights else len(sentence)
    if sentence[right - 1:right] == "." and right == len(sentence):
        right -= 1
    before = sentence[left:start].split()
    if len(before) > max_words:
        left = start - len(" ".join(before[-max_words:])) - 1
    after = sentence[end:right].split()
    if len(after) > max_words:
        right = end + 1 + len(" ".join(after[:max_words]))
    return left, right


def trim_words(text: str, drop: frozenset[str]) -> str:
    """``text`` without leading and trailing words in ``drop`` (articles, prepositions, verbs of linking)."""
    parts = text.split()
    while parts and parts[0].lower().strip(",;:") in drop:
        parts.pop(0)
    while parts and parts[-1].lower().strip(",;:") in drop:
        parts.pop()
    return " ".join(parts).strip(" ,;:—–-")
