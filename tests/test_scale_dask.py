"""strikewatch extract --engine dask on a real LocalCluster: 2 worker processes.

The mentions equal those of the local path, document for document; a worker
killed (SIGKILL) in the middle of a run changes nothing; a client killed in
the middle leaves shards that a re-run keeps, writing only the missing ones.

Marked ``dask`` (deselect with ``-m "not dask"``), run by default.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, SHARED
from strikewatch.scale import schema
from strikewatch.scale.partition import plan
from strikewatch.scale.runner import run
from test_scale import (
    assert_same,
    build_corpus,
    expected_from_local,
    gold_texts,
    local_items,
    satp_lines,
    shard_output,
    write_jsonl,
    write_warc,
)

distributed = pytest.importorskip("distributed")

pytestmark = pytest.mark.dask


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """A real LocalCluster: 2 worker processes (behind nannies), one thread each."""
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
        silence_logs=40,
    )
    c = distributed.Client(cluster)
    try:
        yield c
    finally:
        c.close()
        cluster.close()


def test_same_mentions_as_local_gold_texts(tmp_path: Path, client: Any) -> None:
    inputs = build_corpus(tmp_path / "in", satp=0)
    out = tmp_path / "out"
    summary = run([str(p) for p in inputs], str(out), engine="dask", client=client,
                  split_bytes=40_000)
    assert summary.ok and summary.workers == 2 and summary.written == summary.partitions > 2
    assert_same(shard_output(out), expected_from_local(inputs))
    assert summary.totals.rejections > 0 and summary.totals.mentions > 20


def test_same_mentions_as_local_satp_stream(tmp_path: Path, client: Any) -> None:
    if not satp_lines(1):
        pytest.skip(f"SATP part skipped: shared data not found at {SHARED} "
                    "(set STRIKEWATCH_SHARED); the gold-text part still runs")
    inputs = build_corpus(tmp_path / "in", satp=300)
    out = tmp_path / "out"
    summary = run([str(p) for p in inputs], str(out), engine="dask", client=client,
                  split_bytes=25_000)
    assert summary.ok
    assert summary.totals.documents > 300
    assert summary.totals.dropped > 0  # most of a news stream is not about strikes
    assert_same(shard_output(out), expected_from_local(inputs))


def _many_partitions(root: Path) -> list[Path]:
    """Enough partitions that a worker dies while tasks run: about a hundred."""
    root.mkdir(parents=True)
    texts = gold_texts()[:100]
    write_warc(root / "a.warc.gz", texts * 2)
    lines = satp_lines(200) or [t for _, t in texts]
    write_jsonl(root / "b.jsonl", lines)
    return [root / "a.warc.gz", root / "b.jsonl"]


def test_worker_killed_mid_run_changes_nothing(tmp_path: Path, client: Any) -> None:
    inputs = _many_partitions(tmp_path / "in")
    split = 6_000
    parts = plan([str(p) for p in inputs], split_bytes=split)
    assert len(parts) > 40
    out = tmp_path / "out"
    killed: dict[str, Any] = {}

    def kill_one_worker() -> None:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            done = len(list(out.glob("*.parquet"))) if out.exists() else 0
            if done >= 3:
                pids = client.run(os.getpid)  # {worker address: pid}, processes we started
                address, pid = sorted(pids.items())[0]
                os.kill(pid, signal.SIGKILL)
                killed.update(address=address, pid=pid, done_before=done)
                return
            time.sleep(0.02)

    killer = threading.Thread(target=kill_one_worker, daemon=True)
    killer.start()
    summary = run([str(p) for p in inputs], str(out), engine="dask", client=client,
                  split_bytes=split)
    killer.join(timeout=5)
    assert killed, "no worker was killed"
    assert killed["done_before"] < len(parts), "the run ended before the kill"
    # results held by the dead worker are lost: those tasks run again and find their shard
    # written (summary.recovered); the shards are the same either way
    assert summary.ok and summary.written == len(parts), summary
    assert summary.totals.documents == sum(1 for _ in local_items(inputs)) - \
        summary.totals.rejections
    assert_same(shard_output(out), expected_from_local(inputs))
    # the nanny started a new worker process in place of the one killed
    client.wait_for_workers(2, timeout=60)
    assert killed["pid"] not in client.run(os.getpid).values()


def test_client_killed_then_rerun_writes_only_missing_shards(tmp_path: Path) -> None:
    inputs = [str(p) for p in _many_partitions(tmp_path / "in")]
    out = tmp_path / "out"
    total = len(plan(inputs, split_bytes=6_000))
    cmd = [sys.executable, "-m", "strikewatch", "extract", "--engine", "dask", "--workers", "2",
           "--split-size", "6000", "--out", str(out), *inputs]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)  # its own group: the client and its cluster
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and proc.poll() is None:
            if out.exists() and len(list(out.glob("*.parquet"))) >= 5:
                break
            time.sleep(0.02)
        assert proc.poll() is None, proc.communicate()[1].decode()[-2000:]
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the client, the scheduler and the workers
        proc.wait(timeout=30)
    _wait_group_gone(proc.pid)
    before = {p.name: p.stat().st_mtime_ns for p in out.glob("*.parquet")}
    assert 5 <= len(before) < total
    res = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr[-3000:]
    assert f"{len(before)} skipped as already done" in res.stderr, res.stderr[-600:]
    assert "dashboard: http" in res.stderr
    assert f"{total - len(before)}/{total - len(before)} partitions" in res.stderr
    after = {p.name: p.stat().st_mtime_ns for p in out.glob("*.parquet")}
    assert {n: after[n] for n in before} == before  # finished shards untouched
    assert len(after) == total and set(schema.list_shards(out)) == {
        str(out) + "/" + n for n in after
    }
    assert not list(out.glob(".*tmp-*"))
    assert_same(shard_output(out), expected_from_local([Path(p) for p in inputs]))


def _wait_group_gone(pgid: int, timeout: float = 30) -> None:
    """Wait until no live process (zombies aside) is left in process group ``pgid``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        alive = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == pgid and fields[0] != "Z":
                alive.append(stat.parent.name)
        if not alive:
            return
        time.sleep(0.05)
    raise AssertionError(f"processes of group {pgid} still running")
