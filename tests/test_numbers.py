"""ANNOTATION.md's counting table, row by row, and properties of the number grammar."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from strikewatch.extract.numbers import find_quantities, parse_number

TABLE = [
    ("four", 4, 4), ("4", 4, 4),
    ("at least four", 4, None), ("no fewer than four", 4, None), ("four or more", 4, None),
    ("up to ten", None, 10), ("as many as ten", None, 10), ("no more than ten", None, 10),
    ("nearly 19", None, 19), ("almost 19", None, 19),
    ("about 19", 19, 19), ("around 19", 19, 19), ("some 19", 19, 19), ("roughly 19", 19, 19),
    ("between 5 and 8", 5, 8), ("5 to 8", 5, 8), ("5-8", 5, 8),
    ("a dozen", 12, 12), ("two dozen", 24, 24), ("dozens", 24, None),
    ("twenty-one", 21, 21), ("one hundred and five", 105, 105), ("1,200", 1200, 1200),
    ("three or four", 3, 4),
]


@pytest.mark.parametrize(("phrase", "low", "high"), TABLE)
def test_counting_table(phrase: str, low: int | None, high: int | None) -> None:
    qs = find_quantities(f"They said {phrase} people died.")
    assert qs, phrase
    assert (qs[0].low, qs[0].high) == (low, high)
    assert qs[0].text.lower() == phrase.lower()


@given(st.integers(min_value=0, max_value=999_999))
def test_digits_round_trip(n: int) -> None:
    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}") == n


@given(st.text(max_size=200))
def test_never_raises_and_spans_are_exact(text: str) -> None:
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text
        assert q.low is None or q.high is None or q.low <= q.high
