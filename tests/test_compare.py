"""Comparing strike lists: synthetic lists with known answers, then the real lists.

The synthetic half pins the matching rules (date windows, place, casualty
overlap, one-to-one, best pairs first, district spellings) and the outputs
(table, CSV, JSON, the command). The real half compares TBIJ's Pakistan list
with New America's (skipped, with the reason, where shared/data is absent).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from strikewatch.cli import main
from strikewatch.model import Event
from strikewatch.publish.compare import (
    CSV_COLUMNS,
    compare,
    date_interval,
    format_table,
    ranges_overlap,
    write_csv,
    write_json,
)

D = dt.date(2011, 3, 17)

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("STRIKEWATCH_SHARED", ROOT.parent / "shared")) / "data"


def ev(
    ref: str,
    day: dt.date | None = D,
    district: str | None = "North Waziristan",
    killed: tuple[int | None, int | None] = (4, 6),
    *,
    country: str = "PK",
    place: str | None = None,
    lat: float | None = None,
    lon: float | None = None,
    civilians: tuple[int | None, int | None] = (None, None),
    origin: str = "test",
    **kw: Any,
) -> Event:
    return Event(
        type=kw.pop("type", "drone_strike"),
        country=country,
        origin=origin,
        event_id=f"{origin}:{ref}",
        source_ref=ref,
        date=day,
        date_precision=kw.pop("date_precision", "day" if day else None),
        district=district,
        place=place,
        lat=lat,
        lon=lon,
        killed_min=killed[0],
        killed_max=killed[1],
        civilians_min=civilians[0],
        civilians_max=civilians[1],
        **kw,
    )


def pairs(result: Any) -> set[tuple[str | None, str | None]]:
    return {(m.a.source_ref, m.b.source_ref) for m in result.matched}


def days(n: int) -> dt.date:
    return D + dt.timedelta(days=n)


# ----------------------------------------------------------- matching rules


def test_identical_lists_match_in_full() -> None:
    a = [ev("a1"), ev("a2", days(10), "South Waziristan", (1, 1))]
    b = [ev("b1"), ev("b2", days(10), "South Waziristan", (1, 1))]
    r = compare(a, b)
    assert pairs(r) == {("a1", "b1"), ("a2", "b2")}
    assert not r.only_ours and not r.only_reference
    s = r.summary()
    assert s["matched"] == 2 and s["agreeing"] == 2
    assert all(v == 0 for v in s["disagreements"].values())


def test_one_day_apart_matches_and_is_a_date_disagreement() -> None:
    r = compare([ev("a")], [ev("b", days(1), killed=(20, 30))])
    (m,) = r.matched
    assert m.window == "window" and m.date_diff == 1
    assert m.disagreements == ("date", "killed")
    assert m.killed_overlap is False


def test_wider_window_needs_place_and_figures_to_agree() -> None:
    # two to three days apart: matched only when district and casualties agree
    assert pairs(compare([ev("a")], [ev("b", days(3), killed=(5, 8))])) == {("a", "b")}
    assert compare([ev("a")], [ev("b", days(3), killed=(5, 8))]).matched[0].window == "wide"
    assert not compare([ev("a")], [ev("b", days(3), killed=(9, 12))]).matched
    assert not compare([ev("a")], [ev("b", days(2), "South Waziristan")]).matched
    assert not compare([ev("a")], [ev("b", days(2), None)]).matched  # place unknown
    assert not compare([ev("a")], [ev("b", days(4))]).matched  # beyond the wide window
    # the windows are parameters
    assert compare([ev("a")], [ev("b", days(4))], wide_window=4).matched
    assert not compare([ev("a")], [ev("b", days(1), killed=(20, 30))], date_window=0).matched


def test_same_day_contradicting_place_and_figures_is_another_strike() -> None:
    r = compare([ev("a")], [ev("b", district="Kurram", killed=(10, 12))])
    assert not r.matched
    assert [e.source_ref for e in r.only_ours] == ["a"]
    assert [e.source_ref for e in r.only_reference] == ["b"]
    # only one of them contradicting: the same strike, with a disagreement
    (m,) = compare([ev("a")], [ev("b", district="Kurram")]).matched
    assert m.disagreements == ("district",)
    (m,) = compare([ev("a")], [ev("b", killed=(10, 12))]).matched
    assert m.disagreements == ("killed",)


def test_other_country_never_matches() -> None:
    r = compare([ev("a")], [ev("b", country="AF", district=None)])
    assert not r.matched and len(r.only_a) == 1 and len(r.only_b) == 1


def test_one_to_one_and_best_pairs_first() -> None:
    # two strikes the same day in the same district: figures pair them
    a = [ev("a_small", killed=(3, 3)), ev("a_big", killed=(10, 10))]
    b = [ev("b_big", killed=(10, 12)), ev("b_small", killed=(2, 3))]
    assert pairs(compare(a, b)) == {("a_small", "b_small"), ("a_big", "b_big")}
    # one reference strike, two of ours: one pair, the other left over
    r = compare([ev("a1"), ev("a2", days(1))], [ev("b")])
    assert pairs(r) == {("a1", "b")}
    assert [e.source_ref for e in r.only_ours] == ["a2"]
    # a closer date wins over a farther one, whatever the order
    r = compare([ev("far", days(-1)), ev("near")], [ev("b")])
    assert pairs(r) == {("near", "b")}


def test_village_names_break_ties() -> None:
    a = [ev("a1", place="Datta Khel"), ev("a2", place="Mir Ali")]
    b = [ev("b1", place="Mir Ali"), ev("b2", place="Datta Khail")]
    assert pairs(compare(a, b)) == {("a1", "b2"), ("a2", "b1")}


def test_district_spellings_are_one_district() -> None:
    a = [ev("a", district="N. Waziristan"), ev("c", days(5), "S Waziristan")]
    b = [ev("b", district="North Waziristan Agency"), ev("d", days(5), "South Waziristan")]
    r = compare(a, b)
    assert pairs(r) == {("a", "b"), ("c", "d")}
    assert all(m.place == "same" and not m.disagreements for m in r.matched)
    assert r.matched[0].a_district == r.matched[0].b_district == "North Waziristan"


def test_district_from_the_village_when_the_list_has_none() -> None:
    r = compare([ev("a", district=None, place="Wana")], [ev("b", district="South Waziristan")])
    (m,) = r.matched
    assert m.a_district == "South Waziristan" and m.place == "same"


def test_canonical_function_can_be_injected() -> None:
    table = {"nw": "North", "north": "North"}
    r = compare(
        [ev("a", days(2), "nw")],
        [ev("b", district="north")],
        canonical=lambda name, country: table.get(name.lower()),
    )
    assert pairs(r) == {("a", "b")}


def test_coordinates_nearby_count_as_the_same_place() -> None:
    a = [ev("a", days(2), None, lat=33.00, lon=70.00)]
    near = [ev("b", district=None, lat=33.05, lon=70.05)]  # about 7 km
    far = [ev("b", district=None, lat=34.00, lon=71.00)]  # about 145 km
    (m,) = compare(a, near).matched
    assert m.place == "near" and m.distance_km is not None and 5 < m.distance_km < 10
    assert not compare(a, far).matched
    assert not compare(a, near, near_km=5).matched


def test_events_without_a_date_are_unmatched() -> None:
    r = compare([ev("a", None)], [ev("b", None)])
    assert not r.matched and len(r.only_ours) == 1 and len(r.only_reference) == 1


def test_imprecise_dates_are_intervals() -> None:
    month = ev("m", dt.date(2011, 3, 1), date_precision="month")
    assert date_interval(month) == (dt.date(2011, 3, 1), dt.date(2011, 3, 31))
    assert date_interval(ev("p", D, date_precision="partial_day")) is None
    ranged = ev("r", D, date_earliest=days(-3), date_latest=days(2))
    assert date_interval(ranged) == (days(-3), days(2))
    (m,) = compare([month], [ev("b", dt.date(2011, 3, 20))]).matched
    assert "date" not in m.disagreements  # within the month: no contradiction
    # an exact date beats a month for the same reference strike
    assert pairs(compare([month, ev("x")], [ev("b")])) == {("x", "b")}


def test_missing_figures_are_not_disagreements() -> None:
    (m,) = compare([ev("a", civilians=(0, 0))], [ev("b")]).matched
    assert "civilians" not in m.disagreements and m.civilians_overlap is None
    (m,) = compare([ev("a", civilians=(0, 0))], [ev("b", civilians=(2, 3))]).matched
    assert "civilians" in m.disagreements and m.civilians_overlap is False


def test_ranges_overlap() -> None:
    assert ranges_overlap(1, 3, 3, 5) is True
    assert ranges_overlap(1, 3, 4, 5) is False
    assert ranges_overlap(4, None, 10, 12) is True  # "at least 4" is open
    assert ranges_overlap(None, None, 1, 2) is None
    assert ranges_overlap(None, 3, 2, 2) is True


def test_type_disagreement() -> None:
    (m,) = compare([ev("a")], [ev("b", type="air_strike")]).matched
    assert m.disagreements == ("type",)


def test_bad_windows_are_refused() -> None:
    with pytest.raises(ValueError):
        compare([], [], date_window=3, wide_window=1)


# ------------------------------------------------------------------ outputs


def _sample() -> tuple[list[Event], list[Event]]:
    a = [ev("a1"), ev("a2", days(1), killed=(1, 2)), ev("a3", days(40))]
    b = [ev("b1", days(1)), ev("b2", days(1), killed=(1, 2)), ev("b4", days(90))]
    return a, b


def test_summary_and_table() -> None:
    a, b = _sample()
    r = compare(a, b, ours_label="db", reference_label="tbij")
    s = r.summary()
    assert (s["matched"], s["only_a"], s["only_b"]) == (2, 1, 1)
    assert s["disagreements"]["date"] == 1 and s["date_diff_days"] == {"0": 1, "1": 1}
    text = format_table(r, details=True)
    assert "only in db" in text and "only in tbij" in text
    assert "a3" in text and "b4" in text


def test_csv_and_json_files(tmp_path: Path) -> None:
    a, b = _sample()
    r = compare(a, b)
    write_csv(r, tmp_path / "c.csv")
    write_json(r, tmp_path / "c.json")
    with (tmp_path / "c.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [r_["status"] for r_ in rows] == ["matched", "matched", "only_a", "only_b"]
    assert rows[0]["a_source_ref"] == "a1" and rows[0]["b_source_ref"] == "b1"
    assert rows[0]["disagreements"] == "date" and rows[0]["date_diff_days"] == "1"
    assert rows[2]["a_source_ref"] == "a3" and rows[2]["b_source_ref"] == ""
    data = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    assert data["summary"]["matched"] == 2
    assert data["matched"][0]["a"]["source_ref"] == "a1"
    assert [e["source_ref"] for e in data["only_a"]] == ["a3"]
    assert [e["source_ref"] for e in data["only_b"]] == ["b4"]


# ----------------------------------------------------------------- command


def _events_db(path: Path, events: list[Event]) -> None:
    """A minimal events table, columns named like Event's fields (as the store has them)."""
    import sqlalchemy as sa

    engine = sa.create_engine(f"sqlite:///{path}")
    md = sa.MetaData()
    table = sa.Table(
        "events",
        md,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("type", sa.Text),
        sa.Column("origin", sa.Text),
        sa.Column("country", sa.Text),
        sa.Column("date", sa.Text),
        sa.Column("district", sa.Text),
        sa.Column("killed_min", sa.Integer),
        sa.Column("killed_max", sa.Integer),
        sa.Column("sources", sa.Text),
        sa.Column("status", sa.Text),
    )
    md.create_all(engine)
    with engine.begin() as conn:
        for e in events:
            conn.execute(
                table.insert().values(
                    type=e.type, origin=e.origin, country=e.country,
                    date=e.date.isoformat() if e.date else None, district=e.district,
                    killed_min=e.killed_min, killed_max=e.killed_max, sources='["u"]',
                    status=e.notes,
                )
            )  # fmt: skip
    engine.dispose()


def test_events_table_read_with_core_alone(tmp_path: Path) -> None:
    from strikewatch.publish.events import load_events_table

    db = tmp_path / "plain.db"
    _events_db(
        db,
        [
            ev("x", origin="extracted"),
            ev("y", dt.date(2012, 1, 1), origin="extracted"),
            ev("r", origin="extracted", notes="rejected"),  # an analyst rejected it
            ev("t", origin="tbij"),  # a reference list imported into the same file
        ],
    )
    loaded = load_events_table(db)
    assert [e.date for e in loaded] == [D, dt.date(2012, 1, 1)]
    assert loaded[0].sources == ["u"] and loaded[0].event_id == "1"
    assert loaded[0].killed_min == 4 and loaded[0].district == "North Waziristan"
    assert len(load_events_table(db, origin=None)) == 3


def _new_america_csv(path: Path) -> Path:
    header = "strikes,date,village,region,total_low,total_high,province"
    path.write_text(
        f"{header}\n1,3/17/2011,Datta Khel,North Waziristan,4,6,FATA\n"
        "1,4/22/2011,Mir Ali,North Waziristan,2,3,FATA\n",
        encoding="utf-8",
    )
    return path


def test_command_database_against_reference(tmp_path: Path) -> None:
    store_db = pytest.importorskip("strikewatch.store.db", reason="the store is not installed")
    db = tmp_path / "strikes.db"
    with store_db.open_store(db) as store, store.transaction() as conn:
        for e in (ev("x", origin="extracted"), ev("y", dt.date(2012, 1, 1), origin="extracted")):
            store.create_event(conn, e, mention_count=1)
        store.create_event(conn, ev("t", origin="tbij"), mention_count=1)  # an imported list is not ours
    ref = _new_america_csv(tmp_path / "na.csv")
    result = CliRunner().invoke(
        main,
        ["compare", "--reference", str(ref), "--db", str(db), "--json", str(tmp_path / "o.json")],
    )
    assert result.exit_code == 0, result.output
    assert "in both" in result.output
    summary = json.loads((tmp_path / "o.json").read_text(encoding="utf-8"))["summary"]
    assert (summary["matched"], summary["only_a"], summary["only_b"]) == (1, 1, 1)
    assert summary["a"]["label"] == "strikewatch" and summary["b"]["label"] == "new_america"


def test_command_without_database_says_so(tmp_path: Path) -> None:
    ref = _new_america_csv(tmp_path / "na.csv")
    result = CliRunner().invoke(
        main, ["compare", "--reference", str(ref), "--db", str(tmp_path / "none.db")]
    )
    assert result.exit_code != 0
    assert "none.db" in result.output


def test_command_two_references(tmp_path: Path) -> None:
    ref = _new_america_csv(tmp_path / "na.csv")
    other = _new_america_csv(tmp_path / "na2.csv")
    result = CliRunner().invoke(
        main,
        ["compare", "--reference", str(ref), "--against", str(other), "--csv",
         str(tmp_path / "o.csv"), "--country", "pk"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "only in na.csv" in result.output  # same kind of list: named by file
    with (tmp_path / "o.csv").open(encoding="utf-8") as fh:
        assert [r["status"] for r in csv.DictReader(fh)] == ["matched", "matched"]


# --------------------------------------------------------------- real lists


@pytest.fixture(scope="module")
def tbij_vs_new_america() -> Any:
    from strikewatch.ingest.reference import load_reference

    data = SHARED_DATA
    tbij = data / "tbij" / "us-pakistan-strikes-from-2004.xlsx"
    na = data / "new-america" / "drone_attacks.csv"
    if not (tbij.is_file() and na.is_file()):
        pytest.skip(f"the shared reference lists are not in {data} (set STRIKEWATCH_SHARED)")
    a, b = load_reference(tbij), load_reference(na)
    return compare(a, b, ours_label="tbij", reference_label="new_america")


def test_real_tbij_against_new_america(tbij_vs_new_america: Any) -> None:
    r = tbij_vs_new_america
    s = r.summary()
    assert (s["a"]["events"], s["b"]["events"]) == (430, 414)
    # both lists are of the same ~400 CIA strikes: most match, a few dozen do not
    assert 380 <= s["matched"] <= 414
    assert s["only_a"] == 430 - s["matched"] and s["only_b"] == 414 - s["matched"]
    assert s["only_a"] + s["only_b"] < 60
    # dates and districts mostly agree; casualty figures often do not
    assert s["disagreements"]["date"] < 0.08 * s["matched"]
    assert s["disagreements"]["district"] < 0.05 * s["matched"]
    assert s["disagreements"]["killed"] > 0.5 * s["matched"]
    assert s["killed_disjoint"] < 0.15 * s["matched"]
    assert s["disagreements"]["type"] == 0
    # TBIJ's first strike (17 June 2004, Wana) is New America's first (19 June)
    first = next(m for m in r.matched if m.a.source_ref == "B1")
    assert first.b.source_ref == "row 1" and first.window == "wide" and first.date_diff == 2
