"""Files and folders into the database: read, deduplicate, extract, store, resolve.

``ingest_paths`` streams ``strikewatch.ingest.read_paths`` in batches. For
each batch it drops the documents whose text is already stored (by content
hash), extracts the rest outside any transaction, then writes the batch in
one transaction: each document with its mentions, evidence, claims and event
links, and the batch's rejections. A process killed mid-run loses at most the
batch in flight, and running it again skips what was committed: nothing is
lost and nothing duplicated.

One document that cannot be stored (a value no column holds, a bug in a
later stage) is rolled back to its savepoint and recorded as a rejection;
the batch goes on. A database that cannot be written (locked, read-only,
full) stops the run with a ``StoreError`` that says what to do.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from strikewatch.extract import VERSION as EXTRACTOR_VERSION
from strikewatch.extract import extract_document
from strikewatch.ingest import read_paths
from strikewatch.ingest.readers import DEFAULT_MAX_BYTES
from strikewatch.model import Document, Extraction, Rejection
from strikewatch.store.db import Store
from strikewatch.store.resolution import StoreResolver

__all__ = ["DEFAULT_BATCH_SIZE", "Extracted", "IngestSummary", "ingest_documents", "ingest_paths"]

DEFAULT_BATCH_SIZE = 100
#: also close a batch once it holds this many characters of text, so a batch
#: of very long documents does not hold gigabytes in memory
BATCH_CHARS = 50_000_000


@dataclass(slots=True)
class Extracted:
    """A document extracted elsewhere (a Dask worker's Parquet shard), stored as it is.

    Ingest does not extract it again: its mentions and the extractor version
    that made them are the shard's, so a cluster run ends in the database a
    local run builds. ``extraction`` is ``None`` when extraction failed there,
    with ``error`` saying why.
    """

    document: Document
    extraction: Extraction | None
    error: str | None = None
    extractor_version: str = EXTRACTOR_VERSION


@dataclass(slots=True)
class IngestSummary:
    """What one ``ingest`` run did; counts cover committed batches only."""

    #: documents and rejections read from the sources
    read: int = 0
    #: new documents stored
    ingested: int = 0
    #: documents whose text was already stored (or appeared twice in this run)
    duplicates: int = 0
    #: sources that could not be read, or documents that could not be stored
    rejected: int = 0
    rejected_by_code: Counter[str] = field(default_factory=Counter)
    #: this run's rejections, in order (each is also a ``rejections`` row),
    #: and the documents kept without events because extraction failed
    rejections: list[Rejection] = field(default_factory=list)
    #: documents stored whose extraction failed (kept with ``extract_error``)
    extract_failed: int = 0
    #: reported mentions stored (and resolved into events)
    mentions: int = 0
    #: mentions extraction kept out of the events (background, negated, ...)
    excluded: int = 0
    evidence: int = 0
    #: events this run started
    new_events: int = 0
    #: events that existed before this run and gained a mention
    updated_events: int = 0
    batches: int = 0
    elapsed: float = 0.0
    _created: set[int] = field(default_factory=set, repr=False)
    _updated: set[int] = field(default_factory=set, repr=False)

    @property
    def documents_per_second(self) -> float:
        """Documents read per second (stored, duplicate or rejected)."""
        return self.read / self.elapsed if self.elapsed > 0 else 0.0

    def _merge(self, other: IngestSummary) -> None:
        for name in (
            "read", "ingested", "duplicates", "rejected", "extract_failed", "mentions",
            "excluded", "evidence", "batches",
        ):  # fmt: skip
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.rejected_by_code.update(other.rejected_by_code)
        self.rejections.extend(other.rejections)
        self._created |= other._created
        self._updated |= other._updated - self._created
        self.new_events = len(self._created)
        self.updated_events = len(self._updated)

    def _reject(self, rejection: Rejection) -> None:
        self.rejected += 1
        self.rejected_by_code[rejection.code] += 1
        self.rejections.append(rejection)


Progress = Callable[[int, IngestSummary], None]


def ingest_paths(
    store: Store,
    paths: Iterable[str | Path],
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
    resolver: StoreResolver | None = None,
) -> IngestSummary:
    """Ingest files and folders (text, HTML, JSON Lines, WARC) into ``store``.

    Idempotent: a document whose text is stored already adds nothing.
    ``progress(read, summary)`` is called after every source read, with the
    summary of the batches committed so far. Raises ``StoreError`` when the
    database cannot be written; batches committed before stay committed.
    """
    return ingest_documents(
        store,
        read_paths(paths, max_bytes=max_bytes),
        batch_size=batch_size,
        progress=progress,
        resolver=resolver,
    )


def ingest_documents(
    store: Store,
    items: Iterable[Document | Extracted | Rejection],
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress | None = None,
    resolver: StoreResolver | None = None,
) -> IngestSummary:
    """Ingest already-read documents (and rejections to record): ``ingest_paths`` without reading.

    An :class:`Extracted` item is stored with the extraction it carries.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    summary = IngestSummary()
    resolver = resolver or StoreResolver(store)
    started = time.perf_counter()
    batch: list[Document | Extracted | Rejection] = []
    chars = 0
    read = 0
    try:
        for item in items:
            batch.append(item)
            read += 1
            doc = item.document if isinstance(item, Extracted) else item
            if isinstance(doc, Document):
                chars += len(doc.text) + len(doc.raw or "")
            if len(batch) >= batch_size or chars >= BATCH_CHARS:
                _run_batch(store, resolver, batch, summary)
                batch, chars = [], 0
            if progress is not None:
                summary.elapsed = time.perf_counter() - started
                progress(read, summary)
        if batch:
            _run_batch(store, resolver, batch, summary)
    finally:
        summary.elapsed = time.perf_counter() - started
    if progress is not None:
        progress(read, summary)
    return summary


class _DocumentFailed(Exception):
    """A document failed inside a batch written without savepoints: redo the batch with them."""


_Todo = tuple[Document, str, "Extraction | None", "str | None", str]


def _run_batch(
    store: Store,
    resolver: StoreResolver,
    batch: list[Document | Extracted | Rejection],
    summary: IngestSummary,
) -> None:
    """Extract and store one batch in one transaction; merge its counts once committed."""
    given = {id(i.document): i for i in batch if isinstance(i, Extracted)}
    docs = [i.document if isinstance(i, Extracted) else i for i in batch
            if not isinstance(i, Rejection)]
    hashes = {id(doc): doc.content_hash for doc in docs}
    with store.reader() as conn:
        known = store.known_hashes(conn, hashes.values())
    todo: list[_Todo] = []
    seen: set[str] = set()
    duplicates = 0
    for doc in docs:
        h = hashes[id(doc)]
        if h in known or h in seen:
            duplicates += 1
            continue
        seen.add(h)
        if (pre := given.get(id(doc))) is not None:
            todo.append((doc, h, pre.extraction, pre.error, pre.extractor_version))
            continue
        try:
            extraction, error = extract_document(doc), None
        except Exception as exc:  # one document's failure must not stop the batch
            extraction, error = None, f"extraction failed: {type(exc).__name__}: {exc}"
        todo.append((doc, h, extraction, error, EXTRACTOR_VERSION))
    # Savepoints cost a round trip per document; almost every batch needs
    # none, so write without them first and, only if a document fails,
    # roll the batch back and write it again with one savepoint each.
    try:
        done = _write_batch(store, resolver, batch, todo, isolate=False)
    except _DocumentFailed:
        resolver.forget()
        done = _write_batch(store, resolver, batch, todo, isolate=True)
    done.duplicates += duplicates
    summary._merge(done)


def _write_batch(
    store: Store,
    resolver: StoreResolver,
    batch: list[Document | Extracted | Rejection],
    todo: list[_Todo],
    *,
    isolate: bool,
) -> IngestSummary:
    done = IngestSummary(read=len(batch), batches=1)
    try:
        with store.transaction() as conn:
            for item in batch:
                if isinstance(item, Rejection):
                    store.add_rejection(conn, item)
                    done._reject(item)
            for doc, h, extraction, error, version in todo:
                _store_document(
                    store, resolver, conn, doc, h, extraction, error, version, done, isolate
                )
            resolver.save(conn)
    except BaseException:
        resolver.forget()  # cached events may hold claims that were rolled back
        raise
    return done


def _store_document(
    store: Store,
    resolver: StoreResolver,
    conn: Connection,
    doc: Document,
    content_hash: str,
    extraction: Extraction | None,
    error: str | None,
    version: str,
    done: IngestSummary,
    isolate: bool,
) -> None:
    """One document, its mentions, evidence and event links (under a savepoint if ``isolate``)."""
    touched: list[int] = []
    try:
        with conn.begin_nested() if isolate else nullcontext():
            document_id = store.add_document(
                conn,
                doc,
                extractor_version=version,
                extract_error=error,
                content_hash=content_hash,
            )
            if document_id is None:  # another process stored it since we looked
                done.duplicates += 1
                return
            if extraction is None:
                rejection = _extract_rejection(doc, error)
                store.add_rejection(conn, rejection)
                done.ingested += 1
                done.extract_failed += 1
                done.rejections.append(rejection)  # listed, but the document is kept
                return
            ids = store.add_mentions(
                conn,
                document_id,
                extraction.mentions,
                excluded=extraction.excluded,
                extractor_version=version,
            )
            reported = [
                (mention_id, index, mention)
                for index, (mention_id, mention) in enumerate(
                    zip(ids, extraction.mentions, strict=False)
                )
            ]
            resolution = resolver.resolve_document(conn, doc, document_id, reported)
            touched = resolution.created + resolution.joined
    except Exception as exc:
        if _is_database_failure(store, exc):
            raise
        if not isolate:
            raise _DocumentFailed() from exc
        resolver.forget(touched)
        rejection = Rejection(
            doc.source_path or doc.doc_id,
            _one_line(f"could not be stored: {type(exc).__name__}: {exc}"),
            "store_failed",
        )
        store.add_rejection(conn, rejection)
        done._reject(rejection)
        return
    done.ingested += 1
    done.mentions += len(extraction.mentions)
    done.excluded += len(extraction.excluded)
    done.evidence += sum(
        len(ev.spans) for m in (*extraction.mentions, *extraction.excluded) for ev in m.evidence
    )
    done._created.update(resolution.created)
    done._updated.update(e for e in resolution.joined if e not in done._created)


def _is_database_failure(store: Store, exc: BaseException) -> bool:
    """Whether ``exc`` means the database cannot go on (locked, full...), not one bad row."""
    if isinstance(exc, OperationalError):
        return True  # the connection or the file, not the row
    return isinstance(exc, SQLAlchemyError) and store.dialect.explain(exc) is not None


def _extract_rejection(doc: Document, error: str | None) -> Rejection:
    reason = _one_line(f"stored without events: {error or 'extraction failed'}")
    return Rejection(doc.source_path or doc.doc_id, reason, "extract_failed")


def _one_line(message: str, limit: int = 300) -> str:
    flat = " ".join(message.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
