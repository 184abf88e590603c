"""Moodle XML: every kind as the Moodle question type that grades it like the app.

========== ===========================================================================
app kind   Moodle question type
========== ===========================================================================
choice     ``multichoice``, one answer (``<single>true</single>``)
scenario   ``multichoice``, one answer; the case comes before the prompt
multi      ``multichoice``, several answers: each right option 100/n %, each wrong one
           −100/n % (:mod:`quiz.interchange.moodle_grades`); more than ten right
           options: ``matching`` (option → Applies / Does not apply)
truefalse  ``truefalse`` with ``<penalty>1</penalty>`` (as Moodle's GIFT importer sets it)
numeric    ``numerical`` (absolute tolerance, unit)
text       ``shortanswer``
matching   ``matching``
classify   ``matching``: several statements share one category (Moodle's matching
           merges equal answers); a category no statement belongs to is an extra answer
order      ``ordering`` (a standard question type since Moodle 4.4): all items,
           graded by absolute position, like the app
========== ===========================================================================

The questions go in the category ``$course$/Briefing Quiz/<pack title>``, each
fact's variants in a subcategory of it (:mod:`quiz.interchange.families`); each
category's ``<info>`` (its description, plain text) tells the trainer to draw
one random question from each subcategory.

Per-option feedback goes into each answer's ``<feedback>`` where Moodle has one
(multichoice, ordering); elsewhere it joins the ``<generalfeedback>``, which
holds the explanation, the correction of a false statement and every quote
with its outlet.

Built with ElementTree so every pack string is escaped; text is marked
``plain_text`` so Moodle never renders pack content as HTML. ElementTree
escapes markup but writes any character it is given, so the characters XML
cannot hold are dropped before writing (one U+0001 would make the whole file
unreadable). Where Moodle reads pack text as syntax, it is escaped the way
Moodle's own exporter does: ``/`` in the category path (a pack title ``A/B``
must not make two nested categories) and ``*`` in short answers (Moodle's
wildcard: an accepted answer ``*`` would accept anything).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from content.model import Pack
from quiz.interchange import absolute_tolerance, families, keys, legal_text, plain_number, short_answer
from quiz.interchange.moodle_grades import select_all_as_matching, select_all_grades
from quiz.questions import Kind, QuizQuestion

TYPES = {Kind.CHOICE: "multichoice", Kind.SCENARIO: "multichoice", Kind.MULTI: "multichoice",
         Kind.TRUEFALSE: "truefalse", Kind.NUMERIC: "numerical", Kind.TEXT: "shortanswer",
         Kind.MATCHING: "matching", Kind.CLASSIFY: "matching", Kind.ORDER: "ordering"}


def moodle_type(q: QuizQuestion) -> str:
    """The Moodle question type ``q`` is written as."""
    if q.kind == Kind.MULTI and select_all_grades(len(set(q.answers))) is None:
        return "matching"
    return TYPES[q.kind]


def _text(parent: ET.Element, tag: str, value: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    ET.SubElement(element, "text").text = value
    return element


def _answer(parent: ET.Element, fraction: str | int, value: str, feedback: str = "") -> ET.Element:
    answer = _text(parent, "answer", value, fraction=str(fraction), format="plain_text")
    if feedback:
        _text(answer, "feedback", feedback, format="plain_text")
    return answer


def _paragraphs(parts: list[str]) -> str:
    return "\n\n".join(parts)


def _matching(element: ET.Element, pairs: list[tuple[str, str]], extra_answers: tuple[str, ...] = ()) -> None:
    """Moodle's matching: one ``subquestion`` per pair; an answer no item takes is a subquestion without text."""
    ET.SubElement(element, "shuffleanswers").text = "true"
    for left, right in pairs:
        sub = _text(element, "subquestion", left, format="plain_text")
        _text(sub, "answer", right)
    used = {right for _, right in pairs}
    for extra in extra_answers:
        if extra not in used:
            sub = _text(element, "subquestion", "", format="plain_text")
            _text(sub, "answer", extra)


def question_element(pack: Pack, q: QuizQuestion) -> ET.Element:
    qtype = moodle_type(q)
    per_option = qtype in ("multichoice", "ordering")
    element = ET.Element("question", type=qtype)
    _text(element, "name", q.id)
    _text(element, "questiontext", _paragraphs(keys.question_text(q)), format="plain_text")
    _text(element, "generalfeedback", _paragraphs(keys.general_feedback(q, item_feedback=not per_option)),
          format="plain_text")
    ET.SubElement(element, "defaultgrade").text = "1"
    if q.kind == Kind.TRUEFALSE:
        ET.SubElement(element, "penalty").text = "1"  # one try: a second guess is no achievement
    ET.SubElement(element, "tags").append(_tag(pack.topic_title(q.topic)))
    if qtype == "multichoice":
        _multichoice(element, q)
    elif q.kind == Kind.TRUEFALSE:
        _answer(element, 100 if q.answer == "true" else 0, "true")
        _answer(element, 100 if q.answer == "false" else 0, "false")
    elif q.kind == Kind.NUMERIC:
        answer = _answer(element, 100, plain_number(q.answer))
        ET.SubElement(answer, "tolerance").text = plain_number(absolute_tolerance(q))
        if q.unit:
            units = ET.SubElement(element, "units")
            unit = ET.SubElement(units, "unit")
            ET.SubElement(unit, "multiplier").text = "1"
            ET.SubElement(unit, "unit_name").text = q.unit
    elif q.kind == Kind.MULTI:  # more right options than Moodle's grade list can share out
        _matching(element, select_all_as_matching(q.choices, q.answers))
    elif q.kind in (Kind.MATCHING, Kind.CLASSIFY):
        _matching(element, list(q.pairs), keys.options(q))
    elif q.kind == Kind.ORDER:
        _ordering(element, q)
    elif q.kind == Kind.TEXT:
        ET.SubElement(element, "usecase").text = "0"
        for accepted in dict.fromkeys((q.answer, *q.accepted)):
            _answer(element, 100, short_answer(accepted))
    return element


def _multichoice(element: ET.Element, q: QuizQuestion) -> None:
    single = q.kind != Kind.MULTI
    ET.SubElement(element, "single").text = "true" if single else "false"
    ET.SubElement(element, "shuffleanswers").text = "true"
    ET.SubElement(element, "answernumbering").text = "abc"
    if single:
        grades: dict[str, str | int] = {choice: 100 if choice == q.answer else 0 for choice in q.choices}
    else:
        right, wrong = select_all_grades(len(set(q.answers))) or ("0", "0")  # moodle_type() made sure
        grades = {choice: right if choice in q.answers else wrong for choice in q.choices}
    for choice in q.choices:
        _answer(element, grades[choice], choice, q.feedback_for(choice))


def _ordering(element: ET.Element, q: QuizQuestion) -> None:
    """Moodle's ``ordering`` (qtype_ordering ``import_from_xml``): the answers in the right order."""
    ET.SubElement(element, "layouttype").text = "VERTICAL"
    ET.SubElement(element, "selecttype").text = "ALL"
    ET.SubElement(element, "selectcount").text = str(len(q.answers))
    ET.SubElement(element, "gradingtype").text = "ABSOLUTE_POSITION"  # one point per item in its place, as the app
    ET.SubElement(element, "showgrading").text = "SHOW"
    ET.SubElement(element, "numberingstyle").text = "none"
    for position, item in enumerate(q.answers, 1):
        _answer(element, position, item, q.feedback_for(item))


def category_path(*names: str) -> str:
    """Moodle's category path: names joined by ``/``, a ``/`` inside a name doubled
    (Moodle's ``assemble_category_path``), a leading or trailing one kept apart by a space."""
    escaped = []
    for name in names:
        name = name.replace("/", "//")
        name = f" {name}" if name.startswith("/") else name
        escaped.append(f"{name} " if name.endswith("/") else name)
    return "/".join(escaped)


def _legal(tree: ET.Element) -> None:
    """Drop the characters XML cannot hold from every text and attribute (see the module docstring)."""
    for element in tree.iter():
        if element.text:
            element.text = legal_text(element.text)
        for key, value in list(element.attrib.items()):
            element.set(key, legal_text(value))


def _tag(name: str) -> ET.Element:
    tag = ET.Element("tag")
    ET.SubElement(tag, "text").text = name
    return tag


def pack_category(pack: Pack, subcategory: str = "") -> str:
    """The category path of ``pack``'s questions, or of one of its fact subcategories (:mod:`.families`)."""
    names = ("$course$", "Briefing Quiz", " ".join(legal_text(pack.meta.title).split()))
    return category_path(*names, subcategory) if subcategory else category_path(*names)


def write(pack: Pack, questions: list[QuizQuestion], path: Path) -> None:
    quiz = ET.Element("quiz")
    grouped = families.groups(pack, questions)
    if not grouped or grouped[0].name:  # the pack's category first, with its description, even if it has no question
        grouped.insert(0, families.Group("", ()))
    for group in grouped:
        category = ET.SubElement(quiz, "question", type="category")
        _text(category, "category", pack_category(pack, group.name))
        _text(category, "info", families.SUBCATEGORY_INFO if group.name else families.PACK_INFO,
              format="plain_text")
        for q in group.questions:
            quiz.append(question_element(pack, q))
    _legal(quiz)
    ET.indent(quiz)
    ET.ElementTree(quiz).write(path, encoding="utf-8", xml_declaration=True)
