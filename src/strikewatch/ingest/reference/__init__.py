"""Importers for the hand-made reference strike lists, as :class:`Event` lists.

The lists (TBIJ's spreadsheets, the Dronestream dump of TBIJ's data, New
America's and Pakistan Body Count's CSVs) are what strikewatch's own database
is compared with, so each is read as it was published, with its quirks
repaired where the fix is certain and kept in ``notes`` where it is not.

``load_reference(path)`` recognises the list by its content (falling back on
its file name) and returns its events; ``kind`` forces one of
:data:`REFERENCE_KINDS`. Anything else raises :class:`ReferenceListError`.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from strikewatch.model import Event

from ._common import REFERENCE_KINDS, ReferenceListError
from .dronestream import StrikeTexts, dronestream_documents, dronestream_texts, load_dronestream
from .new_america import HEADER_START, load_new_america
from .pbc import load_pbc
from .tbij import load_tbij

__all__ = [
    "REFERENCE_KINDS",
    "ReferenceListError",
    "StrikeTexts",
    "detect_kind",
    "dronestream_documents",
    "dronestream_texts",
    "load_reference",
]

_LOADERS = {
    "tbij": load_tbij,
    "dronestream": load_dronestream,
    "new_america": load_new_america,
    "pbc": load_pbc,
}


def detect_kind(path: str | Path) -> str:
    """Which reference list a file is, from its content, else from its name."""
    path = Path(path)
    if not path.is_file():
        raise ReferenceListError(f"{path}: no such file")
    kind = _kind_from_content(path) or _kind_from_name(path)
    if kind is None:
        raise ReferenceListError(
            f"{path}: not a known reference list (expected one of {', '.join(REFERENCE_KINDS)})"
        )
    return kind


def _kind_from_content(path: Path) -> str | None:
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
    except OSError as exc:
        raise ReferenceListError(f"{path}: cannot be read ({exc})") from exc
    if head.startswith(b"PK\x03\x04"):
        return "tbij" if _is_xlsx(path) else None
    text = head.decode("latin-1").lstrip("\ufeff\xef\xbb\xbf")
    first_line = text.splitlines()[0] if text else ""
    if text.lstrip().startswith(("{", "[")) and '"bureau_id"' in _json_head(path, text):
        return "dronestream"
    columns = [c.strip().strip('"').lower() for c in first_line.split(",")]
    if tuple(columns[: len(HEADER_START)]) == HEADER_START:
        return "new_america"
    if "s#" in columns and ("total died mix" in columns or "total died max" in columns):
        return "pbc"
    return None


def _json_head(path: Path, head: str) -> str:
    """Enough of a JSON file to see its keys (the whole file if it is small)."""
    if '"bureau_id"' in head:
        return head
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return head
    strikes = data.get("strike") if isinstance(data, dict) else data
    if isinstance(strikes, list) and strikes and isinstance(strikes[0], dict):
        return json.dumps(strikes[0])
    return head


def _is_xlsx(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as zf:
            return "xl/workbook.xml" in zf.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


def _kind_from_name(path: Path) -> str | None:
    name = path.name.lower()
    if path.suffix.lower() == ".xlsx" and "strikes" in name:
        return "tbij"
    if "dronestream" in str(path).lower() and path.suffix.lower() == ".json":
        return "dronestream"
    if name == "drone_attacks.csv" or "new-america" in str(path).lower():
        return "new_america"
    if name == "pakistandroneattacks.csv" or "body-count" in str(path).lower():
        return "pbc"
    return None


def load_reference(path: str | Path, *, kind: str | None = None) -> list[Event]:
    """All strikes of one reference list file, in the file's order.

    ``kind`` is one of :data:`REFERENCE_KINDS`; without it the kind is
    detected. Raises :class:`ReferenceListError` for an unknown kind, an
    unrecognised or unreadable file, or a row that cannot be read.
    """
    path = Path(path)
    if kind is None:
        kind = detect_kind(path)
    elif kind not in _LOADERS:
        raise ReferenceListError(
            f"unknown reference kind {kind!r} (expected one of {', '.join(REFERENCE_KINDS)})"
        )
    elif not path.is_file():
        raise ReferenceListError(f"{path}: no such file")
    return _LOADERS[kind](path)
