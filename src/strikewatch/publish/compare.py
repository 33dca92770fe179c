"""Compare two strike lists: which strikes both have, which only one has, and
where the matched strikes disagree.

Matching is one-to-one. A pair of events is a *candidate* when

- they are in the same country, and
- their dates are at most ``date_window`` days apart (default 1), or at most
  ``wide_window`` days apart (default 3) when their place agrees (same
  district, or coordinates within ``near_km``) *and* their casualty ranges
  overlap, and
- place and casualties do not both contradict (a strike on the same day in
  another district with a disjoint death toll is another strike).

Each candidate gets a score (closer dates, same district or nearby
coordinates, similar village names, overlapping and close casualty ranges,
same event type all raise it) and pairs are taken best first, each event at
most once: a greedy bipartite matching. Districts are compared by their
canonical name (:meth:`Gazetteer.canonical_district`), so "N. Waziristan",
"North Waziristan" and "North Waziristan Agency" agree; where a list gives no
district its village is looked up instead.

Dates are intervals: an exact date is one day, a month-precision date its
month (or ``date_earliest``..``date_latest`` when set); the gap between two
events is the number of days between their intervals (0 if they overlap).
Events without a date (or with no year) never match.
"""

from __future__ import annotations

import bisect
import calendar
import csv
import datetime as dt
import difflib
import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from strikewatch.model import Event

DEFAULT_DATE_WINDOW = 1
DEFAULT_WIDE_WINDOW = 3
DEFAULT_NEAR_KM = 25.0

#: fields on which two matched events can disagree, in report order
DISAGREEMENT_FIELDS: tuple[str, ...] = ("date", "district", "killed", "civilians", "type")

#: ``canonical(name, country)`` -> canonical district or ``None``
Canonical = Callable[[str, str | None], str | None]


# ----------------------------------------------------------------- results


@dataclass(slots=True)
class Match:
    """Two events taken as the same strike, and how they differ."""

    a: Event
    b: Event
    score: float
    #: ``b.date - a.date`` in days (``None`` if either has no exact date)
    date_diff: int | None
    #: "window" (within ``date_window``) or "wide" (the ±``wide_window`` fallback)
    window: str
    #: "same" (district), "near" (coordinates), "different" or "unknown"
    place: str
    distance_km: float | None
    a_district: str | None
    b_district: str | None
    #: whether the killed ranges overlap (``None`` if either is unknown)
    killed_overlap: bool | None
    #: whether the civilian ranges overlap (``None`` if either is unknown)
    civilians_overlap: bool | None
    #: the fields of :data:`DISAGREEMENT_FIELDS` on which the two differ
    disagreements: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "score": round(self.score, 3),
            "window": self.window,
            "date_diff_days": self.date_diff,
            "place": self.place,
            "distance_km": None if self.distance_km is None else round(self.distance_km, 1),
            "a_district": self.a_district,
            "b_district": self.b_district,
            "killed_overlap": self.killed_overlap,
            "civilians_overlap": self.civilians_overlap,
            "disagreements": list(self.disagreements),
            "a": self.a.to_json(),
            "b": self.b.to_json(),
        }


@dataclass(slots=True)
class Comparison:
    """The result of :func:`compare`: list ``a`` (ours) against list ``b`` (the reference)."""

    a_label: str
    b_label: str
    a_count: int
    b_count: int
    matched: list[Match]
    only_a: list[Event]
    only_b: list[Event]
    params: dict[str, Any] = field(default_factory=dict)

    # the names the brief uses: ours = a, reference = b
    @property
    def only_ours(self) -> list[Event]:
        return self.only_a

    @property
    def only_reference(self) -> list[Event]:
        return self.only_b

    def summary(self) -> dict[str, Any]:
        """Counts of matched and unmatched events, and disagreement statistics."""
        m = self.matched
        dated_diffs = [abs(x.date_diff) for x in m if x.date_diff is not None]
        district_known = [x for x in m if x.a_district and x.b_district]
        disagree = Counter(f for x in m for f in x.disagreements)
        return {
            "a": {"label": self.a_label, "events": self.a_count},
            "b": {"label": self.b_label, "events": self.b_count},
            "matched": len(m),
            "matched_wide": sum(x.window == "wide" for x in m),
            "only_a": len(self.only_a),
            "only_b": len(self.only_b),
            "agreeing": sum(not x.disagreements for x in m),
            "disagreements": {f: disagree.get(f, 0) for f in DISAGREEMENT_FIELDS},
            "date_diff_days": {
                str(k): v for k, v in sorted(Counter(dated_diffs).items())
            },
            "district_compared": len(district_known),
            "killed_compared": sum(x.killed_overlap is not None for x in m),
            "killed_disjoint": sum(x.killed_overlap is False for x in m),
            "civilians_compared": sum(x.civilians_overlap is not None for x in m),
            "civilians_disjoint": sum(x.civilians_overlap is False for x in m),
            "killed_totals": {
                "a_min": sum(x.a.killed_min or 0 for x in m),
                "a_max": sum(x.a.killed_max or x.a.killed_min or 0 for x in m),
                "b_min": sum(x.b.killed_min or 0 for x in m),
                "b_max": sum(x.b.killed_max or x.b.killed_min or 0 for x in m),
            },
            "civilians_totals": {
                "a_min": sum(x.a.civilians_min or 0 for x in m),
                "a_max": sum(x.a.civilians_max or x.a.civilians_min or 0 for x in m),
                "b_min": sum(x.b.civilians_min or 0 for x in m),
                "b_max": sum(x.b.civilians_max or x.b.civilians_min or 0 for x in m),
            },
        }

    def to_json(self) -> dict[str, Any]:
        return {
            "summary": self.summary(),
            "params": self.params,
            "matched": [x.to_json() for x in self.matched],
            "only_a": [e.to_json() for e in self.only_a],
            "only_b": [e.to_json() for e in self.only_b],
        }


# ----------------------------------------------------------------- matching


@dataclass(slots=True)
class _Prepared:
    event: Event
    index: int
    country: str
    lo: dt.date
    hi: dt.date
    district: str | None
    place_key: str | None


def compare(
    ours: Iterable[Event],
    reference: Iterable[Event],
    *,
    date_window: int = DEFAULT_DATE_WINDOW,
    wide_window: int = DEFAULT_WIDE_WINDOW,
    near_km: float = DEFAULT_NEAR_KM,
    ours_label: str = "ours",
    reference_label: str = "reference",
    canonical: Canonical | None = None,
) -> Comparison:
    """Match ``ours`` with ``reference`` one-to-one and report the differences.

    ``canonical`` maps a district spelling to its canonical name (default:
    the packaged gazetteer's :meth:`canonical_district`).
    """
    if date_window < 0 or wide_window < date_window:
        raise ValueError("need 0 <= date_window <= wide_window")
    a_events, b_events = list(ours), list(reference)
    district_of = _district_resolver(canonical)
    a_prep = [p for i, e in enumerate(a_events) if (p := _prepare(e, i, district_of))]
    b_prep = [p for i, e in enumerate(b_events) if (p := _prepare(e, i, district_of))]

    # block by country, then by date: only events whose intervals come within
    # ``wide_window`` days of each other are scored
    by_country: dict[str, list[_Prepared]] = {}
    for p in b_prep:
        by_country.setdefault(p.country, []).append(p)
    starts: dict[str, list[dt.date]] = {}
    longest: dict[str, int] = {}
    for c, items in by_country.items():
        items.sort(key=lambda p: (p.lo, p.index))
        starts[c] = [p.lo for p in items]
        longest[c] = max((p.hi - p.lo).days for p in items)

    candidates: list[tuple[float, int, int, int, Match]] = []
    for pa in a_prep:
        found = by_country.get(pa.country)
        if not found:
            continue
        items = found
        first = pa.lo - dt.timedelta(days=wide_window + longest[pa.country])
        last = pa.hi + dt.timedelta(days=wide_window)
        i = bisect.bisect_left(starts[pa.country], first)
        j = bisect.bisect_right(starts[pa.country], last)
        for pb in items[i:j]:
            match = _score(pa, pb, date_window, wide_window, near_km)
            if match is not None:
                gap = _gap(pa, pb)
                candidates.append((-match.score, gap, pa.index, pb.index, match))

    candidates.sort(key=lambda c: c[:4])
    used_a: set[int] = set()
    used_b: set[int] = set()
    matched: list[Match] = []
    for _, _, ia, ib, match in candidates:
        if ia in used_a or ib in used_b:
            continue
        used_a.add(ia)
        used_b.add(ib)
        matched.append(match)
    matched.sort(key=lambda m: (m.a.date or dt.date.min, m.a.event_id or ""))
    return Comparison(
        a_label=ours_label,
        b_label=reference_label,
        a_count=len(a_events),
        b_count=len(b_events),
        matched=matched,
        only_a=[e for i, e in enumerate(a_events) if i not in used_a],
        only_b=[e for i, e in enumerate(b_events) if i not in used_b],
        params={"date_window": date_window, "wide_window": wide_window, "near_km": near_km},
    )


def _district_resolver(canonical: Canonical | None) -> Callable[[Event], str | None]:
    if canonical is None:
        from strikewatch.extract.gazetteer import get_gazetteer

        gazetteer = get_gazetteer()
        canonical = gazetteer.canonical_district
    cache: dict[tuple[str, str | None, bool], str | None] = {}
    resolve = canonical

    def district_of(event: Event) -> str | None:
        for name, is_district in ((event.district, True), (event.place, False)):
            if not name:
                continue
            key = (name, event.country, is_district)
            if key not in cache:
                found = resolve(name, event.country)
                # an unknown district keeps its own (folded) name; an unknown
                # village says nothing about the district
                cache[key] = found if found or not is_district else _fold(name)
            if cache[key]:
                return cache[key]
        return None

    return district_of


def _prepare(
    event: Event, index: int, district_of: Callable[[Event], str | None]
) -> _Prepared | None:
    span = date_interval(event)
    if span is None:
        return None
    place_key = _fold(event.place) if event.place else None
    return _Prepared(
        event=event,
        index=index,
        country=(event.country or "").upper(),
        lo=span[0],
        hi=span[1],
        district=district_of(event),
        place_key=place_key or None,
    )


def date_interval(event: Event) -> tuple[dt.date, dt.date] | None:
    """The days an event's date may be, first and last; ``None`` if no year is known."""
    if event.date_earliest and event.date_latest:
        return min(event.date_earliest, event.date_latest), max(
            event.date_earliest, event.date_latest
        )
    d = event.date or event.date_earliest or event.date_latest
    if d is None or (event.date_precision or "").startswith("partial"):
        return None
    if event.date_precision == "month":
        last = calendar.monthrange(d.year, d.month)[1]
        return d.replace(day=1), d.replace(day=last)
    if event.date_precision == "year":
        return dt.date(d.year, 1, 1), dt.date(d.year, 12, 31)
    return d, d


def _gap(pa: _Prepared, pb: _Prepared) -> int:
    return max(0, (pb.lo - pa.hi).days, (pa.lo - pb.hi).days)


def _score(
    pa: _Prepared, pb: _Prepared, date_window: int, wide_window: int, near_km: float
) -> Match | None:
    gap = _gap(pa, pb)
    if gap > wide_window:
        return None
    a, b = pa.event, pb.event
    distance = _distance_km(a, b)
    place = _place_relation(pa, pb, distance, near_km)
    overlap = ranges_overlap(a.killed_min, a.killed_max, b.killed_min, b.killed_max)
    if gap > date_window:
        if place not in ("same", "near") or overlap is not True:
            return None
        window = "wide"
    else:
        if place == "different" and overlap is False:
            return None
        window = "window"

    score = 1.0 - 0.3 * gap
    width = (pa.hi - pa.lo).days + (pb.hi - pb.lo).days
    score -= 0.01 * min(width, 62)  # an imprecise date is a weaker match
    score += {"same": 0.6, "near": 0.4, "different": -0.6}.get(place, 0.0)
    if pa.place_key and pb.place_key:
        similar = difflib.SequenceMatcher(None, pa.place_key, pb.place_key).ratio()
        score += 0.3 * similar if similar >= 0.7 else 0.0
    if overlap is not None:
        score += 0.2 if overlap else -0.2
        score += 0.2 * _closeness(a, b)
    if a.type == b.type:
        score += 0.1

    date_diff = (b.date - a.date).days if a.date and b.date else None
    disagreements: list[str] = []
    if gap > 0:
        disagreements.append("date")
    if pa.district and pb.district and pa.district != pb.district:
        disagreements.append("district")
    # a figure one list does not give is no disagreement, only a gap
    for name in ("killed", "civilians"):
        ra = _range(getattr(a, f"{name}_min"), getattr(a, f"{name}_max"))
        rb = _range(getattr(b, f"{name}_min"), getattr(b, f"{name}_max"))
        if ra is not None and rb is not None and ra != rb:
            disagreements.append(name)
    if a.type != b.type:
        disagreements.append("type")
    return Match(
        a=a,
        b=b,
        score=score,
        date_diff=date_diff,
        window=window,
        place=place,
        distance_km=distance,
        a_district=pa.district,
        b_district=pb.district,
        killed_overlap=overlap,
        civilians_overlap=ranges_overlap(
            a.civilians_min, a.civilians_max, b.civilians_min, b.civilians_max
        ),
        disagreements=tuple(disagreements),
    )


def _place_relation(
    pa: _Prepared, pb: _Prepared, distance: float | None, near_km: float
) -> str:
    if pa.district and pb.district:
        if pa.district == pb.district:
            return "same"
        return "near" if distance is not None and distance <= near_km else "different"
    if distance is not None:
        return "near" if distance <= near_km else "different"
    if pa.place_key and pa.place_key == pb.place_key:
        return "same"
    return "unknown"


def _distance_km(a: Event, b: Event) -> float | None:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _range(low: int | None, high: int | None) -> tuple[int, float] | None:
    """A casualty range as numbers: a missing low is 0, a missing high is open."""
    if low is None and high is None:
        return None
    lo = low if low is not None else 0
    hi: float = high if high is not None else math.inf
    return lo, max(hi, lo)


def ranges_overlap(
    a_low: int | None, a_high: int | None, b_low: int | None, b_high: int | None
) -> bool | None:
    """Whether two casualty ranges share a value; ``None`` if either is unknown."""
    ra, rb = _range(a_low, a_high), _range(b_low, b_high)
    if ra is None or rb is None:
        return None
    return ra[0] <= rb[1] and rb[0] <= ra[1]


def _closeness(a: Event, b: Event) -> float:
    ra, rb = _range(a.killed_min, a.killed_max), _range(b.killed_min, b.killed_max)
    if ra is None or rb is None:
        return 0.0
    ma = (ra[0] + (ra[1] if math.isfinite(ra[1]) else ra[0])) / 2
    mb = (rb[0] + (rb[1] if math.isfinite(rb[1]) else rb[0])) / 2
    return 1.0 / (1.0 + abs(ma - mb))


def _fold(text: str) -> str:
    """Lower case, no accents or punctuation: "Datta Khel" and "datta-khel" fold alike."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return " ".join(re.findall(r"[a-z0-9]+", bare))


# ------------------------------------------------------------------ output


def _range_text(low: int | None, high: int | None) -> str:
    if low is None and high is None:
        return ""
    if high is None:
        return f"{low}+"
    if low is None:
        return f"0-{high}"
    return str(low) if low == high else f"{low}-{high}"


CSV_COLUMNS: tuple[str, ...] = (
    "status",
    "score",
    "window",
    "date_diff_days",
    "place",
    "distance_km",
    "disagreements",
    *(
        f"{side}_{name}"
        for side in ("a", "b")
        for name in (
            "origin",
            "event_id",
            "source_ref",
            "type",
            "date",
            "country",
            "district",
            "place",
            "killed_min",
            "killed_max",
            "civilians_min",
            "civilians_max",
        )
    ),
)


def _side(prefix: str, event: Event | None, district: str | None = None) -> dict[str, Any]:
    if event is None:
        return {}
    return {
        f"{prefix}_origin": event.origin,
        f"{prefix}_event_id": event.event_id,
        f"{prefix}_source_ref": event.source_ref,
        f"{prefix}_type": event.type,
        f"{prefix}_date": event.date.isoformat() if event.date else None,
        f"{prefix}_country": event.country,
        f"{prefix}_district": district or event.district,
        f"{prefix}_place": event.place,
        f"{prefix}_killed_min": event.killed_min,
        f"{prefix}_killed_max": event.killed_max,
        f"{prefix}_civilians_min": event.civilians_min,
        f"{prefix}_civilians_max": event.civilians_max,
    }


def comparison_rows(result: Comparison) -> list[dict[str, Any]]:
    """One row per matched pair, then per event only in ``a``, then only in ``b``.

    Districts of matched pairs are the canonical names that were compared.
    """
    rows: list[dict[str, Any]] = []
    for m in result.matched:
        row: dict[str, Any] = {
            "status": "matched",
            "score": round(m.score, 3),
            "window": m.window,
            "date_diff_days": m.date_diff,
            "place": m.place,
            "distance_km": None if m.distance_km is None else round(m.distance_km, 1),
            "disagreements": " ".join(m.disagreements),
        }
        row.update(_side("a", m.a, m.a_district))
        row.update(_side("b", m.b, m.b_district))
        rows.append(row)
    for status, prefix, events in (("only_a", "a", result.only_a), ("only_b", "b", result.only_b)):
        for e in events:
            rows.append({"status": status, **_side(prefix, e)})
    return rows


def write_csv(result: Comparison, out: str | Path | IO[str]) -> None:
    """The comparison as CSV (:data:`CSV_COLUMNS`), to a path or an open text stream."""
    rows = comparison_rows(result)

    def write(fh: IO[str]) -> None:
        writer = csv.DictWriter(fh, fieldnames=CSV_COLUMNS, extrasaction="raise")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: ("" if v is None else v) for k, v in row.items()})

    if isinstance(out, str | Path):
        with Path(out).open("w", encoding="utf-8", newline="") as fh:
            write(fh)
    else:
        write(out)


def write_json(result: Comparison, out: str | Path | IO[str]) -> None:
    """The comparison as one JSON object: summary, params, matched, only_a, only_b."""
    text = json.dumps(result.to_json(), ensure_ascii=False, indent=2)
    if isinstance(out, str | Path):
        Path(out).write_text(text + "\n", encoding="utf-8")
    else:
        out.write(text + "\n")


def format_table(result: Comparison, *, details: bool = False) -> str:
    """The comparison for people: counts, disagreements, and (``details``) the rows."""
    s = result.summary()
    a, b = result.a_label, result.b_label
    width = max(len(a), len(b)) + 12
    lines = [
        f"{a}: {result.a_count} events; {b}: {result.b_count} events",
        f"(dates within ±{result.params['date_window']} day, "
        f"±{result.params['wide_window']} when place and figures agree)",
        "",
        f"{'in both':<{width}} {s['matched']:>5}"
        + (f"   ({s['matched_wide']} by the wider date window)" if s["matched_wide"] else ""),
        f"{'only in ' + a:<{width}} {s['only_a']:>5}",
        f"{'only in ' + b:<{width}} {s['only_b']:>5}",
        f"{'agreeing in full':<{width}} {s['agreeing']:>5}",
        "",
        "disagreements among the matched:",
    ]
    d = s["disagreements"]
    diffs = ", ".join(
        f"{k} day{'s' if k != '1' else ''}: {v}" for k, v in s["date_diff_days"].items() if k != "0"
    )
    lines.append(f"  {'date':<18} {d['date']:>5}" + (f"   ({diffs})" if diffs else ""))
    lines.append(
        f"  {'district':<18} {d['district']:>5}   (of {s['district_compared']} with both known)"
    )
    lines.append(
        f"  {'killed range':<18} {d['killed']:>5}   ({s['killed_disjoint']} not even overlapping,"
        f" of {s['killed_compared']} with both known)"
    )
    lines.append(
        f"  {'civilians range':<18} {d['civilians']:>5}   ({s['civilians_disjoint']} not even"
        f" overlapping, of {s['civilians_compared']} with both known)"
    )
    lines.append(f"  {'event type':<18} {d['type']:>5}")
    kt, ct = s["killed_totals"], s["civilians_totals"]
    lines += [
        "",
        "casualties of the matched strikes (sum of minimums - sum of maximums):",
        f"  {'killed':<10} {a}: {kt['a_min']}-{kt['a_max']}   {b}: {kt['b_min']}-{kt['b_max']}",
        f"  {'civilians':<10} {a}: {ct['a_min']}-{ct['a_max']}   {b}: {ct['b_min']}-{ct['b_max']}",
    ]
    if details:
        lines += ["", _details(result)]
    return "\n".join(lines)


def _describe(event: Event, district: str | None = None) -> str:
    when = event.date.isoformat() if event.date else "no date"
    where = ", ".join(x for x in (event.place, district or event.district) if x) or "?"
    killed = _range_text(event.killed_min, event.killed_max) or "?"
    ref = event.source_ref or event.event_id or ""
    return f"{ref:<12} {when}  {where:<40.40} killed {killed}"


def _details(result: Comparison) -> str:
    lines = [f"matched with disagreements ({result.a_label} | {result.b_label}):"]
    for m in result.matched:
        if m.disagreements:
            lines.append(
                f"  [{', '.join(m.disagreements)}]\n"
                f"    {_describe(m.a, m.a_district)}\n    {_describe(m.b, m.b_district)}"
            )
    lines.append(f"only in {result.a_label}:")
    lines += [f"  {_describe(e)}" for e in result.only_a]
    lines.append(f"only in {result.b_label}:")
    lines += [f"  {_describe(e)}" for e in result.only_b]
    return "\n".join(lines)
