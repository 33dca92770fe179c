"""`strikewatch extract` and `strikewatch eval` as users run them: a process, real files."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import SAMPLES, run_cli
from hostile import write_hostile_corpus


def _objects(stdout: str) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_seed_003_acceptance() -> None:
    """The issue's acceptance: Thursday strike, June aggregate, no Karachi drone strike."""
    res = run_cli("extract", str(SAMPLES / "003_150b068aefa20aab.txt"))
    assert res.returncode == 0, res.stderr
    (doc,) = _objects(res.stdout)
    drones = [e for e in doc["events"] if e["type"] == "drone_strike"]
    thursday = [e for e in drones if not e["aggregate"]]
    june = [e for e in drones if e["aggregate"]]
    assert len(thursday) == 1 and len(june) == 1
    t = thursday[0]
    assert (t["killed_min"], t["killed_max"], t["perpetrator"], t["country"]) == (4, None, "US", "PK")
    assert t["date"] is None and t["date_value"] == "--07-10" and t["date_precision"] == "partial_day"
    j = june[0]
    assert j["killed_max"] == 19 and j["killed_min"] is None
    assert "Haqqani network" in j["groups"] and "Haji Gul" in j["named"]
    assert not any("Karachi" in (e["district"] or "") for e in drones)
    # every field it states is traced to the text
    text = (SAMPLES / "003_150b068aefa20aab.txt").read_text(encoding="utf-8")
    for field in ("killed_min", "perpetrator", "date"):
        name = "killed" if field == "killed_min" else field
        ev = t["evidence"][name]
        for start, end, quoted in ev["spans"]:
            assert text[start:end] == quoted


def test_explain_names_components() -> None:
    res = run_cli("extract", "--explain", str(SAMPLES / "000_8f13980b5f724798.txt"))
    (doc,) = _objects(res.stdout)
    components = {t["component"] for t in doc["trace"]}
    assert {"events.v1", "dates.v1", "casualties.v1", "actors.v1"} <= components


def test_pretty_is_indented_json() -> None:
    res = run_cli("extract", "--pretty", str(SAMPLES / "000_8f13980b5f724798.txt"))
    assert res.stdout.startswith("{\n  ")
    assert json.loads(res.stdout)["published"] == "2012-01-11"


def test_hostile_corpus_reported_and_run_goes_on(tmp_path: Path) -> None:
    expected = write_hostile_corpus(tmp_path)
    res = run_cli("extract", str(tmp_path), timeout=600)
    assert res.returncode == 0, res.stderr[-2000:]
    out = _objects(res.stdout)
    rejected = [o for o in out if "rejected" in o]
    assert rejected, "bad documents must be reported"
    for o in rejected:
        assert o["code"] and o["rejected"] and "\n" not in o["rejected"]
    summary = res.stderr.strip().splitlines()[-1]
    assert summary.startswith("summary:") and "rejected" in summary
    n_rejected = sum(1 for v in expected.values() if v.startswith("rejected"))
    assert f"rejected {len(rejected)}" in summary and len(rejected) >= n_rejected
    # absurd numbers never become casualty figures
    for o in out:
        for e in o.get("events", []):
            assert (e["killed_max"] or 0) < 10_000_000


def test_eval_seeds_json(shared: Path) -> None:
    res = run_cli("eval", str(shared / "gold" / "seeds.jsonl"), "--json")
    assert res.returncode == 0, res.stderr
    got = json.loads(res.stdout)
    for key in ("precision", "recall", "f1", "date_acc", "district_acc", "killed_min_acc",
                "killed_max_acc", "perpetrator_acc", "distractor_rate", "documents",
                "gold_events", "predicted_events"):
        assert key in got
    assert got["f1"] == 1.0 and got["distractor_rate"] == 0


def test_eval_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    res = run_cli("eval", str(tmp_path / "nope.jsonl"))
    assert res.returncode == 2
    assert "does not exist" in res.stderr and "Traceback" not in res.stderr


def test_every_command_has_help() -> None:
    res = run_cli("--help")
    commands = [line.split()[0] for line in res.stdout.split("Commands:")[1].splitlines() if line.strip()]
    for name in commands:
        sub = run_cli(name, "--help")
        assert sub.returncode == 0 and "Usage:" in sub.stdout
