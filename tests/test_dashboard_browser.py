"""The dashboard in real headless Chromium (Playwright, Debian's /usr/bin/chromium).

A real ``strikewatch serve`` process over a database built by ``strikewatch demo``
(the bundled samples) plus the hostile article. Every network request the
browser makes is recorded and must go to the app's own origin; no script
from article text may run. Screenshots of each page, desktop and phone, are
saved under ``test-output/screenshots/``.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from test_api_data import write_corpus
from test_api_server import start_server, stop_server

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "test-output" / "screenshots"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed at /usr/bin/chromium (apt-get install chromium)"),
]

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``strikewatch demo --no-serve`` (no reference lists), then the hostile article on top."""
    folder = tmp_path_factory.mktemp("browser")
    db = folder / "demo.db"
    res = subprocess.run(
        [sys.executable, "-m", "strikewatch", "demo", "--db", str(db), "--no-serve", "--no-references"],
        capture_output=True, text=True, cwd=ROOT, timeout=600,
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    assert "seed strike 2012-01-10, North Waziristan" in res.stdout
    corpus = write_corpus(folder / "corpus")
    res = subprocess.run(
        [sys.executable, "-m", "strikewatch", "ingest", str(corpus / "reports.jsonl"), "--db", str(db)],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    return db


@pytest.fixture(scope="module")
def base(demo_db: Path) -> Iterator[str]:
    proc, url = start_server(demo_db)
    try:
        yield url
    finally:
        stop_server(proc)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield b
        finally:
            b.close()


class Watch:
    """A page with every request, console error, dialog and page error recorded."""

    def __init__(self, browser: Any, base: str, viewport: dict[str, int]) -> None:
        self.context = browser.new_context(viewport=viewport)
        self.page = self.context.new_page()
        self.base = base
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def goto(self, path: str) -> Any:
        self.page.goto(self.base + path)
        self.page.wait_for_load_state("networkidle")
        return self.page

    def check(self) -> None:
        foreign = [u for u in self.requests if not (u.startswith(self.base + "/") or u.startswith("data:"))]
        assert foreign == [], f"requests outside the app: {foreign}"
        assert self.dialogs == [], f"a script from article text ran: {self.dialogs}"
        assert self.page.evaluate("typeof window.__xss") == "undefined"
        assert self.errors == [], f"console errors (CSP violations?): {self.errors}"

    def close(self) -> None:
        self.context.close()


DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_map_filters_table_and_event_page(browser: Any, base: str) -> None:
    w = Watch(browser, base, DESKTOP)
    try:
        page = w.goto("/")
        # the map: country outlines and event points
        assert page.locator("svg.map path.country").count() >= 4
        points = page.locator("svg.map a.pt")
        assert points.count() > 20
        assert page.locator("svg.timeline .bars rect").count() > 10
        assert page.locator("svg.timeline rect.pause").count() >= 1
        # the seed strike is on the map and in the timeline (January 2012 has a bar)
        assert page.locator("svg.timeline .bars rect[data-month='2012-01']").count() == 1
        seed_href = _seed_href(page)
        assert page.locator(f"svg.map a.pt[href='{seed_href}']").count() == 1
        shot(page, "dashboard-desktop")
        rows_before = page.locator("table.events tbody tr").count()
        countries_before = set(page.locator("table.events tbody td[data-label='Country']").all_inner_texts())
        assert len(countries_before) > 1

        # filter by country: the URL carries it, the rows change
        page.select_option("#f-country", "PK")
        page.click("button[type=submit]")
        page.wait_for_load_state("networkidle")
        assert re.search(r"[?&]country=PK(&|$)", page.url), page.url
        assert "district=" not in page.url  # empty fields are not sent
        countries = set(page.locator("table.events tbody td[data-label='Country']").all_inner_texts())
        assert countries == {"PK"}
        assert page.locator("table.events tbody tr").count() <= rows_before
        assert page.locator("#f-country").input_value() == "PK"
        shot(page, "dashboard-pakistan-desktop")

        # sort by killed, descending, from the column heading: a link, in the URL
        page.click("thead a:has-text('Killed')")
        page.wait_for_load_state("networkidle")
        assert "sort=-killed_max" in page.url and "country=PK" in page.url

        # open the seed strike from its map point
        page.goto(base + "/?country=PK")
        page.locator(f"svg.map a.pt[href='{seed_href}']").dispatch_event("click")
        page.wait_for_url(f"**{seed_href}")
        page.wait_for_load_state("networkidle")
        assert "Drone strike" in page.locator("h1").inner_text()
        marks = page.locator(".article mark.hl-sentence")
        assert marks.count() >= 1
        sentence = "".join(marks.all_inner_texts())
        assert "North Waziristan" in sentence and "killed four suspected terrorists" in sentence
        assert page.locator("[data-testid=range-killed]").inner_text().strip() == "4"
        assert page.locator("mark.hl-sentence").first.is_visible()
        shot(page, "event-seed-desktop")
        w.check()
    finally:
        w.close()


def _seed_href(page: Any) -> str:
    link = page.locator("table.events a", has_text="2012-01-10")
    if link.count() == 0:  # not on the first page: ask for that day
        page.goto(page.url.split("?")[0] + "?date_from=2012-01-10&date_to=2012-01-10")
        link = page.locator("table.events a", has_text="2012-01-10")
    href = str(link.first.get_attribute("href"))
    page.goto(page.url.split("?")[0])
    return href


def test_no_script_from_article_text_runs(browser: Any, base: str) -> None:
    w = Watch(browser, base, DESKTOP)
    try:
        page = w.goto("/?q=slaiciffo")
        rows = page.locator("table.events tbody a")
        assert rows.count() == 1
        rows.first.click()
        page.wait_for_load_state("networkidle")
        text = page.locator(".article").first.inner_text()
        assert "<script>window.__xss=1;alert(1)</script>" in text
        assert "<img src=x onerror=" in text
        assert page.locator(".article script, .article img, .article a").count() == 0
        assert page.locator("a[href^='javascript']").count() == 0
        shot(page, "event-hostile-desktop")
        doc_link = page.locator("a", has_text="full text and every mention").first
        doc_link.click()
        page.wait_for_load_state("networkidle")
        assert "<script>" in page.locator(".article").inner_text()
        shot(page, "document-hostile-desktop")
        w.check()
    finally:
        w.close()


def test_keyboard_reaches_filters_table_and_points(browser: Any, base: str) -> None:
    w = Watch(browser, base, DESKTOP)
    try:
        page = w.goto("/")
        page.keyboard.press("Tab")  # the skip link first
        assert page.evaluate("document.activeElement.textContent") == "Skip to content"
        tags = set()
        for _ in range(40):
            page.keyboard.press("Tab")
            tags.add(page.evaluate("document.activeElement.tagName + ':' + (document.activeElement.getAttribute('class') || '')"))
        assert any(t.startswith("SELECT") for t in tags) and any(t.startswith("BUTTON") for t in tags)
        # a focused map point is a link, shown with an outline and described in words
        page.locator("svg.map a.pt").first.focus()
        assert page.locator("#map-info").inner_text().endswith("(select to open)")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r".*/events/\d+$"))
        w.check()
    finally:
        w.close()


@pytest.mark.parametrize("path", ["/", "/about", "/api/v1/docs"])
def test_phone_screen(browser: Any, base: str, path: str) -> None:
    w = Watch(browser, base, PHONE)
    try:
        page = w.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{path} scrolls sideways on a phone ({width}px)"
        name = {"/": "dashboard", "/about": "about", "/api/v1/docs": "api-docs"}[path]
        if path == "/api/v1/docs":
            page.wait_for_selector(".swagger-ui .opblock", timeout=15000)
        shot(page, f"{name}-phone")
        w.check()
    finally:
        w.close()


def test_phone_event_page(browser: Any, base: str) -> None:
    w = Watch(browser, base, PHONE)
    try:
        page = w.goto("/?date_from=2012-01-10&date_to=2012-01-10&country=PK")
        page.locator("table.events tbody a").first.click()
        page.wait_for_load_state("networkidle")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"the event page scrolls sideways on a phone ({width}px)"
        assert page.locator(".article mark.hl-sentence").count() >= 1
        shot(page, "event-seed-phone")
        w.check()
    finally:
        w.close()


def test_api_docs_desktop(browser: Any, base: str) -> None:
    w = Watch(browser, base, DESKTOP)
    try:
        page = w.goto("/api/v1/docs")
        page.wait_for_selector(".swagger-ui .opblock", timeout=15000)
        assert page.locator(".opblock-summary-path", has_text="/api/v1/events").count() >= 1
        shot(page, "api-docs-desktop")
        w.check()
    finally:
        w.close()
