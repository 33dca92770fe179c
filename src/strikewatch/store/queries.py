"""Reading events back: a filtered list, and one event with every reason it holds together.

``event_detail`` answers the questions a reviewer asks of a merged event:
what are its figures and range, which sources gave each end of each range,
and why is each mention in it (the resolver's decision, score and reasons,
and the sentence that reported it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select

from strikewatch.resolve import Claim, EventState
from strikewatch.resolve.claim import FIGURES
from strikewatch.store import schema
from strikewatch.store.db import Store

__all__ = ["BoundSource", "EventDetail", "EventLink", "event_detail", "list_events"]


def list_events(
    store: Store, *, country: str | None = None, limit: int | None = 50
) -> list[dict[str, Any]]:
    """Events, latest first, optionally of one country (ISO code, any case)."""
    ev = schema.events
    when = func.coalesce(ev.c.date, ev.c.date_latest, ev.c.date_earliest)
    query = select(ev).order_by(when.desc().nulls_last(), ev.c.id.desc())
    if country:
        query = query.where(func.upper(ev.c.country) == country.strip().upper())
    if limit is not None:
        query = query.limit(limit)
    with store.reader() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]


@dataclass(slots=True)
class BoundSource:
    """A claim that gave one end of a range: who said it, in which document."""

    key: str
    source: str | None
    document_id: int | None
    mention_id: int | None


@dataclass(slots=True)
class EventLink:
    """One mention in the event, and why it is there."""

    mention_id: int
    document_id: int
    source: str | None
    title: str | None
    published: dt.date | None
    sentence: str
    sentence_start: int
    sentence_end: int
    killed_min: int | None
    killed_max: int | None
    date_value: str | None
    started: bool
    score: float | None
    threshold: float
    decision: str
    reasons: list[str]


@dataclass(slots=True)
class EventDetail:
    event: dict[str, Any]
    #: figure -> {"min": value, "min_sources": [...], "max": value, "max_sources": [...]}
    bounds: dict[str, dict[str, Any]] = field(default_factory=dict)
    links: list[EventLink] = field(default_factory=list)


def event_detail(store: Store, event_id: int) -> EventDetail | None:
    """An event with its range's sources and every mention's reasons; ``None`` if unknown."""
    ev, cl, em = schema.events, schema.claims, schema.event_mentions
    mn, doc = schema.mentions, schema.documents
    with store.reader() as conn:
        row = conn.execute(select(ev).where(ev.c.id == event_id)).first()
        if row is None:
            return None
        detail = EventDetail(dict(row._mapping))
        claim_rows = conn.execute(
            select(cl.c.key, cl.c.source, cl.c.document_id, cl.c.mention_id, cl.c.claim)
            .where(cl.c.event_id == event_id)
            .order_by(cl.c.id)
        ).all()
        links = conn.execute(
            select(
                em.c.mention_id,
                em.c.document_id,
                em.c.started,
                em.c.score,
                em.c.threshold,
                em.c.decision,
                em.c.reasons,
                mn.c.sentence,
                mn.c.sentence_start,
                mn.c.sentence_end,
                mn.c.killed_min,
                mn.c.killed_max,
                mn.c.date_value,
                doc.c.url,
                doc.c.publisher,
                doc.c.title,
                doc.c.source_path,
                doc.c.doc_id,
                doc.c.published,
            )
            .select_from(
                em.join(mn, mn.c.id == em.c.mention_id).join(doc, doc.c.id == em.c.document_id)
            )
            .where(em.c.event_id == event_id)
            .order_by(em.c.id)
        ).all()
    by_key = {r.key: BoundSource(r.key, r.source, r.document_id, r.mention_id) for r in claim_rows}
    # The bounds as the resolver computes them, from the stored claims.
    state = EventState.from_claims(
        str(event_id), (Claim.from_json(dict(r.claim)) for r in claim_rows)
    )
    for name in FIGURES:
        b = state.bounds.get(name)
        if b is None:
            continue
        detail.bounds[name] = {
            "min": b.low.value,
            "min_sources": [
                by_key.get(k) or BoundSource(k, None, None, None) for k in b.low.sources
            ],
            "max": b.high.value,
            "max_sources": [
                by_key.get(k) or BoundSource(k, None, None, None) for k in b.high.sources
            ],
        }
    for r in links:
        detail.links.append(
            EventLink(
                mention_id=int(r.mention_id),
                document_id=int(r.document_id),
                source=r.url or r.publisher or r.source_path or r.doc_id,
                title=r.title,
                published=r.published,
                sentence=r.sentence,
                sentence_start=int(r.sentence_start),
                sentence_end=int(r.sentence_end),
                killed_min=r.killed_min,
                killed_max=r.killed_max,
                date_value=r.date_value,
                started=bool(r.started),
                score=r.score,
                threshold=float(r.threshold),
                decision=str(r.decision),
                reasons=list(r.reasons or []),
            )
        )
    return detail
