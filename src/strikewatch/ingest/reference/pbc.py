"""Pakistan Body Count's list of drone attacks in Pakistan.

Latin-1 encoded; dates like "Friday, June 18, 2004"; the maximum of total
deaths is headed "Total Died Mix"; the last row sums the columns and is not
a strike. Its coordinates are mostly one point per agency (279 strikes share
North Waziristan's, 92 South Waziristan's), so a point several rows share is
marked district-precise; one point (for a Kurram strike) lies in Sindh and
is dropped. A few civilian maxima are negative and a few minima exceed their
maxima: those become unknown or swapped, with a note.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from pathlib import Path

from strikewatch.model import Event

from ._common import (
    PERPETRATOR,
    ReferenceListError,
    clean_text,
    count_note,
    join_notes,
    known_place,
    non_url_text,
    pair,
    pk_area,
    pk_place,
    range_text,
    urls_in,
)

ORIGIN = "pbc"

_REQUIRED = ("S#", "Date", "Location", "City", "Province", "Total Died Min")
_MAX_KILLED = ("Total Died Max", "Total Died Mix")  # the file has the typo

#: the frontier provinces' rough extent; a point outside it is a geocoding slip
_FRONTIER_LAT = (24.0, 37.5)
_FRONTIER_LON = (60.5, 75.5)
_NORTH_WEST = {"Federally Administered Tribal Areas", "Khyber Pakhtunkhwa"}


def _rows(path: Path) -> tuple[list[str], list[list[str]]]:
    try:
        with path.open(encoding="latin-1", newline="") as fh:
            rows = list(csv.reader(fh))
    except (OSError, csv.Error) as exc:
        raise ReferenceListError(f"{path}: not a readable CSV file ({exc})") from exc
    if not rows:
        raise ReferenceListError(f"{path}: empty file")
    header = [h.strip() for h in rows[0]]
    missing = [c for c in _REQUIRED if c not in header]
    if missing or not any(c in header for c in _MAX_KILLED):
        raise ReferenceListError(
            f"{path}: not a Pakistan Body Count list, lacks columns {missing or list(_MAX_KILLED)}"
        )
    return header, rows[1:]


def load_pbc(path: Path) -> list[Event]:
    """Every strike row as an event; the closing totals row is skipped."""
    header, rows = _rows(path)
    col = {name: i for i, name in enumerate(header)}
    records = []
    for line, row in enumerate(rows, start=2):
        record = {name: (row[i].strip() if i < len(row) else "") for name, i in col.items()}
        if not any(record.values()):
            continue
        if not record["S#"] and not record["Date"]:
            continue  # the totals row: numbers only, no id and no date
        records.append((line, record))
    shared = Counter((r.get("Latitude", ""), r.get("Longitude", "")) for _, r in records)
    return [_event(record, line, shared, path) for line, record in records]


def _event(
    record: dict[str, str], line: int, shared: Counter[tuple[str, str]], path: Path
) -> Event:
    def cell(name: str) -> str:
        return record.get(name, "")

    number = cell("S#")
    if not number:
        raise ReferenceListError(f"{path}: line {line} has a date but no S#")
    try:
        # "Friday, June 18, 2004": the weekday is redundant, the rest is the date
        date = dt.datetime.strptime(cell("Date").split(",", 1)[-1].strip(), "%B %d, %Y").date()
    except ValueError as exc:
        raise ReferenceListError(
            f"{path}: line {line} (S# {number}) has no readable date ({cell('Date')!r})"
        ) from exc

    raw_city = clean_text(cell("City"))
    place = known_place(_strip_junk(cell("Location")))
    district, admin1 = pk_place(raw_city, place)
    admin1 = admin1 or pk_area(cell("Province"))[1]

    notes: list[str | None] = []
    lat, lon, precision = _coords(record, shared, admin1, notes)

    max_col = next(c for c in _MAX_KILLED if c in record)
    killed = pair(cell("Total Died Min"), cell(max_col))
    civilians = pair(cell("Civilians Min"), cell("Civilians Max"))
    injured = pair(cell("Injured Min"), cell("Injured Max"))
    foreigners = pair(cell("Foreigners Min"), cell("Foreigners Max"))

    if raw_city and raw_city != district:
        notes.append(f"area: {raw_city}")
    time = clean_text(cell("Time"))
    if time:
        notes.append(f"time: {time}")
    if clean_text(cell("No of Strike")):
        notes.append(f"no of strike: {clean_text(cell('No of Strike'))}")
    for label, name in (("al-Qaeda killed", "Al-Qaeda"), ("Taliban killed", "Taliban")):
        if clean_text(cell(name)):
            notes.append(f"{label}: {clean_text(cell(name))}")
    if foreigners.known:
        notes.append(f"foreigners killed: {range_text(foreigners)}")
    women_children = clean_text(cell(_women_children_column(record)))
    if women_children and women_children.upper() in ("Y", "N"):
        answer = "yes" if women_children.upper() == "Y" else "no"
        notes.append(f"women/children among dead: {answer}")
    for label, name in (("site", "Special Mention (Site)"), ("comments", "Comments")):
        text = clean_text(cell(name))
        if text:
            notes.append(f"{label}: {text}")
    offline = non_url_text(cell("References"))
    if offline:
        notes.append(f"other references: {offline}")
    notes += [
        count_note("killed", killed),
        count_note("civilians", civilians),
        count_note("injured", injured),
        count_note("foreigners", foreigners),
    ]

    return Event(
        type="drone_strike",
        country="PK",
        origin=ORIGIN,
        event_id=f"{ORIGIN}:{number}",
        source_ref=number,
        date=date,
        date_precision="day",
        admin1=admin1,
        district=district,
        place=place,
        lat=lat,
        lon=lon,
        geo_precision=precision,
        killed_min=killed.low,
        killed_max=killed.high,
        civilians_min=civilians.low,
        civilians_max=civilians.high,
        injured_min=injured.low,
        injured_max=injured.high,
        perpetrator=PERPETRATOR,
        sources=urls_in(cell("References")),
        notes=join_notes(notes),
    )


def _coords(
    record: dict[str, str],
    shared: Counter[tuple[str, str]],
    admin1: str | None,
    notes: list[str | None],
) -> tuple[float | None, float | None, str | None]:
    """The row's point and how precise it is, or nothing if it is implausible."""
    key = (record.get("Latitude", ""), record.get("Longitude", ""))
    try:
        lat, lon = float(key[0]), float(key[1])
    except ValueError:
        return None, None, None
    outside = not (
        _FRONTIER_LAT[0] <= lat <= _FRONTIER_LAT[1] and _FRONTIER_LON[0] <= lon <= _FRONTIER_LON[1]
    )
    if outside or (admin1 in _NORTH_WEST and lat < 30.5):
        notes.append(f"coordinates {lat}, {lon} lie outside the stated area: dropped")
        return None, None, None
    # a point many strikes share is a placeholder for the agency, not a site
    return lat, lon, "district" if shared[key] > 1 else "town"


def _women_children_column(record: dict[str, str]) -> str:
    return next((k for k in record if k.lower().startswith("women/children")), "")


def _strip_junk(text: str) -> str:
    """Drop stray Latin-1 symbols ("Acha Dara area¾") the export left behind."""
    return "".join(ch for ch in text if ch.isalpha() or ch.isdecimal() or ch in " -,.'()/&")
