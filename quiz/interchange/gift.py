"""GIFT (Moodle's plain-text quiz format).

How each kind is written (read back by Moodle's importer, ``question/format/gift/format.php``):

- choice and scenario: one ``=`` answer, the others ``~``; a scenario's case
  comes before the prompt, a line break (GIFT's ``\\n``) between them;
- multi: every option ``~%N%`` with the grades of the Moodle XML export (right
  options 100/n %, wrong ones −100/n %, from Moodle's grade list, see
  :mod:`quiz.interchange.moodle_grades`); no ``=`` anywhere, which is how
  Moodle knows several answers may be ticked. More than ten right options:
  matching, as in Moodle XML;
- matching and classify: matching (``=item -> answer``); a category no statement
  belongs to is an extra answer (``= -> category``);
- numeric: ``#answer:tolerance``; GIFT has no unit, so a question with one
  whose prompt does not say it ends with the line ``Answer in million GBP.``
  (Moodle shows it with the question; the app's reader takes it back as the
  unit). A generated prompt ends with its own "Answer in …" sentence
  (:mod:`quiz.answer_unit`), which the learner would read twice: the reader
  takes the unit from that sentence instead;
- order: matching of each item to its position (``=item -> 2nd``). Moodle 4.4's
  ordering question type has a GIFT form of its own (``{>3 ALL …}``), but its
  importer reads the items without unescaping them (an item holding ``:`` would
  show ``&&058;``) and older Moodles read it as a short answer, so it is not used;
- the pack's title is the question category (``$CATEGORY:``, the same paths as
  the Moodle XML export's), each fact's variants in a subcategory of it
  (:mod:`quiz.interchange.families`), and each question's topic a Moodle tag in a comment
  above it (``// [tag:Topic]``), which Moodle's importer (and the app's) reads;
- per-option feedback follows ``#`` on choice, scenario and select-all options;
  for the other kinds it joins the general feedback (``####``), which holds the
  explanation, the correction of a false statement and every quote with its
  outlet, one paragraph per line (``\\n``).

Pack text is written so that Moodle's importer (``question/format/gift/format.php``)
reads it back literally and never as syntax:

- the backslash and the special characters ``~ = # { } :`` are escaped with a
  backslash (the set Moodle's importer unescapes), a line break is written
  as GIFT's ``\\n`` (runs of other blanks made one space) and characters no
  text file should carry (see :func:`legal_text`) dropped, so a pack string
  can never change a question's structure;
- every question text starts with ``[plain]`` so Moodle shows pack text
  literally instead of rendering it as HTML, like the ``plain_text`` format of
  the Moodle XML export. Moodle also reads a format marker at the start of
  each answer, matching item and the general feedback, so text there that
  begins with ``[`` gets its own ``[plain]`` in front (``[html]<b>`` stays text);
- Moodle reads ``%N%`` at the start of a ``~`` choice or a short answer as its
  weight (``~%100%Wrong`` would be a right answer). GIFT has no escape for
  ``%``, so such an answer is written with its real weight in front:
  ``~%0%%100%Wrong``, ``=%100%%50%``;
- short answers are Moodle patterns: ``*`` is written ``\\*`` (else a wildcard).
  GIFT has no way to write ``->`` inside a short answer or a matching item's
  left side (Moodle would read the question as matching, or split the pair
  there), so it becomes ``→`` there; the Moodle XML export keeps it.

Placeholders Moodle uses internally (``&&058;`` and the like) in pack text come
out as the character they stand for; that changes how the text looks, never
the question's structure, and GIFT has no way to prevent it.
"""

from __future__ import annotations

from pathlib import Path

from content.model import Pack
from quiz.answer_unit import says_its_unit
from quiz.interchange import absolute_tolerance, families, keys, legal_text, plain_number, short_answer
from quiz.interchange.moodle import pack_category
from quiz.interchange.moodle_grades import select_all_as_matching, select_all_grades
from quiz.questions import Kind, QuizQuestion

_SPECIAL = "\\~=#{}:"
#: The last line of a numeric question with a unit its prompt does not say (read back by
#: quiz.interchange.readers.gift).
UNIT_LINE = "Answer in {unit}."
#: GIFT's escaped line break: Moodle's importer turns it into a new line, as its exporter writes one.
NEWLINE = "\\n"


def escape(text: str) -> str:
    """Pack text that Moodle reads back literally; a line break (a table's quote has one per row) is
    GIFT's ``\\n``, which Moodle's importer turns back into one and shows in plain text."""
    lines = legal_text(str(text)).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    flat = [" ".join(line.split()) for line in lines]
    return NEWLINE.join("".join(f"\\{ch}" if ch in _SPECIAL else ch for ch in line) for line in flat if line)


def _literal(escaped: str) -> str:
    """Already escaped text where Moodle looks for a ``[format]`` marker: kept as text."""
    return f"[plain]{escaped}" if escaped.startswith("[") else escaped


def _weighted(escaped: str, weight: int | str) -> str:
    """Already escaped answer text where Moodle looks for a ``%N%`` weight: the real one goes first."""
    return f"%{weight}%{escaped}" if escaped.startswith("%") else _literal(escaped)


def _no_arrow(escaped: str) -> str:
    return escaped.replace("->", "→")


def _paragraphs(parts: list[str]) -> str:
    return NEWLINE.join(escape(part) for part in parts)


def _feedback(q: QuizQuestion, option: str) -> str:
    text = q.feedback_for(option)
    return f"#{_literal(escape(text))}" if text else ""


def _matching(pairs: list[tuple[str, str]], extra_answers: tuple[str, ...] = ()) -> str:
    used = {right for _, right in pairs}
    pairs = pairs + [("", extra) for extra in extra_answers if extra not in used]
    return " ".join(f"={_literal(_no_arrow(escape(left)))} -> {escape(right)}" for left, right in pairs)


def _answers(q: QuizQuestion) -> tuple[str, bool]:
    """The answer block's answers, and whether per-option feedback went into them."""
    if q.kind in (Kind.CHOICE, Kind.SCENARIO):
        return " ".join(f"={_literal(escape(c))}{_feedback(q, c)}" if c == q.answer
                        else f"~{_weighted(escape(c), 0)}{_feedback(q, c)}" for c in q.choices), True
    if q.kind == Kind.MULTI:
        grades = select_all_grades(len(set(q.answers)))
        if grades is None:
            return _matching(select_all_as_matching(q.choices, q.answers)), False
        right = set(q.answers)
        return " ".join(f"~%{grades[0] if c in right else grades[1]}%{_literal(escape(c))}{_feedback(q, c)}"
                        for c in q.choices), True
    if q.kind == Kind.TRUEFALSE:
        return ("T" if q.answer == "true" else "F"), False
    if q.kind == Kind.NUMERIC:
        return f"#{plain_number(q.answer)}:{plain_number(absolute_tolerance(q))}", False
    if q.kind in (Kind.MATCHING, Kind.CLASSIFY):
        return _matching(list(q.pairs), keys.options(q)), False
    if q.kind == Kind.ORDER:
        return _matching([(item, keys.ordinal(n)) for n, item in enumerate(q.answers, 1)]), False
    return " ".join(f"={_weighted(_no_arrow(escape(short_answer(a))), 100)}"
                    for a in dict.fromkeys((q.answer, *q.accepted))), False


def tag(name: str) -> str:
    """A Moodle tag comment (``// [tag:Topic]``, read by ``extract_idnumber_and_tags_from_comment``): ``]`` is
    escaped as ``\\]``; ``<``, ``>`` and backticks, which a Moodle tag cannot hold, become spaces."""
    text = " ".join(legal_text(name).translate({ord("<"): " ", ord(">"): " ", ord("`"): " "}).split())
    return f"// [tag:{text.replace(']', chr(92) + ']')}]" if text else ""


def category(pack: Pack, subcategory: str = "") -> str:
    """``$CATEGORY:`` with the path the Moodle XML export uses (a ``/`` in the title doubled, so it stays one
    category), of the pack or one of its fact subcategories (:mod:`.families`). Moodle reads the line before any
    unescaping, so it is written without GIFT escapes."""
    return f"$CATEGORY: {pack_category(pack, subcategory)}\n"


def question_text(pack: Pack, q: QuizQuestion) -> str:
    body, per_option = _answers(q)
    feedback = f"####{_literal(_paragraphs(keys.general_feedback(q, item_feedback=not per_option)))}"
    topic = tag(pack.topic_title(q.topic))
    head = f"{topic}\n" if topic else ""
    text = keys.question_text(q)
    if q.kind == Kind.NUMERIC and q.unit and not says_its_unit(q.prompt, q.unit):
        text.append(UNIT_LINE.format(unit=q.unit))
    return f"{head}::{escape(q.id)}::[plain]{_paragraphs(text)} {{{body} {feedback}}}\n"


def write(pack: Pack, questions: list[QuizQuestion], path: Path) -> None:
    header = f"// Briefing Quiz: {escape(pack.meta.title)}\n// Source: {escape(pack.meta.source_title)}\n\n"
    grouped = families.groups(pack, questions)
    if not grouped or grouped[0].name:  # the pack's category comes first, as in the Moodle XML export
        grouped.insert(0, families.Group("", ()))
    parts = [part for group in grouped
             for part in (category(pack, group.name), *(question_text(pack, q) for q in group.questions))]
    parts[0] = header + parts[0]
    path.write_text("\n".join(parts), encoding="utf-8")
