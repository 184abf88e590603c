"""Every limit a shared briefing pack must stay within, in one place.

A pack is untrusted input: a stranger's folder. These limits keep a hostile or
careless pack from freezing, crashing or filling up the app, while leaving
room for honest packs far larger than any article needs (a generated pack with
100,000 figures, ``bench/synthetic.py``, stays well inside them). The
validator, the file reader and docs/pack-format.md ("Sharing packs safely")
all use these numbers; a test checks that the document lists each one.
"""

from __future__ import annotations

import re

MIB = 1024 * 1024

#: ``pack.toml`` and the source text are read only up to these sizes.
MAX_PACK_FILE_BYTES = 32 * MIB
MAX_SOURCE_FILE_BYTES = 16 * MIB

#: Ids: lower-case letters, digits and '-', starting with a letter or digit.
MAX_ID_CHARS = 64
ID_PATTERN = re.compile(rf"[a-z0-9][a-z0-9-]{{0,{MAX_ID_CHARS - 1}}}")  # always used with fullmatch()

#: ``source_file``: a plain file name in the pack folder (no folders, no leading dot).
SOURCE_NAME_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")

#: Titles, labels, names, units and the like: one line, shown in headings, menus and charts.
MAX_SHORT_TEXT_CHARS = 300
#: Bodies, quotes, definitions, prompts and the like: paragraphs.
MAX_LONG_TEXT_CHARS = 20_000

#: Text the briefing page lays out at once (section titles and bodies, tables, lists,
#: glossary, timeline, outlets, the pack's title and summary), all together. Quotes,
#: figures, facts and questions are shown one at a time and do not count.
MAX_BRIEFING_TEXT_CHARS = 300_000

#: Arrays and tables inside arrays and tables: the format itself needs five levels.
MAX_NESTING = 10

#: Entries of all collections together, nested table rows and list items included.
MAX_RECORDS = 200_000
#: Entries per collection. Collections the briefing draws one widget per entry
#: for are kept small enough to show at once; figures, facts and questions are
#: only drawn in charts (which show the largest few) or asked one at a time.
MAX_ENTRIES = {
    "outlets": 100,
    "topics": 200,
    "charts": 50,
    "quotes": 10_000,
    "sections": 200,
    "figures": 100_000,
    "tables": 20,
    "lists": 20,
    "terms": 300,
    "facts": 100_000,
    "milestones": 50,
    "questions": 100_000,
    "tables.rows": 50,  # per table
    "lists.items": 20,  # per list
    "questions.options": 20,  # per question
    "questions.statements": 50,  # per question
    "questions.pairs": 20,  # per question
}
#: Items of one list-valued field (a section's figures, a row's cells, choices, a question's facts).
MAX_LIST_ITEMS = 100
#: Columns of a comparison table.
MAX_TABLE_COLUMNS = 10
#: Figure cards shown with sections, all sections together.
MAX_SECTION_FIGURES = 300

#: Amounts are finite numbers: 0, or between these (before the unit's scale word).
MIN_POSITIVE_AMOUNT = 1e-6
MAX_AMOUNT = 1e15
#: A numeric question's tolerance is a fraction of the answer (0.05 = within 5 %).
MAX_TOLERANCE = 1.0
#: Years as written in articles (stored as integers, shown as written).
MIN_YEAR, MAX_YEAR = 1, 9999

#: Problems listed for one pack; the rest are counted (fix the first ones first).
MAX_PROBLEMS = 200

#: Bars drawn in one chart (the largest); the rest are counted under the chart.
MAX_CHART_BARS = 40
#: Figures listed under one outlet in the briefing's Sources; the rest are counted.
MAX_SOURCE_LINES = 20
