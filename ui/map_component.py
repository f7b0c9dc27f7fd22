"""Draw a Plotly map that stays mounted across reruns: a new figure recolours it in place.

st.plotly_chart gives every new figure a new element id (the id hashes the figure), so the
browser throws the chart away and draws all 3,100 counties again on each measure switch, and
loses the user's zoom. This component keeps one Plotly graph per key and hands it each new
figure with Plotly.react. Plotly.js is served once from the app's static folder (copied there
from the installed plotly package), so nothing is fetched from the internet.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import plotly
import plotly.graph_objects as go
import streamlit as st
from plotly.offline import get_plotlyjs_version

import settings

HERE = Path(__file__).resolve().parent
PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
# The version in the name lets the browser keep the file until plotly itself is upgraded.
VENDOR_NAME = f"plotly-{get_plotlyjs_version()}.min.js"
PLOTLY_URL = f"app/static/vendor/{VENDOR_NAME}"

_MAP = st.components.v2.component(
    "atlas.plotly_map",
    js=(HERE / "map_component.js").read_text(),
    # Plotly adds its own styles to the page head; a shadow root would hide them from the map.
    isolate_styles=False,
)


def vendor_plotly(static_dir: Path) -> Path:
    """Copy plotly.min.js into `static_dir`/vendor (once; again if the package changed)."""
    target = static_dir / "vendor" / VENDOR_NAME
    if not target.is_file() or target.stat().st_size != PLOTLY_JS.stat().st_size:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".partial")
        shutil.copyfile(PLOTLY_JS, partial)
        partial.replace(target)  # a browser never sees a half-written file
    return target


vendor_plotly(settings.static_dir())


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
