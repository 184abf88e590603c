"""The handouts' own words (headings, footers, chart notes, answer spaces), in the pack's language.

A handout prints the pack's text inside a frame of our words: "Source:", "page 2 of 9",
"Printed …", "Figures in this section", "reported by …", the chart's note and its
alternative in words. A reader of a Japanese pack's briefing should not meet English there,
so each of those words is a template marked here with :func:`QT_TRANSLATE_NOOP` and
translated in ``i18n/<language>/questions.ts`` (:mod:`content.phrases`, as the generated
questions and the briefing page's own words are). The builders put the pack's language in
:attr:`content.handout.model.Document.language`; the renderers ask :func:`say` for the
words in it. A language without translations (English) gets the source text unchanged.
"""

from __future__ import annotations

import re

from content.phrases import QT_TRANSLATE_NOOP, phrase

CONTEXT = "content.handout.words"

# -- the title block and every page's header and footer --------------------------------
SOURCE = QT_TRANSLATE_NOOP("content.handout.words", "Source: {source}")
PRINTED = QT_TRANSLATE_NOOP("content.handout.words", "Printed {date}")
EXAM_CODE = QT_TRANSLATE_NOOP("content.handout.words", "exam code {code}")
PAGE_OF = QT_TRANSLATE_NOOP("content.handout.words", "page {page} of {pages}")
#: Between the items of a list written in a sentence ("Nikkei, Reuters").
SEPARATOR = QT_TRANSLATE_NOOP("content.handout.words", ", ")

# -- the briefing -----------------------------------------------------------------------
BRIEFING = QT_TRANSLATE_NOOP("content.handout.words", "Briefing")
FIGURES_HERE = QT_TRANSLATE_NOOP("content.handout.words", "Figures in this section")
TIMELINE = QT_TRANSLATE_NOOP("content.handout.words", "Timeline")
GLOSSARY = QT_TRANSLATE_NOOP("content.handout.words", "Glossary")
SOURCES = QT_TRANSLATE_NOOP("content.handout.words", "Sources")
THE_ARTICLE_IS = QT_TRANSLATE_NOOP("content.handout.words", "The article: {citation}")
MORE_FROM = QT_TRANSLATE_NOOP("content.handout.words", "… and {count} more figures from {outlet}.")
REPORTED_BY_ALL = QT_TRANSLATE_NOOP("content.handout.words", "Reported by {outlets}.")
#: After the caption (its leading space belongs to English: Japanese runs the sentences on).
ALSO_SOURCES = QT_TRANSLATE_NOOP("content.handout.words", " Sources: {outlets}.")
NOT_CHARTED = QT_TRANSLATE_NOOP("content.handout.words", "{count} smaller figures of this group are not charted.")
PART = QT_TRANSLATE_NOOP("content.handout.words", "{title} ({part} of {parts})")
DRAWN_AS = QT_TRANSLATE_NOOP("content.handout.words", "{caption} Drawn as {count} charts so the smaller amounts stay "
                             "visible: compare bars within one chart only.")
REPORTED_BY = QT_TRANSLATE_NOOP("content.handout.words", "reported by {outlet}")
THE_ARTICLE = QT_TRANSLATE_NOOP("content.handout.words", "the article")
NEXT_CHECKPOINT = QT_TRANSLATE_NOOP("content.handout.words", "next checkpoint")
HAS_HAPPENED = QT_TRANSLATE_NOOP("content.handout.words", "(has happened)")
DATE_PASSED = QT_TRANSLATE_NOOP("content.handout.words", "(date now past: the article had it ahead)")

# -- charts -----------------------------------------------------------------------------
IN_WORDS = QT_TRANSLATE_NOOP("content.handout.words", "In words: {text}")
ALT_TEXT = QT_TRANSLATE_NOOP("content.handout.words", "Bar chart, linear scale from {zero} ({axis}). {bars}.")
ALT_BAR = QT_TRANSLATE_NOOP("content.handout.words", "{label}: {amount} ({outlet})")
#: Between the bars of a chart in words.
BAR_SEPARATOR = QT_TRANSLATE_NOOP("content.handout.words", "; ")
CHART_MARKDOWN = QT_TRANSLATE_NOOP("content.handout.words", "(chart, linear scale from {zero}, {axis})")
CHART_WORD = QT_TRANSLATE_NOOP("content.handout.words", "Chart, linear scale from {zero} ({axis}):")
AMOUNT = QT_TRANSLATE_NOOP("content.handout.words", "Amount")
WHAT = QT_TRANSLATE_NOOP("content.handout.words", "What")
REPORTED_BY_HEADER = QT_TRANSLATE_NOOP("content.handout.words", "Reported by")

# -- the one-page brief -----------------------------------------------------------------
ONE_PAGE_BRIEF = QT_TRANSLATE_NOOP("content.handout.words", "One-page brief")
KEY_FIGURES = QT_TRANSLATE_NOOP("content.handout.words", "Key figures")
MORE_IN_BRIEFING = QT_TRANSLATE_NOOP("content.handout.words", "{count} more figures are in the briefing.")
WHAT_TO_WATCH = QT_TRANSLATE_NOOP("content.handout.words", "What to watch")
#: What the brief left out to fit one page, as the export says it (the parts are named in the pack's language).
LEFT_OUT = QT_TRANSLATE_NOOP("content.handout.words", "Left out to fit one page: {parts}.")
THE_SUMMARY = QT_TRANSLATE_NOOP("content.handout.words", "the summary")
THE_FIGURE = QT_TRANSLATE_NOOP("content.handout.words", "the figure {amount} ({label})")
THE_TABLE = QT_TRANSLATE_NOOP("content.handout.words", "the table {title}")
THE_WATCH = QT_TRANSLATE_NOOP("content.handout.words", "what to watch")
THE_LIST = QT_TRANSLATE_NOOP("content.handout.words", "the list {title}")

# -- answer spaces of the paper quiz ----------------------------------------------------
STATEMENT = QT_TRANSLATE_NOOP("content.handout.words", "Statement")
ITEM = QT_TRANSLATE_NOOP("content.handout.words", "Item")
LETTER = QT_TRANSLATE_NOOP("content.handout.words", "Letter")
ANSWER = QT_TRANSLATE_NOOP("content.handout.words", "Answer")
ANSWER_LINE = QT_TRANSLATE_NOOP("content.handout.words", "Answer: {line}")

_FIELD = re.compile(r"(\{[a-z_]+\})")


def say(language: str, template: str) -> str:
    """``template`` (one of this module's) in ``language``, or as written when it has no translation."""
    return phrase(language, CONTEXT, template)


def joined(language: str, items: list[str] | tuple[str, ...]) -> str:
    """Items in one sentence, separated as ``language`` writes a list ("A, B"; 「A、B」)."""
    return say(language, SEPARATOR).join(items)


def pieces(language: str, template: str) -> list[str]:
    """The translated ``template`` split at its fields: ``["page ", "{page}", " of ", "{pages}", ""]``.

    For formats that put something other than text where a field is (Word's PAGE and NUMPAGES fields)."""
    return _FIELD.split(say(language, template))
