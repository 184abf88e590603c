"""A drafted figure takes no other number's year, "since" dates nothing, a label or a unit is no verb, and a
count the article writes without its noun ("put the expected waiting list at 95,000") is a figure with its outlet.

A second new-user tester drafted a hospital waiting-list article and found: 148,000 people given the year of
"up from 91,000 in March 2021"; "at any point since 2009" a milestone of 2009 (first in the ordering question) and
"risen by 30 percent since the original estimate in 2023" a 2023 figure; labels "nurses sounds" (unit "sounds"),
"figure" and "vacancy rate among nurses stands" drafted as finished and passed by `check`; the two outlets'
forecasts (95,000 and 120,000), the point of the article, drafted as a milestone and not at all; and "the union
said" after a sentence naming the Royal College of Nursing drafted with no source. The sentences below are that
article's (WAITING, at the end, is a shortened copy), drafted as the app drafts them.
"""

from __future__ import annotations

import shutil

import pytest
from drafting import draft_then_check, drafted, found, the_figure

from cli import main as cli_main
from content.draft import write_pack
from content.loader import load_pack
from tests_support import ROOT


@pytest.fixture
def draft(tmp_path):
    return drafted(tmp_path, "waiting-list.txt", WAITING)


def test_a_figure_does_not_take_the_year_of_another_number_in_its_sentence(draft):
    waiting = the_figure(draft, 148000)
    assert "year" not in waiting.fields  # 2021 is the year of "up from 91,000", not of 148,000 (the list now)
    for sentence, years in (
            ("The waiting list now stands at 148,000 people, compared with 91,000 in 2021.", [None]),
            ("The list rose from 91,000 in 2021 to 148,000 people.", [None]),
            # the amount's own year is still its
            ("The waiting list stood at 148,000 people in 2024, up from 91,000 in 2021.", [2024]),
            ("According to the utility, 23 percent of treated water was lost to leaks in 2025, compared with 18 "
             "percent in 2015.", [2025, 2015])):
        assert [f.year for f in found(sentence)] == years, sentence


def test_since_a_year_dates_no_event_and_no_figure(draft):
    years = {m.fields["year"] for m in draft.of_kind("milestone")}
    assert 2009 not in years  # "waiting longer … than at any point since 2009" is a state, not a 2009 event
    assert 2023 not in years  # "risen by 30 percent since the original estimate in 2023"
    # nor the rise's year ("rise … (2023)"), nor that of "will not open before spring 2028" in its sentence
    assert "year" not in the_figure(draft, 30).fields
    timeline = sorted((m.fields["order"], m.fields["when"]) for m in draft.included("milestone"))
    assert [when for _order, when in timeline] == ["June 2027", "in September 2027"]
    assert [f.year for f in found("Demand has grown by about 1.5 percent a year since 2015.")] == [None]


def test_a_label_or_unit_is_no_verb_and_a_bare_figure_is_left_to_write(draft):
    hiring = next(f for f in draft.of_kind("figure") if f.fields.get("outlet") == "Priya Desai")
    assert hiring.fields["amount"] == 420 and hiring.fields["unit"] == "nurses"  # was "sounds"
    assert hiring.fields["label"] != "nurses sounds"
    vacancy = the_figure(draft, 9.5)
    assert vacancy.fields["label"] == "vacancy rate among nurses" and vacancy.accepted  # "stands" dropped
    bare = the_figure(draft, 1)  # "In 2019 the figure was less than 1 percent."
    assert bare.fields["label"] == "" and bare.todo == ["label"] and not bare.accepted
    assert "“figure” alone does not say what the amount measures" in bare.note
    assert [f.label for f in found("The list now stands at 148,000 people.")] == ["list"]  # not "list now stands"


def test_check_warns_about_a_figure_label_that_ends_in_a_verb(tmp_path, capsys):
    folder = tmp_path / "pack"
    shutil.copytree(ROOT / "tests" / "data" / "minimal", folder)
    toml = folder / "pack.toml"
    plain = toml.read_text(encoding="utf-8")
    toml.write_text(plain.replace('label = "Trees to plant"', 'label = "trees to plant stands"'), encoding="utf-8")
    assert cli_main(["check", str(folder)]) == 0  # a warning, not a refusal
    out = capsys.readouterr().out
    assert "figure trees: label “trees to plant stands” reads as words cut from a sentence (it ends with the " \
           "verb “stands”)" in out
    toml.write_text(plain, encoding="utf-8")
    assert cli_main(["check", str(folder)]) == 0
    assert "warning" not in capsys.readouterr().out


def test_the_outlets_forecasts_are_figures_with_their_outlets_not_milestones(draft, tmp_path):
    echo = the_figure(draft, 95000)
    assert echo.fields["label"] == "expected waiting list" and echo.fields["outlet"] == "Northern Echo"
    assert echo.fields["year"] == 2028 and "by 2028" in echo.note  # "by the end of 2028", said to be a "by"
    assert echo.fields["unit"] == "" and "unit" in echo.todo  # the article names no noun for it: a person writes it
    ledger = the_figure(draft, 120000)
    assert ledger.fields["outlet"] == "Daily Ledger" and "list would only fall to 120,000" in ledger.note
    forecast = next(m for m in draft.of_kind("milestone") if m.fields["year"] == 2028)
    assert forecast.todo == ["label"] and "it states a figure, not an event" in forecast.note
    assert forecast not in draft.included("milestone")  # not ordered among the events
    pack = load_pack(write_pack(draft, tmp_path / "pack"))
    assert {"Northern Echo", "Daily Ledger"} <= {o.name for o in pack.outlets}
    # the noun comes from the sentence when it names one
    assert [(f.amount, f.unit, f.year) for f in found(
        "The list now stands at 148,000 people and could reach 160,000 by 2028.")] == \
        [(148000, "people", None), (160000, "people", 2028)]
    assert found("The council voted 9 to 4 on Tuesday.") == []  # a vote is no count
    assert found("The meeting starts at 1030 in the hall.") == []  # nor a time


def test_the_union_named_in_the_sentence_before_is_the_source(draft):
    for amount in (60, 9.5):  # "…, the union said" after "The Royal College of Nursing welcomed…"
        assert the_figure(draft, amount).fields["outlet"] == "Royal College of Nursing"
    from content.draft.figures import outlet_in

    assert outlet_in("Prices rose 5 percent, the union said.", "Board chair Margaret Oyelaran spoke first.") == ""


def test_the_waiting_list_article_drafts_and_passes_check(tmp_path, capsys):
    out, checked = draft_then_check(tmp_path, "waiting-list.txt", WAITING, capsys)
    assert "nurses sounds" not in out and "among nurses stands" not in out and "— figure" not in out
    assert "— vacancy rate among nurses" in out
    assert "warning" not in checked


WAITING = """Northvale health board unveils £340 million plan to cut hospital waiting lists

By Helen Marsh, Health Correspondent, 9 October 2026

Why the list grew

Patients in Northvale are waiting longer for planned operations than at any point since 2009, and the regional \
health board on Wednesday approved a three-year plan that it says will bring the list back under control.

The waiting list for routine surgery, such as hip replacements and cataract removal, now stands at 148,000 people, \
up from 91,000 in March 2021.

About 11 percent of patients on the list have now waited more than a year. In 2019 the figure was less than 1 \
percent.

What the plan pays for

How quickly the list will fall is disputed. The Northern Echo, citing an internal board forecast, put the expected \
waiting list at 95,000 by the end of 2028. The Daily Ledger reported that the same forecast showed the list would \
only fall to 120,000, because it assumed that demand would keep rising at 4 percent a year.

The Ashford Vale hub is due to open in September 2027. The Kingsbridge hub will not open before spring 2028, after \
the board admitted that the cost of rebuilding the old infirmary had risen by 30 percent since the original estimate \
in 2023.

The Royal College of Nursing welcomed the recruitment drive but warned that the board was losing staff faster than \
it could hire them. Northvale's hospitals lost about 60 nurses a month last year, the union said, and the vacancy \
rate among nurses stands at 9.5 percent.

"Hiring 420 nurses sounds impressive until you remember that we lose that many in seven months," said Priya Desai, \
the union's regional secretary.

The board will publish monthly figures on the waiting list from November, and an independent review of the plan is \
scheduled for June 2027.
"""
