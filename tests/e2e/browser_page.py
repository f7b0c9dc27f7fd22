"""A Playwright page on the Atlas, with the waits and widget moves the browser tests share.

Waiting is done on what the app itself reports: the Streamlit websocket says when a script run has
finished, and the DOM says when the map's county paths are drawn. No fixed sleeps.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import Download, Locator, Page

from bench.harness import MAP_PATH_SELECTOR, WsLog, is_base_path_probe, is_local_url

# A loaded 2-core machine shared with other work: generous, but a hang still fails.
RUN_TIMEOUT_MS = 90_000
MAP_MIN_PATHS = 3000
STATE_VIEW = {"min_paths": 50, "max_paths": 1000}  # one state's counties and outlines
PLACE_URL = re.compile(r"/place\?(.*&)?place_fips=\d{5}")


def squash(text: str) -> str:
    """Text without any whitespace, for comparing with wrapped SVG text."""
    return re.sub(r"\s+", "", text)


@dataclass
class BrowserPage:
    """One browser tab on the app, recording console errors, requests and websocket frames."""

    page: Page
    base_url: str
    artifacts: Path
    ws: WsLog = field(default_factory=WsLog)
    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def attach(self) -> BrowserPage:
        """Start recording; call once, before the first navigation."""
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda exc: self.console_errors.append(f"pageerror: {exc}"))
        self.page.on("request", lambda req: self.requests.append(req.url))
        self.page.on("websocket", self._on_websocket)
        self.page.set_default_timeout(RUN_TIMEOUT_MS)
        return self

    def _on_console(self, msg) -> None:
        url = msg.location.get("url", "")
        if msg.type == "error" and not is_base_path_probe(url):
            self.console_errors.append(f"console: {msg.text} @ {url}")

    def _on_websocket(self, ws) -> None:
        ws.on("framereceived", self.ws.on_received)
        ws.on("framesent", self.ws.on_sent)

    # -- what a user does -------------------------------------------------------------------

    def open(self, path: str = "", wait_map: bool = True) -> None:
        """Navigate to `path` (relative to the app, may carry ?query) and wait for the first run."""
        before = self.ws.finished_runs()
        self.page.goto(self.base_url + path.lstrip("/"), wait_until="domcontentloaded")
        self.wait_for_run(before)
        if wait_map:
            self.wait_for_map()

    def wait_for_run(self, before: int) -> None:
        """Wait until the server reports a script run finished after `before` runs, then settle."""
        deadline = time.monotonic() + RUN_TIMEOUT_MS / 1000
        while not self.ws.idle_after(before):
            if time.monotonic() > deadline:
                raise AssertionError(f"no script run finished within {RUN_TIMEOUT_MS / 1000:.0f} s")
            # Lets Playwright deliver websocket events; returns as soon as the frame lands.
            self.page.wait_for_timeout(50)

    def wait_for_map(
        self, min_paths: int = MAP_MIN_PATHS, max_paths: int | None = None, within: str = ""
    ) -> None:
        """Wait until a choropleth draws between `min_paths` and `max_paths` shapes.

        A state view needs `max_paths`: the national map it replaces also has more than
        `min_paths` shapes until the redraw.
        """
        selector = f"{within} {MAP_PATH_SELECTOR}".strip()
        self.page.wait_for_function(
            """([sel, low, high]) => {
                const n = document.querySelectorAll(sel).length;
                return n >= low && (high === null || n <= high);
            }""",
            arg=[selector, min_paths, max_paths],
            timeout=RUN_TIMEOUT_MS,
        )

    def map_paths(self, within: str = "") -> int:
        """How many county shapes the choropleth(s) draw right now."""
        return self.page.locator(f"{within} {MAP_PATH_SELECTOR}".strip()).count()

    def map_fill_signature(self) -> str:
        """The fill colours of the drawn county shapes, to tell whether the map was recoloured."""
        return self.page.evaluate(
            "(sel) => Array.from(document.querySelectorAll(sel))"
            ".map(p => p.getAttribute('fill')).join('|')",
            MAP_PATH_SELECTOR,
        )

    def wait_for_recolour(self, before: str) -> None:
        """Wait until the county fills differ from the signature `before` (the map was redrawn)."""
        self.page.wait_for_function(
            """([sel, before]) => Array.from(document.querySelectorAll(sel))
                .map(p => p.getAttribute('fill')).join('|') !== before""",
            arg=[MAP_PATH_SELECTOR, before],
            timeout=RUN_TIMEOUT_MS,
        )

    def open_largest_county(self) -> str:
        """Click the middle of the biggest county on the map; return the FIPS the profile shows.

        The biggest shape is a county of the measure layer (the first choropleth trace), so the
        click lands on a county and not on the transparent state-outline layer's gaps.
        """
        box = self.page.evaluate(
            """() => {
                const toLocal = (p, x, y) => {
                  const m = p.getScreenCTM().inverse();
                  return [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f];
                };
                const layer = document.querySelector('.js-plotly-plot .trace.choropleth');
                // Largest first, keeping only a shape whose own middle is on it: a ragged or
                // island county's box can be centred on the sea or on a neighbour.
                const shapes = Array.from(layer.querySelectorAll('.choroplethlocation'))
                  .map(p => ({p, r: p.getBoundingClientRect()}))
                  .sort((a, b) => b.r.width * b.r.height - a.r.width * a.r.height);
                for (const {p, r} of shapes) {
                  const x = r.x + r.width / 2, y = r.y + r.height / 2;
                  if (p.isPointInFill && p.isPointInFill(
                        new DOMPoint(...toLocal(p, x, y)))) return {x, y};
                }
                const r = shapes[0].r;
                return {x: r.x + r.width / 2, y: r.y + r.height / 2};
            }"""
        )
        before = self.ws.finished_runs()
        self.page.mouse.move(box["x"], box["y"])
        self.page.mouse.click(box["x"], box["y"])
        self.page.wait_for_url(PLACE_URL, timeout=RUN_TIMEOUT_MS)
        self.wait_for_run(before)
        return self.query()["place_fips"][0]

    def heading(self) -> str:
        """The page's main title."""
        return self.page.locator("h1").first.inner_text().strip()

    def widget(self, key: str) -> Locator:
        """The container Streamlit gives the widget with this key (class st-key-<key>)."""
        return self.page.locator(f".st-key-{key}")

    def choose(self, key: str, typed: str, option: str | re.Pattern[str] | None = None) -> None:
        """Type `typed` into the selectbox `key`, pick the matching option, wait for the rerun.

        `option` is the option's exact text or a pattern; by default the exact text `typed`.
        The option list is virtualised, so typing is what makes a far-down option appear.
        """
        before = self.ws.finished_runs()
        box = self.widget(key).get_by_role("combobox").first
        box.click()
        box.fill(typed)
        wanted = typed if option is None else option
        exact = {"exact": True} if isinstance(wanted, str) else {}
        self.page.get_by_role("option", name=wanted, **exact).first.click()
        if self.widget(key).locator('[data-testid="stMultiSelect"]').count():
            self.page.keyboard.press("Escape")  # a multiselect stays open for more picks
        self.wait_for_run(before)

    def selected(self, key: str) -> str:
        """The text a selectbox shows as its current value."""
        return self.widget(key).get_by_role("combobox").first.input_value().strip()

    def chips(self, key: str) -> list[str]:
        """The values a multiselect shows as chosen."""
        tags = self.widget(key).locator('[data-testid="stMultiSelectTagsContainer"] [data-tag]')
        return [t.strip().rstrip("×").strip() for t in tags.all_inner_texts() if t.strip()]

    def table(
        self, column: str | None = None, first_row: str | None = None, within: str = ""
    ) -> list[dict[str, str]]:
        """The rows a st.dataframe shows, read from the grid's accessible table.

        Waits until the grid has drawn rows, with a header holding `column` and a first row
        holding `first_row` when given: the grid fills its table after the data arrives, so an
        early read would see nothing or the previous rows.
        """
        selector = f"{within} [data-testid='stDataFrame']".strip()
        self.page.wait_for_function(
            """([sel, column, first]) => {
                const grid = document.querySelector(sel);
                const rows = grid ? grid.querySelectorAll('table tr') : [];
                if (rows.length < 2) return false;
                return (column === null || rows[0].innerText.includes(column))
                  && (first === null || rows[1].innerText.includes(first));
            }""",
            arg=[selector, column, first_row],
            timeout=RUN_TIMEOUT_MS,
        )
        rows = self.page.evaluate(
            """(sel) => [...document.querySelector(sel).querySelectorAll('table tr')]
                .map(tr => [...tr.children].map(td => td.innerText.trim()))""",
            selector,
        )
        header, *body = rows
        return [dict(zip(header, row, strict=False)) for row in body]

    def legend_text(self) -> str:
        """All text of the map legends (Plotly colour bars), without whitespace.

        A long title is wrapped into SVG lines that join without spaces, so callers compare
        with `squash(expected)`.
        """
        return squash(" ".join(self.page.locator(".colorbar").all_text_contents()))

    def mean_county_area(self) -> float:
        """Mean on-screen area (px^2) of a drawn county: it grows when the map zooms in."""
        return self.page.evaluate(
            """(sel) => {
                const paths = [...document.querySelectorAll(sel)];
                if (!paths.length) return 0;
                let sum = 0;
                for (const p of paths) {
                  const r = p.getBoundingClientRect();
                  sum += r.width * r.height;
                }
                return sum / paths.length;
            }""",
            MAP_PATH_SELECTOR,
        )

    def zoom_in_map(self) -> None:
        """Press the map's own zoom-in button (Plotly's mode bar) and wait for the redraw."""
        before = self.mean_county_area()
        self.page.locator(".js-plotly-plot").first.hover()
        self.page.locator(".js-plotly-plot .modebar-btn[data-title='Zoom in']").first.click()
        self.page.wait_for_function(
            """([sel, before]) => {
                const paths = [...document.querySelectorAll(sel)];
                const sum = paths.reduce((s, p) => {
                  const r = p.getBoundingClientRect();
                  return s + r.width * r.height;
                }, 0);
                return paths.length && sum / paths.length > before * 1.2;
            }""",
            arg=[MAP_PATH_SELECTOR, before],
            timeout=RUN_TIMEOUT_MS,
        )

    def click_and_wait(self, locator: Locator) -> None:
        """Click something that makes the app rerun, and wait for that run."""
        before = self.ws.finished_runs()
        locator.click()
        self.wait_for_run(before)

    def query(self) -> dict[str, list[str]]:
        """The current URL's query parameters."""
        return parse_qs(urlsplit(self.page.url).query)

    def download(self, locator: Locator) -> Download:
        """Click a download button and return the finished download."""
        with self.page.expect_download(timeout=RUN_TIMEOUT_MS) as info:
            locator.click()
        return info.value

    def shot(self, name: str, whole_page: bool = False) -> Path:
        """Save a screenshot to artifacts/e2e/<name>.png for a person to look at.

        Streamlit scrolls inside its main area, so a "full page" screenshot shows one screen;
        `whole_page` makes the window as tall as the content first (used at the end of a test,
        since the resize makes the charts redraw).
        """
        path = self.artifacts / f"{name}.png"
        size = self.page.viewport_size
        if whole_page and size:
            height = self.page.evaluate(
                "() => (document.querySelector('[data-testid=\"stMain\"]') || document.body)"
                ".scrollHeight"
            )
            self.page.set_viewport_size({"width": size["width"], "height": min(height, 4000)})
        self.page.screenshot(path=str(path))
        return path

    # -- what must never happen -------------------------------------------------------------

    def problems(self) -> list[str]:
        """Console errors, uncaught page errors and requests that left this machine."""
        external = [f"request left localhost: {u}" for u in self.requests if not is_local_url(u)]
        return [*self.console_errors, *external]

    def exceptions_on_screen(self) -> list[str]:
        """Texts of Streamlit exception boxes shown to the user."""
        return self.page.locator('[data-testid="stException"]').all_inner_texts()
