"""The interface's translation: every string a user reads goes through Qt's translator.

Conventions (pyside6-lupdate reads them lexically, so keep them literal):

- ``translate("<context>", "Text {name}").format(name=...)`` — the context is the
  module's dotted name as a literal (``"ui.quiz.feedback"``); placeholders are
  named ``str.format`` fields, never f-strings inside the call.
- Plurals: ``translate("<context>", "%n answers", "", n)``.
- Strings built at import time use ``QT_TRANSLATE_NOOP("<context>", "Text")`` and are
  translated where they are shown.
- Translations live in ``i18n/<language>/<area>.ts`` (Qt Linguist sources); the
  install step compiles them into ``i18n/briefing_<language>.qm`` with
  ``pyside6-lrelease``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def translate(context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Qt's translation of ``source``; the name is what pyside6-lupdate looks for."""
    return QCoreApplication.translate(context, source, disambiguation, n)


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 - Qt's own name, read by lupdate
    """Marks ``source`` for translation without translating it yet."""
    return source
