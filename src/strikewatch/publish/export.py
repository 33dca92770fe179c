"""Export events as CSV, JSON, GeoJSON or Parquet, in one of three column mappings.

- ``native``: every :class:`~strikewatch.model.Event` field under its own name.
- ``acled``: ACLED's column names and codes (``event_date``, ``sub_event_type``
  "Air/drone strike", ``actor1``, ``admin1``/``admin2``, ``geo_precision`` and
  ``time_precision`` as ACLED's 1/2/3 codes, ``fatalities`` as the lowest
  reported figure, as ACLED records it, with the range kept in ``notes``).
- ``tbij``: the column headers of the Bureau's Pakistan spreadsheet
  ("Strike ID", "Date", "Location", "Area", "Minimum total people killed", ...).

Every column and how it is filled is documented in ``docs/exports.md``; the
tables below are the single source of both. CSV flattens lists with
``" | "``; JSON and GeoJSON keep them as arrays, Parquet as ``list<string>``.
GeoJSON is a FeatureCollection of points (``[lon, lat]``); an event without
coordinates is a feature with ``"geometry": null``.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from strikewatch.model import Event

FORMATS: tuple[str, ...] = ("csv", "json", "geojson", "parquet")
MAPPINGS: tuple[str, ...] = ("native", "acled", "tbij")
LIST_SEPARATOR = " | "

Getter = Callable[[Event], Any]


@dataclass(frozen=True, slots=True)
class Column:
    """One exported column: its name, its type, how it is filled, and what it means."""

    name: str
    #: str, int, float, date or list (of strings)
    kind: str
    get: Getter
    doc: str


# ------------------------------------------------------------------- native


def _field(name: str) -> Getter:
    return lambda e: getattr(e, name)


_NATIVE_SPEC: tuple[tuple[str, str, str], ...] = (
    ("event_id", "str", "strikewatch's id of the event (a reference list's events: `tbij:Ob123`)"),
    ("origin", "str", "`extracted`, or the reference list the event comes from"),
    ("source_ref", "str", "the id a reference list gives the strike"),
    ("type", "str", "`drone_strike`, `air_strike` or `other_attack`"),
    ("date", "date", "the date of the strike (ISO 8601)"),
    ("date_precision", "str", "`day`, `month`, `year`, `partial_day`, `partial_month`"),
    ("date_earliest", "date", "first day the strike may have been, when not exact"),
    ("date_latest", "date", "last day the strike may have been, when not exact"),
    ("country", "str", "ISO 3166-1 alpha-2 code"),
    ("admin1", "str", "province / governorate / region"),
    ("district", "str", "district (second-level area), canonical name"),
    ("place", "str", "village or town, as the source spells it"),
    ("lat", "float", "latitude (WGS 84)"),
    ("lon", "float", "longitude (WGS 84)"),
    ("geo_precision", "str", "what the coordinates stand for: village, town, district, ..."),
    ("killed_min", "int", "fewest people reported killed"),
    ("killed_max", "int", "most people reported killed"),
    ("civilians_min", "int", "fewest civilians reported killed"),
    ("civilians_max", "int", "most civilians reported killed"),
    ("children_min", "int", "fewest children reported killed"),
    ("children_max", "int", "most children reported killed"),
    ("injured_min", "int", "fewest people reported injured"),
    ("injured_max", "int", "most people reported injured"),
    ("perpetrator", "str", "who struck (`US`, `TR`, ...), if stated"),
    ("groups", "list", "armed groups said to be targeted or hit"),
    ("named", "list", "people named as targeted or killed"),
    ("sources", "list", "the sources (urls, document ids) the event rests on"),
    ("notes", "str", "anything else the event records"),
)

NATIVE_COLUMNS: tuple[Column, ...] = tuple(
    Column(name, kind, _field(name), doc) for name, kind, doc in _NATIVE_SPEC
)


# -------------------------------------------------------------------- ACLED

#: ISO alpha-2 -> (ACLED country name, ISO 3166-1 numeric code ACLED puts in ``iso``)
COUNTRIES: dict[str, tuple[str, int]] = {
    "PK": ("Pakistan", 586),
    "YE": ("Yemen", 887),
    "SO": ("Somalia", 706),
    "AF": ("Afghanistan", 4),
    "IQ": ("Iraq", 368),
    "SY": ("Syria", 760),
    "LY": ("Libya", 434),
    "ML": ("Mali", 466),
    "NE": ("Niger", 562),
    "NG": ("Nigeria", 566),
    "BF": ("Burkina Faso", 854),
    "ET": ("Ethiopia", 231),
    "SD": ("Sudan", 729),
    "TR": ("Turkey", 792),
    "UA": ("Ukraine", 804),
    "RU": ("Russia", 643),
    "IL": ("Israel", 376),
    "PS": ("Palestine", 275),
    "LB": ("Lebanon", 422),
    "IR": ("Iran", 364),
    "SA": ("Saudi Arabia", 682),
    "AE": ("United Arab Emirates", 784),
    "AM": ("Armenia", 51),
    "AZ": ("Azerbaijan", 31),
    "MM": ("Myanmar", 104),
    "MA": ("Morocco", 504),
    "EG": ("Egypt", 818),
    "KE": ("Kenya", 404),
}

#: US presidential terms, as ACLED dates the actor "Military Forces of the United States"
_US_TERMS: tuple[tuple[dt.date, str], ...] = (
    (dt.date(2001, 1, 20), "2001-2009"),
    (dt.date(2009, 1, 20), "2009-2017"),
    (dt.date(2017, 1, 20), "2017-2021"),
    (dt.date(2021, 1, 20), "2021-2025"),
    (dt.date(2025, 1, 20), "2025-"),
)

#: perpetrator codes strikewatch uses that are not countries
_NON_STATE_ACTORS = {
    "NATO": "NATO: North Atlantic Treaty Organization",
    "coalition": "Unidentified Military Forces (coalition)",
    "Houthis": "Houthi Movement",
}


def acled_actor1(event: Event) -> str:
    """ACLED's ``actor1`` for the perpetrator: "Military Forces of the United States
    (2009-2017)" for a US strike in Obama's terms; "Unidentified Military Forces"
    when the perpetrator is unknown."""
    code = event.perpetrator
    if not code:
        return "Unidentified Military Forces"
    if code in _NON_STATE_ACTORS:
        return _NON_STATE_ACTORS[code]
    if code == "US":
        name = "Military Forces of the United States"
        if event.date is None or event.date < _US_TERMS[0][0]:
            return name
        term = [label for start, label in _US_TERMS if event.date >= start][-1]
        return f"{name} ({term})"
    country = COUNTRIES.get(code.upper())
    return f"Military Forces of {country[0]}" if country else code


def acled_time_precision(event: Event) -> int | None:
    """1: the day is known; 2: within a week; 3: within a month (or less precise)."""
    if event.date is None:
        return None
    if event.date_precision in (None, "day") and not (event.date_earliest or event.date_latest):
        return 1
    if (
        event.date_earliest
        and event.date_latest
        and (event.date_latest - event.date_earliest).days <= 7
    ):
        return 2
    return 3


_GEO_PRECISION = {"village": 1, "town": 1, "city": 1, "district": 2, "province": 3, "country": 3}


def acled_geo_precision(event: Event) -> int | None:
    """1: a village or town; 2: a district (part of a region); 3: a province or country."""
    if event.geo_precision in _GEO_PRECISION:
        return _GEO_PRECISION[event.geo_precision]
    if event.lat is None:
        return None
    if event.place:
        return 1
    return 2 if event.district else 3


def _range_text(low: int | None, high: int | None) -> str | None:
    if low is None and high is None:
        return None
    if high is None:
        return f"at least {low}"
    if low is None:
        return f"up to {high}"
    return str(low) if low == high else f"{low}-{high}"


def acled_notes(event: Event) -> str:
    """Notes in ACLED's style: a sentence on the strike, then strikewatch's figures."""
    where = ", ".join(x for x in (event.place, event.district, event.admin1) if x)
    kind = {"drone_strike": "drone strike", "air_strike": "air strike"}.get(
        event.type, "attack"
    )
    when = event.date.isoformat() if event.date else "an unknown date"
    parts = [f"On {when}, a {kind}" + (f" hit {where}." if where else ".")]
    for label, low, high in (
        ("killed", event.killed_min, event.killed_max),
        ("civilians killed", event.civilians_min, event.civilians_max),
        ("children killed", event.children_min, event.children_max),
        ("injured", event.injured_min, event.injured_max),
    ):
        text = _range_text(low, high)
        if text is not None:
            parts.append(f"{label}: {text}.")
    if event.groups:
        parts.append("targeted: " + ", ".join(event.groups) + ".")
    if event.notes:
        parts.append(event.notes)
    ref = event.source_ref or event.event_id
    if ref:
        parts.append(f"[{event.origin} {ref}]")
    return " ".join(parts)


def _acled_sub_event(event: Event) -> str | None:
    return "Air/drone strike" if event.type in ("drone_strike", "air_strike") else None


ACLED_COLUMNS: tuple[Column, ...] = (
    Column("event_id_cnty", "str", lambda e: e.event_id,
           "strikewatch's event id (not an ACLED id)"),
    Column("event_date", "date", lambda e: e.date, "`date` (ISO 8601, as ACLED's API gives it)"),
    Column("year", "int", lambda e: e.date.year if e.date else None, "year of `date`"),
    Column("time_precision", "int", acled_time_precision,
           "1 = day known (`date_precision` day); 2 = known within a week "
           "(`date_earliest`..`date_latest` at most 7 days); 3 = month or less precise"),
    Column("disorder_type", "str", lambda e: "Political violence", "always `Political violence`"),
    Column("event_type", "str",
           lambda e: "Explosions/Remote violence" if _acled_sub_event(e) else None,
           "`Explosions/Remote violence` for drone and air strikes; empty for other attacks"),
    Column("sub_event_type", "str", _acled_sub_event,
           "`Air/drone strike` for `type` drone_strike and air_strike (ACLED does not tell "
           "them apart; `notes` does); empty for other_attack"),
    Column("actor1", "str", acled_actor1,
           "from `perpetrator`: `Military Forces of the United States (2009-2017)` for US "
           "strikes (the presidential term of `date`), `Military Forces of <country>` for "
           "other state codes, `Unidentified Military Forces` when unknown"),
    Column("country", "str",
           lambda e: COUNTRIES.get((e.country or "").upper(), (e.country, 0))[0],
           "country name, from `country`"),
    Column("iso", "int", lambda e: COUNTRIES.get((e.country or "").upper(), ("", None))[1],
           "ISO 3166-1 numeric code of `country`"),
    Column("admin1", "str", lambda e: e.admin1, "`admin1` (province)"),
    Column("admin2", "str", lambda e: e.district, "`district`"),
    Column("location", "str",
           lambda e: e.place or e.district or e.admin1
           or COUNTRIES.get((e.country or "").upper(), (e.country, 0))[0],
           "`place`, else the most specific of `district`, `admin1`, country"),
    Column("latitude", "float", lambda e: e.lat, "`lat`"),
    Column("longitude", "float", lambda e: e.lon, "`lon`"),
    Column("geo_precision", "int", acled_geo_precision,
           "1 = village or town; 2 = district; 3 = province or country (from "
           "`geo_precision`; empty without coordinates)"),
    Column("source", "str", lambda e: "; ".join(e.sources) or None, "`sources`, joined by `; `"),
    Column("notes", "str", acled_notes,
           "a sentence on date, type and place, then every casualty range, the targeted "
           "groups, the event's own `notes`, and `[origin id]`"),
    Column("fatalities", "int", lambda e: e.killed_min if e.killed_min is not None else (
        e.killed_max if e.killed_max is not None else None),
           "`killed_min` (ACLED records the lowest reported figure); `killed_max` if there "
           "is no minimum; the full range is in `notes`"),
)


# --------------------------------------------------------------------- TBIJ


def _tbij_area(event: Event) -> str | None:
    return event.district or event.admin1


TBIJ_COLUMNS: tuple[Column, ...] = (
    Column("Strike ID", "str", lambda e: e.source_ref or e.event_id,
           "`source_ref` (the Bureau's own id for its strikes), else `event_id`"),
    Column("Date", "date", lambda e: e.date, "`date`"),
    Column("Location", "str", lambda e: e.place, "`place`"),
    Column("Area", "str", _tbij_area, "`district`, else `admin1`"),
    Column("Minimum total people killed", "int", _field("killed_min"), "`killed_min`"),
    Column("Maximum total people killed", "int", _field("killed_max"), "`killed_max`"),
    Column("Minimum civilians reported killed", "int", _field("civilians_min"),
           "`civilians_min`"),
    Column("Maximum civilians reported killed", "int", _field("civilians_max"),
           "`civilians_max`"),
    Column("Minimum children reported killed", "int", _field("children_min"), "`children_min`"),
    Column("Maximum children reported killed", "int", _field("children_max"), "`children_max`"),
    Column("Minimum reported injured", "int", _field("injured_min"), "`injured_min`"),
    Column("Maximum reported injured", "int", _field("injured_max"), "`injured_max`"),
    Column("Strike link", "str", lambda e: e.sources[0] if e.sources else None,
           "the first of `sources`"),
)

COLUMNS: dict[str, tuple[Column, ...]] = {
    "native": NATIVE_COLUMNS,
    "acled": ACLED_COLUMNS,
    "tbij": TBIJ_COLUMNS,
}


def columns(mapping: str) -> tuple[Column, ...]:
    """The columns of a mapping (``native``, ``acled`` or ``tbij``)."""
    try:
        return COLUMNS[mapping]
    except KeyError:
        raise ValueError(f"unknown mapping {mapping!r} (one of {', '.join(MAPPINGS)})") from None


def records(events: Iterable[Event], mapping: str = "native") -> list[dict[str, Any]]:
    """Each event as a dict of the mapping's columns (Python values: dates, ints, lists)."""
    cols = columns(mapping)
    return [{c.name: c.get(e) for c in cols} for e in events]


# ------------------------------------------------------------------ writers


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return value


def _open_text(out: str | Path | IO[str] | None) -> tuple[IO[str], bool]:
    import sys

    if out is None or str(out) == "-":
        return sys.stdout, False
    if isinstance(out, str | Path):
        return Path(out).open("w", encoding="utf-8", newline=""), True
    return out, False


def write_csv(
    events: Iterable[Event], out: str | Path | IO[str] | None = None, mapping: str = "native"
) -> int:
    """Write events as CSV (header row, then one row per event); returns the count."""
    cols = columns(mapping)
    rows = records(events, mapping)
    fh, close = _open_text(out)
    try:
        writer = csv.writer(fh)
        writer.writerow([c.name for c in cols])
        for row in rows:
            writer.writerow([_csv_value(row[c.name]) for c in cols])
    finally:
        if close:
            fh.close()
    return len(rows)


def write_json(
    events: Iterable[Event], out: str | Path | IO[str] | None = None, mapping: str = "native"
) -> int:
    """Write events as one JSON array of objects; returns the count."""
    rows = [{k: _json_value(v) for k, v in r.items()} for r in records(events, mapping)]
    fh, close = _open_text(out)
    try:
        json.dump(rows, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    finally:
        if close:
            fh.close()
    return len(rows)


def geojson(events: Iterable[Event], mapping: str = "native") -> dict[str, Any]:
    """A GeoJSON FeatureCollection: a Point per event with coordinates, else null geometry."""
    features: list[dict[str, Any]] = []
    evs = list(events)
    for event, row in zip(evs, records(evs, mapping), strict=True):
        geometry: dict[str, Any] | None = None
        if event.lat is not None and event.lon is not None:
            geometry = {"type": "Point", "coordinates": [event.lon, event.lat]}
        feature: dict[str, Any] = {
            "type": "Feature",
            "geometry": geometry,
            "properties": {k: _json_value(v) for k, v in row.items()},
        }
        if event.event_id:
            feature["id"] = event.event_id
        features.append(feature)
    return {"type": "FeatureCollection", "features": features}


def write_geojson(
    events: Iterable[Event], out: str | Path | IO[str] | None = None, mapping: str = "native"
) -> int:
    """Write events as a GeoJSON FeatureCollection; returns the count."""
    collection = geojson(events, mapping)
    fh, close = _open_text(out)
    try:
        json.dump(collection, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    finally:
        if close:
            fh.close()
    return len(collection["features"])


def arrow_table(events: Iterable[Event], mapping: str = "native") -> Any:
    """The events as a ``pyarrow.Table`` with typed columns (date32, int64, ...)."""
    import pyarrow as pa

    types = {
        "str": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "date": pa.date32(),
        "list": pa.list_(pa.string()),
    }
    cols = columns(mapping)
    rows = records(events, mapping)
    schema = pa.schema([pa.field(c.name, types[c.kind]) for c in cols])
    data = {c.name: [r[c.name] for r in rows] for c in cols}
    return pa.Table.from_pydict(data, schema=schema)


def write_parquet(events: Iterable[Event], out: str | Path, mapping: str = "native") -> int:
    """Write events as a Parquet file (needs pyarrow); returns the count."""
    try:
        import pyarrow.parquet as pq
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise RuntimeError(
            "Parquet export needs pyarrow: pip install 'strikewatch[publish]'"
        ) from exc
    table = arrow_table(events, mapping)
    pq.write_table(table, str(out))
    return int(table.num_rows)


def export(
    events: Sequence[Event],
    fmt: str,
    out: str | Path | IO[str] | None = None,
    mapping: str = "native",
) -> int:
    """Write ``events`` in format ``fmt`` (:data:`FORMATS`) to ``out`` (stdout if ``None``)."""
    columns(mapping)  # fail early on a bad mapping
    if fmt == "csv":
        return write_csv(events, out, mapping)
    if fmt == "json":
        return write_json(events, out, mapping)
    if fmt == "geojson":
        return write_geojson(events, out, mapping)
    if fmt == "parquet":
        if out is None or not isinstance(out, str | Path) or str(out) == "-":
            raise ValueError("Parquet is binary: give a file to write it to (--out FILE)")
        return write_parquet(events, out, mapping)
    raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")


def mapping_table(mapping: str) -> str:
    """The mapping as a Markdown table (column, type, filled from), for the docs."""
    lines = ["| column | type | filled from |", "| --- | --- | --- |"]
    for c in columns(mapping):
        lines.append(f"| `{c.name}` | {c.kind} | {c.doc} |")
    return "\n".join(lines)
