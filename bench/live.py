"""Live session: how long an answer takes to reach the trainer's screen with 30 learners in the room.

The floor is a bare aiohttp WebSocket echo on 127.0.0.1 (a message out and
back, no work), measured in the same run with the same 30 clients sending at
once. Ours is a learner's answer message to the presenter's notification: the
server parses and checks it, grades it, writes it durably (its own
transaction, ``synchronous=FULL``) and only then tells the trainer's window.
All 30 learners answer each question at once; the k-th answer sent is paired
with the moment the presenter's count reached k (answers are handled in the
order they arrive), so the figures include the queueing of a burst.
"""

from __future__ import annotations

import asyncio
import json
import tempfile
import threading
import time
from pathlib import Path

LEARNERS = 30
QUESTIONS = 10


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def floor_round_trips(rounds: int = QUESTIONS) -> list[float]:
    """WebSocket round trips (ms) of 30 clients at once against an echo server on its own thread."""
    import aiohttp
    from aiohttp import web

    ready, stop = threading.Event(), threading.Event()
    port: list[int] = []

    async def echo(request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        async for message in ws:
            await ws.send_str(message.data)
        return ws

    def serve() -> None:
        async def main() -> None:
            app = web.Application()
            app.router.add_get("/ws", echo)
            runner = web.AppRunner(app, access_log=None, handle_signals=False)
            await runner.setup()
            site = web.TCPSite(runner, "127.0.0.1", 0)
            await site.start()
            port.append(site._server.sockets[0].getsockname()[1])
            ready.set()
            while not stop.is_set():
                await asyncio.sleep(0.02)
            await runner.cleanup()
        asyncio.run(main())

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    ready.wait(10)
    times: list[float] = []

    async def clients() -> None:
        async with aiohttp.ClientSession() as http:
            sockets = [await http.ws_connect(f"http://127.0.0.1:{port[0]}/ws") for _ in range(LEARNERS)]

            async def one(ws: aiohttp.ClientWebSocketResponse) -> float:
                start = time.perf_counter()
                await ws.send_str(json.dumps({"type": "answer", "position": 0, "response": "x"}))
                await ws.receive()
                return (time.perf_counter() - start) * 1000

            for _ in range(rounds):
                times.extend(await asyncio.gather(*(one(ws) for ws in sockets)))
            for ws in sockets:
                await ws.close()

    asyncio.run(clients())
    stop.set()
    thread.join(10)
    return times


def answer_to_presenter() -> list[float]:
    """Milliseconds from a learner sending an answer to the trainer's window being told, 30 learners × 10."""
    import aiohttp

    from app.live import LiveOptions
    from app.workspace import Workspace

    seen: list[tuple[float, int]] = []
    lock = threading.Lock()
    latencies: list[float] = []
    with tempfile.TemporaryDirectory() as folder, Workspace(Path(folder)) as ws:
        run: list = []

        def changed(what: str) -> None:
            if what == "answer":
                with lock:
                    seen.append((time.perf_counter(), run[0].session.answered()))

        run.append(ws.start_live_session(None, LiveOptions(host="127.0.0.1", port=0, count=QUESTIONS,
                                                           kinds=("choice", "truefalse")), on_change=changed))
        live = run[0]

        async def room() -> None:
            async with aiohttp.ClientSession() as http:
                sockets = [await http.ws_connect(live.url + "ws") for _ in range(LEARNERS)]
                tokens = []
                for n, sock in enumerate(sockets):
                    await sock.send_str(json.dumps({"type": "join", "name": f"Learner {n}"}))
                    while True:
                        message = json.loads((await sock.receive()).data)
                        if message["type"] == "joined":
                            tokens.append(message["token"])
                            break
                for position, question in enumerate(live.session.questions):
                    await asyncio.to_thread(live.next)
                    with lock:
                        seen.clear()

                    async def answer(sock: aiohttp.ClientWebSocketResponse, token: str, q=question,
                                     p=position) -> float:
                        sent = time.perf_counter()
                        await sock.send_str(json.dumps({"type": "answer", "token": token, "position": p,
                                                        "response": q.answer}))
                        while json.loads((await sock.receive()).data)["type"] != "received":
                            pass
                        return sent

                    sent = sorted(await asyncio.gather(*(answer(s, t) for s, t in zip(sockets, tokens, strict=True))))
                    deadline = time.monotonic() + 10
                    while len(seen) < LEARNERS and time.monotonic() < deadline:
                        await asyncio.sleep(0.001)
                    with lock:
                        reached = {}
                        for when, count in seen:
                            reached.setdefault(count, when)
                    latencies.extend((reached[k + 1] - sent[k]) * 1000 for k in range(LEARNERS) if k + 1 in reached)
                    await asyncio.to_thread(live.reveal)
                for sock in sockets:
                    await sock.close()

        asyncio.run(room())
        live.stop()
    return latencies


def measure(runs: int) -> tuple[float, float, float, int]:
    """(p50, p95 of ours, p95 of the floor, answers measured) over ``runs`` sessions (at least 1)."""
    ours: list[float] = []
    floor: list[float] = []
    for _ in range(max(1, runs // 2)):  # alternate, so both see the same machine state
        floor += floor_round_trips()
        ours += answer_to_presenter()
    return _percentile(ours, 0.5), _percentile(ours, 0.95), _percentile(floor, 0.95), len(ours)
