"""Whether visitors are being served by this server process, so that background work (the warm
start's caching) runs only while nobody waits for a page.

Every script run goes through app.py, which wraps itself in `visitor_run()`. Background work
calls `wait_until_idle()` before each of its small steps: it goes on once no run is in progress
and none has ended for QUIET_S seconds. Measured with the benchmark on 2 cores: caching the other
maps while the first visitor's page loaded made that first paint about 0.4 s slower, also from a
thread at the lowest CPU priority (such a thread still competes for Python's GIL); in a run with
a 3 s pause, the steps that fell between ten users' clicks raised their p95 from 0.9 to 1.6 s
(and the server's CPU time from 5.3 to 8.6 s). After a run the browser still fetches from this
process what the page needs (scripts, geometry), and people click again within seconds: a quiet
server is one left alone for QUIET_S.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

QUIET_S = 10.0
POLL_S = 0.05

_lock = threading.Lock()
_runs = 0
# time.monotonic() when the last run ended. It starts at the server's start (this module is
# imported before the server listens): a visitor who comes at once, and whose browser is still
# fetching the app's scripts, has the machine to themselves too.
_last_end = time.monotonic()


@contextmanager
def visitor_run() -> Iterator[None]:
    """Count a script run as in progress until it ends, however it ends (rerun, stop, error)."""
    global _runs, _last_end
    with _lock:
        _runs += 1
    try:
        yield
    finally:
        with _lock:
            _runs -= 1
            _last_end = time.monotonic()


def is_idle(quiet_s: float = QUIET_S, now: float | None = None) -> bool:
    """True when no run is in progress and none has ended in the last `quiet_s` seconds."""
    now = time.monotonic() if now is None else now
    with _lock:
        return _runs == 0 and now - _last_end >= quiet_s


def wait_until_idle(quiet_s: float = QUIET_S, poll_s: float = POLL_S) -> None:
    """Return once the server is idle."""
    while not is_idle(quiet_s):
        time.sleep(poll_s)
