"""Scoring a claim against candidate events, and deciding which one it joins.

The score is a sum of evidence weights in the manner of Fellegi and Sunter's
record linkage: each feature adds when the claim and the event agree, takes
away when they contradict each other, and says nothing when either side is
silent (a report that names no village is no evidence of another village).
Weights are round numbers set by hand on what distinguishes reports of one
strike from reports of two (see ``bench/dronestream_merge.py`` and
``bench/resolve_bench.py``): a stated day or a named target agreeing is
strong evidence, a shared publication day weak, another district or clearly
other figures strong evidence against.

The claim's day weighs more or less by how crowded it is in the claim's
block: the only event of the day, with nothing hard against the claim, gets
``W_DAY_ALONE``; each of three or more events sharing it loses some of the
day's weight. Those weights depend on the block, not on the pair, so
:meth:`Resolver.assign` gives them and a :class:`Decision` keeps them.

A claim without a full date (only a month, or "July 10" with no year) needs
``partial_margin`` more than the threshold, so it joins an event only when
place and figures agree strongly. One document's mentions never join the
same event: the extractor already split them because the article reports
them as different strikes ("a second strike hit ...").
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from strikewatch.resolve.claim import Claim
from strikewatch.resolve.decision import Block, Decision
from strikewatch.resolve.features import (
    LATER,
    capitalised,
    km_between,
    name_parts,
    ordinals_conflict,
    proper_key,
)
from strikewatch.resolve.lag import ReportLag
from strikewatch.resolve.state import NO_MARKS, EventState, Probe, strike_marks

NEVER = -math.inf
#: candidates scoring this far below the threshold are not ranked or explained
NEAR_MISS = 0.5

# ----------------------------------------------------------------- weights
# date: both sides state the day
W_SAME_DAY = 2.0
W_DAY_1 = -0.5  # weekday slips ("Tuesday night" / "early Wednesday") make it not rarer
W_DAY_2 = -1.5
W_DAY_3 = -2.5
W_DAY_FAR = -3.0
# date: how crowded the claim's day is, a prior on top of the pair's evidence. W_SAME_DAY is
# weighed against the other strikes of a whole window, but strikes in one country on one day
# are few: when the claim states the day of the only event its block has that day, and
# nothing hard contradicts it (see _contradicts), the day says more. When several events
# share the day (even ones the claim cannot join: the day is busy), it says less for each of
# them, as Fellegi-Sunter's frequency adjustment weighs agreement on a common value less.
W_DAY_ALONE = 0.75
W_DAY_CROWD = 0.5  # taken from each of the day's events per doubling of their number beyond two
W_DAY_CROWD_MAX = 1.5
# date: when one or both sides give only a publication day, the weights come from
# the report delay learned from the reports themselves (see lag.py)
# place
W_DISTRICT_SAME = 1.2
W_DISTRICT_OTHER = -2.5
W_ADMIN1_SAME = 0.3
W_ADMIN1_OTHER = -1.5
W_PLACE_SAME = 1.5
W_PLACE_NEAR = 1.2  # coordinates within 3 km
W_PLACE_CLOSE = -0.5  # within 15 km: neighbouring villages
W_PLACE_OTHER = -1.5
W_PLACE_FAR = -2.5  # more than 50 km apart
W_WORDS_SAME = 1.5  # an unusual proper name in both sentences
W_WORDS_OTHER = -0.6  # both name a place "in ..." and the names differ
# casualties
W_KILLED_EQUAL = 1.2
W_KILLED_EQUAL_RARE = 1.8  # the same figure of 5 or more is rarer than the same 1 or 2
W_KILLED_SHARED = 0.9  # one bound the same: "at least 4" and "4-5"
W_KILLED_SHARED_RARE = 1.4
W_KILLED_OVERLAP = 0.5  # narrow ranges that overlap: "3-4" and "4-6"
# figures apart, by how far their nearest numbers are: outlets' tolls routinely differ by a
# fifth to two fifths (5 vs 6, 7 vs 10-14 from an early count), seldom by half or more
W_KILLED_NEAR = -0.3  # one apart, or within a quarter: "5" and "6", "13" and "16-17"
W_KILLED_APART = -0.8  # within KILLED_APART_SHARE: "3" and "5", "7" and "10-14"
W_KILLED_FAR = -1.5
W_KILLED_VERY_FAR = -2.5  # three or more apart and one twice the other
KILLED_NEAR_SHARE = 0.25
KILLED_APART_SHARE = 0.45
W_OTHER_FIGURE_SAME = 0.2
W_OTHER_FIGURE_FAR = -0.6
# actors
W_PERP_SAME = 0.2
W_PERP_OTHER = -1.5
W_GROUP_SAME = 0.5
W_GROUP_OTHER = -0.3
W_NAMED_SAME = 2.0
W_NAMED_OTHER = -1.2
W_ORDINAL_SAME = 1.0
W_ORDINAL_OTHER = -2.5
#: the claim says its strike followed another that day ("a second strike", "hours
#: later") and none of the event's reports does, per report (up to three): reports
#: of a second strike mostly say so, so each silent one makes it likelier the first
W_ORDINAL_UNPAIRED = -1.0
MAX_SILENT = 3
W_TARGET_SAME = 0.5  # both say a vehicle (or a house, ...) was hit
W_TARGET_OTHER = -1.0  # one says a car, the other a house
W_MISSILES_SAME = 0.7
W_MISSILES_OTHER = -1.2  # two or more missiles apart
# text: W_TEXT * (similarity - TEXT_PIVOT), clipped
W_TEXT = 4.0
TEXT_PIVOT = 0.15
TEXT_MIN, TEXT_MAX = 0.0, 1.5


@dataclass(frozen=True, slots=True)
class ResolverConfig:
    """The knobs of resolution; the defaults are the calibrated ones."""

    #: the score a claim needs to join an event
    threshold: float = 1.75
    #: blocking window around the claim's day, in days each side
    window_days: int = 3
    #: extra score a claim without a full day (stated or published) needs
    partial_margin: float = 2.5


class _Day(NamedTuple):
    """What the claim's block says of its day: how many events, who gets what weight."""

    events: int
    alone_id: str | None
    crowd: float
    crowded: frozenset[str]


@functools.lru_cache(maxsize=256)
def _crowd_weight(count: int) -> float:
    """The day's weight for each of ``count`` events sharing it: nothing up to two.

    Cached, so the millions of decisions of a batch share a few float objects.
    """
    if count <= 2:
        return 0.0
    return max(-W_DAY_CROWD_MAX, -W_DAY_CROWD * math.log2(count / 2))


class _Scored:
    """Feature contributions collected while scoring, for the reasons."""

    __slots__ = ("items",)

    def __init__(self) -> None:
        self.items: list[tuple[str, float, str]] = []

    def add(self, feature: str, weight: float, reason: str) -> None:
        self.items.append((feature, weight, reason))

    def note(self, reason: str) -> None:
        """A reason that is no feature (it adds nothing to the score)."""
        self.items.append(("", 0.0, reason))


class Resolver:
    """Decides which candidate event a claim joins, and explains the decision."""

    def __init__(self, config: ResolverConfig | None = None, lag: ReportLag | None = None) -> None:
        self.config = config or ResolverConfig()
        #: how long after a strike its reports appear, learned as claims arrive
        self.lag = lag or ReportLag(self.config.window_days)

    def learn(self, claim: Claim) -> None:
        """Let a resolved claim teach the report delay (when it states a day and has a date).

        A store calls this for each claim it adds, after deciding it, and may
        keep ``resolver.lag.to_json()`` to start from it next time.
        """
        if claim.date is not None and claim.published is not None:
            self.lag.observe((claim.published - claim.date).days)

    # ------------------------------------------------------------- blocking

    def block(self, claim: Claim) -> Block | None:
        """The candidate query for a claim, or ``None`` when it has no date to block on.

        A claim anchored on a day (stated, else its publication day) blocks
        on that day +- ``window_days``; one with only a month blocks on the
        month; one with only a year or a yearless date blocks on events that
        carry the same partial date.
        """
        w = dt.timedelta(days=self.config.window_days)
        anchor = claim.anchor
        if anchor is not None:
            return Block(claim.country, anchor - w, anchor + w)
        partial = claim.partial_date
        if not partial:
            return None
        month = _month_range(partial) if claim.date_precision == "month" else None
        if month is not None:
            return Block(claim.country, month[0], month[1], partial)
        return Block(claim.country, None, None, partial)

    def needed(self, claim: Claim) -> float:
        """The score this claim needs to join an event."""
        extra = 0.0 if claim.anchor is not None else self.config.partial_margin
        return self.config.threshold + extra

    # ------------------------------------------------------------ deciding

    def decide(self, claim: Claim, candidates: Iterable[EventState]) -> Decision:
        """Which of the candidates (the events of the claim's block) the claim joins.

        Candidates outside the claim's block (another country, no date in the
        window) are ignored, so a store may pass a generous superset.
        """
        block = self.block(claim)
        admitted = [] if block is None else [s for s in candidates if block.admits(s)]
        return self._decide(Probe(claim), admitted)

    def decide_document(
        self, claims: Sequence[Claim], candidates: Iterable[EventState]
    ) -> list[Decision]:
        """Decisions for all mentions of one document at once.

        One article's mentions are different strikes, so each event takes at
        most one of them; pairs are assigned best score first, so "a second
        strike" cannot take the event its document's first strike belongs to.
        """
        pool = list(candidates)
        per_claim: list[list[EventState]] = []
        for claim in claims:
            block = self.block(claim)
            per_claim.append([] if block is None else [s for s in pool if block.admits(s)])
        return self.assign([Probe(c) for c in claims], per_claim)

    def explain(self, claim: Claim, state: EventState) -> Decision:
        """Score one claim against one event with every reason, however far apart.

        For review screens ("why is this mention here?", "why not in that
        event?"); ``event_id`` is the event when the score reaches the bar.
        The pair alone: how crowded the claim's day is in its block is not
        weighed (a :class:`Decision` from :meth:`assign` keeps that weight).
        """
        need = self.needed(claim)
        total, detail = self.detail(Probe(claim), state, need)
        if total == NEVER:
            why = "cannot be one strike: another country, or the same document"
            return Decision(claim.key, None, None, need, Decision.pack([("", 0.0, why)]))
        return Decision(
            claim_key=claim.key,
            event_id=state.event_id if total >= need else None,
            score=total,
            threshold=need,
            detail=detail,
            best_id=state.event_id,
            compared=1,
            best_size=len(state.claims),
            lag_fit=self.lag.fit,
        )

    def _decide(self, probe: Probe, candidates: Sequence[EventState]) -> Decision:
        return self.assign([probe], [candidates])[0]

    def assign(
        self,
        probes: Sequence[Probe],
        candidates: Sequence[Sequence[EventState]],
        *,
        explain: bool = True,
    ) -> list[Decision]:
        """Score every probe against its candidates; assign greedily, one probe per event.

        The probes are the mentions of one document (or one claim alone);
        ``candidates[i]`` are the events of probe ``i``'s block. Without
        ``explain`` the decisions carry the score but not the reasons, which
        :meth:`explain` can give later.
        """
        ranked: list[list[tuple[float, EventState]]] = []
        pairs: list[tuple[float, int, EventState]] = []
        compared: list[int] = []
        needs: list[float] = []
        days: list[_Day] = []
        for i, (probe, cands) in enumerate(zip(probes, candidates, strict=True)):
            dated: list[tuple[float, EventState]] = []
            earlier: frozenset[str] = NO_MARKS
            barred = 0  # events of the claim's day it cannot join: the day is busier
            for state in cands:
                w = self._date_weight(probe, state)
                if w is not None:
                    dated.append((w, state))
                elif probe.day is not None and _same_country(probe, state):
                    if state.day == probe.day:
                        barred += 1
                    if _earlier_barred(probe, state):
                        earlier |= strike_marks(state)
            probe.earlier = earlier
            need = self.needed(probe.claim)
            floor = need - NEAR_MISS
            # the events the date puts on the claim's day: how many, and what that is worth
            of_day = probe.day is not None
            count = barred + sum(1 for w, _ in dated if w > 0) if of_day else 0
            crowd = _crowd_weight(count)
            # scored down to where the day's weight could bring them
            day_floor = floor - W_DAY_ALONE if count == 1 else floor - crowd
            scored: list[tuple[float, EventState]] = []
            day: list[tuple[float, EventState]] = []
            for w, state in dated:
                if of_day and w > 0:
                    s = self._quick(probe, state, day_floor, w)
                    day.append((NEVER if s is None else s, state))
                    if s is not None:
                        s += crowd
                else:
                    s = self._quick(probe, state, floor, w)
                if s is not None and s >= floor:  # far below: not worth ranking or explaining
                    scored.append((s, state))
            only = self._alone(probe, day, count, floor)
            if only is not None:
                scored = [(s, st) for s, st in scored if st is not only]
                scored.append((day[0][0] + W_DAY_ALONE, only))
            for s, state in scored:
                if s >= need:
                    pairs.append((s, i, state))
            scored.sort(key=lambda x: -x[0])
            ranked.append(scored)
            compared.append(len(dated))
            needs.append(need)
            crowded = frozenset(st.event_id for _, st in day) if crowd else NO_MARKS
            days.append(_Day(count, only.event_id if only is not None else None, crowd, crowded))
        chosen: dict[int, EventState] = {}
        if len(probes) == 1:
            if pairs:
                chosen[0] = max(pairs, key=lambda x: x[0])[2]
        else:
            taken: set[str] = set()
            for _, i, state in sorted(pairs, key=lambda x: -x[0]):
                if i not in chosen and state.event_id not in taken:
                    chosen[i] = state
                    taken.add(state.event_id)
        return [
            self._decision(probe, ranked[i], chosen.get(i), compared[i], needs[i], explain, days[i])
            for i, probe in enumerate(probes)
        ]

    def _alone(
        self, probe: Probe, day: list[tuple[float, EventState]], count: int, floor: float
    ) -> EventState | None:
        """The event that gets :data:`W_DAY_ALONE`, if any.

        ``day`` holds the events the date puts on the claim's day that it can
        join, with their scores (``NEVER`` when too low to matter); ``count``
        all the day's events, those it cannot join too. The event gets the
        bonus when it is the only event of the day, states the claim's day,
        would come near the threshold with it, and nothing hard contradicts
        the claim.
        """
        if count != 1 or len(day) != 1:
            return None
        base, only = day[0]
        if only.day != probe.day or base + W_DAY_ALONE < floor or _contradicts(probe, only):
            return None
        return only

    def _decision(
        self,
        probe: Probe,
        ranked: list[tuple[float, EventState]],
        chosen: EventState | None,
        compared: int,
        need: float,
        explain: bool = True,
        day: _Day | None = None,
    ) -> Decision:
        claim = probe.claim
        if not ranked:
            if self.block(claim) is None:
                reason = "no date to compare on"
            elif compared:
                reason = (
                    f"none of {compared} candidate events came within {NEAR_MISS} of the threshold"
                )
            else:
                reason = "no candidate event in the block"
            return Decision(
                claim.key, None, None, need, Decision.pack([("", 0.0, reason)]), compared=compared
            )
        target = chosen if chosen is not None else ranked[0][1]
        others = [(s, st) for s, st in ranked if st is not target]
        runner = (others[0][1].event_id, round(others[0][0], 3)) if others else None
        weight, count = 0.0, 0
        if day is not None:
            count = day.events
            if day.alone_id == target.event_id:
                weight = W_DAY_ALONE
            elif target.event_id in day.crowded:
                weight = day.crowd
        if explain:
            total, detail = self.detail(
                probe,
                target,
                need,
                sibling=chosen is None,
                day_weight=weight,
                day_events=count,
                earlier=probe.earlier,
            )
        else:
            total, detail = next(s for s, st in ranked if st is target), ""
        return Decision(
            claim_key=claim.key,
            event_id=chosen.event_id if chosen is not None else None,
            score=total,
            threshold=need,
            detail=detail,
            best_id=target.event_id,
            compared=compared,
            runner_up=runner,
            best_size=len(target.claims),
            lag_fit=self.lag.fit,
            day_weight=weight,
            day_events=count,
            earlier=probe.earlier,
        )

    def detail(
        self,
        probe: Probe,
        state: EventState,
        need: float,
        *,
        sibling: bool = False,
        day_weight: float = 0.0,
        day_events: int = 0,
        earlier: frozenset[str] = NO_MARKS,
    ) -> tuple[float, str]:
        """The score of a claim against an event and its reasons, packed for a Decision.

        ``need`` is the score the claim needed; ``sibling``: the claim did not
        join although it scored enough, since a mention of its own document
        took the event; ``day_weight``, ``day_events`` and ``earlier``: what
        the claim's block said (see :class:`Decision`).
        """
        scored = _Scored()
        probe.earlier = earlier
        total = self.score(probe, state, detail=scored)
        if day_weight:
            total += day_weight
            claim = probe.claim
            where = f"in {claim.country}" if claim.country else "in its block"
            on = claim.date.isoformat() if claim.date else "that day"
            text = (
                f"the only event {where} on {on}, and nothing contradicts it"
                if day_weight > 0
                else f"one of {day_events} events {where} on {on}"
            )
            scored.add("day", day_weight, text)
        if sibling and total >= need:
            scored.note("its best match took a sibling mention of the same document")
        return total, Decision.pack(scored.items)

    # -------------------------------------------------------------- scoring

    def score(self, probe: Probe, state: EventState, *, detail: _Scored | None = None) -> float:
        """The evidence that the probe's claim reports the event's strike.

        ``NEVER`` when they cannot be one strike (another country, the same
        document, two entries of one list). ``detail`` collects each feature's contribution and reason.
        """
        claim = probe.claim
        if _barred(claim, state) or not _same_country(probe, state):
            return NEVER
        total = _date_score(probe, state, self.lag, detail)
        total += _area_score(probe, state, detail) + _killed_score(probe, state, detail)
        total += _text_score(probe, state, detail)
        total += _spot_score(probe, state, detail)
        return total + _rest(probe, state, detail)

    def _date_weight(self, probe: Probe, state: EventState) -> float | None:
        """The date feature alone, or ``None`` when the pair cannot be one strike."""
        claim = probe.claim
        if _barred(claim, state) or not _same_country(probe, state):
            return None
        pd, ed = probe.day, state.day
        if pd is not None and ed is not None:
            gap = pd - ed if pd >= ed else ed - pd
            return _DAY_WEIGHTS[gap] if gap < 4 else W_DAY_FAR
        return _date_score(probe, state, self.lag, None)

    def _quick(self, probe: Probe, state: EventState, floor: float, date: float) -> float | None:
        """:meth:`score` given the date weight, or ``None`` once it cannot reach ``floor``.

        Most candidates of a block are another strike, which the date, the
        district, the figures and the wording already rule out, so the other
        features are seldom computed. A value returned is :meth:`score`'s.
        """
        bounds = probe.bounds or _bounds(probe)
        total = date
        if total + bounds[0] < floor:
            return None
        if probe.district is not None and state.districts:  # the common case of _area_score
            total += W_DISTRICT_SAME if probe.district in state.districts else W_DISTRICT_OTHER
        elif probe.admin1 is not None:
            total += _area_score(probe, state, None)
        total += _killed_score(probe, state, None)
        # the most the spot can add: a place named on both sides that differs costs
        # at least W_PLACE_CLOSE unless coordinates put it within 3 km
        spot = 0.0
        if probe.place is not None and state.places:
            if probe.place in state.places:
                spot = W_PLACE_SAME
            elif probe.coords is not None and state.coords:
                spot = W_PLACE_NEAR
            else:
                spot = W_PLACE_OTHER
        if probe.propers and not probe.propers.isdisjoint(state.propers):
            spot += W_WORDS_SAME
        if total + spot + bounds[1] < floor:
            return None
        total += _spot_score(probe, state, None)
        if total + bounds[1] < floor:
            return None
        total += _rest(probe, state, None)
        if total + bounds[2] < floor:
            return None
        return total + _text_score(probe, state, None)


def _barred(claim: Claim, state: EventState) -> bool:
    """Whether the event holds the claim's own document or another entry of its list."""
    if claim.doc_id in state.doc_ids:
        return True
    # a list names each strike once: two of its entries are two strikes
    return claim.listing is not None and claim.listing in state.listings


def _same_country(p: Probe, s: EventState) -> bool:
    country = p.claim.country
    return country is None or s.country is None or country == s.country


def _earlier_barred(p: Probe, s: EventState) -> bool:
    """Whether an event the claim cannot join may be the earlier strike of the claim's day.

    Then, when another event of the day tells of a later strike, a report
    silent about the order is not likely to be about the earlier one: that
    one is accounted for. The earlier strike may be filed under the day
    before ("the second strike in 24 hours", a night strike dated either side
    of midnight).
    """
    if p.day is None or s.day is None or not 0 <= p.day - s.day <= 1:
        return False
    if not _barred(p.claim, s) or not _same_country(p, s):
        return False
    return all(o == 1 for o in s.ordinals)


def _order_explained(p: Probe, s: EventState) -> bool:
    """Whether an ordinal only one side states is explained by an event the claim cannot join.

    A report silent about the order, against the event of a later strike:
    the day's earlier strike is an event the report cannot be, so its silence
    does not point there. A report of a later strike, against an event none
    of whose reports numbers it: the day's earlier strike is an event known
    to be another strike than this one (they hold entries of one list, or one
    article tells of both), so this one need not be the first.
    """
    if not p.earlier:
        return False
    if not p.ordinal:
        return 1 not in s.ordinals
    return p.ordinal > 1 and not strike_marks(s).isdisjoint(p.earlier)


def _contradicts(p: Probe, s: EventState) -> bool:
    """Whether anything hard says the claim and the event are two strikes.

    Hard is what alone weighs 1.0 or more against: another district or
    province, a village elsewhere, other named targets or perpetrator, tolls
    far apart, a car against a house, missile counts apart, ordinals that
    cannot match or that only one side states (unless the day's earlier
    strike is accounted for). Close tolls and unresolved place words are
    not: reports of one strike differ on them.
    """
    if _area_score(p, s, None) < 0:
        return True
    if p.place is not None and s.places and _named_place_score(p, s, None) <= W_PLACE_OTHER:
        return True
    if p.persons and s.persons and p.persons.isdisjoint(s.persons):
        return True
    perp = p.claim.perpetrator
    if perp and s.perpetrators and perp not in s.perpetrators:
        return True
    if p.targets and s.targets and p.targets.isdisjoint(s.targets):
        return True
    n = p.claim.missiles
    if n is not None and s.missiles and min(abs(n - m) for m in s.missiles) >= 2:
        return True
    if bool(p.ordinal) != bool(s.ordinals):
        if not _order_explained(p, s):
            return True
    elif p.ordinal and any(ordinals_conflict(p.ordinal, o) is True for o in s.ordinals):
        return True
    return _killed_score(p, s, None) <= W_KILLED_FAR


def _rest(probe: Probe, state: EventState, detail: _Scored | None) -> float:
    """The features that seldom decide: other figures, actors, target, missiles."""
    total = 0.0
    for name, lo, hi in probe.others:
        total += _other_figure_score(name, lo, hi, state, detail)
    total += _actor_score(probe, state, detail)
    return total + _target_score(probe, state, detail)


_DAY_WEIGHTS = (W_SAME_DAY, W_DAY_1, W_DAY_2, W_DAY_3)


def _bounds(p: Probe) -> tuple[float, float, float]:
    """The most the features can add: after the date; after the place; after the rest.

    What the claim does not state cannot add anything, so a claim that gives
    a day, a district and a figure is ruled out early against far-off events.
    """
    c = p.claim
    rest = W_OTHER_FIGURE_SAME * len(p.others)
    rest += W_PERP_SAME if c.perpetrator else 0.0
    rest += W_GROUP_SAME if p.groups else 0.0
    rest += W_NAMED_SAME if p.persons else 0.0
    rest += W_ORDINAL_SAME if p.ordinal else 0.0
    rest += W_TARGET_SAME if p.targets else 0.0
    rest += W_MISSILES_SAME if c.missiles is not None else 0.0
    spot = (W_PLACE_SAME if p.place else 0.0) + (W_WORDS_SAME if p.propers else 0.0)
    area = W_DISTRICT_SAME if p.district else (W_ADMIN1_SAME if p.admin1 else 0.0)
    killed = W_KILLED_EQUAL_RARE if p.killed is not None else 0.0
    text = TEXT_MAX if p.tokens else 0.0
    p.bounds = (area + killed + spot + text + rest, text + rest, text)
    return p.bounds


# ------------------------------------------------------------------ features


def _date_score(p: Probe, s: EventState, lag: ReportLag, d: _Scored | None) -> float:
    event_day = s.day
    if p.day is not None:
        if event_day is not None:
            gap = abs(p.day - event_day)
            w = (W_SAME_DAY, W_DAY_1, W_DAY_2, W_DAY_3)[gap] if gap <= 3 else W_DAY_FAR
            if d is not None:
                d.add("date", w, "same date" if gap == 0 else f"dates {gap} day(s) apart")
            return w
        if s.pub_lo is not None:
            return _reported(lag, s.pub_lo - p.day, d, "event first reported")
    elif p.pub is not None:
        if event_day is not None:
            return _reported(lag, p.pub - event_day, d, "report published")
        if s.pub_lo is not None and s.pub_hi is not None:
            gap = max(0, s.pub_lo - p.pub, p.pub - s.pub_hi)
            w = lag.published_weight(gap)
            if d is not None:
                text = "published the same day" if gap == 0 else f"published {gap} day(s) apart"
                d.add("date", w, f"no day stated; {text}")
            return w
    elif d is not None and p.claim.partial_date is not None and p.claim.partial_date in s.partials:
        d.add("date", 0.0, f"same partial date {p.claim.partial_date}")
    return 0.0


def _reported(model: ReportLag, lag: int, d: _Scored | None, what: str) -> float:
    """A stated day against a publication day: reports come on the day or after."""
    w = model.reported_weight(lag)
    if d is not None:
        when = f"{lag} day(s) after" if lag >= 0 else f"{-lag} day(s) before"
        d.add("date", w, f"{what} {when} the stated day")
    return w


def _area_score(p: Probe, s: EventState, d: _Scored | None) -> float:
    """District, else province: the coarse place, which extraction resolves canonically."""
    claim = p.claim
    if p.district and s.districts:
        same = p.district in s.districts
        w = W_DISTRICT_SAME if same else W_DISTRICT_OTHER
        if d is not None:
            other = ", ".join(_display(s, "district"))
            text = (
                f"same district {claim.district}"
                if same
                else f"district {claim.district} vs {other}"
            )
            d.add("district", w, text)
        return w
    if p.admin1 and s.admin1s:
        same = p.admin1 in s.admin1s
        w = W_ADMIN1_SAME if same else W_ADMIN1_OTHER
        if d is not None:
            text = f"same province {claim.admin1}" if same else f"province {claim.admin1} differs"
            d.add("admin1", w, text)
        return w
    return 0.0


def _spot_score(p: Probe, s: EventState, d: _Scored | None) -> float:
    """The village or town, and the proper names both sentences give."""
    total = 0.0
    placed = bool(p.place and s.places)
    if placed:
        total += _named_place_score(p, s, d)
    shared = p.propers & s.propers
    if shared:
        if placed:
            shared = shared - p.place_parts  # already counted as the same place
        if p.persons & s.persons:
            shared = shared - p.persons  # counted as the same named target
    if shared:
        total += W_WORDS_SAME
        if d is not None:
            d.add("names", W_WORDS_SAME, f"both name {_spelled(p.claim.text, shared)}")
    elif not placed and p.words and s.words and p.words.isdisjoint(s.words):
        total += W_WORDS_OTHER
        if d is not None:
            theirs = "; ".join(_spelled(c.text, s.words, c.place) for c in s.claims[:3] if c.text)
            d.add(
                "names",
                W_WORDS_OTHER,
                f"places named {_spelled(p.claim.text, p.words, p.claim.place)} vs "
                f"{theirs or 'others'}",
            )
    return total


def _spelled(text: str, keys: frozenset[str] | set[str], place: str | None = None) -> str:
    """The words of ``text`` whose match keys are among ``keys``, as the text spells them.

    Else the resolved ``place`` when its keys are among them ("Mir Ali", whose
    words are too short or too common to be keys of their own), else the keys.
    """
    found = [w for w in capitalised(text) if proper_key(w) in keys]
    if found:
        return ", ".join(dict.fromkeys(found))
    if place and not name_parts(place).isdisjoint(keys):
        return place
    return ", ".join(sorted(keys))


def _named_place_score(p: Probe, s: EventState, d: _Scored | None) -> float:
    assert p.place is not None
    if p.place in s.places:
        if d is not None:
            d.add("place", W_PLACE_SAME, f"same place {p.claim.place}")
        return W_PLACE_SAME
    if p.coords is not None and s.coords:
        km = km_between(p.coords[0], p.coords[1], *s.coords[0])
        if km <= 3:
            w = W_PLACE_NEAR
        elif km <= 15:
            w = W_PLACE_CLOSE
        elif km <= 50:
            w = W_PLACE_OTHER
        else:
            w = W_PLACE_FAR
        if d is not None:
            d.add("place", w, f"{p.claim.place} is {km:.0f} km from the event's place")
        return w
    if d is not None:
        d.add("place", W_PLACE_OTHER, f"place {p.claim.place} vs {', '.join(sorted(s.places))}")
    return W_PLACE_OTHER


def _display(s: EventState, what: str) -> list[str]:
    seen: list[str] = []
    for c in s.claims:
        v = getattr(c, what)
        if v and v not in seen:
            seen.append(v)
    return seen


def _fmt(lo: int | None, hi: int | None) -> str:
    if lo is not None and hi is not None:
        return str(lo) if lo == hi else f"{lo}-{hi}"
    if lo is not None:
        return f"{lo}+"
    return f"<={hi}"


def _killed_score(p: Probe, s: EventState, d: _Scored | None) -> float:
    """The claim's killed figure against the event's: the same, compatible, close or apart.

    Compared with every range the event's reports state for the same number,
    and with their hull for the distance, so the cost does not grow with the
    number of reports. Hedged figures are read softly (see :func:`soft_range`);
    overlap is evidence only when both sides are narrow.
    """
    if p.killed is None or p.soft is None or s.soft_lo is None or s.soft_hi is None:
        return 0.0
    claim = p.claim
    lo, hi = claim.killed_min, claim.killed_max
    if lo is not None and hi is not None and (lo, hi) in s.ranges:
        w, label = (W_KILLED_EQUAL_RARE if lo >= 5 else W_KILLED_EQUAL), "same figure"
    elif not p.numbers.isdisjoint(s.numbers):
        rare = max(p.numbers & s.numbers) >= 5
        w, label = (W_KILLED_SHARED_RARE if rare else W_KILLED_SHARED), "same number stated"
    else:
        a_lo, a_hi = p.soft
        gap, nearer = s.soft_lo - a_hi, s.soft_lo  # nearer: the larger of the nearest numbers
        if a_lo - s.soft_hi > gap:
            gap, nearer = a_lo - s.soft_hi, a_lo
        if gap > 0:
            big = p.killed[1] if p.killed[1] > s.num_hi else s.num_hi
            small = p.killed[0] if p.killed[0] < s.num_lo else s.num_lo
            if gap <= 1 or gap <= KILLED_NEAR_SHARE * nearer:
                w, label = W_KILLED_NEAR, "close"
            elif gap <= KILLED_APART_SHARE * nearer:
                w, label = W_KILLED_APART, "apart"
            elif gap >= 3 and big >= 2 * max(small, 1):
                w, label = W_KILLED_VERY_FAR, "differ"
            else:
                w, label = W_KILLED_FAR, "differ"
        elif a_hi - a_lo <= 3 and s.soft_hi - s.soft_lo <= 3:
            w, label = W_KILLED_OVERLAP, "overlap"
        else:
            w, label = 0.0, "compatible"
    if d is not None:
        theirs = ", ".join(_fmt(*r) for r in sorted(s.ranges, key=_range_order)[:4])
        d.add("killed", w, f"killed {_fmt(lo, hi)} vs {theirs} {label}")
    return w


def _range_order(r: tuple[int | None, int | None]) -> tuple[int, int]:
    return (r[0] if r[0] is not None else -1, r[1] if r[1] is not None else -1)


def _other_figure_score(
    name: str, lo: int | None, hi: int | None, s: EventState, d: _Scored | None
) -> float:
    b = s.bounds.get(name)
    if b is None:
        return 0.0
    a_lo = lo if lo is not None else 0
    a_hi = hi if hi is not None else 1 << 30
    gap = max(b.low.value - a_hi, a_lo - b.high.value)
    if gap <= 0:
        w = W_OTHER_FIGURE_SAME
    elif gap > max(2, max(a_lo, b.high.value) // 2):
        w = W_OTHER_FIGURE_FAR
    else:
        return 0.0
    if d is not None:
        d.add(name, w, f"{name} {_fmt(lo, hi)} vs {b.low.value}-{b.high.value}")
    return w


def _actor_score(p: Probe, s: EventState, d: _Scored | None) -> float:
    total = 0.0
    claim = p.claim
    if claim.perpetrator and s.perpetrators:
        same = claim.perpetrator in s.perpetrators
        w = W_PERP_SAME if same else W_PERP_OTHER
        total += w
        if d is not None:
            other = ", ".join(s.perpetrators)
            d.add(
                "perpetrator",
                w,
                f"perpetrator {claim.perpetrator}" + ("" if same else f" vs {other}"),
            )
    if p.groups and s.groups:
        same = not p.groups.isdisjoint(s.groups)
        w = W_GROUP_SAME if same else W_GROUP_OTHER
        total += w
        if d is not None:
            d.add(
                "groups",
                w,
                ("same group " if same else "groups differ: ") + ", ".join(claim.groups),
            )
    if p.persons and s.persons:
        same = not p.persons.isdisjoint(s.persons)
        w = W_NAMED_SAME if same else W_NAMED_OTHER
        total += w
        if d is not None:
            d.add(
                "named",
                w,
                ("same named target " if same else "other named targets: ")
                + ", ".join(claim.named),
            )
    if bool(p.ordinal) != bool(s.ordinals):
        if _order_explained(p, s):
            # the day's earlier strike is an event the claim cannot be: one side's
            # silence about the order no longer points at it
            if d is not None:
                d.add(
                    "ordinal",
                    0.0,
                    "only one side tells of several strikes that day, but the day's "
                    "earlier strike is another event this report cannot join",
                )
        else:
            # the claim tells of a later strike and no report of the event does, or
            # the reverse: the silent reports count against
            silent = min(MAX_SILENT, len(s.claims)) if p.ordinal else 1
            w = W_ORDINAL_UNPAIRED * silent
            total += w
            if d is not None:
                d.add("ordinal", w, "only one side tells of several strikes that day")
    elif p.ordinal and s.ordinals:
        verdicts = [ordinals_conflict(p.ordinal, o) for o in s.ordinals]
        if any(v is True for v in verdicts):
            w = W_ORDINAL_OTHER
        elif any(v is False for v in verdicts) and p.ordinal != LATER:
            w = W_ORDINAL_SAME
        else:
            w = 0.0
        if w:
            total += w
            if d is not None:
                mine = _ordinal_text(p.ordinal)
                theirs = "/".join(_ordinal_text(o) for o in sorted(s.ordinals))
                d.add("ordinal", w, f"{mine} strike vs {theirs}")
    return total


def _target_score(p: Probe, s: EventState, d: _Scored | None) -> float:
    total = 0.0
    if p.targets and s.targets:
        same = bool(p.targets & s.targets)
        w = W_TARGET_SAME if same else W_TARGET_OTHER
        total += w
        if d is not None:
            mine, theirs = "/".join(sorted(p.targets)), "/".join(sorted(s.targets))
            d.add("target", w, f"hit a {mine}" + ("" if same else f" vs a {theirs}"))
    n = p.claim.missiles
    if n is not None and s.missiles:
        gap = min(abs(n - m) for m in s.missiles)
        w = W_MISSILES_SAME if gap == 0 else (W_MISSILES_OTHER if gap >= 2 else 0.0)
        if w:
            total += w
            if d is not None:
                theirs = "/".join(str(m) for m in sorted(s.missiles))
                d.add("missiles", w, f"{n} missiles vs {theirs}")
    return total


def _ordinal_text(o: int) -> str:
    if o == LATER:
        return "a later"
    return {1: "first", 2: "second", 3: "third"}.get(o, f"{o}th")


def _text_score(p: Probe, s: EventState, d: _Scored | None) -> float:
    mine = p.tokens
    if not mine or not s.token_sets:
        return 0.0
    n = len(mine)
    sim = 0.0
    for theirs in s.token_sets:
        inter = len(mine & theirs)
        if inter:
            sim = max(sim, inter / (n + len(theirs) - inter))
    w = min(TEXT_MAX, max(TEXT_MIN, W_TEXT * (sim - TEXT_PIVOT)))
    if d is not None:
        d.add("text", w, f"text similarity {sim:.2f}")
    return w


def _month_range(partial: str) -> tuple[dt.date, dt.date] | None:
    """First and last day of a ``YYYY-MM`` partial date."""
    try:
        year, month = int(partial[:4]), int(partial[5:7])
        first = dt.date(year, month, 1)
    except ValueError:
        return None
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return first, nxt - dt.timedelta(days=1)
