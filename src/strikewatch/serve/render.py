"""What the dashboard draws, as plain data for the templates: the map, the timeline, highlights.

Nothing here makes markup: the templates do, from these numbers and strings,
with Jinja's autoescape on. Article text reaches a page only as
:class:`Segment` text, escaped where it is written.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from strikewatch.publish.timeline import Month, Pause
from strikewatch.serve.geometry import layer_paths, load_geometry, project

__all__ = [
    "Mark",
    "Segment",
    "build_map",
    "build_timeline",
    "safe_href",
    "segments",
]

#: the map's width in CSS pixels at which sizes are designed
MAP_WIDTH = 760.0
#: strike countries to show when no event has coordinates
DEFAULT_VIEW = ("PK", "AF", "YE", "SO")

#: (shape, colour) pairs, Okabe-Ito palette: told apart by shape without colour
STYLES: tuple[tuple[str, str], ...] = (
    ("circle", "#0072B2"),
    ("square", "#D55E00"),
    ("triangle", "#009E73"),
    ("diamond", "#CC79A7"),
    ("plus", "#E69F00"),
    ("star", "#56B4E9"),
)
UNKNOWN_STYLE = ("ring", "#444444")
OTHER_STYLE = ("cross", "#222222")

TYPE_LABELS = {
    "drone_strike": "drone strike",
    "air_strike": "air strike",
    "other_attack": "other attack",
}


# ------------------------------------------------------------------------- map


@dataclass(slots=True)
class MapPoint:
    id: int
    href: str
    x: float
    y: float
    r: float
    shape: str
    colour: str
    d: str
    label: str


@dataclass(slots=True)
class LegendEntry:
    label: str
    shape: str
    colour: str
    d: str
    count: int


@dataclass(slots=True)
class MapView:
    viewbox: str
    width: float
    height: float
    stroke: float
    countries: list[dict[str, Any]] = field(default_factory=list)
    admin1: list[dict[str, Any]] = field(default_factory=list)
    admin2: list[dict[str, Any]] = field(default_factory=list)
    labels: list[dict[str, Any]] = field(default_factory=list)
    points: list[MapPoint] = field(default_factory=list)
    legend: list[LegendEntry] = field(default_factory=list)
    sizes: list[dict[str, Any]] = field(default_factory=list)
    unplaced: int = 0
    capped: bool = False
    attribution: str = ""


def shape_path(shape: str, x: float, y: float, r: float) -> str:
    """SVG path data for a marker of ``shape`` centred on ``(x, y)``, about ``r`` in radius."""

    def pts(points: Iterable[tuple[float, float]]) -> str:
        coords = [f"{px:.4f} {py:.4f}" for px, py in points]
        return "M" + "L".join(coords) + "Z"

    if shape in ("circle", "ring"):
        return (
            f"M{x - r:.4f} {y:.4f}a{r:.4f} {r:.4f} 0 1 0 {2 * r:.4f} 0"
            f"a{r:.4f} {r:.4f} 0 1 0 {-2 * r:.4f} 0Z"
        )
    if shape == "square":
        s = r * 0.88
        return pts([(x - s, y - s), (x + s, y - s), (x + s, y + s), (x - s, y + s)])
    if shape == "triangle":
        return pts([(x, y - r * 1.15), (x + r * 1.05, y + r * 0.8), (x - r * 1.05, y + r * 0.8)])
    if shape == "diamond":
        return pts([(x, y - r * 1.2), (x + r * 1.2, y), (x, y + r * 1.2), (x - r * 1.2, y)])
    if shape in ("plus", "cross"):
        a, b = r * 1.1, r * 0.38
        plus = [
            (-b, -a), (b, -a), (b, -b), (a, -b), (a, b), (b, b), (b, a), (-b, a), (-b, b),
            (-a, b), (-a, -b), (-b, -b),
        ]  # fmt: skip
        if shape == "cross":
            c = math.sqrt(0.5)
            plus = [((px - py) * c, (px + py) * c) for px, py in plus]
        return pts([(x + px, y + py) for px, py in plus])
    # star
    out = []
    for i in range(10):
        rad = r * (1.25 if i % 2 == 0 else 0.55)
        ang = math.pi / 2 + i * math.pi / 5
        out.append((x + rad * math.cos(ang), y - rad * math.sin(ang)))
    return pts(out)


def perpetrator_styles(counts: Counter[str | None]) -> dict[str | None, tuple[str, str]]:
    """A (shape, colour) per perpetrator: the commonest get the distinct ones, the US first."""
    styles: dict[str | None, tuple[str, str]] = {None: UNKNOWN_STYLE}
    ordered = sorted((p for p in counts if p is not None), key=lambda p: (p != "US", -counts[p], p))
    for i, name in enumerate(ordered):
        styles[name] = STYLES[i] if i < len(STYLES) else OTHER_STYLE
    return styles


def _radius_px(row: dict[str, Any]) -> float:
    killed = row.get("killed_max")
    if killed is None:
        killed = row.get("killed_min")
    if killed is None:
        return 3.5
    return min(20.0, 4.0 + 2.0 * math.sqrt(max(0, int(killed))))


def _union(boxes: Iterable[Sequence[float]]) -> list[float] | None:
    boxes = list(boxes)
    if not boxes:
        return None
    return [
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    ]


def _intersects(a: Sequence[float], b: Sequence[float]) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def view_box(
    points: Sequence[dict[str, Any]],
    *,
    country: str | None = None,
    district: str | None = None,
) -> list[float]:
    """The lon/lat box to show: the chosen district or country, else the countries with points."""
    geo = load_geometry()
    by_country = {c["id"]: c for c in geo["countries"]}
    box: list[float] | None = None
    if district:
        box = _union(
            f["bbox"]
            for f in geo["admin2"]
            if f["name"] == district and (country is None or f["country"] == country)
        )
        if box is not None:
            box = [box[0] - 1.5, box[1] - 1.2, box[2] + 1.5, box[3] + 1.2]
    if box is None and country and country in by_country:
        box = _fit_country(by_country[country], [p for p in points if p.get("country") == country])
    if box is None and points:
        boxes = []
        for code in {p.get("country") for p in points}:
            feature = by_country.get(code or "")
            if feature is not None:
                boxes.append(_fit_country(feature, [p for p in points if p.get("country") == code]))
        if not boxes:
            boxes.append(_points_box(points))
        box = _union(boxes)
    if box is None:
        box = _union(by_country[c]["bbox"] for c in DEFAULT_VIEW if c in by_country)
    assert box is not None
    # at least 3 degrees across, a little margin, an aspect between 1:1 and 2.2:1
    w, h = box[2] - box[0], box[3] - box[1]
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    w, h = max(w, 3.0) * 1.06, max(h, 3.0) * 1.06
    k = math.cos(math.radians(cy))
    if w * k < h:
        w = h / k
    if w * k > 2.2 * h:
        h = w * k / 2.2
    return [cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2]


def _points_box(points: Sequence[dict[str, Any]]) -> list[float]:
    xs = [float(p["lon"]) for p in points]
    ys = [float(p["lat"]) for p in points]
    return [min(xs), min(ys), max(xs), max(ys)]


def _fit_country(feature: dict[str, Any], points: Sequence[dict[str, Any]]) -> list[float]:
    box = list(feature["bbox"])
    if box[2] - box[0] > 60 and points:  # Russia: the points, not the whole country
        pb = _points_box(points)
        return [pb[0] - 3, pb[1] - 2, pb[2] + 3, pb[3] + 2]
    return box


def build_map(
    points: Sequence[dict[str, Any]],
    *,
    country: str | None = None,
    district: str | None = None,
    unplaced: int = 0,
    capped: bool = False,
    perpetrators: Counter[str | None] | None = None,
    min_px: float = 0.0,
) -> MapView:
    """The map of ``points`` (rows with id, lat, lon, killed, perpetrator, ...)."""
    geo = load_geometry()
    box = view_box(points, country=country, district=district)
    k = round(math.cos(math.radians((box[1] + box[3]) / 2)) * 20) / 20
    x0, y0 = project(box[0], box[3], k)
    x1, y1 = project(box[2], box[1], k)
    width, height = x1 - x0, y1 - y0
    scale = width / MAP_WIDTH
    view = MapView(
        viewbox=f"{x0:.3f} {y0:.3f} {width:.3f} {height:.3f}",
        width=MAP_WIDTH,
        height=round(MAP_WIDTH * height / width, 1),
        stroke=scale,
        unplaced=unplaced,
        capped=capped,
        attribution=str(geo.get("attribution", "")),
    )
    focus = {p.get("country") for p in points} | ({country} if country else set())
    in_view = set()
    for feature, d in layer_paths("countries", k):
        if _intersects(feature["bbox"], box):
            in_view.add(feature["id"])
            view.countries.append(
                {"id": feature["id"], "name": feature["name"], "d": d, "focus": feature["id"] in focus}
            )
            label = _label(feature, box, k)
            if label is not None:
                view.labels.append(label)
    for feature, d in layer_paths("admin1", k):
        if feature["country"] in in_view and _intersects(feature["bbox"], box):
            view.admin1.append({"name": feature["name"], "d": d})
    if box[2] - box[0] < 16:
        for feature, d in layer_paths("admin2", k):
            if _intersects(feature["bbox"], box):
                view.admin2.append(
                    {"name": feature["name"], "d": d, "chosen": feature["name"] == district}
                )
    counts = perpetrators if perpetrators is not None else Counter(p.get("perpetrator") for p in points)
    styles = perpetrator_styles(counts)
    # biggest first, so the small ones are drawn on top and stay clickable
    for row in sorted(points, key=lambda p: -_radius_px(p)):
        x, y = project(float(row["lon"]), float(row["lat"]), k)
        r = max(_radius_px(row), min_px) * scale
        shape, colour = styles.get(row.get("perpetrator"), OTHER_STYLE)
        view.points.append(
            MapPoint(
                id=int(row["id"]),
                href=f"/events/{row['id']}",
                x=x,
                y=y,
                r=r,
                shape=shape,
                colour=colour,
                d=shape_path(shape, x, y, r),
                label=point_label(row),
            )
        )
    seen = Counter(p.get("perpetrator") for p in points)
    others = sorted((n for n, st in styles.items() if st == OTHER_STYLE and seen[n]), key=str)
    for name, (shape, colour) in sorted(
        styles.items(), key=lambda kv: (kv[0] is None, kv[0] != "US", -seen[kv[0]], kv[0] or "")
    ):
        if seen[name] == 0 or (shape, colour) == OTHER_STYLE:
            continue
        view.legend.append(
            LegendEntry(
                label=name or "perpetrator not stated",
                shape=shape,
                colour=colour,
                d=shape_path(shape, 10, 10, 6),
                count=seen[name],
            )
        )
    if others:
        view.legend.append(
            LegendEntry(
                label="others: " + ", ".join(str(n) for n in others),
                shape=OTHER_STYLE[0],
                colour=OTHER_STYLE[1],
                d=shape_path(OTHER_STYLE[0], 10, 10, 6),
                count=sum(seen[n] for n in others),
            )
        )
    for killed in (1, 10, 40):
        r = _radius_px({"killed_max": killed})
        view.sizes.append({"killed": killed, "r": r, "d": shape_path("circle", 22, 22, r)})
    return view


def _label(feature: dict[str, Any], box: Sequence[float], k: float) -> dict[str, Any] | None:
    """The country's name at the centre of its largest ring, if that is in view."""
    ring = max(feature["rings"], key=len)
    lon = sum(p[0] for p in ring) / len(ring)
    lat = sum(p[1] for p in ring) / len(ring)
    if not (box[0] < lon < box[2] and box[1] < lat < box[3]):
        return None
    x, y = project(lon, lat, k)
    return {"x": x, "y": y, "text": feature["name"]}


def point_label(row: dict[str, Any]) -> str:
    """One line for a point's tooltip: date, place, killed, perpetrator."""
    when = row["date"].isoformat() if isinstance(row.get("date"), dt.date) else (row.get("date") or "undated")
    where = ", ".join(str(x) for x in (row.get("place"), row.get("district"), row.get("country")) if x)
    parts = [
        f"{TYPE_LABELS.get(str(row.get('type')), row.get('type'))} {when}",
        where or "place unknown",
        f"killed {killed_range(row.get('killed_min'), row.get('killed_max'))}",
        f"by {row.get('perpetrator') or 'not stated'}",
    ]
    return " · ".join(parts)


def killed_range(low: int | None, high: int | None) -> str:
    if low is None and high is None:
        return "not stated"
    if high is None:
        return f"at least {low}"
    if low is None:
        return f"up to {high}"
    return str(low) if low == high else f"{low}–{high}"


# -------------------------------------------------------------------- timeline


@dataclass(slots=True)
class TimelineView:
    width: float
    height: float
    plot_top: float
    plot_bottom: float
    bars: list[dict[str, Any]] = field(default_factory=list)
    pauses: list[dict[str, Any]] = field(default_factory=list)
    ticks: list[dict[str, Any]] = field(default_factory=list)
    yticks: list[dict[str, Any]] = field(default_factory=list)
    max_strikes: int = 0


def build_timeline(
    months: Sequence[Month], pauses: Sequence[Pause], *, width: float = 960, height: float = 190
) -> TimelineView | None:
    """Bars of strikes per month; bands over the pauses, the longest labelled with their days."""
    if not months:
        return None
    top, bottom, left = 26.0, height - 24.0, 34.0
    plot_w = width - left - 8
    n = len(months)
    step = plot_w / n
    peak = max(m.strikes for m in months) or 1
    view = TimelineView(width, height, top, bottom, max_strikes=peak)
    first = months[0].start

    def x_of(day: dt.date) -> float:
        index = (day.year - first.year) * 12 + day.month - first.month
        days_in = (_next_month(day) - day.replace(day=1)).days
        return left + (index + (day.day - 1) / days_in) * step

    for i, m in enumerate(months):
        if not m.strikes:
            continue
        h = (bottom - top) * m.strikes / peak
        view.bars.append(
            {
                "x": left + i * step + step * 0.1,
                "y": bottom - h,
                "w": max(step * 0.8, 0.8),
                "h": h,
                "label": f"{m.label}: {m.strikes} strike{'s' if m.strikes != 1 else ''}, "
                f"killed {m.killed_min}–{m.killed_max}",
                "month": m.label,
            }
        )
    longest = sorted(pauses, key=lambda p: -p.days)[:6]
    for p in pauses:
        x1, x2 = x_of(p.start), x_of(p.end)
        view.pauses.append(
            {
                "x": x1,
                "w": max(x2 - x1, 1.0),
                "days": p.days,
                "labelled": p in longest,
                "cx": (x1 + x2) / 2,
                "label": f"no strike from {p.start.isoformat()} to {p.end.isoformat()}: {p.days} days",
            }
        )
    years = months[-1].year - months[0].year
    every = 1 if years <= 12 else 2 if years <= 24 else 5
    for i, m in enumerate(months):
        if n <= 24 and (m.month in (1, 4, 7, 10) or i == 0):
            view.ticks.append({"x": left + i * step, "text": m.label})
        elif n > 24 and m.month == 1 and m.year % every == 0:
            view.ticks.append({"x": left + i * step, "text": str(m.year)})
    for value in sorted({0, peak // 2, peak}):
        view.yticks.append({"y": bottom - (bottom - top) * value / peak, "text": str(value)})
    return view


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + 1, 1, 1) if day.month == 12 else dt.date(day.year, day.month + 1, 1)


# ------------------------------------------------------------------ highlights


@dataclass(frozen=True, slots=True)
class Mark:
    """Characters ``[start, end)`` to highlight: a mention's sentence, or a field's evidence."""

    start: int
    end: int
    kind: str  # "sentence" | "field"
    label: str = ""
    #: the mention belongs to the event the page is about
    own: bool = True


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    sentence: bool = False
    own: bool = False
    fields: tuple[str, ...] = ()
    anchor: str | None = None

    @property
    def marked(self) -> bool:
        return self.sentence or bool(self.fields)

    @property
    def css(self) -> str:
        classes = []
        if self.sentence:
            classes.append("hl-sentence" if self.own else "hl-other")
        if self.fields:
            classes.append("hl-field")
        return " ".join(classes)

    @property
    def title(self) -> str:
        return ", ".join(self.fields)


def segments(text: str, marks: Iterable[Mark], *, offset: int = 0) -> list[Segment]:
    """``text`` cut where marks begin and end; each piece knows what covers it.

    ``offset`` is where ``text`` starts in the document (for an excerpt). The
    first piece of each sentence mark carries an ``anchor`` (``m<start>``).
    """
    end_of_text = offset + len(text)
    clipped = [
        Mark(max(m.start, offset), min(m.end, end_of_text), m.kind, m.label, m.own)
        for m in marks
        if m.end > offset and m.start < end_of_text and m.end > m.start
    ]
    cuts = sorted({offset, end_of_text, *(m.start for m in clipped), *(m.end for m in clipped)})
    out: list[Segment] = []
    anchored: set[int] = set()
    for a, b in itertools.pairwise(cuts):
        if a >= b:
            continue
        covering = [m for m in clipped if m.start <= a and m.end >= b]
        sentence = [m for m in covering if m.kind == "sentence"]
        fields = tuple(sorted({m.label for m in covering if m.kind == "field" and m.label}))
        anchor = None
        for m in sentence:
            if m.start == a and m.start not in anchored:
                anchored.add(m.start)
                anchor = f"m{m.start}"
        out.append(
            Segment(
                text=text[a - offset : b - offset],
                sentence=bool(sentence),
                own=any(m.own for m in sentence),
                fields=fields,
                anchor=anchor,
            )
        )
    return out


def safe_href(url: str | None) -> str | None:
    """``url`` if it is an http(s) link, else ``None`` (a ``javascript:`` url is never a link)."""
    if not url:
        return None
    value = url.strip()
    if any(ord(ch) < 0x20 for ch in value):
        return None
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return value
