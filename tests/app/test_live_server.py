"""A live session served on 127.0.0.1: 30 simulated learners through 10 questions, and hostile clients.

The learners are plain aiohttp WebSocket clients (tests/live_clients.py). Every
answer must be in the trainer's progress store and in the trainer report, and
no hostile client may stop the others' answers from arriving.
"""

from __future__ import annotations

import asyncio
import json
import threading

import aiohttp
import pytest

from app.live import LiveOptions
from app.workspace import Workspace
from live_clients import Learner, right_response, wrong_response
from quiz.grade import grade
from quiz.live import MAX_NAME, Phase
from quiz.questions import KINDS

LEARNERS = 30
QUESTIONS = 10


def right_for(learner: int, position: int) -> bool:
    """Who gets what right: a spread of scores, so the report has something to discriminate."""
    return (learner * 7 + position * 3) % 10 < 3 + learner % 6


@pytest.fixture
def workspace(data_dir):
    with Workspace(data_dir) as ws:
        yield ws


def start(ws: Workspace, **options) -> object:
    changes: list[str] = []
    lock = threading.Lock()

    def changed(what: str) -> None:
        with lock:
            changes.append(what)

    run = ws.start_live_session(None, LiveOptions(host="127.0.0.1", port=0, **options), on_change=changed)
    run.changes = changes
    return run


async def wait_for(condition, what: str, timeout: float = 20.0) -> None:
    async def poll() -> None:
        while not condition():
            await asyncio.sleep(0.01)
    try:
        await asyncio.wait_for(poll(), timeout)
    except TimeoutError:
        pytest.fail(f"timed out waiting for {what}")


def test_thirty_learners_ten_questions_every_answer_stored_and_in_the_report(workspace):
    run = start(workspace, count=QUESTIONS, ranking=True)
    session = run.session
    questions = session.questions
    assert len(questions) == QUESTIONS
    assert len({f for q in questions for f in q.facts}) == sum(len(q.facts) for q in questions)  # one per fact

    async def main() -> list[Learner]:
        async with aiohttp.ClientSession() as http:
            learners = [Learner(http, run.url, f"Learner {n:02d}") for n in range(LEARNERS)]
            for learner in learners:
                await learner.connect("/ws")
                await learner.join()
                await learner.expect("state", phase="lobby")
            assert run.snapshot().learners == tuple(x.name for x in learners)
            for position, question in enumerate(questions):
                await asyncio.to_thread(run.next)
                received = await asyncio.gather(*(
                    learner.expect("state", phase="asking", position=position) for learner in learners))
                for shown in received:  # the question as the page gets it: nothing of the key before the reveal
                    assert shown["question"]["prompt"] == question.prompt
                    assert not {"answer", "answers", "explanation", "quote", "citations", "pairs"} & set(
                        shown["question"])
                    assert "reveal" not in shown and "verdict" not in shown
                replies = await asyncio.gather(*(
                    learner.answer(position, right_response(question) if right_for(n, position)
                                   else wrong_response(question)) for n, learner in enumerate(learners)))
                assert [r["type"] for r in replies] == ["received"] * LEARNERS, replies
                assert run.snapshot().answered == LEARNERS
                await asyncio.to_thread(run.reveal)
                reveals = await asyncio.gather(*(
                    learner.expect("state", phase="revealed", position=position) for learner in learners))
                for n, reveal in enumerate(reveals):
                    wrong = grade(question, wrong_response(question)).verdict
                    expected = "Correct" if right_for(n, position) else wrong
                    assert reveal["verdict"]["verdict"] == expected
                    assert reveal["reveal"]["explanation"] == question.explanation
                    assert reveal["reveal"]["citations"][0]["quote"] == question.quote
                bars = run.snapshot().distribution
                assert sum(b.count for b in bars) >= LEARNERS or question.kind == "multi"
            await asyncio.to_thread(run.next)  # past the last question: the session ends
            ends = await asyncio.gather(*(learner.expect("state", phase="ended") for learner in learners))
            for n, end in enumerate(ends):
                assert end["summary"]["right"] == sum(right_for(n, p) for p in range(QUESTIONS))
                assert end["summary"]["answered"] == QUESTIONS
            assert [(r["name"], r["place"]) for r in ends[0]["ranking"]] == [
                (s.name, s.place) for s in session.standings()]  # the device's list shows shared places
            for learner in learners:
                await learner.close()
            return learners

    asyncio.run(main())
    assert run.snapshot().phase == Phase.ENDED
    run.stop()
    assert not run.running

    stored = workspace.live_answers(session.id)
    assert len(stored) == LEARNERS * QUESTIONS
    assert {(a.name, a.position) for a in stored} == {(f"Learner {n:02d}", p) for n in range(LEARNERS)
                                                       for p in range(QUESTIONS)}
    for answer in stored:
        n = int(answer.name.split()[1])
        assert answer.correct == right_for(n, answer.position), answer
        assert answer.question_id == questions[answer.position].id
    listed = workspace.live_sessions()
    assert [s.id for s in listed] == [session.id] and listed[0].finished_at and listed[0].answers == 300

    report = workspace.trainer_report([], live_sessions=[session.id])
    assert len(report.learners) == LEARNERS
    assert {item.question_id for item in report.items} == {q.id for q in questions}
    for item in report.items:
        position = next(p for p, q in enumerate(questions) if q.id == item.question_id)
        assert item.attempts == LEARNERS
        assert item.facility == pytest.approx(sum(right_for(n, position) for n in range(LEARNERS)) / LEARNERS)
    assert any(item.discrimination is not None for item in report.items)
    for learner in report.learners:
        n = int(learner.name.split()[1])
        assert learner.score == pytest.approx(sum(right_for(n, p) for p in range(QUESTIONS)) / QUESTIONS)


def test_every_kind_is_asked_and_graded_live(workspace):
    """One question of each kind through the server: right and wrong answers graded as quiz.grade does."""
    bank = workspace.questions()
    picked = [next(q for q in bank if q.kind == kind) for kind in KINDS]
    run = start(workspace, count=1)
    run.session.questions[:] = picked  # every kind, in a known order

    async def main() -> None:
        async with aiohttp.ClientSession() as http:
            right, wrong = Learner(http, run.url, "Right"), Learner(http, run.url, "Wrong")
            for learner in (right, wrong):
                await learner.connect("/ws")
                await learner.join()
            for position, question in enumerate(picked):
                await asyncio.to_thread(run.next)
                for learner in (right, wrong):
                    shown = await learner.expect("state", phase="asking", position=position)
                    assert shown["question"]["kind"] == str(question.kind)
                assert (await right.answer(position, right_response(question)))["type"] == "received"
                assert (await wrong.answer(position, wrong_response(question)))["type"] == "received"
                await asyncio.to_thread(run.reveal)
                assert (await right.expect("state", phase="revealed"))["verdict"]["verdict"] == "Correct"
                assert (await wrong.expect("state", phase="revealed"))["verdict"]["verdict"] != "Correct"
            await right.close()
            await wrong.close()

    asyncio.run(main())
    run.stop()
    stored = workspace.live_answers(run.session.id)
    assert [(a.name, a.correct) for a in stored] == [(n, n == "Right") for _ in picked for n in ("Right", "Wrong")]


# -- hostile clients ----------------------------------------------------------------------------
async def _status(http: aiohttp.ClientSession, url: str) -> int:
    async with http.get(url, allow_redirects=False) as response:
        return response.status


def test_wrong_codes_bad_paths_and_static_files_outside_the_folder_are_refused(workspace):
    run = start(workspace, count=3)
    base = run.address.rstrip("/")
    code = run.code

    async def main() -> None:
        async with aiohttp.ClientSession() as http:
            assert await _status(http, run.url) == 200
            assert await _status(http, f"{base}/s/{code}/live.js") == 200
            async with http.get(run.url) as page:
                assert "default-src 'none'" in page.headers["Content-Security-Policy"]
                assert "http" not in (await page.text()).split("<body>")[0].replace("http-equiv", "")
            for path in ("/s/WRONG1/", f"/s/{code}/../../workspace.py", f"/s/{code}/%2e%2e%2fworkspace.py",
                         f"/s/{code}/..%2f..%2fdb%2fprogress.py", f"/s/{code}/live_server.py", "/etc/passwd",
                         "/s/", f"/s/{code}/ws/../../../etc/passwd"):
                assert await _status(http, base + path) in (400, 404), path
            assert await _status(http, f"{base}/join?code=nope") == 404
            assert await _status(http, f"{base}/join?code={code.lower()}") == 303
            async with http.post(run.url, data=b"x" * 100) as response:
                assert response.status == 405
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await http.ws_connect(f"{base}/s/NOPE99/ws")
            assert refused.value.status == 404
            with pytest.raises(aiohttp.WSServerHandshakeError) as foreign:
                await http.ws_connect(f"{run.url}ws", headers={"Origin": "http://evil.example"})
            assert foreign.value.status == 403

    asyncio.run(main())
    run.stop()


def test_hostile_learners_are_refused_and_everyone_elses_answers_arrive(workspace):
    run = start(workspace, count=2)
    question = run.session.questions[0]
    others = 20

    async def main() -> None:
        async with aiohttp.ClientSession() as http:
            honest = [Learner(http, run.url, f"Honest {n}") for n in range(others)]
            for learner in honest:
                await learner.connect("ws")
                await learner.join()
            await asyncio.to_thread(run.next)

            # markup and control characters in names: markup kept literally, control characters refused
            markup = Learner(http, run.url, "<img src=x onerror=alert(1)>&amp;<b>")
            await markup.connect("ws")
            assert (await markup.join())["name"] == "<img src=x onerror=alert(1)>&amp;<b>"
            for bad_name in ("Eve\x00", "Eve\x1b[31m", "Bob\u202e", "x" * (MAX_NAME + 1), "   ", 42, None):
                intruder = Learner(http, run.url, bad_name)
                await intruder.connect("ws")
                await intruder.send({"type": "join", "name": bad_name})
                refusal = await intruder.expect("error")
                assert refusal["status"] == 400, bad_name
                await intruder.close()
            dup = Learner(http, run.url, "honest 3")
            await dup.connect("ws")
            await dup.send({"type": "join", "name": "HONEST 3"})
            assert (await dup.expect("error"))["status"] == 409
            await dup.close()

            # forged, foreign and reused tokens
            forger = Learner(http, run.url, "Forger")
            await forger.connect("ws")
            await forger.send({"type": "answer", "token": "forged-token", "position": 0,
                               "response": right_response(question)})
            assert (await forger.expect("error"))["status"] == 403
            await forger.send({"type": "hello", "token": "A" * 24})
            assert (await forger.expect("error"))["status"] == 403
            await forger.join()
            await forger.send({"type": "answer", "token": honest[0].token, "position": 0,
                               "response": wrong_response(question)})  # someone else's token on this device
            assert (await forger.expect("error"))["status"] == 403
            assert (await forger.answer(0, right_response(question)))["type"] == "received"
            again = await forger.answer(0, wrong_response(question))  # the same token, the same question
            assert again["type"] == "error" and again["status"] == 409
            for bad in ("not json", json.dumps([1, 2]), json.dumps({"type": "vote"}),
                        json.dumps({"type": "answer", "token": forger.token, "position": 5, "response": "x"}),
                        json.dumps({"type": "answer", "token": forger.token, "position": 0,
                                    "response": {"__proto__": 1}}),
                        json.dumps({"type": "answer", "token": forger.token, "position": True, "response": "x"}),
                        "[" * 4000 + "]" * 4000):  # nested thousands deep, under the size limit
                await forger.send(bad)
                refusal = await forger.expect("error")
                assert 400 <= refusal["status"] < 500

            # an oversized message gets 413 on the same channel, and the device stays in the session
            # (fails on the old code: the 9,000-character message closed the connection with no reply)
            verbose = Learner(http, run.url, "Verbose")
            await verbose.connect("ws")
            await verbose.join()
            await verbose.send({"type": "answer", "token": verbose.token, "position": 0, "response": "x" * 9_000})
            refusal = await verbose.expect_any("received", "error")
            assert refusal["type"] == "error" and refusal["status"] == 413 and "too long" in refusal["message"]
            await verbose.send({"type": "answer", "token": verbose.token, "position": 0,
                                "response": "é" * 4_200})  # 4,200 characters, 8,400 bytes: over 8 KB
            assert (await verbose.expect_any("received", "error"))["status"] == 413
            assert (await verbose.answer(0, right_response(question)))["type"] == "received"
            assert verbose.closed_with is None

            # a message far over any answer's size closes that device only (memory stays bounded)
            giant = Learner(http, run.url, "Giant")
            await giant.connect("ws")
            await giant.join()
            await giant.send({"type": "answer", "token": giant.token, "position": 0, "response": "x" * 100_000})
            closed = await giant.expect_any("received")
            assert closed["type"] == "closed" and closed["code"] == 1009

            # a flood of answers: refused (409 once answered, 429 when too fast), then disconnected
            flooder = Learner(http, run.url, "Flooder")
            await flooder.connect("ws")
            await flooder.join()
            flood = json.dumps({"type": "answer", "token": flooder.token, "position": 0,
                                "response": wrong_response(question)})
            for _ in range(500):
                try:
                    await flooder.send(flood)
                except ConnectionError:
                    break
            await asyncio.wait_for(flooder.reader, 20)
            statuses = {m["status"] for m in flooder.seen if m.get("type") == "error"}
            assert 429 in statuses and statuses <= {409, 429}
            assert flooder.closed_with == 1008

            # meanwhile every honest learner answers, and every answer arrives
            replies = await asyncio.gather(*(learner.answer(0, right_response(question)) for learner in honest))
            assert [r["type"] for r in replies] == ["received"] * others
            await asyncio.to_thread(run.reveal)
            for learner in honest:
                assert (await learner.expect("state", phase="revealed"))["verdict"]["verdict"] == "Correct"
            for learner in (*honest, markup, forger, flooder, verbose):
                await learner.close()

    asyncio.run(main())
    names = run.snapshot().learners
    assert "<img src=x onerror=alert(1)>&amp;<b>" in names
    run.stop()
    stored = workspace.live_answers(run.session.id)
    by_name = {a.name: a for a in stored}
    assert {f"Honest {n}" for n in range(others)} <= set(by_name)
    assert by_name["Forger"].correct and by_name["Flooder"].correct is False
    assert len([a for a in stored if a.name == "Flooder"]) == 1


def test_a_thousand_joins_fill_the_room_and_are_refused_with_503_while_the_session_serves(workspace):
    import quiz.live

    run = start(workspace, count=1)
    question = run.session.questions[0]

    async def main() -> None:
        async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as http:
            first = Learner(http, run.url, "First")
            await first.connect("ws")
            await first.join()
            await asyncio.to_thread(run.next)
            await first.expect("state", phase="asking")
            statuses: list[int] = []
            batch: list[Learner] = []
            for n in range(1000):
                joiner = Learner(http, run.url, f"Bot {n}")
                await joiner.connect("ws")
                await joiner.send({"type": "join", "name": joiner.name})
                reply = await joiner.expect_any("joined", "error")
                statuses.append(200 if reply["type"] == "joined" else reply["status"])
                batch.append(joiner)
                if len(batch) >= 100:
                    await asyncio.gather(*(b.close() for b in batch))
                    batch.clear()
            await asyncio.gather(*(b.close() for b in batch))
            assert statuses.count(200) == quiz.live.MAX_LEARNERS - 1
            assert set(statuses[quiz.live.MAX_LEARNERS - 1:]) == {503}
            assert (await first.answer(0, right_response(question)))["type"] == "received"
            await first.close()

    asyncio.run(main())
    run.stop()
    assert [a.name for a in workspace.live_answers(run.session.id)] == ["First"]


def test_a_learner_coming_back_keeps_their_place_and_answer(workspace):
    run = start(workspace, count=2)
    question = run.session.questions[0]

    async def main() -> None:
        async with aiohttp.ClientSession() as http:
            phone = Learner(http, run.url, "Phone")
            await phone.connect("ws")
            await phone.join()
            await asyncio.to_thread(run.next)
            assert (await phone.answer(0, right_response(question)))["type"] == "received"
            await phone.close()
            again = Learner(http, run.url, "Phone")  # the page reloaded: same token, new connection
            await again.connect("ws")
            await again.send({"type": "hello", "token": phone.token})
            state = await again.expect("state", phase="asking")
            assert state["answered"] is True
            await again.send({"type": "answer", "token": phone.token, "position": 0,
                              "response": right_response(question)})
            assert (await again.expect("error"))["status"] == 409
            await again.close()

    asyncio.run(main())
    run.stop()
    assert len(workspace.live_answers(run.session.id)) == 1


def test_the_server_stops_with_the_workspace_and_frees_the_port(data_dir):
    import socket

    ws = Workspace(data_dir)
    run = start(ws, count=1)
    port = run.server.port
    ws.close()
    assert not run.running
    probe = socket.socket()
    try:
        assert probe.connect_ex(("127.0.0.1", port)) != 0  # nothing listens there any more
    finally:
        probe.close()


def test_a_taken_port_is_refused_with_a_sentence(workspace):
    from app.live import LiveServerError

    first = start(workspace, count=1)
    try:
        with Workspace(workspace.root.parent / "other") as other, pytest.raises(LiveServerError) as refused:
            other.start_live_session(None, LiveOptions(host="127.0.0.1", port=first.server.port, count=1))
        assert "could not listen" in str(refused.value)
    finally:
        first.stop()


def test_an_answer_that_cannot_be_saved_is_refused_with_503_and_can_be_sent_again(workspace, monkeypatch):
    import db.live
    from db.errors import StoreFullError

    run = start(workspace, count=1)
    question = run.session.questions[0]
    real = db.live.add_answers
    calls = []

    def full_disk_once(db_, rows):
        calls.append(len(rows))
        if len(calls) == 1:
            raise StoreFullError("The disk is full.")
        return real(db_, rows)

    monkeypatch.setattr(db.live, "add_answers", full_disk_once)

    async def main() -> None:
        async with aiohttp.ClientSession() as http:
            ana = Learner(http, run.url, "Ana")
            await ana.connect("ws")
            await ana.join()
            await asyncio.to_thread(run.next)
            refused = await ana.answer(0, right_response(question))
            assert refused["type"] == "error" and refused["status"] == 503 and "send it again" in refused["message"]
            assert run.snapshot().answered == 0
            assert (await ana.answer(0, right_response(question)))["type"] == "received"
            await ana.close()

    asyncio.run(main())
    run.stop()
    assert [a.name for a in workspace.live_answers(run.session.id)] == ["Ana"]


SERVE_UNTIL_KILLED = """
import sys, time
from app.live import LiveOptions
from app.workspace import Workspace
ws = Workspace(sys.argv[1])
run = ws.start_live_session(None, LiveOptions(host="127.0.0.1", port=0, count=3, kinds=("choice",)))
run.next()
print(run.url, run.session.id, run.session.questions[0].answer, flush=True)
time.sleep(120)
"""


def test_every_acknowledged_answer_survives_a_kill_of_the_trainers_app(tmp_path):
    """kill -9 while 30 learners answer: each answer a learner was told had arrived is in the store."""
    import os
    import signal
    import subprocess
    import sys

    from tests_support import ROOT

    data = tmp_path / "trainer"
    server = subprocess.Popen([sys.executable, "-c", SERVE_UNTIL_KILLED, str(data)], cwd=ROOT, stdout=subprocess.PIPE,
                              text=True)
    guard = threading.Timer(90, server.kill)  # a server that never starts fails the test instead of hanging it
    guard.start()
    try:
        url, session_id, answer = server.stdout.readline().split(" ", 2)
        answer = answer.rstrip("\n")
        acknowledged: list[str] = []

        async def main() -> None:
            async with aiohttp.ClientSession() as http:
                learners = [Learner(http, url, f"L{n:02d}") for n in range(LEARNERS)]
                for learner in learners:
                    await learner.connect("ws")
                    await learner.join()

                async def answer_and_note(learner: Learner) -> None:
                    reply = await learner.answer(0, answer)
                    if reply["type"] == "received":
                        acknowledged.append(learner.name)
                        if len(acknowledged) == LEARNERS // 2:
                            os.kill(server.pid, signal.SIGKILL)  # mid-burst: some answers are still in flight

                await asyncio.gather(*(answer_and_note(x) for x in learners), return_exceptions=True)

        asyncio.run(main())
        server.wait(20)
    finally:
        guard.cancel()
        if server.poll() is None:
            server.kill()
            server.wait(20)
    assert len(acknowledged) >= LEARNERS // 2
    with Workspace(data) as ws:
        stored = {a.name for a in ws.live_answers(session_id)}
    assert set(acknowledged) <= stored


def test_devices_past_the_connection_limit_get_503_and_the_others_keep_answering(workspace, monkeypatch):
    import app.live_server as live_server

    monkeypatch.setattr(live_server, "MAX_CONNECTIONS", 5)
    run = start(workspace, count=1)
    question = run.session.questions[0]

    async def main() -> None:
        async with aiohttp.ClientSession() as http:
            inside = [Learner(http, run.url, f"In {n}") for n in range(5)]
            for learner in inside:
                await learner.connect("ws")
                await learner.join()
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await http.ws_connect(run.url + "ws")
            assert refused.value.status == 503
            await asyncio.to_thread(run.next)
            replies = await asyncio.gather(*(x.answer(0, right_response(question)) for x in inside))
            assert [r["type"] for r in replies] == ["received"] * 5
            for learner in inside:
                await learner.close()

    asyncio.run(main())
    run.stop()
    assert len(workspace.live_answers(run.session.id)) == 5
