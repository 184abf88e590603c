"""Moodle XML, read as Moodle's importer reads it (``qformat_xml``, question/format/xml/format.php).

Each ``<question type="…">`` gives one question; ``type="category"`` switches
the category (its last name is a topic hint, ``//`` being a ``/`` inside a
name). Texts carry a ``format`` attribute: ``plain_text`` is kept as written,
``html``, ``moodle_auto_format`` and ``markdown`` have their markup taken out
(:mod:`quiz.interchange.readers.text`). The types the app can ask:
``multichoice`` (``<single>``), ``truefalse``, ``shortanswer``, ``numerical``
(with its first unit), ``matching`` and ``ordering``; the others (essay,
calculated, cloze, drag-and-drop…) are listed with the reason.

The file is parsed with the standard library's expat parser after refusing
any ``<!DOCTYPE`` or ``<!ENTITY``: Moodle's files never need one, and without
them no entity can expand a small file into gigabytes or reach for another file.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from quiz.interchange.readers import MAX_QUESTIONS, Imported, QuestionImportError, ReadResult, Skipped
from quiz.interchange.readers import build as b
from quiz.interchange.readers.text import Refused, from_html, shorten, tidy

_DECLARATIONS = re.compile(r"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
_NOT_SUPPORTED = {
    "essay": "an essay question: essays have no key the app can grade",
    "description": "a description, not a question",
    "calculated": "a calculated question: not supported (its numbers change with each attempt)",
    "calculatedsimple": "a calculated question: not supported (its numbers change with each attempt)",
    "calculatedmulti": "a calculated question: not supported (its numbers change with each attempt)",
    "cloze": "an embedded-answers (Cloze) question: not supported (several answers inside one text)",
    "multianswer": "an embedded-answers (Cloze) question: not supported (several answers inside one text)",
    "randomsamatch": "a random short-answer matching question: not supported (its items are drawn at random)",
    "random": "a random question: not supported (Moodle draws it from a category)",
}


def _text(node: ET.Element | None, path: str = "text") -> str:
    """The plain text of ``node``'s ``<text>`` (markup taken out unless the node says ``plain_text``)."""
    if node is None:
        return ""
    raw = node.findtext(path) or ""
    return tidy(raw) if node.get("format") == "plain_text" else from_html(raw)


def _fraction(answer: ET.Element) -> float:
    try:
        return float(answer.get("fraction", "0")) / 100
    except ValueError:
        return 0.0


def read(text: str) -> ReadResult:
    if _DECLARATIONS.search(text):
        raise QuestionImportError("This XML file declares a document type or entities; Moodle XML files never do, "
                                  "and the app does not read them.")
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        raise QuestionImportError(f"This is not a readable XML file: {exc}.") from None
    if root.tag != "quiz":
        raise QuestionImportError(f"This XML file holds <{root.tag[:40]}>, not a Moodle quiz (<quiz>).")
    result = ReadResult("moodle-xml")
    category = ""
    for number, element in enumerate(root.iter("question"), 1):
        if result.full:
            result.add(Skipped("", f"the file holds more than {MAX_QUESTIONS:,} questions; the rest were not read"))
            break
        qtype = element.get("type", "")
        if qtype == "category":
            path = element.findtext("category/text") or ""
            names = [p.replace("\0", "/").strip() for p in path.replace("//", "\0").split("/")]
            category = next((n for n in reversed(names) if n and n not in ("$course$", "$system$", "top")), "")
            continue
        prompt = _text(element.find("questiontext"))
        name = " ".join((element.findtext("name/text") or "").split()) or shorten(prompt) or f"Question {number}"
        if qtype in _NOT_SUPPORTED:
            result.add(Skipped(name, _NOT_SUPPORTED[qtype]))
            continue
        reader = _READERS.get(qtype)
        if reader is None:
            result.add(Skipped(name, f"a Moodle {qtype[:40]!r} question: not supported"))
            continue
        try:
            record, notes = reader(prompt, element)
            citations = b.feedback(record, _text(element.find("generalfeedback")).split("\n\n"))
        except Refused as exc:
            result.add(Skipped(name, str(exc)))
            continue
        tags = tuple(t for t in (" ".join((tag.findtext("text") or "").split())
                                 for tag in element.findall("tags/tag")) if t)
        result.add(Imported(name, record, (*tags, category) if category else tags, citations, tuple(notes)))
    return result


def _multichoice(prompt: str, element: ET.Element) -> tuple[b.Record, list[str]]:
    options = [b.Option(_text(a), _fraction(a), _text(a.find("feedback"))) for a in element.findall("answer")]
    single = (element.findtext("single") or "true").strip().lower() in ("true", "1")
    return b.choice(prompt, options, single=single)


def _truefalse(prompt: str, element: ET.Element) -> tuple[b.Record, list[str]]:
    for answer in element.findall("answer"):
        if _fraction(answer) >= 0.999:
            value = (answer.findtext("text") or "").strip().lower()
            if value in ("true", "false"):
                return b.truefalse(prompt, value == "true")
    raise Refused("neither true nor false is marked right")


def _shortanswer(prompt: str, element: ET.Element) -> tuple[b.Record, list[str]]:
    answers = [(_text(a), _fraction(a)) for a in element.findall("answer")]
    case = (element.findtext("usecase") or "0").strip() == "1"
    return b.text(prompt, answers, case_sensitive=case)


def _numerical(prompt: str, element: ET.Element) -> tuple[b.Record, list[str]]:
    answers = []
    for answer in element.findall("answer"):
        try:
            tolerance = float(answer.findtext("tolerance") or 0)
        except ValueError:
            raise Refused("its tolerance is not a number") from None
        answers.append(((answer.findtext("text") or "").strip(), tolerance, _fraction(answer)))
    unit = ""
    for candidate in element.findall("units/unit"):
        if (candidate.findtext("multiplier") or "1").strip() in ("1", "1.0", "1.0000000"):
            unit = " ".join((candidate.findtext("unit_name") or "").split())
            break
    return b.numeric(prompt, answers, unit)


def _matching(prompt: str, element: ET.Element) -> tuple[b.Record, list[str]]:
    matched, extra = [], []
    for sub in element.findall("subquestion"):
        left = _text(sub)
        right = tidy(sub.findtext("answer/text") or "")
        if left:
            matched.append((left, right))
        elif right:
            extra.append(right)
    return b.pairs(prompt, matched, extra)


def _ordering(prompt: str, element: ET.Element) -> tuple[b.Record, list[str]]:
    """qtype_ordering: the answers in the right order (their ``fraction`` numbers the positions)."""
    answers = element.findall("answer")
    ranked = sorted(enumerate(answers), key=lambda pair: (_fraction(pair[1]), pair[0]))
    return b.order(prompt, [_text(a) for _, a in ranked])


_READERS = {"multichoice": _multichoice, "truefalse": _truefalse, "shortanswer": _shortanswer,
            "numerical": _numerical, "matching": _matching, "ordering": _ordering}
