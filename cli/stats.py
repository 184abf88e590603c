"""``main.py stats``: the figures the Progress page shows, as text or JSON."""

from __future__ import annotations

import argparse

from cli.common import learners, open_workspace
from cli.terminal import json_for_terminal, say
from quiz.stats import Dashboard


def run(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        boards = [ws.dashboard(pack_id, learner_id=row["id"])
                  for pack_id in ([args.pack] if args.pack else ws.pack_ids())
                  for row in learners(ws, args.learner)]
    if args.json:
        print(json_for_terminal([b.to_dict() for b in boards]))
        return 0
    for board in boards:
        say(*lines(board))
    return 0


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def lines(b: Dashboard) -> list[str]:
    out = [f"{b.learner} — {b.pack_id}", f"  answers: {b.answers}, right: {b.correct} ({_pct(b.accuracy)}), "
           f"time: {b.seconds / 60:.0f} min"]
    out.append("  mastery by topic (right on last try / questions; FSRS recall in a week):")
    out += [f"    {t.title}: {t.right_last_time}/{t.questions} ({_pct(t.share)}); recall {_pct(t.recall_in_a_week)}"
            for t in b.topics]
    out.append("  reviews due, next 14 days: " + " ".join(f"{d[5:]}:{n}" for d, n in b.due))
    active = [d for d in b.days if d.answers]
    out.append(f"  last 30 days: {len(active)} study days; "
               + ", ".join(f"{d.day[5:]} {d.correct}/{d.answers}" for d in active[-7:]))
    if b.hardest:
        out.append("  hardest questions:")
        out += [f"    {h.success:.0%} of {h.attempts}: {h.prompt}" for h in b.hardest[:5]]
    read = sum(r for _, r in b.sections)
    out.append(f"  sections read: {read}/{len(b.sections)}")
    return out
