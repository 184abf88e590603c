"""The bundled Sanaenomics pack is faithful to the article: nothing invented."""

from __future__ import annotations

import dataclasses
import re

import pytest

from content.validate import normalise_space, numbers_in
from tests_support import ARTICLE_PATH


def _all_strings(obj) -> list[str]:
    if isinstance(obj, str):
        return [obj]
    if isinstance(obj, dict):
        return [s for v in obj.values() for s in _all_strings(v)]
    if isinstance(obj, list | tuple):
        return [s for v in obj for s in _all_strings(v)]
    return []


def test_bundled_source_is_the_article(bundled_pack):
    if not ARTICLE_PATH.exists():
        pytest.skip("shared/source/article.txt is not beside this checkout")
    assert bundled_pack.source_text == ARTICLE_PATH.read_text(encoding="utf-8")


def test_every_number_in_the_pack_appears_in_the_article(bundled_pack):
    data = dataclasses.asdict(bundled_pack)
    data.pop("source_text")
    data.pop("digest")
    article_numbers = numbers_in(bundled_pack.source_text)
    written = set()
    for text in _all_strings(data):
        written |= numbers_in(text)
    written |= {f"{f.amount:g}" for f in bundled_pack.figures}
    written |= {f"{f.year}" for f in bundled_pack.figures if f.year}
    assert written, "the pack should state some numbers"
    assert written <= article_numbers, f"invented numbers: {written - article_numbers}"


def test_every_quote_occurs_verbatim(bundled_pack):
    article = normalise_space(bundled_pack.source_text)
    quotes = [f.quote for f in bundled_pack.figures] + [f.quote for f in bundled_pack.facts]
    quotes += [t.quote for t in bundled_pack.terms] + [q.quote for q in bundled_pack.questions if q.quote]
    quotes += [q.text for q in bundled_pack.quotes] + [m.quote for m in bundled_pack.milestones]
    quotes += [i.quote for n in bundled_pack.lists for i in n.items]
    quotes += [c for t in bundled_pack.tables for r in t.rows for c in (r.label, *r.cells)]
    assert len(quotes) > 40
    for quote in quotes:
        assert normalise_space(quote) in article, quote


def test_four_headline_figures_with_outlets(bundled_pack):
    figures = {(f.amount, f.unit, f.outlet, f.year) for f in bundled_pack.figures}
    assert figures == {
        (2.3, "trillion USD", "nikkei", 2040),
        (2.0, "trillion USD", "nhk", 2040),
        (65.0, "billion USD", None, None),
        (140.0, "billion USD", "bfm", None),
    }
    assert {o.name for o in bundled_pack.outlets} == {"Nikkei", "NHK", "BFM"}


def test_briefing_says_the_2040_figures_measure_different_things(bundled_pack):
    """The article does not set Nikkei's and NHK's figures against each other: scopes and time bases differ."""
    section = next(s for s in bundled_pack.sections if "nikkei-2040-goal" in s.figures)
    assert "nhk-2040-sectors" in section.figures
    body = " ".join(section.body.split())
    assert "$2.3 trillion" in body and "$2 trillion" in body
    assert "scope" in body and "time base" in body and "not one total" in body
    assert "headline's $2 trillion matches NHK's figure" in body
    assert "multi-layered investment approach" in body
    assert not re.search(r"rival|contradict|disagree", body)


def test_no_outlet_description_is_invented(bundled_pack):
    assert all(not o.description for o in bundled_pack.outlets)


def test_hedges_are_kept(bundled_pack):
    text = " ".join(" ".join(s.body.split()) for s in bundled_pack.sections)
    for hedge in ("largely measured", "rather than focusing solely", "rather than just the volume",
                  "is expected to fund"):
        assert hedge in text, hedge


def test_every_timeline_figure_is_in_its_quote(bundled_pack):
    for milestone in bundled_pack.milestones:
        assert numbers_in(milestone.label) <= numbers_in(milestone.quote), milestone.id


def test_targets_to_2040_are_charted_apart_from_plans(bundled_pack):
    groups = {f.id: f.chart_group for f in bundled_pack.figures}
    assert groups["nikkei-2040-goal"] == groups["nhk-2040-sectors"] != groups["ai-plan"] == groups["bfm-stimulus"]
    assert {c.id for c in bundled_pack.charts} == set(groups.values())


def test_authored_questions_for_understanding(bundled_pack):
    authored = bundled_pack.questions
    assert len(authored) >= 20
    assert all(q.explanation.strip() for q in authored)
    new_kinds = {q.kind for q in authored} & {"multi", "order", "classify", "matching", "scenario"}
    assert len(new_kinds) >= 4, new_kinds
    ids = {q.id for q in authored}
    for needed in ("q-sort-frameworks", "q-judge-by-metric", "q-why-figures-differ", "q-order-events",
                   "q-success-conditions", "q-ai-plan-rationales", "q-diet-decides", "q-pillar-scenarios",
                   "q-why-stimulus", "q-figure-without-outlet"):
        assert needed in ids
    for q in authored:  # every cited id has a verbatim quote to show
        assert all(c in bundled_pack.quoted for c in q.cites), q.id


def test_comparison_table_has_all_four_rows(bundled_pack):
    (table,) = bundled_pack.tables
    assert table.columns == ("Abenomics", "Sanaenomics")
    assert [r.label for r in table.rows] == ["Primary Goal", "Core Metric", "Sector Focus", "Strategic Driver"]
    core = table.rows[1]
    assert core.cells == ("Quantity (Inflation, GDP, Stock prices)",
                          "Quality (Technological edge, Supply chain resilience)")


def test_lists_terms_and_topics(bundled_pack):
    lists = {n.id: [i.name for i in n.items] for n in bundled_pack.lists}
    assert lists["three-arrows"] == ["Monetary easing", "Fiscal stimulus", "Structural reform"]
    assert lists["four-pillars"] == ["Technological Sovereignty", "Supply Chain Resilience",
                                     "Public-Private Synergy", "Economic Security Integration"]
    assert {"Semiconductors", "Artificial intelligence", "Quantum computing"} <= set(lists["strategic-sectors"])
    terms = {t.term for t in bundled_pack.terms}
    assert terms == {"Sanaenomics", "Abenomics", "Economic security", "Technological sovereignty",
                     "Three arrows", "METI", "The Diet", "Quality of growth", "Bank of Japan"}
    economic_security = next(t for t in bundled_pack.terms if t.term == "Economic security")
    assert "semiconductors, quantum computing and biotechnology" in economic_security.definition
    statements = " ".join(f.statement for f in bundled_pack.facts)
    for needle in ("aging workforce", "METI", "Diet", "foreign-controlled supply chains"):
        assert needle in statements
