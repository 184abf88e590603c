"""Every pack of the hostile corpus through ``check``, ``import`` (CLI and GUI) and a start-up.

The corpus (``tests/data/hostile_corpus/make_corpus.py``) is generated into a
sandbox under ``tmp_path`` at test time: symbolic links, FIFOs and 30-50 MB
files cannot be committed. Each run happens in a subprocess (a segmentation
fault or a hang must fail this test, not take pytest with it), bounded per
pack by ``faulthandler`` and overall by a timeout. For every pack and every
run the test requires: no traceback, no crash, no hang, the outcome the case
names (a clear refusal containing its phrase, or a briefing whose charts are
drawn with the unit shown as typed), and no file outside the data folders
created, changed or removed (the sandbox is listed before and after).

The start-up run plants every pack straight into the library folder,
bypassing import, as a library file broken later (or written by hand) would be.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import stat
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from tests_support import DATA, ROOT

CORPUS = DATA / "hostile_corpus"
PER_PACK_TIMEOUT = 60  # seconds; the slowest honest pack (every display limit at once) takes about 10
MEMORY_LIMIT = 4 << 30  # address space per run: a pack that makes the app read without end fails, not the machine


def _limit_memory() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def _load(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(f"hostile_{name}", CORPUS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


corpus = _load("make_corpus")


def listing(root: Path, skip: set[Path]) -> dict[str, tuple]:
    """Every path under ``root`` but ``skip``: type, size, mode, mtime and (small files) content hash."""
    found = {}
    for folder, dirs, files in os.walk(root, followlinks=False):
        here = Path(folder)
        dirs[:] = [d for d in dirs if here / d not in skip]
        for name in [*dirs, *files]:
            path = here / name
            info = os.lstat(path)
            digest = ""
            if stat.S_ISREG(info.st_mode) and info.st_size < (1 << 20):
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
            elif stat.S_ISLNK(info.st_mode):
                digest = os.readlink(path)
            found[str(path.relative_to(root))] = (stat.S_IFMT(info.st_mode), info.st_size, info.st_mode,
                                                  info.st_mtime_ns, digest)
        here_info = os.lstat(here)
        found[str(here.relative_to(root)) + "/"] = (here_info.st_mode, here_info.st_mtime_ns)
    return found


def run_driver(mode: str, cases: list[tuple[str, Path]], data: Path, env: dict[str, str],
               work: Path) -> tuple[dict[str, dict], list[str]]:
    """Results per case name, and every problem with the runs themselves (crashes, hangs, tracebacks)."""
    results: dict[str, dict] = {}
    trouble: list[str] = []
    remaining = list(cases)
    attempt = 0
    while remaining:
        attempt += 1
        job = work / f"{mode}-{attempt}.json"
        job.write_text(json.dumps({"data": str(data), "cases": [[n, str(f)] for n, f in remaining],
                                   "timeout": PER_PACK_TIMEOUT}), encoding="utf-8")
        try:
            proc = subprocess.run([sys.executable, str(CORPUS / "drive.py"), mode, str(job)], cwd=ROOT, env=env,
                                  capture_output=True, text=True, preexec_fn=_limit_memory,
                                  timeout=120 + PER_PACK_TIMEOUT * len(remaining))
            stdout, stderr, code = proc.stdout, proc.stderr, proc.returncode
        except subprocess.TimeoutExpired as exc:
            stdout = exc.stdout.decode() if isinstance(exc.stdout, bytes) else exc.stdout or ""
            stderr, code = "(killed after the overall timeout)", "timeout"
        running = None
        for line in stdout.splitlines():
            kind, _, payload = line.partition(" ")
            if kind == "START":
                running = payload
            elif kind == "RESULT":
                result = json.loads(payload)
                results[result["name"]] = result
                running = None
            elif kind == "STARTED":
                results["(start-up)"] = json.loads(payload)
        if "Traceback" in stderr:
            trouble.append(f"{mode}: a traceback on stderr (last pack started: {running}):\n{stderr[-3000:]}")
        done = "DONE" in stdout.split()
        if done and code == 0:
            break
        names = [n for n, _ in remaining]
        if running is None:
            trouble.append(f"{mode}: the run ended with {code} outside any pack:\n{stderr[-3000:]}")
            break
        what = "hung" if "Timeout" in stderr or code == "timeout" else f"crashed ({code})"
        trouble.append(f"{mode}: pack {running!r} {what}:\n{stderr[-2000:]}")
        remaining = remaining[names.index(running) + 1:]
    return results, trouble


def environment(sandbox: Path, data: Path, outside: Path) -> dict[str, str]:
    home = sandbox / "home"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "BRIEFING_"))}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / ".local" / "share"),
               XDG_CACHE_HOME=str(outside / "cache"), XDG_RUNTIME_DIR=str(outside / "runtime"),
               BRIEFING_DATA_DIR=str(data), QT_QPA_PLATFORM="offscreen", PYTHONFAULTHANDLER="1")
    (outside / "runtime").mkdir(parents=True, exist_ok=True, mode=0o700)
    return env


def judge(case: Any, mode: str, result: dict | None, library: Path | None = None) -> list[str]:
    """What is wrong with one pack's run in ``mode`` (empty: it behaved)."""
    name, want = case.name, case.outcome(mode)
    if result is None:
        return [f"{mode}: {name}: no result (see the crash or hang above)"]
    wrong = []
    if mode in ("check", "import"):
        if result["traceback"] or "Traceback" in result["stderr"]:
            return [f"{mode}: {name}: traceback\n{result['traceback'] or result['stderr']}"]
        text = result["stdout"] + result["stderr"]
        got = {0: "ok" if mode == "check" else "open", 1: "refuse"}.get(result["code"], f"exit {result['code']}")
        if got != want:
            wrong.append(f"{mode}: {name}: wanted {want}, got {got}: {text[-600:]}")
        elif got == "refuse" and case.phrase.lower() not in result["stderr"].lower():
            wrong.append(f"{mode}: {name}: refused without saying {case.phrase!r}: {result['stderr'][-600:]}")
        elif got == "open" and not (library / case.pack_id / "pack.toml").is_file():
            wrong.append(f"{mode}: {name}: reported imported but {library / case.pack_id} holds no pack")
        return wrong
    if mode == "gui" and not (result.get("done") and result.get("progress_closed")):
        wrong.append(f"gui: {name}: the import dialog did not close (done={result.get('done')})")
    got = result.get("outcome")
    if got != want:
        return [*wrong, f"{mode}: {name}: wanted {want}, got {got}: {json.dumps(result)[:800]}"]
    if got == "refuse":
        shown = " ".join(result["problems"])
        if case.phrase.lower() not in shown.lower():
            wrong.append(f"{mode}: {name}: refused without saying {case.phrase!r}: {shown[:600]}")
    else:
        if result["pack"] != case.pack_id or result["failed"]:
            wrong.append(f"{mode}: {name}: briefing of {result['pack']!r} (want {case.pack_id!r}), "
                         f"failed={result['failed']}")
        if not result["charts"]:
            wrong.append(f"{mode}: {name}: no chart drawn")
        for chart in result["charts"]:
            for state in chart["states"]:
                if state["bars"] != chart["expected_bars"] or not state["bars"]:
                    wrong.append(f"{mode}: {name}: {state['bars']} bars drawn of {chart['expected_bars']}")
                if "could not be drawn" in state["note"]:
                    wrong.append(f"{mode}: {name}: {state['note']}")
                if chart["axis_title"] not in state["axis"]:
                    wrong.append(f"{mode}: {name}: axis title shown as {state['axis']!r}, "
                                 f"not as typed: {chart['axis_title']!r}")
    return wrong


def test_corpus_has_every_kind_of_attack():
    names = [c.name for c in corpus.CASES]
    assert len(names) == len(set(names)) >= 100
    for prefix in ("id-", "record-id-", "source-", "toml-", "nesting-", "title-", "body-", "markup-", "amount-",
                   "year-", "tolerance-", "format-version-", "numeric-answer-", "too-many-"):
        assert any(n.startswith(prefix) for n in names), prefix
    assert {c.expect for c in corpus.CASES} == {"open", "refuse"}
    for case in corpus.CASES:  # packs that open are planted and imported under their own name
        assert case.outcome("planted") == "refuse" or case.pack_id == (case.plant_as or case.name), case.name


def test_every_hostile_pack_is_refused_clearly_or_opens_in_every_run(tmp_path):
    shared = tmp_path / "shared"
    targets = corpus.make_targets(shared)
    folders = corpus.generate(shared / "corpus", targets)
    planted_box = tmp_path / "planted"
    planted_targets = corpus.make_targets(planted_box)
    library = planted_targets.data / "packs"
    planted = {}
    for case in corpus.CASES:
        folder = library / (case.plant_as or case.name)
        case.build(folder, planted_targets)
        planted[case.name] = folder
    homes = {mode: shared / "home" / f"data-{mode}" for mode in ("check", "import", "gui")}
    homes["planted"] = planted_targets.data
    for home in homes.values():  # made before the listing: creating them is the app's right
        home.mkdir(parents=True, exist_ok=True)
    # `check` writes nothing anywhere, so its data folder is not skipped: it must not even be created.
    skips = {shared: {homes["import"], homes["gui"]}, planted_box: {homes["planted"]}}
    before = {box: listing(box, skip) for box, skip in skips.items()}

    jobs = {mode: ([(c.name, folders[c.name]) for c in corpus.CASES], homes[mode],
                   environment(shared, homes[mode], tmp_path / f"outside-{mode}")) for mode in ("check", "import",
                                                                                            "gui")}
    jobs["planted"] = ([(c.name, planted[c.name]) for c in corpus.CASES], homes["planted"],
                       environment(planted_box, homes["planted"], tmp_path / "outside-planted"))
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = {mode: pool.submit(run_driver, mode, cases, data, env, tmp_path)
                   for mode, (cases, data, env) in jobs.items()}
        runs = {mode: future.result() for mode, future in futures.items()}

    (tmp_path / "results.json").write_text(json.dumps({m: r for m, (r, _) in runs.items()}), encoding="utf-8")
    failures: list[str] = []
    for mode, (results, trouble) in runs.items():
        failures += trouble
        for case in corpus.CASES:
            failures += judge(case, mode, results.get(case.name), homes[mode] / "packs")
    for box, skip in skips.items():
        after = listing(box, skip)
        changed = sorted(p for p in before[box].keys() | after.keys() if before[box].get(p) != after.get(p))
        failures += [f"touched outside the data folder: {box.name}/{p}" for p in changed]
    assert not failures, f"{len(failures)} failure(s):\n" + "\n".join(failures)
