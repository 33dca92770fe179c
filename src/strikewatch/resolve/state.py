"""An event being built from claims, updated one claim at a time.

:class:`EventState` keeps the claims of one strike and running summaries of
them (date counts, districts, place names, casualty bounds with the claims
that gave them, ...), so that adding a claim costs a few dictionary updates
and never a rebuild, and comparing a new claim with the event costs a few set
lookups. :meth:`EventState.event` renders the summaries as the shared
:class:`~strikewatch.model.Event`.

The casualty range follows the Bureau of Investigative Journalism: the
event's minimum is the lowest minimum any source gives and its maximum the
highest maximum, and the claims that gave each bound are kept. A one-sided
figure ("at least 10", "up to 7") counts as its stated number on both sides,
so the range always contains every number any source stated and min <= max.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from strikewatch.model import DatePrecision, Event, EventType
from strikewatch.resolve.claim import FIGURES, Claim
from strikewatch.resolve.features import (
    TextFeatures,
    match_key,
    name_key,
    name_parts,
    person_keys,
    scan,
)

if TYPE_CHECKING:
    from strikewatch.resolve.decision import Decision

#: ``geo_precision`` values from the most specific to the least
GEO_RANK = {"village": 0, "town": 1, "district": 2, "province": 3, "country": 4}
#: how many sentences' token sets an event keeps for text similarity
MAX_TOKEN_SETS = 4
#: how many coordinates an event keeps (the first is compared)
MAX_COORDS = 4
_TYPE_ORDER: dict[str, int] = {"drone_strike": 0, "air_strike": 1, "other_attack": 2}
_PRECISION_ORDER: dict[str, int] = {
    "day": 0, "partial_day": 1, "month": 2, "partial_month": 3, "year": 4,
}  # fmt: skip


_NO_TEXT = TextFeatures(frozenset(), frozenset(), 0, frozenset(), frozenset())
#: the marks of no event: one object, since every decision keeps its claim's (an empty
#: frozenset is no singleton, and a million of them weigh 200 MB)
NO_MARKS: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=4096)
def _exclude(*names: str | None) -> frozenset[str]:
    """Names a claim's sentence gives that other features already count (and their words)."""
    out: set[str] = set()
    for name in names:
        if name:
            out |= name_parts(name)
    return frozenset(out)


class Probe:
    """What a claim looks like to the scorer, computed once per claim.

    Not kept on the claim: token sets cost far more memory than the claim
    itself, and an event keeps only a few of them.
    """

    __slots__ = (
        "admin1",
        "bounds",
        "claim",
        "coords",
        "day",
        "district",
        "earlier",
        "groups",
        "killed",
        "numbers",
        "ordinal",
        "others",
        "persons",
        "place",
        "place_parts",
        "propers",
        "pub",
        "soft",
        "targets",
        "tokens",
        "words",
    )  # fmt: skip

    def __init__(self, claim: Claim) -> None:
        self.claim = claim
        self.day: int | None = claim.date.toordinal() if claim.date is not None else None
        self.pub: int | None = claim.published.toordinal() if claim.published else None
        self.district: str | None = name_key(claim.district) if claim.district else None
        self.admin1: str | None = name_key(claim.admin1) if claim.admin1 else None
        self.place: str | None = match_key(claim.place) if claim.place else None
        fine = claim.geo_precision in ("village", "town") or (
            claim.geo_precision is None and claim.place is not None
        )
        self.coords: tuple[float, float] | None = (
            (claim.lat, claim.lon)
            if fine and claim.lat is not None and claim.lon is not None
            else None
        )
        exclude = _exclude(claim.district, claim.admin1, claim.country, claim.perpetrator)
        text = scan(claim.text, exclude) if claim.text else _NO_TEXT
        resolved = name_parts(claim.place) if claim.place else frozenset()
        #: the keys of the resolved place's name ("Datta Khel": datakhel, data)
        self.place_parts: frozenset[str] = resolved
        #: place names: the resolved place and the unresolved ones after "in", "near"
        self.words: frozenset[str] = text.places | resolved
        #: proper names in the sentence, with the resolved place's
        self.propers: frozenset[str] = text.propers | resolved
        self.groups: frozenset[str] = frozenset(match_key(g) for g in claim.groups)
        persons: set[str] = set()
        for n in claim.named:
            persons |= person_keys(n)
        self.persons: frozenset[str] = frozenset(persons)
        self.ordinal: int = text.ordinal
        #: set by the scorer from the claim's block: the marks (see :func:`strike_marks`) of
        #: events that may be the day's earlier strike and that the claim cannot join
        self.earlier: frozenset[str] = NO_MARKS
        #: the most the features after the date, and after the figures, can add (scorer's)
        self.bounds: tuple[float, float, float] | None = None
        self.tokens: frozenset[str] = text.tokens
        self.targets: frozenset[str] = text.targets
        self.killed: tuple[int, int] | None = stated_range(claim.killed_min, claim.killed_max)
        #: the killed numbers the claim states, and the range they make likely
        self.numbers: frozenset[int] = frozenset(
            x for x in (claim.killed_min, claim.killed_max) if x is not None
        )
        self.soft: tuple[int, int] | None = None
        if self.killed is not None:
            lo, hi = claim.killed_min, claim.killed_max
            if _counts_one_kind(claim):
                # "20 civilians were killed" counts the civilians: the toll is at least that
                lo, hi = lo if lo is not None else hi, None
            self.soft = soft_range(lo, hi)
        #: the civilian, child and injured figures the claim states
        others: list[tuple[str, int | None, int | None]] = []
        if claim.civilians_min is not None or claim.civilians_max is not None:
            others.append(("civilians", claim.civilians_min, claim.civilians_max))
        if claim.children_min is not None or claim.children_max is not None:
            others.append(("children", claim.children_min, claim.children_max))
        if claim.injured_min is not None or claim.injured_max is not None:
            others.append(("injured", claim.injured_min, claim.injured_max))
        self.others: tuple[tuple[str, int | None, int | None], ...] = tuple(others)


def strike_marks(state: EventState) -> frozenset[str]:
    """The lists and documents whose entries the event holds.

    Two events that share one are two strikes: a list names each strike
    once, and an article's mentions are strikes it tells apart.
    """
    return frozenset(
        [f"list:{name}" for name in state.listings] + [f"doc:{doc}" for doc in state.doc_ids]
    )


def _counts_one_kind(claim: Claim) -> bool:
    """Whether the claim's toll is only its civilians or its children ("four children died").

    Such a report counts one kind of victim; another's total, with the
    militants or adults killed beside them, may well be higher.
    """
    killed = (claim.killed_min, claim.killed_max)
    if killed == (None, None):
        return False
    return killed in (
        (claim.civilians_min, claim.civilians_max),
        (claim.children_min, claim.children_max),
    )


def soft_range(lo: int | None, hi: int | None) -> tuple[int, int]:
    """The numbers a hedged figure makes likely, for comparison only.

    "At least 4" reports four or somewhat more, "up to 16" sixteen or
    somewhat fewer, not any number below: read as 4-8 and 8-16, so "up to
    80" does not agree with "at least 2".
    """
    if lo is not None and hi is not None:
        return lo, hi
    if lo is not None:
        return lo, max(2 * lo, lo + 3)
    assert hi is not None
    return hi // 2, hi


def stated_range(lo: int | None, hi: int | None) -> tuple[int, int] | None:
    """The closed range of numbers a figure states; an open side takes the other's value.

    Used for bounds: "at least 10" stated 10, so 10 must lie in the event's
    range. For comparison see :func:`open_range`.
    """
    if lo is None and hi is None:
        return None
    if lo is None:
        lo = hi
    if hi is None:
        hi = lo
    assert lo is not None and hi is not None
    return (lo, hi) if lo <= hi else (hi, lo)


@dataclass(slots=True)
class Bound:
    """One end of an event's casualty range and the claims that gave it."""

    value: int
    sources: list[str] = field(default_factory=list)


@dataclass(slots=True)
class FigureBounds:
    """The event's range of one figure: the lowest minimum and the highest maximum."""

    low: Bound
    high: Bound

    def to_json(self) -> dict[str, Any]:
        return {
            "min": self.low.value,
            "min_sources": list(self.low.sources),
            "max": self.high.value,
            "max_sources": list(self.high.sources),
        }


class EventState:
    """One event, its claims, and what resolution needs to compare claims with it."""

    __slots__ = (
        "_base",
        "_event",
        "admin1s",
        "anchors",
        "bounds",
        "claims",
        "coords",
        "countries",
        "country",
        "day",
        "decisions",
        "districts",
        "doc_ids",
        "event_id",
        "groups",
        "listings",
        "missiles",
        "num_hi",
        "num_lo",
        "numbers",
        "ordinals",
        "partials",
        "perpetrators",
        "persons",
        "places",
        "propers",
        "pub_hi",
        "pub_lo",
        "ranges",
        "soft_hi",
        "soft_lo",
        "stated",
        "targets",
        "token_sets",
        "types",
        "words",
    )  # fmt: skip

    def __init__(self, event_id: str, base: Event | None = None) -> None:
        self.event_id = event_id
        self.claims: list[Claim] = []
        #: the decision that put each claim here, by claim key (when recorded)
        self.decisions: dict[str, Decision] = {}
        self.doc_ids: set[str] = set()
        #: the lists whose entries the event holds: a list names each event once
        self.listings: set[str] = set()
        #: days the event is found by: its stated days, or, until one is stated,
        #: its claims' publication days (ordinals)
        self.anchors: set[int] = set()
        #: partial dates of claims that give neither a full day nor a publication date
        self.partials: Counter[str] = Counter()
        self.countries: Counter[str] = Counter()
        #: the most common country of the claims (kept current by ``add``)
        self.country: str | None = None
        self.stated: Counter[int] = Counter()
        #: the most often stated day (ties: the earliest), as an ordinal
        self.day: int | None = None
        self.pub_lo: int | None = None
        self.pub_hi: int | None = None
        self.districts: Counter[str] = Counter()
        self.admin1s: Counter[str] = Counter()
        #: place name key -> how many claims named it
        self.places: Counter[str] = Counter()
        self.coords: list[tuple[float, float]] = []
        self.words: set[str] = set()
        #: proper names the claims' sentences give (people, places, unresolved)
        self.propers: set[str] = set()
        self.bounds: dict[str, FigureBounds] = {}
        #: distinct killed ranges stated, for "same figure" comparisons
        self.ranges: set[tuple[int | None, int | None]] = set()
        #: every killed number any claim states
        self.numbers: set[int] = set()
        #: the hull of the ranges the killed figures make likely (see soft_range)
        self.soft_lo: int | None = None
        self.soft_hi: int | None = None
        #: the lowest and highest killed number stated (0 until one is)
        self.num_lo = 0
        self.num_hi = 0
        self.perpetrators: Counter[str] = Counter()
        self.groups: set[str] = set()
        self.persons: set[str] = set()
        self.ordinals: set[int] = set()
        #: what the claims say was hit (vehicle, building, ...)
        self.targets: set[str] = set()
        #: missile counts stated
        self.missiles: set[int] = set()
        self.token_sets: list[frozenset[str]] = []
        self.types: Counter[str] = Counter()
        self._event: Event | None = None
        self._base = base

    def __repr__(self) -> str:
        return f"EventState({self.event_id!r}, {len(self.claims)} claims)"

    # ------------------------------------------------------------- building

    @classmethod
    def from_claims(
        cls, event_id: str, claims: Iterable[Claim], base: Event | None = None
    ) -> EventState:
        """Rebuild an event from its stored claims (what a database-backed store does)."""
        state = cls(event_id, base)
        for claim in claims:
            state.add(claim)
        return state

    def add(self, claim: Claim, probe: Probe | None = None) -> int | None:
        """Add one claim: update every summary in place, O(size of the summaries).

        Returns the day the event is newly anchored on, if the claim adds one
        (an index files the event under it).
        """
        p = probe if probe is not None and probe.claim is claim else Probe(claim)
        new_anchor: int | None = None
        self.claims.append(claim)
        self.doc_ids.add(claim.doc_id)
        if claim.listing:
            self.listings.add(claim.listing)
        self._event = None
        self.types[claim.type] += 1
        if claim.country:
            self.countries[claim.country] += 1
            self.country = _mode(self.countries)
        # anchors: the stated days; publication days only while no claim states a day,
        # so an event is found by the day it happened once that is known
        if p.day is not None:
            self.stated[p.day] += 1
            if p.day not in self.anchors:
                self.anchors.add(p.day)
                new_anchor = p.day
            self.day = max(self.stated.items(), key=lambda kv: (kv[1], -kv[0]))[0]
        else:
            if claim.date_value and p.pub is None:
                self.partials[claim.date_value] += 1
            if p.pub is not None and self.day is None and p.pub not in self.anchors:
                self.anchors.add(p.pub)
                new_anchor = p.pub
        if p.pub is not None:
            self.pub_lo = p.pub if self.pub_lo is None else min(self.pub_lo, p.pub)
            self.pub_hi = p.pub if self.pub_hi is None else max(self.pub_hi, p.pub)
        if p.district:
            self.districts[p.district] += 1
        if p.admin1:
            self.admin1s[p.admin1] += 1
        if p.place:
            self.places[p.place] += 1
        if p.coords is not None and len(self.coords) < MAX_COORDS:
            self.coords.append(p.coords)
        if p.words and len(self.words) < 32:
            self.words |= p.words
        if p.propers and len(self.propers) < 64:
            self.propers |= p.propers
        if claim.perpetrator:
            self.perpetrators[claim.perpetrator] += 1
        self.groups |= p.groups
        self.persons |= p.persons
        if p.ordinal:
            self.ordinals.add(p.ordinal)
        self.targets |= p.targets
        if claim.missiles is not None:
            self.missiles.add(claim.missiles)
        if p.tokens and len(self.token_sets) < MAX_TOKEN_SETS:
            self.token_sets.append(p.tokens)
        if p.soft is not None:
            self.ranges.add((claim.killed_min, claim.killed_max))
            self.numbers |= p.numbers
            lo, hi = p.soft
            self.soft_lo = lo if self.soft_lo is None else min(self.soft_lo, lo)
            self.soft_hi = hi if self.soft_hi is None else max(self.soft_hi, hi)
            self.num_lo, self.num_hi = min(self.numbers), max(self.numbers)
        if p.killed is not None:
            self._add_bound("killed", p.killed, claim.key)
        for name, other_lo, other_hi in p.others:
            stated = stated_range(other_lo, other_hi)
            if stated is not None:
                self._add_bound(name, stated, claim.key)
        return new_anchor

    def _add_bound(self, name: str, stated: tuple[int, int], key: str) -> None:
        lo, hi = stated
        current = self.bounds.get(name)
        if current is None:
            self.bounds[name] = FigureBounds(Bound(lo, [key]), Bound(hi, [key]))
            return
        if lo < current.low.value:
            current.low = Bound(lo, [key])
        elif lo == current.low.value:
            current.low.sources.append(key)
        if hi > current.high.value:
            current.high = Bound(hi, [key])
        elif hi == current.high.value:
            current.high.sources.append(key)

    # ------------------------------------------------------------ summaries

    @property
    def event(self) -> Event:
        """The event as the shared model holds it, rebuilt only after a change."""
        if self._event is None:
            self._event = self._render()
        return self._event

    def _render(self) -> Event:
        base = self._base
        event = Event(
            type=_event_type(self.types),
            country=self.country or (base.country if base else None),
            origin=base.origin if base else "extracted",
            event_id=self.event_id,
            source_ref=base.source_ref if base else None,
            notes=base.notes if base else None,
        )
        self._render_date(event)
        self._render_place(event)
        for name in FIGURES:
            b = self.bounds.get(name)
            if b is not None:
                setattr(event, f"{name}_min", b.low.value)
                setattr(event, f"{name}_max", b.high.value)
        perp = _mode(self.perpetrators)
        event.perpetrator = perp
        event.groups = _union(c.groups for c in self.claims)
        event.named = _union(c.named for c in self.claims)
        event.sources = [c.key for c in self.claims]
        return event

    def _render_date(self, event: Event) -> None:
        day = self.day
        if day is not None:
            event.date = dt.date.fromordinal(day)
            event.date_precision = "day"
            event.date_earliest = dt.date.fromordinal(min(self.stated))
            event.date_latest = dt.date.fromordinal(max(self.stated))
            return
        # no source states the day: the strike came no later than its first report
        precisions = [c.date_precision for c in self.claims if c.date_precision]
        if precisions:
            best: DatePrecision = min(precisions, key=lambda p: _PRECISION_ORDER.get(p, 9))
            event.date_precision = best
        if self.pub_lo is not None:
            event.date_latest = dt.date.fromordinal(self.pub_lo)

    def _render_place(self, event: Event) -> None:
        district_key = _mode(self.districts)
        chosen: Claim | None = None
        chosen_rank = (99, 0)
        for c in self.claims:
            if c.district and name_key(c.district) != district_key:
                continue  # a place in another district is not consistent with the event
            if c.place:
                rank = GEO_RANK.get(c.geo_precision or "town", 1)
                votes = self.places[match_key(c.place)]
                key = (rank, -votes)
                if key < chosen_rank:
                    chosen, chosen_rank = c, key
        for c in self.claims:
            if district_key and c.district and name_key(c.district) == district_key:
                event.district = c.district
                event.admin1 = c.admin1 or event.admin1
                break
        if event.admin1 is None:
            admin1_key = _mode(self.admin1s)
            event.admin1 = next(
                (c.admin1 for c in self.claims if c.admin1 and name_key(c.admin1) == admin1_key),
                None,
            )
        if chosen is not None:
            event.place = chosen.place
            event.lat, event.lon = chosen.lat, chosen.lon
            event.geo_precision = chosen.geo_precision
            if event.district is None:
                event.district = chosen.district
            return
        for c in self.claims:  # no place named: the coarsest coordinates consistent with it
            if c.lat is None or c.lon is None or c.geo_precision not in ("district", None):
                continue
            if c.district is None or name_key(c.district) == district_key:
                event.lat, event.lon, event.geo_precision = c.lat, c.lon, c.geo_precision
                break

    def to_json(self) -> dict[str, Any]:
        """The event, its claim keys, bounds and decisions, for a JSON column or an API."""
        return {
            "event": self.event.to_json(),
            "claims": [c.key for c in self.claims],
            "bounds": {k: v.to_json() for k, v in self.bounds.items()},
            "decisions": {k: d.to_json() for k, d in self.decisions.items()},
        }


def _mode(counter: Counter[str]) -> str | None:
    """The most common value; ties go to the value seen first."""
    if not counter:
        return None
    best, best_n = None, 0
    for value, n in counter.items():  # insertion order: first seen wins ties
        if n > best_n:
            best, best_n = value, n
    return best


def _event_type(types: Counter[str]) -> EventType:
    if not types:
        return "drone_strike"
    top = max(types.values())
    winners = [t for t, n in types.items() if n == top]
    best = min(winners, key=lambda t: _TYPE_ORDER.get(t, 9))
    return best  # type: ignore[return-value]


def _union(lists: Iterable[tuple[str, ...]]) -> list[str]:
    """Values in order of first appearance, one per spelling-tolerant key."""
    seen: set[str] = set()
    out: list[str] = []
    for values in lists:
        for v in values:
            k = name_key(v)
            if k not in seen:
                seen.add(k)
                out.append(v)
    return out


def merge(event: Event, claims: Iterable[Claim]) -> Event:
    """The event as its claims make it, keeping its identity (id, origin, notes).

    What a store calls after adding claims to a stored event: the range is
    the min of the minimums and the max of the maximums, the date the most
    often stated day, the place the most specific one consistent with the
    district most sources give, the perpetrator the majority.
    """
    state = EventState.from_claims(event.event_id or "", claims, base=event)
    return state.event
