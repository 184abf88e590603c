"""Dated statements as milestones: "on 3 March 2025", "in June 2026", "by 2030", "the 2040 fiscal year".

Each sentence with a date gives one milestone: ``when`` is the date as the
article writes it, ``year`` its year, ``label`` the sentence's clause around
the date without the date itself (so ordering the labels is a question, not a
reading of the years), and ``quote`` the sentence. ``order`` is the date's
place among the article's dates (equal dates share it); ``happened`` is set
only when the article's own date is known and the milestone's date is before
it: the draft never guesses tense.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from content.draft.text import MONTHS, Sentence, clause_around, one_line
from content.labels import fragment_reason

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_YEAR = r"(?:1[89]\d{2}|20\d{2}|2100)"
DATES = [
    re.compile(rf"\b(?:on\s)?(?P<day>\d{{1,2}})\s(?P<month>{_MONTH})\s(?P<year>{_YEAR})\b"),
    re.compile(rf"\b(?:on\s)?(?P<month>{_MONTH})\s(?P<day>\d{{1,2}}),?\s(?P<year>{_YEAR})\b"),
    re.compile(rf"\b(?:(?:in|by|from|until|since|before|after|during|early|late|mid-?)\s)?(?P<month>{_MONTH})"
               rf"\s(?P<year>{_YEAR})\b"),
    re.compile(rf"\b(?P<prep>by|in|until|till|before|after|from|since|through|during|around|beyond|to)\s"
               rf"(?:(?:the\s)?(?:end|start|beginning|middle|first half|second half|early part|spring|summer|autumn|"
               rf"fall|winter)\sof\s)?(?:(?:the\s)?(?:fiscal|financial|calendar)\s(?:year\s)?)?(?:FY\s?)?"
               rf"(?P<year>{_YEAR})\b(?:\sfiscal year|\sfinancial year)?(?![.,]?\d|\s?%)"),
    re.compile(rf"\b(?:the\s)?(?P<year>{_YEAR})\s(?:fiscal|financial)\syear\b"),
]
_LEAD = frozenset("and or but which that while who whereas".split())
_TAIL = frozenset("a an the and or but of to in at for by with as that which who is was are were will be on "
                  "from".split())


@dataclass
class FoundMilestone:
    label: str
    when: str
    year: int
    month: int
    day: int
    quote: str


def _trim(text: str) -> str:
    """Clause words without joining words at its start or prepositions left dangling at its end."""
    words = text.split()
    while words and words[0].lower().strip(",;:") in _LEAD:
        words.pop(0)
    while words and words[-1].lower().strip(",;:") in _TAIL:
        words.pop()
    return " ".join(words).strip(" ,;:—–-")


#: A label opening with these is the tail of a clause whose subject was left behind ("in Europe is expected to
#: grow…") or points back to a sentence the learner does not see ("it would publish…").
_HEADLESS = frozenset("in on of to for from with into up down it its they them he she his her this these those "
                      "there".split())


def milestone_fragment(label: str) -> bool:
    """Whether a drafted milestone label reads as a piece of a sentence rather than an event: the author writes it.

    An ordering question lists the labels side by side; a fragment among them is guessed by its grammar, or
    not understood at all."""
    first = label.split()[0].lower().strip(",;:“”\"'") if label.split() else ""
    return first in _HEADLESS or bool(fragment_reason(label))


def _month(name: str | None) -> int:
    if not name:
        return 0
    key = name.rstrip(".").lower()[:3]
    return next((i + 1 for i, month in enumerate(MONTHS) if month.startswith(key)), 0)


def milestone_in(sentence: Sentence) -> FoundMilestone | None:
    """The sentence's first date, as a milestone (None when it has none)."""
    text = sentence.text
    if text.endswith("?"):
        return None  # a question heading states nothing
    best: re.Match[str] | None = None
    for pattern in DATES:
        match = pattern.search(text)
        if match and (best is None or match.start() < best.start() or
                      (match.start() == best.start() and match.end() > best.end())):
            best = match
    if best is None:
        return None
    groups = best.groupdict()
    year, month = int(groups["year"]), _month(groups.get("month"))
    day = int(groups["day"]) if groups.get("day") else 0
    when = one_line(best.group())
    left, right = clause_around(text, best.start(), best.end(), max_words=10)
    label = _trim(text[left:best.start()])
    if len(label.split()) < 3:  # the date opens its clause: what follows it says what happens then
        label = _trim(text[best.end():right])
    if len(label.split()) < 2:  # the date was the whole clause: take the sentence's start instead
        label = _trim(" ".join(text[:best.start()].split()[-12:]))
    if len(label.split()) < 2:
        return None
    label = label.rstrip(".")
    return FoundMilestone(label[:200], when, year, month, day, one_line(text))
