"""Real-data check of resolution: do the two texts of each Dronestream strike merge?

Each of the 607 strikes in the Dronestream dump of TBIJ's data has a
``narrative`` and a ``bij_summary_short``; both become documents dated on the
strike's date, the real extractor reads them, and resolution merges the
mentions. Each document is an entry of a list (``Listing``: the narratives are
one list, the summaries another), which tells extraction the weapon, country and
day the entry's words leave out, and tells resolution that a list names each
strike once. A pair of mentions is a true pair when both come from the same
strike (its ``number``: ``bureau_id`` is reused), so pairwise precision,
recall and F1 measure the merges. The bar is F1 >= 0.95. The drone-strike
events made are then matched (``strikewatch.publish.compare``) with the TBIJ
spreadsheets of Pakistan, Yemen and Somalia, and the matched counts printed.

By default, as the check is stated ("ingest the Dronestream file as documents
and resolve"), the documents go through ``store.ingest_documents`` into an
SQLite file (``--db``, default a temporary one), as ``strikewatch ingest``
stores them (the same text twice is one document: a few strikes share a
summary word for word), and the pairs are read back from its
``event_mentions`` table. ``--memory`` runs the resolver library on the
extracted mentions alone, every text kept, and can ``--show-errors``.

    python bench/dronestream_merge.py [--check] [--db F] [--path data.json]
    python bench/dronestream_merge.py --memory [--check] [--show-errors]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from strikewatch.extract import extract_document
from strikewatch.ingest.reference import dronestream_texts, load_tbij
from strikewatch.model import Event
from strikewatch.publish.compare import compare
from strikewatch.publish.events import load_events
from strikewatch.resolve import Claim, EventState, MemoryIndex, Resolver
from strikewatch.resolve.metrics import pairwise_scores

DEFAULT = Path("/work/shared/data/dronestream-2015/data.json")
TBIJ = DEFAULT.parent.parent / "tbij"
BAR = 0.95


def load_claims(path: Path) -> tuple[list[Claim], dict[str, str], int, int]:
    """Claims of every mention, their true strike, the strike count and how many gave none."""
    claims: list[Claim] = []
    truth: dict[str, str] = {}
    strikes = silent = 0
    for texts in dronestream_texts(path):
        strikes += 1
        before = len(claims)
        for doc in texts.documents():
            for i, mention in enumerate(extract_document(doc).mentions):
                listing = doc.listing.name if doc.listing else None
                claim = Claim.from_mention(mention, i, published=doc.published, listing=listing)
                claims.append(claim)
                truth[claim.key] = texts.event_id
        silent += len(claims) == before
    return claims, truth, strikes, silent


def show_errors(index: MemoryIndex, claims: list[Claim], truth: dict[str, str]) -> None:
    """Print the events that mix strikes and the strikes split over events."""
    by_key = {c.key: c for c in claims}
    print("\n-- events mixing strikes (false merges)")
    for state in index:
        strikes = Counter(truth[c.key] for c in state.claims)
        if len(strikes) > 1:
            print(f"{state.event_id}: {dict(strikes)}")
            for c in state.claims:
                d = state.decisions.get(c.key)
                why = d.explain() if d else ""
                print(f"   {truth[c.key]:<16} {c.text[:90]!r}\n      {why}")
    print("\n-- strikes split over events (missed merges)")
    events_of: dict[str, set[str]] = {}
    for key, strike in truth.items():
        events_of.setdefault(strike, set()).add(index.event_of[key])
    for strike, events in events_of.items():
        if len(events) > 1:
            print(f"{strike}: {sorted(events)}")
            for key in (k for k, s in truth.items() if s == strike):
                c = by_key[key]
                d = index.explain(key)
                print(
                    f"   {index.event_of[key]:<6} {c.text[:90]!r}\n      {d.explain() if d else ''}"
                )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--path", type=Path, default=DEFAULT)
    ap.add_argument("--check", action="store_true", help=f"exit 1 when F1 < {BAR}")
    ap.add_argument("--show-errors", action="store_true",
                    help="print false and missed merges (implies --memory)")
    ap.add_argument("--memory", action="store_true",
                    help="resolve the extracted mentions in memory, not through the store")
    ap.add_argument("--store", action="store_true", help="ingest into SQLite and read pairs back (the default)")
    ap.add_argument("--db", type=Path, help="SQLite file (default: temporary)")
    args = ap.parse_args(argv)
    if not (args.memory or args.show_errors):
        return _through_store(args.path, args.db, args.check)
    print("in memory: the resolver library on every text's mentions")

    t0 = time.perf_counter()
    claims, truth, strikes, silent = load_claims(args.path)
    t1 = time.perf_counter()
    index = MemoryIndex(Resolver())
    states: list[EventState] = []
    batch: list[Claim] = []
    for claim in [*claims, None]:
        if claim is None or (batch and claim.doc_id != batch[0].doc_id):
            index.add_document(batch)
            batch = []
        if claim is not None:
            batch.append(claim)
    states = list(index)
    t2 = time.perf_counter()

    scores = pairwise_scores(index.event_of, truth)
    with_mentions = len(set(truth.values()))
    print(f"strikes                      {strikes}")
    print(f"strikes with no mention      {silent}")
    print(f"mentions (claims)            {len(claims)} from {with_mentions} strikes")
    print(f"events made                  {len(states)}")
    print(f"true pairs                   {scores.true_pairs}")
    print(f"predicted pairs              {scores.predicted_pairs}")
    print(f"correct pairs                {scores.correct_pairs}")
    print(f"pairwise precision           {scores.precision:.4f}")
    print(f"pairwise recall              {scores.recall:.4f}")
    print(f"pairwise F1                  {scores.f1:.4f}  (bar {BAR})")
    print(f"extract {t1 - t0:.2f}s, resolve {t2 - t1:.3f}s")
    _match_tbij([s.event for s in states if s.event.type == "drone_strike"])
    if args.show_errors:
        show_errors(index, claims, truth)
    if args.check and scores.f1 < BAR:
        print(f"FAIL: pairwise F1 {scores.f1:.4f} below {BAR}", file=sys.stderr)
        return 1
    return 0


def _through_store(path: Path, db: Path | None, check: bool) -> int:
    """The check through the database: ingest as ``strikewatch ingest`` does, read links back."""
    import sqlite3
    import tempfile

    from strikewatch.store import ingest_documents, open_store

    folder = tempfile.TemporaryDirectory()
    db = db or Path(folder.name) / "dronestream.db"
    docs = [doc for texts in dronestream_texts(path) for doc in texts.documents()]
    print("through the store: ingested as `strikewatch ingest` does, pairs read from event_mentions")
    t0 = time.perf_counter()
    with open_store(str(db)) as store:
        summary = ingest_documents(store, docs)
    t1 = time.perf_counter()
    con = sqlite3.connect(db)
    rows = con.execute(
        "SELECT em.mention_id, em.event_id, d.doc_id FROM event_mentions em "
        "JOIN documents d ON d.id = em.document_id"
    ).fetchall()
    con.close()
    event_of = {str(m): str(e) for m, e, _ in rows}
    truth = {str(m): doc_id.rsplit(":", 1)[0] for m, _, doc_id in rows}
    scores = pairwise_scores(event_of, truth)
    print(f"documents stored             {summary.ingested} ({summary.duplicates} duplicate texts)")
    print(f"mentions linked to events    {len(rows)}")
    print(f"events                       {len(set(event_of.values()))}")
    print(f"true / predicted / correct   {scores.true_pairs} / {scores.predicted_pairs} / "
          f"{scores.correct_pairs}")
    print(f"pairwise precision           {scores.precision:.4f}")
    print(f"pairwise recall              {scores.recall:.4f}")
    print(f"pairwise F1                  {scores.f1:.4f}  (bar {BAR})")
    print(f"ingest {t1 - t0:.1f}s into {db}")
    _match_tbij([e for e in load_events(db=db) if e.type == "drone_strike"])
    folder.cleanup()
    return 1 if check and scores.f1 < BAR else 0


def _match_tbij(drone: list[Event]) -> None:
    """How many of the resolved drone strikes the TBIJ spreadsheets hold."""
    sheets = sorted(TBIJ.glob("*.xlsx")) if TBIJ.is_dir() else []
    if not sheets:
        return
    reference = [e for sheet in sheets for e in load_tbij(sheet)]
    result = compare(drone, reference, ours_label="resolved", reference_label="TBIJ")
    print(f"drone-strike events          {len(drone)}")
    print(f"TBIJ spreadsheet strikes     {len(reference)} ({len(sheets)} sheets)")
    print(f"matched to TBIJ              {len(result.matched)}")
    print(f"only resolved / only TBIJ    {len(result.only_a)} / {len(result.only_b)}")


if __name__ == "__main__":
    sys.exit(main())
