"""Screenshot every slide of a story in the presentation theme, at projector and laptop sizes.

    .venv/bin/python scripts/story_screens.py [--story default] [--port 8594]

Starts the app on the given port (offline: Debian's Chromium with no outside networking), opens
each slide by its own link, waits for the map to be drawn, and writes PNGs to
artifacts/screens/story/<story>_<width>x<height>_slide<N>.png. Requests that would leave the
machine are listed at the end; there should be none.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

from bench.harness import (
    MAP_PATH_SELECTOR,
    AppServer,
    chromium_launch_options,
    is_local_url,
    wait_healthy,
)
from queries.stories import SlideAddress, load_stories, slide_url

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "artifacts" / "screens" / "story"
SIZES = ((1920, 1080), (1280, 720))
MAP_MIN_PATHS = 3000


def start(port: int, log_path: Path) -> AppServer:
    """`streamlit run app.py` on a fixed port, without the file watcher."""
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
        "--server.port", str(port), "--server.address", "127.0.0.1",
        "--server.headless", "true", "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    log = log_path.open("wb")
    process = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    log.close()
    server = AppServer(process=process, port=port, log_path=log_path)
    wait_healthy(server, 120)
    return server


def main() -> int:
    """Take the screenshots; return 1 if a slide failed to draw or a request left the machine."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--story", default="default")
    parser.add_argument("--port", type=int, default=8594)
    args = parser.parse_args()
    story = load_stories()[0][args.story]
    OUT.mkdir(parents=True, exist_ok=True)
    external: list[str] = []
    failures: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        server = start(args.port, Path(tmp) / "app.log")
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(**chromium_launch_options())
                for width, height in SIZES:
                    page = browser.new_page(viewport={"width": width, "height": height})
                    page.on(
                        "request",
                        lambda r: None if is_local_url(r.url) else external.append(r.url),
                    )
                    for number in range(1, len(story.slides) + 1):
                        link = slide_url(SlideAddress(story.story_id, number, True)).lstrip("/")
                        page.goto(server.url + link)
                        try:
                            title = story.slides[number - 1].title
                            page.get_by_role("heading", name=title).wait_for(timeout=60_000)
                            page.wait_for_function(
                                "([s, n]) => document.querySelectorAll(s).length >= n",
                                arg=[MAP_PATH_SELECTOR, MAP_MIN_PATHS],
                                timeout=60_000,
                            )
                        except PlaywrightTimeout as err:
                            failures.append(f"slide {number} at {width}x{height}: {err}")
                        page.wait_for_timeout(800)
                        name = f"{story.story_id}_{width}x{height}_slide{number}.png"
                        page.screenshot(path=str(OUT / name))
                    page.close()
                browser.close()
        finally:
            server.stop()
    print(f"screenshots in {OUT}")
    for failure in failures:
        print("FAILED", failure)
    for url in external:
        print("EXTERNAL REQUEST", url)
    return 1 if failures or external else 0


if __name__ == "__main__":
    sys.exit(main())
