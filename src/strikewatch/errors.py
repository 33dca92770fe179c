"""One base exception, one subclass per stage, each with a stable code.

Codes let a summary group rejections ("3 x empty") and let a user search the
docs for what to do.
"""

from __future__ import annotations


class StrikewatchError(Exception):
    """Base of every error strikewatch raises on purpose."""

    code = "error"

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code


class IngestError(StrikewatchError):
    """A source could not be read into a document (empty, binary, too large...)."""

    code = "ingest"


class ExtractError(StrikewatchError):
    """Extraction met a document it cannot handle."""

    code = "extract"


class GoldError(StrikewatchError):
    """A gold file does not follow ANNOTATION.md."""

    code = "gold"


class StoreError(StrikewatchError):
    """The database refused an operation (locked, read-only, full disk)."""

    code = "store"
