"""The Bureau of Investigative Journalism's spreadsheets (Pakistan, Yemen, Somalia).

Each workbook holds notes, summary tables, charts and one sheet of strike
rows ("Drone strikes data" for Pakistan, "All US actions" for Yemen and
Somalia). The strike sheet is found by its header, not its name, and columns
are matched by their wording, because the three workbooks word and order
them differently (Somalia's id column has no header at all).

Pakistan lists CIA drone strikes only. Yemen and Somalia list every US
action (drone strikes, other air strikes, cruise missiles, ground raids),
confirmed or possible, with 0/1 "Drone strike" and "Air operation?"/"Air
strike?" flags: the flags decide the event type, the wording goes to notes.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from strikewatch.model import Event, EventType

from ._common import (
    PERPETRATOR,
    ReferenceListError,
    clean_text,
    count_note,
    join_notes,
    known_place,
    pair,
    parse_count,
    pk_place,
    range_text,
    so_region,
    urls_in,
    ye_province,
)

ORIGIN = "tbij"

#: column role -> test on the normalised header text
_COLUMNS: dict[str, Callable[[str], bool]] = {
    "id": lambda h: h == "strike id",
    "date": lambda h: h == "date",
    "location": lambda h: h == "location",
    "area": lambda h: h in ("area", "province"),
    "attack": lambda h: h in ("type of attack", "strike type"),
    "confirmed": lambda h: h.startswith("confirmed/"),
    "air": lambda h: h in ("air operation?", "air strike?"),
    "drone": lambda h: h == "drone strike",
    "strikes_min": lambda h: h.startswith("minimum") and "strikes" in h,
    "strikes_max": lambda h: h.startswith("maximum") and "strikes" in h,
    "killed_min": lambda h: h in ("minimum total people killed", "minimum people killed"),
    "killed_max": lambda h: h in ("maximum total people killed", "maximum people killed"),
    "civilians_min": lambda h: h.startswith("minimum civilians"),
    "civilians_max": lambda h: h.startswith("maximum civilians"),
    "children_min": lambda h: h.startswith("minimum children"),
    "children_max": lambda h: h.startswith("maximum children"),
    "injured_min": lambda h: h.startswith("minimum") and "injured" in h,
    "injured_max": lambda h: h.startswith("maximum") and "injured" in h,
    "link": lambda h: h == "strike link",
}
_REQUIRED = ("date", "location", "killed_min", "killed_max")

_COUNTRY_BY_PREFIX = (("YEM", "YE"), ("SOM", "SO"))


def _norm_header(value: object) -> str:
    return re.sub(r"\s+", " ", str(value or "")).strip().lower()


def load_tbij(path: Path) -> list[Event]:
    """Every strike row of one TBIJ workbook as an event."""
    rows = _strike_rows(path)
    header, body = rows[0], rows[1:]
    cols = _map_columns(header, path)
    filled = [
        (line, row)
        for line, row in enumerate(body, start=2)
        if any(v is not None and str(v).strip() for v in row)
    ]
    country = _country([clean_text(row[cols["id"]]) or "" for _, row in filled], path)
    events = [_event(row, cols, country, path, line) for line, row in filled]
    if not events:
        raise ReferenceListError(f"{path}: TBIJ strike sheet has no strike rows")
    return events


def _strike_rows(path: Path) -> list[Sequence[Any]]:
    """The rows of the one sheet whose first row looks like a strike header."""
    try:
        import openpyxl
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise ReferenceListError("reading TBIJ workbooks needs openpyxl") from exc
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, InvalidFileException) as exc:
        raise ReferenceListError(f"{path}: not a readable .xlsx workbook ({exc})") from exc
    try:
        for ws in wb.worksheets:
            rows: list[Sequence[Any]] = [tuple(r) for r in ws.iter_rows(values_only=True)]
            if rows and _is_strike_header(rows[0]):
                return rows
    finally:
        wb.close()
    raise ReferenceListError(
        f"{path}: no sheet with a strike header (Date, Location, casualties) in {wb.sheetnames}"
    )


def _is_strike_header(row: Iterable[Any]) -> bool:
    names = {_norm_header(v) for v in row}
    return "date" in names and "location" in names and any("killed" in n for n in names)


def _map_columns(header: Sequence[Any], path: Path) -> dict[str, int]:
    cols: dict[str, int] = {}
    for i, value in enumerate(header):
        h = _norm_header(value)
        for role, test in _COLUMNS.items():
            if role not in cols and h and test(h):
                cols[role] = i
                break
    if "id" not in cols and not _norm_header(header[0]):
        cols["id"] = 0  # Somalia's id column has no header
    missing = [c for c in (*_REQUIRED, "id") if c not in cols]
    if missing:
        raise ReferenceListError(f"{path}: strike sheet lacks columns {missing}")
    return cols


def _country(ids: list[str], path: Path) -> str:
    """The workbook's country, from its strike ids (YEM001, SOM001, B1/Ob1/T001)."""
    votes = Counter(
        next((c for p, c in _COUNTRY_BY_PREFIX if i.upper().startswith(p)), None)
        or ("PK" if re.match(r"(B|Ob|T)\d", i) else "?")
        for i in ids
        if i
    )
    if not votes or votes.most_common(1)[0][0] == "?":
        raise ReferenceListError(f"{path}: cannot tell the country from the strike ids")
    return votes.most_common(1)[0][0]


def _event(row: Sequence[Any], cols: dict[str, int], country: str, path: Path, line: int) -> Event:
    def cell(role: str) -> Any:
        i = cols.get(role)
        return row[i] if i is not None and i < len(row) else None

    strike_id = clean_text(cell("id"))
    if strike_id is None:
        raise ReferenceListError(f"{path}: row {line} has no strike id")
    date = _date(cell("date"), path, line)

    raw_area = clean_text(cell("area"))
    raw_location = clean_text(cell("location"))
    district: str | None = None
    admin1: str | None = None
    if country == "PK":
        district, admin1 = pk_place(raw_area, raw_location)
    elif country == "YE":
        admin1 = ye_province(raw_area)
    else:
        admin1 = so_region(raw_location)

    killed = pair(cell("killed_min"), cell("killed_max"))
    civilians = pair(cell("civilians_min"), cell("civilians_max"))
    children = pair(cell("children_min"), cell("children_max"))
    injured = pair(cell("injured_min"), cell("injured_max"))

    event_type, type_notes = _type(cell("drone"), cell("air"), cell("attack"))
    notes: list[str | None] = list(type_notes)
    confirmed = clean_text(cell("confirmed"))
    if confirmed:
        notes.append(f"US attack: {confirmed.lower()}")
    if "strikes_min" in cols:
        strikes = pair(cell("strikes_min"), cell("strikes_max"))
        if strikes.low != 1 or strikes.high != 1:
            notes.append(f"strikes in this row: {range_text(strikes) or 'unknown'}")
        notes.append(count_note("strikes", strikes))
    if raw_area and raw_area not in (district, admin1):
        notes.append(f"area: {raw_area}")
    notes += [
        count_note("killed", killed),
        count_note("civilians", civilians),
        count_note("children", children),
        count_note("injured", injured),
    ]
    return Event(
        type=event_type,
        country=country,
        origin=ORIGIN,
        event_id=f"{ORIGIN}:{strike_id}",
        source_ref=strike_id,
        date=date,
        date_precision="day",
        admin1=admin1,
        district=district,
        place=known_place(raw_location),
        killed_min=killed.low,
        killed_max=killed.high,
        civilians_min=civilians.low,
        civilians_max=civilians.high,
        children_min=children.low,
        children_max=children.high,
        injured_min=injured.low,
        injured_max=injured.high,
        perpetrator=PERPETRATOR,
        sources=urls_in(cell("link")),
        notes=join_notes(notes),
    )


def _date(value: Any, path: Path, line: int) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = clean_text(value)
    if text:
        for fmt in ("%d/%m/%Y", "%Y-%m-%d"):  # the notes say UK format
            try:
                return dt.datetime.strptime(text, fmt).date()
            except ValueError:
                pass
    raise ReferenceListError(f"{path}: row {line} has no readable date ({value!r})")


def _type(drone: Any, air: Any, attack: Any) -> tuple[EventType, list[str | None]]:
    """Event type from TBIJ's 0/1 flags; Pakistan (no flags) is all drone strikes."""
    wording = clean_text(attack)
    notes: list[str | None] = [f"TBIJ type: {wording}" if wording else None]
    if drone is None and air is None:
        return "drone_strike", notes
    if _flag(drone):
        return "drone_strike", notes
    if _flag(air):
        return "air_strike", notes
    return "other_attack", notes


def _flag(value: Any) -> bool:
    return (parse_count(value).low or 0) > 0
