"""New America's "America's Counterterrorism Wars" list of Pakistan strikes.

One row per strike, dates as month/day/year, killed split into militants,
unknown and civilians (each low/high/avg) with totals, a geocoded village,
and up to seven outlet names (not links) in columns all headed "Source".
The list gives no strike id, so the row number is the reference. Since 2013
some rows say "Drone or Air Strike": kept as drone strikes (the list is of
drone strikes) with the doubt in the notes.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from strikewatch.model import Event

from ._common import (
    PERPETRATOR,
    ReferenceListError,
    clean_text,
    count_note,
    join_notes,
    known_place,
    pair,
    pk_area,
    pk_place,
    range_text,
)

ORIGIN = "new_america"

HEADER_START = ("strikes", "date", "village", "region")
_REQUIRED = ("date", "village", "region", "total_low", "total_high")


def _rows(path: Path) -> tuple[list[str], list[list[str]]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.reader(fh))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ReferenceListError(f"{path}: not a readable CSV file ({exc})") from exc
    if not rows:
        raise ReferenceListError(f"{path}: empty file")
    header = [h.strip() for h in rows[0]]
    missing = [c for c in _REQUIRED if c not in header]
    if missing:
        raise ReferenceListError(f"{path}: not a New America list, lacks columns {missing}")
    return header, rows[1:]


def load_new_america(path: Path) -> list[Event]:
    """Every row of the list as an event."""
    header, rows = _rows(path)
    col = {name: header.index(name) for name in header if name != "Source"}
    source_cols = [i for i, name in enumerate(header) if name == "Source"]
    events: list[Event] = []
    for number, row in enumerate(rows, start=1):
        if not any(c.strip() for c in row):
            continue
        record = {name: (row[i].strip() if i < len(row) else "") for name, i in col.items()}
        outlets = [row[i] for i in source_cols if i < len(row)]
        events.append(_event(record, outlets, number, path))
    return events


def _event(record: dict[str, str], outlets: list[str], number: int, path: Path) -> Event:
    def cell(name: str) -> str:
        return record.get(name, "")

    try:
        date = dt.datetime.strptime(cell("date"), "%m/%d/%Y").date()
    except ValueError as exc:
        raise ReferenceListError(
            f"{path}: row {number} has no readable date ({cell('date')!r})"
        ) from exc

    raw_region = clean_text(cell("region"))
    village = known_place(cell("village"))
    # the region column sometimes holds the province: then the village text helps
    district, admin1 = pk_place(raw_region, village)
    admin1 = admin1 or pk_area(cell("province"))[1]

    lat, lon = _coord(cell("geo_lat")), _coord(cell("geo_lon"))
    if lat is None or lon is None:
        lat = lon = None

    killed = pair(cell("total_low"), cell("total_high"))
    civilians = pair(cell("civilians_low"), cell("civilians_high"))
    militants = pair(cell("militants_low"), cell("militants_high"))
    unknown = pair(cell("unknown_low"), cell("unknown_high"))

    notes: list[str | None] = []
    if raw_region and raw_region not in (district, admin1):
        notes.append(f"region: {raw_region}")
    strike_type = clean_text(cell("strike_type"))
    if strike_type:
        notes.append(f"strike type: {strike_type}")
    if militants.known:
        notes.append(f"militants killed: {range_text(militants)}")
    if unknown.known:
        notes.append(f"killed of unknown status: {range_text(unknown)}")
    leaders = clean_text(cell("leader_names"))
    if leaders:
        notes.append(f"leaders killed: {leaders}")
    target_type = clean_text(cell("target_type"))
    if target_type and target_type.lower() == "unclear":
        target_type = None
    described = clean_text(cell("target_description"))
    if target_type and described:
        notes.append(f"target: {target_type} ({described})")
    elif target_type or described:
        notes.append(f"target: {target_type or described}")
    names = [n for n in (clean_text(o) for o in outlets) if n]
    if names:
        notes.append("outlets: " + ", ".join(dict.fromkeys(names)))
    notes += [count_note("killed", killed), count_note("civilians", civilians)]

    group = clean_text(cell("target_organization_name"))
    return Event(
        type="drone_strike",
        country="PK",
        origin=ORIGIN,
        event_id=f"{ORIGIN}:{number}",
        source_ref=f"row {number}",
        date=date,
        date_precision="day",
        admin1=admin1,
        district=district,
        place=village,
        lat=lat,
        lon=lon,
        geo_precision=(None if lat is None else "town" if village else "district"),
        killed_min=killed.low,
        killed_max=killed.high,
        civilians_min=civilians.low,
        civilians_max=civilians.high,
        perpetrator=PERPETRATOR,
        groups=[group] if group and group.lower() != "unclear" else [],
        notes=join_notes(notes),
    )


def _coord(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None
