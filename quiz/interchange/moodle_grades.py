"""Moodle's answer grades, for the select-all questions of the Moodle XML and GIFT exports.

Moodle's importers (``qformat_default::importprocess``) refuse a question
whose answer grade is not on Moodle's fixed list
(``question_bank::fraction_options_full`` in question/engine/bank.php: 100%,
90%, 83.33333%, … 10%, 5%, their negatives and 0, matched within 0.001%), and
a multiple-answer question's positive grades must add up to 100%
(``qtype_multichoice::save_question_options``, rounded to two decimals).

A select-all question is graded in the app as (right picks − wrong picks) /
right options, never below zero (quiz/grade.py). Moodle adds the grades of the
ticked options and clamps the sum to 0–100%, so each right option is worth
100/n and each wrong one −100/n: the same score for every set of ticks. The
list holds 100/n for n = 1…10 only, so a question with more right options
(or none) cannot be written that way; :func:`select_all_grades` says so with
``None`` and the exports write it as matching (each option → "Applies" /
"Does not apply"), which Moodle grades item by item.
"""

from __future__ import annotations

#: Moodle's grade list as percentages, written as Moodle's own exporter writes them.
MOODLE_PERCENTS = ("100", "90", "83.33333", "80", "75", "70", "66.66667", "60", "50", "40", "33.33333", "30", "25",
                   "20", "16.66667", "14.28571", "12.5", "11.11111", "10", "5")
#: 100/n on Moodle's list, for n right options.
_EQUAL_SHARE = {1: "100", 2: "50", 3: "33.33333", 4: "25", 5: "20", 6: "16.66667", 7: "14.28571", 8: "12.5",
                9: "11.11111", 10: "10"}
APPLIES, DOES_NOT_APPLY = "Applies", "Does not apply"


def select_all_grades(right_options: int) -> tuple[str, str] | None:
    """(grade of a right option, grade of a wrong one) in percent, or None if Moodle's list has no equal share."""
    share = _EQUAL_SHARE.get(right_options)
    return (share, f"-{share}") if share else None


def select_all_as_matching(options: tuple[str, ...], right: tuple[str, ...]) -> list[tuple[str, str]]:
    """A select-all question Moodle cannot grade as one (see the module docstring), as matching pairs."""
    chosen = set(right)
    return [(option, APPLIES if option in chosen else DOES_NOT_APPLY) for option in options]
