"""``strikewatch ingest PATH... [--mentions DIR] [--db strikes.db]``: a shell over ``store.ingest``."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import click

from strikewatch.errors import StrikewatchError

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strikewatch.model import Document, Rejection
    from strikewatch.store import Extracted, IngestSummary

#: rejections listed one per line in the summary; the rest are in the database
LIST_LIMIT = 200


def db_option(f: Any) -> Any:
    """``--db``, shared by every command that opens the database."""
    return click.option(
        "--db",
        default="strikes.db",
        show_default=True,
        envvar="STRIKEWATCH_DB",
        help="SQLite file (created on first use) or a postgresql:// url.",
    )(f)


def busy_option(f: Any) -> Any:
    return click.option(
        "--busy-timeout",
        type=click.FloatRange(min=0),
        default=10.0,
        show_default=True,
        help="Seconds to wait for a database another process is writing.",
    )(f)


def fail(exc: StrikewatchError, extra: str = "") -> None:
    """One line on stderr, exit code 2: never a traceback."""
    click.echo(f"error [{exc.code}]: {exc}{extra}", err=True)
    sys.exit(2)


class _ProgressLine:
    """``1,234 read  ·  310 docs/s`` rewritten in place, at most ten times a second."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.last = 0.0
        self.shown = False

    def __call__(self, read: int, summary: IngestSummary) -> None:
        now = time.monotonic()
        if now - self.last < 0.1:
            return
        self.last = now
        rate = read / summary.elapsed if summary.elapsed > 0 else 0.0
        self.stream.write(
            f"\r{read:,} read  ·  {summary.ingested:,} stored  ·  {rate:,.0f} docs/s\x1b[K"
        )
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


@click.command("ingest")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--mentions",
    "shard_dirs",
    multiple=True,
    metavar="DIR",
    help="Parquet shards of `strikewatch extract --out DIR` (a cluster run): store their "
    "documents with the mentions the workers extracted, and resolve them. Repeatable.",
)
@db_option
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=100,
    show_default=True,
    help="Documents per transaction: a crash loses at most one batch, which a re-run redoes.",
)
@busy_option
@click.option("--json", "as_json", is_flag=True, help="Print the summary as one JSON object.")
@click.option(
    "--max-pages",
    type=click.IntRange(min=1),
    default=None,
    hidden=True,
    help="Cap the SQLite file at this many pages (to test a full disk).",
)
def ingest_cmd(
    paths: tuple[Path, ...],
    shard_dirs: tuple[str, ...],
    db: str,
    batch_size: int,
    busy_timeout: float,
    as_json: bool,
    max_pages: int | None,
) -> None:
    """Read, extract, store and resolve documents into the database.

    PATHS are files and folders of text, HTML, JSON Lines and WARC. A
    document already stored (same text) adds nothing, so running it again is
    safe and finishes an interrupted run. Sources that cannot be read are
    recorded in the rejections table with a reason, and the run goes on.

    With --mentions DIR, the documents and mentions of a `strikewatch extract
    --out DIR` run (on a Dask cluster, say) are stored as the workers made
    them, then resolved, so the database is the one a local run builds (write
    the shards with --keep-dropped to keep the documents the first pass drops).
    """
    from strikewatch.store import ingest_documents, ingest_paths, open_store, shown

    if not paths and not shard_dirs:
        raise click.UsageError("give PATHS to read, or --mentions DIR of Parquet shards")

    bar = _ProgressLine(sys.stdout) if sys.stdout.isatty() and not as_json else None
    latest: list[IngestSummary] = []

    def progress(read: int, summary: IngestSummary) -> None:
        latest[:] = [summary]
        if bar is not None:
            bar(read, summary)

    try:
        with open_store(db, busy_timeout=busy_timeout, max_pages=max_pages) as store:
            if shard_dirs:
                summary = ingest_documents(
                    store, _shard_items(shard_dirs), batch_size=batch_size, progress=progress
                )
            if paths:
                more = ingest_paths(store, paths, batch_size=batch_size, progress=progress)
                summary = _added(summary, more) if shard_dirs else more
    except StrikewatchError as exc:
        if bar is not None:
            bar.clear()
        done = latest[0].ingested if latest else 0
        fail(exc, f" ({done} documents committed before the error are kept)" if done else "")
        return
    except KeyboardInterrupt:
        if bar is not None:
            bar.clear()
        done = latest[0].ingested if latest else 0
        click.echo(
            f"interrupted: {done} documents committed; run the same command again to finish",
            err=True,
        )
        sys.exit(130)
    if bar is not None:
        bar.clear()
    if as_json:
        click.echo(json.dumps(summary_json(summary, shown(db)), ensure_ascii=False))
    else:
        click.echo(summary_table(summary, shown(db)))


def _shard_items(folders: tuple[str, ...]) -> Iterator[Document | Extracted | Rejection]:
    """The documents (with their extraction) and rejections of shard folders, in order."""
    from strikewatch.extract import VERSION as EXTRACTOR_VERSION
    from strikewatch.scale import ShardDocument, iter_shard_items
    from strikewatch.store import Extracted

    for folder in folders:
        for item in iter_shard_items(folder):
            if isinstance(item, ShardDocument):
                yield Extracted(
                    item.document,
                    item.extraction,
                    item.extract_error,
                    item.extractor_version or EXTRACTOR_VERSION,
                )
            else:
                yield item


def _added(a: IngestSummary, b: IngestSummary) -> IngestSummary:
    """One summary of two runs into the same database."""
    a._merge(b)
    a.elapsed += b.elapsed
    return a


def summary_json(summary: IngestSummary, db: str) -> dict[str, Any]:
    return {
        "database": db,
        "read": summary.read,
        "ingested": summary.ingested,
        "duplicates": summary.duplicates,
        "rejected": summary.rejected,
        "rejected_by_code": dict(sorted(summary.rejected_by_code.items())),
        "extract_failed": summary.extract_failed,
        "mentions": summary.mentions,
        "excluded_mentions": summary.excluded,
        "evidence": summary.evidence,
        "new_events": summary.new_events,
        "updated_events": summary.updated_events,
        "seconds": round(summary.elapsed, 3),
        "documents_per_second": round(summary.documents_per_second, 1),
        "rejections": [
            {"source": r.source, "code": r.code, "reason": r.reason} for r in summary.rejections
        ],
    }


def summary_table(summary: IngestSummary, db: str) -> str:
    rows: list[tuple[str, str]] = [
        ("ingested", f"{summary.ingested:,}"),
        ("duplicates", f"{summary.duplicates:,}"),
        ("rejected", f"{summary.rejected:,}"),
    ]
    for code, n in sorted(summary.rejected_by_code.items()):
        rows.append((f"  {code}", f"{n:,}"))
    if summary.extract_failed:
        rows.append(("extraction failed", f"{summary.extract_failed:,} (kept, no events)"))
    rows += [
        ("mentions", f"{summary.mentions:,} (+{summary.excluded:,} excluded)"),
        ("new events", f"{summary.new_events:,}"),
        ("updated events", f"{summary.updated_events:,}"),
        ("documents/s", f"{summary.documents_per_second:,.1f}"),
        ("database", db),
    ]
    width = max(len(name) for name, _ in rows)
    lines = [f"{name:<{width}}  {value}" for name, value in rows]
    if summary.rejections:
        lines.append("")
        lines.append("rejections:")
        for r in summary.rejections[:LIST_LIMIT]:
            lines.append(f"  [{r.code}] {r.source}: {r.reason}")
        more = len(summary.rejections) - LIST_LIMIT
        if more > 0:
            lines.append(f"  … and {more:,} more (table `rejections` in {db})")
    return "\n".join(lines)
