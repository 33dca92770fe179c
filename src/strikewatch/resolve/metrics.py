"""Pairwise precision and recall of a clustering, the usual measure of merges.

A pair of claims is a true pair when both report the same strike and a
predicted pair when both are in the same event. Counted from the contingency
table, so it is linear in the number of claims, not quadratic.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PairScores:
    true_pairs: int
    predicted_pairs: int
    correct_pairs: int

    @property
    def precision(self) -> float:
        return self.correct_pairs / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.correct_pairs / self.true_pairs if self.true_pairs else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def pairwise_scores(predicted: Mapping[str, Hashable], truth: Mapping[str, Hashable]) -> PairScores:
    """Pairwise scores of ``predicted`` (claim key -> event) against ``truth`` (-> strike).

    Only claims present in both mappings count.
    """
    keys = [k for k in predicted if k in truth]
    cells = Counter((predicted[k], truth[k]) for k in keys)
    events = Counter(predicted[k] for k in keys)
    strikes = Counter(truth[k] for k in keys)
    return PairScores(
        true_pairs=sum(_pairs(n) for n in strikes.values()),
        predicted_pairs=sum(_pairs(n) for n in events.values()),
        correct_pairs=sum(_pairs(n) for n in cells.values()),
    )
