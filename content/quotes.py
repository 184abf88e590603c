"""Where a quote stops matching its source: the first differing character, named.

A quote copied from a web page often differs from the article by one
character a person cannot see: a curly apostrophe (’) for a straight one ('),
a non-breaking space, an en dash for a hyphen. "Does not occur verbatim"
followed by the whole 30-word quote leaves the author comparing the two by
eye. :func:`difference` finds the longest start of the quote that the source
holds, and says which character follows it in each, with Unicode names and a
short excerpt, so the message points at the one character to fix.

Whitespace is compared the way the validator compares it (runs of spaces and
line breaks count as one space), and positions are given in the quote as the
author wrote it (1-based), so they can be found in the file.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

#: A shared start (or end) shorter than this is chance, not the place the quote departs.
MIN_ANCHOR = 8
EXCERPT = 12  # characters shown either side of the difference


@dataclass(frozen=True)
class QuoteDifference:
    """The first place a quote departs from the source.

    ``index`` is the 0-based position in the quote as written (its raw text),
    ``found`` the quote's character there ('' when the quote ends early),
    ``expected`` the source's character there ('' when the source ends).
    """

    index: int
    found: str
    expected: str
    quote_excerpt: str
    source_excerpt: str

    @property
    def position(self) -> int:
        return self.index + 1

    def message(self) -> str:
        found = char_name(self.found) if self.found else "the end of the quote"
        expected = char_name(self.expected) if self.expected else "nothing"
        return (f"differs from the article at character {self.position:,}: {found} where the article has "
                f"{expected} (quote: {self.quote_excerpt} / article: {self.source_excerpt})")


def char_name(char: str) -> str:
    """``’ (U+2019 RIGHT SINGLE QUOTATION MARK)``; invisible characters are named, not shown."""
    name = unicodedata.name(char, "") or {"\n": "LINE FEED", "\t": "CHARACTER TABULATION"}.get(char, "unnamed")
    shown = char if char.isprintable() and not char.isspace() else ""
    return f"{shown} (U+{ord(char):04X} {name})".lstrip()


def _normalised(text: str) -> tuple[str, list[int]]:
    """``text`` with whitespace runs as one space (trimmed), and each kept character's raw index."""
    out: list[str] = []
    where: list[int] = []
    pending = False
    for i, char in enumerate(text):
        if char.isspace():
            pending = bool(out)
            continue
        if pending:
            out.append(" ")
            where.append(i - 1)
            pending = False
        out.append(char)
        where.append(i)
    return "".join(out), where


def _longest_prefix(quote: str, source: str) -> int:
    """Length of the longest start of ``quote`` that occurs in ``source`` (prefixes nest: bisect)."""
    low, high = 0, len(quote)
    while low < high:
        mid = (low + high + 1) // 2
        if quote[:mid] in source:
            low = mid
        else:
            high = mid - 1
    return low


def _longest_suffix(quote: str, source: str) -> int:
    low, high = 0, len(quote)
    while low < high:
        mid = (low + high + 1) // 2
        if quote[len(quote) - mid:] in source:
            low = mid
        else:
            high = mid - 1
    return low


def _clean(text: str) -> str:
    return "".join(c if c.isprintable() else " " for c in text)


def difference(quote: str, source: str, normalised_source: str | None = None) -> QuoteDifference | None:
    """Where ``quote`` first departs from ``source``; None if it occurs there or nothing of it does.

    ``normalised_source`` (the source with whitespace runs collapsed) may be
    passed to spare recomputing it for many quotes.
    """
    text, where = _normalised(quote)
    haystack = normalised_source if normalised_source is not None else " ".join(source.split())
    if not text or text in haystack:
        return None
    start = _longest_prefix(text, haystack)
    end = _longest_suffix(text, haystack)
    if max(start, end) < MIN_ANCHOR and start < len(text) - 1:
        return None  # nothing of it is in the source: no one place to point at
    if start >= 2 * MIN_ANCHOR or start >= end:  # a long shared start anchors the comparison
        at = haystack.find(text[:start])
        q_index, s_index = start, at + start
    else:  # the quote starts differently, or its start also occurs elsewhere: anchor on its end
        at = haystack.find(text[len(text) - end:])
        q_index, s_index = len(text) - end - 1, at - 1
    found = text[q_index] if q_index < len(text) else ""
    expected = haystack[s_index] if 0 <= s_index < len(haystack) else ""
    raw_index = where[q_index] if q_index < len(where) else len(quote.rstrip())
    return QuoteDifference(raw_index, found, expected, _excerpt(text, q_index), _excerpt(haystack, s_index))


def _excerpt(text: str, index: int) -> str:
    """A few characters either side of ``index``, the one at ``index`` in brackets."""
    if not 0 <= index <= len(text):
        return ""
    begin, end = max(0, index - EXCERPT), min(len(text), index + EXCERPT + 1)
    return ("…" if begin else "") + _clean(text[begin:index]) + "[" + _clean(text[index:index + 1]) + "]" + \
        _clean(text[index + 1:end]) + ("…" if end < len(text) else "")
