"""Golden files: the full extraction output of a few documents, field for field.

A change to any component that alters these outputs shows up here as a diff
to review. Refresh after a reviewed change with:

    STRIKEWATCH_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from strikewatch.extract import extract_document
from strikewatch.ingest import document_from_text

ROOT = Path(__file__).resolve().parent
GOLDEN = ROOT / "golden"
INPUTS = [
    ROOT.parent / "src" / "strikewatch" / "data" / "samples" / "000_8f13980b5f724798.txt",
    ROOT.parent / "src" / "strikewatch" / "data" / "samples" / "003_150b068aefa20aab.txt",
    *sorted((ROOT / "gold" / "texts").glob("written-00[1-6].txt")),
    *sorted((ROOT / "gold" / "texts").glob("fakes-19654*.txt"))[:3],
]


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.stem)
def test_golden(path: Path) -> None:
    doc = document_from_text(path.read_text(encoding="utf-8"), path.stem)
    got = extract_document(doc).to_json()
    target = GOLDEN / f"{path.stem}.json"
    if os.environ.get("STRIKEWATCH_UPDATE_GOLDEN") or not target.exists():
        target.write_text(json.dumps(got, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert got == json.loads(target.read_text(encoding="utf-8"))
