"""The store on a real PostgreSQL server, checked against the SQLite run of the same input.

A throwaway server is started for the session (``tests/pg.py``: ``initdb`` and
``pg_ctl`` into a temporary folder, a free localhost port) and each test gets
its own database. What users see is tested: ``strikewatch ingest`` twice, the
stored documents, mentions, evidence, events and claims equal to SQLite's
(ids renumbered, timestamps left out), ``events list/show``, the exports,
full-text search in the store and the API, migrations, a second writer, and a
run killed with SIGKILL and resumed. Without PostgreSQL binaries the tests skip.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, inspect, select

from conftest import kill_cli_midway, run_cli
from hostile import write_hostile_corpus
from pg import PostgresServer, find_bin_dir, skip_or_fail, unavailable
from strikewatch.cli import main
from strikewatch.errors import StoreError
from strikewatch.model import Document, Event
from strikewatch.store import (
    event_detail,
    ingest_documents,
    ingest_paths,
    latest_version,
    list_events,
    migrate,
    open_store,
    schema,
)
from strikewatch.store.migrations import current_version
from test_store import SEEDS, TIMESTAMPS, needs_seeds, write_strike_corpus

# --- the server and its databases ------------------------------------------------------


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    reason = unavailable()
    if reason is not None:
        skip_or_fail(reason)
    bin_dir = find_bin_dir()
    assert bin_dir is not None
    server = PostgresServer(bin_dir)
    try:
        server.start()
    except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
        server.stop()
        pytest.fail(f"could not start a PostgreSQL server from {bin_dir}: {exc}")
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server: PostgresServer) -> Iterator[str]:
    """A new, empty database on the session's server, as ``--db`` takes it."""
    name = pg_server.create_database()
    yield pg_server.url(name)
    pg_server.drop_database(name)


@pytest.fixture(scope="module")
def strike_corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    path = tmp_path_factory.mktemp("pg-strikes") / "strikes.jsonl"
    return path, write_strike_corpus(path, strikes=150, seed=7)


@pytest.fixture(scope="module")
def strikes_sqlite(tmp_path_factory: pytest.TempPathFactory, strike_corpus: tuple[Path, int]) -> str:
    db = tmp_path_factory.mktemp("pg-strikes-sqlite") / "strikes.db"
    with open_store(db) as store:
        ingest_paths(store, [strike_corpus[0]])
    return str(db)


@pytest.fixture(scope="module")
def strikes_pg(pg_server: PostgresServer, strike_corpus: tuple[Path, int]) -> Iterator[str]:
    """The same corpus through the real command into PostgreSQL."""
    name = pg_server.create_database("strikes")
    url = pg_server.url(name)
    done = run_cli("ingest", str(strike_corpus[0]), "--db", url)
    assert done.returncode == 0, done.stderr
    yield url
    pg_server.drop_database(name)


# --- the two databases, compared -------------------------------------------------------

TABLES = (
    schema.documents, schema.mentions, schema.evidence, schema.events, schema.event_mentions,
    schema.claims, schema.rejections, schema.resolver_state,
)  # fmt: skip
_KEY_RE = re.compile(r"\b(mention|document):(\d+)\b")
_DECISION_RE = re.compile(r"^(joined|new event \(best) (\d+)")


def canonical(db: str | Path) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table as typed values, without timestamps, with every id
    renumbered 1, 2, ... in id order (in the columns and inside keys, claim JSON
    and decisions): what SQLite and PostgreSQL runs of the same input must share.

    PostgreSQL's sequences are not rolled back, so a killed or retried batch
    leaves gaps SQLite's rowids do not; renumbering removes that difference only.
    """
    url = db if "://" in str(db) else f"sqlite:///{db}"
    engine = create_engine(str(url).replace("postgresql://", "postgresql+psycopg://"))
    rows: dict[str, list[dict[str, Any]]] = {}
    try:
        with engine.connect() as conn:
            for table in TABLES:
                order = table.c.name if table is schema.resolver_state else table.c.id
                rows[table.name] = [dict(r._mapping) for r in conn.execute(select(table).order_by(order))]
    finally:
        engine.dispose()
    ids = {
        name: {row["id"]: n for n, row in enumerate(rows[name], 1)}
        for name in ("documents", "mentions", "events")
    }
    refs = {"document_id": "documents", "mention_id": "mentions", "event_id": "events"}
    keyed = {"document": ids["documents"], "mention": ids["mentions"]}

    def keys(value: Any) -> Any:
        if isinstance(value, str):
            return _KEY_RE.sub(lambda m: f"{m[1]}:{keyed[m[1]][int(m[2])]}", value)
        if isinstance(value, list):
            return [keys(v) for v in value]
        if isinstance(value, dict):
            return {k: keys(v) for k, v in value.items()}
        return value

    out: dict[str, list[dict[str, Any]]] = {}
    for name, table_rows in rows.items():
        clean = []
        for n, row in enumerate(table_rows, 1):
            row = {k: v for k, v in row.items() if k not in TIMESTAMPS}
            if name == "rejections":
                row.pop("attempts")
            if "id" in row:
                row["id"] = n
            for column, target in refs.items():
                if row.get(column) is not None:
                    row[column] = ids[target][row[column]]
            if name == "claims":
                row["key"] = keys(row["key"])
                row["claim"] = keys(row["claim"])
            if name == "event_mentions":
                row["decision"] = _DECISION_RE.sub(
                    lambda m: f"{m[1]} {ids['events'][int(m[2])]}", row["decision"]
                )
                details = dict(row["details"])
                if details.get("best_id") is not None:
                    details["best_id"] = str(ids["events"][int(details["best_id"])])
                if details.get("runner_up"):
                    first, *rest = details["runner_up"]
                    details["runner_up"] = [str(ids["events"][int(first)]), *rest]
                row["details"] = details
            clean.append(row)
        out[name] = clean
    return out


def check_consistent_pg(url: str) -> None:
    """Every link points at rows that exist, counts agree, spans point into the text."""
    import psycopg

    with psycopg.connect(url.replace("+psycopg", "")) as con:
        one = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
        # every event's count says how many links and claims it has
        assert one(
            "SELECT count(*) FROM events e WHERE e.mention_count != "
            "(SELECT count(*) FROM event_mentions m WHERE m.event_id = e.id) "
            "OR e.mention_count != (SELECT count(*) FROM claims c WHERE c.event_id = e.id)"
        ) == 0
        # every reported mention is in exactly one event; excluded ones in none
        assert one(
            "SELECT count(*) FROM mentions m LEFT JOIN event_mentions l ON l.mention_id = m.id "
            "WHERE (NOT m.excluded) != (l.id IS NOT NULL)"
        ) == 0
        # evidence and sentences are the characters of the stored text
        assert one(
            "SELECT count(*) FROM evidence e JOIN documents d ON d.id = e.document_id "
            "WHERE substr(d.text, e.char_start + 1, e.char_end - e.char_start) != e.quote"
        ) == 0
        assert one(
            "SELECT count(*) FROM mentions m JOIN documents d ON d.id = m.document_id WHERE "
            "substr(d.text, m.sentence_start + 1, m.sentence_end - m.sentence_start) != m.sentence"
        ) == 0


def _timeless(value: Any) -> Any:
    """``value`` without the timestamps (when a row was written, not what it says)."""
    if isinstance(value, dict):
        return {k: _timeless(v) for k, v in value.items() if k not in TIMESTAMPS}
    if isinstance(value, list):
        return [_timeless(v) for v in value]
    return value


def count(url: str, table: str = "documents") -> int:
    import psycopg
    from psycopg import sql

    try:
        with psycopg.connect(url.replace("+psycopg", ""), connect_timeout=5) as con:
            row = con.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table)))
            return int(row.fetchone()[0])  # type: ignore[index]
    except psycopg.errors.UndefinedTable:
        return 0


def one_line_error(result: subprocess.CompletedProcess[str], code: str) -> str:
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert lines[0].startswith(f"error [{code}]: "), lines[0]
    return lines[0]


# --- migrations ---------------------------------------------------------------------------


def test_an_empty_database_is_migrated_once_and_again_is_a_no_op(pg_url: str) -> None:
    with open_store(pg_url) as store:
        with store.reader() as conn:
            assert current_version(conn) == latest_version()
            insp = inspect(conn)
            tables = set(insp.get_table_names())
            indexes = {ix["name"] for t in tables for ix in insp.get_indexes(t)}
            types = {c["name"]: str(c["type"]) for c in insp.get_columns("events")}
        assert {t.name for t in TABLES} | {"schema_migrations"} <= tables
        expected = {ix.name for ix in (*schema.V1_INDEXES, *schema.V4_INDEXES)}
        assert expected | {"ix_documents_fts", "ix_mentions_fts"} <= indexes
        assert types["groups"] == "JSONB" and types["killed_max"] == "BIGINT"
        # applied again: nothing to do, and the history is one row per migration
        assert migrate(store.engine, store.dialect) == []
    with open_store(pg_url) as store, store.reader() as conn:
        versions = conn.execute(select(schema.schema_migrations.c.version)).scalars().all()
    assert sorted(versions) == list(range(1, latest_version() + 1))


def test_an_older_database_is_migrated_up_and_a_newer_one_refused(pg_url: str) -> None:
    engine = create_engine(pg_url)
    from strikewatch.store.dialect import dialect_for

    dialect = dialect_for(pg_url)
    dialect.configure(engine)
    try:
        assert migrate(engine, dialect, target=3) == [1, 2, 3]
    finally:
        engine.dispose()
    with pytest.raises(StoreError) as err:  # reading needs the latest schema
        open_store(pg_url, write=False)
    assert err.value.code == "db_version"
    with open_store(pg_url) as store, store.reader() as conn:  # writing upgrades it
        assert current_version(conn) == latest_version()
        indexes = {ix["name"] for ix in inspect(conn).get_indexes("events")}
        assert {ix.name for ix in schema.V4_INDEXES if ix.table is schema.events} <= indexes
        with store.transaction() as write:
            write.execute(schema.schema_migrations.insert().values(
                version=99, name="future", applied_at=dt.datetime(2030, 1, 1)))  # fmt: skip
    with pytest.raises(StoreError) as err:
        open_store(pg_url)
    assert err.value.code == "db_too_new"


def test_two_processes_creating_the_schema_at_once(pg_url: str) -> None:
    """The migrations take the writers' lock: two first opens do not both run migration 1."""
    barrier = threading.Barrier(4)
    errors: list[BaseException] = []

    def open_it() -> None:
        try:
            barrier.wait()
            with open_store(pg_url):
                pass
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    with open_store(pg_url, write=False) as store, store.reader() as conn:
        assert conn.execute(select(schema.schema_migrations.c.version)).scalars().all() == [1, 2, 3, 4]


# --- ingest: the same database as SQLite's ------------------------------------------------


@needs_seeds
def test_seeds_twice_through_the_cli_equal_the_sqlite_run(pg_url: str, tmp_path: Path) -> None:
    assert SEEDS is not None
    first = run_cli("ingest", str(SEEDS), "--db", pg_url, "--json")
    assert first.returncode == 0, first.stderr
    summary = json.loads(first.stdout)
    assert summary["ingested"] == 2 and summary["duplicates"] == 0 and summary["new_events"] >= 2
    once = canonical(pg_url)
    counts = {name: len(rows) for name, rows in once.items()}
    # a password in the url (trust authentication ignores it) is never printed
    with_password = pg_url.replace("strikewatch@", "strikewatch:s3cret@")
    second = CliRunner().invoke(main, ["ingest", str(SEEDS), "--db", with_password, "--json"])
    assert second.exit_code == 0, second.output
    assert "s3cret" not in second.output
    again = json.loads(second.output)
    assert again["database"] == pg_url.replace("strikewatch@", "strikewatch:***@")
    assert again["ingested"] == 0 and again["duplicates"] == 2
    assert again["new_events"] == again["updated_events"] == again["mentions"] == 0
    assert {name: len(rows) for name, rows in canonical(pg_url).items()} == counts
    assert canonical(pg_url) == once
    check_consistent_pg(pg_url)
    lite = tmp_path / "seeds.db"
    assert CliRunner().invoke(main, ["ingest", str(SEEDS), "--db", str(lite)]).exit_code == 0
    assert canonical(lite) == once


def test_a_corpus_of_merged_reports_equals_the_sqlite_run(
    strikes_pg: str, strikes_sqlite: str, strike_corpus: tuple[Path, int]
) -> None:
    pg, lite = canonical(strikes_pg), canonical(strikes_sqlite)
    assert len(pg["documents"]) == strike_corpus[1]
    assert any(e["mention_count"] >= 3 for e in pg["events"])  # resolution merged reports
    for table in lite:
        assert pg[table] == lite[table], table
    check_consistent_pg(strikes_pg)


def test_events_list_and_show_print_what_sqlite_prints(strikes_pg: str, strikes_sqlite: str) -> None:
    runner = CliRunner()

    def out(*args: str, db: str) -> Any:
        result = runner.invoke(main, [*args, "--db", db])
        assert result.exit_code == 0, result.output
        if "--json" not in args:
            return result.output
        if args[1] == "show":
            return _timeless(json.loads(result.output))
        return [_timeless(json.loads(line)) for line in result.output.splitlines()]

    for args in (("events", "list", "--limit", "0"), ("events", "list", "--country", "pk", "--json"),
                 ("events", "list", "--country", "ye")):  # fmt: skip
        assert out(*args, db=strikes_pg) == out(*args, db=strikes_sqlite), args
    with open_store(strikes_pg, write=False) as store:
        merged = [e["id"] for e in list_events(store, limit=None) if e["mention_count"] >= 3]
        detail = event_detail(store, merged[0])
    assert detail is not None and len(detail.links) >= 3
    assert detail.event["killed_min"] == detail.bounds["killed"]["min"]
    for event_id in merged[:5]:
        for extra in ((), ("--json",)):
            args = ("events", "show", str(event_id), *extra)
            assert out(*args, db=strikes_pg) == out(*args, db=strikes_sqlite), args
    missing = run_cli("events", "show", "999999", "--db", strikes_pg)
    one_line_error(missing, "not_found")


def test_exports_timeline_and_compare_read_postgresql(
    strikes_pg: str, strikes_sqlite: str, tmp_path: Path
) -> None:
    runner = CliRunner()
    reference = tmp_path / "na.csv"
    reference.write_text(
        "strikes,date,village,region,total_low,total_high,province\n"
        "1,3/1/2012,Datta Khel,North Waziristan,4,6,FATA\n"
        "1,6/12/2012,Mir Ali,North Waziristan,2,3,FATA\n",
        encoding="utf-8",
    )
    for args in (
        ("export", "--format", "csv"),
        ("export", "--format", "json", "--mapping", "acled"),
        ("export", "--format", "geojson", "--country", "PK"),
        ("timeline", "--json"),
        ("compare", "--reference", str(reference)),
    ):
        got = {}
        for name, db in (("pg", strikes_pg), ("sqlite", strikes_sqlite)):
            result = runner.invoke(main, [*args, "--db", db])
            assert result.exit_code == 0, (args, result.output)
            got[name] = result.output.replace(db, "DB")
        assert got["pg"] == got["sqlite"], args
        assert got["pg"].strip()


def test_hostile_corpus_has_the_same_outcome_as_on_sqlite(pg_url: str, tmp_path: Path) -> None:
    root = tmp_path / "hostile"
    write_hostile_corpus(root)
    lite = tmp_path / "hostile.db"
    runner = CliRunner()
    results = {}
    for db in (pg_url, str(lite)):
        result = runner.invoke(main, ["ingest", str(root), "--db", db, "--batch-size", "4", "--json"])
        assert result.exit_code == 0, result.output
        summary = json.loads(result.output)
        results[db] = {k: v for k, v in summary.items() if k not in ("seconds", "documents_per_second", "database")}
    assert results[pg_url] == results[str(lite)]
    assert canonical(pg_url) == canonical(lite)
    check_consistent_pg(pg_url)


def test_absurd_numbers_and_lone_surrogates_are_stored(pg_url: str) -> None:
    """Figures are bigint, as SQLite's integers are: 3 billion is stored as it is and an
    absurd 10**30 clipped (as on SQLite), not refused as ``integer`` would."""
    doc = Document(
        "odd",
        "A drone strike killed 10,000,000,000,000,000,000,000 people in Miranshah.",
        raw="raw with a lone surrogate \ud800 inside",
        title="title \udfff",
        source_path="mem/odd",
    )
    with open_store(pg_url) as store:
        summary = ingest_documents(store, [doc])
        assert summary.ingested == 1 and summary.rejected == 0
        with store.transaction() as conn:
            event = Event("drone_strike", "PK", killed_min=3_000_000_000, killed_max=10**30)
            event_id = store.create_event(conn, event, mention_count=0)
        row = event_detail(store, event_id)
        assert row is not None
        assert (row.event["killed_min"], row.event["killed_max"]) == (3_000_000_000, 2**63 - 1)
        assert store.search("surrogate") == [] and store.search("title")
    check_consistent_pg(pg_url)


# --- full-text search ---------------------------------------------------------------------


def test_full_text_search_in_the_store(strikes_pg: str, strikes_sqlite: str) -> None:
    with open_store(strikes_pg, write=False) as pg, open_store(strikes_sqlite, write=False) as lite:
        hits = pg.search("Shawal", limit=1000)
        assert hits and all("[Shawal]" in h.snippet for h in hits)
        # the same documents as SQLite's FTS5 finds (ranked differently)
        for words in ("Shawal", "Angoor Adda", "Tirah intelligence"):
            assert {h.document_id for h in pg.search(words, 1000)} == {
                h.document_id for h in lite.search(words, 1000)
            }, words
            with pg.reader() as a, lite.reader() as b:
                assert set(pg.dialect.search_mentions(a, words, 1000)) == set(
                    lite.dialect.search_mentions(b, words, 1000)
                ), words
        # english stemming: "strikes" finds "strike"; case does not matter
        assert pg.search("STRIKES")
        # a search box is not SQL nor tsquery syntax
        assert pg.search('"; DROP TABLE documents; --') == []
        assert pg.search("NEAR( 'unbalanced & | !") == []
        assert pg.search("") == [] and pg.search("the") == []
        assert len(pg.search("drone", limit=3)) == 3


def test_the_api_gives_the_same_pages_on_postgresql(strikes_pg: str, strikes_sqlite: str) -> None:
    """The API's query layer (``serve/queries.py``) over PostgreSQL: text search, filters,
    sorts and cursor paging give SQLite's pages."""
    from fastapi.testclient import TestClient

    from strikewatch.serve import create_app

    def pages(client: TestClient, params: dict[str, Any]) -> list[Any]:
        out, body = [], client.get("/api/v1/events", params={"limit": 7, **params}).json()
        while True:
            assert "items" in body, body
            out.append(([e["id"] for e in body["items"]], body["total"]))
            if not body["next"]:
                return out
            body = client.get(body["next"]).json()

    queries: list[dict[str, Any]] = [
        {}, {"q": "Shawal"}, {"q": "drone militants"}, {"q": "!!"}, {"sort": "-killed_max"},
        {"sort": "date", "country": "PK"}, {"district": "North Waziristan", "killed_min": 5},
        {"date_from": "2012-03-01", "date_to": "2012-06-30", "sort": "-reports"},
    ]  # fmt: skip
    got: dict[str, list[Any]] = {}
    for name, db in (("pg", strikes_pg), ("sqlite", strikes_sqlite)):
        with TestClient(create_app(db), raise_server_exceptions=False) as client:
            got[name] = [pages(client, q) for q in queries]
            some = client.get("/api/v1/events", params={"limit": 1}).json()["items"][0]["id"]
            detail = client.get(f"/api/v1/events/{some}")
            assert detail.status_code == 200, detail.text
            got[name].append(detail.json())
    for q, pg, lite in zip([*queries, "detail"], got["pg"], got["sqlite"], strict=True):
        assert pg == lite, q
    assert got["pg"][1][0][0], "Shawal is in the corpus"


# --- writers, errors, kill and resume -----------------------------------------------------


def test_a_second_writer_gets_a_clear_error_and_readers_go_on(pg_url: str, tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    write_strike_corpus(corpus, strikes=3)
    assert run_cli("ingest", str(corpus), "--db", pg_url).returncode == 0
    more = tmp_path / "more.jsonl"
    write_strike_corpus(more, strikes=3, seed=5)
    with open_store(pg_url) as holder, holder.transaction():  # a writer in the middle of a batch
        started = time.monotonic()
        result = run_cli("ingest", str(more), "--db", pg_url, "--busy-timeout", "0.5")
        line = one_line_error(result, "db_locked")
        assert "locked by another session" in line and "--busy-timeout" in line
        assert time.monotonic() - started < 30
        # readers are not blocked by the writer
        listed = run_cli("events", "list", "--db", pg_url, "--busy-timeout", "0.5")
        assert listed.returncode == 0 and listed.stdout.startswith("id"), listed.stderr
    check_consistent_pg(pg_url)
    again = run_cli("ingest", str(more), "--db", pg_url, "--json")
    assert again.returncode == 0 and json.loads(again.stdout)["ingested"] > 0, again.stderr


def test_two_writers_at_once_store_each_document_once(pg_url: str, strike_corpus: tuple[Path, int]) -> None:
    """Writers take turns batch by batch (they wait up to --busy-timeout for each other)."""
    args = ["ingest", str(strike_corpus[0]), "--db", pg_url, "--batch-size", "15", "--json"]
    code = "import sys; from strikewatch.cli import main; sys.exit(main())"
    children = [
        subprocess.Popen(
            [sys.executable, "-c", code, *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for _ in range(2)
    ]
    outs = [child.communicate(timeout=300) for child in children]
    assert [c.returncode for c in children] == [0, 0], [err for _, err in outs]
    summaries = [json.loads(out) for out, _ in outs]
    assert sum(s["ingested"] for s in summaries) == strike_corpus[1]
    assert count(pg_url) == strike_corpus[1]
    check_consistent_pg(pg_url)


def test_kill_midway_and_rerun_gives_the_uninterrupted_result(
    pg_url: str, strike_corpus: tuple[Path, int], strikes_sqlite: str
) -> None:
    corpus, total = strike_corpus
    args = ["ingest", str(corpus), "--db", pg_url, "--batch-size", "10"]
    kill_cli_midway(args, lambda: count(pg_url))
    killed_at = count(pg_url)
    assert 100 <= killed_at < total and killed_at % 10 == 0  # whole batches, then nothing
    check_consistent_pg(pg_url)
    resumed = run_cli(*args, "--json")
    assert resumed.returncode == 0, resumed.stderr
    summary = json.loads(resumed.stdout)
    assert summary["duplicates"] == killed_at and summary["ingested"] == total - killed_at
    check_consistent_pg(pg_url)
    assert canonical(pg_url) == canonical(strikes_sqlite)


def test_servers_and_databases_that_cannot_be_reached(pg_server: PostgresServer) -> None:
    closed = f"postgresql://strikewatch:s3cret@127.0.0.1:{_closed_port()}/strikes"
    line = one_line_error(run_cli("events", "list", "--db", closed), "db_unopenable")
    assert "cannot connect" in line and "s3cret" not in line
    missing = pg_server.url("no_such_database").replace("strikewatch@", "strikewatch:s3cret@")
    line = one_line_error(run_cli("ingest", str(SEEDS or "."), "--db", missing), "db_missing")
    assert "does not exist" in line and "s3cret" not in line
    line = one_line_error(run_cli("events", "list", "--db", "postgresql://x@host:port/db"), "db_url")
    assert "postgresql://user@host:port/name" in line
    # the driver is chosen for a bare postgresql:// url (SQLAlchemy 2.0 would pick psycopg2)
    with pytest.raises(StoreError) as err:
        open_store(missing.replace("postgresql+psycopg://", "postgres://"), write=False)
    assert err.value.code == "db_missing"


def _closed_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
