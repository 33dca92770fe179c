"""Inputs into partitions, and a partition back into Documents and Rejections.

A partition is the unit of work of one task and the content of one shard:

- a WARC or JSON Lines file, whole; or, when it is larger than the split
  size, one byte range of it. A record belongs to the range its first byte
  falls in. Ranges are split only where record boundaries can be found
  without reading what comes before: gzip-per-record WARCs (``.warc.gz``, how
  Common Crawl ships; a candidate boundary is checked by inflating it to a
  ``WARC/`` header) and uncompressed UTF-8 JSON Lines (lines end at ``\\n``).
  Other archives are one partition each;
- a run of single-document files (text, HTML) listed one after another,
  grouped so that a folder of ten thousand articles is not ten thousand tasks.

Partition names are built from the input (path or URL, size, byte range, or
the member list of a group) and the partition index, so the same inputs
give the same names and a re-run can skip the shards already written.

Reading reuses ``strikewatch.ingest`` record by record, so a document read
here equals the one ``read_paths`` gives: same doc_id, text, dates, source.
One exception: in a range that does not start at byte 0 the ordinal of a WARC
record is unknown, so a record without ``WARC-Record-ID`` (which the WARC
standard requires) is named by its byte offset (``name#@123456``) instead.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import stat
import tempfile
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, Any, Literal, cast
from urllib.parse import urlsplit

from strikewatch.errors import IngestError
from strikewatch.ingest import readers as _readers
from strikewatch.ingest import warc as _warc
from strikewatch.ingest.decode import SNIFF_BYTES, looks_binary
from strikewatch.ingest.documents import one_line
from strikewatch.ingest.readers import DEFAULT_MAX_BYTES, read_file
from strikewatch.model import Document, Rejection
from strikewatch.scale.firstpass import html_can_report_strike

__all__ = [
    "DEFAULT_GROUP_FILES",
    "DEFAULT_SPLIT_BYTES",
    "Dropped",
    "Partition",
    "is_url",
    "list_inputs",
    "plan",
    "read_partition",
]

#: split WARC and JSON Lines files larger than this into ranges of this size
DEFAULT_SPLIT_BYTES = 64 * 1024 * 1024
#: at most this many single-document files in one partition
DEFAULT_GROUP_FILES = 256

Kind = Literal["warc", "jsonl", "files"]

_WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
_SPLIT_JSONL = (".jsonl", ".ndjson")
_GZIP_MAGIC = b"\x1f\x8b\x08"
_NAME_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True, slots=True)
class Partition:
    """One task's input: a file, a byte range of one, or a group of small files."""

    name: str
    kind: Kind
    #: the input file (local path or URL); for a group, its first file
    source: str
    index: int = 0
    count: int = 1
    #: byte range ``[start, end)`` of the records that belong here; ``end`` None: to the end
    start: int = 0
    end: int | None = None
    size: int = 0
    files: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name, "kind": self.kind, "source": self.source, "index": self.index,
            "count": self.count, "start": self.start, "end": self.end, "size": self.size,
            "files": list(self.files),
        }  # fmt: skip


@dataclass(frozen=True, slots=True)
class Dropped:
    """A record the first pass dropped before it became a Document (no HTML extraction)."""

    source: str


Item = Document | Rejection | Dropped


# --- listing inputs ------------------------------------------------------------------------


def is_url(location: str) -> bool:
    """True for an fsspec URL (``s3://``, ``gs://``, ``file://``...), False for a plain path."""
    return "://" in location


@dataclass(slots=True)
class _Listed:
    location: str
    size: int
    #: which input argument it came from (groups never span two)
    origin: int
    problem: Rejection | None = None


def _kind(location: str) -> Kind:
    name = PurePosixPath(urlsplit(location).path if is_url(location) else location).name.lower()
    if name.endswith(_WARC_SUFFIXES):
        return "warc"
    if name.endswith(_JSONL_SUFFIXES):
        return "jsonl"
    return "files"


def _walk_local(folder: Path, origin: int, seen: set[tuple[int, int]], out: list[_Listed]) -> None:
    """Files under ``folder`` in the order ``read_paths`` reads them (sorted, depth first)."""
    try:
        info = folder.stat()
        key = (info.st_dev, info.st_ino)
        if key in seen:
            return
        seen.add(key)
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError as exc:
        out.append(_Listed(str(folder), 0, origin, _readers._rejection(folder, exc)))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            if entry.is_dir():
                _walk_local(path, origin, seen, out)
                continue
            size = entry.stat().st_size
        except OSError as exc:
            out.append(_Listed(str(path), 0, origin, _readers._rejection(path, exc)))
            continue
        out.append(_Listed(str(path), size, origin))


def _list_url(url: str, origin: int, out: list[_Listed]) -> None:
    from fsspec.core import url_to_fs

    fs, path = url_to_fs(url)
    if any(c in path for c in "*?["):
        found = fs.glob(path, detail=True)
    elif fs.isdir(path):
        found = fs.find(path, detail=True)
    else:
        try:
            info = fs.info(path)
        except FileNotFoundError:
            out.append(_Listed(url, 0, origin,
                               Rejection(url, "no such file or directory", "unreadable")))
            return
        out.append(_Listed(url, int(info.get("size") or 0), origin))  # as the user wrote it
        return
    root = path.rstrip("/")
    for p in sorted(found):
        info = found[p]
        if info.get("type") == "directory":
            continue
        rel = p[len(root):].lstrip("/") if p.startswith(root) else PurePosixPath(p).name
        if any(part.startswith(".") for part in rel.split("/") if part):
            continue
        out.append(_Listed(fs.unstrip_protocol(p), int(info.get("size") or 0), origin))


def list_inputs(inputs: Sequence[str | os.PathLike[str]]) -> list[_Listed]:
    """Every input file, in the order a local run reads them."""
    out: list[_Listed] = []
    seen: set[tuple[int, int]] = set()
    for origin, item in enumerate(inputs):
        text = str(item)
        if is_url(text):
            _list_url(text, origin, out)
            continue
        path = Path(text)
        try:
            is_dir = path.is_dir()
            size = 0 if is_dir else path.stat().st_size
        except OSError as exc:
            out.append(_Listed(text, 0, origin, _readers._rejection(path, exc)))
            continue
        if is_dir:
            _walk_local(path, origin, seen, out)
        else:
            out.append(_Listed(text, size, origin))
    return out


# --- planning ------------------------------------------------------------------------------


def _display_name(location: str) -> str:
    if is_url(location):
        return PurePosixPath(urlsplit(location).path).name or "input"
    return Path(location).name or "input"


def _name(base: str, identity: object, index: int) -> str:
    digest = hashlib.sha1(json.dumps(identity, sort_keys=True).encode("utf-8")).hexdigest()[:12]
    safe = _NAME_SAFE.sub("_", base)[:60].strip("._") or "input"
    return f"{safe}-{digest}-{index:05d}"


@contextlib.contextmanager
def _open(location: str) -> Iterator[IO[bytes]]:
    if is_url(location):
        import fsspec

        with fsspec.open(location, "rb") as fh:
            yield cast(IO[bytes], fh)
    else:
        with open(location, "rb") as fh:
            yield fh


def _head(location: str, n: int) -> bytes:
    try:
        with _open(location) as fh:
            return fh.read(n)
    except OSError:
        return b""


def _member_ends_within(head: bytes) -> bool:
    """True if ``head`` holds a whole gzip member and another after it: a gzip-per-record file.

    A WARC gzipped whole is one member: its records cannot be found apart.
    """
    if not head.startswith(_GZIP_MAGIC):
        return False
    d = zlib.decompressobj(31)
    try:
        d.decompress(head)
    except zlib.error:
        return False
    return d.eof and d.unused_data.startswith(_GZIP_MAGIC)


def _splittable(item: _Listed, kind: Kind, split_bytes: int) -> bool:
    if split_bytes <= 0 or item.size <= split_bytes or item.problem is not None:
        return False
    name = _display_name(item.location).lower()
    if kind == "warc":
        # the first record (warcinfo) is small: its member must end in the head
        return name.endswith(".warc.gz") and _member_ends_within(_head(item.location, 4 << 20))
    if kind == "jsonl":
        if not name.endswith(_SPLIT_JSONL):
            return False
        head = _head(item.location, SNIFF_BYTES)
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            return False
        return not (looks_binary(head) and not _readers._has_json_line(head))
    return False


def plan(
    inputs: Sequence[str | os.PathLike[str]],
    *,
    split_bytes: int = DEFAULT_SPLIT_BYTES,
    group_files: int = DEFAULT_GROUP_FILES,
) -> list[Partition]:
    """The partitions of ``inputs``, in reading order, with deterministic names."""
    listed = list_inputs(inputs)
    out: list[Partition] = []
    group: list[_Listed] = []

    def close_group() -> None:
        if not group:
            return
        files = tuple(g.location for g in group)
        identity = ["files", [[g.location, g.size] for g in group]]
        base = _display_name(files[0]) + (f"+{len(files) - 1}" if len(files) > 1 else "")
        out.append(Partition(_name(base, identity, 0), "files", files[0],
                             size=sum(g.size for g in group), files=files))
        group.clear()

    group_bytes = 0
    for item in listed:
        kind = _kind(item.location)
        if kind == "files" or item.problem is not None:
            if group and (
                group[-1].origin != item.origin
                or len(group) >= group_files
                or (split_bytes > 0 and group_bytes + item.size > split_bytes)
            ):
                close_group()
                group_bytes = 0
            group.append(item)
            group_bytes += item.size
            continue
        close_group()
        group_bytes = 0
        base = _display_name(item.location)
        if _splittable(item, kind, split_bytes):
            count = -(-item.size // split_bytes)
            for i in range(count):
                start, end = i * split_bytes, min((i + 1) * split_bytes, item.size)
                identity = [kind, item.location, item.size, start, end]
                out.append(Partition(_name(base, identity, i), kind, item.location, i, count,
                                     start, end if i < count - 1 else None, item.size))
        else:
            identity = [kind, item.location, item.size]
            out.append(Partition(_name(base, identity, 0), kind, item.location, size=item.size))
    close_group()
    return out


# --- reading a partition -------------------------------------------------------------------


def read_partition(
    part: Partition, *, first_pass: bool = True, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Item]:
    """The Documents and Rejections of one partition, in reading order.

    With ``first_pass``, an HTML record of a WARC that cannot report a strike
    comes out as ``Dropped`` without its HTML being extracted.
    """
    if part.kind == "warc":
        yield from _guard(part.source, _read_warc(part, first_pass, max_bytes))
    elif part.kind == "jsonl" and part.count > 1:
        yield from _guard(part.source, _read_jsonl_range(part.source, part.start, part.end,
                                                         max_bytes))
    elif part.kind == "jsonl":
        yield from _read_whole(part.source, max_bytes)
    else:
        for location in part.files:
            yield from _read_whole(location, max_bytes)


def _guard(location: str, items: Iterator[Item]) -> Iterator[Item]:
    """What ``read_file`` does for a local file: its failure is one Rejection, not a crash.

    A remote file's read errors (a dropped connection) propagate instead, so
    that the task fails and Dask runs it again; only a missing file is a
    Rejection.
    """
    if not is_url(location):
        try:
            info = os.stat(location)
        except OSError as exc:
            yield _readers._rejection(Path(location), exc)
            return
        if not stat.S_ISREG(info.st_mode):
            yield Rejection(location, "not a regular file", "unreadable")
            return
    try:
        yield from items
    except FileNotFoundError as exc:
        yield _readers._rejection(location, exc)
    except Exception as exc:
        if is_url(location):
            raise
        yield _readers._rejection(Path(location), exc)


def _read_whole(location: str, max_bytes: int) -> Iterator[Document | Rejection]:
    """One file through ``read_file``; a remote one is fetched to a local copy first."""
    if not is_url(location):
        path = Path(location)
        try:
            is_dir = path.is_dir()
        except OSError as exc:
            yield _readers._rejection(path, exc)
            return
        if is_dir:  # a folder that could not be listed when planning
            yield from _readers.read_paths([path], max_bytes=max_bytes)
        else:
            yield from read_file(path, max_bytes=max_bytes)
        return
    name = _display_name(location)
    with tempfile.TemporaryDirectory(prefix="strikewatch-") as tmp:
        local = Path(tmp) / name
        try:
            with _open(location) as src, local.open("wb") as dst:
                shutil.copyfileobj(src, dst, 1 << 20)
        except FileNotFoundError:
            yield Rejection(location, "no such file or directory", "unreadable")
            return
        prefix = str(local)
        for item in read_file(local, max_bytes=max_bytes):
            if isinstance(item, Rejection):
                item.source = _rebase(item.source, prefix, location) or location
            else:
                item.source_path = _rebase(item.source_path, prefix, location)
            yield item


def _rebase(value: str | None, prefix: str, location: str) -> str | None:
    if value is not None and value.startswith(prefix):
        return location + value[len(prefix):]
    return value


class _UrlPath(PurePosixPath):
    """A path whose ``str`` is the URL it came from, for ingest's record readers.

    They use ``path.stem`` for ids and ``str(path)`` for sources; a URL given
    as ``Path`` would lose a slash of ``s3://``.
    """

    _url: str = ""

    def __str__(self) -> str:
        return self._url or super().__str__()


def _as_path(location: str) -> Path:
    if not is_url(location):
        return Path(location)
    path = _UrlPath(urlsplit(location).path)
    path._url = location
    return cast(Path, path)


# --- WARC ----------------------------------------------------------------------------------


def _is_warc_member(data: bytes) -> bool:
    """True if ``data`` starts a gzip member that inflates to a WARC record header."""
    d = zlib.decompressobj(31)
    try:
        out = d.decompress(data, 64)
    except zlib.error:
        return False
    return out.startswith(b"WARC/") and b"\n" in out


def _next_member(fh: IO[bytes], start: int, end: int) -> int | None:
    """The offset of the first WARC record member starting in ``[start, end)``, if any."""
    pos = start
    carry = b""
    while pos < end:
        fh.seek(pos)
        chunk = fh.read(1 << 20)
        if not chunk:
            return None
        buf = carry + chunk
        base = pos - len(carry)
        i = buf.find(_GZIP_MAGIC)
        while i != -1:
            candidate = base + i
            if candidate >= end:
                return None
            if candidate >= start:
                fh.seek(candidate)
                if _is_warc_member(fh.read(1 << 14)):
                    return candidate
            i = buf.find(_GZIP_MAGIC, i + 1)
        carry = buf[-(len(_GZIP_MAGIC) - 1):]
        pos += len(chunk)
    return None


def _looks_like_archive(fh: IO[bytes]) -> bool:
    """``ingest.warc._looks_like_archive`` on a stream."""
    head = fh.read(64)
    if head.startswith(b"\x1f\x8b"):
        fh.seek(0)
        d = zlib.decompressobj(31)
        try:
            head = d.decompress(fh.read(1 << 16), 64)
        except zlib.error:
            return False
    return head.lstrip(b"\r\n").startswith((b"WARC/", b"filedesc://"))


def _read_warc(part: Partition, first_pass: bool, max_bytes: int) -> Iterator[Item]:
    """``ingest.read_warc`` over a byte range of a (local or remote) archive."""
    from warcio.archiveiterator import ArchiveIterator

    location = part.source
    path = _as_path(location)
    with _open(location) as fh:
        if part.start == 0:
            if _stat_size(location, fh) == 0:
                yield Rejection(location, "empty file", "empty")
                return
            if not _looks_like_archive(fh):
                yield Rejection(location, "not a WARC or ARC archive (no WARC/ header)", "bad_warc")
                return
            offset = 0
        else:
            found = _next_member(fh, part.start, part.end or part.size)
            if found is None:
                return  # one record spans the whole range: it belongs to an earlier one
            offset = found
        fh.seek(offset)
        iterator = ArchiveIterator(fh)
        records = iter(iterator)
        index = 0
        while True:
            try:
                record = next(records)
            except StopIteration:
                return
            except Exception as exc:  # truncated gzip, garbage between records
                where = f"{index + 1}" if part.start == 0 else f"@{iterator.offset}"
                yield Rejection(
                    f"{location}#{where}",
                    one_line(f"archive unreadable after {index} records: {exc}"),
                    "bad_warc",
                )
                return
            index += 1
            at = int(iterator.offset)
            if part.end is not None and at >= part.end:
                return
            if record.rec_type not in _warc._PAGE_RECORDS:
                continue
            ordinal: int | str = index if part.start == 0 else f"@{at}"
            try:
                item = _warc_record(path, ordinal, record, max_bytes, first_pass)
            except Exception as exc:  # one bad record must not end the archive
                code = exc.code if isinstance(exc, IngestError) else "bad_warc"
                item = Rejection(f"{location}#{ordinal}", one_line(str(exc)), code)
            if item is not None:
                yield item


def _stat_size(location: str, fh: IO[bytes]) -> int:
    if not is_url(location):
        return os.fstat(fh.fileno()).st_size
    size = getattr(fh, "size", None)
    return int(size) if size is not None else -1


def _warc_record(
    path: Path, index: int | str, record: Any, max_bytes: int, first_pass: bool
) -> Item | None:
    """ingest's WARC reader, with the first pass between decoding and HTML extraction."""
    item = _warc.warc_record(path, index, record, max_bytes,
                             html_filter=html_can_report_strike if first_pass else None)
    if item == _warc.SKIPPED:
        record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<> ") or None
        return Dropped(f"{path}#{record_id or index}")
    return cast("Item | None", item)


# --- JSON Lines ----------------------------------------------------------------------------


def _count_newlines(fh: IO[bytes], upto: int) -> int:
    fh.seek(0)
    count = 0
    left = upto
    while left > 0:
        chunk = fh.read(min(8 << 20, left))
        if not chunk:
            break
        count += chunk.count(b"\n")
        left -= len(chunk)
    return count


def _skip_line(fh: IO[bytes]) -> None:
    while True:
        rest = fh.readline(1 << 20)
        if not rest or rest.endswith(b"\n"):
            return


def _read_jsonl_range(
    location: str, start: int, end: int | None, max_bytes: int
) -> Iterator[Document | Rejection]:
    """``ingest.read_jsonl`` over the lines that start in ``[start, end)``."""
    path = _as_path(location)
    with _open(location) as fh:
        if start > 0:
            fh.seek(start - 1)
            if fh.read(1) != b"\n":
                _skip_line(fh)  # the line that started before belongs to the range before
        pos = fh.tell()
        lineno = _count_newlines(fh, pos) if pos > 0 else 0
        fh.seek(pos)
        while end is None or pos < end:
            line = fh.readline(max_bytes + 1)
            if not line:
                return
            lineno += 1
            if len(line) > max_bytes and not line.endswith(b"\n"):
                _skip_line(fh)
                pos = fh.tell()
                yield Rejection(f"{location}:{lineno}",
                                f"line over the limit of {max_bytes} bytes", "too_large")
                continue
            pos += len(line)
            if lineno == 1 and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]
            if not line.strip():
                continue
            yield _readers._jsonl_record(path, lineno, line)

