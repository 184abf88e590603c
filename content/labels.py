"""Labels that read as words cut out of a sentence, not as the name of what a figure measures.

A figure's label is asked about ("What was the <label>?") and shown beside its
bar, so it must be a whole noun phrase: "Permanent staff at the terminal", not
"the will work at the terminal" (a drafted label cut from "the 600 staff who
will work at the terminal" once the amount was taken out). This module holds
the rules that tell the two apart, for ``main.py check`` (any pack) and for the
drafter (which leaves such a label for the author to write rather than invent
words). The rules are deliberately few and sure: a label is flagged only when a
word that cannot end or start an English noun phrase is left dangling, a
determiner is followed by a verb, or the label holds the drafter's cut mark
"…"; a figure's label is flagged too when it ends with a verb ("vacancy rate
among nurses stands"). A milestone's label is put in order beside others, so it
is flagged too when it starts mid-clause ("in Europe is expected to grow") or
with a pronoun pointing back to a sentence not shown ("it would publish"). They
apply to English packs only.
"""

from __future__ import annotations

from content.model import Pack

#: Verbs of linking and modal verbs: never directly after "the" and never the last word of a noun phrase.
AUXILIARIES = frozenset(
    "will would can could should may might must shall is are was were be been being has have had does did do "
    "won't can't isn't wasn't".split())
DETERMINERS = frozenset("a an the its their his her our this these those".split())
#: Words a clause starts with (the label begins mid-sentence).
CLAUSE_OPENERS = frozenset("while whereas which who whom whose that and or but because although though if as "
                           "so than when where".split())
#: Words a noun phrase cannot end with: determiners, prepositions, conjunctions and auxiliaries.
DANGLING = DETERMINERS | AUXILIARIES | frozenset(
    "of to in at for by with from on into onto than and or but nor that which who".split())
CUT_MARKS = ("…", "...")
#: Verbs that link a subject to its amount ("the vacancy rate stands at 9.5 percent", "420 nurses sounds
#: impressive"): a figure's label or unit never ends with one (words that are also plural nouns, such as "rises",
#: "falls" or "costs", are left out: "pay rises" is a noun phrase).
LINKING_VERBS = frozenset(
    "stands stood remains remained sounds sounded seems seemed looks looked appears appeared rose fell grew "
    "totals totalled totaled amounted reached stays stayed sits sat hovers hovered became becomes came went".split())
#: Words that alone say only that the amount is one: "the figure was less than 1 percent" names no measure.
GENERIC_LABELS = frozenset("figure figures number numbers total totals rate rates amount amounts sum level "
                           "levels average averages mean median share shares proportion load loads "
                           "percentage".split())
#: Past participles not ending in "-ed" that end a label cut from a passive ("a mudflat used by 18,000 birds").
IRREGULAR_PARTICIPLES = frozenset("run built made held paid spent taken given seen kept sold lost hit set put cut won "
                                  "done grown known shown driven written brought bought caught sent fed".split())
#: Words ending in "-ed" that are no participle.
_ED_NOUNS = frozenset("hundred kindred sacred naked wicked rugged ragged bed shed red".split())


def _words(label: str) -> list[str]:
    return [w.strip(",;:()“”\"'’‘").lower() for w in label.split()]


def fragment_reason(label: str) -> str:
    """Why ``label`` reads as a piece of a sentence ("" when it does not), in words for its author."""
    text = " ".join(label.split())
    for mark in CUT_MARKS:
        if mark in text:
            return f"it has words cut out of it (“{mark}”)"
    words = [w for w in _words(text) if w]
    if not words:
        return ""
    for first, second in zip(words, words[1:], strict=False):
        if first in DETERMINERS and second in AUXILIARIES:
            return f"“{first}” is followed by the verb “{second}”, not by a noun"
    if words[0] in AUXILIARIES:
        return f"it starts with the verb “{words[0]}”"
    if words[0] in CLAUSE_OPENERS and len(words) > 1:
        return f"it starts mid-sentence, with “{words[0]}”"
    if words[-1] in DANGLING:
        return f"it ends mid-sentence, with “{words[-1]}”"
    return ""


#: Words a milestone label cannot start with: the tail of a clause whose subject was left behind ("in Europe is
#: expected to grow…") or a pronoun pointing back to a sentence the learner does not see ("it would publish…").
HEADLESS = frozenset("in on of to for from with into up down it its they them he she his her this these those "
                     "there".split())


def milestone_fragment_reason(label: str) -> str:
    """Why a milestone's ``label`` reads as a piece of a sentence rather than an event ("" when it does not):
    an ordering question lists the labels side by side, and a fragment among them is guessed by its grammar."""
    words = [w for w in _words(label) if w]
    if words and words[0] in HEADLESS:
        return f"it starts mid-clause, with “{words[0]}”"
    return fragment_reason(label)


def english(pack: Pack) -> bool:
    return pack.meta.language.strip().lower().replace("_", "-").split("-")[0] in ("en", "")


def figure_label_reason(label: str) -> str:
    """Why a figure's ``label`` is no name of what it measures ("" when it is one): a fragment, or a noun phrase
    with the verb after it left on ("vacancy rate among nurses stands")."""
    reason = fragment_reason(label)
    if reason:
        return reason
    words = [w for w in _words(label) if w]
    if words and words[-1] in LINKING_VERBS | AUXILIARIES:
        return f"it ends with the verb “{words[-1]}”"
    return ""


def generic_label_reason(label: str) -> str:
    """Why a figure's ``label`` says nothing of what it measures ("the figure", "the total"), or ""."""
    words = [w for w in _words(label) if w]
    if len(words) == 1 and words[0] in GENERIC_LABELS:
        return f"“{words[0]}” alone does not say what the amount measures"
    return ""


def participle_label_reason(label: str, unit: str) -> str:
    """Why a figure's ``label`` names what its amount acts on rather than what it counts ("" when it does not):
    it ends with a participle after a noun that is not the unit's ("mudflat used" for 18,000 birds: the birds
    use the mudflat). "Jobs created" (unit jobs) or "people affected" (unit people) are whole labels, and so is
    any for money or a share ("budget allocated")."""
    words = [w for w in _words(label) if w]
    if len(words) < 2:
        return ""
    last = words[-1]
    participle = last in IRREGULAR_PARTICIPLES or (
        len(last) >= 4 and last.endswith("ed") and not last.endswith("eed") and last not in _ED_NOUNS)
    if not unit.split() or unit.split()[-1].isupper() or unit.split()[-1] in ("percent", "points"):
        return ""  # money or a share: "budget allocated" names what $2 billion is
    units = {w.lower() for w in unit.split()}
    if not participle or words[-2] in units or words[-2].rstrip("s") in {u.rstrip("s") for u in units}:
        return ""
    return f"it ends with “{last}”: it names what the amount did something to (“{words[-2]}”), not what it counts"


def meaningless_label_reason(label: str, unit: str) -> str:
    """Why a figure's ``label`` says nothing of what its amount measures (a bare statistic word, or a noun the
    amount acts on), or ""."""
    return generic_label_reason(label) or participle_label_reason(label, unit)


def fragment_labels(pack: Pack) -> list[str]:
    """One message per figure or milestone of ``pack`` whose label reads as words cut from a sentence (English
    packs only)."""
    if not english(pack):
        return []
    found = []
    for figure in pack.figures:
        reason = figure_label_reason(figure.label)
        if reason:
            found.append(f"figure {figure.id}: label “{figure.label}” reads as words cut from a sentence ({reason});"
                         " write what the amount measures as a noun phrase")
            continue
        reason = meaningless_label_reason(figure.label, figure.unit)
        if reason:
            found.append(f"figure {figure.id}: label “{figure.label}” says nothing of what the amount measures "
                         f"({reason}); write what it measures as a noun phrase")
    for milestone in pack.milestones:
        reason = milestone_fragment_reason(milestone.label)
        if reason:
            found.append(f"milestone {milestone.id}: label “{milestone.label}” reads as words cut from a sentence "
                         f"({reason}); write what happens then in a few words")
    return found
