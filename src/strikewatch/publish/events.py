"""Where the publish commands get their events: the database or a reference list.

The database is read through the store (``strikewatch.store``) where it is
installed; without it, with SQLAlchemy Core from the ``events`` table, whose
columns are named like :class:`~strikewatch.model.Event`'s fields; columns
the table lacks keep the field's default, and columns ``Event`` lacks are
ignored. List fields (``groups``, ``named``, ``sources``) may be stored as
JSON arrays or as text. Rows an analyst rejected (a ``status`` or
``review_status`` column saying ``rejected``) are left out, and by default
only the events strikewatch built (``origin = 'extracted'``), not reference
lists imported into the same file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, cast

from strikewatch.errors import StoreError
from strikewatch.model import EVENT_TYPES, Event, EventType

#: where the commands look for the database when ``--db`` is not given
DEFAULT_DB = "strikes.db"

_FIELDS = {f.name: f for f in dataclasses.fields(Event)}
_DATE_FIELDS = frozenset({"date", "date_earliest", "date_latest"})
_INT_FIELDS = frozenset(
    name for name in _FIELDS if name.endswith(("_min", "_max"))
)
_FLOAT_FIELDS = frozenset({"lat", "lon"})
_LIST_FIELDS = frozenset({"groups", "named", "sources"})
#: other names a store might give a field
_ALIASES = {"event_type": "type", "id": "event_id"}
_REVIEW_COLUMNS = ("status", "review_status")


def db_url(db: str | Path) -> str:
    """A SQLAlchemy URL for ``db``: a URL as given, else a SQLite file that must exist."""
    text = str(db)
    if "://" in text:
        return text
    path = Path(text)
    if not path.is_file():
        raise StoreError(f"{path}: no such database file (build it first, or pass --db)")
    return f"sqlite:///{path}"


def load_db_events(db: str | Path = DEFAULT_DB, *, origin: str | None = "extracted") -> list[Event]:
    """The database's events of one ``origin`` (default: the extracted ones; ``None``: all).

    Read through the store (``strikewatch.store``) when it is installed, else
    straight from the ``events`` table with SQLAlchemy Core.
    """
    try:
        from strikewatch.store import schema
        from strikewatch.store.db import event_from_row as store_event_from_row
        from strikewatch.store.db import open_store
    except ImportError:
        return load_events_table(db, origin=origin)
    import sqlalchemy as sa

    table = schema.events
    query = sa.select(table).order_by(table.c.id)
    if origin is not None:
        query = query.where(table.c.origin == origin)
    with open_store(db, write=False) as store, store.reader() as conn:
        rows: list[dict[str, Any]] = [dict(r._mapping) for r in conn.execute(query)]
        return [store_event_from_row(r) for r in rows if not _rejected(r)]


def load_events_table(
    db: str | Path = DEFAULT_DB, *, origin: str | None = "extracted"
) -> list[Event]:
    """The ``events`` table read with SQLAlchemy Core alone (no store needed)."""
    import sqlalchemy as sa

    url = db_url(db)
    engine = sa.create_engine(url)
    try:
        metadata = sa.MetaData()
        try:
            metadata.reflect(bind=engine, only=["events"])
        except sa.exc.InvalidRequestError as exc:
            raise StoreError(f"{db}: has no events table") from exc
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"{db}: cannot be read ({exc})") from exc
        table = metadata.tables["events"]
        query = sa.select(table)
        if origin is not None and "origin" in table.c:
            query = query.where(table.c.origin == origin)
        try:
            with engine.connect() as conn:
                rows = [dict(r) for r in conn.execute(query).mappings()]
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"{db}: cannot read the events table ({exc})") from exc
    finally:
        engine.dispose()
    return [event_from_row(r) for r in rows if not _rejected(r)]


def _rejected(row: Mapping[str, Any]) -> bool:
    return any(str(row.get(c) or "").lower() == "rejected" for c in _REVIEW_COLUMNS)


def event_from_row(row: Mapping[str, Any]) -> Event:
    """An :class:`Event` from one database row (a mapping of column to value)."""
    values: dict[str, Any] = {}
    for column, value in row.items():
        name = _ALIASES.get(column, column)
        if name not in _FIELDS or (name in values and value is None):
            continue
        values[name] = _convert(name, value)
    kind = values.get("type")
    values["type"] = cast(EventType, kind if kind in EVENT_TYPES else "drone_strike")
    values.setdefault("country", None)
    if values.get("origin") is None:
        values.pop("origin", None)
    for name in _LIST_FIELDS:
        if values.get(name) is None:
            values.pop(name, None)
    return Event(**values)


def _convert(name: str, value: Any) -> Any:
    if value is None:
        return None
    if name in _DATE_FIELDS:
        return _to_date(value)
    if name in _INT_FIELDS:
        try:
            return int(value)
        except (TypeError, ValueError):
            return None
    if name in _FLOAT_FIELDS:
        try:
            return float(value)
        except (TypeError, ValueError):
            return None
    if name in _LIST_FIELDS:
        return _to_list(value)
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if name in ("event_id", "source_ref"):
        return str(value)
    return value


def _to_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def _to_list(value: Any) -> list[str]:
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    text = str(value).strip()
    if not text:
        return []
    if text.startswith("["):
        try:
            data = json.loads(text)
        except ValueError:
            pass
        else:
            if isinstance(data, list):
                return [str(v) for v in data]
    return [p.strip() for p in text.split("\n") if p.strip()]


def load_events(
    *, db: str | Path | None = None, reference: str | Path | None = None
) -> list[Event]:
    """Events from a reference list when one is given, else from the database."""
    if reference is not None:
        from strikewatch.ingest.reference import load_reference

        return load_reference(reference)
    return load_db_events(db if db is not None else DEFAULT_DB)


def select_events(
    events: Iterable[Event],
    *,
    country: str | None = None,
    types: Iterable[str] | None = None,
) -> list[Event]:
    """The events of one country (ISO code, any case) and of the given types."""
    wanted = country.upper() if country else None
    kinds = frozenset(types) if types else None
    return [
        e
        for e in events
        if (wanted is None or (e.country or "").upper() == wanted)
        and (kinds is None or e.type in kinds)
    ]


def label_for(events: list[Event], fallback: str) -> str:
    """A short name for a list: its events' common origin, else ``fallback``."""
    origins = {e.origin for e in events}
    return origins.pop() if len(origins) == 1 else fallback
