"""``strikewatch export``: events as CSV, JSON, GeoJSON or Parquet, in a chosen column mapping."""

from __future__ import annotations

from pathlib import Path

import click

from strikewatch.errors import StrikewatchError
from strikewatch.model import EVENT_TYPES

_FORMATS = ("csv", "json", "geojson", "parquet")
_MAPPINGS = ("native", "acled", "tbij")


@click.command("export")
@click.option("--format", "fmt", required=True, type=click.Choice(_FORMATS),
              help="Output format.")
@click.option("--db", "db", default=None,
              help="SQLite file (or SQLAlchemy URL) to read events from [default: strikes.db].")
@click.option("--reference", "reference", default=None,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Export a reference list's events instead of the database's.")
@click.option("--out", "out", default=None, type=click.Path(dir_okay=False, path_type=Path),
              help="File to write [default: stdout; Parquet needs a file].")
@click.option("--mapping", default="native", show_default=True, type=click.Choice(_MAPPINGS),
              help="Column names: strikewatch's own, ACLED's or the Bureau's (docs/exports.md).")
@click.option("--country", default=None, help="Only this country (ISO code, e.g. PK).")
@click.option("--type", "types", multiple=True, type=click.Choice(EVENT_TYPES),
              help="Only events of this type (repeatable) [default: all].")
def export_cmd(
    fmt: str,
    db: str | None,
    reference: Path | None,
    out: Path | None,
    mapping: str,
    country: str | None,
    types: tuple[str, ...],
) -> None:
    """Write the events in a format other tools read.

    GeoJSON is a FeatureCollection of points, with null geometry for events
    without coordinates. --mapping acled names and codes the columns as ACLED
    does (event_date, sub_event_type, actor1, admin1, admin2, geo_precision,
    time_precision, fatalities, ...); --mapping tbij as the Bureau's Pakistan
    spreadsheet does.
    """
    from strikewatch.publish.events import load_events, select_events
    from strikewatch.publish.export import export

    if fmt == "parquet" and out is None:
        raise click.BadParameter("Parquet is binary: give a file", param_hint="--out")
    try:
        events = load_events(db=db, reference=reference)
    except StrikewatchError as exc:
        raise click.ClickException(f"[{exc.code}] {exc}") from exc
    events = select_events(events, country=country, types=types or None)
    try:
        count = export(events, fmt, out, mapping)
    except (ImportError, RuntimeError) as exc:
        raise click.ClickException(str(exc)) from exc
    if out is not None:
        click.echo(f"wrote {count} events to {out}", err=True)
