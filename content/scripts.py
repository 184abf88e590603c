"""Which writing systems put no spaces between words, and how to find their words anyway.

Japanese and Chinese write a sentence without spaces, so "a word" cannot be
found by spaces or ``\\b``: 政府は補正予算を決めた is one ``\\w+`` run. Where the app
looks for a name in a sentence (fill-in blanks, "does the stem give the answer
away?") it treats text in these scripts by characters instead: a name written
in them may stand anywhere, and two texts share a word when they share a pair
of characters (a character bigram) of kanji or katakana; hiragana are mostly
particles and endings (は, を, した), so they start no shared word. Latin,
Cyrillic, Arabic… keep their word boundaries exactly as before.

Thai, Lao, Khmer and Myanmar also write without spaces but need a dictionary to
be split; they are left to their word boundaries (no segmenter is bundled).
"""

from __future__ import annotations

import re

HAN = "\u3005-\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
HIRAGANA = "\u3041-\u309f"
KATAKANA = "\u30a0-\u30fa\u30fc-\u30ff\u31f0-\u31ff\uff66-\uff9f"  # not the middle dot ・ (a separator)
#: Every character of a script written without spaces (as a regex character class body).
NO_SPACES = HAN + HIRAGANA + KATAKANA

_NO_SPACES = re.compile(f"[{NO_SPACES}]")
#: Runs that carry meaning for bigrams: kanji and katakana (hiragana split them).
_MEANING_RUN = re.compile(f"[{HAN}{KATAKANA}]+")


def is_cjk(text: str) -> bool:
    """True when ``text`` holds kana or CJK ideographs (written without spaces between words)."""
    return _NO_SPACES.search(text) is not None


def starts_unspaced(char: str) -> bool:
    """True when ``char`` belongs to a script written without spaces (a name ending in it needs no boundary)."""
    return bool(char) and _NO_SPACES.match(char) is not None


def bigrams(text: str) -> set[str]:
    """Pairs of neighbouring kanji/katakana of ``text`` (補正予算 → 補正, 正予, 予算): its words, as far as
    a text without spaces can be split without a dictionary."""
    found: set[str] = set()
    for run in _MEANING_RUN.findall(text):
        found.update(run[i:i + 2] for i in range(len(run) - 1))
    return found
