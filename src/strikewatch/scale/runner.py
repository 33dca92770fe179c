"""Run the partitions of a plan: one after another here, or as tasks on a Dask cluster.

Both engines do the same per partition (``worker.process_partition``) and
write the same shards; the Dask engine only spreads the partitions over
worker processes. Dask is an optional extra, imported here and only here.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import sys
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import IO, Any

from strikewatch.extract import VERSION as EXTRACTOR_VERSION
from strikewatch.scale import schema
from strikewatch.scale.partition import DEFAULT_GROUP_FILES, DEFAULT_SPLIT_BYTES, Partition, plan
from strikewatch.scale.schema import ScaleError
from strikewatch.scale.worker import (
    ShardOptions,
    ShardStats,
    clean_temporaries,
    process_partition,
    shard_done,
)

__all__ = ["RunSummary", "main_summary", "parse_size", "require_dask", "run"]

Log = Callable[[str], None]

_INSTALL_HINT = "pip install 'strikewatch[dask]'"


def require_dask() -> Any:
    """``dask.distributed``, or a ScaleError that says how to install the extra."""
    try:
        import dask  # noqa: F401
        import distributed
    except ImportError as exc:
        raise ScaleError(
            f"--engine dask needs the optional dask extra: {_INSTALL_HINT} "
            f"(import failed: {exc})",
            code="missing_extra",
        ) from exc
    try:
        import fsspec  # noqa: F401
    except ImportError as exc:
        raise ScaleError(f"--engine dask needs fsspec: {_INSTALL_HINT}",
                         code="missing_extra") from exc
    return distributed


_UNITS = {"": 1, "b": 1, "k": 10**3, "kb": 10**3, "kib": 2**10, "m": 10**6, "mb": 10**6,
          "mib": 2**20, "g": 10**9, "gb": 10**9, "gib": 2**30}


def parse_size(text: str) -> int:
    """Bytes of a size such as ``64MB``, ``512KiB``, ``1e6`` or ``0``."""
    value = text.strip().lower().replace(" ", "")
    number = value.rstrip("kmgib")
    unit = value[len(number):]
    try:
        amount = float(number)
    except ValueError:
        amount = -1.0
    if unit not in _UNITS or amount < 0:
        raise ValueError(f"{text!r} is not a size (examples: 64MB, 512KiB, 0)")
    return int(amount * _UNITS[unit])


@dataclass(slots=True)
class RunSummary:
    """What one run did."""

    partitions: int = 0
    #: partitions whose shard was already there (same extractor, same options)
    skipped: int = 0
    written: int = 0
    #: shards a task found written by an earlier attempt of its own (the worker died
    #: after writing, before reporting); counted as written
    recovered: int = 0
    #: (partition name, error) for partitions that failed every attempt
    failed: list[tuple[str, str]] = field(default_factory=list)
    totals: ShardStats = field(default_factory=ShardStats)
    elapsed: float = 0.0
    engine: str = "local"
    workers: int = 1
    dashboard: str | None = None
    #: peak resident memory of each worker process, MB (Dask engine)
    worker_peak_mb: dict[str, float] = field(default_factory=dict)
    #: CPU seconds each worker process used (since it started), Dask engine
    worker_cpu_s: dict[str, float] = field(default_factory=dict)
    #: shard files in the folder that this plan does not name
    stray: list[str] = field(default_factory=list)
    interrupted: bool = False

    @property
    def ok(self) -> bool:
        return not self.failed and not self.interrupted

    def lines(self) -> list[str]:
        t = self.totals
        docs = t.documents
        rate = docs / self.elapsed if self.elapsed > 0 else 0.0
        recovered = (f" ({self.recovered} by an attempt whose worker died)"
                     if self.recovered else "")
        out = [
            f"documents read {docs}, dropped by the first pass {t.dropped + t.dropped_early} "
            f"({t.dropped_early} before HTML extraction), extracted {t.extracted}, "
            f"extraction failures {t.failed}, mentions {t.mentions} "
            f"(and {t.excluded} kept out of the events), rejections {t.rejections}",
            f"shards: {self.partitions} in the plan, {self.written} written{recovered}, "
            f"{self.skipped} skipped as already done, {len(self.failed)} failed; "
            f"{self.elapsed:.1f} s, {rate:.1f} documents/s on {self.workers} "
            f"worker{'s' if self.workers != 1 else ''}",
        ]
        if self.worker_peak_mb:
            peaks = ", ".join(f"{v:.0f}" for v in self.worker_peak_mb.values())
            out.append(f"peak memory per worker (MB): {peaks}")
        return out

    def to_json(self) -> dict[str, Any]:
        t = self.totals
        return {
            "engine": self.engine, "workers": self.workers, "partitions": self.partitions,
            "written": self.written, "skipped": self.skipped, "recovered": self.recovered,
            "failed": [{"partition": n, "error": e} for n, e in self.failed],
            "documents": t.documents, "dropped": t.dropped + t.dropped_early,
            "dropped_before_html": t.dropped_early, "extracted": t.extracted,
            "extract_failed": t.failed, "mentions": t.mentions, "excluded": t.excluded,
            "rejections": t.rejections, "elapsed": round(self.elapsed, 3),
            "documents_per_second": round(t.documents / self.elapsed, 1) if self.elapsed else 0,
            "worker_peak_mb": self.worker_peak_mb, "worker_cpu_s": self.worker_cpu_s,
            "dashboard": self.dashboard,
            "interrupted": self.interrupted,
        }  # fmt: skip


class _Bar:
    """Partitions done, on one redrawn line on a terminal, every tenth otherwise."""

    def __init__(self, total: int, stream: IO[str] | None, width: int = 30) -> None:
        self.total = total
        self.stream = stream
        self.width = width
        self.tty = bool(stream is not None and getattr(stream, "isatty", lambda: False)())
        self.step = -1

    def update(self, done: int, docs: int) -> None:
        if self.stream is None or self.total == 0:
            return
        filled = self.width * done // self.total
        line = (f"[{'#' * filled}{'.' * (self.width - filled)}] {done}/{self.total} "
                f"partitions, {docs} documents")
        if self.tty:
            end = "\n" if done == self.total else ""
            self.stream.write("\r" + line + end)
        else:
            step = 10 * done // self.total
            if step == self.step and done != self.total:
                return
            self.step = step
            self.stream.write(line + "\n")
        self.stream.flush()


def _write_manifest(folder: str, parts: Sequence[Partition], inputs: Sequence[str],
                    options: ShardOptions, split_bytes: int) -> None:
    fs, path = schema._fs(folder)
    data = {
        "schema_version": schema.SCHEMA_VERSION,
        "extractor_version": EXTRACTOR_VERSION,
        "written": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "inputs": list(inputs),
        "split_bytes": split_bytes,
        "options": options.to_json(),
        "shards": [p.name for p in parts],
        "partitions": [p.to_json() for p in parts],
    }
    text = json.dumps(data, ensure_ascii=False, indent=1)
    target = schema._join(path, schema.MANIFEST)
    tmp = schema._join(path, f".{schema.MANIFEST}.tmp-{uuid.uuid4().hex[:8]}")
    if fs is None:
        os.makedirs(path, exist_ok=True)
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, target)
    else:
        fs.makedirs(path, exist_ok=True)
        with fs.open(target, "w", encoding="utf-8") as fh:
            fh.write(text)


def _stray(folder: str, parts: Sequence[Partition]) -> list[str]:
    names = {p.name + schema.SUFFIX for p in parts}
    fs, path = schema._fs(folder)
    if fs is None:
        present = [n for n in os.listdir(path) if n.endswith(schema.SUFFIX)
                   and not n.startswith(".")]
    else:
        present = [p.rsplit("/", 1)[-1] for p in fs.ls(path, detail=False)]
        present = [n for n in present if n.endswith(schema.SUFFIX) and not n.startswith(".")]
    return sorted(n for n in present if n not in names)


def run(
    inputs: Sequence[str],
    out: str,
    *,
    engine: str = "local",
    scheduler: str | None = None,
    workers: int | None = None,
    split_bytes: int = DEFAULT_SPLIT_BYTES,
    group_files: int = DEFAULT_GROUP_FILES,
    options: ShardOptions | None = None,
    client: Any = None,
    log: Log | None = None,
    progress: IO[str] | None = None,
) -> RunSummary:
    """Plan ``inputs``, skip the partitions whose shards are in ``out``, run the rest.

    ``engine`` is "local" (this process, one partition after another) or
    "dask": ``client`` if given, else a client of ``scheduler``, else a
    LocalCluster of ``workers`` processes (default: one per core). Progress
    goes to ``progress`` (a bar of partitions done), messages to ``log``.
    """
    if engine not in ("local", "dask"):
        raise ScaleError(f"unknown engine {engine!r}: local or dask", code="bad_engine")
    schema.require_pyarrow()
    distributed = require_dask() if engine == "dask" else None
    say: Log = log or (lambda _msg: None)
    options = options or ShardOptions()
    started = time.perf_counter()
    parts = plan(inputs, split_bytes=split_bytes, group_files=group_files)
    _write_manifest(out, parts, inputs, options, split_bytes)
    removed = clean_temporaries(out)
    if removed:
        say(f"removed {removed} unfinished temporary shard(s) of an earlier run")
    summary = RunSummary(partitions=len(parts), engine=engine)
    summary.stray = _stray(out, parts)
    if summary.stray:
        say(f"warning: {len(summary.stray)} shard(s) in {out} are not in this plan "
            f"(other inputs or split size); read_shards ignores them")
    todo = [p for p in parts if not shard_done(out, p, options)]
    summary.skipped = len(parts) - len(todo)
    split = len({p.source for p in parts if p.count > 1})
    say(f"plan: {len(parts)} partitions from {len(inputs)} input(s)"
        + (f" ({split} file(s) split into record ranges)" if split else "")
        + f"; {summary.skipped} already done, {len(todo)} to run")
    bar = _Bar(len(todo), progress)
    try:
        if distributed is None:
            summary.workers = 1
            for i, part in enumerate(todo, 1):
                _collect(summary, process_partition(part, out, options))
                bar.update(i, summary.totals.documents)
        else:
            _run_dask(distributed, todo, out, options, summary, bar, say,
                      client=client, scheduler=scheduler, workers=workers)
    except KeyboardInterrupt:
        summary.interrupted = True
        say("interrupted: the shards written so far are kept; run again to finish")
    summary.elapsed = time.perf_counter() - started
    if not summary.interrupted:
        clean_temporaries(out)
    return summary


def _collect(summary: RunSummary, stats: ShardStats) -> None:
    """Add a task's counts. A task that found its shard written was run again after its
    worker died having written it: the shard is this run's work all the same."""
    if stats.skipped:
        summary.recovered += 1
    summary.written += 1
    summary.totals.add(stats)


def _usage() -> tuple[float, float]:
    """(peak resident memory in MB, CPU seconds) of the calling process."""
    import resource

    use = resource.getrusage(resource.RUSAGE_SELF)
    return use.ru_maxrss / 1024, use.ru_utime + use.ru_stime


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _run_dask(
    distributed: Any,
    todo: Sequence[Partition],
    out: str,
    options: ShardOptions,
    summary: RunSummary,
    bar: _Bar,
    say: Log,
    *,
    client: Any,
    scheduler: str | None,
    workers: int | None,
) -> None:
    own_client = client is None
    cluster = None
    if client is None:
        if scheduler:
            client = distributed.Client(scheduler, timeout="30s")
        else:
            cluster = distributed.LocalCluster(
                n_workers=workers or _cores(),
                threads_per_worker=1,  # extraction is pure Python: processes, not threads
                processes=True,
                dashboard_address=":8787",
                silence_logs=logging.ERROR,
            )
            client = distributed.Client(cluster)
    try:
        summary.dashboard = client.dashboard_link
        summary.workers = len(client.scheduler_info().get("workers", {}))
        say(f"dashboard: {summary.dashboard}")
        token = uuid.uuid4().hex[:8]
        futures = client.map(
            process_partition, list(todo), folder=out, options=options,
            key=[f"strikewatch-shard-{p.name}-{token}" for p in todo],
            pure=False, retries=2,
        )
        names = {f.key: p.name for f, p in zip(futures, todo, strict=True)}
        try:
            for done, future in enumerate(distributed.as_completed(futures), 1):
                try:
                    _collect(summary, future.result())
                except Exception as exc:  # failed every attempt (or a worker died too often)
                    summary.failed.append((names[future.key], f"{type(exc).__name__}: {exc}"))
                future.release()
                bar.update(done, summary.totals.documents)
        except BaseException:
            client.cancel(futures)
            raise
        try:
            usage = client.run(_usage)
            summary.worker_peak_mb = {str(k): round(float(v[0]), 1) for k, v in usage.items()}
            summary.worker_cpu_s = {str(k): round(float(v[1]), 1) for k, v in usage.items()}
        except Exception:  # a worker gone at the end: no figure for it
            pass
    finally:
        if own_client:
            client.close()
        if cluster is not None:
            cluster.close()


def main_summary(summary: RunSummary, stream: IO[str] = sys.stderr) -> None:
    """Print the summary lines and failures to ``stream``."""
    for line in summary.lines():
        stream.write("summary: " + line + "\n")
    for name, error in summary.failed:
        stream.write(f"failed partition {name}: {error}\n")
