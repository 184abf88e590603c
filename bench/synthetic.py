"""Synthetic inputs for benchmarks and stress tests: large packs and long answer logs."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path


def write_pack(folder: Path, *, figures: int) -> Path:
    """A valid pack with ``figures`` figures, each quoted from a generated source text."""
    folder.mkdir(parents=True, exist_ok=True)
    sentences = [f"Outlet reports item {i} worth {i} units." for i in range(figures)]
    (folder / "source.txt").write_text("\n".join(sentences), encoding="utf-8")
    parts = [
        '[pack]\nid = "synthetic"\ntitle = "Synthetic"\nlanguage = "en"\nformat_version = 1\n'
        'source_title = "Synthetic"\nsource_file = "source.txt"\n',
        '[[outlets]]\nid = "outlet"\nname = "Outlet"\n',
        '[[topics]]\nid = "all"\ntitle = "All"\n',
        '[[sections]]\nid = "intro"\ntitle = "Intro"\ntopic = "all"\nbody = "Items."\n',
    ]
    for i in range(figures):
        parts.append(
            f'[[figures]]\nid = "f{i}"\nlabel = "Item {i}"\namount = {i}\nunit = "units"\napproximate = false\n'
            f'outlet = "outlet"\nchart_group = "g{i % 10}"\ntopic = "all"\nquote = "{sentences[i]}"\n'
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
