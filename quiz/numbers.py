"""Reading numeric answers the way people type them: "65", "$65B", "65 bn", "0.065 trillion".

A number typed with another currency or unit than the question's ("2.3
trillion yen" for a US-dollar figure) is not the same amount, so it is read
as a mismatch with a reason, never silently converted or accepted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from content.model import SCALES

_SUFFIXES = {
    "k": 1e3, "thousand": 1e3, "thousands": 1e3,
    "m": 1e6, "mn": 1e6, "mil": 1e6, "million": 1e6, "millions": 1e6,
    "b": 1e9, "bn": 1e9, "billion": 1e9, "billions": 1e9,
    "t": 1e12, "tn": 1e12, "trn": 1e12, "trillion": 1e12, "trillions": 1e12,
}
#: Currency words and signs people type, and the code they stand for.
CURRENCIES = {
    "$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD",
    "¥": "JPY", "円": "JPY", "yen": "JPY", "jpy": "JPY",
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR",
    "£": "GBP", "gbp": "GBP", "pound": "GBP", "pounds": "GBP",
    "yuan": "CNY", "rmb": "CNY", "cny": "CNY", "renminbi": "CNY",
    "₩": "KRW", "won": "KRW", "krw": "KRW", "₹": "INR", "rupee": "INR", "rupees": "INR", "inr": "INR",
}
#: Words that may stand around a number without changing it.
_FILLER = frozenset({"about", "approximately", "approx", "roughly", "around", "some", "nearly", "almost", "of", "in",
                     "a", "an", "the", "us", "and"})
#: Short forms of units, so "35 km" answers a question asked in kilometres.
_UNIT_ALIASES = {"km": {"kilometres", "kilometers", "kilometre", "kilometer"}, "percent": {"%", "pct"},
                 "kilometres": {"km", "kilometers"}, "kilometers": {"km", "kilometres"}}
_NUMBER = re.compile(r"[-+]?(?:\d[\d,\s]*(?:\.\d+)?|\.\d+)")
_TOKEN = re.compile(r"us\$|[$¥€£₩₹円]|[a-z]+")


@dataclass(frozen=True)
class Reading:
    """What a typed amount says: its value in the question's scale, or why it cannot be compared."""

    value: float | None
    problem: str = ""


def _currency_of(unit: str) -> str | None:
    words = unit.split()
    base = words[1:] if words and words[0].lower() in SCALES else words
    for word in base:
        code = CURRENCIES.get(word.lower())
        if code:
            return code
    return None


def read_amount(text: str, unit: str = "") -> Reading:
    """Read ``text`` as an amount in ``unit``'s scale ("65" for a question asked in billions means 65 billion)."""
    cleaned = str(text).strip().lower()
    found = _NUMBER.search(cleaned)
    if not found:
        return Reading(None, "That is not a number.")
    try:
        value = float(found.group(0).replace(",", "").replace(" ", ""))
    except ValueError:
        return Reading(None, "That is not a number.")
    rest = (cleaned[: found.start()] + " " + cleaned[found.end():]).strip()
    tokens = _TOKEN.findall(rest)
    wanted = _currency_of(unit)
    unit_words = {w.lower() for w in unit.split()}
    for word in list(unit_words):
        unit_words |= _UNIT_ALIASES.get(word, set())
    scale = 1.0
    for token in tokens:
        if token in _SUFFIXES and scale == 1.0:
            scale = _SUFFIXES[token]
        elif token in CURRENCIES:
            code = CURRENCIES[token]
            if wanted is None:
                return Reading(None, f"The question asks in {unit or 'plain numbers'}, not in {code}.")
            if code != wanted:
                return Reading(None, f"The question asks in {wanted}; {token!r} is another currency ({code}).")
        elif token in unit_words or token in _FILLER:
            continue
        else:
            return Reading(None, f"The question asks in {unit or 'plain numbers'}; {token!r} is another unit.")
    target = SCALES.get(unit.split()[0].lower(), 1.0) if unit.split() else 1.0
    return Reading(value * scale / target if scale != 1.0 else value)


def parse_amount(text: str, unit: str = "") -> float | None:
    """The value of ``text`` expressed in ``unit``'s scale, or None if it is not a comparable number."""
    return read_amount(text, unit).value
