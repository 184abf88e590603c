"""Numbers as articles write them in any script: ２，０００, ٢٫٣, 二千億, 1.5兆, 2兆5000億.

A Japanese or Arabic article writes its figures with full-width or Arabic-Indic
digits, with the Arabic decimal and thousands separators (٫ ٬), and with kanji
numerals and the large units 万 (10^4), 億 (10^8) and 兆 (10^12). The validator
(is every number of the pack in the article?), the unit split (兆円 → 10^12 円)
and typed answers (３５０兆円) all read them here, so they agree.

:func:`normalise` maps every decimal digit to ASCII with :func:`unicodedata.decimal`
(no hand tables) and keeps the text's length, so positions found in the
normalised text are positions in the original. Kanji numerals are read only
where they are unambiguous: 二三 usually means "two or three", 3五 mixes two
ways of writing, 1.5兆5000億 puts a decimal before a smaller unit; these come back
with a problem to show instead of a value. In running text a lone kanji digit
(一方, 三菱, 九州) or a unit without a digit (千葉, 十分, 数兆円) is a word, not a
number, just as the English "one" is not checked as a number.

兆 is read as 10^12 (Japanese and traditional usage), never as the 10^6 of some
modern Chinese technical terms.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache


# What cannot be read, said in the learner's language too (quiz.numbers looks the templates up in
# i18n/<language>/questions.ts; the templates come first: pyside6-lupdate gives a template every "#:" comment above it).
def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 - Qt's own name, read by pyside6-lupdate
    """Marks a problem's template for translation (i18n/<language>/questions.ts; quiz.numbers shows it)."""
    return source


_AMBIGUOUS = QT_TRANSLATE_NOOP(
    "content.numerals", "“{text}” is ambiguous: {pair} written side by side usually means “{a} or {b}”; "
    "write the number with digits or with units (二十三 for 23)")
_MIXED = QT_TRANSLATE_NOOP(
    "content.numerals", "“{text}” mixes digits and kanji numerals; write it one way (350兆 or 三百五十兆)")
_DECIMAL = QT_TRANSLATE_NOOP(
    "content.numerals", "“{text}” writes a decimal before a smaller unit; write 1.5兆 or 1兆5000億, not both")
_SMALLER_FIRST = QT_TRANSLATE_NOOP(
    "content.numerals", "“{text}” has its units out of order ({unit} after a smaller or equal unit)")
_TWO_UNITS = QT_TRANSLATE_NOOP("content.numerals", "“{text}” has two units in a row")
_OUT_OF_ORDER = QT_TRANSLATE_NOOP("content.numerals", "“{text}” has its units out of order")
_BARE_UNIT = QT_TRANSLATE_NOOP("content.numerals", "“{text}” has a unit with no number before it")

#: Kanji digits (values from unicodedata.numeric). Financial forms (壱弐参) are left out:
#: 参 is also the everyday "participate" (参議院).
KANJI_DIGITS = "〇零一二三四五六七八九"
#: Units inside a four-digit group: 十 (10), 百 (100), 千 (1,000).
SMALL_UNITS = "十百千"
#: Units between four-digit groups: 万/萬 (10^4), 億/亿 (10^8), 兆 (10^12).
LARGE_UNITS = "万萬億亿兆"
KANJI_NUMERALS = KANJI_DIGITS + SMALL_UNITS + LARGE_UNITS
#: Separators between digits: full-width comma and full stop, Arabic thousands and decimal signs.
_SEPARATORS = {"，": ",", "．": ".", "٬": ",", "٫": "."}
#: Characters before a unit that make it vague: 数兆円 "several trillion yen", 何億 "how many 100 millions".
_VAGUE = "数何幾"

_NON_ASCII_DIGIT = re.compile(r"(?![0-9])\d")
_SEPARATOR = re.compile(r"(?<=[0-9])[，．٬٫](?=[0-9])")
_ARABIC = r"[0-9]+(?:[.,][0-9]+)*"
#: A run of digits and kanji numerals; one space may stand between a number and its unit ("350 兆").
_SPACE_BEFORE_UNIT = rf"[ \u00a0\u3000](?=[{SMALL_UNITS}{LARGE_UNITS}])"
_RUN = re.compile(rf"(?:{_ARABIC}|[{KANJI_NUMERALS}])(?:{_ARABIC}|[{KANJI_NUMERALS}]|{_SPACE_BEFORE_UNIT})*")
_ANY_KANJI_NUMERAL = re.compile(f"[{KANJI_NUMERALS}]")
_TOKEN = re.compile(rf"{_ARABIC}|\S")


def normalise(text: str) -> str:
    """``text`` with every decimal digit in ASCII and the separators between digits as ``,`` and ``.``.

    Full-width (０-９ ，．), Arabic-Indic (٠-٩), Eastern Arabic-Indic (۰-۹) and every other
    script's digits; the Arabic thousands (٬) and decimal (٫) signs. Each character maps to
    one character, so the result has the same length. ASCII text comes back unchanged.
    """
    if text.isascii():
        return text
    text = _NON_ASCII_DIGIT.sub(lambda m: str(unicodedata.decimal(m.group())), text)
    return _SEPARATOR.sub(lambda m: _SEPARATORS[m.group()], text)


@dataclass(frozen=True)
class Why:
    """Why a number cannot be read: a template (marked for translation) and its fields; ``str()`` is the English."""

    template: str
    fields: tuple[tuple[str, str], ...] = ()

    def __str__(self) -> str:
        return self.template.format(**dict(self.fields))


def _why(template: str, **fields: str) -> Why:
    return Why(template, tuple(fields.items()))


@dataclass(frozen=True)
class Numeral:
    """A number written with kanji numerals or units, as found in a text (positions in that text)."""

    text: str  # as written
    start: int
    end: int
    value: float | None  # None when it cannot be read (see ``problem``)
    problem: str = ""
    parts: tuple[float, ...] = ()  # the number written before each unit: 2兆5000億 → (2, 5000)
    units: tuple[float, ...] = ()  # the large units it uses: 2兆5000億 → (1e12, 1e8)
    why: Why | None = None  # the problem, to be said in another language (quiz.numbers)

    @property
    def readings(self) -> set[float]:
        """Every way the article's number may be given: each part, the whole in each unit, the whole.

        2兆5000億 is 2 and 5000 as written, 2.5 (兆), 25000 (億) and 2.5e12, so a figure of
        2.5 兆円 or 25,000 億円 matches it, as does a pack text that writes 2兆.
        """
        if self.value is None:
            return set()
        return {*self.parts, *(self.value / unit for unit in self.units), self.value}


def _numeric(char: str) -> float:
    return unicodedata.numeric(char)


def _ambiguous(text: str, digits: str) -> Why:
    a, b = (int(_numeric(d)) for d in digits[:2])
    return _why(_AMBIGUOUS, text=text, pair=digits[:2], a=str(a), b=str(b))


def _mixed(text: str) -> Why:
    return _why(_MIXED, text=text)


def _unreadable(text: str, start: int, why: Why) -> Numeral:
    return Numeral(text, start, start + len(text), None, str(why), why=why)


def _group(tokens: list[str], text: str, *, last: bool) -> tuple[float | None, Why | None]:
    """The value of the digits before one large unit (or after the last): 3, 350, 1.5, 3千, 三百五十, 二〇四〇."""
    first = tokens[0]
    if first[0].isdigit():  # written with digits, maybe followed by one small unit: 3千 (億)
        number = float(first.replace(",", ""))
        if "." in first and not last:
            return None, _why(_DECIMAL, text=text)
        if len(tokens) == 1:
            return number, None
        if len(tokens) == 2 and tokens[1] in SMALL_UNITS:
            return number * _numeric(tokens[1]), None
        return None, _mixed(text)
    if any(t[0].isdigit() for t in tokens):
        return None, _mixed(text)
    if not any(t in SMALL_UNITS for t in tokens):  # positional: 二〇四〇, 一九九五
        digits = "".join(tokens)
        if len(digits) == 2 and "〇" not in digits and "零" not in digits:
            return None, _ambiguous(text, digits)
        return float("".join(str(int(_numeric(d))) for d in digits)), None
    value, pending, previous = 0.0, "", float("inf")
    for token in tokens:
        if token in KANJI_DIGITS:
            if pending and _numeric(pending[-1]) != 0:
                return None, _ambiguous(text, pending[-1] + token)
            pending = token if _numeric(token) != 0 else pending + token  # 零/〇 only keep a place: 二千〇五
            continue
        unit = _numeric(token)
        if unit >= previous:
            return None, _why(_SMALLER_FIRST, text=text, unit=token)
        digit = next((d for d in reversed(pending) if _numeric(d) != 0), "")
        value += (_numeric(digit) if digit else 1.0) * unit
        pending, previous = "", unit
    digit = next((d for d in reversed(pending) if _numeric(d) != 0), "")
    return value + (_numeric(digit) if digit else 0.0), None


def _read_run(text: str, start: int = 0) -> Numeral:
    """Read one run of digits and kanji numerals (already normalised) as a number, or say why not."""
    tokens = _TOKEN.findall(text)
    groups: list[tuple[list[str], float]] = []
    current: list[str] = []
    for token in tokens:
        if token in LARGE_UNITS:
            unit = _numeric(token)
            if not current and groups and groups[-1][1] < unit:  # 万億 (Chinese 万亿): one unit, 10^12
                groups[-1] = (groups[-1][0], groups[-1][1] * unit)
            elif not current and groups:
                return _unreadable(text, start, _why(_TWO_UNITS, text=text))
            else:
                groups.append((current, unit))
                current = []
        else:
            current.append(token)
    if current:
        groups.append((current, 1.0))
    units = [unit for _, unit in groups]
    if any(b >= a for a, b in zip(units, units[1:], strict=False)):
        return _unreadable(text, start, _why(_OUT_OF_ORDER, text=text))
    total, parts = 0.0, []
    for index, (group, unit) in enumerate(groups):
        if not group:  # a unit with no number before it: 万 is one 万, 千億 is 1,000 億
            if index:
                return _unreadable(text, start, _why(_BARE_UNIT, text=text))
            number: float | None = 1.0  # a bare unit: one of it
        else:
            number, why = _group(group, text, last=index == len(groups) - 1)
            if number is None:
                return _unreadable(text, start, why or _why(_OUT_OF_ORDER, text=text))
            parts.append(number)
        total += (1.0 if number is None else number) * unit
    large = tuple(unit for unit in units if unit > 1.0)
    return Numeral(text, start, start + len(text), total, parts=tuple(parts), units=large)


def read(text: str) -> Numeral | None:
    """The first number of ``text`` written with kanji numerals or units, read strictly (typed answers).

    ``350兆``, ``３５０兆``, ``350 兆``, ``二千億``, ``1.5兆``, ``2兆5000億``, ``千億``, ``一九九五``; a
    problem for ``二三兆`` (two or three?), ``3五`` (mixed) or ``1.5兆5000億``. None when the
    first number has no kanji (``2.3``): the caller reads it as before. A unit alone (``兆円``) is
    no number.
    """
    normal = normalise(text)
    for found in _RUN.finditer(normal):
        run = found.group().rstrip()
        if not _ANY_KANJI_NUMERAL.search(run):
            return None
        if all(c in LARGE_UNITS for c in run):
            continue
        return _read_run(run, found.start())
    return None


def numerals_in(text: str) -> list[Numeral]:
    """Numbers written with kanji numerals or units in running text (each with its value or problem).

    A lone kanji digit (一方, 統一, 三菱) and a run that starts with a unit are words, not
    numbers, unless a large unit follows the first character (千億, 百万, 十二兆) and no
    "several" comes before it (数千億円). Runs without kanji are left to the caller.
    """
    if not _ANY_KANJI_NUMERAL.search(text):
        return []
    normal = normalise(text)
    found = []
    for match in _RUN.finditer(normal):
        run = match.group().rstrip()
        if not _ANY_KANJI_NUMERAL.search(run) or not _is_number(run, normal[match.start() - 1: match.start()]):
            continue
        found.append(_read_run(run, match.start()))
    return found


def _is_number(run: str, before: str) -> bool:
    first = run[0]
    if first.isdigit():
        return True
    if first in KANJI_DIGITS:
        return len(run) > 1  # 一 alone is a word (一方, 統一); 二〇四〇, 二千億 are numbers
    return any(c in LARGE_UNITS for c in run[1:]) and not (before and before in _VAGUE)


@cache
def unit_factor(prefix: str) -> float | None:
    """The factor of a unit's leading kanji scale (兆 → 1e12, 千億 → 1e11, 百万 → 1e6), None if it is none."""
    if not prefix or any(c not in SMALL_UNITS + LARGE_UNITS for c in prefix):
        return None
    found = _read_run(prefix)
    return found.value


def format_canonical(value: float) -> str:
    """A number as the validator compares it (``2.3``, ``2040``, ``2.5e+12``)."""
    return f"{value:g}"
