"""The words the core writes around a pack's text, in the pack's language.

Generated stems, explanations and feedback (quiz/) and the briefing's own words (content.briefing:
"outlet not named in the article", the notes on two outlets' figures, "Today") are templates
("What figure does {source} give for {subject}?") filled with the pack's own labels, names and
amounts. Each template is marked with :func:`QT_TRANSLATE_NOOP` where it is written, so
pyside6-lupdate collects them into a Qt Linguist source like the interface's::

    pyside6-lupdate -extensions py quiz content -ts i18n/ja/questions.ts -no-obsolete -locations none

(``-extensions py``: a folder is scanned for C++ files only otherwise). The core reads that
same ``.ts`` file here, without Qt (the core stays Qt-free), so one file serves Qt's
toolchain and the generator; ``tests/quiz/test_question_language.py`` checks the two agree.
It lives in content/ because content.briefing needs it and content/ cannot import quiz/;
``quiz.phrases`` re-exports it for the engine.

The language is the pack's ``language`` (``"ja"``, ``"ja-JP"``); a language without a
translation file gets the English source text, which is how every English pack generates
exactly what it did before the templates were marked. A pack's language is untrusted text:
only a plain language code ever becomes part of a path.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

#: Where the translations live: ``i18n/<language>/questions.ts`` next to the interface's areas.
I18N = Path(__file__).resolve().parent.parent / "i18n"
AREA = "questions"
ENGLISH = "en"
_CODE = re.compile(r"[a-z]{2,3}")


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 - Qt's own name, read by lupdate
    """Marks ``source`` as a template of ``context`` for translation; returns it unchanged."""
    return source


def language_code(language: str | None) -> str:
    """The primary language subtag of a pack's ``language`` ("ja-JP" → "ja", "" or anything odd → "en")."""
    code = (language or "").strip().lower().replace("_", "-").split("-")[0]
    return code if _CODE.fullmatch(code) else ENGLISH


def translations(language: str) -> dict[tuple[str, str], str]:
    """(context, source) → translation for ``language``, read once from its ``.ts`` file.

    Unfinished, obsolete and empty translations are left out (the English source is shown
    instead); a missing or unreadable file means no translation at all.
    """
    return _read(language_code(language))


def forget() -> None:
    """Read the ``.ts`` files again at the next lookup (after they changed)."""
    _read.cache_clear()


@cache  # one entry per language code: a pack's odd language strings all share "en"
def _read(code: str) -> dict[tuple[str, str], str]:
    if code == ENGLISH:
        return {}
    try:
        root = ET.parse(I18N / code / f"{AREA}.ts").getroot()
    except (OSError, ET.ParseError):
        return {}
    found: dict[tuple[str, str], str] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source is None or translation is None or not translation.text:
                continue
            if translation.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            found[(name, source)] = translation.text
    return found


def phrase(language: str, context: str, source: str) -> str:
    """``source`` (a template marked in ``context``) in ``language``, or as written when it has no translation."""
    return translations(language).get((context, source), source)


def translated(language: str) -> bool:
    """True when ``language`` has translated templates (its packs get its grammar, not English)."""
    return bool(translations(language))
