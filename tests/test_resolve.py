"""Resolution: claims from many reports into events, explained and incremental."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import make_claim
from strikewatch.extract import extract_document
from strikewatch.ingest import document_from_text
from strikewatch.model import Event, Listing
from strikewatch.resolve import (
    Claim,
    EventState,
    MemoryIndex,
    Resolver,
    merge,
    resolve_all,
)
from strikewatch.resolve.features import strike_ordinal
from strikewatch.resolve.lag import ReportLag
from strikewatch.resolve.metrics import pairwise_scores

DAY = dt.date(2012, 1, 10)


claim = make_claim


def partition(states: list[EventState]) -> set[frozenset[str]]:
    return {frozenset(c.key for c in s.claims) for s in states}


# ------------------------------------------------------------- merging


def test_same_strike_from_several_sources_merges_with_bounds_and_their_sources() -> None:
    a = claim(
        date=DAY,
        district="North Waziristan",
        place="Datta Khel",
        killed_min=4,
        killed_max=4,
        perpetrator="US",
        text="A US drone strike killed four suspected militants in Datta Khel on Tuesday.",
    )
    b = claim(
        date=DAY,
        published=DAY + dt.timedelta(days=1),
        district="North Waziristan",
        killed_min=4,
        killed_max=6,
        text="Missiles fired by a US drone killed 4-6 people in North Waziristan on Tuesday.",
    )
    c = claim(
        published=DAY + dt.timedelta(days=1),
        district="North Waziristan",
        place="Data Khail",
        killed_min=3,
        killed_max=None,
        perpetrator="US",
        text="At least three were killed when a drone hit a house in Data Khail, officials said.",
    )
    states = resolve_all([a, b, c])
    assert len(states) == 1
    state = states[0]
    event = state.event
    assert (event.killed_min, event.killed_max) == (3, 6)
    assert state.bounds["killed"].low.sources == [c.key]
    assert state.bounds["killed"].high.sources == [b.key]
    assert event.date == DAY and event.date_precision == "day"
    assert event.district == "North Waziristan"
    assert event.place == "Datta Khel"  # the most specific, most common spelling
    assert event.perpetrator == "US"
    assert event.sources == [a.key, b.key, c.key]


def test_reasons_explain_each_mention_with_its_score() -> None:
    a = claim(date=DAY, district="North Waziristan", killed_min=4, killed_max=4)
    b = claim(date=DAY, district="North Waziristan", killed_min=4, killed_max=5)
    index = MemoryIndex()
    index.add(a)
    decision = index.add(b)
    assert decision.joined and decision.event_id == index.event_of[a.key]
    assert decision.score is not None and decision.score >= decision.threshold
    text = "; ".join(decision.reasons)
    assert "same date" in text
    assert "same district North Waziristan" in text
    assert "killed 4-5 vs 4" in text
    assert set(decision.features) >= {"date", "district", "killed"}
    assert abs(sum(decision.features.values()) - decision.score) < 1e-6
    assert index.explain(b.key) == decision
    assert decision.explain().startswith("joined")
    assert decision.to_json()["reasons"] == list(decision.reasons)


def test_two_strikes_same_day_same_district_other_villages_stay_apart() -> None:
    first = [
        claim(date=DAY, district="North Waziristan", place="Datta Khel", lat=32.97, lon=69.81,
              geo_precision="village", killed_min=4, killed_max=4, named=("Ilyas Kashmiri",),
              text="A US drone killed four militants including Ilyas Kashmiri in Datta Khel."),
        claim(date=DAY, district="North Waziristan", place="Datta Khel", killed_min=4,
              killed_max=5, text="Four to five people died in a drone strike on Datta Khel."),
    ]  # fmt: skip
    second = [
        claim(date=DAY, district="North Waziristan", place="Mir Ali", lat=33.02, lon=70.29,
              geo_precision="town", killed_min=12, killed_max=12, named=("Abu Zubair",),
              text="Twelve were killed in Mir Ali when drones hit a compound of Abu Zubair."),
        claim(date=DAY, district="North Waziristan", place="Mir Ali", killed_min=10,
              killed_max=13, text="Drones struck Mir Ali, killing 10 to 13 people."),
    ]  # fmt: skip
    states = resolve_all([first[0], second[0], first[1], second[1]])
    assert partition(states) == {
        frozenset(c.key for c in first),
        frozenset(c.key for c in second),
    }


def test_mentions_of_one_document_never_share_an_event() -> None:
    doc = "wire-1"
    one = claim(doc_id=doc, index=0, date=DAY, district="North Waziristan", killed_min=4,
                killed_max=4, text="A drone killed four people in North Waziristan.")  # fmt: skip
    two = claim(doc_id=doc, index=1, date=DAY, district="North Waziristan", killed_min=4,
                killed_max=4, text="Hours later a second strike killed four more.")  # fmt: skip
    states = resolve_all([one, two])
    assert len(states) == 2


def test_a_second_strike_reported_elsewhere_stays_apart() -> None:
    first = claim(date=DAY, district="North Waziristan", killed_min=5, killed_max=5,
                  text="A US drone strike killed five people in North Waziristan.")  # fmt: skip
    again = claim(date=DAY, district="North Waziristan", killed_min=5, killed_max=5,
                  text="A US drone strike killed five people in North Waziristan.")  # fmt: skip
    second = claim(date=DAY, district="North Waziristan", killed_min=3, killed_max=4,
                   text="A second drone strike of the day killed 3-4 people in North Waziristan.")  # fmt: skip
    index = MemoryIndex()
    for c in (first, again, second):
        index.add(c)
    assert index.event_of[first.key] == index.event_of[again.key]
    assert index.event_of[second.key] != index.event_of[first.key]
    decision = index.explain(second.key)
    assert decision is not None and not decision.joined
    why = Resolver().explain(second, index.events[index.event_of[first.key]])
    assert any("several strikes that day" in r for r in why.reasons)


def test_strike_ordinals() -> None:
    assert strike_ordinal("A second drone strike of the day killed three") == 2
    assert strike_ordinal("In the first of three strikes, a drone hit a car") == 1
    assert strike_ordinal("Hours later, drones struck again") > 2
    assert strike_ordinal("The first known drone strike in Somalia") == 0
    assert strike_ordinal("the third strike in as many days") == 0


def test_claims_without_a_full_date_need_strong_agreement() -> None:
    month = dict(date_value="2012-01", date_precision="month", published=None)
    base = claim(date=DAY, published=None, district="Shabwah", country="YE", killed_min=3,
                 killed_max=3, text="A drone killed three in Shabwah.")  # fmt: skip
    weak = claim(country="YE", killed_min=3, killed_max=3, text="A drone killed three.", **month)
    strong = claim(country="YE", district="Shabwah", place="Azzan", killed_min=7, killed_max=7,
                   text="A US drone killed seven in Azzan, Shabwah.", **month)  # fmt: skip
    strong2 = claim(country="YE", district="Shabwah", place="Azzan", killed_min=7, killed_max=7,
                    perpetrator="US", named=("Fahd al-Quso",),
                    text="Seven killed in Azzan including Fahd al-Quso.", **month)  # fmt: skip
    index = MemoryIndex()
    for c in (base, weak, strong, strong2):
        index.add(c)
    assert index.event_of[weak.key] != index.event_of[base.key]
    assert index.event_of[strong2.key] == index.event_of[strong.key]
    assert Resolver().needed(weak) > Resolver().needed(base)


def test_undated_claims_start_their_own_event() -> None:
    undated = claim(published=None, killed_min=4, killed_max=4)
    assert Resolver().block(undated) is None
    decision = MemoryIndex().add(undated)
    assert not decision.joined and "no date" in decision.reasons[0]


# ------------------------------------------------------------ blocking


def test_blocking_never_compares_across_countries() -> None:
    index = MemoryIndex()
    pk = claim(country="PK", date=DAY, district="Khyber", killed_min=4, killed_max=4,
               text="A drone killed four in Khyber.")  # fmt: skip
    index.add(pk)
    ye = claim(country="YE", date=DAY, killed_min=4, killed_max=4, text="A drone killed four.")
    assert all(s.country != "YE" for s in index.candidates(ye)) or index.candidates(ye) == []
    decision = index.add(ye)
    assert not decision.joined and decision.compared == 0
    # even handed a candidate of another country, decide() does not compare it
    other = Resolver().decide(ye, list(index))
    assert other.event_id is None and other.compared <= 1
    assert all(index.events[e].country for e in index.events)
    unknown = claim(country=None, date=DAY, killed_min=4, killed_max=4, text="A drone killed four.")
    assert {s.country for s in index.candidates(unknown)} == {"PK", "YE"}


def test_decide_ignores_candidates_outside_the_block() -> None:
    far = EventState.from_claims("far", [claim(date=DAY - dt.timedelta(days=30), killed_min=4,
                                               killed_max=4)])  # fmt: skip
    near = EventState.from_claims("near", [claim(date=DAY, district="Khyber", killed_min=4,
                                                 killed_max=4)])  # fmt: skip
    c = claim(date=DAY, district="Khyber", killed_min=4, killed_max=4)
    decision = Resolver().decide(c, [far, near])
    assert decision.event_id == "near" and decision.compared == 1


def test_decide_document_assigns_each_event_once() -> None:
    event = EventState.from_claims(
        "E1", [claim(date=DAY, district="Khyber", killed_min=4, killed_max=4)]
    )
    doc = [
        claim(doc_id="art", index=i, date=DAY, district="Khyber", killed_min=4, killed_max=4)
        for i in range(2)
    ]
    decisions = Resolver().decide_document(doc, [event])
    assert [d.event_id for d in decisions].count("E1") == 1


# --------------------------------------------------------- incremental


def _stream() -> list[Claim]:
    days = [DAY + dt.timedelta(days=k) for k in (0, 0, 1, 2, 5, 5)]
    out: list[Claim] = []
    for i, day in enumerate(days):
        for j in range(3):
            out.append(
                claim(
                    date=day if j != 1 else None,
                    published=day + dt.timedelta(days=j % 2),
                    district=("Khyber", "Kurram")[i % 2],
                    killed_min=i + 2,
                    killed_max=i + 2 + j % 2,
                    text=f"A drone strike killed {i + 2} people in {'Khyber' if i % 2 == 0 else 'Kurram'}.",
                )
            )
    return out


def test_incremental_add_equals_batch() -> None:
    claims = _stream()
    batch = resolve_all(claims)
    index = MemoryIndex()
    for c in claims:
        index.add(c)
    assert partition(batch) == partition(list(index))
    for a, b in zip(batch, index, strict=True):
        assert a.event.to_json() == b.event.to_json()


def test_event_state_from_stored_claims_equals_the_built_one() -> None:
    claims = _stream()
    for state in resolve_all(claims):
        again = EventState.from_claims(state.event_id, state.claims)
        assert again.event.to_json() == state.event.to_json()


def test_merge_keeps_the_stored_events_identity() -> None:
    stored = Event(type="drone_strike", country="PK", event_id="ev-7", notes="checked by Ana")
    a = claim(date=DAY, killed_min=2, killed_max=2)
    b = claim(date=DAY, killed_min=None, killed_max=5)
    event = merge(stored, [a, b])
    assert event.event_id == "ev-7" and event.notes == "checked by Ana"
    assert (event.killed_min, event.killed_max) == (2, 5)
    assert event.sources == [a.key, b.key]


def test_pairwise_scores() -> None:
    scores = pairwise_scores(
        {"a": 1, "b": 1, "c": 2, "d": 2}, {"a": "x", "b": "x", "c": "x", "d": "y"}
    )
    assert (scores.true_pairs, scores.predicted_pairs, scores.correct_pairs) == (3, 2, 1)
    assert scores.precision == 0.5 and scores.recall == pytest.approx(1 / 3)


def test_report_lag_is_learned_from_reports_that_state_the_day() -> None:
    lag = ReportLag()
    before = lag.published_weight(1)
    for _ in range(200):
        lag.observe(0)
    assert lag.published_weight(1) < before  # same-day reporting: a day apart means less
    assert lag.published_weight(0) > lag.published_weight(1)
    assert ReportLag.from_json(lag.to_json()).counts == lag.counts


# ------------------------------------------------------- properties

_count = st.one_of(st.none(), st.integers(min_value=0, max_value=60))


@st.composite
def figures(draw: st.DrawFn) -> dict[str, int | None]:
    out: dict[str, int | None] = {}
    for name in ("killed", "civilians", "injured"):
        out[f"{name}_min"] = draw(_count)
        out[f"{name}_max"] = draw(_count)
    return out


@settings(max_examples=150, deadline=None)
@given(st.lists(figures(), min_size=1, max_size=8))
def test_merged_ranges_are_ordered_and_contain_every_claims_figures(
    rows: list[dict[str, int | None]],
) -> None:
    claims = [claim(date=DAY, **row) for row in rows]
    event = EventState.from_claims("E", claims).event
    for name in ("killed", "civilians", "injured"):
        lo, hi = getattr(event, f"{name}_min"), getattr(event, f"{name}_max")
        stated = [x for c in claims for x in c.figure(name) if x is not None]
        if not stated:
            assert lo is None and hi is None
            continue
        assert lo is not None and hi is not None and lo <= hi
        assert all(lo <= x <= hi for x in stated)
        assert lo == min(stated) and hi == max(stated)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["PK", "YE", None]),
            st.integers(min_value=0, max_value=6),
            st.integers(min_value=1, max_value=9),
        ),
        min_size=1,
        max_size=25,
    )
)
def test_no_event_mixes_countries_and_batch_equals_stream(
    rows: list[tuple[str | None, int, int]],
) -> None:
    claims = [
        claim(
            country=c,
            date=DAY + dt.timedelta(days=d),
            killed_min=k,
            killed_max=k,
            text=f"A drone killed {k}.",
        )
        for c, d, k in rows
    ]
    states = resolve_all(claims)
    for state in states:
        assert len({c.country for c in state.claims if c.country}) <= 1
    index = MemoryIndex()
    for c in claims:
        index.add(c)
    assert partition(states) == partition(list(index))
    assert sorted(k for s in states for k in (c.key for c in s.claims)) == sorted(
        c.key for c in claims
    )


@settings(max_examples=80, deadline=None)
@given(st.lists(figures(), min_size=2, max_size=6), st.data())
def test_fast_score_equals_explained_score(
    rows: list[dict[str, int | None]], data: st.DataObject
) -> None:
    resolver = Resolver()
    places = st.sampled_from([None, "Datta Khel", "Mir Ali", "Data Khail"])
    claims = [
        claim(
            date=DAY + dt.timedelta(days=data.draw(st.integers(0, 3))),
            district=data.draw(st.sampled_from([None, "Khyber", "Kurram"])),
            place=data.draw(places),
            text=data.draw(
                st.sampled_from(["A drone hit a car in Mir Ali.", "Drones struck a house.", ""])
            ),
            **row,
        )
        for row in rows
    ]
    state = EventState.from_claims("E", claims[1:])
    from strikewatch.resolve import Probe

    probe = Probe(claims[0])
    full = resolver.score(probe, state)
    date = resolver._date_weight(probe, state)
    assert date is not None
    quick = resolver._quick(probe, state, -100.0, date)
    assert quick == pytest.approx(full)


# ------------------------------------------------ from real extraction


def test_claims_from_extracted_mentions_merge() -> None:
    texts = [
        "A US drone strike killed four suspected militants in Datta Khel, North Waziristan, on Tuesday.",
        "Missiles fired by an American drone killed four people in Datta Khel in North Waziristan on Tuesday, officials said.",
    ]
    claims: list[Claim] = []
    for n, text in enumerate(texts):
        doc = document_from_text(text, f"news-{n}")
        doc.published = dt.date(2012, 1, 11)
        for i, mention in enumerate(extract_document(doc).mentions):
            claims.append(Claim.from_mention(mention, i, published=doc.published))
    assert len(claims) == 2
    assert claims[0].key == "news-0#0" and claims[0].text.startswith("A US drone")
    assert Claim.from_json(claims[0].to_json()) == claims[0]
    states = resolve_all(claims)
    assert len(states) == 1
    assert states[0].event.killed_min == 4


def _entry(text: str, doc_id: str, listing: Listing | None) -> list[Claim]:
    doc = document_from_text(text, doc_id)
    doc.listing = listing
    return [
        Claim.from_mention(m, i, published=doc.published, listing=listing.name if listing else None)
        for i, m in enumerate(extract_document(doc).mentions)
    ]


def test_a_list_entry_reports_the_listed_strike_in_its_country_on_its_day() -> None:
    text = "Six alleged militants killed in attack on house in Hamzoni, North Waziristan."
    day = dt.date(2010, 9, 2)
    assert _entry(text, "plain", None) == []  # no weapon word: news text reports no drone strike
    (claim,) = _entry(text, "entry", Listing("drone_strike", "PK", day, "summaries"))
    assert (claim.type, claim.country, claim.date) == ("drone_strike", "PK", day)
    assert (claim.killed_min, claim.killed_max, claim.district) == (6, 6, "North Waziristan")
    # a weekday has no publication day to count back from: the list's day stands
    (sunday,) = _entry("A US drone attack killed 5 people Sunday.", "wk",
                       Listing("drone_strike", "PK", dt.date(2010, 9, 2), "narratives"))  # fmt: skip
    assert sunday.date == dt.date(2010, 9, 2)
    # the sentence still has to tell of a strike: a bombing in the entry is not one
    bombing = "A suicide bomber killed six people at a checkpoint in Miranshah."
    claims = _entry(bombing, "bomb", Listing("drone_strike", "PK", day, "summaries"))
    assert all(c.type != "drone_strike" for c in claims)


def test_a_list_names_each_strike_once() -> None:
    day = dt.date(2010, 9, 2)
    summaries = Listing("drone_strike", "PK", day, "summaries")
    narratives = Listing("drone_strike", "PK", day, "narratives")
    text = "Four alleged militants killed in strike on car in Datta Khel, North Waziristan."
    a = _entry(text, "s1", summaries)
    b = _entry(text, "s2", summaries)  # the same words, another entry: another strike
    c = _entry("A US drone fired two missiles at a car in Datta Khel, killing 4.", "n1", narratives)
    states = resolve_all([*a, *b, *c])
    assert len(states) == 2
    together = next(s for s in states if len(s.claims) == 2)
    assert {cl.listing for cl in together.claims} == {"summaries", "narratives"}


def test_claim_from_a_reference_event() -> None:
    ref = Event(type="drone_strike", country="PK", origin="tbij", event_id="tbij:Ob1",
                date=DAY, date_precision="day", district="North Waziristan", killed_min=5,
                killed_max=7)  # fmt: skip
    c = Claim.from_event(ref)
    assert c.key == "tbij:Ob1" and c.origin == "tbij" and c.date == DAY
    assert (c.killed_min, c.killed_max) == (5, 7)


def test_explanations_derived_on_demand_equal_those_made_at_once() -> None:
    claims = _stream()
    eager, lazy = MemoryIndex(), MemoryIndex(explain=False)
    for c in claims:
        eager.add(c)
        lazy.add(c)
    for c in claims:
        a, b = eager.explain(c.key), lazy.explain(c.key)
        assert a is not None and b is not None
        assert a.detail == b.detail and a.score == pytest.approx(b.score)
        assert a.event_id == b.event_id
