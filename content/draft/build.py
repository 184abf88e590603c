"""From an article to a draft: sections first, then the figures, terms and milestones in each.

Every item records the section it was found in, which becomes its topic in
the pack (one topic per section). ``checkpoint`` is called between steps, so
the GUI can cancel a draft: whatever it raises passes through.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from content.draft.article import Article, read_article
from content.draft.figures import bodies_named, figures_in
from content.draft.milestones import FoundMilestone, milestones_in
from content.draft.model import Draft, DraftItem
from content.draft.sections import FoundSection, byline_date, group, split_title, title_of
from content.draft.terms import FoundTerm, acronyms_in, defined_in
from content.draft.text import Ids, Sentence, is_heading, sentences, slug
from content.validate import numbers_in

MAX_FIGURES = 300  # figure cards the briefing shows with sections, all together
MAX_TERMS = 300
MAX_MILESTONES = 50
MAX_SECTION_CHARS = 20_000


def draft_article(path: str | Path, checkpoint: Callable[[], None] | None = None) -> Draft:
    """Read the article in ``path`` and draft a pack from it (:class:`ArticleError` if it cannot be read)."""
    step = checkpoint or (lambda: None)
    article = read_article(path, step)
    step()
    return draft_text(article, step)


def draft_text(article: Article, checkpoint: Callable[[], None] | None = None) -> Draft:
    step = checkpoint or (lambda: None)
    ids = Ids()
    paragraphs = article.paragraphs
    heading, subtitle, first = split_title(paragraphs)
    found_sections = _fit(group(paragraphs, first, subtitle), paragraphs)
    if not found_sections:  # an article of headings only: every line is its body
        found_sections = [FoundSection(title_of(paragraphs[0]), list(range(len(paragraphs))))]
    source_numbers = numbers_in(article.text)
    title = _title(article, heading, found_sections, paragraphs, source_numbers)
    dated_by = "the page's or the PDF's date" if article.date else "the article's byline"
    date = article.date or byline_date(paragraphs[:first])
    items: list[DraftItem] = _source_items(article, title, date, dated_by)
    section_of: dict[int, str] = {}
    for found in found_sections:
        ident = ids.make("section", found.title)
        body = "\n\n".join(paragraphs[i] for i in found.paragraphs)
        first, last = found.paragraphs[0] + 1, found.paragraphs[-1] + 1
        note = f"paragraph {first} of the article" if first == last else f"paragraphs {first}–{last} of the article"
        if found.title.endswith(" …"):  # a cut first sentence reads badly in the contents, quizzes and exports
            note += "; title: the first words of its first sentence, cut short: a heading of your own reads better"
        items.append(DraftItem("section", ident, {"title": found.title, "body": body}, section=ident, note=note))
        for index in found.paragraphs:
            section_of[index] = ident
    step()
    figures: list[DraftItem] = []
    seen: dict[tuple[float, str, str], str] = {}
    terms: dict[str, DraftItem] = {}
    dated: list[tuple[FoundMilestone, str]] = []
    named: dict[str, str] = {}  # the bodies named so far, by the word the article uses for them after
    for index in sorted(section_of):
        if is_heading(paragraphs[index]):
            continue
        section = section_of[index]
        previous = ""
        for sentence in sentences(paragraphs[index], index):
            figures += _figures(sentence, previous, section, ids, seen, named)
            named = bodies_named(sentence.text, named)
            for term in acronyms_in(sentence) + defined_in(sentence):
                _add_term(terms, term, section, ids)
            dated += [(milestone, section) for milestone in milestones_in(sentence)]
            previous = sentence.text
        step()
    items += figures[:MAX_FIGURES]
    items += list(terms.values())[:MAX_TERMS]
    items += _milestones(dated[:MAX_MILESTONES], date, ids)
    return Draft(article, slug(title, 48), items)


def _fit(sections: list[FoundSection], paragraphs: list[str]) -> list[FoundSection]:
    """Sections whose bodies fit the format's paragraph-text limit (a long one is cut between paragraphs)."""
    out: list[FoundSection] = []
    for section in sections:
        part = FoundSection(section.title)
        size = 0
        for index in section.paragraphs:
            length = len(paragraphs[index]) + 2
            if part.paragraphs and size + length > MAX_SECTION_CHARS:
                out.append(part)
                part, size = FoundSection(title_of(paragraphs[index])), 0
            part.paragraphs.append(index)
            size += length
        if part.paragraphs:
            out.append(part)
    return [s for s in out if sum(len(paragraphs[i]) for i in s.paragraphs) <= MAX_SECTION_CHARS][:200]


def _title(article: Article, heading: str, sections: list[FoundSection], paragraphs: list[str],
           source_numbers: set[str]) -> str:
    """The file's own title (page or PDF metadata) if its numbers are in the text, else the article's heading."""
    for candidate in (article.title, heading):
        if candidate and numbers_in(candidate) <= source_numbers:
            return candidate[:300]
    return sections[0].title if sections else title_of(paragraphs[0])


def _source_items(article: Article, title: str, date: str, dated_by: str) -> list[DraftItem]:
    where = {"text": "the first line", "html": "the page's title", "pdf": "the PDF's title"}[article.kind]
    items = [DraftItem("source", "title", {"title": title}, note=f"from {where}: the briefing's title"),
             DraftItem("source", "source_title", {"source_title": title}, note=f"from {where}")]
    for name, value, origin in (("source_publisher", article.publisher, "the page's site name or the PDF's author"),
                                ("source_date", date, dated_by),
                                ("source_url", article.url, "the page's address")):
        if value:
            items.append(DraftItem("source", name, {name: value}, note=f"from {origin}"))
    items.append(DraftItem("source", "summary", {"summary": ""}, accepted=False, todo=["summary"],
                           note="to write: one paragraph on what the article says (numbers in it must be the "
                                "article's)"))
    return items


def _figures(sentence: Sentence, previous: str, section: str, ids: Ids,
             seen: dict[tuple[float, str, str], str], named: dict[str, str]) -> list[DraftItem]:
    out = []
    for found in figures_in(sentence, previous, named):
        fields: dict[str, Any] = {"label": found.label, "amount": found.amount, "unit": found.unit,
                                  "approximate": found.bound == "about"}
        if found.bound != "exact":
            fields["bound"] = found.bound
        if found.year is not None:
            fields["year"] = found.year
        if found.outlet:
            fields["outlet"] = found.outlet
        fields["quote"] = found.quote
        todo: list[str] = []
        if found.held == "range":  # no one amount to take: never the range's top stated as exact
            fields["amount"] = ""
            todo = ["amount"]
        if found.label:
            note = "label: the article's words for what the amount measures; check it says so"
        else:  # no noun phrase to take: the author writes it (words cut from the clause would read as a fragment)
            todo = ["label", *todo]
            note = ("to write: the label, what the amount measures as a short noun phrase (the article says: "
                    f"“{found.around or found.unit}”" + (f", but {found.label_why}" if found.label_why else "") + ")")
        if not found.unit:  # a count the article writes without its noun ("put the waiting list at 95,000")
            todo.append("unit")
            note += "; unit: to write, what the amount counts (the article gives no noun after it)"
        if found.why:
            note = f"to write: {found.why}; " + ("also " if "label" in todo else "") + \
                note.removeprefix("to write: ")
        if found.year_word == "by":
            note += (f"; year: the article says “by {found.year}”, and questions show it as “({found.year})”: "
                     "keep it only if the amount is the one for that year")
        if not found.outlet:
            note += "; the article names no source for it in its sentence"
        item = DraftItem("figure", ids.make("figure", found.label or found.around or found.unit), fields,
                         accepted=not todo, todo=todo, note=note, section=section)
        first = seen.setdefault((float(found.amount), found.unit, found.outlet), item.id)
        if first != item.id:  # the article repeats an amount: offered, but dropped until a person keeps it
            item.accepted = False
            item.note = f"the same amount as {first}, written again; " + note
        out.append(item)
    return out


def _add_term(terms: dict[str, DraftItem], term: FoundTerm, section: str, ids: Ids) -> None:
    key = term.term.lower()
    if key in terms:
        existing = terms[key]
        if not existing.fields["definition"] and term.definition:  # a later sentence defines it: take that one
            existing.fields.update(definition=term.definition, quote=term.quote)
            existing.todo, existing.accepted = [], True
        return
    fields: dict[str, Any] = {"term": term.term, "definition": term.definition, "quote": term.quote,
                              "category": term.category}
    if term.accept:
        fields["accept"] = term.accept
    todo = [] if term.definition else ["definition"]
    note = ("to write: the definition (the article gives none the format can use)" if todo
            else "definition: the article's words after the term")
    terms[key] = DraftItem("term", ids.make("term", term.term), fields, accepted=not todo, todo=todo, note=note,
                           section=section)


def _milestones(dated: list[tuple[FoundMilestone, str]], article_date: str, ids: Ids) -> list[DraftItem]:
    keys = sorted({(m.year, m.month, m.day) for m, _ in dated})
    rank = {key: i + 1 for i, key in enumerate(keys)}
    today: tuple[int, ...] | None = tuple(int(p) for p in re.findall(r"\d+", article_date)) if article_date else None
    if today is None or len(today) != 3:  # no date of its own: the latest event the article says has happened
        today = max(((m.year, m.month, m.day) for m, _ in dated if m.past), default=None)
    items = []
    for found, section in dated:
        key = (found.year, found.month, found.day)
        fields: dict[str, Any] = {"label": found.label, "when": found.when, "year": found.year, "order": rank[key]}
        if today is not None and (_before(key, today) or (found.past and key[0] <= today[0])):
            fields["happened"] = True
        fields["quote"] = found.quote
        note = "label: the sentence's clause around the date, the date left out"
        todo: list[str] = []
        if found.problem:  # ordered among others, it would read as a broken sentence or as no event at all
            fields["label"], todo = "", ["label"]
            note = (f"to write: the label, what happens then in a few words (the article says: “{found.label}”, "
                    f"but {found.problem})")
        items.append(DraftItem("milestone", ids.make("milestone", found.label), fields, accepted=not todo, todo=todo,
                               section=section, note=note + "; order: the date's place among the article's dates"))
    return items


def _before(key: tuple[int, int, int], today: tuple[int, ...]) -> bool:
    """The date ``key`` (month and day 0 when the article does not give them) is wholly before ``today``."""
    year, month, day = key
    if year != today[0]:
        return year < today[0]
    if not month:
        return False
    if month != today[1]:
        return month < today[1]
    return bool(day) and day < today[2]

