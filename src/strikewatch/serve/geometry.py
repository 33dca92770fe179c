"""The dashboard's offline map: simplified boundaries, built once, shipped in the package.

``build_geometry`` reads the shared boundary files (countries, provinces,
districts as GeoJSON), simplifies every ring with Douglas-Peucker, rounds
coordinates and writes one compact JSON file, ``data/web/static/geo.json``::

    {"attribution": "...",
     "countries": [{"id": "PK", "name": "Pakistan", "bbox": [w, s, e, n], "rings": [[[lon, lat], ...], ...]}],
     "admin1": [{"country": "PK", "name": "...", "bbox": [...], "rings": [...]}],
     "admin2": [{"country": "PK", "admin1": "...", "name": "...", "bbox": [...], "rings": [...]}]}

Run ``python -m strikewatch.serve.geometry ../shared/data/geo`` to rebuild it.
At run time :func:`load_geometry` reads it once and :func:`layer_paths`
turns each layer into SVG path data in the equirectangular projection the
map uses (cached per standard parallel).
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = [
    "ATTRIBUTION",
    "build_geometry",
    "load_geometry",
    "project",
    "simplify",
]

ATTRIBUTION = (
    "Boundaries: Natural Earth (public domain); Who's On First (whosonfirst.org, "
    "CC0/CC BY, see its licence); place names: GeoNames (CC BY 4.0) via Who's On First."
)

Point = tuple[float, float]
Ring = list[Point]

#: Douglas-Peucker tolerance (degrees) and rounding (decimals) per layer
TOLERANCE = {"countries": 0.02, "admin1": 0.03, "admin2": 0.02}
DECIMALS = {"countries": 3, "admin1": 2, "admin2": 2}
#: rings smaller than this (degrees, bbox side) are dropped: specks of islands
MIN_RING = {"countries": 0.05, "admin1": 0.08, "admin2": 0.04}


def _perpendicular(p: Point, a: Point, b: Point) -> float:
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return math.hypot(x - x1, y - y1)
    t = ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)
    t = max(0.0, min(1.0, t))
    return math.hypot(x - (x1 + t * dx), y - (y1 + t * dy))


def simplify(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker on one open or closed line (iterative: no recursion limit)."""
    n = len(points)
    if n < 3:
        return list(points)
    keep = [False] * n
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, -1
        a, b = points[first], points[last]
        for i in range(first + 1, last):
            d = _perpendicular(points[i], a, b)
            if d > best:
                best, index = d, i
        if index >= 0 and best > tolerance:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [p for p, k in zip(points, keep, strict=True) if k]


def _simplify_ring(ring: Sequence[Sequence[float]], layer: str) -> Ring | None:
    pts: list[Point] = [(float(p[0]), float(p[1])) for p in ring]
    if len(pts) < 4:
        return None
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    if max(xs) - min(xs) < MIN_RING[layer] and max(ys) - min(ys) < MIN_RING[layer]:
        return None
    # a closed ring: split at the point farthest from the start so both
    # halves keep their shape, then simplify each half
    far = max(range(len(pts)), key=lambda i: (pts[i][0] - pts[0][0]) ** 2 + (pts[i][1] - pts[0][1]) ** 2)
    tol = TOLERANCE[layer]
    half1 = simplify(pts[: far + 1], tol)
    half2 = simplify(pts[far:], tol)
    out = half1[:-1] + half2
    digits = DECIMALS[layer]
    rounded: Ring = []
    for x, y in out:
        q = (round(x, digits), round(y, digits))
        if not rounded or rounded[-1] != q:
            rounded.append(q)
    if len(rounded) < 4:
        return None
    return rounded


def _polygons(geometry: dict[str, Any]) -> Iterable[list[list[list[float]]]]:
    kind = geometry.get("type")
    if kind == "Polygon":
        yield geometry["coordinates"]
    elif kind == "MultiPolygon":
        yield from geometry["coordinates"]


def _feature(geometry: dict[str, Any], layer: str) -> tuple[list[Ring], list[float]] | None:
    rings: list[Ring] = []
    for polygon in _polygons(geometry):
        for ring in polygon:
            simple = _simplify_ring(ring, layer)
            if simple is not None:
                rings.append(simple)
    if not rings:
        return None
    xs = [p[0] for r in rings for p in r]
    ys = [p[1] for r in rings for p in r]
    return rings, [min(xs), min(ys), max(xs), max(ys)]


def build_geometry(source: str | Path, out: str | Path | None = None) -> dict[str, Any]:
    """Simplify ``countries.geojson``, ``admin1.geojson`` and ``admin2.geojson`` of ``source``."""
    source = Path(source)
    result: dict[str, Any] = {"attribution": ATTRIBUTION}
    layers: dict[str, tuple[str, Callable[[dict[str, Any]], dict[str, Any]]]] = {
        "countries": ("countries.geojson", lambda p: {"id": p["iso_a2"], "name": p["name"]}),
        "admin1": (
            "admin1.geojson",
            lambda p: {"country": p["iso_a2"], "name": p["name"]},
        ),
        "admin2": (
            "admin2.geojson",
            lambda p: {
                "country": p["iso_a2"],
                "admin1": p.get("ne_admin1") or p.get("parent_name"),
                "name": p.get("name_en") or p["name"],
            },
        ),
    }
    for layer, (name, props) in layers.items():
        data = json.loads((source / name).read_text(encoding="utf-8"))
        items = []
        for feature in data["features"]:
            built = _feature(feature["geometry"], layer)
            if built is None:
                continue
            rings, bbox = built
            items.append({**props(feature["properties"]), "bbox": bbox, "rings": rings})
        result[layer] = items
    if out is not None:
        Path(out).write_text(json.dumps(result, separators=(",", ":")), encoding="utf-8")
    return result


def _default_path() -> Path:
    return Path(str(resources.files("strikewatch") / "data" / "web" / "static" / "geo.json"))


@lru_cache(maxsize=1)
def load_geometry() -> dict[str, Any]:
    """The shipped geometry (read once)."""
    data: dict[str, Any] = json.loads(_default_path().read_text(encoding="utf-8"))
    return data


def project(lon: float, lat: float, k: float) -> Point:
    """Equirectangular: ``x = lon * k`` (``k`` = cos of the standard parallel), ``y = -lat``."""
    return (lon * k, -lat)


@lru_cache(maxsize=64)
def layer_paths(layer: str, k: float) -> tuple[tuple[dict[str, Any], str], ...]:
    """Each feature of ``layer`` with its SVG path data, projected with ``k``."""
    out = []
    for feature in load_geometry()[layer]:
        parts = []
        for ring in feature["rings"]:
            coords = [project(x, y, k) for x, y in ring]
            head = f"M{coords[0][0]:.3f} {coords[0][1]:.3f}"
            tail = "".join(f"L{x:.3f} {y:.3f}" for x, y in coords[1:])
            parts.append(head + tail + "Z")
        out.append((feature, "".join(parts)))
    return tuple(out)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print("usage: python -m strikewatch.serve.geometry SHARED_GEO_DIR [OUT]", file=sys.stderr)
        return 2
    out = Path(args[1]) if len(args) > 1 else _default_path()
    data = build_geometry(args[0], out)
    sizes = {k: sum(len(r) for f in data[k] for r in f["rings"]) for k in ("countries", "admin1", "admin2")}
    print(f"wrote {out} ({out.stat().st_size:,} bytes; points {sizes})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
