"""A corpus of hostile inputs for ingest, written on demand into a folder.

PRODUCT.md's reliability bar: empty, binary, 50 MB, broken HTML, wrong
encodings and absurd numbers must ingest with a clear per-document error, no
crash, and nothing lost. The corpus is generated (not checked in) so the
50 MB file costs no repository space; it is written sparsely, so it costs
almost no disk either.
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path

#: Size of the oversized file: over the default 20 MB limit of read_paths.
HUGE_BYTES = 50 * 1024 * 1024

#: Text every hostile file that should be read contains, so a test can check
#: that a good neighbour was really read and not merely counted.
ARTICLE = (
    "PESHAWAR, Pakistan, Jan. 11, 2012 — A US drone strike killed four suspected "
    "militants in North Waziristan on Tuesday, officials said. The missiles hit a "
    "compound near Miranshah, the main town of the tribal district."
)


def outcome_key(source: str, root: Path) -> str:
    """The corpus key for a Document's ``source_path`` or a Rejection's ``source``.

    Files are keyed by their path relative to ``root``; JSON lines keep their
    ``:<line>`` suffix; WARC record suffixes (``#...``) are dropped.
    """
    rel = source.removeprefix(str(root)).lstrip("/")
    return rel.split("#", 1)[0]


def write_hostile_corpus(dir: Path) -> dict[str, str]:
    """Write the hostile corpus into ``dir``; return key -> expected outcome.

    An outcome is ``"ok"`` (one Document) or ``"rejected:<code>"``. Keys are
    paths relative to ``dir``, and ``<file>:<line>`` for JSON lines. Hidden
    files and a symlink loop are written too and must yield nothing.
    """
    dir.mkdir(parents=True, exist_ok=True)
    expected: dict[str, str] = {}

    def put(name: str, data: bytes, outcome: str) -> None:
        (dir / name).parent.mkdir(parents=True, exist_ok=True)
        (dir / name).write_bytes(data)
        expected[name] = outcome

    put("empty.txt", b"", "rejected:empty")
    put("whitespace.txt", b"  \n\t \r\n   \n", "rejected:empty")
    put("empty.html", b"", "rejected:empty")
    put(
        "binary.bin",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8,
        "rejected:binary",
    )
    put(
        "report.pdf",
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nstream\n\x00\x01\x02",
        "rejected:binary",
    )
    put("controls.txt", bytes(range(1, 9)) * 50, "rejected:binary")
    put(
        "cp1252.txt",
        ("“Peshawar” – café … " + ARTICLE + " Officials’ figures: 4–6 killed.").encode("cp1252"),
        "ok",
    )
    put(
        "latin1-declared.html",
        (
            '<html><head><meta charset="iso-8859-1"><title>Frappe de drone</title></head>'
            f"<body><article><p>Frappe près de Miranshah, été 2012. {ARTICLE.replace('—', '-')}</p>"
            "</article>"
            "</body></html>"
        ).encode("latin-1"),
        "ok",
    )
    put("utf16-bom.txt", codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"), "ok")
    put("utf16-be-bom.txt", codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), "ok")
    put("utf8-bom.txt", codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), "ok")
    put("truncated.html", b"<html><body><p>US drone strike killed four in Mir", "ok")
    put(
        "script-only.html",
        b"<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>",
        "rejected:empty",
    )
    put(
        "xss-rtl.html",
        (
            "<html><head><title>Strike \u202etxet desrever\u202c</title>"
            "<script>document.write('INJECTED')</script></head><body><article>"
            f"<p>{ARTICLE}</p>"
            '<p>Residents said <img src="x" onerror="alert(\'INJECTED\')">the dead were '
            "\u202eseetugafer\u202c and one was a \u2066child\u2069.</p>"
            "<script>alert('INJECTED')</script>"
            "<p>The &lt;script&gt;alert(1)&lt;/script&gt; text is only text here.</p>"
            "</article></body></html>"
        ).encode(),
        "ok",
    )
    put(
        "absurd.txt",
        b"By Staff writer / May 5, 2013\n\n10,000,000 killed in a drone strike.\n",
        "ok",
    )
    put("control-chars.txt", f"{ARTICLE}\x07 end.\x1b[31m red\x7f\r\nnext\x0cpage".encode(), "ok")
    put("no-suffix", ARTICLE.encode(), "ok")
    put("page.dat", f"<!DOCTYPE html><html><body><p>{ARTICLE}</p></body></html>".encode(), "ok")
    put("nested/deeper/good.txt", ARTICLE.encode(), "ok")

    lines = [
        json.dumps({"id": "good-1", "url": "https://example.com/2012/01/11/a", "text": ARTICLE}),
        '{"id": "broken", "text": "unterminated',
        "[1, 2, 3]",
        json.dumps({"id": "no-body", "title": "only a title"}),
        "",
        json.dumps({"id": "good-2", "html": f"<html><body><p>{ARTICLE}</p></body></html>"}),
        json.dumps({"text": "lone surrogate \ud800 then " + ARTICLE}),
        json.dumps({"id": "empty-text", "text": "   "}),
        "\x00\x01 not json",
    ]
    (dir / "mixed.jsonl").write_bytes(("\n".join(lines) + "\n").encode("utf-8", "surrogatepass"))
    expected.update(
        {
            "mixed.jsonl:1": "ok",
            "mixed.jsonl:2": "rejected:bad_json",
            "mixed.jsonl:3": "rejected:bad_json",
            "mixed.jsonl:4": "rejected:bad_json",
            "mixed.jsonl:6": "ok",
            "mixed.jsonl:7": "ok",
            "mixed.jsonl:8": "rejected:empty",
            "mixed.jsonl:9": "rejected:binary",
        }
    )
    put("not-an-archive.warc", b"this is not a WARC file\n" * 10, "rejected:bad_warc")

    # 50 MB, sparse: a little text at each end and a hole in between.
    with (dir / "huge.txt").open("wb") as fh:
        fh.write(ARTICLE.encode())
        fh.seek(HUGE_BYTES - 1)
        fh.write(b"\n")
    expected["huge.txt"] = "rejected:too_large"

    # Must yield nothing: hidden entries are skipped, the loop is walked once.
    (dir / ".hidden.txt").write_bytes(ARTICLE.encode())
    (dir / ".git").mkdir(exist_ok=True)
    (dir / ".git" / "HEAD").write_bytes(b"ref: refs/heads/main\n")
    loop = dir / "nested" / "loop"
    if not loop.exists():
        loop.symlink_to(dir, target_is_directory=True)
    return expected
