"""Where a strike was: the place words of real strike summaries, through the whole extractor."""

from __future__ import annotations

import datetime as dt

import pytest

from strikewatch.extract import extract_document
from strikewatch.ingest import document_from_text
from strikewatch.model import Listing


def _where(text: str, listing: Listing | None = None) -> list[tuple[str | None, str | None]]:
    doc = document_from_text(text, "doc")
    doc.listing = listing
    return [(m.district, m.place) for m in extract_document(doc).mentions]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a village located by the town after it
        ("A US drone hit a truck in Lawra Mandi, Datta Khel, killing four militants.",
         ("North Waziristan", "Datta Khel")),
        # a village named like a district elsewhere (Sherani, Balochistan), with its agency
        ("A US drone strike on a house in Sheerani, North Waziristan, killed 10 people.",
         ("North Waziristan", None)),
    ],
)
def test_place_named_with_its_area(text: str, expected: tuple[str | None, str | None]) -> None:
    assert _where(text) == [expected]


def test_a_place_line_after_the_toll_locates_it() -> None:
    entry = Listing("drone_strike", "PK", dt.date(2010, 1, 1), "summaries")
    text = "Six alleged militants were killed in an attack on a car. Khar Qamar area of North Waziristan."
    assert _where(text, entry) == [("North Waziristan", None)]
    text = "Named al Qaeda militant killed along with 4-6 others. Momadkhel, North Waziristan."
    assert _where(text, entry) == [("North Waziristan", None)]
