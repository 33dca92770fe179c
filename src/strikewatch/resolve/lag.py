"""How many days after a strike its reports appear, learned from the reports.

Most reports give no day ("a drone killed four"), only their publication
date, so whether two of them can be one strike depends on how long after a
strike reports come out: a wire feed reports the same day, a weekly a week
later. That delay differs between sources, so it is learned without labels
from the reports that state both a day and a publication date, starting from
a prior that expects most reports on the day or the next. The weights are
log-likelihood ratios against two unrelated strikes in the same window,
where any day of the window is as likely as another.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

#: prior share of reports published 0, 1, 2, 3 days after the strike
DEFAULT_PRIOR: tuple[float, ...] = (0.5, 0.3, 0.12, 0.08)
#: the prior counts as this many observed reports
PRIOR_WEIGHT = 20.0
#: probability floor for a lag never seen (a report before its strike is an extraction slip)
FLOOR = 0.01
#: weights are clipped to this range so one feature never decides alone
W_MIN, W_MAX = -2.5, 2.0


class ReportLag:
    """The distribution of (publication day - strike day), with weights derived from it."""

    __slots__ = ("_dirty", "_published", "_reported", "counts", "fit", "prior", "window")

    def __init__(self, window: int = 3, prior: Sequence[float] = DEFAULT_PRIOR) -> None:
        self.window = window
        self.prior = tuple(prior[: window + 1]) + (0.0,) * max(0, window + 1 - len(prior))
        #: observed reports by lag 0..window
        self.counts = [0] * (window + 1)
        self._dirty = True
        self._reported: list[float] = []
        self._published: list[float] = []
        #: the counts the weights were last fitted on (a decision keeps it to be re-explained)
        self.fit: tuple[int, ...] = tuple(self.counts)

    def observe(self, lag: int) -> None:
        """Count one report published ``lag`` days after the day it states."""
        if 0 <= lag <= self.window:
            self.counts[lag] += 1
            n = sum(self.counts)
            # refit often while little is known, then every 256 reports (cheap, deterministic)
            if n < 1024 or n % 256 == 0:
                self._dirty = True

    def probabilities(self) -> list[float]:
        """Smoothed P(lag = k) for k in 0..window."""
        n = sum(self.counts)
        total_prior = sum(self.prior) or 1.0
        return [
            max(FLOOR, (PRIOR_WEIGHT * p / total_prior + c) / (PRIOR_WEIGHT + n))
            for p, c in zip(self.prior, self.counts, strict=True)
        ]

    def _refit(self) -> None:
        p = self.probabilities()
        u = 1.0 / (2 * self.window + 1)  # any day of the window, for an unrelated strike
        self._reported = [_clip(math.log(pk / u)) for pk in p]
        published: list[float] = []
        for gap in range(self.window + 1):
            same = sum(p[k] * p[k + gap] for k in range(len(p) - gap))
            if gap:
                same *= 2  # either report may be the later one
            published.append(_clip(math.log(max(FLOOR, same) / (u if gap == 0 else 2 * u))))
        self._published = published
        self._dirty = False
        if tuple(self.counts) != self.fit:
            self.fit = tuple(self.counts)

    def reported_weight(self, lag: int) -> float:
        """A report published ``lag`` days after the day another report states."""
        if self._dirty:
            self._refit()
        if lag < 0:
            return _clip(math.log(FLOOR * (2 * self.window + 1)))
        if lag > self.window:
            return W_MIN
        return self._reported[lag]

    def published_weight(self, gap: int) -> float:
        """Two reports that state no day, published ``gap`` days apart."""
        if self._dirty:
            self._refit()
        return self._published[gap] if gap <= self.window else W_MIN

    def refitted(self, fit: Sequence[int]) -> ReportLag:
        """A copy fitted on earlier counts: the model as it was when a decision used it."""
        lag = ReportLag(self.window, self.prior)
        lag.counts = list(fit)
        return lag

    def to_json(self) -> dict[str, Any]:
        return {"window": self.window, "prior": list(self.prior), "counts": list(self.counts)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ReportLag:
        lag = cls(int(data["window"]), [float(x) for x in data["prior"]])
        lag.counts = [int(x) for x in data["counts"]][: lag.window + 1]
        lag.counts += [0] * (lag.window + 1 - len(lag.counts))
        return lag


def _clip(w: float) -> float:
    return min(W_MAX, max(W_MIN, w))
