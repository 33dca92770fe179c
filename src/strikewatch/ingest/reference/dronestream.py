"""The Dronestream API dump of TBIJ's drone-war data (November 2015).

Every value is a string. Deaths come three times (``deaths`` as "4-6",
``deaths_min``, ``deaths_max``) and sometimes disagree, so the event takes
the widest range they state; "Unknown" deaths are stored with min/max "0"
and become unknown, not zero. Casualty cells also hold words ("Possibly",
"Several") and one spreadsheet-mangled "4-Mar" (typed as "3-4").
``bureau_id`` is reused for different strikes and sometimes empty, so
``number`` (unique) makes the event id.

Each strike also carries two short texts, ``narrative`` and
``bij_summary_short``: :func:`dronestream_documents` yields them as
documents dated on the strike's date, for extraction benchmarks.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from strikewatch.model import Document, Event, Listing

from ._common import (
    PERPETRATOR,
    Count,
    ReferenceListError,
    clean_text,
    count_note,
    join_notes,
    known_place,
    parse_count,
    pk_place,
    so_region,
    span,
    urls_in,
    ye_province,
)

ORIGIN = "dronestream"

_COUNTRIES = {"pakistan": "PK", "yemen": "YE", "somalia": "SO", "afghanistan": "AF"}


def _read(path: Path) -> list[dict[str, Any]]:
    """The list of strike objects, or a clear error if the file is not a dump."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ReferenceListError(f"{path}: not a readable JSON file ({exc})") from exc
    strikes = data.get("strike") if isinstance(data, dict) else data
    if not isinstance(strikes, list) or not all(isinstance(s, dict) for s in strikes):
        raise ReferenceListError(f"{path}: no list of strikes (expected {{'strike': [...]}})")
    for i, strike in enumerate(strikes):
        for key in ("number", "date", "country"):
            if key not in strike:
                raise ReferenceListError(f"{path}: strike #{i} lacks {key!r}")
    return strikes


def _date(strike: dict[str, Any], path: Path) -> dt.date:
    raw = str(strike.get("date") or "")
    try:
        # "2004-06-17T00:00:00.000Z": midnight UTC stands for the calendar day
        return dt.date.fromisoformat(raw[:10])
    except ValueError as exc:
        raise ReferenceListError(
            f"{path}: strike number {strike.get('number')} has no readable date {raw!r}"
        ) from exc


def _source_refs(strikes: list[dict[str, Any]]) -> list[str]:
    """``bureau_id``, with ``#number`` added where the id is reused or empty."""
    ids = [_bureau(s) for s in strikes]
    seen = Counter(ids)
    return [
        b if b and seen[b] == 1 else f"{b}#{s['number']}" for b, s in zip(ids, strikes, strict=True)
    ]


def _bureau(strike: dict[str, Any]) -> str:
    return str(strike.get("bureau_id") or "").strip()


def load_dronestream(path: Path) -> list[Event]:
    """Every strike of the dump as an event."""
    strikes = _read(path)
    uses = Counter(_bureau(s) for s in strikes)
    return [
        _event(s, ref, uses[_bureau(s)], path)
        for s, ref in zip(strikes, _source_refs(strikes), strict=True)
    ]


def _deaths(strike: dict[str, Any]) -> Count:
    """Deaths as the widest range stated; "Unknown" with zeros stays unknown."""
    stated = parse_count(strike.get("deaths"))
    low = parse_count(strike.get("deaths_min"))
    high = parse_count(strike.get("deaths_max"))
    if str(strike.get("deaths") or "").strip().lower() in ("unknown", "?"):
        # the 0/0 stored beside "Unknown" means "not known", not "nobody"
        lo = low.low if (low.low or 0) > 0 else None
        hi = high.high if (high.high or 0) > 0 else None
        if lo is not None and hi is not None and lo > hi:
            lo, hi = hi, lo
        return Count(lo, hi, "deaths stated as 'Unknown'")
    return span(stated, low, high)


def _event(strike: dict[str, Any], ref: str, uses: int, path: Path) -> Event:
    raw_country = clean_text(strike.get("country")) or ""
    country = _COUNTRIES.get(raw_country.lower())
    town = known_place(strike.get("town"))
    location = known_place(strike.get("location"))
    district: str | None = None
    admin1: str | None = None
    if country == "PK":
        district, admin1 = pk_place(location, town)
    elif country == "YE":
        admin1 = ye_province(location)
    elif country == "SO":
        admin1 = so_region(location)
    area_known = bool(district or admin1)

    lat, lon = _coord(strike.get("lat")), _coord(strike.get("lon"))
    if lat is None or lon is None:
        lat = lon = None
        precision = None
    elif town:
        precision = "town"
    elif district:
        precision = "district"
    elif admin1:
        precision = "province"
    else:
        precision = "country"

    killed = _deaths(strike)
    civilians = parse_count(strike.get("civilians"))
    children = parse_count(strike.get("children"))
    injured = parse_count(strike.get("injuries"))

    bureau = _bureau(strike)
    notes: list[str | None] = []
    if country is None:
        notes.append(f"country given as {raw_country!r}")
    if location and not area_known:
        notes.append(f"location: {location}")
    if not bureau:
        notes.append("no bureau_id")
    elif uses > 1:
        notes.append(f"bureau_id {bureau} is used by {uses} strikes")
    deaths_raw = [str(strike.get(k, "")) for k in ("deaths", "deaths_min", "deaths_max")]
    notes += [
        f"deaths stated as {deaths_raw[0]!r}, min {deaths_raw[1]!r}, max {deaths_raw[2]!r}"
        if _disagree(deaths_raw)
        else None,
        count_note("killed", killed),
        count_note("civilians", civilians),
        count_note("children", children),
        count_note("injured", injured),
    ]
    target = clean_text(strike.get("target"))
    if target:
        notes.append(f"target: {target}")

    return Event(
        type="drone_strike",
        country=country,
        origin=ORIGIN,
        event_id=f"{ORIGIN}:{strike['number']}",
        source_ref=ref,
        date=_date(strike, path),
        date_precision="day",
        admin1=admin1,
        district=district,
        place=town or (None if area_known else location),
        lat=lat,
        lon=lon,
        geo_precision=precision,
        killed_min=killed.low,
        killed_max=killed.high,
        civilians_min=civilians.low,
        civilians_max=civilians.high,
        children_min=children.low,
        children_max=children.high,
        injured_min=injured.low,
        injured_max=injured.high,
        perpetrator=PERPETRATOR,
        sources=urls_in(strike.get("bij_link")),
        notes=join_notes(notes),
    )


def _disagree(raw: list[str]) -> bool:
    """Whether ``deaths`` says something other than ``deaths_min``-``deaths_max``."""
    deaths, low, high = (parse_count(r) for r in raw)
    if not deaths.known or not (low.known or high.known):
        return False
    return (deaths.low, deaths.high) != (low.low, high.high)


def _coord(value: Any) -> float | None:
    try:
        number = float(str(value).strip())
    except ValueError:
        return None
    return number if number == number else None


# ------------------------------------------------------------------ documents


@dataclass(frozen=True, slots=True)
class StrikeTexts:
    """The two short texts of one Dronestream strike, with what identifies it.

    ``event_id`` and ``source_ref`` are those of the strike's event from
    :func:`load_dronestream`, so an extraction can be checked against it.
    """

    event_id: str
    source_ref: str
    date: dt.date
    country: str | None
    narrative: str
    summary: str
    url: str | None
    source_path: str

    def documents(self) -> tuple[Document, ...]:
        """One document per non-empty text, dated on the strike's date."""
        docs: list[Document] = []
        for kind, text in (("narrative", self.narrative), ("bij_summary_short", self.summary)):
            if not text:
                continue
            docs.append(
                Document(
                    doc_id=f"{self.event_id}:{kind}",
                    text=text,
                    url=self.url,
                    title=None,
                    publisher="The Bureau of Investigative Journalism (via Dronestream)",
                    published=self.date,
                    published_source="given",
                    source_path=self.source_path,
                    source_format="json",
                    # every entry of the list is a drone strike, filed under its country and day
                    listing=Listing("drone_strike", self.country, self.date, f"{ORIGIN}:{kind}"),
                )
            )
        return tuple(docs)


def dronestream_texts(path: str | Path) -> Iterator[StrikeTexts]:
    """Per strike, its ``narrative`` and ``bij_summary_short`` (empty if missing).

    74 strikes have no summary, and a few share a summary word for word.
    """
    path = Path(path)
    strikes = _read(path)
    for strike, ref in zip(strikes, _source_refs(strikes), strict=True):
        links = urls_in(strike.get("bij_link"))
        yield StrikeTexts(
            event_id=f"{ORIGIN}:{strike['number']}",
            source_ref=ref,
            date=_date(strike, path),
            country=_COUNTRIES.get((clean_text(strike.get("country")) or "").lower()),
            narrative=str(strike.get("narrative") or "").strip(),
            summary=str(strike.get("bij_summary_short") or "").strip(),
            url=links[0] if links else None,
            source_path=str(path),
        )


def dronestream_documents(path: str | Path) -> Iterator[tuple[Document, ...]]:
    """Per strike, its texts as one or two documents dated on the strike's date."""
    for texts in dronestream_texts(path):
        yield texts.documents()
