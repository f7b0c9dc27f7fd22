"""Presenter benchmark: how long a slide change takes on the server and how many bytes it sends.

Two measurements of the default story in the presentation theme, on the real database:

- in the browser (Debian's Chromium against `streamlit run app.py`): open slide 1, wait for its
  map, then click "Next" to the end and "Previous" back. Per change: bytes = every server frame
  of that run on the Streamlit websocket; round trip = from the browser's rerun request to the
  server's "script finished" frame; visible = from the click until the new slide's title is in
  the page (timed in the page).
  Chromium draws the map on the same 2 CPUs, so the round trip also holds browser time.
- on the server alone (AppTest running app.py, the same script and caches, no browser): the
  script-run time of each change. This is `slide_change_server_ms`.

Targets once the first slide has loaded: < 200 ms server time and < 100 KB per change.
`run()` returns a dict for bench/run.py; `python bench/story_bench.py` prints it as JSON.
"""

from __future__ import annotations

import json
import os
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
PAUSE_MS = 500  # a presenter talks over each slide; the browser finishes drawing meanwhile


# Timed inside the page: press the slide button as a presenter's click does, and resolve when
# the new slide's title is in the document (Playwright's own click waits and polls add time).
CLICK_UNTIL_TITLE_JS = """
([key, title]) => new Promise((resolve) => {
  const start = performance.now();
  const done = () => {
    const h = document.querySelector("h1");
    if (h && h.innerText.trim() === title) {
      observer.disconnect();
      resolve(performance.now() - start);
    }
  };
  const observer = new MutationObserver(done);
  observer.observe(document.body, {subtree: true, childList: true, characterData: true});
  document.querySelector(".st-key-" + key + " button").click();
})
"""


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


def _roundtrip_ms(log: WsLog, since_sent: int, since_received: int) -> float | None:
    asks = [t for t, _, kind in log.sent[since_sent:] if kind == "rerun_script"]
    ends = [t for t, _, kind in log.received[since_received:] if kind == "script_finished"]
    if not asks or not ends:
        return None
    return (ends[-1] - asks[0]) * 1000


def _route(count: int) -> list[tuple[str, int]]:
    """Next through every slide, then Previous back to the first: (button label, slide)."""
    forward = [("Next →", n) for n in range(2, count + 1)]
    back = [("← Previous", n) for n in range(count - 1, 0, -1)]
    return forward + back


def browser_pass(db: Path, story_id: str, titles: list[str]) -> dict:
    """Click through the story in Chromium; bytes, round trip and visible time per change."""
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
                # The slide link is the first request the fresh server sees, as for a presenter.
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
                page.wait_for_timeout(PAUSE_MS)
                for label, number in _route(len(titles)):
                    before = log.finished_runs()
                    sent_i, recv_i = len(log.sent), len(log.received)
                    key = "story_next" if label.startswith("Next") else "story_prev"
                    visible_ms = page.evaluate(CLICK_UNTIL_TITLE_JS, [key, titles[number - 1]])
                    _wait_finished(page, log, before)
                    changes.append(
                        {
                            "slide": number,
                            "roundtrip_ms": _roundtrip_ms(log, sent_i, recv_i),
                            "bytes": log.bytes_received_since(recv_i),
                            "visible_ms": visible_ms,
                        }
                    )
                    _wait_map(page)
                    page.wait_for_timeout(PAUSE_MS)
                browser.close()
        finally:
            server.stop()
    return {
        "first_ms": first_ms,
        "first_bytes": first_bytes,
        "changes": changes,
        "external": external,
    }


def server_pass(db: Path, story_id: str, count: int) -> list[float]:
    """Script-run time of each change, with app.py and the Story page run by AppTest."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    old = os.environ.get(settings.DB_ENV)
    os.environ[settings.DB_ENV] = str(db)
    st.cache_data.clear()
    st.cache_resource.clear()
    try:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=STEP_TIMEOUT_S * 4)
        at.switch_page("pages/story.py")
        at.query_params.update({"story": story_id, "slide": "1", "present": "1"})
        at.run()
        if at.exception:
            raise RuntimeError(f"the Story page failed: {at.exception[0].message}")
        times: list[float] = []
        for label, _ in _route(count):
            key = "story_next" if label.startswith("Next") else "story_prev"
            started = time.perf_counter()
            at.button(key=key).click().run()
            times.append((time.perf_counter() - started) * 1000)
        return times
    finally:
        if old is None:
            os.environ.pop(settings.DB_ENV, None)
        else:
            os.environ[settings.DB_ENV] = old
        st.cache_data.clear()
        st.cache_resource.clear()


def _median(values: list[float]) -> float | None:
    return round(statistics.median(values), 1) if values else None


def run(db: Path | None = None, story_id: str = "default") -> dict:
    """Measure slide changes of a story; the keys bench/run.py reads come first."""
    db = Path(db) if db else settings.db_path()
    stories, problems = load_stories()
    if story_id not in stories:
        raise ValueError(f"no story {story_id!r}; problems: {problems}")
    titles = [slide.title for slide in stories[story_id].slides]
    server_ms = server_pass(db, story_id, len(titles))
    browser = browser_pass(db, story_id, titles)
    changes = browser["changes"]
    sizes = [c["bytes"] for c in changes]
    trips = [c["roundtrip_ms"] for c in changes if c["roundtrip_ms"] is not None]
    return {
        "slide_change_server_ms": _median(server_ms),
        "slide_change_bytes": int(statistics.median(sizes)) if sizes else None,
        "slide_change_server_ms_max": round(max(server_ms), 1) if server_ms else None,
        "slide_change_bytes_max": max(sizes) if sizes else None,
        "slide_change_roundtrip_ms": _median(trips),
        "slide_change_roundtrip_ms_max": round(max(trips), 1) if trips else None,
        "slide_change_visible_ms": _median([c["visible_ms"] for c in changes]),
        "first_slide_ms": round(browser["first_ms"]),
        "first_slide_bytes": browser["first_bytes"],
        "story": story_id,
        "slides": len(titles),
        "changes": len(changes),
        "targets": {"server_ms": TARGET_MS, "bytes": TARGET_BYTES},
        "meets_targets": bool(server_ms and sizes)
        and max(server_ms) < TARGET_MS
        and max(sizes) < TARGET_BYTES,
        "external_requests": sorted(set(browser["external"])),
        "per_change": [
            {
                k: (round(v, 1) if isinstance(v, float) else v)
                for k, v in {**c, "server_ms": ms}.items()
            }
            for c, ms in zip(changes, server_ms, strict=False)
        ],
    }


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
