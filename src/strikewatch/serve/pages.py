"""The dashboard: server-rendered pages (Jinja2, autoescaped) over the same queries as the API.

Pages: ``/`` (filters, map, timeline, table), ``/events/{id}`` (figures, sources,
highlighted sentences, why merged), ``/documents/{id}`` (an article with every
mention marked) and ``/about``. The filters live in the query string, so any
view can be shared as a link. JavaScript (``static/js``) only improves what
works without it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from functools import lru_cache
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pydantic import ValidationError

from strikewatch import __version__
from strikewatch.serve import queries
from strikewatch.serve.api import MAX_ID, check_order, event_page, event_payload, facets, state
from strikewatch.serve.app import ApiError, web_root
from strikewatch.serve.models import ListQuery
from strikewatch.serve.render import (
    TYPE_LABELS,
    Mark,
    build_map,
    build_timeline,
    killed_range,
    safe_href,
    segments,
)

router = APIRouter(include_in_schema=False)

#: characters of an article shown on an event page before it is cut to an excerpt
EXCERPT_LIMIT = 20_000
#: characters of a document shown on its page
DOCUMENT_LIMIT = 400_000
#: context kept around the marks of a long article
CONTEXT = 1_500

COLUMNS = (
    ("date", "Date"),
    ("country", "Country"),
    ("district", "Place"),
    ("type", "Type"),
    ("perpetrator", "Perpetrator"),
    ("killed_max", "Killed"),
    ("reports", "Reports"),
)

FIGURE_LABELS = {
    "killed": "killed",
    "civilians": "civilians killed",
    "children": "children killed",
    "injured": "injured",
}


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(web_root() / "templates")),
        autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=True, default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        version=__version__,
        type_label=lambda t: TYPE_LABELS.get(str(t), str(t or "")),
        killed_range=killed_range,
        safe_href=safe_href,
        fmt_num=lambda x, n=1: f"{x:.{n}f}",
    )
    return env


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    template = environment().get_template(name)
    html = template.render(request_path=request.url.path, **context)
    return HTMLResponse(html, status_code=status)


def error_page(
    request: Request, status: int, code: str, message: str, fields: list[dict[str, str]]
) -> HTMLResponse:
    return render(
        request,
        "error.html",
        {"status": status, "code": code, "message": message, "fields": fields, "title": f"Error {status}"},
        status=status,
    )


def _qs(params: dict[str, str], **changes: str | None) -> str:
    merged = dict(params)
    for key, value in changes.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = value
    return "?" + urlencode(merged) if merged else "?"


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request) -> HTMLResponse:
    raw = {k: v for k, v in request.query_params.items() if v != ""}
    errors: list[dict[str, str]] = []
    try:
        query = ListQuery.model_validate(raw)
        check_order(query)
    except ValidationError as exc:
        errors = [
            {"field": ".".join(str(p) for p in e["loc"]) or "query", "message": e["msg"]}
            for e in exc.errors()
        ]
        query = ListQuery.model_validate({})
    except ApiError as exc:
        errors = exc.fields
        query = ListQuery.model_validate({})
    flt = query.to_filter()
    params = flt.params()
    sort_params = dict(params)
    if query.sort != "-date":
        sort_params["sort"] = query.sort
    store = state(request).store
    options = facets(request, flt.origin)
    context: dict[str, Any] = {
        "title": "Strikes",
        "query": query,
        "errors": errors,
        "params": params,
        "options": options,
        "origins": facets(request, "all")["origins"],
        "columns": COLUMNS,
        "qs": _qs,
        "sort_params": sort_params,
        "export_qs": {fmt: _qs(params, format=fmt) for fmt in ("csv", "json", "geojson", "parquet")},
        "api_qs": _qs(sort_params),
    }
    if errors:
        return render(request, "index.html", {**context, "page": None}, status=422)
    try:
        page = event_page(request, query, with_total=False)
    except ApiError as exc:
        return render(request, "index.html", {**context, "errors": exc.fields, "page": None}, status=422)
    s = queries.stats(store, flt)
    page.total = s.strikes + s.undated
    points, unplaced = queries.map_points(store, flt)
    perpetrators: Counter[str | None] = Counter(
        {item["value"]: item["count"] for item in options["perpetrators"]}
    )
    map_view = build_map(
        points,
        country=flt.country.upper() if flt.country else None,
        district=flt.district,
        unplaced=unplaced,
        capped=len(points) >= 3000,
        perpetrators=perpetrators,
    )
    timeline = build_timeline(s.months, s.pauses)
    next_link = _qs(sort_params, cursor=page.next_cursor) if page.next_cursor else None
    context.update(
        page=page,
        stats=s,
        map=map_view,
        timeline=timeline,
        next_link=next_link,
        first_link=_qs(sort_params) if query.cursor else None,
    )
    return render(request, "index.html", context)


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_view(
    request: Request, event_id: Annotated[int, PathParam(ge=1, le=MAX_ID)]
) -> HTMLResponse:
    data = event_payload(request, event_id)
    store = state(request).store
    event = data["event"]
    by_document: dict[int, list[dict[str, Any]]] = {}
    for m in data["mentions"]:
        by_document.setdefault(m["document_id"], []).append(m)
    texts = queries.document_texts(store, by_document, DOCUMENT_LIMIT)
    claims_by_mention = {c["mention_id"]: c for c in data["claims"] if c.get("mention_id")}
    sources = []
    for d in data["documents"]:
        mentions = by_document.get(d["id"], [])
        text, length = texts.get(d["id"], ("", 0))
        marks = []
        for m in mentions:
            marks.append(Mark(m["sentence_start"], m["sentence_end"], "sentence", "", True))
            for span in m["evidence"]:
                marks.append(Mark(span["start"], span["end"], "field", span["field"], True))
        offset, shown, cut_before, cut_after = _excerpt(text, length, marks)
        sources.append(
            {
                "document": d,
                "href": safe_href(d.get("url")),
                "mentions": [
                    {**m, "claim": claims_by_mention.get(m["mention_id"])} for m in mentions
                ],
                "segments": segments(shown, marks, offset=offset),
                "cut_before": cut_before,
                "cut_after": cut_after,
                "length": length,
            }
        )
    doc_labels = {d["id"]: _doc_label(d) for d in data["documents"]}
    points = []
    if event.get("lat") is not None and event.get("lon") is not None:
        points = [
            {**event, "date": dt.date.fromisoformat(event["date"]) if event.get("date") else None}
        ]
    map_view = (
        build_map(points, country=event.get("country"), district=event.get("district"), min_px=7.0)
        if points
        else None
    )
    return render(
        request,
        "event.html",
        {
            "title": _event_title(event),
            "event": event,
            "bounds": data["bounds"],
            "figure_labels": FIGURE_LABELS,
            "sources": sources,
            "claims": data["claims"],
            "doc_labels": doc_labels,
            "map": map_view,
        },
    )


def _doc_label(d: dict[str, Any]) -> str:
    """A document as a person would name it: its title, else its outlet and day, else its id."""
    if d.get("title"):
        return str(d["title"])
    outlet = d.get("publisher")
    if not outlet and d.get("url"):
        outlet = urlsplit(str(d["url"])).netloc or None
    if outlet:
        return f"{outlet}, {d['published']}" if d.get("published") else str(outlet)
    return str(d.get("doc_id") or f"document {d['id']}")


def _excerpt(text: str, length: int, marks: list[Mark]) -> tuple[int, str, bool, bool]:
    """The part of a long article around its marks: (offset, text, cut before, cut after)."""
    if length <= EXCERPT_LIMIT and len(text) == length:
        return 0, text, False, False
    if not marks:
        return 0, text[:EXCERPT_LIMIT], False, True
    start = max(0, min(m.start for m in marks) - CONTEXT)
    end = min(len(text), max(m.end for m in marks) + CONTEXT, start + EXCERPT_LIMIT * 2)
    return start, text[start:end], start > 0, end < length


def _event_title(event: dict[str, Any]) -> str:
    kind = TYPE_LABELS.get(event.get("type") or "", "strike").capitalize()
    where = event.get("place") or event.get("district") or event.get("admin1") or event.get("country") or "place unknown"
    when = event.get("date") or (f"by {event['date_latest']}" if event.get("date_latest") else "undated")
    return f"{kind}, {where}, {when}"


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_view(
    request: Request, document_id: Annotated[int, PathParam(ge=1, le=MAX_ID)]
) -> HTMLResponse:
    found = queries.document(state(request).store, document_id)
    if found is None:
        raise ApiError(404, "not_found", f"no document {document_id}")
    text: str = found["text"]
    marks = []
    for m in found["mentions"]:
        own = m["event_id"] is not None
        marks.append(Mark(m["sentence_start"], m["sentence_end"], "sentence", "", own))
        for span in m["evidence"]:
            marks.append(Mark(span["start"], span["end"], "field", span["field"], own))
    shown = text[:DOCUMENT_LIMIT]
    return render(
        request,
        "document.html",
        {
            "title": found.get("title") or found.get("doc_id") or f"Document {document_id}",
            "doc": found,
            "href": safe_href(found.get("url")),
            "segments": segments(shown, marks),
            "cut": len(text) > DOCUMENT_LIMIT,
        },
    )


@router.get("/about", response_class=HTMLResponse)
def about(request: Request) -> HTMLResponse:
    from strikewatch.serve.geometry import ATTRIBUTION

    st = state(request)
    return render(
        request,
        "about.html",
        {"title": "About", "attribution": ATTRIBUTION, "db": st.store.where, "read_only": st.read_only},
    )


__all__ = ["error_page", "render", "router"]
