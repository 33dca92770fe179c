"""The plain data model every stage speaks.

Dataclasses only: no behaviour beyond (de)serialisation, so ingest, extract,
resolve, store and serve can each depend on this module and on nothing else
of one another.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

EventType = Literal["drone_strike", "air_strike", "other_attack"]
EVENT_TYPES: tuple[str, ...] = ("drone_strike", "air_strike", "other_attack")

#: How much of a date is known. ``partial_*`` means the year is unknown.
DatePrecision = Literal["day", "month", "year", "partial_day", "partial_month"]

#: Why a strike-like sentence is kept out of the reported events.
Status = Literal["reported", "background", "hypothetical", "negated", "aggregate_total"]


@dataclass(frozen=True, slots=True)
class Span:
    """A character span of a document's text: ``text[start:end]``."""

    start: int
    end: int
    text: str

    def to_json(self) -> list[Any]:
        return [self.start, self.end, self.text]

    @classmethod
    def from_json(cls, value: list[Any]) -> Span:
        return cls(int(value[0]), int(value[1]), str(value[2]))


@dataclass(slots=True)
class Evidence:
    """Which spans gave a field its value, and which component decided it."""

    field: str
    spans: list[Span]
    component: str

    def to_json(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "component": self.component,
            "spans": [s.to_json() for s in self.spans],
        }


@dataclass(frozen=True, slots=True)
class Listing:
    """What a list of events files one of its entries under.

    A strike database's summary names its weapon, country and day once, in
    the list, not in the entry's words ("Six alleged militants killed in attack
    on house in Miranshah"). Extraction reads them as the story's context: the
    entry's own words win wherever they say something else.
    """

    #: the kind of event every entry of the list reports: ``drone_strike``
    event_type: str | None = None
    #: ISO 3166 code of the country the list files the entry under
    country: str | None = None
    #: the day the list gives the event (not a publication date)
    date: dt.date | None = None
    #: the list's name: it names each event once, so two of its entries are two events
    name: str | None = None


@dataclass(slots=True)
class Document:
    """One article as read from a source, before any interpretation."""

    doc_id: str
    text: str
    url: str | None = None
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    #: where the publication date came from: metadata, url, byline, given
    published_source: str | None = None
    source_path: str | None = None
    source_format: str = "text"
    raw: str | None = None
    #: what the list this document is an entry of says of the event it
    #: reports (a drone-strike database's summaries); ``None`` for news
    listing: Listing | None = None
    #: what reading had to repair (a guessed encoding, stripped control
    #: characters), so a batch can count documents that were not clean
    warnings: list[str] = field(default_factory=list)

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(slots=True)
class Place:
    """A resolved place with the precision of its coordinates."""

    name: str
    country: str
    district: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    #: village, town, district, province, country
    precision: str = "country"


@dataclass(slots=True)
class Mention:
    """One event as one document reports it, every field traced to the text."""

    doc_id: str
    type: EventType
    sentence: Span
    status: Status = "reported"
    aggregate: bool = False
    date: dt.date | None = None
    #: ISO date or partial date (``2014-06``, ``--07-10``, ``--06``)
    date_value: str | None = None
    date_precision: DatePrecision | None = None
    date_text: str | None = None
    country: str | None = None
    district: str | None = None
    admin1: str | None = None
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
    missiles: int | None = None
    perpetrator: str | None = None
    groups: list[str] = field(default_factory=list)
    named: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    confidence: float = 0.5
    evidence: list[Evidence] = field(default_factory=list)
    #: sentences (indices into the document's sentence list) that built it
    sentence_ids: list[int] = field(default_factory=list)

    def add_evidence(self, name: str, spans: list[Span], component: str) -> None:
        self.evidence = [e for e in self.evidence if e.field != name]
        if spans:
            self.evidence.append(Evidence(name, spans, component))

    def evidence_for(self, name: str) -> Evidence | None:
        for ev in self.evidence:
            if ev.field == name:
                return ev
        return None

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out.pop("sentence_ids")
        out["date"] = self.date.isoformat() if self.date else None
        out["sentence"] = self.sentence.to_json()
        out["evidence"] = {e.field: e.to_json() for e in self.evidence}
        return out


@dataclass(slots=True)
class Rejection:
    """A document that could not be read, and why: never a silent ``None``."""

    source: str
    reason: str
    code: str


@dataclass(slots=True)
class Extraction:
    """What extraction made of one document."""

    document: Document
    mentions: list[Mention]
    #: strike-like sentences kept out of ``mentions`` (background, negated, ...)
    excluded: list[Mention] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    trace: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self, explain: bool = False) -> dict[str, Any]:
        doc = self.document
        out: dict[str, Any] = {
            "doc_id": doc.doc_id,
            "url": doc.url,
            "title": doc.title,
            "published": doc.published.isoformat() if doc.published else None,
            "published_source": doc.published_source,
            "events": [m.to_json() for m in self.mentions],
            "excluded": [m.to_json() for m in self.excluded],
        }
        if self.warnings:
            out["warnings"] = self.warnings
        if explain:
            out["trace"] = self.trace
        return out


@dataclass(slots=True)
class Event:
    """A strike: one or many mentions merged, or one row of a reference list.

    ``origin`` says where it comes from: ``extracted`` for events the resolver
    built from mentions, or the name of a reference list (``tbij``,
    ``new_america``, ``pbc``, ``dronestream``).
    """

    type: EventType
    country: str | None
    origin: str = "extracted"
    event_id: str | None = None
    #: the id the reference list gives the strike (``Ob123``), if any
    source_ref: str | None = None
    date: dt.date | None = None
    date_precision: DatePrecision | None = None
    date_earliest: dt.date | None = None
    date_latest: dt.date | None = None
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
    groups: list[str] = field(default_factory=list)
    named: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    notes: str | None = None

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        for key in ("date", "date_earliest", "date_latest"):
            value = getattr(self, key)
            out[key] = value.isoformat() if value else None
        return out
