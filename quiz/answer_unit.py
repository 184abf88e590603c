"""The unit a typed-number question asks its answer in, as its prompt says it, and read back from a prompt.

A generated numeric prompt ends with the pack language's sentence naming the
unit (:data:`ANSWER_IN`: "… Answer in trillions of US dollars.", "…兆円単位で答えてください。"),
the unit spelled out in words for an English pack (:func:`unit_phrase`). Whatever
else shows the question (the presenter's slides, the GIFT export, which has no unit
of its own) names the unit only when the prompt does not say it already
(:func:`says_its_unit`), and the GIFT reader takes the unit back from that closing
sentence (:func:`stated_unit`), spelled-out currencies back as the pack writes them
("trillions of US dollars" → "trillion USD"): the unit a typed answer is read in
(:func:`quiz.numbers.read_amount` knows the scale of "trillion USD", not of
"trillions of US dollars").

Only content.bidi and :mod:`quiz.phrases` are imported here, so quiz.generate,
quiz.slides and quiz.interchange all import it without a cycle.
"""

from __future__ import annotations

import re

from content import bidi
from quiz.phrases import AREA, ENGLISH, I18N, QT_TRANSLATE_NOOP, phrase

#: A typed number's prompt, naming the unit. Its context stays quiz.generate's, where the prompt is written
#: (i18n/*/questions.ts translates it there).
ANSWER_IN = QT_TRANSLATE_NOOP("quiz.generate", "{question} Answer in {unit}.")

_CURRENCY_NAMES = {"USD": "US dollars", "EUR": "euros", "GBP": "pounds sterling", "JPY": "yen"}
_CODES = {name: code for code, name in _CURRENCY_NAMES.items()}
_SPELLED = re.compile(r"(?P<scale>\S+)s of (?P<name>" + "|".join(map(re.escape, _CODES)) + ")")
#: Where a unit named at the end of a prompt cannot reach back past: a line break or a sentence's end
#: ("。" too: "…ですか。兆円単位で答えてください。" names 兆円). A "." may be inside a unit ("sq. km").
_NOT_IN_UNIT = "\n。．？！?!"


def unit_phrase(unit: str) -> str:
    """ "billion USD" → "billions of US dollars"; other units as written ("percent", "GWh")."""
    words = unit.split()
    if len(words) == 2 and words[1] in _CURRENCY_NAMES:
        return f"{words[0]}s of {_CURRENCY_NAMES[words[1]]}"
    if len(words) == 1 and words[0] in _CURRENCY_NAMES:
        return _CURRENCY_NAMES[words[0]]
    return unit


def unit_of_phrase(words: str) -> str:
    """The unit :func:`unit_phrase` spelled out: "billions of US dollars" → "billion USD"; others as written."""
    words = " ".join(words.split())
    if words in _CODES:
        return _CODES[words]
    spelled = _SPELLED.fullmatch(words)
    return f"{spelled['scale']} {_CODES[spelled['name']]}" if spelled else words


def _languages() -> list[str]:
    """English and every language with translated question templates (``i18n/<language>/questions.ts``)."""
    return [ENGLISH, *sorted(path.parent.name for path in I18N.glob(f"*/{AREA}.ts"))]


def _words(text: str) -> str:
    """A template's own words as a pattern: any run of blanks where it has one (a line break in a GIFT prompt)."""
    return r"\s+".join(re.escape(word) for word in text.split())


def _named(prompt: str, template: str) -> str:
    """The unit ``prompt`` names where ``template`` puts ``{unit}`` at its end, as written ("" when it does not
    end that way). No pattern runs over the whole prompt with backtracking: a hostile prompt is long."""
    head, question, rest = template.partition("{question}")
    between, unit, tail = rest.partition("{unit}")
    if not question or not unit:  # a template with the unit first: no translation has one
        return ""
    text = prompt.strip()
    if head.strip() and not re.match(_words(head), text, re.IGNORECASE):
        return ""
    if tail.strip():
        end = re.search(_words(tail) + r"\Z", text, re.IGNORECASE)
        if end is None:
            return ""
        text = text[:end.start()]
    segment = text[max(text.rfind(c) for c in _NOT_IN_UNIT) + 1:]  # the closing sentence, up to its unit's end
    if between.strip():
        said = list(re.finditer(r"(?<!\S)" + _words(between) + r"\s", segment, re.IGNORECASE))
        if not said:
            return ""
        segment = segment[said[-1].end():]
    return " ".join(bidi.plain(segment).split())  # an RTL pack's unit comes isolated


def stated_unit(prompt: str) -> str:
    """The unit the prompt's closing "Answer in …" sentence names (in any language the templates are translated
    to), as the pack writes it: "… Answer in trillions of US dollars." → "trillion USD"; "" when it names none."""
    for template in dict.fromkeys(phrase(language, "quiz.generate", ANSWER_IN) for language in _languages()):
        unit = _named(prompt, template)
        if unit:
            return unit_of_phrase(unit)
    return ""


def says_its_unit(prompt: str, unit: str) -> bool:
    """True when the prompt already says what to answer in: it ends with "Answer in …" (a generated prompt
    does, in the pack's language), or it names the unit (a written one may), so a slide or an export does not
    say it a second time."""
    return bool(stated_unit(prompt)) or (bool(unit) and unit.casefold() in prompt.casefold())
