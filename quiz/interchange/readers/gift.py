"""GIFT, read the way Moodle's importer reads it (``qformat_gift::readquestion``, question/format/gift/format.php).

Step by step as Moodle does it: questions are separated by blank lines
(``qformat_default::readquestions``); ``//`` comment lines are set aside and
their ``[tag:…]`` markers are the question's tags; ``$CATEGORY:`` switches the
category; escaped ``\\: \\# \\= \\{ \\} \\~ \\n`` become placeholders before
anything is split and the characters afterwards; ``::name::`` is the name; the
answer block runs from the first ``{`` to the first ``}`` (text after it makes
a "missing word" question, the block's place shown as ``_____``); ``####``
starts the general feedback; ``[html]``, ``[moodle]``, ``[markdown]`` or
``[plain]`` at the start of a text gives its format. The type comes from the
block as in Moodle: empty → essay, ``#`` → numerical, a ``~`` → multichoice
(one ``=`` makes it single-answer), ``=`` and ``->`` → matching, ``T``/``F`` →
true/false, else short answer; ``%N%`` gives an answer's weight.

GIFT has no unit: a numeric question's is taken from the last line the app's
export writes (``Answer in million GBP.``), else from the prompt's own closing
"Answer in …" sentence, a spelled-out currency as the pack writes it
(:func:`quiz.answer_unit.stated_unit`: "trillions of US dollars" → "trillion USD").

Third-party GIFT readers differ from Moodle where it matters for hostile text
(tests/moodle_gift.py lists how), so this follows Moodle's code instead.
"""

from __future__ import annotations

import re

from content.characters import text_problem
from quiz.answer_unit import stated_unit
from quiz.interchange.gift import UNIT_LINE
from quiz.interchange.readers import MAX_QUESTIONS, Imported, ReadResult, Skipped
from quiz.interchange.readers import build as b
from quiz.interchange.readers.text import Refused, from_html, shorten, tidy

_BLANKS = " \t\n\r\0\x0b"  # PHP's trim()
_ESCAPED = ("\\:", "\\#", "\\=", "\\{", "\\}", "\\~", "\\n")
_PLACEHOLDERS = ("&&058;", "&&035;", "&&061;", "&&123;", "&&125;", "&&126;", "&&010")
_CHARACTERS = (":", "#", "=", "{", "}", "~", "\n")
_WEIGHT = re.compile(r"^%-*([0-9]{1,2})\.?([0-9]*)%")
_TAG = re.compile(r"\[tag:((?:\\]|[^\]<>`\x00-\x1f\x7f])+)\]")
_FORMATS = ("moodle", "html", "plain", "markdown")
_TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}
#: A numeric question's last line as the app's GIFT export writes its unit (GIFT has no unit of its own).
_UNIT = re.compile("\n" + re.escape(UNIT_LINE).replace(re.escape("{unit}"), "(?P<unit>[^\n]+)") + "$")


def _trim(text: str) -> str:
    return text.strip(_BLANKS)


def _pre(text: str) -> str:
    text = text.replace("\\\\", "&&092;")
    for escaped, placeholder in zip(_ESCAPED, _PLACEHOLDERS, strict=True):
        text = text.replace(escaped, placeholder)
    return text.replace("&&092;", "\\")


def _post(text: str) -> str:
    for placeholder, character in zip(_PLACEHOLDERS, _CHARACTERS, strict=True):
        text = text.replace(placeholder, character)
    return text


def _text(raw: str, default: str = "moodle") -> tuple[str, str]:
    """(plain text, format name) of a GIFT text: Moodle's ``parse_text_with_format``, then markup taken out."""
    fmt, text = default, raw
    if raw.startswith("["):
        end = raw.find("]")
        name = raw[1:end] if end > 0 else ""
        if name in _FORMATS:
            fmt, text = name, raw[end + 1:]
    text = _trim(_post(text))
    return (tidy(text) if fmt == "plain" else from_html(text)), fmt


def _split(answertext: str, separator: str) -> list[str]:
    parts = answertext.split(separator)
    parts[0] = _trim(parts[0])
    return parts[1:] if not parts[0] else parts


def _weight(answer: str) -> tuple[float, str]:
    answer = answer[1:]
    end = answer.find("%")
    try:
        weight = float(answer[:end]) / 100
    except ValueError:
        weight = 0.0
    return weight, answer[end + 1:]


def _comment(answer: str, fmt: str) -> tuple[str, str]:
    text, _, feedback = answer.partition("#")
    return _text(_trim(text), fmt)[0], (_text(_trim(feedback), fmt)[0] if feedback else "")


def read(text: str) -> ReadResult:
    result = ReadResult("gift")
    category = ""
    block: list[str] = []
    number = 0
    for line in [*text.split("\n"), ""]:
        if _trim(line):
            block.append(_trim(line))
            continue
        if not block:
            continue
        lines, block = block, []
        if result.full:
            result.add(Skipped("", f"the file holds more than {MAX_QUESTIONS:,} questions; the rest were not read"))
            break
        number += 1
        comments = "\n".join(line for line in lines if line.startswith("//"))
        body = _trim("\n".join(" " if line.startswith("//") else line for line in lines))
        if not body:
            continue
        body = _pre(body)
        if body.startswith("$CATEGORY:"):
            category = _category(_post(_trim(body[10:])))
            continue
        tags = tuple(_trim(t.replace("\\]", "]")) for t in _TAG.findall(comments))
        name, item = _question(body, number)
        if isinstance(item, str):
            result.add(Skipped(name, item))
            continue
        record, notes, citations = item
        result.add(Imported(name, record, (*tags, category) if category else tags, citations, tuple(notes)))
    return result


def _category(path: str) -> str:
    """The last name of a Moodle category path (``a/b//c`` → ``b/c``: ``//`` is a ``/`` inside a name)."""
    names = [part.replace("\0", "/").strip() for part in path.replace("//", "\0").split("/")]
    return next((n for n in reversed(names) if n and n != "$course$" and n != "top"), "")


def _question(text: str, number: int) -> tuple[str, str | tuple[b.Record, list[str], tuple[str, ...]]]:
    """(name, the question) or (name, why it cannot come in)."""
    name = ""
    if text.startswith("::"):
        text = text[2:]
        end = text.find("::")
        if end >= 0:
            name = " ".join(_post(text[:end]).split())
            text = _trim(text[end + 2:])
    start, finish = text.find("{"), text.find("}")
    if start < 0 and finish < 0:
        return name or f"Question {number}", "a description with no answer block, not a question"
    if start < 0 or finish < 0 or finish < start:
        return name or f"Question {number}", "its answer block has a { without a } (or the other way round)"
    answertext = _trim(text[start + 1:finish])
    if text.endswith("}"):
        questiontext = text[:start] + text[finish + 1:]
    else:
        questiontext = text[:start] + "_____" + text[finish + 1:]
    general = ""
    separator = answertext.rfind("####")
    if separator >= 0:
        general, answertext = answertext[separator + 4:], _trim(answertext[:separator])
    prompt, fmt = _text(questiontext)
    name = name or shorten(prompt) or f"Question {number}"
    explanation = _text(general, fmt)[0]
    try:
        record, notes = _answers(prompt, answertext, fmt)
        citations = b.feedback(record, explanation.split("\n"))
    except Refused as exc:
        return name, str(exc)
    return name, (record, notes, citations)


def _answers(prompt: str, answertext: str, fmt: str) -> tuple[b.Record, list[str]]:
    if answertext == "":
        raise Refused("an essay question: essays have no key the app can grade")
    if answertext.startswith("#"):
        return _numerical(prompt, answertext[1:], fmt)
    if "~" in answertext:
        single = "=" in answertext
        options = []
        for answer in _split(answertext.replace("=", "~="), "~"):
            answer = _trim(answer)
            if answer.startswith("="):
                weight, answer = 1.0, answer[1:]
            elif _WEIGHT.match(answer):
                weight, answer = _weight(answer)
            else:
                weight = 0.0
            option, feedback = _comment(answer, fmt)
            options.append(b.Option(option, weight, feedback))
        return b.choice(prompt, options, single=single)
    if "=" in answertext and "->" in answertext:
        matched, extra = [], []
        for answer in _split(answertext, "="):
            answer = _trim(answer)
            if "->" not in answer:
                raise Refused("a matching answer without ->")
            left, _, right = answer.partition("->")
            left_text = _text(_trim(left), fmt)[0]
            right_text = tidy(_trim(_post(right)))
            if left_text:
                matched.append((left_text, right_text))
            else:
                extra.append(right_text)
        return b.pairs(prompt, matched, extra)
    check = _trim(answertext[: answertext.find("#")]) if answertext.find("#") > 0 else answertext
    if check in _TRUE_FALSE:
        return b.truefalse(prompt, _TRUE_FALSE[check])
    answers = []
    for answer in _split(answertext, "="):
        answer = _trim(answer)
        weight = 1.0
        if _WEIGHT.match(answer):
            weight, answer = _weight(answer)
        answers.append((_comment(answer, fmt)[0], weight))
    return b.text(prompt, answers)


def _numerical(prompt: str, answertext: str, fmt: str) -> tuple[b.Record, list[str]]:
    line = _UNIT.search(prompt)
    if line:  # "…?\nAnswer in million GBP.": the unit, which GIFT cannot hold otherwise
        prompt, unit = prompt[:line.start()], line["unit"]
    else:  # "… Answer in trillions of US dollars.": the prompt says it (trillion USD), so no line was written
        unit = stated_unit(prompt)
        if text_problem(unit):  # words that cannot be a unit ("… in whole numbers, …" at length): the prompt says them
            unit = ""
    wrong = answertext.find("~")
    if wrong >= 0:
        answertext = answertext[:wrong]
    answers: list[tuple[str, float, float]] = []
    for answer in _split(answertext, "="):
        answer = _trim(answer)
        weight = 1.0
        if _WEIGHT.match(answer):
            weight, answer = _weight(answer)
        value = _comment(answer, fmt)[0]
        try:
            if value.find("..") > 0:
                low, high = (float(part) for part in value.split("..", 1))
                middle = (low + high) / 2
                answers.append((repr(middle), high - middle, weight))
            elif value.find(":") > 0:
                number, tolerance = value.split(":", 1)
                answers.append((_trim(number), float(tolerance), weight))
            else:
                answers.append((_trim(value), 0.0, weight))
        except ValueError:
            raise Refused(f"the numeric answer {value[:40]!r} is not a number") from None
    return b.numeric(prompt, answers, unit)
