"""Event detection on whole short documents: what is reported, what is kept out, and why."""

from __future__ import annotations

import datetime as dt

import pytest

from strikewatch.extract import extract_document
from strikewatch.model import Document

PUB = dt.date(2013, 5, 2)  # a Thursday


def drones(text: str, published: dt.date | None = PUB) -> tuple[list, list]:  # type: ignore[type-arg]
    res = extract_document(Document("t", text, published=published))
    return ([m for m in res.mentions if m.type == "drone_strike"],
            [m for m in res.excluded if m.type == "drone_strike"])


@pytest.mark.parametrize(
    "text",
    [
        "A US drone strike killed four suspected militants in Datta Khel, North Waziristan, on Wednesday.",
        "Four militants were killed when a drone fired two missiles at a compound in Mir Ali on Tuesday.",
        "An unmanned aircraft, believed to be American, fired missiles at a house in Kurram on Monday, killing six.",
        "Pakistani officials said a suspected U.S. drone hit a vehicle near Wana late on Wednesday night, killing three.",
    ],
)
def test_reports_are_reported(text: str) -> None:
    reported, _ = drones(text)
    assert len(reported) == 1, [m.sentence.text for m in reported]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Drone strikes could end very soon, a senior official said.", "hypothetical"),
        ("The US suspended drone strikes in Pakistan in mid-November.", "negated"),
        ("Officials denied that a drone was involved in Tuesday's explosion in Mir Ali.", None),
        ("US drone strikes have killed more than 3,000 people in Pakistan since 2004.", "aggregate_total"),
        ("Protesters marched against drone strikes in Islamabad on Sunday.", "background"),
        ("Militants shot down a surveillance drone near Miranshah on Tuesday.", None),
    ],
)
def test_kept_out(text: str, status: str | None) -> None:
    reported, excluded = drones(text)
    assert reported == []
    if status is not None:
        assert excluded and excluded[0].status == status


def test_aggregate_is_marked() -> None:
    reported, _ = drones("The June drone strikes killed nearly 19 militants in North Waziristan.")
    assert len(reported) == 1 and reported[0].aggregate
    assert (reported[0].killed_min, reported[0].killed_max) == (None, 19)


def test_manned_air_strike_is_not_a_drone_strike() -> None:
    text = "Pakistani jets pounded militant hideouts in the Tirah valley on Monday, killing 30."
    res = extract_document(Document("t", text, published=PUB))
    assert [m.type for m in res.mentions] == ["air_strike"]


def test_two_strikes_in_one_sentence_stay_apart() -> None:
    text = ("A US drone strike killed up to ten militants near Wana on Saturday morning, "
            "officials said, and a second attack hours later killed three more in Angoor Adda.")
    reported, _ = drones(text, dt.date(2012, 5, 6))
    assert len(reported) == 2
    assert sorted((m.killed_min or 0, m.killed_max) for m in reported) == [(0, 10), (3, 3)]
    assert all(m.date == dt.date(2012, 5, 5) for m in reported)


def test_one_strike_told_three_times_is_one_mention() -> None:
    text = ("Tuesday's US drone strike in North Waziristan ended a lull. "
            "The strike, on a compound in Datta Khel, killed four suspected militants. "
            "Residents said the drone fired two missiles.")
    reported, _ = drones(text, dt.date(2012, 1, 11))
    assert len(reported) == 1
    m = reported[0]
    assert (m.date, m.district, m.killed_min, m.killed_max, m.perpetrator) == (
        dt.date(2012, 1, 10), "North Waziristan", 4, 4, "US")


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("Pakistan on April 30 summoned a senior US diplomat over the US drone attack on a house in "
         "Miranshah, which had killed at least four persons on April 29, reports Daily Times.", None, "--04-29"),
        ("The United States (US) on June 5 said that al Libi was killed in a drone attack at Hisokhel, "
         "east of Miranshah, on June 4, reports Dawn.", None, "--06-04"),
        ("Officials said on Saturday that a US drone strike on Friday killed six militants in Datta Khel.",
         dt.date(2013, 5, 4), "2013-05-03"),
        ("A US drone strike killed four militants in Mir Ali on Tuesday, officials said on Wednesday.",
         dt.date(2013, 5, 2), "2013-04-30"),
        ("On Thursday, officials confirmed that Monday's drone strike in Shawal had killed a senior "
         "commander.", dt.date(2013, 5, 3), "2013-04-29"),
        ("Four militants were killed in a US drone strike in South Waziristan late on Sunday night, "
         "officials said on Monday.", dt.date(2013, 5, 7), "2013-05-05"),
    ],
)
def test_event_date_not_the_reporting_date(text: str, published: dt.date | None, value: str) -> None:
    reported, _ = drones(text, published)
    assert [m.date_value for m in reported] == [value]
