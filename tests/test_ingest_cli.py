"""``strikewatch ingest`` and ``strikewatch events``: the real CLI on real files.

Faults and the kill-and-resume test run the installed command in a
subprocess (an exit code, stderr, a SIGKILL are what a user meets); the rest
use click's CliRunner.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import kill_cli_midway
from hostile import write_hostile_corpus
from strikewatch.cli import main
from test_store import SEEDS, check_consistent, dump, needs_seeds, write_strike_corpus


def run(args: list[str]) -> subprocess.CompletedProcess[str]:
    """The real command in a child process."""
    code = "import sys; from strikewatch.cli import main; sys.exit(main())"
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=300
    )


def one_line_error(result: subprocess.CompletedProcess[str], code: str) -> str:
    """The run failed with exit 2 and one line on stderr naming ``code``; that line."""
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert lines[0].startswith(f"error [{code}]: "), lines[0]
    return lines[0]


# --- help and registration -----------------------------------------------------------


@pytest.mark.parametrize("args", [["ingest"], ["events"], ["events", "list"], ["events", "show"]])
def test_every_command_has_help(args: list[str]) -> None:
    result = CliRunner().invoke(main, [*args, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output and len(result.output.splitlines()) > 3


def test_cli_import_does_not_load_the_database_layer() -> None:
    code = "import sys, strikewatch.cli; print(sorted(m for m in sys.modules if m.startswith(('sqlalchemy', 'strikewatch.store'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --- ingest -----------------------------------------------------------------------------


@needs_seeds
def test_ingest_seeds_twice_same_rows_and_content(tmp_path: Path) -> None:
    db = str(tmp_path / "strikes.db")
    runner = CliRunner()
    first = runner.invoke(main, ["ingest", str(SEEDS), "--db", db])
    assert first.exit_code == 0, first.output
    assert "ingested        2" in first.output and "new events" in first.output
    once = dump(Path(db))
    second = runner.invoke(main, ["ingest", str(SEEDS), "--db", db, "--json"])
    assert second.exit_code == 0, second.output
    summary = json.loads(second.output)
    assert summary["ingested"] == 0 and summary["duplicates"] == 2
    assert summary["new_events"] == summary["updated_events"] == 0
    assert dump(Path(db)) == once
    check_consistent(Path(db))


def test_no_progress_bar_when_stdout_is_not_a_terminal(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    write_strike_corpus(corpus, strikes=5)
    result = run(["ingest", str(corpus), "--db", str(tmp_path / "x.db")])
    assert result.returncode == 0, result.stderr
    assert "\r" not in result.stdout and "docs/s" not in result.stdout
    assert result.stdout.startswith("ingested")


def test_hostile_corpus_through_ingest(tmp_path: Path) -> None:
    root = tmp_path / "hostile"
    expected = write_hostile_corpus(root)
    db = tmp_path / "hostile.db"
    result = CliRunner().invoke(main, ["ingest", str(root), "--db", str(db), "--batch-size", "4"])
    assert result.exit_code == 0, result.output
    out = result.output
    # per-document reasons in the summary, with the codes counted
    for key, outcome in expected.items():
        if outcome.startswith("rejected:"):
            code = outcome.removeprefix("rejected:")
            assert f"  [{code}] {root / key}: " in out, key
    rejected = sum(v.startswith("rejected") for v in expected.values())
    assert f"rejected        {rejected}" in out
    assert "  binary" in out and "  too_large" in out and "  bad_json" in out
    # nothing lost: every readable document is stored, or is the same text as one that is
    again = CliRunner().invoke(main, ["ingest", str(root), "--db", str(db), "--json"])
    summary = json.loads(again.output)
    ok = sum(v == "ok" for v in expected.values())
    assert summary["ingested"] == 0 and summary["duplicates"] == ok
    assert summary["rejected"] == rejected
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM rejections").fetchone()[0] == rejected
    assert {r[0] for r in con.execute("SELECT attempts FROM rejections")} == {2}
    con.close()
    check_consistent(db)


# --- kill and resume ------------------------------------------------------------------------


def test_kill_midway_and_rerun_gives_exactly_the_uninterrupted_result(tmp_path: Path) -> None:
    corpus = tmp_path / "strikes.jsonl"
    total = write_strike_corpus(corpus, strikes=300, seed=11)
    assert total > 500
    reference = tmp_path / "reference.db"
    done = run(["ingest", str(corpus), "--db", str(reference)])
    assert done.returncode == 0, done.stderr

    db = tmp_path / "killed.db"
    args = ["ingest", str(corpus), "--db", str(db), "--batch-size", "10"]
    kill_cli_midway(args, lambda: _count(db))
    killed_at = _count(db)
    assert 100 <= killed_at < total and killed_at % 10 == 0  # whole batches, then nothing
    check_consistent(db)

    resumed = run([*args, "--json"])
    assert resumed.returncode == 0, resumed.stderr
    summary = json.loads(resumed.stdout)
    assert summary["duplicates"] == killed_at
    assert summary["ingested"] == total - killed_at
    check_consistent(db)
    assert dump(db) == dump(reference)


def test_ingest_mentions_from_shards_builds_the_local_database(tmp_path: Path) -> None:
    corpus = tmp_path / "strikes.jsonl"
    write_strike_corpus(corpus, strikes=40, seed=5)
    reference = tmp_path / "local.db"
    assert run(["ingest", str(corpus), "--db", str(reference)]).returncode == 0
    shards = tmp_path / "shards"
    made = run(["extract", str(corpus), "--out", str(shards), "--keep-dropped"])
    assert made.returncode == 0, made.stderr
    db = tmp_path / "from-shards.db"
    first = run(["ingest", "--mentions", str(shards), "--db", str(db), "--json"])
    assert first.returncode == 0, first.stderr
    summary = json.loads(first.stdout)
    assert summary["ingested"] > 0 and summary["new_events"] > 0
    check_consistent(db)
    assert dump(db) == dump(reference)
    again = run(["ingest", "--mentions", str(shards), "--db", str(db), "--json"])
    assert json.loads(again.stdout)["ingested"] == 0
    assert dump(db) == dump(reference)


def test_ingest_needs_paths_or_shards(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["ingest", "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2 and "--mentions" in result.output


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(con.execute("SELECT count(*) FROM documents").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:  # not created yet, or mid-migration
        return 0


# --- faults: one clear line, exit code 2 ---------------------------------------------------


#: Root ignores file permissions; without these two capabilities it obeys them.
DROP_OVERRIDE = [
    "setpriv",
    "--inh-caps=-dac_override,-dac_read_search",
    "--bounding-set=-dac_override,-dac_read_search",
]


def run_obeying_permissions(args: list[str]) -> subprocess.CompletedProcess[str]:
    """The command as a user whom file permissions bind (root without its override)."""
    if os.geteuid() != 0:
        return run(args)
    if shutil.which("setpriv") is None:
        pytest.skip("running as root and setpriv is missing: permissions cannot bind")
    code = "import sys; from strikewatch.cli import main; sys.exit(main())"
    return subprocess.run(
        [*DROP_OVERRIDE, sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


posix_only = pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions")


@posix_only
def test_read_only_database_file(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    write_strike_corpus(corpus, strikes=5)
    db = tmp_path / "strikes.db"
    assert run(["ingest", str(corpus), "--db", str(db)]).returncode == 0
    db.chmod(0o444)
    more = tmp_path / "more.jsonl"
    write_strike_corpus(more, strikes=5, seed=99)
    result = run_obeying_permissions(["ingest", str(more), "--db", str(db)])
    line = one_line_error(result, "db_readonly")
    assert "read-only" in line and "--db" in line
    # reading a read-only file still works, even with its folder read-only too
    tmp_path.chmod(0o555)
    try:
        listed = run_obeying_permissions(["events", "list", "--db", str(db)])
    finally:
        tmp_path.chmod(0o755)
    assert listed.returncode == 0, listed.stderr
    assert "drone_strike" in listed.stdout


@posix_only
def test_read_only_folder(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    write_strike_corpus(corpus, strikes=3)
    folder = tmp_path / "locked-folder"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        result = run_obeying_permissions(
            ["ingest", str(corpus), "--db", str(folder / "strikes.db")]
        )
    finally:
        folder.chmod(0o755)
    line = one_line_error(result, "db_readonly")
    assert "read-only" in line
    assert not (folder / "strikes.db").exists()


def test_full_disk(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    total = write_strike_corpus(corpus, strikes=120)
    db = tmp_path / "strikes.db"
    result = run(
        ["ingest", str(corpus), "--db", str(db), "--max-pages", "60", "--batch-size", "10"]
    )
    line = one_line_error(result, "db_full")
    assert "free some space" in line
    kept = _count(db)
    assert kept < total
    check_consistent(db)
    resumed = run(["ingest", str(corpus), "--db", str(db), "--json"])
    assert resumed.returncode == 0, resumed.stderr
    assert json.loads(resumed.stdout)["ingested"] == total - kept


def test_locked_database(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    write_strike_corpus(corpus, strikes=3)
    db = tmp_path / "strikes.db"
    assert run(["ingest", str(corpus), "--db", str(db)]).returncode == 0
    more = tmp_path / "more.jsonl"
    write_strike_corpus(more, strikes=3, seed=5)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = run(["ingest", str(more), "--db", str(db), "--busy-timeout", "0.3"])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    line = one_line_error(result, "db_locked")
    assert "locked by another process" in line and "--busy-timeout" in line
    check_consistent(db)


def test_not_a_database(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("shopping list\n" * 500)
    corpus = tmp_path / "c.jsonl"
    write_strike_corpus(corpus, strikes=2)
    one_line_error(run(["ingest", str(corpus), "--db", str(bogus)]), "db_corrupt")
    one_line_error(run(["events", "list", "--db", str(tmp_path / "none.db")]), "db_missing")


# --- events list / show ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def events_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("events")
    corpus = root / "c.jsonl"
    write_strike_corpus(corpus, strikes=60, seed=2)
    db = root / "strikes.db"
    result = CliRunner().invoke(main, ["ingest", str(corpus), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


def test_events_list(events_db: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["events", "list", "--db", str(events_db), "--limit", "5"])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert lines[0].split() == ["id", "date", "type", "country", "place", "killed", "reports"]
    assert len(lines) == 6
    # an undated event shows the last day it can have been ("by 2012-01-11")
    dates = [re.search(r"\d{4}-\d\d-\d\d|undated", line).group() for line in lines[1:]]  # type: ignore[union-attr]
    dated = [d for d in dates if d != "undated"]
    assert dated == sorted(dated, reverse=True)
    none = runner.invoke(main, ["events", "list", "--db", str(events_db), "--country", "ye"])
    assert none.exit_code == 0 and none.output.strip() == "no events in ye"
    pk = runner.invoke(main, ["events", "list", "--db", str(events_db), "--country", "pk",
                              "--limit", "0", "--json"])  # fmt: skip
    rows = [json.loads(line) for line in pk.output.splitlines()]
    con = sqlite3.connect(events_db)
    assert len(rows) == con.execute("SELECT count(*) FROM events").fetchone()[0]
    con.close()


def test_events_show_explains_the_event(events_db: Path) -> None:
    con = sqlite3.connect(events_db)
    event_id, count = con.execute(
        "SELECT id, mention_count FROM events WHERE killed_min < killed_max "
        "ORDER BY mention_count DESC, id LIMIT 1"
    ).fetchone()
    con.close()
    result = CliRunner().invoke(main, ["events", "show", str(event_id), "--db", str(events_db)])
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith(f"event {event_id}: drone strike")
    assert "figures (min of the minimums, max of the maximums):" in out
    assert "    min " in out and "    max " in out and "from https://" in out
    assert out.count("  mention ") == count
    assert "started the event" in out and "joined, score" in out
    assert "same date" in out  # a resolver reason
    assert "\u201c" in out  # the sentence, quoted
    as_json = CliRunner().invoke(
        main, ["events", "show", str(event_id), "--db", str(events_db), "--json"]
    )
    detail = json.loads(as_json.output)
    assert len(detail["mentions"]) == count
    assert detail["bounds"]["killed"]["min"] == detail["event"]["killed_min"]


def test_events_show_unknown_id(events_db: Path) -> None:
    result = run(["events", "show", "999999", "--db", str(events_db)])
    line = one_line_error(result, "not_found")
    assert "events list" in line
