"""Live sessions for the trainer's window and the command line: start one, run it, read it back.

A :class:`LiveRun` is what the trainer's window holds while a session runs:
the session's rules (:class:`quiz.live.LiveSession`) and the server that
carries them to the room (:mod:`app.live_server`, imported only by
:meth:`app.workspace.Workspace.start_live_session`, so an app that never runs a
session never loads a networking module). Reading stored sessions back (for a
CSV or the trainer report) needs no server at all.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db.live import StoredAnswer, StoredSession
from quiz.live import LiveSession, Snapshot, csv_cell
from quiz.progress_export import spreadsheet_safe

if TYPE_CHECKING:
    from app.live_server import LiveServer

#: What a live session can be bound to when the trainer does not say: this machine only.
LOOPBACK = "127.0.0.1"
DEFAULT_PORT = 8765


class LiveServerError(Exception):
    """The session could not be served (the address is not this machine's, the port is taken…); a sentence."""


@dataclass(frozen=True)
class LiveOptions:
    """The trainer's choices in "Run a live session…"."""

    topics: tuple[str, ...] = ()  # topic ids; empty: every topic
    kinds: tuple[str, ...] = ()  # question kinds; empty: every kind
    count: int = 10
    timer_s: float | None = None  # None: untimed
    ranking: bool = False  # show a ranking by accuracy at the end
    host: str = LOOPBACK
    port: int = DEFAULT_PORT

    def config(self) -> dict[str, Any]:
        return {"topics": list(self.topics), "kinds": list(self.kinds), "count": self.count, "timer_s": self.timer_s,
                "ranking": self.ranking}


class LiveRun:
    """A running live session: its address, what the room has done so far, and the trainer's controls."""

    def __init__(self, session: LiveSession, server: LiveServer, options: LiveOptions):
        self.session, self.server, self.options = session, server, options

    @property
    def url(self) -> str:
        """What learners open (the QR code holds it): the code is part of it."""
        return self.server.url

    @property
    def address(self) -> str:
        """What learners type when they cannot scan: then they type the code on the page."""
        return self.server.address

    @property
    def code(self) -> str:
        return self.session.code

    @property
    def running(self) -> bool:
        return self.server.running

    def snapshot(self) -> Snapshot:
        return self.session.snapshot()

    def next(self) -> bool:
        """Open the next question; False when there was none (the session has ended)."""
        return self.server.next()

    def reveal(self) -> None:
        self.server.reveal()

    def end(self) -> None:
        self.server.end()

    def stop(self) -> None:
        """Stop serving: every device is told, the port is released, the session is marked finished."""
        self.server.stop()


def lan_addresses() -> list[str]:
    """This machine's addresses a classroom can reach, the likeliest first, then 127.0.0.1.

    Asks the routing table which local address would be used for outside
    traffic (a UDP "connect" sends no packet), then the host name's addresses.
    """
    import socket

    found: list[str] = []
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed anywhere; nothing is sent
        found.append(probe.getsockname()[0])
    except OSError:
        pass
    finally:
        probe.close()
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.append(str(info[4][0]))
    except OSError:
        pass
    usable = [a for a in dict.fromkeys(found) if not a.startswith("127.") and a != "0.0.0.0"]
    return [*usable, LOOPBACK]


def write_csv(session: StoredSession, answers: Sequence[StoredAnswer], prompts: dict[str, str], path: Path) -> int:
    """One row per answer of a stored session (learner, question, response as readable text, right or not);
    the count."""
    path = Path(path)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["session", "started_at", "learner", "position", "question_id", "prompt", "response",
                         "correct", "score", "answered_at"])
        text = spreadsheet_safe  # names and answers come from the room
        for answer in answers:
            writer.writerow([session.id, session.started_at, text(answer.name), answer.position + 1,
                             answer.question_id, text(prompts.get(answer.question_id, "")),
                             csv_cell(answer.response), int(answer.correct),
                             f"{answer.score:.4f}", answer.answered_at])
    return len(answers)
