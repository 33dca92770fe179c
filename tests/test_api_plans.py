"""The events list's query plans: every filter shape of ``bench/api_bench.py`` reads an
index, never the whole events table, and the default sorts need no sort step.

A small copy of the benchmark's database (the same generator), with and without
``ANALYZE`` statistics (a file ``strikewatch ingest`` made has none); each
statement a request runs is captured and given to ``EXPLAIN QUERY PLAN``.
"""

from __future__ import annotations

import importlib.util
import shutil
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from strikewatch.serve import queries
from strikewatch.serve.api import JSON_ITEMS
from strikewatch.serve.app import tune_connections
from strikewatch.serve.models import ListQuery
from strikewatch.store import open_store

ROOT = Path(__file__).resolve().parent.parent


def _bench() -> Any:
    spec = importlib.util.spec_from_file_location("api_bench", ROOT / "bench" / "api_bench.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["api_bench"] = module
    spec.loader.exec_module(module)
    return module


bench = _bench()

#: every shape of the benchmark's query mix, with values that match some events
SHAPES: list[tuple[str, dict[str, Any]]] = [
    ("country", {"country": "PK"}),
    ("country+dates", {"country": "PK", "date_from": "2010-01-01", "date_to": "2012-12-31"}),
    ("district", {"district": "Khyber"}),
    ("perpetrator", {"perpetrator": "TR"}),
    ("type+killed", {"type": "air_strike", "killed_min": 10}),
    ("killed range sort", {"killed_min": 5, "killed_max": 20, "sort": "-killed_max"}),
    ("group", {"group": "AQAP", "country": "YE"}),
    ("text: a name", {"q": "<name>"}),
    ("text: name+country", {"q": "commander <name>", "country": "<its country>"}),
    ("text: common word", {"q": "Wana"}),
    ("sort reports", {"sort": "-reports", "country": "PK"}),
    ("all, by date", {}),
    ("all, oldest first", {"sort": "date"}),
]
#: shapes whose page is read from the date-ordered index with no sort step
DATE_ORDERED = {"country", "country+dates", "district", "perpetrator", "type+killed", "group",
                "text: common word", "all, by date", "all, oldest first"}  # fmt: skip


@pytest.fixture(scope="module")
def bench_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("plans") / "bench.db"
    bench.build_db(db, 3000)  # ends with ANALYZE
    return db


@pytest.fixture(scope="module", params=["analysed", "no statistics"])
def plan_db(request: pytest.FixtureRequest, bench_db: Path) -> Iterator[Path]:
    if request.param == "analysed":
        yield bench_db
        return
    db = bench_db.with_name("nostat.db")
    shutil.copy(bench_db, db)
    con = sqlite3.connect(db)
    con.execute("DROP TABLE sqlite_stat1")
    con.commit()
    con.close()
    yield db


def _plans(db: Path, params: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, list[str]]]:
    """(statement, plan lines) of each SELECT that page 1 and page 2 ran, as the API
    reads them (items written by SQLite) and as the dashboard does (rows)."""
    store = open_store(db, write=False)
    tune_connections(store)
    seen: list[tuple[str, Any]] = []
    run_sql = queries._run_sql

    def _capture(conn: Any, statement: str, parameters: Any = ()) -> Any:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))
        return run_sql(conn, statement, parameters)

    monkeypatch.setattr(queries, "_run_sql", _capture)
    query = ListQuery(**params)
    try:
        for json_items in (JSON_ITEMS, None):
            page = queries.list_events(store, query.to_filter(), sort=query.sort, limit=query.limit,
                                       json_items=json_items)  # fmt: skip
            assert page.rows, params
            if page.next_cursor:
                queries.list_events(store, query.to_filter(), sort=query.sort, limit=query.limit,
                                    cursor=page.next_cursor, json_items=json_items)  # fmt: skip
        assert seen, "no statement went to the driver"
        out = []
        with store.engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            raw.execute("CREATE TEMP TABLE IF NOT EXISTS sw_text_mentions (id INTEGER PRIMARY KEY)")
            for statement, parameters in seen:
                lines = [r[3] for r in raw.execute("EXPLAIN QUERY PLAN " + statement, parameters)]
                out.append((statement, lines))
        return out
    finally:
        store.close()


def _named(db: Path) -> tuple[str, str]:
    """A commander's name the sentences of ``db`` give, and the country of one of them."""
    con = sqlite3.connect(db)
    sentence, country = con.execute(
        "SELECT sentence, country FROM mentions WHERE sentence LIKE '%commander %' LIMIT 1"
    ).fetchone()
    con.close()
    return str(sentence).split("commander ")[1].split()[0], str(country)


@pytest.mark.parametrize(("name", "params"), SHAPES, ids=[s[0] for s in SHAPES])
def test_no_request_scans_the_events_table(
    plan_db: Path, name: str, params: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    commander, country = _named(plan_db)
    params = {
        k: str(v).replace("<name>", commander).replace("<its country>", country)
        for k, v in params.items()
    }
    if name == "text: common word":  # a tenth of 3,000 events: "many" as in 100,000
        monkeypatch.setattr(queries, "FEW_HITS", 100)
    plans = _plans(plan_db, params, monkeypatch)
    if name == "text: common word":
        assert any("sw_text_mentions" in statement for statement, _ in plans)
    for statement, lines in plans:
        assert not any(line.startswith("SCAN events") for line in lines), (statement, lines)
        if name == "text: a name" and "FROM events" in statement and "json_each(?)" in statement:
            # few matching events: read by id, not by walking an index past every event
            assert any("rowid=?" in line or "id=?" in line for line in lines), (statement, lines)
        if name == "text: common word" and "sw_text_mentions" in statement:
            # many: the sort order's index, each event's links looked up among the matches
            assert any("ix_events_origin_date" in line for line in lines), (statement, lines)
            assert any("event_id=?" in line for line in lines), (statement, lines)
        ordered_page = "ORDER BY" in statement and "count(" not in statement
        if name in DATE_ORDERED and ordered_page and "IS NOT NULL" in statement:
            assert not any("TEMP B-TREE" in line for line in lines), (statement, lines)
