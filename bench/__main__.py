"""``python -m bench``: measure, then print a table of ratios against same-run floors.

Targets come from the benchmark issues; a row says whether this run met it.
Timings are medians of ``--runs`` repetitions (default 7), each value and its floor
measured alternately in the same process where the row says "vs".
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import probes, synthetic  # noqa: E402


@dataclass
class Row:
    name: str
    value: float
    floor: float | None
    unit: str
    target: str
    met: bool

    def cells(self) -> list[str]:
        ratio = f"{self.value / self.floor:.2f}×" if self.floor else "—"
        floor = f"{self.floor:.1f}" if self.floor is not None else "—"
        return [self.name, f"{self.value:.1f}", floor, ratio, self.unit, self.target, "yes" if self.met else "NO"]


def run_probe(code: str, env: dict[str, str] | None = None) -> dict:
    import json

    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=full_env,
                         cwd=ROOT, timeout=600, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def median_of(runs: int, fn: Callable[[], float]) -> float:
    return statistics.median(fn() for _ in range(runs))


def alternately(runs: int, ours: Callable[[], float], floor: Callable[[], float]) -> tuple[float, float]:
    """Medians of ``runs`` measurements of each, taken in turns so both see the same machine state."""
    values, bases = [], []
    for _ in range(runs):
        values.append(ours())
        bases.append(floor())
    return statistics.median(values), statistics.median(bases)


def bench_first_paint(runs: int, data: str) -> list[Row]:
    env = {"BENCH_DATA_DIR": data}
    run_probe(probes.APP_WINDOW, {**env, "BENCH_UNTIL": "opened"})  # create the stores, warm the OS caches once
    app, bare = alternately(runs, lambda: run_probe(probes.APP_WINDOW, env)["first_paint"] * 1000,
                            lambda: run_probe(probes.BARE_WINDOW)["first_paint"] * 1000)
    return [Row("first paint of main window (vs bare PySide6 window)", app, bare, "ms", "≤ 2.0× floor",
                app <= 2.0 * bare)]


def bench_rss(data: str) -> list[Row]:
    bare = run_probe(probes.BARE_WINDOW)["rss_kb"] / 1024
    app = run_probe(probes.APP_WINDOW, {"BENCH_DATA_DIR": data, "BENCH_UNTIL": "all"})["rss_kb"] / 1024
    return [Row("peak RSS after opening every view (vs bare window)", app, bare, "MB", "≤ 150 MB", app <= 150)]


def _library_with(data: Path, figures: int) -> Path:
    """A data folder whose library holds a synthetic pack of ``figures`` figures, imported once (the app
    shows the bundled pack: the setting says so)."""
    from app.workspace import Workspace

    data.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder, Workspace(data) as workspace:
        workspace.import_pack(synthetic.write_pack(Path(folder) / f"synthetic-{figures}", figures=figures))
    _show_bundled(data)
    return data


def _show_bundled(data: Path) -> None:
    run_probe(probes.APP_WINDOW, {"BENCH_DATA_DIR": str(data), "BENCH_UNTIL": "opened", "BENCH_PACK": "sanaenomics"})


def _opened_ms(data: Path) -> float:
    return run_probe(probes.APP_WINDOW, {"BENCH_DATA_DIR": str(data), "BENCH_UNTIL": "opened"})["opened"] * 1000


def bench_startup(runs: int, data: str) -> list[Row]:
    """Start-up (window shown, stores open, briefing built) with a 100,000-figure pack in the library but
    another pack on show, against start-up with only the bundled pack."""
    with tempfile.TemporaryDirectory() as folder:
        only_bundled = Path(folder) / "bundled"
        only_bundled.mkdir()
        _show_bundled(only_bundled)
        big = _library_with(Path(folder) / "big", 100_000)
        value, base = alternately(runs, lambda: _opened_ms(big), lambda: _opened_ms(only_bundled))
    return [Row("start-up with a 100,000-figure pack in the library, another shown (vs only the bundled pack)",
                value, base, "ms", "≤ 1.2× floor", value <= 1.2 * base)]


def bench_startup_curve(runs: int, data: str) -> list[Row]:
    """Start-up against the size of a pack in the library (not shown): it should not grow."""
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        only_bundled = Path(folder) / "bundled"
        only_bundled.mkdir()
        _show_bundled(only_bundled)
        for figures in (10, 100, 1_000, 10_000, 100_000):
            library = _library_with(Path(folder) / str(figures), figures)
            value, base = alternately(runs, lambda lib=library: _opened_ms(lib), lambda: _opened_ms(only_bundled))
            rows.append(Row(f"start-up, library pack of {figures:,} figures (vs only the bundled pack)", value, base,
                            "ms", "≤ 1.2× floor", value <= 1.2 * base))
    return rows


def bench_import(runs: int) -> list[Row]:
    from content.loader import load_pack
    from content.store import write_pack
    from db.content import open_content

    with tempfile.TemporaryDirectory() as folder:
        pack_dir = synthetic.write_pack(Path(folder) / "big", figures=10_000)

        def ours() -> float:
            db = open_content(None)
            start = time.perf_counter()
            write_pack(db, load_pack(pack_dir))
            return (time.perf_counter() - start) * 1000

        def floor() -> float:
            return synthetic.raw_executemany_ms(10_000)

        value, base = median_of(runs, ours), median_of(runs, floor)
    return [Row("import of a 10,000-figure pack (vs raw executemany)", value, base, "ms", "< 1000 ms", value < 1000)]


def bench_charts(runs: int, data: str) -> list[Row]:
    env = {"BENCH_DATA_DIR": data}
    run_probe(probes.CHARTS_APP, env)
    app, floor = alternately(runs, lambda: run_probe(probes.CHARTS_APP, env)["drawn"] * 1000,
                             lambda: run_probe(probes.CHARTS_FLOOR)["drawn"] * 1000)
    return [Row("briefing charts drawn, from start (vs bare window with one pyqtgraph bar plot)", app, floor, "ms",
                "≤ 1.2× floor", app <= 1.2 * floor)]


def bench_answer(runs: int, data: str) -> list[Row]:
    times = sorted(t for _ in range(max(1, runs // 2)) for t in run_probe(probes.ANSWER_FEEDBACK,
                                                                          {"BENCH_DATA_DIR": data})["ms"])
    p50 = times[len(times) // 2]
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    return [Row(f"answer → feedback shown, incl. durable write: p50 ({len(times)} answers)", p50, None, "ms",
                "—", True),
            Row("answer → feedback shown, incl. durable write: p95", p95, None, "ms", "< 16 ms", p95 < 16)]


def bench_dashboard(runs: int, data: str) -> list[Row]:
    from content.loader import bundled_packs, load_pack
    from db.learners import ensure_learner
    from db.progress import open_progress
    from quiz import stats
    from quiz.generate import generate

    pack = load_pack(bundled_packs()[0])
    questions = generate(pack, 0)
    with tempfile.TemporaryDirectory() as folder:
        db = open_progress(Path(folder) / "progress.db")
        learner = ensure_learner(db)
        synthetic.write_history(db, learner, pack.id, questions, answers=100_000, days=365)

        def ours() -> float:
            start = time.perf_counter()
            stats.dashboard(db, learner, pack, questions)
            return (time.perf_counter() - start) * 1000

        def floor() -> float:
            start = time.perf_counter()
            db.execute("SELECT date(answered_at, 'localtime'), count(*), sum(correct), sum(elapsed_ms) FROM answers "
                       "WHERE learner_id = ? GROUP BY 1", [learner]).fetchall()
            return (time.perf_counter() - start) * 1000

        value, base = median_of(runs, ours), median_of(runs, floor)
        db.close()
    return [Row("dashboard figures over 100,000 answers (vs one raw SQL aggregate)", value, base, "ms", "< 100 ms",
                value < 100)]


def bench_generate(runs: int) -> list[Row]:
    """Question generation for a 3,000-figure pack, against building as many question objects bare."""
    from content.loader import load_pack
    from quiz.generate import generate
    from quiz.questions import Kind, QuizQuestion

    with tempfile.TemporaryDirectory() as folder:
        pack = load_pack(synthetic.write_pack(Path(folder) / "big", figures=3_000))
    count = len(generate(pack, 0))

    def ours() -> float:
        start = time.perf_counter()
        generate(pack, 0)
        return (time.perf_counter() - start) * 1000

    def floor() -> float:  # the irreducible part: one immutable question object per question
        start = time.perf_counter()
        for n in range(count):
            QuizQuestion(id=f"q{n}", kind=Kind.CHOICE, prompt=f"How large is item {n}?", topic="all", answer="1",
                         quote="q", facts=(f"f{n}",), choices=("1", "2", "3", "4"))
        return (time.perf_counter() - start) * 1000

    values, bases = [], []
    for _ in range(runs):  # alternate, so both see the same machine state
        values.append(ours())
        bases.append(floor())
    value, base = statistics.median(values), statistics.median(bases)
    return [Row(f"generate {count:,} questions from a 3,000-figure pack (vs bare question objects)", value, base,
                "ms", "< 1000 ms", value < 1000)]


def bench_compose(runs: int) -> list[Row]:
    """A practice session of 20 composed from a 10,000-figure pack (one topic: the composer's worst case, every
    third question in a row would repeat it), against generating that pack's questions, which starting practice
    also does (cached after the first time)."""
    from content.loader import load_pack
    from quiz import plan
    from quiz.generate import generate

    with tempfile.TemporaryDirectory() as folder:
        pack = load_pack(synthetic.write_pack(Path(folder) / "big", figures=10_000))
    bank = generate(pack, 0)

    def timed(action: Callable[[], object]) -> float:
        start = time.perf_counter()
        action()
        return (time.perf_counter() - start) * 1000

    def compose() -> object:
        ranked, fixed = plan.practice_ranking(bank, [], [], "bench")
        return plan.compose(bank, length=20, ranked=ranked, fixed=fixed, seed="bench", cues=plan.PRACTICE)

    value, base = alternately(max(1, runs // 2), lambda: timed(compose), lambda: timed(lambda: generate(pack, 0)))
    return [Row(f"practice of 20 composed from a 10,000-figure pack ({len(bank):,} questions; vs generating them)",
                value, base, "ms", "≤ 1.0× floor", value <= base)]


def bench_live(runs: int) -> list[Row]:
    """A live session with 30 learners: answer to the trainer's screen, against a bare WebSocket round trip."""
    from bench import live

    p50, p95, floor, count = live.measure(runs)
    return [Row(f"live session, answer → presenter, 30 learners: p50 ({count} answers)", p50, None, "ms", "—", True),
            Row("live session, answer → presenter, 30 learners: p95 (vs WebSocket round trip p95, same 30 clients)",
                p95, floor, "ms", "< 100 ms", p95 < 100)]


BIG_PACK_FIGURES = 1_000
HISTORY_ANSWERS = 1_000_000


def _big_pack(data: str) -> Path:
    """A 1,000-figure pack in 100 sections (written once per run, beside the data folder)."""
    folder = Path(data).parent / f"{Path(data).name}-pack-{BIG_PACK_FIGURES}"
    if not (folder / "pack.toml").exists():
        synthetic.write_pack(folder, figures=BIG_PACK_FIGURES, sections=BIG_PACK_FIGURES // 10, pack_id="big")
    return folder


def _long_history(data: str) -> str:
    """A data folder whose learner has answered the bundled pack's questions 1,000,000 times."""
    folder = Path(data).parent / f"{Path(data).name}-history"
    if not (folder / "history-written").exists():
        from app.workspace import Workspace

        with Workspace(folder) as ws:
            synthetic.write_history(ws.progress, ws.learner_id, ws.pack().id, ws.questions(),
                                    answers=HISTORY_ANSWERS, days=365)
        (folder / "history-written").touch()
    return str(folder)


def _medians(result: dict, ours: str = "ours", floor: str = "floor") -> tuple[float, float]:
    return statistics.median(result[ours]), statistics.median(result[floor])


def bench_briefing(runs: int, data: str) -> list[Row]:
    env = {"BENCH_DATA_DIR": data, "BENCH_PACK": str(_big_pack(data)), "BENCH_PACK_ID": "big",
           "BENCH_RUNS": str(runs)}
    value, base = _medians(run_probe(probes.BRIEFING_FIRST_SCREEN, env))
    grown = run_probe(probes.BRIEFING_FIRST_SCREEN, {**env, "BENCH_RSS": "1"})
    return [Row(f"briefing of a {BIG_PACK_FIGURES:,}-figure pack, first screen (vs the bundled pack's)", value, base,
                "ms", "≤ 150 ms", value <= 150),
            Row(f"memory for that first screen ({grown['built']} of {grown['blocks']} blocks built)", grown["mb"],
                None, "MB", "≤ +50 MB", grown["mb"] <= 50)]


def bench_switches(runs: int, data: str) -> list[Row]:
    env = {"BENCH_DATA_DIR": data, "BENCH_PACK": str(_big_pack(data)), "BENCH_PACK_ID": "big",
           "BENCH_RUNS": str(runs)}
    result = run_probe(probes.UI_SWITCHES, env)
    theme_ms, palette = _medians(result, "theme", "palette")
    back, tab = _medians(result, "pack_back", "tab")
    first = statistics.median(result["pack_first"])
    again, quiz_tab = _medians(result, "progress_again", "quiz_tab")
    changed = statistics.median(result["progress_changed"])
    return [Row("theme switch (vs setting the palette alone)", theme_ms, palette, "ms", "≤ 60 ms", theme_ms <= 60),
            Row("pack switch back to a pack shown before (vs a tab switch)", back, tab, "ms", "≤ 50 ms", back <= 50),
            Row(f"pack switch to the {BIG_PACK_FIGURES:,}-figure pack, built afresh (vs a tab switch)", first, tab,
                "ms", "≤ 150 ms", first <= 150),
            Row("Progress tab shown again, nothing new (vs the Quiz tab shown)", again, quiz_tab, "ms", "≤ 16 ms",
                again <= 16),
            Row("Progress tab shown after a theme switch and two pack switches (vs the Quiz tab shown)", changed,
                quiz_tab, "ms", "—", True)]


def bench_progress_first(runs: int, data: str) -> list[Row]:
    env = {"BENCH_DATA_DIR": _long_history(data), "BENCH_RUNS": str(runs)}
    result = run_probe(probes.PROGRESS_FIRST, env)
    value, base = _medians(result)
    charts = statistics.median(result["charts"])
    return [Row(f"Progress tab first shown over {HISTORY_ANSWERS:,} answers (vs one raw SQL aggregate per day)",
                value, base, "ms", "≤ 150 ms", value <= 150),
            Row("… and its four charts drawn (from the same show)", charts, None, "ms", "—", True)]


def bench_answer_long(runs: int, data: str) -> list[Row]:
    """p95 of every answer over ``runs // 2`` app processes, and of as many floor processes run in turns with them
    (a bare window: one durable INSERT into a million-row table, three labels set, the frame painted)."""
    env = {"BENCH_DATA_DIR": _long_history(data)}
    ours: list[float] = []
    floor: list[float] = []
    for _ in range(max(1, runs // 2)):
        ours += run_probe(probes.ANSWER_FEEDBACK, env)["ms"]
        floor += run_probe(probes.ANSWER_FLOOR)["ms"]
    return [Row(f"answer → feedback shown over {HISTORY_ANSWERS:,} answers: p95 ({len(ours)} answers; vs a bare "
                "window's durable insert, three labels and paint)", _p95(ours), _p95(floor), "ms", "≤ 8 ms",
                _p95(ours) <= 8)]


def _p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


BENCHES: dict[str, Callable[[int, str], list[Row]]] = {
    "generate": lambda runs, data: bench_generate(runs),
    "compose": lambda runs, data: bench_compose(runs),
    "paint": lambda runs, data: bench_first_paint(runs, data),
    "startup": bench_startup,
    "charts": bench_charts,
    "answer": bench_answer,
    "dashboard": bench_dashboard,
    "import": lambda runs, data: bench_import(runs),
    "rss": lambda runs, data: bench_rss(data),
    "live": lambda runs, data: bench_live(runs),
    "startup-curve": bench_startup_curve,
    "briefing": bench_briefing,
    "switches": bench_switches,
    "progress": bench_progress_first,
    "answer-1m": bench_answer_long,
}


def compiled() -> None:
    """Bring every module's .pyc up to date first, as `make run` leaves an installed app.

    Without it a shell with PYTHONDONTWRITEBYTECODE set (or a tree changed since the
    install) times Python compiling our sources at every probe's start, which no user pays
    twice; the floors' PySide6, numpy and pyqtgraph were compiled when pip installed them.
    """
    import compileall

    for name in ("main.py", "app", "cli", "content", "db", "quiz", "ui", "bench"):
        path = ROOT / name
        if path.is_dir():
            compileall.compile_dir(path, quiet=1)
        else:
            compileall.compile_file(path, quiet=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--only", nargs="*", choices=sorted(BENCHES))
    args = parser.parse_args(argv)
    compiled()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as scratch:
        data = str(Path(scratch) / "data")
        for name, bench in BENCHES.items():
            if args.only and name not in args.only:
                continue
            print(f"… {name}", file=sys.stderr, flush=True)
            rows += bench(args.runs, data)
    header = ["measure", "value", "floor", "ratio", "unit", "target", "met"]
    table = [header, ["---"] * len(header), *(r.cells() for r in rows)]
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"medians of {args.runs} runs\n")
    for line in table:
        print("| " + " | ".join(line) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
