"""An in-memory blocking index: resolution without a database.

Events are filed under ``(their country, day)`` for every day they are
anchored on (their stated days, or their publication days until a day is
stated; country ``None`` until a claim gives one), so a claim's
candidates are the events of its country, and of no known country, within
``window_days`` of its day: a few dozen at most, however many events exist.
Work and memory grow linearly with the number of claims, never with its
square. Claims with only a partial date are filed under it.

The same index serves a batch (:func:`resolve_all`) and a stream
(:meth:`MemoryIndex.add`), and a batch is exactly a stream of its documents
in order, so adding claims one document at a time gives the batch result.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Sequence

from strikewatch.resolve.claim import Claim
from strikewatch.resolve.decision import Decision
from strikewatch.resolve.score import Resolver
from strikewatch.resolve.state import EventState, Probe

_DayKey = tuple[str | None, int]
_PartialKey = tuple[str | None, str]


class MemoryIndex:
    """Events in memory, with the candidate query blocking needs."""

    def __init__(
        self,
        resolver: Resolver | None = None,
        *,
        keep_decisions: bool = True,
        explain: bool = True,
        new_id: Callable[[Claim], str] | None = None,
    ) -> None:
        self.resolver = resolver or Resolver()
        #: keep every claim's Decision in its event (for explanations)
        self.keep_decisions = keep_decisions
        #: give decisions their reasons as they are made; else :meth:`explain` derives
        #: them on demand, which makes a large batch about a fifth faster and lighter
        self.explain_now = explain
        self._new_id = new_id
        self.events: dict[str, EventState] = {}
        #: claim key -> id of the event that holds it
        self.event_of: dict[str, str] = {}
        # (event country or None, anchor day) -> events; day -> events of any country
        self._by_key: dict[_DayKey, dict[str, EventState]] = {}
        self._by_day: dict[int, dict[str, EventState]] = {}
        # the same for claims that give only a partial date and no publication date
        self._by_partial: dict[_PartialKey, dict[str, EventState]] = {}
        self._by_partial_any: dict[str, dict[str, EventState]] = {}
        #: how many candidate events were handed to the resolver, for benchmarks
        self.comparisons = 0

    def __len__(self) -> int:
        return len(self.events)

    def __iter__(self) -> Iterator[EventState]:
        return iter(self.events.values())

    # -------------------------------------------------------------- queries

    def candidates(self, claim: Claim) -> list[EventState]:
        """The events of the claim's block: its country or none; its days or partial date."""
        found: dict[str, EventState] = {}
        country = claim.country
        anchor = claim.anchor
        if anchor is not None:  # the common case of Resolver.block, without building dates
            w = self.resolver.config.window_days
            first = anchor.toordinal() - w
            self._gather(found, country, first, first + 2 * w + 1)
            return list(found.values())
        block = self.resolver.block(claim)
        if block is None:
            return []
        if block.first is not None and block.last is not None:
            self._gather(found, country, block.first.toordinal(), block.last.toordinal() + 1)
        if block.partial is not None:
            if country is None:
                found.update(self._by_partial_any.get(block.partial, {}))
            else:
                for k in (country, None):
                    found.update(self._by_partial.get((k, block.partial), {}))
        return list(found.values())

    def _gather(
        self, found: dict[str, EventState], country: str | None, first: int, last: int
    ) -> None:
        """Add the events anchored on days ``first`` to ``last - 1``, of ``country`` or none."""
        if country is None:
            for day in range(first, last):
                bucket = self._by_day.get(day)
                if bucket:
                    found.update(bucket)
            return
        by_key = self._by_key
        for day in range(first, last):
            for key in ((country, day), (None, day)):
                bucket = by_key.get(key)
                if bucket:
                    found.update(bucket)

    # ------------------------------------------------------------- updates

    def add(self, claim: Claim) -> Decision:
        """Resolve one claim into the index: join an event or start one.

        A document with several mentions should go through :meth:`add_document`,
        which keeps them in separate events.
        """
        return self.add_document([claim])[0]

    def add_document(self, claims: Sequence[Claim]) -> list[Decision]:
        """Resolve the mentions of one document together (they never share an event)."""
        if not claims:
            return []
        probes = [Probe(c) for c in claims]
        cands = [self.candidates(c) for c in claims]
        self.comparisons += sum(len(c) for c in cands)
        decisions = self.resolver.assign(probes, cands, explain=self.explain_now)
        for probe, decision in zip(probes, decisions, strict=True):
            claim = probe.claim
            if decision.event_id is not None:
                state = self.events[decision.event_id]
            else:
                event_id = self._new_id(claim) if self._new_id else f"E{len(self.events) + 1}"
                state = EventState(event_id)
                self.events[event_id] = state
            before = state.country
            anchor = state.add(claim, probe)
            if self.keep_decisions:
                state.decisions[claim.key] = decision
            self.event_of[claim.key] = state.event_id
            self._file(state, before, anchor, claim)
        for claim in claims:
            self.resolver.learn(claim)
        return decisions

    def _file(
        self, state: EventState, before: str | None, anchor: int | None, claim: Claim
    ) -> None:
        """File the event under its new anchor day (or partial date), by its country.

        When the event's country becomes known, its entries move from the
        unknown country's buckets to the country's, so claims of other
        countries never see it.
        """
        eid, country = state.event_id, state.country
        if country != before:
            for day in state.anchors:
                if day != anchor:
                    self._by_key.get((before, day), {}).pop(eid, None)
                    self._by_key.setdefault((country, day), {})[eid] = state
            for partial in state.partials:
                self._by_partial.get((before, partial), {}).pop(eid, None)
                self._by_partial.setdefault((country, partial), {})[eid] = state
        if anchor is not None:
            self._by_key.setdefault((country, anchor), {})[eid] = state
            self._by_day.setdefault(anchor, {})[eid] = state
        elif claim.date is None and claim.published is None and claim.date_value:
            self._by_partial.setdefault((country, claim.date_value), {})[eid] = state
            self._by_partial_any.setdefault(claim.date_value, {})[eid] = state

    def explain(self, claim_key: str) -> Decision | None:
        """The decision that placed a claim in its event, with its reasons.

        When the index did not explain as it went, the reasons are derived
        now, exactly: the best candidate is rebuilt as it was (its claims up
        to then) and scored with the report-delay model as it was fitted.
        """
        event_id = self.event_of.get(claim_key)
        if event_id is None:
            return None
        decision = self.events[event_id].decisions.get(claim_key)
        if decision is None or decision.detail or decision.best_id is None:
            return decision
        claim = next(c for c in self.events[event_id].claims if c.key == claim_key)
        best = self.events[decision.best_id]
        then = EventState.from_claims(best.event_id, best.claims[: decision.best_size])
        lag = self.resolver.lag.refitted(decision.lag_fit or self.resolver.lag.fit)
        resolver = Resolver(self.resolver.config, lag)
        _, detail = resolver.detail(
            Probe(claim),
            then,
            decision.threshold,
            sibling=decision.event_id is None,
            day_weight=decision.day_weight,
            day_events=decision.day_events,
            earlier=decision.earlier,
        )
        return dataclasses.replace(decision, detail=detail)


def _by_document(claims: Iterable[Claim]) -> Iterator[list[Claim]]:
    """Consecutive claims of one document, as the extractor emits them."""
    batch: list[Claim] = []
    for claim in claims:
        if batch and claim.doc_id != batch[0].doc_id:
            yield batch
            batch = []
        batch.append(claim)
    if batch:
        yield batch


def resolve_all(
    claims: Iterable[Claim],
    resolver: Resolver | None = None,
    *,
    keep_decisions: bool = True,
    explain: bool = True,
) -> list[EventState]:
    """Resolve a batch of claims into events, in input order (documents kept together).

    The same as adding the claims to a :class:`MemoryIndex` one document at a
    time, which is what makes the incremental path agree with the batch.
    """
    index = MemoryIndex(resolver, keep_decisions=keep_decisions, explain=explain)
    for doc_claims in _by_document(claims):
        index.add_document(doc_claims)
    return list(index.events.values())
