"""Store: documents, mentions, evidence, events and their claims in one database.

SQLite (one file, ``strikes.db`` by default) unless ``--db`` names a
PostgreSQL url. The public interface:

- :func:`open_store` -- open or create a database, migrated to the latest schema;
- :func:`ingest_paths` -- files and folders into the database (read, deduplicate,
  extract, store, resolve), in batches, idempotent, resumable;
- :func:`list_events`, :func:`event_detail` -- events back, with why they hold together;
- :class:`Store` -- the small interface every stage writes and reads through
  (``transaction()``, ``reader()``, ``search()``, ``counts()``, ...).

Engine differences live in ``dialect.py``; the tables in ``schema.py``; their
history in ``migrations.py``. See ``schema.py`` for what each column holds.
"""

from strikewatch.store.db import DEFAULT_DB, Store, open_store
from strikewatch.store.dialect import SearchHit, shown
from strikewatch.store.ingest import (
    DEFAULT_BATCH_SIZE,
    Extracted,
    IngestSummary,
    ingest_documents,
    ingest_paths,
)
from strikewatch.store.migrations import MIGRATIONS, current_version, latest_version, migrate
from strikewatch.store.queries import EventDetail, EventLink, event_detail, list_events

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "DEFAULT_DB",
    "MIGRATIONS",
    "EventDetail",
    "EventLink",
    "Extracted",
    "IngestSummary",
    "SearchHit",
    "Store",
    "current_version",
    "event_detail",
    "ingest_documents",
    "ingest_paths",
    "latest_version",
    "list_events",
    "migrate",
    "open_store",
    "shown",
]
