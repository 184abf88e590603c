"""The live session's rules without a network: names, answers' shapes, one answer each, timer, ranking."""

from __future__ import annotations

import pytest

from live_clients import right_response, wrong_response
from quiz.generate import generate
from quiz.live import CODE_ALPHABET, MAX_NAME, LiveError, LiveSession, Phase, checked_response, clean_name, new_code
from quiz.questions import KINDS, Kind
from quiz.slides import choose_questions


@pytest.fixture(scope="module")
def bank(bundled_pack):
    return generate(bundled_pack, 0)


def one_of_each(bank):
    return [next(q for q in bank if q.kind == kind) for kind in KINDS]


def test_codes_are_short_and_readable_off_a_projector():
    codes = {new_code() for _ in range(200)}
    assert len(codes) == 200 and all(len(c) == 6 and set(c) <= set(CODE_ALPHABET) for c in codes)
    assert not set("01OIL") & set(CODE_ALPHABET)


@pytest.mark.parametrize(("name", "shown"), [("  Ana   María ", "Ana María"), ("<b>Bo</b> & co", "<b>Bo</b> & co"),
                                             ("👩‍🏫 Kim", "👩‍🏫 Kim")])
def test_names_are_kept_as_typed_apart_from_spaces(name, shown):
    assert clean_name(name) == shown


@pytest.mark.parametrize("name", ["", "   ", "a\x00b", "tab\there", "new\nline", "rtl\u202eevil", "zero\u200bwidth",
                                  "x" * (MAX_NAME + 1), None, 12, ["Ana"]])
def test_names_with_control_characters_or_too_long_are_refused(name):
    with pytest.raises(LiveError) as refused:
        clean_name(name)
    assert refused.value.status == 400


def test_every_kind_takes_its_own_shape_of_answer_and_nothing_else(bank):
    for question in one_of_each(bank):
        assert checked_response(question, right_response(question)) == right_response(question)
        assert checked_response(question, wrong_response(question)) == wrong_response(question)
        for bad in (None, 3.5 if question.kind not in (Kind.NUMERIC, Kind.TEXT) else None, {"x": 1}, ["nope"] * 50,
                    "x" * 10_000, True):
            with pytest.raises(LiveError) as refused:
                checked_response(question, bad)
            assert refused.value.status == 400, (question.kind, bad)


def test_one_answer_per_learner_and_question_and_only_while_it_is_open(bank):
    session = LiveSession(bank[:2])
    ana = session.join("Ana")
    with pytest.raises(LiveError, match="closed"):
        session.check(ana.token, 0, right_response(bank[0]))  # still in the lobby
    session.next()
    pending = session.check(ana.token, 0, right_response(bank[0]))
    with pytest.raises(LiveError) as twice:
        session.check(ana.token, 0, right_response(bank[0]))  # held while being written
    assert twice.value.status == 409
    session.record(pending)
    assert session.answered() == 1
    with pytest.raises(LiveError) as forged:
        session.check("not-a-token", 0, right_response(bank[0]))
    assert forged.value.status == 403
    session.reveal()
    with pytest.raises(LiveError, match="closed"):
        session.check(session.join("Late").token, 0, right_response(bank[0]))
    assert session.verdict_for(ana)["verdict"] == "Correct"


def test_a_failed_write_frees_the_place_for_a_second_try(bank):
    session = LiveSession(bank[:1])
    ana = session.join("Ana")
    session.next()
    session.drop(session.check(ana.token, 0, right_response(bank[0])))
    session.record(session.check(ana.token, 0, right_response(bank[0])))
    assert session.answered() == 1


def test_the_timer_closes_a_question_without_waiting(bank):
    now = [100.0]
    session = LiveSession(bank[:1], timer_s=30, clock=lambda: now[0])
    ana, ben = session.join("Ana"), session.join("Ben")
    session.next()
    now[0] += 29
    assert session.snapshot().seconds_left == pytest.approx(1)
    session.record(session.check(ana.token, 0, right_response(bank[0])))
    now[0] += 2
    with pytest.raises(LiveError, match="Time is up"):
        session.check(ben.token, 0, right_response(bank[0]))
    assert LiveSession(bank[:1]).seconds_left() is None  # untimed by default


def test_the_ranking_is_by_accuracy_only_and_shown_only_when_chosen(bank):
    questions = choose_questions(bank, kinds=("choice",), count=3)
    session = LiveSession(questions, ranking=True)
    fast, slow = session.join("Fast but wrong"), session.join("Slow and right")
    for position, q in enumerate(questions):
        session.next()
        session.record(session.check(fast.token, position, wrong_response(q)))
        session.record(session.check(slow.token, position, right_response(q)))
        session.reveal()
    assert session.snapshot().ranking == ()  # not before the end
    session.next()
    snap = session.snapshot()
    assert snap.phase == Phase.ENDED
    assert [s.name for s in snap.ranking] == ["Slow and right", "Fast but wrong"]
    assert LiveSession(questions).snapshot().ranking == ()


def test_equal_results_share_a_place_and_the_next_skips_the_shared_places(bank):
    """Fails on the old code: three learners with 2 of 3 right read "1. 2. 3." in name order."""
    questions = choose_questions(bank, kinds=("choice",), count=3)
    session = LiveSession(questions, ranking=True)
    learners = {name: session.join(name) for name in ("Dan", "Ana", "Chloé", "Eve", "Bo")}
    right = {"Dan": 2, "Ana": 2, "Chloé": 2, "Eve": 1, "Bo": 3}
    for position, q in enumerate(questions):
        session.next()
        for name, joined in learners.items():
            ok = position < right[name]
            session.record(session.check(joined.token, position, right_response(q) if ok else wrong_response(q)))
        session.reveal()
    session.next()
    ranking = [(s.place, s.name, s.right) for s in session.snapshot().ranking]
    assert ranking == [(1, "Bo", 3), (2, "Ana", 2), (2, "Chloé", 2), (2, "Dan", 2), (5, "Eve", 1)]


def test_places_are_standard_competition_ranking():
    from quiz.live import places

    assert places([3, 3, 3, 1]) == [1, 1, 1, 4]
    assert places(["a", "b", "b", "c", "c"]) == [1, 2, 2, 4, 4]
    assert places([]) == []


def test_the_question_sent_to_learners_holds_nothing_of_the_key(bank):
    for question in one_of_each(bank):
        session = LiveSession([question])
        session.next()
        shown = session.public_question()
        text = repr(shown)
        assert shown["prompt"] == question.prompt
        if question.explanation:
            assert question.explanation not in text
        assert question.quote not in text or question.quote in question.prompt
        if question.kind == Kind.ORDER:
            assert shown["options"] != list(question.answers) or len(question.answers) < 2


def test_the_distribution_counts_options_or_verdicts(bank):
    choice = next(q for q in bank if q.kind == Kind.CHOICE)
    session = LiveSession([choice])
    session.next()
    for n in range(5):
        learner = session.join(f"L{n}")
        session.record(session.check(learner.token, 0, right_response(choice) if n < 3 else wrong_response(choice)))
    bars = {b.label: (b.count, b.key) for b in session.distribution()}
    assert bars[choice.answer] == (3, True) and sum(c for c, _ in bars.values()) == 5
    assert list(bars) == list(choice.choices)
