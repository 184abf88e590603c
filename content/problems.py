"""Validation problems, reported all at once with file, key and line."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a pack, phrased for the person who wrote it.

    A ``summary`` (such as "… and 4,800 more problems") is listed after the others. The most common
    problems also carry the ``template`` their English ``message`` was filled from (marked with
    QT_TRANSLATE_NOOP in context ``"content.validate"``) and its ``fields``, so the interface can
    say them in its own language: ``translate("content.validate", template).format(**dict(fields))``.
    """

    file: str
    line: int
    key: str
    message: str
    summary: bool = field(default=False, compare=False)
    template: str = field(default="", compare=False)
    fields: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"


class PackError(Exception):
    """Raised when a pack fails validation; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(p for p in problems if not p.summary) + [p for p in problems if p.summary]
        super().__init__("\n".join(str(p) for p in self.problems))


class ImportCancelled(Exception):
    """The person importing a pack cancelled before anything was changed."""
