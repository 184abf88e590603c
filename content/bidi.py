"""Keeping numbers and names in order when text of one direction is put into a sentence of another.

"What figure does الجزيرة give for …" or a chart caption "الاستثمار: ~$2.3 trillion — NHK"
is laid out by the Unicode bidirectional algorithm: without help, an amount put
after right-to-left text is reordered ("trillion 2.3$~") and the parts of the
sentence change places. Wrapping each inserted piece in a first-strong isolate
(FSI … PDI, U+2068 … U+2069) lays it out on its own, in its own direction, and
keeps the sentence around it in order.

The app adds isolates only at display time, to text it composes (generated
prompts, feedback, chart captions, axis titles), and only for packs with
right-to-left text, so left-to-right packs are composed exactly as before.
Quotes stay verbatim: the validator compares them with the article, and no
isolate is ever put inside one. Packs themselves still may not contain
isolates or overrides (:mod:`content.characters` refuses them): directions are
the app's job, never the pack author's.
"""

from __future__ import annotations

import re

FSI = "\u2068"  # FIRST STRONG ISOLATE: the piece takes the direction of its first letter
PDI = "\u2069"  # POP DIRECTIONAL ISOLATE
LRM = "\u200e"  # LEFT-TO-RIGHT MARK: an invisible left-to-right letter
ISOLATES = "\u2066\u2067\u2068\u2069"
#: Languages written right to left (ISO 639 codes), for packs whose ``language`` says so.
RTL_LANGUAGES = frozenset({"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku", "ps", "sd", "syr", "ug", "ur",
                           "yi"})
# Letters of the right-to-left scripts (bidi class R or AL): Hebrew, Arabic, Syriac, Thaana, NKo,
# Samaritan, Mandaic, their presentation forms, and the right-to-left blocks beyond the BMP.
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]")


def has_rtl(text: str) -> bool:
    """True when ``text`` holds a right-to-left letter (Arabic, Hebrew, …)."""
    return _RTL.search(text) is not None


def is_rtl_language(language: str) -> bool:
    """True for a right-to-left language code ("ar", "he-IL", "fa")."""
    return language.strip().lower().replace("_", "-").split("-")[0] in RTL_LANGUAGES


def isolate(text: str) -> str:
    """``text`` wrapped in FSI … PDI, so it is laid out on its own inside any sentence ("" stays "")."""
    if not text or (text.startswith(FSI) and text.endswith(PDI)):
        return text
    return f"{FSI}{text}{PDI}"


def left_to_right(text: str) -> str:
    """An English sentence of the app that starts with an isolated piece ("⁨الوظائف⁩ is …"), marked as
    left to right with an LRM in front.

    The Unicode algorithm skips isolates when it looks for a paragraph's direction, but Qt (6.10)
    does not: it would take the piece's first letter and lay the English sentence out right to left.
    """
    return LRM + text if text and text[0] in ISOLATES else text


def plain(text: str) -> str:
    """``text`` without the isolates and marks this module adds (for comparing what was shown)."""
    return text.translate({ord(c): None for c in ISOLATES + LRM})
