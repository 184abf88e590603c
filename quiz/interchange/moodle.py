"""Moodle XML: multichoice, truefalse, numerical (with tolerance), matching, shortanswer.

Built with ElementTree so every pack string is escaped; text is marked
``plain_text`` so Moodle never renders pack content as HTML. The general
feedback of every question quotes the article and names the outlet.

ElementTree escapes markup but writes any character it is given, so the
characters XML cannot hold are dropped before writing (one U+0001 would make
the whole file unreadable). Where Moodle reads pack text as syntax, it is
escaped the way Moodle's own exporter does: ``/`` in the category path (a pack
title ``A/B`` must not make two nested categories) and ``*`` in short answers
(Moodle's wildcard: an accepted answer ``*`` would accept anything).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from content.model import Pack
from quiz.interchange import absolute_tolerance, legal_text, plain_number, short_answer
from quiz.questions import QuizQuestion

TYPES = {"choice": "multichoice", "truefalse": "truefalse", "numeric": "numerical", "matching": "matching",
         "text": "shortanswer"}


def _text(parent: ET.Element, tag: str, value: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    ET.SubElement(element, "text").text = value
    return element


def _answer(parent: ET.Element, fraction: int, value: str) -> ET.Element:
    return _text(parent, "answer", value, fraction=str(fraction), format="plain_text")


def question_element(pack: Pack, q: QuizQuestion) -> ET.Element:
    element = ET.Element("question", type=TYPES[q.kind])
    _text(element, "name", q.id)
    _text(element, "questiontext", q.prompt, format="plain_text")
    _text(element, "generalfeedback", q.citation, format="plain_text")
    ET.SubElement(element, "defaultgrade").text = "1"
    ET.SubElement(element, "tags").append(_tag(pack.topic_title(q.topic)))
    if q.kind == "choice":
        ET.SubElement(element, "single").text = "true"
        ET.SubElement(element, "shuffleanswers").text = "true"
        ET.SubElement(element, "answernumbering").text = "abc"
        for choice in q.choices:
            _answer(element, 100 if choice == q.answer else 0, choice)
    elif q.kind == "truefalse":
        _answer(element, 100 if q.answer == "true" else 0, "true")
        _answer(element, 100 if q.answer == "false" else 0, "false")
    elif q.kind == "numeric":
        answer = _answer(element, 100, plain_number(q.answer))
        ET.SubElement(answer, "tolerance").text = plain_number(absolute_tolerance(q))
        if q.unit:
            units = ET.SubElement(element, "units")
            unit = ET.SubElement(units, "unit")
            ET.SubElement(unit, "multiplier").text = "1"
            ET.SubElement(unit, "unit_name").text = q.unit
    elif q.kind == "matching":
        ET.SubElement(element, "shuffleanswers").text = "true"
        for left, right in q.pairs:
            sub = _text(element, "subquestion", left, format="plain_text")
            _text(sub, "answer", right)
    elif q.kind == "text":
        ET.SubElement(element, "usecase").text = "0"
        for accepted in dict.fromkeys((q.answer, *q.accepted)):
            _answer(element, 100, short_answer(accepted))
    return element


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


def write(pack: Pack, questions: list[QuizQuestion], path: Path) -> None:
    quiz = ET.Element("quiz")
    category = ET.SubElement(quiz, "question", type="category")
    _text(category, "category", category_path("$course$", "Briefing Quiz", pack.meta.title))
    for q in questions:
        quiz.append(question_element(pack, q))
    _legal(quiz)
    ET.indent(quiz)
    ET.ElementTree(quiz).write(path, encoding="utf-8", xml_declaration=True)
