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
        # the Kurdish name of Ain al-Arab, in Aleppo governorate
        ("A Turkish drone struck a house in a village near Kobane, killing a man.",
         ("Aleppo", "Kobani")),
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


# -- villages of one name in several districts (namesakes) ---------------------------------


def _placed(text: str) -> list[tuple[str | None, str | None, float | None]]:
    doc = document_from_text(text, "doc")
    return [(m.district, m.place, m.lat) for m in extract_document(doc).mentions]


def test_a_namesake_where_drones_strike_beats_one_where_they_never_did() -> None:
    # Sanzalai is a village in Killa Saifullah (Balochistan) and one in North Waziristan
    [(district, place, _)] = _placed(
        "Two missiles from a US drone hit the mountainous village of Sanzalai, killing five people."
    )
    assert (district, place) == ("North Waziristan", "Sanzalai")


def test_the_article_names_which_namesake_it_means() -> None:
    # Ismail Khel is in Bannu, Kurram, North Waziristan and Nowshera; the story names Kurram
    text = (
        "A suspected US drone killed four people in Ismail Khel on Tuesday. The village lies "
        "in Kurram Agency, officials said."
    )
    assert [d for d, _, _ in _placed(text)] == ["Kurram"]


def test_a_village_no_namesake_settles_keeps_its_name_not_a_guessed_district() -> None:
    # ten Pakistani villages are called Shagai; drones struck in four of their districts, no one
    # of which holds nine in ten of those strikes
    [(district, place, lat)] = _placed(
        "Eleven people were killed when a US drone struck a residential area in Shagai."
    )
    assert (district, place, lat) == (None, "Shagai", None)


def test_a_lone_village_where_drones_never_struck_is_not_trusted() -> None:
    # the gazetteer's only Chashma is in Khuzdar (Balochistan); a drone story means another
    [(district, place, _)] = _placed("A US drone fired missiles at a house in Chashma, killing 7 people.")
    assert (district, place) == (None, "Chashma")
    # a town is another matter: Dalbandin is one place, whatever the prior says
    [(district, _, _)] = _placed("A drone hit a car on the Dalbandin road on Monday, killing two men.")
    assert district == "Chagai"


def test_places_that_only_bear_on_the_strike() -> None:
    # where someone is based, and a town 200 miles away, do not place the strike
    text = (
        "A US drone strike killed an al Shabaab commander and others about 200 miles south of "
        "Mogadishu, a Nairobi-based analyst said."
    )
    assert [(d, p) for d, p, _ in _placed(text)] == [(None, None)]


def test_a_lone_village_where_drones_seldom_struck_is_not_trusted() -> None:
    # the gazetteer's only Saidgi lies in FR Bannu, where lists record three of 430 strikes
    [(district, place, _)] = _placed("6 US drones fired missiles at a vehicle in Saidgi, killing 9 people.")
    assert (district, place) == (None, "Saidgi")


def test_an_acronym_in_brackets_inside_the_name_and_the_hospital_the_wounded_went_to() -> None:
    text = ("At least four persons were killed when a missile fired by a US drone hit a house in the Jani Khel area of "
            "Frontier Region (FR) Bannu on March 15, reports Dawn. However, residents claimed that five persons had "
            "died and that the injured man had been shifted to a hospital in Bannu.")
    doc = document_from_text(text, "doc")
    [m] = [m for m in extract_document(doc).mentions if m.type == "drone_strike"]
    assert (m.district, m.killed_min, m.killed_max) == ("FR Bannu", 4, 5)


def test_an_area_named_like_a_district_elsewhere_placed_by_the_town_after_it() -> None:
    text = ("The third strike took place this evening in the Sheerani area outside Miramshah, where US drones fired "
            "missiles at a house, killing at least two people.")
    assert _where(text) == [("North Waziristan", "Miranshah")]
