"""The ``Store``: one small interface over SQLAlchemy Core for every stage that persists.

Opening a store creates the database on first use and migrates it. Writes
happen inside ``store.transaction()`` (one write transaction, ``BEGIN
IMMEDIATE`` on SQLite, the writers' advisory lock on PostgreSQL) and reads
inside ``store.reader()``; every statement
is a Core construct or ``text()`` with bound parameters. Engine-specific SQL
is asked of ``store.dialect`` and nothing else here knows which engine runs.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, create_engine, func, or_, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.sql.elements import ColumnElement

from strikewatch.errors import StoreError
from strikewatch.model import Document, Event, Mention, Rejection
from strikewatch.resolve.decision import Block
from strikewatch.store import schema
from strikewatch.store.dialect import Dialect, SearchHit, dialect_for
from strikewatch.store.migrations import current_version, latest_version, migrate

__all__ = ["DEFAULT_DB", "Store", "open_store", "utcnow"]

DEFAULT_DB = "strikes.db"

_SURROGATES = re.compile("[\ud800-\udfff]")

#: Event fields stored as columns of the same name.
EVENT_FIELDS: tuple[str, ...] = (
    "type", "origin", "source_ref", "country", "date", "date_precision", "date_earliest",
    "date_latest", "admin1", "district", "place", "lat", "lon", "geo_precision",
    "killed_min", "killed_max", "civilians_min", "civilians_max", "children_min",
    "children_max", "injured_min", "injured_max", "perpetrator", "groups", "named",
    "sources", "notes",
)  # fmt: skip

#: Mention fields stored as columns of the same name.
MENTION_FIELDS: tuple[str, ...] = (
    "type", "status", "aggregate", "date", "date_value", "date_precision", "date_text",
    "country", "admin1", "district", "place", "lat", "lon", "geo_precision", "killed_min",
    "killed_max", "civilians_min", "civilians_max", "children_min", "children_max",
    "injured_min", "injured_max", "missiles", "perpetrator", "groups", "named", "targets",
    "confidence", "sentence_ids",
)  # fmt: skip

#: The largest integer SQLite (and PostgreSQL's BIGINT) can hold.
_INT_LIMIT = 2**63 - 1


def utcnow() -> dt.datetime:
    """Now, in UTC, without tzinfo (SQLite has no time zones; every stamp is UTC)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def storable(value: str | None) -> str | None:
    """``value`` with lone surrogates replaced, which no database can encode.

    One code point for one, so character offsets into the text stay right.
    """
    if value is None:
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATES.sub("\ufffd", value)
    return value


def _int(value: int | None) -> int | None:
    """An integer a database column can hold: an absurd figure is clipped, not a crash."""
    if value is None:
        return None
    return max(-_INT_LIMIT, min(_INT_LIMIT, int(value)))


class Store:
    """A strikewatch database: documents, mentions, evidence, events, claims, rejections."""

    def __init__(self, engine: Engine, dialect: Dialect) -> None:
        self.engine = engine
        self.dialect = dialect
        # Built once: statements given their values at execute() time reuse
        # SQLAlchemy's compiled cache instead of building a new statement per row.
        self._insert_document = (
            dialect.insert(schema.documents)
            .on_conflict_do_nothing(index_elements=["content_hash"])
            .returning(schema.documents.c.id)
        )
        self._insert_mentions = schema.mentions.insert().returning(
            schema.mentions.c.id, sort_by_parameter_order=True
        )
        self._insert_event = schema.events.insert().returning(schema.events.c.id)
        self._update_event = schema.events.update().where(
            schema.events.c.id == bindparam("event_id_")
        )
        self._insert_link = schema.event_mentions.insert()
        self._block_queries: dict[tuple[bool, bool, bool], Any] = {}
        upsert = dialect.insert(schema.rejections)
        self._upsert_rejection = upsert.on_conflict_do_update(
            index_elements=["source", "code"],
            set_={
                "reason": upsert.excluded.reason,
                "last_seen": upsert.excluded.last_seen,
                "attempts": schema.rejections.c.attempts + 1,
            },
        )
        self._insert_claim = schema.claims.insert()

    @property
    def where(self) -> str:
        return self.dialect.where()

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions and errors -----------------------------------------
    @contextmanager
    def guard(self) -> Iterator[None]:
        """Turn a database failure into a ``StoreError`` that says what to do."""
        try:
            yield
        except StoreError:
            raise
        except (SQLAlchemyError, OSError) as exc:
            # A failed rollback can hide the failure that caused it ("no
            # such savepoint" after SQLITE_FULL): explain the first cause
            # the dialect understands.
            explained = next(
                (e for e in map(self.dialect.explain, _chain(exc)) if e is not None), None
            )
            if explained is None:
                detail = exc.orig if isinstance(exc, DBAPIError) else exc
                explained = StoreError(
                    f"the database {self.where} failed: {type(detail).__name__}: "
                    f"{' '.join(str(detail).split())[:200]}",
                    code="db_error",
                )
            raise explained from exc

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One write transaction: all of it is committed, or none of it."""
        with (
            self.guard(),
            self.engine.connect().execution_options(strikewatch_write=True) as conn,
            conn.begin(),
        ):
            yield conn

    @contextmanager
    def reader(self) -> Iterator[Connection]:
        """A read-only snapshot."""
        with self.guard(), self.engine.connect() as conn, conn.begin():
            yield conn

    # -- documents --------------------------------------------------------
    def known_hashes(self, conn: Connection, hashes: Iterable[str]) -> set[str]:
        """Which of ``hashes`` are already stored."""
        wanted = list(set(hashes))
        found: set[str] = set()
        col = schema.documents.c.content_hash
        for i in range(0, len(wanted), 500):  # stay under SQLite's bound-parameter limit
            chunk = wanted[i : i + 500]
            found.update(conn.execute(select(col).where(col.in_(chunk))).scalars())
        return found

    def add_document(
        self,
        conn: Connection,
        doc: Document,
        *,
        extractor_version: str,
        extract_error: str | None = None,
        content_hash: str | None = None,
    ) -> int | None:
        """Store a document; ``None`` if one with the same text is already there."""
        text = storable(doc.text) or ""
        raw = None if doc.raw is None or doc.raw == doc.text else storable(doc.raw)
        params = {
            "doc_id": storable(doc.doc_id) or "",
            "content_hash": content_hash or doc.content_hash,
            "url": storable(doc.url),
            "title": storable(doc.title),
            "author": storable(doc.author),
            "publisher": storable(doc.publisher),
            "published": doc.published,
            "published_source": doc.published_source,
            "source_path": storable(doc.source_path),
            "format": doc.source_format,
            "text": text,
            "raw": raw,
            "warnings": [storable(w) for w in doc.warnings],
            "ingested_at": utcnow(),
            "extractor_version": extractor_version,
            "extract_error": storable(extract_error),
        }
        row = conn.execute(self._insert_document, params).first()
        return None if row is None else int(row[0])

    def add_mentions(
        self,
        conn: Connection,
        document_id: int,
        mentions: Sequence[Mention],
        *,
        excluded: Sequence[Mention] = (),
        extractor_version: str,
    ) -> list[int]:
        """Store reported then excluded mentions with their evidence; their ids, in order."""
        rows: list[dict[str, Any]] = []
        every = [(m, False) for m in mentions] + [(m, True) for m in excluded]
        for index, (m, is_excluded) in enumerate(every):
            row: dict[str, Any] = {name: getattr(m, name) for name in MENTION_FIELDS}
            for name in (
                "killed_min", "killed_max", "civilians_min", "civilians_max", "children_min",
                "children_max", "injured_min", "injured_max", "missiles",
            ):  # fmt: skip
                row[name] = _int(row[name])
            for name in ("groups", "named", "targets"):
                row[name] = [storable(v) for v in row[name]]
            for name in ("date_text", "place", "district", "admin1", "perpetrator"):
                row[name] = storable(row[name])
            row.update(
                document_id=document_id,
                mention_index=index,
                excluded=is_excluded,
                sentence=storable(m.sentence.text) or "",
                sentence_start=m.sentence.start,
                sentence_end=m.sentence.end,
                extractor_version=extractor_version,
            )
            rows.append(row)
        if not rows:
            return []
        ids = [int(r[0]) for r in conn.execute(self._insert_mentions, rows)]
        spans: list[dict[str, Any]] = []
        for mention_id, (m, _) in zip(ids, every, strict=True):
            for ev in m.evidence:
                for span in ev.spans:
                    spans.append(
                        {
                            "mention_id": mention_id,
                            "document_id": document_id,
                            "field": ev.field,
                            "char_start": span.start,
                            "char_end": span.end,
                            "quote": storable(span.text) or "",
                            "component": ev.component,
                        }
                    )
        if spans:
            conn.execute(schema.evidence.insert(), spans)
        return ids

    def add_rejection(self, conn: Connection, rejection: Rejection) -> None:
        """Record a source that could not be read; seeing it again counts an attempt."""
        now = utcnow()
        params = {
            "source": storable(rejection.source) or "",
            "code": rejection.code,
            "reason": storable(rejection.reason) or "",
            "first_seen": now,
            "last_seen": now,
            "attempts": 1,
        }
        conn.execute(self._upsert_rejection, params)

    # -- events -----------------------------------------------------------
    def block_events(self, conn: Connection, blocks: Iterable[Block]) -> dict[int, int]:
        """The blocking query: candidate events for a document's claims, with their claim counts.

        An event is a candidate when one of its claims is of the block's
        country (or of none, or the block has none) and is anchored in the
        block's date window or gives the block's partial date. The resolver checks
        each candidate again (``Block.admits``), so this may be generous.
        """
        found: dict[int, int] = {}
        for block in blocks:
            window = block.first is not None and block.last is not None
            params: dict[str, Any] = {"country": block.country}
            if window:
                params.update(first=block.first, last=block.last)
            if block.partial is not None:
                params["partial"] = block.partial
            if not window and block.partial is None:
                continue
            stmt = self._block_query(window, block.partial is not None, block.country is not None)
            for event_id, count in conn.execute(stmt, params):
                found[int(event_id)] = int(count)
        return found

    def _block_query(self, window: bool, partial: bool, country: bool) -> Any:
        """The blocking statement for one shape of block, built once and reused."""
        key = (window, partial, country)
        stmt = self._block_queries.get(key)
        if stmt is not None:
            return stmt
        ev, cl = schema.events, schema.claims
        dates: list[ColumnElement[bool]] = []
        if window:
            dates.append(cl.c.anchor.between(bindparam("first"), bindparam("last")))
        if partial:
            dates.append(cl.c.partial_date == bindparam("partial"))
        stmt = (
            select(ev.c.id, ev.c.mention_count)
            .select_from(ev.join(cl, cl.c.event_id == ev.c.id))
            .where(or_(*dates), ev.c.origin == "extracted")
            .distinct()
        )
        if country:
            # as resolve.MemoryIndex files events: under each claim's country
            stmt = stmt.where(or_(cl.c.country == bindparam("country"), cl.c.country.is_(None)))
        self._block_queries[key] = stmt
        return stmt

    def event_claims(
        self, conn: Connection, event_ids: Iterable[int]
    ) -> dict[int, list[tuple[str, str | None, dict[str, Any]]]]:
        """Each event's claims, in the order they joined: ``(key, source label, claim JSON)``."""
        cl = schema.claims
        out: dict[int, list[tuple[str, str | None, dict[str, Any]]]] = {}
        ids = sorted(set(event_ids))
        for i in range(0, len(ids), 500):
            query = (
                select(cl.c.event_id, cl.c.key, cl.c.source, cl.c.claim)
                .where(cl.c.event_id.in_(ids[i : i + 500]))
                .order_by(cl.c.event_id, cl.c.id)
            )
            for event_id, key, source, claim in conn.execute(query):
                out.setdefault(int(event_id), []).append((str(key), source, dict(claim)))
        return out

    def create_event(self, conn: Connection, event: Event, *, mention_count: int) -> int:
        now = utcnow()
        values = event_row(event)
        values.update(mention_count=mention_count, created_at=now, updated_at=now)
        return int(conn.execute(self._insert_event, values).scalar_one())

    def update_event(
        self, conn: Connection, event_id: int, event: Event, *, mention_count: int
    ) -> None:
        values = event_row(event)
        values.update(mention_count=mention_count, updated_at=utcnow(), event_id_=event_id)
        conn.execute(self._update_event, values)

    def link(self, conn: Connection, values: Mapping[str, Any]) -> None:
        """Record why a mention is in an event (an ``event_mentions`` row)."""
        row = dict(values)
        row["reasons"] = [storable(r) for r in row.get("reasons", [])]
        row.setdefault("linked_at", utcnow())
        conn.execute(self._insert_link, row)

    def add_claim(self, conn: Connection, values: Mapping[str, Any]) -> None:
        row = dict(values)
        for name in (
            "killed_min",
            "killed_max",
            "civilians_min",
            "civilians_max",
            "children_min",
            "children_max",
            "injured_min",
            "injured_max",
        ):
            if name in row:
                row[name] = _int(row[name])
        conn.execute(self._insert_claim, row)

    def load_state(self, conn: Connection, name: str) -> dict[str, Any] | None:
        """A named piece of learned state (``resolver_state``), or ``None``."""
        table = schema.resolver_state
        value = conn.execute(select(table.c.state).where(table.c.name == name)).scalar()
        return dict(value) if value is not None else None

    def save_state(self, conn: Connection, name: str, state: Mapping[str, Any]) -> None:
        stmt = self.dialect.insert(schema.resolver_state).values(
            name=name, state=dict(state), updated_at=utcnow()
        )
        stmt = stmt.on_conflict_do_update(
            index_elements=["name"],
            set_={"state": stmt.excluded.state, "updated_at": stmt.excluded.updated_at},
        )
        conn.execute(stmt)

    # -- reading ----------------------------------------------------------
    def counts(self) -> dict[str, int]:
        """Rows per table."""
        out: dict[str, int] = {}
        with self.reader() as conn:
            for table in schema.V1_TABLES:
                out[table.name] = int(
                    conn.execute(select(func.count()).select_from(table)).scalar_one()
                )
        return out

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Documents matching ``query`` (full-text, best first)."""
        with self.reader() as conn:
            return self.dialect.search(conn, query, limit)

    def rejections(self, limit: int | None = None) -> list[dict[str, Any]]:
        table = schema.rejections
        query = select(table).order_by(table.c.id)
        if limit is not None:
            query = query.limit(limit)
        with self.reader() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """``exc`` and the exceptions it was raised from or during, innermost last."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def event_row(event: Event) -> dict[str, Any]:
    row: dict[str, Any] = {name: getattr(event, name) for name in EVENT_FIELDS}
    for name in (
        "killed_min", "killed_max", "civilians_min", "civilians_max", "children_min",
        "children_max", "injured_min", "injured_max",
    ):  # fmt: skip
        row[name] = _int(row[name])
    for name in ("groups", "named", "sources"):
        row[name] = [storable(v) for v in row[name]]
    return row


def event_from_row(row: Mapping[str, Any]) -> Event:
    values = {name: row[name] for name in EVENT_FIELDS}
    for name in ("groups", "named", "sources"):
        values[name] = list(values[name] or [])
    return Event(event_id=str(row["id"]), **values)


def open_store(
    db: str | Path = DEFAULT_DB,
    *,
    busy_timeout: float = 10.0,
    max_pages: int | None = None,
    write: bool = True,
) -> Store:
    """Open (and on first use create) the database at ``db``: a path or a database url.

    With ``write`` the schema is migrated to the latest version; without it
    the database must exist and nothing in it or beside it is changed, so a
    read-only file can be read. ``max_pages`` caps an SQLite file's size in
    pages (what a full disk looks like, for tests). Raises ``StoreError``
    with a message that says what to do.
    """
    dialect = dialect_for(db, busy_timeout=busy_timeout, max_pages=max_pages, read_only=not write)
    if write:
        dialect.check_location()
        return _connect(dialect, migrate_to_latest=True)
    if dialect.name == "sqlite" and dialect.where() != ":memory:":
        path = Path(dialect.where())
        if not path.is_file():
            raise StoreError(
                f"no database at {path}; run `strikewatch ingest PATH --db {path}` first "
                "or pass --db with an existing file",
                code="db_missing",
            )
    try:
        return _connect(dialect, migrate_to_latest=False)
    except StoreError as exc:
        fallback = dialect.read_fallback()
        if fallback is None or exc.code not in ("db_readonly", "db_unopenable"):
            raise
        return _connect(fallback, migrate_to_latest=False)


def _connect(dialect: Dialect, *, migrate_to_latest: bool) -> Store:
    dialect.check_runtime()
    try:
        engine = create_engine(dialect.engine_url(), **dialect.engine_kwargs())
    except ModuleNotFoundError as exc:
        raise StoreError(
            f"the driver for {dialect.name} is not installed ({exc.name}); "
            "install it (for PostgreSQL: pip install 'strikewatch[postgres]')",
            code="db_driver",
        ) from exc
    dialect.configure(engine)
    store = Store(engine, dialect)
    try:
        with store.guard():
            if migrate_to_latest:
                migrate(engine, dialect)
            else:
                with engine.connect() as conn, conn.begin():
                    have = current_version(conn)
                if have != latest_version():
                    raise StoreError(
                        f"{dialect.where()} has schema version {have}, this strikewatch reads "
                        f"version {latest_version()}; run `strikewatch ingest` on it once "
                        "(with write access) to upgrade it, or upgrade strikewatch",
                        code="db_version",
                    )
    except BaseException:
        engine.dispose()
        raise
    return store
