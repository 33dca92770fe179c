"""Files and folders into Documents, one Rejection per thing that cannot be read.

A batch of thousands of files must not stop at the first bad one, and must
not lose a good file because of a bad neighbour: every reader catches what
goes wrong with one item, yields a ``Rejection`` with a stable code, and goes
on with the next.

Codes: ``empty``, ``binary``, ``too_large``, ``bad_json``, ``bad_html``,
``unreadable`` (missing, unreadable or not a regular file), ``bad_warc`` (not
an archive, truncated), and for WARC records that are not pages
``unsupported`` (media type) and ``http_status`` (not 2xx).
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from strikewatch.errors import IngestError
from strikewatch.ingest.decode import SNIFF_BYTES, declared_charset, decode_bytes, looks_binary
from strikewatch.ingest.documents import (
    clean_field,
    document_from_html,
    document_from_text,
    one_line,
)
from strikewatch.ingest.pubdate import plausible
from strikewatch.model import EVENT_TYPES, Document, Listing, Rejection

__all__ = [
    "DEFAULT_MAX_BYTES",
    "read_bounded",
    "read_file",
    "read_jsonl",
    "read_paths",
    "sniff_html",
]

DEFAULT_MAX_BYTES = 20_000_000

_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
_TEXT_SUFFIXES = (".txt", ".text")
_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
_WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")

Item = Document | Rejection


def read_paths(
    paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | Rejection]:
    """Read files and folders into Documents, yielding a Rejection for each failure.

    Folders are walked recursively in sorted order, skipping hidden entries
    (a hidden file named explicitly is read). The format follows the suffix
    (``.txt``, ``.html``/``.htm``, ``.jsonl``/``.ndjson``, ``.warc``/``.warc.gz``);
    other files are read as text, or as HTML when their content says so.
    ``max_bytes`` bounds one document: a whole text or HTML file, one JSON
    line, one WARC record; larger ones are rejected (``too_large``) without
    being read into memory. Nothing is raised for a bad input.
    """
    for path in paths:
        path = Path(path)
        try:
            is_dir = path.is_dir()
        except OSError as exc:
            yield _rejection(path, exc)
            continue
        if is_dir:
            yield from _walk(path, max_bytes, set())
        else:
            yield from read_file(path, max_bytes=max_bytes)


def _rejection(source: Path | str, exc: BaseException) -> Rejection:
    if isinstance(exc, IngestError):
        return Rejection(str(source), one_line(str(exc)), exc.code)
    if isinstance(exc, FileNotFoundError):
        return Rejection(str(source), "no such file or directory", "unreadable")
    if isinstance(exc, OSError):
        reason = exc.strerror or str(exc)
        return Rejection(str(source), one_line(f"cannot read: {reason}"), "unreadable")
    return Rejection(str(source), one_line(f"unexpected {type(exc).__name__}: {exc}"), "unreadable")


def _walk(folder: Path, max_bytes: int, seen: set[tuple[int, int]]) -> Iterator[Item]:
    """Files under ``folder`` in sorted order; symlinked folders once (no loops)."""
    try:
        info = folder.stat()
        key = (info.st_dev, info.st_ino)
        if key in seen:
            return
        seen.add(key)
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError as exc:
        yield _rejection(folder, exc)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
        except OSError as exc:
            yield _rejection(path, exc)
            continue
        if is_dir:
            yield from _walk(path, max_bytes, seen)
        else:
            yield from read_file(path, max_bytes=max_bytes)


def _kind(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(_WARC_SUFFIXES):
        return "warc"
    if name.endswith(_JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(_HTML_SUFFIXES):
        return "html"
    if name.endswith(_TEXT_SUFFIXES):
        return "text"
    return "unknown"


def read_file(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Read one file (of any supported format) into Documents and Rejections."""
    path = Path(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            # a FIFO or a device would block or never end
            yield Rejection(str(path), "not a regular file", "unreadable")
            return
        kind = _kind(path)
        if kind == "warc":
            from strikewatch.ingest.warc import read_warc

            yield from read_warc(path, max_bytes=max_bytes)
        elif kind == "jsonl":
            yield from read_jsonl(path, max_bytes=max_bytes)
        else:
            yield _read_single(path, kind, info.st_size, max_bytes)
    except Exception as exc:  # one file's failure must not end the batch
        yield _rejection(path, exc)


def sniff_html(text: str) -> bool:
    """True if ``text`` starts like an HTML document rather than prose."""
    head = text[:1024].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) and "<html" in text[:4096].lower():
        return True
    return head.startswith(("<head", "<body", "<meta", "<title")) or (
        head.startswith("<") and ("<p>" in head or "<div" in head or "<body" in head)
    )


def _read_single(path: Path, kind: str, size: int, max_bytes: int) -> Item:
    """A file holding one document: text, HTML or an unknown suffix."""
    source = str(path)
    if size > max_bytes:
        return Rejection(source, f"{size} bytes, over the limit of {max_bytes}", "too_large")
    with path.open("rb") as fh:
        data = read_bounded(fh, max_bytes, expected=size)
    if len(data) > max_bytes:  # the file grew since stat()
        return Rejection(source, f"over the limit of {max_bytes} bytes", "too_large")
    if not data.strip():
        return Rejection(source, "empty file" if not data else "whitespace only", "empty")
    try:
        declared = declared_charset(data[:2048]) if kind != "text" else None
        text, warnings = decode_bytes(data, declared=declared)
        if kind == "html" or sniff_html(text):
            doc = document_from_html(text, path.stem, source_path=source)
        else:
            doc = document_from_text(text, path.stem, source_path=source)
    except IngestError as exc:
        return Rejection(source, one_line(str(exc)), exc.code)
    doc.warnings[:0] = warnings
    return doc


def read_bounded(stream: IO[bytes], limit: int, *, expected: int = 0) -> bytes:
    """Read at most ``limit + 1`` bytes, so that more than ``limit`` means too large.

    Reads in pieces: ``read(limit + 1)`` would allocate the whole limit
    (20 MB) up front for every small file.
    """
    chunks: list[bytes] = []
    total = 0
    want = min(expected if expected > 0 else _CHUNK, limit) + 1
    while total <= limit:
        chunk = stream.read(want)
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        want = min(_CHUNK, limit + 1 - total)
    return b"".join(chunks)


_CHUNK = 1 << 20


# --- JSON Lines ---------------------------------------------------------------


def _open_lines(path: Path) -> IO[bytes]:
    if path.name.lower().endswith(".gz"):
        return gzip.GzipFile(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def _lines(fh: IO[bytes], max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) for each line; None for a line over ``max_bytes``.

    An overlong line is skipped in chunks, never held whole in memory.
    """
    lineno = 0
    while True:
        line = fh.readline(max_bytes + 1)
        if not line:
            return
        lineno += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while True:
                rest = fh.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield lineno, None
        else:
            yield lineno, line


def read_jsonl(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """One Document per JSON line; a broken line is one Rejection and reading goes on.

    A line is ``{"id", "url", "published", "title", "text"}`` or the same
    with ``html`` instead of ``text``; ``author`` and ``publisher`` are read
    too, and a line from a list of events may say what the list files it under:
    ``"listing": {"event_type": "drone_strike", "country": "PK", "date": "2010-09-02",
    "name": "tbij-pakistan"}``
    (:class:`~strikewatch.model.Listing`). Without an ``id`` a line is ``<file stem>:<line number>``. A
    ``published`` field wins over dates found in the url or text
    (``published_source`` "given").
    """
    path = Path(path)
    with _open_lines(path) as fh:
        head = fh.read(SNIFF_BYTES)
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            data = head + fh.read(4 * max_bytes + 1 - len(head))
            yield from _jsonl_utf16(path, data, max_bytes)
            return
        if looks_binary(head) and not _has_json_line(head):
            # one rejection for a binary file, not one per "line" of it
            yield Rejection(str(path), "binary content, not JSON Lines", "binary")
            return
        fh.seek(0)
        for lineno, line in _lines(fh, max_bytes):
            source = f"{path}:{lineno}"
            if line is None:
                yield Rejection(source, f"line over the limit of {max_bytes} bytes", "too_large")
                continue
            if lineno == 1 and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]
            if not line.strip():
                continue
            yield _jsonl_record(path, lineno, line)


def _has_json_line(head: bytes) -> bool:
    """True if some complete line of ``head`` is a JSON object."""
    for line in head.split(b"\n")[:-1]:
        if line.lstrip().startswith(b"{"):
            try:
                return isinstance(json.loads(line), dict)
            except ValueError:
                continue
    return False


def _jsonl_utf16(path: Path, data: bytes, max_bytes: int) -> Iterator[Item]:
    """JSON Lines in UTF-16 (rare, from Windows tools): decoded whole."""
    if len(data) > 4 * max_bytes:
        yield Rejection(str(path), "UTF-16 JSON Lines file too large to decode", "too_large")
        return
    text, _ = decode_bytes(data)
    for lineno, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield _jsonl_record(path, lineno, line.encode("utf-8", "surrogatepass"))


def _jsonl_record(path: Path, lineno: int, line: bytes) -> Item:
    source = f"{path}:{lineno}"
    try:
        text, warnings = decode_bytes(line)
    except IngestError as exc:
        return Rejection(source, one_line(str(exc)), exc.code)
    try:
        record = json.loads(text, strict=False)
    except ValueError as exc:
        return Rejection(source, one_line(f"not JSON: {exc}"), "bad_json")
    if not isinstance(record, dict):
        return Rejection(source, f"a JSON {type(record).__name__}, not an object", "bad_json")
    body_text, body_html = record.get("text"), record.get("html")
    if not isinstance(body_text, str) and not isinstance(body_html, str):
        return Rejection(source, 'no "text" or "html" string field', "bad_json")
    raw_id = record.get("id")
    doc_id = (
        str(raw_id) if isinstance(raw_id, str | int) and str(raw_id) else f"{path.stem}:{lineno}"
    )
    url = record.get("url") if isinstance(record.get("url"), str) else None
    try:
        if isinstance(body_text, str) and body_text.strip():
            doc = document_from_text(body_text, doc_id, url=url, source_path=source)
        elif isinstance(body_html, str):
            doc = document_from_html(body_html, doc_id, url=url, source_path=source)
        else:
            raise IngestError('"text" is empty', code="empty")
    except IngestError as exc:
        return Rejection(source, one_line(str(exc)), exc.code)
    doc.source_format = "jsonl"
    doc.warnings[:0] = warnings
    _apply_given(doc, record)
    return doc


def _apply_given(doc: Document, record: dict[str, Any]) -> None:
    """Fields the JSON line states outright win over what was found in the text."""
    for name in ("title", "author", "publisher"):
        if value := clean_field(record.get(name)):
            setattr(doc, name, value)
    listing = record.get("listing")
    if isinstance(listing, dict):
        doc.listing = _listing(doc, listing)
    elif listing is not None:
        doc.warnings.append('ignored "listing": not an object')
    given = record.get("published")
    if given is None or given == "":
        return
    published = None
    if isinstance(given, str):
        try:
            published = plausible(_iso_date(given))
        except ValueError:
            published = None
    if published is None:
        doc.warnings.append(one_line(f"ignored unreadable published value {given!r}", 200))
        return
    doc.published, doc.published_source = published, "given"


def _listing(doc: Document, given: dict[str, Any]) -> Listing | None:
    """The ``listing`` object of a line from a list of events: what it says of the entry."""
    kind = given.get("event_type")
    if kind not in EVENT_TYPES:
        if kind is not None:
            doc.warnings.append(one_line(f"ignored listing event_type {kind!r}", 200))
        kind = None
    country = given.get("country")
    if not (isinstance(country, str) and re.fullmatch(r"[A-Za-z]{2}", country.strip())):
        if country is not None:
            doc.warnings.append(one_line(f"ignored listing country {country!r}: not ISO 3166", 200))
        country = None
    day = None
    if isinstance(given.get("date"), str):
        try:
            day = plausible(_iso_date(given["date"]))
        except ValueError:
            day = None
    if day is None and given.get("date") is not None:
        doc.warnings.append(one_line(f"ignored listing date {given.get('date')!r}", 200))
    name = given.get("name") if isinstance(given.get("name"), str) else None
    if kind is None and country is None and day is None and not name:
        return None
    return Listing(kind, country.strip().upper() if country else None, day, name or None)


def _iso_date(value: str) -> dt.date:
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return dt.datetime.fromisoformat(value).date()
