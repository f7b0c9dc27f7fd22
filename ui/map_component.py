"""Draw a Plotly map that stays mounted across reruns: a new figure recolours it in place.

st.plotly_chart gives every new figure a new element id (the id hashes the figure), so the
browser throws the chart away and draws all 3,100 counties again on each measure switch, and
loses the user's zoom. This component keeps one Plotly graph per key and hands it each new
figure with Plotly.react. Plotly.js is served from the app's static folder (geo/plotly_js.py),
so nothing is fetched from the internet.
"""

from __future__ import annotations

from pathlib import Path

import plotly.graph_objects as go
import streamlit as st

import settings
from geo.plotly_js import served_bundle

HERE = Path(__file__).resolve().parent
# Versioned file names let the browser keep the script until plotly itself is upgraded.
PLOTLY_URL = "app/static/" + served_bundle(settings.static_dir())

_MAP = st.components.v2.component(
    "atlas.plotly_map",
    js=(HERE / "map_component.js").read_text(),
    # Plotly adds its own styles to the page head; a shadow root would hide them from the map.
    isolate_styles=False,
)


PRELOAD_KEY = "atlas_plotly_preload"


def preload_plotly() -> None:
    """Start loading plotly.js in the browser now, while the page's queries and figure run.

    Invisible (the frame's CSS hides it); call it before anything slow in the script.
    """
    _MAP(key=PRELOAD_KEY, data={"preload": True, "plotly_url": PLOTLY_URL})


def plotly_map(
    fig: go.Figure,
    *,
    key: str,
    config: dict,
    clickable: bool = False,
    css_height: str | None = None,
) -> str | None:
    """Draw `fig`; return the location (county FIPS) the user clicked in this run, if any.

    `css_height` (a CSS length such as "calc(100vh - 10rem)") sizes the map to the screen, as
    the presentation theme does, instead of the figure's own height.
    """
    callbacks = {"on_clicked_change": lambda: None} if clickable else {}
    result = _MAP(
        key=key,
        data={
            "figure": fig.to_json(),
            "config": config,
            "clickable": clickable,
            "css_height": css_height,
            "height": fig.layout.height,
            "plotly_url": PLOTLY_URL,
        },
        **callbacks,
    )
    clicked = getattr(result, "clicked", None) if clickable else None
    return clicked if isinstance(clicked, str) else None
