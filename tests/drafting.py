"""Helpers for tests that draft a tester's article and look at what the app drafted from it."""

from __future__ import annotations

from pathlib import Path

from content.draft import draft_article
from content.draft.figures import figures_in
from content.draft.text import Sentence


def found(sentence: str):
    """The figures the drafter finds in one sentence, as it finds them inside an article."""
    return figures_in(Sentence(sentence, 0, 0))


def drafted(folder: Path, name: str, text: str):
    """The draft of ``text`` saved as ``name`` in ``folder``."""
    article = folder / name
    article.write_text(text, encoding="utf-8")
    return draft_article(article)


def the_figure(draft, amount):
    """The one drafted figure of ``amount``; fails showing every drafted figure when there is none or several."""
    items = [f for f in draft.of_kind("figure") if f.fields["amount"] == amount]
    assert len(items) == 1, [f.fields for f in draft.of_kind("figure")]
    return items[0]


def draft_then_check(folder: Path, name: str, text: str, capsys) -> tuple[str, str]:
    """Run `draft` on ``text`` then `check` on the pack, as a user would; both must succeed. Returns their outputs."""
    from cli import main as cli_main

    article = folder / name
    article.write_text(text, encoding="utf-8")
    assert cli_main(["draft", str(article), "-o", str(folder / "pack")]) == 0
    drafted_out = capsys.readouterr().out
    assert cli_main(["check", str(folder / "pack")]) == 0
    return drafted_out, capsys.readouterr().out
