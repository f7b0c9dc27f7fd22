"""Map benchmark: what one interaction costs with the map engine, against a naive baseline.

An interaction is what happens when a user switches the measure or the state: the server builds
the figure and Streamlit sends its JSON spec (``plotly.io.to_json(fig, validate=False)``, the
string st.plotly_chart puts in its protobuf) over the websocket. Measured for the national county
map and a one-state view:

- the Atlas: ``geo.choropleth.build_choropleth`` with geometry referenced by URL (fetched once by
  the browser over HTTP and cached; its size is reported separately);
- the baseline: the unsimplified 2016 Census county boundaries from PyPI ``plotly-geo``
  (cb_2016_us_county_500k) inlined into ``px.choropleth`` on every rerun, as a typical
  Streamlit choropleth does (bench/baseline_app.py is the same thing as a whole app). Reading
  the shapefile is done once and not counted, like the baseline app's cache.

Values come from the built database (``county_values``) when it exists; otherwise each county's
land area from the prepared boundaries stands in (a real per-county number, not made up), and
the result says so.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
import plotly.io as pio

import settings
from geo.choropleth import build_choropleth
from geo.prepare import prepare_geometry
from geo.states import STATE_ABBR

DEFAULT_METRIC = "tech_jobs"
DEFAULT_STATE = "KS"
VALUES_SQL = """
select v.fips, c.full_name as name, c.state_abbr, v.value, v.status, v.note
from county_values v join counties c using (fips)
where v.metric_id = $metric and v.year = $year
order by v.fips
"""
METRIC_SQL = (
    "select label, unit, value_format, source, default_year from metrics where metric_id = $metric"
)


def load_values(
    db_path: Path | None = None, metric: str = DEFAULT_METRIC
) -> tuple[pd.DataFrame, dict]:
    """County values for one measure from the database, or county land area without one."""
    db_path = Path(db_path or settings.db_path())
    if db_path.exists():
        import duckdb

        con = duckdb.connect(str(db_path), read_only=True)
        try:
            meta = con.execute(METRIC_SQL, {"metric": metric}).fetchone()
            if meta is None:
                raise ValueError(f"metric {metric!r} is not in {db_path}")
            label, unit, fmt, source, year = meta
            values = con.execute(VALUES_SQL, {"metric": metric, "year": int(year)}).df()
        finally:
            con.close()
        info = {"label": label, "unit": unit, "format": fmt, "source": f"{source}, {year}"}
        return values, {**info, "values_source": f"database {db_path.name}: {metric} {year}"}
    with tempfile.TemporaryDirectory() as tmp:
        table = prepare_geometry(settings.sources_dir(), Path(tmp), {})
    values = pd.DataFrame(
        {
            "fips": table["fips"],
            "name": table["name"],
            "state_abbr": table["fips"].str[:2].map(STATE_ABBR),
            "value": table["area_km2"],
            "status": "ok",
            "note": "",
        }
    )
    info = {"label": "Area", "unit": "km²", "format": ",.0f", "source": "Census 2023 boundaries"}
    return values, {**info, "values_source": "no database: county area from the boundaries"}


def _timed(build: Callable[[], go.Figure], runs: int) -> tuple[float, int]:
    """Median milliseconds to build and serialise the figure, and the spec's size in bytes."""
    times, size = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        spec = pio.to_json(build(), validate=False)
        times.append((time.perf_counter() - started) * 1000)
        size = len(spec.encode("utf-8"))
    return statistics.median(times), size


def atlas_interaction(values: pd.DataFrame, info: dict, states: list[str] | None, runs: int):
    """(median ms, bytes) for one Atlas map interaction."""

    def build() -> go.Figure:
        return build_choropleth(
            values,
            value_label=info["label"],
            value_format=info["format"],
            unit=info["unit"],
            source_line=info["source"],
            states=states,
        )

    return _timed(build, runs)


def baseline_geojson() -> dict:
    """The unsimplified 2016 county boundaries from plotly-geo as GeoJSON, id = FIPS."""
    import json

    import _plotly_geo  # the 24 MB benchmark-only package (dev dependency)
    import geopandas as gpd

    shp = Path(_plotly_geo.__file__).parent / "package_data" / "cb_2016_us_county_500k.shp"
    gdf = gpd.read_file(shp)[["GEOID", "NAME", "geometry"]]
    return json.loads(gdf.set_index("GEOID").to_json())


def baseline_interaction(values: pd.DataFrame, geojson: dict, states: list[str] | None, runs: int):
    """(median ms, bytes) for the naive map: whole geometry inlined into px.choropleth."""
    frame = values if not states else values[values["state_abbr"].isin(states)]

    def build() -> go.Figure:
        fig = px.choropleth(
            frame,
            geojson=geojson,
            locations="fips",
            color="value",
            hover_name="name",
            scope="usa",
            color_continuous_scale="Viridis",
        )
        if states:
            fig.update_geos(fitbounds="locations")
        return fig

    return _timed(build, runs)


def geometry_sizes(static_dir: Path | None = None) -> dict[str, int]:
    """Bytes of the prepared geometry files (prepared into a temporary folder if missing)."""
    static_dir = Path(static_dir or settings.static_dir())
    if not (static_dir / "geo" / "counties.json").exists():
        static_dir = Path(tempfile.mkdtemp(prefix="atlas-bench-"))
        prepare_geometry(settings.sources_dir(), static_dir, {})
    geo = static_dir / "geo"
    return {
        "national_geometry_bytes": (geo / "counties.json").stat().st_size,
        "detail_geometry_bytes": (geo / "counties_detail.json").stat().st_size,
        "states_geometry_bytes": (geo / "states.json").stat().st_size,
    }


def run_map_bench(
    runs: int = 20, baseline_runs: int = 3, state: str = DEFAULT_STATE, metric: str = DEFAULT_METRIC
) -> dict:
    """Every map figure as one flat dict (bytes, milliseconds and ratios)."""
    values, info = load_values(metric=metric)
    ms, size = atlas_interaction(values, info, None, runs)
    state_ms, state_size = atlas_interaction(values, info, [state], runs)
    geojson = baseline_geojson()
    base_ms, base_size = baseline_interaction(values, geojson, None, baseline_runs)
    base_state_ms, base_state_size = baseline_interaction(values, geojson, [state], baseline_runs)
    result = {
        "values_source": info["values_source"],
        "counties": int(len(values)),
        "state_view": state,
        "runs": runs,
        "baseline_runs": baseline_runs,
        "interaction_bytes": size,
        "interaction_server_ms": round(ms, 1),
        "state_interaction_bytes": state_size,
        "state_interaction_server_ms": round(state_ms, 1),
        "baseline_interaction_bytes": base_size,
        "baseline_interaction_server_ms": round(base_ms, 1),
        "baseline_state_interaction_bytes": base_state_size,
        "baseline_state_interaction_server_ms": round(base_state_ms, 1),
        **geometry_sizes(),
    }
    result["interaction_bytes_ratio"] = round(base_size / size, 1)
    result["state_interaction_bytes_ratio"] = round(base_state_size / state_size, 1)
    result["interaction_server_ms_ratio"] = round(base_ms / ms, 1)
    result["state_interaction_server_ms_ratio"] = round(base_state_ms / state_ms, 1)
    return result
