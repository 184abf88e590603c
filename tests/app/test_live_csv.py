"""File → Live session results… → export: the response column reads as the learner typed or chose it."""

from __future__ import annotations

import csv

from app.live import write_csv
from db.live import StoredAnswer, StoredSession


def _answer(n: int, response) -> StoredAnswer:
    return StoredAnswer(n, f"Learner {n}", 0, "q1", response, False, 0.0, "2026-11-26T13:41:30+00:00")


def test_responses_read_as_text_without_json_quote_marks_and_formulas_stay_text(tmp_path):
    """Fails on the old code: the column read "BFM" and "2.3" with the quote marks, lists as JSON."""
    session = StoredSession("s1", "pack", "ABCD", {}, ["q1"], "2026-11-26T13:41:25+00:00", None, 8, 8)
    responses = ["BFM", "2.3", 2, "-2", ["Japan", "China"], {"METI": "Budget", "BOJ": None}, "=HYPERLINK(1)",
                 "@SUM(A1)"]
    path = tmp_path / "live.csv"
    assert write_csv(session, [_answer(n, r) for n, r in enumerate(responses)], {"q1": "Who?"}, path) == 8
    with path.open(encoding="utf-8", newline="") as handle:
        column = [row["response"] for row in csv.DictReader(handle)]
    assert column == ["BFM", "2.3", "2", "-2", "Japan; China", "METI: Budget; BOJ: –", "'=HYPERLINK(1)",
                      "'@SUM(A1)"]
