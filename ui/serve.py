"""Start the dashboard warm: `python -m ui.serve [options of streamlit run]`.

Runs `streamlit run app.py` with the options given, exactly as that command would (same
.streamlit/config.toml, flags and exit code), after doing a fresh server's one-time work
(ui.warm) so the first visitor does not pay for it. Imports and Plotly's classes are loaded
before the server listens; the landing page's cache entries are filled by a thread as soon as
Streamlit's runtime is running, then, whenever no visitor is being served, the other measures'
national maps and the Hubs page's small maps. A failed warm-up prints one line and the server
starts anyway.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import duckdb

from ui import warm

APP = Path(__file__).resolve().parents[1] / "app.py"
RUNTIME_WAIT_S = 120.0
POLL_S = 0.02
# What warming can meet without anything being wrong with the server: a missing or unreadable
# database, an old database without a measure, a page being edited that does not parse, a module
# that fails to import (the page shows that error to the visitor as it would have without a warm
# start). Anything else ends only its warming thread, with Python's traceback.
WARM_ERRORS = (
    SyntaxError,
    ImportError,
    OSError,
    LookupError,
    ValueError,
    TypeError,
    AttributeError,
    RuntimeError,
    duckdb.Error,
)


def main(argv: list[str] | None = None) -> None:
    """Warm up, then hand over to Streamlit's own command line as `streamlit run app.py ...`."""
    args = sys.argv[1:] if argv is None else list(argv)
    plans: list[warm.ModulePlan] = []
    # In a thread of its own, so that nothing raised while warming can stop the server.
    before = threading.Thread(
        target=_guarded, args=("libraries", lambda: _before_start(plans)), name="warm-up"
    )
    before.start()
    before.join()
    threading.Thread(target=_warm_caches, args=(plans,), name="warm-landing", daemon=True).start()

    from streamlit.web import cli

    sys.argv = ["streamlit", "run", str(APP), *args]
    cli.main(prog_name="streamlit")


def _before_start(plans: list[warm.ModulePlan]) -> str:
    started = time.perf_counter()
    plans.append(warm.module_plan())
    warm.before_start(plans[0])
    return f"loaded in {time.perf_counter() - started:.1f} s"


def _warm_caches(plans: list[warm.ModulePlan]) -> None:
    """The landing page first; then, while no visitor is being served (ui.activity), every
    other measure's map and the Hubs page's small maps."""
    done: list[bool] = []
    _guarded("landing page", lambda: _landing_page(plans, done))
    if done:
        _guarded("other measures", lambda: _cached(warm.other_measures, "national maps"))
        _guarded("Hubs small maps", lambda: _cached(warm.hubs_small_maps, "small maps"))


def _cached(step: Callable[[], int], what: str) -> str:
    """Run a caching step that counts what it cached; say how many and how long it took (its
    waits for a quiet server included)."""
    started = time.perf_counter()
    count = step()
    return f"{count} {what} cached in {time.perf_counter() - started:.1f} s"


def _landing_page(plans: list[warm.ModulePlan], done: list[bool]) -> str:
    if not plans:
        return "not warmed: the modules could not be listed"
    if not wait_for_runtime(RUNTIME_WAIT_S):
        return "not warmed: Streamlit's runtime did not start"
    started = time.perf_counter()
    if not warm.landing_page(plans[0]):
        return "not warmed: the database has not been built"
    done.append(True)
    return f"cached in {time.perf_counter() - started:.1f} s"


def wait_for_runtime(timeout_s: float) -> bool:
    """Block until Streamlit's runtime is running (its caches exist then); False on timeout."""
    from streamlit import runtime
    from streamlit.runtime.runtime import RuntimeState

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if runtime.exists() and runtime.get_instance().state in (
            RuntimeState.NO_SESSIONS_CONNECTED,
            RuntimeState.ONE_OR_MORE_SESSIONS_CONNECTED,
        ):
            return True
        time.sleep(POLL_S)
    return False


def _guarded(what: str, step: Callable[[], str]) -> None:
    """Run a warming step and print one line on how it went; an expected error never escapes."""
    try:
        outcome = step()
    except WARM_ERRORS as exc:
        first_line = next(iter(str(exc).splitlines()), "")
        outcome = f"skipped ({type(exc).__name__}: {first_line})"
    print(f"Warm start, {what}: {outcome}", flush=True)


if __name__ == "__main__":
    main()
