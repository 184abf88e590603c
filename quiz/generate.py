"""Generate quiz questions from a stored pack, deterministically for a seed.

Rules that keep the quiz honest and worth answering (the standard item-writing
guidelines, applied to any pack):

- every key is read straight from the pack record it tests, and every
  question quotes a verbatim passage of the article (a table without a quote of
  its own cites its section's quote, never its title) and explains its key;
- each question lists the facts it tests, and the variants of one fact (amount,
  typed number, outlet, true/false, fill-in) form a family: a session asks one
  of them (:mod:`quiz.plan`), never the same fact twice;
- distractors come from the key's own category (amounts in the same unit and
  near the key's size, outlets, terms of the same ``category``, items of the
  same list), and each says what it really is;
- false statements are authored misreadings (``misreadings`` of a fact) or
  swaps of two values of the same category; the true version is shown as the
  correction after any answer;
- no stem contains its key, its initials or expansion, or a word tying it to
  the key alone (:func:`quiz.wording.gives_away`); no list-position trivia;
- figures a question cannot tell apart (same source, label and year) are never
  asked for their amount when they state different ones, a false statement never
  swaps in an amount such a twin states, and a source question never offers
  another outlet that gives the same amount (``main.py check`` names them);
- a table gives one grid (or one matching per column), never one item per cell;
  milestones give an ordering item; a figure stated as a bound ("more than")
  is asked as a bound, never as a number.

Everything is built from one index per pack, so generation is linear in the
pack's size. The seed decides distractors and option order only; which
questions exist depends on the pack alone, so ids stay stable across runs.
"""

from __future__ import annotations

import math
import random
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TypedDict

from content import bidi, briefing, numerals
from content.amounts import stated_amount as stated_amount  # re-exported: quiz.slides states amounts
from content.model import Figure, Milestone, Pack, Question, Table
from content.validate import normalise_space, sentences
from quiz import wording
from quiz.answer_unit import ANSWER_IN, unit_phrase
from quiz.citations import attribute_quotes
from quiz.cues import given_away_in_view
from quiz.phrases import QT_TRANSLATE_NOOP, language_code, phrase, translated
from quiz.questions import Citation, Kind, QuizQuestion

# -- the words around the pack's text ---------------------------------------------------
# Templates in English, marked for pyside6-lupdate (i18n/<language>/questions.ts translates them;
# quiz.phrases looks them up for the pack's language). Placeholders are named: a translation puts
# them where its grammar wants them ("{source}によると、{subject}は…").
#: A bound named alone, as a note quotes it ("The article gives “more than”…").
_BOUND_WORDS = {
    "more than": QT_TRANSLATE_NOOP("quiz.generate", "more than"),
    "less than": QT_TRANSLATE_NOOP("quiz.generate", "less than"),
    "at least": QT_TRANSLATE_NOOP("quiz.generate", "at least"),
    "at most": QT_TRANSLATE_NOOP("quiz.generate", "at most"),
    "up to": QT_TRANSLATE_NOOP("quiz.generate", "up to"),
}
_THE_ARTICLE = QT_TRANSLATE_NOOP("quiz.generate", "the article")
_WITH_YEAR = QT_TRANSLATE_NOOP("quiz.generate", "{label} ({year})")
#: Two sentences one after the other (Japanese writes no space after 。).
_SENTENCES = QT_TRANSLATE_NOOP("quiz.generate", "{first} {second}")
#: Separators of a list of items, of two or more names ("A and B"), of a row's cells.
_ITEMS = QT_TRANSLATE_NOOP("quiz.generate", "; ")
_AND = QT_TRANSLATE_NOOP("quiz.generate", " and ")
_NAMED = QT_TRANSLATE_NOOP("quiz.generate", "{name}: {text}")
_FIGURE_SAYS = QT_TRANSLATE_NOOP("quiz.generate", "{source} gives {subject} as {amount}.")
_THAT_IS = QT_TRANSLATE_NOOP("quiz.generate", "That is {subject}.")
_THAT_IS_BY = QT_TRANSLATE_NOOP("quiz.generate", "That is {subject}, given by {source}.")
_AMOUNT_IS = QT_TRANSLATE_NOOP("quiz.generate", "{amount} is {subject}.")
_AMOUNT_IS_BY = QT_TRANSLATE_NOOP("quiz.generate", "{amount} is {subject}, given by {source}.")
_ASK_FIGURE = QT_TRANSLATE_NOOP("quiz.generate", "What figure does {source} give for {subject}?")
_BOUND_NOTE = QT_TRANSLATE_NOOP("quiz.generate", "The article gives a bound (“{bound}”), not an amount.")
_EXACT_NOTE = QT_TRANSLATE_NOOP("quiz.generate", "The article gives the amount itself, not a bound.")
_OTHER_CLAIM = QT_TRANSLATE_NOOP("quiz.generate", "The article says {amount}; “{option}” is a different claim.")
_APPROXIMATE = QT_TRANSLATE_NOOP(
    "quiz.generate", "The article gives an approximate amount, so answers within 5% count.")
_WHO_GIVES = QT_TRANSLATE_NOOP("quiz.generate", "Who gives {subject} as {amount}?")
_TRUE_OR_FALSE_FIGURE = QT_TRANSLATE_NOOP("quiz.generate", "True or false: {source} gives {subject} as {amount}.")
_TRUE = QT_TRANSLATE_NOOP("quiz.generate", "True. {statement}")
_FALSE = QT_TRANSLATE_NOOP("quiz.generate", "False. {statement} {why}")
_OTHER_BOUND = QT_TRANSLATE_NOOP(
    "quiz.generate", "The article gives “{bound}”, a different bound from “{other}”.")
_FILL_SOURCE = QT_TRANSLATE_NOOP("quiz.generate", "Fill in the blank with the source: “{text}”")
_NO_FIGURE = QT_TRANSLATE_NOOP("quiz.generate", "{source} gives no figure in the article.")
_GIVES_FIGURES = QT_TRANSLATE_NOOP("quiz.generate", "{source} gives {figures}.")
_SUBJECT_AMOUNT = QT_TRANSLATE_NOOP("quiz.generate", "{subject}, {amount}")
_WHICH_TERM = QT_TRANSLATE_NOOP("quiz.generate", "Which term does the briefing define this way? “{definition}”")
_FILL_IN = QT_TRANSLATE_NOOP("quiz.generate", "Fill in the blank: “{text}”")
_WHICH_ITEM = QT_TRANSLATE_NOOP("quiz.generate", "{title}: which one matches this description? {detail}")
_ALSO_LISTED = QT_TRANSLATE_NOOP(
    "quiz.generate", "{name} is also in the article's list, but the article does not describe it this way.")
_GRID = QT_TRANSLATE_NOOP("quiz.generate", "{title}: put each entry under the column it belongs to.")
_GRID_EXPLAINED = QT_TRANSLATE_NOOP(
    "quiz.generate", "The article's table sets {columns} side by side, {header} by {header}: {rows}.")
_CELLS = QT_TRANSLATE_NOOP("quiz.generate", " / ")
_MATCH = QT_TRANSLATE_NOOP("quiz.generate", "{title}: match each {header} to its {column}.")
_TABLE_GIVES = QT_TRANSLATE_NOOP("quiz.generate", "The article's table gives: {pairs}.")
_PAIR = QT_TRANSLATE_NOOP("quiz.generate", "{left} → {right}")
_TRUE_OR_FALSE = QT_TRANSLATE_NOOP("quiz.generate", "True or false: {statement}")
_TRUE_SAYS = QT_TRANSLATE_NOOP("quiz.generate", "True. The article says so: {statement}")
_FALSE_SAYS = QT_TRANSLATE_NOOP("quiz.generate", "False. What the article says: {statement}")
_WHICH_STATEMENT = QT_TRANSLATE_NOOP("quiz.generate", "Which of these statements does the article make?")
_ARTICLE_SAYS = QT_TRANSLATE_NOOP("quiz.generate", "The article says: {statement}")
_NOT_SAID = QT_TRANSLATE_NOOP("quiz.generate", "Not what the article says. It says: {statement}")
#: The key is the milestones' chronology (their ``order`` or ``year``), not where the article mentions them.
_ORDER = QT_TRANSLATE_NOOP("quiz.generate", "Put these in the order they happen, earliest first.")
_IN_ORDER = QT_TRANSLATE_NOOP("quiz.generate", "From earliest to latest: {steps}.")
_STEP = QT_TRANSLATE_NOOP("quiz.generate", "{label} ({when})")
_THEN = QT_TRANSLATE_NOOP("quiz.generate", " → ")
_AUTHORED_KEY = QT_TRANSLATE_NOOP("quiz.generate", "The answer is {answer}, as the article says.")

MAX_CHOICES = 4
#: Tolerance for numeric answers to figures the article calls approximate.
APPROX_TOLERANCE = 0.05
#: How many items an ordering question puts in order at most.
MAX_ORDER_ITEMS = 5
BLANK = "_____"
#: The opposite bound of about the same length (an option must not stand out by its length).
_OPPOSITE = {"more than": "less than", "at least": "at most", "less than": "more than", "up to": "at least"}


def generate(pack: Pack, seed: str | int = 0) -> list[QuizQuestion]:
    """Every question (all variants) for ``pack``, in a stable order (grouped by generator)."""
    index = PackIndex(pack)
    questions: list[QuizQuestion] = []
    for make in GENERATORS:
        questions.extend(make(index, seed))
    questions = attribute_quotes(questions)  # one sentence, one source, in every question that quotes it
    shown = given_away_in_view(_always_in_view(pack), [q for q in questions if not q.authored])
    if shown:  # the pack's title answers them: never asked (``main.py check`` says which, :func:`notes`)
        questions = [q for q in questions if q.id not in shown]
    if pack.right_to_left:
        questions = [q if q.authored else _left_to_right(q) for q in questions]
    if index.translated:  # grading words (True/False, verdicts) follow the questions' language
        questions = [replace(q, language=index.language) for q in questions]
    return questions


def _left_to_right(question: QuizQuestion) -> QuizQuestion:
    """A generated question of a right-to-left pack whose English sentences start with an isolated name or
    amount, marked as left to right (see :func:`content.bidi.left_to_right`)."""
    ltr = bidi.left_to_right
    return replace(question, prompt=ltr(question.prompt), explanation=ltr(question.explanation),
                   correction=ltr(question.correction), feedback=tuple((o, ltr(f)) for o, f in question.feedback))


def notes(pack: Pack) -> list[str]:
    """Records of ``pack`` that give no generated question, or fewer than they could, each with the reason
    (for ``main.py check``)."""
    index = PackIndex(pack)
    made: list[QuizQuestion] = []
    for make in GENERATORS:
        made.extend(make(index, 0))
    for qid, why in given_away_in_view(_always_in_view(pack), made).items():
        kind = "question" if qid.startswith("authored:") else "generated question"
        index.notes.append(f"{kind} {qid!r} is answered by the pack's title, which is always in view ({why}): "
                           + ("it is never asked" if kind != "question" else "reword the title or the question"))
    return index.notes


def _always_in_view(pack: Pack) -> tuple[str, str]:
    """What a learner sees while answering any question: the pack's title (window title, pack chooser, every
    page of a paper quiz) and its source's title (beside the chooser and on the paper quiz)."""
    return pack.meta.title, pack.meta.source_title


def _rng(seed: str | int, qid: str) -> random.Random:
    return random.Random(f"{seed}|{qid}")


def _sample(pool: Sequence[str], exclude: str, k: int, rng: random.Random) -> list[str]:
    """Up to ``k`` distinct values of ``pool`` (a sorted list of distinct values) other than ``exclude``."""
    if len(pool) <= k + 1:
        return [p for p in pool if p != exclude][:k]
    picked = rng.sample(range(len(pool)), k + 1)
    return [pool[i] for i in picked if pool[i] != exclude][:k]


def _options(answer: str, distractors: Sequence[str], rng: random.Random) -> tuple[str, ...]:
    options = [answer, *distractors]
    rng.shuffle(options)
    return tuple(options)


class Common(TypedDict, total=False):
    """What every variant of one record shares (the keyword arguments spread into each question)."""

    topic: str
    quote: str
    outlet: str | None
    facts: tuple[str, ...]
    section: str


@dataclass(frozen=True)
class Twins:
    """Figures of one pack that share a source, a label and a year (see :attr:`PackIndex.twins`)."""

    figures: tuple[Figure, ...]  # in the pack's order
    amounts: set[str]  # as the article states them
    values: set[float]  # in the base unit
    first: dict[tuple[str, float], Figure]  # the first figure to state each amount

    @property
    def one_key(self) -> bool:
        """All state one amount: asking for it has one answer."""
        return len(self.first) == 1


@dataclass
class PackIndex:
    """Lookups built once per pack: units, categories, sections and wording helpers."""

    pack: Pack
    vocabulary: wording.Vocabulary = field(init=False)
    section_of: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        self.vocabulary = wording.lowercase_vocabulary(self.pack.source_text)
        pack = self.pack
        #: English grammar ("the", lower-casing a label's first word, plural units) only for English packs:
        #: the templates are English until the interface is translated, the pack's words may not be.
        self.english = pack.meta.language.strip().lower().replace("_", "-").split("-")[0] in ("en", "")
        #: The language of the words around the pack's text: the pack's, where i18n/ translates the
        #: templates (quiz.phrases), else English.
        self.language = language_code(pack.meta.language)
        self.translated = translated(self.language)
        #: Pack text put into a sentence: isolated in a right-to-left pack (content.bidi), else as is.
        self.iso = pack.isolate
        first_of_topic: dict[str, str] = {}
        for section in pack.sections:
            first_of_topic.setdefault(section.topic, section.id)
        self.first_of_topic = first_of_topic
        placed: dict[str, str] = {}
        for section in pack.sections:
            for figure_id in section.figures:
                placed.setdefault(figure_id, section.id)
        for section_id, (tables, lists) in briefing.attachments(pack).items():
            for table in tables:
                placed.setdefault(table.id, section_id)
            for named in lists:
                placed.setdefault(named.id, section_id)
        self.section_of = placed
        self._phrases: dict[str, str] = {}
        self._refs: dict[str, str] = {}
        self._subjects: dict[str, str] = {}
        self._written: dict[tuple[str, str], str] = {}
        #: records that give no generated question or fewer, and why (``main.py check`` prints these)
        self.notes: list[str] = []

    def say(self, template: str, **fields: object) -> str:
        """``template`` (marked with QT_TRANSLATE_NOOP in "quiz.generate") in the questions' language, filled in."""
        return phrase(self.language, "quiz.generate", template).format(**fields)

    def join(self, separator: str, items: Iterable[str]) -> str:
        """``items`` joined by ``separator`` (a marked separator such as "; ") in the questions' language."""
        return phrase(self.language, "quiz.generate", separator).join(items)

    def sentences(self, first: str, second: str) -> str:
        return self.say(_SENTENCES, first=first, second=second)

    def section(self, record_id: str, topic: str) -> str:
        return self.section_of.get(record_id) or self.first_of_topic.get(topic, "")

    def section_quote(self, section_id: str) -> str:
        return next((s.quote for s in self.pack.sections if s.id == section_id), "")

    def phrase(self, label: str) -> str:
        """``label`` as the object of an English sentence ("the stimulus plan"); in a pack of another
        language as written (no "the" before 一般会計予算, nothing lower-cased)."""
        found = self._phrases.get(label)
        if found is None:
            found = wording.noun_phrase(label, self.vocabulary) if self.english else label
            self._phrases[label] = found
        return found

    @cached_property
    def source(self) -> str:
        return normalise_space(self.pack.source_text or "")

    # -- figures --------------------------------------------------------------------
    @cached_property
    def amounts_by_unit(self) -> dict[str, list[Figure]]:
        """Figures stated as amounts (not bounds) per base unit, one per distinct amount: the distractor pool."""
        found: dict[str, dict[float, Figure]] = {}
        for f in self.pack.figures:
            if not f.is_bound:
                found.setdefault(f.base_unit, {}).setdefault(f.base_value, f)
        return {unit: sorted(by_value.values(), key=lambda f: f.base_value) for unit, by_value in found.items()}

    def subject(self, figure: Figure) -> str:
        found = self._subjects.get(figure.id)
        if found is None:
            label = self.phrase(figure.label)
            # A label that writes the year (in any digits: ٢٠٤٠) is not followed by it again.
            if figure.year and str(figure.year) not in numerals.normalise(figure.label):
                label = self.say(_WITH_YEAR, label=label, year=figure.year)
            found = self._subjects[figure.id] = self.iso(label)
        return found

    @cached_property
    def twins(self) -> dict[str, Twins]:
        """Per figure, the figures its questions cannot tell it apart from (itself among them): the same
        source and the same subject as a sentence writes them (label and year), so "What figure does Nikkei
        give for the trees (2030)?" asks for all of them. Figures without such a twin are not listed.

        The article may well give two amounts for one thing (a first count and a revised one); the pack then
        needs labels that say which is which, and until it has them no question keyed on one of them may be
        answered by another (:func:`figure_items`). One :class:`Twins` per group, shared by its figures: a
        pack of 10,000 figures with one label stays linear."""
        groups: dict[tuple[str, str], list[Figure]] = {}
        for f in self.pack.figures:
            stem = (self.source_ref(self.pack.outlet_name(f.outlet)).casefold(), self.subject(f).casefold())
            groups.setdefault(stem, []).append(f)
        found: dict[str, Twins] = {}
        for group in groups.values():
            if len(group) > 1:
                twins = Twins(tuple(group), {self.display(f) for f in group}, {f.base_value for f in group}, {})
                for f in group:
                    twins.first.setdefault((self.display(f), f.base_value), f)
                    found[f.id] = twins
        return found

    @cached_property
    def givers(self) -> dict[tuple[str, str], set[str]]:
        """(subject, amount as stated) → the outlets that give it: who else a source question's key shares
        its stem with ("Who gives the trees (2030) as 300 trees?" has two right answers when two outlets do)."""
        found: dict[tuple[str, str], set[str]] = {}
        for f in self.pack.figures:
            outlet = self.pack.outlet_name(f.outlet)
            if outlet:
                found.setdefault((self.subject(f).casefold(), self.display(f)), set()).add(outlet)
        return found

    def source_ref(self, outlet_name: str | None) -> str:
        """How a sentence names a source: "Nikkei", "the Valley Ledger" (as the article writes it), "the article"."""
        if not outlet_name:
            return self.say(_THE_ARTICLE)
        found = self._refs.get(outlet_name)
        if found is None:
            pattern = rf"\bthe\s+{re.escape(outlet_name)}\b"
            english_the = not self.translated and re.search(pattern, self.pack.source_text or "", re.IGNORECASE)
            found = self.iso(f"the {outlet_name}" if english_the
                             else outlet_name)
            self._refs[outlet_name] = found
        return found

    def amount(self, figure: Figure, amount: float, qualifier: str) -> str:
        return stated_amount(self.language, figure, amount, qualifier)

    def written_as(self, figure: Figure, qualifier: str) -> str:
        """``figure``'s amount in the style of a key with ``qualifier`` (an option beside that key), written once:
        each amount is looked at as a neighbour of several keys."""
        found = self._written.get((figure.id, qualifier))
        if found is None:
            found = self._written[figure.id, qualifier] = self.amount(figure, figure.amount, qualifier)
        return found

    def display(self, figure: Figure) -> str:
        """The figure as the article states it (``Figure.display`` in English)."""
        return stated_amount(self.language, figure)

    def figure_sentence(self, figure: Figure) -> str:
        """"Nikkei gives the public-private investment goal by 2040 as ~$2.3 trillion." """
        ref = self.source_ref(self.pack.outlet_name(figure.outlet))
        return self.say(_FIGURE_SAYS, source=_capital(ref), subject=self.subject(figure),
                        amount=self.iso(self.display(figure)))

    def what_figure_is(self, figure: Figure, amount: str | None = None) -> str:
        """Feedback for an amount offered as a distractor: which figure of the article it really is
        ("That is …", or "``amount`` is …")."""
        outlet = self.pack.outlet_name(figure.outlet)
        subject = self.subject(figure)
        if amount is None:
            if outlet:
                return self.say(_THAT_IS_BY, subject=subject, source=self.source_ref(outlet))
            return self.say(_THAT_IS, subject=subject)
        if outlet:
            return self.say(_AMOUNT_IS_BY, amount=amount, subject=subject, source=self.source_ref(outlet))
        return self.say(_AMOUNT_IS, amount=amount, subject=subject)

    # -- terms -----------------------------------------------------------------------
    @cached_property
    def terms_by_category(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for term in self.pack.terms:
            found.setdefault(term.category, []).append(term.term)
        return found

    @cached_property
    def misreadings_by_topic(self) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
        found: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for fact in self.pack.facts:
            if fact.misreadings:
                found.setdefault(fact.topic, []).append((fact.id, fact.misreadings))
        return found

    @cached_property
    def corrections(self) -> dict[str, str]:
        """Each misreading → the statement that corrects it."""
        return {wrong: fact.statement for fact in self.pack.facts for wrong in fact.misreadings}

    @cached_property
    def figures_by_outlet(self) -> dict[str, list[Figure]]:
        """Figures per outlet name, in the pack's order (looked up once per source question)."""
        grouped: dict[str, list[Figure]] = {}
        for f in self.pack.figures:
            name = self.pack.outlet_name(f.outlet)
            if name:
                grouped.setdefault(name, []).append(f)
        return grouped

    def header(self, text: str) -> str:
        """A table header mid-sentence: lower-cased as an English common noun ("Location" → "location"); in a
        pack of another language as written (a German noun keeps its capital)."""
        return wording.header_phrase(text) if self.english else text

    @cached_property
    def outlet_names(self) -> list[str]:
        return sorted(o.name for o in self.pack.outlets)


# -- figures ----------------------------------------------------------------------------
#: How far another amount may be from the key, as a ratio either way, and still stand in its place (as a
#: distractor, or as the swapped amount of a false statement). Beyond it a learner rules the amount out by
#: its size alone, without having read anything: 350兆円 offered for a 2,000億円 subsidy is 1,750 times the
#: key, $65 billion for a $2.3 trillion goal 35 times. Within it, size alone does not tell them apart: $140
#: billion beside $2.3 trillion (16 times) or 3.6兆円 beside 2,000億円 (18 times) are both sizes such a plan
#: or subsidy can have. Twenty rather than ten (one order of magnitude): the nearest amounts are offered
#: first anyway, so the bound decides only for a thin pool, and at ten the bundled pack's four amounts
#: ($65 billion to $2.3 trillion) would give no amount choice at all.
PLAUSIBLE_RATIO = 20.0
#: How many of the amounts nearest the key an amount choice draws its distractors from: twice what it
#: shows, so items vary by seed and the key can fall on either side of them (see :func:`_pick_near`).
_NEAR_FEW = 2 * (MAX_CHOICES - 1)
#: Neighbours of the key looked at per amount at most (an amount written like one already taken is
#: skipped): a few steps out of a sorted pool, never a scan of it, so a 100,000-figure pack stays linear.
_SCAN_LIMIT = 64


def _distance(value: float, key: float) -> float:
    """How far apart two amounts are in magnitude (|log(value / key)|); infinite when either is 0, or
    when they are further apart than :data:`PLAUSIBLE_RATIO` (an amount a learner rules out unread)."""
    if value <= 0 or key <= 0 or max(value, key) > PLAUSIBLE_RATIO * min(value, key):
        return math.inf
    return abs(math.log(value / key))


def _base_value(figure: Figure) -> float:
    return figure.base_value


def _nearest_amounts(pool: Sequence[Figure], key: Figure, text: Callable[[Figure], str],
                     few: int = _NEAR_FEW) -> list[Figure]:
    """Up to ``few`` amounts of ``pool`` (sorted by base value) nearest ``key`` in magnitude, nearest first:
    only plausible ones (:data:`PLAUSIBLE_RATIO`), none equal to the key, none written (``text``) like the
    key or like one taken before.

    A bisection finds the key's place; the walk goes outward from it, so the cost does not grow with
    the pool."""
    key_value = key.base_value
    below = bisect_left(pool, key_value, key=_base_value) - 1
    above = below + 1
    seen = {text(key)}
    found: list[Figure] = []
    for _ in range(2 * _SCAN_LIMIT):
        while above < len(pool) and pool[above].base_value == key_value:
            above += 1
        to_below = _distance(pool[below].base_value, key_value) if below >= 0 else math.inf
        to_above = _distance(pool[above].base_value, key_value) if above < len(pool) else math.inf
        if to_below == to_above == math.inf:
            break
        if to_below <= to_above:
            nearest, below = pool[below], below - 1
        else:
            nearest, above = pool[above], above + 1
        shown = text(nearest)
        if shown not in seen:
            seen.add(shown)
            found.append(nearest)
            if len(found) == few:
                break
    return found


def _pick_near(near: Sequence[Figure], key: Figure, k: int, rng: random.Random) -> list[Figure]:
    """Up to ``k`` of the ``near`` amounts, drawn with ``rng`` so that the key's place among its options by
    size is no cue.

    The nearest amounts alone put the key in the middle by size almost every time (the amounts just below
    and just above it), and "the middle amount is right" is a cue a test-wise learner picks up. So the
    key's place is drawn first (smallest, largest or in between, as often as each place would fall by
    chance) and the distractors are drawn to fit it. A place the pool cannot give with at least two
    distractors is passed over; an end may take fewer options than ``k`` (a key with only two amounts
    above it is the smallest of three options, not the middle of four), as three good options test as
    well as four."""
    lower = [g for g in near if g.base_value < key.base_value]
    upper = [g for g in near if g.base_value > key.base_value]
    places = list(range(k + 1))  # the key's place by size among k + 1 options: 0 = the smallest
    rng.shuffle(places)
    for place in places:
        if place == 0:
            below, above = 0, min(k, len(upper))
        elif place == k:
            below, above = min(k, len(lower)), 0
        else:
            below, above = min(place, len(lower)), min(k - place, len(upper))
            if not (below and above):
                continue  # not in between: an end is drawn for itself, as often as chance
        if below + above >= 2:
            return [*rng.sample(lower, below), *rng.sample(upper, above)]
    return [*lower, *upper]  # fewer than two plausible amounts: the caller makes no choice of them


def figure_items(index: PackIndex, seed: str | int) -> Iterator[QuizQuestion]:
    """The variants of one figure: amount (choice), number (typed), source, true/false, source fill-in.

    An amount's distractors are other amounts of the article in the same unit, the ones nearest the key
    in size and never more than :data:`PLAUSIBLE_RATIO` away (an amount a learner rules out by its size
    alone teaches nothing), written in the key's style (all approximate, or all exact), so no option
    stands out by its form or its size. Without two such amounts there is no amount choice; the typed
    number, the source and the true/false variants remain. A figure the article
    states as a bound ("more than $100 billion") is asked as a bound: which bound the article gives,
    never a number to type, and never other amounts with the same bound (a lower "at least" would be
    implied by the key and so also true).
    """
    pack = index.pack
    # Which bound is a bound figure's key, never the bare amount: a learner who has not read learns to rule
    # the bare one out (half right, not a third). So some exact amounts are asked among the same bounds,
    # the bare amount keyed: about one for every two bound items, so neither "never the bare amount" nor
    # "always the bare amount" does better than chance.
    names_bound = {f.id for f in pack.figures if wording.names_a_bound(index.subject(f))}
    bound_asked = sum(1 for f in pack.figures if f.is_bound and f.id not in names_bound)
    exact = [f.id for f in pack.figures if not f.is_bound and not f.approximate and f.id not in names_bound]
    asked_exact = set(_rng(seed, "figure-exact").sample(exact, min(len(exact), (bound_asked + 1) // 2)))
    for f in pack.figures:
        outlet = pack.outlet_name(f.outlet)
        common: Common = {"topic": f.topic, "quote": f.quote, "outlet": outlet, "facts": (f.id,),
                  "section": index.section(f.id, f.topic)}
        subject = index.subject(f)
        ref = index.source_ref(outlet)
        truth = index.figure_sentence(f)
        iso = index.iso
        display = index.display(f)
        shown_amount = iso(display)
        rng = _rng(seed, f"figure:{f.id}")  # one generator for this figure's variants (an amount choice has its own)
        asked = index.say(_ASK_FIGURE, source=ref, subject=subject)
        # Figures the stems cannot tell apart (same source, label and year): a question keyed on this one's
        # amount must not be answerable by theirs (see PackIndex.twins).
        twins = index.twins.get(f.id)
        if twins is not None and twins.figures[0] is f:
            index.notes.append(_twins_note(index, twins))
        if twins is not None and twins.first[display, f.base_value] is not f:
            # The same amount under the same stem again: its questions would be the earlier figure's, asked twice.
            yield from _cloze_outlet(index, f, outlet, truth, common)
            continue
        # Another amount under the same stem: "What figure does … give for …?" has two keys, so it is not asked.
        one_key = twins is None or twins.one_key
        twin_amounts = twins.amounts if twins is not None else set()
        twin_values = twins.values if twins is not None else set()

        false_display: str | None
        false_figure: Figure | None
        if f.is_bound:
            opposite = _OPPOSITE[f.qualifier]
            # Not "about" the amount as well: "more than 29兆円" is close to 29兆円, so "about 29兆円" was
            # a second defensible key (found by trying the app as a new user). One key, two other claims.
            styles = [f.qualifier, opposite, ""]
            options = [index.amount(f, f.amount, q) for q in styles]
            note = index.say(_BOUND_NOTE, bound=index.say(_BOUND_WORDS[f.qualifier]))
            if f.id in names_bound:  # "the upper estimate of…" would answer "up to" itself
                index.notes.append(f"figure {f.id!r} ({f.label}) is not asked which bound it is: its label "
                                   "names the bound; it is still asked as a true statement and by its source")
            elif one_key:
                yield QuizQuestion(
                    id=f"figure-amount:{f.id}", kind=Kind.CHOICE, prompt=asked, answer=display,
                    choices=_options(display, options[1:], rng), explanation=index.sentences(truth, note),
                    feedback=tuple((o, index.say(_OTHER_CLAIM, amount=shown_amount, option=iso(o)))
                                   for o in options[1:]),
                    **common)
            # A label naming its bound makes the opposite bound false on its face ("the recycled cobalt required
            # in new cells … as at most 16 percent": a requirement is a floor): no false statement then.
            false_display, false_figure = (None if f.id in names_bound else options[1]), None
        else:
            def written(g: Figure, f: Figure = f) -> str:  # another amount, in the key's style
                return index.written_as(g, f.qualifier)

            near = _nearest_amounts(index.amounts_by_unit.get(f.base_unit, []), f, written)
            # The amount choice draws from its own generator: its draws never reshuffle the other variants.
            amount_rng = _rng(seed, f"figure-amount:{f.id}")
            shown = {written(g): g for g in _pick_near(near, f, MAX_CHOICES - 1, amount_rng)}
            if len(shown) >= 2 and one_key:  # fewer plausible amounts: no choice rather than an absurd option
                yield QuizQuestion(
                    id=f"figure-amount:{f.id}", kind=Kind.CHOICE, prompt=asked, answer=display,
                    choices=_options(display, list(shown), amount_rng), explanation=truth,
                    feedback=tuple((text, index.what_figure_is(g)) for text, g in shown.items()), **common)
            if f.id in asked_exact and one_key:  # never "at least": the exact amount is at least itself, a second key
                bounds = [index.amount(f, f.amount, q) for q in ("more than", "less than")]
                yield QuizQuestion(
                    id=f"figure-exact:{f.id}", kind=Kind.CHOICE, prompt=asked, answer=display,
                    choices=_options(display, bounds, _rng(seed, f"figure-exact:{f.id}")),
                    explanation=index.sentences(truth, index.say(_EXACT_NOTE)),
                    feedback=tuple((o, index.say(_OTHER_CLAIM, amount=shown_amount, option=iso(o))) for o in bounds),
                    **common)
            # "billions of US dollars" is English; a translated pack's unit is named as the pack writes it.
            unit = f.unit if index.translated else unit_phrase(f.unit)
            if one_key:
                yield QuizQuestion(
                    id=f"figure-number:{f.id}", kind=Kind.NUMERIC, unit=f.unit,
                    prompt=index.say(ANSWER_IN, question=asked, unit=iso(unit)),
                    answer=f"{f.amount:g}", tolerance=APPROX_TOLERANCE if f.approximate else 0.0,
                    explanation=index.sentences(truth, index.say(_APPROXIMATE)) if f.approximate else truth,
                    **common)
            # The false statement swaps in the nearest plausible amount that no twin states (that one would be
            # true of the twin); with none, there is no false one.
            false_figure = next((g for g in near if g.base_value not in twin_values
                                 and written(g) not in twin_amounts), None)
            false_display = written(false_figure) if false_figure else None

        # Never an outlet that gives this subject as this amount too: it would be a second key. Nor one whose name
        # holds the key's or is held in it ("Port of Caldmouth" beside "Port of Caldmouth's board"): the board
        # is the port's, and a learner could defend either.
        also = index.givers.get((subject.casefold(), display), set()) - {outlet}
        outlets = [o for o in index.outlet_names if o not in also and (o == outlet or not _one_holds_other(o, outlet))]
        if outlet and len(outlets) >= 2:
            distractors = _sample(outlets, outlet, MAX_CHOICES - 1, rng)
            who = index.say(_WHO_GIVES, subject=subject, amount=shown_amount)
            # A label naming its source ("New permanent jobs (board's figure)", a tester's own) answers it
            if (why := wording.gives_away(who, outlet, distractors=distractors)) is not None:
                index.notes.append(f"figure {f.id!r} ({f.label}) is not asked who gives it: {why}; a label that "
                                   "says what is measured, not who says so, lets it be asked")
            else:
                yield QuizQuestion(
                    id=f"figure-source:{f.id}", kind=Kind.CHOICE, prompt=who,
                    answer=outlet, choices=_options(outlet, distractors, rng), explanation=truth,
                    feedback=tuple((d, _outlet_reported(index, d)) for d in distractors), **common)

        claim = {"source": _capital(ref), "subject": subject}
        yield QuizQuestion(
            id=f"figure-tf:{f.id}:true", kind=Kind.TRUEFALSE, answer="true",
            prompt=index.say(_TRUE_OR_FALSE_FIGURE, amount=shown_amount, **claim),
            explanation=index.say(_TRUE, statement=truth), **common)
        if false_display and false_display != display and false_display not in twin_amounts:
            if f.is_bound:
                why = index.say(_OTHER_BOUND, bound=index.say(_BOUND_WORDS[f.qualifier]),
                                other=index.say(_BOUND_WORDS[_OPPOSITE[f.qualifier]]))
            elif false_figure is not None:  # say what the swapped amount really is, so the pairing is corrected too
                why = index.what_figure_is(false_figure, iso(false_display))
            else:
                why = ""
            yield QuizQuestion(
                id=f"figure-tf:{f.id}:false", kind=Kind.TRUEFALSE, answer="false",
                prompt=index.say(_TRUE_OR_FALSE_FIGURE, amount=iso(false_display), **claim), correction=truth,
                explanation=index.say(_FALSE, statement=truth, why=why), **common)

        yield from _cloze_outlet(index, f, outlet, truth, common)


def _cloze_outlet(index: PackIndex, f: Figure, outlet: str | None, truth: str,
                  common: Common) -> Iterator[QuizQuestion]:
    """The figure's quote with its source blanked out (not from a quote that starts mid-sentence)."""
    text = _blank(f.quote, outlet) if outlet and not _fragment(f.quote) else None
    if text and outlet:
        yield QuizQuestion(
            id=f"cloze-outlet:{f.id}", kind=Kind.TEXT, answer=outlet,
            prompt=index.say(_FILL_SOURCE, text=index.iso(text)), explanation=truth, **common)


#: How many figures of one group a note names (a generated pack may give thousands one label).
_TWINS_NAMED = 5


def _twins_note(index: PackIndex, twins: Twins) -> str:
    """What ``main.py check`` says about figures whose questions read alike (see :attr:`PackIndex.twins`)."""
    group = twins.figures
    first = group[0]
    stated = ", ".join(f"{g.id!r} ({index.display(g)})" for g in group[:_TWINS_NAMED])
    if len(group) > _TWINS_NAMED:
        stated += f" and {len(group) - _TWINS_NAMED:,} more"
    year = f", year {first.year}" if first.year else ""
    shared = (f"figures {stated} share label {first.label!r}, source "
              f"{index.pack.outlet_name(first.outlet) or '(none)'}{year}")
    if twins.one_key:
        return (f"{shared}: the same figure twice? Its questions are asked once, of {first.id!r}; the others give "
                "only their fill-in; if they are different things, give each a label that says what it measures")
    return (f"{shared}: their questions read alike and would contradict each other, so none asks for the "
            "amount and no true/false swaps in another's amount; give each a label that says what it measures")


def _out_of_order(items: Sequence[str], rng: random.Random) -> tuple[str, ...]:
    """``items`` shuffled, never left in the right order (distinct items; at most a few tries, then rotated)."""
    shown = list(items)
    for _ in range(8):
        rng.shuffle(shown)
        if shown != list(items):
            return tuple(shown)
    return (*items[1:], *items[:1])


def _capital(text: str) -> str:
    if text[:1] == bidi.FSI:  # an isolated name: capitalise inside the isolate
        return text[:1] + _capital(text[1:])
    return text[:1].upper() + text[1:]


def _fragment(quote: str) -> bool:
    """A quote that starts mid-sentence ("are paid in tranches…") makes a poor fill-in: skip it."""
    first = quote.lstrip("“\"'(")[:1]
    return not first or first.islower()


def _one_holds_other(name: str, other: str | None) -> bool:
    """Whether one of two outlet names holds the other as whole words ("Port of Caldmouth" in "Port of
    Caldmouth's board"), case aside."""
    if not other:
        return False
    a, b = (" " + " ".join(re.findall(r"\w+", n.casefold())) + " " for n in (name, other))
    return a in b or b in a


def _outlet_reported(index: PackIndex, outlet_name: str) -> str:
    figures = index.figures_by_outlet.get(outlet_name, [])
    ref = _capital(index.source_ref(outlet_name))
    if not figures:
        return index.say(_NO_FIGURE, source=ref)
    shown = index.join(_ITEMS, (index.say(_SUBJECT_AMOUNT, subject=index.subject(f), amount=index.iso(index.display(f)))
                                for f in figures[:2]))
    return index.say(_GIVES_FIGURES, source=ref, figures=shown)


# -- terms and lists -----------------------------------------------------------------------
def term_items(index: PackIndex, seed: str | int) -> Iterator[QuizQuestion]:
    """Name the term from its definition (distractors of the same category), and fill it into its quote.

    A term that can give neither (its definition names it, its category has no peers, its quote is a
    fragment or gives it away) is noted in ``index.notes``, so ``main.py check`` can say why.
    """
    pack = index.pack
    for t in pack.terms:
        common: Common = {"topic": t.topic, "quote": t.quote, "facts": (t.id,), "section": index.section(t.id, t.topic)}
        iso = index.iso
        explanation = index.say(_NAMED, name=iso(t.term), text=iso(t.definition))
        peers = [name for name in index.terms_by_category.get(t.category, []) if name != t.term]
        qid = f"term:{t.id}"
        rng = _rng(seed, qid)
        distractors = _sample(sorted(set(peers)), t.term, MAX_CHOICES - 1, rng)
        prompt = index.say(_WHICH_TERM, definition=iso(t.definition))
        why_not: list[str] = []
        cue = wording.gives_away(prompt, t.term, also=t.accept, distractors=distractors)
        if len(distractors) < 2:
            why_not.append(f"fewer than two other terms in its category {t.category or '(none)'!r}")
        elif cue:
            why_not.append(f"its definition gives it away ({cue})")
        else:
            definitions = {other.term: other.definition for other in pack.terms}
            yield QuizQuestion(
                id=qid, kind=Kind.CHOICE, prompt=prompt, answer=t.term,
                choices=_options(t.term, distractors, rng), explanation=explanation,
                feedback=tuple((d, index.say(_NAMED, name=iso(d), text=iso(definitions[d]))) for d in distractors),
                **common)
        cloze = None if _fragment(t.quote) else _cloze_term(t.quote, t.term, t.accept)
        cue = wording.gives_away(cloze[0], t.term, also=t.accept) if cloze else None
        if cloze and not cue:
            text, answer = cloze
            accepted = tuple(dict.fromkeys(a for a in (t.term, *t.accept) if a != answer))
            yield QuizQuestion(
                id=f"cloze-term:{t.id}", kind=Kind.TEXT, prompt=index.say(_FILL_IN, text=iso(text)), answer=answer,
                accepted=accepted, explanation=explanation, **common)
            continue
        if cloze is None:
            why_not.append("its quote starts mid-sentence or does not contain the term")
        else:
            why_not.append(f"its quote gives it away once blanked ({cue})")
        if len(why_not) == 2:
            index.notes.append(f"term {t.id!r} ({t.term}) gives no generated question: " + "; ".join(why_not))


def _cloze_term(quote: str, term: str, accept: Sequence[str]) -> tuple[str, str] | None:
    """Blank every name of the term in its quote (the longest first); the name found first is the answer."""
    names = sorted({n for n in (term, term.removeprefix("The ").removeprefix("the "), *accept) if n.strip()},
                   key=len, reverse=True)
    text, answer = quote, None
    for name in names:
        blanked = _blank(text, name, every=True)
        if blanked is not None:
            text, answer = blanked, answer or name
    if answer is None:
        return None
    return text.replace(f"{BLANK} ({BLANK})", BLANK), answer


def list_items(index: PackIndex, seed: str | int) -> Iterator[QuizQuestion]:
    """Which item of a list does the article describe this way (only items with the article's description)."""
    for named in index.pack.lists:
        names = [i.name for i in named.items]
        if len(set(names)) < 3:
            continue
        details = [i.detail for i in named.items if i.detail]
        for item in named.items:
            if not item.detail or details.count(item.detail) > 1:
                continue
            qid = f"list-item:{item.id}"
            rng = _rng(seed, qid)
            distractors = _sample(sorted(set(names)), item.name, MAX_CHOICES - 1, rng)
            iso = index.iso
            prompt = index.say(_WHICH_ITEM, title=iso(named.title), detail=iso(item.detail))
            cue = wording.gives_away(item.detail, item.name, distractors=distractors)
            if cue:
                index.notes.append(f"list item {item.id!r} ({item.name}) gives no generated question: "
                                   f"its detail gives it away ({cue})")
                continue
            described = {i.name: i.detail for i in named.items}
            yield QuizQuestion(
                id=qid, kind=Kind.CHOICE, topic=named.topic, prompt=prompt, answer=item.name,
                choices=_options(item.name, distractors, rng), quote=item.quote, facts=(item.id,),
                explanation=index.say(_NAMED, name=iso(item.name), text=iso(item.detail)),
                section=index.section(named.id, named.topic),
                feedback=tuple((d, index.say(_NAMED, name=iso(d), text=iso(described[d])) if described.get(d) else
                                index.say(_ALSO_LISTED, name=iso(d))) for d in distractors))


# -- tables ---------------------------------------------------------------------------------
def _table_quote(index: PackIndex, table: Table, cells: Iterable[str] | None = None) -> str:
    """The table's own quote; else the article's sentence that names most of its ``cells`` (default: all of
    them; the one that says what the table shows); else its section's quote. Never its title (a title is
    not a quote).

    A section's quote is about the section, often its first sentence: cited under a table it supports
    nothing the learner was asked."""
    if table.quote:
        return table.quote
    fallback = index.section_quote(index.section(table.id, table.topic))
    if not fallback:
        return ""  # the caller quotes the rows, where the article prints them as lines
    wanted = {cell.casefold() for cell in (cells if cells is not None else (c for r in table.rows for c in r.cells))
              if len(cell) >= 3}
    best, named = "", 0
    for sentence in sentences(index.source):
        folded = sentence.casefold()
        found = sum(1 for cell in wanted if cell in folded)
        if found > named and len(sentence) <= 300 and "\n" not in sentence.strip():  # a sentence, not a table
            best, named = sentence.strip(), found
    return best or fallback


def table_items(index: PackIndex, seed: str | int) -> Iterator[QuizQuestion]:
    """One item per table: a grid (compared columns) or a matching per column (records). Never one per cell."""
    iso = index.iso
    for table in index.pack.tables:
        quote = _table_quote(index, table)
        from_sentences = bool(quote)  # else the rows, where the article prints them as lines
        section = index.section(table.id, table.topic)
        # Without a quote of its own or its section's, the rows the article prints as lines of text are the quote.
        rows_quoted = () if quote else tuple(
            Citation(line) for line in (" ".join((r.label, *r.cells)) for r in table.rows) if line in index.source)
        if not quote and rows_quoted:
            quote, rows_quoted = rows_quoted[0].quote, rows_quoted[1:]
        facts = tuple(r.id for r in table.rows)
        if table.compares and len(table.columns) >= 2 and len(table.rows) >= 1:
            pairs = tuple((f"{iso(r.label)}: {iso(cell)}", column) for r in table.rows
                          for column, cell in zip(table.columns, r.cells, strict=True))
            rng = _rng(seed, f"table-grid:{table.id}")
            shuffled = list(pairs)
            rng.shuffle(shuffled)
            header = iso(index.header(table.row_header))
            rows = index.join(_ITEMS, (index.say(_NAMED, name=iso(r.label), text=index.join(_CELLS, map(iso, r.cells)))
                                       for r in table.rows))
            explanation = index.say(_GRID_EXPLAINED, columns=index.join(_AND, map(iso, table.columns)), header=header,
                                    rows=rows)
            yield QuizQuestion(
                id=f"table-grid:{table.id}", kind=Kind.CLASSIFY, topic=table.topic, answer="",
                prompt=index.say(_GRID, title=iso(table.title)),
                choices=tuple(table.columns), pairs=tuple(shuffled), quote=quote, more_quotes=rows_quoted, facts=facts,
                explanation=explanation, section=section, table=table.id)
            continue
        if len(table.rows) < 2:
            continue
        header = iso(index.header(table.row_header))
        for c, column in enumerate(table.columns):
            cells = [r.cells[c] for r in table.rows]
            if len(set(cells)) != len(cells):
                continue  # two rows share an entry: the matching would have two right answers
            pairs = tuple((r.label, r.cells[c]) for r in table.rows)
            yield QuizQuestion(
                id=f"table-match:{table.id}:{c}", kind=Kind.MATCHING, topic=table.topic, answer="",
                prompt=index.say(_MATCH, title=iso(table.title), header=header, column=iso(index.header(column))),
                pairs=pairs, quote=_table_quote(index, table, cells) if from_sentences else quote,
                more_quotes=rows_quoted, facts=facts, section=section, table=table.id,
                explanation=index.say(_TABLE_GIVES, pairs=index.join(
                    _ITEMS, (index.say(_PAIR, left=iso(a), right=iso(b)) for a, b in pairs))))


# -- facts and milestones ---------------------------------------------------------------------
def fact_statements(index: PackIndex, seed: str | int) -> Iterator[QuizQuestion]:
    """The fact as a true statement, and each authored misreading as a false one corrected by the fact."""
    pack = index.pack
    iso = index.iso
    for fact in pack.facts:
        common: Common = {"topic": fact.topic, "quote": fact.quote, "outlet": pack.outlet_name(fact.outlet),
                  "facts": (fact.id,), "section": index.section(fact.id, fact.topic)}
        yield QuizQuestion(
            id=f"fact:{fact.id}", kind=Kind.TRUEFALSE, answer="true",
            prompt=index.say(_TRUE_OR_FALSE, statement=iso(fact.statement)),
            explanation=index.say(_TRUE_SAYS, statement=iso(fact.statement)), **common)
        for n, wrong in enumerate(fact.misreadings, 1):
            yield QuizQuestion(
                id=f"fact:{fact.id}:false:{n}", kind=Kind.TRUEFALSE, answer="false",
                prompt=index.say(_TRUE_OR_FALSE, statement=iso(wrong)), correction=fact.statement,
                explanation=index.say(_FALSE_SAYS, statement=iso(fact.statement)), **common)
        # Which statement does the article make: the fact among its topic's other misreadings, one per fact.
        # Never the fact's own: "proposed by Takaichi" beside "proposed by Abe" is a pair that says one of
        # the two is the key, and a learner who has not read the briefing got such items right half the time.
        if fact.misreadings:
            rng = _rng(seed, f"fact-choice:{fact.id}")
            prompt = index.say(_WHICH_STATEMENT)
            key_words = wording.content_words(fact.statement)
            cue = wording.content_words(prompt) & key_words  # "article" in both

            def closeness(w: str, key: str = fact.statement, cue: set[str] = cue,
                          key_words: set[str] = key_words) -> tuple[bool, bool, int, str]:
                # Not the key's near twin from another fact ("Abenomics was launched under politician Sanae
                # Takaichi" beside "Sanaenomics was proposed by politician Sanae Takaichi": the two alike say
                # one of them is the key); then sharing the stem's words with the key ("The article places…"
                # among statements without "article" echoed the stem); then about the key's length: the
                # longest option must not be the tell.
                words = wording.content_words(w)
                twin = len(words & key_words) >= len(words | key_words) / 3
                return twin, not cue <= words, abs(len(w) - len(key)), w

            def others(same_topic: bool, key: str = fact.id, topic: str = fact.topic) -> list[str]:
                return sorted((min(wrong, key=closeness) for t, facts in index.misreadings_by_topic.items()
                               if (t == topic) == same_topic for other, wrong in facts if other != key), key=closeness)
            # Its topic's first; a topic with fewer is filled from the article's other topics (one stem for all).
            misread = [*others(True), *others(False)][: MAX_CHOICES - 1]
            if (len(misread) >= 2 and len(fact.statement) <= 1.1 * max(len(w) for w in misread)
                    and wording.gives_away(prompt, fact.statement, distractors=misread) is None):
                corrections = index.corrections
                yield QuizQuestion(
                    id=f"fact-choice:{fact.id}", kind=Kind.CHOICE, answer=fact.statement, prompt=prompt,
                    choices=_options(fact.statement, misread, rng),
                    explanation=index.say(_ARTICLE_SAYS, statement=iso(fact.statement)),
                    feedback=tuple((w, index.say(_NOT_SAID, statement=iso(corrections[w]))) for w in misread),
                    **common)


def milestone_order(index: PackIndex, seed: str | int) -> Iterator[QuizQuestion]:
    """Milestones whose order the article gives put in order, one per time.

    When any milestone has an ``order``, only those are ordered (a ``year`` alone cannot be placed
    among them); otherwise milestones with a ``year`` are. With more times than an item can hold,
    a seeded spread of them is asked (the earliest ones too, not always the last few).
    """
    milestones = index.pack.milestones
    ordered = [m for m in milestones if m.order is not None]
    by_time: dict[int, list[Milestone]] = {}
    for m in ordered or [m for m in milestones if m.year is not None]:
        by_time.setdefault(m.order if ordered else m.year, []).append(m)  # type: ignore[arg-type]
    if len(by_time) < 3:
        return
    rng = _rng(seed, "order:milestones")
    times = sorted(by_time)
    if len(times) > MAX_ORDER_ITEMS:
        times = sorted(rng.sample(times, MAX_ORDER_ITEMS))
    chosen = [rng.choice(sorted(by_time[t], key=lambda m: m.id)) for t in times]
    sequence = tuple(m.label for m in chosen)
    if len(set(sequence)) < len(sequence):
        return  # two milestones with one label: the order could not be told apart
    shown = _out_of_order(sequence, rng)
    # One topic per question (sessions interleave topics; mastery is told per topic): the one most of its
    # milestones belong to, the earliest of them on a tie; not simply the last milestone's.
    topics = [m.topic for m in chosen]
    topic = max(dict.fromkeys(topics), key=topics.count)
    yield QuizQuestion(
        id="order:milestones", kind=Kind.ORDER, topic=topic, answer="", answers=sequence,
        choices=shown, prompt=index.say(_ORDER),
        quote=chosen[0].quote, more_quotes=tuple(Citation(m.quote) for m in chosen[1:]),
        facts=tuple(m.id for m in chosen), section=index.section(chosen[-1].id, chosen[-1].topic),
        explanation=index.say(_IN_ORDER, steps=index.join(
            _THEN, (index.say(_STEP, label=index.iso(m.label), when=index.iso(m.when)) for m in chosen))))


# -- authored ------------------------------------------------------------------------------------
def authored(index: PackIndex, seed: str | int) -> Iterator[QuizQuestion]:
    pack = index.pack
    for q in pack.questions:
        yield _authored(index, q, seed)


def _authored(index: PackIndex, q: Question, seed: str | int) -> QuizQuestion:
    pack = index.pack
    rng = _rng(seed, q.id)
    cited = [pack.quoted[c] for c in q.cites if c in pack.quoted]
    quote, outlet_id = (q.quote, q.outlet) if q.quote else (cited[0] if cited else ("", None))
    more = tuple(Citation(text, pack.outlet_name(o)) for text, o in cited if text != quote)
    kind = Kind(q.kind)
    answer, choices = q.answer, tuple(q.choices)
    answers: tuple[str, ...] = ()
    pairs: tuple[tuple[str, str], ...] = ()
    feedback: tuple[tuple[str, str], ...] = ()
    if q.options:
        texts = [o.text for o in q.options]
        choices = tuple(texts)
        feedback = tuple((o.text, o.feedback) for o in q.options if o.feedback)
        right = [o.text for o in q.options if o.correct]
        if kind == Kind.MULTI:
            answers = tuple(right)
        elif right:
            answer = right[0]
    if choices and kind != Kind.ORDER:
        shuffled = list(choices)
        rng.shuffle(shuffled)
        choices = tuple(shuffled)
    if kind == Kind.ORDER:
        answers = tuple(q.sequence)
        choices = _out_of_order(answers, rng)
    elif kind == Kind.CLASSIFY:
        statements = list(q.statements)
        rng.shuffle(statements)
        pairs = tuple((s.text, s.category) for s in statements)
        choices = tuple(q.categories)
        feedback = tuple((s.text, s.feedback) for s in q.statements if s.feedback)
    elif kind == Kind.MATCHING:
        pairs = tuple((p.left, p.right) for p in q.pairs)
    facts = q.facts or (q.id,)
    # Format 1 and 2 packs had no explanations: say at least what the key is and where it stands.
    explanation = q.explanation or index.say(_AUTHORED_KEY, answer=answer or index.join(_ITEMS, answers) or q.answer)
    section = next((index.section(f, q.topic) for f in facts if f in index.section_of), "") \
        or index.first_of_topic.get(q.topic, "")
    return QuizQuestion(
        id=f"authored:{q.id}", kind=kind, prompt=q.prompt, scenario=q.scenario, topic=q.topic, answer=answer,
        answers=answers, choices=choices, pairs=pairs, tolerance=q.tolerance, unit=q.unit, accepted=q.accept,
        quote=quote, outlet=pack.outlet_name(q.outlet or outlet_id), more_quotes=more, facts=facts,
        explanation=explanation, feedback=feedback, section=section, authored=True,
        correction=q.explanation if kind == Kind.TRUEFALSE and answer == "false" else "")


def _blank(quote: str, word: str, *, every: bool = False) -> str | None:
    """``quote`` with ``word`` (the first or every time) blanked out, or None if it is not there as a word.

    In a language without spaces the word may stand between any two characters (日経によると,
    2040年度までに): :func:`quiz.wording.phrase_pattern` knows which boundaries each script needs.
    """
    blanked, count = wording.phrase_pattern(word).subn(BLANK, quote, count=0 if every else 1)
    return blanked if count else None


GENERATORS: tuple[Callable[[PackIndex, str | int], Iterator[QuizQuestion]], ...] = (
    figure_items, term_items, list_items, table_items, fact_statements, milestone_order, authored,
)
