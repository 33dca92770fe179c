"""Exports: each format round-trips, and the ACLED and TBIJ mappings say what they should."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from strikewatch.cli import main
from strikewatch.model import Event
from strikewatch.publish.export import (
    ACLED_COLUMNS,
    LIST_SEPARATOR,
    MAPPINGS,
    NATIVE_COLUMNS,
    TBIJ_COLUMNS,
    acled_actor1,
    columns,
    export,
    geojson,
    records,
)

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("STRIKEWATCH_SHARED", ROOT.parent / "shared")) / "data"
TBIJ_PK = SHARED_DATA / "tbij" / "us-pakistan-strikes-from-2004.xlsx"

#: the ACLED columns the brief names, all of which must be exported
ACLED_REQUIRED = (
    "event_date", "sub_event_type", "actor1", "admin1", "admin2", "location", "latitude",
    "longitude", "geo_precision", "fatalities", "source", "notes", "time_precision",
)  # fmt: skip


def events() -> list[Event]:
    return [
        Event(
            type="drone_strike",
            country="PK",
            origin="extracted",
            event_id="ev1",
            date=dt.date(2011, 11, 17),
            date_precision="day",
            admin1="Federally Administered Tribal Areas",
            district="North Waziristan",
            place="Datta Khel",
            lat=32.95,
            lon=69.78,
            geo_precision="town",
            killed_min=4,
            killed_max=6,
            civilians_min=0,
            civilians_max=1,
            perpetrator="US",
            groups=["TTP", "Haqqani network"],
            sources=["https://example.org/a", "https://example.org/b"],
            notes="two missiles, \"a compound\"; ok",
        ),
        Event(
            type="air_strike",
            country="YE",
            origin="extracted",
            event_id="ev2",
            date=dt.date(2017, 3, 1),
            date_precision="month",
            admin1="Shabwah",
            killed_min=3,
            killed_max=None,
            perpetrator=None,
        ),
        Event(type="other_attack", country=None, event_id="ev3"),
    ]


# -------------------------------------------------------------- round trips


def test_csv_round_trip(tmp_path: Path) -> None:
    out = tmp_path / "e.csv"
    assert export(events(), "csv", out) == 3
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == [c.name for c in NATIVE_COLUMNS]
    first = rows[0]
    assert first["event_id"] == "ev1" and first["date"] == "2011-11-17"
    assert float(first["lat"]) == 32.95 and int(first["killed_max"]) == 6
    assert first["groups"].split(LIST_SEPARATOR) == ["TTP", "Haqqani network"]
    assert first["notes"] == "two missiles, \"a compound\"; ok"
    assert rows[1]["killed_max"] == "" and rows[2]["date"] == ""


def test_json_round_trip() -> None:
    buf = io.StringIO()
    export(events(), "json", buf)
    data = json.loads(buf.getvalue())
    assert [d["event_id"] for d in data] == ["ev1", "ev2", "ev3"]
    assert data[0]["date"] == "2011-11-17" and data[0]["groups"] == ["TTP", "Haqqani network"]
    assert data[1]["killed_max"] is None
    assert set(data[0]) == {c.name for c in NATIVE_COLUMNS}


def test_geojson_feature_collection(tmp_path: Path) -> None:
    out = tmp_path / "e.geojson"
    export(events(), "geojson", out, mapping="acled")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    feats = data["features"]
    assert len(feats) == 3 and all(f["type"] == "Feature" for f in feats)
    assert feats[0]["geometry"] == {"type": "Point", "coordinates": [69.78, 32.95]}
    assert feats[1]["geometry"] is None  # kept, without a place on the map
    assert feats[0]["id"] == "ev1"
    assert feats[0]["properties"]["event_date"] == "2011-11-17"
    assert set(ACLED_REQUIRED) <= set(feats[0]["properties"])


def test_parquet_round_trip(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    pa = pytest.importorskip("pyarrow")
    out = tmp_path / "e.parquet"
    assert export(events(), "parquet", out) == 3
    table = pq.read_table(out)
    assert table.column_names == [c.name for c in NATIVE_COLUMNS]
    assert table.schema.field("date").type == pa.date32()
    assert table.schema.field("killed_min").type == pa.int64()
    assert table.schema.field("groups").type == pa.list_(pa.string())
    rows = table.to_pylist()
    assert rows[0]["date"] == dt.date(2011, 11, 17)
    assert rows[0]["groups"] == ["TTP", "Haqqani network"]
    assert rows[1]["killed_max"] is None and rows[2]["lat"] is None
    acled = pq.read_table(_written(tmp_path / "a.parquet", "acled"))
    assert set(ACLED_REQUIRED) <= set(acled.column_names)


def _written(path: Path, mapping: str) -> Path:
    export(events(), "parquet", path, mapping=mapping)
    return path


def test_parquet_needs_a_file() -> None:
    with pytest.raises(ValueError, match="file"):
        export(events(), "parquet", None)


def test_unknown_format_and_mapping() -> None:
    with pytest.raises(ValueError, match="format"):
        export(events(), "xml", io.StringIO())
    with pytest.raises(ValueError, match="mapping"):
        export(events(), "csv", io.StringIO(), mapping="gdelt")


# ------------------------------------------------------------------ mappings


def test_acled_mapping() -> None:
    names = [c.name for c in ACLED_COLUMNS]
    assert set(ACLED_REQUIRED) <= set(names)
    drone, air, other = records(events(), "acled")
    assert drone["event_date"] == dt.date(2011, 11, 17) and drone["year"] == 2011
    assert drone["sub_event_type"] == "Air/drone strike"
    assert drone["event_type"] == "Explosions/Remote violence"
    assert drone["actor1"] == "Military Forces of the United States (2009-2017)"
    assert (drone["admin1"], drone["admin2"], drone["location"]) == (
        "Federally Administered Tribal Areas", "North Waziristan", "Datta Khel",
    )  # fmt: skip
    assert (drone["latitude"], drone["longitude"]) == (32.95, 69.78)
    assert drone["geo_precision"] == 1 and drone["time_precision"] == 1
    assert drone["fatalities"] == 4  # the lowest figure, as ACLED records it
    assert "killed: 4-6." in drone["notes"] and "civilians killed: 0-1." in drone["notes"]
    assert drone["source"] == "https://example.org/a; https://example.org/b"
    assert (drone["country"], drone["iso"]) == ("Pakistan", 586)
    assert air["sub_event_type"] == "Air/drone strike" and air["time_precision"] == 3
    assert air["actor1"] == "Unidentified Military Forces"
    assert air["geo_precision"] is None and air["location"] == "Shabwah"
    assert air["fatalities"] == 3 and "killed: at least 3." in air["notes"]
    assert other["sub_event_type"] is None and other["fatalities"] is None


def test_acled_actor_follows_the_presidential_term() -> None:
    def us(day: dt.date) -> str:
        return acled_actor1(Event(type="drone_strike", country="PK", date=day, perpetrator="US"))

    assert us(dt.date(2009, 1, 1)).endswith("(2001-2009)")  # Bush's last strikes
    assert us(dt.date(2009, 1, 23)).endswith("(2009-2017)")
    assert us(dt.date(2018, 1, 24)).endswith("(2017-2021)")
    assert acled_actor1(Event(type="drone_strike", country="SY", perpetrator="TR")) == (
        "Military Forces of Turkey"
    )


def test_tbij_mapping_matches_the_spreadsheet() -> None:
    expected = [
        "Strike ID", "Date", "Location", "Area", "Minimum total people killed",
        "Maximum total people killed", "Minimum civilians reported killed",
        "Maximum civilians reported killed", "Minimum children reported killed",
        "Maximum children reported killed", "Minimum reported injured",
        "Maximum reported injured", "Strike link",
    ]  # fmt: skip
    assert [c.name for c in TBIJ_COLUMNS] == expected
    row = records(events(), "tbij")[0]
    assert row["Strike ID"] == "ev1" and row["Area"] == "North Waziristan"
    assert row["Strike link"] == "https://example.org/a"
    if TBIJ_PK.is_file():  # the real header, as the Bureau published it
        openpyxl = pytest.importorskip("openpyxl")
        wb = openpyxl.load_workbook(TBIJ_PK, read_only=True)
        header = next(wb["Drone strikes data"].iter_rows(values_only=True))
        wb.close()
        assert [h for h in header[: len(expected)]] == expected


def test_tbij_export_reads_back_as_the_same_strikes(tmp_path: Path) -> None:
    """A TBIJ-mapped export saved as .xlsx is a TBIJ list to the importer."""
    openpyxl = pytest.importorskip("openpyxl")
    from strikewatch.ingest.reference import load_reference

    original = [
        Event(type="drone_strike", country="PK", origin="tbij", event_id="tbij:Ob1",
              source_ref="Ob1", date=dt.date(2009, 1, 23), date_precision="day",
              admin1="Federally Administered Tribal Areas", district="North Waziristan",
              place="Zharki", killed_min=7, killed_max=15, civilians_min=0, civilians_max=5,
              children_min=0, children_max=1, injured_min=2, injured_max=4,
              perpetrator="US", sources=["http://www.thebureauinvestigates.com/x#Ob1"]),
        Event(type="drone_strike", country="PK", origin="tbij", event_id="tbij:Ob2",
              source_ref="Ob2", date=dt.date(2009, 1, 23), date_precision="day",
              admin1="Federally Administered Tribal Areas", district="South Waziristan",
              place="Ganki Khel", killed_min=5, killed_max=10, civilians_min=5,
              civilians_max=10, perpetrator="US"),
    ]  # fmt: skip
    buf = io.StringIO()
    export(original, "csv", buf, mapping="tbij")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Drone strikes data"
    for i, row in enumerate(csv.reader(io.StringIO(buf.getvalue()))):
        ws.append([v if i == 0 or not v.isdigit() else int(v) for v in row])
    wb.save(tmp_path / "tbij.xlsx")
    back = load_reference(tmp_path / "tbij.xlsx")
    fields = (
        "source_ref", "date", "country", "district", "admin1", "place", "killed_min",
        "killed_max", "civilians_min", "civilians_max", "children_min", "children_max",
        "injured_min", "injured_max", "sources",
    )  # fmt: skip
    for a, b in zip(original, back, strict=True):
        assert {f: getattr(a, f) for f in fields} == {f: getattr(b, f) for f in fields}


def test_every_column_is_documented() -> None:
    doc = (ROOT / "docs" / "exports.md").read_text(encoding="utf-8")
    for mapping in MAPPINGS:
        assert f"`--mapping {mapping}`" in doc
        for col in columns(mapping):
            assert f"| `{col.name}` |" in doc, (mapping, col.name)


def test_geojson_without_coordinates_is_null_geometry() -> None:
    data = geojson([Event(type="drone_strike", country="PK")])
    assert data["features"][0]["geometry"] is None


# ------------------------------------------------------------------- command


def _new_america_csv(path: Path) -> Path:
    header = "strikes,date,village,region,total_low,total_high,province,geo_lat,geo_lon"
    path.write_text(
        f"{header}\n1,3/17/2011,Datta Khel,North Waziristan,4,6,FATA,32.95,69.78\n"
        "1,4/22/2011,,North Waziristan,2,3,FATA,,\n",
        encoding="utf-8",
    )
    return path


def test_command_exports_a_reference_list(tmp_path: Path) -> None:
    ref = _new_america_csv(tmp_path / "na.csv")
    runner = CliRunner()
    result = runner.invoke(
        main, ["export", "--reference", str(ref), "--format", "geojson", "--mapping", "acled"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["type"] == "FeatureCollection" and len(data["features"]) == 2
    assert data["features"][1]["geometry"] is None
    assert data["features"][0]["properties"]["admin2"] == "North Waziristan"

    out = tmp_path / "na.csv.out"
    result = runner.invoke(
        main, ["export", "--reference", str(ref), "--format", "csv", "--out", str(out),
               "--mapping", "tbij", "--country", "pk"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["Date"] for r in rows] == ["2011-03-17", "2011-04-22"]

    result = runner.invoke(main, ["export", "--reference", str(ref), "--format", "parquet"])
    assert result.exit_code != 0 and "--out" in result.output


def test_command_reads_the_database(tmp_path: Path) -> None:
    store_db = pytest.importorskip("strikewatch.store.db", reason="the store is not installed")
    db = tmp_path / "strikes.db"
    with store_db.open_store(db) as store, store.transaction() as conn:
        for e in events():
            e.origin = "extracted"
            store.create_event(conn, e, mention_count=1)
    out = tmp_path / "e.parquet"
    pytest.importorskip("pyarrow")
    result = CliRunner().invoke(
        main, ["export", "--db", str(db), "--format", "parquet", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    import pyarrow.parquet as pq

    rows = pq.read_table(out).to_pylist()
    assert [r["place"] for r in rows] == ["Datta Khel", None, None]
    assert rows[0]["groups"] == ["TTP", "Haqqani network"]
