#!/usr/bin/env python3
"""Build the packaged table of where drone strikes have been recorded.

Why: village names repeat across a country (Pakistan has ten villages called
Shagai), and a report that names only the village leaves the reader to guess
the district.  Geoparsers settle such names with a prior: how often events of
the kind took place in each candidate area.  The hand-made strike lists in
``../shared/data`` give that prior for drone strikes (Pakistan, Yemen,
Somalia); extraction reads the table through
``strikewatch.extract.gazetteer.strike_areas``.

Counts are facts taken from the lists: per area, the largest number of
drone strikes any one list records there (the lists overlap; they are not
added up).

Usage::

    python scripts/build_strike_areas.py [--data ../shared/data] [--out PATH]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from strikewatch.extract.gazetteer import get_gazetteer  # noqa: E402
from strikewatch.ingest.reference import load_reference  # noqa: E402

OUT = ROOT / "src" / "strikewatch" / "data" / "strike_areas.tsv"
COUNTRIES = {"pakistan": "PK", "yemen": "YE", "somalia": "SO"}


def _dronestream(path: Path) -> Counter[tuple[str, str]]:
    """Dronestream's ``location`` names the area (its importer keeps only Pakistan's)."""
    gaz = get_gazetteer()
    counts: Counter[tuple[str, str]] = Counter()
    for strike in json.loads(path.read_text(encoding="utf-8"))["strike"]:
        country = COUNTRIES.get(str(strike.get("country", "")).strip().lower())
        location = str(strike.get("location") or "").strip()
        if country is None or not location:
            continue
        district = gaz.canonical_district(location, country)
        if district:
            counts[(country, district)] += 1
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    lists: dict[str, Counter[tuple[str, str]]] = {}
    for name, pattern in (
        ("tbij", "tbij/*.xlsx"),
        ("new-america", "new-america/*.csv"),
        ("pakistan-body-count", "pakistan-body-count/*.csv"),
    ):
        counts: Counter[tuple[str, str]] = Counter()
        for path in sorted(args.data.glob(pattern)):
            for event in load_reference(path):
                if event.type == "drone_strike" and event.country and event.district:
                    counts[(event.country, event.district)] += 1
        lists[name] = counts
    lists["dronestream"] = _dronestream(args.data / "dronestream-2015" / "data.json")
    areas = sorted({k for counts in lists.values() for k in counts})
    rows = []
    for area in areas:
        best = max(counts[area] for counts in lists.values())
        named = ",".join(n for n, counts in lists.items() if counts[area])
        rows.append((area[0], area[1], best, named))
    rows.sort(key=lambda r: (r[0], -r[2], r[1]))
    with args.out.open("w", encoding="utf-8") as fh:
        fh.write("# Drone strikes recorded per area: the largest count of any one list.\n")
        fh.write("# Built by scripts/build_strike_areas.py from TBIJ (CC BY-NC-ND 3.0), New America,\n")
        fh.write("# Pakistan Body Count and the Dronestream dump of TBIJ's data (see ../shared/data).\n")
        fh.write("country\tdistrict\tstrikes\tlists\n")
        for country, district, best, named in rows:
            fh.write(f"{country}\t{district}\t{best}\t{named}\n")
    print(f"wrote {len(rows)} areas to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
