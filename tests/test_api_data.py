"""The small databases the API, dashboard and hostile-input tests share (built with the real ingest).

``build_db(folder)`` ingests the two seed articles, a few synthetic strike
reports (several outlets per strike, so events merge) and one hostile article
whose title, text and url carry script, event-handler, ``javascript:`` and
right-to-left-override payloads inside a real strike report.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "src" / "strikewatch" / "data" / "samples"
SEED_FILES = ("000_8f13980b5f724798.txt", "003_150b068aefa20aab.txt")

SCRIPT = "<script>window.__xss=1;alert(1)</script>"
IMG = '<img src=x onerror="window.__xss=2;alert(2)">'
JS_URL = "javascript:window.__xss=3;alert(3)"
RLO = "\u202e"
HOSTILE_TITLE = f"{SCRIPT} Drone strike {IMG} {RLO}kcatta"
HOSTILE_TEXT = (
    f"{HOSTILE_TITLE}\n\n"
    f"PESHAWAR, Pakistan — A US drone strike killed five suspected militants {SCRIPT} in Mir Ali, "
    f"North Waziristan on Tuesday {IMG}, officials said {RLO}dias slaiciffo.\n\n"
    f'Click <a href="{JS_URL}">here</a> for more. "\'; DROP TABLE events; --'
)

#: several outlets per strike, so events merge across reports
REPORTS = [
    ("r1", "2012-06-05", "https://www.dawn.example/2012/06/05/a", "Dawn",
     "A US drone strike killed at least 10 suspected militants in Datta Khel, North Waziristan "
     "on Monday, officials said. The missiles hit a compound of the Haqqani network."),
    ("r2", "2012-06-05", "https://www.reuters.example/2012/06/05/b", "Reuters",
     "U.S. drones fired four missiles at a compound in Datta Khel in North Waziristan on Monday, "
     "killing 12 people, Pakistani intelligence officials said."),
    ("r3", "2013-03-21", "https://www.bbc.example/2013/03/21/c", "BBC",
     "A drone strike killed three people in Wana, South Waziristan on Wednesday, local "
     "officials said. The US did not comment on the strike."),
    ("r4", "2011-09-30", "https://www.aljazeera.example/2011/09/30/d", "Al Jazeera",
     "A US drone strike killed Anwar al-Awlaki and two other al-Qaeda members in Marib "
     "province, Yemen on Friday, officials said."),
]


def write_corpus(folder: Path) -> Path:
    """The corpus as files: the seeds, the reports and the hostile article as JSON Lines."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in SEED_FILES:
        (folder / name).write_text((SAMPLES / name).read_text(encoding="utf-8"), encoding="utf-8")
    lines = [
        {"id": rid, "published": day, "url": url, "publisher": outlet, "title": text[:60], "text": text}
        for rid, day, url, outlet, text in REPORTS
    ]
    lines.append(
        {
            "id": "hostile-1",
            "published": "2012-02-09",
            "url": JS_URL,
            "publisher": f"{SCRIPT} Evil Times",
            "title": HOSTILE_TITLE,
            "text": HOSTILE_TEXT,
        }
    )
    (folder / "reports.jsonl").write_text(
        "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8"
    )
    return folder


def build_db(folder: Path) -> Path:
    """Ingest the corpus into ``folder/strikes.db`` with the real pipeline."""
    from strikewatch.store import ingest_paths, open_store

    corpus = write_corpus(folder / "corpus")
    db = folder / "strikes.db"
    with open_store(db) as store:
        summary = ingest_paths(store, [corpus])
    assert summary.rejected == 0, summary.rejections
    return db


def test_corpus_builds(tmp_path: Path) -> None:
    db = build_db(tmp_path)
    from strikewatch.store import list_events, open_store

    with open_store(db, write=False) as store:
        events = list_events(store, limit=None)
        counts = store.counts()
    assert counts["documents"] == 2 + len(REPORTS) + 1
    assert any(str(e["date"]) == "2012-01-10" and e["district"] == "North Waziristan" for e in events)
    # the hostile article is a real strike report: it makes an event of its own
    assert any(e["place"] == "Mir Ali" or (e["district"] == "North Waziristan" and str(e["date"]) == "2012-02-07") for e in events)


@pytest.fixture(scope="session")
def api_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_db(tmp_path_factory.mktemp("apidb"))
