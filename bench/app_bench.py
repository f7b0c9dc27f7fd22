"""Whole-app benchmark: build, bytes, paint times and concurrent sessions, Atlas against a baseline.

Everything is measured on the real app in Debian's Chromium: first map paint (cold and warm), the
repaint after a measure switch (timed by the page itself, see paint_watch.js), the server's time
per script run and the bytes it sends (read off the Streamlit websocket), and N simultaneous
sessions: all N first open the landing page (load times reported apart), then all click with a
person's pauses for a fixed time. Their browser stands in for N people's own computers, so it runs
at a lower CPU priority than the server it measures (see sessions()). The same figures are taken
for bench/baseline_app.py, a naive map that inlines unsimplified geometry on every rerun, and
reported side by side.

Used by bench/run.py; `python bench/app_bench.py` runs it alone and prints JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import ctypes
import errno
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.async_api import Browser, BrowserContext, Page, async_playwright
from playwright.async_api import TimeoutError as PlaywrightTimeout

import settings
from bench.harness import (
    AppServer,
    WsLog,
    chromium_launch_options,
    is_base_path_probe,
    is_local_url,
    start_app,
)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PAINT_WATCH_JS = (HERE / "paint_watch.js").read_text()
VIEWPORT = {"width": 1440, "height": 960}
STEP_TIMEOUT_S = 60.0
THINK_S = (2.0, 6.0)  # a person's pause between clicks, drawn uniformly
LOADS_AT_ONCE = 2  # sessions opening the landing page at the same moment, in the load phase
LOAD_TIMEOUT_S = 120.0
# Before a reload: a visitor comes back later, not the instant the last load ended, when the
# browser is still finishing its own work on that load (compiling, caching, collecting).
SETTLE_S = 1.0
# The simulated users' browser runs this much nicer than the server: it stands in for their own
# computers, and must not take the 2 cores from the server it measures.
BROWSER_NICE = 10
PR_CAPBSET_DROP = 24  # prctl option, <linux/prctl.h>
CAP_SYS_NICE = 23  # <linux/capability.h>


# Does one user action and returns when (time.perf_counter()) the decisive click happened.
Action = Callable[[Page], Awaitable[float]]


@dataclass(frozen=True)
class Step:
    """One thing a user does on a page that makes the app rerun, e.g. pick another measure."""

    name: str
    act: Action


@dataclass(frozen=True)
class PageScenario:
    """A page of the app, opened at `path`, with the interactions typical for it."""

    name: str
    path: str
    has_map: bool
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class AppProfile:
    """How to start an app and what to do in it."""

    name: str
    script: Path
    landing: PageScenario
    pages: tuple[PageScenario, ...]
    extra_args: tuple[str, ...] = ()
    warm_start: bool = True  # through the product's launcher (ui.serve), as run.sh starts it


@dataclass
class Tab:
    """A benchmark tab: the page and its websocket record."""

    page: Page
    ws: WsLog = field(default_factory=WsLog)
    errors: list[str] = field(default_factory=list)


# -- what users do ----------------------------------------------------------------------------


def pick(key: str, typed: str, option: str | re.Pattern[str]) -> Action:
    """Type into the selectbox/multiselect `key` and click the matching option."""

    async def act(page: Page) -> float:
        box = page.locator(f".st-key-{key} [role='combobox']").first
        await box.click()
        await box.fill(typed)  # the list is virtualised: filter it so the option is rendered
        exact = {"exact": True} if isinstance(option, str) else {}
        target = page.get_by_role("option", name=option, **exact).first
        await target.wait_for()
        clicked = time.perf_counter()
        await target.click()
        if await page.locator(f".st-key-{key} [data-testid='stMultiSelect']").count():
            await page.keyboard.press("Escape")  # a multiselect's list stays open otherwise
        return clicked

    return act


def toggle_state(key: str, name: str) -> Action:
    """Add a state to the multiselect `key`, or remove it when it is already chosen."""

    async def act(page: Page) -> float:
        remove = page.locator(f".st-key-{key} button[aria-label='Remove {name}']")
        if await remove.count():
            clicked = time.perf_counter()
            await remove.first.click()
            return clicked
        return await pick(key, name.split(" (")[0], name)(page)

    return act


def press(key: str) -> Action:
    """Click the button with widget key `key`."""

    async def act(page: Page) -> float:
        clicked = time.perf_counter()
        await page.locator(f".st-key-{key} button").first.click()
        return clicked

    return act


Choice = tuple[str, str | re.Pattern[str]]  # (text to type, option to click)


def switch(key: str, a: Choice, b: Choice) -> Action:
    """Pick option b when the selectbox `key` shows option a, else option a (there and back)."""

    async def act(page: Page) -> float:
        shown = await page.locator(f".st-key-{key} [role='combobox']").first.input_value()
        on_a = shown.endswith(a[0])
        return await pick(key, *(b if on_a else a))(page)

    return act


def ending(label: str) -> re.Pattern[str]:
    """An option whose text ends with `label` (the Atlas prefixes the theme: 'Talent · ...')."""
    return re.compile(re.escape(label) + "$")


ATLAS_MEASURE_A = "Share of adults with some college, no degree"
ATLAS_MEASURE_B = "Tech share of private jobs"


def atlas_profile() -> AppProfile:
    """The Atlas: the landing map and the other pages, each with its typical interaction."""
    measures = (
        (ATLAS_MEASURE_A, ending(ATLAS_MEASURE_A)),
        (ATLAS_MEASURE_B, ending(ATLAS_MEASURE_B)),
    )
    landing = PageScenario(
        "atlas",
        "",
        True,
        (
            Step("measure_switch", switch("atlas_metric", *measures)),
            Step("state_filter", toggle_state("states", "Kansas (KS)")),
        ),
    )
    pages = (
        landing,
        PageScenario(
            "hubs",
            "hubs",
            False,
            (Step("measure_switch", pick("hubs_metric", "Tech jobs", "Tech jobs")),),
        ),
        PageScenario(
            "place",
            "place?place_fips=20209",
            False,
            (
                Step(
                    "measure_switch", pick("place_metric", ATLAS_MEASURE_B, ending(ATLAS_MEASURE_B))
                ),
            ),
        ),
        PageScenario(
            "training",
            "training",
            False,
            (
                Step(
                    "measure_switch",
                    pick("training_metric", ATLAS_MEASURE_B, ending(ATLAS_MEASURE_B)),
                ),
            ),
        ),
        PageScenario(
            "story", "story?present=1", False, (Step("slide_change", press("story_next")),)
        ),
    )
    return AppProfile(name="atlas", script=ROOT / "app.py", landing=landing, pages=pages)


def baseline_profile(folder: Path) -> AppProfile:
    """The naive baseline, copied into `folder` beside a local copy of Plotly's base map."""
    static = folder / "static"
    static.mkdir(parents=True, exist_ok=True)
    base_map = settings.sources_dir() / "geometry" / "plotly-usa_110m.json"
    shutil.copy(base_map, static / "usa_110m.json")
    script = folder / "baseline_app.py"
    shutil.copy(HERE / "baseline_app.py", script)
    measures = ((ATLAS_MEASURE_A, ATLAS_MEASURE_A), (ATLAS_MEASURE_B, ATLAS_MEASURE_B))
    states = (("All states", "All states"), ("Kansas", "Kansas"))
    landing = PageScenario(
        "baseline",
        "",
        True,
        (
            Step("measure_switch", switch("baseline_metric", *measures)),
            Step("state_filter", switch("baseline_state", *states)),
        ),
    )
    return AppProfile(
        name="baseline",
        script=script,
        landing=landing,
        pages=(landing,),
        extra_args=("--server.enableStaticServing", "true"),
        warm_start=False,  # plain `streamlit run`: the naive app as one would start it
    )


# -- building ---------------------------------------------------------------------------------


def measure_build(db: Path) -> dict:
    """Build the database from the official files into `db`; time it and size the result."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "queries", "build", "--db", str(db)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    build_s = time.perf_counter() - started
    geo = settings.static_dir() / "geo"
    geo_bytes = sum(p.stat().st_size for p in geo.glob("*.json")) if geo.exists() else 0
    return {
        "build_s": round(build_s, 1),
        "db_mb": round(db.stat().st_size / 1e6, 1),
        "static_geo_kb": round(geo_bytes / 1e3),
    }


# -- one tab ----------------------------------------------------------------------------------


async def new_tab(context: BrowserContext) -> Tab:
    """Open a tab that records websocket frames, console errors and outside requests."""
    page = await context.new_page()
    tab = Tab(page)
    page.on("websocket", lambda ws: _attach_ws(ws, tab.ws))
    page.on("console", lambda msg: _on_console(tab, msg))
    page.on("pageerror", lambda exc: tab.errors.append(f"pageerror: {exc} @ {_thrown_at(exc)}"))
    page.on(
        "request",
        lambda req: None if is_local_url(req.url) else tab.errors.append(f"external: {req.url}"),
    )
    return tab


def _thrown_at(exc: Exception) -> str:
    """Where a page error was thrown: the first 'at ...' line of its stack, if it has one."""
    for line in (getattr(exc, "stack", "") or "").splitlines():
        if line.strip().startswith("at "):
            return line.strip()[3:]
    return "?"


def _on_console(tab: Tab, msg) -> None:
    url = msg.location.get("url", "")
    if msg.type == "error" and not is_base_path_probe(url):
        tab.errors.append(f"console: {msg.text} @ {url}")


def _attach_ws(ws, log: WsLog) -> None:
    ws.on("framereceived", log.on_received)
    ws.on("framesent", log.on_sent)


async def wait_idle(tab: Tab, before: int, timeout_s: float = STEP_TIMEOUT_S) -> None:
    """Wait until a script run finished after `before` runs and no other run is pending."""
    deadline = time.monotonic() + timeout_s
    while not tab.ws.idle_after(before):
        if time.monotonic() > deadline:
            raise TimeoutError(f"no script run finished within {timeout_s:.0f} s")
        await asyncio.sleep(0.02)


async def paint_times(tab: Tab) -> dict:
    """The page's own record of when the map was painted (ms since navigation start)."""
    return await tab.page.evaluate("() => window.__atlasPaint")


async def wait_paint_field(tab: Tab, name: str, timeout_s: float = STEP_TIMEOUT_S) -> float:
    """Wait until paint_watch.js has set `name` (a time > 0) and return it in ms."""
    await tab.page.wait_for_function(
        "(name) => window.__atlasPaint && window.__atlasPaint[name] > 0",
        arg=name,
        timeout=timeout_s * 1000,
    )
    return float((await paint_times(tab))[name])


# Performance marks the Atlas's map component sets (ui/map_component.js), in the order they come.
MAP_MARKS = ("atlas-map:figure", "atlas-map:plotly-ready", "atlas-map:drawn")


async def map_marks(tab: Tab) -> dict[str, float | None]:
    """When (ms since navigation) each map mark was first set in this document; None if never."""
    return await tab.page.evaluate(
        """(names) => Object.fromEntries(names.map((name) => {
             const mark = performance.getEntriesByName(name, "mark")[0];
             return [name, mark ? mark.startTime : null];
           }))""",
        list(MAP_MARKS),
    )


def paint_phases(marks: dict[str, float | None], painted_ms: float) -> dict[str, int | None]:
    """Where a first paint's time went, in ms: the page until it hands the map its figure
    (Streamlit's frontend and the server's run), loading plotly.js, Plotly's draw, and the
    frame reaching the screen. A phase whose marks are missing (an app without the Atlas's
    map component) is None, never 0.
    """
    figure, ready, drawn = (marks.get(name) for name in MAP_MARKS)

    def span(start: float | None, end: float | None) -> int | None:
        return None if start is None or end is None else round(end - start)

    return {
        "page_until_map_ms": span(0.0, figure),
        "plotly_load_ms": span(figure, ready),
        "plotly_draw_ms": span(ready, drawn),
        "to_screen_ms": span(drawn, painted_ms),
    }


async def first_paint(tab: Tab) -> tuple[float, dict[str, int | None]]:
    """Seconds from navigation to the first painted map, and where that time went."""
    painted_ms = await wait_paint_field(tab, "firstPaintAt")
    return round(painted_ms / 1000, 2), paint_phases(await map_marks(tab), painted_ms)


def server_run_s(ws: WsLog, since_sent: int, since_received: int) -> float | None:
    """Seconds from the browser's rerun request to the server's 'finished' frame."""
    asks = [t for t, _, kind in ws.sent[since_sent:] if kind == "rerun_script"]
    ends = [t for t, _, kind in ws.received[since_received:] if kind == "script_finished"]
    if not asks or not ends:
        return None
    return ends[-1] - asks[0]


async def http_bytes(tab: Tab) -> int:
    """Bytes the browser fetched over HTTP for this document (navigation + resources)."""
    return int(
        await tab.page.evaluate(
            """() => performance.getEntriesByType('navigation')
                 .concat(performance.getEntriesByType('resource'))
                 .reduce((sum, e) => sum + (e.transferSize || 0), 0)"""
        )
    )


async def choose(tab: Tab, step: Step) -> tuple[float, float]:
    """Do `step`; return when (perf_counter) it clicked and when the finished run arrived."""
    before = tab.ws.finished_runs()
    clicked = await step.act(tab.page)
    await wait_idle(tab, before)
    finished = max(t for t, _, kind in tab.ws.received if kind == "script_finished")
    return clicked, finished


# -- single-user figures ----------------------------------------------------------------------


async def single_user(browser: Browser, server: AppServer, profile: AppProfile) -> dict:
    """Cold and warm first paint, repaint after a measure switch, per-page runs and bytes."""
    out: dict = {}
    phases: dict = {}  # load -> where its first paint's time went
    context = await browser.new_context(viewport=VIEWPORT)
    await context.add_init_script(PAINT_WATCH_JS)
    tab = await new_tab(context)
    url = server.url + profile.landing.path

    # Cold: a fresh browser profile and a server that has not run the page yet.
    navigated = time.perf_counter()
    await tab.page.goto(url, wait_until="commit")
    out["first_paint_cold_s"], phases["cold"] = await first_paint(tab)
    await wait_idle(tab, 0)
    out["first_load_http_kb"] = round(await http_bytes(tab) / 1e3)
    out["first_load_ws_kb"] = round(tab.ws.bytes_received_since(0) / 1e3)
    out["first_load_server_s"] = _round(server_run_s(tab.ws, 0, 0))
    first_end = next(t for t, _, kind in tab.ws.received if kind == "script_finished")
    out["first_run_finished_s"] = _round(first_end - navigated)  # where the cold paint goes

    # Warm: the same browser (geometry in its HTTP cache) and a server with warm caches.
    sent, received = len(tab.ws.sent), len(tab.ws.received)
    before = tab.ws.finished_runs()
    await asyncio.sleep(SETTLE_S)
    await tab.page.reload(wait_until="commit")
    out["first_paint_warm_s"], phases["warm"] = await first_paint(tab)
    await wait_idle(tab, before)
    out["warm_load_http_kb"] = round(await http_bytes(tab) / 1e3)
    out["warm_load_ws_kb"] = round(tab.ws.bytes_received_since(received) / 1e3)
    out["warm_load_server_s"] = _round(server_run_s(tab.ws, sent, received))
    # A returning visitor: Chromium keeps compiled code for a script it has run before, which
    # the first reload only starts to build; the next load uses it.
    before = tab.ws.finished_runs()
    await asyncio.sleep(SETTLE_S)
    await tab.page.reload(wait_until="commit")
    out["first_paint_warm_repeat_s"], phases["warm_repeat"] = await first_paint(tab)
    await wait_idle(tab, before)
    out["first_paint_phases"] = phases

    # Measure switches there and back (twice, so both directions are seen warm), timed by the
    # page from the click on the option to the repainted map.
    switch = next(step for step in profile.landing.steps if step.name == "measure_switch")
    repaints, runs = [], []
    for _ in range(4):
        figures = await timed_step(tab, switch)
        await wait_paint_field(tab, "repaintAt")
        paint = await paint_times(tab)
        repaints.append((paint["repaintAt"] - paint["inputAt"]) / 1000)
        runs.append(figures)
    out["switch_repaint_s"] = round(statistics.median(repaints), 3)
    out["switch_repaint_all_s"] = [round(r, 3) for r in repaints]
    # The first switch is to a measure this session has not seen; later ones may reuse
    # elements the browser already has (Streamlit sends a reference, not the bytes, again).
    pages: dict = {profile.landing.name: {"measure_switch": runs[0]}}
    for step in profile.landing.steps:
        if step.name != "measure_switch":
            pages[profile.landing.name][step.name] = await timed_step(tab, step)
    out["errors"] = list(tab.errors)
    await tab.page.close()

    for scenario in profile.pages:
        if scenario is profile.landing:
            continue
        page_tab = await new_tab(context)
        try:
            pages[scenario.name] = await page_figures(page_tab, server, scenario)
        except (TimeoutError, PlaywrightTimeout) as exc:
            out["errors"].append(f"{scenario.name}: {exc}")
        for text in await page_tab.page.locator("[data-testid='stException']").all_inner_texts():
            out["errors"].append(f"{scenario.name}: exception on screen: {text[:400]}")
        out["errors"].extend(page_tab.errors)
        await page_tab.page.close()
    out["pages"] = pages
    await context.close()
    return out


async def page_figures(tab: Tab, server: AppServer, scenario: PageScenario) -> dict:
    """First load of a page and each of its interactions: server time and websocket bytes."""
    await tab.page.goto(server.url + scenario.path, wait_until="commit")
    await wait_idle(tab, 0)
    figures = {
        "first_load": {
            "server_s": _round(server_run_s(tab.ws, 0, 0)),
            "ws_kb": round(tab.ws.bytes_received_since(0) / 1e3, 1),
        }
    }
    for step in scenario.steps:
        figures[step.name] = await timed_step(tab, step)
    return figures


async def timed_step(tab: Tab, step: Step) -> dict:
    """Do a step; the server's run time and the bytes it sent, read at the websocket."""
    sent, received = len(tab.ws.sent), len(tab.ws.received)
    await choose(tab, step)
    return {
        "server_s": _round(server_run_s(tab.ws, sent, received)),
        "ws_kb": round(tab.ws.bytes_received_since(received) / 1e3, 1),
    }


def _round(value: float | None, digits: int = 3) -> float | None:
    return None if value is None else round(value, digits)


# -- many users -------------------------------------------------------------------------------


@dataclass
class Session:
    """One simulated user: their tab, their own dice, and what they saw."""

    tab: Tab
    rng: random.Random
    load_s: float | None = None
    times: list[float] = field(default_factory=list)
    to_request: list[float] = field(default_factory=list)  # click -> rerun request sent
    errors: list[str] = field(default_factory=list)


async def open_session(
    browser: Browser,
    server: AppServer,
    profile: AppProfile,
    seed: int,
    gate: asyncio.Semaphore,
) -> Session:
    """Open the landing page in a window of its own, `gate` limiting how many load at once."""
    # One context (window) per user: in a window only the front tab runs at full speed, and a
    # tab behind others took about 2 s from a click to sending the rerun request.
    context = await browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(STEP_TIMEOUT_S * 1000)  # a loaded machine is slow, not broken
    await context.route("**/app/static/geo/*.json", _empty_map)
    session = Session(await new_tab(context), random.Random(seed))
    async with gate:
        started = time.perf_counter()
        try:
            await session.tab.page.goto(server.url + profile.landing.path, wait_until="commit")
            await wait_idle(session.tab, 0, timeout_s=LOAD_TIMEOUT_S)
            session.load_s = time.perf_counter() - started
        except (TimeoutError, PlaywrightTimeout) as exc:
            session.errors.append(f"load: {exc}")
    return session


async def use_session(session: Session, profile: AppProfile, stop_at: float) -> None:
    """Click through the landing page's steps with a person's pauses until `stop_at` (monotonic)."""
    rng = session.rng
    # Everyone is already on the page, somewhere in their own pause: first clicks are spread out.
    await asyncio.sleep(rng.uniform(0, THINK_S[1]))
    steps = list(profile.landing.steps)
    while time.monotonic() < stop_at:
        step = rng.choice(steps)
        sent = len(session.tab.ws.sent)
        try:
            clicked, finished = await choose(session.tab, step)
            session.times.append(finished - clicked)
            asks = [t for t, _, kind in session.tab.ws.sent[sent:] if kind == "rerun_script"]
            if asks:
                session.to_request.append(asks[0] - clicked)
        except (TimeoutError, PlaywrightTimeout) as exc:
            session.errors.append(f"{step.name}: {exc}")
        await asyncio.sleep(rng.uniform(*THINK_S))  # a person looks before clicking again


async def close_session(session: Session) -> None:
    """Collect what the tab showed or logged as an error, then close it."""
    page = session.tab.page
    for text in await page.locator("[data-testid='stException']").all_inner_texts():
        session.errors.append(f"exception on screen: {text[:400]}")
    session.errors.extend(session.tab.errors)
    await page.context.close()


def run_times(ws: WsLog, since: float = float("-inf")) -> list[float]:
    """Seconds from each rerun request sent at or after `since` to the next finished run."""
    asks = [t for t, _, kind in ws.sent if kind == "rerun_script" and t >= since]
    ends = [t for t, _, kind in ws.received if kind == "script_finished"]
    out, j = [], 0
    for ask in asks:
        while j < len(ends) and ends[j] < ask:
            j += 1
        if j == len(ends):
            break
        out.append(ends[j] - ask)
    return out


def sessions(server: AppServer, profile: AppProfile, n: int, duration_s: float) -> dict:
    """N simultaneous sessions: load p50/p95, then errors, p50/p95 interaction time, server RSS.

    Two phases. Load: the N sessions open the landing page, LOADS_AT_ONCE at a time (their load
    times are reported apart). Timed: only once all are loaded, every session clicks with a
    person's pauses for `duration_s`, so N users really are on the server at once. One Chromium
    stands in for N people's own computers, so it runs in its own browser at nice BROWSER_NICE,
    unable to raise its priority (see lower_this_thread), and the Atlas's county geometry files
    are answered with an empty map in these tabs: the server's work and every websocket byte are
    unchanged. Interaction time: from the click to the server's finished run arriving in the tab.
    """

    def job() -> dict:
        return asyncio.run(_sessions(server, profile, n, duration_s))

    with ThreadPoolExecutor(max_workers=1) as pool:  # a fresh thread: its niceness dies with it
        return pool.submit(_at_low_priority, job, BROWSER_NICE).result()


async def _sessions(server: AppServer, profile: AppProfile, n: int, duration_s: float) -> dict:
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(**chromium_launch_options())
        rss: list[float] = []
        done = asyncio.Event()

        async def sample_rss() -> None:
            while not done.is_set():
                rss.append(server.rss_mb())
                await asyncio.sleep(0.5)

        sampler = asyncio.create_task(sample_rss())
        gate = asyncio.Semaphore(LOADS_AT_ONCE)
        started = time.perf_counter()
        opened = await asyncio.gather(
            *(open_session(browser, server, profile, i, gate) for i in range(n))
        )
        load_phase_s = time.perf_counter() - started
        ready = [s for s in opened if s.load_s is not None]

        server_pids = [server.process.pid, *descendants(server.process.pid)]
        browser_pids = [p for p in descendants(os.getpid()) if p not in server_pids]
        server_cpu, browser_cpu = cpu_seconds(server_pids), cpu_seconds(browser_pids)
        harness_cpu = time.thread_time()  # this thread: Playwright client, frame decoding
        timed_from = time.perf_counter()
        stop_at = time.monotonic() + duration_s
        await asyncio.gather(*(use_session(s, profile, stop_at) for s in ready))
        timed_phase_s = time.perf_counter() - timed_from
        server_cpu = cpu_seconds(server_pids) - server_cpu
        browser_cpu = cpu_seconds(browser_pids) - browser_cpu
        harness_cpu = time.thread_time() - harness_cpu
        browser_nice = nice_range(browser_pids)
        load_average = os.getloadavg()[0]

        for session in opened:
            await close_session(session)
        done.set()
        await sampler
        await browser.close()

    times = sorted(t for s in opened for t in s.times)
    loads = sorted(s.load_s for s in ready)
    runs = sorted(t for s in ready for t in run_times(s.tab.ws, since=timed_from))
    to_request = sorted(t for s in ready for t in s.to_request)
    errors = [e for s in opened for e in s.errors]
    return {
        "sessions": n,
        "sessions_loaded": len(ready),
        "interactions": len(times),
        "errors": len(errors),
        "error_samples": error_summary(errors),
        "p50_s": _round(_percentile(times, 50)),
        "p95_s": _round(_percentile(times, 95)),
        "max_s": _round(times[-1] if times else None),
        "load_p50_s": _round(_percentile(loads, 50)),
        "load_p95_s": _round(_percentile(loads, 95)),
        # Request frame out -> finished frame in, timed phase only: the server's share, queueing
        # included.
        "server_run_p50_s": _round(_percentile(runs, 50)),
        "server_run_p95_s": _round(_percentile(runs, 95)),
        # Click -> rerun request leaving the tab: the browser's share (on the users' computers).
        "click_to_request_p50_s": _round(_percentile(to_request, 50)),
        "click_to_request_p95_s": _round(_percentile(to_request, 95)),
        "server_rss_peak_mb": round(max(rss, default=0.0)),
        "load_phase": f"{n} sessions open the landing page, {LOADS_AT_ONCE} at a time; "
        "the timed phase starts once all have loaded",
        "load_phase_s": round(load_phase_s, 1),
        "timed_phase_s": round(timed_phase_s, 1),
        # Who used the machine in the timed phase: is the figure about the server or the browser?
        "server_cpu_s": round(server_cpu, 1),
        "browser_cpu_s": round(browser_cpu, 1),
        "harness_cpu_s": round(harness_cpu, 1),
        "load_average_1m": round(load_average, 1),
        "browser": "one Chromium for all sessions, one window each, at nice "
        f"{BROWSER_NICE} without the right to raise its priority",
        "browser_nice": BROWSER_NICE,
        "browser_nice_seen": list(browser_nice),
        "think_s": list(THINK_S),
        "county_geometry": "files under app/static/geo/ answered with an empty map in the session "
        "tabs; geometry inside websocket messages (the baseline's) is drawn",
    }


def _at_low_priority(job: Callable[[], dict], nice: int) -> dict:
    lower_this_thread(nice)
    return job()


def lower_this_thread(nice: int) -> None:
    """Set this thread's niceness and keep programs it starts from raising their priority.

    Linux keeps both per thread and children inherit them, so the Playwright driver and Chromium
    started from here run at `nice`. Chromium run as root would otherwise lift its own UI and
    compositor threads to nice -8 (it holds CAP_SYS_NICE) and outrank the server it measures.
    """
    os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), nice)
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_CAPBSET_DROP, CAP_SYS_NICE, 0, 0, 0) != 0:
        err = ctypes.get_errno()
        # EPERM: not root, so the browser cannot raise its priority anyway (RLIMIT_NICE).
        if err != errno.EPERM:
            raise OSError(err, "prctl(PR_CAPBSET_DROP, CAP_SYS_NICE) failed")


def descendants(pid: int) -> list[int]:
    """Every process started by `pid` or by its children, from any of their threads."""
    out: list[int] = []
    for children in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            kids = [int(k) for k in children.read_text().split()]
        except (FileNotFoundError, ProcessLookupError):
            continue
        for kid in kids:
            out.append(kid)
            out.extend(descendants(kid))
    return out


def parse_stat(text: str) -> tuple[int, int]:
    """(CPU clock ticks used, niceness) from the text of a /proc/<pid>/stat file."""
    # The command name (field 2) may hold spaces and parentheses: split after its last ')'.
    fields = text[text.rindex(")") + 2 :].split()
    utime, stime, nice = int(fields[11]), int(fields[12]), int(fields[16])
    return utime + stime, nice


def cpu_seconds(pids: list[int]) -> float:
    """CPU seconds used so far by these processes (all their threads)."""
    ticks = 0
    for pid in pids:
        try:
            ticks += parse_stat(Path(f"/proc/{pid}/stat").read_text())[0]
        except (FileNotFoundError, ProcessLookupError):
            continue
    return ticks / os.sysconf("SC_CLK_TCK")


def nice_range(pids: list[int]) -> tuple[int, int] | tuple[()]:
    """Lowest and highest niceness over every thread of these processes (empty if none)."""
    seen = []
    for pid in pids:
        for stat in Path(f"/proc/{pid}/task").glob("*/stat"):
            try:
                seen.append(parse_stat(stat.read_text())[1])
            except (FileNotFoundError, ProcessLookupError):
                continue
    return (min(seen), max(seen)) if seen else ()


def error_summary(errors: list[str], limit: int = 10) -> dict[str, int]:
    """The distinct errors (first line, 300 characters) and how often each came, commonest first."""
    counts: dict[str, int] = {}
    for error in errors:
        key = error.strip().splitlines()[0][:300] if error.strip() else "(empty)"
        counts[key] = counts.get(key, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    return dict(ranked[:limit])


async def _empty_map(route) -> None:
    """Answer a geometry request with an empty GeoJSON map (valid, so no console error)."""
    await route.fulfill(
        status=200,
        content_type="application/json",
        body=json.dumps({"type": "FeatureCollection", "features": []}),
    )


def _percentile(values: list[float], pct: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    k = (len(ordered) - 1) * pct / 100
    low, high = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


# -- the whole run ----------------------------------------------------------------------------


def measure_app(
    profile: AppProfile,
    db: Path,
    log_dir: Path,
    session_counts: tuple[int, ...],
    duration_s: float,
    rounds: int = 1,
) -> dict:
    """All browser figures for one app. Each single-user round starts the app afresh, so its
    first load is cold (see combine_rounds); the last round's server then takes the sessions.
    """
    if rounds < 1:
        raise ValueError(f"rounds must be at least 1, not {rounds}")
    singles: list[dict] = []
    for i in range(rounds):
        server = start_app(
            profile.script,
            env={"ATLAS_DB": str(db)},
            log_path=log_dir / f"{profile.name}-{i + 1}.log",
            extra_args=list(profile.extra_args),
            warm_start=profile.warm_start,
            timeout_s=180,
        )
        try:
            singles.append(asyncio.run(_single_user_run(server, profile)))
            if i < rounds - 1:
                continue
            out = combine_rounds(singles)
            out["server_rss_mb"] = round(server.rss_mb())
            for n in session_counts:
                out[f"sessions_{n}"] = sessions(server, profile, n, duration_s)
        finally:
            server.stop()
    return out


# Single-user paint times that are single samples in a round: the headline is their median.
ROUND_MEDIANS = ("first_paint_cold_s", "first_paint_warm_s", "first_paint_warm_repeat_s")


def combine_rounds(rounds: list[dict]) -> dict:
    """One single-user result from rounds on fresh servers and browsers.

    A first paint is one sample per round, and samples spread by a few tenths of a second from
    one start to the next, so each paint time is the median over the rounds, the switch's over
    every switch of every round, and each first-paint phase its own median. Bytes, server times
    and pages are the last round's; errors are every round's. `rounds` keeps each round's own.
    """
    out = dict(rounds[-1])
    if len(rounds) == 1:
        return out
    for key in ROUND_MEDIANS:
        out[key] = round(statistics.median(r[key] for r in rounds), 2)
    switches = [s for r in rounds for s in r["switch_repaint_all_s"]]
    out["switch_repaint_s"] = round(statistics.median(switches), 3)
    out["switch_repaint_all_s"] = switches
    out["first_paint_phases"] = {
        load: {
            phase: _median_or_none([r["first_paint_phases"][load][phase] for r in rounds])
            for phase in phases
        }
        for load, phases in rounds[-1]["first_paint_phases"].items()
    }
    out["errors"] = [e for r in rounds for e in r["errors"]]
    out["rounds"] = [{key: r[key] for key in (*ROUND_MEDIANS, "switch_repaint_s")} for r in rounds]
    return out


def _median_or_none(values: list[int | None]) -> int | None:
    """Median of phase times; None when any round lacked the phase (an app without the marks)."""
    return None if None in values else round(statistics.median(values))


async def _single_user_run(server: AppServer, profile: AppProfile) -> dict:
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(**chromium_launch_options())
        out = await single_user(browser, server, profile)
        await browser.close()
    return out


def run(
    *,
    build: bool = True,
    baseline: bool = True,
    session_counts: tuple[int, ...] = (10, 25),
    baseline_session_counts: tuple[int, ...] | None = None,
    duration_s: float = 60.0,
    rounds: int = 3,
) -> dict:
    """Every figure: flat headline keys (Atlas, `baseline_*`, `ratio_*`) and `app_detail`.

    The Atlas's single-user figures are medians over `rounds` fresh starts; the baseline gets one
    (its paint takes 15-20 s, against which the spread between starts does not matter).
    """
    work = Path(tempfile.mkdtemp(prefix="atlas-bench-"))
    try:
        figures: dict = {}
        db = work / "atlas.duckdb"
        if build:
            figures.update(measure_build(db))
        else:
            db = settings.db_path()
        atlas = measure_app(atlas_profile(), db, work, session_counts, duration_s, rounds)
        figures.update(headline(atlas))
        detail = {"atlas": atlas}
        if baseline:
            counts = session_counts if baseline_session_counts is None else baseline_session_counts
            profile = baseline_profile(work / "baseline")
            base = measure_app(profile, db, work, counts, duration_s)
            figures.update({f"baseline_{k}": v for k, v in headline(base).items()})
            figures.update({f"ratio_{k}": v for k, v in ratios(atlas, base).items()})
            detail["baseline"] = base
        figures["app_detail"] = detail
        return figures
    finally:
        shutil.rmtree(work, ignore_errors=True)


def headline(app: dict) -> dict:
    """The single figures of one app; server_rss_mb is the peak over the whole run."""
    head = {
        "first_paint_cold_s": app["first_paint_cold_s"],
        "first_paint_warm_s": app["first_paint_warm_s"],
        "first_paint_warm_repeat_s": app["first_paint_warm_repeat_s"],
        "switch_repaint_s": app["switch_repaint_s"],
        # Where each first paint's time went (ms); phases of an app without the marks are None.
        "first_paint_phases": app["first_paint_phases"],
        "first_load_http_kb": app["first_load_http_kb"],
        "first_load_ws_kb": app["first_load_ws_kb"],
        "warm_load_ws_kb": app["warm_load_ws_kb"],
        "first_load_server_s": app["first_load_server_s"],
        "first_run_finished_s": app["first_run_finished_s"],
        "single_user_errors": len(app["errors"]),
    }
    landing = next(iter(app["pages"].values()))
    for step, fig in landing.items():
        head[f"{step}_server_s"] = fig["server_s"]
        head[f"{step}_ws_kb"] = fig["ws_kb"]
    rss = [app["server_rss_mb"]]
    for key, value in app.items():
        if key.startswith("sessions_"):
            head[f"{key}_errors"] = value["errors"]
            head[f"{key}_p50_s"] = value["p50_s"]
            head[f"{key}_p95_s"] = value["p95_s"]
            head[f"{key}_interactions"] = value["interactions"]
            head[f"{key}_load_p95_s"] = value["load_p95_s"]
            head[f"{key}_server_run_p95_s"] = value["server_run_p95_s"]
            # The browser's share of an interaction, and who used the CPU in the timed phase.
            head[f"{key}_click_to_request_p95_s"] = value.get("click_to_request_p95_s")
            head[f"{key}_server_cpu_s"] = value.get("server_cpu_s")
            head[f"{key}_browser_cpu_s"] = value.get("browser_cpu_s")
            head[f"{key}_rss_mb"] = value["server_rss_peak_mb"]
            rss.append(value["server_rss_peak_mb"])
    head["server_rss_mb"] = max(rss)
    return head


def ratios(atlas: dict, base: dict) -> dict:
    """Baseline figure divided by the Atlas figure: how many times better the Atlas does."""
    a, b = headline(atlas), headline(base)
    keys = [k for k in a if k.endswith(("_s", "_kb")) and not k.endswith("_errors")]
    return {k: round(b[k] / a[k], 1) for k in keys if a.get(k) and b.get(k)}


def main(argv: list[str] | None = None) -> None:
    """Command line: run the whole-app benchmark alone and print its figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="use the existing database")
    parser.add_argument("--no-baseline", action="store_true", help="skip the naive baseline")
    parser.add_argument("--sessions", type=int, nargs="*", default=[10, 25])
    parser.add_argument(
        "--baseline-sessions", type=int, nargs="*", default=None, help="default: as --sessions"
    )
    parser.add_argument("--seconds", type=float, default=60.0, help="length of a sessions run")
    parser.add_argument(
        "--rounds", type=int, default=3, help="fresh starts the single-user medians are over"
    )
    args = parser.parse_args(argv)
    figures = run(
        build=not args.no_build,
        baseline=not args.no_baseline,
        session_counts=tuple(args.sessions),
        baseline_session_counts=None
        if args.baseline_sessions is None
        else tuple(args.baseline_sessions),
        duration_s=args.seconds,
        rounds=args.rounds,
    )
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
