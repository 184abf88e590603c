"""A figure's amount as the article states it, in the pack's language ("more than 29兆円" → "29兆円超").

:attr:`content.model.Figure.display` writes the article's bound in English ("more than",
"~"); the pack's data keeps it so. Whatever shows an amount to a reader (generated questions,
slides, the briefing's charts and notes, handouts) states it through :func:`stated_amount`, whose
templates are translated in ``i18n/<language>/questions.ts`` (:mod:`content.phrases`). It lives
in content/ because the briefing and the handouts need it and content/ cannot import quiz/;
:mod:`quiz.generate` uses it from here. English reads exactly as ``Figure.display``.
"""

from __future__ import annotations

from content.model import Figure
from content.phrases import QT_TRANSLATE_NOOP, phrase

#: An amount as the article states it: about, or a bound ("" is an exact amount, shown as is).
_AMOUNT = {
    "about": QT_TRANSLATE_NOOP("content.amounts", "~{amount}"),
    "more than": QT_TRANSLATE_NOOP("content.amounts", "more than {amount}"),
    "less than": QT_TRANSLATE_NOOP("content.amounts", "less than {amount}"),
    "at least": QT_TRANSLATE_NOOP("content.amounts", "at least {amount}"),
    "at most": QT_TRANSLATE_NOOP("content.amounts", "at most {amount}"),
    "up to": QT_TRANSLATE_NOOP("content.amounts", "up to {amount}"),
}


def stated_amount(language: str, figure: Figure, amount: float | None = None, qualifier: str | None = None) -> str:
    """``amount`` (default: the figure's) in ``figure``'s unit and style, stated with ``qualifier`` (default: the
    article's: "about", "more than" or ""): "~$2.3 trillion", "more than 29兆円" in English (``Figure.display``),
    "約2.3兆円", "29兆円超" in Japanese."""
    qualifier = figure.qualifier if qualifier is None else qualifier
    core = figure.amount_text(figure.amount if amount is None else amount, "")
    template = _AMOUNT.get(qualifier)
    if template is None:  # a bound the templates do not know: as the model writes it
        return figure.amount_text(figure.amount if amount is None else amount, qualifier)
    return phrase(language, "content.amounts", template).format(amount=core) if qualifier else core
