"""API benchmark: filtered queries over 100,000 events, through a real server.

1. builds a database of ``--events`` synthetic events (default 100,000) with
   their documents, mentions, evidence, claims and event links, bulk-inserted
   with SQLAlchemy Core into the store's own schema (``open_store``);
2. starts ``strikewatch serve`` on it in a subprocess (read-only);
3. from a separate process, fires ``--requests`` filtered queries at
   ``/api/v1/events`` with ``--concurrency`` connections (httpx + asyncio):
   a mix of country, district, perpetrator, type, date range, killed bounds,
   group, full-text search, sorts and a second page by cursor;
4. prints p50, p95, p99 and requests per second, per filter shape and in all,
   with the server's CPU time per request and the machine's load average (the
   other processes on it share its cores: a loaded machine gives slower figures).

The bar (PRODUCT.md): p95 under 50 ms. ``--read-only-file`` also measures a
database file the server may not write. Every database has the indexes the
queries read (store migration 4), so it needs nothing at start-up; a file of an
older schema must be opened for writing once (``--db OLD.db`` without
``--read-only-file`` migrates it).

    .venv/bin/python bench/api_bench.py                 # 100k events, 2,000 requests
    .venv/bin/python bench/api_bench.py --events 20000 --requests 500
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import multiprocessing as mp
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

COUNTRIES = {
    "PK": ["North Waziristan", "South Waziristan", "Khyber", "Kurram", "Bajaur", "Orakzai"],
    "YE": ["Marib", "Shabwah", "Abyan", "Al Bayda", "Hadramawt"],
    "SO": ["Lower Shabelle", "Middle Juba", "Bay", "Gedo"],
    "AF": ["Nangarhar", "Kunar", "Helmand", "Paktika"],
    "SY": ["Idlib", "Aleppo", "Raqqa", "Deir ez-Zor"],
    "IQ": ["Nineveh", "Anbar", "Sulaymaniyah"],
    "LY": ["Sirte", "Murzuq", "Tripoli"],
}
PERPETRATORS = ["US"] * 8 + ["TR", "RU", "IL", "SA", "PK", None, None]
GROUPS = ["al-Qaeda", "Taliban", "Haqqani network", "al-Shabaab", "AQAP", "Islamic State", "TTP"]
TYPES = ["drone_strike"] * 6 + ["air_strike"] * 3 + ["other_attack"]
PLACES = ["Datta Khel", "Mir Ali", "Miranshah", "Wana", "Shawal", "Jilib", "Azzan", "Idlib"]
#: named commanders: one mention in ten names one of them (a selective text search)
NAMES = [f"Qari{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}ullah" for i in range(300)]


def build_db(path: Path, n_events: int, seed: int = 7) -> None:
    """``n_events`` events with 1-3 mentions each, every table the store fills."""
    from sqlalchemy import insert

    from strikewatch.store import open_store, schema

    rng = random.Random(seed)
    now = dt.datetime(2024, 1, 1)
    start = dt.date(2004, 6, 1)
    span = (dt.date(2024, 6, 1) - start).days
    batch = 5000
    doc_id = mention_id = 0
    with open_store(path) as store:
        # the FTS triggers fire per row; drop nothing: the benchmark measures the real schema
        for first in range(1, n_events + 1, batch):
            events: list[dict[str, Any]] = []
            docs: list[dict[str, Any]] = []
            mentions: list[dict[str, Any]] = []
            evidence: list[dict[str, Any]] = []
            links: list[dict[str, Any]] = []
            claims: list[dict[str, Any]] = []
            for event_id in range(first, min(first + batch, n_events + 1)):
                country = rng.choice(list(COUNTRIES))
                district = rng.choice(COUNTRIES[country])
                date = start + dt.timedelta(days=rng.randrange(span))
                undated = rng.random() < 0.05
                low = rng.choice([None, 0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 30, 50])
                high = None if low is None else low + rng.choice([0, 0, 0, 1, 2, 4, 10])
                perp = rng.choice(PERPETRATORS)
                kind = rng.choice(TYPES)
                groups = rng.sample(GROUPS, rng.choice([0, 1, 1, 2]))
                place = rng.choice(PLACES)
                n_mentions = rng.choice([1, 1, 2, 3])
                events.append(
                    {
                        "id": event_id, "type": kind, "origin": "extracted", "source_ref": None,
                        "country": country, "date": None if undated else date,
                        "date_precision": None if undated else "day",
                        "date_earliest": date, "date_latest": date, "admin1": None,
                        "district": district, "place": place,
                        "lat": 30 + rng.random() * 5, "lon": 65 + rng.random() * 8,
                        "geo_precision": "village", "killed_min": low, "killed_max": high,
                        "civilians_min": None, "civilians_max": None, "children_min": None,
                        "children_max": None, "injured_min": None, "injured_max": None,
                        "perpetrator": perp, "groups": groups, "named": [],
                        "sources": [f"https://news{rng.randrange(40)}.example/{event_id}"],
                        "notes": None, "mention_count": n_mentions,
                        "created_at": now, "updated_at": now,
                    }
                )  # fmt: skip
                for k in range(n_mentions):
                    doc_id += 1
                    mention_id += 1
                    killed = "" if low is None else f"killing {low} suspected militants "
                    if rng.random() < 0.1:
                        killed += f"including commander {rng.choice(NAMES)} "
                    sentence = (
                        f"A {'US ' if perp == 'US' else ''}drone fired missiles at a compound "
                        f"in {place}, {district}, on {date:%A} {killed}"
                        f"({', '.join(groups) or 'no group named'})."
                    )
                    text = f"Report {doc_id}\n\n{sentence}\n\nOfficials confirmed the strike."
                    s0 = len(f"Report {doc_id}\n\n")
                    docs.append(
                        {
                            "id": doc_id, "doc_id": f"bench-{doc_id}",
                            "content_hash": f"{doc_id:064x}", "url": f"https://news.example/{doc_id}",
                            "title": f"Report {doc_id}", "author": None, "publisher": "bench",
                            "published": date + dt.timedelta(days=k), "published_source": "given",
                            "source_path": None, "format": "jsonl", "text": text, "raw": None,
                            "warnings": [], "ingested_at": now, "extractor_version": "bench",
                            "extract_error": None,
                        }
                    )  # fmt: skip
                    mentions.append(
                        {
                            "id": mention_id, "document_id": doc_id, "mention_index": 0,
                            "excluded": False, "type": kind, "status": "reported",
                            "aggregate": False, "sentence": sentence, "sentence_start": s0,
                            "sentence_end": s0 + len(sentence), "date": date,
                            "date_value": date.isoformat(), "date_precision": "day",
                            "date_text": None, "country": country, "admin1": None,
                            "district": district, "place": place, "lat": None, "lon": None,
                            "geo_precision": None, "killed_min": low, "killed_max": high,
                            "civilians_min": None, "civilians_max": None, "children_min": None,
                            "children_max": None, "injured_min": None, "injured_max": None,
                            "missiles": None, "perpetrator": perp, "groups": groups, "named": [],
                            "targets": [], "confidence": 0.9, "sentence_ids": [0],
                            "extractor_version": "bench",
                        }
                    )  # fmt: skip
                    where = sentence.index(place)
                    evidence.append(
                        {
                            "mention_id": mention_id, "document_id": doc_id, "field": "place",
                            "char_start": s0 + where, "char_end": s0 + where + len(place),
                            "quote": place, "component": "places.v1",
                        }
                    )  # fmt: skip
                    links.append(
                        {
                            "event_id": event_id, "mention_id": mention_id, "document_id": doc_id,
                            "started": k == 0, "score": None if k == 0 else 3.5, "threshold": 1.5,
                            "reasons": [] if k == 0 else ["same date (+2.0)", "same district (+1.5)"],
                            "decision": "started" if k == 0 else f"joined {event_id}",
                            "details": {}, "resolver_version": "bench", "linked_at": now,
                        }
                    )  # fmt: skip
                    claims.append(
                        {
                            "key": f"mention:{mention_id}", "event_id": event_id,
                            "mention_id": mention_id, "document_id": doc_id,
                            "source": f"https://news.example/{doc_id}", "anchor": date,
                            "partial_date": None, "date": date, "date_precision": "day",
                            "published": date, "country": country, "admin1": None,
                            "district": district, "place": place, "killed_min": low,
                            "killed_max": high, "civilians_min": None, "civilians_max": None,
                            "children_min": None, "children_max": None, "injured_min": None,
                            "injured_max": None, "perpetrator": perp,
                            "claim": {"key": f"mention:{mention_id}"},
                        }
                    )  # fmt: skip
            with store.transaction() as conn:
                conn.execute(insert(schema.documents), docs)
                conn.execute(insert(schema.mentions), mentions)
                conn.execute(insert(schema.evidence), evidence)
                conn.execute(insert(schema.events), events)
                conn.execute(insert(schema.event_mentions), links)
                conn.execute(insert(schema.claims), claims)
        with store.transaction() as conn:
            conn.exec_driver_sql("ANALYZE")


def query_mix(rng: random.Random) -> tuple[str, dict[str, Any]]:
    """One filtered query: (shape name, parameters)."""
    country = rng.choice(list(COUNTRIES))
    shapes: list[tuple[str, dict[str, Any]]] = [
        ("country", {"country": country}),
        ("country+dates", {"country": country, "date_from": "2010-01-01", "date_to": "2012-12-31"}),
        ("district", {"district": rng.choice(COUNTRIES[country])}),
        ("perpetrator", {"perpetrator": rng.choice(["US", "TR", "RU", "IL", "SA", "PK"])}),
        ("type+killed", {"type": "air_strike", "killed_min": 10}),
        ("killed range sort", {"killed_min": 5, "killed_max": 20, "sort": "-killed_max"}),
        ("group", {"group": rng.choice(GROUPS), "country": country}),
        ("text: a name", {"q": rng.choice(NAMES)}),
        ("text: name+country", {"q": "commander " + rng.choice(NAMES), "country": country}),
        ("text: common word", {"q": rng.choice(PLACES)}),
        ("sort reports", {"sort": "-reports", "country": country}),
        ("all, by date", {}),
        ("all, oldest first", {"sort": "date"}),
    ]
    return rng.choice(shapes)


def _load_generator(base: str, n: int, concurrency: int, seed: int, out: Any) -> None:
    """The load generator, in its own process: ``n`` requests, ``concurrency`` at a time."""
    import httpx

    rng = random.Random(seed)
    plan = [query_mix(rng) for _ in range(n)]
    results: list[tuple[str, float, int]] = []

    async def worker(client: httpx.AsyncClient, queue: asyncio.Queue[tuple[str, dict[str, Any]]]) -> None:
        while True:
            try:
                name, params = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            t0 = time.perf_counter()
            r = await client.get("/api/v1/events", params=params)
            elapsed = time.perf_counter() - t0
            results.append((name, elapsed, r.status_code))
            body = r.json()
            if r.status_code == 200 and body.get("next") and rng.random() < 0.2:
                t0 = time.perf_counter()
                r2 = await client.get(body["next"])
                results.append(("next page", time.perf_counter() - t0, r2.status_code))

    async def main() -> float:
        queue: asyncio.Queue[tuple[str, dict[str, Any]]] = asyncio.Queue()
        for item in plan:
            queue.put_nowait(item)
        limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
        async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:
            for _ in range(min(20, n)):  # warm up: caches, connections
                _name, params = query_mix(rng)
                await client.get("/api/v1/events", params=params)
            t0 = time.perf_counter()
            cpu0 = time.process_time()
            await asyncio.gather(*(worker(client, queue) for _ in range(concurrency)))
            cpu[0] = time.process_time() - cpu0
            return time.perf_counter() - t0

    cpu = [0.0]
    wall = asyncio.run(main())
    out.put({"wall": wall, "results": results, "client_cpu": cpu[0]})


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait(base: str, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited with {proc.returncode}")
        try:
            if httpx.get(base + "/api/v1/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit("the server did not start")


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of process ``pid`` (Linux), else None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def server_config() -> str:
    """What ``strikewatch serve`` runs here: uvicorn picks httptools and uvloop when
    they are installed ("auto"), h11 and asyncio otherwise."""
    import importlib.util

    import uvicorn

    http = "httptools" if importlib.util.find_spec("httptools") else "h11"
    loop = "uvloop" if importlib.util.find_spec("uvloop") else "asyncio"
    return (f"`strikewatch serve` as a user runs it: 1 process, uvicorn {uvicorn.__version__} "
            f"({http}, {loop}), no access log, the database opened read-only")


def _load() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def run(db: Path, *, requests: int, concurrency: int, add_indexes: bool, label: str) -> dict[str, Any]:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    cmd = [sys.executable, "-m", "strikewatch", "serve", "--db", str(db), "--port", str(port)]
    if not add_indexes:
        cmd.append("--no-add-indexes")
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    load_before = _load()
    try:
        _wait(base, proc)
        cpu_before = _cpu_seconds(proc.pid)
        queue: mp.Queue[dict[str, Any]] = mp.Queue()
        loader = mp.Process(target=_load_generator, args=(base, requests, concurrency, 11, queue))
        loader.start()
        data = queue.get(timeout=600)
        loader.join(timeout=30)
        cpu_after = _cpu_seconds(proc.pid)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    results = data["results"]
    errors = [r for r in results if r[2] != 200]
    times = [r[1] * 1000 for r in results]
    by_shape: dict[str, list[float]] = {}
    for name, elapsed, _ in results:
        by_shape.setdefault(name, []).append(elapsed * 1000)
    print(f"\n{label}: {len(results):,} requests, {concurrency} concurrent, {len(errors)} errors")
    print(f"server: {server_config()}")
    print(f"load average before {load_before}, after {_load()} (this machine: {os.cpu_count()} cores)")
    print(f"{'query':<22} {'n':>5} {'p50 ms':>8} {'p95 ms':>8}")
    for name, values in sorted(by_shape.items()):
        print(f"{name:<22} {len(values):>5} {statistics.median(values):>8.1f} {pct(values, 0.95):>8.1f}")
    summary = {
        "label": label,
        "requests": len(results),
        "errors": len(errors),
        "p50_ms": round(statistics.median(times), 2),
        "p95_ms": round(pct(times, 0.95), 2),
        "p99_ms": round(pct(times, 0.99), 2),
        "rps": round(len(results) / data["wall"], 1),
        # server CPU per request (warm-up requests included in the count)
        "server_cpu_ms": (
            round((cpu_after - cpu_before) * 1000 / (len(results) + min(20, requests)), 2)
            if cpu_before is not None and cpu_after is not None
            else None
        ),
        # the load generator's own CPU per request (httpx, parsing each page): it
        # shares the machine's cores with the server
        "client_cpu_ms": round(data["client_cpu"] * 1000 / max(1, len(results)), 2),
    }
    print(
        f"{'all':<22} {len(times):>5} {summary['p50_ms']:>8.1f} {summary['p95_ms']:>8.1f}"
        f"   p99 {summary['p99_ms']:.1f} ms, {summary['rps']:.0f} requests/s"
    )
    if summary["server_cpu_ms"] is not None:
        print(f"server CPU: {summary['server_cpu_ms']:.2f} ms per request; "
              f"load generator CPU: {summary['client_cpu_ms']:.2f} ms per request")
    verdict = "PASS" if summary["p95_ms"] < 50 and not errors else "FAIL"
    print(f"bar p95 < 50 ms: {verdict}")
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--db", type=Path, default=None, help="Reuse (or build) this database.")
    parser.add_argument("--read-only-file", action="store_true",
                        help="Also run against a read-only copy without the serve indexes.")
    parser.add_argument("--json", action="store_true", help="Print the summaries as JSON.")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.db"
        if not db.exists():
            t0 = time.perf_counter()
            build_db(db, args.events)
            print(f"built {db}: {args.events:,} events in {time.perf_counter() - t0:.1f} s "
                  f"({db.stat().st_size / 1e6:.0f} MB)")
        summaries = []
        if args.read_only_file:
            ro = Path(tmp) / "readonly.db"
            ro.write_bytes(db.read_bytes())
            os.chmod(ro, 0o444)
            summaries.append(run(ro, requests=args.requests, concurrency=args.concurrency,
                                 add_indexes=False, label="read-only file"))
        summaries.append(run(db, requests=args.requests, concurrency=args.concurrency,
                             add_indexes=True, label="writable file"))
        if args.json:
            print(json.dumps(summaries))
    return 0 if all(s["p95_ms"] < 50 and not s["errors"] for s in summaries) else 1


if __name__ == "__main__":
    raise SystemExit(main())
