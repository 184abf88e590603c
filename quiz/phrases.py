"""The engine's words in the pack's language: the lookup is :mod:`content.phrases` (content.briefing
needs it too, and content/ cannot import quiz/); the engine imports it from here."""

from content.phrases import (
    AREA,
    ENGLISH,
    I18N,
    QT_TRANSLATE_NOOP,
    forget,
    language_code,
    phrase,
    translated,
    translations,
)

__all__ = ["AREA", "ENGLISH", "I18N", "QT_TRANSLATE_NOOP", "forget", "language_code", "phrase", "translated",
           "translations"]
