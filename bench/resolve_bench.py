"""Resolution at scale: synthetic claims into events, timed and scored.

Generates claims as extraction would give them for a synthetic war: strikes
over 15 years in seven countries and their districts and villages, each
reported by 1 to 30 sources with the noise real reports have (no stated day,
a weekday resolved one day off, hedged and changing figures, misspelt
villages, a wrong district now and then, a second strike the same day in the
same district), then resolves them with :func:`strikewatch.resolve.resolve_all`
and prints the time, claims per second, events made, pairwise precision and
recall against the generator's truth, and peak memory.

    python bench/resolve_bench.py                 # 100k, 300k and 1M, one process each
    python bench/resolve_bench.py --n 200000      # one size
    python bench/resolve_bench.py --check         # exit 1 if 1M takes 5 minutes or more

Each size runs in its own process so its peak memory (ru_maxrss) is its own.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import math
import random
import resource
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from strikewatch.model import DatePrecision
from strikewatch.resolve import Claim, MemoryIndex, Resolver
from strikewatch.resolve.metrics import pairwise_scores

START = dt.date(2004, 1, 1)
DAYS = 15 * 365
TIME_BAR_S = 300.0

#: country -> (share of strikes, districts, perpetrators, groups)
COUNTRIES: dict[str, tuple[float, tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "PK": (
        0.30,
        ("North Waziristan", "South Waziristan", "Khyber", "Kurram", "Bajaur", "Orakzai",
         "Mohmand", "Bannu", "Hangu", "Lakki Marwat"),
        ("US",),
        ("Taliban", "al-Qaeda", "Haqqani network", "TTP", "IMU"),
    ),
    "YE": (
        0.15,
        ("Shabwah", "Abyan", "Marib", "Al Bayda", "Hadramawt", "Sanaa", "Al Jawf", "Lahij"),
        ("US", "US", "US", "Saudi Arabia"),
        ("AQAP", "al-Qaeda", "Ansar al-Sharia", "Islamic State"),
    ),
    "SO": (
        0.10,
        ("Lower Shabelle", "Middle Juba", "Lower Juba", "Gedo", "Bay", "Hiran", "Banadir"),
        ("US",),
        ("al-Shabaab", "Islamic State"),
    ),
    "AF": (
        0.22,
        ("Kunar", "Nangarhar", "Helmand", "Kandahar", "Paktika", "Khost", "Zabul", "Ghazni",
         "Logar", "Wardak", "Nuristan", "Paktia"),
        ("US", "US", "UK"),
        ("Taliban", "Haqqani network", "Islamic State", "al-Qaeda"),
    ),
    "IQ": (0.09, ("Nineveh", "Anbar", "Kirkuk", "Salahuddin"), ("US", "Iraq"), ("Islamic State",)),
    "SY": (
        0.10,
        ("Idlib", "Aleppo", "Raqqa", "Deir ez-Zor", "Hasakah"),
        ("US", "Russia", "Turkey"),
        ("Islamic State", "Hayat Tahrir al-Sham", "al-Qaeda"),
    ),
    "LY": (0.04, ("Sirte", "Derna", "Benghazi"), ("US", "UAE"), ("Islamic State",)),
}  # fmt: skip

_SYLLABLES = (
    "da ta mir an sha wa zi ra kot gul ba har doa ma dat kar ja ni mu sa ha bad "
    "ghu lam zan az qa lai den rak tal pir ali khan".split()
)
_SUFFIXES = ("", "", "", " Khel", " Kalay", " Kot", "abad", " Bazaar")
_FIRST = "Abu Mullah Qari Sheikh Hafiz Maulvi Said Anwar Fahd Ibrahim Nasir Badar Ilyas".split()
_LAST = "Mehsud Wazir Rehman Zubair Haqqani Awlaki Dhahab Quso Harithi Kashmiri Libi Masri".split()
_KINDS = {
    "vehicle": ("car", "vehicle", "pickup truck", "motorcycle"),
    "building": ("house", "compound", "building", "madrassa"),
    "gathering": ("funeral", "meeting", "market"),
    "camp": ("training camp", "camp"),
}
_OUTLETS = "Reuters AFP Dawn AP officials residents witnesses sources".split()
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(slots=True)
class Village:
    name: str
    lat: float
    lon: float


@dataclass(slots=True)
class Strike:
    sid: int
    country: str
    district: str
    village: Village
    day: dt.date
    killed: tuple[int, int]
    injured: int | None
    perpetrator: str
    group: str
    named: str | None
    kind: str
    target: str
    detail: str
    missiles: int | None
    ordinal: int = 0  # 2 for the second strike of a day in one district
    first_of: int | None = None  # the sibling strike this one follows


@dataclass(slots=True)
class World:
    rng: random.Random
    villages: dict[tuple[str, str], list[Village]] = field(default_factory=dict)

    def village_names(self, country: str, district: str) -> list[Village]:
        key = (country, district)
        if key not in self.villages:
            r = self.rng
            lat0, lon0 = r.uniform(10, 37), r.uniform(35, 72)
            made: list[Village] = []
            names: set[str] = set()
            while len(made) < 25:
                name = "".join(r.choice(_SYLLABLES) for _ in range(r.randint(2, 3)))
                name = name.capitalize() + r.choice(_SUFFIXES)
                if name in names:
                    continue
                names.add(name)
                made.append(Village(name, lat0 + r.uniform(-0.3, 0.3), lon0 + r.uniform(-0.3, 0.3)))
            self.villages[key] = made
        return self.villages[key]


def make_strikes(world: World, n: int) -> list[Strike]:
    """``n`` strikes; about 7% are a second strike on the same day in the same district."""
    r = world.rng
    codes = list(COUNTRIES)
    weights = [COUNTRIES[c][0] for c in codes]
    strikes: list[Strike] = []
    while len(strikes) < n:
        country = r.choices(codes, weights)[0]
        _, districts, perps, groups = COUNTRIES[country]
        district = r.choice(districts)
        day = START + dt.timedelta(days=r.randrange(DAYS))
        strikes.append(_strike(world, len(strikes), country, district, day, perps, groups))
        if r.random() < 0.07 and len(strikes) < n:
            first = strikes[-1]
            second = _strike(world, len(strikes), country, district, day, perps, groups)
            while second.village.name == first.village.name:
                second.village = r.choice(world.village_names(country, district))
            second.ordinal, second.first_of = 2, first.sid
            strikes.append(second)
    return strikes


def _strike(
    world: World,
    sid: int,
    country: str,
    district: str,
    day: dt.date,
    perps: tuple[str, ...],
    groups: tuple[str, ...],
) -> Strike:
    r = world.rng
    lo = 1 + int(r.expovariate(1 / 4))
    hi = lo + r.choice((0, 0, 0, 1, 2, 3))
    named = f"{r.choice(_FIRST)} {r.choice(_LAST)}" if r.random() < 0.15 else None
    kind = r.choice(list(_KINDS))
    return Strike(
        sid=sid,
        country=country,
        district=district,
        village=r.choice(world.village_names(country, district)),
        day=day,
        killed=(lo, hi),
        injured=r.randint(1, 8) if r.random() < 0.4 else None,
        perpetrator=r.choice(perps),
        group=r.choice(groups),
        named=named,
        kind=kind,
        target=r.choice(_KINDS[kind]),
        detail=r.choice(_DETAILS),
        missiles=r.randint(1, 6) if r.random() < 0.5 else None,
    )


def _misspell(r: random.Random, name: str) -> str:
    i = r.randrange(1, len(name))
    c = name[i]
    if c in "aeiou":
        return name[:i] + r.choice("aeiou") + name[i + 1 :]
    return name[:i] + c + name[i:]  # a doubled letter


def report(world: World, s: Strike, doc_id: str, index: int) -> Claim:
    """One source's claim about a strike, with the noise of real reports."""
    r = world.rng
    lag = r.choices((0, 1, 2, 3), (50, 30, 12, 8))[0]
    published: dt.date | None = s.day + dt.timedelta(days=lag)
    u = r.random()
    date: dt.date | None = None
    date_value: str | None = None
    precision: DatePrecision | None = None
    if u < 0.55:
        date = s.day if r.random() > 0.05 else s.day + dt.timedelta(days=r.choice((-1, 1)))
        date_value, precision = date.isoformat(), "day"
    elif u < 0.62:
        date_value, precision = s.day.strftime("%Y-%m"), "month"
    if r.random() < 0.01:
        published = None  # an undated page
    country = s.country if r.random() < 0.9 else None
    district = None
    if r.random() < 0.6:
        district = s.district
        if r.random() < 0.02:
            district = r.choice(COUNTRIES[s.country][1])
    place = lat = lon = None
    precision_geo = None
    v = r.random()
    if v < 0.3:
        place, lat, lon, precision_geo = s.village.name, s.village.lat, s.village.lon, "village"
    elif v < 0.4:
        place = _misspell(r, s.village.name)
    killed = _reported_killed(r, s.killed)
    injured = None
    if s.injured is not None and r.random() < 0.3:
        injured = max(0, s.injured + r.choice((-1, 0, 0, 0, 1)))
    perp = s.perpetrator if r.random() < 0.65 else None
    groups = (s.group,) if r.random() < 0.4 else ()
    named: tuple[str, ...] = ()
    if s.named and r.random() < 0.5:
        named = (s.named if r.random() > 0.2 else _misspell(r, s.named),)
    missiles = s.missiles if s.missiles is not None and r.random() < 0.3 else None
    text = _sentence(r, s, killed, place, district, date, named, missiles)
    return Claim(
        key=f"{doc_id}#{index}",
        doc_id=doc_id,
        index=index,
        type="drone_strike" if r.random() < 0.9 else "air_strike",
        date=date,
        date_value=date_value,
        date_precision=precision,
        published=published,
        country=country,
        district=district,
        place=place,
        lat=lat,
        lon=lon,
        geo_precision=precision_geo,
        killed_min=killed[0],
        killed_max=killed[1],
        injured_min=injured,
        injured_max=injured,
        missiles=missiles,
        perpetrator=perp,
        groups=groups,
        named=named,
        text=text,
    )


def _reported_killed(r: random.Random, true: tuple[int, int]) -> tuple[int | None, int | None]:
    lo, hi = true
    u = r.random()
    if u < 0.15:
        return None, None
    if u < 0.55:
        n = r.randint(lo, hi)
        return n, n
    if u < 0.68:
        return lo, None  # "at least"
    if u < 0.78:
        return lo, hi
    if u < 0.83:
        return None, hi  # "up to"
    n = max(0, lo + r.choice((-2, -1, 1, 2, 3)))  # an early or revised count
    return n, n


_DETAILS = (
    "belonging to a local commander", "near the Afghan border", "used by foreign fighters",
    "in a remote mountain area", "as the men were eating dinner", "after dawn prayers",
    "on the outskirts of the town", "carrying suspected militants", "close to a checkpoint",
    "where fighters had gathered", "owned by a tribal elder", "near a bridge",
    "in an orchard", "beside the main road", "hours after a rally", "during a wedding party",
    "in a valley known as a militant hideout", "next to a religious school",
    "as rescuers arrived", "late at night", "in a crowded bazaar", "near the river",
)  # fmt: skip
_VERBS = ("hit", "struck", "targeted", "destroyed", "fired missiles at", "attacked")
_VICTIMS = ("people", "militants", "men", "suspected militants", "fighters", "civilians")


def _toll(r: random.Random, lo: int | None, hi: int | None) -> tuple[str, str]:
    """The toll as a participle clause and as a clause of its own."""
    who = r.choice(_VICTIMS)
    if lo is None and hi is None:
        return "killing an unknown number of people", "the toll was not known"
    if hi is None:
        return f"killing at least {lo} {who}", f"at least {lo} {who} were killed"
    if lo is None:
        return f"killing up to {hi} {who}", f"as many as {hi} {who} died"
    if lo == hi:
        return f"killing {lo} {who}", f"{lo} {who} were killed"
    return f"killing {lo} to {hi} {who}", f"between {lo} and {hi} {who} were killed"


def _sentence(
    r: random.Random,
    s: Strike,
    killed: tuple[int | None, int | None],
    place: str | None,
    district: str | None,
    date: dt.date | None,
    named: tuple[str, ...],
    missiles: int | None,
) -> str:
    """One report's sentence: several wordings, and the strike's own detail half the time."""
    toll, toll_clause = _toll(r, *killed)
    a = "a second" if s.ordinal == 2 and r.random() < 0.4 else "a"
    drone = f"{s.perpetrator} drone" if r.random() < 0.5 else r.choice(("suspected drone", "drone"))
    verb = f"fired {missiles} missiles at" if missiles else r.choice(_VERBS)
    target = s.target if r.random() < 0.7 else r.choice(_KINDS[s.kind])
    where = f" in {place}" if place else ""
    if district:
        where += f" in {district}" if not place else f", {district}"
    when = f" on {_WEEKDAYS[date.weekday()]}" if date else ""
    detail = f" {s.detail}" if r.random() < 0.5 else ""
    whom = f", including {named[0]}" if named else ""
    outlet = r.choice(_OUTLETS)
    form = r.randrange(5)
    if form == 0:
        text = f"{a} {drone} {verb} a {target}{detail}{where}{when}, {toll}{whom}, {outlet} said."
    elif form == 1:
        text = f"{toll_clause}{whom} when {a} {drone} {verb} a {target}{where}{detail}{when}."
    elif form == 2:
        text = f"{outlet} reported that {toll_clause}{where}{when} after {a} {drone} {verb} a {target}{detail}."
    elif form == 3:
        text = f"Missiles from {a} {drone} tore into a {target}{detail}{where}{when}, {toll}{whom}."
    else:
        text = f"{toll_clause}{whom} in {a} {drone} strike on a {target}{where}{when}{detail}."
    return text[0].upper() + text[1:]


def generate(n_claims: int, seed: int = 7) -> tuple[list[Claim], dict[str, int]]:
    """About ``n_claims`` claims (1-30 sources per strike) in publication order, and their truth."""
    world = World(random.Random(seed))
    r = world.rng
    strikes = make_strikes(world, max(1, round(n_claims / 15.5)))
    pending: list[tuple[dt.date, int, int, int]] = []  # (published, strike, copy, sibling doc)
    for s in strikes:
        for copy in range(r.randint(1, 30)):
            pending.append(
                (s.day + dt.timedelta(days=r.choice((0, 0, 1, 1, 2, 3))), s.sid, copy, 0)
            )
    pending.sort()
    pending = pending[:n_claims]
    claims: list[Claim] = []
    truth: dict[str, int] = {}
    for n, (_, sid, _, _) in enumerate(pending):
        s = strikes[sid]
        doc = f"d{n}"
        reported: list[Strike] = [s]
        if s.first_of is not None and r.random() < 0.3:
            reported = [strikes[s.first_of], s]  # one article tells of both strikes of the day
        for i, strike in enumerate(reported):
            claim = report(world, strike, doc, i)
            claims.append(claim)
            truth[claim.key] = strike.sid
    return claims, truth


def rss_mb() -> float:
    """Current resident memory in MB (Linux)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return math.nan
    return pages * resource.getpagesize() / 1e6


def run_one(n: int, seed: int, freeze: bool = True, explain: bool = False) -> dict[str, float]:
    t0 = time.perf_counter()
    claims, truth = generate(n, seed)
    if freeze:
        # the loaded claims live to the end: keep the collector from rescanning them
        gc.collect()
        gc.freeze()
    t1 = time.perf_counter()
    c1 = time.process_time()
    before = rss_mb()
    # reasons derived on demand (MemoryIndex.explain), as a batch over an archive would
    index = MemoryIndex(Resolver(), explain=explain)
    batch: list[Claim] = []
    for claim in claims:
        if batch and claim.doc_id != batch[0].doc_id:
            index.add_document(batch)
            batch = []
        batch.append(claim)
    index.add_document(batch)
    t2 = time.perf_counter()
    c2 = time.process_time()
    scores = pairwise_scores(index.event_of, truth)
    return {
        "claims": len(claims),
        "strikes": len(set(truth.values())),
        "events": len(index),
        "generate_s": t1 - t0,
        "resolve_s": t2 - t1,
        "resolve_cpu_s": c2 - c1,
        "claims_per_s": len(claims) / (t2 - t1),
        "comparisons_per_claim": index.comparisons / len(claims),
        "precision": scores.precision,
        "recall": scores.recall,
        "f1": scores.f1,
        "rss_before_mb": before,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def show(result: dict[str, float]) -> None:
    print(
        f"{int(result['claims']):>9,} claims  {int(result['strikes']):>7,} strikes  "
        f"{int(result['events']):>7,} events  resolve {result['resolve_s']:7.1f}s "
        f"(cpu {result['resolve_cpu_s']:6.1f}s)  "
        f"{result['claims_per_s']:>8,.0f} claims/s  "
        f"{result['comparisons_per_claim']:5.1f} cmp/claim  "
        f"P {result['precision']:.4f}  R {result['recall']:.4f}  F1 {result['f1']:.4f}  "
        f"RSS {result['rss_before_mb']:6.0f} MB after generating, peak {result['peak_rss_mb']:6.0f} MB",
        flush=True,
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--n", type=int, help="one size, in this process")
    ap.add_argument("--sizes", default="100000,300000,1000000")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--json", action="store_true", help="print the result as JSON (with --n)")
    ap.add_argument("--no-freeze", action="store_true", help="do not gc.freeze() the claims")
    ap.add_argument("--explain", action="store_true", help="give every decision its reasons now")
    ap.add_argument("--check", action="store_true", help="exit 1 if 1M claims take 5 min or more")
    args = ap.parse_args(argv)
    if args.n:
        result = run_one(args.n, args.seed, not args.no_freeze, args.explain)
        print(json.dumps(result) if args.json else "", end="\n" if args.json else "")
        if not args.json:
            show(result)
        return 0
    failed = False
    for n in (int(x) for x in args.sizes.split(",")):
        out = subprocess.run(
            [sys.executable, __file__, "--n", str(n), "--seed", str(args.seed), "--json"]
            + (["--no-freeze"] if args.no_freeze else [])
            + (["--explain"] if args.explain else []),
            check=True,
            capture_output=True,
            text=True,
        )
        result = json.loads(out.stdout.strip().splitlines()[-1])
        show(result)
        if n >= 1_000_000 and result["resolve_s"] >= TIME_BAR_S:
            failed = True
    if args.check and failed:
        print(f"FAIL: resolution slower than {TIME_BAR_S:.0f}s for 1M claims", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
