"""The hostile corpus: a clear outcome per input, no crash, nothing lost, bounded memory."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from hostile import ARTICLE, HUGE_BYTES, outcome_key, write_hostile_corpus
from strikewatch.ingest import read_paths
from strikewatch.model import Document, Rejection

KNOWN_CODES = {"empty", "binary", "too_large", "bad_json", "bad_html", "bad_warc", "unreadable"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    root = tmp_path_factory.mktemp("hostile")
    return root, write_hostile_corpus(root)


@pytest.fixture(scope="module")
def outcomes(corpus: tuple[Path, dict[str, str]]) -> list[Document | Rejection]:
    root, _ = corpus
    return list(read_paths([root]))


def _key(item: Document | Rejection, root: Path) -> str:
    source = item.source_path if isinstance(item, Document) else item.source
    assert source is not None
    return outcome_key(source, root)


def test_every_input_has_its_expected_outcome(
    corpus: tuple[Path, dict[str, str]], outcomes: list[Document | Rejection]
) -> None:
    root, expected = corpus
    got: dict[str, str] = {}
    for item in outcomes:
        key = _key(item, root)
        assert key not in got, f"{key} read twice"
        got[key] = "ok" if isinstance(item, Document) else f"rejected:{item.code}"
    assert got == expected


def test_rejections_are_one_clear_line(outcomes: list[Document | Rejection]) -> None:
    for item in outcomes:
        if isinstance(item, Rejection):
            assert item.code in KNOWN_CODES
            assert item.reason and "\n" not in item.reason and len(item.reason) <= 300


def test_good_neighbours_are_read_in_full(
    corpus: tuple[Path, dict[str, str]], outcomes: list[Document | Rejection]
) -> None:
    root, expected = corpus
    docs = {_key(i, root): i for i in outcomes if isinstance(i, Document)}
    assert set(docs) == {k for k, v in expected.items() if v == "ok"}
    for key in ("utf16-bom.txt", "utf16-be-bom.txt", "utf8-bom.txt", "no-suffix"):
        assert docs[key].text == ARTICLE, key
    assert "North Waziristan" in docs["nested/deeper/good.txt"].text
    assert not any(".hidden" in k or ".git" in k or "loop" in k for k in docs)


def test_wrong_encodings_are_decoded_and_counted(
    corpus: tuple[Path, dict[str, str]], outcomes: list[Document | Rejection]
) -> None:
    root, _ = corpus
    docs = {_key(i, root): i for i in outcomes if isinstance(i, Document)}
    cp1252 = docs["cp1252.txt"]
    assert cp1252.text.startswith("“Peshawar” – café …")
    assert any("cp1252" in w for w in cp1252.warnings)
    latin1 = docs["latin1-declared.html"]
    assert "Frappe près de Miranshah, été 2012" in latin1.text


def test_broken_html_keeps_its_text(
    corpus: tuple[Path, dict[str, str]], outcomes: list[Document | Rejection]
) -> None:
    root, _ = corpus
    docs = {_key(i, root): i for i in outcomes if isinstance(i, Document)}
    assert docs["truncated.html"].text == "US drone strike killed four in Mir"


def test_script_and_bidi_never_reach_the_text(
    corpus: tuple[Path, dict[str, str]], outcomes: list[Document | Rejection]
) -> None:
    root, _ = corpus
    docs = {_key(i, root): i for i in outcomes if isinstance(i, Document)}
    doc = docs["xss-rtl.html"]
    assert "INJECTED" not in doc.text and "onerror" not in doc.text
    for field in (doc.text, doc.title or ""):
        assert not any(
            ch in field for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
        )
    assert "seetugafer" in doc.text and "child" in doc.text
    assert any("bidirectional" in w for w in doc.warnings)
    assert doc.raw is not None and "\u202e" in doc.raw  # the raw form is kept as it came
    # escaped markup in the article is text, for the dashboard to escape in turn
    assert "<script>alert(1)</script>" in doc.text


def test_control_characters_are_stripped(
    corpus: tuple[Path, dict[str, str]], outcomes: list[Document | Rejection]
) -> None:
    root, _ = corpus
    docs = {_key(i, root): i for i in outcomes if isinstance(i, Document)}
    text = docs["control-chars.txt"].text
    assert text.endswith(" end.[31m red\nnext\npage")
    assert not any(ord(ch) < 32 and ch not in "\n\t" for ch in text)
    surrogate = docs["mixed.jsonl:7"].text
    surrogate.encode("utf-8")  # no lone surrogate left


def test_absurd_numbers_are_ingested_not_judged(
    corpus: tuple[Path, dict[str, str]], outcomes: list[Document | Rejection]
) -> None:
    root, _ = corpus
    docs = {_key(i, root): i for i in outcomes if isinstance(i, Document)}
    assert "10,000,000 killed in a drone strike." in docs["absurd.txt"].text


def test_huge_file_is_rejected_without_reading_it(corpus: tuple[Path, dict[str, str]]) -> None:
    root, _ = corpus
    huge = root / "huge.txt"
    assert huge.stat().st_size == HUGE_BYTES
    import trafilatura  # noqa: F401  (its import would otherwise count as ingest memory)

    tracemalloc.start()
    try:
        items = list(read_paths([huge, root / "nested" / "deeper"]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [type(i).__name__ for i in items] == ["Rejection", "Document"]
    assert isinstance(items[0], Rejection) and items[0].code == "too_large"
    assert peak < 5 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"


def test_whole_corpus_memory_stays_small(corpus: tuple[Path, dict[str, str]]) -> None:
    root, _ = corpus
    import trafilatura  # noqa: F401

    list(read_paths([root]))  # warm caches (regexes, lxml, htmldate)
    tracemalloc.start()
    try:
        count = sum(1 for _ in read_paths([root]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count > 20
    assert peak < 10 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"


def test_reading_twice_gives_the_same_documents(corpus: tuple[Path, dict[str, str]]) -> None:
    root, _ = corpus

    def hashes() -> list[tuple[str, str]]:
        return [(d.doc_id, d.content_hash) for d in read_paths([root]) if isinstance(d, Document)]

    assert hashes() == hashes()
