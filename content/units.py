"""A figure's unit, split into its scale and base unit, in English, Arabic or CJK writing.

``"trillion USD"`` is 10^12 US dollars, ``"مليار دولار"`` 10^9 dollars and ``"兆円"``
10^12 yen. Charts put the figures of one group on one axis only when their base
units agree (兆円 and 億円 are both 円, so they share one axis in yen), distractors
are amounts in the same base unit, and typed answers are read in the question's
scale; all of them split a unit here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from content.numerals import LARGE_UNITS, SMALL_UNITS, unit_factor
from content.scripts import is_cjk, starts_unspaced

#: English scale words a figure's unit may start with, and the factor they stand for.
SCALES: dict[str, float] = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}
#: Arabic scale words (مليار is the Arabic billion, 10^9), singular and plural.
ARABIC_SCALES: dict[str, float] = {
    "ألف": 1e3, "آلاف": 1e3, "الف": 1e3,
    "مليون": 1e6, "ملايين": 1e6,
    "مليار": 1e9, "مليارات": 1e9, "بليون": 1e9,
    "تريليون": 1e12, "تريليونات": 1e12,
}
SCALE_WORDS: dict[str, float] = {**SCALES, **ARABIC_SCALES}

#: Currency words and signs, in the languages of the packs, and the code they stand for.
CURRENCIES = {
    "$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD",
    "¥": "JPY", "円": "JPY", "yen": "JPY", "jpy": "JPY",
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR",
    "£": "GBP", "gbp": "GBP", "pound": "GBP", "pounds": "GBP",
    "yuan": "CNY", "rmb": "CNY", "cny": "CNY", "renminbi": "CNY",
    "₩": "KRW", "won": "KRW", "krw": "KRW", "₹": "INR", "rupee": "INR", "rupees": "INR", "inr": "INR",
    # Japanese and Chinese
    "ドル": "USD", "米ドル": "USD", "美元": "USD", "ユーロ": "EUR", "欧元": "EUR", "ポンド": "GBP",
    "元": "CNY", "人民元": "CNY", "日元": "JPY", "ウォン": "KRW", "ルピー": "INR",
    # Arabic
    "دولار": "USD", "دولارات": "USD", "يورو": "EUR", "ين": "JPY", "يوان": "CNY",
}

_ARABIC_LETTER = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_CJK_SCALE = re.compile(f"[{SMALL_UNITS}{LARGE_UNITS}]+")


@dataclass(frozen=True)
class Unit:
    """A unit as written, split: ``兆円`` → factor 1e12, scale ``兆``, base ``円``, written joined."""

    factor: float  # 1.0 without a scale
    scale: str  # the scale as written: "trillion", "مليار", "兆", "千億", or ""
    base: str  # "USD", "円", "دولار", "trees"
    joined: bool = False  # CJK: the number goes right before the unit ("350兆円"), no space

    @property
    def currency(self) -> str | None:
        """The currency code of the base unit (円 → JPY, دولار → USD), or None."""
        return currency_of(self.base)

    @property
    def key(self) -> str:
        """What makes two units comparable: the currency the base unit names (円, ドル, USD, yen), else
        the base unit as written, case aside. Only a base that is a currency's name as a whole counts
        ("medals won" is no Korean won)."""
        return CURRENCIES.get(self.base.strip().lower()) or " ".join(self.base.split()).casefold()

    @property
    def script(self) -> str:
        """Which scale words fit this unit on an axis: "cjk" (万 億 兆), "arabic" or "en"."""
        if is_cjk(self.scale or self.base):
            return "cjk"
        if self.scale in ARABIC_SCALES or (not self.scale and _ARABIC_LETTER.search(self.base)):
            return "arabic"
        return "en"


@cache
def parse_unit(unit: str) -> Unit:
    """Split ``unit`` into scale and base: "trillion USD", "مليار دولار", "兆円", "千億円", "万人"."""
    words = unit.split()
    if words and words[0].lower() in SCALE_WORDS:
        return Unit(SCALE_WORDS[words[0].lower()], words[0], " ".join(words[1:]))
    prefix = _CJK_SCALE.match(unit)
    factor = unit_factor(prefix.group()) if prefix else None
    if prefix and factor:
        rest = unit[prefix.end():]
        return Unit(factor, prefix.group(), rest.strip(), joined=not rest[:1].isspace())
    return Unit(1.0, "", unit, joined=starts_unspaced(unit[:1]))


def split_unit(unit: str) -> tuple[float, str]:
    """Split ``"trillion USD"`` into ``(1e12, "USD")`` (``"兆円"`` into ``(1e12, "円")``) so figures can be compared.

    Charts put figures of one chart group on one axis; they can only do that
    when every amount is converted to the same base unit.
    """
    parsed = parse_unit(unit)
    return parsed.factor, parsed.base


def currency_of(base: str) -> str | None:
    """The currency code ``base`` names ("USD", "円", "US dollars", "دولار أمريكي"), or None."""
    whole = CURRENCIES.get(base.strip().lower())
    if whole:
        return whole
    for word in base.split():
        code = CURRENCIES.get(word.lower())
        if code:
            return code
    return None
