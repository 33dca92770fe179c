"""Resolution against the database: the blocking query is the store's, the scoring the resolver's.

For each document the store asks ``strikewatch.resolve`` for the blocks of
its claims (country, day window or partial date), runs them as one query over
the ``claims`` table, loads the candidate events as ``EventState``s from
their stored claims, and lets ``Resolver.decide_document`` choose. A claim
then joins its event (the event row is updated from the state, which only
ever grows by one claim) or starts one. Events are never rebuilt from
scratch.

Loaded states are kept in a small cache across documents, checked against
the event's stored claim count on every use, so a rolled-back document or
another writer never leaves a stale state in play.
"""

from __future__ import annotations

import dataclasses
import math
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.engine import Connection

import strikewatch.resolve as resolve
from strikewatch.model import Document, Event, Mention
from strikewatch.resolve import Claim, Decision, EventState, Resolver
from strikewatch.resolve.lag import ReportLag
from strikewatch.store.db import Store, storable

__all__ = ["RESOLVER_VERSION", "Resolution", "StoreResolver", "source_label"]

#: stored with every link, so a re-resolution can find what an older resolver decided
RESOLVER_VERSION: str = str(getattr(resolve, "VERSION", "resolve.v1"))


#: the ``resolver_state`` row of the learned report delay
_LAG = "report_lag"


def source_label(doc: Document) -> str:
    """Who makes a claim, as a person reads it: the url, else publisher, title, file or id."""
    return storable(doc.url or doc.publisher or doc.title or doc.source_path or doc.doc_id) or ""


@dataclass(slots=True)
class Resolution:
    """What resolving one document's mentions did to the events."""

    created: list[int] = field(default_factory=list)
    joined: list[int] = field(default_factory=list)


@dataclass(slots=True)
class _Cached:
    state: EventState
    #: claim key -> source label, for the event's readable ``sources``
    labels: dict[str, str | None]


class StoreResolver:
    """Resolves documents' mentions into the events of one store."""

    def __init__(
        self, store: Store, resolver: Resolver | None = None, *, cache_size: int = 20_000
    ) -> None:
        self.store = store
        self.resolver = resolver or Resolver()
        self.cache_size = cache_size
        self._cache: OrderedDict[int, _Cached] = OrderedDict()
        #: whether the resolver's learned state matches the database's
        self._learned_loaded = False

    def forget(self, event_ids: Iterable[int] | None = None) -> None:
        """Drop cached states (all of them, or those of ``event_ids``) after a rollback.

        Dropping all of them also reloads what the resolver learned from the
        database at the next document, since the rolled-back documents
        taught it too.
        """
        if event_ids is None:
            self._cache.clear()
            self._learned_loaded = False
            return
        for event_id in event_ids:
            self._cache.pop(event_id, None)

    def save(self, conn: Connection) -> None:
        """Store what the resolver has learned, in the batch's transaction."""
        lag = getattr(self.resolver, "lag", None)
        if lag is not None and self._learned_loaded:
            self.store.save_state(conn, _LAG, lag.to_json())

    def _load_learned(self, conn: Connection) -> None:
        if self._learned_loaded:
            return
        self._learned_loaded = True
        if getattr(self.resolver, "lag", None) is None:
            return
        saved = self.store.load_state(conn, _LAG)
        window = self.resolver.config.window_days
        self.resolver.lag = ReportLag.from_json(saved) if saved else ReportLag(window)

    def resolve_document(
        self,
        conn: Connection,
        doc: Document,
        document_id: int,
        mentions: Sequence[tuple[int, int, Mention]],
    ) -> Resolution:
        """Resolve one document's reported mentions: ``(mention id, index, mention)`` each."""
        out = Resolution()
        if not mentions:
            return out
        self._load_learned(conn)
        label = source_label(doc)
        claims: list[Claim] = []
        for mention_id, index, mention in mentions:
            claim = Claim.from_mention(
                mention,
                f"mention:{mention_id}",
                published=doc.published,
                listing=doc.listing.name if doc.listing else None,
            )
            # The reader's doc_id need not be unique (two folders, one file
            # name); the row id is, and "one document's mentions never share
            # an event" must hold for the stored document.
            claim.doc_id = f"document:{document_id}"
            claim.index = index
            claims.append(claim)
        blocks = [b for c in claims if (b := self.resolver.block(c)) is not None]
        found = self.store.block_events(conn, blocks) if blocks else {}
        states = self._states(conn, found)
        # In event id order, whatever the cache held: ties between equal
        # scores must not depend on what happened to be loaded before.
        candidates = [states[event_id].state for event_id in sorted(states)]
        decisions = self.resolver.decide_document(claims, candidates)
        for (mention_id, _, _), claim, decision in zip(mentions, claims, decisions, strict=True):
            if decision.event_id is None:
                event_id = self._start(conn, claim, label)
                out.created.append(event_id)
                started = True
            else:
                event_id = int(decision.event_id)
                self._join(conn, states[event_id], event_id, claim, label)
                out.joined.append(event_id)
                started = False
            self.store.add_claim(conn, _claim_row(claim, event_id, mention_id, document_id, label))
            self.store.link(conn, _link_row(decision, event_id, mention_id, document_id, started))
        # Last, once everything above is written: a document that fails
        # earlier must not have taught the resolver anything.
        learn = getattr(self.resolver, "learn", None)
        if learn is not None:
            for claim in claims:
                learn(claim)
        return out

    # -- internals --------------------------------------------------------
    def _states(self, conn: Connection, found: dict[int, int]) -> dict[int, _Cached]:
        """The candidate events as states: from the cache when current, else from their claims."""
        out: dict[int, _Cached] = {}
        missing: list[int] = []
        for event_id, count in found.items():
            cached = self._cache.get(event_id)
            if cached is not None and len(cached.state.claims) == count:
                self._cache.move_to_end(event_id)
                out[event_id] = cached
            else:
                missing.append(event_id)
        if missing:
            for event_id, rows in self.store.event_claims(conn, missing).items():
                state = EventState.from_claims(
                    str(event_id), (Claim.from_json(claim) for _, _, claim in rows)
                )
                cached = _Cached(state, {key: source for key, source, _ in rows})
                out[event_id] = cached
                self._remember(event_id, cached)
        return out

    def _remember(self, event_id: int, cached: _Cached) -> None:
        self._cache[event_id] = cached
        self._cache.move_to_end(event_id)
        while len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)

    def _start(self, conn: Connection, claim: Claim, label: str) -> int:
        state = EventState("")
        state.add(claim)
        cached = _Cached(state, {claim.key: label})
        event_id = self.store.create_event(conn, _rendered(cached), mention_count=1)
        state.event_id = str(event_id)
        self._remember(event_id, cached)
        return event_id

    def _join(
        self, conn: Connection, cached: _Cached, event_id: int, claim: Claim, label: str
    ) -> None:
        cached.state.add(claim)
        cached.labels[claim.key] = label
        self.store.update_event(
            conn, event_id, _rendered(cached), mention_count=len(cached.state.claims)
        )
        self._remember(event_id, cached)


def _rendered(cached: _Cached) -> Event:
    """The state's event with readable sources (urls, publishers) instead of claim keys."""
    event = cached.state.event
    sources: list[str] = []
    for key in event.sources:
        label = cached.labels.get(key) or key
        if label not in sources:
            sources.append(label)
    return dataclasses.replace(event, sources=sources)


def _finite(value: float | None) -> float | None:
    return value if value is not None and math.isfinite(value) else None


def _claim_row(
    claim: Claim, event_id: int, mention_id: int, document_id: int, label: str
) -> dict[str, Any]:
    return {
        "key": claim.key,
        "event_id": event_id,
        "mention_id": mention_id,
        "document_id": document_id,
        "source": label,
        "anchor": claim.anchor,
        "partial_date": claim.partial_date,
        "date": claim.date,
        "date_precision": claim.date_precision,
        "published": claim.published,
        "country": claim.country,
        "admin1": claim.admin1,
        "district": claim.district,
        "place": claim.place,
        "killed_min": claim.killed_min,
        "killed_max": claim.killed_max,
        "civilians_min": claim.civilians_min,
        "civilians_max": claim.civilians_max,
        "children_min": claim.children_min,
        "children_max": claim.children_max,
        "injured_min": claim.injured_min,
        "injured_max": claim.injured_max,
        "perpetrator": claim.perpetrator,
        "claim": claim.to_json(),
    }


def _link_row(
    decision: Decision, event_id: int, mention_id: int, document_id: int, started: bool
) -> dict[str, Any]:
    details = {
        "features": {k: round(v, 3) for k, v in decision.features.items() if math.isfinite(v)},
        "best_id": decision.best_id,
        "compared": decision.compared,
        "runner_up": list(decision.runner_up) if decision.runner_up else None,
    }
    return {
        "event_id": event_id,
        "mention_id": mention_id,
        "document_id": document_id,
        "started": started,
        "score": _finite(decision.score),
        "threshold": decision.threshold,
        "reasons": list(decision.reasons),
        "decision": decision.explain(),
        "details": details,
        "resolver_version": RESOLVER_VERSION,
    }
