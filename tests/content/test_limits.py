"""The limits are documented, and honest packs far larger than any article fit inside them."""

from __future__ import annotations

from content import limits
from content.loader import load_pack
from tests_support import ROOT

DOC = (ROOT / "docs" / "pack-format.md").read_text(encoding="utf-8")
SECTION = DOC[DOC.index("## Sharing packs safely"):]


def _documented() -> dict[str, list[str]]:
    """Each limit → the phrases that state it in docs/pack-format.md's "Sharing packs safely"."""
    mib = limits.MIB
    return {
        "MAX_PACK_FILE_BYTES": [f"`pack.toml` may be at most {limits.MAX_PACK_FILE_BYTES // mib} MiB"],
        "MAX_SOURCE_FILE_BYTES": [f"the source text at most {limits.MAX_SOURCE_FILE_BYTES // mib} MiB"],
        "MAX_ID_CHARS": [f"| ids | {limits.MAX_ID_CHARS} characters |"],
        "MAX_SHORT_TEXT_CHARS": [f"| one-line text (each field) | {limits.MAX_SHORT_TEXT_CHARS:,} characters |"],
        "MAX_LONG_TEXT_CHARS": [f"| paragraph text (each field) | {limits.MAX_LONG_TEXT_CHARS:,} characters |"],
        "MAX_BRIEFING_TEXT_CHARS": [f"together | {limits.MAX_BRIEFING_TEXT_CHARS:,} characters |"],
        "MAX_NESTING": [f"| {limits.MAX_NESTING} levels"],
        "MAX_RECORDS": [f"list items included | {limits.MAX_RECORDS:,} |"],
        "MAX_ENTRIES": [f"| `{name}`{' (per table)' if name == 'tables.rows' else ''}"
                        f"{' (per list)' if name == 'lists.items' else ''}"
                        f"{' (per question)' if name.startswith('questions.') else ''} | {count:,} |"
                        for name, count in limits.MAX_ENTRIES.items()],
        "MAX_LIST_ITEMS": [f"a question's `facts`) | {limits.MAX_LIST_ITEMS} |"],
        "MAX_TABLE_COLUMNS": [f"| {limits.MAX_TABLE_COLUMNS} columns |"],
        "MAX_SECTION_FIGURES": [f"| {limits.MAX_SECTION_FIGURES:,} figure cards |"],
        "MIN_POSITIVE_AMOUNT": [f"between {limits.MIN_POSITIVE_AMOUNT:f}".rstrip("0")],
        "MAX_AMOUNT": [f"and {int(limits.MAX_AMOUNT):,} (10^15)", "of at most 10^15"],
        "MAX_TOLERANCE": [f"| `tolerance` | 0 to {limits.MAX_TOLERANCE:g} |"],
        "MIN_YEAR": [f"| {limits.MIN_YEAR} to {limits.MAX_YEAR} |"],
        "MAX_YEAR": [f"| {limits.MIN_YEAR} to {limits.MAX_YEAR} |"],
        "MAX_PROBLEMS": [f"| {limits.MAX_PROBLEMS} problems (then a count of the rest) |"],
        "MAX_CHART_BARS": [f"a chart draws the {limits.MAX_CHART_BARS} largest figures"],
        "MAX_SOURCE_LINES": [f"the sources list the first {limits.MAX_SOURCE_LINES}"],
        "ID_PATTERN": ["lower-case\nletters, digits and `-`, starting with a letter or digit, at most "
                       f"{limits.MAX_ID_CHARS}\ncharacters"],
        "SOURCE_NAME_PATTERN": ["letters, digits, `.`, `_` and `-`, at\n  most 100 characters"],
    }


def test_sharing_packs_safely_lists_every_limit():
    names = {name for name in vars(limits) if name.isupper() and name != "MIB"}
    documented = _documented()
    assert names == set(documented), "a limit without documentation (or a stale entry here)"
    missing = [phrase for phrases in documented.values() for phrase in phrases if phrase not in SECTION]
    assert not missing, missing
    assert limits.SOURCE_NAME_PATTERN.pattern.endswith("{0,99}")


def test_a_100000_figure_pack_fits_the_limits_and_checks(tmp_path):
    """bench/synthetic.py's large packs (start-up is benchmarked with one in the library) stay importable."""
    from bench.synthetic import write_pack

    folder = write_pack(tmp_path / "big", figures=100_000)
    assert (folder / "pack.toml").stat().st_size < limits.MAX_PACK_FILE_BYTES * 0.7
    assert (folder / "source.txt").stat().st_size < limits.MAX_SOURCE_FILE_BYTES * 0.3
    pack = load_pack(folder)
    assert len(pack.figures) == 100_000 == limits.MAX_ENTRIES["figures"]
    assert pack.figures[0].amount == 0, "item 0 is worth 0 units: an honest amount"
