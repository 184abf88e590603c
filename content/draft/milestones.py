"""Dated statements as milestones: "on 3 March 2025", "in June 2026", "by 2030", "the 2040 fiscal year".

Each sentence with a date gives a milestone, and each later clause with a date
of its own another when it makes a clean event ("…will begin in September
2026, and the new berth is due to open in 2029"): ``when`` is the date as the
article writes it, ``year`` its year, ``label`` the sentence's clause around
the date without the date itself (so ordering the labels is a question, not a
reading of the years), and ``quote`` the sentence. ``order`` is the date's
place among the article's dates (equal dates share it). ``happened`` is set
when the milestone's date is before the article's own date (its page's, its
PDF's or its byline's) or, when the article gives none, when its clause says it
happened (past tense: "was lost", "has grown") or its date is
before the latest one that did; a future word ("will", "expected", "could")
always leaves it unset. A date in a "since" phrase ("at any point since 2009",
"since the original estimate in 2023") starts a state and is no event's: the
sentence's next date, if any, is taken instead.

A label is left for the author to write, with the reason, when it is not an
event put in words of its own: words cut from the middle of a longer clause
("close a projected shortfall of…"), a speaker's words inside a quote ("Our
grandparents built the Calder dam"), a statistic ("23 percent of treated water
was lost to leaks", "put the expected waiting list at 95,000") or a piece of a
sentence ("in Europe is expected to grow").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from content.draft.figures import figures_in, since_year, states_amount
from content.draft.text import MONTHS, Sentence, clause_around, one_line
from content.labels import milestone_fragment_reason

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_YEAR = r"(?:1[89]\d{2}|20\d{2}|2100)"
DATES = [
    re.compile(rf"\b(?:on\s)?(?P<day>\d{{1,2}})\s(?P<month>{_MONTH})\s(?P<year>{_YEAR})\b"),
    re.compile(rf"\b(?:on\s)?(?P<month>{_MONTH})\s(?P<day>\d{{1,2}}),?\s(?P<year>{_YEAR})\b"),
    re.compile(rf"\b(?:(?:in|by|from|until|since|before|after|during|early|late|mid-?)\s)?(?P<month>{_MONTH})"
               rf"\s(?P<year>{_YEAR})\b"),
    re.compile(rf"\b(?P<prep>by|in|until|till|before|after|from|since|through|during|around|beyond|to|"
               rf"as early as|as late as|no later than|no earlier than|not before|not until)\s"
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
    past: bool = False  # its clause says it has happened
    problem: str = ""  # why the label is no event in words of its own: the author writes it



def _trim(text: str) -> str:
    """Clause words without joining words at its start or prepositions left dangling at its end."""
    words = text.split()
    while words and words[0].lower().strip(",;:") in _LEAD:
        words.pop(0)
    while words and words[-1].lower().strip(",;:") in _TAIL:
        words.pop()
    return " ".join(words).strip(" ,;:—–-")


_ISO = re.compile(rf"\b(?P<year>{_YEAR})-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])\b")


def date_in(text: str) -> tuple[tuple[int, int, int], str] | None:
    """The first whole date in ``text`` (day, month and year: "14 March 2026", "March 14, 2026", "2026-03-14") as
    (year, month, day) with its words as written, or None."""
    best: re.Match[str] | None = None
    for pattern in (DATES[0], DATES[1], _ISO):
        match = pattern.search(text)
        if match and (best is None or match.start() < best.start()):
            best = match
    if best is None:
        return None
    month = best["month"]
    number = int(month) if month.isdigit() else _month(month)
    return (int(best["year"]), number, int(best["day"])), best.group()


def _month(name: str | None) -> int:
    if not name:
        return 0
    key = name.rstrip(".").lower()[:3]
    return next((i + 1 for i, month in enumerate(MONTHS) if month.startswith(key)), 0)


#: Words of a clause taken whole as a label; a longer clause is cut, and the label left for the author to write.
CLAUSE_WORDS = 14
#: Words that put a clause in the future or make it a plan, a forecast or a possibility.
_FUTURE = frozenset("will would could should may might shall can expected expects expect due scheduled planned "
                    "intended proposed".split())
#: ...and words that do so before "to" ("plans to open", "is set to begin"), not as nouns ("the plan was approved").
_FUTURE_BEFORE_TO = frozenset("plan plans aim aims intend intends set going target targets hope hopes".split())
#: Past and perfect forms that mark a clause as having happened (with any other word ending in "-ed").
_PAST = frozenset("was were had did has have built spent began begun lost rose fell grew grown took taken made won "
                  "paid sold cut hit met left led saw seen gave given went gone came brought bought".split())
_NOT_PAST_ED = frozenset("need needed feed seed speed breed bed red shed".split())
_DETERMINERS = frozenset("a an the its their his her our this that these those".split())
_FIRST_PERSON = frozenset("i we our ours us my me".split())


def past_tense(label: str, when: str = "") -> bool:
    """Whether a milestone's clause says it has happened: a past or perfect verb and no future word ("since
    2015" always: what began then has begun)."""
    written = [w.strip(",;:“”\"'’‘()") for w in label.split()]
    words = [w.lower() for w in written]
    pairs = zip(words, words[1:], strict=False)
    if set(words) & _FUTURE or any(w in _FUTURE_BEFORE_TO and after == "to" for w, after in pairs):
        return False
    if when.lower().startswith("since "):
        return True

    def verb_ed(at: int) -> bool:  # "closed", not "the detailed plan", "Oslo-based" or "United"
        word = words[at]
        return (len(word) > 4 and word.endswith("ed") and word not in _NOT_PAST_ED and "-" not in word
                and not (at and (written[at][:1].isupper() or words[at - 1] in _DETERMINERS)))

    return any(w in _PAST or verb_ed(at) for at, w in enumerate(words))


def _quoted(text: str, at: int) -> bool:
    """Whether ``text[at]`` is inside a quotation (straight or curly quotation marks)."""
    before = text[:at]
    if before.count('"') % 2:
        return True
    return before.rfind("“") > before.rfind("”")


def problem_of(label: str, when: str, cut: bool, quoted: bool) -> str:
    """Why a drafted milestone label is no event in words of its own ("" when it is one)."""
    words = {w.lower().strip(",;:“”\"'’‘()") for w in label.split()}
    if quoted or words & _FIRST_PERSON:
        return "it is a speaker's words from a quote"
    fragment = milestone_fragment_reason(label)
    if fragment:
        return fragment
    if cut:
        return "it is cut from the middle of a longer clause"
    if figures_in(Sentence(label, 0, 0)) and past_tense(label, when) or states_amount(label):
        return "it states a figure, not an event"
    return ""


def _since(text: str, match: re.Match[str]) -> bool:
    """Whether the date ``match`` opens or closes a "since" phrase: what has gone on since then is a state, and
    the date no event's."""
    return match.group().lower().startswith("since ") or since_year(text, match.start("year")) or \
        since_year(text, match.start())


def milestones_in(sentence: Sentence) -> list[FoundMilestone]:
    """The sentence's first date as a milestone, then each later date of a clause of its own that makes a
    clean event ("…dredging will begin in September 2026, and the new berth is due to open in 2029": the
    berth, the article's main date, was lost when a sentence gave one milestone). A later date whose label
    would need writing (a statistic, words cut short) gives none: it is seldom an event."""
    text = sentence.text
    if text.endswith("?"):
        return []  # a question heading states nothing
    dates: list[re.Match[str]] = []
    for pattern in DATES:
        for match in pattern.finditer(text):
            if not _since(text, match):  # "at any point since 2009": a start, no event
                dates.append(match)
    dates.sort(key=lambda m: (m.start(), -m.end()))
    found: list[FoundMilestone] = []
    clause_end = -1
    for match in dates:
        if match.start() < clause_end:
            continue  # a date inside one already taken, or in the same clause
        left, right = clause_around(text, match.start(), match.end(), max_words=len(text))
        if found and left < clause_end:
            continue
        milestone = _milestone_at(text, match)
        if milestone is None or (found and (milestone.problem or milestone.label == found[-1].label)):
            continue
        found.append(milestone)
        clause_end = max(right, match.end())
    return found


def _milestone_at(text: str, best: re.Match[str]) -> FoundMilestone | None:
    """The milestone of the date ``best`` in the sentence ``text`` (None when its clause says nothing)."""
    groups = best.groupdict()
    year, month = int(groups["year"]), _month(groups.get("month"))
    day = int(groups["day"]) if groups.get("day") else 0
    when = one_line(best.group())
    left, right = clause_around(text, best.start(), best.end(), max_words=CLAUSE_WORDS)
    whole_left, whole_right = clause_around(text, best.start(), best.end(), max_words=len(text))
    label = _trim(text[left:best.start()])
    cut = left != whole_left  # the clause's start was left behind: the label begins mid-clause
    if len(label.split()) < 3:  # the date opens its clause: what follows it says what happens then
        label = _trim(text[best.end():right])
        cut = right != whole_right
    if len(label.split()) < 2:  # the date was the whole clause: take the sentence's start instead
        before = text[:best.start()].split()
        label = _trim(" ".join(before[-12:]))
        cut = len(before) > 12
    if len(label.split()) < 2:
        return None
    label = label.rstrip(".")
    return FoundMilestone(label[:200], when, year, month, day, one_line(text), past_tense(label, when),
                          problem_of(label, when, cut, _quoted(text, best.start())))
