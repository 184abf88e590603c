"""A drafted pack can be finished as its own comments say; it names its outlets, dates its timeline, and its
byline is no section.

A new-user tester drafted an article nobody had tuned the drafter for (a city's water plan) and found:
following the draft's "TO WRITE" instructions (write the label, remove the '# ') gave 17 "missing required
field" errors and an outlet that was no `[[outlets]]` id; "The Riverton Gazette, citing a draft utility report,
put…" and "The Coastal Herald, quoting…, reported…" gave no outlet; "What to watch" called a 1962 dam the next
checkpoint, and timeline labels were cut from a quote ("Our grandparents built the Calder dam") or were
statistics ("23 percent of treated water was lost to leaks"); the byline "By Staff Reporter, 14 March 2026"
titled the first section, which held half the article. These tests draft a short article of the same shape.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from cli import main as cli_main
from content.briefing import timeline
from content.draft import draft_article, write_pack
from content.draft.writer import LIST_MARK, WAITING_MARK
from content.loader import load_pack
from tests_support import ROOT

ARTICLES = ROOT / "tests" / "data" / "articles"
BUNDLED_ARTICLE = ROOT / "content" / "sanaenomics" / "source.txt"

RIVERTON = """Riverton approves $1.2 billion plan to secure its water supply

By Staff Reporter, 14 March 2026

RIVERTON — The city council voted on Tuesday night to approve a $1.2 billion plan, after three summers in which \
the main reservoir fell below 40 percent of capacity. Officials say the measures together should close a projected \
shortfall of 65 million litres a day by 2035.

Riverton, a city of roughly 820,000 people, draws about 70 percent of its water from the Calder reservoir. Demand \
has grown by about 1.5 percent a year since 2015.

Not everyone agrees on how large the gap really is. The Riverton Gazette, citing a draft utility report, put the \
expected shortfall at 65 million litres a day. The Coastal Herald, quoting an independent hydrologist, reported \
that the gap could be as large as 90 million litres a day.

Leaks before new plants

According to the utility, 23 percent of treated water was lost to leaks in 2025, compared with 18 percent in 2015.

"Fixing leaks is the cheapest water we will ever buy," said Priya Natarajan, the utility's director of \
operations. She said the pipe programme alone should save 25 million litres a day once it is finished.

What happens next

The new tariff takes effect on 1 July 2026. Construction of the recycled-water scheme could begin as early as 2027.

Mayor Elena Voss said she expected "a long and noisy year" but insisted the city could not afford to stand \
still. "Our grandparents built the Calder dam in 1962 for a city of 300,000," she said.
"""


@pytest.fixture
def riverton(tmp_path) -> Path:
    article = tmp_path / "riverton.txt"
    article.write_text(RIVERTON, encoding="utf-8")
    return article


def written(n: int) -> str:
    """A distinct text a person might write, without digits (a summary's numbers must be the article's)."""
    return "Written by hand " + "".join("klmnopqrst"[int(d)] for d in str(n))


def complete_as_told(toml: str) -> str:
    """``pack.toml`` after doing what its comments say, mechanically: every field marked TO WRITE gets a text,
    and the '# ' is removed in front of the lines of every commented item (and the [pack] line marked so, and
    each figure's id in its section's ``figures`` list)."""
    out: list[str] = []
    in_item = False
    after_mark = False
    for n, line in enumerate(toml.splitlines()):
        after_mark = after_mark or line.startswith(WAITING_MARK)
        if after_mark and line.startswith("# [["):
            in_item = True
        elif not line.strip():
            in_item = False
        if line.startswith("# ") and '= ""  # TO WRITE' in line:
            name = line[2:].split(" = ", 1)[0]
            line = f'# {name} = "{written(n)}"' + ("  # written (in [pack])" if "(in [pack])" in line else "")
        if line.startswith("# ") and (in_item or "(in [pack])" in line):
            line = line[2:]
        if line.startswith("    # ") and line.endswith(f"# {LIST_MARK}"):  # its id in its section's figures
            line = "    " + line[6:]
        out.append(line)
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("name", ["riverton", "wire_report", "press_release", "city_budget",
                                  "battery_plant", "bundled"])
def test_every_item_left_to_write_passes_check_once_written_and_uncommented_as_told(name, riverton, tmp_path,
                                                                                      capsys):
    article = {"riverton": riverton, "bundled": BUNDLED_ARTICLE}.get(name, ARTICLES / f"{name}.txt")
    folder = tmp_path / "pack"
    draft = draft_article(article)
    write_pack(draft, folder)
    toml = (folder / "pack.toml").read_text(encoding="utf-8")
    waiting = toml.count('""  # TO WRITE')
    assert waiting >= 2
    (folder / "pack.toml").write_text(complete_as_told(toml), encoding="utf-8")
    assert '""  # TO WRITE' not in (folder / "pack.toml").read_text(encoding="utf-8")
    capsys.readouterr()
    assert cli_main(["check", str(folder)]) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert "to write:" not in out  # nothing is left commented out
    pack = load_pack(folder)
    figures_waiting = [item for item in draft.items if item.kind == "figure" and item.todo]
    assert len(pack.figures) == len(draft.included("figure")) + len(figures_waiting)
    assert pack.meta.summary.startswith("Written by hand")
    outlets = {o.id: o.name for o in pack.outlets}
    for figure in pack.figures:  # every outlet drafted is an [[outlets]] id of the pack
        assert figure.outlet is None or figure.outlet in outlets
    # each figure written is shown with the section it was found in, as those kept at once are (a tester
    # found written figures only under Sources: its section listed the figures drafted finished alone)
    listed = {figure_id: section.id for section in pack.sections for figure_id in section.figures}
    for item in draft.included("figure") + figures_waiting:
        assert listed.get(item.id) == item.section, item.id


def test_outlets_named_before_what_they_cite_are_drafted_and_a_person_s_figure_points_to_an_outlet(riverton,
                                                                                                    tmp_path):
    draft = draft_article(riverton)
    by_amount = {}
    for item in draft.of_kind("figure"):
        by_amount.setdefault(float(item.fields["amount"]), []).append(item)
    gazette = next(i for i in by_amount[65.0] if "Gazette" in i.fields["quote"])
    assert gazette.fields["outlet"] == "Riverton Gazette"
    assert by_amount[90.0][0].fields["outlet"] == "Coastal Herald"
    # "She said…" after "said Priya Natarajan": the figure's source is the person the article names for it
    assert by_amount[25.0][0].fields["outlet"] == "Priya Natarajan"
    assert "outlet" not in by_amount[820000.0][0].fields  # the article gives no source for the city's size
    pack_toml = (write_pack(draft, tmp_path / "pack") / "pack.toml").read_text(encoding="utf-8")
    pack = load_pack(tmp_path / "pack")
    assert {o.name for o in pack.outlets} == {"Riverton Gazette", "Coastal Herald", "Priya Natarajan"}
    ids = {o.name: o.id for o in pack.outlets}
    assert f'# outlet = "{ids["Priya Natarajan"]}"' in pack_toml  # an id, not the person's name
    assert 'outlet = "Priya Natarajan"' not in pack_toml
    # the mayor is only quoted (no figure is hers): a quote's speaker is no outlet
    assert "Elena Voss" not in {o.name for o in pack.outlets}


@pytest.mark.parametrize("sentence, outlet", [
    ("The Riverton Gazette, citing a draft utility report, put the expected shortfall at 65 million litres.",
     "Riverton Gazette"),
    ("The Coastal Herald, quoting an independent hydrologist, reported that the gap could reach 90 million litres.",
     "Coastal Herald"),
    ("Reuters, citing three people familiar with the matter, said the deal was worth $2 billion.", "Reuters"),
    ("The Nikkei put the cost at 3 trillion yen.", "Nikkei"),
    ("Officials put the cost at $4 million.", ""),  # "put" gives a source only after a publication's name
])
def test_a_publication_citing_or_quoting_someone_is_the_outlet(sentence, outlet):
    from content.draft.figures import outlet_in

    assert outlet_in(sentence) == outlet


def test_the_timeline_knows_what_has_happened_and_leaves_quotes_and_statistics_to_write(riverton):
    draft = draft_article(riverton)
    milestones = {item.fields["when"]: item for item in draft.of_kind("milestone")}
    # the byline dates the article: what came before 14 March 2026 has happened, what comes after has not
    for when in ("in 1962", "in 2025"):
        assert milestones[when].fields.get("happened") is True, when
    assert "since 2015" not in milestones  # "Demand has grown … since 2015": a state, no event of 2015
    for when in ("on 1 July 2026", "as early as 2027", "by 2035"):
        assert "happened" not in milestones[when].fields, when
    dam = milestones["in 1962"]  # the mayor's words inside a quote: no event put in words of its own
    assert dam.fields["label"] == "" and dam.todo == ["label"] and not dam.accepted
    assert "Our grandparents built the Calder dam" in dam.note and "a speaker's words from a quote" in dam.note
    leaks = milestones["in 2025"]  # a measurement, not an event
    assert leaks.todo == ["label"] and "it states a figure, not an event" in leaks.note
    shortfall = milestones["by 2035"]  # "close a projected shortfall…": its subject cut off
    assert shortfall.todo == ["label"] and "cut from the middle of a longer clause" in shortfall.note
    # "could begin as early as 2027", the same shape as "Construction is set to begin in September 2025"
    assert milestones["as early as 2027"].fields["label"] == "Construction of the recycled-water scheme could begin"
    assert milestones["as early as 2027"].accepted
    assert milestones["on 1 July 2026"].fields["label"] == "The new tariff takes effect"


def test_what_to_watch_starts_after_what_has_happened(riverton, tmp_path):
    folder = write_pack(draft_article(riverton), tmp_path / "pack")
    toml = folder / "pack.toml"
    toml.write_text(complete_as_told(toml.read_text(encoding="utf-8")), encoding="utf-8")
    points = timeline(load_pack(folder), date(2026, 3, 20))  # read the week the article came out
    today = next(i for i, p in enumerate(points) if p.is_today)
    assert [p.when for p in points[:today]] == ["in 1962", "in 2025"]
    assert next(p for p in points if p.is_next).when == "on 1 July 2026"
    # read in November, 1 July is past (the article cannot say whether it happened): not the next checkpoint,
    # and not after today either (a tester read "in June 2026" below "Today (27 Nov 2026)"), but marked
    later = timeline(load_pack(folder), date(2026, 11, 26))
    assert next(p for p in later if p.is_next).when != "on 1 July 2026"
    today = next(i for i, p in enumerate(later) if p.is_today)
    tariff = next(i for i, p in enumerate(later) if p.when == "on 1 July 2026")
    assert tariff < today and later[tariff].passed and not later[tariff].is_next
    assert not any(p.passed for p in later[today:]) and all(not p.passed for p in points)
    # the printed briefing says the same on the day it is printed
    from content.handout.briefing import build_briefing
    from content.handout.markdown import write_markdown

    text = write_markdown(build_briefing(load_pack(folder), date(2026, 11, 26)), tmp_path / "b.md").read_text(
        encoding="utf-8")
    assert "The new tariff takes effect (date now past: the article had it ahead)" in text


def test_without_a_byline_the_latest_past_event_dates_the_article(tmp_path):
    article = tmp_path / "dam.txt"
    article.write_text(
        "Valley dam to be replaced\n\n"
        "The Calder dam was built in 1962 and was last inspected in 2019. A new survey was completed in 2024. "
        "Engineers have also studied the spillway since 2010.\n\n"
        "A replacement dam is expected to open in 2031. The old one will be drained by 2033.\n",
        encoding="utf-8")
    draft = draft_article(article)
    happened = {m.fields["when"]: m.fields.get("happened", False) for m in draft.of_kind("milestone")}
    # "have also studied the spillway since 2010" is a state that began then, no event: not on the timeline
    assert happened == {"in 1962": True, "in 2024": True, "in 2031": False, "by 2033": False}
    assert not any(s.id == "source_date" for s in draft.of_kind("source"))  # no date is made up for it


def test_check_warns_about_a_milestone_label_cut_from_a_sentence(tmp_path, capsys):
    folder = tmp_path / "pack"
    shutil.copytree(ROOT / "tests" / "data" / "minimal", folder)
    toml = folder / "pack.toml"
    milestone = ('\n[[milestones]]\nid = "planting"\nlabel = "{label}"\nwhen = "by 2030"\nyear = 2030\ntopic = "plan"\n'
                 'quote = "Widgets Weekly reports that the town plans to plant 300 trees by 2030."\n')
    plain = toml.read_text(encoding="utf-8")
    toml.write_text(plain + milestone.format(label="The town plants its trees"), encoding="utf-8")
    assert cli_main(["check", str(folder)]) == 0
    assert "warning" not in capsys.readouterr().out  # an event in words of its own
    toml.write_text(plain + milestone.format(label="to plant 300 trees"), encoding="utf-8")
    assert cli_main(["check", str(folder)]) == 0  # a warning, not a refusal
    out = capsys.readouterr().out
    assert ("milestone planting: label “to plant 300 trees” reads as words cut from a sentence "
            "(it starts mid-clause, with “to”)") in out
    assert "write what happens then in a few words" in out


def test_a_byline_is_no_section_and_the_unheaded_lead_is_cut_at_its_topic_sentences(riverton):
    draft = draft_article(riverton)
    titles = [s.fields["title"] for s in draft.of_kind("section")]
    assert not any("Staff Reporter" in t or "14 March" in t for t in titles)
    assert "Not everyone agrees on how large the gap really is" in titles  # the lead's topic sentence
    assert titles[-2:] == ["Leaks before new plants", "What happens next"]
    bodies = "\n\n".join(s.fields["body"] for s in draft.of_kind("section"))
    assert "By Staff Reporter" not in bodies
    assert not titles[0].startswith("RIVERTON")  # the dateline opens the paragraph, not its title
    sources = {s.id: s.fields[s.id] for s in draft.of_kind("source")}
    assert sources["source_date"] == "2026-03-14"  # the byline's date is the article's
    press = [s.fields["title"] for s in draft_article(ARTICLES / "press_release.txt").of_kind("section")]
    assert "Published 3 February 2025" not in press  # a dateline alone is no section either
