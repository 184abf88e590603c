"""A log axis has ticks to read its bars by, however narrow or wide its range."""

from __future__ import annotations

from content.briefing import Bar, Chart, log_ticks


def _chart(*values: float) -> Chart:
    bars = tuple(Bar(figure_id=f"f{i}", label=f"f{i}", value=v, display=str(v), outlet="", quote="")
                 for i, v in enumerate(values))
    return Chart(group="g", unit="USD", scale=1e12, scale_word="trillion", bars=bars)


def test_amounts_within_a_decade_get_one_two_five_ticks():
    assert log_ticks(_chart(2.3, 2.0), upto=2.5) == [1.0, 2.0]  # "$1T" alone before


def test_amounts_over_several_decades_get_powers_of_ten():
    assert log_ticks(_chart(0.065, 0.14, 2.3), upto=2.5) == [0.01, 0.1, 1.0]


def test_without_a_top_the_ticks_reach_the_highest_power_of_ten():
    assert log_ticks(_chart(2.3, 2.0)) == [1.0, 2.0, 5.0, 10.0]
