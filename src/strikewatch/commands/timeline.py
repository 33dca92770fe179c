"""``strikewatch timeline``: strikes per month with casualty ranges, and the pauses."""

from __future__ import annotations

import json
from pathlib import Path

import click

from strikewatch.errors import StrikewatchError
from strikewatch.model import EVENT_TYPES


@click.command("timeline")
@click.option("--db", "db", default=None,
              help="SQLite file (or SQLAlchemy URL) to read events from [default: strikes.db].")
@click.option("--reference", "reference", default=None,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Use a reference list's strikes instead of the database's.")
@click.option("--country", default=None, help="Only this country (ISO code, e.g. PK).")
@click.option("--type", "types", multiple=True, type=click.Choice(EVENT_TYPES),
              default=("drone_strike",), show_default=True,
              help="Event types to count (repeatable).")
@click.option("--min-gap", default=30, show_default=True, type=click.IntRange(1),
              help="List pauses longer than this many days.")
@click.option("--png", "png", default=None, type=click.Path(dir_okay=False, path_type=Path),
              help="Also draw the timeline to this PNG file.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of the table.")
def timeline_cmd(
    db: str | None,
    reference: Path | None,
    country: str | None,
    types: tuple[str, ...],
    min_gap: int,
    png: Path | None,
    as_json: bool,
) -> None:
    """Print strikes per month (killed: sum of minimums - sum of maximums) and
    every pause between consecutive strikes longer than --min-gap days."""
    from strikewatch.publish.events import label_for, load_events, select_events
    from strikewatch.publish.timeline import format_table, plot_timeline, timeline

    try:
        events = load_events(db=db, reference=reference)
    except StrikewatchError as exc:
        raise click.ClickException(f"[{exc.code}] {exc}") from exc
    events = select_events(events, country=country, types=types)
    label = label_for(events, reference.stem) if reference is not None else "strikewatch"
    countries = sorted({e.country for e in events if e.country})
    if country or len(countries) == 1:
        label += f", {country.upper() if country else countries[0]}"
    tl = timeline(events, min_gap=min_gap, label=label)
    if as_json:
        click.echo(json.dumps(tl.to_json(), indent=2))
    else:
        click.echo(format_table(tl))
    if png is not None:
        if not tl.months:
            raise click.ClickException("no dated strikes to draw")
        try:
            plot_timeline(tl, png)
        except ImportError as exc:
            raise click.ClickException(
                f"drawing needs matplotlib: pip install 'strikewatch[publish]' ({exc})"
            ) from exc
        click.echo(f"wrote {png}", err=True)
