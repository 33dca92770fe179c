"""Everything that differs between database engines, in one place.

The rest of ``strikewatch.store`` speaks SQLAlchemy Core and asks the
dialect for what Core cannot say portably: how to configure a connection
(SQLite pragmas), how to write "insert, or do nothing if it exists", how to
build and query full-text search, and what an engine's error means for the
user. As in splink's ``Dialect`` classes, adding PostgreSQL means filling in
one class here, not touching ingest, extract or resolve.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Table, event, make_url, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import ArgumentError, DBAPIError

from strikewatch.errors import StoreError

__all__ = ["Dialect", "PostgresDialect", "SQLiteDialect", "SearchHit", "dialect_for", "shown"]


def shown(db: str) -> str:
    """``db`` as a message may print it: a database url loses its password."""
    if "://" not in db:
        return db
    try:
        return make_url(db).render_as_string(hide_password=True)
    except ArgumentError:  # not a url after all: a file name with "://" in it
        return db


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One full-text match: the document, and a snippet around the words."""

    document_id: int
    title: str | None
    snippet: str


class Dialect:
    """The engine-specific part of the store."""

    name = "generic"

    def __init__(self, url: str, *, busy_timeout: float = 10.0, read_only: bool = False) -> None:
        self.url = url
        self.busy_timeout = busy_timeout
        #: opened only to read: no migrations, no file settings changed
        self.read_only = read_only

    # -- connecting -------------------------------------------------------
    def where(self) -> str:
        """The database as a person would name it in a message: never with a password."""
        return shown(self.url)

    def engine_url(self) -> str:
        """The url ``create_engine`` is given."""
        return self.url

    def read_fallback(self) -> Dialect | None:
        """Another way to open the database for reading when the usual one is refused."""
        return None

    def check_location(self) -> None:
        """Fail early, with a clear message, when the database cannot be opened."""

    def check_runtime(self) -> None:
        """Fail early when the engine lacks a feature the store needs."""

    def engine_kwargs(self) -> dict[str, Any]:
        return {}

    def configure(self, engine: Engine) -> None:
        """Install per-connection settings on a new engine."""

    # -- SQL that differs -------------------------------------------------
    def insert(self, table: Table) -> Any:
        """An INSERT that supports ``on_conflict_do_nothing`` / ``on_conflict_do_update``.

        Typed ``Any``: SQLite's and PostgreSQL's ``Insert`` classes share
        these methods but no base class that declares them.
        """
        raise NotImplementedError

    def create_full_text(self, conn: Connection) -> None:
        """Create full-text search over document text and mention sentences."""
        raise NotImplementedError

    def search(self, conn: Connection, query: str, limit: int) -> list[SearchHit]:
        """Documents whose title or text match ``query``, best first."""
        raise NotImplementedError

    def search_mentions(self, conn: Connection, query: str, limit: int) -> list[int]:
        """Ids of mentions whose sentence matches ``query``, best first."""
        raise NotImplementedError

    # -- errors -----------------------------------------------------------
    def explain(self, exc: BaseException) -> StoreError | None:
        """A ``StoreError`` saying what went wrong and what to do, or ``None``
        if ``exc`` is not a database-level failure (a bad value in one row)."""
        return None


_SQLITE_PREFIX = re.compile(r"^sqlite(\+pysqlite)?:///")
#: primary result codes (https://sqlite.org/rescode.html)
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 3, 5, 6, 8
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN = 10, 11, 13, 14
_SQLITE_NOTADB = 26


class SQLiteDialect(Dialect):
    """One file, WAL mode, a busy timeout; FTS5 kept in sync by triggers."""

    name = "sqlite"

    def __init__(
        self,
        url: str,
        *,
        busy_timeout: float = 10.0,
        max_pages: int | None = None,
        read_only: bool = False,
        immutable: bool = False,
    ) -> None:
        super().__init__(url, busy_timeout=busy_timeout, read_only=read_only)
        self.path = Path(_SQLITE_PREFIX.sub("", url)) if url != "sqlite://" else None
        self.max_pages = max_pages
        self.immutable = immutable

    def where(self) -> str:
        return str(self.path) if self.path is not None else ":memory:"

    def engine_url(self) -> str:
        if not self.read_only or self.path is None:
            return self.url
        # mode=ro: SQLite itself refuses every write on this connection
        flags = "mode=ro&immutable=1" if self.immutable else "mode=ro"
        return f"sqlite:///file:{quote(str(self.path))}?{flags}&uri=true"

    def read_fallback(self) -> Dialect | None:
        # A WAL file in a folder we may not write to cannot get its shared
        # memory file; read it as immutable (a snapshot) instead of failing.
        if not self.read_only or self.immutable or self.path is None:
            return None
        return SQLiteDialect(
            self.url, busy_timeout=self.busy_timeout, read_only=True, immutable=True
        )

    def check_runtime(self) -> None:
        # RETURNING (3.35), FTS5 and NULLS LAST (3.30) are used throughout.
        if sqlite3.sqlite_version_info < (3, 35, 0):
            raise StoreError(
                f"SQLite {sqlite3.sqlite_version} is too old (3.35 or newer is needed); "
                "use a Python built with a newer SQLite",
                code="db_engine",
            )

    def check_location(self) -> None:
        path = self.path
        if path is None:
            return
        if path.exists():
            if path.is_dir():
                raise StoreError(
                    f"{path} is a folder; pass --db with a file name such as {path / 'strikes.db'}",
                    code="db_unopenable",
                )
            if not os.access(path, os.R_OK):
                raise StoreError(
                    f"cannot read {path}: permission denied; fix its permissions "
                    "or pass --db with another file",
                    code="db_unopenable",
                )
            if not os.access(path, os.W_OK):
                raise self._readonly()
            return
        folder = path.parent if str(path.parent) else Path(".")
        if not folder.is_dir():
            raise StoreError(
                f"cannot create {path}: the folder {folder} does not exist; create it "
                "or pass --db with a path in an existing folder",
                code="db_unopenable",
            )
        if not os.access(folder, os.W_OK | os.X_OK):
            raise self._readonly()

    def engine_kwargs(self) -> dict[str, Any]:
        # The store opens its own transactions (BEGIN IMMEDIATE for writes),
        # so the driver's implicit BEGIN is turned off in configure().
        return {"connect_args": {"timeout": self.busy_timeout, "check_same_thread": False}}

    def configure(self, engine: Engine) -> None:
        busy_ms = int(self.busy_timeout * 1000)
        max_pages = self.max_pages
        read_only = self.read_only

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
            cur = dbapi_conn.cursor()
            try:
                # PRAGMAs take no bound parameters; the values are ints we made.
                cur.execute(f"PRAGMA busy_timeout = {busy_ms:d}")
                cur.execute("PRAGMA foreign_keys = ON")
                if read_only:
                    return
                mode = cur.execute("PRAGMA journal_mode").fetchone()[0]
                if str(mode).lower() != "wal":
                    cur.execute("PRAGMA journal_mode = WAL")
                # In WAL mode NORMAL is safe against a killed process (only
                # a power cut can lose the last commits) and much faster.
                cur.execute("PRAGMA synchronous = NORMAL")
                if max_pages is not None:
                    cur.execute(f"PRAGMA max_page_count = {int(max_pages):d}")
            finally:
                cur.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            # IMMEDIATE takes the write lock up front: a writer waits for
            # another writer (busy timeout) instead of failing half-way
            # through a batch when a read lock cannot be upgraded.
            write = conn.get_execution_options().get("strikewatch_write", False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    def insert(self, table: Table) -> Any:
        from sqlalchemy.dialects.sqlite import insert

        return insert(table)

    def create_full_text(self, conn: Connection) -> None:
        # External-content FTS5 tables: the text is stored once (in
        # documents/mentions) and the index follows it through triggers.
        # Datasette and sqlite-utils find them through content=[documents].
        for stmt in _SQLITE_FTS:
            conn.exec_driver_sql(stmt)
        conn.exec_driver_sql("INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')")
        conn.exec_driver_sql("INSERT INTO mentions_fts(mentions_fts) VALUES ('rebuild')")

    def search(self, conn: Connection, query: str, limit: int) -> list[SearchHit]:
        rows = conn.execute(
            text(
                "SELECT d.id, d.title, snippet(documents_fts, 1, '[', ']', '…', 12) "
                "FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid "
                "WHERE documents_fts MATCH :q ORDER BY rank LIMIT :limit"
            ),
            {"q": fts_query(query), "limit": limit},
        )
        return [SearchHit(int(r[0]), r[1], str(r[2])) for r in rows]

    def search_mentions(self, conn: Connection, query: str, limit: int) -> list[int]:
        rows = conn.execute(
            text(
                "SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH :q "
                "ORDER BY rank LIMIT :limit"
            ),
            {"q": fts_query(query), "limit": limit},
        )
        return [int(r[0]) for r in rows]

    def _readonly(self) -> StoreError:
        return StoreError(
            f"cannot write to {self.where()}: the file or its folder is read-only; "
            "fix the permissions or pass --db with a path you can write to",
            code="db_readonly",
        )

    def explain(self, exc: BaseException) -> StoreError | None:
        orig = exc.orig if isinstance(exc, DBAPIError) else exc
        if not isinstance(orig, sqlite3.Error):
            return None
        code = getattr(orig, "sqlite_errorcode", None)
        primary = code & 0xFF if isinstance(code, int) else None
        message = str(orig).lower()
        where = self.where()
        if primary in (_SQLITE_BUSY, _SQLITE_LOCKED) or "locked" in message:
            return StoreError(
                f"the database {where} is locked by another process (waited "
                f"{self.busy_timeout:g} s); wait for it to finish, or raise --busy-timeout, "
                "then re-run",
                code="db_locked",
            )
        if primary == _SQLITE_READONLY or "readonly" in message or "read-only" in message:
            return self._readonly()
        if primary == _SQLITE_FULL or "full" in message:
            return StoreError(
                f"no space left for {where}: the disk is full or the database reached its "
                "size limit; free some space and re-run (documents committed so far are kept)",
                code="db_full",
            )
        if primary in (_SQLITE_CANTOPEN, _SQLITE_PERM) or "unable to open" in message:
            return StoreError(
                f"cannot open {where}: check that its folder exists and that you may write "
                "there, or pass --db with another path",
                code="db_unopenable",
            )
        if primary in (_SQLITE_NOTADB, _SQLITE_CORRUPT) or "not a database" in message:
            return StoreError(
                f"{where} is not a strikewatch database or is damaged; pass --db with "
                "another file (or restore it from a backup)",
                code="db_corrupt",
            )
        if primary == _SQLITE_IOERR or "disk i/o" in message:
            return StoreError(
                f"the disk holding {where} failed to read or write ({orig}); check the disk "
                "and re-run",
                code="db_io",
            )
        return None


_SQLITE_FTS = (
    "CREATE VIRTUAL TABLE documents_fts USING fts5("
    "title, text, content=[documents], content_rowid=id, "
    "tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN "
    "INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    "CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN "
    "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
    "VALUES ('delete', old.id, old.title, old.text); END",
    "CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN "
    "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
    "VALUES ('delete', old.id, old.title, old.text); "
    "INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    "CREATE VIRTUAL TABLE mentions_fts USING fts5("
    "sentence, content=[mentions], content_rowid=id, "
    "tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER mentions_fts_insert AFTER INSERT ON mentions BEGIN "
    "INSERT INTO mentions_fts(rowid, sentence) VALUES (new.id, new.sentence); END",
    "CREATE TRIGGER mentions_fts_delete AFTER DELETE ON mentions BEGIN "
    "INSERT INTO mentions_fts(mentions_fts, rowid, sentence) "
    "VALUES ('delete', old.id, old.sentence); END",
    "CREATE TRIGGER mentions_fts_update AFTER UPDATE OF sentence ON mentions BEGIN "
    "INSERT INTO mentions_fts(mentions_fts, rowid, sentence) "
    "VALUES ('delete', old.id, old.sentence); "
    "INSERT INTO mentions_fts(rowid, sentence) VALUES (new.id, new.sentence); END",
)

_WORD_RE = re.compile(r"\w+", re.UNICODE)


def fts_query(query: str) -> str:
    """A user's words as an FTS5 query that cannot be a syntax error.

    Each word is quoted, so ``"drone" AND "Miranshah"`` style operators and
    stray punctuation in a search box never reach the FTS parser as syntax.
    """
    words = _WORD_RE.findall(query)
    return " ".join(f'"{w}"' for w in words) if words else '""'


class PostgresDialect(Dialect):
    """PostgreSQL for a team: same tables, ``tsvector`` indexes for search.

    Writers are serialised as on SQLite: every write transaction first takes
    one transaction-level advisory lock, waiting at most ``busy_timeout``
    (``lock_timeout``), so two ingests never resolve against each other's
    uncommitted events. Readers see one snapshot (``REPEATABLE READ``). Tested
    against a real server (``tests/test_store_postgres.py``).
    """

    name = "postgresql"

    def configure(self, engine: Engine) -> None:
        timeout = f"{int(self.busy_timeout * 1000):d}ms"

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            try:
                # session-wide; committed, or the pool's first rollback undoes it
                cur.execute("SELECT set_config('lock_timeout', %s, false)", (timeout,))
            finally:
                cur.close()
            dbapi_conn.commit()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            if conn.get_execution_options().get("strikewatch_write", False):
                # one writer at a time (SQLite's BEGIN IMMEDIATE), released at commit
                conn.exec_driver_sql(
                    "SELECT pg_advisory_xact_lock(%(key)s)", {"key": _PG_WRITER_LOCK}
                )
            else:
                conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")

    def insert(self, table: Table) -> Any:
        from sqlalchemy.dialects.postgresql import insert

        return insert(table)

    def create_full_text(self, conn: Connection) -> None:
        # Expression indexes: search() and search_mentions() (and the API's
        # text filter) repeat these expressions exactly, so the index is used.
        for name, table, vector in (
            ("ix_documents_fts", "documents", _PG_DOCUMENT_VECTOR),
            ("ix_mentions_fts", "mentions", _PG_MENTION_VECTOR),
        ):
            conn.exec_driver_sql(f"CREATE INDEX {name} ON {table} USING gin ({vector})")

    def search(self, conn: Connection, query: str, limit: int) -> list[SearchHit]:
        rows = conn.execute(
            text(
                "SELECT id, title, ts_headline('english', text, q, "
                "'StartSel=[, StopSel=], MaxWords=12, MinWords=4') FROM documents, "
                "plainto_tsquery('english', :q) q "
                f"WHERE {_PG_DOCUMENT_VECTOR} @@ q "
                f"ORDER BY ts_rank({_PG_DOCUMENT_VECTOR}, q) DESC, id LIMIT :limit"
            ),
            {"q": query, "limit": limit},
        )
        return [SearchHit(int(r[0]), r[1], str(r[2])) for r in rows]

    def search_mentions(self, conn: Connection, query: str, limit: int) -> list[int]:
        rows = conn.execute(
            text(
                "SELECT id FROM mentions, plainto_tsquery('english', :q) q "
                f"WHERE {_PG_MENTION_VECTOR} @@ q "
                f"ORDER BY ts_rank({_PG_MENTION_VECTOR}, q) DESC, id LIMIT :limit"
            ),
            {"q": query, "limit": limit},
        )
        return [int(r[0]) for r in rows]

    def explain(self, exc: BaseException) -> StoreError | None:
        orig = exc.orig if isinstance(exc, DBAPIError) else exc
        sqlstate = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
        where = self.where()
        if not isinstance(sqlstate, str):
            if type(orig).__name__ == "OperationalError" and type(orig).__module__.startswith(
                "psycopg"
            ):  # refused, unknown host, no such database: connecting has no SQLSTATE
                if _PG_NO_DATABASE.search(str(orig)):
                    return self._no_database()
                return StoreError(
                    f"cannot connect to {where} ({_first_line(orig)}); check that the "
                    "server runs and the url (host, port, user, database)",
                    code="db_unopenable",
                )
            return None
        if sqlstate in ("55P03", "40P01"):
            return StoreError(
                f"the database {where} is locked by another session (waited "
                f"{self.busy_timeout:g} s); wait for it to finish, or raise --busy-timeout, "
                "then re-run",
                code="db_locked",
            )
        if sqlstate == "25006" or sqlstate == "42501":
            return StoreError(
                f"cannot write to {where}: read-only or permission denied; "
                "connect as a user who may write",
                code="db_readonly",
            )
        if sqlstate.startswith("53"):
            return StoreError(
                f"the server of {where} is out of disk or memory; free some "
                "and re-run (documents committed so far are kept)",
                code="db_full",
            )
        if sqlstate == "3D000":
            return self._no_database()
        if sqlstate.startswith(("08", "28", "57P")):
            return StoreError(
                f"cannot connect to {where} ({_first_line(orig)}); check the server and "
                "the url",
                code="db_unopenable",
            )
        return None

    def _no_database(self) -> StoreError:
        return StoreError(
            f"the database {self.where()} does not exist; create it (createdb NAME) "
            "or pass --db with another url",
            code="db_missing",
        )


#: the server's refusal of a connection to a database it does not have
_PG_NO_DATABASE = re.compile(r'database "[^"]*" does not exist')
#: the key of the advisory lock every PostgreSQL write transaction holds ("strikewa")
_PG_WRITER_LOCK = int.from_bytes(b"strikewa", "big", signed=True)
#: the expressions the full-text indexes are built on, repeated by every query
_PG_DOCUMENT_VECTOR = "to_tsvector('english', coalesce(title, '') || ' ' || text)"
_PG_MENTION_VECTOR = "to_tsvector('english', sentence)"


def _first_line(exc: object) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def dialect_for(
    db: str | Path,
    *,
    busy_timeout: float = 10.0,
    max_pages: int | None = None,
    read_only: bool = False,
) -> Dialect:
    """The dialect for ``--db``: a file path (SQLite) or an SQLAlchemy url."""
    value = str(db)
    if value.startswith(("postgresql:", "postgresql+", "postgres:")):
        # no driver named: psycopg 3 (the ``postgres`` extra), not SQLAlchemy
        # 2.0's default psycopg2
        url = re.sub(r"^postgres(ql)?://", "postgresql+psycopg://", value)
        try:
            make_url(url)
        except (ArgumentError, ValueError) as exc:
            raise StoreError(
                f"cannot read the database url ({exc}); write it as "
                "postgresql://user@host:port/name",
                code="db_url",
            ) from exc
        return PostgresDialect(url, busy_timeout=busy_timeout, read_only=read_only)
    if "://" in value and not value.startswith("sqlite:"):
        raise StoreError(
            f"unsupported database url {value!r}; use a file path (SQLite) "
            "or postgresql://user@host/name",
            code="db_url",
        )
    url = value if value.startswith("sqlite:") else "sqlite:///" + str(Path(value))
    return SQLiteDialect(url, busy_timeout=busy_timeout, max_pages=max_pages, read_only=read_only)
