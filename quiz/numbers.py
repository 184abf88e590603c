"""Reading numeric answers the way people type them: "65", "$65B", "65 bn", "0.065 trillion"."""

from __future__ import annotations

import re

from content.model import SCALES

_SUFFIXES = {
    "k": 1e3, "thousand": 1e3,
    "m": 1e6, "mn": 1e6, "mil": 1e6, "million": 1e6, "millions": 1e6,
    "b": 1e9, "bn": 1e9, "billion": 1e9, "billions": 1e9,
    "t": 1e12, "tn": 1e12, "trn": 1e12, "trillion": 1e12, "trillions": 1e12,
}
_NUMBER = re.compile(r"^(?P<num>[-+]?\d[\d,\s]*(?:\.\d+)?|[-+]?\.\d+)\s*(?P<suffix>[a-z]+)?\b")


def parse_amount(text: str, unit: str = "") -> float | None:
    """The value of ``text`` expressed in ``unit``'s scale, or None if it is not a number.

    A bare number is taken to be in the question's unit ("65" for a question
    asked in billions means 65 billion); a scale word converts ("0.065
    trillion" → 65 when the unit is "billion USD").
    """
    cleaned = text.strip().lower().replace("us$", "").replace("$", "").replace("usd", "").strip()
    match = _NUMBER.match(cleaned)
    if not match:
        return None
    try:
        value = float(match.group("num").replace(",", "").replace(" ", ""))
    except ValueError:
        return None
    suffix = match.group("suffix")
    target = SCALES.get(unit.split()[0].lower(), 1.0) if unit.split() else 1.0
    if suffix:
        if suffix not in _SUFFIXES:
            return value if suffix in unit.lower().split() else None
        return value * _SUFFIXES[suffix] / target
    return value
