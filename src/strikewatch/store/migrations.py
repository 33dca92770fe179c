"""Schema migrations: ordered functions, each run once, recorded in ``schema_migrations``.

Like sqlite-utils' ``Migrations``: a database file made by an older
strikewatch is brought up to date when it is opened, one migration per
transaction, so an interrupted upgrade resumes where it stopped. A
migration is never edited once released; a change is a new migration at the
end of ``MIGRATIONS``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import inspect, select, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.schema import CreateTable

from strikewatch.errors import StoreError
from strikewatch.store import schema
from strikewatch.store.dialect import Dialect

__all__ = ["MIGRATIONS", "Migration", "current_version", "latest_version", "migrate"]


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    run: Callable[[Connection, Dialect], None]


def _m1_core_tables(conn: Connection, dialect: Dialect) -> None:
    """Documents, mentions, evidence, events, their links and claims, rejections."""
    # The tables and their version-1 indexes only: indexes added to a table by a
    # later migration are that migration's to create.
    first = {ix.name for ix in schema.V1_INDEXES}
    existing = set(inspect(conn).get_table_names())
    for table in schema.V1_TABLES:  # in dependency order
        if table.name in existing:
            continue
        conn.execute(CreateTable(table))
        for index in sorted(table.indexes, key=lambda ix: str(ix.name)):
            if index.name in first:
                index.create(conn)


def _m2_full_text(conn: Connection, dialect: Dialect) -> None:
    """Full-text search over document text and mention sentences (filled from existing rows)."""
    dialect.create_full_text(conn)


def _m3_resolver_state(conn: Connection, dialect: Dialect) -> None:
    """What the resolver learns as it goes (the report delay), kept with the events."""
    schema.metadata.create_all(conn, tables=list(schema.V3_TABLES))


def _m4_query_indexes(conn: Connection, dialect: Dialect) -> None:
    """The indexes the API's filters, sorts and counts read (``schema.V4_INDEXES``)."""
    for name in schema.SUPERSEDED_INDEXES:  # added by `strikewatch serve` before this
        conn.execute(text(f"DROP INDEX IF EXISTS {name}"))
    for index in schema.V4_INDEXES:
        index.create(conn, checkfirst=True)
    if dialect.name == "sqlite":
        # A file someone ran ANALYZE on keeps statistics for every index of
        # these tables; statistics for some indexes only would mislead the planner.
        analysed = conn.execute(
            text("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'")
        ).scalar_one()
        if analysed:
            conn.execute(text("ANALYZE events"))
            conn.execute(text("ANALYZE event_mentions"))


#: Every migration, in the order they run. Append only.
MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "core tables", _m1_core_tables),
    Migration(2, "full-text search", _m2_full_text),
    Migration(3, "resolver state", _m3_resolver_state),
    Migration(4, "query indexes", _m4_query_indexes),
)


def latest_version() -> int:
    return MIGRATIONS[-1].version


def current_version(conn: Connection) -> int:
    """The highest migration applied to the database (0 for a new file)."""
    if not inspect(conn).has_table(schema.schema_migrations.name):
        return 0
    versions = conn.execute(select(schema.schema_migrations.c.version)).scalars().all()
    return max(versions, default=0)


def migrate(engine: Engine, dialect: Dialect, *, target: int | None = None) -> list[int]:
    """Apply the missing migrations up to ``target`` (default: all); return those applied."""
    target = latest_version() if target is None else target
    with engine.connect() as conn, conn.begin():
        have = current_version(conn)
    _check_not_newer(have, dialect)
    if have >= target:
        return []  # up to date: no write lock taken, so reading a busy file works
    applied: list[int] = []
    for migration in MIGRATIONS:
        if migration.version > target:
            break
        with engine.connect().execution_options(strikewatch_write=True) as conn, conn.begin():
            # Check again inside the write lock: two processes opening a new
            # file at once must not both run migration 1.
            schema.schema_migrations.create(conn, checkfirst=True)
            have = current_version(conn)
            _check_not_newer(have, dialect)
            if migration.version <= have:
                continue
            migration.run(conn, dialect)
            conn.execute(
                schema.schema_migrations.insert().values(
                    version=migration.version,
                    name=migration.name,
                    applied_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
                )
            )
            applied.append(migration.version)
    return applied


def _check_not_newer(have: int, dialect: Dialect) -> None:
    if have > latest_version():
        raise StoreError(
            f"the database {dialect.where()} has schema version {have}, newer than "
            f"this strikewatch knows ({latest_version()}); upgrade strikewatch",
            code="db_too_new",
        )
