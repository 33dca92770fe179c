"""``strikewatch events list|show``: events from the database, and why each holds together."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import click

from strikewatch.commands.ingest import busy_option, db_option, fail
from strikewatch.errors import StrikewatchError

if TYPE_CHECKING:
    from strikewatch.store import EventDetail


@click.group("events")
def events_group() -> None:
    """List events in the database and show how one was put together."""


@events_group.command("list")
@db_option
@click.option("--country", help="Only events in this country (ISO code, such as PK or YE).")
@click.option(
    "--limit", type=click.IntRange(min=0), default=50, show_default=True,
    help="At most this many events, latest first (0: all).",
)  # fmt: skip
@busy_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per event.")
def list_cmd(db: str, country: str | None, limit: int, busy_timeout: float, as_json: bool) -> None:
    """Events, latest first: date, place, killed range, how many reports."""
    from strikewatch.store import list_events, open_store

    try:
        with open_store(db, busy_timeout=busy_timeout, write=False) as store:
            rows = list_events(store, country=country, limit=limit or None)
    except StrikewatchError as exc:
        fail(exc)
        return
    if as_json:
        for row in rows:
            click.echo(json.dumps(_jsonable(row), ensure_ascii=False))
        return
    if not rows:
        click.echo("no events" + (f" in {country}" if country else ""))
        return
    table = [("id", "date", "type", "country", "place", "killed", "reports")]
    for row in rows:
        table.append(
            (
                str(row["id"]),
                _when(row),
                str(row["type"]),
                row["country"] or "?",
                _place(row),
                _range(row["killed_min"], row["killed_max"]),
                str(row["mention_count"]),
            )
        )
    widths = [max(len(line[i]) for line in table) for i in range(len(table[0]))]
    for line in table:
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip())


@events_group.command("show")
@click.argument("event_id", type=int)
@db_option
@busy_option
@click.option("--json", "as_json", is_flag=True, help="Print the event as JSON.")
def show_cmd(event_id: int, db: str, busy_timeout: float, as_json: bool) -> None:
    """One event: its figures and range with the sources of each bound, and why
    each mention is in it (score, reasons, sentence)."""
    from strikewatch.store import event_detail, open_store, shown

    try:
        with open_store(db, busy_timeout=busy_timeout, write=False) as store:
            detail = event_detail(store, event_id)
    except StrikewatchError as exc:
        fail(exc)
        return
    if detail is None:
        fail(StrikewatchError(f"no event {event_id} in {shown(db)}; see `strikewatch events list`",
                              code="not_found"))  # fmt: skip
        return
    if as_json:
        click.echo(json.dumps(_jsonable(_detail_json(detail)), ensure_ascii=False, indent=2))
        return
    click.echo("\n".join(render_detail(detail)))


def render_detail(detail: EventDetail) -> list[str]:
    e = detail.event
    lines = [
        f"event {e['id']}: {e['type'].replace('_', ' ')}, {_when(e)}"
        + (f" ({e['date_precision']})" if e.get("date_precision") else ""),
        f"  place      {_place(e)}"
        + (f" [{e['lat']:.4f}, {e['lon']:.4f}, {e['geo_precision']}]"
           if e.get("lat") is not None and e.get("lon") is not None else ""),
        f"  country    {e['country'] or '?'}",
        f"  perpetrator {e['perpetrator'] or '?'}",
    ]  # fmt: skip
    if e.get("date_earliest") or e.get("date_latest"):
        lines.append(
            f"  date range {e.get('date_earliest') or '?'} .. {e.get('date_latest') or '?'}"
        )
    if e.get("groups"):
        lines.append(f"  groups     {', '.join(e['groups'])}")
    if e.get("named"):
        lines.append(f"  named      {', '.join(e['named'])}")
    lines.append(f"  reports    {e['mention_count']} from {len(e.get('sources') or [])} source(s)")
    lines.append("")
    if detail.bounds:
        lines.append("figures (min of the minimums, max of the maximums):")
        for name, b in detail.bounds.items():
            lines.append(f"  {name:<10} {_range(b['min'], b['max'])}")
            lines.append(f"    min {b['min']} from {_sources(b['min_sources'])}")
            lines.append(f"    max {b['max']} from {_sources(b['max_sources'])}")
    else:
        lines.append("figures: none stated")
    lines.append("")
    lines.append("why each report is in this event:")
    for link in detail.links:
        score = "-" if link.score is None else f"{link.score:.2f}"
        how = (
            "started the event"
            if link.started
            else f"joined, score {score} >= {link.threshold:.2f}"
        )
        lines.append(f"  mention {link.mention_id} (document {link.document_id}, {link.source}"
                     + (f", published {link.published}" if link.published else "") + f"): {how}")  # fmt: skip
        if link.started and link.score is not None:
            lines.append(f"    nearest other event scored {score} < {link.threshold:.2f}")
        for reason in link.reasons:
            lines.append(f"    - {reason}")
        lines.append(f"    killed {_range(link.killed_min, link.killed_max)}"
                     + (f", date {link.date_value}" if link.date_value else ""))  # fmt: skip
        lines.append(f"    \u201c{_one_line(link.sentence)}\u201d "
                     f"[chars {link.sentence_start}-{link.sentence_end}]")  # fmt: skip
    return lines


def _detail_json(detail: EventDetail) -> dict[str, Any]:
    from dataclasses import asdict

    return {
        "event": detail.event,
        "bounds": {
            name: {
                "min": b["min"],
                "min_sources": [asdict(s) for s in b["min_sources"]],
                "max": b["max"],
                "max_sources": [asdict(s) for s in b["max_sources"]],
            }
            for name, b in detail.bounds.items()
        },
        "mentions": [asdict(link) for link in detail.links],
    }


def _sources(sources: list[Any]) -> str:
    return "; ".join(f"{s.source or s.key} (mention {s.mention_id})" for s in sources) or "?"


def _range(lo: int | None, hi: int | None) -> str:
    if lo is None and hi is None:
        return "?"
    if lo == hi or hi is None:
        return str(lo)
    if lo is None:
        return f"up to {hi}"
    return f"{lo}-{hi}"


def _when(row: dict[str, Any]) -> str:
    if row.get("date"):
        return str(row["date"])
    if row.get("date_latest"):
        return f"by {row['date_latest']}"
    return "undated"


def _place(row: dict[str, Any]) -> str:
    parts = [row.get("place"), row.get("district"), row.get("admin1")]
    seen: list[str] = []
    for p in parts:
        if p and p not in seen:
            seen.append(p)
    return ", ".join(seen) or "?"


def _one_line(text: str, limit: int = 400) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _jsonable(value: Any) -> Any:
    import datetime as dt

    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value
