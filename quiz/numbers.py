"""Reading numeric answers the way people type them: "65", "$65B", "65 bn", "0.065 trillion", "350兆円", "٢٫٣".

A number typed with another currency or unit than the question's ("2.3
trillion yen" for a US-dollar figure) is not the same amount, so it is read
as a mismatch with a reason, never silently converted or accepted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from content import bidi, numerals
from content.scripts import is_cjk
from content.units import ARABIC_SCALES, CURRENCIES, currency_of, parse_unit
from quiz.phrases import QT_TRANSLATE_NOOP, phrase

# Why a typed answer is not comparable, in the question's language (quiz.phrases).
_UNREADABLE = QT_TRANSLATE_NOOP("quiz.numbers", "That is not a number the app can read: {problem}.")
_NOT_A_NUMBER = QT_TRANSLATE_NOOP("quiz.numbers", "That is not a number.")
_PLAIN_NUMBERS = QT_TRANSLATE_NOOP("quiz.numbers", "plain numbers")
_NOT_IN_CURRENCY = QT_TRANSLATE_NOOP("quiz.numbers", "The question asks in {unit}, not in {currency}.")
#: {unit}: the currency asked (JPY); {token}: the learner's word, quoted; {currency}: its currency (USD).
_OTHER_CURRENCY = QT_TRANSLATE_NOOP(
    "quiz.numbers", "The question asks in {unit}; {token} is another currency ({currency}).")
_OTHER_UNIT = QT_TRANSLATE_NOOP("quiz.numbers", "The question asks in {unit}; {token} is another unit.")
#: A word the learner typed, quoted in a message ('trees', 「本」).
_QUOTED = QT_TRANSLATE_NOOP("quiz.numbers", "'{word}'")


_SUFFIXES = {
    "k": 1e3, "thousand": 1e3, "thousands": 1e3,
    "m": 1e6, "mn": 1e6, "mil": 1e6, "million": 1e6, "millions": 1e6,
    "b": 1e9, "bn": 1e9, "billion": 1e9, "billions": 1e9,
    "t": 1e12, "tn": 1e12, "trn": 1e12, "trillion": 1e12, "trillions": 1e12,
    **ARABIC_SCALES,
    "万": 1e4, "萬": 1e4, "億": 1e8, "亿": 1e8, "兆": 1e12,
}
#: Words that may stand around a number without changing it (English, Japanese, Arabic).
_FILLER = frozenset({"about", "approximately", "approx", "roughly", "around", "some", "nearly", "almost", "of", "in",
                     "a", "an", "the", "us", "and",
                     "約", "およそ", "概ね", "程度", "ほど", "前後",
                     "حوالي", "نحو", "تقريبا", "قرابة"})
#: Short forms of units, so "35 km" answers a question asked in kilometres.
_UNIT_ALIASES = {"km": {"kilometres", "kilometers", "kilometre", "kilometer"}, "percent": {"%", "pct"},
                 "kilometres": {"km", "kilometers"}, "kilometers": {"km", "kilometres"}}
_NUMBER = re.compile(r"[-+]?(?:\d[\d,\s]*(?:\.\d+)?|\.\d+)")
_TOKEN = re.compile(r"us\$|[$¥€£₩₹]|[^\W\d_]+")


@dataclass(frozen=True)
class Reading:
    """What a typed amount says: its value in the question's scale, or why it cannot be compared."""

    value: float | None
    problem: str = ""


@cache
def _known_cjk(unit_words: frozenset[str]) -> tuple[str, ...]:
    """Words a typed answer written without spaces is split into (longest first): scales, currencies,
    fillers and the question's own unit words."""
    words = {w for w in (*_SUFFIXES, *CURRENCIES, *_FILLER, *unit_words) if is_cjk(w)}
    return tuple(sorted(words, key=len, reverse=True))


def _tokens(text: str, unit_words: frozenset[str]) -> list[str]:
    """Words, signs and, in text without spaces (円程度), the known words it is made of."""
    tokens = []
    for chunk in _TOKEN.findall(text):
        if not is_cjk(chunk):
            tokens.append(chunk)
            continue
        known, unknown, i = _known_cjk(unit_words), "", 0
        while i < len(chunk):
            word = next((w for w in known if chunk.startswith(w, i)), "")
            if word:
                tokens += [unknown, word] if unknown else [word]
                unknown, i = "", i + len(word)
            else:
                unknown, i = unknown + chunk[i], i + 1
        if unknown:
            tokens.append(unknown)
    return tokens


def read_amount(text: str, unit: str = "", language: str = "") -> Reading:
    """Read ``text`` as an amount in ``unit``'s scale ("65" for a question asked in billions means 65 billion).

    Digits of any script (３５０, ٢٫٣) and kanji numerals with their units (350兆円, 三百五十兆,
    2兆5000億) are read; a form that could mean two numbers (二三兆) says so, in ``language``
    (the question's: English unless its pack's is translated).
    """
    def say(template: str, **fields: str) -> str:
        return phrase(language, "quiz.numbers", template).format(**fields)

    def asked_in() -> str:
        return _shown(unit) or say(_PLAIN_NUMBERS)

    def quoted(word: str) -> str:  # 'trees' ('{word}' is repr's form of a token: letters and signs only)
        return _shown(say(_QUOTED, word=word))

    cleaned = numerals.normalise(str(text)).strip().lower()
    asked = parse_unit(unit)
    kanji = numerals.read(cleaned)
    found = _NUMBER.search(cleaned)
    absolute = False  # the value carries its own scale (350兆): not in the question's scale
    if kanji is not None and (found is None or kanji.start <= found.start()):
        if kanji.value is None:
            why = kanji.why  # the numeral's problem in the question's language (its English: kanji.problem)
            problem = phrase(language, "content.numerals", why.template).format(**dict(why.fields)) if why \
                else kanji.problem
            return Reading(None, say(_UNREADABLE, problem=problem))
        value, absolute = kanji.value, bool(kanji.units)
        start, end = kanji.start, kanji.end
    elif found:
        try:
            value = float(found.group(0).replace(",", "").replace(" ", ""))
        except ValueError:
            return Reading(None, say(_NOT_A_NUMBER))
        start, end = found.start(), found.end()
    else:
        return Reading(None, say(_NOT_A_NUMBER))
    rest = (cleaned[:start] + " " + cleaned[end:]).strip()
    wanted = currency_of(asked.base)
    unit_words = {w.lower() for w in (*unit.split(), *asked.base.split())}
    for word in list(unit_words):
        unit_words |= _UNIT_ALIASES.get(word, set())
    scale = 1.0
    for token in _tokens(rest, frozenset(unit_words)):
        if token in _SUFFIXES and scale == 1.0 and not absolute:
            scale = _SUFFIXES[token]
        elif token in CURRENCIES:
            code = CURRENCIES[token]
            if wanted is None:
                return Reading(None, say(_NOT_IN_CURRENCY, unit=asked_in(), currency=code))
            if code != wanted:
                return Reading(None, say(_OTHER_CURRENCY, unit=wanted, token=quoted(token), currency=code))
        elif token in unit_words or token in _FILLER:
            continue
        else:
            return Reading(None, say(_OTHER_UNIT, unit=asked_in(), token=quoted(token)))
    if absolute:
        return Reading(value / asked.factor)
    return Reading(value * scale / asked.factor if scale != 1.0 else value)


def _shown(text: str) -> str:
    """A unit or word of the learner's put into an English message: isolated when it is right to left (دولار),
    so the sentence around it keeps its order (content.bidi); else as is."""
    return bidi.isolate(text) if bidi.has_rtl(text) else text


def parse_amount(text: str, unit: str = "") -> float | None:
    """The value of ``text`` expressed in ``unit``'s scale, or None if it is not a comparable number."""
    return read_amount(text, unit).value
