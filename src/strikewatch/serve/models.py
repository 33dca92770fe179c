"""Pydantic models of the HTTP API: the query parameters it accepts and the JSON it returns.

They are the OpenAPI document (``/api/v1/openapi.json``): every parameter's
bounds and every field's meaning are written here once.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from strikewatch.serve.queries import EventFilter

EventTypeName = Literal["drone_strike", "air_strike", "other_attack"]

SortName = Literal[
    "date", "-date", "killed_max", "-killed_max", "killed_min", "-killed_min", "reports",
    "-reports", "country", "-country", "district", "-district", "perpetrator", "-perpetrator",
    "type", "-type", "id", "-id",
]  # fmt: skip

ExportFormat = Literal["csv", "json", "geojson", "parquet"]
ExportMapping = Literal["native", "acled", "tbij"]



class EventQuery(BaseModel):
    """The filters every event endpoint accepts (empty values are ignored)."""

    model_config = ConfigDict(extra="ignore")

    country: str | None = Field(
        None, max_length=64, description="ISO 3166-1 alpha-2 code, any case: `PK`, `ye`."
    )
    admin1: str | None = Field(None, description="Province, as stored (exact).", max_length=200)
    district: str | None = Field(
        None, description="District, canonical name as stored (exact): `North Waziristan`.", max_length=200
    )
    date_from: dt.date | None = Field(None, description="Only strikes on or after this day.")
    date_to: dt.date | None = Field(None, description="Only strikes on or before this day.")
    type: EventTypeName | None = Field(None, description="The kind of strike.")
    perpetrator: str | None = Field(
        None, description="Who struck, as stored: `US`, `PK`, `NATO`...", max_length=200
    )
    group: str | None = Field(
        None, description="An armed group named as targeted (part of the name, any case).", max_length=200
    )
    killed_min: int | None = Field(
        None,
        ge=0,
        le=1_000_000,
        description="Only strikes whose killed range reaches this figure (max >= it).",
    )
    killed_max: int | None = Field(
        None,
        ge=0,
        le=1_000_000,
        description="Only strikes whose killed range starts at or under this figure (min <= it).",
    )
    q: str | None = Field(
        None,
        max_length=500,
        description="Words that must all appear in a source sentence of the strike (full text).",
    )
    origin: str = Field(
        "extracted",
        max_length=64,
        pattern=r"^[A-Za-z0-9_\-]+$",
        description="`extracted` (strikewatch's own events, the default), a reference list "
        "(`tbij`, `dronestream`, `new_america`, `pbc`), or `all`.",
    )

    @model_validator(mode="before")
    @classmethod
    def _drop_empty(cls, data: Any) -> Any:
        # an HTML form sends every field, the empty ones as ""
        if isinstance(data, dict):
            return {k: v for k, v in data.items() if v not in ("", None)}
        return data

    def to_filter(self) -> EventFilter:
        return EventFilter(
            country=self.country,
            admin1=self.admin1,
            district=self.district,
            date_from=self.date_from,
            date_to=self.date_to,
            type=self.type,
            perpetrator=self.perpetrator,
            group=self.group,
            killed_min=self.killed_min,
            killed_max=self.killed_max,
            q=self.q,
            origin=self.origin,
        )


class ListQuery(EventQuery):
    sort: SortName = Field(
        "-date", description="Sort key; `-` first sorts descending. Empty values sort last."
    )
    limit: int = Field(50, ge=1, le=500, description="Events per page.")
    cursor: str | None = Field(
        None, max_length=1000, description="Where the page starts: from the previous `next` link."
    )


class ExportQuery(EventQuery):
    format: ExportFormat = Field("csv", description="File format.")
    mapping: ExportMapping = Field(
        "native", description="Column names: strikewatch's own, ACLED's or the Bureau's."
    )


class StatsQuery(EventQuery):
    min_gap: int = Field(
        30, ge=1, le=3650, description="List pauses longer than this many days."
    )


# ------------------------------------------------------------------ responses


class EventOut(BaseModel):
    id: int
    url: str = Field(description="This event in the API.")
    page: str = Field(description="This event in the dashboard.")
    type: str
    origin: str
    source_ref: str | None = None
    date: dt.date | None = None
    date_precision: str | None = None
    date_earliest: dt.date | None = None
    date_latest: dt.date | None = None
    country: str | None = None
    admin1: str | None = None
    district: str | None = None
    place: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: str | None = None
    killed_min: int | None = None
    killed_max: int | None = None
    civilians_min: int | None = None
    civilians_max: int | None = None
    children_min: int | None = None
    children_max: int | None = None
    injured_min: int | None = None
    injured_max: int | None = None
    perpetrator: str | None = None
    groups: list[str] = []
    named: list[str] = []
    sources: list[str] = []
    notes: str | None = None
    mention_count: int = Field(description="How many reports (mentions) the event merges.")


class EventList(BaseModel):
    items: list[EventOut]
    count: int = Field(description="Events on this page.")
    total: int | None = Field(
        description="Events matching the filters, counted up to 1,000 (see `total_capped`; `/stats` counts them all)."
    )
    total_capped: bool = Field(
        False, description="True when more than `total` events match (the count stopped)."
    )
    sort: str
    next: str | None = Field(description="The next page, or null on the last one.")


class BoundSourceOut(BaseModel):
    key: str
    source: str | None
    document_id: int | None
    mention_id: int | None


class BoundOut(BaseModel):
    min: int | None
    min_sources: list[BoundSourceOut]
    max: int | None
    max_sources: list[BoundSourceOut]


class SpanOut(BaseModel):
    field: str = Field(description="The field the characters stated: killed, date, place...")
    start: int
    end: int
    quote: str = Field(description="`text[start:end]` of the document.")
    component: str = Field(description="The extraction component that read it.")


class MentionInEvent(BaseModel):
    mention_id: int
    document_id: int
    source: str | None
    title: str | None
    published: dt.date | None
    sentence: str
    sentence_start: int
    sentence_end: int
    killed_min: int | None
    killed_max: int | None
    date_value: str | None
    started: bool = Field(description="This report started the event.")
    score: float | None = Field(description="The resolver's score (see `decision`).")
    threshold: float
    decision: str
    reasons: list[str]
    details: dict[str, Any] = {}
    evidence: list[SpanOut]


class ClaimOut(BaseModel):
    key: str
    source: str | None = None
    mention_id: int | None = None
    document_id: int | None = None
    date: dt.date | None = None
    date_precision: str | None = None
    partial_date: str | None = None
    published: dt.date | None = None
    country: str | None = None
    admin1: str | None = None
    district: str | None = None
    place: str | None = None
    killed_min: int | None = None
    killed_max: int | None = None
    civilians_min: int | None = None
    civilians_max: int | None = None
    children_min: int | None = None
    children_max: int | None = None
    injured_min: int | None = None
    injured_max: int | None = None
    perpetrator: str | None = None


class DocumentRef(BaseModel):
    id: int
    url_api: str
    doc_id: str
    title: str | None
    url: str | None
    publisher: str | None
    author: str | None
    published: dt.date | None
    source_path: str | None
    length: int


class EventDetailOut(BaseModel):
    event: EventOut
    bounds: dict[str, BoundOut] = Field(
        description="Each figure's range and which claims gave its minimum and maximum."
    )
    mentions: list[MentionInEvent] = Field(description="Every report and why it was merged.")
    claims: list[ClaimOut] = Field(description="Each source's claim about the strike.")
    documents: list[DocumentRef]


class MentionInDocument(BaseModel):
    id: int
    mention_index: int
    excluded: bool
    type: str
    status: str
    sentence: str
    sentence_start: int
    sentence_end: int
    date_value: str | None
    killed_min: int | None
    killed_max: int | None
    district: str | None
    place: str | None
    perpetrator: str | None
    event_id: int | None
    evidence: list[SpanOut]


class DocumentOut(BaseModel):
    id: int
    doc_id: str
    title: str | None
    url: str | None
    author: str | None
    publisher: str | None
    published: dt.date | None
    published_source: str | None
    source_path: str | None
    format: str
    text: str
    warnings: list[str]
    extract_error: str | None
    extractor_version: str
    ingested_at: dt.datetime
    mentions: list[MentionInDocument]


class MonthOut(BaseModel):
    month: str
    strikes: int
    killed_min: int
    killed_max: int
    open_ended: int = Field(description="Strikes with a minimum but no maximum.")
    unknown: int = Field(description="Strikes with no casualty figure.")


class PauseOut(BaseModel):
    start: dt.date = Field(description="The last strike before the pause.")
    end: dt.date = Field(description="The first strike after it.")
    days: int


class GroupStat(BaseModel):
    country: str | None = None
    admin1: str | None = None
    district: str | None = None
    perpetrator: str | None = None
    strikes: int
    killed_min: int
    killed_max: int


class StatsOut(BaseModel):
    strikes: int = Field(description="Strikes dated to a month or better.")
    undated: int
    killed_min: int = Field(description="Sum of the minimums of every matching strike.")
    killed_max: int = Field(description="Sum of the maximums (a missing maximum counts as the minimum).")
    min_gap: int
    months: list[MonthOut]
    pauses: list[PauseOut]
    by_country: list[GroupStat]
    by_district: list[GroupStat]
    by_perpetrator: list[GroupStat]


class FacetValue(BaseModel):
    value: str
    count: int
    country: str | None = None


class FacetsOut(BaseModel):
    countries: list[FacetValue]
    districts: list[FacetValue]
    perpetrators: list[FacetValue]
    types: list[FacetValue]
    origins: list[FacetValue]


class HealthOut(BaseModel):
    status: Literal["ok"]
    version: str
    database: str
    read_only: bool
    events: int
    documents: int


class FieldError(BaseModel):
    field: str
    location: str
    message: str


class ErrorOut(BaseModel):
    error: str = Field(description="A stable code: invalid_request, not_found, db_corrupt...")
    message: str
    fields: list[FieldError] = []
