"""Shared fixtures: where the shared data lives, and the CLI as a real subprocess."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from strikewatch.resolve import Claim

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("STRIKEWATCH_SHARED", ROOT.parent / "shared"))
SAMPLES = ROOT / "src" / "strikewatch" / "data" / "samples"


def run_cli(*args: str, cwd: Path | None = None, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run ``strikewatch`` as users do: a separate process, real files."""
    return subprocess.run(
        [sys.executable, "-m", "strikewatch", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        timeout=timeout,
    )


def kill_cli_midway(args: list[str], stored: Callable[[], int], at: int = 100) -> None:
    """Run ``strikewatch ARGS`` in a subprocess and SIGKILL it once ``stored()`` reaches ``at``."""
    code = "import sys; from strikewatch.cli import main; sys.exit(main())"
    child = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and child.poll() is None:
            if stored() >= at:
                break
            time.sleep(0.005)
        assert child.poll() is None, "the run ended before it could be killed"
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL


@pytest.fixture
def shared() -> Path:
    if not SHARED.exists():
        pytest.skip(f"shared data not found at {SHARED} (set STRIKEWATCH_SHARED)")
    return SHARED


_claim_ids = itertools.count()


def make_claim(**kw: Any) -> Claim:
    """A resolver claim with a fresh document unless ``doc_id`` is given, in Pakistan by default."""
    doc = kw.pop("doc_id", None) or f"doc{next(_claim_ids)}"
    index = kw.pop("index", 0)
    kw.setdefault("published", kw.get("date") or dt.date(2012, 1, 10))
    kw.setdefault("country", "PK")
    return Claim(key=f"{doc}#{index}", doc_id=doc, index=index, **kw)
