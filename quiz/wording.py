"""Phrasing generated questions, and checking that a stem does not give its key away.

Generated stems are built from a pack's labels and headers, which may be
common nouns ("Stimulus plan") or proper nouns ("Intel's expected CHIPS
award"). Lower-casing blindly produced "the intel's"; so a word is only
lower-cased when the article itself writes it in lower case.

A stem "gives the key away" when a learner who never read the briefing could
pick the key from the wording alone: the stem contains the key or one of its
accepted names, its initials or expansion ("Ministry of Economy, Trade and
Industry" → METI), or a word that links it to the key and to no distractor
("launched under Shinzo Abe" → Abenomics).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from content import scripts

# Words of scripts written with spaces; text without spaces (Japanese, Chinese) is matched by
# characters instead (content.scripts), so 政府は補正予算を is not taken for one long word.
_LETTER = rf"[^\W\d_{scripts.NO_SPACES}]"
_WORD = re.compile(rf"{_LETTER}+(?:['’]{_LETTER}+)*", re.UNICODE)
_WORD_CHAR = rf"[^\W{scripts.NO_SPACES}]"  # \w of the scripts written with spaces
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
STOPWORDS = frozenset("""
a an and are as at be by for from has have in into is it its of on or that the their this to was were which
with will than then these those not no over under more less most what who how when where why whose
""".split())
#: Doubled words ("the the") and broken possessives ("the Intel's", "'s's") the item lint rejects.
DOUBLED = re.compile(r"\b(\w+)\s+\1\b", re.IGNORECASE)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


@dataclass(frozen=True)
class Vocabulary:
    """How the article writes words: in lower case somewhere, or capitalised mid-sentence (a proper noun)."""

    lower: frozenset[str] = frozenset()
    proper: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.lower or self.proper)


def lowercase_vocabulary(text: str | None) -> Vocabulary:
    """Read the article once: which words it writes in lower case, which it capitalises mid-sentence."""
    if not text:
        return Vocabulary()
    lower: set[str] = set()
    proper: set[str] = set()
    previous = "."
    for match in re.finditer(r"[^\W\d_]+(?:['’][^\W\d_]+)*|[.!?:]", text):
        token = match.group(0)
        if token in ".!?:":
            previous = token
            continue
        if token.islower():
            lower.add(token)
        elif token[:1].isupper() and previous not in ".!?:":
            proper.add(_POSSESSIVE.sub("", token))
        previous = token
    return Vocabulary(frozenset(lower), frozenset(proper))


def lower_first(text: str, vocabulary: Vocabulary) -> str:
    """Lower-case ``text``'s first word for use mid-sentence, unless it is a name.

    Acronyms ("AI plan"), possessives ("Intel's award") and words the article
    capitalises mid-sentence without ever writing them in lower case ("Tokyo")
    keep their case; without an article to go by, nothing is lower-cased.
    """
    found = _WORD.match(text)
    if not found or not vocabulary:
        return text
    first = found.group(0)
    bare = _POSSESSIVE.sub("", first)
    if not bare[:1].isupper() or (len(bare) > 1 and bare[1:2].isupper()) or bare != first:
        return text
    if bare.lower() in vocabulary.lower or bare not in vocabulary.proper:
        return first[0].lower() + text[1:]
    return text


def header_phrase(header: str) -> str:
    """A table header as a common noun mid-sentence ("Location" → "location"); acronyms keep their case."""
    first = (words(header) or [""])[0]
    if first[:1].isupper() and not first.isupper() and not (len(first) > 1 and first[1:2].isupper()):
        return header[0].lower() + header[1:]
    return header


def noun_phrase(label: str, vocabulary: Vocabulary) -> str:
    """``label`` as the object of a sentence: "the stimulus plan", "the AI investment plan", "Intel's award"."""
    phrase = lower_first(label, vocabulary)
    first = (words(phrase) or [""])[0]
    if first.lower() in ("the", "a", "an", "this", "these") or _POSSESSIVE.search(first):
        return phrase
    if phrase[:1].isupper() and not first.isupper():
        return phrase  # a name: "Tokyo Metro ridership"
    return f"the {phrase}"


#: Arabic prefixes written onto a word: "the" (ال) and "and/with/for the" (وال، بال، لل…).
ARABIC_ARTICLE = re.compile(r"^(?:[وفبكل]?ال|لل)(?=[\u0621-\u064a]{3})")


def _norm(word: str) -> str:
    word = _POSSESSIVE.sub("", word.casefold())
    if "\u0621" <= word[:1] <= "\u064a":  # Arabic: البيانات and للبيانات are the word بيانات
        return ARABIC_ARTICLE.sub("", word)
    return word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith("ss") else word


def content_words(text: str) -> set[str]:
    """Words that carry meaning: of three letters or more and no stopword; in text without spaces,
    pairs of kanji/katakana (補正予算 → 補正, 正予, 予算), so a stem can be checked for cues in any script."""
    found = {_norm(w) for w in words(text) if len(w) > 2 and w.casefold() not in STOPWORDS}
    return found | scripts.bigrams(text)


def initials(text: str) -> str:
    """ "Ministry of Economy, Trade and Industry" → "METI" (only for names of two or more capitalised words)."""
    caps = [w for w in words(text) if w[:1].isupper()]
    return "".join(w[0] for w in caps).upper() if len(caps) >= 2 else ""


def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """``phrase`` as a whole word or name, any case: not inside a longer word of a spaced script.

    An end written in a script without spaces (日経, 補正予算) needs no boundary: a name stands
    right next to particles and numbers there (日経によると, 2040年度).
    """
    before = "" if scripts.starts_unspaced(phrase[:1]) else rf"(?<!{_WORD_CHAR})(?<!-)"
    after = "" if scripts.starts_unspaced(phrase[-1:]) else rf"(?!{_WORD_CHAR})(?!-)"
    return re.compile(f"{before}{re.escape(phrase)}{after}", re.IGNORECASE)


def _contains_phrase(haystack: str, phrase: str) -> bool:
    phrase = phrase.strip()
    if not phrase:
        return False
    return phrase_pattern(phrase).search(haystack) is not None


#: Words of a figure's subject that say which bound it is ("the upper estimate of…" → "up to"): asking
#: which bound the article gives would then be answered by the stem.
#: "required" too: a required share is a floor ("the recycled cobalt required in new cells" → "at least").
_BOUND_NAMES = frozenset({"upper", "lower", "maximum", "minimum", "max", "min", "ceiling", "floor", "cap",
                          "capped", "most", "least", "highest", "lowest", "top", "required", "requires",
                          "mandatory"})


def names_a_bound(subject: str) -> bool:
    """Whether ``subject`` itself says which bound its amount is (English words; other languages: False)."""
    return any(w.casefold() in _BOUND_NAMES for w in words(subject))


def gives_away(stem: str, key: str, *, also: Iterable[str] = (), distractors: Iterable[str] = ()) -> str | None:
    """Why ``stem`` lets a learner pick ``key`` without knowing it, or None.

    ``also`` are other names of the key (accepted answers, expansions);
    ``distractors`` are the other options: a word shared with a distractor
    points to both and is no cue.
    """
    names = [n for n in (key, *also) if n and n.strip()]
    distractors = list(distractors)
    stem_words = {w.casefold() for w in words(stem)}
    # A scenario that names its options ("Proposal A", "Proposal B") names a distractor too: no cue.
    names_options = any(_contains_phrase(stem, d) for d in distractors)
    for name in names:
        if _contains_phrase(stem, name) and not names_options:
            return f"the stem contains the answer {name!r}"
        short = initials(name)
        if len(short) >= 2 and short.casefold() in stem_words and short.casefold() != name.casefold():
            return f"the stem contains {short!r}, the initials of {name!r}"
        if name.isupper() and len(name) >= 2:
            for phrase in _capitalised_runs(stem):
                if initials(phrase) == name:
                    return f"the stem spells out {name!r} ({phrase})"
    other_words = set().union(*(content_words(d) for d in distractors)) if distractors else set()
    key_words = set().union(*(content_words(n) for n in names))
    shared = (content_words(stem) & key_words) - other_words
    if shared:
        return f"the stem shares {sorted(shared)[0]!r} with the answer and with no other option"
    # A name inside the key: "Abe" → Abenomics, "Sanae" → Sanaenomics.
    raw_key_words = [w.casefold() for n in names for w in words(n)]
    other_raw = [w.casefold() for d in distractors for w in words(d)]
    for word in words(stem):
        low = word.casefold()
        if len(word) >= 3 and word[:1].isupper() and not word.isupper() and low not in STOPWORDS:
            if any(k != low and k.startswith(low) for k in raw_key_words) and not any(
                    o.startswith(low) for o in other_raw):
                return f"the stem's {word!r} is the start of the answer"
    return None


def _capitalised_runs(text: str) -> list[str]:
    """Runs of capitalised words, allowing "of", "and", "the" inside: "Ministry of Economy, Trade and Industry"."""
    runs: list[str] = []
    current: list[str] = []
    for token in re.findall(r"[\w’']+|[,]", text):
        if token[:1].isupper() or (current and token.lower() in ("of", "and", "the", ",")):
            current.append(token)
        else:
            if current:
                runs.append(" ".join(current))
            current = []
    if current:
        runs.append(" ".join(current))
    return [r.strip(" ,") for r in runs]


def awkward(text: str) -> str | None:
    """Doubled words or broken possessives in a stem, or None (the item lint uses this)."""
    doubled = DOUBLED.search(text)
    if doubled and doubled.group(1).lower() not in ("that", "had"):
        return f"doubled word {doubled.group(0)!r}"
    if re.search(r"['’]s['’]s\b", text):
        return "broken possessive ('s's)"
    return None
