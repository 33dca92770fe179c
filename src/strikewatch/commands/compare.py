"""``strikewatch compare``: the database (or one reference list) against a reference list."""

from __future__ import annotations

from pathlib import Path

import click

from strikewatch.errors import StrikewatchError
from strikewatch.model import EVENT_TYPES


@click.command("compare")
@click.option("--reference", "reference", required=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Reference list: TBIJ .xlsx, Dronestream JSON, New America or PBC CSV.")
@click.option("--against", "against", default=None,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Compare the reference with this second reference list instead of the database.")
@click.option("--db", "db", default=None,
              help="SQLite file (or SQLAlchemy URL) to read events from [default: strikes.db].")
@click.option("--country", default=None, help="Only this country (ISO code, e.g. PK).")
@click.option("--type", "types", multiple=True, type=click.Choice(EVENT_TYPES),
              help="Only events of this type (repeatable) [default: all].")
@click.option("--csv", "csv_out", default=None, type=click.Path(dir_okay=False, path_type=Path),
              help="Write one row per matched pair and per unmatched event.")
@click.option("--json", "json_out", default=None, type=click.Path(dir_okay=False, path_type=Path),
              help="Write the summary, the pairs and the unmatched events as JSON.")
@click.option("--date-window", default=1, show_default=True, type=click.IntRange(0),
              help="Days two dates may differ and still match.")
@click.option("--wide-window", default=3, show_default=True, type=click.IntRange(0),
              help="Days they may differ when place and casualty figures agree.")
@click.option("--near-km", default=25.0, show_default=True, type=click.FloatRange(0),
              help="Coordinates this close count as the same place.")
@click.option("--details", is_flag=True,
              help="Also list every disagreeing pair and every unmatched event.")
def compare_cmd(
    reference: Path,
    against: Path | None,
    db: str | None,
    country: str | None,
    types: tuple[str, ...],
    csv_out: Path | None,
    json_out: Path | None,
    date_window: int,
    wide_window: int,
    near_km: float,
    details: bool,
) -> None:
    """Report the strikes both lists have, those only one has, and where they disagree.

    Without --against, the database's events (A) are compared with the
    reference list (B); with --against, the reference (A) with the second
    list (B), e.g. TBIJ's Pakistan list against New America's. Events match
    one-to-one: same country, dates within --date-window days (within
    --wide-window when place and figures agree), districts compared by their
    canonical name, best pairs first.
    """
    from strikewatch.publish.compare import compare, format_table, write_csv, write_json
    from strikewatch.publish.events import (
        label_for,
        load_events,
        select_events,
    )

    if wide_window < date_window:
        raise click.BadParameter("must be at least --date-window", param_hint="--wide-window")
    try:
        ref_events = load_events(reference=reference)
        if against is not None:
            a_events, a_label = ref_events, label_for(ref_events, reference.stem)
            b_events = load_events(reference=against)
            b_label = label_for(b_events, against.stem)
            if a_label == b_label:
                a_label, b_label = reference.name, against.name
        else:
            a_events = load_events(db=db)
            a_label = "strikewatch"
            b_events, b_label = ref_events, label_for(ref_events, reference.stem)
    except StrikewatchError as exc:
        raise click.ClickException(f"[{exc.code}] {exc}") from exc
    a_events = select_events(a_events, country=country, types=types or None)
    b_events = select_events(b_events, country=country, types=types or None)
    result = compare(
        a_events,
        b_events,
        date_window=date_window,
        wide_window=wide_window,
        near_km=near_km,
        ours_label=a_label,
        reference_label=b_label,
    )
    result.params["country"] = country.upper() if country else None
    result.params["types"] = list(types) or None
    click.echo(format_table(result, details=details))
    if csv_out is not None:
        write_csv(result, csv_out)
        click.echo(f"wrote {csv_out}", err=True)
    if json_out is not None:
        write_json(result, json_out)
        click.echo(f"wrote {json_out}", err=True)
