"""What resolution decided for one claim, and why: the unit of explanation.

A :class:`Decision` is stored with every mention so ``strikewatch events show``
can say why the mention is in its event ("same district North Waziristan;
dates 1 day apart; killed 4 vs 4-5 overlap") and with what score, and why it
did not join the runner-up. A :class:`Block` is the candidate query a store
runs before asking for a decision.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from strikewatch.resolve.state import EventState


@dataclass(frozen=True, slots=True)
class Decision:
    """Which event a claim joins (``event_id``; ``None`` starts a new one), and why.

    ``score`` and the reasons are those of the best candidate, joined or
    not: for a claim that starts a new event they say why the nearest event
    was not close enough. ``detail`` keeps the reasons compactly, one line per
    feature (``feature<TAB>weight<TAB>reason``), since a batch keeps millions
    of decisions; :attr:`reasons` and :attr:`features` read it. A batch may
    leave it empty and have :meth:`MemoryIndex.explain` derive it on demand.
    """

    claim_key: str
    event_id: str | None
    score: float | None
    threshold: float
    detail: str = ""
    #: the best candidate's id, whether joined or not
    best_id: str | None = None
    #: how many candidate events were scored
    compared: int = 0
    #: the second-best candidate and its score, when there was one
    runner_up: tuple[str, float] | None = None
    #: how many claims the best candidate had then, and the report-delay counts the
    #: weights were fitted on: what re-deriving ``detail`` on demand needs
    best_size: int = 0
    lag_fit: tuple[int, ...] | None = None
    #: what the claim's block said beyond any one pair, kept to re-derive ``detail``: the
    #: weight the best candidate got for the crowd of the claim's day (the only event of it,
    #: or one of ``day_events``), and the lists and documents of events that may be the
    #: day's earlier strike and that the claim cannot join (another entry of its own list,
    #: its own document)
    day_weight: float = 0.0
    day_events: int = 0
    earlier: frozenset[str] = frozenset()

    @staticmethod
    def pack(items: list[tuple[str, float, str]]) -> str:
        """The ``detail`` of (feature, weight, reason) items."""
        return "\n".join(f"{f}\t{w:.3f}\t{r}" for f, w, r in items)

    def items(self) -> list[tuple[str, float, str]]:
        """(feature, weight, reason) for every feature that spoke."""
        out: list[tuple[str, float, str]] = []
        for line in self.detail.split("\n") if self.detail else ():
            feature, weight, reason = line.split("\t", 2)
            out.append((feature, float(weight), reason))
        return out

    @property
    def reasons(self) -> tuple[str, ...]:
        """Human-readable reasons with their weights: "same district Shabwah (+1.2)"."""
        return tuple(
            f"{reason} ({weight:+.1f})" if feature else reason
            for feature, weight, reason in self.items()
        )

    @property
    def features(self) -> dict[str, float]:
        """Each feature's contribution to the score (they sum to it)."""
        out: dict[str, float] = {}
        for feature, weight, _ in self.items():
            if feature:
                out[feature] = out.get(feature, 0.0) + weight
        return out

    @property
    def joined(self) -> bool:
        return self.event_id is not None

    def explain(self) -> str:
        """One line for a person: what was decided, the score, the reasons."""
        why = "; ".join(self.reasons)
        if self.event_id is not None:
            head = f"joined {self.event_id} (score {self.score:.2f} >= {self.threshold:.2f})"
        elif self.score is None:
            head = "new event"
        elif self.score >= self.threshold:
            head = f"new event (best {self.best_id} scored {self.score:.2f}, taken by a sibling)"
        else:
            head = f"new event (best {self.best_id} scored {self.score:.2f} < {self.threshold:.2f})"
        return f"{head}: {why}" if why else head

    def to_json(self) -> dict[str, Any]:
        return {
            "claim": self.claim_key,
            "event_id": self.event_id,
            "score": None if self.score is None else round(self.score, 3),
            "threshold": self.threshold,
            "reasons": list(self.reasons),
            "features": {k: round(v, 3) for k, v in self.features.items()},
            "best_id": self.best_id,
            "compared": self.compared,
            "runner_up": list(self.runner_up) if self.runner_up else None,
        }


@dataclass(frozen=True, slots=True)
class Block:
    """The candidate query for one claim: a store's ``WHERE`` clause.

    Events qualify when their country is ``country`` or unknown (any country
    when ``country`` is ``None``) and either one of their claims is anchored
    (stated day, else publication day) in ``[first, last]``, or, for a claim
    without a full date, one of their claims gives the same ``partial`` date.
    """

    country: str | None
    first: dt.date | None = None
    last: dt.date | None = None
    partial: str | None = None

    def admits(self, state: EventState) -> bool:
        """Whether a candidate event lies in this block (the in-memory check)."""
        country = state.country
        if self.country is not None and country is not None and country != self.country:
            return False
        if self.first is not None and self.last is not None:
            lo, hi = self.first.toordinal(), self.last.toordinal()
            if any(lo <= a <= hi for a in state.anchors):
                return True
        return self.partial is not None and self.partial in state.partials
