"""Extraction throughput and peak memory, per core, on the shared data sets.

Each corpus runs in a fresh single-process child so that its documents per
second are per core and its peak RSS is its own. Prints one line per corpus;
``--json`` prints the figures as JSON.

    python bench/run.py [--data ../shared/data] [--repeat 3] [--json]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data"
DRONE = re.compile(r"\b(?:drones?|unmanned|UAVs?)\b", re.IGNORECASE)


def satp_texts(data: Path) -> list[str]:
    out: list[str] = []
    for split in ("train", "dev", "test"):
        p = data / "satp" / f"{split}.tsv"
        with p.open(encoding="utf-8", errors="replace") as fh:
            out.extend(line.split("\t")[0] for line in fh if line.strip())
    return out


def fakes_texts(data: Path) -> list[str]:
    csv.field_size_limit(10_000_000)
    with (data / "fa-kes" / "FA-KES-Dataset.csv").open(encoding="utf-8", errors="replace") as fh:
        return [r["article_title"] + "\n\n" + r["article_content"] for r in csv.DictReader(fh)]


def corpus(name: str, data: Path) -> list[str]:
    if name == "satp":
        return satp_texts(data)
    if name == "satp-strikes":
        return [t for t in satp_texts(data) if DRONE.search(t)]
    if name == "fakes":
        return fakes_texts(data)
    raise SystemExit(f"unknown corpus {name}")


def child(name: str, data: Path, repeat: int) -> None:
    from strikewatch.errors import IngestError
    from strikewatch.extract import extract_document
    from strikewatch.ingest import document_from_text

    texts = corpus(name, data)
    # warm up: load the gazetteer and compile patterns outside the timing
    extract_document(document_from_text("A US drone strike killed four in Miranshah.", "warm"))
    best = 0.0
    events = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        events = 0
        for i, text in enumerate(texts):
            try:
                doc = document_from_text(text, f"{name}-{i}")
            except IngestError:
                continue  # empty items are rejected, as in real use
            events += len(extract_document(doc).mentions)
        elapsed = time.perf_counter() - t0
        best = max(best, len(texts) / elapsed)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"corpus": name, "documents": len(texts), "events": events,
                      "docs_per_s_per_core": round(best, 1), "peak_rss_mb": round(peak_mb, 1)}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
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
    for name in ("satp", "satp-strikes", "fakes"):
        out = subprocess.run(
            [sys.executable, __file__, "--child", name, "--data", str(args.data),
             "--repeat", str(args.repeat)],
            check=True, capture_output=True, text=True,
        ).stdout
        results.append(json.loads(out.strip().splitlines()[-1]))
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(f"{'corpus':<14}{'documents':>10}{'events':>8}{'docs/s/core':>13}{'peak RSS MB':>13}")
    for r in results:
        print(f"{r['corpus']:<14}{r['documents']:>10}{r['events']:>8}"
              f"{r['docs_per_s_per_core']:>13}{r['peak_rss_mb']:>13}")


if __name__ == "__main__":
    main()
