"""The ``strikewatch`` command: a thin shell over the library's public functions."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import click

from strikewatch import __version__
from strikewatch.errors import StrikewatchError


def _fail(exc: StrikewatchError) -> None:
    click.echo(f"error [{exc.code}]: {exc}", err=True)
    sys.exit(2)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="strikewatch")
def main() -> None:
    """Turn news reports of armed-drone strikes into a source-linked event database."""


def _inputs(ctx: click.Context, param: click.Parameter,
            values: tuple[str, ...]) -> tuple[Path | str, ...]:
    """Existing local paths (checked as ``click.Path(exists=True)``), fsspec URLs kept as text."""
    local = click.Path(exists=True, path_type=Path)
    return tuple(v if "://" in v else local.convert(v, param, ctx) for v in values)


@main.command("extract")
@click.argument("paths", nargs=-1, required=True, callback=_inputs)
@click.option("--pretty", is_flag=True, help="Indent the JSON for people.")
@click.option("--explain", is_flag=True, help="Add which component decided what.")
@click.option("--all", "show_all", is_flag=True,
              help="Also print documents with no events (default: every document is printed).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: this process; dask: partitions as tasks on a Dask cluster "
                   "(needs --out and the dask extra).")
@click.option("--out", "out_dir", default=None, metavar="DIR",
              help="Write one Parquet shard per partition to DIR (a path or an fsspec URL) "
                   "instead of JSON to stdout; a re-run skips the shards already written.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Dask scheduler address (tcp://host:8786); default: a LocalCluster "
                   "with one worker process per core.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes of the LocalCluster (default: one per core).")
@click.option("--split-size", default="64MB", show_default=True, metavar="SIZE",
              help="Split .warc.gz and .jsonl files larger than this into record ranges "
                   "(one task each); 0 never splits.")
@click.option("--keep-dropped", is_flag=True,
              help="Also write the documents the first pass drops (without mentions), so "
                   "the shards rebuild exactly the database a local run stores.")
def extract_cmd(paths: tuple[Path | str, ...], pretty: bool, explain: bool, show_all: bool,
                engine: str, out_dir: str | None, scheduler: str | None, workers: int | None,
                split_size: str, keep_dropped: bool) -> None:
    """Print the events each document reports, as JSON, one object per document.

    PATHS are files or folders of text, HTML, JSON Lines or WARC. A document
    that cannot be read is reported with its reason and the run goes on; a
    summary goes to stderr.

    With --out DIR (and --engine dask to spread the work over a cluster) the
    results go to Parquet shards instead, which `strikewatch.scale.read_shards`
    reads back; PATHS may then be fsspec URLs (s3://, gs://, file://...).
    """
    if out_dir is not None or engine == "dask":
        _extract_to_shards(paths, engine, out_dir, scheduler, workers, split_size, keep_dropped)
        return
    if scheduler or workers or keep_dropped:
        raise click.UsageError("--scheduler, --workers and --keep-dropped need --out DIR")
    urls = [p for p in paths if isinstance(p, str)]
    if urls:
        raise click.UsageError(f"{urls[0]} is a URL: URLs are read with --out DIR")
    from strikewatch.extract import extract_document
    from strikewatch.ingest import read_paths
    from strikewatch.model import Rejection

    counts: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    for item in read_paths(paths):
        if isinstance(item, Rejection):
            counts["rejected"] += 1
            reasons[item.code] += 1
            _emit({"source": item.source, "rejected": item.reason, "code": item.code}, pretty)
            continue
        try:
            result = extract_document(item, explain=explain)
        except Exception as exc:  # one bad document must not stop the batch
            counts["failed"] += 1
            _emit({"doc_id": item.doc_id, "source": item.source_path,
                   "rejected": f"extraction failed: {type(exc).__name__}: {exc}",
                   "code": "extract_failed"}, pretty)
            continue
        counts["documents"] += 1
        counts["events"] += len(result.mentions)
        counts["drone_strikes"] += sum(m.type == "drone_strike" for m in result.mentions)
        doc_warnings = list(getattr(item, "warnings", []) or []) + result.warnings
        counts["warnings"] += len(doc_warnings)
        out = result.to_json(explain=explain)
        if doc_warnings:
            out["warnings"] = doc_warnings
        out["source"] = item.source_path
        _emit(out, pretty)
    summary = ", ".join(f"{k} {v}" for k, v in counts.items())
    if reasons:
        summary += " (" + ", ".join(f"{k}: {v}" for k, v in sorted(reasons.items())) + ")"
    click.echo(f"summary: {summary or 'nothing read'}", err=True)


def _extract_to_shards(paths: tuple[Path | str, ...], engine: str, out: str | None,
                       scheduler: str | None, workers: int | None, split_size: str,
                       keep_dropped: bool) -> None:
    """``extract --out DIR`` (and ``--engine dask``): Parquet shards, see strikewatch.scale."""
    from strikewatch.scale.runner import main_summary, parse_size, run
    from strikewatch.scale.worker import ShardOptions

    if out is None:
        raise click.UsageError("--engine dask needs --out DIR: the shards go there")
    if engine == "local" and (scheduler or workers):
        raise click.UsageError("--scheduler and --workers need --engine dask")
    try:
        split_bytes = parse_size(split_size)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--split-size") from exc
    try:
        summary = run(
            [str(p) for p in paths], out, engine=engine, scheduler=scheduler, workers=workers,
            split_bytes=split_bytes, options=ShardOptions(keep_dropped=keep_dropped),
            log=lambda msg: click.echo(msg, err=True), progress=sys.stderr,
        )
    except StrikewatchError as exc:
        _fail(exc)
        return
    main_summary(summary)
    if summary.interrupted:
        sys.exit(130)
    if summary.failed:
        sys.exit(1)


def _emit(obj: dict[str, Any], pretty: bool) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False, indent=2 if pretty else None))


@main.command("eval")
@click.argument("gold", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (ANNOTATION.md keys).")
@click.option("--errors", is_flag=True, help="List every missed, spurious and wrong event.")
def eval_cmd(gold: Path, as_json: bool, errors: bool) -> None:
    """Score extraction on a gold file that follows ANNOTATION.md."""
    from strikewatch.evaluate import evaluate

    try:
        res = evaluate(gold)
    except StrikewatchError as exc:
        _fail(exc)
        return
    errs = res.pop("errors")
    if as_json:
        if errors:
            res["errors"] = errs
        click.echo(json.dumps(res, indent=2))
        return
    rows = [
        ("documents", res["documents"]), ("gold drone strikes", res["gold_events"]),
        ("predicted drone strikes", res["predicted_events"]), ("matched", res["matched"]),
        ("precision", res["precision"]), ("recall", res["recall"]), ("f1", res["f1"]),
        ("date accuracy", res["date_acc"]), ("district accuracy", res["district_acc"]),
        ("killed_min accuracy", res["killed_min_acc"]),
        ("killed_max accuracy", res["killed_max_acc"]),
        ("perpetrator accuracy", res["perpetrator_acc"]),
        ("distractor rate", f"{res['distractor_rate']} of {res['distractor_documents']} documents"),
    ]
    width = max(len(r[0]) for r in rows)
    for name, value in rows:
        click.echo(f"{name:<{width}}  {value}")
    for s in res["skipped"]:
        click.echo(f"skipped {s['doc_id']}: {s['reason']}", err=True)
    if errors:
        for e in errs:
            click.echo(json.dumps(e, ensure_ascii=False))


def _register() -> None:
    """Commands that live in their own modules, listed here explicitly (no import magic)."""
    import importlib

    for module_name, attr in _COMMANDS:
        module = importlib.import_module(f"strikewatch.commands.{module_name}")
        main.add_command(getattr(module, attr))


#: (module in strikewatch.commands, click command attribute): one line per command
_COMMANDS: list[tuple[str, str]] = [
    ("compare", "compare_cmd"),
    ("export", "export_cmd"),
    ("timeline", "timeline_cmd"),
    ("ingest", "ingest_cmd"),
    ("events", "events_group"),
    ("serve", "serve_cmd"),
    ("demo", "demo_cmd"),
]

_register()
