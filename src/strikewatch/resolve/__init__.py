"""Resolve: mentions from many documents into deduplicated, explained events.

The contract a store builds on:

- :class:`Claim` -- one source's claim about a strike, from a mention
  (:meth:`Claim.from_mention`; give it the document's publication date, which
  bounds the strike's date when the text states none) or from a
  reference-list event (:meth:`Claim.from_event`); ``to_json``/``from_json``.
- :class:`Resolver` -- ``block(claim)`` is the candidate query (a
  :class:`Block`: the claim's country or unknown, and a day window, or a
  partial date); ``decide(claim, candidates)`` returns a :class:`Decision`:
  the event the claim joins (``None`` for a new one), the score, the
  threshold, per-feature scores and reasons a person can read;
  ``decide_document`` decides one article's mentions together, since they
  never share an event; ``explain(claim, event)`` scores any pair with
  reasons; ``learn(claim)`` teaches it how long reports lag behind strikes.
- :class:`EventState` -- an event and its claims, updated one claim at a time
  (``add``); ``event`` renders the shared :class:`~strikewatch.model.Event`;
  ``bounds`` say which claims gave each end of each casualty range.
  ``EventState.from_claims`` rebuilds one from stored claims, and
  :func:`merge` turns a stored event plus its claims into the updated event.
- :class:`MemoryIndex` and :func:`resolve_all` -- the in-memory blocking
  index for batch and stream use, linear in the number of claims.

A store's loop, per document: ``block = resolver.block(claim)`` for each
mention; load the events of the blocks with their claims, in the order they
were added, as ``EventState.from_claims(id, claims)``; ``decisions =
resolver.decide_document(claims, states)``; add each claim to its
``decision.event_id`` (or a new event); store ``decision.to_json()`` beside
the mention; save ``merge(event, claims)``; call ``resolver.learn(claim)``;
keep ``resolver.lag.to_json()`` to start from next time.
"""

from strikewatch.resolve.claim import Claim
from strikewatch.resolve.decision import Block, Decision
from strikewatch.resolve.index import MemoryIndex, resolve_all
from strikewatch.resolve.lag import ReportLag
from strikewatch.resolve.metrics import PairScores, pairwise_scores
from strikewatch.resolve.score import Resolver, ResolverConfig
from strikewatch.resolve.state import Bound, EventState, FigureBounds, Probe, merge

#: the version of the resolution rules, stored with what they decided; bump it when
#: a weight, a feature or the blocking changes
VERSION = "resolve.v3"

__all__ = [
    "VERSION",
    "Block",
    "Bound",
    "Claim",
    "Decision",
    "EventState",
    "FigureBounds",
    "MemoryIndex",
    "PairScores",
    "Probe",
    "ReportLag",
    "Resolver",
    "ResolverConfig",
    "merge",
    "pairwise_scores",
    "resolve_all",
]
