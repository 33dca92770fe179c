"""Every gold file keeps to the contract: JSON, keys, types, texts that exist, weekdays that agree."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

GOLD = Path(__file__).parent / "gold"
SATP = Path(__file__).resolve().parents[2] / "shared" / "data" / "satp"


def test_every_gold_file_is_valid(capsys: pytest.CaptureFixture[str]) -> None:
    if not SATP.is_dir():
        pytest.skip("../shared/data/satp is absent: the SATP items are referenced there, never copied")
    spec = importlib.util.spec_from_file_location("check_gold", GOLD / "check_gold.py")
    assert spec is not None and spec.loader is not None
    check = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(check)
    files = sorted(GOLD.glob("*.jsonl"))
    assert len(files) >= 2
    status = check.main([str(f) for f in files])
    assert status == 0, capsys.readouterr().out
