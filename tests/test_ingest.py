"""Ingest: each format from real files, the seeds, and publication dates."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
from io import BytesIO
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from strikewatch.errors import IngestError
from strikewatch.ingest import (
    date_from_byline,
    date_from_url,
    document_from_html,
    document_from_text,
    read_paths,
)
from strikewatch.model import Document, Listing, Rejection

# The seeds ship inside the package too; shared/seeds beside the repo is the source.
SEEDS = next(
    (
        d
        for d in (
            Path(__file__).resolve().parents[2] / "shared" / "seeds",
            Path(__file__).resolve().parents[1] / "src" / "strikewatch" / "data" / "samples",
        )
        if (d / "000_8f13980b5f724798.txt").is_file()
    ),
    Path("missing-seeds"),
)

ARTICLE_PARAGRAPHS = [
    "A US drone strike killed four suspected militants in North Waziristan on Tuesday, "
    "officials said, ending a pause of nearly two months in the campaign.",
    "The missiles struck a compound near Miranshah, the main town of the tribal district, "
    "according to two intelligence officials who spoke on condition of anonymity.",
    "On June 4, 2010 a drone killed 12 people in the same village, residents said.",
]


def page(*, meta_date: str | None = None, byline: str | None = None) -> str:
    """A news page with navigation, ads, comments and a copyright footer around the story."""
    meta = f'<meta property="article:published_time" content="{meta_date}">' if meta_date else ""
    by = f"<p>{byline}</p>" if byline else ""
    paras = "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)
    return f"""<!DOCTYPE html><html><head>
<title>Drone strike kills four | Example News</title>{meta}
<meta name="author" content="Jane Doe"><meta property="og:site_name" content="Example News">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news</a></li>
<li><a href="/sport">Sport section</a></li></ul></nav>
<div class="advertisement ad">Buy cheap flights to Dubai now! Advertisement</div>
<article><h1>Drone strike kills four in North Waziristan</h1>{by}{paras}</article>
<div id="comments" class="comments"><h3>Comments</h3>
<p>Commenter99: This is the reader comment that must not be in the text.</p></div>
<footer>© 2011 Example News. All rights reserved.</footer>
</body></html>"""


def only(items: list[Document | Rejection]) -> Document:
    assert len(items) == 1, items
    assert isinstance(items[0], Document), items[0]
    return items[0]


# --- HTML ----------------------------------------------------------------------


def test_html_file_with_metadata_date(tmp_path: Path) -> None:
    html = page(meta_date="2012-01-11T10:00:00Z")
    path = tmp_path / "000_abc.html"
    path.write_text(html, encoding="utf-8")
    doc = only(list(read_paths([path])))
    assert doc.doc_id == "000_abc"
    assert doc.source_format == "html"
    assert doc.source_path == str(path)
    assert doc.published == dt.date(2012, 1, 11)
    assert doc.published_source == "metadata"
    assert doc.title == "Drone strike kills four | Example News" or "Drone strike" in (
        doc.title or ""
    )
    assert doc.author == "Jane Doe"
    assert doc.publisher == "Example News"
    assert doc.raw == html
    for para in ARTICLE_PARAGRAPHS:
        assert para in doc.text
    for junk in ("Sport section", "cheap flights", "Commenter99", "All rights reserved"):
        assert junk not in doc.text


def test_html_without_metadata_dated_from_url() -> None:
    doc = document_from_html(
        page(), "x", url="https://www.example.com/world/2012/01/11/drone-strike-kills-four"
    )
    assert doc.published == dt.date(2012, 1, 11)
    assert doc.published_source == "url"
    assert doc.url == "https://www.example.com/world/2012/01/11/drone-strike-kills-four"


def test_html_metadata_beats_url() -> None:
    doc = document_from_html(
        page(meta_date="2012-01-12"), "x", url="https://example.com/2012/01/11/story"
    )
    assert (doc.published, doc.published_source) == (dt.date(2012, 1, 12), "metadata")


def test_html_dated_from_byline_in_text() -> None:
    doc = document_from_html(page(byline="By Staff writer / January 11, 2012"), "x")
    assert (doc.published, doc.published_source) == (dt.date(2012, 1, 11), "byline")


def test_undated_html_gets_no_date_from_footer_or_body() -> None:
    """The "© 2011" footer and the "June 4, 2010" in the story are not publication dates."""
    doc = document_from_html(page(), "x")
    assert doc.published is None
    assert doc.published_source is None


def test_html_without_text_is_empty() -> None:
    with pytest.raises(IngestError) as err:
        document_from_html("<html><body><script>x()</script></body></html>", "x")
    assert err.value.code == "empty"


def test_unknown_suffix_sniffed_as_html(tmp_path: Path) -> None:
    path = tmp_path / "article.php"
    path.write_text(page(meta_date="2013-05-02"), encoding="utf-8")
    doc = only(list(read_paths([path])))
    assert doc.source_format == "html"
    assert doc.published == dt.date(2013, 5, 2)
    assert "<p>" not in doc.text


def test_html_declared_charset_is_used(tmp_path: Path) -> None:
    html = '<html><head><meta charset="windows-1256"></head><body><p>قتل أربعة في غارة</p></body>'
    path = tmp_path / "ar.html"
    path.write_bytes(html.encode("cp1256"))
    doc = only(list(read_paths([path])))
    assert "قتل أربعة" in doc.text
    assert doc.warnings == []


# --- plain text ----------------------------------------------------------------


def test_text_keeps_text_and_cleans_controls() -> None:
    doc = document_from_text("By Staff writer / January 11, 2012\r\nA strike\x00 hit.\x1b", "t")
    assert doc.text == "By Staff writer / January 11, 2012\nA strike hit."
    assert doc.published == dt.date(2012, 1, 11)
    assert doc.published_source == "byline"
    assert doc.warnings == ["removed 2 control or invalid characters"]
    start = doc.text.index("strike")
    assert doc.text[start : start + 6] == "strike"


def test_text_url_date_beats_byline() -> None:
    doc = document_from_text(
        "By Staff writer / January 11, 2012\nText.", "t", url="https://x.org/2012/01/12/a"
    )
    assert (doc.published, doc.published_source) == (dt.date(2012, 1, 12), "url")
    assert doc.publisher == "x.org"


def test_empty_text_raises_empty() -> None:
    with pytest.raises(IngestError) as err:
        document_from_text(" \n\t", "t")
    assert err.value.code == "empty"


@pytest.mark.parametrize(
    ("data", "warned"),
    [
        ("Peshawar – “café” … killed".encode("cp1252"), True),
        ("\ufeffPeshawar – “café” … killed".encode(), False),
        ("Peshawar – “café” … killed".encode("utf-16"), False),  # with a BOM
        ("Peshawar – “café” … killed".encode("utf-16-le"), True),  # guessed
    ],
)
def test_encodings(tmp_path: Path, data: bytes, warned: bool) -> None:
    path = tmp_path / "enc.txt"
    path.write_bytes(data)
    doc = only(list(read_paths([path])))
    assert doc.text == "Peshawar – “café” … killed"
    assert bool(doc.warnings) is warned


def test_same_file_twice_same_hash(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("A drone strike killed four.", encoding="utf-8")
    first, second = (only(list(read_paths([path]))) for _ in range(2))
    assert first.content_hash == second.content_hash


# --- JSON Lines ----------------------------------------------------------------


def test_jsonl_text_and_html_lines(tmp_path: Path) -> None:
    lines = [
        {"id": "a1", "url": "https://e.com/news/2012-09-01/s", "title": "T1", "text": "Strike."},
        {"id": 7, "published": "2013-05-02T08:00:00Z", "html": page()},
        {"text": "By Staff writer / January 11, 2012\nNo id here."},
    ]
    path = tmp_path / "batch.jsonl"
    body = "\n".join(json.dumps(x) for x in lines[:2]) + "\n{not json\n" + json.dumps(lines[2])
    path.write_text(body + "\n", encoding="utf-8")
    items = list(read_paths([path]))
    assert [type(i).__name__ for i in items] == ["Document", "Document", "Rejection", "Document"]
    a, b, bad, c = items
    assert isinstance(a, Document) and isinstance(b, Document) and isinstance(c, Document)
    assert (a.doc_id, a.title, a.published, a.published_source) == (
        "a1",
        "T1",
        dt.date(2012, 9, 1),
        "url",
    )
    assert a.source_format == "jsonl"
    assert a.source_path == f"{path}:1"
    assert (b.doc_id, b.published, b.published_source) == ("7", dt.date(2013, 5, 2), "given")
    assert b.raw is not None and "<nav>" in b.raw
    assert "Commenter99" not in b.text
    assert bad == Rejection(f"{path}:3", bad.reason, "bad_json")
    assert "\n" not in bad.reason
    assert (c.doc_id, c.published, c.published_source) == (
        "batch:4",
        dt.date(2012, 1, 11),
        "byline",
    )


def test_jsonl_bad_published_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "b.ndjson"
    path.write_text(json.dumps({"id": "x", "published": "soon", "text": "Strike."}) + "\n")
    doc = only(list(read_paths([path])))
    assert doc.published is None
    assert any("published" in w for w in doc.warnings)


def test_jsonl_listing_is_read_and_bad_values_are_warnings(tmp_path: Path) -> None:
    entry = {"event_type": "drone_strike", "country": "pk", "date": "2010-09-02", "name": "tbij-pk"}
    odd = {"event_type": "ufo", "country": "Pakistan", "date": "someday"}
    path = tmp_path / "list.jsonl"
    lines = [
        {"id": "e1", "text": "Six killed in attack on house.", "listing": entry},
        {"id": "e2", "text": "Six killed in attack on house.", "listing": odd},
        {"id": "e3", "text": "Six killed in attack on house.", "listing": "drone"},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    one, two, three = (d for d in read_paths([path]) if isinstance(d, Document))
    assert one.listing == Listing("drone_strike", "PK", dt.date(2010, 9, 2), "tbij-pk")
    assert one.warnings == []
    assert two.listing is None and len(two.warnings) == 3
    assert three.listing is None and any("listing" in w for w in three.warnings)


def test_jsonl_gz_and_overlong_line(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "big", "text": "x " * 5000}) + "\n")
        fh.write(json.dumps({"id": "small", "text": "Strike."}) + "\n")
    items = list(read_paths([path], max_bytes=1000))
    assert isinstance(items[0], Rejection) and items[0].code == "too_large"
    assert isinstance(items[1], Document) and items[1].doc_id == "small"


# --- WARC ----------------------------------------------------------------------


def write_warc(path: Path, *, gz: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    def response(url: str, body: bytes, status: str = "200 OK", ctype: str = "text/html") -> None:
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url,
            "response",
            payload=BytesIO(body),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": "2013-03-05T10:00:00Z"},
        )
        writer.write_record(record)

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        response("https://e.com/a", page(meta_date="2013-03-01").encode())
        response("https://e.com/2013/03/02/b", page().encode())
        response("https://e.com/c", page().encode("utf-16"), ctype="text/html; charset=utf-16")
        request = writer.create_warc_record(
            "https://e.com/c", "request", payload=BytesIO(b"GET /c HTTP/1.1\r\n\r\n")
        )
        writer.write_record(request)
        response("https://e.com/missing", b"<html><body>Not found</body></html>", "404 Not Found")
        response("https://e.com/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00", ctype="image/png")


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_warc(path, gz=name.endswith(".gz"))
    items = list(read_paths([path]))
    docs = [i for i in items if isinstance(i, Document)]
    rejected = [i for i in items if isinstance(i, Rejection)]
    assert [d.url for d in docs] == [
        "https://e.com/a",
        "https://e.com/2013/03/02/b",
        "https://e.com/c",
    ]
    assert [(d.published, d.published_source) for d in docs] == [
        (dt.date(2013, 3, 1), "metadata"),
        (dt.date(2013, 3, 2), "url"),
        (dt.date(2013, 3, 5), "warc_date"),
    ]
    for doc in docs:
        assert doc.source_format == "warc"
        assert doc.doc_id.startswith("urn:uuid:")
        assert ARTICLE_PARAGRAPHS[0] in doc.text
        assert doc.raw is not None and "<nav>" in doc.raw
    assert sorted(r.code for r in rejected) == ["http_status", "unsupported"]


def test_truncated_warc_keeps_records_before_the_break(tmp_path: Path) -> None:
    whole = tmp_path / "whole.warc.gz"
    write_warc(whole, gz=True)
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: int(len(data) * 0.6)])
    items = list(read_paths([cut]))
    assert any(isinstance(i, Document) for i in items)
    assert isinstance(items[-1], Rejection)


# --- files and folders ---------------------------------------------------------


def test_folder_walk_sorted_recursive_skips_hidden(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "sub/c.txt", ".hidden.txt", ".cache/d.txt", "sub/.e.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"Text of {name}.", encoding="utf-8")
    ids = [i.doc_id for i in read_paths([tmp_path]) if isinstance(i, Document)]
    assert ids == ["a", "b", "c"]
    # a hidden file named explicitly is read
    assert only(list(read_paths([tmp_path / ".hidden.txt"]))).doc_id == ".hidden"


def test_missing_path_and_fifo_are_unreadable(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    good = tmp_path / "z.txt"
    good.write_text("Still read.", encoding="utf-8")
    items = list(read_paths([tmp_path / "nope.txt", tmp_path]))
    assert items[0] == Rejection(
        str(tmp_path / "nope.txt"), "no such file or directory", "unreadable"
    )
    assert items[1] == Rejection(str(fifo), "not a regular file", "unreadable")
    assert isinstance(items[2], Document) and items[2].text == "Still read."


def test_too_large_text(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000, encoding="utf-8")
    [item] = list(read_paths([path], max_bytes=100))
    assert isinstance(item, Rejection) and item.code == "too_large"


# --- seeds ---------------------------------------------------------------------


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed articles not found")
def test_seeds() -> None:
    docs = {
        d.doc_id: d
        for d in read_paths(
            [SEEDS / "000_8f13980b5f724798.txt", SEEDS / "003_150b068aefa20aab.txt"]
        )
        if isinstance(d, Document)
    }
    first = docs["000_8f13980b5f724798"]
    assert (first.published, first.published_source) == (dt.date(2012, 1, 11), "byline")
    assert first.source_format == "text"
    assert "Skip to: Content" in first.text  # plain text is kept as it is
    assert docs["003_150b068aefa20aab"].published is None


# --- publication dates ---------------------------------------------------------

D = dt.date

BYLINES: list[tuple[str, dt.date | None]] = [
    ("By Staff writer / January 11, 2012", D(2012, 1, 11)),
    ("By Jane Doe, Associated Press, January 11, 2012", D(2012, 1, 11)),
    ("BY JANE DOE | Jan. 11, 2012", D(2012, 1, 11)),
    ("ISLAMABAD, March 3, 2013 (Reuters) - Suspected US drones fired", D(2013, 3, 3)),
    ("MIRANSHAH, Pakistan, Jan. 11, 2012 — Two missiles hit a house", D(2012, 1, 11)),
    ("Islamabad, March 3, 2013 (AFP) - Missiles", D(2013, 3, 3)),
    ("Published: 2013-05-02", D(2013, 5, 2)),
    ("Posted on 11th January 2012 at 10:00", D(2012, 1, 11)),
    ("Posted by Jane Doe on January 11, 2012", D(2012, 1, 11)),
    ("Published by the ministry on January 11, 2012", None),
    ("Wed 05 Apr 2017 10.05 BST", D(2017, 4, 5)),
    ("Wed 5 Apr 2017 10.05 BST Last modified on Thu 6 Apr 2017", D(2017, 4, 5)),
    ("Wednesday, January 11, 2012 4:05 PM ET", D(2012, 1, 11)),
    ("Updated Jan. 11, 2012 4:05 p.m.", D(2012, 1, 11)),
    ("Updated 4:05 PM ET, Wed January 11, 2012", D(2012, 1, 11)),
    ("2013-05-02T10:00:00Z", D(2013, 5, 2)),
    ("Sept. 4, 2012", D(2012, 9, 4)),
    ("Published 22/05/2013", D(2013, 5, 22)),
    # a weekly's issue line: the first day of its week
    ("January 11-17, 2013 - Vol. XXIV, No. 48", D(2013, 1, 11)),
    # publication beats update, wherever they stand
    ("Updated: January 12, 2012\nPublished: January 11, 2012", D(2012, 1, 11)),
    # must give None
    ("On June 4, 2012 a drone killed five people.", None),
    ("June 4, 2012 was the day a drone killed five people.", None),
    ("By January 11, 2012, the program had killed hundreds.", None),
    ("Updated figures released on January 11, 2012 show more deaths.", None),
    ("© 2012 Reuters. All rights reserved.", None),
    ("Copyright 2012", None),
    ("2012", None),
    ("In 2012 the strikes resumed.", None),
    ("Published 02/05/2013", None),  # day and month ambiguous
    ("Published: 2013-02-30", None),  # no such day
    ("Published: January 11, 1850", None),  # implausible year
    ("The July 10 strike killed four.", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "expected"), BYLINES)
def test_date_from_byline(text: str, expected: dt.date | None) -> None:
    assert date_from_byline(text) == expected


def test_byline_date_only_in_the_head_or_the_sign_off() -> None:
    filler = "Filler sentence about the war. " * 80
    story = "Headline\n\n" + filler + "\nPublished: 2013-05-02\n" + filler + "\n"
    assert len(story) > 2500
    assert date_from_byline(story) is None  # a date line lost in the middle of the story
    assert date_from_byline("Headline\nPublished: 2013-05-02\n" + story) == D(2013, 5, 2)
    # a sign-off line at the very end is the outlet's date stamp
    assert date_from_byline("Headline\n\n" + filler + "\n\nNov 05, 2014 - 15:21\n") == D(2014, 11, 5)
    assert date_from_byline("Headline\n\n" + filler + "\n02.03.2021\n") == D(2021, 3, 2)
    assert date_from_byline("Headline\n\n" + filler + "\nIt ended on 02.03.2021.\n") is None


@pytest.mark.parametrize(
    "opening",
    [
        "June 4, 2012 — a drone killed 12 people in the village, residents said.",
        "Tuesday, June 4, 2012 was the deadliest day of the campaign, residents said.",
        "PESHAWAR, June 4, 2012 (AP) - the same village was hit, residents said.",
        "On June 4, 2012 a drone killed 12 people in the village, residents said.",
    ],
)
def test_body_date_in_fifth_paragraph_is_ignored(opening: str) -> None:
    prose = "A paragraph of story text about drone strikes in Pakistan's tribal areas, "
    paras = [prose * 2] * 4 + [opening]
    assert date_from_byline("\n\n".join(paras)) is None
    if not opening.startswith("On"):  # the same shape opening the lede is a dateline
        assert date_from_byline("Headline\n\n" + opening) == D(2012, 6, 4)


URLS: list[tuple[str, dt.date | None]] = [
    ("https://www.example.com/world/2012/09/01/drone-strike", D(2012, 9, 1)),
    ("https://example.com/news/2012-09-01/drone-strike", D(2012, 9, 1)),
    ("https://example.com/story-20120901.html", D(2012, 9, 1)),
    ("https://www.theguardian.com/world/2012/jan/11/pakistan-drone", D(2012, 1, 11)),
    ("https://example.com/2012/9/1/story", D(2012, 9, 1)),
    # day first, as Pakistani papers write them, in the path or in the page a query names
    ("https://nation.com.pk/national/24-Jun-2012/drone-attack-kills-militants", D(2012, 6, 24)),
    ("https://dailytimes.com.pk/default.asp?page=2011%5C10%5C28%5Cstory_28-10-2011_pg1_3", D(2011, 10, 28)),
    ("https://example.com/a-13-13-2012", None),
    ("https://example.com/2012/09/", None),
    # a query parameter named for a date or time is the page's date; other parameters are not
    ("https://example.com/story?date=2012-09-01", D(2012, 9, 1)),
    ("http://hosted.ap.org/dynamic/stories/A/AS_AFGHANISTAN?SITE=AP&TEMPLATE=DEFAULT&CTIME=2012-07-11-06-12-33",
     D(2012, 7, 11)),
    ("https://example.com/story?v=2012-09-01", None),
    ("https://example.com/id/1234520120901987", None),
    ("https://example.com/2012/13/45/x", None),
    ("https://example.com/1850/01/01/x", None),
    ("http://[::1", None),
    ("not a url at all", None),
    (None, None),
]


@pytest.mark.parametrize(("url", "expected"), URLS)
def test_date_from_url(url: str | None, expected: dt.date | None) -> None:
    assert date_from_url(url) == expected


def _plausible(value: dt.date | None) -> bool:
    return value is None or 1990 <= value.year <= 2100


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_date_from_byline_never_raises(text: str) -> None:
    assert _plausible(date_from_byline(text))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=30),
            st.sampled_from(["By ", "Published: ", "ISLAMABAD, ", "Wed ", "\n", " / ", " - "]),
            st.dates().map(lambda d: d.strftime("%B %d, %Y")),
            st.dates().map(lambda d: d.isoformat()),
            st.integers(0, 99999).map(str),
        ),
        max_size=20,
    ).map("".join)
)
def test_date_from_byline_plausible_on_date_like_text(text: str) -> None:
    assert _plausible(date_from_byline(text))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.builds("https://e.com/{}".format, st.text())))
def test_date_from_url_never_raises(url: str) -> None:
    assert _plausible(date_from_url(url))


@settings(max_examples=200, deadline=None)
@given(
    st.dates(),
    st.sampled_from(
        ["/{y}/{m:02d}/{d:02d}/", "/{y}-{m:02d}-{d:02d}/", "/a-{y}{m:02d}{d:02d}.html"]
    ),
)
def test_date_from_url_finds_plausible_dates(day: dt.date, pattern: str) -> None:
    url = "https://e.com" + pattern.format(y=day.year, m=day.month, d=day.day) + "x"
    found = date_from_url(url)
    if 1990 <= day.year <= 2100:
        assert found == day
    else:
        assert found is None


def test_date_from_a_day_first_url_segment() -> None:
    assert date_from_url("https://www.rudaw.net/english/kurdistan/17082022") == D(2022, 8, 17)
    assert date_from_url("https://example.com/id/12345678") is None


def test_a_print_edition_foot_dates_the_page() -> None:
    text = ("MIRAMSHAH, Sept 15: At least 12 militants were killed in two drone attacks on Wednesday.\n\n"
            "Published in Dawn, September 16th, 2010")
    assert date_from_byline(text) == D(2010, 9, 16)
    assert date_from_byline("Text of the story.\n\nPublished in The Express Tribune, May 10th, 2013.") == D(2013, 5, 10)


def test_an_outlet_line_with_the_day_dates_the_page() -> None:
    text = ("Suspected drone attack kills up to 10 in Makeen\nBy our correspondent\n"
            "The News, Thursday, June 25, 2009\nWANA: A suspected US drone fired three missiles.")
    assert date_from_byline(text) == D(2009, 6, 25)


def test_a_wire_copyright_foot_with_its_day_dates_the_page() -> None:
    text = ("SANAA, Yemen (AP) - A suspected U.S. drone strike killed two men on Thursday.\n\n___\n\n"
            "Copyright 2014 The Associated Press. Thursday, November 6, 2014 12:47 PM EST")
    assert date_from_byline(text) == D(2014, 11, 6)
    # a copyright year alone dates nothing
    assert date_from_byline("A drone strike killed two men on Thursday.\n\nCopyright 2014 The Associated Press.") is None
    assert date_from_byline("By Kurdistan 24 | 6/6/2021\n\nERBIL - Turkish drones struck on Saturday.") == D(2021, 6, 6)


def test_an_agency_stamp_under_the_story_and_a_bracketed_date_line() -> None:
    text = ("U.S. drone attack kills 6\n\nISLAMABAD, Feb. 14 (Xinhua) -- At least six people were killed on "
            "Sunday.\n\nEditor: Lin Li\nSource: Xinhua | 2010-02-14 19:36:18\n")
    assert date_from_byline(text) == D(2010, 2, 14)
    text = "[11/March/2014]\n\nUAV strike kills militant commander in Marib\n\nMARIB, March 11 (Saba) - A commander died."
    assert date_from_byline(text) == D(2014, 3, 11)


def test_a_date_line_with_the_hour_of_its_last_update() -> None:
    nav = "Home | World | UK | England | N. Ireland | Scotland | Wales | Business | Politics | Health | Education\n"
    text = "Headline\n\n" + nav * 3 + "\n9 May 2011 Last updated at 08:15 GMT\n\nStory text follows here."
    assert date_from_byline(text) == D(2011, 5, 9)


def test_a_print_line_above_related_links_and_comments() -> None:
    filler = "A paragraph of the story that goes on for a while and names no date at all. " * 4
    text = ("Headline\n\nMIRAMSHAH, Nov 3: " + filler + "\n\nPublished in Dawn, November 4th, 2010\n\nRelated\n\n"
            "US drone strikes hit record level\n\nComments (2)\nKhalid: When will this end? Every day the same.\n"
            "Farhan: Who verifies this?\n")
    assert date_from_byline(text) == D(2010, 11, 4)


def test_a_day_first_or_month_first_page_date_settled_by_the_day_the_lead_names() -> None:
    text = ("FRANCE 24 | Middle East\n\nUS drone strike kills militia commander in Baghdad\n\n"
            "Issued on: 04/01/2024 - 17:48\n\nBaghdad (AFP) - A drone strike in eastern Baghdad killed one of its "
            "commanders on Thursday, Iraqi security sources said.")
    # 4 January 2024 was a Thursday, 1 April 2024 a Monday
    assert date_from_byline(text) == dt.date(2024, 1, 4)
    # without a day named, the page's date stays unread
    assert date_from_byline("Issued on: 04/01/2024\n\nNothing happened.") is None
