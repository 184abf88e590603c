"""A drafted figure's source is the one the article gives it: reported speech is read, nothing is attributed.

A tester's draft missed "…, the port authority said" as the source of the figures before it. The drafter
now reads attributions to bodies the article names in lower case ("the port authority said", "according to
figures from the city's statistics office", "said the city's transit operator, Mirefield Transit"),
analysts named by their firm, and "He said…" after a sentence that names him; it no longer gives a figure
the source of the sentence before unless the article attributes it with a pronoun. Checked against
articles marked by hand (tests/data/articles/*.expected.toml).
"""

from __future__ import annotations

import tomllib

import pytest

from content.draft import draft_article
from content.draft.figures import outlet_in
from tests_support import ROOT

ARTICLES = ROOT / "tests" / "data" / "articles"


def marked(name: str) -> list[dict]:
    return tomllib.loads((ARTICLES / f"{name}.expected.toml").read_text(encoding="utf-8"))["figures"]


def drafted(draft, want: dict):
    return next(f for f in draft.of_kind("figure") if float(f.fields["amount"]) == float(want["amount"])
                and all(word in f.fields["unit"].split() for word in want["unit"].split()))


@pytest.mark.parametrize("name", ["port_expansion", "city_budget", "battery_plant"])
def test_every_source_the_article_gives_is_drafted_and_none_it_does_not(name):
    draft = draft_article(ARTICLES / f"{name}.txt")
    for want in marked(name):
        figure = drafted(draft, want)
        if "outlet" in want:
            assert figure.fields.get("outlet") == want["outlet"], (want, figure.fields["quote"])
        if want.get("no_outlet"):
            assert "outlet" not in figure.fields, (want, figure.fields)


def test_the_saved_pack_names_the_port_authority_as_an_outlet(tmp_path):
    from content.draft import write_pack
    from content.loader import load_pack

    draft = draft_article(ARTICLES / "port_expansion.txt")
    pack = load_pack(write_pack(draft, tmp_path / "port"))
    names = {outlet.id: outlet.name for outlet in pack.outlets}
    cranes = next(f for f in pack.figures if f.amount == 14)
    assert names[cranes.outlet] == "port authority"


@pytest.mark.parametrize("sentence, source", [
    ("The terminal will handle 3.2 million containers a year, the port authority said.", "port authority"),
    ("Taxes will rise 2.9%, according to figures from the city's statistics office.", "city's statistics office"),
    ("Ridership grew 18%, said the city's transit operator, Mirefield Transit.", "Mirefield Transit"),
    ("Analysts at Fjord Securities estimate the project will cost at least $5.2 billion.", "Fjord Securities"),
    ("The national transport ministry pledged $350 million, the ministry told reporters.",
     "national transport ministry"),
    ("Harbor Wire reported that 400 ships called at the port.", "Harbor Wire"),
    ("Imports reached 48 million units, said Lena Okafor.", "Lena Okafor"),
])
def test_reported_speech_names_the_source(sentence, source):
    assert outlet_in(sentence) == source


@pytest.mark.parametrize("sentence, previous", [
    ("The company said it would hire 300 people.", ""),  # which company? the article says elsewhere, not here
    ("The ministry said it would pay $40 million.", ""),
    ("Environmental groups said dredging could disturb 60 hectares.", ""),
    ("Officials said the grant covers 55% of the cost.", ""),
    ("Only 12 gigawatt-hours are operating today.", "Britain will need 100 gigawatt-hours, the Faraday Institution "
                                                     "estimated."),
    ("Property taxes will rise 2.9% this year.", "Mayor Clara Vinter said the council had kept taxes low."),
])
def test_no_source_the_article_does_not_give(sentence, previous):
    assert outlet_in(sentence, previous) == ""


def test_a_pronoun_takes_the_source_the_sentence_before_names():
    before = "Traffic fell 9% last year, said Tomas Brenner, the port's commercial director."
    assert outlet_in("He said the berths would take ships of up to 24,000 containers.", before) == "Tomas Brenner"
