"""Resolve: mentions from many documents into deduplicated, explained events.

The contract a store builds on:

- :class:`Claim` -- one source's claim about a strike, from a mention
  (:meth:`Claim.from_mention`, give it the document's publication date) or a
  reference-list event (:meth:`Claim.from_event`); JSON round-trips.
- :class:`Resolver` -- ``block(claim)`` is the candidate query (a
  :class:`Block`: country or unknown, a day window or a partial date);
  ``decide(claim, candidates)`` returns a :class:`Decision`: the event the
  claim joins (``None`` for a new one), the score, per-feature scores and
  reasons a person can read. ``decide_document`` decides one article's
  mentions together, since they never share an event.
- :class:`EventState` -- an event and its claims, updated one claim at a time
  (``add``); ``event`` renders the shared :class:`~strikewatch.model.Event`,
  ``bounds`` say which claims gave each end of each casualty range;
  ``EventState.from_claims`` rebuilds one from stored claims, and
  :func:`merge` turns a stored event plus its claims into the updated event.
- :class:`MemoryIndex` and :func:`resolve_all` -- the in-memory blocking
  index for batch and stream use, linear in the number of claims.

A store's loop: ``block = resolver.block(claim)``; load the events of the
block with their claims as ``EventState``s; ``d = resolver.decide(claim,
states)``; add the claim to ``d.event_id`` (or a new event), store ``d``
beside the mention, and save ``merge(event, claims)``.
"""

from strikewatch.resolve.claim import Claim
from strikewatch.resolve.decision import Block, Decision
from strikewatch.resolve.index import MemoryIndex, resolve_all
from strikewatch.resolve.score import Resolver, ResolverConfig
from strikewatch.resolve.state import Bound, EventState, FigureBounds, Probe, merge

__all__ = [
    "Block",
    "Bound",
    "Claim",
    "Decision",
    "EventState",
    "FigureBounds",
    "MemoryIndex",
    "Probe",
    "Resolver",
    "ResolverConfig",
    "merge",
    "resolve_all",
]
