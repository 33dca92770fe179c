"""The tables, as SQLAlchemy Core objects: the one description every query uses.

Names are chosen for people opening the file in Datasette or sqlite3: plain
words, one table per thing, ``<thing>_id`` for links. Lists (groups, named
people, resolver reasons) are JSON text (``jsonb`` on PostgreSQL). Dates are ISO strings
(``2012-01-10``), timestamps UTC.

The DDL that creates these tables lives in ``migrations.py``: migration 1
creates the tables listed in ``V1_TABLES`` with the indexes in ``V1_INDEXES``
from these definitions, migration 4 adds ``V4_INDEXES``. A migration is never
edited after it has shipped; when a later migration changes a table, copy the
table's version-1 definition into migration 1 first.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB

metadata = MetaData()

#: JSON text on SQLite; ``jsonb`` on PostgreSQL, whose ``json`` has no equality
#: and no btree operator class (migration 4 indexes ``events.groups``)
Json = JSON().with_variant(JSONB(), "postgresql")
#: a figure (killed, injured, missiles): SQLite's integers are 64-bit, and so
#: is PostgreSQL's ``bigint`` (``integer`` would refuse what SQLite stores)
Figure = Integer().with_variant(BigInteger(), "postgresql")


def casualty_columns() -> list[Column[int]]:
    """killed, civilians, children and injured, each a min and a max: one shape for
    mentions, events and claims, so the three tables cannot drift apart."""
    return [Column(f"{what}_{bound}", Figure)
            for what in ("killed", "civilians", "children", "injured") for bound in ("min", "max")]

#: Which migrations have run, in order.
schema_migrations = Table(
    "schema_migrations",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("name", Text, nullable=False),
    Column("applied_at", DateTime, nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True),
    #: the reader's id: file stem, JSON ``id``, WARC record id (not unique)
    Column("doc_id", Text, nullable=False),
    #: sha256 of ``text``: the same article ingested twice is one row
    Column("content_hash", Text, nullable=False, unique=True),
    Column("url", Text),
    Column("title", Text),
    Column("author", Text),
    Column("publisher", Text),
    Column("published", Date),
    #: where ``published`` came from: metadata, url, byline, given, warc_date
    Column("published_source", Text),
    Column("source_path", Text),
    #: text, html, jsonl, warc
    Column("format", Text, nullable=False),
    #: the text extraction read; every evidence span is an offset into it
    Column("text", Text, nullable=False),
    #: the source as read (HTML markup), or NULL when it is ``text`` itself
    Column("raw", Text),
    #: JSON list: what reading had to repair (a guessed encoding, ...)
    Column("warnings", Json, nullable=False),
    Column("ingested_at", DateTime, nullable=False),
    #: the extraction pipeline's component versions (``strikewatch.extract.VERSION``)
    Column("extractor_version", Text, nullable=False),
    #: NULL, or why extraction failed (the document is kept, with no mentions)
    Column("extract_error", Text),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
    #: position in the document's extraction: reported mentions, then excluded
    Column("mention_index", Integer, nullable=False),
    #: true when extraction kept it out of the reported events (background, negated...)
    Column("excluded", Boolean, nullable=False),
    Column("type", Text, nullable=False),
    Column("status", Text, nullable=False),
    Column("aggregate", Boolean, nullable=False),
    Column("sentence", Text, nullable=False),
    Column("sentence_start", Integer, nullable=False),
    Column("sentence_end", Integer, nullable=False),
    Column("date", Date),
    Column("date_value", Text),
    Column("date_precision", Text),
    Column("date_text", Text),
    Column("country", Text),
    Column("admin1", Text),
    Column("district", Text),
    Column("place", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("geo_precision", Text),
    *casualty_columns(),
    Column("missiles", Figure),
    Column("perpetrator", Text),
    Column("groups", Json, nullable=False),
    Column("named", Json, nullable=False),
    Column("targets", Json, nullable=False),
    Column("confidence", Float, nullable=False),
    #: JSON list of sentence indices that built the mention
    Column("sentence_ids", Json, nullable=False),
    Column("extractor_version", Text, nullable=False),
    UniqueConstraint("document_id", "mention_index", name="uq_mentions_document_index"),
)

#: One row per span: every stored figure points at the characters that said it.
evidence = Table(
    "evidence",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("mention_id", Integer, ForeignKey("mentions.id"), nullable=False),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
    #: the mention field it supports: date, place, district, killed, perpetrator...
    Column("field", Text, nullable=False),
    #: ``documents.text[char_start:char_end] == quote``
    Column("char_start", Integer, nullable=False),
    Column("char_end", Integer, nullable=False),
    Column("quote", Text, nullable=False),
    #: the extraction component (and version) that decided the field
    Column("component", Text, nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("type", Text, nullable=False),
    #: extracted (built by the resolver from mentions) or a reference list's name
    Column("origin", Text, nullable=False),
    Column("source_ref", Text),
    Column("country", Text),
    Column("date", Date),
    Column("date_precision", Text),
    Column("date_earliest", Date),
    Column("date_latest", Date),
    Column("admin1", Text),
    Column("district", Text),
    Column("place", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("geo_precision", Text),
    *casualty_columns(),
    Column("perpetrator", Text),
    Column("groups", Json, nullable=False),
    Column("named", Json, nullable=False),
    #: JSON list of the sources (publisher or url) that reported it
    Column("sources", Json, nullable=False),
    Column("notes", Text),
    Column("mention_count", Integer, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
)

#: Why a mention is in an event: the resolver's decision, score and reasons.
event_mentions = Table(
    "event_mentions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("event_id", Integer, ForeignKey("events.id"), nullable=False),
    #: a mention is in one event at most
    Column("mention_id", Integer, ForeignKey("mentions.id"), nullable=False, unique=True),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
    #: true for the mention that started the event
    Column("started", Boolean, nullable=False),
    #: the score against the event joined, or (for a new event) against the
    #: nearest candidate; NULL when there was no candidate
    Column("score", Float),
    Column("threshold", Float, nullable=False),
    #: JSON list of the resolver's reasons, in its words
    Column("reasons", Json, nullable=False),
    #: the decision in one line ("joined 12 (score 3.10 >= 1.50): same date (+2.0); ...")
    Column("decision", Text, nullable=False),
    #: JSON: every feature's contribution, the runner-up, how many events were compared
    Column("details", Json, nullable=False),
    Column("resolver_version", Text, nullable=False),
    Column("linked_at", DateTime, nullable=False),
)

#: Each source's claim about an event, as the resolver keeps it: the ranges of
#: an event are the min of these minimums and the max of these maximums, and
#: the event can be rebuilt from its claims at any time.
claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True),
    #: the resolver's name for the claim (``mention:<mentions.id>``)
    Column("key", Text, nullable=False, unique=True),
    Column("event_id", Integer, ForeignKey("events.id"), nullable=False),
    Column("mention_id", Integer, ForeignKey("mentions.id"), unique=True),
    Column("document_id", Integer, ForeignKey("documents.id")),
    #: who claims it: the url, else the publisher, title or file
    Column("source", Text),
    #: the day blocking uses: the stated day, else the publication day
    Column("anchor", Date),
    #: the date as far as known when no full day is stated (``2014-06``, ``--07-10``)
    Column("partial_date", Text),
    Column("date", Date),
    Column("date_precision", Text),
    Column("published", Date),
    Column("country", Text),
    Column("admin1", Text),
    Column("district", Text),
    Column("place", Text),
    *casualty_columns(),
    Column("perpetrator", Text),
    #: the whole claim as the resolver serialises it (``Claim.to_json``)
    Column("claim", Json, nullable=False),
)

#: Sources that could not be read or extracted, with a stable code.
rejections = Table(
    "rejections",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source", Text, nullable=False),
    Column("code", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("first_seen", DateTime, nullable=False),
    Column("last_seen", DateTime, nullable=False),
    #: how many runs met it (ingesting a folder again is not a new rejection)
    Column("attempts", Integer, nullable=False),
    UniqueConstraint("source", "code", name="uq_rejections_source_code"),
)

#: What the resolver has learned (the report delay), saved with each batch so
#: that a resumed run decides exactly as an uninterrupted one would.
resolver_state = Table(
    "resolver_state",
    metadata,
    Column("name", Text, primary_key=True),
    Column("state", Json, nullable=False),
    Column("updated_at", DateTime, nullable=False),
)

#: indexes created by migration 1, with their tables
V1_INDEXES = (
    Index("ix_mentions_document", mentions.c.document_id),
    Index("ix_evidence_mention", evidence.c.mention_id),
    Index("ix_evidence_document", evidence.c.document_id),
    Index("ix_events_country", events.c.country),
    Index("ix_events_date", events.c.date),
    Index("ix_event_mentions_event", event_mentions.c.event_id),
    Index("ix_claims_event", claims.c.event_id),
    #: the resolver's blocking query: claims anchored in a date window, or with a partial date
    Index("ix_claims_country_anchor", claims.c.country, claims.c.anchor),
    Index("ix_claims_anchor", claims.c.anchor),
    Index("ix_claims_partial_date", claims.c.partial_date),
    Index("ix_documents_doc_id", documents.c.doc_id),
)

#: Indexes created by migration 4: what the API's event filters, sorts and counts
#: read (``serve/queries.py``), so that no request scans the events table.
#:
#: - ``origin`` leads each events index: every query has ``origin = ?`` (``extracted``
#:   by default), and a count can then be answered from the index alone.
#: - A page is ordered by ``(sort column, id)``; ``id`` is named right after the
#:   sort column so that the index gives that order with no sort.
#: - ``killed_max``, ``killed_min`` and ``groups`` follow, so that the killed-range
#:   and group filters are decided from the index entry, without reading the row.
#: - ``event_mentions (mention_id, event_id)`` turns full-text hits (mentions)
#:   into events without reading the link rows.
_FILTERED = (events.c.id, events.c.killed_max, events.c.killed_min, events.c.groups)
V4_INDEXES = (
    Index("ix_events_origin_date", events.c.origin, events.c.date, *_FILTERED),
    Index("ix_events_origin_country_date", events.c.origin, events.c.country, events.c.date, *_FILTERED),
    Index("ix_events_origin_district_date", events.c.origin, events.c.district, events.c.date, *_FILTERED),
    Index("ix_events_origin_perpetrator_date", events.c.origin, events.c.perpetrator, events.c.date, *_FILTERED),
    Index("ix_events_origin_type_date", events.c.origin, events.c.type, events.c.date, *_FILTERED),
    Index("ix_events_origin_killed_max", events.c.origin, events.c.killed_max, events.c.id, events.c.killed_min),
    Index("ix_events_origin_killed_min", events.c.origin, events.c.killed_min, events.c.id, events.c.killed_max),
    Index("ix_events_origin_mention_count", events.c.origin, events.c.mention_count),
    Index("ix_event_mentions_mention_event", event_mentions.c.mention_id, event_mentions.c.event_id),
)  # fmt: skip

#: indexes that ``strikewatch serve`` added to files before migration 4 existed,
#: superseded by ``V4_INDEXES`` (migration 4 drops them)
SUPERSEDED_INDEXES = (
    "ix_events_origin_date",  # (origin, date): migration 4 makes it again, wider
    "ix_events_country_date",
    "ix_events_district",
    "ix_events_perpetrator",
    "ix_events_type",
    "ix_events_killed_max",
    "ix_events_killed_min",
    "ix_events_mention_count",
)

#: tables (with their indexes) created by migration 3
V3_TABLES = (resolver_state,)

#: tables (with their indexes) created by migration 1
V1_TABLES = (
    documents,
    mentions,
    evidence,
    events,
    event_mentions,
    claims,
    rejections,
)
