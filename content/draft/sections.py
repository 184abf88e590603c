"""The article's paragraphs grouped into a handful of sections, titled with the article's own words.

Subheadings (short lines that end no sentence, or ask a question) start a
section and give its title; a heading repeated word for word (web pages often
print one twice) is dropped. The paragraphs before the first subheading open
the briefing, titled by the article's subtitle when it has one. An article
without subheadings is cut where a paragraph opens with a short topic sentence
("Opponents are not convinced."), which titles its section, and otherwise into
about three paragraphs a section, each titled by the first clause of its first
sentence. Bodies are the paragraphs
verbatim, blank lines between them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from content.draft.text import is_heading, one_line, sentences

MAX_SECTIONS = 8
PER_SECTION = 3  # paragraphs per section when the article has no subheadings
MAX_TITLE_WORDS = 12
#: A first clause this short only opens the sentence ("For now", "In contrast"): the title takes the sentence.
OPENER_WORDS = 2
#: A first sentence this short, with more after it, announces its paragraph's topic ("Supporters point to air
#: quality."): without subheadings, a section starts there and takes it as its title.
TOPIC_WORDS = 7


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
    first = one_line(found[0].text if found else paragraph)
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
    if not first.endswith(".") or len(first.split()) > TOPIC_WORDS:
        return ""
    return first.rstrip(".")


def split_title(paragraphs: list[str]) -> tuple[str, str, int]:
    """(title, subtitle, first body paragraph): the article's leading headings."""
    title = subtitle = ""
    index = 0
    if paragraphs and is_heading(paragraphs[0]) and not paragraphs[0].rstrip().endswith("?"):
        title, index = one_line(paragraphs[0]), 1
        if len(paragraphs) > 2 and is_heading(paragraphs[1]) and not paragraphs[1].rstrip().endswith("?"):
            subtitle, index = one_line(paragraphs[1]), 2
    return title, subtitle, index


def group(paragraphs: list[str], first: int, subtitle: str) -> list[FoundSection]:
    """Sections over ``paragraphs[first:]``; every paragraph belongs to one (headings give titles only)."""
    found: list[FoundSection] = []
    seen: set[str] = set()
    current: FoundSection | None = None
    has_headings = any(is_heading(p) for p in paragraphs[first:])
    for index in range(first, len(paragraphs)):
        text = paragraphs[index]
        if has_headings and is_heading(text):
            key = _key(text)
            if key in seen:
                continue  # the same heading again (pages often print one twice): its section goes on
            seen.add(key)
            if current is None or current.paragraphs:
                current = FoundSection(one_line(text).rstrip(":"))
                found.append(current)
            continue
        topic = "" if has_headings else topic_sentence(text)
        if current is None or (not has_headings and (len(current.paragraphs) >= PER_SECTION
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
