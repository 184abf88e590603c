"""Candidate figures: amounts of money, percentages and counts, each with its sentence and outlet.

A figure is found where the article writes a number with something that says
what it counts: a currency (``$2.3 trillion``, ``€1.2bn``, ``300 million
euros``), a percent sign or "per cent", a scale word and a noun (``1.2 million
households``) or a plural noun (``4,500 new homes``), or a count written bare after "at", "to" or
"reach" when the sentence names what it counts before it ("put the expected
waiting list at 95,000": its unit the sentence's other counts', else left to
write). The words just before
it give its bound ("more than", "at least", "up to", "approximately"…), as do
the words after it ("30 percent or more" is at least 30), the nearest year in
its sentence its year, and an attribution in the sentence its
outlet: "according to X", "as reported by X", "X reported", "…, X said", "said
X", "X told reporters", "…, the port authority said" (a lower-case body only
with a word saying which), "analysts at X estimate"; the sentence before only
when this one says "He said…", or names a body only as "the union" and the
sentence before opens with its name ("The Royal College of Nursing…"); "The
board says…" or "the port said…" the body the article named before ("the
board of the Port of Caldmouth", "Port of Caldmouth"), and "Freight companies
say…" that group. The quote is the whole sentence, verbatim; the
label is the article's own noun phrase for the amount ("an AI investment plan
valued at…" gives "AI investment plan", "about 1,200 affordable homes" gives
"affordable homes") or, when there is none, nothing: the label is left for a
person to write, never cut out of the clause around the amount (that read as
"the will work at the terminal"); a verb after the phrase is no part of it
("the vacancy rate among nurses stands at…" gives "vacancy rate among nurses")
nor of a unit ("420 nurses sounds impressive" counts nurses), and a bare
"figure", "total", "rate", "average" or "load" names nothing, so it is left to
write with the reason, as is a noun the amount acts on ("a mudflat used by
18,000 birds") and a count's own noun when the article says what they do
("140 large vessels call each month": "large vessels" says nothing of the calls).

A figure keeps what the article says about its amount. A rate keeps its
period in the unit ("65 million litres a day", "150 litres per person per
day", "$139 per kilowatt-hour", "birds each winter", "vessels each month" for "140 vessels call each month"),
also when the article says it once for a level and the level it rises to
("4,500 trips a day … could rise to 7,000 or more": 7,000 trips a day). A year is the figure's only where the article
gives the amount for it: never a start ("since 2015", "since the original
estimate in 2023"), another amount's ("up from 91,000 in March 2021"), an end ("until 2030") or
a hedged date ("open in 2031 at the earliest"), nor one across a clause ("…
and is expected to open in 2031"), nor when the amount has its own time
("38% today"). A "by 2035" year is kept, and the note says it is a "by". An
amount that describes who falls under a threshold ("households using less
than 150 litres") is the threshold itself, exact. What the format cannot hold
is left for a person: a range ("between 20 and 25 million litres a day") has
no amount drafted, and a change ("$8 more per month") no label, each with the
reason. "The 65 million figure" refers back to a figure and is not one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from content.draft.text import MONTHS, Sentence, clause_around, one_line, trim_words
from content.labels import AUXILIARIES, DANGLING, LINKING_VERBS, figure_label_reason, meaningless_label_reason

NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE_WORD = r"trillion|billion|million|thousand"
_SCALE = rf"(?:\s(?P<scale>{_SCALE_WORD})\b|(?P<short>tn|bn|mn|m|k)\b)"
_CUR_SIGN = r"US\$|A\$|C\$|HK\$|S\$|NZ\$|\$|€|£|¥|(?:USD|EUR|GBP|JPY|CHF|CNY|INR)\s?"
_CUR_WORD = r"(?:US\s)?dollars|euros?|pounds?(?:\ssterling)?|yen|yuan|rupees|USD|EUR|GBP|JPY|CHF|CNY|INR"
CURRENCY_BEFORE = re.compile(rf"(?P<cur>{_CUR_SIGN})(?P<num>{NUM}){_SCALE}?")
CURRENCY_AFTER = re.compile(rf"\b(?P<num>{NUM}){_SCALE}?\s(?P<curword>{_CUR_WORD})\b")
PERCENT = re.compile(rf"\b(?P<num>{NUM})(?:\s?%|\s(?:per\s?cent|percent)\b)(?P<points>\s(?:percentage\s)?points\b)?")
POINTS = re.compile(rf"\b(?P<num>{NUM})\spercentage\spoints\b")
SCALED = re.compile(rf"\b(?P<num>{NUM})\s(?P<scale>{_SCALE_WORD})"
                    rf"(?:\s(?P<noun>[a-z][a-z-]{{2,}}(?:\s[a-z][a-z-]+s\b)?))?")
COUNT = re.compile(rf"\b(?P<num>{NUM})\s(?P<noun>(?:[a-z][a-z-]+\s){{0,2}}(?:[a-z][a-z-]*s|people|staff|"
                   rf"children|personnel))\b")
YEAR = re.compile(r"\b(1[89]\d{2}|20\d{2}|2100)\b(?![.,]?\d|\s?%)")
SIGNS = {"US$": "USD", "$": "USD", "A$": "AUD", "C$": "CAD", "HK$": "HKD", "S$": "SGD", "NZ$": "NZD", "€": "EUR",
         "£": "GBP", "¥": "JPY"}
WORDS = {"dollars": "USD", "us dollars": "USD", "euro": "EUR", "euros": "EUR", "pounds": "GBP", "pound": "GBP",
         "pounds sterling": "GBP", "yen": "JPY", "yuan": "CNY", "rupees": "INR"}
SHORT_SCALES = {"tn": "trillion", "bn": "billion", "mn": "million", "m": "million", "k": "thousand"}
#: Nouns after a number that give a duration, a rank or a date, not a figure.
NOT_COUNTED = frozenset(
    "years months weeks days hours minutes seconds times decades centuries pages per percent "
    "am pm th st nd rd and or to of in on at by for from the was were is are has have had today now yesterday "
    "tomorrow".split())
BOUND_WORDS = (
    ("about", r"approximately|about|around|roughly|nearly|almost|some|an estimated|estimated|close to|circa"),
    ("more than", r"more than|over|above|exceeding|in excess of|upwards of"),
    ("at least", r"at least|no less than|a minimum of"),
    ("up to", r"up to|as much as|as many as|as high as|as large as|as big as|a maximum of"),
    ("less than", r"less than|under|below|fewer than|just under"),
)
_BOUND = [(name, re.compile(rf"(?:^|\W)(?:{words})\s*$", re.IGNORECASE)) for name, words in BOUND_WORDS]
_CONNECTOR = re.compile(
    r"\s(?:valued at|worth|totall?ing|of|at|reaching|amounting to|estimated at|to|is|was|were|are|be|by|for|"
    r"costing|cost|with|hit|reached|stood at|rose to|fell to)\s*$", re.IGNORECASE)
_SAID = re.compile(r"\b(?:reported|said|says|announced|estimated|noted|added|stated|told reporters)"
                   r"(?: on \w+)?(?: that)?\s")
_DETERMINERS = frozenset("a an the its their his her our this that these those".split())
_TRIM = _DETERMINERS | frozenset("and or but of to in at for by with as that which who is was are were".split())
_NAME = r"(?:[A-Z][\w&.’'-]*)(?:\s(?:of|for|and|&|on|the)?\s?[A-Z][\w&.’'-]*){0,6}"
#: Words that name a publication or a news agency ("The Riverton Gazette", "Nikkei", "Reuters").
PUBLICATIONS = (r"Gazette|Herald|Times|Post|Journal|News|Tribune|Telegraph|Guardian|Chronicle|Observer|Standard|"
                r"Express|Courier|Record|Examiner|Inquirer|Daily|Weekly|Wire|Nikkei|NHK|Reuters|Bloomberg|Kyodo|"
                r"Xinhua|AFP|BBC|CNN|Economist|Asahi|Yomiuri|Mainichi|Press")
#: "The Riverton Gazette, citing a draft utility report, put the shortfall at…": the outlet, then what it cites.
_CITING = re.compile(
    rf"(?P<name>{_NAME}), (?:citing|quoting|drawing on|relying on|based on) [^,;]{{1,100}}, (?:has |have |had )?"
    rf"(?:put|puts|reported|reports|said|says|estimated|estimates|wrote|writes|gave|gives|projected|forecast|"
    rf"calculated|stated|added|noted)\b")
#: "The Riverton Gazette put the expected shortfall at…": "put" gives a source only after a publication's name.
_PUT = re.compile(rf"(?P<name>{_NAME}),? (?:has |had )?(?:put|puts) (?:the|its|their)\b")
_ATTRIBUTIONS = [re.compile(p) for p in (
    rf"\b[Aa]ccording to (?:(?:the )?(?:latest |new |recent )?(?:reports?|data|figures|estimates|statistics|"
    rf"a report|a statement|an analysis|research|a survey|projections) (?:from|by|of) )?(?:the )?(?P<name>{_NAME})",
    rf"\b[Rr]eported by (?:the )?(?P<name>{_NAME})",
    rf"\b(?:[Dd]ata|[Ff]igures|[Ee]stimates|[Ss]tatistics|[Aa] report|[Aa] survey|[Aa] statement) (?:from|by|"
    rf"published by|released by) (?:the )?(?P<name>{_NAME})",
    rf"\b(?:said|says|reported|added|noted|wrote|estimated) (?:the )?(?P<name>{_NAME})",
    rf"(?P<name>{_NAME}),? (?:has |have |had )?(?:reported|said|says|estimated|estimates|told|announced|found|"
    rf"finds|projected|projects|forecast|forecasts|stated|noted|added|calculated|predicted|expects)\b",
)]
#: Bodies an article names in lower case ("the port authority said", "according to the city's statistics
#: office"): taken as a source only with a word that says which one ("port", "city's finance"), never a bare
#: "the company" or "the ministry" unless the same sentence (or the one before) names it in full.
_BODY_HEADS = (r"authority|ministry|department|council|agency|commission|regulator|office|bank|union|association|"
               r"board|government|operator|institute|committee|inspectorate|watchdog|company|spokesperson|"
               r"spokesman|spokeswoman")
_SPEECH = (r"said|says|told|announced|reported|estimated|estimates|stated|added|noted|wrote|confirmed|predicted|"
           r"forecast|projected|calculated")
_BODY = rf"(?P<body>(?:[A-Za-z][\w’'-]*\s){{0,3}}(?:{_BODY_HEADS}))\b"
_BODY_ATTRIBUTIONS = [re.compile(p) for p in (
    rf"\b(?:{_SPEECH}|[Aa]ccording to)(?: (?:the )?(?:latest |new )?(?:figures|data|estimates|statistics|"
    rf"a statement|a report|research|projections) (?:from|by|of))? the {_BODY}(?:, (?P<name>{_NAME}))?",
    rf"\b[Tt]he {_BODY},? (?:has |have |had )?(?:{_SPEECH})\b",
)]
#: Analysts, economists… named by the firm they work at: the firm is the source.
_AT_FIRM = re.compile(
    rf"\b(?:[Aa]nalysts|[Ee]conomists|[Rr]esearchers|[Ss]trategists|[Ee]xperts) (?:at|from) (?:the )?"
    rf"(?P<name>{_NAME})(?=,? (?:said|say|says|estimate|estimated|estimates|expect|expects|expected|forecast|"
    rf"forecasts|predict|predicted|told|noted|wrote)\b)|\b(?:said|says|estimated|according to) (?:analysts|"
    rf"economists|researchers|strategists|experts) (?:at|from) (?:the )?(?P<name2>{_NAME})")
#: "He said…", "…, she told reporters": the sentence's source is the one the sentence before names.
_PRONOUN_SAID = re.compile(rf"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t) (?:{_SPEECH}|say)\b")
#: Words a lower-case body's name never holds: "the plan will be run by the port authority" is no name.
_NOT_IN_BODY = frozenset(
    "a an the of and or but to in on at for by with from as that which who this these those it its their will "
    "would could should may might must can is are was were be been has have had said says told also new".split())
_NOT_NAMES = frozenset(
    "the this that these those it he she they we i you a an in on at but and officials analysts experts investors "
    "sources reports data figures researchers critics economists some many most its their his her our according "
    "as if while when recent official there here what how why who".split())


@dataclass
class FoundFigure:
    amount: float | int
    unit: str
    bound: str  # "exact" or one of the schema's BOUNDS
    year: int | None
    outlet: str
    label: str
    quote: str
    start: int  # where the amount is written in the sentence
    end: int
    around: str = ""  # the clause around the amount, cut out: a hint for a label left to write
    year_word: str = ""  # "by" when the article gives the year as a deadline ("by 2035"), else ""
    #: What the format cannot hold as drafted, for a person to write: "range" (no amount is drafted) or
    #: "change" (no label: the amount is a difference, not a level); ``why`` says it in the article's words.
    held: str = ""
    why: str = ""
    label_why: str = ""  # why the label the sentence gives is left to write ("“figure” alone does not say…")


def number(text: str) -> float | int:
    value = float(text.replace(",", ""))
    return int(value) if value.is_integer() and "." not in text else value


def _spans(sentence: str) -> list[tuple[int, int, float | int, str, int]]:
    """(start, end, amount, unit, noun) of every figure written in ``sentence``, earlier patterns first on
    overlaps; ``noun`` is where the counted noun phrase starts ("600 permanent staff"), -1 for money and shares."""
    found: list[tuple[int, int, float | int, str, int]] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, amount: float | int, unit: str, noun: int = -1) -> None:
        if any(start < e and s < end for s, e in taken):
            return
        if not 0 < amount <= 1e15:
            return
        taken.append((start, end))
        found.append((start, end, amount, unit, noun))

    def scale_of(match: re.Match[str]) -> str:
        short = match.groupdict().get("short")
        return SHORT_SCALES[short] if short else (match.groupdict().get("scale") or "")

    for match in CURRENCY_BEFORE.finditer(sentence):
        if _BACK_REFERENCE.match(sentence, match.end()) and _named_again(sentence, match.start()):
            taken.append((match.start(), match.end()))  # "the $1.2 billion figure": named before, not a new one
            continue
        code = SIGNS.get(match["cur"], match["cur"].strip())
        add(match.start(), match.end(), number(match["num"]), f"{scale_of(match)} {code}".strip())
    for match in CURRENCY_AFTER.finditer(sentence):
        code = WORDS.get(match["curword"].lower(), match["curword"].upper())
        add(match.start(), match.end(), number(match["num"]), f"{scale_of(match)} {code}".strip())
    for match in POINTS.finditer(sentence):
        add(match.start(), match.end(), number(match["num"]), "percentage points")
    for match in PERCENT.finditer(sentence):
        add(match.start(), match.end(), number(match["num"]), "percentage points" if match["points"] else "percent")
    for match in SCALED.finditer(sentence):
        named = bool(match["noun"]) and match["noun"].split()[0] in BACK_REFERENCES
        if named and _named_again(sentence, match.start()):  # "the 65 million figure": no new one
            taken.append((match.start(), match.end()))
            continue
        noun = match["noun"] if match["noun"] and match["noun"] not in NOT_COUNTED and not named else ""
        end = match.end() if noun else match.end("scale")
        add(match.start(), end, number(match["num"]), f"{match['scale']} {noun}".strip(),
            match.start("noun") if noun else -1)
    for match in COUNT.finditer(sentence):
        noun = _counted(match["noun"])
        if not noun or _is_year(match["num"]) or _date_like(sentence, match.start()):
            continue
        value = number(match["num"])
        if value < 2 and not isinstance(value, float):
            continue
        add(match.start(), match.start("noun") + len(noun), value, noun.split()[-1], match.start("noun"))
    for match in _BARE_COUNT.finditer(sentence):
        value = number(match["num"])
        if "," not in match["num"] and value < 10_000 or _RANGE_LOW.search(sentence, 0, match.start()):
            continue
        if _LEVEL_VERB.search(sentence, 0, match.start("num")) or label_for(sentence, match.start("num"), match.end()):
            add(match.start("num"), match.end(), value, "")  # its unit: the sentence's, or a person writes it
    return sorted(found)


#: A count written without a noun after "at", "to" or "reach" ("put the expected waiting list at 95,000", "the
#: list would only fall to 120,000"): a figure when the sentence names what it counts before it (a noun phrase
#: linked to it, or a level that falls, rises or reaches it).
_BARE_COUNT = re.compile(
    r"\b(?:at|to|reach|reaches|reached|reaching)\s(?P<num>\d{1,3}(?:,\d{3})+|\d+)"
    r"(?=[.,;:!?)]|\s(?:by|in|on|from|for|because|as|and|or|but|when|if|after|before|until|last|this|next)\b|$)")
_LEVEL_VERB = re.compile(r"\b(?:fall|falls|fell|fallen|rise|rises|rose|risen|drop|drops|dropped|climb|climbs|"
                         r"climbed|grow|grows|grew|grown|shrink|shrinks|shrank|increase|increases|increased|"
                         r"decrease|decreases|decreased|reach|reaches|reached|reaching)(?:\sto)?\s$")
#: "voted 9 to 4": the low end of a range or a score before "to".
_RANGE_LOW = re.compile(rf"(?<![\w.,])(?:{NUM})\s(?:to|-)\s$")


def _counted(noun: str) -> str:
    """The words of ``noun`` that name what is counted: up to the first word that cannot ("hectares of
    seagrass" gives "hectares"); "" when they do not end in a plural noun ("years", "of the")."""
    words: list[str] = []
    for word in noun.split():
        if word in NOT_COUNTED or word in DANGLING or word in LINKING_VERBS:  # "420 nurses sounds impressive"
            break
        words.append(word)
    if not words or not (words[-1].endswith("s") or words[-1] in ("people", "staff", "children", "personnel")):
        return ""
    return " ".join(words)


def _is_year(text: str) -> bool:
    return bool(re.fullmatch(r"1[89]\d{2}|20\d{2}|2100", text))


def _date_like(sentence: str, start: int) -> bool:
    before = sentence[max(0, start - 12):start].lower()
    return any(before.rstrip().endswith(month) for month in MONTHS)


#: Words after an amount that refer back to a figure the article gave before ("the 65 million figure").
BACK_REFERENCES = frozenset("figure figures estimate estimates number numbers forecast forecasts projection "
                            "projections".split())
_BACK_REFERENCE = re.compile(rf"\s(?:{'|'.join(sorted(BACK_REFERENCES))})\b")
_NAMED_AGAIN = re.compile(r"(?:^|\W)(?:the|that|this|those|these)\s$", re.IGNORECASE)


def _named_again(sentence: str, start: int) -> bool:
    """The amount at ``start`` follows "the"/"that"/"this": with "figure" after it, it names a figure again."""
    return bool(_NAMED_AGAIN.search(sentence[max(0, start - 7):start]))
#: A rate's period after its amount ("a day", "per person", "annually"): it stays in the unit. "A year
#: earlier" or "a year ago" is a time, not a period.
_PERIOD = re.compile(
    r"\s(?P<period>(?:a|an|per|each|every)\s(?:day|night|week|weekend|fortnight|month|quarter|year|decade|hour|"
    r"minute|winter|summer|spring|autumn|season|second|shift|person|head|capita|household|family|passenger|pupil|student|resident|customer|worker|"
    r"employee|annum)|per\s(?!(?:the|a|an|its|their|his|her|our|this|that|cent)\b)(?:cubic\s|square\s)?"
    r"[a-z][a-z-]*|annually|yearly|daily|weekly|monthly|hourly)\b"
    r"(?!\s(?:earlier|ago|later|before|after|previously|prior|old)\b)", re.IGNORECASE)
#: What a count is of, before its period: "20 gigawatt-hours of cells a year" (up to three words).
_OF_WORDS = re.compile(r"\sof(\s[a-z][\w’'-]*)(\s[a-z][\w’'-]*)?(\s[a-z][\w’'-]*)?")
#: A difference, not a level: "$8 more per month", "€5 million less".
_CHANGE = re.compile(r"\s(?P<change>more|less|fewer|extra)\b", re.IGNORECASE)
#: A bound written after the amount: "30 percent or more", "5 days or fewer".
_OR_BOUND = re.compile(r",?\sor\s(?:(?P<up>more|above|higher|greater|over)|(?P<down>less|fewer|below|lower|under))\b",
                       re.IGNORECASE)
#: Who or what falls under a threshold: "households using less than 150 litres" gives the threshold, 150.
_THRESHOLD = re.compile(
    r"\b(?:households?|homes|people|persons|families|users|customers|consumers|companies|firms|businesses|those|"
    r"anyone|residents|workers|employees|employers|adults|children|drivers|vehicles|cars|properties|buildings|"
    r"individuals|pensioners|students|taxpayers|earners|patients|farms|schools)(?:\s(?:who|that))?"
    r"(?:\s(?:using|use|uses|earning|earn|earns|with|having|have|has|aged|making|make|makes|paying|pay|pays|"
    r"consuming|consume|consumes|employing|employ|employs|weighing|weigh|weighs|on))?\s?$", re.IGNORECASE)
#: A range's lower end written as a bare number before the amount: "between 20 and 25 million", "20 to 25%".
_RANGE_BEFORE = re.compile(
    rf"(?:\b[Bb]etween\s(?P<between>{NUM})(?:\s(?:{_SCALE_WORD}))?\sand|(?<![\w.,$€£¥-])(?P<low>{NUM})"
    rf"(?:\s(?:{_SCALE_WORD}))?\s?(?:to|-|–|—))\s?$")
_RANGE_BETWEEN = re.compile(r"^\s?(?:and|to|-|–|—)\s?$")
#: Words before a year that make it no time of the amount: a start, an end, a bound on the date.
_NOT_ITS_YEAR = re.compile(
    r"\b(?:since|after|before|until|till|through|throughout|as early as|as late as|no earlier than|no later than|"
    r"not before|not until|starting in|beginning in|starting|beginning)\s(?:the\s(?:end|start|middle)\sof\s)?"
    r"(?:(?:early|late|mid-?)\s?)?(?:(?:spring|summer|autumn|fall|winter|" + "|".join(MONTHS) + r")\s)?$",
    re.IGNORECASE)
_HEDGED_YEAR = re.compile(r"\s?(?:at the earliest|at the latest|or later|or earlier|at the soonest)\b",
                          re.IGNORECASE)
_BY_YEAR = re.compile(r"\bby\s(?:the\s(?:end|start|middle)\sof\s)?$", re.IGNORECASE)
#: Between an amount and a year: the year is another clause's ("…a day and is expected to open in 2031").
_CLAUSE_BREAK = re.compile(
    r";|\band\s(?:is|are|was|were|will|would|could|should|has|have|had|may|might|must|can)\b|"
    r"\b(?:which|while|whereas|although|though|but|unless)\b", re.IGNORECASE)
#: "since 2009", "since the original estimate in 2023", "at any point since 2009": a start, dating nothing.
_SINCE = re.compile(r"\bsince\s(?:[\w’'-]+\s){0,6}$", re.IGNORECASE)
#: A number, what it counts and a preposition just before a year: "91,000 in March 2021", "18 percent in 2015",
#: "95,000 by the end of 2028". The year is that number's.
_NUMBER_BEFORE_YEAR = re.compile(
    rf"(?<![\d,.])(?P<num>{NUM})(?:\s?%|(?:\s(?!(?:in|by|as|at|during|for)\b)[a-z][\w-]*){{0,2}})?,?\s"
    rf"(?:in|by|as of|at|during|for)\s(?:the\s(?:end|start|middle)\sof\s)?(?:(?:early|late|mid-?)\s?)?"
    rf"(?:(?:{'|'.join(m.capitalize() for m in MONTHS)})\s)?$")


def since_year(sentence: str, year_start: int) -> bool:
    """Whether the year at ``year_start`` closes a "since" phrase ("since the original estimate in 2023"): a
    start, not the time of an amount or an event."""
    return bool(_SINCE.search(sentence[max(0, year_start - 80):year_start]))


def _owned_by_another(sentence: str, start: int, end: int, year_start: int) -> bool:
    """Whether the year at ``year_start`` is another amount's: "now stands at 148,000 people, up from 91,000 in
    March 2021" gives 2021 to 91,000, "from 91,000 in 2021 to 148,000" too."""
    match = _NUMBER_BEFORE_YEAR.search(sentence[max(0, year_start - 60):year_start])
    if not match:
        return False
    at = max(0, year_start - 60) + match.start("num")
    return not start <= at < end and not _is_year(match["num"])


#: Words after an amount that give its time ("38% today"): a year elsewhere in the sentence is not its.
_OWN_TIME = re.compile(r"\s(?:today|now|currently|at present|this year|last year|a year (?:ago|earlier)|"
                       r"the year before|previously)\b", re.IGNORECASE)


def bound_of(before: str) -> tuple[str, int]:
    """The bound the words just before an amount give, and how many characters those words take."""
    for name, pattern in _BOUND:
        match = pattern.search(before)
        if match:
            return name, len(before) - match.start()
    return "exact", 0


MAX_YEARS_TRIED = 12  # the nearest years of a sentence tried for an amount (a hostile one may hold thousands)
MAX_YEAR_DISTANCE = 600  # characters between an amount and a year read for a clause break


def year_near(sentence: str, start: int, end: int) -> int | None:
    return year_of(sentence, start, end)[0]


def year_of(sentence: str, start: int, end: int) -> tuple[int | None, str]:
    """The year the sentence gives the amount at ``start:end`` for (the nearest that is its: not a start, an
    end or a hedged date, not across a clause, none when the amount has its own time such as "today"), and
    "by" when the article writes it as a deadline ("by 2035"), else ""."""
    if _OWN_TIME.match(sentence, end):
        return None, ""
    near = sorted((min(abs(m.start() - end), abs(start - m.end())), m.start(), m) for m in YEAR.finditer(sentence)
                  if not start <= m.start() < end)
    for _distance, _at, match in near[:MAX_YEARS_TRIED]:
        before = sentence[max(0, match.start() - 40):match.start()]
        if _NOT_ITS_YEAR.search(before) or _HEDGED_YEAR.match(sentence, match.end()) or \
                since_year(sentence, match.start()) or _owned_by_another(sentence, start, end, match.start()):
            continue
        between = sentence[end:min(match.start(), end + MAX_YEAR_DISTANCE)] if match.start() >= end else \
            sentence[max(match.end(), start - MAX_YEAR_DISTANCE):start]
        if _CLAUSE_BREAK.search(between):
            continue
        return int(match[1]), "by" if _BY_YEAR.search(before) else ""
    return None, ""


#: Words that never stand between a count and its period as its verb ("£2 billion over a decade" is a span).
_NOT_RATE_VERBS = DANGLING | NOT_COUNTED | frozenset(
    "over within during across through throughout after before under about around once twice up down out off "
    "last next this each every nearly almost roughly only just".split())
_WORD = re.compile(r"\s(?P<word>[a-z]+)\b")


def verb_before_period(sentence: str, end: int) -> int:
    """Where the verb between a count and its period ends ("140 large vessels call each month": after "call"),
    or -1 when the count has no such verb."""
    word = _WORD.match(sentence, end)
    if not word or word["word"] in _NOT_RATE_VERBS or not _PERIOD.match(sentence, word.end()):
        return -1
    return word.end()


def _rate(sentence: str, end: int) -> tuple[str, str, int]:
    """After the amount ending at ``end``: a change word ("more"), the rate's period as the article writes it
    ("a day", "per person per day") and where they end."""
    change = _CHANGE.match(sentence, end)
    position = change.end() if change else end
    if not change and not _PERIOD.match(sentence, position) and verb_before_period(sentence, position) >= 0:
        position = verb_before_period(sentence, position)  # "140 large vessels call each month"
    elif not change and not _PERIOD.match(sentence, position):  # "20 gigawatt-hours of cells a year"
        words = _OF_WORDS.match(sentence, position)
        for stop in (words.end(n) for n in (1, 2, 3) if words and words.end(n) >= 0):
            if _PERIOD.match(sentence, stop):
                position = stop
                break
    periods: list[str] = []
    while len(periods) < 3:
        period = _PERIOD.match(sentence, position)
        if not period:
            break
        periods.append(" ".join(period["period"].split()))
        position = period.end()
    return (change["change"].lower() if change else ""), " ".join(periods), position


def _bound(sentence: str, start: int, end: int) -> str:
    """The bound the article gives the amount at ``start:end``, written before it or after it ("or more"); a
    threshold ("households using less than 150 litres") is stated exactly."""
    before = sentence[max(0, start - 30):start]
    bound, taken = bound_of(before)
    if bound in ("less than", "more than", "at least", "up to") and \
            _THRESHOLD.search(sentence[max(0, start - taken - 60):start - taken]):
        return "exact"
    after = _OR_BOUND.match(sentence, end)
    if bound == "exact" and after:
        return "at least" if after["up"] else "up to"
    return bound


def _base(unit: str) -> str:
    parts = unit.split()
    return " ".join(parts[1:] if parts and parts[0] in SHORT_SCALES.values() else parts)


def _ranges(sentence: str, spans: list[tuple[int, int, float | int, str, int]]) -> dict[int, int]:
    """The spans that are an end of a range ("between 20 and 25 million litres", "20% to 25%"), each with where
    its range starts; "from 20 to 25" is a change, not a range."""
    found: dict[int, int] = {}
    for index, (start, _end, _amount, _unit, _noun) in enumerate(spans):
        match = _RANGE_BEFORE.search(sentence[max(0, start - 60):start])
        if match:
            low = match["between"] or match["low"]
            cut = max(0, start - 60) + match.start()
            if not _is_year(low) and (match["between"] or not re.search(r"\bfrom\s$", sentence[:cut])):
                found[index] = cut
    for index, (first, second) in enumerate(zip(spans, spans[1:], strict=False)):
        if not _RANGE_BETWEEN.match(sentence[first[1]:second[0]]) or _base(first[3]) != _base(second[3]):
            continue
        before = sentence[:first[0]]
        joined = sentence[first[1]:second[0]].strip()
        between = re.search(r"\b[Bb]etween\s$", before)
        if between if joined == "and" else not re.search(r"\bfrom\s$", before):
            begin = between.start() if between else first[0]
            found[index] = found[index + 1] = begin
    return found


#: Names of organisations ("Port of Caldmouth", "Caldmouth Estuary Trust"): the word that names them in lower case
#: later ("the port says…", "the trust said…").
_ORGANISATION_NAME = re.compile(
    r"\b(?P<name>(?:[A-Z][\w’'-]*\s){0,3}(?P<kind>Port|Trust|Board|Council|Authority|Union|Company|Bank|Agency|"
    r"Commission|Ministry|Department|College|Association|Institute|Federation|Society|Foundation|Group|"
    r"Corporation)(?:\s(?:of|for)(?:\sthe)?(?:\s[A-Z][\w’'-]*){1,3})?)")
#: "the board of the Port of Caldmouth": a body of an organisation named in full.
_BODY_OF = re.compile(r"\b[Tt]he (?P<head>board|council|committee|management|directors|owners|union|staff) of "
                      r"(?:the )?(?P<name>[A-Z][\w’'-]*(?:\s(?:of|for|the|[A-Z][\w’'-]*)){0,5})")
#: "The board says…", "the port said…": a body named by one lower-case word.
_BARE_BODY_SAID = re.compile(rf"\b[Tt]he (?P<head>[a-z]+),? (?:has |have |had )?(?:{_SPEECH}|say)\b")
#: "Freight companies say…": a group of firms the article names by their trade, as the source of what they say
#: now (present tense: "Environmental groups said dredging could…" is no source, as drafted before).
_GROUP_SAY = re.compile(r"^(?P<name>[A-Z][a-z-]+ (?:companies|firms|operators|businesses|hauliers|shippers|"
                        r"retailers|employers|landlords|airlines|insurers|lenders|developers|farmers))"
                        r",? (?:say|estimate|warn|report)\b")


def bodies_named(text: str, named: dict[str, str] | None = None) -> dict[str, str]:
    """The bodies ``text`` names in full, by the lower-case word the article uses for them after ("port":
    "Port of Caldmouth", "board": "Port of Caldmouth's board"), added to ``named`` (the earlier sentences')."""
    found = dict(named or {})
    for match in _ORGANISATION_NAME.finditer(text):
        name = _clean_name(match["name"])
        if name and len(name.split()) > 1:
            found.setdefault(match["kind"].lower(), name)
    for match in _BODY_OF.finditer(text):
        name = _clean_name(match["name"])
        if name:
            found.setdefault(match["head"], f"{name}'s {match['head']}")
    return found


def outlet_in(text: str, previous: str = "", named: dict[str, str] | None = None) -> str:
    """The outlet, agency, body or person ``text`` names as the source of what it says ("according to X",
    "X said", "said X", "…, the port authority said", "analysts at X estimate"), or "" when it names none.

    The sentence before is asked only when this one attributes with a pronoun ("He said…"): a figure is never
    given a source the article does not give it.
    """
    found = _attribution(text)
    if found or not (previous or named):
        return found
    if _PRONOUN_SAID.search(text):
        return _attribution(previous)
    return _body_named_before(text, previous) or _named_earlier(text, named or {})


def _named_earlier(text: str, named: dict[str, str]) -> str:
    """"The board says…" after the article named "the board of the Port of Caldmouth"; "Freight companies say…"."""
    for match in _BARE_BODY_SAID.finditer(text):
        if match["head"] in named:
            return named[match["head"]]
    group = _GROUP_SAY.match(text)
    if group and group["name"].split()[0].lower() not in _NOT_NAMES:
        return group["name"]
    return ""


#: Words that make a name an organisation's ("The Royal College of Nursing"), not a person's.
_ORGANISATION = re.compile(r"\b(?:College|Union|Association|Council|Board|Ministry|Department|Agency|Authority|"
                           r"Commission|Institute|Federation|Society|Trust|Office|Bank|Company|Group|Corporation|"
                           r"Committee|Confederation|Congress|Service|Foundation|Organisation|Organization)\b")


def _body_named_before(text: str, previous: str) -> str:
    """"…, the union said" after a sentence that opens with "The Royal College of Nursing…": that body."""
    bare = any(len(m["body"].split()) == 1 and not _body_name(m["body"], text)
               for pattern in _BODY_ATTRIBUTIONS for m in pattern.finditer(text))
    opening = re.match(rf"(?P<name>{_NAME})", previous)
    if not bare or not opening:
        return ""
    name = _clean_name(opening["name"])
    return name if len(name.split()) > 1 and _ORGANISATION.search(name) else ""


def _attribution(text: str) -> str:
    for match in _CITING.finditer(text):
        name = _clean_name(match["name"])
        if name:
            return name
    for pattern in _ATTRIBUTIONS:
        for match in pattern.finditer(text):
            name = _clean_name(match["name"])
            if name:
                return name
    for match in _AT_FIRM.finditer(text):
        name = _clean_name(match["name"] or match["name2"])
        if name:
            return name
    for match in _PUT.finditer(text):
        name = _clean_name(match["name"])
        if name and re.search(rf"\b(?:{PUBLICATIONS})\b", name):
            return name
    for pattern in _BODY_ATTRIBUTIONS:
        for match in pattern.finditer(text):
            if match.groupdict().get("name") and _clean_name(match["name"]):
                return _clean_name(match["name"])  # "said the city's transit operator, Mirefield Transit"
            name = _body_name(match["body"], text)
            if name:
                return name
    return ""


def _body_name(body: str, text: str) -> str:
    """A lower-case body as the article names it ("port authority"), the words after any that cannot be part
    of a name; a bare head ("the ministry") only as the sentence names it in full ("The national transport
    ministry")."""
    words = body.split()
    kept: list[str] = []
    for word in reversed(words):
        if word.lower() in _NOT_IN_BODY or any(c.isdigit() for c in word):
            break
        kept.insert(0, word)
    if len(kept) >= 2:
        return " ".join(kept)
    head = words[-1]
    for match in re.finditer(rf"\b[Tt]he ((?:[A-Za-z][\w’'-]*\s){{1,3}}){re.escape(head)}\b", text):
        named = _body_name(match[1] + head, "") if match[1].strip() else ""
        if named:
            return named
    return ""


def _clean_name(name: str) -> str:
    parts = name.split()
    while parts and parts[0].lower().strip("’'") in _NOT_NAMES:
        parts.pop(0)
    while parts and parts[-1].lower() in ("of", "for", "and", "&", "on", "the"):
        parts.pop()
    text = " ".join(parts).rstrip(".,’'")
    if not text or not text[0].isupper() or any(c.isdigit() for c in text):
        return ""
    return text


#: Single words that name no measure on their own ("enough for 600,000 cars", "more than…").
_VAGUE = frozenset("enough more less much many some total it this that up down same".split())
_PRONOUNS = frozenset("it its he she they we i you them us him".split())
#: Verbs news prose puts between a subject and its amount ("prices fell 14%"): a phrase holding one is a clause.
_VERBS = frozenset("rose rise rises risen fell fall falls fallen grew grow grows grown increased decreased dropped "
                   "climbed declined jumped gained lost reached hit cost costs spent spend relies rely plans planned "
                   "aims aimed expects expected said says".split())
#: Adverbs between a subject and its linking verb ("the list now stands at…"): no part of the noun phrase.
_ADVERBS = frozenset("now currently still already only also just".split())
#: Verbs followed by a subject and a bare verb ("would let the port handle ships"): what follows is a clause.
_CAUSATIVES = frozenset("let lets letting help helps helped make makes made see saw watch".split())
#: Determiners that are also a clause's subject ("That leaves…"): the word after them may be its verb.
_SUBJECTS = frozenset("this that".split())
_VERB_S = re.compile(r"^[a-z]+[^s\W]s$")  # "leaves", "brings": a present-tense verb after such a subject
#: Possessives: "its cordon" alone names the place, not the amount's measure (left to write, with the clause).
_POSSESSIVES = frozenset("its their his her our".split())
_OF_PHRASE = re.compile(r"\s(?P<of>of\s[a-z][\w’'-]*(?:\s[a-z][\w’'-]*){0,2})")


def _noun_phrase(text: str) -> str:
    """``text`` trimmed to a noun phrase, or "" when it is not one (it holds a verb, a pronoun, a number, or
    reads as words cut from a sentence)."""
    label = trim_words(text, _TRIM)
    words = [w.lower().strip(",;:") for w in label.split()]
    if not words or len(words) > 8 or re.search(r"\d", label) or any(c in label for c in ",;:—–()"):
        return ""
    verbs = set(words[1:] if len(words) > 1 and words[0].endswith("ed") else words)  # "the expected waiting list"
    if set(words) & (AUXILIARIES | _PRONOUNS) or verbs & _VERBS or (len(words) == 1 and words[0] in _VAGUE):
        return ""
    return "" if figure_label_reason(label) else label


def _counted_phrase(sentence: str, noun: int, end: int) -> str:
    """What a count counts, as the article writes it: "affordable homes", "hectares of seagrass beds"."""
    phrase = sentence[noun:end]
    more = _OF_PHRASE.match(sentence, end)
    if more:
        words = more["of"].split()
        kept = [words[0]]
        for word in words[1:]:
            if word in DANGLING or word in NOT_COUNTED:
                break
            kept.append(word)
        if len(kept) > 1:
            phrase += " " + " ".join(kept)
    if len(phrase.split()) < 2:  # the unit alone ("jobs") says nothing the unit does not: which jobs?
        return ""
    return _noun_phrase(phrase)


def words_around(sentence: str, start: int, end: int) -> str:
    """The clause the amount is written in, verbatim ("creating about 3,200 jobs by 2028"): a hint for whoever
    writes the label, never a label itself."""
    left, right = clause_around(sentence, start, end, max_words=10)
    return one_line(sentence[left:right]).strip(" ,;:—–-")


def label_for(sentence: str, start: int, end: int, noun: int = -1) -> str:
    """The article's own noun phrase for what the amount measures (never the amount itself), or "" when the
    sentence gives none: the label is then left for a person to write, not made up from a cut clause.

    The phrase is the one the amount is linked to ("an annual capacity of up to 40 GWh" gives "annual
    capacity"), else, for a count, the noun phrase it counts ("about 1,200 affordable homes").
    """
    left, _right = clause_around(sentence, start, end, max_words=10)
    before = sentence[left:start]
    said = list(_SAID.finditer(before))
    if said:  # "NHK has reported that Japan aims to…": what was reported, not who
        before = before[said[-1].end():]
    _bound, taken = bound_of(before)
    before = before[:len(before) - taken] if taken else before
    connector = _CONNECTOR.search(" " + before)
    if connector:
        head = (" " + before)[:connector.start()].split()
        phrase: list[str] = []
        for back, word in enumerate(reversed(head[-7:])):
            if word.lower() in _DETERMINERS:
                before_determiner = head[-back - 2].lower() if back + 2 <= len(head) else ""
                if before_determiner in _CAUSATIVES:  # "let the port handle ships of…": a clause, no noun phrase
                    phrase = []
                elif word.lower() in _SUBJECTS and len(phrase) > 1 and _VERB_S.match(phrase[0]):
                    phrase = phrase[1:]  # "That leaves net revenue of £27 million": the verb is no part of it
                elif word.lower() in _POSSESSIVES and len(phrase) == 1:
                    phrase = []  # "reduced traffic across its cordon by 20%": "cordon" is not what 20% measures
                break
            phrase.insert(0, word)
        else:
            phrase = []
        while phrase and phrase[-1].lower() in LINKING_VERBS | _ADVERBS:  # "the vacancy rate … now stands at…"
            phrase.pop()
        label = _noun_phrase(" ".join(phrase))
        if label:
            return label
    return _counted_phrase(sentence, noun, end) if noun >= 0 else ""


def _period_said_before(text: str, spans: list[tuple[int, int, float | int, str, int]],
                        rates: list[tuple[str, str, int]], index: int, unit: str) -> str:
    """The period of an earlier amount of the same unit that this one is a level of, said once for both:
    "about 4,500 trips a day … could rise to 7,000 or more" is 7,000 trips a day. Only for a level written after
    "to", "at" or "reach", and never an earlier change's ("grown by 2,500 people a month to reach 150,000")."""
    start = spans[index][0]
    before = text[:start]
    before = before[:len(before) - bound_of(before)[1]]
    if not _LEVEL_LINK.search(before):
        return ""
    for (first, _end, _amount, first_unit, _noun), (change, period, _stop) in zip(spans[:index], rates[:index],
                                                                                 strict=True):
        if period and not change and _base(first_unit) == _base(unit) and not _BY.search(text[:first]):
            return period
    return ""


_BY = re.compile(r"\bby\s(?:(?:an?\s)?(?:average\sof\s)?)?(?:[a-z]+\s){0,2}$")


def _subject_reason(text: str, label: str, noun: int, end: int) -> str:
    """Why a count's own noun phrase is no label when the count is the subject of what the article says of it
    ("About 140 large vessels call each month": "large vessels" says nothing of the calls), or ""."""
    if noun < 0 or not label or label.lower() != text[noun:end].lower() or verb_before_period(text, end) < 0:
        return ""
    said = one_line(text[noun:_rate(text, end)[2]])
    return f"“{label}” names what is counted, not what the article says of them (“{said}”)"


def figures_in(sentence: Sentence, previous: str = "", named: dict[str, str] | None = None) -> list[FoundFigure]:
    """Every candidate figure in ``sentence`` (``previous``: the sentence before, for its attribution; ``named``:
    the bodies the article named before, by the word it uses for them, see :func:`bodies_named`)."""
    text = sentence.text
    out = []
    outlet = outlet_in(text, previous, named)
    spans = _spans(text)
    ranges = _ranges(text, spans)
    rates = [("", "", end) if unit in ("percent", "percentage points") and _CHANGE.match(text, end)
             else _rate(text, end) for start, end, _amount, unit, _noun in spans]
    for index, (start, end, amount, unit, noun) in enumerate(spans):
        change, period, stop = rates[index]
        if not unit:  # a bare count: what the sentence's other counts count, when they all count one thing
            counted = {u for _s, _e, _a, u, n in spans if n >= 0}
            unit = counted.pop() if len(counted) == 1 else ""
        if not period and not change and unit:
            period = _period_said_before(text, spans, rates, index, unit)
        if period:
            unit = f"{unit} {period}".strip()
        year, year_word = year_of(text, start, stop)
        label = label_for(text, start, end, noun)[:200]
        generic = meaningless_label_reason(label, unit) or _subject_reason(text, label, noun, end)
        found = FoundFigure(amount, unit, _bound(text, start, stop), year, outlet, "" if generic else label,
                            one_line(text), start, end, words_around(text, start, stop)[:200], year_word,
                            label_why=generic)
        written = one_line(text[start:stop])
        if index in ranges:
            last = stop if ranges.get(index + 1) != ranges[index] else _rate(text, spans[index + 1][1])[2]
            found.held = "range"
            found.why = (f"the article gives a range (“{one_line(text[ranges[index]:last])}”) and a figure holds "
                         "one amount: write the one the label names, with its bound, or drop it")
        elif change and unit not in ("percent", "percentage points"):
            found.held, found.label = "change", ""
            found.why = (f"the article gives a change (“{written}”), not an amount: write a label that says so "
                         "(“increase in …”), or drop it")
        out.append(found)
    return out


def states_amount(clause: str) -> bool:
    """Whether ``clause`` ends by stating an amount ("put the expected waiting list at 95,000", "the list would
    fall to 120,000"): its content is the figure, not an event."""
    text = clause.rstrip(" .")
    for start, end, _amount, _unit, _noun in _spans(text):
        if end >= len(text) - 1 or _rate(text, end)[2] >= len(text):
            before = text[:start]
            before = before[:len(before) - bound_of(before)[1]]
            return bool(_LEVEL_LINK.search(before))
    return False


#: Words that link a level to its amount ("at 95,000", "fall to 120,000", "reach $5 billion"); a change ("grow
#: by 25% a year") leaves the clause an event.
_LEVEL_LINK = re.compile(r"\b(?:at|to|reach|reaches|reached|reaching|totalling|totaling|totalled|totaled)\s$")


def chart_group(unit: str) -> str:
    """Figures in one unit family share a chart: amounts of a currency, percentages, one kind of count."""
    parts = unit.split()
    if parts and parts[0] in ("thousand", "million", "billion", "trillion"):
        parts = parts[1:]
    return "-".join(p.lower() for p in parts) or "amounts"
