"""Candidate terms: acronyms with their expansion, and quoted or defined terms.

"the Ministry of Economy, Trade and Industry (METI)" gives the term METI with
its expansion as another accepted answer; “Sanaenomics” in quotation marks, or
a phrase the article defines ("X refers to Y", "known as X, which Y"), gives
a term with the article's own definition. The pack format asks a term for a
definition that does not repeat its expansion, so an acronym's definition, and
any definition the article does not state, is left for a person to write.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from content.draft.text import Sentence, one_line

_ACRONYM = re.compile(r"\((?P<acr>[A-Z][A-Za-z&]{1,9})\)")
_TOKEN = re.compile(r"[A-Za-z][\w’'-]*")
_SMALL = frozenset("of and for the & on in to de du la at".split())
_QUOTED = re.compile(r"[“\"‘](?P<term>[A-Za-z][\w’' -]{1,60}?)[,.]?[”\"’]")
_DEFINITIONS = (
    re.compile(r"\b(?:known as|called|dubbed|termed)\s+[“\"‘]?(?P<term>[^,”\"’]{2,60}?)[,.]?[”\"’]?,?\s+"
               r"(?:which|that|a term that|a policy that)\s+(?P<definition>[^.;]{12,400})"),
    re.compile(r"[“\"‘](?P<term>[^”\"’]{2,60}?)[,.]?[”\"’]\s+(?:refers to|means|is defined as|describes|is)\s+"
               r"(?P<definition>[^.;]{12,400})"),
    re.compile(r"[“\"‘](?P<term>[^”\"’]{2,60}?)[,.]?[”\"’],?\s+(?:which|a term (?:that|for|used))\s+"
               r"(?P<definition>[^.;]{12,400})"),
)
#: Quoted words that are not terms: single common words put in quotes for emphasis are still offered,
#: but these never are.
_NOT_TERMS = frozenset({"the", "a", "an", "and", "or", "it", "this", "that"})


@dataclass
class FoundTerm:
    term: str
    definition: str  # the article's words, or "" when a person must write it
    accept: list[str]
    quote: str
    category: str  # "acronym" or "term"


def acronyms_in(sentence: Sentence) -> list[FoundTerm]:
    """Acronyms written after their expansion, the initials checked against the expansion's words."""
    out = []
    text = sentence.text
    for match in _ACRONYM.finditer(text):
        acronym = match["acr"]
        letters = [c for c in acronym if c.isupper()]
        tokens = list(_TOKEN.finditer(text[:match.start()]))
        start = None
        wanted = list(reversed(letters))
        for token in reversed(tokens):
            word = token.group()
            if not wanted:
                break
            if word.lower() in _SMALL:
                continue
            initial = word[0].upper()
            if initial == wanted[0]:
                wanted.pop(0)
                start = token.start()
                # a word may give more than one letter ("GeoPolitical"): take its other capitals too
                for cap in [c for c in word[1:] if c.isupper()]:
                    if wanted and cap == wanted[0]:
                        wanted.pop(0)
            else:
                break
        if wanted or start is None:
            continue
        expansion = one_line(text[start:match.start()]).rstrip(" ,")
        if len(expansion) > 120:
            continue
        out.append(FoundTerm(acronym, "", [expansion], one_line(text), "acronym"))
    return out


def defined_in(sentence: Sentence) -> list[FoundTerm]:
    """Terms the sentence defines or puts in quotation marks."""
    text = sentence.text
    out: dict[str, FoundTerm] = {}
    for pattern in _DEFINITIONS:
        for match in pattern.finditer(text):
            term = match["term"].strip(" ,.")
            if term.lower() in _NOT_TERMS or len(term.split()) > 6:
                continue
            definition = one_line(match["definition"]).rstrip(" ,")
            out.setdefault(term.lower(), FoundTerm(term, definition, [], one_line(text), "term"))
    for match in _QUOTED.finditer(text):
        term = match["term"].strip(" ,.")
        if term.lower() in _NOT_TERMS or len(term.split()) > 5 or term.lower() in out:
            continue
        out[term.lower()] = FoundTerm(term, "", [], one_line(text), "term")
    return list(out.values())
