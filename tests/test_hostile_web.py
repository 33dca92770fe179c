"""Hostile article text and hostile query strings against every page and every endpoint.

Article text with ``<script>``, an ``onerror`` handler, a ``javascript:`` url and a
right-to-left override is ingested for real, then must appear as text on every
page (escaped) and JSON-escaped in every API response. SQL metacharacters in
every filter give 200 or 422, never 500, and the tables are intact afterwards.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from strikewatch.serve import create_app
from test_api_data import HOSTILE_TITLE, IMG, JS_URL, SCRIPT, api_db  # noqa: F401

FILTERS = ("country", "admin1", "district", "date_from", "date_to", "type", "perpetrator",
           "group", "killed_min", "killed_max", "q", "origin", "sort", "limit", "cursor")  # fmt: skip
PAYLOADS = (
    "' OR 1=1 --",
    "%",
    "_",
    '"; DROP TABLE events; --',
    "1; DELETE FROM events",
    "\\",
    "' UNION SELECT * FROM documents --",
    "*",
    "NEAR(a b)",
    '"unterminated',
    "\u202e",
    "\x00",
)


@pytest.fixture(scope="module")
def client(api_db: Path) -> Iterator[TestClient]:  # noqa: F811
    with TestClient(create_app(api_db), raise_server_exceptions=False) as c:
        yield c


def hostile_ids(client: TestClient) -> tuple[int, int]:
    items = client.get("/api/v1/events", params={"q": "Mir Ali"}).json()["items"]
    assert len(items) == 1
    detail = client.get(items[0]["url"]).json()
    return items[0]["id"], detail["documents"][0]["id"]


def assert_inert_html(html: str) -> None:
    """No payload survives as markup: only escaped text."""
    assert SCRIPT not in html
    assert "<img src=x" not in html
    assert 'href="javascript:' not in html.lower()
    assert "onerror=" not in html.replace("onerror=&#34;", "").replace("onerror=&quot;", "")
    # every <script> is ours: external, empty
    for tag in re.findall(r"<script[^>]*>.*?</script>", html, flags=re.S):
        assert re.fullmatch(r'<script src="/static/[^"]+"( defer)?></script>', tag), tag
    assert " style=" not in html  # the CSP forbids inline styles: none are needed


def test_pages_show_hostile_text_as_text(client: TestClient) -> None:
    event_id, doc_id = hostile_ids(client)
    for url in ("/", "/?q=Mir+Ali", f"/events/{event_id}", f"/documents/{doc_id}", "/about",
                "/?origin=all&sort=-killed_max"):
        r = client.get(url)
        assert r.status_code == 200, url
        assert_inert_html(r.text)
    page = client.get(f"/events/{event_id}").text
    assert "&lt;script&gt;window.__xss=1;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=" in page
    # ingest strips the right-to-left override; whatever bidi text remains is isolated
    assert "<bdi>" in page
    # the javascript: url is shown, never linked
    assert "javascript:window.__xss=3" in page and "original article" not in page


def test_api_responses_are_json_escaped(client: TestClient) -> None:
    event_id, doc_id = hostile_ids(client)
    for url in (f"/api/v1/events/{event_id}", f"/api/v1/documents/{doc_id}",
                "/api/v1/events?q=Mir+Ali", "/api/v1/export?format=json&q=Mir+Ali",
                "/api/v1/export?format=geojson&q=Mir+Ali", "/api/v1/stats", "/api/v1/facets"):
        r = client.get(url)
        assert r.status_code == 200, url
        if "export" in url:
            continue  # a download, served as an attachment
        assert "<" not in r.text and ">" not in r.text, url
        assert "\u202e" not in r.text, url
        r.json()  # still valid JSON
    doc = client.get(f"/api/v1/documents/{doc_id}").json()
    # the right-to-left override is stripped at ingest
    assert doc["title"] == HOSTILE_TITLE.replace("\u202e", "")
    assert SCRIPT in doc["text"] and IMG in doc["text"]
    assert doc["url"] == JS_URL


def test_error_messages_escape_what_they_echo(client: TestClient) -> None:
    r = client.get("/api/v1/events", params={"killed_min": SCRIPT})
    assert r.status_code == 422 and "<script" not in r.text
    page = client.get("/", params={"killed_min": SCRIPT, "date_from": IMG})
    assert page.status_code == 422
    assert_inert_html(page.text)
    missing = client.get(f"/{SCRIPT}")
    assert missing.status_code == 404 and "<script>window" not in missing.text


@pytest.mark.parametrize("name", FILTERS)
def test_sql_metacharacters_in_every_filter(client: TestClient, api_db: Path, name: str) -> None:  # noqa: F811
    before = _counts(api_db)
    for payload in PAYLOADS:
        for url in ("/api/v1/events", "/api/v1/stats", "/api/v1/export", "/"):
            r = client.get(url, params={name: payload})
            assert r.status_code in (200, 422), (url, name, payload, r.status_code, r.text[:300])
            if r.status_code == 422 and url.startswith("/api"):
                assert r.json()["fields"], (name, payload)
    # LIKE wildcards and FTS syntax are plain characters: they match nothing here
    if name in ("country", "district", "perpetrator", "group"):
        assert client.get("/api/v1/events", params={name: "%"}).json()["items"] == []
        assert client.get("/api/v1/events", params={name: "_"}).json()["items"] == []
    assert _counts(api_db) == before


def test_metacharacters_in_paths(client: TestClient) -> None:
    for url in ("/api/v1/events/1%20OR%201=1", "/api/v1/documents/1;DROP", "/events/'--",
                "/documents/%25"):
        r = client.get(url)
        assert r.status_code in (404, 422), url


def _counts(db: Path) -> dict[str, int]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return {
            t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # table names are ours
            for t in ("events", "documents", "mentions", "evidence", "claims", "event_mentions")
        }
    finally:
        con.close()
