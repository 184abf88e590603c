"""The article's paragraphs grouped into a handful of sections, titled with the article's own words.

Subheadings (short lines that end no sentence, or ask a question) start a
section and give its title; a heading repeated word for word (web pages often
print one twice) is dropped. A byline or dateline among the leading lines ("By
Staff Reporter, 14 March 2026", "Published 3 February 2025") is neither title
nor section: it dates the article. The paragraphs before the first subheading,
or all of them in an article without subheadings, are cut where a paragraph
opens with a short topic sentence ("Opponents are not convinced."), which
titles its section, and otherwise into about three paragraphs a section, each
titled by the first clause of its first sentence (without a dateline such as
"RIVERTON — "); the first is titled by the article's subtitle when it has one.
Bodies are the paragraphs verbatim, blank lines between them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from content.draft.milestones import date_in
from content.draft.text import is_heading, one_line, sentences

MAX_SECTIONS = 8
PER_SECTION = 3  # paragraphs per section when the article has no subheadings
MAX_TITLE_WORDS = 12
#: A first clause this short only opens the sentence ("For now", "In contrast"): the title takes the sentence.
OPENER_WORDS = 2
#: A first sentence this short, with more after it, announces its paragraph's topic ("Supporters point to air
#: quality."): without subheadings, a section starts there and takes it as its title.
TOPIC_WORDS = 7
#: ...or up to this many words when it is one plain clause, without a number or a comma ("Not everyone agrees on
#: how large the gap really is."): a longer first sentence with either states something of its own.
PLAIN_TOPIC_WORDS = 10


#: A news dateline opening the first paragraph ("RIVERTON — ", "LONDON, Oct. 8 (Meridian News) - "): not
#: part of a title taken from that paragraph.
DATELINE = re.compile(r"^[A-Z][A-Z .'’-]{1,30}(?:,[^—–()]{1,20})?(?:\s?\([^()]{1,40}\))?\s[—–-]\s(?=\S)")


@dataclass
class FoundSection:
    title: str
    paragraphs: list[int] = field(default_factory=list)  # indexes into the article's paragraphs


def _key(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text.lower()).strip()


def title_of(paragraph: str) -> str:
    """The first clause of the paragraph's first sentence (its first words, marked cut, if that is long); the
    whole sentence when that clause is only an opener ("For now, the council's transport chair … is confident"
    was titled "For now")."""
    found = sentences(paragraph)
    first = DATELINE.sub("", one_line(found[0].text if found else paragraph), count=1)
    clause = re.split(r"(?<=[,;:])\s", first)[0].rstrip(",;:")
    if len(clause.split()) <= OPENER_WORDS:
        clause = first
    words = clause.split()
    if len(words) <= MAX_TITLE_WORDS:
        return clause.rstrip(".")
    return " ".join(words[:8]) + " …"


def topic_sentence(paragraph: str) -> str:
    """The paragraph's first sentence when it announces what the paragraph is about, as a subheading would:
    short, and followed by more ("Opponents are not convinced. The Chamber of Commerce said…"); else ""."""
    found = sentences(paragraph)
    if len(found) < 2:
        return ""
    first = one_line(found[0].text)
    plain = not re.search(r"[\d,;:]", first)
    if not first.endswith(".") or len(first.split()) > (PLAIN_TOPIC_WORDS if plain else TOPIC_WORDS):
        return ""
    return first.rstrip(".")


#: Words a dateline may hold around its date: "Published 3 February 2025", "Updated: Tuesday 14 March 2026, 09:30 GMT".
_DATELINE_WORDS = re.compile(
    r"(?i)\b(?:published|updated|last updated|first published|posted|date|on|at|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|gmt|utc|bst|cet|cest|est|edt|pst|am|pm|\d{1,2}[:.]\d{2})\b")
_BYLINE = re.compile(r"^(?:By|BY)\s+[A-Z]")


def is_byline(paragraph: str) -> bool:
    """A byline or dateline: one short line naming the writer ("By Staff Reporter, 14 March 2026") or only
    dating the article ("Published 3 February 2025"); it is neither a title nor a section."""
    text = one_line(paragraph)
    if "\n" in paragraph.strip() or not text or len(text.split()) > 12 or text.endswith((".", "?", "!", ":")):
        return False
    if _BYLINE.match(text):
        return True
    found = date_in(text)
    if found is None:
        return False
    rest = _DATELINE_WORDS.sub(" ", text.replace(found[1], " "))
    return not re.sub(r"[\s,;:|·•/()\-—–]+", "", rest)


def byline_date(paragraphs: list[str]) -> str:
    """The article's date as its byline or dateline gives it (YYYY-MM-DD), or "" when none of its leading
    paragraphs is one that dates it."""
    for paragraph in paragraphs[:4]:
        if is_byline(paragraph):
            found = date_in(one_line(paragraph))
            if found is not None:
                year, month, day = found[0]
                return f"{year:04d}-{month:02d}-{day:02d}"
    return ""


def split_title(paragraphs: list[str]) -> tuple[str, str, int]:
    """(title, subtitle, first body paragraph): the article's leading headings; bylines and datelines among
    them ("By Staff Reporter, 14 March 2026") are skipped, neither title nor section."""
    title = subtitle = ""
    index = 0
    while index < min(len(paragraphs), 4):
        text = paragraphs[index]
        if is_byline(text):
            index += 1
        elif not title and is_heading(text) and not text.rstrip().endswith("?"):
            title, index = one_line(text), index + 1
        elif title and not subtitle and len(paragraphs) > index + 1 and is_heading(text) \
                and not text.rstrip().endswith("?"):
            subtitle, index = one_line(text), index + 1
        else:
            break
    return title, subtitle, index


def group(paragraphs: list[str], first: int, subtitle: str) -> list[FoundSection]:
    """Sections over ``paragraphs[first:]``; every paragraph belongs to one (headings give titles only)."""
    found: list[FoundSection] = []
    seen: set[str] = set()
    current: FoundSection | None = None
    has_headings = any(is_heading(p) for p in paragraphs[first:])
    headed = False  # a subheading has started the current part: the paragraphs before the first are unheaded
    for index in range(first, len(paragraphs)):
        text = paragraphs[index]
        if has_headings and is_heading(text):
            headed = True
            key = _key(text)
            if key in seen:
                continue  # the same heading again (pages often print one twice): its section goes on
            seen.add(key)
            if current is None or current.paragraphs:
                current = FoundSection(one_line(text).rstrip(":"))
                found.append(current)
            continue
        topic = "" if headed else topic_sentence(text)
        if current is None or (not headed and (len(current.paragraphs) >= PER_SECTION
                                               or (topic and current.paragraphs))):
            current = FoundSection(subtitle if not found and subtitle else (topic or title_of(text)))
            found.append(current)
        current.paragraphs.append(index)
    found = [s for s in found if s.paragraphs]
    while len(found) > MAX_SECTIONS:  # merge the two smallest neighbours
        sizes = [sum(len(paragraphs[i]) for i in s.paragraphs) for s in found]
        at = min(range(len(found) - 1), key=lambda i: sizes[i] + sizes[i + 1])
        found[at].paragraphs += found[at + 1].paragraphs
        del found[at + 1]
    return found
