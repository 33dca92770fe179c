"""The timeline: strikes per month with casualty ranges, and the pauses between strikes."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from strikewatch.cli import main
from strikewatch.model import Event
from strikewatch.publish.timeline import Pause, format_table, pauses, plot_timeline, timeline

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("STRIKEWATCH_SHARED", ROOT.parent / "shared")) / "data"
TBIJ_PK = SHARED_DATA / "tbij" / "us-pakistan-strikes-from-2004.xlsx"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def strike(
    day: dt.date | None, low: int | None = 1, high: int | None = 2, precision: str = "day"
) -> Event:
    return Event(
        type="drone_strike",
        country="PK",
        date=day,
        date_precision=precision if day else None,  # type: ignore[arg-type]
        killed_min=low,
        killed_max=high,
    )


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


SYNTHETIC = [
    strike(d("2011-10-30"), 2, 4),
    strike(d("2011-11-17"), 3, 3),
    strike(d("2011-11-02"), 5, None),  # "at least 5": open-ended
    strike(d("2012-01-10"), None, None),  # no figures
    strike(d("2012-03-01"), 1, 1),  # 51 days after the last
    strike(d("2012-03-31"), 0, 2),  # exactly 30 days: no pause
    strike(d("2012-03-01"), 1, 1, precision="month"),  # counts in March, bounds no pause
    strike(None),  # undated
    strike(d("2012-05-07"), 1, 1, precision="partial_day"),  # no year known
]


def test_months_and_ranges() -> None:
    tl = timeline(SYNTHETIC)
    assert [m.label for m in tl.months] == [
        "2011-10", "2011-11", "2011-12", "2012-01", "2012-02", "2012-03",
    ]  # fmt: skip
    by = {m.label: m for m in tl.months}
    assert (by["2011-10"].strikes, by["2011-10"].killed_min, by["2011-10"].killed_max) == (1, 2, 4)
    nov = by["2011-11"]
    assert (nov.strikes, nov.killed_min, nov.killed_max, nov.open_ended) == (2, 8, 8, 1)
    assert by["2011-12"].strikes == 0  # empty months are listed
    assert (by["2012-01"].strikes, by["2012-01"].unknown, by["2012-01"].killed_max) == (1, 1, 0)
    mar = by["2012-03"]
    assert (mar.strikes, mar.killed_min, mar.killed_max) == (3, 2, 4)
    assert tl.strikes == 7 and tl.undated == 2


def test_pauses() -> None:
    tl = timeline(SYNTHETIC)
    assert [(p.start, p.end, p.days) for p in tl.pauses] == [
        (d("2011-11-17"), d("2012-01-10"), 54),
        (d("2012-01-10"), d("2012-03-01"), 51),
    ]
    assert str(tl.pauses[0]) == "no strike from 2011-11-17 to 2012-01-10: 54 days"
    assert [p.days for p in timeline(SYNTHETIC, min_gap=29).pauses] == [54, 51, 30]
    assert timeline(SYNTHETIC, min_gap=60).pauses == []
    # same-day strikes and unsorted input
    assert pauses([d("2020-03-01"), d("2020-01-01"), d("2020-01-01")], 30) == [
        Pause(d("2020-01-01"), d("2020-03-01"))
    ]
    assert pauses([], 30) == []


def test_table_text() -> None:
    text = format_table(timeline(SYNTHETIC))
    assert "2011-11        2  8  (1 open-ended)" in text
    assert "2011-12        0  -" in text
    assert "(1 without figures)" in text
    assert "pauses longer than 30 days: 2" in text
    assert "no strike from 2011-11-17 to 2012-01-10: 54 days" in text
    assert "(2 strikes without a dated year left out)" in text


def test_empty() -> None:
    tl = timeline([])
    assert tl.months == [] and tl.pauses == [] and tl.strikes == 0
    assert "total" in format_table(tl)


def test_png(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    out = tmp_path / "t.png"
    plot_timeline(timeline(SYNTHETIC, label="synthetic"), out)
    assert out.read_bytes()[:8] == PNG_MAGIC
    with pytest.raises(ValueError):
        plot_timeline(timeline([]), tmp_path / "none.png")


def test_command_on_a_reference_list(tmp_path: Path) -> None:
    ref = tmp_path / "na.csv"
    ref.write_text(
        "strikes,date,village,region,total_low,total_high,province\n"
        "1,11/17/2011,Datta Khel,North Waziristan,3,3,FATA\n"
        "1,1/10/2012,Mir Ali,North Waziristan,2,5,FATA\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["timeline", "--reference", str(ref)])
    assert result.exit_code == 0, result.output
    assert "no strike from 2011-11-17 to 2012-01-10: 54 days" in result.output
    result = CliRunner().invoke(main, ["timeline", "--reference", str(ref), "--json"])
    data = json.loads(result.output)
    assert data["pauses"] == [{"start": "2011-11-17", "end": "2012-01-10", "days": 54}]
    assert [m["strikes"] for m in data["months"]] == [1, 0, 1]


def test_command_without_database(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["timeline", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code != 0 and "missing.db" in result.output


# --------------------------------------------------------------- real list

real = pytest.mark.skipif(
    not TBIJ_PK.is_file(), reason=f"TBIJ's Pakistan list is not at {TBIJ_PK} (set STRIKEWATCH_SHARED)"
)


@real
def test_tbij_pakistan_pause_of_late_2011() -> None:
    from strikewatch.ingest.reference import load_reference

    tl = timeline(load_reference(TBIJ_PK))
    assert tl.strikes == 430 and tl.undated == 0
    assert (tl.months[0].label, tl.months[-1].label) == ("2004-06", "2018-01")
    found = [p for p in tl.pauses if p.start == d("2011-11-17")]
    assert [(p.end, p.days) for p in found] == [(d("2012-01-10"), 54)]
    # the long quiet of 2016 and the busiest month, September 2010
    assert any(p.days > 250 and p.start.year == 2016 for p in tl.pauses)
    assert max(tl.months, key=lambda m: m.strikes).label == "2010-09"


@real
def test_tbij_pakistan_command_with_png(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    png = tmp_path / "tbij.png"
    result = CliRunner().invoke(
        main, ["timeline", "--reference", str(TBIJ_PK), "--country", "PK", "--png", str(png)]
    )
    assert result.exit_code == 0, result.output
    assert "no strike from 2011-11-17 to 2012-01-10: 54 days" in result.output
    assert png.read_bytes()[:8] == PNG_MAGIC
