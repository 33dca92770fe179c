"""Resolution and the claim's day: tolls that differ as outlets' do, the day's only event,
ordinals one side states, and strikes of one day that must stay apart."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from conftest import make_claim
from strikewatch.resolve import Claim, EventState, MemoryIndex, Probe, Resolver, resolve_all
from strikewatch.resolve.features import LATER, strike_ordinal
from strikewatch.resolve.score import (
    W_DAY_ALONE,
    W_DAY_CROWD,
    W_KILLED_APART,
    W_KILLED_FAR,
    W_KILLED_NEAR,
    W_KILLED_VERY_FAR,
    _killed_score,
)

DAY = dt.date(2012, 1, 10)


def claim(**kw: Any) -> Claim:
    """A claim of a fresh document unless ``doc_id`` is given, in Pakistan on ``DAY``."""
    kw.setdefault("date", DAY)
    return make_claim(**kw)


def killed_weight(
    a: tuple[int | None, int | None], *others: tuple[int | None, int | None]
) -> float:
    event = EventState.from_claims("E", [claim(killed_min=lo, killed_max=hi) for lo, hi in others])
    return _killed_score(Probe(claim(killed_min=a[0], killed_max=a[1])), event, None)


def test_tolls_that_differ_as_outlets_do_cost_little() -> None:
    assert killed_weight((5, 5), (6, 6)) == W_KILLED_NEAR  # one apart
    assert killed_weight((16, 17), (13, 13)) == W_KILLED_NEAR  # within a quarter
    assert killed_weight((3, 3), (5, 5)) == W_KILLED_APART  # two fifths
    assert killed_weight((10, 14), (7, 7)) == W_KILLED_APART  # an early count
    assert killed_weight((20, None), (21, 21)) == 0.0  # "at least 20": 21 is compatible
    assert killed_weight((2, 2), (4, 4)) == W_KILLED_FAR  # half
    assert killed_weight((3, 3), (8, 8)) == W_KILLED_VERY_FAR
    assert W_KILLED_FAR < W_KILLED_APART < W_KILLED_NEAR < 0


def test_a_toll_of_civilians_or_children_only_is_a_lower_bound() -> None:
    children = dict(killed_min=4, killed_max=4, children_min=4, children_max=4)
    event = EventState.from_claims("E", [claim(**children)])
    total = claim(killed_min=10, killed_max=10, children_min=4, children_max=4)
    assert _killed_score(Probe(total), event, None) > W_KILLED_APART
    # the same figure without the category is another count
    assert killed_weight((10, 10), (4, 4)) == W_KILLED_VERY_FAR


def test_the_only_event_of_the_day_takes_a_report_with_thin_evidence() -> None:
    first = claim(district="North Waziristan", killed_min=6, killed_max=6,
                  text="Six people were killed in a drone strike in North Waziristan.")  # fmt: skip
    # a list's summary: its day, a figure one short, nothing else in common
    late = claim(killed_min=5, killed_max=5,
                 text="Woman and child killed along with four suspected militants.")  # fmt: skip
    alone = Resolver().explain(late, EventState.from_claims("E", [first]))
    assert alone.score is not None and alone.score < alone.threshold  # the pair alone: not enough
    index = MemoryIndex()
    index.add(first)
    decision = index.add(late)
    assert decision.joined and decision.day_weight == W_DAY_ALONE
    assert any(r.startswith("the only event in PK on 2012-01-10") for r in decision.reasons)
    assert abs(sum(decision.features.values()) - (decision.score or 0.0)) < 1e-6
    lazy = MemoryIndex(explain=False)
    lazy.add(first)
    lazy.add(late)
    again = lazy.explain(late.key)
    assert again is not None and again.detail == decision.detail


def test_the_day_is_not_alone_when_it_holds_another_event() -> None:
    a = claim(district="North Waziristan", place="Datta Khel", killed_min=6, killed_max=6,
              text="Six people were killed in a drone strike in Datta Khel.")  # fmt: skip
    b = claim(district="Khyber", place="Tirah", killed_min=2, killed_max=2,
              text="Two were killed by a drone in Tirah, Khyber.")  # fmt: skip
    late = claim(killed_min=5, killed_max=5,
                 text="Woman and child killed along with four suspected militants.")  # fmt: skip
    index = MemoryIndex()
    for c in (a, b):
        index.add(c)
    decision = index.add(late)
    assert not decision.joined and decision.day_weight <= 0.0
    assert not any("only event" in r for r in decision.reasons)


def test_each_of_a_crowded_days_events_says_less() -> None:
    places = [("Datta Khel", 6), ("Mir Ali", 2), ("Miranshah", 9), ("Spinwam", 3)]
    index = MemoryIndex()
    for place, killed in places:
        index.add(claim(district="North Waziristan", place=place, killed_min=killed,
                        killed_max=killed, text=f"A drone killed {killed} in {place}."))  # fmt: skip
    late = claim(district="North Waziristan", place="Mir Ali", killed_min=2, killed_max=2,
                 text="Two people died in Mir Ali when a drone hit a car.")  # fmt: skip
    decision = index.add(late)
    assert decision.joined and decision.day_events == 4
    assert decision.day_weight == pytest.approx(-W_DAY_CROWD)  # four events: one doubling
    assert any(r.startswith("one of 4 events in PK on 2012-01-10") for r in decision.reasons)
    assert abs(sum(decision.features.values()) - (decision.score or 0.0)) < 1e-6


def test_ordinals_of_a_later_hour() -> None:
    assert strike_ordinal("Half an hour later, 5 more people died.") == LATER
    assert strike_ordinal("An hour later, missiles hit a car.") == LATER
    assert strike_ordinal("Minutes later, more missiles hit a car.") == LATER


@pytest.mark.parametrize(
    "second",
    [
        # another village of the same district, 20 km away
        dict(place="Mir Ali", lat=33.02, lon=70.29, geo_precision="town",
             text="Missiles hit a house in Mir Ali."),
        # told as a second strike of the day
        dict(text="A second drone strike of the day hit a house."),
        # a later hour, near the first
        dict(killed_min=4, killed_max=4, text="Half an hour later, missiles hit a house nearby, killing 4."),
        # a car, where the first hit a house
        dict(text="Missiles hit a car."),
        # another named target
        dict(named=("Ilyas Kashmiri",), text="Ilyas Kashmiri died when missiles hit a house."),
    ],
    ids=["other-village", "second-strike", "half-an-hour-later", "a-car", "other-target"],
)  # fmt: skip
def test_two_strikes_of_one_day_stay_apart_when_reports_say_so(second: dict[str, Any]) -> None:
    first = claim(district="North Waziristan", place="Datta Khel", lat=32.97, lon=69.81,
                  geo_precision="village", killed_min=5, killed_max=5, named=("Abu Zubair",),
                  text="A US drone hit a house in Datta Khel, killing five including Abu Zubair.")  # fmt: skip
    other = claim(**second)
    resolver = Resolver()
    pair = resolver.explain(other, EventState.from_claims("E", [first]))
    # the day's only event: its bonus would carry the claim over the bar, were nothing against it
    assert pair.score is not None and pair.score < pair.threshold <= pair.score + W_DAY_ALONE
    index = MemoryIndex(resolver)
    index.add(first)
    decision = index.add(other)
    assert not decision.joined, decision.explain()
    assert decision.day_weight <= 0.0


def test_a_silent_entry_joins_the_second_strike_when_its_list_holds_the_first() -> None:
    """Two lists of one day's two strikes: the summaries do not number them."""
    narratives, summaries = "narratives", "summaries"
    first = [
        claim(listing=narratives, district="North Waziristan", killed_min=3, killed_max=3,
              text="Two women and a child were killed in a strike on two houses."),
        claim(listing=summaries, district="North Waziristan", killed_min=3, killed_max=3,
              text="Two women and a child killed in a strike on two houses."),
    ]  # fmt: skip
    second = claim(listing=narratives, killed_min=20, killed_max=None,
                   text="The second US drone strike of the day killed at least 20 people.")  # fmt: skip
    silent = claim(listing=summaries, district="North Waziristan", killed_min=21, killed_max=21,
                   text="21 killed including a woman and a child.")  # fmt: skip
    states = resolve_all([*first, second, silent])
    events = {frozenset(c.key for c in s.claims) for s in states}
    assert events == {
        frozenset(c.key for c in first),
        frozenset({second.key, silent.key}),
    }
    index = MemoryIndex()
    for c in (*first, second):
        index.add(c)
    decision = index.add(silent)
    assert decision.joined
    assert any("the day's earlier strike is another event" in r for r in decision.reasons)
    # without the first strike's event, the summary's silence still counts against
    alone = Resolver().explain(silent, EventState.from_claims("E", [second]))
    assert alone.features.get("ordinal", 0.0) < 0
