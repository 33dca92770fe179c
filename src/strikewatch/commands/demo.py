"""``strikewatch demo [--db PATH] [--port 8000] [--no-serve]``: build a database from the
bundled samples, say what is in it, and serve the dashboard.

The samples ship inside the package (``strikewatch/data/samples``: the two
seed articles, FA-KES texts, the project's written articles, TBIJ's strike
narratives from the Dronestream dump), so the demo needs nothing but the
package. Reference lists (TBIJ, New America, Pakistan Body Count,
Dronestream) are added as events of their own origin when found beside the
repository (``../shared/data``) or in ``$STRIKEWATCH_SHARED/data``, or when
named with ``--reference``. Running it again adds nothing twice.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import click

from strikewatch.commands.ingest import fail
from strikewatch.errors import StrikewatchError

if TYPE_CHECKING:
    from strikewatch.model import Event
    from strikewatch.store import Store

DEFAULT_DEMO_DB = "strikewatch-demo.db"

#: reference lists looked for under a ``shared/data`` folder
REFERENCE_FILES = (
    "tbij/us-pakistan-strikes-from-2004.xlsx",
    "tbij/us-yemen-strikes-from-2007.xlsx",
    "tbij/us-somalia-strikes-from-2007.xlsx",
    "new-america/drone_attacks.csv",
    "pakistan-body-count/PakistanDroneAttacks.csv",
    "dronestream-2015/data.json",
)


def samples_dir() -> Path:
    return Path(str(resources.files("strikewatch") / "data" / "samples"))


def find_references() -> list[Path]:
    """Reference list files in the first ``shared/data`` folder found."""
    candidates = []
    if os.environ.get("STRIKEWATCH_SHARED"):
        candidates.append(Path(os.environ["STRIKEWATCH_SHARED"]) / "data")
    candidates.append(Path.cwd().parent / "shared" / "data")
    candidates.append(Path(__file__).resolve().parents[4] / "shared" / "data")
    for folder in candidates:
        found = [folder / name for name in REFERENCE_FILES if (folder / name).is_file()]
        if found:
            return found
    return []


def add_references(store: Store, paths: list[Path]) -> Counter[str]:
    """Store the events of each reference list whose origin the database has none of yet."""
    from sqlalchemy import func, select

    from strikewatch.ingest.reference import ReferenceListError, load_reference
    from strikewatch.store import schema

    ev = schema.events
    with store.reader() as conn:
        present = {
            str(o): int(n)
            for o, n in conn.execute(select(ev.c.origin, func.count()).group_by(ev.c.origin))
        }
    by_origin: dict[str, list[Event]] = {}
    for path in paths:
        try:
            events = load_reference(path)
        except ReferenceListError as exc:
            click.echo(f"  skipped {path}: {exc}", err=True)
            continue
        for event in events:
            by_origin.setdefault(event.origin, []).append(event)
    added: Counter[str] = Counter()
    with store.transaction() as conn:
        for origin, events in by_origin.items():
            if origin == "extracted" or present.get(origin):
                continue
            for event in events:
                store.create_event(conn, event, mention_count=0)
            added[origin] = len(events)
    return added


@click.command("demo")
@click.option("--db", default=DEFAULT_DEMO_DB, show_default=True,
              help="Database to build (or complete) from the bundled samples.")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--serve/--no-serve", default=True, show_default=True,
              help="Serve the dashboard once the database is built.")
@click.option("--reference", "references", multiple=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A reference strike list to add (default: those found in ../shared/data).")
@click.option("--no-references", is_flag=True, help="Add no reference list.")
def demo_cmd(db: str, host: str, port: int, serve: bool, references: tuple[Path, ...],
             no_references: bool) -> None:
    """Build a strike database from the sample articles shipped with strikewatch,
    print what it holds, and serve the dashboard (Ctrl+C stops it)."""
    from strikewatch.serve.queries import EventFilter, ensure_indexes, stats
    from strikewatch.store import ingest_paths, open_store

    samples = samples_dir()
    click.echo(f"building {db} from the bundled samples ({samples}) ...")
    try:
        with open_store(db) as store:
            summary = ingest_paths(store, [samples])
            refs = [] if no_references else (list(references) or find_references())
            added = add_references(store, refs) if refs else Counter()
            ensure_indexes(store)
            counts = store.counts()
            s = stats(store, EventFilter())
            seed = _seed_event(store)
    except StrikewatchError as exc:
        fail(exc)
        return
    click.echo(
        f"documents   {counts['documents']:,} ({summary.ingested:,} new this run, "
        f"{summary.duplicates:,} already there, {summary.rejected:,} rejected)"
    )
    click.echo(f"mentions    {counts['mentions']:,}")
    extracted = s.strikes + s.undated
    click.echo(
        f"events      {extracted:,} built from the news ({s.strikes:,} dated to the month), "
        f"killed {s.killed_min:,}-{s.killed_max:,}"
    )
    for origin, n in sorted(added.items()):
        click.echo(f"reference   {n:,} events of {origin} added")
    longest = sorted(s.pauses, key=lambda p: -p.days)[:5]
    click.echo(f"pauses      {len(s.pauses)} of more than {s.min_gap} days; the longest:")
    for p in longest:
        click.echo(f"              {p}")
    shown = "localhost" if host in ("127.0.0.1", "::1") else host
    base = f"http://{shown}:{port}"
    if seed is not None:
        click.echo(f"seed strike 2012-01-10, North Waziristan: {base}/events/{seed}")
    if not serve:
        click.echo(f"serve it with: strikewatch serve --db {db}")
        return
    sys.stdout.flush()
    from strikewatch.commands.serve import run_server

    run_server(
        db,
        host=host,
        port=port,
        add_indexes=False,
        access_log=False,
        announce=f"open {base}/ in a browser (API: {base}/api/v1/docs)",
    )


def _seed_event(store: Store) -> int | None:
    """The event of the seed article's strike (2012-01-10, North Waziristan), if extracted."""
    import datetime as dt

    from sqlalchemy import select

    from strikewatch.store import schema

    ev = schema.events
    with store.reader() as conn:
        row = conn.execute(
            select(ev.c.id)
            .where(
                ev.c.origin == "extracted",
                ev.c.date == dt.date(2012, 1, 10),
                ev.c.district == "North Waziristan",
            )
            .order_by(ev.c.id)
        ).first()
    return int(row[0]) if row else None
