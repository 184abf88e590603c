"""The live session's server: the learners' page and its WebSocket, on a thread and event loop of its own.

Started only when the trainer starts a live session (this module, aiohttp and
asyncio are imported then, never with the app), bound to the one interface the
trainer chose, and stopped when the session ends or the app closes.

Everything a learner's device sends is untrusted:

- every request but the code form at ``/`` (and the browser's ``/favicon.ico``,
  answered with nothing) needs the session's code in its path
  (``/s/CODE/…``, or ``/join?code=``); a wrong code gets 404, and an address guessing codes
  gets 429 after :data:`MAX_WRONG_CODES` tries a minute;
- static files come from a fixed list read once from ``live_page/``, so no
  path can reach outside that folder; pages are sent with a Content Security
  Policy that allows only this server's own script and style (no CDN, no fonts
  from elsewhere, no inline script);
- the WebSocket refuses other sites' pages (``Origin`` must be this server),
  messages over :data:`MAX_MESSAGE` bytes (413, the device stays connected; over
  :data:`MAX_FRAME` the transport itself gives up and closes with 1009), more than
  :data:`RATE_BURST` messages in a burst (429, then closed), and more than
  :data:`MAX_CONNECTIONS` devices at once (503);
- joining, the learner's random token and every answer are checked by
  :mod:`quiz.live` (4xx with a sentence), and one learner's bad message never
  stops the session for anyone else.

Each answer is written to the trainer's progress store (:mod:`db.live`, its own
connection on a single writer thread) before the learner is told it arrived;
answers arriving during a commit share the next one (group commit).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import sqlite3
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiohttp import WSCloseCode, WSMsgType, web

from app.live import LiveServerError
from db import live as live_db
from db.errors import StoreError
from db.progress import open_progress
from quiz.live import LiveError, LiveLearner, LiveSession, Phase

PAGE_DIR = Path(__file__).resolve().parent / "live_page"
#: The only files served, with their types (anything else is 404).
STATIC = {"index.html": "text/html", "live.js": "text/javascript", "live.css": "text/css"}
MAX_MESSAGE = 8 * 1024  # bytes in one WebSocket message (the largest real answer is well under 2 KB): over it, 413
#: Bytes the transport reads of one message at most (what a device can make the server hold): a message between
#: MAX_MESSAGE and this is read, refused with 413 and forgotten, so the device stays in the session as the README
#: promises; beyond it aiohttp stops reading and closes the connection with 1009 (the page says so and reconnects).
MAX_FRAME = 64 * 1024
MAX_REQUEST = 16 * 1024  # bytes in an HTTP request body (the page sends none)
MAX_CONNECTIONS = 300  # WebSockets open at once
RATE_BURST = 20  # messages a device may send at once…
RATE_PER_S = 4.0  # …and per second after that
MAX_REFUSED = 40  # refusals before a device's connection is closed
MAX_WRONG_CODES = 30  # wrong codes per address per minute before 429
START_TIMEOUT_S = 10.0
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
           "Cache-Control": "no-store", "X-Frame-Options": "DENY"}

JOIN_FORM = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Join the session</title></head>
<body><main><h1>Join the session</h1>
<form method="get" action="/join"><p><label for="code">Session code (on the trainer's screen)</label><br>
<input id="code" name="code" autocomplete="off" autocapitalize="characters" maxlength="12" required autofocus>
<button type="submit">Join</button></p></form></main></body></html>
"""
NO_SESSION = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>No session</title></head><body><main><h1>No session with that code</h1>
<p>Check the code on the trainer's screen and <a href="/">try again</a>.</p></main></body></html>
"""


@dataclass(eq=False)
class _Device:
    ws: web.WebSocketResponse
    learner: LiveLearner | None = None
    tokens: float = RATE_BURST
    last: float = field(default_factory=time.monotonic)
    refused: int = 0

    def allow(self) -> bool:
        now = time.monotonic()
        self.tokens = min(RATE_BURST, self.tokens + (now - self.last) * RATE_PER_S)
        self.last = now
        if self.tokens < 1:
            return False
        self.tokens -= 1
        return True


class LiveServer:
    """Serve one :class:`~quiz.live.LiveSession` until :meth:`stop`.

    ``on_change(what)`` is called on the server's thread after a join ("join")
    or a stored answer ("answer"); the trainer's window turns it into a Qt
    signal. The trainer's controls (:meth:`next`, :meth:`reveal`, :meth:`end`)
    may be called from any thread.
    """

    def __init__(self, session: LiveSession, store_path: Path, *, pack_id: str, config: dict[str, Any],
                 on_change: Callable[[str], None] | None = None):
        self.session, self.store_path, self.pack_id, self.config = session, Path(store_path), pack_id, config
        self.on_change = on_change or (lambda _what: None)
        self.host = ""
        self.port = 0
        self.loop: asyncio.AbstractEventLoop | None = None
        self.thread: threading.Thread | None = None
        self.devices: set[_Device] = set()
        self.wrong_codes: dict[str, list[float]] = {}
        self.pages = {name: (PAGE_DIR / name).read_bytes() for name in STATIC}
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="live-store")
        self._waiting: list[tuple[dict[str, Any], asyncio.Future[int]]] = []  # answers for the next commit
        self._committing = False
        self._db: Any = None
        self._runner: web.AppRunner | None = None
        self.error: BaseException | None = None

    # -- life cycle ----------------------------------------------------------------------
    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/s/{self.session.code}/"

    @property
    def address(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        """Open the store, bind ``host:port`` (0: any free port) and serve; the learners' URL."""
        try:
            self._store(self._open_store)
            self._store(lambda: live_db.create_session(
                self._db, session_id=self.session.id, pack_id=self.pack_id, code=self.session.code,
                config=self.config, question_ids=[q.id for q in self.session.questions]))
        except BaseException:
            self._writer.shutdown(wait=True)
            raise
        ready = threading.Event()
        self.thread = threading.Thread(target=self._serve, args=(host, port, ready), name="live-server", daemon=True)
        self.thread.start()
        if not ready.wait(START_TIMEOUT_S) or self.error is not None:
            error = self.error
            self.stop()
            raise LiveServerError(f"The live session could not listen on {host}:{port}: {error or 'no answer'}. "
                                  "Choose another address, or another port.") from error
        return self.url

    def _open_store(self) -> None:
        self._db = open_progress(self.store_path)

    def _store(self, action: Callable[[], Any]) -> Any:
        """Run a store action on the writer thread and wait for it (used before the loop runs)."""
        return self._writer.submit(action).result()

    def _serve(self, host: str, port: int, ready: threading.Event) -> None:
        loop = self.loop = asyncio.new_event_loop()
        try:
            loop.run_until_complete(self._bind(host, port))
        except BaseException as exc:  # noqa: BLE001 - reported to the starting thread
            self.error = exc
            loop.close()  # before the starting thread wakes: its stop() must find the loop closed, not closing
            ready.set()
            return
        ready.set()
        try:
            loop.run_forever()
        finally:
            loop.run_until_complete(self._shutdown())
            loop.close()

    async def _bind(self, host: str, port: int) -> None:
        app = web.Application(client_max_size=MAX_REQUEST, middlewares=[self._headers])
        app.router.add_get("/", self._join_form)
        app.router.add_get("/join", self._join_redirect)
        app.router.add_get("/favicon.ico", self._no_icon)
        app.router.add_get("/s/{code}/ws", self._websocket)
        app.router.add_get("/s/{code}/", self._page)
        app.router.add_get("/s/{code}/{name}", self._page)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port, reuse_address=False)
        await site.start()
        server: Any = site._server  # the port chosen when 0 was asked
        sockets = server.sockets if server is not None else []
        self.host, self.port = host, int(sockets[0].getsockname()[1]) if sockets else port

    async def _shutdown(self) -> None:
        for device in list(self.devices):
            with contextlib.suppress(Exception):
                await device.ws.close(code=WSCloseCode.GOING_AWAY, message=b"session ended")
        if self._runner is not None:
            await self._runner.cleanup()

    def stop(self) -> None:
        """End serving (idempotent): close every device, release the port, close the store."""
        loop, thread = self.loop, self.thread
        if loop is not None and thread is not None and thread.is_alive():
            if not loop.is_closed():  # closed: it never served (a port taken), and its thread is ending
                with contextlib.suppress(RuntimeError):  # closed between the check and the call
                    loop.call_soon_threadsafe(loop.stop)
            thread.join(10)
        self.loop = None
        if self._db is not None:
            db, self._db = self._db, None
            with contextlib.suppress(Exception):
                self._writer.submit(lambda: live_db.finish_session(db, self.session.id)).result()
            with contextlib.suppress(Exception):
                self._writer.submit(db.close).result()
        self._writer.shutdown(wait=True)

    @property
    def running(self) -> bool:
        return self.thread is not None and self.thread.is_alive() and self.loop is not None

    # -- the trainer's controls (any thread) -------------------------------------------------
    def next(self) -> bool:
        more = self.session.next()
        self._broadcast_soon()
        return more

    def reveal(self) -> None:
        self.session.reveal()
        self._broadcast_soon()

    def end(self) -> None:
        self.session.end()
        self._broadcast_soon()

    def _broadcast_soon(self) -> None:
        if self.loop is not None:
            future = asyncio.run_coroutine_threadsafe(self._broadcast(), self.loop)
            with contextlib.suppress(Exception):
                future.result(5)

    async def _broadcast(self) -> None:
        for device in list(self.devices):
            if device.learner is not None:
                await self._send(device, self._state(device.learner))

    def _state(self, learner: LiveLearner) -> dict[str, Any]:
        session = self.session
        state: dict[str, Any] = {"type": "state", "phase": str(session.phase), "question": session.public_question(),
                                 "answered": learner.answers.get(session.position) is not None}
        if session.phase in (Phase.REVEALED, Phase.ENDED) and session.position >= 0:
            state["reveal"] = session.reveal_payload()
            state["verdict"] = session.verdict_for(learner)
        if session.phase == Phase.ENDED:
            mine = [s for s in session.standings() if s.name == learner.name]
            state["summary"] = {"right": mine[0].right if mine else 0, "answered": mine[0].answered if mine else 0,
                                "total": len(session.questions)}
            if session.ranking_shown:
                state["ranking"] = [{"name": s.name, "right": s.right, "answered": s.answered, "place": s.place}
                                    for s in session.standings()]
        return state

    # -- HTTP -------------------------------------------------------------------------------------
    @web.middleware
    async def _headers(self, request: web.Request, handler: Callable[..., Any]) -> web.StreamResponse:
        response: web.StreamResponse
        try:
            response = await handler(request)
        except web.HTTPException as exc:
            response = exc
        if not response.prepared:  # a WebSocket has sent its headers already
            for name, value in HEADERS.items():
                response.headers.setdefault(name, value)
        if isinstance(response, web.HTTPException):
            raise response
        return response

    def _code_ok(self, request: web.Request, code: str) -> None:
        """404 for a wrong code; 429 for an address that keeps guessing."""
        peer = request.remote or "?"
        now = time.monotonic()
        tries = [t for t in self.wrong_codes.get(peer, []) if now - t < 60]
        if len(tries) >= MAX_WRONG_CODES:
            raise web.HTTPTooManyRequests(text="Too many wrong codes; wait a minute.")
        if code.strip().upper() != self.session.code:
            if len(self.wrong_codes) > 10_000:  # many addresses guessing: forget the oldest tries, not the limit
                self.wrong_codes.clear()
            self.wrong_codes[peer] = [*tries, now]
            raise web.HTTPNotFound(text=NO_SESSION, content_type="text/html")

    async def _join_form(self, request: web.Request) -> web.Response:
        return web.Response(text=JOIN_FORM, content_type="text/html",
                            headers={"Content-Security-Policy": "default-src 'none'; form-action 'self'"})

    async def _no_icon(self, request: web.Request) -> web.Response:
        return web.Response(status=204)  # browsers ask for one; there is none, and that is not an error

    async def _join_redirect(self, request: web.Request) -> web.Response:
        code = request.query.get("code", "")[:20]
        self._code_ok(request, code)
        raise web.HTTPSeeOther(f"/s/{self.session.code}/")

    async def _page(self, request: web.Request) -> web.Response:
        self._code_ok(request, request.match_info["code"])
        name = request.match_info.get("name", "index.html")
        if name not in STATIC:
            raise web.HTTPNotFound(text="Not found.")
        return web.Response(body=self.pages[name], content_type=STATIC[name], charset="utf-8")

    # -- the WebSocket ------------------------------------------------------------------------------
    async def _websocket(self, request: web.Request) -> web.StreamResponse:
        self._code_ok(request, request.match_info["code"])
        origin = request.headers.get("Origin")
        if origin is not None and origin.rstrip("/") not in (f"http://{request.host}", f"https://{request.host}"):
            raise web.HTTPForbidden(text="Only the session's own page may connect.")
        if len(self.devices) >= MAX_CONNECTIONS:
            raise web.HTTPServiceUnavailable(text="Too many devices are connected.")
        ws = web.WebSocketResponse(max_msg_size=MAX_FRAME, heartbeat=30.0)
        await ws.prepare(request)
        device = _Device(ws)
        self.devices.add(device)
        try:
            async for message in ws:
                try:
                    if message.type != WSMsgType.TEXT:
                        raise LiveError(400, "Send text messages only.")
                    if not device.allow():
                        raise LiveError(429, "Too many messages; wait a moment.")
                    if len(message.data) > MAX_MESSAGE or len(message.data.encode("utf-8", "replace")) > MAX_MESSAGE:
                        raise LiveError(413, f"That message is too long (over {MAX_MESSAGE // 1024} KB).")
                    await self._handle(device, message.data)
                except LiveError as refusal:
                    await self._refuse(device, refusal)
                    if device.refused >= MAX_REFUSED:
                        await ws.close(code=WSCloseCode.POLICY_VIOLATION, message=b"too many refused messages")
                        break
        finally:
            self.devices.discard(device)
        return ws

    async def _refuse(self, device: _Device, refusal: LiveError) -> None:
        device.refused += 1
        await self._send(device, {"type": "error", "status": refusal.status, "message": refusal.message})

    async def _send(self, device: _Device, data: dict[str, Any]) -> None:
        with contextlib.suppress(ConnectionError, RuntimeError):
            await device.ws.send_str(json.dumps(data, ensure_ascii=False))

    async def _handle(self, device: _Device, raw: str) -> None:
        try:
            message = json.loads(raw)
        except (ValueError, RecursionError):  # RecursionError: arrays nested thousands deep
            raise LiveError(400, "That message is not JSON.") from None
        if not isinstance(message, dict):
            raise LiveError(400, "That message is not understood.")
        kind = message.get("type")
        if kind == "join":
            await self._join(device, message.get("name"))
        elif kind == "hello":  # a device coming back (page reloaded, phone woke up)
            learner = self.session.learner(message.get("token"))
            device.learner = learner
            await self._send(device, {"type": "joined", "token": learner.token, "name": learner.name})
            await self._send(device, self._state(learner))
        elif kind == "answer":
            await self._answer(device, message)
        else:
            raise LiveError(400, "That message is not understood.")

    async def _join(self, device: _Device, name: Any) -> None:
        if device.learner is not None:
            raise LiveError(409, "This device has already joined.")
        learner = self.session.join(name)
        try:
            await self._write(live_db.add_learner, self.session.id, learner.number, learner.name,
                              conflict="That name was just taken; please add an initial.")
        except LiveError:
            self.session.leave(learner)
            raise
        device.learner = learner
        await self._send(device, {"type": "joined", "token": learner.token, "name": learner.name})
        await self._send(device, self._state(learner))
        self.on_change("join")

    async def _answer(self, device: _Device, message: dict[str, Any]) -> None:
        token = message.get("token")
        if device.learner is not None and token != device.learner.token:
            raise LiveError(403, "This device is not in the session; please join again.")
        pending = self.session.check(token, message.get("position"), message.get("response"))
        try:
            await self._store_answer({"session_id": self.session.id, "learner": pending.learner.number,
                                      "position": pending.position, "question_id": pending.question.id,
                                      "response": pending.response, "correct": pending.grade.correct,
                                      "score": pending.grade.score})
        except LiveError:
            self.session.drop(pending)
            raise
        self.session.record(pending)
        device.learner = pending.learner
        await self._send(device, {"type": "received", "position": pending.position})
        self.on_change("answer")

    async def _store_answer(self, row: dict[str, Any]) -> None:
        """Queue an answer for the next commit and wait until it is on disk (or refused)."""
        done: asyncio.Future[int] = asyncio.get_running_loop().create_future()
        self._waiting.append((row, done))
        if not self._committing:
            self._committing = True
            asyncio.get_running_loop().create_task(self._commit_waiting())
        await done

    async def _commit_waiting(self) -> None:
        """Commit every queued answer together, again and again until none is waiting (group commit)."""
        loop = asyncio.get_running_loop()
        try:
            while self._waiting:
                batch, self._waiting = self._waiting, []
                rows = [row for row, _ in batch]
                results: list[int | sqlite3.IntegrityError | LiveError]
                try:
                    stored = await loop.run_in_executor(self._writer, live_db.add_answers, self._db, rows)
                    results = list(stored)
                except (StoreError, sqlite3.Error, OSError):
                    results = [LiveError(503, "Your answer could not be saved on the trainer's computer; please "
                                              "send it again.")] * len(batch)
                for (_, done), result in zip(batch, results, strict=True):
                    if done.done():
                        continue
                    if isinstance(result, LiveError):
                        done.set_exception(result)
                    elif isinstance(result, sqlite3.IntegrityError):
                        done.set_exception(LiveError(409, "You have already answered this question."))
                    else:
                        done.set_result(result)
        finally:
            self._committing = False

    async def _write(self, action: Callable[..., Any], *args: Any,
                     conflict: str = "You have already answered this question.", **kwargs: Any) -> Any:
        """Run a store write on the writer thread; it is on disk when this returns."""
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(self._writer, lambda: action(self._db, *args, **kwargs))
        except sqlite3.IntegrityError as exc:
            raise LiveError(409, conflict) from exc
        except (StoreError, sqlite3.Error, OSError) as exc:
            raise LiveError(503, "Your answer could not be saved on the trainer's computer; please send it "
                                 "again.") from exc
