"""Quiz questions as the engine hands them to a view (plain data, no Qt).

Every question carries a stable id derived from the content ids it tests, so
progress recorded against it survives content rebuilds, plus the verbatim
quote and outlet that justify its answer (feedback always cites the article).
"""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("choice", "truefalse", "numeric", "text", "matching")


@dataclass(frozen=True)
class QuizQuestion:
    id: str
    kind: str
    prompt: str
    topic: str
    answer: str  # choice text, "true"/"false", a number in ``unit``, or the expected text
    quote: str
    facts: tuple[str, ...]
    outlet: str | None = None  # outlet *name*, for the citation
    choices: tuple[str, ...] = ()
    pairs: tuple[tuple[str, str], ...] = ()  # matching: (left, right) in the correct pairing
    tolerance: float = 0.0  # numeric: relative tolerance (0.05 = within 5%)
    unit: str = ""  # numeric: the unit the answer is expressed in, e.g. "billion USD"
    accepted: tuple[str, ...] = ()  # text: other accepted spellings
    authored: bool = False  # hand-written in the pack, not generated

    @property
    def citation(self) -> str:
        """The feedback line: the verbatim quote, attributed where the article names an outlet."""
        source = f" — {self.outlet}" if self.outlet else " — the article"
        return f"“{self.quote}”{source}"

    def to_dict(self) -> dict:
        return {
            "id": self.id, "kind": self.kind, "prompt": self.prompt, "topic": self.topic, "answer": self.answer,
            "choices": list(self.choices), "pairs": [list(p) for p in self.pairs], "tolerance": self.tolerance,
            "unit": self.unit, "accepted": list(self.accepted), "quote": self.quote, "outlet": self.outlet,
            "facts": list(self.facts), "authored": self.authored,
        }
