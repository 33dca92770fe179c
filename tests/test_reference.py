"""Reference strike lists read into events: counts, quirks and sanity.

The first half builds tiny files in each list's format, so the importers are
tested wherever the suite runs. The second half reads the real lists in
shared/data (skipped, with the reason, where they are absent) and checks
them against shared/data/README.md and the quirks found by reading them.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections import Counter
from pathlib import Path

import pytest

from strikewatch.errors import IngestError
from strikewatch.ingest.reference import (
    REFERENCE_KINDS,
    ReferenceListError,
    detect_kind,
    dronestream_documents,
    load_reference,
)
from strikewatch.ingest.reference._common import (
    Count,
    find_pk_district,
    pair,
    parse_count,
    pk_area,
    so_region,
    span,
    urls_in,
    ye_province,
)
from strikewatch.model import Event

# ------------------------------------------------------------------ parsing


@pytest.mark.parametrize(
    ("raw", "low", "high"),
    [
        ("4", 4, 4),
        (6.0, 6, 6),
        ("4-6", 4, 6),
        ("6-4", 4, 6),
        ("4-Mar", 3, 4),  # "3-4" typed into a spreadsheet became 4 March
        ("Mar-04", 3, 4),
        ("At least 2", 2, None),
        ("Unknown", None, None),
        ("?", None, None),
        ("", None, None),
        ("Possibly", None, None),
        ("Several", None, None),
        ("-6", None, None),
        (None, None, None),
    ],
)
def test_parse_count(raw: object, low: int | None, high: int | None) -> None:
    count = parse_count(raw)
    assert (count.low, count.high) == (low, high)


def test_words_and_repairs_are_noted_not_silent() -> None:
    assert parse_count("Possibly").note == "stated as 'Possibly'"
    assert "3-4" in (parse_count("4-Mar").note or "")
    assert parse_count("-6").note is not None
    assert parse_count("Unknown").note is None  # plain "not known" needs no note
    swapped = pair(3, 1)
    assert (swapped.low, swapped.high) == (1, 3) and "swapped" in (swapped.note or "")
    assert (pair("", "5").low, pair("", "5").high) == (None, 5)  # no copying across


def test_span_takes_what_is_stated() -> None:
    assert span(Count(3, 6), Count(3, 3), Count(5, 5)) == Count(3, 6)
    assert span(Count(5, 5), Count(0, 0), Count(5, 5)) == Count(0, 5)
    assert span(Count(2, None), Count(4, 4)).high is None  # "at least 2" is open


@pytest.mark.parametrize(
    ("raw", "district", "admin1"),
    [
        ("North Waziristan", "North Waziristan", "Federally Administered Tribal Areas"),
        ("North Waziristan Agency", "North Waziristan", "Federally Administered Tribal Areas"),
        ("N. Waziristan", "North Waziristan", "Federally Administered Tribal Areas"),
        ("NWA", "North Waziristan", "Federally Administered Tribal Areas"),
        ("South waziristan", "South Waziristan", "Federally Administered Tribal Areas"),
        ("Bajaur  Agency", "Bajaur", "Federally Administered Tribal Areas"),
        ("Lower Kurram Agency", "Kurram", "Federally Administered Tribal Areas"),
        ("Bannu Frontier Region", "FR Bannu", "Federally Administered Tribal Areas"),
        ("Bannu Frontier", "FR Bannu", "Federally Administered Tribal Areas"),
        ("Hungu", "Hangu", "Khyber Pakhtunkhwa"),
        ("KPK", None, "Khyber Pakhtunkhwa"),
        ("Khyber Punkhtunkhwa", None, "Khyber Pakhtunkhwa"),
        ("Khyber Pakhtunkhwa province", None, "Khyber Pakhtunkhwa"),
        ("North/South Waziristan", None, "Federally Administered Tribal Areas"),
        ("Orakzai/North Waziristan", None, "Federally Administered Tribal Areas"),
        ("Unclear ", None, None),
        ("Kabul River", None, None),
    ],
)
def test_pakistan_areas(raw: str, district: str | None, admin1: str | None) -> None:
    assert pk_area(raw) == (district, admin1)


def test_district_in_free_text() -> None:
    assert find_pk_district("Tal, Hangu District") == "Hangu"
    assert find_pk_district("Khyber Pakhtunkhwa") is None  # a province, not Khyber Agency
    assert find_pk_district("South/North Waziristan border") is None  # two districts
    assert find_pk_district("Jani Khel, Frontier Region Bannu") == "FR Bannu"


def test_yemen_and_somalia_regions() -> None:
    assert ye_province("Shabwa") == ye_province("Shabwah Province ") == "Shabwah"
    assert ye_province("Hadramout") == ye_province("Hadhramaut Province") == "Hadhramaut"
    assert ye_province("Mareb") == "Ma'rib"
    assert ye_province("Shabwa/Hadramout") is None
    assert so_region("Afgoye, Lower Shabelle") == "Lower Shebelle"
    assert so_region("Vicinity of Baqdaad, Lower Juba region\u200b") == "Lower Juba"
    assert so_region("Southern Somalia") is None


def test_urls_in_references() -> None:
    text = "http://a.example/x/- http://b.example/y; www.c.example/z  Daily Jang 26-Apr"
    assert urls_in(text) == ["http://a.example/x/", "http://b.example/y", "http://www.c.example/z"]


# ------------------------------------------------------- tiny files, by kind


def _dronestream(tmp_path: Path, strikes: list[dict[str, object]]) -> Path:
    base = {
        "country": "Pakistan",
        "date": "2008-10-09T00:00:00.000Z",
        "town": "Tati",
        "location": "North Waziristan",
        "deaths": "4-9",
        "deaths_min": "4",
        "deaths_max": "9",
        "civilians": "",
        "injuries": "",
        "children": "",
        "bureau_id": "B32",
        "narrative": "Two missiles hit a house.",
        "bij_summary_short": "Up to nine killed in Tati.",
        "bij_link": "http://example.org/b",
        "target": "",
        "lat": "32.99",
        "lon": "70.16",
    }
    path = tmp_path / "data.json"
    path.write_text(
        json.dumps({"status": "OK", "strike": [base | s for s in strikes]}), encoding="utf-8"
    )
    return path


def test_dronestream_small(tmp_path: Path) -> None:
    path = _dronestream(
        tmp_path,
        [
            {"number": 1, "children": "4-Mar"},
            {"number": 2, "deaths": "Unknown", "deaths_min": "0", "deaths_max": "0"},
            {"number": 3, "deaths": "5", "deaths_min": "0", "deaths_max": "5", "bureau_id": ""},
            {"number": 4, "bij_summary_short": "", "civilians": "Possibly"},
        ],
    )
    assert detect_kind(path) == "dronestream"
    events = {e.event_id: e for e in load_reference(path)}
    one, two, three, four = (events[f"dronestream:{n}"] for n in range(1, 5))
    assert (one.children_min, one.children_max) == (3, 4)
    assert (one.killed_min, one.killed_max) == (4, 9)
    assert (two.killed_min, two.killed_max) == (None, None)
    assert (three.killed_min, three.killed_max) == (0, 5)
    assert three.source_ref == "#3"
    assert one.source_ref == "B32#1"  # reused by strikes 1, 2 and 4
    assert four.civilians_min is None and "Possibly" in (four.notes or "")
    assert one.country == "PK" and one.district == "North Waziristan"
    assert one.date == dt.date(2008, 10, 9) and one.geo_precision == "town"
    docs = list(dronestream_documents(path))
    assert [len(d) for d in docs] == [2, 2, 2, 1]
    assert docs[0][0].published == dt.date(2008, 10, 9)
    assert docs[0][0].doc_id == "dronestream:1:narrative"
    assert docs[0][1].text == "Up to nine killed in Tati."


def test_new_america_small(tmp_path: Path) -> None:
    header = (
        "strikes,date,village,region,year,leaders_killed,leader_names,leader_description,"
        "militants_low,militants_high,militants_avg,unknown_low,unknown_high,unknown_avg,"
        "civilians_low,civilians_high,civilians_avg,total_low,total_high,total_avg,"
        "president_name,president_number,target_type,target_description,"
        "target_organization_name,target_group,geo_lat,geo_lon,province,strike_type,"
        "Source,Source"
    )
    rows = [
        "1,6/19/2004,Wana,South Waziristan,2004,1,Nek Muhammad,x,1,1,1,5,5,5,1,1,1,7,7,7,"
        "Bush,43,House,Nek Muhammad,Taliban,1. Taliban,32.3,69.5,"
        "Federally Administered Tribal Areas,,New York Times,CNN",
        '1,3/15/2009,"Jani Khel, Bannu",Khyber Pakhtunkhwa,2009,0,,,2,5,3.5,,,,,,,2,5,3.5,'
        "Obama,44,Unclear,,Unclear,7. Unclear,32.79,70.49,,Drone or Air Strike,AP,",
    ]
    path = tmp_path / "drone_attacks.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    assert detect_kind(path) == "new_america"
    first, second = load_reference(path)
    assert first.date == dt.date(2004, 6, 19) and first.district == "South Waziristan"
    assert (first.killed_min, first.killed_max, first.civilians_min) == (7, 7, 1)
    assert first.groups == ["Taliban"] and "outlets: New York Times, CNN" in (first.notes or "")
    assert second.district == "Bannu" and second.admin1 == "Khyber Pakhtunkhwa"
    assert second.civilians_min is None and second.groups == []
    assert second.type == "drone_strike" and "Drone or Air Strike" in (second.notes or "")


def test_pbc_small(tmp_path: Path) -> None:
    header = (
        "S#,Date,Time,Location,City,Province,No of Strike,Al-Qaeda,Taliban,Civilians Min,"
        "Civilians Max,Foreigners Min,Foreigners Max,Total Died Min,Total Died Mix,"
        "Injured Min,Injured Max,Women/Children  ,Special Mention (Site),Comments,"
        "References,Longitude,Latitude,Temperature(C),Temperature(F)"
    )
    rows = [
        '1,"Friday, June 18, 2004",22:00,Near Wana,South Waziristan,FATA,1,,1,0,4,,,,5,,,N,'
        "site,comment,http://archives.dawn.com/2004/06/19/top1.htm,69.9,33.0333,28.4,83.2",
        '2,"Thursday, January 15, 2015",,Acha Dara area\xbe,North Waziristan,FATA,1,,6,0,-6,'
        ",,,6,,,Y,,,,69.9,33.0333,,",
        '3,"Monday, February 16, 2009",,Kurram,Khyber,FATA,3,,,3,1,,,8,30,3,20,N,,,,'
        "68.50235,25.67848,,",
        ",,,,,,,49,662,1304,2542,68,372,1943,3658,402,1329,,,,,,,,",
    ]
    path = tmp_path / "PakistanDroneAttacks.csv"
    path.write_bytes(("\n".join([header, *rows]) + "\n").encode("latin-1"))
    assert detect_kind(path) == "pbc"
    events = load_reference(path)
    assert [e.source_ref for e in events] == ["1", "2", "3"]  # totals row skipped
    one, two, three = events
    assert (one.killed_min, one.killed_max) == (None, 5)  # "Total Died Mix" is the max
    assert one.sources == ["http://archives.dawn.com/2004/06/19/top1.htm"]
    assert one.geo_precision == "district"  # a point shared by several rows
    assert two.place == "Acha Dara area"
    assert (two.civilians_min, two.civilians_max) == (0, None)  # negative max dropped
    assert (three.civilians_min, three.civilians_max) == (1, 3)  # swapped
    assert three.lat is None and "dropped" in (three.notes or "")  # a point in Sindh


def test_tbij_small(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    wb.active.title = "Notes"
    wb.active.append(["US drone strikes in Yemen"])
    ws = wb.create_sheet("All US actions")
    ws.append(
        [
            "Strike ID",
            "Date",
            "Location",
            "Province",
            "Type of attack",
            "Confirmed/\npossible US attack?",
            "Air operation?",
            "Drone strike",
            "Minimum number of strikes",
            "Maximum number of strikes",
            "Minimum people killed",
            "Maximum people killed",
            "Minimum civilians reported killed",
            "Maximum civilians reported killed",
            "Minimum children reported killed",
            "Maximum children reported killed",
            "Minimum people injured",
            "Maximum people injured",
            "Strike link",
        ]
    )
    day = dt.datetime(2012, 1, 31)
    common = [1.0, 1.0, 10.0, 14.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    ws.append(["YEM037", day, "Lawder", "Abyan", "Drone strike", "Confirmed", 1.0, 1.0, *common])
    ws.append(["YEM038", day, "Unknown", "Abyan", "Airstrike", "Possible", 1.0, 0.0, *common])
    ws.append(["YEM039", day, "Arhab", "Sanaa", "Cruise missile", "Confirmed", 0.0, 0.0, *common])
    ws.append([None] * 5)
    path = tmp_path / "us-yemen-strikes.xlsx"
    wb.save(path)
    assert detect_kind(path) == "tbij"
    drone, air, other = load_reference(path)
    assert (drone.type, air.type, other.type) == ("drone_strike", "air_strike", "other_attack")
    assert drone.country == "YE" and drone.admin1 == "Abyan" and drone.place == "Lawder"
    assert air.place is None and "US attack: possible" in (air.notes or "")
    assert other.admin1 == "Sana'a"
    assert (drone.killed_min, drone.killed_max) == (10, 14)


def test_unknown_and_unreadable_files(tmp_path: Path) -> None:
    other = tmp_path / "articles.csv"
    other.write_text("text,label\nhello,1\n", encoding="utf-8")
    with pytest.raises(ReferenceListError, match="not a known reference list"):
        load_reference(other)
    with pytest.raises(ReferenceListError, match="no such file"):
        load_reference(tmp_path / "missing.json")
    with pytest.raises(ReferenceListError, match="unknown reference kind"):
        load_reference(other, kind="acled")
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ReferenceListError):
        load_reference(broken, kind="tbij")
    with pytest.raises(ReferenceListError, match="lacks columns"):
        load_reference(other, kind="pbc")
    assert issubclass(ReferenceListError, IngestError)
    assert ReferenceListError("x").code == "reference"
    assert set(REFERENCE_KINDS) == {"tbij", "dronestream", "new_america", "pbc"}


# ---------------------------------------------------------- the real lists

DATA = Path(
    os.environ.get("STRIKEWATCH_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared/data")
)
if not DATA.is_dir():
    DATA = Path("/work/shared/data")

real = pytest.mark.skipif(
    not (DATA / "dronestream-2015").is_dir(),
    reason=f"the shared reference lists are not at {DATA} (set STRIKEWATCH_SHARED_DATA)",
)

#: file -> (kind, record count, first date, last date) from shared/data/README.md
#: and, for TBIJ Yemen and Somalia whose counts it does not give, from the files
FILES = {
    "tbij/us-pakistan-strikes-from-2004.xlsx": ("tbij", 430, "2004-06-17", "2018-01-24"),
    "tbij/us-yemen-strikes-from-2007.xlsx": ("tbij", 324, "2002-11-03", "2019-06-24"),
    "tbij/us-somalia-strikes-from-2007.xlsx": ("tbij", 190, "2007-01-07", "2020-02-19"),
    "dronestream-2015/data.json": ("dronestream", 607, "2002-11-03", "2015-11-21"),
    "new-america/drone_attacks.csv": ("new_america", 414, "2004-06-19", "2018-07-04"),
    "pakistan-body-count/PakistanDroneAttacks.csv": ("pbc", 404, "2004-06-18", "2017-10-16"),
}

_CACHE: dict[str, list[Event]] = {}


def _load(name: str) -> list[Event]:
    if name not in _CACHE:
        _CACHE[name] = load_reference(DATA / name)
    return _CACHE[name]


def _by_ref(name: str) -> dict[str, Event]:
    return {e.source_ref or "": e for e in _load(name)}


@real
@pytest.mark.parametrize("name", sorted(FILES))
def test_real_counts_dates_and_ranges(name: str) -> None:
    kind, count, first, last = FILES[name]
    assert detect_kind(DATA / name) == kind
    events = _load(name)
    assert len(events) == count
    assert {e.origin for e in events} == {kind}
    assert len({e.event_id for e in events}) == count
    assert len({e.source_ref for e in events}) == count
    dates = [e.date for e in events]
    assert all(d is not None for d in dates)
    assert min(d for d in dates if d) == dt.date.fromisoformat(first)
    assert max(d for d in dates if d) == dt.date.fromisoformat(last)
    for e in events:
        assert e.date_precision == "day" and e.perpetrator == "US"
        for field in ("killed", "civilians", "children", "injured"):
            low, high = getattr(e, f"{field}_min"), getattr(e, f"{field}_max")
            assert low is None or low >= 0, (e.event_id, field)
            assert high is None or high >= 0, (e.event_id, field)
            assert low is None or high is None or low <= high, (e.event_id, field)
        assert (e.lat is None) == (e.lon is None) == (e.geo_precision is None)
        assert all(u.startswith(("http://", "https://")) for u in e.sources)


@real
def test_real_dronestream() -> None:
    events = _load("dronestream-2015/data.json")
    countries = Counter(e.country for e in events)
    assert (countries["PK"], countries["YE"], countries["SO"]) == (426, 165, 15)
    # the 607th: "Pakistan-Afghanistan Border", at Lal Pur on the Afghan side
    (border,) = [e for e in events if e.country is None]
    assert border.place == "Lal Pur" and "Pakistan-Afghanistan Border" in (border.notes or "")
    by_id = {e.event_id: e for e in events}
    tati = by_id["dronestream:34"]  # B32: children "4-Mar"
    assert (tati.source_ref, tati.children_min, tati.children_max) == ("B32", 3, 4)
    unknown = by_id["dronestream:13"]  # B11: deaths "Unknown", min/max "0"
    assert (unknown.killed_min, unknown.killed_max) == (None, None)
    ranged = by_id["dronestream:2"]  # B1: "6-8"
    assert (ranged.killed_min, ranged.killed_max) == (6, 8)
    spinwam = by_id["dronestream:470"]  # Ob312: deaths "3-6", max "5"
    assert (spinwam.killed_min, spinwam.killed_max) == (3, 6)
    assert not any(e.killed_max == 0 and "Unknown" in (e.notes or "") for e in events)
    reused = [e.source_ref or "" for e in events if (e.source_ref or "").startswith("Ob197")]
    assert sorted(reused) == ["Ob197#253", "Ob197#254"]
    docs = list(dronestream_documents(DATA / "dronestream-2015/data.json"))
    assert len(docs) == 607
    assert sum(len(d) for d in docs) == 607 * 2 - 74  # 74 strikes have no summary
    assert all(d.published == e.date for d, e in zip((t[0] for t in docs), events, strict=True))


@real
def test_real_tbij() -> None:
    pakistan = _by_ref("tbij/us-pakistan-strikes-from-2004.xlsx")
    assert {e.type for e in pakistan.values()} == {"drone_strike"}
    assert pakistan["B1"].district == "South Waziristan" and pakistan["B1"].place == "Wana"
    assert pakistan["B11"].district == "FR Bannu"
    assert pakistan["T004"].district == "Hangu"  # area says only the province
    assert (pakistan["Ob193"].injured_min, pakistan["Ob193"].injured_max) == (2, 3)  # 3-2
    assert pakistan["B1"].sources[0].endswith("#B1")
    districts = Counter(e.district for e in pakistan.values())
    assert districts["North Waziristan"] == 304

    yemen = _by_ref("tbij/us-yemen-strikes-from-2007.xlsx")
    types = Counter(e.type for e in yemen.values())
    assert types == Counter(drone_strike=248, air_strike=66, other_attack=10)
    assert yemen["YEM002"].type == "other_attack"  # cruise missile
    assert yemen["YEM324"].admin1 == "Al Bayda'"  # "Badya"

    somalia = _by_ref("tbij/us-somalia-strikes-from-2007.xlsx")
    assert Counter(e.type for e in somalia.values())["drone_strike"] == 44
    assert "SOM168a" in somalia  # an id with a letter suffix
    assert somalia["SOM005"].type == "other_attack"  # naval bombardment


@real
def test_real_new_america_and_pbc() -> None:
    america = _load("new-america/drone_attacks.csv")
    assert {e.country for e in america} == {"PK"}
    assert sum(e.district == "North Waziristan" for e in america) >= 297
    assert all(e.lat is not None for e in america)

    pbc = _by_ref("pakistan-body-count/PakistanDroneAttacks.csv")
    assert "399" not in pbc and "405" in pbc  # S# skips 399: 404 strikes, numbered to 405
    coords = Counter((e.lat, e.lon) for e in pbc.values() if e.lat is not None)
    assert len(coords) == 19  # 21 pairs in the file, less the blank and the Sindh one
    assert sum(e.geo_precision == "district" for e in pbc.values()) == 391
    assert pbc["368"].civilians_max is None  # "-6"
    assert pbc["51"].lat is None  # a Kurram strike placed in Sindh
    assert pbc["1"].killed_max == 5 and pbc["1"].killed_min is None
