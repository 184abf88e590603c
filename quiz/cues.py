"""Whether one question gives away another's key (interlocking items), Qt-free.

Two questions of one exam are read side by side; in practice the feedback of
one is read before the next is asked. Either way a learner who never read the
briefing can take a key from another item: a list item's detail says "taken
back" and the next term's key is "Clawback"; a definition says "at least 40
percent" and the bound question on that figure asks which bound it is; one
"Which of these statements…" item offers a misreading of the statement
another one keys. Question A *gives away* question B when:

- they test the same fact (a figure, a term, a claim id), or quote the same
  sentence (:func:`quiz.plan.family_key`);
- one offers a misreading of a fact the other asks (its feedback on that
  option gives the fact's statement): "…depends mainly on rising stock market
  indices" as a wrong option beside "True or false: the success … depends on
  … STEM talent";
- a name of B's key (its answer, an accepted spelling, a typed number) stands
  in what A shows (stem, scenario, options, pairs), unless A shows one of B's
  other options as well (then it points to none of them); a name keyed among
  options (an outlet, a term, an amount) counts only where A's text also
  speaks of what B asks ("What figure does the Agency give for the second
  round?" says nothing of who gives the number of bids);
- B's key is one word and A shows a part of it as a word ("taken back",
  "claw back" → Clawback);
- B's key is a statement and A shows most of its distinctive words (those
  none of B's other options has);
- A and B show the same statement (an option of one is the other's);
- B is a true/false statement and one text of A holds most of the words
  of its true version, and all its numbers: a figure's amount with most of
  what it measures ("An AI investment plan of approximately $65 billion is
  announced", among an ordering item's events, answers "True or false: the
  article gives the AI investment plan as ~$65 billion", and refutes the
  same statement with ~$140 billion); an event saying the Diet's budget
  discussions finalize the allocations, beside a statement of who decides
  them.

Text is compared as normalised tokens: case, width (ＡＩ = AI), punctuation,
thousands separators, possessives and plurals do not matter; a script written
without spaces is compared character by character. :class:`CueIndex` reads a
question once, when it is first asked about, and compares a pair with a few
set operations (token sequences only where every token is shared): an exam of
63 from a 2,000-figure pack (10,000 questions) composes in the time it took
without the rule.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from content import scripts
from quiz.plan import family_key
from quiz.questions import Kind, QuizQuestion
from quiz.wording import ARABIC_ARTICLE, STOPWORDS

_LETTERS = rf"[^\W\d_{scripts.NO_SPACES}]+"
_TOKEN = re.compile(rf"[{scripts.NO_SPACES}]|\d+(?:[.,]\d+)*|{_LETTERS}(?:'{_LETTERS})*", re.UNICODE)
_UNSPACED = re.compile(f"[{scripts.NO_SPACES}]")
#: A statement: an option or key this long is a claim about the article, not a name.
STATEMENT_WORDS = 5
#: A key of several words counts as shown when another item shows this share of its distinctive words.
DISTINCTIVE_SHARE = 2 / 3
#: The shortest part of a one-word key that, standing as a word, points to it ("back" → Clawback).
PART_LETTERS = 4
#: A word in more than this share of a bank's stems is the stems' own wording ("figure", "article"), no context.
COMMON_SHARE = 0.1
#: How many stems of a bank are read to tell its common words (evenly spread: a huge bank costs no more).
COMMON_SAMPLE = 2000

_KEYED = (Kind.CHOICE, Kind.SCENARIO, Kind.TEXT, Kind.NUMERIC)
#: A figure's true/false template around what it states ("The article gives … as …").
_TEMPLATE = frozenset({"article", "give", "true", "false"})
#: A generated stem's own words around what it asks about ("What figure does the article give for …").
_ASKING = _TEMPLATE | {"figure", "statement", "term"}
_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_YEAR = re.compile(r"^(?:1[89]\d{2}|20\d{2}|2100)$")


def _word(token: str) -> str:
    token = token.casefold()
    if _THOUSANDS.match(token):  # 2,300 is the typed answer 2300
        return token.replace(",", "")
    if token.endswith("'s"):
        token = token[:-2]
    if "\u0621" <= token[:1] <= "\u064a":
        return ARABIC_ARTICLE.sub("", token)
    if len(token) > 4 and token.endswith("s") and not token.endswith("ss") and token.isalpha():
        return token[:-1]
    return token


def tokens(text: str) -> tuple[str, ...]:
    """``text`` as normalised tokens: words of spaced scripts, numbers, and single characters of scripts
    written without spaces (補正予算 → 補, 正, 予, 算), so a name is found in any script."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'")
    return tuple(_word(t) for t in _TOKEN.findall(text))


def _meaningful(token: str) -> bool:
    """A token that carries meaning: a number, a kanji/katakana character, or a word of three letters or more
    that is no stopword."""
    if token[:1].isdigit():
        return True
    if _UNSPACED.match(token):
        return not ("\u3041" <= token <= "\u309f")  # hiragana are particles and endings
    return len(token) > 2 and token not in STOPWORDS


def _claim(seq: Sequence[str]) -> bool:
    """A statement about the article (an option or key of :data:`STATEMENT_WORDS` meaningful words or more), not
    a name (an outlet, a term, an amount such as "at least 40 percent")."""
    return sum(1 for t in seq if _meaningful(t)) >= STATEMENT_WORDS


def shown_texts(question: QuizQuestion) -> list[str]:
    """What a learner reads of ``question`` before answering: stem, scenario, options, pairs."""
    texts = [question.prompt, question.scenario, *question.choices]
    for left, right in question.pairs:
        texts += [left, right]
    if question.kind == Kind.ORDER:
        texts += question.answers  # the items themselves, shown shuffled
    return [t for t in texts if t]


def key_names(question: QuizQuestion) -> list[str]:
    """The texts that are ``question``'s key: its answer and the other accepted spellings (choice, scenario,
    typed text and typed number: "140" is given away by "~$140 billion" among another item's options; the other
    kinds key no text a second item could show)."""
    if question.kind not in _KEYED or not question.answer:
        return []
    return [n for n in dict.fromkeys((question.answer, *question.accepted)) if n.strip()]


def _find(needle: Sequence[str], haystack: Sequence[str]) -> list[int]:
    """Where the token sequence ``needle`` starts in ``haystack``."""
    n = len(needle)
    if not n:
        return []
    first = needle[0]
    return [i for i, t in enumerate(haystack) if t == first and tuple(haystack[i:i + n]) == tuple(needle)]


@dataclass(frozen=True)
class _Read:
    """One question, read once: its shown texts as token sequences, its keys, statements and links."""

    question: QuizQuestion
    family: frozenset[str]
    shown: tuple[tuple[str, ...], ...]  # one token sequence per shown text
    vocabulary: frozenset[str]  # every token shown, and the joins of neighbouring words ("claw back")
    keys: tuple[tuple[str, ...], ...]
    distractors: tuple[tuple[str, ...], ...]
    distinctive: frozenset[str]  # meaningful words of a several-word key that no other option of it has
    statements: tuple[tuple[str, ...], ...]  # long options and a true/false item's statement: claims
    feedback: tuple[tuple[str, ...], ...]  # what each option really is (a misreading's true statement)
    heard: frozenset[str]  # every token of the feedback
    context: frozenset[str]  # a name-keyed choice: the words of its stem that say what it asks about
    about: frozenset[str] = frozenset()  # the same with the bank's common words ("stimulus", "plan")
    linked: frozenset[str] = frozenset()  # facts whose statement its feedback gives (it offers their misreading)
    claim: tuple[frozenset[str], frozenset[str]] | None = None  # a true/false item's true statement: (its numbers,
    # its words)


def _read(question: QuizQuestion, common: frozenset[str] = frozenset()) -> _Read:
    shown = tuple(tokens(t) for t in shown_texts(question))
    vocabulary: set[str] = set()
    for seq in shown:
        vocabulary.update(seq)
        vocabulary.update(a + b for a, b in zip(seq, seq[1:], strict=False) if a.isalpha() and b.isalpha())
    keys = tuple(k for k in (tokens(n) for n in key_names(question)) if k)
    distractors = tuple(tokens(c) for c in question.choices if c != question.answer) \
        if question.kind in (Kind.CHOICE, Kind.SCENARIO) else ()
    distinctive: set[str] = set()
    if keys and len(keys[0]) > 1:
        other = {t for d in distractors for t in d} | set(tokens(question.prompt)) | set(tokens(question.scenario))
        distinctive = {t for t in keys[0] if _meaningful(t)} - other
    statements = [tokens(c) for c in question.choices if _claim(tokens(c))]
    if question.kind == Kind.TRUEFALSE:
        statements.append(tokens(question.prompt))
    feedback = tuple(tokens(f) for _, f in question.feedback if f)
    about: set[str] = set()
    if question.kind in (Kind.CHOICE, Kind.SCENARIO) and keys and not _claim(keys[0]):
        about = {t for t in (*tokens(question.prompt), *tokens(question.scenario)) if _meaningful(t)} - _ASKING
    return _Read(question, family_key(question), shown, frozenset(vocabulary), keys, distractors,
                 frozenset(distinctive), tuple(statements), feedback, frozenset(t for f in feedback for t in f),
                 frozenset(about - common), frozenset(about), claim=_claim_words(question))


def _claim_words(question: QuizQuestion) -> tuple[frozenset[str], frozenset[str]] | None:
    """A true/false item's true statement as its numbers and its words (not the template's "the article
    gives … as"). A false statement's true one is its correction: an item showing the real amount refutes it
    as surely as one showing the same amount confirms it. The bank's common words stay: in a small pack "AI",
    "investment" and "plan" are in a tenth of the stems, and they are what the amount measures. (Scripts
    written without spaces are left to the other rules.)"""
    if question.kind != Kind.TRUEFALSE:
        return None
    true = tokens(question.correction) if question.correction else tokens(question.prompt)
    if true[:3] == ("true", "or", "false"):
        true = true[3:]
    numbers = frozenset(t for t in true if t[:1].isdigit())
    amounts = frozenset(t for t in numbers if not _YEAR.match(t))
    if amounts:  # "the projected shortfall (2035) as 65 million litres": the amount is the claim, its year the
        numbers = amounts  # time base an event beside it need not repeat ("close a shortfall of 65 million…")
    words = frozenset(t for t in true if t.isalpha() and len(t) > 1 and t not in STOPWORDS and t not in _TEMPLATE)
    return (numbers, words) if len(words) >= 2 else None


def _akin(word: str, other: str) -> bool:
    """Two words of one stem ("growth" and "grown", "yearly" and "year"): a common start of four letters or more
    that leaves at most two letters of the shorter one."""
    if word == other:
        return True
    common = 0
    for a, b in zip(word, other, strict=False):
        if a != b:
            break
        common += 1
    return common >= max(4, min(len(word), len(other)) - 2)


def _words_seen(words: frozenset[str], seen: set[str] | frozenset[str]) -> int:
    """How many of ``words`` stand in ``seen``, as themselves or as a word of the same stem."""
    found = len(words & seen)
    if found == len(words):
        return found
    alpha = [s for s in seen if s.isalpha() and len(s) >= 4]
    return found + sum(1 for w in words - seen if len(w) >= 4 and any(_akin(w, s) for s in alpha))


def _statement_in(statement: Sequence[str], texts: Iterable[Sequence[str]]) -> bool:
    """A statement stands in one of ``texts`` (a true/false stem holds its statement after the template words:
    the statement is looked for as a whole, wherever it starts)."""
    return any(_find(statement, text) for text in texts)


def _why(a: _Read, b: _Read) -> str | None:
    """Why ``a`` gives away ``b``'s key, or None (see the module docstring)."""
    shared = a.family & b.family
    if shared:
        return f"both test {sorted(shared)[0]!r}"
    misread = (a.linked & b.family) or (b.linked & a.family)
    if misread:  # one offers a misreading of the fact the other asks (or states it, and the other misreads it)
        return f"one offers a misreading of {sorted(misread)[0]!r}, which the other asks"
    for key in b.keys:
        if not set(key) <= a.vocabulary:
            continue
        for text in a.shown:
            starts = _find(key, text)
            if not starts:
                continue
            # The key among B's other options (A shows them too, apart from the key itself) singles out none.
            rest = list(text)
            for i in starts:
                rest[i:i + len(key)] = [""] * len(key)
            others = any(_find(d, rest) or _find(d, t) for d in b.distractors for t in a.shown if t is not text)
            # A name among a choice's options (an outlet, a term) named elsewhere points to it only where that
            # text also speaks of what B asks ("the size of the second round" names its outlet for another figure).
            # An amount standing in a text with two words of what B asks about is about it, however common the
            # words are in the bank ("…the $140 billion stimulus plan" and "What figure does BFM give for the
            # stimulus plan…?").
            if not others and (not b.context or b.context & set(text)
                               or any(t[:1].isdigit() for t in key) and len(b.about & set(text)) >= 2):
                return f"shows the answer {' '.join(key)!r}"
    for key in b.keys[:1]:
        if len(key) == 1 and key[0].isalpha() and not _UNSPACED.match(key[0]):
            word = key[0]
            for part in a.vocabulary:
                if part != word and part.isalpha() and part not in STOPWORDS and len(part) >= PART_LETTERS \
                        and (word.startswith(part) or word.endswith(part)) and len(word) - len(part) >= 3:
                    return f"shows {part!r}, part of the answer {word!r}"
    if len(b.distinctive) >= 2 and b.keys and _claim(b.keys[0]):
        found = b.distinctive & a.vocabulary
        if len(found) >= DISTINCTIVE_SHARE * len(b.distinctive):
            return f"shows {len(found)} of the answer's {len(b.distinctive)} distinctive words"
    for statement in b.statements:
        if set(statement) <= a.vocabulary and _statement_in(statement, a.shown):
            return "shows the same statement"
    for statement in a.statements:
        if set(statement) <= b.vocabulary and _statement_in(statement, b.shown):
            return "shows the same statement"
    for key in b.keys[:1]:
        if _claim(key) and set(key) <= a.heard \
                and _statement_in(key, a.feedback):
            return "offers a misreading of the answer"
    if b.claim is not None:
        numbers, words = b.claim
        enough = max(2, math.ceil(DISTINCTIVE_SHARE * len(words)))
        if numbers <= a.vocabulary and (len(words & a.vocabulary) >= enough
                                         or numbers and _words_seen(words, a.vocabulary) >= enough):
            for text in a.shown:  # in one text: the amount and what it measures, or most of the claim
                seen = set(text)
                # With the amount shown, what it measures may be worded otherwise ("demand has grown by about
                # 1.5 percent a year" states "yearly growth in water demand … ~1.5 percent")
                if numbers <= seen and (len(words & seen) >= enough or numbers and _words_seen(words, seen) >= enough):
                    return "shows the figure its statement is about" if numbers else "shows most of its statement"
    return None


class CueIndex:
    """Every question of a bank read once, to ask which gives away which (see the module docstring)."""

    def __init__(self, questions: Sequence[QuizQuestion] = ()) -> None:
        self._read: dict[str, _Read] = {}
        step = max(1, len(questions) // COMMON_SAMPLE)
        sample = questions[::step]
        counts: dict[str, int] = {}
        for q in sample:
            for t in set(tokens(q.prompt)):
                counts[t] = counts.get(t, 0) + 1
        self.common = frozenset(t for t, n in counts.items() if n > COMMON_SHARE * len(sample))

        # The bank's statements of facts (a which-statement key, a false statement's correction) by their first
        # two tokens: an option whose feedback gives one is a misreading of that fact.
        self._claims: dict[tuple[str, ...], list[tuple[tuple[str, ...], frozenset[str]]]] = {}
        for q in questions:
            for text in ([q.answer] if q.kind == Kind.CHOICE else []) + [q.correction]:
                claim = tokens(text) if text else ()
                if _claim(claim):
                    self._claims.setdefault(claim[:2], []).append((claim, frozenset(q.facts)))

    def read(self, question: QuizQuestion) -> _Read:
        """``question`` read (once: questions are read as they are first asked about)."""
        found = self._read.get(question.id)
        if found is None or found.question is not question:
            found = _read(question, self.common)
            linked = {fact for text in found.feedback for i in range(len(text) - 1)
                      for claim, facts in self._claims.get(tuple(text[i:i + 2]), ())
                      if tuple(text[i:i + len(claim)]) == claim for fact in facts} - found.family
            found = self._read[question.id] = replace(found, linked=frozenset(linked))
        return found

    def why(self, a: QuizQuestion, b: QuizQuestion) -> str | None:
        """Why ``a`` gives away ``b``'s key (a short reason for a test's message), or None."""
        if a.id == b.id:
            return None
        return _why(self.read(a), self.read(b))

    def gives_away(self, a: QuizQuestion, b: QuizQuestion) -> bool:
        return self.why(a, b) is not None


def gives_away(a: QuizQuestion, b: QuizQuestion) -> str | None:
    """Why question ``a`` gives away question ``b``'s key, or None (one pair; use :class:`CueIndex` for many)."""
    return CueIndex((a, b)).why(a, b)


def fits(index: CueIndex, question: QuizQuestion, before: Sequence[QuizQuestion],
         after: Sequence[QuizQuestion] = (), *, exam: bool) -> bool:
    """The cues rule for ``question`` placed after ``before`` and ahead of ``after``: no item before it gives its
    key away and it gives away no item after it (practice: the learner is taught, only the order matters); in an
    exam, read without feedback, no item gives the other away in either direction."""
    read = index.read(question)
    for other in map(index.read, before):
        if other.question.id != question.id and (_why(other, read) or exam and _why(read, other)):
            return False
    for other in map(index.read, after):
        if other.question.id != question.id and (_why(read, other) or exam and _why(other, read)):
            return False
    return True


def pairs(questions: Sequence[QuizQuestion], index: CueIndex | None = None) -> list[tuple[int, int, str]]:
    """Every (i, j, why) where ``questions[i]`` gives away ``questions[j]`` (for tests and reports)."""
    index = index or CueIndex(questions)
    found = []
    for i, a in enumerate(questions):
        for j, b in enumerate(questions):
            if i != j:
                why = index.why(a, b)
                if why:
                    found.append((i, j, why))
    return found


#: The stand-in question for texts always in view (its family is its own: it tests no fact of the pack).
_IN_VIEW = "\0in view"


def given_away_in_view(texts: Iterable[str], questions: Sequence[QuizQuestion]) -> dict[str, str]:
    """Which of ``questions`` the texts always in view give away, id → why: a pack's title stands in the
    window's title bar, the pack chooser and on every page of a paper quiz, so "Riverton approves $1.2 billion
    plan…" answers "What figure does the article give for the cost of the plan?" wherever it is asked.

    Such a text speaks of the whole article: a name keyed among options counts wherever it stands in it (the
    "what B asks about" context of :func:`_why` does not apply). Only questions that could share a token with
    the texts are read, so a big bank costs little more than its keys' tokens."""
    shown = tuple(t for t in dict.fromkeys(texts) if t and t.strip())
    if not shown:
        return {}
    view = _read(QuizQuestion(id=_IN_VIEW, kind=Kind.ORDER, prompt="", topic="", answer="", quote="",
                              facts=(_IN_VIEW,), answers=shown))
    meaningful = [t for t in view.vocabulary if _meaningful(t)]
    found: dict[str, str] = {}
    for question in questions:
        said = [*key_names(question), question.correction]
        if question.kind == Kind.TRUEFALSE:
            said.append(question.prompt)
        # A word of the texts somewhere in what the question keys or states (found as a part of it: "sanaenomic"
        # in "Sanaenomics"), or it is not read at all
        probe = unicodedata.normalize("NFKC", " ".join(said)).casefold().replace(",", "").replace("’", "'")
        if not any(t in probe for t in meaningful):
            continue
        why = _why(view, replace(_read(question), context=frozenset())) or _statement_in_view(view, question)
        if why:
            found[question.id] = why
    return found


def _statement_in_view(view: _Read, question: QuizQuestion) -> str | None:
    """A true/false statement a text always in view settles. The title is short and about the article's main
    figure, so less of the statement's wording is needed than between two items: its amount beside two of its
    words ("…unveils £340 million plan to cut hospital waiting lists" confirms "…the cost of the waiting-list
    plan over three years as £340 million" and refutes it with £45 million).

    Only an amount counts, not a year alone ("…by 2040" is the article's horizon, not a statement's answer), and
    not the title's amount stated of something else: where two outlets give one goal as $2 trillion and $2.3
    trillion, "$2 Trillion Investment Plan" in the title lures to the wrong key rather than giving it."""
    claim = _claim_words(question)
    if claim is None:
        return None
    numbers, words = claim
    amounts = {n for n in numbers if not _YEAR.match(n)}
    for text in view.shown:
        seen = set(text)
        if amounts and amounts <= seen and _words_seen(words, seen) >= 2:
            return "shows the figure its statement is about"
    return None
