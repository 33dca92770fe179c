"""The read queries behind the API and the dashboard, in SQLAlchemy Core over the store's tables.

Every value reaches the database as a bound parameter: filters, the full-text
words, cursor values. Nothing here writes to the database, except
:func:`ensure_indexes`, which adds the indexes the filters need (migration 4
makes them; a file whose indexes were dropped gets them back) when the server
is allowed to. A page of events may fill a temporary table of the
connection's own (the mentions the words match), which is not the database.

Paging is by keyset (a cursor): the page after ``(value, id)`` of the last
row, so page 1,000 costs what page 1 costs. Rows whose sort value is NULL
(an undated event when sorting by date) come last in both directions: the
query runs over the non-NULL rows first, then over the NULL ones.

How a page is read (``list_events``), so that it costs a few index entries
whatever the filter: the ids of the page first, from an index that holds the
filter and sort columns (``schema.V4_INDEXES``), then those rows by id; the
``total`` counts at most ``TOTAL_CAP + 1`` matching index entries. Full-text
words are matched once per request: when few mentions match, their events'
ids are bound as one JSON list and read by id; when many do, the mentions go
into a temporary table, the page walks the sort order's index looking each
event's mentions up in it, and the count goes through the matches until the cap.

A page's statements are built and compiled once per filter shape (which
filters are set, the sort, the cursor's zone) and kept; a request binds its
values and, on SQLite, hands the SQL to the driver itself: building and
compiling SQLAlchemy statements cost several times what SQLite's reading does.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import functools
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    Float,
    Integer,
    Text,
    and_,
    bindparam,
    case,
    cast,
    column,
    func,
    inspect,
    literal_column,
    or_,
    select,
    table,
    text,
    tuple_,
    type_coerce,
)
from sqlalchemy.dialects.sqlite import dialect as _sqlite_dialect
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.types import NullType

from strikewatch.publish.timeline import DEFAULT_MIN_GAP, Month, Pause, pauses
from strikewatch.store import schema
from strikewatch.store.db import Store
from strikewatch.store.dialect import fts_query

__all__ = [
    "EXTRA_INDEXES",
    "FEW_HITS",
    "SORTS",
    "CursorError",
    "EventFilter",
    "EventPage",
    "JsonItems",
    "count_events",
    "decode_cursor",
    "document",
    "ensure_indexes",
    "event_extras",
    "facets",
    "list_events",
    "map_points",
    "missing_indexes",
    "stats",
]

ev = schema.events
mn = schema.mentions
em = schema.event_mentions
cl = schema.claims
evd = schema.evidence
doc = schema.documents

#: sort name -> column; ``-name`` sorts descending
SORTS: dict[str, Any] = {
    "date": ev.c.date,
    "killed_min": ev.c.killed_min,
    "killed_max": ev.c.killed_max,
    "reports": ev.c.mention_count,
    "country": ev.c.country,
    "district": ev.c.district,
    "perpetrator": ev.c.perpetrator,
    "type": ev.c.type,
    "id": ev.c.id,
}

#: origin value meaning "every origin": extracted events and reference lists
ALL_ORIGINS = "all"

#: The indexes the filters, sorts and counts read (name, table, columns): the
#: store's migration 4 (``schema.V4_INDEXES``) makes them in every database.
#: ``ensure_indexes`` adds any a writable file lacks; ``missing_indexes`` names them.
EXTRA_INDEXES: tuple[tuple[str, str, tuple[str, ...]], ...] = tuple(
    (str(ix.name), ix.table.name, tuple(c.name for c in ix.columns))
    for ix in schema.V4_INDEXES
    if ix.table is not None
)


@dataclass(slots=True)
class EventFilter:
    """What the user asked for: every field ``None`` means "no condition"."""

    country: str | None = None
    admin1: str | None = None
    district: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    type: str | None = None
    perpetrator: str | None = None
    group: str | None = None
    killed_min: int | None = None
    killed_max: int | None = None
    q: str | None = None
    #: ``extracted`` (strikewatch's own events), a reference list's name, or ``all``
    origin: str = "extracted"

    def has_text(self) -> bool:
        """Whether the filter has full-text words (``q``)."""
        return bool(self.q and self.q.strip())

    def terms(
        self, dialect: str, text_hits: TextHits | None = None
    ) -> tuple[tuple[str, ...], dict[str, Any]]:
        """The WHERE terms by name (see ``_where``) and the values they bind.

        The names alone fix the SQL, so a page's statements are built and
        compiled once per filter shape; the values are its bound parameters.
        ``text_hits``: the words were matched already (``match_text``)."""
        names: list[str] = []
        values: dict[str, Any] = {}
        if self.origin != ALL_ORIGINS:
            names.append("origin")
            values["f_origin"] = self.origin
        if self.country:
            names.append("country")
            values["f_country"] = self.country.strip().upper()
        for name in ("admin1", "district"):
            value = getattr(self, name)
            if value:
                names.append(name)
                values["f_" + name] = value
        if self.date_from is not None:
            names.append("date_from")
            values["f_date_from"] = self.date_from
        if self.date_to is not None:
            names.append("date_to")
            values["f_date_to"] = self.date_to
        for name in ("type", "perpetrator"):
            value = getattr(self, name)
            if value:
                names.append(name)
                values["f_" + name] = value
        if self.killed_min is not None:
            names.append("killed_min")
            values["f_killed_min"] = self.killed_min
        if self.killed_max is not None:
            names.append("killed_max")
            values["f_killed_max"] = self.killed_max
        if self.group:
            wanted = self.group.strip().lower()
            values["f_group"] = wanted
            if dialect == "sqlite" and _verbatim_in_json(wanted):
                names.append("group+json")
                values["f_group_like"] = (
                    wanted.replace("/", "//").replace("%", "/%").replace("_", "/_")
                )
            else:
                names.append("group")
        if self.has_text() and self.q is not None:
            values["f_q"] = fts_query(self.q) if dialect == "sqlite" else self.q
            if text_hits is None:
                names.append("text")
            elif text_hits.events is not None:
                # few: the events, read by id, then sorted
                names.append("text:few")
                values["f_text_events"] = json.dumps(text_hits.events)
            else:
                # many: walk the sort order's index, each event looked up among the
                # matching mentions, stopping at a page
                names.append("text:many")
        return tuple(names), values

    def conditions(
        self, dialect: str, text_hits: TextHits | None = None
    ) -> list[ColumnElement[bool]]:
        """The WHERE terms, with their values bound. ``text_hits``: the words were
        matched already, by ``match_text`` on the connection that runs them."""
        names, values = self.terms(dialect, text_hits)
        return _where(names, dialect, lambda key: bindparam(key, values[key]))

    def params(self) -> dict[str, str]:
        """The filter as query-string parameters (for links), defaults left out."""
        out: dict[str, str] = {}
        for name in (
            "country", "admin1", "district", "date_from", "date_to", "type", "perpetrator",
            "group", "killed_min", "killed_max", "q",
        ):  # fmt: skip
            value = getattr(self, name)
            if value is not None and value != "":
                out[name] = value.isoformat() if isinstance(value, dt.date) else str(value)
        if self.origin != "extracted":
            out["origin"] = self.origin
        return out


Bind = Callable[[str], Any]


def _where(names: Sequence[str], dialect: str, bind: Bind) -> list[ColumnElement[bool]]:
    """The WHERE terms ``names`` (``EventFilter.terms``), each value ``bind(key)``:
    a bound parameter, with its value or to be given at execution."""
    conds: list[ColumnElement[bool]] = []
    for name in names:
        if name == "origin":
            same_origin = ev.c.origin == bind("f_origin")
            if dialect == "sqlite":
                # most events share an origin: told so, SQLite does not take this
                # term for a narrow one in a file without ANALYZE statistics (and,
                # say, walk an index through every event for a rare word's ten)
                same_origin = func.likely(same_origin)
            conds.append(same_origin)
        elif name in ("country", "admin1", "district", "type", "perpetrator"):
            conds.append(ev.c[name] == bind("f_" + name))
        elif name == "date_from":
            conds.append(ev.c.date >= bind("f_date_from"))
        elif name == "date_to":
            conds.append(ev.c.date <= bind("f_date_to"))
        elif name == "killed_min":
            # the range reaches the bound: some source said at least this many
            conds.append(func.coalesce(ev.c.killed_max, ev.c.killed_min) >= bind("f_killed_min"))
        elif name == "killed_max":
            # the range starts at or under the bound
            conds.append(func.coalesce(ev.c.killed_min, ev.c.killed_max) <= bind("f_killed_max"))
        elif name in ("group", "group+json"):
            conds.append(_group_condition(bind, dialect, prefilter=name == "group+json"))
        elif name == "text":
            conds.append(ev.c.id.in_(_text_search(bind("f_q"), dialect)))
        elif name == "text:few":
            conds.append(ev.c.id.in_(_json_ids(bind("f_text_events"))))
        elif name == "text:many":
            # ``mention_id + 0``: no index of mention ids; SQLite looks each of the
            # event's mentions up among the matches, not each match up in the links
            conds.append(
                select(literal_column("1"))
                .select_from(em)
                .where(em.c.event_id == ev.c.id, (em.c.mention_id + 0).in_(select(_MENTION_HITS.c.id)))
                .exists()
            )
        else:  # pragma: no cover - a name terms() does not make
            raise ValueError(name)
    return conds


def _json_ids(ids: Any) -> Any:
    """The integers of a JSON list (SQLite): one bound parameter for any number of ids."""
    return select(column("value")).select_from(func.json_each(ids))


def _group_condition(bind: Bind, dialect: str, *, prefilter: bool) -> ColumnElement[bool]:
    """Events one of whose groups contains the bound ``f_group`` (lower case)."""
    wanted = bind("f_group")
    if dialect == "sqlite":
        each = func.json_each(ev.c.groups).table_valued("value")
        named = (
            select(literal_column("1"))
            .select_from(each)
            .where(func.instr(func.lower(each.c.value), wanted) > 0)
            .exists()
        )
        if not prefilter:
            return named
        # A value holding ``wanted`` puts it, as it is, in the list's JSON text:
        # that cheap test (LIKE ignores ASCII case, as lower() does) first spares
        # parsing the lists of most rows; the indexes hold ``groups`` for it.
        # ``f_group_like`` is ``wanted`` with ``/``, ``%`` and ``_`` escaped by ``/``.
        like = type_coerce(ev.c.groups, Text).contains(bind("f_group_like"), escape="/")
        return and_(like, named)
    # PostgreSQL: JSON text contains the name (the JSON list is small)
    return func.strpos(func.lower(cast(ev.c.groups, Text)), wanted) > 0


def _verbatim_in_json(value: str) -> bool:
    """Whether JSON writes ``value`` as it is inside a string (ASCII, nothing escaped)."""
    return value.isascii() and all(" " <= ch <= "~" and ch not in '"\\' for ch in value)


#: the mentions matching a request's full-text words, when many do: a temporary
#: table of the connection (SQLite), filled by ``match_text``
_MENTION_HITS = table("sw_text_mentions", column("id", Integer), schema="temp")

#: Up to this many mentions matching the words, a page reads their events by id
#: and sorts them; more, and it walks the sort order's index, looking each event's
#: mentions up among them (a page then costs ~50 x events / hits lookups).
FEW_HITS = 2_000


@dataclass(frozen=True, slots=True)
class TextHits:
    """Full-text words matched once for a request (SQLite, ``match_text``)."""

    #: how many mentions match (counted up to ``FEW_HITS + 1``)
    mentions: int
    #: few: the ids of the events they belong to (sorted); many: None, and the
    #: connection's ``temp.sw_text_mentions`` holds the mentions' ids
    events: tuple[int, ...] | None


_PROBE_TEXT = "SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH ? LIMIT ?"
_TEXT_EVENTS = (
    "SELECT DISTINCT event_id FROM event_mentions "
    "WHERE mention_id IN (SELECT value FROM json_each(?)) ORDER BY event_id"
)
_FILL_TEXT = (
    "INSERT INTO temp.sw_text_mentions (id) "
    "SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH ?"
)


def match_text(conn: Reader, query: str) -> TextHits:
    """Match ``query`` once (SQLite): few mentions, their events' ids; many, their
    ids into the connection's temporary table (kept until its next search)."""
    words = fts_query(query)
    mentions = [int(r[0]) for r in _run_sql(conn, _PROBE_TEXT, (words, FEW_HITS + 1))]
    if len(mentions) <= FEW_HITS:
        if not mentions:
            return TextHits(0, ())
        events = [int(r[0]) for r in _run_sql(conn, _TEXT_EVENTS, (json.dumps(mentions),))]
        return TextHits(len(mentions), tuple(events))
    info = conn.info  # the driver connection's, kept while it is pooled
    if not info.get("sw_text_mentions"):
        _run_sql(conn, "CREATE TEMP TABLE IF NOT EXISTS sw_text_mentions (id INTEGER PRIMARY KEY)")
        info["sw_text_mentions"] = True
    _run_sql(conn, "DELETE FROM temp.sw_text_mentions")
    _run_sql(conn, _FILL_TEXT, (words,))
    return TextHits(len(mentions), None)


_FTS = table("mentions_fts", column("rowid", Integer))


def _text_search(words: Any, dialect: str) -> Any:
    """Ids of events one of whose mentions' sentences matches the bound ``words``."""
    if dialect == "sqlite":
        matching = select(_FTS.c.rowid).where(literal_column("mentions_fts").op("MATCH")(words))
    else:
        matching = select(mn.c.id).where(
            func.to_tsvector("english", mn.c.sentence).op("@@")(
                func.plainto_tsquery("english", words)
            )
        )
    return select(em.c.event_id).where(em.c.mention_id.in_(matching))


# ------------------------------------------------------------------ cursors


class CursorError(ValueError):
    """A cursor that is not one this server made for this sort."""


def encode_cursor(sort: str, null_zone: bool, value: Any, row_id: int) -> str:
    if isinstance(value, dt.date):
        value = value.isoformat()
    raw = json.dumps({"s": sort, "z": int(null_zone), "v": value, "i": row_id}, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, sort: str) -> tuple[bool, Any, int]:
    """``(null_zone, value, id)`` of a cursor made for ``sort``; ``CursorError`` otherwise."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data = json.loads(raw)
    except (binascii.Error, ValueError, UnicodeDecodeError) as exc:
        raise CursorError("not a cursor from this API (use the `next` link as given)") from exc
    if not isinstance(data, dict) or set(data) != {"s", "z", "v", "i"}:
        raise CursorError("not a cursor from this API (use the `next` link as given)")
    if data["s"] != sort:
        raise CursorError(f"this cursor was made for sort={data['s']!r}, not {sort!r}")
    if not isinstance(data["i"], int) or isinstance(data["i"], bool) or data["z"] not in (0, 1):
        raise CursorError("not a cursor from this API (use the `next` link as given)")
    name = sort.lstrip("-")
    value = data["v"]
    if data["z"] == 0 and name != "id":
        col = SORTS[name]
        try:
            if isinstance(col.type, Date):
                value = dt.date.fromisoformat(str(value))
            elif isinstance(col.type, Integer):
                if not isinstance(value, int) or isinstance(value, bool):
                    raise ValueError(value)
            elif not isinstance(value, str):
                raise ValueError(value)
        except ValueError as exc:
            raise CursorError("the cursor's value does not fit its sort") from exc
    return bool(data["z"]), value, int(data["i"])


# ------------------------------------------------------------------- events


#: ``total`` counts matching events up to this many ("1,000 or more" beyond), so a
#: filter matching most of a large table costs no full scan
TOTAL_CAP = 1_000


@dataclass(slots=True)
class EventPage:
    rows: list[dict[str, Any]]
    next_cursor: str | None
    total: int | None = None
    #: ``total`` is a lower bound: at least this many match
    total_capped: bool = False
    #: with ``list_events(json_items=...)`` on SQLite: each row as the text of a
    #: JSON object (``rows`` then hold only the id and the sort value)
    items_json: list[str] | None = None


@dataclass(frozen=True, slots=True)
class JsonItems:
    """How ``list_events`` has SQLite write each row as a JSON object: ``keys`` in
    order, each an events column, or in ``links`` (key, prefix): the prefix and the id.

    Dates come out as ISO strings, JSON lists as lists (NULL as ``[]``), floats
    with 17 significant digits (the same double, read back), the rest as stored."""

    keys: tuple[str, ...]
    links: tuple[tuple[str, str], ...] = ()


def _columns() -> list[Any]:
    return [c for c in ev.c if c.name not in ("created_at", "updated_at")]


def list_events(
    store: Store,
    flt: EventFilter,
    *,
    sort: str = "-date",
    limit: int = 50,
    cursor: str | None = None,
    with_total: bool = True,
    total_cap: int | None = TOTAL_CAP,
    json_ready: bool = False,
    json_items: JsonItems | None = None,
) -> EventPage:
    """One page of events matching ``flt``, sorted, after ``cursor``; with how many match
    (counted up to ``total_cap``; ``None`` counts them all).

    The rows are typed as the table's columns (``datetime.date``, lists); with
    ``json_ready`` their dates stay ISO strings, as JSON wants them. With
    ``json_items`` (SQLite), ``items_json`` holds each row as JSON text instead:
    no Python object per value, which is most of what a page costs.

    Each statement is built and compiled once per filter shape (``_prepared``);
    a request binds its values and, on SQLite, hands the SQL to the driver."""
    name = sort.lstrip("-")
    descending = sort.startswith("-")
    dialect = store.dialect.name
    after = decode_cursor(cursor, sort) if cursor else None
    rows: list[dict[str, Any]] = []
    items: list[str] | None = None
    total: int | None = None
    with reading(store) as conn:
        hits = None
        if dialect == "sqlite" and flt.has_text() and flt.q is not None:
            hits = match_text(conn, flt.q)
        if hits is not None and hits.mentions == 0:
            total = 0 if with_total else None
        else:
            names, values = flt.terms(dialect, hits)
            ids = _page_ids(conn, names, values, name, descending, after, limit)
            capped = total_cap is not None
            if capped and total_cap is not None:
                values["count_cap"] = total_cap + 1
            count = (names, capped) if with_total else None
            written = None
            if json_items is not None and dialect == "sqlite" and ids:
                # the count rides along with the rows: one statement fewer
                written = _json_by_id(conn, ids, name, json_items, count, values)
            if written is not None:
                rows, items, total = written
            else:
                rows = _rows_by_id(conn, ids, json_ready=json_ready)
                if count is not None:
                    total = int(_execute(conn, ("count", *count), values)[0][0])
    if json_items is not None and dialect == "sqlite" and items is None and not rows:
        items = []
    next_cursor = None
    if len(rows) > limit:
        rows = rows[:limit]
        if items is not None:
            items = items[:limit]
        last = rows[-1]
        value = last[SORTS[name].name]  # a date, or its ISO string (json_ready): the same cursor
        next_cursor = encode_cursor(sort, value is None, value, int(last["id"]))
    capped_total = total is not None and total_cap is not None and total > total_cap
    if capped_total:
        total = total_cap
    return EventPage(rows, next_cursor, total, capped_total, items)


def _page_ids(
    conn: Reader,
    names: tuple[str, ...],
    values: dict[str, Any],
    sort: str,
    descending: bool,
    after: tuple[bool, Any, int] | None,
    limit: int,
) -> list[int]:
    """The ids of the page (``limit + 1`` of them when there is a next page), in order.

    Only ids: SQLite reads them from an index that holds the filter and sort
    columns, and sorts (when it must) ids, not whole rows."""
    params = {**values, "limit": limit + 1}
    if sort == "id":
        if after is not None:
            params["after_id"] = after[2]
        key = ("page", names, sort, descending, "value", after is not None)
        return [int(r[0]) for r in _execute(conn, key, params)]
    ids: list[int] = []
    in_null_zone = after is not None and after[0]
    if not in_null_zone:
        if after is not None:
            params["after_value"], params["after_id"] = after[1], after[2]
        key = ("page", names, sort, descending, "value", after is not None)
        ids = [int(r[0]) for r in _execute(conn, key, params)]
    if len(ids) <= limit:
        params = {**values, "limit": limit + 1 - len(ids)}
        if in_null_zone and after is not None:
            params["after_id"] = after[2]
        key = ("page", names, sort, descending, "null", in_null_zone)
        ids += [int(r[0]) for r in _execute(conn, key, params)]
    return ids


def _page_statement(
    names: tuple[str, ...], dialect: str, sort: str, descending: bool, zone: str, after: bool
) -> Any:
    """The ids of a page of the filter ``names``, sorted by ``sort``: among the
    rows whose sort value is set (``zone="value"``) or NULL (``"null"``), after
    the bound ``after_value`` and ``after_id`` (``after``), at most ``limit``.

    A cursor's row value lets SQLite seek the (sort, id) index to it instead of
    scanning."""
    col = SORTS[sort]
    conds = _where(names, dialect, bindparam)
    by_id = ev.c.id.desc() if descending else ev.c.id.asc()
    after_id = bindparam("after_id", type_=Integer)
    order: tuple[Any, ...] = (by_id,)
    if sort != "id" and zone == "value":
        conds.append(col.is_not(None))
        if after:
            row, bound = tuple_(col, ev.c.id), tuple_(bindparam("after_value", type_=col.type), after_id)
            conds.append(row < bound if descending else row > bound)
        order = (col.desc(), ev.c.id.desc()) if descending else (col.asc(), ev.c.id.asc())
    else:
        if sort != "id":
            conds.append(col.is_(None))
        if after:
            conds.append(ev.c.id < after_id if descending else ev.c.id > after_id)
    return select(ev.c.id).where(*conds).order_by(*order).limit(bindparam("limit", type_=Integer))


def _count_statement(names: tuple[str, ...], dialect: str, capped: bool) -> Any:
    """How many events match the filter ``names``; with ``capped``, counting stops
    past the bound ``count_cap``.

    Many full-text matches: counted from the matching mentions (their events,
    each checked against the other terms), which stops at the cap, instead of
    walking the events' index and looking each up among the matches."""
    if "text:many" not in names:
        conds = _where(names, dialect, bindparam)
        if not capped:
            return select(func.count()).select_from(ev).where(*conds)
        inner = select(ev.c.id).where(*conds).limit(bindparam("count_cap", type_=Integer))
        return select(func.count()).select_from(inner.subquery())
    others = _where([n for n in names if n != "text:many"], dialect, bindparam)
    event_matches = (
        select(literal_column("1")).select_from(ev).where(ev.c.id == em.c.event_id, *others).exists()
    )
    hit_events = (
        select(em.c.event_id)
        .select_from(_FTS.join(em, em.c.mention_id == _FTS.c.rowid))
        .where(literal_column("mentions_fts").op("MATCH")(bindparam("f_q")), event_matches)
        .distinct()
    )
    if capped:
        hit_events = hit_events.limit(bindparam("count_cap", type_=Integer))
    return select(func.count()).select_from(hit_events.subquery())


def _json_statement(spec: JsonItems, sort: str, count: tuple[tuple[str, ...], bool] | None) -> Any:
    """The rows of the bound ``ids`` (a JSON list) as ``spec`` writes them, with each
    its id and sort value, a test that its floats are written exactly, and (``count``:
    the filter's names, capped) the count as a scalar subquery."""
    item, exact = _json_object_sql(spec)
    counted = []
    if count is not None:
        counted = [_count_statement(count[0], "sqlite", count[1]).scalar_subquery().label("total")]
    return select(
        ev.c.id, type_coerce(SORTS[sort], NullType()).label("sort_value"),
        literal_column(item).label("item"), literal_column(exact).label("exact"), *counted,
    ).where(ev.c.id.in_(_json_ids(bindparam("ids", type_=Text))))  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Prepared:
    """A statement, and on SQLite its SQL with the names of its ``?`` in order and the
    values SQLAlchemy put in itself (the 0 of ``OFFSET 0``, say)."""

    statement: Any
    sql: str | None = None
    keys: tuple[str, ...] = ()
    fixed: dict[str, Any] = field(default_factory=dict)


#: prepared statements by (dialect, kind, shape...): a few per filter shape in use
_PREPARED: dict[tuple[Any, ...], _Prepared] = {}
_PREPARED_MAX = 2_000


def _prepared(conn: Reader, key: tuple[Any, ...]) -> _Prepared:
    """The statement ``key`` names (``("page", names, sort, descending, zone, after)``,
    ``("count", names, capped)``, ``("json", spec, sort, count)``, ``("rows",)``),
    built and, on SQLite, compiled once."""
    dialect = conn.dialect.name
    found = _PREPARED.get((dialect, *key))
    if found is not None:
        return found
    kind = key[0]
    if kind == "page":
        statement = _page_statement(key[1], dialect, *key[2:])
    elif kind == "count":
        statement = _count_statement(key[1], dialect, key[2])
    elif kind == "json":
        statement = _json_statement(*key[1:])
    elif kind == "rows":
        statement = _ROWS_BY_ID["sqlite" if dialect == "sqlite" else "default"]
    else:  # pragma: no cover
        raise ValueError(kind)
    if dialect == "sqlite":
        compiled = statement.compile(dialect=conn.dialect)
        if compiled.positiontup is None or "POSTCOMPILE" in compiled.string:  # pragma: no cover
            raise RuntimeError(f"cannot prepare {key[0]} for the driver")
        fixed = {k: v for k, v in compiled.params.items() if v is not None}
        found = _Prepared(statement, compiled.string, tuple(compiled.positiontup), fixed)
    else:
        found = _Prepared(statement)
    if len(_PREPARED) >= _PREPARED_MAX:
        _PREPARED.clear()
    _PREPARED[(dialect, *key)] = found
    return found


def _execute(conn: Reader, key: tuple[Any, ...], params: Mapping[str, Any]) -> Sequence[Any]:
    """The rows of the prepared statement ``key`` with ``params``. SQLite: the SQL
    goes straight to the driver, each value a ``?`` (a date as its ISO text, as the
    store writes it); elsewhere through SQLAlchemy."""
    prepared = _prepared(conn, key)
    if prepared.sql is None:
        assert conn.connection is not None
        return conn.connection.execute(prepared.statement, dict(params)).all()
    values = []
    for k in prepared.keys:
        value = params[k] if k in params else prepared.fixed[k]
        values.append(value.isoformat() if isinstance(value, dt.date) else value)
    return _run_sql(conn, prepared.sql, values)


def _run_sql(conn: Reader, sql: str, params: Sequence[Any] = ()) -> list[Any]:
    """``sql`` run by the SQLite driver of ``conn`` in its transaction; a driver error
    as SQLAlchemy raises it (``Store.guard`` explains it)."""
    assert conn.driver is not None
    try:
        return list(conn.driver.execute(sql, params).fetchall())
    except sqlite3.Error as exc:
        raise DBAPIError.instance(sql, params, exc, sqlite3.Error) from exc


@dataclass(frozen=True, slots=True)
class Reader:
    """A read transaction: on SQLite the pooled driver connection itself, else a
    SQLAlchemy ``Connection``."""

    dialect: Any
    #: the pooled driver connection's own dictionary (kept while it is pooled)
    info: dict[Any, Any]
    driver: Any = None
    connection: Connection | None = None


@contextmanager
def reading(store: Store) -> Iterator[Reader]:
    """A read-only snapshot, as ``store.reader()`` gives, for the prepared statements.

    On SQLite the connection comes from the pool as the driver's (``BEGIN`` ...
    ``COMMIT``, a rollback on the way back to the pool after a failure), which
    costs a fifth of a SQLAlchemy ``Connection`` and its transaction."""
    if store.dialect.name != "sqlite":
        with store.reader() as conn:
            yield Reader(conn.dialect, conn.connection.info, None, conn)
        return
    with store.guard():
        try:
            pooled = store.engine.raw_connection()
        except sqlite3.Error as exc:  # opening it (SQLAlchemy wraps this on connect())
            raise DBAPIError.instance(None, None, exc, sqlite3.Error) from exc
        try:
            reader = Reader(store.engine.dialect, pooled.info, pooled.driver_connection)
            _run_sql(reader, "BEGIN")
            yield reader
            _run_sql(reader, "COMMIT")
        finally:
            pooled.close()


def _raw_columns() -> tuple[list[Any], list[str], list[int], list[int], list[int]]:
    """The event columns as the driver returns them (no SQLAlchemy type processing,
    which parses a date with a regular expression); which are dates, JSON, floats."""
    cols = _columns()
    raw = [type_coerce(c, NullType()).label(c.name) for c in cols]
    names = [c.name for c in cols]
    dates = [i for i, c in enumerate(cols) if isinstance(c.type, Date)]
    lists = [i for i, c in enumerate(cols) if isinstance(c.type, JSON)]
    floats = [i for i, c in enumerate(cols) if isinstance(c.type, Float)]
    return raw, names, dates, lists, floats


_RAW, _NAMES, _DATE_AT, _JSON_AT, _FLOAT_AT = _raw_columns()
#: the rows of a page by id: SQLite takes the ids as one JSON list (an expanding
#: IN would render and bind a parameter per id)
_ROWS_BY_ID = {
    "sqlite": select(*_RAW).where(ev.c.id.in_(_json_ids(bindparam("ids", type_=Text)))),
    "default": select(*_RAW).where(ev.c.id.in_(bindparam("ids", expanding=True))),
}
_SQLITE_DIALECT = _sqlite_dialect()
_DATE_PROCESSOR = Date().result_processor(_SQLITE_DIALECT, None)


def _as_date(value: Any) -> Any:
    """A stored date (an ISO string in SQLite) as a ``datetime.date``."""
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return _DATE_PROCESSOR(value) if _DATE_PROCESSOR is not None else value
    return value


def _as_iso(value: Any) -> Any:
    """A stored date as an ISO string."""
    if value is None or isinstance(value, str):
        return value
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _rows_by_id(conn: Reader, ids: list[int], *, json_ready: bool = False) -> list[dict[str, Any]]:
    """The rows of ``ids``, in that order, typed as the table's columns are (or
    ready for JSON: ISO dates, a list for a NULL list), converted here, which is
    quicker than SQLAlchemy's result processing."""
    if not ids:
        return []
    found: dict[int, dict[str, Any]] = {}
    ids_param = json.dumps(ids) if conn.dialect.name == "sqlite" else ids
    as_date = _as_iso if json_ready else _as_date
    for raw in _execute(conn, ("rows",), {"ids": ids_param}):
        values = list(raw)
        for i in _DATE_AT:
            values[i] = as_date(values[i])
        for i in _JSON_AT:
            value = values[i]
            if value == "[]":
                values[i] = []
            elif isinstance(value, str | bytes):
                values[i] = json.loads(value)
            elif value is None and json_ready:
                values[i] = []
        for i in _FLOAT_AT:
            if type(values[i]) is int:
                values[i] = float(values[i])
        row = dict(zip(_NAMES, values, strict=True))
        found[int(row["id"])] = row
    return [found[i] for i in ids if i in found]


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


#: floats SQLite's printf('%!.17g') writes exactly (checked from 1e-30 to 1e30);
#: a page with another falls back to Python's JSON
_EXACT_FLOATS = "(abs({ref}) BETWEEN 1e-30 AND 1e30 OR {ref} = 0)"


@functools.lru_cache(maxsize=8)
def _json_object_sql(spec: JsonItems) -> tuple[str, str]:
    """``json_object(...)`` of an events row as ``spec`` says (SQLite), and a test
    that its floats are written exactly."""
    links = dict(spec.links)
    parts = []
    exact = ["1"]
    for key in spec.keys:
        if key in links:
            expr = f"{_sql_string(links[key])} || events.id"
        else:
            c = ev.c[key]  # a KeyError for a name that is no column
            ref = f"events.{c.name}"
            if isinstance(c.type, JSON):
                expr = f"json(coalesce({ref}, '[]'))"
            elif isinstance(c.type, Date):
                expr = f"date({ref})"
            elif isinstance(c.type, Float):
                # 17 significant digits: the stored double, exactly ('!' lifts
                # SQLite's 16-digit cap and keeps a decimal point)
                expr = f"CASE WHEN {ref} IS NULL THEN NULL ELSE json(printf('%!.17g', {ref})) END"
                exact.append(f"({ref} IS NULL OR {_EXACT_FLOATS.format(ref=ref)})")
            else:
                expr = ref
        parts.append(f"{_sql_string(key)}, {expr}")
    return "json_object(" + ", ".join(parts) + ")", " AND ".join(exact)


def _json_by_id(
    conn: Reader,
    ids: list[int],
    sort: str,
    spec: JsonItems,
    count: tuple[tuple[str, ...], bool] | None,
    values: dict[str, Any],
) -> tuple[list[dict[str, Any]], list[str], int | None] | None:
    """The rows of ``ids``, in that order, as JSON text, with each its id and sort
    value, and (``count``: the filter's names, capped) how many match; None when
    a float would not be written exactly."""
    if not ids:
        return [], [], None
    sort_column = SORTS[sort].name
    result = _execute(conn, ("json", spec, sort, count), {**values, "ids": json.dumps(ids)})
    found = {int(r[0]): r for r in result}
    rows, items = [], []
    total = None
    for i in ids:
        r = found.get(i)
        if r is not None:
            if not r[3]:
                return None
            rows.append({"id": i, sort_column: r[1]})
            items.append(str(r[2]))
            if count is not None:
                total = int(r[4])
    return rows, items, total


def count_events(
    conn: Connection, conds: Sequence[ColumnElement[bool]], cap: int | None = None
) -> int:
    """How many events match; with ``cap``, counting stops past ``cap`` (``cap + 1`` returned)."""
    return int(conn.execute(_count_query(conds, cap)).scalar_one())


def _count_query(conds: Sequence[ColumnElement[bool]], cap: int | None) -> Any:
    if cap is None:
        return select(func.count()).select_from(ev).where(*conds)
    inner = select(ev.c.id).where(*conds).limit(cap + 1).subquery()
    return select(func.count()).select_from(inner)


def map_points(store: Store, flt: EventFilter, limit: int = 3000) -> tuple[list[dict[str, Any]], int]:
    """Events with coordinates for the map (the deadliest first, at most ``limit``) and how
    many matching events have no coordinates."""
    conds = flt.conditions(store.dialect.name)
    cols = (
        ev.c.id, ev.c.type, ev.c.date, ev.c.country, ev.c.admin1, ev.c.district, ev.c.place,
        ev.c.lat, ev.c.lon, ev.c.killed_min, ev.c.killed_max, ev.c.perpetrator,
    )  # fmt: skip
    with store.reader() as conn:
        query = (
            select(*cols)
            .where(*conds, ev.c.lat.is_not(None), ev.c.lon.is_not(None))
            .order_by(func.coalesce(ev.c.killed_max, ev.c.killed_min, -1).desc(), ev.c.id)
            .limit(limit)
        )
        points = [dict(r._mapping) for r in conn.execute(query)]
        unplaced = int(
            conn.execute(
                select(func.count())
                .select_from(ev)
                .where(*conds, or_(ev.c.lat.is_(None), ev.c.lon.is_(None)))
            ).scalar_one()
        )
    return points, unplaced


# -------------------------------------------------------------------- facets


def facets(store: Store, origin: str = "extracted") -> dict[str, Any]:
    """The values the filters can take: countries, districts, perpetrators, types, origins."""
    base: list[ColumnElement[bool]] = [] if origin == ALL_ORIGINS else [ev.c.origin == origin]
    with store.reader() as conn:

        def distinct(*cols: Any) -> list[tuple[Any, ...]]:
            query = (
                select(*cols, func.count())
                .where(*base, *(c.is_not(None) for c in cols))
                .group_by(*cols)
                .order_by(*cols)
            )
            return [tuple(r) for r in conn.execute(query)]

        origins = [
            (r[0], int(r[1]))
            for r in conn.execute(
                select(ev.c.origin, func.count()).group_by(ev.c.origin).order_by(ev.c.origin)
            )
        ]
        return {
            "countries": [{"value": c, "count": int(n)} for c, n in distinct(ev.c.country)],
            "districts": [
                {"country": c, "value": d, "count": int(n)}
                for c, d, n in distinct(ev.c.country, ev.c.district)
            ],
            "perpetrators": [
                {"value": p, "count": int(n)} for p, n in distinct(ev.c.perpetrator)
            ],
            "types": [{"value": t, "count": int(n)} for t, n in distinct(ev.c.type)],
            "origins": [{"value": o, "count": n} for o, n in origins],
        }


# --------------------------------------------------------------------- stats


@dataclass(slots=True)
class Stats:
    strikes: int
    undated: int
    killed_min: int
    killed_max: int
    months: list[Month]
    pauses: list[Pause]
    min_gap: int
    by_country: list[dict[str, Any]] = field(default_factory=list)
    by_district: list[dict[str, Any]] = field(default_factory=list)
    by_perpetrator: list[dict[str, Any]] = field(default_factory=list)


_NOT_MONTHLY = ("year", "partial_day", "partial_month")


def stats(store: Store, flt: EventFilter, *, min_gap: int = DEFAULT_MIN_GAP) -> Stats:
    """Strikes and casualty ranges per month, district and perpetrator, and the pauses.

    The same arithmetic as ``strikewatch timeline``: a month's range is the sum
    of its strikes' minimums to the sum of their maximums (a maximum missing
    counts as the minimum); only strikes dated to the day bound a pause.
    """
    dialect = store.dialect.name
    conds = flt.conditions(dialect)
    low = func.coalesce(ev.c.killed_min, 0)
    high = func.coalesce(ev.c.killed_max, ev.c.killed_min, 0)
    monthly = and_(
        ev.c.date.is_not(None),
        or_(ev.c.date_precision.is_(None), ev.c.date_precision.not_in(_NOT_MONTHLY)),
    )
    if dialect == "sqlite":
        month_key: Any = func.strftime("%Y-%m", ev.c.date)
    else:
        month_key = func.to_char(ev.c.date, "YYYY-MM")
    open_ended = func.sum(case((and_(ev.c.killed_min.is_not(None), ev.c.killed_max.is_(None)), 1), else_=0))
    unknown = func.sum(case((and_(ev.c.killed_min.is_(None), ev.c.killed_max.is_(None)), 1), else_=0))
    with store.reader() as conn:
        month_rows = conn.execute(
            select(month_key, func.count(), func.sum(low), func.sum(high), open_ended, unknown)
            .where(*conds, monthly)
            .group_by(month_key)
            .order_by(month_key)
        ).all()
        total, total_low, total_high = conn.execute(
            select(func.count(), func.sum(low), func.sum(high)).where(*conds)
        ).one()
        exact = conn.execute(
            select(ev.c.date)
            .where(
                *conds,
                ev.c.date.is_not(None),
                or_(ev.c.date_precision.is_(None), ev.c.date_precision == "day"),
            )
            .distinct()
        ).scalars().all()

        def grouped(*cols: Any) -> list[dict[str, Any]]:
            query = (
                select(*cols, func.count(), func.sum(low), func.sum(high))
                .where(*conds)
                .group_by(*cols)
                .order_by(func.count().desc(), *cols)
            )
            out = []
            for r in conn.execute(query):
                row = {c.name: v for c, v in zip(cols, r, strict=False)}
                row.update(
                    strikes=int(r[len(cols)]),
                    killed_min=int(r[len(cols) + 1] or 0),
                    killed_max=int(r[len(cols) + 2] or 0),
                )
                out.append(row)
            return out

        by_country = grouped(ev.c.country)
        by_district = grouped(ev.c.country, ev.c.admin1, ev.c.district)
        by_perpetrator = grouped(ev.c.perpetrator)
    counted: dict[tuple[int, int], Month] = {}
    for key, n, lo, hi, op, unk in month_rows:
        if not key:
            continue
        year, month = (int(x) for x in str(key).split("-"))
        counted[(year, month)] = Month(year, month, int(n), int(lo or 0), int(hi or 0), int(op or 0), int(unk or 0))
    months: list[Month] = []
    if counted:
        (y, m), last = min(counted), max(counted)
        while (y, m) <= last:
            months.append(counted.get((y, m)) or Month(y, m))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    strikes = sum(mo.strikes for mo in months)
    days = [d if isinstance(d, dt.date) else dt.date.fromisoformat(str(d)) for d in exact]
    return Stats(
        strikes=strikes,
        undated=int(total) - strikes,
        killed_min=int(total_low or 0),
        killed_max=int(total_high or 0),
        months=months,
        pauses=pauses(days, min_gap),
        min_gap=min_gap,
        by_country=by_country,
        by_district=by_district,
        by_perpetrator=by_perpetrator,
    )


# ------------------------------------------------------------ one event, one document


def event_extras(store: Store, event_id: int) -> dict[str, Any]:
    """What ``store.event_detail`` leaves out: every claim, the evidence spans of
    every mention, the source documents, and the resolver's decision details."""
    with store.reader() as conn:
        claims = [
            dict(r._mapping)
            for r in conn.execute(
                select(*(c for c in cl.c if c.name != "claim"))
                .where(cl.c.event_id == event_id)
                .order_by(cl.c.id)
            )
        ]
        links = {
            int(r.mention_id): dict(r._mapping)
            for r in conn.execute(
                select(em.c.mention_id, em.c.details, em.c.resolver_version).where(
                    em.c.event_id == event_id
                )
            )
        }
        mention_ids = list(links)
        evidence: dict[int, list[dict[str, Any]]] = {}
        for i in range(0, len(mention_ids), 500):
            chunk = mention_ids[i : i + 500]
            for r in conn.execute(
                select(
                    evd.c.mention_id, evd.c.field, evd.c.char_start, evd.c.char_end,
                    evd.c.quote, evd.c.component,
                )
                .where(evd.c.mention_id.in_(chunk))
                .order_by(evd.c.mention_id, evd.c.char_start, evd.c.id)
            ):
                evidence.setdefault(int(r.mention_id), []).append(
                    {
                        "field": r.field,
                        "start": int(r.char_start),
                        "end": int(r.char_end),
                        "quote": r.quote,
                        "component": r.component,
                    }
                )
        documents = [
            dict(r._mapping)
            for r in conn.execute(
                select(
                    doc.c.id, doc.c.doc_id, doc.c.title, doc.c.url, doc.c.publisher,
                    doc.c.author, doc.c.published, doc.c.source_path, func.length(doc.c.text).label("length"),
                )
                .where(doc.c.id.in_(select(em.c.document_id).where(em.c.event_id == event_id)))
                .order_by(doc.c.published, doc.c.id)
            )
        ]
    return {"claims": claims, "links": links, "evidence": evidence, "documents": documents}


def document_texts(
    store: Store, document_ids: Iterable[int], limit: int
) -> dict[int, tuple[str, int]]:
    """The first ``limit`` characters of each document's text, and its full length."""
    ids = sorted(set(document_ids))
    out: dict[int, tuple[str, int]] = {}
    with store.reader() as conn:
        for i in range(0, len(ids), 500):
            query = select(
                doc.c.id, func.substr(doc.c.text, 1, limit), func.length(doc.c.text)
            ).where(doc.c.id.in_(ids[i : i + 500]))
            for r in conn.execute(query):
                out[int(r[0])] = (str(r[1] or ""), int(r[2] or 0))
    return out


def document(store: Store, document_id: int) -> dict[str, Any] | None:
    """A document, its text and every mention in it with its spans and event."""
    with store.reader() as conn:
        row = conn.execute(
            select(*(c for c in doc.c if c.name not in ("raw", "content_hash"))).where(
                doc.c.id == document_id
            )
        ).first()
        if row is None:
            return None
        out = dict(row._mapping)
        mentions = [
            dict(r._mapping)
            for r in conn.execute(
                select(
                    mn.c.id, mn.c.mention_index, mn.c.excluded, mn.c.type, mn.c.status,
                    mn.c.sentence, mn.c.sentence_start, mn.c.sentence_end, mn.c.date_value,
                    mn.c.killed_min, mn.c.killed_max, mn.c.district, mn.c.place,
                    mn.c.perpetrator, em.c.event_id,
                )
                .select_from(mn.outerjoin(em, em.c.mention_id == mn.c.id))
                .where(mn.c.document_id == document_id)
                .order_by(mn.c.mention_index)
            )
        ]
        spans: dict[int, list[dict[str, Any]]] = {}
        for r in conn.execute(
            select(
                evd.c.mention_id, evd.c.field, evd.c.char_start, evd.c.char_end, evd.c.quote,
                evd.c.component,
            )
            .where(evd.c.document_id == document_id)
            .order_by(evd.c.char_start, evd.c.id)
        ):
            spans.setdefault(int(r.mention_id), []).append(
                {
                    "field": r.field,
                    "start": int(r.char_start),
                    "end": int(r.char_end),
                    "quote": r.quote,
                    "component": r.component,
                }
            )
    for m in mentions:
        m["evidence"] = spans.get(int(m["id"]), [])
    out["mentions"] = mentions
    return out


def event_exists(store: Store, event_id: int) -> bool:
    with store.reader() as conn:
        return conn.execute(select(ev.c.id).where(ev.c.id == event_id)).first() is not None


# ------------------------------------------------------------------- indexes


def missing_indexes(conn: Connection) -> list[tuple[str, str, tuple[str, ...]]]:
    """Which of :data:`EXTRA_INDEXES` the database lacks (an index with the same
    leading columns, under any name, counts as present)."""
    have: dict[str, list[tuple[str, ...]]] = {}
    insp = inspect(conn)
    missing = []
    for name, tbl, cols in EXTRA_INDEXES:
        if tbl not in have:
            if not insp.has_table(tbl):
                have[tbl] = []
                continue
            have[tbl] = [
                tuple(str(c) for c in ix["column_names"]) for ix in insp.get_indexes(tbl)
            ]
            names = {c["name"] for c in insp.get_columns(tbl)}
            have[tbl + ":columns"] = [tuple(names)]
        columns = set(have.get(tbl + ":columns", [()])[0])
        if not set(cols) <= columns:
            continue
        if any(existing[: len(cols)] == cols for existing in have[tbl]):
            continue
        missing.append((name, tbl, cols))
    return missing


def ensure_indexes(store: Store) -> list[str]:
    """Create the missing :data:`EXTRA_INDEXES` (``CREATE INDEX IF NOT EXISTS``); their names.

    Migration 4 makes them in every database; this puts back any that a
    writable file lost (dropped by hand, say)."""
    with store.reader() as conn:
        todo = {name for name, _, _ in missing_indexes(conn)}
    if not todo:
        return []
    created = []
    with store.transaction() as conn:
        for index in schema.V4_INDEXES:
            if index.name in todo:
                index.create(conn, checkfirst=True)
                created.append(str(index.name))
        if store.dialect.name == "sqlite":
            conn.execute(text("ANALYZE events"))
            conn.execute(text("ANALYZE event_mentions"))
    return created


def jsonable(value: Any) -> Any:
    """Dates as ISO strings, recursively."""
    if isinstance(value, Mapping):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


__all__ += [
    "ALL_ORIGINS", "Stats", "TextHits", "document_texts", "encode_cursor", "event_exists",
    "jsonable", "match_text",
]  # fmt: skip
