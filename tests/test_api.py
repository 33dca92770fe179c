"""The HTTP API in-process (FastAPI's TestClient over the real app and a real SQLite file).

Filters, sorting, cursor paging, one event with its evidence, one document,
stats, exports, the OpenAPI document and its offline docs page, security
headers, and clear JSON errors (422, 404, 503 for a broken database).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import pytest
from fastapi import FastAPI, Query, Request
from fastapi.responses import JSONResponse
from fastapi.testclient import TestClient

from strikewatch.serve import create_app
from strikewatch.serve.api import QueryModelRoute
from strikewatch.serve.models import ListQuery
from test_api_data import HOSTILE_TITLE, api_db  # noqa: F401  (fixture)


@pytest.fixture(scope="module")
def client(api_db: Path) -> Iterator[TestClient]:  # noqa: F811
    with TestClient(create_app(api_db), raise_server_exceptions=False) as c:
        yield c


def events(client: TestClient, **params: Any) -> dict[str, Any]:
    r = client.get("/api/v1/events", params=params)
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


def seed_event(client: TestClient) -> dict[str, Any]:
    items = events(client, date_from="2012-01-10", date_to="2012-01-10", district="North Waziristan")["items"]
    assert len(items) == 1, items
    return items[0]


def test_health(client: TestClient) -> None:
    body = client.get("/api/v1/health").json()
    assert body["status"] == "ok" and body["read_only"] is True
    assert body["events"] > 0 and body["documents"] == 7


def test_list_defaults_and_shape(client: TestClient) -> None:
    body = events(client)
    assert body["count"] == len(body["items"]) == body["total"] > 0
    assert body["sort"] == "-date" and body["next"] is None
    first = body["items"][0]
    assert first["url"] == f"/api/v1/events/{first['id']}"
    assert first["origin"] == "extracted"
    dates = [e["date"] for e in body["items"] if e["date"]]
    assert dates == sorted(dates, reverse=True)
    # undated events come last
    seen_undated = False
    for e in body["items"]:
        if e["date"] is None:
            seen_undated = True
        else:
            assert not seen_undated


def test_filters(client: TestClient) -> None:
    everything = events(client, limit=500)["items"]
    assert {e["country"] for e in everything} >= {"PK", "YE"}
    for params, check in [
        ({"country": "ye"}, lambda e: e["country"] == "YE"),
        ({"district": "North Waziristan"}, lambda e: e["district"] == "North Waziristan"),
        ({"date_from": "2012-01-01", "date_to": "2012-12-31"}, lambda e: "2012-01-01" <= e["date"] <= "2012-12-31"),
        ({"type": "drone_strike"}, lambda e: e["type"] == "drone_strike"),
        ({"perpetrator": "US"}, lambda e: e["perpetrator"] == "US"),
        ({"killed_min": 10}, lambda e: max(x for x in (e["killed_min"], e["killed_max"]) if x is not None) >= 10),
        ({"killed_max": 4}, lambda e: min(x for x in (e["killed_min"], e["killed_max"]) if x is not None) <= 4),
        ({"group": "qaeda"}, lambda e: any("qaeda" in g.lower() for g in e["groups"])),
    ]:
        got = events(client, limit=500, **params)["items"]
        assert got, params
        assert all(check(e) for e in got), params
        assert len(got) < len(everything) or params == {"type": "drone_strike"}
    # full text in the source sentences
    got = events(client, q="Awlaki")["items"]
    assert [e["country"] for e in got] == ["YE"]
    assert events(client, q="nonexistentwordxyz")["items"] == []


def test_origin_filter(client: TestClient) -> None:
    assert events(client, origin="tbij")["items"] == []
    assert events(client, origin="all")["total"] == events(client)["total"]


def test_sorting(client: TestClient) -> None:
    for sort, key in [("killed_max", "killed_max"), ("-killed_max", "killed_max"), ("reports", "mention_count"),
                      ("-reports", "mention_count"), ("country", "country"), ("id", "id"), ("-id", "id")]:
        items = events(client, sort=sort, limit=500)["items"]
        values = [e[key] for e in items if e[key] is not None]
        assert values == sorted(values, reverse=sort.startswith("-")), sort
        nulls = [i for i, e in enumerate(items) if e[key] is None]
        assert nulls == list(range(len(items) - len(nulls), len(items))), f"{sort}: nulls last"


@pytest.mark.parametrize("sort", ["-date", "date", "killed_max", "-reports", "-id"])
def test_cursor_paging_visits_every_event_once(client: TestClient, sort: str) -> None:
    total = events(client, limit=500)["total"]
    seen: list[int] = []
    url: str | None = f"/api/v1/events?limit=2&sort={sort}"
    pages = 0
    while url:
        body = client.get(url).json()
        seen += [e["id"] for e in body["items"]]
        url = body["next"]
        pages += 1
        assert pages < 100
    assert len(seen) == len(set(seen)) == total


def test_list_items_are_what_the_model_makes(client: TestClient) -> None:
    """The list is not validated per row: each item must be exactly what `EventOut`
    makes of it (keys, order, values), and what the one-event endpoint, which
    goes through the model, says of the same event."""
    from strikewatch.serve.models import EventList, EventOut

    body = events(client, limit=500, origin="all")
    assert body["items"]
    assert EventList.model_validate(body).model_dump(mode="json") == body
    for item in body["items"]:
        assert list(item) == list(EventOut.model_fields)
        assert EventOut.model_validate(item).model_dump(mode="json") == item
        assert client.get(item["url"]).json()["event"] == item


def test_list_floats_are_the_stored_doubles(api_db: Path, tmp_path: Path) -> None:  # noqa: F811
    """SQLite writes the items' JSON; each float must read back as the stored double,
    also one SQLite's printf would not write exactly (that page is written by Python)."""
    db = tmp_path / "floats.db"
    shutil.copy(api_db, db)
    con = sqlite3.connect(db)
    ids = [r[0] for r in con.execute("SELECT id FROM events ORDER BY id")]
    values = {ids[0]: 0.1, ids[1]: 33.0, ids[2]: -72.123456789012345}
    for event_id, lat in values.items():
        con.execute("UPDATE events SET lat = ? WHERE id = ?", (lat, event_id))
    con.commit()
    with TestClient(create_app(db)) as c:
        got = {e["id"]: e["lat"] for e in c.get("/api/v1/events", params={"limit": 500}).json()["items"]}
        assert {i: got[i] for i in values} == values
        con.execute("UPDATE events SET lat = ? WHERE id = ?", (1.0594090192419458e272, ids[0]))
        con.commit()
        got = {e["id"]: e["lat"] for e in c.get("/api/v1/events", params={"limit": 500}).json()["items"]}
        assert got[ids[0]] == 1.0594090192419458e272 and got[ids[1]] == 33.0
    con.close()


@pytest.mark.parametrize("q", ["drone", "strike killed", "Waziristan", "Awlaki", "!!"])
def test_text_search_reads_the_same_events_either_way(
    client: TestClient, q: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Few matching events are read by id and sorted; many, by walking the sort
    order's index: the same page, total and cursors either way."""
    from strikewatch.serve import queries

    def pages(**params: Any) -> list[list[int]]:
        out, url = [], "/api/v1/events"
        body = client.get(url, params={"q": q, "limit": 2, **params}).json()
        while True:
            out.append([e["id"] for e in body["items"]] + [body["total"]])
            if not body["next"]:
                return out
            body = client.get(body["next"]).json()

    for params in ({"sort": "-date"}, {"sort": "date"}, {"sort": "-killed_max"}, {"sort": "id"},
                   {"sort": "-date", "country": "PK"}):  # fmt: skip
        few = pages(**params)
        monkeypatch.setattr(queries, "FEW_HITS", 0)
        many = pages(**params)
        monkeypatch.setattr(queries, "FEW_HITS", 2_000)
        assert few == many, params


@pytest.mark.parametrize(
    "group", ["qaeda", "AL-QAEDA", "Haqqani", "network", "%", "_", "/", '"', "\\", "é", ","]
)
def test_group_filter_matches_the_names_in_any_case(client: TestClient, group: str) -> None:
    """The group filter's quick test on the JSON text never loses a match."""
    everything = events(client, limit=500)["items"]
    wanted = group.strip().lower()
    expected = [e["id"] for e in everything if any(wanted in g.lower() for g in e["groups"])]
    assert expected or wanted not in ("qaeda", "al-qaeda", "haqqani", "network")
    assert [e["id"] for e in events(client, limit=500, group=group)["items"]] == expected


def test_event_detail(client: TestClient) -> None:
    seed = seed_event(client)
    r = client.get(f"/api/v1/events/{seed['id']}")
    assert r.status_code == 200
    body = r.json()
    assert body["event"]["id"] == seed["id"] and body["event"]["killed_min"] == 4
    assert body["bounds"]["killed"]["min"] == 4
    assert body["bounds"]["killed"]["min_sources"][0]["document_id"] == body["documents"][0]["id"]
    (mention,) = body["mentions"]
    assert mention["started"] is True and mention["reasons"]
    assert "North Waziristan" in mention["sentence"]
    fields = {s["field"] for s in mention["evidence"]}
    assert {"killed", "date", "district"} <= fields
    (claim,) = body["claims"]
    assert claim["killed_min"] == 4 and claim["mention_id"] == mention["mention_id"]
    # every evidence span is the document's text at those offsets
    doc = client.get(body["documents"][0]["url_api"]).json()
    for span in mention["evidence"]:
        assert doc["text"][span["start"] : span["end"]] == span["quote"]
    assert doc["text"][mention["sentence_start"] : mention["sentence_end"]] == mention["sentence"]


def test_merged_event_explains_itself(client: TestClient) -> None:
    merged = [e for e in events(client, limit=500)["items"] if e["mention_count"] > 1]
    assert merged, "the two Datta Khel reports should merge"
    body = client.get(merged[0]["url"]).json()
    joined = [m for m in body["mentions"] if not m["started"]]
    assert joined and joined[0]["score"] >= joined[0]["threshold"] and joined[0]["reasons"]
    assert len(body["documents"]) == 2
    assert body["bounds"]["killed"]["min"] == 10 and body["bounds"]["killed"]["max"] == 12


def test_document(client: TestClient) -> None:
    seed = seed_event(client)
    detail = client.get(seed["url"]).json()
    doc = client.get(f"/api/v1/documents/{detail['documents'][0]['id']}").json()
    assert doc["published"] == "2012-01-11"
    assert any(m["event_id"] == seed["id"] for m in doc["mentions"])
    assert any(m["excluded"] for m in doc["mentions"])  # background strikes are listed too
    assert "raw" not in doc and "content_hash" not in doc


def test_stats(client: TestClient) -> None:
    body = client.get("/api/v1/stats", params={"country": "PK"}).json()
    assert body["months"][0]["month"] <= "2012-01" <= body["months"][-1]["month"]
    jan = next(m for m in body["months"] if m["month"] == "2012-01")
    assert jan["strikes"] >= 1 and jan["killed_min"] >= 4
    assert any(d["district"] == "North Waziristan" for d in body["by_district"])
    assert any(p["perpetrator"] == "US" for p in body["by_perpetrator"])
    assert body["strikes"] == sum(m["strikes"] for m in body["months"])
    # PK strikes on 2011-11-?, 2012-01-10, 2012-02-07, 2012-06-04, 2013-03-20: gaps over 30 days
    assert body["pauses"] and all(p["days"] > 30 for p in body["pauses"])
    short = client.get("/api/v1/stats", params={"country": "PK", "min_gap": 400}).json()
    assert len(short["pauses"]) <= len(body["pauses"])


@pytest.mark.parametrize("fmt", ["csv", "json", "geojson", "parquet"])
def test_export(client: TestClient, fmt: str) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    r = client.get("/api/v1/export", params={"format": fmt, "country": "PK", "mapping": "acled"})
    assert r.status_code == 200, r.text
    assert r.headers["content-disposition"] == f'attachment; filename="strikewatch-events.{fmt}"'
    n_pk = events(client, country="PK", limit=500)["total"]
    if fmt == "csv":
        lines = r.text.strip().splitlines()
        assert lines[0].startswith("event_id_cnty,event_date") and len(lines) == n_pk + 1
    elif fmt == "json":
        assert len(r.json()) == n_pk and r.json()[0]["country"] == "Pakistan"
    elif fmt == "geojson":
        assert r.json()["type"] == "FeatureCollection" and len(r.json()["features"]) == n_pk
    else:
        assert r.content[:4] == b"PAR1"


def test_openapi_and_offline_docs(client: TestClient) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    for path in ("/api/v1/events", "/api/v1/events/{event_id}", "/api/v1/documents/{document_id}",
                 "/api/v1/stats", "/api/v1/export"):
        assert path in spec["paths"], path
    params = {p["name"] for p in spec["paths"]["/api/v1/events"]["get"]["parameters"]}
    assert {"country", "district", "date_from", "date_to", "type", "perpetrator", "group",
            "killed_min", "killed_max", "q", "sort", "limit", "cursor"} <= params
    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200
    assert "/static/swagger-ui/swagger-ui-bundle.js" in docs.text
    assert "http://" not in docs.text and "https://" not in docs.text and "cdn" not in docs.text.lower()
    assert "<script>" not in docs.text  # no inline script: only <script src=...>
    for asset in ("/static/swagger-ui/swagger-ui-bundle.js", "/static/swagger-ui/swagger-ui.css",
                  "/static/js/docs.js"):
        assert client.get(asset).status_code == 200, asset


def test_security_headers(client: TestClient) -> None:
    for url in ("/api/v1/events", "/", "/api/v1/events/999999", "/static/css/app.css"):
        r = client.get(url)
        csp = r.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp.split("style-src")[0]
        assert r.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("killed_min=abc", "killed_min"),
        ("killed_min=-1", "killed_min"),
        ("type=bogus", "type"),
        ("sort=bogus", "sort"),
        ("sort=date;drop", "sort"),
        ("date_from=2012-13-01", "date_from"),
        ("limit=0", "limit"),
        ("limit=100000", "limit"),
        ("cursor=not-a-cursor", "cursor"),
        ("date_from=2013-01-01&date_to=2012-01-01", "date_to"),
        ("killed_min=9&killed_max=3", "killed_max"),
        ("origin=a%20b", "origin"),
        ("q=" + "x" * 600, "q"),
    ],
)
def test_422_names_the_field(client: TestClient, query: str, field: str) -> None:
    r = client.get(f"/api/v1/events?{query}")
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["error"] == "invalid_request"
    assert [f["field"] for f in body["fields"]] == [field]
    assert "Traceback" not in r.text


def _read(query: ListQuery) -> dict[str, Any]:
    return query.model_dump(mode="json")


def _by_fastapi(query: Annotated[ListQuery, Query()]) -> dict[str, Any]:
    return _read(query)


async def _by_route(request: Request, query: Annotated[ListQuery, Query()]) -> JSONResponse:
    return JSONResponse(_read(query))


@pytest.mark.parametrize(
    "query",
    [
        "", "country=PK&country=ye", "limit=0", "limit=abc&sort=bogus", "type=x&killed_min=-1",
        "date_from=2012-13-01&date_to=", "origin=a%20b", "q=" + "x" * 501, "cursor=&limit=&q=",
        "killed_max=1e3", "extra=1&extra=2&limit=3", "limit=2&limit=900", "sort=%00", "group=%FF",
        "killed_min=1&killed_min=", "date_to=2012-02-30", "limit=+7", "limit=7.0",
    ],
)
def test_list_parameters_are_read_as_fastapi_reads_them(client: TestClient, query: str) -> None:
    """The events list reads its parameters with one pydantic call (``QueryModelRoute``):
    the same values, the same errors and the same OpenAPI parameters as FastAPI's own."""
    plain, fast = FastAPI(), FastAPI()
    plain.router.add_api_route("/q", _by_fastapi, methods=["GET"])
    fast.router.add_api_route("/q", _by_route, methods=["GET"], route_class_override=QueryModelRoute)
    with TestClient(plain) as a, TestClient(fast) as b:
        want, got = a.get(f"/q?{query}"), b.get(f"/q?{query}")
        assert (got.status_code, got.json()) == (want.status_code, want.json())
    expected = plain.openapi()["paths"]["/q"]["get"]["parameters"]
    assert fast.openapi()["paths"]["/q"]["get"]["parameters"] == expected
    spec = client.get("/api/v1/openapi.json").json()
    assert spec["paths"]["/api/v1/events"]["get"]["parameters"] == expected


def test_cursor_of_another_sort_is_422(client: TestClient) -> None:
    nxt = events(client, limit=1, sort="-date")["next"]
    cursor = nxt.split("cursor=")[1]
    r = client.get("/api/v1/events", params={"limit": 1, "sort": "killed_max", "cursor": cursor})
    assert r.status_code == 422 and r.json()["fields"][0]["field"] == "cursor"


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/v1/events/999999", 404),
        ("/api/v1/documents/999999", 404),
        ("/api/v1/events/0", 422),
        ("/api/v1/events/abc", 422),
        ("/api/v1/events/99999999999999999999999", 422),
        ("/api/v1/nothing", 404),
    ],
)
def test_unknown_ids(client: TestClient, url: str, status: int) -> None:
    r = client.get(url)
    assert r.status_code == status
    assert r.headers["content-type"].startswith("application/json")
    assert r.json()["error"] in ("not_found", "invalid_request")


def test_json_is_escaped(client: TestClient) -> None:
    hostile = events(client, q="Mir Ali")["items"]
    assert hostile
    r = client.get(hostile[0]["url"])
    assert "<" not in r.text and ">" not in r.text and "\u202e" not in r.text
    titles = [m["title"] for m in r.json()["mentions"]]
    assert HOSTILE_TITLE.replace("\u202e", "") in titles  # the same text, only escaped


# ------------------------------------------------------------------ broken database


def test_dropped_table_is_503_json(api_db: Path, tmp_path: Path) -> None:  # noqa: F811
    db = tmp_path / "broken.db"
    shutil.copy(api_db, db)
    app = create_app(db)
    con = sqlite3.connect(db)
    con.execute("DROP TABLE event_mentions")
    con.commit()
    con.close()
    with TestClient(app, raise_server_exceptions=False) as c:
        for url in ("/api/v1/events/1", "/api/v1/events?q=drone"):
            r = c.get(url)
            assert r.status_code == 503, r.text
            body = r.json()
            assert body["error"] and "Traceback" not in r.text and "File \"" not in r.text
        page = c.get("/events/1")
        assert page.status_code == 503 and "<h1>" in page.text and "Traceback" not in page.text


def test_garbage_file_is_503_json(api_db: Path, tmp_path: Path) -> None:  # noqa: F811
    db = tmp_path / "garbage.db"
    shutil.copy(api_db, db)
    app = create_app(db)
    app.state.serve.store.engine.dispose()
    db.write_bytes(b"this is not a database at all" * 1000)
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get("/api/v1/events")
        assert r.status_code == 503
        assert r.json()["error"] in ("db_corrupt", "db_error")
        assert "Traceback" not in r.text


def test_serve_refuses_a_broken_file(tmp_path: Path) -> None:
    from conftest import run_cli

    bad = tmp_path / "bad.db"
    bad.write_bytes(b"garbage" * 100)
    res = run_cli("serve", "--db", str(bad), "--port", "0", timeout=60)
    assert res.returncode == 2
    assert res.stderr.startswith("error [") and "Traceback" not in res.stderr
    res = run_cli("serve", "--db", str(tmp_path / "missing.db"), timeout=60)
    assert res.returncode == 2 and "no database" in res.stderr


def test_read_only_server_cannot_write(api_db: Path, tmp_path: Path) -> None:  # noqa: F811
    db = tmp_path / "ro.db"
    shutil.copy(api_db, db)
    app = create_app(db)
    from sqlalchemy import text

    from strikewatch.errors import StoreError

    with pytest.raises(StoreError), app.state.serve.store.reader() as conn:
        conn.execute(text("DELETE FROM events"))
    with TestClient(app) as c:
        assert c.get("/api/v1/health").json()["events"] > 0
    # POST and friends are not routes
    with TestClient(app, raise_server_exceptions=False) as c:
        assert c.post("/api/v1/events", content=json.dumps({})).status_code == 405
