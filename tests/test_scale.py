"""strikewatch.scale without a cluster: shard schema, partitions, first pass, local engine.

The corpus builders here are shared with test_scale_dask.py.
"""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import html
import io
import json
import os
import sys
from itertools import zip_longest
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT, SHARED, run_cli
from strikewatch.extract import VERSION, extract_document
from strikewatch.extract.fields import can_report_strike
from strikewatch.ingest import document_from_html, read_paths
from strikewatch.model import Document, Evidence, Mention, Rejection, Span
from strikewatch.scale import schema
from strikewatch.scale.firstpass import STEMS, html_can_report_strike, stems_of
from strikewatch.scale.partition import Dropped, plan, read_partition
from strikewatch.scale.runner import parse_size, run
from strikewatch.scale.worker import ShardOptions

GOLD_TEXTS = sorted((ROOT / "tests" / "gold" / "texts").glob("*.txt"))
SATP = SHARED / "data" / "satp"


# --- corpus builders (also used by test_scale_dask.py) -------------------------------------


def gold_texts() -> list[tuple[str, str]]:
    return [(p.stem, p.read_text(encoding="utf-8")) for p in GOLD_TEXTS]


def satp_lines(limit: int | None = None) -> list[str]:
    """SATP paragraphs (strike ones and the rest of the stream in turn), or [] without shared data."""
    if not SATP.exists():
        return []
    lines: list[str] = []
    for split in ("dev", "test", "train"):
        with (SATP / f"{split}.tsv").open(encoding="utf-8", errors="replace") as fh:
            lines.extend(line.split("\t")[0] for line in fh if line.strip())
    strikes = [t for t in lines if "drone" in t.lower()]
    rest = [t for t in lines if "drone" not in t.lower()]
    out = [t for pair in zip_longest(strikes, rest) for t in pair if t is not None]
    return out[:limit] if limit else out


def html_page(title: str, body: str, published: str | None) -> str:
    paras = "".join(f"<p>{html.escape(p)}</p>\n" for p in body.split("\n") if p.strip())
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    return (
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(title)}</title>{meta}</head><body>"
        "<nav><a href=\"/\">Home</a> | <a href=\"/world\">World</a> | "
        "<a href=\"/sport\">Sport</a></nav>"
        f"<article><h1>{html.escape(title)}</h1>\n{paras}</article>"
        "<aside>Advertisement</aside><footer>© 2012 Example News</footer></body></html>"
    )


def write_warc(path: Path, texts: list[tuple[str, str]], *, extras: bool = True,
               gz: bool = True) -> None:
    """A WARC of the texts: odd ones as HTML pages, even ones as text/plain records.

    With ``extras``: a request record, a 404, an image and a record without
    a body, which read_paths turns into rejections or skips.
    """
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    base = dt.date(2012, 1, 1)
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for i, (name, text) in enumerate(texts):
            day = base + dt.timedelta(days=(i * 37) % 1500)
            url = f"https://news.example/{day:%Y/%m/%d}/{name}"
            if i % 2:
                title, _, body = text.partition("\n")
                payload = html_page(title, body, day.isoformat()).encode("utf-8")
                ctype = "text/html; charset=utf-8"
            else:
                payload, ctype = text.encode("utf-8"), "text/plain; charset=utf-8"
            http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(payload), http_headers=http))
            if extras and i == 3:
                req = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example")],
                                       is_http_request=True)
                writer.write_record(writer.create_warc_record(
                    url, "request", payload=io.BytesIO(b""), http_headers=req))
                gone = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")],
                                        protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record(
                    url + "-gone", "response", payload=io.BytesIO(b"<html>gone</html>"),
                    http_headers=gone))
                img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")],
                                       protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record(
                    url + ".png", "response", payload=io.BytesIO(b"\x89PNG\r\n\x1a\n0000"),
                    http_headers=img))
                empty = StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                         protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record(
                    url + "-empty", "response", payload=io.BytesIO(b"   "),
                    http_headers=empty))


def write_jsonl(path: Path, texts: list[str], *, start: int = 0, broken: bool = True) -> None:
    """JSON Lines: ids on most lines (none on every seventh), dates on some, one broken line."""
    with path.open("w", encoding="utf-8") as fh:
        for i, text in enumerate(texts):
            record: dict[str, Any] = {"text": text}
            if i % 7:
                record["id"] = f"satp-{start + i}"
            if i % 3 == 0:
                record["published"] = (dt.date(2013, 1, 1) + dt.timedelta(days=i)).isoformat()
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            if broken and i == 5:
                fh.write("{not json\n\n")


def build_corpus(root: Path, *, satp: int = 240, gold: int = 100) -> list[Path]:
    """Inputs of every kind: a WARC, JSON Lines (SATP when present), a folder of texts.

    ``gold`` gold texts, half as WARC records, half as text files; ``satp``
    SATP paragraphs in two JSON Lines files.
    """
    root.mkdir(parents=True, exist_ok=True)
    texts = gold_texts()[:gold]
    half = len(texts) // 2
    write_warc(root / "pages.warc.gz", texts[:half])
    folder = root / "texts"
    folder.mkdir(exist_ok=True)
    for name, text in texts[half:]:
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    inputs = [root / "pages.warc.gz", folder]
    lines = satp_lines(satp)
    if lines:
        half = len(lines) // 2
        write_jsonl(root / "satp-a.jsonl", lines[:half])
        write_jsonl(root / "satp-b.jsonl", lines[half:], start=half)
        inputs[1:1] = [root / "satp-a.jsonl", root / "satp-b.jsonl"]
    return inputs


# --- what a local run makes of the same inputs ------------------------------------------------


def local_items(inputs: list[Path]) -> list[Document | Rejection]:
    return list(read_paths(inputs))


def expected_from_local(
    inputs: list[Path], *, keep_dropped: bool = False
) -> list[tuple[str, Any]]:
    """The local path's output in shard order: ("doc", doc, mentions + excluded) or ("rej", ...)."""
    out: list[tuple[str, Any]] = []
    for item in local_items(inputs):
        if isinstance(item, Rejection):
            out.append(("rej", item))
            continue
        if not can_report_strike(item.text) and not keep_dropped:
            continue
        result = extract_document(item)
        out.append(("doc", item, result.mentions + result.excluded))
    return out


def shard_output(folder: Path) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for item in schema.iter_shard_items(folder):
        if isinstance(item, Rejection):
            out.append(("rej", item))
        else:
            out.append(("doc", item.document, item.mentions + item.excluded))
    return out


def assert_same(got: list[tuple[str, Any]], want: list[tuple[str, Any]]) -> None:
    """Document for document, mention for mention, in the same order."""
    got_ids = [(g[0], g[1].doc_id if g[0] == "doc" else g[1].source) for g in got]
    want_ids = [(w[0], w[1].doc_id if w[0] == "doc" else w[1].source) for w in want]
    assert got_ids == want_ids
    for g, w in zip(got, want, strict=True):
        assert g[1] == w[1], f"{got_ids[got.index(g)]} differs"
        if g[0] == "doc" and g[2] != w[2]:
            diffs = [
                (i, f, getattr(a, f), getattr(b, f))
                for i, (a, b) in enumerate(zip(g[2], w[2], strict=False))
                for f in a.__dataclass_fields__ if getattr(a, f) != getattr(b, f)
            ]
            raise AssertionError(
                f"mentions of {g[1].doc_id} differ: {len(g[2])} vs {len(w[2])}; {diffs[:5]}"
            )


# --- schema: lossless round trips --------------------------------------------------------------


@functools.cache
def _real_mentions() -> list[Mention]:
    out: list[Mention] = []
    for name, text in gold_texts():
        result = extract_document(Document(doc_id=name, text=text))
        out.extend(result.mentions + result.excluded)
    return out


def test_real_mentions_round_trip_json_and_row() -> None:
    mentions = _real_mentions()
    assert len(mentions) > 50
    assert any(m.evidence for m in mentions) and any(m.sentence_ids for m in mentions)
    for m in mentions:
        assert schema.mention_from_json(json.loads(json.dumps(schema.mention_to_json(m)))) == m
        assert schema.mention_from_row(schema.mention_to_row(m)) == m


_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
_opt_text = st.none() | _text
_opt_int = st.none() | st.integers(-(2**63) + 1, 2**63 - 1)
_opt_float = st.none() | st.floats(allow_nan=False)
_span = st.builds(Span, st.integers(0, 10**6), st.integers(0, 10**6), _text)


@st.composite
def _mentions(draw: st.DrawFn) -> Mention:
    return Mention(
        doc_id=draw(_text), type=draw(st.sampled_from(["drone_strike", "air_strike"])),
        sentence=draw(_span), status=draw(st.sampled_from(["reported", "background"])),
        aggregate=draw(st.booleans()), date=draw(st.none() | st.dates()),
        date_value=draw(_opt_text), date_precision=draw(st.none() | st.just("day")),
        date_text=draw(_opt_text), country=draw(_opt_text), district=draw(_opt_text),
        admin1=draw(_opt_text), place=draw(_opt_text), lat=draw(_opt_float),
        lon=draw(_opt_float), geo_precision=draw(_opt_text), killed_min=draw(_opt_int),
        killed_max=draw(_opt_int), civilians_min=draw(_opt_int), civilians_max=draw(_opt_int),
        children_min=draw(_opt_int), children_max=draw(_opt_int), injured_min=draw(_opt_int),
        injured_max=draw(_opt_int), missiles=draw(_opt_int), perpetrator=draw(_opt_text),
        groups=draw(st.lists(_text, max_size=3)), named=draw(st.lists(_text, max_size=3)),
        targets=draw(st.lists(_text, max_size=3)), confidence=draw(st.floats(0, 1)),
        evidence=draw(st.lists(st.builds(Evidence, _text, st.lists(_span, max_size=2), _text),
                               max_size=3)),
        sentence_ids=draw(st.lists(st.integers(0, 10**6), max_size=4)),
    )  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(mentions=st.lists(_mentions(), max_size=4), excluded=st.lists(_mentions(), max_size=2),
       raw=st.sampled_from(["same", "none", "own"]))
def test_any_mention_round_trips_through_parquet(
    tmp_path_factory: pytest.TempPathFactory, mentions: list[Mention], excluded: list[Mention],
    raw: str,
) -> None:
    import pyarrow.parquet as pq

    doc = Document(doc_id="d1", text="A drone strike.", url="https://x.example/a",
                   published=dt.date(2014, 6, 1), published_source="url",
                   raw={"same": "A drone strike.", "none": None, "own": "<p>A drone</p>"}[raw],
                   warnings=["w"])
    row = schema.document_to_row(doc, mentions=mentions, excluded=excluded,
                                 extractor_version=VERSION)
    path = tmp_path_factory.mktemp("pq") / "s.parquet"
    pq.write_table(schema.rows_to_table([row]), path)
    (back,) = pq.read_table(path).to_pylist()
    item = schema.shard_document_from_row(back)
    assert item.document == doc
    assert item.mentions == mentions and item.excluded == excluded
    assert item.content_hash == doc.content_hash and item.extractor_version == VERSION


def test_mention_from_json_reads_mention_to_json_output_too() -> None:
    m = _real_mentions()[0]
    back = schema.mention_from_json(json.loads(json.dumps(m.to_json())))
    assert back.evidence == m.evidence and back.sentence == m.sentence
    assert back.sentence_ids == []  # Mention.to_json() leaves them out


def test_schema_covers_every_model_field(monkeypatch: pytest.MonkeyPatch) -> None:
    schema._check_fields()
    monkeypatch.setattr(schema, "MENTION_FIELDS", schema.MENTION_FIELDS[:-1])
    with pytest.raises(RuntimeError, match="sentence_ids"):
        schema._check_fields()


def test_values_parquet_cannot_hold_are_repaired_not_fatal() -> None:
    doc = Document(doc_id="lone \ud800 surrogate", text="drone")
    m = Mention(doc_id="x", type="drone_strike", sentence=Span(0, 5, "drone"),
                killed_max=10**30)
    row = schema.document_to_row(doc, mentions=[m], extractor_version=VERSION)
    (back,) = schema.rows_to_table([row]).to_pylist()
    assert back["doc_id"] == "lone \ufffd surrogate"
    assert back["mentions"][0]["killed_max"] == 2**63 - 1


# --- partitions ------------------------------------------------------------------------------


def _key(item: Document | Rejection) -> tuple[Any, ...]:
    if isinstance(item, Rejection):
        return ("rej", item.source, item.code, item.reason)
    return ("doc", item.doc_id, item.text, item.url, item.title, item.published,
            item.published_source, item.source_path, item.source_format, item.raw,
            tuple(item.warnings))


def _read_all(inputs: list[Path], split: int, *, first_pass: bool = False) -> list[Any]:
    parts = plan([str(p) for p in inputs], split_bytes=split)
    return [item for p in parts for item in read_partition(p, first_pass=first_pass)]


@pytest.mark.parametrize("split", [0, 3_000, 9_999, 30_000])
def test_split_warc_reads_the_same_records(tmp_path: Path, split: int) -> None:
    warc = tmp_path / "a.warc.gz"
    write_warc(warc, gold_texts()[:40])
    parts = plan([str(warc)], split_bytes=split)
    if split:
        assert len(parts) == -(-warc.stat().st_size // split) > 1
        assert len({p.name for p in parts}) == len(parts)
    want = [_key(i) for i in read_paths([warc])]
    assert [_key(i) for i in _read_all([warc], split)] == want
    assert any(k[0] == "rej" for k in want)


def test_whole_file_gzip_and_plain_warc_are_not_split(tmp_path: Path) -> None:
    plain = tmp_path / "b.warc"
    write_warc(plain, gold_texts()[:10], gz=False)
    whole = tmp_path / "c.warc.gz"
    whole.write_bytes(gzip.compress(plain.read_bytes()))
    for path in (plain, whole):
        assert len(plan([str(path)], split_bytes=1000)) == 1
        want = [_key(i) for i in read_paths([path])]
        assert [_key(i) for i in _read_all([path], 1000)] == want


@pytest.mark.parametrize("split", [0, 700, 2_000])
def test_split_jsonl_reads_the_same_lines(tmp_path: Path, split: int) -> None:
    path = tmp_path / "lines.jsonl"
    texts = [t for _, t in gold_texts()[:12]] + ["A drone strike killed two in Wana."] * 5
    write_jsonl(path, texts)
    data = b"\xef\xbb\xbf" + path.read_bytes() + b'{"text": "no newline at the end"}'
    path.write_bytes(data)
    want = [_key(i) for i in read_paths([path])]
    got = [_key(i) for i in _read_all([path], split)]
    assert got == want
    assert any(k[0] == "rej" for k in want)
    assert any(k[1].startswith("lines:") for k in want if k[0] == "doc")  # no id: file:line


def test_split_jsonl_overlong_line(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    lines = [json.dumps({"id": f"n{i}", "text": f"Drone strike number {i}."}) for i in range(30)]
    lines[11] = json.dumps({"id": "long", "text": "x" * 5000})
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    parts = plan([str(path)], split_bytes=1000)
    assert len(parts) > 3
    got = [_key(i) for p in parts for i in read_partition(p, max_bytes=2000)]
    want = [_key(i) for i in read_paths([path], max_bytes=2000)]
    assert got == want and ("rej", f"{path}:12", "too_large",
                            "line over the limit of 2000 bytes") in got


def test_small_files_are_grouped_in_reading_order(tmp_path: Path) -> None:
    folder = tmp_path / "t"
    (folder / "sub").mkdir(parents=True)
    for i in range(7):
        (folder / f"{i:02d}.txt").write_text(f"Drone strike {i}.", encoding="utf-8")
    (folder / "sub" / "x.txt").write_text("A drone.", encoding="utf-8")
    (folder / ".hidden.txt").write_text("A drone.", encoding="utf-8")
    parts = plan([str(folder)], group_files=3)
    assert [len(p.files) for p in parts] == [3, 3, 2]
    assert [_key(i) for i in _read_all([folder], 0)] == [_key(i) for i in read_paths([folder])]
    assert [p.name for p in plan([str(folder)], group_files=3)] == [p.name for p in parts]


def test_fsspec_url_reads_like_the_path(tmp_path: Path) -> None:
    inputs = build_corpus(tmp_path / "in", satp=30, gold=24)
    want = [_key(i) for i in read_paths(inputs)]
    urls = [p.resolve().as_uri() for p in inputs]
    parts = plan(urls, split_bytes=20_000)
    got = [i for p in parts for i in read_partition(p, first_pass=False)]
    for item in got:
        if isinstance(item, Rejection):
            item.source = item.source.replace("file://", "")
        elif item.source_path:
            item.source_path = item.source_path.replace("file://", "")
    assert [_key(i) for i in got] == want


# --- the first pass ------------------------------------------------------------------------


@pytest.mark.parametrize("page", [
    "<p>Israeli air&nbsp;strike on Gaza</p>",
    "<p>an air   \n   strike hit</p>",
    "<p>an <b>air</b> <i>strike</i></p>",
    "<p>a <span>dro</span>ne hit</p>",
    "<p>&#100;rone</p>",
    "<p>the Air&#160;Force said</p>",
    "<ul><li>Jets</li><li>Next</li></ul>",
    "<p>\u201cUAV\u201d attack</p>",
    "<p>dro\u202ene strike</p>",
    "<p>a heli<wbr>copter</p>",
    "<p>&#68;RONE</p>",
    "<p>an air" + " " * 1500 + "\n\n strike</p>",
    "<p>Air-Strike</p>",
    "<p>mi\u017f\u017file</p>",
    "<p>A\u0130RCRAFT</p>",
    "<script>var x = 1;</script><p>the Jets.</p>",
])
def test_html_first_pass_keeps_what_the_text_would_keep(page: str) -> None:
    filler = "<p>" + "The reporter spoke to residents of the town about the day. " * 4 + "</p>"
    full = f"<html><body><article>{filler}{page}{filler}</article></body></html>"
    if "\u0130" not in page and "\u017f" not in page:  # lower() and IGNORECASE differ there
        assert can_report_strike(document_from_html(full, "t").text), "not a case that matters"
    assert html_can_report_strike(full)


def test_stems_come_from_the_first_pass_pattern() -> None:
    assert STEMS is not None and {"drone", "strike", "force", "jet", "uav"} <= set(STEMS)
    assert stems_of(r"air[ -]?strike|\bjets?\b|air\s+force") == ("strike", "jet", "force")
    assert stems_of(r"(?:drone)s") is None  # syntax it does not follow: nothing dropped
    assert stems_of(r"a|drone") is None  # an alternative without a stem


def test_html_first_pass_drops_unrelated_pages() -> None:
    page = html_page("Budget vote", "Parliament passed the budget.\nTaxes rise.", "2014-01-01")
    assert not html_can_report_strike(page)


def test_html_first_pass_never_drops_a_page_whose_text_passes() -> None:
    texts = [t for _, t in gold_texts()] + satp_lines(400)
    checked = 0
    for i, text in enumerate(texts):
        title, _, body = text.partition("\n")
        page = html_page(title, body or title, None)
        doc = document_from_html(page, f"p{i}")
        if can_report_strike(doc.text):
            checked += 1
            assert html_can_report_strike(page), doc.doc_id
    assert checked > 100


def test_warc_first_pass_drops_before_html_and_loses_no_mention(tmp_path: Path) -> None:
    texts = gold_texts()[:20] + [(f"n{i}", f"Budget {i}\nParliament met.\nTaxes rose.")
                                 for i in range(20)]
    warc = tmp_path / "m.warc.gz"
    write_warc(warc, texts)
    full = _read_all([warc], 0, first_pass=False)
    fast = _read_all([warc], 0, first_pass=True)
    assert len(full) == len(fast)
    dropped = [f for f, q in zip(full, fast, strict=True) if isinstance(q, Dropped)]
    assert dropped
    for doc in dropped:
        assert not can_report_strike(doc.text)


# --- the local engine and the CLI ------------------------------------------------------------


def test_local_engine_shards_equal_the_local_path(tmp_path: Path) -> None:
    inputs = build_corpus(tmp_path / "in", satp=120)
    out = tmp_path / "out"
    summary = run([str(p) for p in inputs], str(out), split_bytes=30_000)
    assert summary.ok and summary.written == summary.partitions > 3
    assert_same(shard_output(out), expected_from_local(inputs))
    t = summary.totals
    assert t.documents == sum(isinstance(i, Document) for i in local_items(inputs))
    assert t.dropped + t.dropped_early > 0 and t.rejections > 0
    assert list(schema.read_rejections(out)) == [
        i for i in local_items(inputs) if isinstance(i, Rejection)
    ]
    pairs = list(schema.read_shards(out))
    assert sum(len(m) for _, m in pairs) == t.mentions + t.excluded


def test_keep_dropped_writes_every_document(tmp_path: Path) -> None:
    inputs = build_corpus(tmp_path / "in", satp=60, gold=24)
    out = tmp_path / "out"
    run([str(p) for p in inputs], str(out), split_bytes=30_000,
        options=ShardOptions(keep_dropped=True))
    assert_same(shard_output(out), expected_from_local(inputs, keep_dropped=True))
    dropped = [i for i in schema.iter_shard_items(out)
               if isinstance(i, schema.ShardDocument) and i.dropped]
    assert dropped and all(not i.mentions for i in dropped)


def test_rerun_skips_finished_shards_and_redoes_changed_ones(tmp_path: Path) -> None:
    inputs = [str(p) for p in build_corpus(tmp_path / "in", satp=40, gold=24)]
    out = tmp_path / "out"
    first = run(inputs, str(out), split_bytes=5_000)
    assert first.partitions > len(inputs)
    shards = sorted(out.glob("*.parquet"))
    mtimes = {p: p.stat().st_mtime_ns for p in shards}
    (out / ".leftover.parquet.tmp-1-abc").write_bytes(b"half")
    again = run(inputs, str(out), split_bytes=5_000)
    assert again.skipped == first.partitions and again.written == 0
    assert {p: p.stat().st_mtime_ns for p in shards} == mtimes
    assert not list(out.glob(".*tmp-*"))
    # another option means other shard contents: written again
    redo = run(inputs, str(out), split_bytes=5_000, options=ShardOptions(keep_dropped=True))
    assert redo.written == first.partitions
    # another split size means other partitions; the old shards are reported, not read
    other = run(inputs, str(out), split_bytes=0)
    assert other.stray
    assert len(list(schema.list_shards(out))) == other.partitions


def test_incomplete_folder_is_refused(tmp_path: Path) -> None:
    inputs = [str(p) for p in build_corpus(tmp_path / "in", satp=0, gold=24)]
    out = tmp_path / "out"
    run(inputs, str(out), split_bytes=30_000)
    next(out.glob("*.parquet")).unlink()
    with pytest.raises(schema.ScaleError, match="did not finish"):
        list(schema.read_shards(out))
    assert list(schema.read_shards(out, allow_incomplete=True))


def test_cli_local_engine_with_out(tmp_path: Path) -> None:
    inputs = build_corpus(tmp_path / "in", satp=30, gold=24)
    out = tmp_path / "out"
    res = run_cli("extract", "--out", str(out), "--split-size", "30KB", *map(str, inputs))
    assert res.returncode == 0, res.stderr
    assert res.stdout == ""
    assert "summary: documents read" in res.stderr and "skipped as already done" in res.stderr
    assert_same(shard_output(out), expected_from_local(inputs))


def test_cli_says_how_to_install_dask_when_it_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from strikewatch.cli import main

    for name in ("dask", "distributed"):
        monkeypatch.setitem(sys.modules, name, None)  # import raises ImportError
    doc = tmp_path / "a.txt"
    doc.write_text("A drone strike.", encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", "--engine", "dask", "--out",
                                    str(tmp_path / "o"), str(doc)])
    assert res.exit_code == 2
    assert "pip install 'strikewatch[dask]'" in res.output and "missing_extra" in res.output


def test_cli_usage_errors(tmp_path: Path) -> None:
    from strikewatch.cli import main

    doc = tmp_path / "a.txt"
    doc.write_text("A drone strike.", encoding="utf-8")
    runner = CliRunner()
    res = runner.invoke(main, ["extract", "--engine", "dask", str(doc)])
    assert res.exit_code == 2 and "--out" in res.output
    res = runner.invoke(main, ["extract", "s3://bucket/x.warc.gz"])
    assert res.exit_code == 2 and "URL" in res.output
    res = runner.invoke(main, ["extract", "--out", "o", "--split-size", "lots", str(doc)])
    assert res.exit_code == 2 and "split-size" in res.output
    res = runner.invoke(main, ["extract", str(tmp_path / "missing.txt")])
    assert res.exit_code == 2 and "does not exist" in res.output


def test_parse_size() -> None:
    assert parse_size("64MB") == 64_000_000 and parse_size("64MiB") == 64 * 2**20
    assert parse_size("0") == 0 and parse_size("1.5k") == 1500
    with pytest.raises(ValueError):
        parse_size("-1")


def test_manifest_lists_shards_in_reading_order(tmp_path: Path) -> None:
    inputs = [str(p) for p in build_corpus(tmp_path / "in", satp=40, gold=24)]
    out = tmp_path / "out"
    run(inputs, str(out), split_bytes=30_000)
    manifest = schema.read_manifest(out)
    assert manifest is not None
    assert manifest["shards"] == [p.name for p in plan(inputs, split_bytes=30_000)]
    assert manifest["extractor_version"] == VERSION
    meta = schema.read_shard_metadata(schema.list_shards(out)[0])
    assert meta["schema_version"] == schema.SCHEMA_VERSION and meta["stats"]["read"] > 0


def test_shard_files_are_readable_without_strikewatch(tmp_path: Path) -> None:
    """Plain pyarrow (or DuckDB, pandas) reads a shard: the schema is not a private format."""
    import pyarrow.parquet as pq

    inputs = [str(p) for p in build_corpus(tmp_path / "in", satp=0, gold=24)]
    out = tmp_path / "out"
    run(inputs, str(out))
    table = pq.read_table(schema.list_shards(out)[0])
    assert {"doc_id", "text", "mentions", "rejection_code"} <= set(table.column_names)
    assert os.path.getsize(schema.list_shards(out)[0]) > 0


def test_urls_in_and_out_through_fsspec(tmp_path: Path) -> None:
    """Inputs and the shard folder as fsspec URLs (memory://: one process, so the local engine)."""
    import fsspec

    inputs = build_corpus(tmp_path / "in", satp=20, gold=12)
    fs = fsspec.filesystem("memory")
    urls = []
    for path in inputs:
        for f in sorted([path] if path.is_file() else path.rglob("*")):
            rel = f.relative_to(tmp_path / "in")
            fs.pipe(f"/sw-in/{rel}", f.read_bytes())
        urls.append(f"memory://sw-in/{path.name}")
    try:
        summary = run(urls, "memory://sw-out", split_bytes=5_000)
        assert summary.ok and summary.written == summary.partitions > len(urls)
        got: list[tuple[str, Any]] = [
            ("rej", i) if isinstance(i, Rejection) else ("doc", i.document, i.mentions + i.excluded)
            for i in schema.iter_shard_items("memory://sw-out")
        ]
        local = str(tmp_path / "in")
        for kind, item, *_ in got:
            name = "source" if kind == "rej" else "source_path"
            value = getattr(item, name).replace("memory:///", "memory://")
            setattr(item, name, value.replace("memory://sw-in", local))
        assert_same(got, expected_from_local(inputs))
        again = run(urls, "memory://sw-out", split_bytes=5_000)
        assert again.skipped == summary.partitions
        assert not [p for p in fs.ls("/sw-out", detail=False) if ".tmp-" in p]
    finally:
        for root in ("/sw-in", "/sw-out"):
            if fs.exists(root):
                fs.rm(root, recursive=True)
