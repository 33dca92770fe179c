"""End-to-end ingest throughput into SQLite: read, extract, store, resolve.

Writes the SATP paragraphs (``../shared/data/satp/*.tsv``, first column) to a
temporary JSON Lines file, then times ``strikewatch.store.ingest_paths`` on
it into a fresh SQLite file, in a fresh single-process child per corpus, so
documents per second are per core and the peak RSS is the run's own:

- ``satp``: the whole stream, 7,445 paragraphs, most not about strikes;
- ``satp-strikes``: the paragraphs that mention drones, the strike reports.

    python bench/ingest_bench.py [--data ../shared/data] [--repeat 3] [--json]

PRODUCT.md's bars: a general stream at least 1,000 documents/s per core,
strike reports at least 100 per core, end to end into SQLite.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data"
DRONE = re.compile(r"\b(?:drones?|unmanned|UAVs?)\b", re.IGNORECASE)
CORPORA = ("satp", "satp-strikes")


def satp_texts(data: Path) -> list[str]:
    out: list[str] = []
    for split in ("train", "dev", "test"):
        with (data / "satp" / f"{split}.tsv").open(encoding="utf-8", errors="replace") as fh:
            out.extend(line.split("\t")[0] for line in fh if line.strip())
    return out


def write_jsonl(texts: list[str], path: Path, repeat: int = 1) -> int:
    """One JSON line per paragraph; ``repeat`` copies are made distinct by a suffix."""
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for r in range(repeat):
            for i, text in enumerate(texts):
                body = text if r == 0 else f"{text} [copy {r}]"
                fh.write(json.dumps({"id": f"satp-{r}-{i}", "text": body}) + "\n")
                n += 1
    return n


def child(name: str, data: Path, repeat: int) -> None:
    from strikewatch.extract import extract_document
    from strikewatch.ingest import document_from_text
    from strikewatch.store import ingest_paths, open_store

    texts = satp_texts(data)
    if name == "satp-strikes":
        texts = [t for t in texts if DRONE.search(t)]
    # load the gazetteer and compile patterns outside the timing
    extract_document(document_from_text("A US drone strike killed four in Miranshah.", "warm"))
    best: dict[str, float | int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"{name}.jsonl"
        n = write_jsonl(texts, src, repeat=1 if name == "satp" else 5)
        for attempt in range(repeat):
            db = Path(tmp) / f"run{attempt}.db"
            with open_store(db) as store:
                t0 = time.perf_counter()
                summary = ingest_paths(store, [src])
                elapsed = time.perf_counter() - t0
                counts = store.counts()
            rate = n / elapsed
            if rate > float(best.get("docs_per_s_per_core", 0.0)):
                best = {
                    "docs_per_s_per_core": round(rate, 1),
                    "seconds": round(elapsed, 2),
                    "ingested": summary.ingested,
                    "mentions": counts["mentions"],
                    "events": counts["events"],
                    "db_mb": round(db.stat().st_size / 1e6, 1),
                }
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"corpus": name, "documents": n, **best, "peak_rss_mb": round(peak_mb, 1)}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.data, args.repeat)
        return
    if not (args.data / "satp").exists():
        raise SystemExit(f"data not found at {args.data}; pass --data")
    results = []
    for name in CORPORA:
        out = subprocess.run(
            [sys.executable, __file__, "--child", name, "--data", str(args.data),
             "--repeat", str(args.repeat)],
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
        results.append(json.loads(out.strip().splitlines()[-1]))
    if args.json:
        print(json.dumps(results, indent=2))
        return
    head = ("corpus", "documents", "docs/s/core", "mentions", "events", "DB MB", "peak RSS MB")
    print(f"{head[0]:<14}" + "".join(f"{h:>13}" for h in head[1:]))
    for r in results:
        cells = (r["documents"], r["docs_per_s_per_core"], r["mentions"], r["events"],
                 r["db_mb"], r["peak_rss_mb"])  # fmt: skip
        print(f"{r['corpus']:<14}" + "".join(f"{c:>13}" for c in cells))


if __name__ == "__main__":
    main()
