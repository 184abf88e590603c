"""Paper sizes, and which one a reader expects: US Letter in the United States and Canada, A4 elsewhere."""

from __future__ import annotations

import locale
import os

#: Page sizes in PostScript points (1/72 inch).
PAPERS: dict[str, tuple[float, float]] = {
    "a4": (595.2755905511812, 841.8897637795277),  # 210 × 297 mm
    "letter": (612.0, 792.0),  # 8.5 × 11 in
}
NAMES = {"a4": "A4", "letter": "US Letter"}
#: Territories (ISO 3166 codes) whose offices print on Letter, as the brief's users asked for.
LETTER_TERRITORIES = frozenset({"US", "CA"})


def paper_for(territory: str) -> str:
    """"letter" for a Letter territory ("US", "CA"), else "a4"."""
    return "letter" if territory.strip().upper() in LETTER_TERRITORIES else "a4"


def territory_of(locale_name: str | None) -> str:
    """"US" from "en_US.UTF-8", "en-US" or "en_US@euro"; "" when the name holds no territory."""
    if not locale_name:
        return ""
    name = locale_name.split(".")[0].split("@")[0].replace("-", "_")
    parts = name.split("_")
    return parts[1].upper() if len(parts) > 1 else ""


def default_paper() -> str:
    """The paper of this machine's locale (LC_PAPER, else LC_ALL/LANG): the command line's default."""
    for variable in ("LC_PAPER", "LC_ALL", "LANG"):
        territory = territory_of(os.environ.get(variable))
        if territory:
            return paper_for(territory)
    try:
        return paper_for(territory_of(locale.getlocale()[0]))
    except ValueError:
        return "a4"
