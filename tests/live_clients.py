"""Simulated learners for live-session tests and the bench: plain aiohttp WebSocket clients.

Each speaks the learner page's protocol (join, answer, hello) to a server on
127.0.0.1 and keeps every message it receives, so a test can check what a
learner's device was told. Every wait is bounded (:data:`WAIT_S`), so a server
that stops answering fails the test instead of hanging it.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import aiohttp

from quiz.questions import Kind, QuizQuestion

WAIT_S = 20.0


def right_response(q: QuizQuestion) -> Any:
    if q.kind == Kind.MULTI:
        return list(q.answers)
    if q.kind == Kind.ORDER:
        return list(q.answers)
    if q.kind in (Kind.MATCHING, Kind.CLASSIFY):
        return dict(q.pairs)
    return q.answer


def wrong_response(q: QuizQuestion) -> Any:
    if q.kind in (Kind.CHOICE, Kind.SCENARIO):
        return next(c for c in q.choices if c != q.answer)
    if q.kind == Kind.TRUEFALSE:
        return "false" if q.answer == "true" else "true"
    if q.kind == Kind.NUMERIC:
        return str(float(q.answer) * 3 + 7)
    if q.kind == Kind.TEXT:
        return "certainly not this"
    if q.kind == Kind.MULTI:
        wrong = [c for c in q.choices if c not in q.answers]
        return wrong[:1] or list(q.answers)[:-1]
    if q.kind == Kind.ORDER:
        return list(reversed(q.answers))
    if q.kind == Kind.MATCHING:
        rights = [r for _, r in q.pairs]
        return {left: rights[(i + 1) % len(rights)] for i, (left, _) in enumerate(q.pairs)}
    categories = list(q.choices)
    return {s: next(c for c in categories if c != right) for s, right in q.pairs}


class Learner:
    """One simulated device."""

    def __init__(self, http: aiohttp.ClientSession, base: str, name: str):
        self.http, self.base, self.name = http, base.rstrip("/"), name
        self.ws: aiohttp.ClientWebSocketResponse | None = None
        self.token: str | None = None
        self.inbox: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.seen: list[dict[str, Any]] = []
        self.reader: asyncio.Task | None = None
        self.closed_with: int | None = None

    async def connect(self, path: str = "/ws", **kwargs: Any) -> None:
        self.ws = await self.http.ws_connect(f"{self.base}/{path.lstrip('/')}", **kwargs)
        self.reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        assert self.ws is not None
        async for message in self.ws:
            if message.type == aiohttp.WSMsgType.TEXT:
                data = json.loads(message.data)
                self.seen.append(data)
                await self.inbox.put(data)
        self.closed_with = self.ws.close_code
        await self.inbox.put({"type": "closed", "code": self.ws.close_code})

    async def send(self, data: Any) -> None:
        assert self.ws is not None
        await self.ws.send_str(data if isinstance(data, str) else json.dumps(data))

    async def expect(self, kind: str, **fields: Any) -> dict[str, Any]:
        """The next message of ``kind`` whose fields match (others before it are kept in ``seen``)."""
        async def wait() -> dict[str, Any]:
            while True:
                message = await self.inbox.get()
                if message.get("type") == kind and all(_matches(message, k, v) for k, v in fields.items()):
                    return message
                if message.get("type") == "closed":
                    raise ConnectionError(f"{self.name}: closed ({message['code']}) while waiting for {kind}")
        return await asyncio.wait_for(wait(), WAIT_S)

    async def join(self) -> dict[str, Any]:
        await self.send({"type": "join", "name": self.name})
        joined = await self.expect("joined")
        self.token = joined["token"]
        return joined

    async def answer(self, position: int, response: Any) -> dict[str, Any]:
        await self.send({"type": "answer", "token": self.token, "position": position, "response": response})
        return await self.expect_any("received", "error")

    async def expect_any(self, *kinds: str) -> dict[str, Any]:
        async def wait() -> dict[str, Any]:
            while True:
                message = await self.inbox.get()
                if message.get("type") in kinds or message.get("type") == "closed":
                    return message
        return await asyncio.wait_for(wait(), WAIT_S)

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
        if self.reader is not None:
            await asyncio.wait_for(self.reader, WAIT_S)


def _matches(message: dict[str, Any], key: str, value: Any) -> bool:
    if key == "position":
        question = message.get("question") or {}
        return question.get("position", message.get("position")) == value
    return message.get(key) == value
