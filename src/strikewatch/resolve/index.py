"""An in-memory blocking index: resolution without a database.

Events are filed under every ``(country, day)`` they are anchored on (their
stated days, or their publication days until a day is stated; ``None`` for
claims with no country), so a claim's
candidates are the events of its country, and of no known country, within
``window_days`` of its day: a few dozen at most, however many events exist.
Work and memory grow linearly with the number of claims, never with its
square. Claims with only a partial date are filed under it.

The same index serves a batch (:func:`resolve_all`) and a stream
(:meth:`MemoryIndex.add`), and a batch is exactly a stream of its documents
in order, so adding claims one document at a time gives the batch result.
"""

from __future__ import annotations

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
        new_id: Callable[[Claim], str] | None = None,
    ) -> None:
        self.resolver = resolver or Resolver()
        #: keep every claim's Decision in its event (for explanations)
        self.keep_decisions = keep_decisions
        self._new_id = new_id
        self.events: dict[str, EventState] = {}
        #: claim key -> id of the event that holds it
        self.event_of: dict[str, str] = {}
        self._by_key: dict[_DayKey, list[EventState]] = {}
        self._by_day: dict[int, list[EventState]] = {}
        self._by_partial: dict[_PartialKey, list[EventState]] = {}
        self._by_partial_any: dict[str, list[EventState]] = {}
        self._filed: dict[str, set[tuple[str, str | None, int | str]]] = {}
        #: how many (claim, event) pairs were scored, for benchmarks and tests
        self.comparisons = 0

    def __len__(self) -> int:
        return len(self.events)

    def __iter__(self) -> Iterator[EventState]:
        return iter(self.events.values())

    # -------------------------------------------------------------- queries

    def candidates(self, claim: Claim) -> list[EventState]:
        """The events of the claim's block (its country or none; its days or partial date)."""
        block = self.resolver.block(claim)
        if block is None:
            return []
        found: dict[int, EventState] = {}
        country = claim.country
        if block.first is not None and block.last is not None:
            for day in range(block.first.toordinal(), block.last.toordinal() + 1):
                if country is None:
                    for state in self._by_day.get(day, ()):
                        found[id(state)] = state
                else:
                    for key in ((country, day), (None, day)):
                        for state in self._by_key.get(key, ()):
                            found[id(state)] = state
        if block.partial is not None:
            if country is None:
                buckets: Iterable[list[EventState]] = [self._by_partial_any.get(block.partial, [])]
            else:
                buckets = (self._by_partial.get((k, block.partial), []) for k in (country, None))
            for bucket in buckets:
                for state in bucket:
                    found[id(state)] = state
        return list(found.values())

    # ------------------------------------------------------------- updates

    def add(self, claim: Claim) -> Decision:
        """Resolve one claim into the index: join an event or start one."""
        return self.add_document([claim])[0]

    def add_document(self, claims: Sequence[Claim]) -> list[Decision]:
        """Resolve the mentions of one document together (they never share an event)."""
        if not claims:
            return []
        probes = [Probe(c) for c in claims]
        cands = [self.candidates(c) for c in claims]
        self.comparisons += sum(len(c) for c in cands)
        decisions = self.resolver.assign(probes, cands)
        for probe, decision in zip(probes, decisions, strict=True):
            claim = probe.claim
            if decision.event_id is not None:
                state = self.events[decision.event_id]
            else:
                event_id = self._new_id(claim) if self._new_id else f"E{len(self.events) + 1}"
                state = EventState(event_id)
                self.events[event_id] = state
                self._filed[event_id] = set()
            anchor = state.add(claim, probe)
            if self.keep_decisions:
                state.decisions[claim.key] = decision
            self.event_of[claim.key] = state.event_id
            self._file(state, claim, anchor)
        for claim in claims:
            self.resolver.learn(claim)
        return decisions

    def _file(self, state: EventState, claim: Claim, day: int | None) -> None:
        """File the event under its new anchor day, or the claim's partial date."""
        filed = self._filed[state.event_id]
        country = claim.country
        if day is not None:
            if ("key", country, day) not in filed:
                filed.add(("key", country, day))
                self._by_key.setdefault((country, day), []).append(state)
            if ("day", None, day) not in filed:
                filed.add(("day", None, day))
                self._by_day.setdefault(day, []).append(state)
        elif claim.date is None and claim.published is None and claim.date_value:
            partial = claim.date_value
            if ("partial", country, partial) not in filed:
                filed.add(("partial", country, partial))
                self._by_partial.setdefault((country, partial), []).append(state)
            if ("any", None, partial) not in filed:
                filed.add(("any", None, partial))
                self._by_partial_any.setdefault(partial, []).append(state)

    def explain(self, claim_key: str) -> Decision | None:
        """The decision that placed a claim in its event (when decisions are kept)."""
        event_id = self.event_of.get(claim_key)
        if event_id is None:
            return None
        return self.events[event_id].decisions.get(claim_key)


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
) -> list[EventState]:
    """Resolve a batch of claims into events, in input order (documents kept together).

    The same as adding the claims to a :class:`MemoryIndex` one document at a
    time, which is what makes the incremental path agree with the batch.
    """
    index = MemoryIndex(resolver, keep_decisions=keep_decisions)
    for doc_claims in _by_document(claims):
        index.add_document(doc_claims)
    return list(index.events.values())
