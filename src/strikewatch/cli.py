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


@main.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--pretty", is_flag=True, help="Indent the JSON for people.")
@click.option("--explain", is_flag=True, help="Add which component decided what.")
@click.option("--all", "show_all", is_flag=True,
              help="Also print documents with no events (default: every document is printed).")
def extract_cmd(paths: tuple[Path, ...], pretty: bool, explain: bool, show_all: bool) -> None:
    """Print the events each document reports, as JSON, one object per document.

    PATHS are files or folders of text, HTML, JSON Lines or WARC. A document
    that cannot be read is reported with its reason and the run goes on; a
    summary goes to stderr.
    """
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
