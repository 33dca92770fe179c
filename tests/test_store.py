"""The store: schema and migrations, idempotent ingest, evidence, search, resolution, faults.

Real SQLite files in ``tmp_path``; the library functions the CLI is a shell over.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine

from hostile import outcome_key, write_hostile_corpus
from strikewatch.errors import StoreError
from strikewatch.model import Document
from strikewatch.resolve import Claim, resolve_all
from strikewatch.store import (
    MIGRATIONS,
    event_detail,
    ingest_documents,
    ingest_paths,
    latest_version,
    list_events,
    migrate,
    open_store,
)
from strikewatch.store.dialect import SQLiteDialect, fts_query

SEEDS = next(
    (
        d
        for d in (
            Path(__file__).resolve().parents[2] / "shared" / "seeds",
            Path(__file__).resolve().parents[1] / "src" / "strikewatch" / "data" / "samples",
        )
        if (d / "000_8f13980b5f724798.txt").is_file()
    ),
    None,
)
needs_seeds = pytest.mark.skipif(SEEDS is None, reason="seed articles not found (../shared/seeds)")

#: columns that record when, not what: left out when two databases are compared
TIMESTAMPS = {"ingested_at", "created_at", "updated_at", "linked_at", "first_seen", "last_seen"}
TABLES = (
    "documents", "mentions", "evidence", "events", "event_mentions", "claims", "rejections",
    "resolver_state",
)  # fmt: skip

# --- a synthetic corpus of strike reports: several outlets per strike ----------

PLACES = (
    ("Datta Khel", "North Waziristan"), ("Mir Ali", "North Waziristan"),
    ("Miranshah", "North Waziristan"), ("Wana", "South Waziristan"),
    ("Shawal", "North Waziristan"), ("Angoor Adda", "South Waziristan"),
    ("Tirah", "Khyber"), ("Spinwam", "North Waziristan"),
)  # fmt: skip
OUTLETS = ("dawn.com", "tribune.com.pk", "thenews.com.pk", "reuters.com")
TEMPLATES = (
    "PESHAWAR: A US drone strike killed {k} suspected militants in {village} in {district} "
    "on {date}, officials said. The missiles hit a compound.",
    "{K} militants were killed when a drone fired missiles at a house in {village}, "
    "{district}, on {date}, intelligence officials told reporters.",
    "Residents of {village} in {district} said a US drone killed {k} people on {date}, "
    "including fighters loyal to a local commander.",
    "At least {k} people died in a suspected US drone strike in {village} in {district} on "
    "{date}, a security official said.",
)
WORDS = "zero one two three four five six seven eight nine ten eleven twelve thirteen".split()


def write_strike_corpus(path: Path, strikes: int = 150, seed: int = 7) -> int:
    """JSON Lines of strike reports, one to four outlets per strike, shuffled; returns the count.

    The outlets differ a little on the toll (one says one more, one says "at
    least"), as real reports do, so events get ranges from several sources.
    """
    rng = random.Random(seed)
    lines: list[dict[str, str]] = []
    for i in range(strikes):
        village, district = rng.choice(PLACES)
        day = dt.date(2012, 1, 1) + dt.timedelta(days=rng.randrange(365))
        killed = rng.randint(1, 12)
        for r in range(rng.randint(1, 4)):
            k = killed + (1 if r == 2 else 0)
            text = TEMPLATES[r].format(
                k=k,
                K=WORDS[k].capitalize(),
                village=village,
                district=district,
                date=f"{day:%B} {day.day}, {day.year}",
            )
            published = day + dt.timedelta(days=rng.randint(0, 1))
            lines.append(
                {
                    "id": f"strike{i}-report{r}",
                    "url": f"https://{OUTLETS[r]}/{published:%Y/%m/%d}/{i}",
                    "published": published.isoformat(),
                    "text": text,
                }
            )
    rng.shuffle(lines)
    with path.open("w", encoding="utf-8") as fh:
        for line in lines:
            fh.write(json.dumps(line) + "\n")
    return len(lines)


def dump(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, without timestamps, in id order: what two runs must share."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    con = sqlite3.connect(db)
    try:
        for table in TABLES:
            cols = [r[1] for r in con.execute(f"PRAGMA table_info({table})")]
            keep = [c for c in cols if c not in TIMESTAMPS]
            if table == "rejections":
                keep.remove("attempts")
            order = "name" if table == "resolver_state" else "id"
            quoted = ", ".join(f'"{c}"' for c in keep)
            out[table] = con.execute(f"SELECT {quoted} FROM {table} ORDER BY {order}").fetchall()
    finally:
        con.close()
    return out


def check_consistent(db: Path) -> None:
    """SQLite's own check, and every link points at rows that exist."""
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        # every event has its links and claims, and its count says how many
        bad = con.execute(
            "SELECT e.id FROM events e WHERE e.mention_count != "
            "(SELECT count(*) FROM event_mentions m WHERE m.event_id = e.id) "
            "OR e.mention_count != (SELECT count(*) FROM claims c WHERE c.event_id = e.id)"
        ).fetchall()
        assert bad == []
        # every reported mention is in exactly one event; excluded ones in none
        unlinked = con.execute(
            "SELECT count(*) FROM mentions m LEFT JOIN event_mentions l ON l.mention_id = m.id "
            "WHERE (m.excluded = 0) != (l.id IS NOT NULL)"
        ).fetchone()[0]
        assert unlinked == 0
        # the full-text index holds exactly the documents
        n_docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
        n_fts = con.execute("SELECT count(*) FROM documents_fts").fetchone()[0]
        assert n_docs == n_fts
        assert con.execute(
            "INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')"
        ).rowcount in (-1, 0, 1)
    finally:
        con.close()


@pytest.fixture(scope="module")
def strike_corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    path = tmp_path_factory.mktemp("strikes") / "strikes.jsonl"
    return path, write_strike_corpus(path)


@pytest.fixture(scope="module")
def strike_db(tmp_path_factory: pytest.TempPathFactory, strike_corpus: tuple[Path, int]) -> Path:
    db = tmp_path_factory.mktemp("strike-db") / "strikes.db"
    with open_store(db) as store:
        ingest_paths(store, [strike_corpus[0]])
    return db


# --- schema and migrations ----------------------------------------------------


def test_new_file_is_created_migrated_and_in_wal_mode(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    with open_store(db):
        pass
    con = sqlite3.connect(db)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert set(TABLES) | {"schema_migrations", "documents_fts", "mentions_fts"} <= tables
    versions = [r[0] for r in con.execute("SELECT version FROM schema_migrations ORDER BY 1")]
    assert versions == [m.version for m in MIGRATIONS] == list(range(1, latest_version() + 1))
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    # the full-text tables are found the way Datasette and sqlite-utils look for them
    for table in ("documents", "mentions"):
        found = con.execute(
            "SELECT name FROM sqlite_master WHERE rootpage = 0 AND sql LIKE ?",
            (f"%VIRTUAL TABLE%USING FTS%content=[{table}]%",),
        ).fetchall()
        assert found == [(f"{table}_fts",)]


def test_an_old_version_file_is_migrated_and_keeps_its_rows(tmp_path: Path) -> None:
    """A file at schema version 1 (no full-text search yet) with a document in it."""
    db = tmp_path / "old.db"
    dialect = SQLiteDialect(f"sqlite:///{db}")
    engine = create_engine(dialect.engine_url())
    dialect.configure(engine)
    assert migrate(engine, dialect, target=1) == [1]
    engine.dispose()
    con = sqlite3.connect(db)
    con.execute(
        "INSERT INTO documents (doc_id, content_hash, format, text, warnings, ingested_at, "
        "extractor_version) VALUES (?, ?, ?, ?, ?, ?, ?)",
        ("old-1", "h1", "text", "A drone struck Zangara village at dawn.", "[]",
         "2020-01-01 00:00:00", "old"),
    )  # fmt: skip
    con.commit()
    assert "documents_fts" not in {
        r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")
    }
    con.close()

    with open_store(db) as store:
        assert [h.document_id for h in store.search("Zangara")] == [1]  # filled by migration 2
        assert store.counts()["documents"] == 1
    con = sqlite3.connect(db)
    versions = [r[0] for r in con.execute("SELECT version FROM schema_migrations ORDER BY 1")]
    assert versions == list(range(1, latest_version() + 1))
    con.close()
    with open_store(db) as store:  # already current: nothing to do, nothing breaks
        assert store.counts()["documents"] == 1


def _indexes(con: sqlite3.Connection) -> dict[str, tuple[str, ...]]:
    """index name -> its columns, as the file has them (SQLite's own indexes left out)."""
    names = [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'"
    )]  # fmt: skip
    return {n: tuple(r[2] for r in con.execute(f"PRAGMA index_info({n})")) for n in names}


def _v4_indexes() -> dict[str, tuple[str, ...]]:
    from strikewatch.store import schema

    return {str(ix.name): tuple(c.name for c in ix.columns) for ix in schema.V4_INDEXES}


def test_a_new_file_has_the_indexes_the_api_reads(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    with open_store(db):
        pass
    con = sqlite3.connect(db)
    have = _indexes(con)
    con.close()
    for name, cols in _v4_indexes().items():
        assert have.get(name) == cols, name
    # so a file opened read-only (nothing created at start-up) has them too
    from strikewatch.serve.queries import missing_indexes

    with open_store(db, write=False) as store, store.reader() as conn:
        assert missing_indexes(conn) == []


def test_a_version_3_file_migrates_to_the_query_indexes(tmp_path: Path) -> None:
    """A file made before migration 4, with events, ANALYZE statistics and the indexes
    `strikewatch serve` used to add at start-up: opened for writing, it gets the
    query indexes (with statistics), loses the superseded ones, keeps its rows."""
    from strikewatch.store import schema

    db = tmp_path / "v3.db"
    dialect = SQLiteDialect(f"sqlite:///{db}")
    engine = create_engine(dialect.engine_url())
    dialect.configure(engine)
    assert migrate(engine, dialect, target=3) == [1, 2, 3]
    engine.dispose()
    con = sqlite3.connect(db)
    assert not set(_v4_indexes()) & set(_indexes(con)), "migration 1 made a version-4 index"
    now = "2024-01-01 00:00:00"
    for i, (country, date) in enumerate([("PK", "2012-01-10"), ("YE", "2011-09-30"), ("PK", None)], 1):
        con.execute(
            "INSERT INTO events (id, type, origin, country, date, groups, named, sources, "
            "mention_count, created_at, updated_at) VALUES (?, 'drone_strike', 'extracted', ?, ?, "
            "'[]', '[]', '[]', 1, ?, ?)",
            (i, country, date, now, now),
        )
    # what `strikewatch serve` added before migration 4 existed
    con.execute("CREATE INDEX ix_events_origin_date ON events (origin, date)")
    con.execute("CREATE INDEX ix_events_country_date ON events (country, date)")
    con.execute("CREATE INDEX ix_events_perpetrator ON events (perpetrator)")
    con.execute("ANALYZE")
    con.commit()
    con.close()

    with pytest.raises(StoreError) as err:  # read-only, an old file is not upgraded
        open_store(db, write=False)
    assert err.value.code == "db_version"
    with open_store(db) as store:
        assert store.counts()["events"] == 3
    con = sqlite3.connect(db)
    versions = [r[0] for r in con.execute("SELECT version FROM schema_migrations ORDER BY 1")]
    assert versions == [1, 2, 3, 4] == list(range(1, latest_version() + 1))
    have = _indexes(con)
    for name, cols in _v4_indexes().items():
        assert have.get(name) == cols, name  # ix_events_origin_date made again, wider
    assert not set(schema.SUPERSEDED_INDEXES) - set(_v4_indexes()) & set(have)
    analysed = {r[0] for r in con.execute("SELECT idx FROM sqlite_stat1 WHERE tbl = 'events'")}
    assert {n for n, _ in _v4_indexes().items() if n.startswith("ix_events_")} <= analysed
    con.close()
    with open_store(db, write=False) as store:  # now current: served read-only as it is
        assert store.counts()["events"] == 3


def test_a_file_from_a_newer_strikewatch_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "future.db"
    with open_store(db):
        pass
    con = sqlite3.connect(db)
    con.execute("INSERT INTO schema_migrations VALUES (99, 'future', '2099-01-01 00:00:00')")
    con.commit()
    con.close()
    with pytest.raises(StoreError) as err:
        open_store(db)
    assert err.value.code == "db_too_new" and "upgrade strikewatch" in str(err.value)


# --- ingest: idempotent, traceable, searchable -----------------------------------


@needs_seeds
def test_seeds_twice_change_nothing(tmp_path: Path) -> None:
    assert SEEDS is not None
    db = tmp_path / "seeds.db"
    with open_store(db) as store:
        first = ingest_paths(store, [SEEDS])
    once = dump(db)
    with open_store(db) as store:
        second = ingest_paths(store, [SEEDS])
    assert first.ingested == 2 and first.duplicates == 0 and first.mentions >= 2
    assert first.new_events >= 2
    assert second.ingested == 0 and second.duplicates == 2
    assert second.new_events == second.updated_events == second.mentions == 0
    assert dump(db) == once
    check_consistent(db)


@needs_seeds
def test_every_evidence_span_points_into_the_stored_text(tmp_path: Path) -> None:
    assert SEEDS is not None
    db = tmp_path / "seeds.db"
    with open_store(db) as store:
        ingest_paths(store, [SEEDS])
    con = sqlite3.connect(db)
    rows = con.execute(
        "SELECT substr(d.text, e.char_start + 1, e.char_end - e.char_start), e.quote "
        "FROM evidence e JOIN documents d ON d.id = e.document_id"
    ).fetchall()
    assert rows and all(got == quote for got, quote in rows)
    # every stated figure, date and place of a mention has its span
    for field, column in (("killed", "killed_min"), ("date", "date"), ("district", "district")):
        missing = con.execute(
            f"SELECT count(*) FROM mentions m WHERE m.{column} IS NOT NULL AND NOT EXISTS "
            "(SELECT 1 FROM evidence e WHERE e.mention_id = m.id AND e.field = ?)",
            (field,),
        ).fetchone()[0]
        assert missing == 0, field
    sentences = con.execute(
        "SELECT substr(d.text, m.sentence_start + 1, m.sentence_end - m.sentence_start), "
        "m.sentence FROM mentions m JOIN documents d ON d.id = m.document_id"
    ).fetchall()
    assert all(got == sentence for got, sentence in sentences)
    versions = {r[0] for r in con.execute("SELECT DISTINCT extractor_version FROM mentions")}
    assert len(versions) == 1 and "dates.v1" in versions.pop()


def test_full_text_search_finds_documents_and_mentions(strike_db: Path) -> None:
    with open_store(strike_db) as store:
        hits = store.search("Shawal")
        assert hits and all("Shawal" in h.snippet for h in hits)
        # porter stemming: "strikes" finds "strike"; case and accents do not matter
        assert store.search("STRIKES")
        # a search box is not SQL nor FTS syntax
        assert store.search('"; DROP TABLE documents; --') == []
        store.search('NEAR( "unbalanced')  # no FTS syntax error either
        assert store.counts()["documents"] > 0
        with store.reader() as conn:
            ids = store.dialect.search_mentions(conn, "Angoor", 5)
        assert ids
    assert fts_query('drone "strike" OR x*') == '"drone" "strike" "OR" "x"'


def test_documents_are_stored_whole_with_their_provenance(strike_db: Path) -> None:
    con = sqlite3.connect(strike_db)
    row = con.execute(
        "SELECT doc_id, url, published, published_source, format, source_path, content_hash, "
        "length(text), raw FROM documents ORDER BY id LIMIT 1"
    ).fetchone()
    doc_id, url, published, source, fmt, path, digest, length, raw = row
    assert doc_id.startswith("strike") and url.startswith("https://")
    assert dt.date.fromisoformat(published) and source == "given" and fmt == "jsonl"
    assert path.endswith("strikes.jsonl:1") and len(digest) == 64 and length > 50
    assert raw is None  # the text is the raw form for plain text


# --- resolution ------------------------------------------------------------------------


def test_reports_of_one_strike_merge_with_min_of_mins_max_of_maxes(strike_db: Path) -> None:
    with open_store(strike_db, write=False) as store:
        events = list_events(store, limit=None)
        merged = [e for e in events if e["mention_count"] >= 3]
        assert merged, "the corpus has strikes reported by three or four outlets"
        detail = event_detail(store, merged[0]["id"])
    assert detail is not None
    killed = detail.bounds["killed"]
    claims = [(link.killed_min, link.killed_max) for link in detail.links]
    assert killed["min"] == min(lo for lo, _ in claims if lo is not None)
    assert killed["max"] == max(hi if hi is not None else lo or 0 for lo, hi in claims)
    assert detail.event["killed_min"] == killed["min"]
    assert detail.event["killed_max"] == killed["max"]
    assert all(s.source and s.source.startswith("https://") for s in killed["min_sources"])
    started = [link for link in detail.links if link.started]
    joined = [link for link in detail.links if not link.started]
    assert len(started) == 1 and joined
    assert all(
        link.score is not None and link.score >= link.threshold and link.reasons for link in joined
    )
    assert all(link.sentence and link.source for link in detail.links)
    assert len(detail.event["sources"]) == len({link.source for link in detail.links})


def test_store_resolution_agrees_with_the_in_memory_resolver(
    strike_db: Path, strike_corpus: tuple[Path, int]
) -> None:
    """The blocking query is the store's: it must find what the in-memory index finds."""
    con = sqlite3.connect(strike_db)
    rows = con.execute("SELECT key, event_id, claim FROM claims ORDER BY id").fetchall()
    con.close()
    claims = [Claim.from_json(json.loads(claim)) for _, _, claim in rows]
    in_memory = {frozenset(c.key for c in state.claims) for state in resolve_all(claims)}
    stored: dict[int, set[str]] = {}
    for key, event_id, _ in rows:
        stored.setdefault(event_id, set()).add(key)
    assert {frozenset(v) for v in stored.values()} == in_memory


def test_ingest_is_independent_of_batch_size(
    tmp_path: Path, strike_corpus: tuple[Path, int], strike_db: Path
) -> None:
    db = tmp_path / "small-batches.db"
    with open_store(db) as store:
        summary = ingest_paths(store, [strike_corpus[0]], batch_size=7)
    assert summary.ingested == strike_corpus[1] and summary.batches > 10
    assert dump(db) == dump(strike_db)
    check_consistent(db)


def test_a_later_run_joins_existing_events(tmp_path: Path) -> None:
    """Incremental: the second run's reports update the first run's events."""
    corpus = tmp_path / "all.jsonl"
    write_strike_corpus(corpus, strikes=40, seed=3)
    lines = corpus.read_text().splitlines()
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text("\n".join(lines[: len(lines) // 2]) + "\n")
    second.write_text("\n".join(lines[len(lines) // 2 :]) + "\n")
    db = tmp_path / "split.db"
    with open_store(db) as store:
        one = ingest_paths(store, [first])
        two = ingest_paths(store, [second])
    assert one.new_events > 0 and two.updated_events > 0
    assert one.new_events + two.new_events == store_count(db, "events")
    check_consistent(db)


def store_count(db: Path, table: str) -> int:
    con = sqlite3.connect(db)
    try:
        return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        con.close()


# --- bad documents: rejected with a reason, the batch goes on --------------------------


def test_hostile_corpus_nothing_lost(tmp_path: Path) -> None:
    root = tmp_path / "hostile"
    expected = write_hostile_corpus(root)
    db = tmp_path / "hostile.db"
    with open_store(db) as store:
        summary = ingest_paths(store, [root], batch_size=5)
    con = sqlite3.connect(db)
    stored = {
        outcome_key(path, root): digest
        for path, digest in con.execute("SELECT source_path, content_hash FROM documents")
    }
    hashes = set(stored.values())
    rejected = {
        outcome_key(source, root): code
        for source, code in con.execute("SELECT source, code FROM rejections")
    }
    con.close()
    from strikewatch.ingest import read_paths

    for item in read_paths([root]):
        if isinstance(item, Document):
            assert item.source_path is not None
            key = outcome_key(item.source_path, root)
            assert expected[key] == "ok"
            assert item.content_hash in hashes, f"{key} lost"  # stored, or a duplicate of one
    for key, outcome in expected.items():
        if outcome.startswith("rejected:"):
            assert rejected.get(key) == outcome.removeprefix("rejected:"), key
    assert summary.rejected == sum(v.startswith("rejected") for v in expected.values())
    assert summary.ingested + summary.duplicates == sum(v == "ok" for v in expected.values())
    check_consistent(db)


def _docs(n: int) -> list[Document]:
    return [
        Document(
            f"doc{i}",
            f"A US drone strike killed {i + 2} militants in Datta Khel in North Waziristan "
            f"on June {i + 1}, 2012, officials said.",
            published=dt.date(2012, 6, i + 2),
            source_path=f"mem/doc{i}",
        )
        for i in range(n)
    ]


def test_a_document_that_cannot_be_stored_is_rejected_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from strikewatch.store import resolution

    original = resolution.StoreResolver.resolve_document

    def flaky(self: Any, conn: Any, doc: Document, *args: Any) -> Any:
        if doc.doc_id == "doc2":
            raise RuntimeError("resolver bug")
        return original(self, conn, doc, *args)

    monkeypatch.setattr(resolution.StoreResolver, "resolve_document", flaky)
    db = tmp_path / "flaky.db"
    with open_store(db) as store:
        summary = ingest_documents(store, _docs(5), batch_size=10)
        assert summary.ingested == 4 and summary.rejected == 1
        assert summary.rejected_by_code == {"store_failed": 1}
        assert "resolver bug" in summary.rejections[0].reason
        assert store.counts()["documents"] == 4
    check_consistent(db)
    monkeypatch.setattr(resolution.StoreResolver, "resolve_document", original)
    with open_store(db) as store:  # fixed: a re-run stores the one that failed
        again = ingest_documents(store, _docs(5))
        assert again.ingested == 1 and again.duplicates == 4
    check_consistent(db)


def test_a_document_whose_extraction_fails_is_kept_without_events(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from strikewatch.extract import extract_document as original

    def broken(doc: Document, **kw: Any) -> Any:
        if doc.doc_id == "doc1":
            raise ValueError("pathological sentence")
        return original(doc, **kw)

    monkeypatch.setattr("strikewatch.store.ingest.extract_document", broken)
    db = tmp_path / "extract.db"
    with open_store(db) as store:
        summary = ingest_documents(store, _docs(3))
    assert summary.ingested == 3 and summary.extract_failed == 1 and summary.rejected == 0
    con = sqlite3.connect(db)
    error = con.execute("SELECT extract_error FROM documents WHERE doc_id = 'doc1'").fetchone()[0]
    assert "pathological sentence" in error
    assert con.execute("SELECT code FROM rejections").fetchall() == [("extract_failed",)]
    con.close()
    check_consistent(db)


def test_absurd_numbers_and_lone_surrogates_are_stored(tmp_path: Path) -> None:
    doc = Document(
        "odd",
        "A drone strike killed 10,000,000,000,000,000,000,000 people in Miranshah.",
        raw="raw with a lone surrogate \ud800 inside",
        title="title \udfff",
        source_path="mem/odd",
    )
    db = tmp_path / "odd.db"
    with open_store(db) as store:
        summary = ingest_documents(store, [doc])
    assert summary.ingested == 1 and summary.rejected == 0
    check_consistent(db)


# --- faults: a clear StoreError, never a traceback; the file stays consistent ----------


def test_a_full_disk_stops_with_a_clear_error_and_keeps_committed_batches(
    tmp_path: Path, strike_corpus: tuple[Path, int]
) -> None:
    db = tmp_path / "full.db"
    with open_store(db):
        pass
    pages = sqlite3.connect(db).execute("PRAGMA page_count").fetchone()[0]
    with open_store(db, max_pages=pages + 40) as store, pytest.raises(StoreError) as err:
        ingest_paths(store, [strike_corpus[0]], batch_size=20)
    assert err.value.code == "db_full"
    assert "free some space" in str(err.value)
    stored = store_count(db, "documents")
    assert 0 < stored < strike_corpus[1] and stored % 20 == 0  # whole batches only
    check_consistent(db)
    with open_store(db) as store:  # space again: the same run finishes the job
        summary = ingest_paths(store, [strike_corpus[0]], batch_size=20)
    assert summary.duplicates == stored and summary.ingested == strike_corpus[1] - stored
    check_consistent(db)


def test_a_locked_database_gives_a_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "locked.db"
    with open_store(db):
        pass
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with open_store(db, busy_timeout=0.2) as store, pytest.raises(StoreError) as err:
            ingest_documents(store, _docs(2))
        assert err.value.code == "db_locked"
        assert "locked by another process" in str(err.value)
        # readers are not blocked by a writer in WAL mode
        with open_store(db, write=False, busy_timeout=0.2) as store:
            assert list_events(store) == []
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with open_store(db) as store:
        assert ingest_documents(store, _docs(2)).ingested == 2


def test_locations_that_cannot_hold_a_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as err:
        open_store(tmp_path / "no" / "such" / "folder.db")
    assert err.value.code == "db_unopenable" and "does not exist" in str(err.value)
    with pytest.raises(StoreError) as err:
        open_store(tmp_path)
    assert err.value.code == "db_unopenable" and "is a folder" in str(err.value)
    with pytest.raises(StoreError) as err:
        open_store(tmp_path / "missing.db", write=False)
    assert err.value.code == "db_missing"
    not_db = tmp_path / "notes.db"
    not_db.write_bytes(b"this is not a database, just some notes" * 100)
    with pytest.raises(StoreError) as err:
        open_store(not_db)
    assert err.value.code == "db_corrupt"
    with pytest.raises(StoreError) as err:
        open_store("mysql://somewhere/db")
    assert err.value.code == "db_url"


def test_a_database_url_is_shown_without_its_password() -> None:
    from strikewatch.store import shown
    from strikewatch.store.dialect import PostgresDialect

    url = "postgresql+psycopg://ops:s3cret@db.example:5432/strikes"
    assert "s3cret" not in shown(url) and "db.example" in shown(url)
    assert shown("strikes.db") == "strikes.db"
    assert "s3cret" not in PostgresDialect(url).where()
