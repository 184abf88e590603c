"""How Moodle's GIFT importer reads a file (and the grade rules all its importers share), in Python.

pygiftparser differs from Moodle where it matters for hostile text (it reads a
``%N%`` weight after ``=`` too, ends the answer block at an escaped ``}``, and
knows no per-answer ``[format]`` marker), so the export tests also read GIFT
the way Moodle does. This follows ``qformat_gift::readquestion`` and its
helpers in moodle/moodle ``question/format/gift/format.php`` step by step
(``escapedchar_pre``/``_post``, ``parse_text_with_format``, the answer-weight
regex, type detection, and the multichoice (with ``single``: no unescaped ``=``
means several answers may be right), matching, short-answer and true/false
branches, each answer's ``#`` feedback), plus ``qformat_default::readquestions`` (questions are
separated by blank lines) and the short-answer qtype's
``compare_string_with_wildcard``. It is written from Moodle's code, not from
our writer, and keeps PHP's quirks: ``trim`` strips only ASCII blanks,
``explode`` splits at every separator, ``strpos(...) > 0`` ignores position 0.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

_PHP_BLANKS = " \t\n\r\0\x0b"
_ESCAPED = ["\\:", "\\#", "\\=", "\\{", "\\}", "\\~", "\\n"]
_PLACEHOLDERS = ["&&058;", "&&035;", "&&061;", "&&123;", "&&125;", "&&126;", "&&010"]
_CHARACTERS = [":", "#", "=", "{", "}", "~", "\n"]
_WEIGHT = re.compile(r"^%\-*([0-9]{1,2})\.?([0-9]*)%")
_FORMATS = ("moodle", "html", "plain", "markdown")
_TAG = re.compile(r"\[tag:((?:\\\]|[^\]<>`\x00-\x1f\x7f])+)\]")


@dataclass
class Text:
    text: str
    format: str


@dataclass
class MoodleQuestion:
    qtype: str
    name: str
    text: Text
    general_feedback: Text
    answers: list[Text] = field(default_factory=list)
    fractions: list[float] = field(default_factory=list)
    feedback: list[Text] = field(default_factory=list)  # per answer (multichoice, shortanswer)
    single: bool | None = None  # multichoice: one answer (radio buttons) or several (checkboxes)
    subquestions: list[Text] = field(default_factory=list)
    subanswers: list[str] = field(default_factory=list)
    correct: bool | None = None  # truefalse
    category: str = ""  # the last ``$CATEGORY:`` before the question (``qformat_default::readquestions``)
    tags: list[str] = field(default_factory=list)  # ``[tag:…]`` in its comments


class GiftImportError(ValueError):
    """Where Moodle's importer would report an error and skip the question."""


def trim(text: str) -> str:
    return text.strip(_PHP_BLANKS)


def escapedchar_pre(text: str) -> str:
    text = text.replace("\\\\", "&&092;")
    for escaped, placeholder in zip(_ESCAPED, _PLACEHOLDERS, strict=True):
        text = text.replace(escaped, placeholder)
    return text.replace("&&092;", "\\")


def escapedchar_post(text: str) -> str:
    for placeholder, character in zip(_PLACEHOLDERS, _CHARACTERS, strict=True):
        text = text.replace(placeholder, character)
    return text


def parse_text_with_format(text: str, default: str = "moodle") -> Text:
    fmt = default
    if text.startswith("["):
        end = text.find("]")
        name = text[1:end] if end != -1 else text[1:-1]  # PHP: substr($text, 1, false - 1)
        if name in _FORMATS:
            fmt = name
            text = text[end + 1:] if end != -1 else text[1:]
    return Text(trim(escapedchar_post(text)), fmt)


def answer_weight(answer: str) -> tuple[float, str]:
    answer = answer[1:]
    end = answer.find("%")
    return float(answer[:end]) / 100, answer[end + 1:]


def comment(answer: str, default: str) -> tuple[Text, Text]:
    bits = answer.split("#", 1)
    feedback = parse_text_with_format(trim(bits[1]), default) if len(bits) > 1 else Text("", default)
    return parse_text_with_format(trim(bits[0]), default), feedback


def _explode(answertext: str, separator: str) -> list[str]:
    answers = answertext.split(separator)
    answers[0] = trim(answers[0])
    if answers[0] in ("", "0"):  # PHP's empty()
        answers.pop(0)
    return answers


def read_question(lines: list[str]) -> MoodleQuestion:
    comments = "".join(trim(line) + "\n" for line in lines if trim(line).startswith("//"))
    lines = [" " if trim(line).startswith("//") else trim(line) for line in lines]
    text = escapedchar_pre(trim("\n".join(lines)))
    if text.startswith("$CATEGORY:"):  # a pseudo-question: the category of the questions after it
        return MoodleQuestion("category", "", Text("", "moodle"), Text("", "moodle"), category=trim(text[10:]))
    name = ""
    if text.startswith("::"):
        text = text[2:]
        end = text.find("::")
        if end != -1:
            name = trim(escapedchar_post(text[:end]))
            text = trim(text[end + 2:])
    start, finish = text.find("{"), text.find("}")
    if start == -1 or finish == -1:
        raise GiftImportError(f"no answer block (description or brace error): {text!r}")
    answertext = trim(text[start + 1:finish])
    questiontext = text[:start] + text[finish + 1:] if text.endswith("}") else (
        text[:start] + "_____" + text[finish + 1:])
    separator = answertext.rfind("####")
    general = ""
    if separator != -1:
        general = answertext[separator + 4:]
        answertext = trim(answertext[:separator])
    question_text = parse_text_with_format(questiontext)
    feedback = parse_text_with_format(general, question_text.format)
    fmt = question_text.format

    if answertext == "":
        qtype = "essay"
    elif answertext[0] == "#":
        qtype = "numerical"
    elif "~" in answertext:
        qtype = "multichoice"
    elif "=" in answertext and "->" in answertext:
        qtype = "match"
    else:
        check = answertext
        if answertext.find("#") > 0:
            check = trim(answertext[:answertext.find("#")])
        qtype = "truefalse" if check in ("T", "TRUE", "F", "FALSE") else "shortanswer"
    question = MoodleQuestion(qtype, name, question_text, feedback,
                              tags=[trim(t).replace("\\]", "]") for t in _TAG.findall(comments)])

    if qtype == "multichoice":
        question.single = "=" in answertext  # no "=" anywhere: several answers may be right
        answers = _explode(answertext.replace("=", "~="), "~")
        if len(answers) < 2:
            raise GiftImportError("multichoice needs two answers")
        for answer in answers:
            answer = trim(answer)
            if answer[0] == "=":
                weight, answer = 1.0, answer[1:]
            elif _WEIGHT.match(answer):
                weight, answer = answer_weight(answer)
            else:
                weight = 0.0
            text, answer_feedback = comment(answer, fmt)
            question.answers.append(text)
            question.feedback.append(answer_feedback)
            question.fractions.append(weight)
    elif qtype == "match":
        answers = _explode(answertext, "=")
        if len(answers) < 2:
            raise GiftImportError("matching needs two pairs")
        for answer in answers:
            answer = trim(answer)
            if "->" not in answer:
                raise GiftImportError(f"matching item without '->': {answer!r}")
            marker = answer.find("->")
            question.subquestions.append(parse_text_with_format(answer[:marker], fmt))
            question.subanswers.append(trim(escapedchar_post(answer[marker + 2:])))
    elif qtype == "shortanswer":
        for answer in _explode(answertext, "="):
            answer = trim(answer)
            weight = 1.0
            if _WEIGHT.match(answer):
                weight, answer = answer_weight(answer)
            text, answer_feedback = comment(answer, fmt)
            question.answers.append(text)
            question.feedback.append(answer_feedback)
            question.fractions.append(weight)
    elif qtype == "truefalse":
        answer = parse_text_with_format(trim(answertext.split("#", 2)[0]), fmt)
        question.correct = answer.text in ("T", "TRUE")
    return question


def read_gift(text: str) -> list[MoodleQuestion]:
    """Every question in a GIFT file, as Moodle imports it (blank lines separate questions)."""
    questions, current, category = [], [], ""
    for line in [*text.split("\n"), ""]:
        if trim(line) in ("", "0"):  # PHP's empty(trim($line))
            if current:
                if any(not trim(part).startswith("//") for part in current):
                    question = read_question(current)
                    if question.qtype == "category":
                        category = question.category
                    else:
                        question.category = category
                        questions.append(question)
                current = []
        else:
            current.append(line)
    return questions


def shortanswer_accepts(pattern: str, response: str, ignore_case: bool = True) -> bool:
    """``qtype_shortanswer_question::compare_string_with_wildcard``: does Moodle accept ``response``?"""
    pattern = unicodedata.normalize("NFC", pattern)
    response = unicodedata.normalize("NFC", response)
    bits = re.split(r"(?<!\\)\*+", pattern)
    regexp = ".*".join(re.escape(bit.replace("\\*", "*")) for bit in bits)
    return re.fullmatch(regexp, trim(response), re.IGNORECASE if ignore_case else 0) is not None


# -- Moodle's grade rules, shared by its GIFT and XML importers -------------------------------
#: ``question_bank::fraction_options_full`` (question/engine/bank.php): the grades an imported answer may have.
GRADE_LIST = (1.0, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25, 0.2, 0.1666667,
              0.1428571, 0.125, 0.1111111, 0.1, 0.05)


def on_grade_list(fraction: float) -> bool:
    """``match_grade_options($gradeoptionsfull, $fraction, 'error')``, which ``qformat_default::importprocess``
    applies to every answer: a question with any other grade is not imported."""
    return any(abs(fraction - grade) < 0.00001 for grade in (0.0, *GRADE_LIST, *(-g for g in GRADE_LIST)))


def multichoice_saves(fractions: list[float], single: bool) -> bool:
    """``qtype_multichoice::save_question_options``' check: one answer: the best grade is 100%;
    several answers: the positive grades add up to 100% (rounded to two decimals)."""
    if single:
        return max(fractions) == 1
    return round(sum(f for f in fractions if f > 0), 2) == 1


def multichoice_score(fractions: list[float], ticked: list[bool]) -> float:
    """``qtype_multichoice_multi_question::grade_response``: the ticked answers' grades added, kept in 0..1."""
    return min(max(0.0, sum(f for f, t in zip(fractions, ticked, strict=True) if t)), 1.0)


# -- Moodle's category paths, shared by its GIFT and XML importers ----------------------------
def split_category_path(path: str) -> list[str]:
    """``qformat_default::split_category_path`` (question/format.php): names split at a single ``/`` (``//`` is a
    ``/`` inside a name), each trimmed and cleaned with ``clean_param(PARAM_TEXT)`` (which strips markup; a name
    holding ``<`` or ``>`` would lose text here, so the test asserts none does)."""
    return [trim(raw.replace("//", "/")) for raw in re.split(r"(?<!/)/(?!/)", path)]


def category_key(name: str) -> str:
    """How Moodle's database finds a category by name (``create_category_path`` looks the name up under its
    parent): MySQL's usual collation ignores case and accents, so the test compares names that way."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
