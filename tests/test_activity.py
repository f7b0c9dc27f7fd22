"""Background work (the warm start's caching) waits while visitors are being served."""

from __future__ import annotations

import threading
import time

import pytest

from ui import activity


def test_a_run_in_progress_or_just_ended_keeps_background_work_waiting() -> None:
    with activity.visitor_run():
        assert not activity.is_idle(quiet_s=0.0)
    ended = time.monotonic()
    # The browser is still fetching what the page needs from this server for a moment.
    assert not activity.is_idle(quiet_s=3.0, now=ended + 1.0)
    assert activity.is_idle(quiet_s=3.0, now=ended + 3.5)


def test_a_run_that_fails_still_ends() -> None:
    with pytest.raises(RuntimeError), activity.visitor_run():
        raise RuntimeError("the page failed")
    assert activity.is_idle(quiet_s=0.0)


def test_waiting_background_work_goes_on_only_after_the_visitor_run_ends() -> None:
    started, ended = threading.Event(), threading.Event()
    release = threading.Event()

    def visitor() -> None:
        with activity.visitor_run():
            started.set()
            release.wait(5)
        ended.set()

    thread = threading.Thread(target=visitor)
    thread.start()
    started.wait(5)
    waiter = threading.Thread(target=activity.wait_until_idle, args=(0.0, 0.01))
    waiter.start()
    waiter.join(0.2)
    assert waiter.is_alive(), "background work went on during a visitor's run"
    release.set()
    waiter.join(5)
    thread.join(5)
    assert not waiter.is_alive() and ended.is_set()
