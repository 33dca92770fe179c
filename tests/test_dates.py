"""Date phrases resolved against the publication date; never an invented year."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from strikewatch.extract.dates import find_dates, resolve_weekday

PUB = dt.date(2012, 1, 11)  # a Wednesday

CASES = [
    ("the US drone strike Tuesday", "2012-01-10", "day"),
    ("late on Wednesday night", "2012-01-11", "day"),
    ("early Thursday", "2012-01-05", "day"),
    ("last night", "2012-01-10", "day"),
    ("yesterday", "2012-01-10", "day"),
    ("on August 31", "2011-08-31", "day"),
    ("on January 9", "2012-01-09", "day"),
    ("July 10, 2014", "2014-07-10", "day"),
    ("10 July 2014", "2014-07-10", "day"),
    ("in June", "2011-06", "month"),
    ("in June 2014", "2014-06", "month"),
    # "last Tuesday" in a Wednesday paper is the Tuesday of the week before; "last Thursday"
    # already lies in the week before
    ("last Tuesday", "2012-01-03", "day"),
    ("last Thursday", "2012-01-05", "day"),
]


@pytest.mark.parametrize(("phrase", "value", "precision"), CASES)
def test_resolved_against_publication(phrase: str, value: str, precision: str) -> None:
    found = [d for d in find_dates(phrase, PUB) if d.kind != "year"]
    assert found, phrase
    assert (found[0].value, found[0].precision) == (value, precision)


def test_no_publication_date_keeps_partial() -> None:
    (d,) = find_dates("the July 10 strike", None)
    assert d.date is None and d.value == "--07-10" and d.precision == "partial_day"
    (w,) = find_dates("On Thursday, drones", None)
    assert w.date is None and w.value is None
    (m,) = find_dates("in June", None)
    assert m.value == "--06" and m.precision == "partial_month"


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 1, 1)),
       st.integers(min_value=0, max_value=6))
def test_weekday_is_latest_on_or_before(published: dt.date, weekday: int) -> None:
    d = resolve_weekday(weekday, published)
    assert d.weekday() == weekday
    assert 0 <= (published - d).days < 7


@given(st.text(max_size=300), st.one_of(st.none(), st.dates()))
def test_never_raises(text: str, published: dt.date | None) -> None:
    for d in find_dates(text, published):
        assert text[d.start : d.end] == d.text


def test_said_that_on_a_day_dates_what_was_said() -> None:
    from strikewatch.extract import extract_document
    from strikewatch.ingest import document_from_text

    text = ("LONDON - The prime minister said that on 21 August an RAF remotely piloted aircraft had "
            "struck a vehicle in Raqqa, killing three Islamic State fighters.")
    doc = document_from_text(text, "t")
    doc.published = dt.date(2015, 9, 7)
    [m] = [m for m in extract_document(doc).mentions if m.type == "drone_strike"]
    assert m.date == dt.date(2015, 8, 21)


def test_a_day_of_that_year_takes_the_year_named_before() -> None:
    from strikewatch.extract.dates import find_dates

    text = ("The practice became common in the first months of 2010. The day most of them mention is February 2 "
            "of that year, when drones fired 17 missiles.")
    got = {d.text: d.date for d in find_dates(text, dt.date(2011, 9, 15)) if d.kind == "explicit"}
    assert got == {"February 2": dt.date(2010, 2, 2)}


def test_years_ago_today_is_the_paper_s_day_years_back() -> None:
    from strikewatch.extract.dates import find_dates

    published = dt.date(2019, 6, 23)
    got = {d.text: d.date for d in find_dates("Ten years ago today, drones struck a funeral. It was a year ago "
                                              "today. Two years ago this week, a drone struck.", published)}
    assert got == {"Ten years ago today": dt.date(2009, 6, 23), "a year ago today": dt.date(2018, 6, 23),
                   "Two years ago this week": None}


def test_the_outlet_a_digest_cites_ends_its_sentence_before_the_next_day() -> None:
    from strikewatch.extract.dates import find_dates, is_reporting_date

    text = ("Two militants were killed when a US drone fired two missiles near Wana on June 2, reports Dawn. "
            "On June 3, a US drone fired four missiles at a house, killing seven.")
    days = {d.text: is_reporting_date(text, d) for d in find_dates(text, None)}
    assert days == {"June 2": False, "June 3": False}
    assert is_reporting_date("killing two, reports Dawn on June 4.", find_dates("killing two, reports Dawn on June 4.", None)[0])


def test_an_attribution_inverted_after_the_clause_leaves_it_its_day() -> None:
    from strikewatch.extract import extract_document
    from strikewatch.ingest import document_from_text

    text = ("Three militants were neutralized in an airstrike by an armed drone in the Makhmour "
            "region on Wednesday, said the sources, who asked not to be named. Officials on "
            "Thursday said the strike had been planned for weeks.")
    doc = document_from_text(text, "t")
    doc.published = dt.date(2021, 6, 10)
    [m] = [m for m in extract_document(doc).mentions if m.type == "drone_strike"]
    assert (m.date, m.district, m.place) == (dt.date(2021, 6, 9), "Erbil", "Makhmur")


def test_a_day_told_to_a_panel_and_the_day_a_week_after_a_strike() -> None:
    from strikewatch.extract import extract_document
    from strikewatch.ingest import document_from_text

    text = ("WASHINGTON - A young Yemeni writer told a Senate panel Tuesday that a U.S. drone strike on "
            "his village last week had turned people against America. He said the strike hit Wessab, "
            "a farming area in Yemen's Dhamar province, last Wednesday evening, killing Hamid al-Radmi, "
            "a local man whom officials later described as a leader of al Qaeda, and four other men "
            "traveling with him in a car.")
    doc = document_from_text(text, "t")
    doc.published = dt.date(2013, 4, 23)
    got = [(m.date, m.district, m.killed_min, m.killed_max) for m in extract_document(doc).mentions
           if m.type == "drone_strike"]
    assert got == [(dt.date(2013, 4, 17), "Dhamar", 5, 5)]
    text = ("WASHINGTON - The House voted on Thursday to limit the president's war powers, a week after a "
            "U.S. drone strike in Baghdad killed Iranian commander Qassem Soleimani. The Jan. 3 strike, "
            "carried out by an MQ-9 Reaper drone, killed the head of the Quds Force, Iraqi militia leader "
            "Abu Mahdi al-Muhandis and eight other people, according to Iraqi officials.")
    doc = document_from_text(text, "t")
    doc.published = dt.date(2020, 1, 9)
    got = [(m.date, m.killed_min, m.killed_max) for m in extract_document(doc).mentions
           if m.type == "drone_strike"]
    assert got == [(dt.date(2020, 1, 3), 10, 10)]


def test_may_after_in_is_the_month() -> None:
    import datetime as _dt

    from strikewatch.extract import dates as _dates

    text = "In May, a US drone attack on a compound in the valley killed nine people."
    assert [d.value for d in _dates.find_dates(text, _dt.date(2012, 8, 25), 0, len(text))] == ["2012-05"]
    text = "They may strike again, officials said."
    assert _dates.find_dates(text, _dt.date(2012, 8, 25), 0, len(text)) == []


def test_a_weekday_of_last_week() -> None:
    # a Thursday paper: "Wednesday last week" is the Wednesday of the week before, not yesterday
    [d] = find_dates("On Wednesday last week, missiles hit two vehicles.", dt.date(2009, 4, 2))
    assert (d.value, d.text) == ("2009-03-25", "Wednesday last week")
