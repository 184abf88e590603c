"""Showing pack text safely.

Qt treats any string that *looks* like HTML as rich text in tooltips and
"auto" labels. Pack text is data, so tooltips are built here: escaped, then
explicitly marked rich so line breaks survive and nothing is interpreted.
"""

from __future__ import annotations

import html


def tooltip(text: str) -> str:
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"
