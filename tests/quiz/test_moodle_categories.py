"""Moodle XML and GIFT exports file the variants of one fact in a subcategory of the pack's category.

A trainer who built a Moodle quiz of random questions from the pack's one category got a typed-number question
beside the true/false statement that gives its key (a new-user tester counted 16+ items of a 74-item bank
answerable from each other). The categories are read here as Moodle's importers read them:

- GIFT with ``tests/moodle_gift.py`` (``qformat_gift::readquestion``: a ``$CATEGORY:`` block switches the
  category of the questions after it);
- Moodle XML as ``qformat_xml::readquestions`` and ``import_category`` (question/format/xml/format.php) do:
  a ``<question type="category">`` switches the category, its ``<category><text>`` trimmed, its ``<info>``
  the category's description in the format its ``format`` attribute names;
- the path split as ``qformat_default::split_category_path`` does (question/format.php), and a category found
  by name under its parent as ``create_category_path`` does (case and accents aside, as MySQL compares).
"""

from __future__ import annotations

import itertools
import random
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import pytest
from moodle_gift import category_key, read_gift, split_category_path, trim

from content.loader import bundled_packs, load_pack
from content.model import Pack
from quiz.generate import generate
from quiz.interchange import export_questions
from quiz.plan import family_key
from quiz.questions import QuizQuestion
from tests_support import DATA

PACKS = [*bundled_packs(), DATA / "second_pack"]
FORMATS = ["gift", "moodle-xml"]
#: qformat_xml::trans_format: the text formats an ``<info format=…>`` may name.
XML_FORMATS = {"moodle_auto_format", "html", "plain_text", "wiki_like", "markdown"}


def xml_categories(text: str) -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    """(each question's category path, each category path's (info, info format)) as Moodle's XML importer reads
    them: ``import_category`` takes ``category/text`` and ``info/text`` trimmed and ``info``'s format attribute."""
    root = ET.fromstring(text)
    category, placed, infos = "", {}, {}
    for element in root.findall("question"):
        if element.get("type") == "category":
            category = trim(element.findtext("category/text") or "")
            info = element.find("info")
            if info is not None:
                infos[category] = (trim(info.findtext("text") or ""), info.get("format", ""))
            continue
        placed[trim(element.findtext("name/text") or "")] = category
    return placed, infos


def categories(pack: Pack, questions: list[QuizQuestion], fmt: str, folder: Path) -> dict[str, list[str]]:
    """Each question's category as the names Moodle creates, from the pack's export in ``fmt``."""
    path = export_questions(pack, questions, fmt, folder / f"quiz.{fmt}")
    text = path.read_text(encoding="utf-8")
    if fmt == "gift":
        placed = {moodle.name: moodle.category for moodle in read_gift(text)}
    else:
        placed = xml_categories(text)[0]
    return {name: split_category_path(path) for name, path in placed.items()}


def linked(questions: list[QuizQuestion]) -> bool:
    """Whether every question is joined to every other by a chain of questions sharing a fact (or quote)."""
    reached, todo = {questions[0].id}, [questions[0]]
    while todo:
        current = todo.pop()
        for other in questions:
            if other.id not in reached and family_key(current) & family_key(other):
                reached.add(other.id)
                todo.append(other)
    return len(reached) == len(questions)


def by_subcategory(questions: list[QuizQuestion], names: dict[str, list[str]]) -> dict[str, list[QuizQuestion]]:
    """The questions under each name below the pack's category (``""``: the pack's category itself)."""
    grouped: dict[str, list[QuizQuestion]] = defaultdict(list)
    for q in questions:
        grouped[category_key(names[q.id][3]) if len(names[q.id]) == 4 else ""].append(q)
    return grouped


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("folder", PACKS, ids=lambda p: p.name)
def test_each_facts_variants_share_one_subcategory_and_unlinked_facts_never_do(folder, fmt, tmp_path):
    pack = load_pack(folder)
    questions = generate(pack, 0)
    names = categories(pack, questions, fmt, tmp_path)
    assert sorted(names) == sorted(q.id for q in questions)
    for path in names.values():  # $course$ / Briefing Quiz / the pack's title [/ a fact's subcategory]
        assert path[:3] == ["$course$", "Briefing Quiz", pack.meta.title] and len(path) in (3, 4)
    grouped = by_subcategory(questions, names)
    assert len(grouped) > 5  # many facts, many subcategories
    for a, b in itertools.combinations(questions, 2):
        if family_key(a) & family_key(b):  # variants of one fact (or two items quoting one sentence)
            assert names[a.id] == names[b.id] and len(names[a.id]) == 4, (a.id, b.id)
    for key, members in grouped.items():
        if key:  # one fact, or facts that some question asks together: never two that nothing links
            assert len(members) >= 2 and linked(members), key
        else:  # the pack's own category: questions that share no fact with any other
            assert all(not (family_key(q) & family_key(o)) for q in members for o in questions if o is not q)


def test_the_bundled_packs_figures_and_terms_each_have_a_subcategory_named_by_what_they_are(bundled_pack,
                                                                                             tmp_path):
    questions = generate(bundled_pack, 0)
    names = categories(bundled_pack, questions, "gift", tmp_path)
    where = {q.id: names[q.id][-1] for q in questions}
    # the amount to choose, the number to type, the outlet and both statements of one figure: one subcategory
    stimulus = {where[i] for i in ("figure-amount:bfm-stimulus", "figure-number:bfm-stimulus",
                                   "figure-source:bfm-stimulus", "figure-tf:bfm-stimulus:true",
                                   "figure-tf:bfm-stimulus:false", "cloze-outlet:bfm-stimulus")}
    assert len(stimulus) == 1
    assert "Stimulus plan Japan has utilized" in stimulus.pop()  # the figure's label, not "bfm-stimulus"
    assert where["figure-number:ai-plan"] == where["figure-tf:ai-plan:true"] != where["figure-number:bfm-stimulus"]
    assert where["term:term-three-arrows"] == where["cloze-term:term-three-arrows"] == "Three arrows"
    assert where["term:term-economic-security"] == "Economic security"
    ids = {q.id for q in questions}
    for name in set(where.values()):
        assert name not in ids and "<" not in name and ">" not in name and len(name) <= 255


@pytest.mark.parametrize("folder", PACKS, ids=lambda p: p.name)
def test_one_random_question_from_each_subcategory_asks_each_fact_once(folder, tmp_path):
    """What README tells trainers: draw one random question from each subcategory (and any from the pack's own
    category). Every such quiz asks each fact once; the pack's one category before let a draw of the whole bank
    put a fact's variants side by side."""
    pack = load_pack(folder)
    questions = generate(pack, 0)
    grouped = by_subcategory(questions, categories(pack, questions, "moodle-xml", tmp_path))
    alone = grouped.pop("", [])
    rng = random.Random(7)
    for _ in range(50):
        quiz = [rng.choice(members) for members in grouped.values()] + alone
        facts = [fact for q in quiz for fact in family_key(q)]
        assert len(facts) == len(set(facts))
    shared = sum(1 for a, b in itertools.combinations(questions, 2) if family_key(a) & family_key(b))
    assert shared > len(grouped)  # the whole bank does hold items that give each other away


def test_category_descriptions_tell_the_trainer_to_draw_one_from_each_subcategory(bundled_pack, tmp_path):
    questions = generate(bundled_pack, 0)
    path = export_questions(bundled_pack, questions, "moodle-xml", tmp_path / "quiz.xml")
    placed, infos = xml_categories(path.read_text(encoding="utf-8"))
    assert set(placed.values()) | {f"$course$/Briefing Quiz/{bundled_pack.meta.title}"} == set(infos)
    assert all(fmt == "plain_text" and fmt in XML_FORMATS for _, fmt in infos.values())
    pack_info = infos.pop(f"$course$/Briefing Quiz/{bundled_pack.meta.title}")[0]
    assert "draw one random question from each subcategory" in pack_info
    assert all("Draw one random question from this category." in info for info, _ in infos.values())


@pytest.mark.parametrize("fmt", FORMATS)
def test_subcategory_names_stay_one_name_each_and_apart_as_moodle_compares_them(bundled_pack, fmt, tmp_path):
    """A label with "/" stays one category (Moodle splits paths at single slashes); markup, which Moodle's
    clean_param would strip, is left out; two facts labelled alike but for case and accents, or longer than a
    name should be, still get two subcategories."""
    labels = {"ai-plan": "Plan/total <b>bold</b>", "bfm-stimulus": "PLAN/TOTAL bold",
              "nikkei-2040-goal": "Plán/total bóld", "nhk-2040-sectors": "x" * 300}
    figures = tuple(replace(f, label=labels.get(f.id, f.label)) for f in bundled_pack.figures)
    pack = replace(bundled_pack, figures=figures)
    questions = generate(pack, 0)
    names = categories(pack, questions, fmt, tmp_path)
    assert all(len(path) in (3, 4) and path[2] == pack.meta.title for path in names.values())
    subcategories = {tuple(path) for path in names.values() if len(path) == 4}
    assert len({category_key(path[3]) for path in subcategories}) == len(subcategories)
    plans = {names[f"figure-number:{figure}"][3] for figure in ("ai-plan", "bfm-stimulus")}
    assert len(plans) == 2 and all(name.casefold().startswith("plan/total") for name in plans)
    assert all("<" not in path[3] and ">" not in path[3] and len(path[3]) <= 255 for path in subcategories)
