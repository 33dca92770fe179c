"""Ingest: sources (text, HTML, JSON Lines, WARC) into ``Document`` objects.

Reading only, no database. Every public reader yields a ``Rejection`` with a
stable code instead of raising, so one bad file never stops a batch.
"""

from __future__ import annotations

from strikewatch.ingest.documents import document_from_html, document_from_text
from strikewatch.ingest.pubdate import date_from_byline, date_from_url
from strikewatch.ingest.readers import read_file, read_jsonl, read_paths
from strikewatch.ingest.warc import read_warc

__all__ = [
    "date_from_byline",
    "date_from_url",
    "document_from_html",
    "document_from_text",
    "read_file",
    "read_jsonl",
    "read_paths",
    "read_warc",
]
