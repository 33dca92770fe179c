"""One partition in, one Parquet shard out: what a Dask task (or a local loop) runs.

The task reads its partition, drops what the first pass rules out, runs
``extract_document`` on the rest, and writes the shard under a temporary
name, renamed into place only once it is complete. A task killed half-way
leaves at most a temporary file (removed by the next run), never a shard
that looks finished; a task run twice writes the same shard twice.
"""

from __future__ import annotations

import json
import os
import time
import uuid
from dataclasses import asdict, dataclass, fields
from typing import Any

from strikewatch.extract import VERSION as EXTRACTOR_VERSION
from strikewatch.extract import extract_document
from strikewatch.ingest.readers import DEFAULT_MAX_BYTES
from strikewatch.model import Document, Rejection
from strikewatch.scale import schema
from strikewatch.scale.firstpass import text_can_report_strike
from strikewatch.scale.partition import Dropped, Partition, read_partition

__all__ = ["ShardOptions", "ShardStats", "clean_temporaries", "process_partition", "shard_done"]

#: flush rows to the Parquet file after this many rows or characters
_BATCH_ROWS = 256
_BATCH_CHARS = 32_000_000
_TMP_MARK = ".tmp-"


@dataclass(frozen=True, slots=True)
class ShardOptions:
    """What decides a shard's content besides its partition (a changed option redoes it)."""

    #: run the first pass (skip documents that cannot report a strike)
    first_pass: bool = True
    #: write the dropped documents too (without mentions), as a local run stores them
    keep_dropped: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class ShardStats:
    """What one partition gave; the run adds them up."""

    name: str = ""
    #: documents and rejections read (records the first pass dropped before HTML included)
    read: int = 0
    #: read into a Document, then dropped by the first pass on its text
    dropped: int = 0
    #: HTML records dropped by the first pass before their HTML was extracted
    dropped_early: int = 0
    extracted: int = 0
    #: documents whose extraction raised (kept without mentions, with ``extract_error``)
    failed: int = 0
    mentions: int = 0
    excluded: int = 0
    rejections: int = 0
    #: characters of text extracted, for throughput figures
    chars: int = 0
    seconds: float = 0.0
    #: the shard existed already, written by the same extractor with the same options
    skipped: bool = False
    worker: str = ""

    @property
    def documents(self) -> int:
        """Documents read (every item read but the rejections)."""
        return self.read - self.rejections

    def add(self, other: ShardStats) -> None:
        """Add ``other``'s counts to these."""
        for name in _COUNTS:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ShardStats:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


_COUNTS = (
    "read", "dropped", "dropped_early", "extracted", "failed", "mentions", "excluded",
    "rejections", "chars", "seconds",
)  # fmt: skip


def _fs_for(folder: str) -> tuple[Any, str]:
    return schema._fs(folder)


def _exists(location: str) -> bool:
    fs, path = _fs_for(location)
    return os.path.exists(path) if fs is None else bool(fs.exists(path))


def shard_done(folder: str, part: Partition, options: ShardOptions) -> bool:
    """True if the shard of ``part`` exists, complete, from this extractor and these options."""
    location = schema.shard_location(folder, part.name)
    if not _exists(location):
        return False
    try:
        meta = schema.read_shard_metadata(location)
    except Exception:  # unreadable: write it again
        return False
    return (
        meta.get("schema_version") == schema.SCHEMA_VERSION
        and meta.get("extractor_version") == EXTRACTOR_VERSION
        and meta.get("options") == options.to_json()
    )


class _ShardWriter:
    """Rows into a temporary Parquet file, renamed to the shard's name on commit."""

    def __init__(self, folder: str, name: str) -> None:
        self.folder = folder
        self.final = schema.shard_location(folder, name)
        # hidden and without the .parquet suffix: no reader takes it for a shard
        self.tmp = schema._join(
            folder, f".{name}{schema.SUFFIX}{_TMP_MARK}{os.getpid()}-{uuid.uuid4().hex[:8]}"
        )
        self.rows: list[dict[str, Any]] = []
        self.chars = 0
        self.writer: Any = None
        self.fs, self.tmp_path = _fs_for(self.tmp)
        self._sink: Any = None

    def add(self, row: dict[str, Any]) -> None:
        self.rows.append(row)
        self.chars += len(row.get("text") or "") + len(row.get("raw") or "")
        if len(self.rows) >= _BATCH_ROWS or self.chars >= _BATCH_CHARS:
            self._flush()

    def _open(self) -> None:
        import pyarrow.parquet as pq

        if self.fs is None:
            self._sink = self.tmp_path
        else:
            self._sink = self.fs.open(self.tmp_path, "wb")
        self.writer = pq.ParquetWriter(self._sink, schema.arrow_schema(), compression="zstd")

    def _flush(self) -> None:
        if self.writer is None:
            self._open()
        if self.rows:
            self.writer.write_table(schema.rows_to_table(self.rows))
        self.rows, self.chars = [], 0

    def commit(self, metadata: dict[str, Any]) -> None:
        self._flush()
        self.writer.add_key_value_metadata(
            {schema.METADATA_KEY: json.dumps(metadata, ensure_ascii=False)}
        )
        self.writer.close()
        if self.fs is None:
            with open(self.tmp_path, "rb+") as fh:
                os.fsync(fh.fileno())
            os.replace(self.tmp_path, _fs_for(self.final)[1])
        else:
            self._sink.close()
            self.fs.mv(self.tmp_path, _fs_for(self.final)[1])

    def abort(self) -> None:
        try:
            if self.writer is not None:
                self.writer.close()
            if self._sink is not None and self.fs is not None:
                self._sink.close()
            if self.fs is None:
                if os.path.exists(self.tmp_path):
                    os.remove(self.tmp_path)
            elif self.fs.exists(self.tmp_path):
                self.fs.rm(self.tmp_path)
        except Exception:  # the next run removes what is left
            pass


def process_partition(part: Partition, folder: str, options: ShardOptions) -> ShardStats:
    """Read, first pass, extract and write the shard of one partition; its counts.

    Skips (``skipped=True``) when the shard is already there. Raises when the
    partition cannot be read at all (a remote read error), so that the
    scheduler runs it again; a bad record is a Rejection row instead.
    """
    started = time.perf_counter()
    stats = ShardStats(name=part.name, worker=f"{os.uname().nodename}:{os.getpid()}")
    if shard_done(folder, part, options):
        # an earlier attempt wrote it (its worker died before saying so): its counts
        stats = stats_of(schema.shard_location(folder, part.name))
        stats.skipped = True
        return stats
    writer = _ShardWriter(folder, part.name)
    try:
        first_pass = options.first_pass and not options.keep_dropped
        for item in read_partition(part, first_pass=first_pass, max_bytes=options.max_bytes):
            stats.read += 1
            if isinstance(item, Dropped):
                stats.dropped_early += 1
            elif isinstance(item, Rejection):
                stats.rejections += 1
                writer.add(schema.rejection_to_row(item))
            else:
                _one_document(item, options, stats, writer)
        stats.seconds = time.perf_counter() - started
        writer.commit({
            "schema_version": schema.SCHEMA_VERSION,
            "extractor_version": EXTRACTOR_VERSION,
            "options": options.to_json(),
            "partition": part.to_json(),
            "stats": stats.to_json(),
        })
    except BaseException:
        writer.abort()
        raise
    return stats


def _one_document(
    doc: Document, options: ShardOptions, stats: ShardStats, writer: _ShardWriter
) -> None:
    if options.first_pass and not text_can_report_strike(doc.text):
        stats.dropped += 1
        if options.keep_dropped:
            writer.add(schema.document_to_row(doc, extractor_version=EXTRACTOR_VERSION,
                                              dropped=True))
        return
    stats.chars += len(doc.text)
    try:
        result = extract_document(doc)
    except Exception as exc:  # one document's failure must not stop the partition
        stats.failed += 1
        writer.add(schema.document_to_row(
            doc, extractor_version=EXTRACTOR_VERSION,
            extract_error=f"extraction failed: {type(exc).__name__}: {exc}",
        ))
        return
    stats.extracted += 1
    stats.mentions += len(result.mentions)
    stats.excluded += len(result.excluded)
    writer.add(schema.document_to_row(
        doc,
        mentions=result.mentions,
        excluded=result.excluded,
        extractor_version=EXTRACTOR_VERSION,
        extraction_warnings=result.warnings,
    ))


def clean_temporaries(folder: str) -> int:
    """Remove temporary shards that killed tasks left behind; how many."""
    fs, path = _fs_for(folder)
    removed = 0
    if fs is None:
        if not os.path.isdir(path):
            return 0
        for name in os.listdir(path):
            if name.startswith(".") and _TMP_MARK in name:
                try:
                    os.remove(os.path.join(path, name))
                    removed += 1
                except OSError:
                    pass
        return removed
    if not fs.exists(path):
        return 0
    for entry in fs.ls(path, detail=False):
        name = entry.rsplit("/", 1)[-1]
        if name.startswith(".") and _TMP_MARK in name:
            fs.rm(entry)
            removed += 1
    return removed


def stats_of(location: str) -> ShardStats:
    """The counts a finished shard recorded when it was written."""
    return ShardStats.from_json(schema.read_shard_metadata(location).get("stats", {}))

