"""The Moodle category of each exported question: the variants of one fact share a subcategory.

The app generates several variants of each fact (a figure's amount to choose,
its number to type, its outlet, a true and a false statement…) and never asks
two that share a fact (:func:`quiz.plan.family_key`). Moodle knows nothing of
that: a quiz of random questions drawn from one category put a typed-number
question beside the true/false statement that gives its key. So the Moodle XML
and GIFT exports put the questions that share a fact in a subcategory of the
pack's category, and a quiz that draws one random question from each
subcategory asks each fact once.

A subcategory holds every question linked to another by a shared fact or a
shared quoted sentence, also through a third question: a hand-written question
on two figures joins both figures' variants, since drawing one of it and one
of each figure would ask a figure twice. Moodle's random question cannot keep
two categories apart, so only such a closed group keeps the promise.

A question that shares no fact with any other stays in the pack's own
category: a subcategory of one question is a folder to click through for
nothing, and a quiz can draw any number of them at once (a random question
from the pack's category, subcategories not included), none giving another
away by a shared fact.

A subcategory is named by what its facts are: a figure's label, a term, a
list item's or milestone's name, a statement cut short; the names are made
unique as Moodle compares them (case and accents aside: MySQL's usual
collation) and hold no ``<``/``>``, which Moodle's ``clean_param(PARAM_TEXT)``
would strip as markup.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from content.model import Pack
from quiz.interchange import legal_text
from quiz.plan import family_key
from quiz.questions import QuizQuestion

#: The longest fact label in a category name (Moodle's limit for the whole name is 255 characters).
LABEL_CHARS = 60
#: How many facts a subcategory's name lists before "+ N more".
NAMED_FACTS = 3
#: The description of a fact's subcategory (Moodle XML ``<info>``; GIFT has none).
SUBCATEGORY_INFO = ("Variants of one fact from the article (or of facts that questions link): they give each other "
                    "away. Draw one random question from this category.")
#: The description of the pack's category.
PACK_INFO = ("Exported by Briefing Quiz. Each subcategory holds the variants of one fact: draw one random question "
             "from each subcategory. The questions here share no fact with any other.")


@dataclass(frozen=True)
class Group:
    """Questions of one category: ``name`` is the subcategory's, ``""`` the pack's own category."""

    name: str
    questions: tuple[QuizQuestion, ...]


def clean_name(text: str, limit: int = LABEL_CHARS) -> str:
    """One line of plain text for a category name, cut at a word boundary to ``limit`` characters."""
    text = " ".join(legal_text(text).translate({ord("<"): " ", ord(">"): " "}).split())
    if len(text) <= limit:
        return text
    cut = text[:limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:.") or text[:limit - 1]
    return f"{cut}…"


def _compare_key(name: str) -> str:
    """A name as Moodle's database may compare it: case and accents aside."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fact_labels(pack: Pack) -> dict[str, str]:
    """What each content id of ``pack`` is, in the pack's words."""
    labels: dict[str, str] = {}
    for table in pack.tables:
        labels[table.id] = table.title
        labels.update((row.id, f"{table.title}: {row.label}") for row in table.rows)
    for named in pack.lists:
        labels[named.id] = named.title
        labels.update((item.id, item.name) for item in named.items)
    labels.update((m.id, m.label) for m in pack.milestones)
    labels.update((f.id, f.statement) for f in pack.facts)
    labels.update((t.id, t.term) for t in pack.terms)
    labels.update((f.id, f.label) for f in pack.figures)
    return labels


def groups(pack: Pack, questions: Sequence[QuizQuestion]) -> list[Group]:
    """``questions`` by category: the pack's own first (questions sharing no fact), then one group per fact (or
    facts questions link), each in the order of its first question; questions keep their order in each."""
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    keys = [sorted(family_key(q)) for q in questions]
    for key in keys:
        for other in key[1:]:
            parent[root(other)] = root(key[0])
    linked: dict[str, list[QuizQuestion]] = {}
    for q, key in zip(questions, keys, strict=True):
        linked.setdefault(root(key[0]), []).append(q)
    alone = tuple(q for members in linked.values() if len(members) == 1 for q in members)
    result = [Group("", alone)] if alone else []
    labels = fact_labels(pack)
    taken = {_compare_key(clean_name(pack.meta.title, 255))}
    for members in linked.values():
        if len(members) > 1:
            name = _unique(_name(members, labels), taken)
            result.append(Group(name, tuple(members)))
    return result


def _name(members: list[QuizQuestion], labels: dict[str, str]) -> str:
    """The facts ``members`` test, most asked first: "Label · Label · Label + 2 more"."""
    asked: dict[str, int] = {}
    for q in members:
        for fact in q.facts:
            asked[fact] = asked.get(fact, 0) + 1
    ranked = sorted(asked, key=lambda fact: -asked[fact])  # stable: ties in the order the bank first asks them
    names: list[str] = []
    for fact in ranked:
        label = clean_name(labels.get(fact, ""))
        if label and _compare_key(label) not in map(_compare_key, names):
            names.append(label)
    if not names:  # no fact the pack names (a hand-written question's own id): what the first one asks
        names = [clean_name(members[0].prompt) or clean_name(members[0].id)]
    more = len(names) - NAMED_FACTS
    return " · ".join(names[:NAMED_FACTS]) + (f" + {more} more" if more > 0 else "")


def _unique(name: str, taken: set[str]) -> str:
    candidate, number = name, 1
    while _compare_key(candidate) in taken:
        number += 1
        candidate = f"{name} ({number})"
    taken.add(_compare_key(candidate))
    return candidate
