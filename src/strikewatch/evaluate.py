"""``strikewatch eval``: ANNOTATION.md's scoring, exactly.

Per document, predicted and gold ``drone_strike`` events are matched one to
one, best pairs first; a pair can match when the countries agree (or either
is null) and the dates are within one day (or either is null). Detection is
scored over all documents, field accuracy over matched pairs, and the
distractor rate over documents whose gold has no drone strike at all.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from strikewatch.errors import GoldError
from strikewatch.model import Document

SCORED_FIELDS = ("date", "district", "killed_min", "killed_max", "perpetrator")


@dataclass(slots=True)
class GoldDoc:
    doc_id: str
    path: Path | None
    url: str | None
    events: list[dict[str, Any]]
    text: str | None = None
    skip_reason: str | None = None
    line: int | None = None


@dataclass(slots=True)
class DocResult:
    doc_id: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    distractor: bool = False
    false_alarm: bool = False
    pairs: list[tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=list)
    unmatched_pred: list[dict[str, Any]] = field(default_factory=list)
    unmatched_gold: list[dict[str, Any]] = field(default_factory=list)


def _values(v: Any) -> list[Any]:
    return list(v) if isinstance(v, list) else [v]


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold().strip()


def _canon_district(name: Any, country: Any) -> Any:
    if name is None or not isinstance(name, str):
        return name
    from strikewatch.extract.gazetteer import get_gazetteer

    c = country if isinstance(country, str) else None
    canon = get_gazetteer().canonical_district(name, c)
    return _norm(canon or name)


def _date(v: Any) -> dt.date | None:
    if v is None:
        return None
    try:
        return dt.date.fromisoformat(str(v))
    except ValueError:
        return None


def _can_pair(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    pc = pred.get("country")
    gcs = _values(gold.get("country"))
    if pc is not None and None not in gcs and pc not in gcs:
        return False
    pd = _date(pred.get("date"))
    gds = _values(gold.get("date"))
    if pd is None or None in gds:
        return True
    return any(g is not None and abs((_date(g) or pd) - pd).days <= 1 for g in gds)


def field_agrees(name: str, pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    """Strict comparison: a null in the gold is matched only by a null."""
    pv = pred.get(name)
    gvs = _values(gold.get(name))
    if name == "district":
        country = pred.get("country") or gold.get("country")
        pv = _canon_district(pv, country)
        gvs = [_canon_district(g, country) for g in gvs]
    if name == "date":
        return any((pv is None and g is None) or (pv is not None and g is not None and
                                                  str(pv) == str(g)) for g in gvs)
    return pv in gvs


def _pair_score(pred: dict[str, Any], gold: dict[str, Any]) -> tuple[int, int]:
    agree = sum(field_agrees(f, pred, gold) for f in SCORED_FIELDS)
    exact_day = int(pred.get("date") is not None and pred.get("date") in _values(gold.get("date")))
    return (agree, exact_day)


def match_document(preds: list[dict[str, Any]], golds: list[dict[str, Any]]) -> DocResult:
    """One-to-one matching, best pairs first (greedy on the pair score)."""
    res = DocResult(doc_id="")
    preds = [p for p in preds if p.get("type") == "drone_strike"]
    golds = [g for g in golds if g.get("type") == "drone_strike"]
    candidates = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            if _can_pair(p, g):
                candidates.append((_pair_score(p, g), not g.get("optional", False), -i, -j, i, j))
    candidates.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    for *_, i, j in candidates:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        res.pairs.append((preds[i], golds[j]))
    res.tp = len(res.pairs)
    res.unmatched_pred = [p for i, p in enumerate(preds) if i not in used_p]
    res.unmatched_gold = [g for j, g in enumerate(golds) if j not in used_g and
                          not g.get("optional", False)]
    res.fp = len(res.unmatched_pred)
    res.fn = len(res.unmatched_gold)
    res.distractor = not golds
    res.false_alarm = res.distractor and bool(preds)
    return res


def load_gold(path: str | Path) -> list[GoldDoc]:
    """Read a gold file; texts are resolved relative to the gold file's folder.

    Beyond ANNOTATION.md, ``file`` may end in ``#L<n>``: line n (1-based) of a
    tab-separated file, first column; this is how data sets whose licence
    forbids copying (SATP) are referenced rather than copied.
    """
    path = Path(path)
    if not path.exists():
        raise GoldError(f"gold file {path} does not exist", code="gold_missing")
    base = path.parent
    docs: list[GoldDoc] = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldError(f"{path}:{n}: not JSON ({exc.msg})", code="gold_json") from exc
            if "doc_id" not in rec or "events" not in rec:
                raise GoldError(f"{path}:{n}: needs 'doc_id' and 'events' (see ANNOTATION.md)")
            doc = GoldDoc(str(rec["doc_id"]), None, rec.get("url"), list(rec["events"]))
            _read_text(doc, base, rec)
            docs.append(doc)
    return docs


def _read_text(doc: GoldDoc, base: Path, rec: dict[str, Any]) -> None:
    if isinstance(rec.get("text"), str):
        doc.text = rec["text"]
        return
    ref = rec.get("file")
    if not ref:
        doc.skip_reason = "no 'file' or 'text'"
        return
    line_no = None
    if "#L" in ref:
        ref, _, frag = ref.partition("#L")
        line_no = int(frag)
    p = (base / ref).resolve()
    doc.path = p
    doc.line = line_no
    if not p.exists():
        doc.skip_reason = f"text not found: {p} (data set absent on this machine)"
        return
    if line_no is None:
        doc.text = p.read_text(encoding="utf-8", errors="replace")
        return
    with p.open(encoding="utf-8", errors="replace") as fh:
        for i, row in enumerate(fh, 1):
            if i == line_no:
                doc.text = row.rstrip("\n").split("\t")[0]
                return
    doc.skip_reason = f"line {line_no} not in {p}"


def gold_document(g: GoldDoc) -> Document:
    """The document an extractor sees: text and url, never ``published``."""
    from strikewatch.ingest import document_from_html, document_from_text

    assert g.text is not None
    path = str(g.path) if g.path else None
    if g.path is not None and g.path.suffix.lower() in (".html", ".htm"):
        return document_from_html(g.text, g.doc_id, url=g.url, source_path=path)
    return document_from_text(g.text, g.doc_id, url=g.url, source_path=path)


Predictor = Callable[[Document], list[dict[str, Any]]]


def default_predictor(doc: Document) -> list[dict[str, Any]]:
    from strikewatch.extract import extract_document

    return [m.to_json() for m in extract_document(doc).mentions]


def evaluate(gold_path: str | Path, predictor: Predictor | None = None) -> dict[str, Any]:
    """Score the extractor (or ``predictor``) on a gold file."""
    predictor = predictor or default_predictor
    docs = load_gold(gold_path)
    results: list[DocResult] = []
    skipped: list[dict[str, str]] = []
    n_pred = 0
    n_gold = 0
    for g in docs:
        if g.text is None:
            skipped.append({"doc_id": g.doc_id, "reason": g.skip_reason or "no text"})
            continue
        preds = [p for p in predictor(gold_document(g)) if p.get("type") == "drone_strike"]
        n_pred += len(preds)
        n_gold += sum(1 for e in g.events if e.get("type") == "drone_strike")
        r = match_document(preds, g.events)
        r.doc_id = g.doc_id
        results.append(r)
    return summarise(results, skipped, n_pred, n_gold)


def summarise(
    results: list[DocResult], skipped: list[dict[str, str]], n_pred: int, n_gold: int
) -> dict[str, Any]:
    tp = sum(r.tp for r in results)
    fp = sum(r.fp for r in results)
    fn = sum(r.fn for r in results)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    pairs = [p for r in results for p in r.pairs]
    acc: dict[str, float | None] = {}
    for name in SCORED_FIELDS:
        acc[f"{name}_acc"] = (
            round(sum(field_agrees(name, p, g) for p, g in pairs) / len(pairs), 4) if pairs else None
        )
    distractors = [r for r in results if r.distractor]
    out: dict[str, Any] = {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        **acc,
        "distractor_rate": round(sum(r.false_alarm for r in distractors) / len(distractors), 4)
        if distractors else 0.0,
        "documents": len(results),
        "gold_events": n_gold,
        "predicted_events": n_pred,
        "matched": len(pairs),
        "distractor_documents": len(distractors),
        "skipped": skipped,
    }
    out["errors"] = _errors(results)
    return out


def _errors(results: list[DocResult]) -> list[dict[str, Any]]:
    """What went wrong, per document, for people improving the extractor."""
    errs: list[dict[str, Any]] = []
    keys = ("date", "country", "district", "place", "killed_min", "killed_max", "perpetrator")
    for r in results:
        for p in r.unmatched_pred:
            errs.append({"doc_id": r.doc_id, "kind": "false_positive",
                         "predicted": {k: p.get(k) for k in keys}})
        for g in r.unmatched_gold:
            errs.append({"doc_id": r.doc_id, "kind": "missed", "gold": {k: g.get(k) for k in keys}})
        for p, g in r.pairs:
            wrong = [f for f in SCORED_FIELDS if not field_agrees(f, p, g)]
            if wrong:
                errs.append({"doc_id": r.doc_id, "kind": "field",
                             "fields": {f: {"predicted": p.get(f), "gold": g.get(f)} for f in wrong}})
    return errs
