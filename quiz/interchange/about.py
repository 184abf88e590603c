"""Whether a question read from a file is about the pack's article.

A pack is a briefing on one article, and its questions test that article. A
file of another article's questions imported into it went in almost whole (91
questions on Japan's economy into a congestion-charge pack; one even passed the
"a number must occur in the article" check because the other article had a £65
penalty). So an imported question must show it is about this article:

- a question whose general feedback quotes text (“quote” — outlet, as the
  app's exports write it) is about the article when at least one of those
  quotes is in the article (blanks and capitals aside), and about another one
  when none is;
- a question without a quote is about the article when at least
  :data:`SHARE` (two in five) of the key words of its question text and its
  key (the right options, the typed answers, the items of a matching, ordering
  or sorting) are in the article. Key words are words of four letters or more
  that are not common English words or the words every quiz uses ("which",
  "article", "figure"); a
  word counts when the article has it or its form without a plural or verb
  ending ("plans" for "plan"). Text in Chinese or Japanese script has no
  spaces between words: each two kanji or katakana in a row count as one word
  (hiragana holds particles and endings, and the quiz's own "正しいか誤りか");
- a question with no key word at all (``Which? {=Yes ~No}``) gives nothing to
  go by and is let in; the pack's other rules still hold for it.

Measured on the app's own exports of two packs with their quotes taken out:
every question of a pack had at least 40% of its key words in its own article
(most 80–100%); of the other article's questions, 187 of 196 had at most 30%,
and the 9 others (40–50%: "the yearly running cost") are caught by their
quotes. A trainer's own questions on the article use its words and pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from content.validate import folded
from quiz.interchange.readers.text import shorten

#: Words that say nothing about which article a question is about.
_COMMON = frozenset("""
about above according after again against also although among another answer answers anything article articles
because been before being below best between both came cannot come comes could does doing done down during each
either else even ever every false figure figures following from give given gives going have having here itself just
know least less like made make makes many more most much must never next none only other others over part quiz
rather really right said same says should show shows since some such tell than that their them then there these they
thing things this those though three through true under until upon very want what when where whether which while
whom whose will with within without would your yours true false statement statements option options question
questions select apply applies correct wrong choose pick order match item items text report reports reported
according number amount amounts total
""".split())
#: The least share of a quote-less question's key words that its pack's article must have.
SHARE = 0.4
_WORD = re.compile(r"[^\W\d_]+")
#: Chinese and Japanese script. Kana joins none of the words taken (particles and endings are in hiragana).
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]+")
_CONTENT = re.compile(r"[\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]+")
_ENDINGS = ("ing", "ed", "es", "s", "ly")


def _stem(word: str) -> str:
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def key_words(texts: Iterable[str]) -> list[str]:
    """The words of ``texts`` that can tell one article from another, each once, in order."""
    found: list[str] = []
    for text in texts:
        folded = str(text).casefold()
        for run in _CONTENT.findall(folded):
            found += [run[i:i + 2] for i in range(max(1, len(run) - 1))] if len(run) > 1 else []
        found += [w for w in _WORD.findall(_CJK.sub(" ", folded)) if len(w) >= 4 and w not in _COMMON]
    return list(dict.fromkeys(found))


class Article:
    """The pack's article, ready to be asked whether it has a word or a passage."""

    def __init__(self, text: str):
        self.flat = folded(text)
        words = set(_WORD.findall(_CJK.sub(" ", self.flat)))
        self.words = words | {_stem(w) for w in words}

    def has_word(self, word: str) -> bool:
        if _CJK.fullmatch(word):
            return word in self.flat
        return word in self.words or _stem(word) in self.words

    def has_passage(self, quote: str) -> bool:
        return folded(quote) in self.flat


def _key_texts(record: dict[str, Any]) -> list[str]:
    texts = [str(record.get("answer", "")), *map(str, record.get("accept", []) or [])]
    texts += [str(o.get("text", "")) for o in record.get("options", []) if isinstance(o, dict) and o.get("correct")]
    texts += [str(s) for s in record.get("sequence", []) or []]
    pairs = [p for p in record.get("pairs", []) if isinstance(p, dict)]
    texts += [str(p.get(side, "")) for p in pairs for side in ("left", "right")]
    texts += [str(s.get("text", "")) for s in record.get("statements", []) if isinstance(s, dict)]
    return texts + [str(c) for c in record.get("categories", []) or []]


def elsewhere(record: dict[str, Any], citations: Iterable[str], article: Article) -> str | None:
    """Why the question ``record`` (quoting ``citations``) is about another article, or None when it is about
    this one (see the module docstring)."""
    quotes = [c for c in citations if c.strip()]
    if quotes:
        if any(article.has_passage(q) for q in quotes):
            return None
        return (f"it quotes “{shorten(quotes[0])}”, which is not in this pack's article: the question is about another "
                "article")
    words = key_words([str(record.get("scenario", "")), str(record.get("prompt", "")), *_key_texts(record)])
    found = [w for w in words if article.has_word(w)]
    if not words or len(found) >= SHARE * len(words):
        return None
    return _missing(words, found)


def _missing(words: list[str], found: list[str]) -> str:
    absent = [w for w in words if w not in found]
    shown = ", ".join(absent[:5]) + (", …" if len(absent) > 5 else "")
    return (f"this pack's article has {len(found)} of its {len(words)} key words (not: {shown}): the question "
            "seems to be about another article")
