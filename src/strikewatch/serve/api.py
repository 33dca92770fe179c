"""``/api/v1``: events (filtered, sorted, paged), one event, one document, stats, export."""

from __future__ import annotations

import asyncio
import io
import json
import tempfile
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, params
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.routing import APIRoute
from pydantic import BaseModel, ValidationError
from sqlalchemy import func, select

from strikewatch import __version__
from strikewatch.serve import queries
from strikewatch.serve.app import ApiError, ServeState, escape_json_text, invalid
from strikewatch.serve.models import (
    DocumentOut,
    ErrorOut,
    EventDetailOut,
    EventList,
    EventOut,
    EventQuery,
    ExportQuery,
    FacetsOut,
    HealthOut,
    ListQuery,
    StatsOut,
    StatsQuery,
)
from strikewatch.store import event_detail, schema

router = APIRouter(prefix="/api/v1")

ERRORS: dict[int | str, dict[str, Any]] = {
    422: {"model": ErrorOut, "description": "A parameter is invalid: `fields` names it."},
    503: {"model": ErrorOut, "description": "The database cannot be read."},
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    **ERRORS,
    404: {"model": ErrorOut, "description": "No such id."},
}

#: the largest id a path accepts (SQLite's integer range)
MAX_ID = 2**63 - 1


def state(request: Request) -> ServeState:
    value: ServeState = request.app.state.serve
    return value


def check_order(query: EventQuery) -> None:
    if query.date_from and query.date_to and query.date_from > query.date_to:
        raise invalid("date_to", f"is before date_from ({query.date_from.isoformat()})")
    if (
        query.killed_min is not None
        and query.killed_max is not None
        and query.killed_min > query.killed_max
    ):
        raise invalid("killed_max", f"is less than killed_min ({query.killed_min})")


def event_out(row: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = queries.jsonable(row)
    out["url"] = f"/api/v1/events/{row['id']}"
    out["page"] = f"/events/{row['id']}"
    for name in ("groups", "named", "sources"):
        out[name] = list(out.get(name) or [])
    return out


#: ``EventOut``'s fields after ``id``, ``url`` and ``page``, in its order
_ITEM_FIELDS = [name for name in EventOut.model_fields if name not in ("id", "url", "page")]


def event_item(row: dict[str, Any]) -> dict[str, Any]:
    """A row of ``list_events(..., json_ready=True)`` as ``EventOut`` serialises it
    (same keys, order and values) without a validation pass per row."""
    event_id = row["id"]
    item = {"id": event_id, "url": f"/api/v1/events/{event_id}", "page": f"/events/{event_id}"}
    item.update({name: row.get(name) for name in _ITEM_FIELDS})
    return item


#: the list's items as SQLite writes them: ``EventOut``'s keys, in its order
JSON_ITEMS = queries.JsonItems(
    keys=tuple(EventOut.model_fields),
    links=(("url", "/api/v1/events/"), ("page", "/events/")),
)


def event_page(
    request: Request,
    query: ListQuery,
    *,
    with_total: bool = True,
    json_ready: bool = False,
    json_items: queries.JsonItems | None = None,
) -> queries.EventPage:
    """One page of events for ``query`` (shared by the API and the dashboard)."""
    check_order(query)
    try:
        return queries.list_events(
            state(request).store,
            query.to_filter(),
            sort=query.sort,
            limit=query.limit,
            cursor=query.cursor,
            with_total=with_total,
            json_ready=json_ready,
            json_items=json_items,
        )
    except queries.CursorError as exc:
        raise invalid("cursor", str(exc)) from exc


class QueryModelRoute(APIRoute):
    """A route whose async endpoint takes ``(request, query)``, ``query`` a model of
    query parameters: validated by pydantic in one call, as FastAPI does it (the
    last of repeated values, errors located in ``query``), without FastAPI's pass
    over each field, which cost more than the rest of the framework's work on a list
    request. The OpenAPI document is FastAPI's own, from the same signature."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        d = self.dependant
        model = d.query_params[0].field_info.annotation if len(d.query_params) == 1 else None
        plain = (
            len(d.query_params) == 1
            and d.query_params[0].name == "query"
            and isinstance(d.query_params[0].field_info, params.Query)
            and asyncio.iscoroutinefunction(self.endpoint)
            and d.request_param_name == "request"
            and not (d.path_params or d.header_params or d.cookie_params or d.body_params)
            and not d.dependencies
        )
        if not (plain and isinstance(model, type) and issubclass(model, BaseModel)):
            return super().get_route_handler()  # pragma: no cover - a route this class is not for
        query_model = model
        endpoint = self.endpoint

        async def handle(request: Request) -> Response:
            try:
                query = query_model.model_validate(dict(request.query_params))
            except ValidationError as exc:
                errors = [{**e, "loc": ("query", *e["loc"])} for e in exc.errors(include_url=False)]
                raise RequestValidationError(errors) from None
            response: Response = await endpoint(request, query)
            return response

        return handle


async def list_events(request: Request, query: Annotated[ListQuery, Query()]) -> Response:
    """Events matching every filter given. Follow `next` for the following page
    (a cursor: stable while events are added)."""
    # Read in the event loop itself, not in a worker thread: a page costs SQLite
    # well under a millisecond to a few (the widest full-text words, tens on 100,000
    # events), and a thread's hand-off and its fight with the loop over the GIL cost
    # more. Measured with bench/api_bench.py on 2 cores: p95 ~45 ms inline against
    # ~55-60 ms with 1 or 2 database threads, or with only full-text pages in one.
    page = event_page(request, query, json_ready=True, json_items=JSON_ITEMS)
    next_url = (
        str(request.url.include_query_params(cursor=page.next_cursor))
        if page.next_cursor
        else None
    )
    # Written as `EventList` serialises it (tests/test_api.py checks that it is the
    # same JSON), not validated again: on SQLite each item is JSON text already.
    if page.items_json is not None:
        items = page.items_json
    else:
        items = [_json(event_item(r)) for r in page.rows]
    rest = {
        "count": len(items),
        "total": page.total,
        "total_capped": page.total_capped,
        "sort": query.sort,
        "next": next_url,
    }
    text = '{"items":[' + ",".join(items) + "]," + _json(rest)[1:]
    return Response(escape_json_text(text), media_type="application/json")


router.add_api_route(
    "/events",
    list_events,
    methods=["GET"],
    response_model=EventList,
    responses=ERRORS,
    summary="Events, filtered, sorted and paged",
    tags=["events"],
    route_class_override=QueryModelRoute,
)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def event_payload(request: Request, event_id: int) -> dict[str, Any]:
    """The event with its bounds, mentions (and why merged), claims and documents."""
    store = state(request).store
    detail = event_detail(store, event_id)
    if detail is None:
        raise ApiError(404, "not_found", f"no event {event_id}")
    extras = queries.event_extras(store, event_id)
    mentions = []
    for link in detail.links:
        extra = extras["links"].get(link.mention_id, {})
        mentions.append(
            {
                "mention_id": link.mention_id,
                "document_id": link.document_id,
                "source": link.source,
                "title": link.title,
                "published": link.published,
                "sentence": link.sentence,
                "sentence_start": link.sentence_start,
                "sentence_end": link.sentence_end,
                "killed_min": link.killed_min,
                "killed_max": link.killed_max,
                "date_value": link.date_value,
                "started": link.started,
                "score": link.score,
                "threshold": link.threshold,
                "decision": link.decision,
                "reasons": link.reasons,
                "details": dict(extra.get("details") or {}),
                "evidence": extras["evidence"].get(link.mention_id, []),
            }
        )
    bounds = {
        name: {
            "min": b["min"],
            "min_sources": [_bound_source(s) for s in b["min_sources"]],
            "max": b["max"],
            "max_sources": [_bound_source(s) for s in b["max_sources"]],
        }
        for name, b in detail.bounds.items()
    }
    documents = [
        {**d, "url_api": f"/api/v1/documents/{d['id']}", "length": int(d["length"] or 0)}
        for d in extras["documents"]
    ]
    payload: dict[str, Any] = queries.jsonable(
        {
            "event": event_out(detail.event),
            "bounds": bounds,
            "mentions": mentions,
            "claims": extras["claims"],
            "documents": documents,
        }
    )
    return payload


def _bound_source(source: Any) -> dict[str, Any]:
    return {
        "key": source.key,
        "source": source.source,
        "document_id": source.document_id,
        "mention_id": source.mention_id,
    }


@router.get(
    "/events/{event_id}",
    response_model=EventDetailOut,
    responses=NOT_FOUND,
    summary="One event: sources, claims, evidence spans, and why its reports were merged",
    tags=["events"],
)
def get_event(
    request: Request, event_id: Annotated[int, PathParam(ge=1, le=MAX_ID)]
) -> dict[str, Any]:
    return event_payload(request, event_id)


@router.get(
    "/documents/{document_id}",
    response_model=DocumentOut,
    responses=NOT_FOUND,
    summary="One document: its text and the spans of every mention",
    tags=["documents"],
)
def get_document(
    request: Request, document_id: Annotated[int, PathParam(ge=1, le=MAX_ID)]
) -> dict[str, Any]:
    found = queries.document(state(request).store, document_id)
    if found is None:
        raise ApiError(404, "not_found", f"no document {document_id}")
    found["warnings"] = list(found.get("warnings") or [])
    out: dict[str, Any] = queries.jsonable(found)
    return out


def stats_payload(request: Request, query: StatsQuery) -> dict[str, Any]:
    check_order(query)
    s = queries.stats(state(request).store, query.to_filter(), min_gap=query.min_gap)
    return {
        "strikes": s.strikes,
        "undated": s.undated,
        "killed_min": s.killed_min,
        "killed_max": s.killed_max,
        "min_gap": s.min_gap,
        "months": [
            {
                "month": m.label,
                "strikes": m.strikes,
                "killed_min": m.killed_min,
                "killed_max": m.killed_max,
                "open_ended": m.open_ended,
                "unknown": m.unknown,
            }
            for m in s.months
        ],
        "pauses": [
            {"start": p.start.isoformat(), "end": p.end.isoformat(), "days": p.days}
            for p in s.pauses
        ],
        "by_country": s.by_country,
        "by_district": s.by_district,
        "by_perpetrator": s.by_perpetrator,
    }


@router.get(
    "/stats",
    response_model=StatsOut,
    responses=ERRORS,
    summary="Strikes and casualty ranges per month, district and perpetrator; the pauses",
    tags=["stats"],
)
def get_stats(request: Request, query: Annotated[StatsQuery, Query()]) -> dict[str, Any]:
    return stats_payload(request, query)


@router.get(
    "/facets",
    response_model=FacetsOut,
    responses=ERRORS,
    summary="The values each filter can take, with counts",
    tags=["stats"],
)
def get_facets(
    request: Request,
    origin: Annotated[str, Query(max_length=64, pattern=r"^[A-Za-z0-9_\-]+$")] = "extracted",
) -> dict[str, Any]:
    return facets(request, origin)


def facets(request: Request, origin: str = "extracted") -> dict[str, Any]:
    st = state(request)
    value: dict[str, Any] = st.cached(
        ("facets", origin), 30.0, lambda: queries.facets(st.store, origin)
    )
    return value


_MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "geojson": "application/geo+json",
    "parquet": "application/vnd.apache.parquet",
}


@router.get(
    "/export",
    responses={
        **ERRORS,
        200: {
            "description": "The file, as an attachment.",
            "content": {m.split(";")[0]: {} for m in _MEDIA.values()},
        },
    },
    summary="Download the matching events as CSV, JSON, GeoJSON or Parquet",
    tags=["export"],
    response_class=Response,
)
def export(request: Request, query: Annotated[ExportQuery, Query()]) -> Response:
    """Every event matching the filters, in one of the export formats and column
    mappings of `strikewatch export` (see docs/exports.md)."""
    from strikewatch.publish import export as exporter
    from strikewatch.store.db import event_from_row

    check_order(query)
    store = state(request).store
    flt = query.to_filter()
    ev = schema.events
    with store.reader() as conn:
        rows = conn.execute(
            select(ev)
            .where(*flt.conditions(store.dialect.name))
            .order_by(func.coalesce(ev.c.date, ev.c.date_latest), ev.c.id)
        ).all()
    events = [event_from_row(dict(r._mapping)) for r in rows]
    name = f"strikewatch-events.{query.format}"
    if query.format == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError as exc:
            raise ApiError(
                501, "not_installed", "Parquet export needs pyarrow: pip install 'strikewatch[publish]'"
            ) from exc
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / name
            exporter.export(events, "parquet", path, query.mapping)
            body: bytes = path.read_bytes()
    else:
        buffer = io.StringIO()
        exporter.export(events, query.format, buffer, query.mapping)
        body = buffer.getvalue().encode("utf-8")
    return Response(
        body,
        media_type=_MEDIA[query.format],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/health", response_model=HealthOut, responses=ERRORS, tags=["meta"])
def health(request: Request) -> dict[str, Any]:
    """The server is up and its database readable."""
    st = state(request)
    with st.store.reader() as conn:
        events = conn.execute(select(func.count()).select_from(schema.events)).scalar_one()
        documents = conn.execute(select(func.count()).select_from(schema.documents)).scalar_one()
    return {
        "status": "ok",
        "version": __version__,
        "database": st.store.where,
        "read_only": st.read_only,
        "events": int(events),
        "documents": int(documents),
    }
