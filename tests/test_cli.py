"""The command line: check and export, run as a user would run them."""

from __future__ import annotations

import json
import subprocess
import sys

from tests_support import BUNDLED, ROOT


def _run(*args: str, env_dir) -> subprocess.CompletedProcess[str]:
    import os

    env = {**os.environ, "BRIEFING_DATA_DIR": str(env_dir)}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True,
                          text=True, env=env, timeout=60)


def test_check_bundled_pack_passes(data_dir):
    result = _run("check", str(BUNDLED), env_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert "OK" in result.stdout and "4 figures" in result.stdout


def test_check_broken_pack_lists_every_problem_and_writes_nothing(data_dir, pack_copy):
    pack = pack_copy()
    toml = pack / "pack.toml"
    text = toml.read_text(encoding="utf-8")
    text = text.replace('outlet = "bfm"', 'outlet = "missing-outlet"')
    text = text.replace("approximately $65 billion.\"", "approximately $65 billion, allegedly.\"")
    text = text.replace('id = "nhk"', 'id = "nikkei"')
    text = text.replace("amount = 140", 'amount = "140"')
    toml.write_text(text, encoding="utf-8")

    result = _run("check", str(pack), env_dir=data_dir)
    assert result.returncode == 1
    # Four edits, seven problems: the renamed outlet leaves NHK's figure dangling and
    # the edited quote was shared by a figure, a fact and a milestone.
    assert "7 problem(s)" in result.stderr
    assert "figures[1].outlet: refers to unknown id 'nhk'" in result.stderr
    for needle in ("unknown id 'missing-outlet'", "does not occur verbatim", "duplicate id 'nikkei'",
                   "expected a number"):
        assert needle in result.stderr
    assert not data_dir.exists() or not any(data_dir.iterdir())


def test_check_and_quiz_export_of_figures_that_share_label_source_and_year(data_dir, tmp_path):
    from pack_edits import twin_pack

    folder = twin_pack(tmp_path / "twins")  # two "Trees" of Widgets Weekly for 2030: 300 and 301
    checked = _run("check", str(folder), env_dir=data_dir)
    assert checked.returncode == 0, checked.stderr  # the pack still loads: a note, not a problem
    assert "OK" in checked.stdout
    # Said on the old code only as "OK": the author now learns which figures to tell apart.
    assert "'trees' (300 trees), 'trees-revised' (301 trees) share label 'Trees'" in checked.stdout
    assert "contradict" in checked.stdout
    assert _run("import", str(folder), env_dir=data_dir).returncode == 0
    out = tmp_path / "quiz.json"
    exported = _run("export", "--format", "quiz-json", "--pack", "minimal", "-o", str(out), env_dir=data_dir)
    assert exported.returncode == 0, exported.stderr
    (pack,) = json.loads(out.read_text(encoding="utf-8"))["packs"]
    keys: dict[str, set[str]] = {}
    for question in pack["questions"]:
        keys.setdefault(question["prompt"], set()).add(question["answer"])
    assert all(len(answers) == 1 for answers in keys.values()), keys  # "… as 301 trees" was keyed true and false


def test_export_json_holds_the_article_facts(data_dir, tmp_path):
    out = tmp_path / "out.json"
    result = _run("export", "--format", "json", "-o", str(out), env_dir=data_dir)
    assert result.returncode == 0, result.stderr
    (pack,) = json.loads(out.read_text(encoding="utf-8"))["packs"]
    assert [f["amount"] for f in pack["figures"]] == [2.3, 2.0, 65.0, 140.0]
    assert [r["label"] for r in pack["tables"][0]["rows"]] == [
        "Primary Goal", "Core Metric", "Sector Focus", "Strategic Driver"]
    assert len(pack["lists"][1]["items"]) == 4
    assert {t["term"] for t in pack["terms"]} >= {"METI", "The Diet", "Sanaenomics"}
    assert len(pack["sections"]) == 6 and len(pack["facts"]) >= 15 and pack["questions"]


def test_import_command(data_dir):
    from tests_support import DATA

    result = _run("import", str(DATA / "minimal"), env_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert "imported 'minimal'" in result.stdout
    again = _run("import", str(DATA / "minimal"), env_dir=data_dir)  # was said as if new (fails on the old code)
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("replaced 'minimal' in your library with this copy: ")
    assert again.stdout.rstrip().endswith("; progress on its questions is kept")
    broken = _run("import", str(DATA), env_dir=data_dir)  # a folder without pack.toml
    assert broken.returncode == 1 and "cannot read pack file" in broken.stderr


def test_import_questions_command_adds_a_gift_file_and_lists_what_did_not_come_in(data_dir):
    from tests_support import DATA

    assert _run("import", str(DATA / "minimal"), env_dir=data_dir).returncode == 0
    bank = str(DATA / "interchange" / "bank.gift")
    result = _run("import-questions", bank, "--pack", "minimal", env_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert "5 question(s) from bank.gift (GIFT) are in pack 'minimal'; 5 could not come in." in result.stdout
    assert "Why: an essay question: essays have no key the app can grade" in result.stdout
    exported = _run("export", "--format", "quiz-json", "--pack", "minimal", "-o", str(data_dir / "q.json"),
                    env_dir=data_dir)
    assert exported.returncode == 0, exported.stderr
    prompts = {q["prompt"] for p in json.loads((data_dir / "q.json").read_text(encoding="utf-8"))["packs"]
               for q in p["questions"]}
    assert "How many trees will the town plant by 2030?" in prompts
    unknown = _run("import-questions", bank, "--pack", "nope", env_dir=data_dir)
    assert unknown.returncode == 1 and "no pack with id 'nope' (packs: " in unknown.stderr
    bundled = _run("import-questions", bank, "--pack", "sanaenomics", env_dir=data_dir)
    assert bundled.returncode == 1 and "ships with the app" in bundled.stderr
    wrong = _run("import-questions", str(DATA / "minimal" / "pack.toml"), "--pack", "minimal", env_dir=data_dir)
    assert wrong.returncode == 1 and "reads questions from GIFT" in wrong.stderr
    again = _run("import-questions", bank, "--pack", "minimal", env_dir=data_dir)  # the same file: replaced
    assert again.returncode == 0 and "5 question(s) from bank.gift (GIFT) are in pack 'minimal'" in again.stdout
    quiz = data_dir / "minimal-quiz.gift"  # the pack's own export: nothing new (every question was added twice)
    assert _run("export", "--format", "gift", "--pack", "minimal", "-o", str(quiz), env_dir=data_dir).returncode == 0
    own = _run("import-questions", str(quiz), "--pack", "minimal", env_dir=data_dir)
    assert own.returncode == 0, own.stderr
    assert own.stdout.startswith("Nothing new in minimal-quiz.gift (GIFT): its ")
    assert "Already in the pack (not added again):" in own.stdout and "Added:" not in own.stdout


def test_quiz_export_lists_questions_with_keys_for_a_seed(data_dir, tmp_path):
    outputs = []
    for seed in ("A", "A", "B"):
        out = tmp_path / f"quiz-{len(outputs)}.json"
        result = _run("export", "--format", "quiz-json", "--seed", seed, "-o", str(out), env_dir=data_dir)
        assert result.returncode == 0, result.stderr
        outputs.append(json.loads(out.read_text(encoding="utf-8")))
    (pack,) = outputs[0]["packs"]
    assert len(pack["questions"]) >= 40
    numeric = next(q for q in pack["questions"] if q["id"] == "figure-number:ai-plan")
    assert numeric["answer"] == "65" and "approximately $65 billion" in numeric["quote"]
    assert outputs[0] == outputs[1] and outputs[0] != outputs[2]
    for question in pack["questions"]:  # what a reviewer needs to judge each item
        assert question["kind"] and question["explanation"] and question["facts"], question["id"]
        assert question["answer"] or question["answers"] or question["pairs"], question["id"]


def test_quiz_export_lists_a_new_learners_practice_plan(data_dir, tmp_path):
    out = tmp_path / "plan.json"
    result = _run("export", "--format", "quiz-json", "--plan", "practice", "-o", str(out), env_dir=data_dir)
    assert result.returncode == 0, result.stderr
    (pack,) = json.loads(out.read_text(encoding="utf-8"))["packs"]
    plan = pack["plan"]
    assert [q["position"] for q in plan] == list(range(1, 41))
    facts = [f for q in plan for f in q["facts"]]
    assert len(facts) == len(set(facts)), "a fact is asked twice in the first 40 practice questions"
    topics = [q["topic"] for q in plan]
    assert all(len(set(topics[i:i + 3])) > 1 for i in range(len(topics) - 2)), "a topic three times in a row"
    for number in (1, 2):
        session = [q for q in plan if q["session"] == number and q["kind"] == "truefalse"]
        trues = sum(q["answer"] == "true" for q in session)
        assert 0.4 <= trues / len(session) <= 0.6, (number, trues, len(session))


def test_export_pdf_headless_writes_an_a4_handout(data_dir, tmp_path):
    from pypdf import PdfReader

    out = tmp_path / "brief.pdf"
    result = _run("export", "--format", "pdf", "-o", str(out), env_dir=data_dir)
    assert result.returncode == 0, result.stderr
    reader = PdfReader(str(out))
    assert len(reader.pages) >= 2
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "~$2.3 trillion" in text and "~$65 billion" in text and "Nikkei" in text and "BFM" in text


def _seed_history(data_dir, answers: int = 40) -> None:
    from app.workspace import Workspace
    from bench.synthetic import write_history
    from content.loader import load_pack
    from db.learners import ensure_learner
    from quiz.generate import generate

    ws = Workspace(data_dir)
    pack = load_pack(BUNDLED)
    write_history(ws.progress, ensure_learner(ws.progress, "Aiko"), pack.id, generate(pack, 0), answers=answers,
                  days=10)
    ws.close()


def test_stats_prints_the_dashboard_figures_as_json_and_text(data_dir):
    _seed_history(data_dir)
    result = _run("stats", "--learner", "Aiko", "--json", env_dir=data_dir)
    assert result.returncode == 0, result.stderr
    (board,) = json.loads(result.stdout)
    assert board["learner"] == "Aiko" and board["answers"] == 40
    assert sum(d["answers"] for d in board["days"]) == 40
    assert len(board["due"]) == 14 and len(board["topics"]) == 6
    text = _run("stats", env_dir=data_dir)
    assert "Aiko — sanaenomics" in text.stdout and "answers: 40" in text.stdout
    assert "Me — sanaenomics" in text.stdout, "without --learner every learner is listed"
    unknown = _run("stats", "--learner", "Nobody", env_dir=data_dir)
    assert unknown.returncode != 0 and "no learner called 'Nobody'" in unknown.stderr


def test_progress_exports_one_row_per_answer_and_the_whole_history(data_dir, tmp_path):
    import csv

    _seed_history(data_dir, answers=25)
    out = tmp_path / "answers.csv"
    assert _run("export", "--format", "progress-csv", "-o", str(out), env_dir=data_dir).returncode == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == 25 and {r["learner"] for r in rows} == {"Aiko"}
    assert rows[0]["answered_at"] <= rows[-1]["answered_at"]
    history = tmp_path / "aiko.json"
    result = _run("export", "--format", "progress-json", "--learner", "Aiko", "-o", str(history), env_dir=data_dir)
    assert result.returncode == 0, result.stderr
    data = json.loads(history.read_text(encoding="utf-8"))
    assert data["learner"]["name"] == "Aiko" and len(data["answers"]) == 25 and data["cards"]


def test_quiz_exports_for_other_tools(data_dir, tmp_path):
    """Every kind of question reaches every file (tests/quiz/test_interchange.py reads them in depth)."""
    import csv
    import xml.etree.ElementTree as ET
    import zipfile
    from collections import Counter

    from moodle_gift import read_gift

    from quiz.questions import Kind

    for fmt, name in (("anki", "q.apkg"), ("moodle-xml", "q.xml"), ("gift", "q.gift"), ("csv", "q.csv")):
        out = tmp_path / name
        result = _run("export", "--format", fmt, "-o", str(out), env_dir=data_dir)
        assert result.returncode == 0, result.stderr
        assert "questions from sanaenomics" in result.stdout and out.stat().st_size > 1000
    assert "collection.anki2" in zipfile.ZipFile(tmp_path / "q.apkg").namelist()
    with (tmp_path / "q.csv").open(encoding="utf-8", newline="") as handle:
        kinds = Counter(row["kind"] for row in csv.DictReader(handle))
    assert set(kinds) == set(Kind)
    types = Counter(q.get("type") for q in ET.parse(tmp_path / "q.xml").getroot().iter("question"))
    assert types["ordering"] == kinds["order"] and types["truefalse"] == kinds["truefalse"]
    assert types["multichoice"] == kinds["choice"] + kinds["scenario"] + kinds["multi"]
    assert types["matching"] == kinds["matching"] + kinds["classify"]
    gift = Counter(q.qtype for q in read_gift((tmp_path / "q.gift").read_text(encoding="utf-8")))
    assert gift["match"] == kinds["matching"] + kinds["classify"] + kinds["order"]  # ordering as positions
    assert sum(gift.values()) == sum(kinds.values())


def test_trainer_report_merges_three_learners_into_pdf_and_csv(data_dir, tmp_path):
    import csv as csv_module

    from pypdf import PdfReader

    from content.loader import load_pack
    from db.learners import ensure_learner
    from db.progress import open_progress
    from quiz.answers import record_answer
    from quiz.generate import generate

    questions = [q.id for q in generate(load_pack(BUNDLED), 0)][:3]
    files = []
    for name, rights in (("Ana", (1, 1, 1)), ("Ben", (1, 0, 0)), ("Cy", (0, 0, 1))):
        db = open_progress(tmp_path / f"{name}.db")
        learner = ensure_learner(db, name)
        for qid, ok in zip(questions, rights, strict=True):
            record_answer(db, learner_id=learner, pack_id="sanaenomics", question_id=qid, response=None,
                          correct=bool(ok), score=ok, elapsed_ms=1, mode="exam", session_id="s")
        db.close()
        files.append(str(tmp_path / f"{name}.db"))
    pdf, table = tmp_path / "report.pdf", tmp_path / "report.csv"
    result = _run("report", *files, "-o", str(pdf), "--csv", str(table), env_dir=data_dir)
    assert result.returncode == 0, result.stderr
    rows = [r for r in csv_module.DictReader(table.open(encoding="utf-8")) if r["kind"] == "question"]
    # facility by hand: q1 2/3 (Ana, Ben), q2 1/3 (Ana), q3 2/3 (Ana, Cy)
    assert {r["id"]: round(float(r["facility_or_score"]), 4) for r in rows} == {
        questions[0]: 0.6667, questions[1]: 0.3333, questions[2]: 0.6667}
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(str(pdf)).pages)
    assert "Trainer report" in text and "Ana" in text and "Cy" in text and "33%" in text


def _plant_minimal(data_dir, name: str, *edits: tuple[str, str]):
    """The minimal pack (no source text) put straight into the library as ``name``, edited."""
    import shutil

    from tests_support import DATA

    folder = data_dir / "packs" / name
    shutil.copytree(DATA / "minimal", folder)
    (folder / "source.txt").unlink()
    toml = folder / "pack.toml"
    text = toml.read_text(encoding="utf-8").replace('source_file = "source.txt"\n', "")
    for old, new in (('id = "minimal"', f'id = "{name}"'), *edits):
        text = text.replace(old, new)
    toml.write_text(text, encoding="utf-8")
    return folder


def test_import_refuses_an_id_that_is_a_path_and_touches_nothing(data_dir, tmp_path, pack_copy):
    from tests_support import DATA

    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "precious.txt").write_text("keep me", encoding="utf-8")
    pack = pack_copy(DATA / "minimal")
    toml = pack / "pack.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('id = "minimal"', f'id = "/../../../../..{victim}"'),
                    encoding="utf-8")
    result = _run("import", str(pack), env_dir=data_dir)
    assert result.returncode == 1 and "imported" not in result.stdout  # used to say "imported" and replace it
    assert "pack.id: id '/../../../../.." in result.stderr and "must be lower-case letters" in result.stderr
    assert sorted(p.name for p in victim.iterdir()) == ["precious.txt"]
    assert (victim / "precious.txt").read_text(encoding="utf-8") == "keep me"


def test_stats_survive_a_pack_with_nan_put_in_the_library(data_dir):
    _plant_minimal(data_dir, "not-a-number", ("amount = 300", "amount = nan"))
    result = _run("stats", env_dir=data_dir)  # nan used to be stored as NULL: TypeError here
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-2000:]
    assert "Me — sanaenomics" in result.stdout and "not-a-number" not in result.stdout


def test_pdf_export_of_a_pack_with_an_amount_of_zero(data_dir, tmp_path):
    from pypdf import PdfReader

    _plant_minimal(data_dir, "zero", ("amount = 300", "amount = 0"))
    out = tmp_path / "zero.pdf"
    result = _run("export", "--format", "pdf", "--pack", "zero", "-o", str(out), env_dir=data_dir)
    assert result.returncode == 0, result.stderr[-2000:]  # used to crash drawing the chart
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(str(out)).pages)
    assert "0 trees — Trees to plant" in text


def test_handouts_headless_in_every_format_named_after_the_pack_and_day(data_dir, tmp_path):
    from datetime import date

    import docx
    from pypdf import PdfReader

    today = date.today().isoformat()
    result = _run("export", "--format", "pdf", "--paper", "letter", "-o", str(tmp_path), env_dir=data_dir)
    assert result.returncode == 0, result.stderr[-2000:]
    briefing = tmp_path / f"sanaenomics-briefing-{today}.pdf"
    reader = PdfReader(str(briefing))
    assert all((round(float(p.mediabox.width)), round(float(p.mediabox.height))) == (612, 792) for p in reader.pages)
    assert [o.title for o in reader.outline if not isinstance(o, list)][-1] == "Sources"
    assert str(briefing) in result.stdout and "letter" in result.stdout

    brief = tmp_path / "brief.pdf"
    result = _run("export", "--format", "brief", "--paper", "a4", "-o", str(brief), env_dir=data_dir)
    assert result.returncode == 0, result.stderr[-2000:]
    assert len(PdfReader(str(brief)).pages) == 1

    for fmt, name in (("docx", "b.docx"), ("markdown", "b.md")):
        result = _run("export", "--format", fmt, "-o", str(tmp_path / name), env_dir=data_dir)
        assert result.returncode == 0, result.stderr[-2000:]
    assert "Sources" in [p.text for p in docx.Document(str(tmp_path / "b.docx")).paragraphs]
    assert "\\~$2.3 trillion" in (tmp_path / "b.md").read_text(encoding="utf-8")
    result = _run("export", "--format", "brief", "-o", str(tmp_path / "brief.md"), env_dir=data_dir)
    assert result.returncode == 0 and (tmp_path / "brief.md").read_text(encoding="utf-8").startswith("# ")


def test_quiz_sheet_headless_writes_sheet_and_key_and_prints_the_code(data_dir, tmp_path):
    import re

    from pypdf import PdfReader

    sheet = tmp_path / "sheet.pdf"
    result = _run("export", "--format", "quiz-sheet", "--count", "12", "--topics", "investment,vision",
                  "-o", str(sheet), env_dir=data_dir)
    assert result.returncode == 0, result.stderr[-2000:]
    code = re.search(r"exam code: (\S+)", result.stdout).group(1)
    for path in (sheet, tmp_path / "sheet-key.pdf"):
        assert code in PdfReader(str(path)).pages[0].extract_text()
    again = tmp_path / "again.pdf"
    result = _run("export", "--format", "quiz-sheet", "--seed", code, "--topics", "investment,vision",
                  "-o", str(again), env_dir=data_dir)
    assert result.returncode == 0, result.stderr[-2000:]
    assert [p.extract_text() for p in PdfReader(str(again)).pages] == \
        [p.extract_text() for p in PdfReader(str(sheet)).pages], "the same code prints the same sheet again"
    result = _run("export", "--format", "quiz-sheet", "--topics", "nope", "-o", str(tmp_path / "x.pdf"),
                  env_dir=data_dir)
    assert result.returncode == 1 and "No topic nope" in result.stderr and not (tmp_path / "x.pdf").exists()


def test_quiz_sheet_says_when_count_is_not_used_and_when_the_pack_gives_fewer(data_dir, tmp_path):
    """A tester's made-up code gave 5 questions with ``--count 63`` and no word; ``--count 63`` alone gave fewer
    than 63, silently."""
    import re

    result = _run("export", "--format", "quiz-sheet", "--count", "63", "-o", str(tmp_path / "all.pdf"),
                  env_dir=data_dir)
    assert result.returncode == 0, result.stderr[-2000:]
    given = int(re.search(r"\((\d+) questions from", result.stdout).group(1))
    assert given < 63 and f"note: {given} of the 63 questions asked for: all this pack can ask" in result.stdout
    code = re.search(r"exam code: (\S+)", result.stdout).group(1)
    result = _run("export", "--format", "quiz-sheet", "--seed", code, "--count", "5", "-o", str(tmp_path / "b.pdf"),
                  env_dir=data_dir)
    assert result.returncode == 0, result.stderr[-2000:]
    assert f"note: exam code {code} asks for 63 questions (a code carries its own count): --count 5 was not used" \
        in result.stdout


def test_exporting_into_a_folder_that_does_not_exist_says_so_and_fails(data_dir, tmp_path):
    """``-o gone/quiz.gift`` printed Python's "[Errno 2] No such file or directory: …" (fails on the old code).
    It now names the missing folder, exits 1 and creates nothing: a typo in a folder name must not scatter files."""
    gone = tmp_path / "gone"
    for fmt in ("gift", "json", "progress-csv", "pdf"):
        result = _run("export", "--format", fmt, "-o", str(gone / "out.x"), env_dir=data_dir)
        assert result.returncode == 1, (fmt, result.stderr)
        assert result.stderr.strip() == (f"error: Cannot write {gone / 'out.x'}: the folder {gone} does not exist. "
                                         "Choose a folder that exists, or create it first."), fmt
        assert "Errno" not in result.stderr and "Traceback" not in result.stderr
    a_file = tmp_path / "a-file"
    a_file.write_text("x", encoding="utf-8")
    result = _run("export", "--format", "anki", "-o", str(a_file / "q.apkg"), env_dir=data_dir)
    assert result.returncode == 1 and f"{a_file} is a file, not a folder" in result.stderr
    result = _run("report", str(a_file), "-o", str(gone / "report.pdf"), env_dir=data_dir)
    assert result.returncode == 1 and f"the folder {gone} does not exist" in result.stderr
    assert not gone.exists()


def test_counts_of_learners_and_answers_read_as_english_and_the_report_names_its_pack(data_dir, tmp_path):
    """"(1 learners)" and "(1 answers)" were printed; the report's --pack default was called "the bundled
    briefing", though it is the library's first pack by title, and the report did not say which pack it
    covered (fails on the old code)."""
    from content.loader import load_pack
    from db.learners import ensure_learner
    from db.progress import open_progress
    from quiz.answers import record_answer
    from quiz.generate import generate

    question = generate(load_pack(BUNDLED), 0)[0].id
    db = open_progress(tmp_path / "ana.db")
    record_answer(db, learner_id=ensure_learner(db, "Ana"), pack_id="sanaenomics", question_id=question,
                  response=None, correct=True, score=1, elapsed_ms=1, mode="exam", session_id="s")
    db.close()
    result = _run("report", str(tmp_path / "ana.db"), "-o", str(tmp_path / "report.csv"), env_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert "1 learner on pack 'sanaenomics': From Abenomics to Sanaenomics" in result.stdout
    assert "1 learners" not in result.stdout
    result = _run("export", "--format", "progress-json", "-o", str(tmp_path / "p.json"), env_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"wrote {tmp_path / 'p.json'} (0 answers)"
    helped = _run("report", "--help", env_dir=data_dir)
    assert "bundled briefing" not in helped.stdout and "first pack in your library" in " ".join(helped.stdout.split())


def test_a_quiz_export_counts_and_names_the_questions_it_leaves_out(data_dir, tmp_path):
    """Suspended questions are the only ones an export leaves out: the line says how many of how many, and which
    (it said "2 suspended by Me left out", naming none)."""
    from app.workspace import Workspace

    with Workspace(data_dir) as ws:
        ids = [q.id for q in ws.questions()]
        for qid in ids[:2]:
            ws.mark_question(qid, suspended=True)
    result = _run("export", "--format", "anki", "-o", str(tmp_path / "q.apkg"), env_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (f"wrote {tmp_path / 'q.apkg'} ({len(ids) - 2} of {len(ids)} questions from "
                                     f"sanaenomics; 2 left out, suspended by Me: {', '.join(sorted(ids[:2]))})")
