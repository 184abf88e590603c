"""Characters pack text may not contain, and the length of each kind of text.

Invisible characters let a pack look like another one ("Sanae\\u200bnomics"
is not "Sanaenomics") and bidirectional overrides make text display in an
order other than the one it is stored in. Neither is ever needed in the short
one-line fields (titles, labels, names, units), so there every Unicode format
character (category Cf) is refused, with control characters and line breaks.
Long fields (bodies, quotes, definitions…) may hold right-to-left scripts and
emoji, which need the joiners and directional marks (ZWJ, ZWNJ, LRM, RLM), so
only the characters no text needs are refused there: control characters other
than tab and line breaks, bidirectional embeddings, overrides and isolates,
zero-width spaces and joiners that are not letters' joiners, and byte-order marks.
"""

from __future__ import annotations

import re

from content.limits import MAX_LONG_TEXT_CHARS, MAX_SHORT_TEXT_CHARS

# Unicode category Cf (format characters), Unicode 15; tests compare it with unicodedata.
_FORMAT = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
_CONTROL = "\x00-\x1f\x7f-\x9f"
_LINE_SEPARATORS = "\u2028\u2029"
_SHORT_FORBIDDEN = re.compile(f"[{_CONTROL}{_FORMAT}{_LINE_SEPARATORS}]")
_LONG_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # controls but tab, line feed, carriage return
    "\u202a-\u202e\u2066-\u2069"  # bidi embeddings, overrides, isolates
    "\u200b\u2060-\u2064\ufeff\u180e\u206a-\u206f\ufff9-\ufffb"  # zero-width space, word joiner, BOM, deprecated
    "\U000e0001\U000e0020-\U000e007f]"  # tag characters
)


def describe(char: str) -> str:
    """``U+200B`` and, when Python knows it, the character's name."""
    import unicodedata

    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")


def text_problem(value: str, *, long: bool = False) -> str | None:
    """Why ``value`` cannot be pack text of this kind, or None when it can."""
    limit = MAX_LONG_TEXT_CHARS if long else MAX_SHORT_TEXT_CHARS
    if len(value) > limit:
        kind = "long text" if long else "one-line text"
        return f"is {len(value):,} characters long; {kind} may have at most {limit:,}"
    bad = (_LONG_FORBIDDEN if long else _SHORT_FORBIDDEN).search(value)
    if bad:
        what = "control, invisible and text-direction override characters" if long else \
            "control, invisible, text-direction and line-break characters"
        return f"contains {describe(bad.group())} at position {bad.start() + 1}; {what} are not allowed here"
    return None
