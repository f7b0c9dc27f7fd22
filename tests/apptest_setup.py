"""The scripts AppTest runs and how long one run may take, shared by the AppTest modules."""

from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
STORY_PAGE = str(ROOT / "pages" / "story.py")
TIMEOUT = 60  # seconds per run on the tiny fixture database
REAL_TIMEOUT = 120  # the real database: national maps take longer to draw


def app_test(script: str = APP, timeout: float = TIMEOUT) -> AppTest:
    """An AppTest of `script` (default: the whole app) that allows `timeout` seconds per run."""
    return AppTest.from_file(script, default_timeout=timeout)


def drawn_maps(at: AppTest) -> list[dict]:
    """The Plotly figures of the maps the last run drew (the Atlas map component), in order."""
    maps = []
    for element in at.get("bidi_component"):
        if element.proto.component_name != "atlas.plotly_map":
            continue
        data = json.loads(element.proto.json)
        if "figure" in data:  # not the hidden instance that only loads plotly.js early
            maps.append(json.loads(data["figure"]))
    return maps
