"""The packaged gazetteer and the place finder."""

from __future__ import annotations

import gzip
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from strikewatch.extract.gazetteer import (
    EXTRA,
    PACKAGED,
    Gazetteer,
    PlaceMatch,
    fold,
    get_gazetteer,
)

STRIKE_COUNTRIES = {"PK", "AF", "YE", "SO", "SY", "IQ", "LY"}
#: the newer drone wars, with their towns and provinces only
TOWN_COUNTRIES = {"LB", "ML"}
KINDS = {"country", "province", "district", "city", "town", "village"}


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return get_gazetteer()


def found(gaz: Gazetteer, text: str, **kw: str) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.place.name, m.place.district) for m in gaz.find(text, **kw)]


# -- the district rule and spellings ---------------------------------------


@pytest.mark.parametrize("name", ["Datta Khel", "Datta Khail", "Dattakhel", "DATTA KHEL"])
def test_datta_khel_is_north_waziristan(gaz: Gazetteer, name: str) -> None:
    assert gaz.canonical_district(name) == "North Waziristan"
    place = gaz.lookup(name)
    assert place is not None and place.country == "PK"
    assert place.district == "North Waziristan"


@pytest.mark.parametrize("name", ["Miranshah", "Miramshah", "Miram Shah", "Miran Shah"])
def test_miranshah_is_north_waziristan(gaz: Gazetteer, name: str) -> None:
    assert gaz.canonical_district(name) == "North Waziristan"


@pytest.mark.parametrize(
    ("name", "district"),
    [
        ("Wana", "South Waziristan"),
        ("Shawal", "North Waziristan"),
        ("Shawal valley", "North Waziristan"),
        ("Mir Ali", "North Waziristan"),
        ("Razmak", "North Waziristan"),
        ("Angoor Adda", "South Waziristan"),
        ("Tirah", "Khyber"),
        ("Landi Kotal", "Khyber"),
        ("Damadola", "Bajaur"),
        ("Azzan", "Shabwah"),
        ("Jaar", "Abyan"),
        ("Rada'a", "Al Bayda"),
        ("Jilib", "Middle Juba"),
        ("Kismayo", "Lower Juba"),
        ("Brava", "Lower Shabelle"),
        ("Achin", "Nangarhar"),
        ("Mosul", "Nineveh"),
        ("Ar-Raqqah", "Raqqa"),
        ("Sirte", "Sirte"),
    ],
)
def test_town_gives_its_district(gaz: Gazetteer, name: str, district: str) -> None:
    assert gaz.canonical_district(name) == district


def test_shabwah_spellings_are_one_area(gaz: Gazetteer) -> None:
    names = ["Shabwa", "Shabwah", "Shabwah Governorate", "shabwah governorate", "Shabwā"]
    assert {gaz.canonical_district(n) for n in names} == {"Shabwah"}


def test_hadramawt_spellings_are_one_area(gaz: Gazetteer) -> None:
    names = ["Hadramawt", "Hadramout", "Hadhramaut", "Hadramaut Governorate"]
    assert {gaz.canonical_district(n) for n in names} == {"Hadramawt"}


def test_a_glide_written_y_i_or_iy_is_one_district(gaz: Gazetteer) -> None:
    found = {(m.place.name, m.place.district) for w in ("Nazyan", "Nazian", "Naziyan")
             for m in gaz.find(f"in {w} district")}
    assert found == {("Nazyan", "Nangarhar")}


def test_agency_suffix_is_the_same_district(gaz: Gazetteer) -> None:
    assert gaz.canonical_district("Khyber Agency") == gaz.canonical_district("Khyber")
    assert gaz.canonical_district("Khyber") == "Khyber"
    assert gaz.canonical_district("North Waziristan Agency") == "North Waziristan"
    assert gaz.canonical_district("Bajaur Agency") == "Bajaur"


def test_canonical_district_respects_country(gaz: Gazetteer) -> None:
    assert gaz.canonical_district("Khyber", "PK") == "Khyber"
    assert gaz.canonical_district("Khyber", "YE") is None
    assert gaz.canonical_district("Kunar Province", "AF") == "Kunar"


def test_canonical_district_unknown_and_country_level(gaz: Gazetteer) -> None:
    assert gaz.canonical_district("Atlantis") is None
    assert gaz.canonical_district("Pakistan") is None
    assert gaz.canonical_district("") is None


def test_lookup(gaz: Gazetteer) -> None:
    achin = gaz.lookup("Achin")
    assert achin is not None
    assert (achin.country, achin.district) == ("AF", "Nangarhar")
    assert achin.lat is not None and achin.lon is not None
    assert gaz.lookup("Wana", "IQ") is None
    assert gaz.lookup("No Such Place Anywhere") is None
    country = gaz.lookup("Yemeni")
    assert country is not None and country.precision == "country" and country.name == "Yemen"


def test_lookup_country_preference(gaz: Gazetteer) -> None:
    best = gaz.lookup("Jalalabad")
    assert best is not None and best.country == "AF"
    in_pk = gaz.lookup("Jalalabad", "PK")
    assert in_pk is not None and in_pk.country == "PK"


# -- find ------------------------------------------------------------------


def test_find_spans_are_exact(gaz: Gazetteer) -> None:
    text = (
        "A US drone strike in Datta Khail, North Waziristan Agency, killed four "
        "near Miramshah on Tuesday, officials in Peshawar said."
    )
    matches = gaz.find(text)
    assert [m.text for m in matches] == [
        "Datta Khail",
        "North Waziristan Agency",
        "Miramshah",
        "Peshawar",
    ]
    for m in matches:
        assert text[m.start : m.end] == m.text
    assert {m.place.district for m in matches[:3]} == {"North Waziristan"}


def test_find_suffixes_belong_to_the_name(gaz: Gazetteer) -> None:
    text = (
        "in Bara tehsil of Khyber Agency, the Shabwah Governorate and N. Waziristan tribal agency"
    )
    assert found(gaz, text) == [
        ("Bara tehsil", "Bara", "Khyber"),
        ("Khyber Agency", "Khyber", "Khyber"),
        ("Shabwah Governorate", "Shabwah", "Shabwah"),
        ("N. Waziristan tribal agency", "North Waziristan", "North Waziristan"),
    ]


def test_find_arabic_articles_and_apostrophes(gaz: Gazetteer) -> None:
    text = "Strikes near al-Bayda, in Rada'a and Ja'ar, and in ar-Raqqa and Deir ez-Zor."
    got = found(gaz, text)
    assert got == [
        ("al-Bayda", "Al Bayda", "Al Bayda"),
        ("Rada'a", "Radaa", "Al Bayda"),
        ("Ja'ar", "Jaar", "Abyan"),
        ("ar-Raqqa", "Raqqa", "Raqqa"),
        ("Deir ez-Zor", "Deir ez-Zor", "Deir ez-Zor"),
    ]


def test_find_possessive(gaz: Gazetteer) -> None:
    text = "Pakistan's tribal belt and Yemen’s south"
    assert [(m.text, m.place.country) for m in gaz.find(text)] == [
        ("Pakistan", "PK"),
        ("Yemen", "YE"),
    ]


def test_find_countries_and_demonyms(gaz: Gazetteer) -> None:
    text = "Pakistani officials, Yemeni tribesmen, Somali forces, Syrian and Iraqi towns, Libya."
    got = [(m.text, m.place.country, m.place.precision) for m in gaz.find(text)]
    assert got == [
        ("Pakistani", "PK", "country"),
        ("Yemeni", "YE", "country"),
        ("Somali", "SO", "country"),
        ("Syrian", "SY", "country"),
        ("Iraqi", "IQ", "country"),
        ("Libya", "LY", "country"),
    ]


def test_find_does_not_place_americans(gaz: Gazetteer) -> None:
    assert gaz.find("American officials said a US drone fired. The United States denied it.") == []


def test_find_skips_people_words_and_organisations(gaz: Gazetteer) -> None:
    assert gaz.find("Prime Minister Nawaz Sharif met Yasin Malik and Mir Ali Khan said.") == []
    assert gaz.find("The Pakistan Army and the Pakistani Taliban clashed.") == []
    assert gaz.find("Tehrik-i-Taliban Pakistan claimed it.") == []
    # the holy month and its feasts are no villages ("to mark the end of Ramazan")
    assert gaz.find("People gathered to mark the end of Ramazan before Eid.") == []
    assert gaz.find("Police said Taliban fighters fled. Said Khan was killed.") == []


def test_find_small_places_need_a_cue(gaz: Gazetteer) -> None:
    # "Kalaya" is an Orakzai village: a place after "in", a word otherwise
    assert found(gaz, "militants in Kalaya were killed")[0][1] == "Kalaya"
    assert gaz.find("Kalaya said nothing.") == []


def test_find_acronyms_only_in_capitals(gaz: Gazetteer) -> None:
    assert [m.place.name for m in gaz.find("drone strikes in FATA and KP")] == [
        "Federally Administered Tribal Areas",
        "Khyber Pakhtunkhwa",
    ]
    assert gaz.find("SWAT teams") == []


def test_find_requires_a_capital(gaz: Gazetteer) -> None:
    assert gaz.find("in wana and miranshah") == []


def test_find_country_hint(gaz: Gazetteer) -> None:
    # Jalalabad is a city in Nangarhar and a village in several Pakistani districts
    assert gaz.find("a blast in Jalalabad")[0].place.country == "AF"
    assert gaz.find("a blast in Jalalabad", country_hint="PK")[0].place.country == "PK"


def test_find_empty_and_plain(gaz: Gazetteer) -> None:
    assert gaz.find("") == []
    assert gaz.find("no capitals here at all") == []


def test_place_carries_coordinates_and_precision(gaz: Gazetteer) -> None:
    for m in gaz.find("in Wana, Khyber Agency, Shabwah, Kunar province and Pakistan"):
        assert m.place.lat is not None and m.place.lon is not None
        assert m.place.precision in {"village", "town", "district", "province", "country"}


_WORDS = [
    "Datta",
    "Khel",
    "North",
    "Waziristan",
    "Agency",
    "Pakistan's",
    "al-",
    "Bayda",
    "Rada'a",
    "in",
    "near",
    "tribal",
    "district",
    "Khyber",
    "Shabwah",
    "Governorate",
    "Mir",
    "Ali",
    "US",
    "FATA",
    "Kalaya",
    "ʿ",
    "’s",
    "-",
    ".",
    ",",
    "\n",
    " ",
    "É",
    "İ",
    "ß",
    "Ⅻ",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(_WORDS), st.text(max_size=6)),
        max_size=30,
    ).map(lambda parts: " ".join(parts))
)
def test_find_never_raises_and_spans_are_sane(text: str) -> None:
    gaz = get_gazetteer()
    matches = gaz.find(text)
    last_end = 0
    for m in matches:
        assert isinstance(m, PlaceMatch)
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.start >= last_end
        last_end = m.end


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40), st.sampled_from([None, "PK", "YE", "af"]))
def test_lookups_never_raise(name: str, country: str | None) -> None:
    gaz = get_gazetteer()
    gaz.lookup(name, country)
    gaz.canonical_district(name, country)


# -- the packaged data -----------------------------------------------------


def test_packaged_file_is_small_and_complete() -> None:
    assert PACKAGED.stat().st_size < 1_500_000
    with gzip.open(PACKAGED, "rt", encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        assert header[:9] == [
            "name",
            "variants",
            "lat",
            "lon",
            "kind",
            "country",
            "admin1",
            "district",
            "population",
        ]
        rows = [line.rstrip("\n").split("\t") for line in fh]
    assert len(rows) > 20_000
    for row in rows:
        assert row[0]
        assert -90 <= float(row[2]) <= 90 and -180 <= float(row[3]) <= 180
        assert row[4] in KINDS
        assert row[5] in STRIKE_COUNTRIES or (row[5] in TOWN_COUNTRIES and row[4] in ("city", "town", "village"))
        assert all(
            v.isascii() or not any("\u0600" <= c <= "\u06ff" for c in v) for v in row[1].split("|")
        )


def test_extra_file_rows_are_complete() -> None:
    lines = [
        ln for ln in EXTRA.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")
    ][1:]
    assert len(lines) >= 40
    for line in lines:
        row = line.split("\t")
        assert len(row) == 9, line
        float(row[2]), float(row[3])
        assert row[4] in KINDS
        # the seven strike countries in detail; other countries only as country rows
        assert row[5] in STRIKE_COUNTRIES or (row[4] == "country" and len(row[5]) == 2)


def test_attribution_is_shipped() -> None:
    text = (PACKAGED.parent / "GAZETTEER_ATTRIBUTION.txt").read_text(encoding="utf-8")
    assert "GeoNames (CC BY 4.0)" in text and "Natural Earth" in text


def test_loads_fast() -> None:
    started = time.perf_counter()
    gaz = Gazetteer()
    elapsed = time.perf_counter() - started
    assert len(gaz) > 20_000
    assert elapsed < 3.0  # about 0.25 s on a developer machine; generous for busy CI


def test_fold() -> None:
    assert fold("Rada'a") == fold("Radaʿa") == fold("RADAA") == "radaa"
    assert fold("Ar-Raqqah") == fold("Ar Raqqah") == "ar raqqah"
    assert fold("Shabwā  Governorate") == "shabwa governorate"


def test_lebanon_and_mali_towns_place_a_strike_in_their_province() -> None:
    from strikewatch.extract.gazetteer import get_gazetteer

    gaz = get_gazetteer()
    kidal = gaz.lookup("Kidal", "ML")
    assert kidal is not None and (kidal.country, kidal.district) == ("ML", "Kidal")
    tripoli = gaz.lookup("Tripoli")
    assert tripoli is not None and tripoli.country == "LY"  # the Libyan capital before Lebanon's Tripoli


def test_a_village_is_never_a_province_of_another_country() -> None:
    from strikewatch.extract.gazetteer import get_gazetteer

    found = get_gazetteer().find("an Al-Shabaab base in Basra village, in the Shabeellaha Hoose region")
    assert [(m.place.name, m.place.country) for m in found] == [("Lower Shabelle", "SO")]
