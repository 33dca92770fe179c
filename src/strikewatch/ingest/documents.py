"""Text or HTML, already decoded, into a ``Document`` with its publication date.

The readers (files, JSON Lines, WARC) all end here, so a page gets the same
text, title and date whichever container it came in.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any
from urllib.parse import urlsplit

from strikewatch.errors import IngestError
from strikewatch.ingest.decode import clean_text
from strikewatch.ingest.pubdate import date_from_byline, date_from_url, plausible
from strikewatch.model import Document

__all__ = ["clean_field", "document_from_html", "document_from_text", "one_line"]

log = logging.getLogger(__name__)

# htmldate without its extensive search: an undated page gives None instead of
# the year of a "© 2012" footer. No url is given to it (see document_from_html)
# and a page's own markup beats a date inside its canonical link.
_DATE_PARAMS: dict[str, Any] = {
    "extensive_search": False,
    "original_date": True,
    "deferred_url_extractor": True,
}


def one_line(message: str, limit: int = 300) -> str:
    """Squash a message into one short line, as a ``Rejection.reason`` must be."""
    flat = " ".join(message.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _hostname(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def _date_from_url_or_text(url: str | None, text: str) -> tuple[dt.date | None, str | None]:
    if found := date_from_url(url):
        return found, "url"
    if found := date_from_byline(text):
        return found, "byline"
    return None, None


def document_from_text(
    text: str,
    doc_id: str,
    *,
    url: str | None = None,
    source_path: str | None = None,
) -> Document:
    """A plain-text article as a Document, dated from its url, else its byline.

    The text is kept as it is except for newline normalisation and removed
    control characters (listed in ``Document.warnings``). Raises
    ``IngestError`` (code ``empty``) for empty or whitespace-only text.
    """
    cleaned, warnings = clean_text(text)
    if not cleaned.strip():
        raise IngestError("no text (empty or whitespace only)", code="empty")
    published, source = _date_from_url_or_text(url, cleaned)
    return Document(
        doc_id=doc_id,
        text=cleaned,
        url=url,
        publisher=_hostname(url),
        published=published,
        published_source=source,
        source_path=source_path,
        source_format="text",
        raw=text,
        warnings=warnings,
    )


def _metadata_date(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return plausible(dt.date.fromisoformat(value[:10]))
    except ValueError:
        return None


def _extract(html: str) -> Any:
    """Run trafilatura, turning its (and lxml's) failures into ``bad_html``."""
    import trafilatura  # imported late: about 0.5 s, and only HTML needs it

    try:
        return trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            date_extraction_params=dict(_DATE_PARAMS),
        )
    except Exception as exc:  # any parser bug on one page must not stop a batch
        log.debug("trafilatura failed", exc_info=True)
        raise IngestError(
            one_line(f"HTML could not be parsed: {type(exc).__name__}: {exc}"), code="bad_html"
        ) from exc


def clean_field(value: object) -> str | None:
    """A title, author or site name as one clean line, or None if there is none."""
    if not isinstance(value, str):
        return None
    flat = one_line(clean_text(value)[0], 500)
    return flat or None


def document_from_html(
    html: str,
    doc_id: str,
    *,
    url: str | None = None,
    source_path: str | None = None,
) -> Document:
    """An HTML page as a Document: main text without navigation, ads or comments.

    Title, author and site name come from the page's metadata (trafilatura).
    The publication date comes from the page's metadata, else from ``url``,
    else from a byline in the extracted text; ``published_source`` says
    which. ``Document.raw`` keeps the HTML as given. Raises ``IngestError``
    with code ``empty`` when the page has no extractable text.
    """
    if not html.strip():
        raise IngestError("no HTML (empty or whitespace only)", code="empty")
    # lxml refuses NUL and other control characters outright.
    parseable, warnings = clean_text(html)
    result = _extract(parseable)
    extracted = getattr(result, "text", None) if result is not None else None
    if not isinstance(extracted, str) or not extracted.strip():
        raise IngestError("HTML has no extractable text", code="empty")
    text, text_warnings = clean_text(extracted)
    if not text.strip():
        raise IngestError("HTML has no extractable text", code="empty")
    for warning in text_warnings:
        if warning not in warnings:
            warnings.append(warning)
    published = _metadata_date(getattr(result, "date", None))
    source: str | None = "metadata" if published else None
    if published is None:
        published, source = _date_from_url_or_text(url, text)
    return Document(
        doc_id=doc_id,
        text=text,
        url=url,
        title=clean_field(getattr(result, "title", None)),
        author=clean_field(getattr(result, "author", None)),
        publisher=clean_field(getattr(result, "sitename", None)) or _hostname(url),
        published=published,
        published_source=source,
        source_path=source_path,
        source_format="html",
        raw=html,
        warnings=warnings,
    )
