"""An amount's false options are amounts a learner cannot rule out without reading (item quality).

Reading the items of a pack nobody tuned for (the Japanese test pack) showed 350兆円 offered for a
2,000億円 subsidy: 1,750 times the key, ruled out by anyone. Distractors, and the amount a false
statement swaps in, are now the pack's amounts nearest the key, never more than
``PLAUSIBLE_RATIO`` away; with fewer than two such amounts there is no amount choice (the typed
number, the source and the true/false variants remain).
"""

from __future__ import annotations

import dataclasses
from collections import Counter

import pytest

from content.loader import load_pack
from content.model import Figure, Pack
from quiz.generate import PLAUSIBLE_RATIO, PackIndex, generate
from quiz.questions import Kind
from tests_support import BUNDLED, DATA

PACKS = (BUNDLED, DATA / "japanese_pack", DATA / "arabic_pack")
SEEDS = range(12)


def _written(pack: Pack) -> dict[str, dict[str, Figure]]:
    """Per key figure: every other amount of its unit, written the way the key's options write it."""
    index = PackIndex(pack)
    return {f.id: {index.amount(g, g.amount, f.qualifier): g for g in pack.figures
                   if g.base_unit == f.base_unit and not g.is_bound and g.id != f.id}
            for f in pack.figures if not f.is_bound}


def _ratio(a: Figure, b: Figure) -> float:
    return max(a.base_value, b.base_value) / min(a.base_value, b.base_value)


def _swapped(question, others: dict[str, Figure]) -> Figure:
    """The figure whose amount a false statement swaps in (the longest amount its prompt names)."""
    return others[max((text for text in others if text in question.prompt), key=len)]


@pytest.mark.parametrize("pack_dir", PACKS, ids=lambda p: p.name)
def test_every_false_amount_is_near_its_key(pack_dir):
    pack = load_pack(pack_dir)
    figures = {f.id: f for f in pack.figures}
    written = _written(pack)
    offered = swapped = 0
    for seed in SEEDS:
        for q in generate(pack, seed):
            kind, figure_id = q.id.split(":")[:2]
            if figure_id not in written:
                continue  # a bound: asked as a bound, its options are bounds of the same amount
            key, others = figures[figure_id], written[figure_id]
            if kind == "figure-amount":
                distractors = [o for o in q.choices if o != q.answer]
                assert len(distractors) >= 2 and q.answer in q.choices
                for option in distractors:
                    assert _ratio(others[option], key) <= PLAUSIBLE_RATIO, (q.id, option)
                offered += len(distractors)
            elif kind == "figure-tf" and q.answer == "false":
                assert _ratio(_swapped(q, others), key) <= PLAUSIBLE_RATIO, q.prompt
                swapped += 1
    if pack_dir.name == "arabic_pack":  # its two dollar amounts are 35 times apart: nothing to offer
        assert offered == swapped == 0
    else:
        assert offered and swapped  # the rule is exercised, not vacuously true


def test_the_japanese_subsidy_is_no_longer_offered_350_trillion_yen():
    pack = load_pack(DATA / "japanese_pack")
    for seed in SEEDS:
        items = {q.id: q for q in generate(pack, seed) if q.facts == ("ai-chips",)}
        # 2,000億円 has one plausible other amount (3.6兆円, 18 times): too few for a choice …
        assert "figure-amount:ai-chips" not in items
        assert not any("350兆円" in q.prompt or "350兆円" in q.choices for q in items.values())
        # … it is still asked as a number to type, and its false statement swaps in 3.6兆円.
        assert items["figure-number:ai-chips"].answer == "2000"
        assert "3.6兆円" in items["figure-tf:ai-chips:false"].prompt
        # The big amounts are still asked as choices among amounts of their size.
        bank = {q.id: q for q in generate(pack, seed)}
        assert set(bank["figure-amount:investment-target"].choices) == {"350兆円", "122.3兆円", "28.6兆円"}
        assert "2,000億円" not in bank["figure-amount:defence"].choices


def _pack_of(bundled_pack: Pack, amounts: dict[str, float]) -> Pack:
    """The bundled pack with only these figures ($ billions each), no authored questions."""
    quote = bundled_pack.figures[0].quote
    figures = tuple(Figure(fid, f"Item {fid}", amount, "billion USD", False, quote, "plans", "investment")
                    for fid, amount in amounts.items())
    return dataclasses.replace(bundled_pack, figures=figures, questions=())


def test_an_outlier_is_never_offered_for_a_small_key(bundled_pack):
    pack = _pack_of(bundled_pack, {"a": 10, "b": 12, "c": 15, "d": 18, "e": 25, "huge": 5000})
    for seed in SEEDS:
        bank = {q.id: q for q in generate(pack, seed)}
        for small in "abcde":
            assert "$5 trillion" not in bank[f"figure-amount:{small}"].choices
            assert "$5 trillion" not in bank[f"figure-tf:{small}:false"].prompt
        # The outlier itself: nothing near it to offer, so no choice and no swapped amount; still typed.
        assert "figure-amount:huge" not in bank and "figure-tf:huge:false" not in bank
        assert bank["figure-number:huge"].kind == Kind.NUMERIC and bank["figure-tf:huge:true"].answer == "true"


def test_a_pack_of_only_absurd_others_gives_no_amount_choice_but_the_typed_number(bundled_pack):
    pack = _pack_of(bundled_pack, {"small": 1, "middle": 500, "large": 90_000})
    bank = {q.id: q for q in generate(pack, 0)}
    for fid in ("small", "middle", "large"):
        assert f"figure-amount:{fid}" not in bank
        assert f"figure-tf:{fid}:false" not in bank  # as when the pack has no other amount at all
        assert bank[f"figure-number:{fid}"].kind == Kind.NUMERIC


def test_one_plausible_other_amount_gives_a_false_statement_but_no_choice(bundled_pack):
    pack = _pack_of(bundled_pack, {"key": 100, "near": 150, "far": 9000})
    bank = {q.id: q for q in generate(pack, 0)}
    assert "figure-amount:key" not in bank
    assert "$150 billion" in bank["figure-tf:key:false"].prompt
    assert "$100 billion" in bank["figure-tf:key:false"].explanation  # the correction says the true amount


def test_the_false_statement_swaps_in_the_nearest_amount(bundled_pack):
    pack = _pack_of(bundled_pack, {"low": 50, "key": 100, "near": 110, "high": 190})
    for seed in SEEDS:
        assert "$110 billion" in {q.id: q for q in generate(pack, seed)}["figure-tf:key:false"].prompt


RICH = {f"f{n}": float(n) for n in range(10, 60)}  # $10 billion … $59 billion, one a billion apart


def test_same_seed_same_items_and_other_seeds_vary_where_the_pool_allows(bundled_pack):
    pack = _pack_of(bundled_pack, RICH)
    assert [q.to_dict() for q in generate(pack, "s")] == [q.to_dict() for q in generate(pack, "s")]
    offered = {frozenset(next(q for q in generate(pack, seed) if q.id == "figure-amount:f30").choices)
               for seed in SEEDS}
    assert len(offered) > 3  # different seeds, different distractors
    # … all of them among the six amounts nearest $30 billion
    assert set().union(*offered) <= {f"${n} billion" for n in range(27, 34)}


def test_the_key_is_not_the_middle_amount_by_size(bundled_pack):
    """Nearest amounts alone would put the key in the middle of its options by size every time (a cue:
    "the middle value is right"). Across items the key takes every rank, ends included."""
    pack = _pack_of(bundled_pack, RICH)
    ranks = Counter()
    for seed in range(40):
        q = next(q for q in generate(pack, seed) if q.id == "figure-amount:f30")
        by_size = sorted(q.choices, key=lambda text: float(text.removeprefix("$").removesuffix(" billion")))
        ranks[by_size.index(q.answer)] += 1
    assert set(ranks) == {0, 1, 2, 3}
    assert ranks[0] + ranks[3] >= 10  # an end about as often as chance (half of 40), not never


def test_on_a_thin_pool_the_middle_amount_is_not_the_answer_most_of_the_time():
    """The Japanese pack's amounts are few: its nearest amounts lie on both sides of most keys, so the key
    was the middle amount by size in 80% of its amount choices. An end now takes its share (by chance
    it would be about 60%, as some items have three options)."""
    pack = load_pack(DATA / "japanese_pack")
    figures = {f.id: f for f in pack.figures}
    written = _written(pack)
    places = Counter()
    for seed in range(50):
        for q in generate(pack, seed):
            figure_id = q.id.removeprefix("figure-amount:")
            if q.id.startswith("figure-amount:") and figure_id in written:
                by_size = sorted(q.choices, key=lambda text, f=figures[figure_id], others=written[figure_id]:
                                 others[text].base_value if text in others else f.base_value)
                places["end" if by_size.index(q.answer) in (0, len(by_size) - 1) else "middle"] += 1
    assert places["end"] >= 0.4 * places.total()
