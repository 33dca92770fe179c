"""Documents per second on one WARC: the local path against a Dask LocalCluster.

Builds a WARC of 50,000 records (gzip per record, as Common Crawl News ships)
from the SATP paragraphs and the FA-KES articles of the shared data, repeated
with varied dates and urls; half of them simple HTML pages (navigation,
article, footer, publication date in a meta tag), half plain-text records.
Then it times, on that same file:

- ``local``: the single-machine path of ``strikewatch extract``
  (``read_paths`` then ``extract_document`` on every document, one process);
- ``local-shards``: ``strikewatch extract --out`` without Dask: the same
  partitions and first pass as the cluster, in one process, writing shards;
- ``dask``: ``strikewatch extract --engine dask`` on a LocalCluster of two
  worker processes, writing Parquet shards; with each worker's peak memory
  (its ``ru_maxrss``).

    python bench/scale_bench.py [--docs 50000] [--workers 2] [--split-size 4MB]
                                [--data ../shared/data] [--workdir DIR] [--json]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import html
import io
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data"


def satp_texts(data: Path) -> list[str]:
    out: list[str] = []
    for split in ("train", "dev", "test"):
        with (data / "satp" / f"{split}.tsv").open(encoding="utf-8", errors="replace") as fh:
            out.extend(line.split("\t")[0] for line in fh if line.strip())
    return out


def fakes_articles(data: Path) -> list[tuple[str, str]]:
    csv.field_size_limit(10_000_000)
    path = data / "fa-kes" / "FA-KES-Dataset.csv"
    with path.open(encoding="utf-8", errors="replace") as fh:
        return [(r["article_title"], r["article_content"]) for r in csv.DictReader(fh)
                if r["article_content"].strip()]


def page(title: str, body: str, published: dt.date, rng: random.Random) -> str:
    sentences = [s.strip() for s in body.replace("\n", " ").split(". ") if s.strip()]
    paras, size = [], max(1, rng.randint(2, 4))
    for i in range(0, len(sentences), size):
        paras.append("<p>" + html.escape(". ".join(sentences[i:i + size])) + ".</p>")
    return (
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(title)} | Example News</title>"
        f"<meta property=\"article:published_time\" content=\"{published.isoformat()}T08:00:00Z\">"
        "<link rel=\"stylesheet\" href=\"/s.css\"></head><body>"
        "<header><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World</a></li>"
        "<li><a href=\"/business\">Business</a></li><li><a href=\"/sport\">Sport</a></li>"
        "</ul></nav></header><main><article>"
        f"<h1>{html.escape(title)}</h1><p class=\"byline\">By Staff Reporter</p>"
        + "\n".join(paras)
        + "</article><aside><h2>Most read</h2><ul><li>Markets close higher</li>"
        "<li>Weather: rain expected</li></ul></aside></main>"
        "<footer>© 2012 Example News. All rights reserved.</footer></body></html>"
    )


def build_warc(path: Path, n: int, data: Path, seed: int = 7) -> dict[str, int]:
    """``n`` response records, gzip per record; half HTML pages, half plain text."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    rng = random.Random(seed)
    satp = satp_texts(data)
    fakes = fakes_articles(data)
    items: list[tuple[str, str]] = [("", t) for t in satp] + fakes
    counts = {"html": 0, "text": 0}
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in range(n):
            title, body = items[i % len(items)]
            if not title:
                title = " ".join(body.split()[:8])
            published = dt.date(2009, 1, 1) + dt.timedelta(days=rng.randrange(3650))
            url = f"https://news{i % 37}.example/{published:%Y/%m/%d}/article-{i}"
            if i % 2:
                payload = page(title, body, published, rng).encode("utf-8")
                ctype = "text/html; charset=utf-8"
                counts["html"] += 1
            else:
                payload = body.encode("utf-8")
                ctype = "text/plain; charset=utf-8"
                counts["text"] += 1
            http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(payload), http_headers=http))
    return counts


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_s() -> float:
    use = resource.getrusage(resource.RUSAGE_SELF)
    return use.ru_utime + use.ru_stime


def child_local(warc: Path) -> dict[str, Any]:
    """The local path, in a fresh process: read_paths + extract_document."""
    from strikewatch.extract import extract_document
    from strikewatch.ingest import read_paths
    from strikewatch.model import Document

    extract_document(Document(doc_id="warm", text="A US drone strike killed four in Miranshah."))
    t0, cpu0 = time.perf_counter(), _cpu_s()
    docs = mentions = 0
    for item in read_paths([warc]):
        if isinstance(item, Document):
            docs += 1
            mentions += len(extract_document(item).mentions)
    elapsed, cpu = time.perf_counter() - t0, _cpu_s() - cpu0
    return {"engine": "local", "workers": 1, "documents": docs, "mentions": mentions,
            "seconds": round(elapsed, 1), "docs_per_s": round(docs / elapsed, 1),
            "cpu_s": round(cpu, 1), "docs_per_cpu_s": round(docs / cpu, 1),
            "peak_mb": [round(_peak_mb())]}


def child_shards(warc: Path, out: Path, split: int, engine: str, workers: int) -> dict[str, Any]:
    """``extract --out`` (local engine) or ``--engine dask``, in a fresh process."""
    from strikewatch.scale.runner import run

    t0, cpu0 = time.perf_counter(), _cpu_s()
    summary = run([str(warc)], str(out), engine=engine, workers=workers, split_bytes=split)
    elapsed = time.perf_counter() - t0  # with the cluster's start and stop
    t = summary.totals
    if engine == "dask":
        peaks = list(summary.worker_peak_mb.values())
        cpu = sum(summary.worker_cpu_s.values())  # the workers' whole lives, imports included
    else:
        peaks, cpu = [round(_peak_mb())], _cpu_s() - cpu0
    return {"engine": "dask" if engine == "dask" else "local-shards",
            "workers": summary.workers, "partitions": summary.partitions,
            "documents": t.documents, "dropped": t.dropped + t.dropped_early,
            "dropped_before_html": t.dropped_early, "extracted": t.extracted,
            "mentions": t.mentions, "seconds": round(elapsed, 1),
            "docs_per_s": round(t.documents / elapsed, 1), "cpu_s": round(cpu, 1),
            "docs_per_cpu_s": round(t.documents / cpu, 1) if cpu else 0.0, "peak_mb": peaks,
            "failed": len(summary.failed)}


def _in_child(args: list[str]) -> dict[str, Any]:
    out = subprocess.run([sys.executable, __file__, *args], check=True, capture_output=True,
                         text=True).stdout
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=50_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--split-size", default="4MB")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--workdir", type=Path, default=None)
    ap.add_argument("--only", choices=["local", "local-shards", "dask"], action="append")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--warc", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()

    from strikewatch.scale.runner import parse_size

    split = parse_size(args.split_size)
    if args.child == "local":
        print(json.dumps(child_local(args.warc)))
        return
    if args.child in ("local-shards", "dask"):
        engine = "dask" if args.child == "dask" else "local"
        print(json.dumps(child_shards(args.warc, args.out, split, engine, args.workers)))
        return
    if not (args.data / "satp").exists():
        raise SystemExit(f"data not found at {args.data}; pass --data")
    work = args.workdir or Path(tempfile.mkdtemp(prefix="strikewatch-scale-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    warc = work / f"bench-{args.docs}.warc.gz"
    if not warc.exists():
        t0 = time.perf_counter()
        counts = build_warc(warc, args.docs, args.data)
        print(f"built {warc} ({warc.stat().st_size / 1e6:.1f} MB, {counts['html']} HTML, "
              f"{counts['text']} text records) in {time.perf_counter() - t0:.0f} s",
              file=sys.stderr)
    results = []
    for name in args.only or ["local", "local-shards", "dask"]:
        out = work / f"shards-{name}"
        shutil.rmtree(out, ignore_errors=True)
        child = ["--child", name, "--warc", str(warc), "--out", str(out),
                 "--workers", str(args.workers), "--split-size", args.split_size]
        print(f"running {name} ...", file=sys.stderr)
        results.append(_in_child(child))
    load = os.getloadavg()[0]
    if args.json:
        print(json.dumps({"docs": args.docs, "cores": os.cpu_count(), "load_1min": load,
                          "results": results}, indent=2))
        return
    print(f"{args.docs} records in {warc.name} ({warc.stat().st_size / 1e6:.1f} MB); "
          f"{os.cpu_count()} cores, 1-minute load at the end {load:.1f}")
    print(f"{'engine':<14}{'workers':>8}{'docs':>8}{'seconds':>9}{'docs/s':>9}"
          f"{'CPU s':>8}{'docs/CPU s':>12}  peak MB per process")
    for r in results:
        print(f"{r['engine']:<14}{r['workers']:>8}{r['documents']:>8}{r['seconds']:>9}"
              f"{r['docs_per_s']:>9}{r['cpu_s']:>8}{r['docs_per_cpu_s']:>12}  "
              f"{', '.join(str(round(p)) for p in r['peak_mb'])}")
    print("docs/CPU s: documents per second of CPU time (the per-core figure, fair under load)")


if __name__ == "__main__":  # required: Dask's nannies start worker processes that import this
    main()
