"""Presenter benchmark: how long a slide change takes on the server and how many bytes it sends.

Starts the real app, opens the default story in the presentation theme in Debian's Chromium,
waits for the first slide's map, then clicks "Next" through every slide. For each change it reads
the Streamlit websocket: server time = from the browser's rerun request to the server's
"script finished" frame; bytes = every server frame of that run. Targets: < 200 ms and < 100 KB
per change once the first slide has loaded.

`run()` returns a dict for bench/run.py; `python bench/story_bench.py` prints it as JSON.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import Page, sync_playwright

import settings
from bench.harness import (
    MAP_PATH_SELECTOR,
    WsLog,
    chromium_launch_options,
    is_local_url,
    start_app,
)
from queries.stories import SlideAddress, load_stories, slide_url

ROOT = Path(__file__).resolve().parents[1]
TARGET_MS = 200.0
TARGET_BYTES = 100_000
STEP_TIMEOUT_S = 60.0
MAP_MIN_PATHS = 3000
VIEWPORT = {"width": 1920, "height": 1080}


def _wait_finished(page: Page, log: WsLog, before: int, timeout_s: float = STEP_TIMEOUT_S) -> None:
    """Wait until a script run finished after `before` runs and none is pending."""
    deadline = time.monotonic() + timeout_s
    while not log.idle_after(before):
        if time.monotonic() > deadline:
            raise TimeoutError(f"no script run finished within {timeout_s:.0f} s")
        page.wait_for_timeout(10)


def _wait_map(page: Page, timeout_s: float = STEP_TIMEOUT_S) -> None:
    page.wait_for_function(
        "([sel, n]) => document.querySelectorAll(sel).length >= n",
        arg=[MAP_PATH_SELECTOR, MAP_MIN_PATHS],
        timeout=timeout_s * 1000,
    )


def _server_ms(log: WsLog, since_sent: int, since_received: int) -> float | None:
    asks = [t for t, _, kind in log.sent[since_sent:] if kind == "rerun_script"]
    ends = [t for t, _, kind in log.received[since_received:] if kind == "script_finished"]
    if not asks or not ends:
        return None
    return (ends[-1] - asks[0]) * 1000


def run(db: Path | None = None, story_id: str = "default") -> dict:
    """Click through a story in the browser; return per-change server time and bytes."""
    db = Path(db) if db else settings.db_path()
    stories, problems = load_stories()
    if story_id not in stories:
        raise ValueError(f"no story {story_id!r}; problems: {problems}")
    titles = [slide.title for slide in stories[story_id].slides]
    path = slide_url(SlideAddress(story_id, 1, True)).lstrip("/")
    external: list[str] = []
    changes: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        server = start_app(
            ROOT / "app.py", env={"ATLAS_DB": str(db)}, log_path=Path(tmp) / "story_app.log"
        )
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(**chromium_launch_options())
                page = browser.new_page(viewport=VIEWPORT)
                log = WsLog()
                page.on(
                    "websocket",
                    lambda ws: (
                        ws.on("framereceived", log.on_received),
                        ws.on("framesent", log.on_sent),
                    ),
                )
                page.on(
                    "request",
                    lambda req: None if is_local_url(req.url) else external.append(req.url),
                )
                started = time.perf_counter()
                page.goto(server.url + path)
                _wait_finished(page, log, 0)
                _wait_map(page)
                first_ms = (time.perf_counter() - started) * 1000
                first_bytes = log.bytes_received_since(0)
                # A presenter pauses on a slide; the next slide's caches warm in that pause.
                page.wait_for_timeout(500)
                for number in range(2, len(titles) + 1):
                    before = log.finished_runs()
                    sent_i, recv_i = len(log.sent), len(log.received)
                    clicked = time.perf_counter()
                    page.get_by_role("button", name="Next →").click()
                    _wait_finished(page, log, before)
                    page.get_by_role("heading", name=titles[number - 1]).wait_for(
                        timeout=STEP_TIMEOUT_S * 1000
                    )
                    visible_ms = (time.perf_counter() - clicked) * 1000
                    changes.append(
                        {
                            "slide": number,
                            "server_ms": _server_ms(log, sent_i, recv_i),
                            "bytes": log.bytes_received_since(recv_i),
                            "visible_ms": visible_ms,
                        }
                    )
                    page.wait_for_timeout(500)
                browser.close()
        finally:
            server.stop()
    server_ms = [c["server_ms"] for c in changes if c["server_ms"] is not None]
    sizes = [c["bytes"] for c in changes]
    return {
        "story": story_id,
        "slides": len(titles),
        "first_slide_ms": round(first_ms),
        "first_slide_bytes": first_bytes,
        "slide_change_server_ms": round(statistics.median(server_ms), 1) if server_ms else None,
        "slide_change_server_ms_max": round(max(server_ms), 1) if server_ms else None,
        "slide_change_bytes": int(statistics.median(sizes)) if sizes else None,
        "slide_change_bytes_max": max(sizes) if sizes else None,
        "slide_change_visible_ms": round(statistics.median(c["visible_ms"] for c in changes), 1)
        if changes
        else None,
        "targets": {"server_ms": TARGET_MS, "bytes": TARGET_BYTES},
        "meets_targets": bool(server_ms)
        and max(server_ms) < TARGET_MS
        and max(sizes) < TARGET_BYTES,
        "external_requests": external,
        "per_slide": [
            {k: (round(v, 1) if isinstance(v, float) else v) for k, v in c.items()} for c in changes
        ],
    }


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
