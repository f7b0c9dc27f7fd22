"""The warm-start launcher (python -m ui.serve): what it imports when, and that it never gets in
the way of the server (same exit code as `streamlit run`, one line when warming fails)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from ui import serve, warm

ROOT = Path(__file__).resolve().parents[1]


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


@pytest.fixture
def tiny_app(tmp_path: Path) -> Path:
    """A frame and one page over three packages of ours: one module reaches streamlit only
    through another of ours, one import sits inside a function, one name imported is a
    function and not a module."""
    write(
        tmp_path,
        {
            "app.py": "from ui import sidebar\n",
            "pages/atlas.py": (
                "import json\nfrom ui.pagedata import numbers\nfrom geo.shapes import draw\n"
            ),
            "ui/__init__.py": "",
            "ui/sidebar.py": "from ui import widgets\n",
            "ui/widgets.py": "import streamlit as st\n",
            "ui/pagedata/__init__.py": "",
            "ui/pagedata/numbers.py": "import csv\n\n\ndef total():\n    import decimal\n",
            "geo/__init__.py": "",
            "geo/shapes.py": "from geo.palette import BLUE\n\n\ndef draw():\n    return BLUE\n",
            "geo/palette.py": "BLUE = '#1f5f8b'\n",
        },
    )
    return tmp_path


def test_modules_that_reach_streamlit_wait_for_the_runtime_and_the_rest_load_first(
    tiny_app: Path,
) -> None:
    plan = warm.module_plan(tiny_app)
    assert {"streamlit", "ui.widgets", "ui.sidebar"} <= set(plan.with_runtime)
    assert {"json", "csv", "decimal", "geo", "geo.shapes", "geo.palette"} <= set(
        plan.before_runtime
    )
    assert {"ui", "ui.pagedata", "ui.pagedata.numbers"} <= set(plan.before_runtime)
    everything = plan.before_runtime + plan.with_runtime
    assert "geo.shapes.draw" not in everything  # a function, not a module
    assert len(everything) == len(set(everything))


def test_the_real_pages_load_their_libraries_before_the_server_and_the_caches_after() -> None:
    plan = warm.module_plan()
    assert {"pandas", "duckdb", "plotly.graph_objects", "geo.choropleth"} <= set(
        plan.before_runtime
    )
    # st.cache_data warns when a function is decorated before the runtime exists.
    assert {"ui.cache", "ui.db", "ui.sidebar"} <= set(plan.with_runtime)
    assert not any(name.startswith("streamlit") for name in plan.before_runtime)


def test_without_a_database_the_landing_page_is_left_cold(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ATLAS_DB", str(tmp_path / "missing.duckdb"))
    assert warm.landing_page(warm.ModulePlan(before_runtime=[], with_runtime=[])) is False
    assert warm.database_file() == 0


def test_a_failed_warm_up_prints_one_line_and_does_not_raise(
    capsys: pytest.CaptureFixture[str],
) -> None:
    def broken() -> str:
        raise duckdb.IOException("Could not set lock on file\nConflicting lock is held")

    serve._guarded("landing page", broken)
    out = capsys.readouterr().out
    assert out == "Warm start, landing page: skipped (IOException: Could not set lock on file)\n"


def test_a_bad_option_exits_as_streamlit_run_does() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ui.serve", "--no-such-option"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert "No such option '--no-such-option'" in result.stderr
