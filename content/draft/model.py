"""What a draft holds: items a person accepts, edits or drops before the pack is written.

An item is one record of the future pack (a figure, a term, a milestone, a
section) or one source field (the title, the publisher…). Its ``fields`` are
the record's fields as the pack format names them, so the writer and the
review form treat every kind alike; ``todo`` names the fields only a person
can write (the draft never makes them up), and an item with any is left out
of the pack until they are written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from content.draft.article import Article

#: Item kinds in the order the review form lists them, with the pack collection each is written to.
KINDS = {"source": "pack", "section": "sections", "figure": "figures", "term": "terms", "milestone": "milestones"}
#: Source fields a pack must have: they cannot be dropped.
REQUIRED_SOURCE = ("title", "source_title")


@dataclass
class DraftItem:
    kind: str  # one of KINDS
    id: str  # the record's id (for a source field: the field's name)
    fields: dict[str, Any]
    accepted: bool = True
    todo: list[str] = field(default_factory=list)  # fields a person must still write
    note: str = ""  # how the draft found it, or what to check
    section: str = ""  # the draft section it was found in (its topic in the pack)

    @property
    def title(self) -> str:
        """One line naming the item in the review list."""
        if self.kind == "source":
            return f"{self.id}: {self.fields.get(self.id, '')}"
        if self.kind == "figure":
            label = self.fields.get("label")
            written = " ".join(str(self.fields.get(k, "")) for k in ("bound", "amount", "unit")).split()
            return " ".join(written).replace("exact ", "") + (f" — {label}" if label else "")
        for name in ("title", "term", "label"):
            if name in self.fields:
                when = f" ({self.fields['when']})" if "when" in self.fields else ""
                return f"{self.fields[name]}{when}"
        return self.id

    @property
    def ready(self) -> bool:
        """Everything a person must write has been written."""
        return not any(not str(self.fields.get(name) or "").strip() for name in self.todo)


@dataclass
class Draft:
    """An article and the items drafted from it; ``pack_id`` names the pack and its folder."""

    article: Article
    pack_id: str
    items: list[DraftItem]
    source_file: str = "source.txt"

    def of_kind(self, kind: str) -> list[DraftItem]:
        return [item for item in self.items if item.kind == kind]

    def included(self, kind: str) -> list[DraftItem]:
        """Items of ``kind`` written into the pack: accepted and with nothing left to write."""
        return [item for item in self.items if item.kind == kind and item.accepted and item.ready]

    def source_value(self, name: str) -> str:
        for item in self.of_kind("source"):
            if item.id == name and (item.accepted or name in REQUIRED_SOURCE):
                return str(item.fields.get(name) or "")
        return ""

    def counts(self) -> dict[str, int]:
        return {kind: len(self.of_kind(kind)) for kind in KINDS}
