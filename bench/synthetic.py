"""Synthetic inputs for benchmarks and stress tests: large packs and long answer logs."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from content.limits import MAX_SECTION_FIGURES


def write_pack(folder: Path, *, figures: int, sections: int = 0, pack_id: str = "synthetic") -> Path:
    """A valid pack with ``figures`` figures, each quoted from a generated source text.

    ``sections``: the figures are spread over that many sections, each with its own chart
    group and up to three figure cards (within the pack limit on cards), as a long
    briefing would be; without, one section and ten chart groups.
    """
    folder.mkdir(parents=True, exist_ok=True)
    sentences = [f"Outlet reports item {i} worth {i} units." for i in range(figures)]
    (folder / "source.txt").write_text("\n".join(sentences), encoding="utf-8")
    parts = [
        f'[pack]\nid = "{pack_id}"\ntitle = "Synthetic"\nlanguage = "en"\nformat_version = 1\n'
        'source_title = "Synthetic"\nsource_file = "source.txt"\n',
        '[[outlets]]\nid = "outlet"\nname = "Outlet"\n',
        '[[topics]]\nid = "all"\ntitle = "All"\n',
    ]
    if not sections:
        parts.append('[[sections]]\nid = "intro"\ntitle = "Intro"\ntopic = "all"\nbody = "Items."\n')
    per = -(-figures // sections) if sections else 0
    cards = min(3, MAX_SECTION_FIGURES // sections) if sections else 0
    for n in range(sections):
        listed = ", ".join(f'"f{i}"' for i in range(n * per, min(figures, n * per + per))[:cards])
        parts.append(f'[[sections]]\nid = "s{n}"\ntitle = "Section {n}"\ntopic = "all"\nfigures = [{listed}]\n'
                     f'body = """Items {n * per} to {n * per + per - 1}.\n\nWhat they are worth."""\n')
    for i in range(figures):
        group = f"g{i // per}" if sections else f"g{i % 10}"
        parts.append(
            f'[[figures]]\nid = "f{i}"\nlabel = "Item {i}"\namount = {i}\nunit = "units"\napproximate = false\n'
            f'outlet = "outlet"\nchart_group = "{group}"\ntopic = "all"\nquote = "{sentences[i]}"\n'
        )
    (folder / "pack.toml").write_text("\n".join(parts), encoding="utf-8")
    return folder


def raw_executemany_ms(figures: int) -> float:
    """Floor: inserting equivalent rows with one ``executemany`` in one transaction."""
    conn = sqlite3.connect(":memory:")
    conn.execute(
        "CREATE TABLE figures (pack_id TEXT, id TEXT, position INT, label TEXT, amount REAL, unit TEXT, "
        "approximate INT, year INT, outlet TEXT, quote TEXT, chart_group TEXT, topic TEXT, PRIMARY KEY(pack_id, id))"
    )
    rows = [("synthetic", f"f{i}", i, f"Item {i}", float(i), "units", 0, None, "outlet",
             f"Outlet reports item {i} worth {i} units.", f"g{i % 10}", "all") for i in range(figures)]
    start = time.perf_counter()
    with conn:
        conn.executemany("INSERT INTO figures VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    elapsed = (time.perf_counter() - start) * 1000
    conn.close()
    return elapsed


def write_history(db, learner_id: int, pack_id: str, questions, *, answers: int = 500, days: int = 30,
                  seed: int = 1, now=None) -> None:
    """A realistic answer log: sessions on most days, a learner who improves over ``days``.

    Rows go in one transaction (a benchmark of 100,000 answers must not fsync each), then
    the FSRS cards are rebuilt from the log exactly as the app would have built them.
    """
    import random
    from datetime import UTC, datetime, timedelta

    from quiz import scheduler

    rng = random.Random(seed)
    now = now or datetime.now(UTC)
    start = now - timedelta(days=days - 1)
    study_days = sorted(rng.sample(range(days), max(1, int(days * 0.8))))
    per_day = answers // len(study_days)
    ease = {q.id: rng.uniform(-0.25, 0.2) for q in questions}
    rows = []
    for index, offset in enumerate(study_days):
        count = per_day + (answers - per_day * len(study_days) if index == len(study_days) - 1 else 0)
        moment = (start + timedelta(days=offset)).replace(hour=rng.randint(7, 20), minute=rng.randint(0, 59))
        skill = 0.45 + 0.4 * offset / max(1, days - 1)
        for _ in range(count):
            question = rng.choice(questions)
            correct = rng.random() < min(0.97, max(0.05, skill + ease[question.id]))
            elapsed = int(rng.lognormvariate(9.0, 0.5))  # ~8 s median
            moment = min(moment + timedelta(seconds=elapsed / 1000 + rng.randint(2, 20)), now)
            rows.append({
                "learner_id": learner_id, "pack_id": pack_id, "question_id": question.id, "response": "null",
                "correct": int(correct), "score": float(correct), "elapsed_ms": elapsed, "mode": "practice",
                "session_id": f"synthetic-{offset}", "answered_at": moment.isoformat(timespec="microseconds"),
                "rating": scheduler.rating_for(correct, elapsed, question.kind),
            })
    from db.stats import rebuild_totals

    with db.atomic():
        db["answers"].insert_all(rows, batch_size=5000)
        rebuild_totals(db)  # as each answer's transaction would have kept them
    scheduler.rebuild(db, learner_id)
