"""The API through a real server: ``strikewatch serve`` as a subprocess on a free port, httpx."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from test_api_data import api_db  # noqa: F401  (fixture)

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path, *extra: str) -> tuple[subprocess.Popen[str], str]:
    """``strikewatch serve`` on a free port, polled until it answers."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "strikewatch", "serve", "--db", str(db), "--port", str(port), *extra],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            out = proc.stdout.read() if proc.stdout else ""
            raise AssertionError(f"strikewatch serve exited {proc.returncode}: {out}")
        try:
            if httpx.get(base + "/api/v1/health", timeout=2).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise AssertionError("strikewatch serve did not answer within 60 s")


def stop_server(proc: subprocess.Popen[str]) -> str:
    proc.terminate()
    try:
        out, _ = proc.communicate(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, _ = proc.communicate()
    return out or ""


@pytest.fixture(scope="module")
def server(api_db: Path) -> Iterator[str]:  # noqa: F811
    proc, base = start_server(api_db, "--no-add-indexes")
    try:
        yield base
    finally:
        stop_server(proc)


def test_real_server_answers(server: str) -> None:
    with httpx.Client(base_url=server, timeout=10) as c:
        health = c.get("/api/v1/health").json()
        assert health["status"] == "ok" and health["read_only"] is True
        page = c.get("/api/v1/events", params={"country": "PK", "limit": 2}).json()
        assert page["count"] == 2 and page["next"].startswith(server)
        assert c.get(page["next"]).status_code == 200
        detail = c.get(page["items"][0]["url"]).json()
        assert detail["event"]["country"] == "PK" and detail["mentions"]
        r = c.get("/api/v1/events", params={"killed_min": "many"})
        assert r.status_code == 422 and r.json()["fields"][0]["field"] == "killed_min"
        assert c.get("/api/v1/events/424242").status_code == 404
        html = c.get("/")
        assert html.status_code == 200 and "<svg" in html.text
        assert "default-src 'self'" in html.headers["content-security-policy"]
        assert c.get("/static/swagger-ui/swagger-ui-bundle.js").status_code == 200
        assert "server" not in html.headers  # no version banner


def test_serve_adds_missing_indexes_only_to_a_writable_file(api_db: Path, tmp_path: Path) -> None:  # noqa: F811
    import shutil
    import sqlite3

    from strikewatch.serve.queries import EXTRA_INDEXES

    writable = tmp_path / "w.db"
    shutil.copy(api_db, writable)
    con = sqlite3.connect(writable)
    for name, _, _ in EXTRA_INDEXES:  # as the store's schema makes it
        con.execute(f"DROP INDEX IF EXISTS {name}")
    con.commit()
    con.close()
    proc, _ = start_server(writable)
    out = stop_server(proc)
    assert "added indexes" in out
    names = {r[0] for r in sqlite3.connect(writable).execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {name for name, _, _ in EXTRA_INDEXES} <= names
    # a read-only file is served as it is
    ro = tmp_path / "ro.db"
    shutil.copy(api_db, ro)
    con = sqlite3.connect(ro)
    for name, _, _ in EXTRA_INDEXES:
        con.execute(f"DROP INDEX IF EXISTS {name}")
    con.commit()
    con.close()
    ro.chmod(0o444)
    try:
        proc, base = start_server(ro)
        assert httpx.get(base + "/api/v1/events", timeout=10).status_code == 200
        out = stop_server(proc)
        assert "added indexes" not in out
    finally:
        ro.chmod(0o644)
