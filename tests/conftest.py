"""Shared fixtures: where the shared data lives, and the CLI as a real subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

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


@pytest.fixture
def shared() -> Path:
    if not SHARED.exists():
        pytest.skip(f"shared data not found at {SHARED} (set STRIKEWATCH_SHARED)")
    return SHARED
