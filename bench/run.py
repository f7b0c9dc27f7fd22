"""Print the Atlas benchmark figures: ``python bench/run.py`` (a table) or ``--json`` (one object).

The map figures come from bench/map_bench.py; other benchmarks add their dicts to ``collect``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    # Run as a script, Python puts bench/ on the path, not the project root.
    sys.path.insert(0, str(ROOT))

from bench.app_bench import run as run_app_bench  # noqa: E402
from bench.map_bench import run_map_bench  # noqa: E402
from bench.story_bench import run as run_story_bench  # noqa: E402

TARGETS = {
    "interaction_bytes": ("<=", 100_000),
    "interaction_server_ms": ("<", 150),
    "national_geometry_bytes": ("<", 1_500_000),
    "interaction_bytes_ratio": (">=", 30),
    "slide_change_server_ms": ("<", 200),
    "slide_change_bytes": ("<", 100_000),
    "first_paint_cold_s": ("<", 2.5),
    "first_paint_warm_s": ("<", 1.0),
    "switch_repaint_s": ("<", 0.5),
    "sessions_25_errors": ("<=", 0),
    "sessions_25_p95_s": ("<", 1.5),
}


def collect(runs: int, baseline_runs: int, app: dict | None = None) -> dict:
    """Every benchmark figure in one flat dict (the whole-app detail nested in `app_detail`)."""
    figures = run_map_bench(runs=runs, baseline_runs=baseline_runs)
    # Presenter mode (bench/story_bench.py): its single figures; the per-change list stays there.
    story = run_story_bench()
    figures.update({k: v for k, v in story.items() if isinstance(v, int | float | str)})
    if app is not None:
        # Whole app in Chromium (bench/app_bench.py): build, paint, sessions, naive baseline.
        figures.update(run_app_bench(**app))
    return figures


def main(argv: list[str] | None = None) -> None:
    """Run the benchmarks and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--runs", type=int, default=20, help="runs per Atlas measurement")
    parser.add_argument("--baseline-runs", type=int, default=3, help="runs per baseline one")
    parser.add_argument("--no-app", action="store_true", help="skip the whole-app benchmark")
    parser.add_argument(
        "--app-seconds", type=float, default=60.0, help="length of each concurrent-sessions run"
    )
    parser.add_argument(
        "--no-app-baseline", action="store_true", help="whole app without the naive baseline"
    )
    parser.add_argument(
        "--app-rounds", type=int, default=3, help="fresh app starts for the first-paint medians"
    )
    args = parser.parse_args(argv)
    app = None
    if not args.no_app:
        app = {
            "duration_s": args.app_seconds,
            "baseline": not args.no_app_baseline,
            "rounds": args.app_rounds,
        }
    figures = collect(args.runs, args.baseline_runs, app)
    if args.json:
        print(json.dumps(figures))
        return
    for key, value in figures.items():
        if isinstance(value, dict):
            continue  # nested detail: see --json
        target = TARGETS.get(key)
        mark = ""
        if target and isinstance(value, int | float):
            op, limit = target
            ok = {"<=": value <= limit, "<": value < limit, ">=": value >= limit}[op]
            mark = f"   target {op} {limit:,}: {'met' if ok else 'MISSED'}"
        shown = f"{value:,}" if isinstance(value, int | float) else value
        print(f"{key:40} {shown}{mark}")


if __name__ == "__main__":
    main()
