"""Check the gold files in this folder against the annotation contract.

Run: python tests/gold/check_gold.py [FILE.jsonl ...]
(default: dev.jsonl and heldout.jsonl beside this script). Standard library
only. Exits non-zero on the first kind of problem it finds and prints counts.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DOC_KEYS = ("doc_id", "file", "url", "published", "events", "notes")
EVENT_KEYS = ("type", "date", "date_text", "country", "district", "place",
              "killed_min", "killed_max", "perpetrator", "groups", "named",
              "aggregate")
TYPES = {"drone_strike", "air_strike", "other_attack"}
LISTABLE = ("date", "district", "killed_min", "killed_max", "perpetrator")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday")


def _values(v: Any) -> list[Any]:
    return v if isinstance(v, list) else [v]


def _is_date(v: object) -> bool:
    if v is None:
        return True
    if not isinstance(v, str):
        return False
    try:
        dt.date.fromisoformat(v)
    except ValueError:
        return False
    return True


def _resolve(gold: Path, ref: str) -> str | None:
    """Return an error message, or None when `ref` names existing text."""
    path, _, frag = ref.partition("#")
    target = (gold.parent / path).resolve()
    if not target.is_file():
        return f"missing file {target}"
    if not frag:
        return None if target.read_text(encoding="utf-8").strip() else "empty text"
    if not frag.startswith("L") or not frag[1:].isdigit():
        return f"bad line reference #{frag}"
    n = int(frag[1:])
    with target.open(encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            if i == n:
                return None if line.split("\t")[0].strip() else f"line {n} is empty"
    return f"{target} has fewer than {n} lines"


def check_event(e: dict[str, Any]) -> list[str]:
    errs = [f"event lacks {k}" for k in EVENT_KEYS if k not in e]
    if errs:
        return errs
    if e["type"] not in TYPES:
        errs.append(f"bad type {e['type']!r}")
    for k in LISTABLE:
        if isinstance(e[k], list) and len(set(map(json.dumps, e[k]))) < 2:
            errs.append(f"{k} list needs two or more distinct values: {e[k]}")
    if not all(_is_date(v) for v in _values(e["date"])):
        errs.append(f"bad date {e['date']!r}")
    for k in ("killed_min", "killed_max"):
        if not all(v is None or (isinstance(v, int) and v >= 0) for v in _values(e[k])):
            errs.append(f"bad {k} {e[k]!r}")
    mins = [v for v in _values(e["killed_min"]) if v is not None]
    maxs = [v for v in _values(e["killed_max"]) if v is not None]
    if mins and maxs and min(mins) > max(maxs):
        errs.append(f"killed_min {e['killed_min']} > killed_max {e['killed_max']}")
    if not isinstance(e["aggregate"], bool):
        errs.append("aggregate must be true/false")
    if "optional" in e and not isinstance(e["optional"], bool):
        errs.append("optional must be true/false")
    if not isinstance(e["groups"], list) or not isinstance(e["named"], list):
        errs.append("groups and named must be lists")
    # a weekday in date_text must agree with at least one accepted date
    txt = (e["date_text"] or "").lower()
    days = [i for i, w in enumerate(WEEKDAYS) if w in txt]
    dates = [v for v in _values(e["date"]) if v]
    if len(days) == 1 and dates and not any(
            dt.date.fromisoformat(v).weekday() == days[0] for v in dates):
        errs.append(f"date {e['date']} is not a {WEEKDAYS[days[0]]}")
    return errs


def main(argv: list[str]) -> int:
    files = [Path(a) for a in argv] or [HERE / "dev.jsonl", HERE / "heldout.jsonl"]
    seen: dict[str, str] = {}
    problems = 0
    for gold in files:
        c = {"documents": 0, "drone_strike": 0, "optional": 0, "aggregate": 0,
             "air_strike": 0, "other_attack": 0, "distractors": 0}
        for n, line in enumerate(gold.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{gold.name}:{n}"
            try:
                doc = json.loads(line)
            except json.JSONDecodeError as exc:
                print(f"{where}: not JSON: {exc}")
                problems += 1
                continue
            errs = [f"lacks {k}" for k in DOC_KEYS if k not in doc]
            if not errs:
                if doc["doc_id"] in seen:
                    errs.append(f"doc_id also in {seen[doc['doc_id']]}")
                seen[doc["doc_id"]] = where
                msg = _resolve(gold, doc["file"])
                if msg:
                    errs.append(msg)
                if not _is_date(doc["published"]):
                    errs.append(f"bad published {doc['published']!r}")
                for e in doc["events"]:
                    errs += check_event(e)
            for msg in errs:
                print(f"{where} ({doc.get('doc_id')}): {msg}")
            problems += len(errs)
            c["documents"] += 1
            drones = [e for e in doc.get("events", []) if e.get("type") == "drone_strike"]
            c["distractors"] += not drones
            for e in doc.get("events", []):
                c[e.get("type", "?")] = c.get(e.get("type", "?"), 0) + 1
                if e.get("type") == "drone_strike":
                    c["optional"] += bool(e.get("optional"))
                    c["aggregate"] += bool(e.get("aggregate"))
        print(f"{gold.name}: " + ", ".join(f"{k} {v}" for k, v in c.items()))
    print("OK" if not problems else f"{problems} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
