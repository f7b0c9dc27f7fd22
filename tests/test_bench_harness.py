"""The browser harness's plain parts: which requests are local, how websocket frames are read."""

from __future__ import annotations

import os
import subprocess
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench.app_bench import (
    _percentile,
    _thrown_at,
    combine_rounds,
    descendants,
    error_summary,
    lower_this_thread,
    nice_range,
    paint_phases,
    parse_stat,
    ratios,
    run_times,
)
from bench.harness import WsLog, back_kind, forward_kind, is_base_path_probe, is_local_url


@pytest.mark.parametrize(
    ("url", "local"),
    [
        ("http://localhost:8501/app/static/geo/counties.json", True),
        ("http://127.0.0.1:9000/_stcore/stream", True),
        ("data:image/png;base64,AAAA", True),
        ("blob:http://localhost:8501/1234", True),
        ("https://cdn.plot.ly/un/usa_110m.json", False),
        ("https://fonts.gstatic.com/s/i/materialsymbolsrounded/map/24px.svg", False),
        ("http://localhost.example.com/x", False),
    ],
)
def test_only_this_machine_counts_as_local(url: str, local: bool) -> None:
    assert is_local_url(url) is local


def test_deep_link_health_probe_is_recognised_but_a_root_failure_is_not() -> None:
    assert is_base_path_probe("http://localhost:8501/hubs/_stcore/health")
    assert is_base_path_probe("http://localhost:8501/story/_stcore/host-config")
    assert not is_base_path_probe("http://localhost:8501/_stcore/health")
    assert not is_base_path_probe("http://localhost:8501/app/static/geo/counties.json")


def finished(status: int = ForwardMsg.FINISHED_SUCCESSFULLY) -> bytes:
    msg = ForwardMsg()
    msg.script_finished = status
    return msg.SerializeToString()


def rerun() -> bytes:
    msg = BackMsg()
    msg.rerun_script.query_string = ""
    return msg.SerializeToString()


def test_frames_are_told_apart_and_a_replaced_run_is_not_a_finished_one() -> None:
    assert forward_kind(finished()) == "script_finished"
    assert forward_kind(finished(ForwardMsg.FINISHED_EARLY_FOR_RERUN)) == "script_interrupted"
    assert back_kind(rerun()) == "rerun_script"
    assert forward_kind("a text frame") is None
    assert forward_kind(b"\xff\xff\xff") is None


def test_the_app_is_idle_only_when_every_requested_run_has_finished() -> None:
    log = WsLog()
    log.on_sent(rerun())
    assert not log.idle_after(0)
    log.on_received(finished(ForwardMsg.FINISHED_EARLY_FOR_RERUN))
    assert not log.idle_after(0)
    log.on_sent(rerun())
    log.on_received(finished())
    assert not log.idle_after(0), "two runs asked for, one finished"
    log.on_received(finished())
    assert log.idle_after(0)
    assert not log.idle_after(2)


def test_run_times_pair_each_request_with_the_next_finished_run() -> None:
    log = WsLog()
    log.sent = [(1.0, 10, "rerun_script"), (5.0, 10, "rerun_script")]
    log.received = [(1.4, 99, "delta"), (2.0, 5, "script_finished"), (5.5, 5, "script_finished")]
    assert run_times(log) == pytest.approx([1.0, 0.5])
    assert run_times(log, since=3.0) == pytest.approx([0.5]), "the load's run is left out"


def test_percentile_interpolates_and_handles_no_data() -> None:
    assert _percentile([], 95) is None
    assert _percentile([1.0, 2.0, 3.0, 4.0, 5.0], 50) == 3.0
    assert _percentile([0.0, 10.0], 95) == pytest.approx(9.5)


def test_ratios_say_how_many_times_slower_or_bigger_the_baseline_is() -> None:
    def app(paint: float, kb: float) -> dict:
        return {
            "first_paint_cold_s": paint,
            "first_paint_warm_s": paint,
            "first_paint_warm_repeat_s": paint,
            "switch_repaint_s": paint,
            "first_load_http_kb": kb,
            "first_load_ws_kb": kb,
            "warm_load_ws_kb": kb,
            "first_load_server_s": paint,
            "first_run_finished_s": paint,
            "first_paint_phases": {},
            "errors": [],
            "pages": {"atlas": {"measure_switch": {"server_s": paint, "ws_kb": kb}}},
            "server_rss_mb": 100,
        }

    out = ratios(app(2.0, 50.0), app(20.0, 5000.0))
    assert out["first_paint_cold_s"] == 10.0
    assert out["first_load_ws_kb"] == 100.0
    assert out["measure_switch_ws_kb"] == 100.0


def test_paint_phases_split_a_first_paint_and_a_missing_mark_is_unknown_not_zero() -> None:
    marks = {"atlas-map:figure": 700.4, "atlas-map:plotly-ready": 780.0, "atlas-map:drawn": 1190.0}
    assert paint_phases(marks, painted_ms=1221.0) == {
        "page_until_map_ms": 700,
        "plotly_load_ms": 80,
        "plotly_draw_ms": 410,
        "to_screen_ms": 31,
    }
    # The naive baseline draws with st.plotly_chart: no marks, so only the total is known.
    unmarked = paint_phases(dict.fromkeys(marks), painted_ms=5000.0)
    assert set(unmarked.values()) == {None}


def _round_result(cold: float, warm: float, switches: list[float], draw_ms: int | None) -> dict:
    phases = {"page_until_map_ms": 600, "plotly_load_ms": 50, "plotly_draw_ms": draw_ms}
    return {
        "first_paint_cold_s": cold,
        "first_paint_warm_s": warm,
        "first_paint_warm_repeat_s": warm - 0.1,
        "switch_repaint_s": sorted(switches)[len(switches) // 2],
        "switch_repaint_all_s": switches,
        "first_paint_phases": {"cold": phases, "warm": phases},
        "errors": [f"error after {cold} s"],
        "first_load_ws_kb": round(cold * 100),
    }


def test_rounds_give_median_paints_and_keep_every_round_and_error() -> None:
    rounds = [
        _round_result(2.9, 1.2, [0.5, 0.6], 300),
        _round_result(2.1, 0.9, [0.3, 0.4], 280),
        _round_result(2.3, 1.0, [0.35, 0.45], 320),
    ]
    out = combine_rounds(rounds)
    # The median: one slow start (2.9 s) does not decide the figure.
    assert out["first_paint_cold_s"] == 2.3
    assert out["first_paint_warm_s"] == 1.0
    assert out["first_paint_warm_repeat_s"] == 0.9
    assert out["switch_repaint_s"] == 0.425  # median of all six switches
    assert out["first_paint_phases"]["warm"]["plotly_draw_ms"] == 300
    assert len(out["errors"]) == 3
    assert [r["first_paint_cold_s"] for r in out["rounds"]] == [2.9, 2.1, 2.3]
    assert out["first_load_ws_kb"] == 230  # bytes are the last round's, not a median
    # A phase some round could not time stays unknown.
    rounds[1]["first_paint_phases"]["warm"] = {**rounds[1]["first_paint_phases"]["warm"]}
    rounds[1]["first_paint_phases"]["warm"]["plotly_draw_ms"] = None
    assert combine_rounds(rounds)["first_paint_phases"]["warm"]["plotly_draw_ms"] is None
    # One round is passed through as it is.
    assert combine_rounds(rounds[:1]) == rounds[0]


def test_stat_line_gives_cpu_ticks_and_niceness_even_with_odd_command_names() -> None:
    # /proc/<pid>/stat: pid (comm) state ppid ... utime(14) stime(15) ... priority(18) nice(19)
    rest = ["S", "1", "1", "1", "0", "-1", "0", "0", "0", "0", "0", "120", "35"]
    rest += ["0", "0", "30", "10", "12"]
    text = "4242 (Chrome_ChildIOT (x)) " + " ".join(rest) + " 0 0 0"
    assert parse_stat(text) == (155, 10)


def test_error_summary_counts_each_kind_once_commonest_first() -> None:
    errors = [
        "state_filter: Locator.click: Timeout 60000ms exceeded.\nCall log:\n  - waiting",
        "console: boom @ http://localhost/x",
        "state_filter: Locator.click: Timeout 60000ms exceeded.\nCall log:\n  - other detail",
    ]
    assert error_summary(errors) == {
        "state_filter: Locator.click: Timeout 60000ms exceeded.": 2,
        "console: boom @ http://localhost/x": 1,
    }
    assert len(error_summary([f"error {i}" for i in range(30)], limit=10)) == 10


def test_a_lowered_thread_starts_programs_that_cannot_raise_their_priority_again() -> None:
    def in_thread() -> str:
        lower_this_thread(5)
        # `nice -n -5` asks for niceness 0 again; it may only warn that it was refused.
        done = subprocess.run(["nice", "-n", "-5", "nice"], capture_output=True, text=True)
        return done.stdout.strip()

    main_nice = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    with ThreadPoolExecutor(max_workers=1) as pool:
        assert pool.submit(in_thread).result() == str(max(main_nice, 5))
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == main_nice


def test_a_started_program_is_found_with_the_niceness_it_runs_at() -> None:
    # preexec_fn runs before exec, and Popen returns only once exec has happened: no race.
    child = subprocess.Popen(["sleep", "30"], preexec_fn=lambda: os.nice(7))
    try:
        assert child.pid in descendants(os.getpid())
        own = os.getpriority(os.PRIO_PROCESS, 0)
        assert nice_range([child.pid]) == (own + 7, own + 7)
    finally:
        child.kill()
        child.wait()


def test_a_page_error_says_where_it_was_thrown() -> None:
    error = RuntimeError("Cannot read properties of undefined (reading 'objects')")
    error.stack = (  # what Playwright gives for an uncaught error in the page
        "TypeError: Cannot read properties of undefined (reading 'objects')\n"
        "    at SVGGElement.<anonymous> (http://localhost:1/app/static/vendor/geo.js:24:7)\n"
        "    at Ar (http://localhost:1/app/static/vendor/geo.js:15:20)"
    )
    assert (
        _thrown_at(error)
        == "SVGGElement.<anonymous> (http://localhost:1/app/static/vendor/geo.js:24:7)"
    )
    assert _thrown_at(RuntimeError("no stack")) == "?"
