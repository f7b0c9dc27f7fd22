"""A warm start (python -m ui.serve): the first visitor's landing page, the national map of any
other measure and the Hubs page's small maps are served from the entries the launcher cached, and
starting warm logs no warning or error."""

from __future__ import annotations

import csv
import re
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import Browser

from bench.harness import WsLog, start_app

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts" / "e2e"
WARMED = "Warm start, Hubs small maps:"  # the last step
WAIT_S = 180.0
# What the landing page (the Atlas, whole country, no URL parameters) reads from the caches.
LANDING_CACHES = ("states", "measures", "county_values", "headline", "atlas_map")
# Filled once per measure: the national view of each.
PER_MEASURE = ("county_values", "headline", "atlas_map")
LOOKUP = re.compile(
    r'cache_lookups_total\{cache="ui\.cache\.(\w+)",[^}]*result="(hit|miss)"\} (\d+)'
)


def group_metros() -> list[dict[str, str]]:
    """The metros of the Hubs page's groups (data/metro_groups.csv)."""
    with (ROOT / "data" / "metro_groups.csv").open(newline="") as f:
        return list(csv.DictReader(f))


def cache_lookups(base_url: str) -> dict[tuple[str, str], int]:
    """Hits and misses per cached function of ui.cache, from Streamlit's metrics endpoint."""
    url = base_url + "_stcore/metrics?families=cache_lookups"
    with urllib.request.urlopen(url, timeout=10) as resp:  # noqa: S310 (localhost only)
        text = resp.read().decode()
    return {(name, result): int(count) for name, result, count in LOOKUP.findall(text)}


def wait_for_log(log_path: Path, text: str) -> str:
    """The server's log once it contains `text` (fails with the log after WAIT_S)."""
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        log = log_path.read_text(errors="replace")
        if text in log:
            return log
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared in the server log:\n{log[-3000:]}")


def test_first_visitor_gets_the_landing_page_from_the_warmed_caches(
    e2e_db: Path, browser: Browser
) -> None:
    log_path = ARTIFACTS / "warm_start_server.log"
    server = start_app(ROOT / "app.py", env={"ATLAS_DB": str(e2e_db)}, log_path=log_path)
    try:
        wait_for_log(log_path, WARMED)
        before = cache_lookups(server.url)
        assert before.get(("states", "miss")) == 1 and before.get(("measures", "miss")) == 1
        measures = before[("county_values", "miss")]
        assert measures > 40, before  # every measure of the catalogue
        assert all(before.get((name, "miss")) == measures for name in PER_MEASURE), before
        small_maps = before[("metro_map", "miss")]
        metros = len(group_metros())
        # Every measure the Hubs page maps, each for every metro in the groups.
        assert small_maps >= 2 * metros and small_maps % metros == 0, before

        context = browser.new_context()
        try:
            page = context.new_page()
            ws = WsLog()
            page.on("websocket", lambda sock: sock.on("framereceived", ws.on_received))
            # The landing page, a link to another measure's national map, the Hubs page with its
            # default measure and with another.
            for path in ("", "?atlas_metric=tech_share", "hubs", "hubs?hubs_metric=tech_jobs"):
                runs = ws.finished_runs()
                page.goto(server.url + path, wait_until="domcontentloaded")
                deadline = time.monotonic() + WAIT_S
                while ws.finished_runs() <= runs and time.monotonic() < deadline:
                    page.wait_for_timeout(50)
                assert ws.finished_runs() > runs, f"/{path}: the script run never finished"
                assert page.locator("[data-testid='stException']").count() == 0
        finally:
            context.close()

        after = cache_lookups(server.url)
        for name in LANDING_CACHES:
            assert after[(name, "miss")] == before[(name, "miss")], f"{name} was computed again"
        assert after[("atlas_map", "hit")] > before[("atlas_map", "hit")]
        assert after[("metro_map", "miss")] == small_maps, "a Hubs small map was built again"
        assert after[("metro_map", "hit")] >= before.get(("metro_map", "hit"), 0) + 2 * metros
    finally:
        server.stop()
    problems = [
        line
        for line in log_path.read_text(errors="replace").splitlines()
        if re.search(r"\b(WARNING|ERROR|CRITICAL)\b|Traceback|skipped", line)
    ]
    assert not problems, "\n".join(problems)
