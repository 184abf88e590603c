"""Generated questions: every kind, covering the pack, keys agreeing with the article, wording for any pack."""

from __future__ import annotations

import dataclasses

import pytest

from content.loader import load_pack
from content.model import Figure, Outlet, Table, TableRow
from content.validate import normalise_space
from quiz.generate import generate
from quiz.grade import grade
from quiz.questions import Kind
from tests_support import DATA, right_answer


@pytest.fixture(scope="module")
def questions(bundled_pack):
    return generate(bundled_pack, seed="ABC123")


def test_every_kind_and_distinct_ids(questions):
    assert len({q.id for q in questions}) == len(questions) >= 80
    assert {q.kind for q in questions} == set(Kind)


def test_coverage_of_figures_rows_pillars_outlets(bundled_pack, questions):
    tested = {fact for q in questions for fact in q.facts}
    assert {f.id for f in bundled_pack.figures} <= tested
    assert {r.id for t in bundled_pack.tables for r in t.rows} <= tested
    pillars = next(n for n in bundled_pack.lists if n.id == "four-pillars")
    assert {i.id for i in pillars.items} <= tested
    assert {o.name for o in bundled_pack.outlets} <= {q.answer for q in questions}


def test_every_answer_key_agrees_with_the_pack(bundled_pack, questions):
    figures = {f.id: f for f in bundled_pack.figures}
    for q in questions:
        kind, _, rest = q.id.partition(":")
        if kind == "figure-amount":
            assert q.answer == figures[rest].display
        elif kind == "figure-number":
            assert float(q.answer) == figures[rest].amount
        elif kind in ("figure-source", "cloze-outlet"):
            assert q.answer == bundled_pack.outlet(figures[rest].outlet).name
        elif kind == "table-grid":
            (table,) = bundled_pack.tables
            expected = {f"{r.label}: {c}": col for r in table.rows for col, c in zip(table.columns, r.cells,
                                                                                       strict=True)}
            assert dict(q.pairs) == expected
        elif kind == "term":
            term = next(t for t in bundled_pack.terms if t.id == rest)
            assert q.answer == term.term and term.definition in q.prompt
        elif kind == "list-item":
            item = next(i for n in bundled_pack.lists for i in n.items if i.id == rest)
            assert q.answer == item.name and item.detail in q.prompt
        assert grade(q, right_answer(q)).correct, q.id


def test_every_question_is_explained_and_quotes_the_article(bundled_pack, questions):
    article = normalise_space(bundled_pack.source_text)
    for q in questions:
        assert q.explanation.strip(), q.id
        assert q.citations, q.id
        for citation in q.citations:
            assert normalise_space(citation.quote) in article, q.id


def test_false_statements_are_misreadings_or_same_unit_swaps_and_carry_the_correction(bundled_pack, questions):
    facts = {f.id: f for f in bundled_pack.facts}
    figures = {f.id: f for f in bundled_pack.figures}
    falses = [q for q in questions if q.kind == Kind.TRUEFALSE and q.answer == "false" and not q.authored]
    assert len(falses) >= 20
    for q in falses:
        assert q.correction and q.correction in q.explanation
        if q.id.startswith("fact:"):
            fact = facts[q.facts[0]]
            assert q.prompt.removeprefix("True or false: ") in fact.misreadings and q.correction == fact.statement
        else:
            figure = figures[q.facts[0]]
            same_unit = {f.display for f in bundled_pack.figures if f.base_unit == figure.base_unit} - {figure.display}
            assert any(d in q.prompt for d in same_unit), q.prompt


def test_distractors_come_from_the_keys_own_category(bundled_pack, questions):
    terms = {t.term: t.category for t in bundled_pack.terms}
    units = {f.display: f.base_unit for f in bundled_pack.figures}
    for q in questions:
        if q.id.startswith("term:"):
            assert {terms[c] for c in q.choices} == {terms[q.answer]}, q.id
        elif q.id.startswith("figure-amount:"):
            assert {units[c] for c in q.choices} == {units[q.answer]}, q.id
        elif q.id.startswith("figure-source:"):
            assert set(q.choices) <= {o.name for o in bundled_pack.outlets}
        if q.choices and q.kind in (Kind.CHOICE, Kind.SCENARIO):
            assert q.answer in q.choices and len(set(q.choices)) == len(q.choices) >= 2
            for distractor in set(q.choices) - {q.answer}:  # each wrong option says what it really is
                if not q.authored:
                    assert q.feedback_for(distractor), (q.id, distractor)


def test_one_item_per_table_and_no_list_position_trivia(bundled_pack, questions):
    table_items = [q for q in questions if q.table]
    assert [q.kind for q in table_items] == [Kind.CLASSIFY]
    assert table_items[0].id == "table-grid:abenomics-vs-sanaenomics"
    for q in questions:
        assert "Named first" not in q.prompt and "Named second" not in q.prompt
    arrows = next(n for n in bundled_pack.lists if n.id == "three-arrows")
    assert not any(q.id.startswith("list-item:arrow-") for q in questions)  # no description, no question
    assert all(not i.detail for i in arrows.items)


def test_milestones_give_an_ordering_question(bundled_pack, questions):
    (order,) = [q for q in questions if q.id == "order:milestones"]
    when = {m.label: (m.order, m.year) for m in bundled_pack.milestones}
    assert [when[label] for label in order.answers] == sorted(when[label] for label in order.answers)
    assert list(order.choices) != list(order.answers) and sorted(order.choices) == sorted(order.answers)


def test_same_seed_same_questions_other_seed_other_order(bundled_pack):
    a, b, c = generate(bundled_pack, "S1"), generate(bundled_pack, "S1"), generate(bundled_pack, "S2")
    assert a == b
    assert [q.id for q in a] == [q.id for q in c]  # ids depend on the pack only
    assert [q.choices for q in a] != [q.choices for q in c]


@pytest.mark.parametrize("name", ["minimal", "hostile", "second_pack"])
def test_any_valid_pack_generates_gradeable_questions(name):
    pack = load_pack(DATA / name)
    questions = generate(pack, 7)
    assert questions, "even a one-figure pack yields a numeric and a true/false question"
    for q in questions:
        assert grade(q, right_answer(q)).correct, q.id
        assert q.explanation and dataclasses.asdict(q)


def test_pack_without_tables_lists_or_outlets(bundled_pack):
    bare = dataclasses.replace(bundled_pack, tables=(), lists=(), outlets=(), terms=(), questions=())
    kinds = {q.kind for q in generate(bare, 1)}
    assert "classify" not in kinds and "numeric" in kinds


def _with(bundled_pack, **changes):
    return dataclasses.replace(bundled_pack, questions=(), **changes)


def test_who_gives_a_figure_never_offers_an_outlet_whose_name_holds_the_key_s(bundled_pack):
    """A tester was asked who gives the port's new jobs, with "Port of Caldmouth's board" the key and "Port of
    Caldmouth" a wrong option: the board is the port's, so both are defensible."""
    outlets = tuple(Outlet(o.id, "NHK World" if o.id == "bfm" else o.name) for o in bundled_pack.outlets)
    pack = _with(bundled_pack, outlets=outlets)
    asked = {q.id: q for q in generate(pack, 0) if q.id.startswith("figure-source:")}
    nhk, world = asked["figure-source:nhk-2040-sectors"], asked["figure-source:bfm-stimulus"]
    assert nhk.answer == "NHK" and "NHK World" not in nhk.choices and "Nikkei" in nhk.choices
    assert world.answer == "NHK World" and "NHK" not in world.choices
    # unrelated names stay options, as before
    plain = {q.id: q for q in generate(bundled_pack, 0)}["figure-source:nhk-2040-sectors"]
    assert set(plain.choices) == {"NHK", "Nikkei", "BFM"}


def test_a_label_that_names_its_source_gives_no_who_gives_question_and_check_says_why(bundled_pack):
    """A tester labelled a figure "Jobs at the port itself (Ledger)": "Who gives the jobs at the port itself
    (Ledger) …?" with "Eastern Daily Ledger" among the options answers itself."""
    from quiz.generate import notes

    figures = tuple(dataclasses.replace(f, label=f"{f.label} (NHK's figure)") if f.id == "nhk-2040-sectors" else f
                    for f in bundled_pack.figures)
    pack = _with(bundled_pack, figures=figures)
    ids = {q.id for q in generate(pack, 0)}
    assert "figure-source:nhk-2040-sectors" not in ids and "figure-source:nikkei-2040-goal" in ids
    assert "cloze-outlet:nhk-2040-sectors" in ids  # its other questions stay
    said = [n for n in notes(pack) if "nhk-2040-sectors" in n and "who gives" in n]
    assert said and "the stem contains the answer 'NHK'" in said[0]


def test_sources_leave_out_an_outlet_with_no_figure_and_nothing_said_of_it(bundled_pack):
    """A drafted pack names the outlets of figures still to write: each showed as an empty card."""
    from content.briefing import sources

    pack = _with(bundled_pack, outlets=(*bundled_pack.outlets, Outlet("freight", "Freight companies"),
                                        Outlet("trust", "Estuary Trust", "A charity the article quotes")))
    names = [e.outlet for e in sources(pack)]
    assert "Freight companies" not in names and "Estuary Trust" in names
    assert {"Nikkei", "NHK", "BFM"} <= set(names)


def test_proper_nouns_keep_their_case_and_take_no_article(bundled_pack):
    intel = Figure("intel-award", "Intel's expected CHIPS award", 8.5, "billion USD", False,
                   bundled_pack.figures[0].quote, "plans", "investment")
    pack = _with(bundled_pack, figures=(*bundled_pack.figures, intel))
    prompts = [q.prompt for q in generate(pack, 0) if "intel-award" in q.facts]
    assert prompts and all("Intel's expected CHIPS award" in p for p in prompts)
    assert not any("the Intel's" in p or "intel's" in p for p in prompts)
    assert any("the AI investment plan" in p for p in (q.prompt for q in generate(bundled_pack, 0)))


def test_a_bound_is_asked_as_a_bound(bundled_pack):
    bounded = Figure("floor", "Chip subsidy", 140, "billion USD", False, bundled_pack.figures[3].quote,
                     "plans", "investment", bound="more than")
    pack = _with(bundled_pack, figures=(*bundled_pack.figures, bounded))
    items = [q for q in generate(pack, 0) if q.facts == ("floor",)]
    assert not any(q.kind == Kind.NUMERIC for q in items)  # "more than $140 billion" is not the number 140
    (amount,) = [q for q in items if q.id == "figure-amount:floor"]
    assert amount.answer == "more than $140 billion" and "less than $140 billion" in amount.choices


def test_a_matching_from_a_table_without_a_quote_cites_the_sentence_that_names_its_column():
    """Riverton's table has no quote and its section's quote is the article's first sentence, which supports
    nothing the matching asks: each column's matching cites the sentence that says that column's entries."""
    pack = load_pack(DATA / "second_pack")
    matching = {q.id: q for q in generate(pack, 0) if q.table == "old-vs-new"}
    assert matching["table-match:old-vs-new:0"].quote == (
        "Under the old approach, the focus was painted lanes on existing roads, and success was measured by "
        "kilometres of paint.")
    assert matching["table-match:old-vs-new:1"].quote == (
        "Under the new plan, the focus is physically separated lanes, and success is measured by the share of "
        "trips made by bicycle.")
    assert all(q.quote in pack.source_text for q in matching.values())


def test_a_table_without_a_quote_cites_its_sections_quote_never_its_title(bundled_pack):
    (table,) = bundled_pack.tables
    records = Table("plants", "Chip plants", "Company", ("Location", "Award"),
                    (TableRow("tsmc", "TSMC", ("Arizona", "$6.6B")), TableRow("intel", "Intel", ("Ohio", "$8.5B"))),
                    "comparison")
    pack = _with(bundled_pack, tables=(dataclasses.replace(table, quote=""), records))
    items = [q for q in generate(pack, 0) if q.table]
    section_quote = next(s.quote for s in bundled_pack.sections if s.topic == "comparison")
    assert items and all(q.quote == section_quote for q in items)
    matching = [q for q in items if q.table == "plants"]
    assert [q.prompt for q in matching] == ["Chip plants: match each company to its location.",
                                           "Chip plants: match each company to its award."]
