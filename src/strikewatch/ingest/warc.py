"""WARC archives (how Common Crawl News ships) into Documents, record by record.

An archive is streamed, never loaded whole: ``max_bytes`` bounds one record,
not the file, since a Common Crawl News WARC is about a gigabyte. A broken
record, or an archive truncated in the middle, costs only what is broken.
"""

from __future__ import annotations

import datetime as dt
import gzip
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from strikewatch.errors import IngestError
from strikewatch.ingest.decode import declared_charset, decode_bytes
from strikewatch.ingest.documents import document_from_html, document_from_text, one_line
from strikewatch.ingest.pubdate import plausible
from strikewatch.ingest.readers import DEFAULT_MAX_BYTES, read_bounded, sniff_html
from strikewatch.model import Document, Rejection

__all__ = ["read_warc"]

#: Records that carry a page; request, metadata, warcinfo and revisit do not.
_PAGE_RECORDS = ("response", "resource")


def _warc_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return plausible(dt.date.fromisoformat(value.strip()[:10]))
    except ValueError:
        return None


def _looks_like_archive(path: Path) -> bool:
    """True if the file starts like a WARC or ARC record, gzipped or not.

    warcio reads almost anything as an ARC record; checking the magic first
    turns a misnamed file into one clear rejection.
    """
    with path.open("rb") as fh:
        head = fh.read(64)
    if head.startswith(b"\x1f\x8b"):
        try:
            with gzip.open(path, "rb") as gz:
                head = gz.read(64)
        except (OSError, EOFError):
            return False
    return head.lstrip(b"\r\n").startswith((b"WARC/", b"filedesc://"))


def read_warc(
    path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | Rejection]:
    """Yield a Document per HTML (or plain-text) response record of a WARC.

    The url is the record's ``WARC-Target-URI``; the doc_id its
    ``WARC-Record-ID`` (else the url). ``WARC-Date`` is when the page was
    crawled, not published, so it is used only when the page, its url and
    its byline give no date (``published_source`` "warc_date"). Non-2xx
    responses are rejected as ``http_status``, other media types as
    ``unsupported``.
    """
    from warcio.archiveiterator import ArchiveIterator

    path = Path(path)
    if path.stat().st_size == 0:
        yield Rejection(str(path), "empty file", "empty")
        return
    if not _looks_like_archive(path):
        yield Rejection(str(path), "not a WARC or ARC archive (no WARC/ header)", "bad_warc")
        return
    index = 0
    with path.open("rb") as fh:
        records = iter(ArchiveIterator(fh))
        while True:
            try:
                record = next(records)
            except StopIteration:
                return
            except Exception as exc:  # truncated gzip, garbage between records
                yield Rejection(
                    f"{path}#{index + 1}",
                    one_line(f"archive unreadable after {index} records: {exc}"),
                    "bad_warc",
                )
                return
            index += 1
            if record.rec_type not in _PAGE_RECORDS:
                continue
            try:
                item = _record(path, index, record, max_bytes)
            except Exception as exc:  # one bad record must not end the archive
                code = exc.code if isinstance(exc, IngestError) else "bad_warc"
                item = Rejection(f"{path}#{index}", one_line(str(exc)), code)
            if item is not None:
                yield item


#: what ``warc_record`` returns for a page its ``html_filter`` turned down
SKIPPED = "skipped"


def _record(path: Path, index: int, record: Any, max_bytes: int) -> Document | Rejection | None:
    item = warc_record(path, index, record, max_bytes)
    return None if isinstance(item, str) else item


def warc_record(
    path: Path,
    index: int | str,
    record: Any,
    max_bytes: int,
    html_filter: Callable[[str], bool] | None = None,
) -> Document | Rejection | str | None:
    """One WARC record as a document or a rejection.

    ``html_filter`` sees the decoded HTML before the costly main-text
    extraction; when it says no, the record is ``SKIPPED`` (the cluster path's
    first pass drops pages that cannot report a strike here).
    """
    headers = record.rec_headers
    url = headers.get_header("WARC-Target-URI") or None
    record_id = (headers.get_header("WARC-Record-ID") or "").strip("<> ") or None
    doc_id = record_id or url or f"{path.stem}:{index}"
    source = f"{path}#{record_id or index}"
    http = record.http_headers
    if record.rec_type == "response" and http is not None:
        status = http.get_statuscode() or ""
        if not status.startswith("2"):
            return Rejection(source, f"HTTP status {status or 'missing'} for {url}", "http_status")
        content_type = http.get_header("Content-Type") or ""
    else:
        content_type = headers.get_header("Content-Type") or ""
    media = content_type.split(";")[0].strip().lower()
    if media and "html" not in media and media != "text/plain":
        return Rejection(source, one_line(f"media type {media}, not HTML"), "unsupported")
    body = read_bounded(record.content_stream(), max_bytes)
    if len(body) > max_bytes:
        return Rejection(source, f"record over the limit of {max_bytes} bytes", "too_large")
    missing = getattr(record.raw_stream, "limit", 0)
    if isinstance(missing, int) and missing > 0:
        # the archive ends inside this record: its text would be a fragment
        return Rejection(source, f"record truncated, {missing} bytes missing", "bad_warc")
    if not body.strip():
        return Rejection(source, "empty record body", "empty")
    declared = declared_charset(content_type.encode("latin-1", "replace"))
    if declared is None and media != "text/plain":
        declared = declared_charset(body[:2048])
    text, warnings = decode_bytes(body, declared=declared)
    if media == "text/plain" or (not media and not sniff_html(text)):
        doc = document_from_text(text, doc_id, url=url, source_path=source)
    else:
        if html_filter is not None and not html_filter(text):
            return SKIPPED
        doc = document_from_html(text, doc_id, url=url, source_path=source)
    doc.source_format = "warc"
    doc.warnings[:0] = warnings
    if doc.published is None and (crawled := _warc_date(headers.get_header("WARC-Date"))):
        doc.published, doc.published_source = crawled, "warc_date"
    return doc
