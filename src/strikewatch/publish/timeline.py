"""Strikes per month, with casualty ranges, and the pauses between strikes.

A month's casualty range is the sum of its strikes' minimums and the sum of
their maximums (a strike with a minimum but no maximum adds its minimum to
both, and is counted as *open*; a strike with no figure adds nothing and is
counted as *unknown*). Every month from the first strike to the last is
listed, months without a strike too.

A pause is the gap between two consecutive strike dates: from the last
strike before it to the first strike after it, ``(after - before).days``
days ("no strike from 2011-11-17 to 2012-01-10: 54 days"). Pauses longer
than ``min_gap`` days are listed. Only exact dates (day precision) bound a
pause; a strike known only to its month still counts in its month, and one
whose year is unknown is counted as undated.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from strikewatch.model import Event

DEFAULT_MIN_GAP = 30


@dataclass(frozen=True, slots=True)
class Month:
    """One calendar month of the timeline."""

    year: int
    month: int
    strikes: int = 0
    killed_min: int = 0
    killed_max: int = 0
    #: strikes with a minimum but no maximum (their minimum is in both sums)
    open_ended: int = 0
    #: strikes with no casualty figure at all
    unknown: int = 0

    @property
    def label(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, self.month, 1)


@dataclass(frozen=True, slots=True)
class Pause:
    """Days without a strike between two consecutive strike dates."""

    start: dt.date
    end: dt.date

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    def __str__(self) -> str:
        return f"no strike from {self.start.isoformat()} to {self.end.isoformat()}: {self.days} days"


@dataclass(slots=True)
class Timeline:
    months: list[Month]
    pauses: list[Pause]
    min_gap: int
    #: strikes counted (with a year and month)
    strikes: int = 0
    #: strikes left out for having no date with a year
    undated: int = 0
    label: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def first(self) -> dt.date | None:
        return self.months[0].start if self.months else None

    def to_json(self) -> dict[str, object]:
        return {
            "label": self.label,
            "strikes": self.strikes,
            "undated": self.undated,
            "min_gap": self.min_gap,
            "months": [
                {
                    "month": m.label,
                    "strikes": m.strikes,
                    "killed_min": m.killed_min,
                    "killed_max": m.killed_max,
                    "open_ended": m.open_ended,
                    "unknown": m.unknown,
                }
                for m in self.months
            ],
            "pauses": [
                {"start": p.start.isoformat(), "end": p.end.isoformat(), "days": p.days}
                for p in self.pauses
            ],
        }


def _month_key(event: Event) -> tuple[int, int] | None:
    if (event.date_precision or "").startswith("partial") or event.date_precision == "year":
        return None
    d = event.date
    return (d.year, d.month) if d else None


def pauses(dates: Iterable[dt.date], min_gap: int = DEFAULT_MIN_GAP) -> list[Pause]:
    """Every gap of more than ``min_gap`` days between consecutive dates, in order."""
    days = sorted(set(dates))
    return [Pause(a, b) for a, b in itertools.pairwise(days) if (b - a).days > min_gap]


def timeline(
    events: Iterable[Event], *, min_gap: int = DEFAULT_MIN_GAP, label: str = ""
) -> Timeline:
    """The month-by-month table and the pauses longer than ``min_gap`` days."""
    counts: dict[tuple[int, int], list[int]] = {}
    exact: list[dt.date] = []
    undated = 0
    for e in events:
        key = _month_key(e)
        if key is None:
            undated += 1
            continue
        row = counts.setdefault(key, [0, 0, 0, 0, 0])
        row[0] += 1
        low, high = e.killed_min, e.killed_max
        if low is None and high is None:
            row[4] += 1
        else:
            row[1] += low or 0
            row[2] += high if high is not None else (low or 0)
            if high is None:
                row[3] += 1
        if e.date is not None and e.date_precision in (None, "day"):
            exact.append(e.date)
    months: list[Month] = []
    if counts:
        (y, m), last = min(counts), max(counts)
        while (y, m) <= last:
            c = counts.get((y, m))
            months.append(Month(y, m, *c) if c else Month(y, m))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return Timeline(
        months=months,
        pauses=pauses(exact, min_gap),
        min_gap=min_gap,
        strikes=sum(c[0] for c in counts.values()),
        undated=undated,
        label=label,
    )


def format_table(tl: Timeline) -> str:
    """The months and the pauses, as text for people."""
    lines = [f"{'month':<8} {'strikes':>7}  killed (min-max)"]
    for m in tl.months:
        if m.strikes:
            killed = f"{m.killed_min}-{m.killed_max}" if m.killed_min != m.killed_max else str(
                m.killed_min
            )
            extra = []
            if m.open_ended:
                extra.append(f"{m.open_ended} open-ended")
            if m.unknown:
                extra.append(f"{m.unknown} without figures")
            if extra:
                killed += f"  ({', '.join(extra)})"
        else:
            killed = "-"
        lines.append(f"{m.label:<8} {m.strikes:>7}  {killed}")
    total_min = sum(m.killed_min for m in tl.months)
    total_max = sum(m.killed_max for m in tl.months)
    lines.append(f"{'total':<8} {tl.strikes:>7}  {total_min}-{total_max}")
    if tl.undated:
        lines.append(f"({tl.undated} strikes without a dated year left out)")
    lines.append("")
    lines.append(f"pauses longer than {tl.min_gap} days: {len(tl.pauses)}")
    lines += [str(p) for p in tl.pauses]
    return "\n".join(lines)


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + 1, 1, 1) if day.month == 12 else dt.date(day.year, day.month + 1, 1)


def plot_timeline(tl: Timeline, path: str | Path, *, title: str | None = None) -> None:
    """Draw the timeline to a PNG (matplotlib, Agg backend).

    Two panels share the time axis: strikes per month as bars above, the
    monthly killed range (sum of minimums to sum of maximums) as a band
    below; pauses longer than ``tl.min_gap`` days are shaded in both, and the
    longest are labelled with their length.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    if not tl.months:
        raise ValueError("no dated strikes to draw")
    blue, red, amber = "#2f5d8a", "#c0392b", "#f2c94c"
    starts = [m.start for m in tl.months]
    mids = [m.start + dt.timedelta(days=14) for m in tl.months]
    span_days = (starts[-1] - starts[0]).days + 31
    strikes = [m.strikes for m in tl.months]
    lows = [m.killed_min for m in tl.months]
    highs = [m.killed_max for m in tl.months]

    fig, (top, bottom) = plt.subplots(
        2, 1, sharex=True, figsize=(13, 7), dpi=110, gridspec_kw={"height_ratios": [1, 1]}
    )
    try:
        for ax in (top, bottom):
            for p in tl.pauses:
                ax.axvspan(p.start, p.end, color=amber, alpha=0.3, lw=0, zorder=0)
            ax.grid(axis="y", color="#dddddd", lw=0.6)
            ax.set_axisbelow(True)
            for side in ("top", "right"):
                ax.spines[side].set_visible(False)

        top.bar(mids, strikes, width=24 if span_days > 400 else 20, color=blue, zorder=2)
        top.set_ylabel("strikes per month")
        top.set_ylim(0, max(strikes) * 1.18 + 0.5)
        top.yaxis.get_major_locator().set_params(integer=True)

        # the band covers each month exactly: from its first day to the next month's
        edges = [*starts, _next_month(starts[-1])]
        band_low, band_high = [*lows, lows[-1]], [*highs, highs[-1]]
        bottom.fill_between(
            edges, band_low, band_high, step="post", color=red, alpha=0.3, lw=0, zorder=2
        )
        bottom.step(edges, band_high, where="post", color=red, lw=0.7, alpha=0.7, zorder=3)
        bottom.step(edges, band_low, where="post", color=red, lw=1.3, zorder=3)
        bottom.set_ylabel("killed per month")
        bottom.set_ylim(0, max(highs) * 1.1 + 1)

        # the longest pauses, labelled at the top of the upper panel
        ymax = top.get_ylim()[1]
        for p in sorted(tl.pauses, key=lambda p: -p.days)[:6]:
            top.text(
                p.start + (p.end - p.start) / 2,
                ymax * 0.97,
                f"{p.days} d",
                ha="center",
                va="top",
                fontsize=8,
                color="#7a5c00",
                rotation=90 if p.days < span_days / 40 else 0,
            )

        if span_days > 3 * 365:
            bottom.xaxis.set_major_locator(mdates.YearLocator())  # type: ignore[no-untyped-call,unused-ignore]
            bottom.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))  # type: ignore[no-untyped-call,unused-ignore]
        else:
            every = max(1, span_days // 400)
            bottom.xaxis.set_major_locator(mdates.MonthLocator(interval=every))  # type: ignore[no-untyped-call,unused-ignore]
            bottom.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))  # type: ignore[no-untyped-call,unused-ignore]
            plt.setp(bottom.get_xticklabels(), rotation=45, ha="right")
        bottom.set_xlim(
            starts[0] - dt.timedelta(days=15),
            starts[-1] + dt.timedelta(days=46),
        )

        handles = [
            Patch(color=blue, label="strikes per month"),
            Patch(color=red, alpha=0.4, label="killed per month: sum of minimums to sum of maximums"),
            Patch(color=amber, alpha=0.5, label=f"no strike for more than {tl.min_gap} days"),
        ]
        fig.legend(handles=handles, loc="lower center", ncol=3, fontsize=9, frameon=False)
        heading = title or f"Strikes per month{': ' + tl.label if tl.label else ''}"
        fig.suptitle(
            f"{heading}\n{tl.strikes} strikes, {sum(lows)}-{sum(highs)} killed,"
            f" {len(tl.pauses)} pauses of more than {tl.min_gap} days",
            fontsize=11,
        )
        fig.tight_layout(rect=(0, 0.04, 1, 1))
        fig.savefig(str(path), format="png")
    finally:
        plt.close(fig)
