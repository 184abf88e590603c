"""Importing questions into a pack through the facade: what the pack and the learner end up with."""

from __future__ import annotations

import shutil
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest

from app.errors import QuestionImportError
from app.workspace import Workspace
from content.loader import load_pack
from quiz.answer_unit import unit_phrase
from quiz.grade import grade
from quiz.interchange import FORMATS, export_questions
from quiz.interchange.keys import letter
from quiz.interchange.merge import IMPORTED_TOPIC
from tests_support import DATA

BANKS = DATA / "interchange"
COMMENT = "# Trainer's note: keep this comment when questions are imported.\n"


@pytest.fixture
def library(tmp_path, data_dir):
    """A workspace with the minimal pack imported (a comment added to its pack.toml first)."""
    folder = tmp_path / "minimal"
    shutil.copytree(DATA / "minimal", folder)
    text = (folder / "pack.toml").read_text(encoding="utf-8")
    (folder / "pack.toml").write_text(text.replace("[[topics]]", COMMENT + "[[topics]]", 1), encoding="utf-8")
    with Workspace(data_dir) as ws:
        ws.import_pack(folder)
        yield ws


def _stored_toml(ws: Workspace) -> str:
    return (ws.library.folder / "minimal" / "pack.toml").read_text(encoding="utf-8")


def test_gift_questions_become_the_packs_own_questions_and_the_rest_are_listed(library):
    report = library.import_questions("minimal", BANKS / "bank.gift")
    prompts = {q.prompt for q in library.questions("minimal") if q.authored}
    assert "How many trees will the town plant by 2030?" in prompts
    assert "Which of these are in the plan?" in prompts
    assert report.count == 5
    reasons = {s.name: s.reason for s in report.skipped}
    assert reasons["Why"] == "an essay question: essays have no key the app can grade"
    assert reasons["Outlet"].startswith("options[2].text: number(s) 100 do not occur in the source text")
    # benches, parks, squares and wildcards are not in the pack's two-sentence article on trees
    assert reasons["Match"].endswith("the question seems to be about another article")
    assert reasons["Star"].startswith("this pack's article has 0 of its 4 key words (not: symbol, marks, wildcard")
    text = str(report)
    assert "5 question(s) from bank.gift (GIFT) are in pack 'minimal'; 5 could not come in." in text
    assert "Why: an essay question" in text
    pack = load_pack(library.library.folder / "minimal")
    trees = next(q for q in pack.questions if q.id == "trees-2")  # "trees" is the pack's figure
    assert trees.topic == "plan"  # "The plan" is the pack's topic title: matched, no new topic
    assert trees.imported_from == "bank.gift (GIFT)"
    assert trees.tolerance == pytest.approx(0.1)
    assert IMPORTED_TOPIC[0] not in {t.id for t in pack.topics}


def test_pack_toml_keeps_its_comments_and_layout(library):
    before = _stored_toml(library)
    library.import_questions("minimal", BANKS / "bank.gift")
    after = _stored_toml(library)
    assert after.startswith(before)  # everything the author wrote is there byte for byte, the questions after it
    assert COMMENT in after and after.count("[[questions]]") == 5


def test_importing_the_same_file_again_replaces_its_questions_and_keeps_progress(library):
    library.import_questions("minimal", BANKS / "bank.gift")
    session = library.start_quiz("minimal", "practice")
    question = session.current
    session.submit(question.answer or "true", 1000)
    assert library.dashboard("minimal").answers == 1
    ids = [q.id for q in library.questions("minimal")]
    report = library.import_questions("minimal", BANKS / "bank.gift")
    assert report.added == [] and len(report.replaced) == 5
    assert [q.id for q in library.questions("minimal")] == ids  # same ids: nothing duplicated
    assert library.dashboard("minimal").answers == 1  # the answer given before the re-import is kept
    assert library.resume_quiz("minimal") is not None  # the quiz under way survived the re-import


def test_an_id_in_use_gets_a_suffix_and_other_files_never_replace(library, tmp_path):
    bank = tmp_path / "other.gift"
    bank.write_text("::plan::Which town plants trees?{=This one ~None}\n\n::Trees::Trees by 2030?{T}\n",
                    encoding="utf-8")
    library.import_questions("minimal", BANKS / "bank.gift")
    report = library.import_questions("minimal", bank)
    # "plan" is a topic, "trees" a figure and "trees-2" bank.gift's question
    assert [ident for ident, _ in report.added] == ["plan-2", "trees-3"]


def test_questions_without_a_matching_topic_go_to_a_new_topic(library):
    report = library.import_questions("minimal", BANKS / "bank.csv")
    assert report.new_topic == IMPORTED_TOPIC[1]
    pack = load_pack(library.library.folder / "minimal")
    assert IMPORTED_TOPIC[0] in {t.id for t in pack.topics}
    assert {q.topic for q in pack.questions} == {IMPORTED_TOPIC[0]}
    assert all(q.explanation == "bank.csv (CSV) gives no explanation for this answer." for q in pack.questions)


def test_the_bundled_pack_cannot_be_changed(data_dir):
    with Workspace(data_dir) as ws:
        with pytest.raises(QuestionImportError, match="ships with the app"):
            ws.import_questions(ws.pack_ids()[0], BANKS / "bank.gift")


def test_a_file_nothing_can_come_from_changes_nothing(library, tmp_path):
    before = _stored_toml(library)
    bank = tmp_path / "essays.gift"
    bank.write_text("::E::Discuss.{}\n", encoding="utf-8")
    report = library.import_questions("minimal", bank)
    assert report.count == 0 and _stored_toml(library) == before
    with pytest.raises(QuestionImportError):
        library.import_questions("minimal", tmp_path / "missing.gift")
    assert _stored_toml(library) == before


def _bundled_copy(tmp_path: Path) -> Path:
    """A copy of the bundled pack's folder under the id "sanaenomics-copy" (its own article, its own questions)."""
    copy = tmp_path / "copy"
    shutil.copytree(Path(DATA).parent.parent / "content" / "sanaenomics", copy)
    text = (copy / "pack.toml").read_text(encoding="utf-8")
    (copy / "pack.toml").write_text(text.replace('id = "sanaenomics"', 'id = "sanaenomics-copy"', 1),
                                    encoding="utf-8")
    return copy


def test_the_bundled_packs_own_export_comes_back_whole_into_a_copy_of_it_citing_its_quotes(tmp_path, data_dir,
                                                                                          bundled_pack):
    copy = _bundled_copy(tmp_path)
    with Workspace(data_dir) as ws:
        ws.import_pack(copy)
        before = len(ws.pack("sanaenomics-copy").questions)
        exported = export_questions(bundled_pack, ws.questions(bundled_pack.id), "gift", tmp_path / "all.gift")
        # reworded, so that they are not the questions the copy already asks (those are not added again)
        exported.write_text(exported.read_text(encoding="utf-8").replace("::[plain]", "::[plain]Reworded: "),
                            encoding="utf-8")
        report = ws.import_questions("sanaenomics-copy", exported)
        # Every number is the article's, except a numeric question's own tolerance: the app's numeric questions
        # explain "answers within 5% count", and came back refused while 5 is not in the article.
        assert report.skipped == []
        assert report.count == len(ws.questions(bundled_pack.id))
        numeric = next(q for q in ws.pack("sanaenomics-copy").questions if q.imported_from and q.kind == "numeric")
        assert "within 5%" in numeric.explanation and numeric.tolerance == pytest.approx(0.05)
        pack = ws.pack("sanaenomics-copy")
        assert len(pack.questions) == before + report.count
        imported = [q for q in pack.questions if q.imported_from]
        assert all(q.cites for q in imported)  # every quote is the pack's own: cited, with its outlet
        raw = tomllib.loads((ws.library.folder / "sanaenomics-copy" / "pack.toml").read_text(encoding="utf-8"))
        assert {t["id"] for t in raw["topics"]} == {t.id for t in bundled_pack.topics}  # topics matched by title


def test_the_bundled_packs_own_gift_export_is_already_in_a_copy_of_it_and_keeps_its_units(tmp_path, data_dir,
                                                                                           bundled_pack):
    """GIFT has no unit: a generated numeric prompt says it ("… Answer in trillions of US dollars."), and the
    export no longer adds a line under it. Every question of the export is still the one the copy asks, and a
    numeric question reworded into the copy comes in with the pack's unit, which a typed answer is read in."""
    copy = _bundled_copy(tmp_path)
    with Workspace(data_dir) as ws:
        ws.import_pack(copy)
        asked = ws.questions(bundled_pack.id)
        exported = export_questions(bundled_pack, asked, "gift", tmp_path / "all.gift")
        report = ws.import_questions("sanaenomics-copy", exported)
        assert report.count == 0 and report.skipped == [] and len(report.already) == len(asked)
        numeric = [q for q in asked if q.kind == "numeric" and q.unit]
        assert numeric
        exported = export_questions(bundled_pack, numeric, "gift", tmp_path / "numeric.gift")
        exported.write_text(exported.read_text(encoding="utf-8").replace("::[plain]", "::[plain]Reworded: "),
                            encoding="utf-8")
        report = ws.import_questions("sanaenomics-copy", exported)
        assert report.count == len(numeric)
        came = {q.prompt: q for q in ws.questions("sanaenomics-copy") if q.authored}
        for q in numeric:
            imported = came[f"Reworded: {q.prompt}"]
            assert imported.unit == q.unit  # "trillion USD", not "trillions of US dollars"
            typed = f"{q.answer} {q.unit.split()[0]}"  # "3.2 trillion": 3.2 in trillions of US dollars
            assert grade(imported, typed).correct
            # with the unit as the prompt spells it, the same answer was read as 3.2e12 trillion and marked wrong
            assert not grade(replace(imported, unit=unit_phrase(q.unit)), typed).correct


def test_more_refused_questions_than_validation_lists_are_each_listed_and_the_rest_come_in(library, tmp_path):
    """Validation names at most MAX_PROBLEMS problems and then "… and N more": that used to stop the import."""
    from content.limits import MAX_PROBLEMS

    bank = tmp_path / "many.gift"
    count = 2 * MAX_PROBLEMS + 60  # more refused than validation lists
    # the minimal pack's article has no 1: every question whose number is not 1 comes in, the others are listed
    # each question its own (the same question twice comes in once); letters, as numbers would be checked
    bank.write_text("\n".join(f"::Q{i}::Which tree, {'number 1' if i % 2 else 'the oak'} ({letter(i)})?"
                              "{=Oak ~Elm ~Ash}\n" for i in range(count)), encoding="utf-8")
    report = library.import_questions("minimal", bank)
    assert report.count == count // 2 and len(report.skipped) == count // 2
    assert {s.reason for s in report.skipped} == {"prompt: number(s) 1 do not occur in the source text"}
    assert sum(1 for q in library.questions("minimal") if q.prompt.startswith("Which tree, the oak")) == count // 2


def test_a_pack_whose_topics_are_an_inline_array_is_refused_in_words_and_left_as_it_was(data_dir, tmp_path):
    folder = tmp_path / "minimal"
    shutil.copytree(DATA / "minimal", folder)
    text = (folder / "pack.toml").read_text(encoding="utf-8")
    block = '[[topics]]\nid = "plan"\ntitle = "The plan"\n'
    assert block in text
    # a root-level inline array comes before the first table
    inline = 'topics = [{ id = "plan", title = "The plan" }]\n\n' + text.replace(block, "")
    (folder / "pack.toml").write_text(inline, encoding="utf-8")
    with Workspace(data_dir) as ws:
        ws.import_pack(folder)
        stored = ws.library.folder / "minimal" / "pack.toml"
        before = stored.read_bytes()
        with pytest.raises(QuestionImportError, match=r"'topics' is not an array of tables"):
            ws.import_questions("minimal", BANKS / "bank.csv")  # its questions need the new topic
        assert stored.read_bytes() == before


def test_a_number_in_an_imported_explanation_is_still_refused_unless_it_is_the_questions_tolerance(library, tmp_path):
    """The tolerance is the question's own number; any other number the article does not give is still refused."""
    bank = tmp_path / "bank.gift"
    bank.write_text("::Trees:: How many trees will the town plant by 2030? {#300:30 ####Answers within 10% count.}\n\n"
                    "::Made up:: How many trees will the town plant in all? {#300:30 ####It was 7 last year.}\n",
                    encoding="utf-8")
    report = library.import_questions("minimal", bank)
    assert [s.name for s in report.skipped] == ["Made up"]
    assert "7 do not occur in the source text" in report.skipped[0].reason


@pytest.mark.parametrize("fmt", ["gift", "moodle-xml", "csv", "anki"])
def test_the_packs_own_export_imported_into_it_adds_nothing_and_says_so(library, tmp_path, fmt):
    """File → Export quiz, then File → Import questions… of that file: every question was added a second time
    (ids ``-2``), and an exam then asked the same question twice."""
    before = _stored_toml(library)
    asked = library.questions("minimal")
    exported = export_questions(library.pack("minimal"), asked, fmt, tmp_path / f"quiz{FORMATS[fmt]}")
    report = library.import_questions("minimal", exported)
    assert report.count == 0 and report.skipped == []
    assert len(report.already) == len(asked)
    assert _stored_toml(library) == before
    assert len(library.questions("minimal")) == len(asked)
    text = str(report)
    assert text.startswith(f"Nothing new in quiz{FORMATS[fmt]} (")
    assert f"its {len(asked)} question(s) are already in pack 'minimal', so none were added." in text
    assert "Already in the pack (not added again):" in text


def test_a_file_with_some_new_questions_adds_only_those_and_lists_the_rest(library, tmp_path):
    library.import_questions("minimal", BANKS / "bank.gift")
    asked = [q for q in library.questions("minimal") if q.authored]
    bank = tmp_path / "again.gift"  # bank.gift's questions under another file name, options in another order
    text = (BANKS / "bank.gift").read_text(encoding="utf-8")
    bank.write_text(text + "\n::New one::Which tree is planted first?{=Oak ~Elm ~Ash}\n", encoding="utf-8")
    report = library.import_questions("minimal", bank)
    assert [prompt for _, prompt in report.added] == ["Which tree is planted first?"]
    assert len(report.already) == len(asked)
    assert "5 question(s) were already in the pack and were not added again." in str(report)
    prompts = [q.prompt for q in library.questions("minimal")]
    assert len(prompts) == len(set(prompts))


def test_the_same_question_twice_in_one_file_comes_in_once(library, tmp_path):
    bank = tmp_path / "twice.gift"
    bank.write_text("::A::Which tree is planted first?{=Oak ~Elm ~Ash}\n\n"
                    "::B::which tree is  planted first?{~Ash ~Elm =Oak}\n", encoding="utf-8")
    report = library.import_questions("minimal", bank)
    assert [ident for ident, _ in report.added] == ["a"]
    assert [name for name, _ in report.already] == ["B"]


def test_another_articles_questions_are_refused_even_where_their_numbers_are_in_this_article(library, tmp_path):
    """A Japan-economy bank went into a congestion-charge pack: 91 questions, one passing the number check only
    because the other article also had a £65 penalty."""
    bank = tmp_path / "elsewhere.gift"
    bank.write_text("::Penalty::What is the penalty for not paying?{#300####“The penalty is 300 pounds.” — Post}\n\n"
                    "::Chips::How many billion yen will Japan invest in chips by 2030?{#300}\n\n"
                    "::Quoted::How many trees?{#300####“plant 300 trees by 2030” — Widgets Weekly}\n", encoding="utf-8")
    report = library.import_questions("minimal", bank)
    assert [ident for ident, _ in report.added] == ["quoted"]  # its quote is the article's
    reasons = {s.name: s.reason for s in report.skipped}
    assert reasons["Penalty"] == ("it quotes “The penalty is 300 pounds.”, which is not in this pack's article: the "
                                  "question is about another article")
    assert reasons["Chips"] == ("this pack's article has 0 of its 4 key words (not: billion, japan, invest, chips): "
                                "the question seems to be about another article")
    after = _stored_toml(library)
    assert "penalty" not in after and "Japan" not in after and after.count("[[questions]]") == 1


def test_the_bundled_packs_export_is_refused_by_a_pack_on_another_article(library, tmp_path, bundled_pack):
    before = _stored_toml(library)
    asked = library.questions(bundled_pack.id)
    exported = export_questions(bundled_pack, asked, "gift", tmp_path / "sanaenomics.gift")
    report = library.import_questions("minimal", exported)
    assert report.count == 0 and len(report.skipped) == len(asked)
    assert all("about another article" in s.reason for s in report.skipped)
    assert _stored_toml(library) == before


def test_an_export_drawn_with_another_seed_is_still_nothing_new(tmp_path, data_dir, bundled_pack):
    """A generated question's wrong options depend on the export's seed; its text and key do not."""
    copy = _bundled_copy(tmp_path)
    with Workspace(data_dir) as ws:
        ws.import_pack(copy)
        path = tmp_path / "seed5.xml"
        count = ws.export_quiz("moodle-xml", path, "sanaenomics-copy", seed=5)
        report = ws.import_questions("sanaenomics-copy", path)
        # the ordering of milestones draws which milestones to order by the seed too: another set is another question
        assert report.skipped == [] and [ident for ident, _ in report.added] == ["order-milestones"]
        assert len(report.already) == count - 1
