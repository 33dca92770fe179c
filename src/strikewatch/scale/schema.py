"""The Parquet shard format, in one place: what a shard holds and how to read it back.

A shard is one Parquet file per input partition. Each row is either a
**document** (``kind == "document"``) with everything a local run would store
about it, its mentions nested in a ``mentions`` list, or a **rejection**
(``kind == "rejection"``): a source that could not be read. Rows keep the
order in which the partition was read.

Document rows hold the ``Document`` fields (``raw`` only when it differs from
``text``), the content hash, ``extractor_version`` (``strikewatch.extract.VERSION``),
``extract_error`` when extraction raised (the document is kept without
mentions, as the store keeps it), ``extraction_warnings``, and ``dropped``
(true for the documents the first pass dropped, written only with
``--keep-dropped``). Each mention holds every ``Mention`` field; ``sentence``
as a struct, ``evidence`` as JSON (the list of ``Evidence.to_json()``), and
``excluded`` telling the reported mentions from those extraction kept out
(background, negated, aggregate totals).

The shard's key-value metadata (key ``strikewatch``) holds the schema
version, the extractor version, the partition and the counts of the run
that wrote it.

An output folder also holds ``_manifest.json``: the shards of the last plan,
in input order. :func:`read_shards` follows it, so documents come back in
the order a local run reads them (which decides which of two identical texts
the store keeps).

Reading needs only ``pyarrow``; the JSON helpers need nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from strikewatch.errors import StrikewatchError
from strikewatch.model import Document, Evidence, Extraction, Listing, Mention, Rejection, Span

__all__ = [
    "MANIFEST",
    "METADATA_KEY",
    "SCHEMA_VERSION",
    "ScaleError",
    "ShardDocument",
    "arrow_schema",
    "document_from_row",
    "document_to_row",
    "iter_shard_items",
    "list_shards",
    "mention_from_json",
    "mention_from_row",
    "mention_to_json",
    "mention_to_row",
    "read_manifest",
    "read_rejections",
    "read_shard_metadata",
    "read_shards",
    "rejection_from_row",
    "rejection_to_row",
    "require_pyarrow",
]

SCHEMA_VERSION = 2  # 2: documents keep their listing
METADATA_KEY = "strikewatch"
MANIFEST = "_manifest.json"
SUFFIX = ".parquet"

_INT64 = 2**63 - 1


class ScaleError(StrikewatchError):
    """A scale run or a shard folder cannot go on (missing extra, incomplete run...)."""

    code = "scale"


# --- the fields, once --------------------------------------------------------------
#
# Kinds: str, int, float, bool, date, strs (list of str), ints (list of int),
# span (Span as struct), evidence (list of Evidence as JSON), listing (Listing as JSON). Every dataclass
# field of Mention and Document is listed; ``_check_fields`` fails at import
# when the model gains a field this file does not know.

MENTION_FIELDS: tuple[tuple[str, str], ...] = (
    ("doc_id", "str"),
    ("type", "str"),
    ("sentence", "span"),
    ("status", "str"),
    ("aggregate", "bool"),
    ("date", "date"),
    ("date_value", "str"),
    ("date_precision", "str"),
    ("date_text", "str"),
    ("country", "str"),
    ("district", "str"),
    ("admin1", "str"),
    ("place", "str"),
    ("lat", "float"),
    ("lon", "float"),
    ("geo_precision", "str"),
    ("killed_min", "int"),
    ("killed_max", "int"),
    ("civilians_min", "int"),
    ("civilians_max", "int"),
    ("children_min", "int"),
    ("children_max", "int"),
    ("injured_min", "int"),
    ("injured_max", "int"),
    ("missiles", "int"),
    ("perpetrator", "str"),
    ("groups", "strs"),
    ("named", "strs"),
    ("targets", "strs"),
    ("confidence", "float"),
    ("evidence", "evidence"),
    ("sentence_ids", "ints"),
)

#: Document fields stored as they are (``raw`` is handled apart)
DOCUMENT_FIELDS: tuple[tuple[str, str], ...] = (
    ("doc_id", "str"),
    ("text", "str"),
    ("url", "str"),
    ("title", "str"),
    ("author", "str"),
    ("publisher", "str"),
    ("published", "date"),
    ("published_source", "str"),
    ("source_path", "str"),
    ("source_format", "str"),
    ("warnings", "strs"),
    ("listing", "listing"),
)

#: columns of a shard beyond the document fields
_ROW_COLUMNS: tuple[tuple[str, str], ...] = (
    ("raw", "str"),
    ("has_raw", "bool"),
    ("content_hash", "str"),
    ("extractor_version", "str"),
    ("extract_error", "str"),
    ("extraction_warnings", "strs"),
    ("dropped", "bool"),
    ("rejection_source", "str"),
    ("rejection_code", "str"),
    ("rejection_reason", "str"),
)


def _check_fields() -> None:
    mention = {f.name for f in dataclasses.fields(Mention)}
    document = {f.name for f in dataclasses.fields(Document)} - {"raw"}
    for what, known, listed in (
        ("Mention", mention, {n for n, _ in MENTION_FIELDS}),
        ("Document", document, {n for n, _ in DOCUMENT_FIELDS}),
    ):
        if known != listed:
            raise RuntimeError(
                f"scale/schema.py is out of date with model.{what}: "
                f"missing {sorted(known - listed)}, unknown {sorted(listed - known)}; "
                "add the field to the shard schema and raise SCHEMA_VERSION"
            )


_check_fields()


# --- JSON (lossless, no pyarrow) -------------------------------------------------------


def _evidence_to_json(evidence: list[Evidence]) -> list[dict[str, Any]]:
    return [e.to_json() for e in evidence]


def _evidence_from_json(value: Any) -> list[Evidence]:
    if value is None:
        return []
    if isinstance(value, str):
        value = json.loads(value)
    if isinstance(value, dict):  # Mention.to_json() keys evidence by field
        value = list(value.values())
    return [
        Evidence(str(e["field"]), [Span.from_json(s) for s in e.get("spans", [])],
                 str(e.get("component", "")))
        for e in value
    ]


def mention_to_json(m: Mention) -> dict[str, Any]:
    """Every field of a Mention as JSON values; :func:`mention_from_json` gives it back equal."""
    out: dict[str, Any] = {}
    for name, kind in MENTION_FIELDS:
        value = getattr(m, name)
        if kind == "date":
            out[name] = value.isoformat() if value is not None else None
        elif kind == "span":
            out[name] = value.to_json()
        elif kind == "evidence":
            out[name] = _evidence_to_json(value)
        elif kind in ("strs", "ints"):
            out[name] = list(value)
        else:
            out[name] = value
    return out


def mention_from_json(data: dict[str, Any]) -> Mention:
    """A Mention from :func:`mention_to_json` (or from ``Mention.to_json()``, which lacks
    ``sentence_ids``)."""
    kwargs: dict[str, Any] = {}
    for name, kind in MENTION_FIELDS:
        if name not in data:
            continue
        value = data[name]
        if kind == "date":
            kwargs[name] = _date(value)
        elif kind == "span":
            kwargs[name] = _span(value)
        elif kind == "evidence":
            kwargs[name] = _evidence_from_json(value)
        elif kind in ("strs", "ints"):
            kwargs[name] = list(value or [])
        else:
            kwargs[name] = value
    return Mention(**kwargs)


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _span(value: Any) -> Span:
    if isinstance(value, Span):
        return value
    if isinstance(value, dict):
        return Span(int(value["start"]), int(value["end"]), str(value["text"]))
    return Span.from_json(list(value))


# --- Parquet rows ------------------------------------------------------------------------


def mention_to_row(m: Mention, *, excluded: bool = False) -> dict[str, Any]:
    """A mention as the ``mentions`` struct of a shard row."""
    row = mention_to_json(m)
    row["date"] = m.date
    row["sentence"] = {"start": m.sentence.start, "end": m.sentence.end, "text": m.sentence.text}
    row["evidence"] = json.dumps(row["evidence"], ensure_ascii=False)
    row["excluded"] = excluded
    return row


def mention_from_row(row: dict[str, Any]) -> Mention:
    """The Mention of one ``mentions`` struct (the ``excluded`` flag aside)."""
    data = {k: v for k, v in row.items() if k != "excluded"}
    return mention_from_json(data)


def document_to_row(
    doc: Document,
    *,
    mentions: Sequence[Mention] = (),
    excluded: Sequence[Mention] = (),
    extractor_version: str,
    extract_error: str | None = None,
    extraction_warnings: Sequence[str] = (),
    dropped: bool = False,
) -> dict[str, Any]:
    """One document row: the document, its extraction, and how it was made."""
    row: dict[str, Any] = {"kind": "document"}
    for name, kind in DOCUMENT_FIELDS:
        value = getattr(doc, name)
        if kind == "listing":
            value = _listing_to_json(value)
        row[name] = list(value) if kind == "strs" else value
    row.update(
        raw=None if doc.raw is None or doc.raw == doc.text else doc.raw,
        has_raw=doc.raw is not None,
        content_hash=doc.content_hash,
        extractor_version=extractor_version,
        extract_error=extract_error,
        extraction_warnings=list(extraction_warnings),
        dropped=dropped,
        rejection_source=None,
        rejection_code=None,
        rejection_reason=None,
        mentions=[mention_to_row(m) for m in mentions]
        + [mention_to_row(m, excluded=True) for m in excluded],
    )
    return row


def document_from_row(row: dict[str, Any]) -> Document:
    kwargs: dict[str, Any] = {}
    for name, kind in DOCUMENT_FIELDS:
        value = row.get(name)
        if kind == "strs":
            value = list(value or [])
        elif kind == "date":
            value = _date(value)
        elif kind == "listing":
            value = _listing_from_json(value)
        kwargs[name] = value
    raw = row.get("raw")
    kwargs["raw"] = raw if raw is not None else (kwargs["text"] if row.get("has_raw") else None)
    return Document(**kwargs)


def _listing_to_json(listing: Listing | None) -> str | None:
    if listing is None:
        return None
    day = listing.date.isoformat() if listing.date else None
    return json.dumps({"event_type": listing.event_type, "country": listing.country,
                       "date": day, "name": listing.name})


def _listing_from_json(value: Any) -> Listing | None:
    if not value:
        return None
    data = json.loads(value)
    return Listing(data.get("event_type"), data.get("country"), _date(data.get("date")),
                   data.get("name"))


def rejection_to_row(rejection: Rejection) -> dict[str, Any]:
    return {
        "kind": "rejection",
        "rejection_source": rejection.source,
        "rejection_code": rejection.code,
        "rejection_reason": rejection.reason,
        "mentions": [],
        "warnings": [],
        "extraction_warnings": [],
    }


def rejection_from_row(row: dict[str, Any]) -> Rejection:
    return Rejection(
        source=str(row["rejection_source"]),
        reason=str(row["rejection_reason"]),
        code=str(row["rejection_code"]),
    )


@dataclass(slots=True)
class ShardDocument:
    """A document read back from a shard, with what extraction made of it."""

    document: Document
    #: the reported mentions
    mentions: list[Mention]
    #: strike-like sentences kept out of the events (background, negated, ...)
    excluded: list[Mention] = field(default_factory=list)
    content_hash: str = ""
    extractor_version: str = ""
    #: set when extraction raised; the document is then kept without mentions
    extract_error: str | None = None
    extraction_warnings: list[str] = field(default_factory=list)
    #: dropped by the first pass (present only in runs with ``--keep-dropped``)
    dropped: bool = False

    @property
    def extraction(self) -> Extraction | None:
        """The ``Extraction`` a local run would have had (None when extraction failed)."""
        if self.extract_error is not None:
            return None
        return Extraction(self.document, self.mentions, self.excluded, self.extraction_warnings)


def shard_document_from_row(row: dict[str, Any]) -> ShardDocument:
    doc = document_from_row(row)
    mentions: list[Mention] = []
    excluded: list[Mention] = []
    for m in row.get("mentions") or []:
        (excluded if m.get("excluded") else mentions).append(mention_from_row(m))
    return ShardDocument(
        document=doc,
        mentions=mentions,
        excluded=excluded,
        content_hash=str(row.get("content_hash") or ""),
        extractor_version=str(row.get("extractor_version") or ""),
        extract_error=row.get("extract_error"),
        extraction_warnings=list(row.get("extraction_warnings") or []),
        dropped=bool(row.get("dropped")),
    )


# --- the Arrow schema --------------------------------------------------------------------


def require_pyarrow() -> Any:
    """``pyarrow``, or a ScaleError that says how to install it."""
    try:
        import pyarrow
    except ImportError as exc:
        raise ScaleError(
            "Parquet shards need pyarrow: pip install 'strikewatch[dask]' "
            f"(import failed: {exc})",
            code="missing_extra",
        ) from exc
    return pyarrow


def _arrow_type(pa: Any, kind: str) -> Any:
    return {
        "str": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "bool": pa.bool_(),
        "date": pa.date32(),
        "strs": pa.list_(pa.string()),
        "ints": pa.list_(pa.int64()),
        "evidence": pa.string(),
        "listing": pa.string(),
        "span": pa.struct(
            [("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())]
        ),
    }[kind]


@lru_cache(maxsize=1)
def arrow_schema() -> Any:
    """The ``pyarrow.Schema`` of a shard."""
    pa = require_pyarrow()
    mention = pa.struct(
        [pa.field(n, _arrow_type(pa, k)) for n, k in MENTION_FIELDS]
        + [pa.field("excluded", pa.bool_())]
    )
    fields = [pa.field("kind", pa.string(), nullable=False)]
    fields += [pa.field(n, _arrow_type(pa, k)) for n, k in DOCUMENT_FIELDS]
    fields += [pa.field(n, _arrow_type(pa, k)) for n, k in _ROW_COLUMNS]
    fields.append(pa.field("mentions", pa.list_(mention)))
    return pa.schema(fields)


def rows_to_table(rows: list[dict[str, Any]]) -> Any:
    """Rows into an Arrow table; a value Parquet cannot hold is repaired, not fatal.

    Lone surrogates (no UTF-8 encoder takes them) become U+FFFD, one code
    point for one so that offsets stay right, and integers past 64 bits are
    clipped, as the store does. Ingest never produces either; this is a net.
    """
    pa = require_pyarrow()
    schema = arrow_schema()
    try:
        return pa.Table.from_pylist(rows, schema=schema)
    except (pa.ArrowInvalid, pa.ArrowTypeError, UnicodeEncodeError, OverflowError):
        return pa.Table.from_pylist([_repair(r) for r in rows], schema=schema)


def _repair(value: Any) -> Any:
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in value)
        return value
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return max(-_INT64, min(_INT64, value))
    if isinstance(value, dict):
        return {k: _repair(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_repair(v) for v in value]
    return value


# --- reading a folder of shards ----------------------------------------------------------


def _is_url(location: str | os.PathLike[str]) -> bool:
    return "://" in str(location)


def _fs(location: str | os.PathLike[str]) -> tuple[Any, str]:
    """(fsspec filesystem, path) for a URL; (None, path) for a local path."""
    text = str(location)
    if not _is_url(text):
        return None, text
    from fsspec.core import url_to_fs

    fs, path = url_to_fs(text)
    return fs, str(path)


def _join(folder: str, name: str) -> str:
    return folder.rstrip("/") + "/" + name


def read_manifest(folder: str | os.PathLike[str]) -> dict[str, Any] | None:
    """The folder's ``_manifest.json``, or None when there is none."""
    fs, path = _fs(folder)
    target = _join(path, MANIFEST)
    try:
        if fs is None:
            with open(target, encoding="utf-8") as fh:
                data = json.load(fh)
        else:
            with fs.open(target, "r", encoding="utf-8") as fh:
                data = json.load(fh)
    except FileNotFoundError:
        return None
    if not isinstance(data, dict):
        raise ScaleError(f"{target} is not a strikewatch manifest", code="bad_manifest")
    return data


def list_shards(folder: str | os.PathLike[str], *, allow_incomplete: bool = False) -> list[str]:
    """The shard files of a folder, in input order (the manifest's), as paths or URLs.

    Raises ScaleError when the manifest names shards that are not there (a
    run that has not finished), unless ``allow_incomplete``.
    """
    fs, path = _fs(folder)
    if fs is None:
        if not os.path.isdir(path):
            raise ScaleError(f"no shard folder at {path}", code="no_shards")
        present = {n for n in os.listdir(path) if n.endswith(SUFFIX) and not n.startswith(".")}
    else:
        present = {
            p.rsplit("/", 1)[-1] for p in fs.ls(path, detail=False)
            if p.endswith(SUFFIX) and not p.rsplit("/", 1)[-1].startswith(".")
        }
    manifest = read_manifest(folder)
    if manifest is None:
        names = sorted(present)
    else:
        names = [str(n) + SUFFIX for n in manifest.get("shards", [])]
        missing = [n for n in names if n not in present]
        if missing and not allow_incomplete:
            raise ScaleError(
                f"{len(missing)} of {len(names)} shards in {folder} are missing "
                f"(first: {missing[0]}): the run did not finish; run the same "
                "`strikewatch extract --engine dask` again to complete it",
                code="incomplete",
            )
        names = [n for n in names if n in present]
    base = str(folder).rstrip("/")
    return [base + "/" + n for n in names]


def _parquet_file(location: str) -> Any:
    require_pyarrow()
    import pyarrow.parquet as pq

    fs, path = _fs(location)
    if fs is None:
        return pq.ParquetFile(path)
    return pq.ParquetFile(fs.open(path, "rb"))


def read_shard_metadata(location: str | os.PathLike[str]) -> dict[str, Any]:
    """The ``strikewatch`` key-value metadata of one shard (schema, versions, counts)."""
    return _metadata(_parquet_file(str(location)))


def _metadata(pf: Any) -> dict[str, Any]:
    raw = (pf.metadata.metadata or {}).get(METADATA_KEY.encode())
    return json.loads(raw) if raw else {}


def _rows(location: str, batch_size: int = 256) -> Iterator[dict[str, Any]]:
    pf = _parquet_file(location)
    version = _metadata(pf).get("schema_version")
    if version != SCHEMA_VERSION:
        raise ScaleError(
            f"{location} has shard schema {version!r}; this strikewatch reads {SCHEMA_VERSION}",
            code="bad_shard",
        )
    for batch in pf.iter_batches(batch_size=batch_size):
        yield from batch.to_pylist()


def iter_shard_items(
    folder: str | os.PathLike[str], *, allow_incomplete: bool = False
) -> Iterator[ShardDocument | Rejection]:
    """Every document (with its extraction) and every rejection, in reading order.

    What ``strikewatch ingest --mentions DIR`` needs to rebuild the database a
    local run would build: feed the documents with their ``extraction`` (or
    ``extract_error``) and the rejections to the store, in this order.
    """
    for shard in list_shards(folder, allow_incomplete=allow_incomplete):
        for row in _rows(shard):
            if row["kind"] == "rejection":
                yield rejection_from_row(row)
            else:
                yield shard_document_from_row(row)


def read_shards(
    folder: str | os.PathLike[str], *, allow_incomplete: bool = False
) -> Iterator[tuple[Document, list[Mention]]]:
    """(document, mentions) for every document of a shard folder, in reading order.

    The list holds the reported mentions, then those extraction kept out
    (their ``status`` is not "reported"), as the store keeps them. Use
    :func:`iter_shard_items` for the rest (rejections, extraction errors,
    which mention was excluded).
    """
    for item in iter_shard_items(folder, allow_incomplete=allow_incomplete):
        if isinstance(item, ShardDocument):
            yield item.document, item.mentions + item.excluded


def read_rejections(
    folder: str | os.PathLike[str], *, allow_incomplete: bool = False
) -> Iterator[Rejection]:
    """The sources that could not be read, in reading order."""
    for item in iter_shard_items(folder, allow_incomplete=allow_incomplete):
        if isinstance(item, Rejection):
            yield item


def shard_location(folder: str, name: str) -> str:
    return _join(str(folder), name + SUFFIX)
