"""The interface's translation: every string a user reads goes through Qt's translator.

Conventions (pyside6-lupdate reads them lexically, so keep them literal):

- ``translate("<context>", "Text {name}").format(name=...)`` — the context is the
  module's dotted name as a literal (``"ui.quiz.feedback"``); placeholders are
  named ``str.format`` fields, never f-strings inside the call.
- Plurals: ``translate("<context>", "%n answers", "", n)``; Qt puts ``n`` in for ``%n``.
  pyside6-lupdate (6.10) does not mark a Python call as numerus and English has
  no .qm, so write English's two forms and choose in code:
  ``translate(ctx, "%n answer", "", n) if n == 1 else translate(ctx, "%n answers", "", n)``
  (Japanese translates both alike).
- Strings built at import time use ``QT_TRANSLATE_NOOP("<context>", "Text")`` and are
  translated where they are shown.
- Checked by tests/test_i18n.py: every marked string has a finished Japanese
  translation that keeps its ``{placeholders}``, ``%n`` and ``&`` letter, and the
  files listed there pass no literal to a text setter (setText, QLabel, …) unwrapped.
- Translations live in ``i18n/<language>/<area>.ts`` (Qt Linguist sources); the
  install step compiles them into ``i18n/briefing_<language>.qm`` with
  ``pyside6-lrelease``.
- Numbers, percentages and dates shown to the user go through :func:`number`,
  :func:`percent`, :func:`date` and :func:`datetime` (QLocale, short formats), never
  ``f"{x:,}"``, ``f"{x:.0%}"`` or ``isoformat()``: 1,234 / 85% / 2026/03/04 in Japanese,
  1.234 / 0,5 / 04.03.26 in German.

:func:`install` loads the chosen language once, at start-up, before the window
is built (changing it takes effect at the next start: see
:meth:`ui.main_window.MainWindow.set_language`). Without a compiled ``.qm`` the app
runs in English.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QLibraryInfo,
    QLocale,
    QTime,
    QTranslator,
)

#: The language the interface is written in (no .qm needed).
SOURCE_LANGUAGE = "en"
#: The settings value meaning "follow the system's language".
SYSTEM = "system"
#: Where the compiled translations are: ``i18n/`` beside the packages (a source checkout or an editable install).
TRANSLATIONS = Path(__file__).resolve().parent.parent / "i18n"
_installed: list[QTranslator] = []
_language = SOURCE_LANGUAGE


def translate(context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Qt's translation of ``source``; the name is what pyside6-lupdate looks for."""
    return QCoreApplication.translate(context, source, disambiguation, n)


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 - Qt's own name, read by lupdate
    """Marks ``source`` for translation without translating it yet."""
    return source


# -- which language ---------------------------------------------------------------------------
def qm_file(language: str, folder: Path | None = None) -> Path:
    return (folder or TRANSLATIONS) / f"briefing_{language}.qm"


def available_languages(folder: Path | None = None) -> list[str]:
    """English, then every language with a compiled ``i18n/briefing_<language>.qm``, by code."""
    folder = folder or TRANSLATIONS
    compiled = sorted(p.stem.removeprefix("briefing_") for p in folder.glob("briefing_*.qm")) if folder.is_dir() else []
    return [SOURCE_LANGUAGE, *(code for code in compiled if code != SOURCE_LANGUAGE)]


def language_name(language: str) -> str:
    """The language's name in itself (日本語, English), as a language menu lists it."""
    if language == SOURCE_LANGUAGE:
        return "English"
    name = QLocale(language).nativeLanguageName()
    return name[:1].upper() + name[1:] if name else language


def system_locale() -> QLocale:
    """The system's locale (a function, so tests can stand in another system)."""
    return QLocale.system()


def system_language(available: list[str] | None = None) -> str:
    """The system's first UI language that has a translation (``ja_JP`` → ``ja``), else English."""
    available = available if available is not None else available_languages()
    for tag in system_locale().uiLanguages():
        code = tag.replace("-", "_")
        for candidate in (code, code.split("_")[0]):
            if candidate in available:
                return candidate
    return SOURCE_LANGUAGE


def resolve(setting: str | None, available: list[str] | None = None) -> str:
    """The language a setting means: ``"system"`` (or nothing, or a language no longer there) → the system's."""
    available = available if available is not None else available_languages()
    if setting and setting != SYSTEM and setting in available:
        return setting
    return system_language(available)


def install(app: QCoreApplication, setting: str | None = SYSTEM, folder: Path | None = None) -> str:
    """Translate the interface into the language ``setting`` names; return the language now in use.

    Loads ``i18n/briefing_<language>.qm`` and Qt's own ``qtbase_<language>.qm``
    (the standard dialogs' buttons) and makes QLocale's default match, so
    :func:`number` and :func:`date` format for that language. A missing or
    unreadable ``.qm`` leaves the interface in English; it never stops the app.
    """
    available = available_languages(folder)
    language = resolve(setting, available)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language != SOURCE_LANGUAGE:
        ours = QTranslator(app)
        if not ours.load(str(qm_file(language, folder))):
            language = SOURCE_LANGUAGE  # compiled but unreadable: English throughout, not half of each
        else:
            qt_own = QTranslator(app)
            if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                app.installTranslator(qt_own)
                _installed.append(qt_own)
            app.installTranslator(ours)
            _installed.append(ours)
    system = system_locale()  # its territory's formats when it speaks the language (en_GB dates stay British)
    english_c = language == SOURCE_LANGUAGE and system.language() == QLocale.Language.C  # LANG=C: as it is
    same = english_c or system.language() == QLocale(language).language()
    QLocale.setDefault(system if same else QLocale(language))
    global _language
    _language = language
    return language


def current_language() -> str:
    """The language installed now (English when none is)."""
    return _language


# -- numbers and dates, as the language writes them ----------------------------------------------
def number(value: float, decimals: int | None = None) -> str:
    """``value`` with the language's digit grouping and decimal sign (12,345 / 12.345 / 0.5 / 0,5).

    Integers are written whole; other numbers with ``decimals`` places, or as
    few as show the value exactly when ``decimals`` is None. Digits are grouped in
    every locale: the C locale (LANG=C, kept as it is for English) omits its
    grouping by default, and "Showing the 40 largest of 10000 figures" was hard to read.
    """
    locale = QLocale()
    locale.setNumberOptions(locale.numberOptions() & ~QLocale.NumberOption.OmitGroupSeparator)
    if decimals is None and (isinstance(value, int) or float(value).is_integer()):
        return locale.toString(int(value))
    if decimals is None:
        return locale.toString(float(value), "g", QLocale.FloatingPointPrecisionOption.FloatingPointShortest)
    return locale.toString(float(value), "f", decimals)


def percent(fraction: float, decimals: int = 0) -> str:
    """``fraction`` (0.853) as a percentage in the language's style (85%)."""
    return number(fraction * 100, decimals) + QLocale().percent()


def date(value: _dt.date) -> str:
    """A calendar date in the language's short format (2026/03/04, 3/4/26, 04.03.26)."""
    return QLocale().toString(QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat)


def datetime(value: _dt.datetime) -> str:
    """A moment in this machine's local time, in the language's short date and time format."""
    local = value.astimezone() if value.tzinfo is not None else value
    moment = QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second))
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)


#: Sentence ends after which a script sets no space before the next sentence (Japanese, Chinese).
_CLOSED_ENDS = ("。", "！", "？", "」", "）")


def sentences(*parts: str) -> str:
    """Sentences one after another as their script writes them: a space after "." (English, Arabic), none
    after "。" (a Japanese caption read "…関西日報。 うち2件は…"). Empty parts are left out."""
    text = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        text = part if not text else text + ("" if text.endswith(_CLOSED_ENDS) else " ") + part
    return text
