"""A deliberately naive county map, the yardstick the Atlas is benchmarked against.

It does what a typical Streamlit choropleth does: it loads the unsimplified 2016 Census county
boundaries shipped in PyPI `plotly-geo` (cb_2016_us_county_500k, about 32 MB as GeoJSON) and
inlines them into `px.choropleth` on every rerun, so every interaction ships the whole geometry
over the websocket and the browser re-parses it. The values come from the same real database as
the Atlas, so both apps draw the same numbers.

Run by bench/app_bench.py from a temporary folder that also holds `static/usa_110m.json` (Plotly's
base map, served locally so no request leaves the machine). Widget keys: `baseline_metric`,
`baseline_state`.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import duckdb
import geopandas as gpd
import pandas as pd
import plotly.express as px
import streamlit as st

COUNTY_SHP = "cb_2016_us_county_500k.shp"


def county_geojson() -> dict:
    """The unsimplified 2016 county boundaries as GeoJSON, feature id = 5-digit FIPS."""
    import _plotly_geo  # imported here: only the benchmark needs the 24 MB package

    shp = Path(_plotly_geo.__file__).parent / "package_data" / COUNTY_SHP
    gdf = gpd.read_file(shp)[["GEOID", "NAME", "geometry"]]
    return json.loads(gdf.set_index("GEOID").to_json())


@st.cache_data(max_entries=1)
def cached_county_geojson() -> dict:
    """Read the shapefile once per process; the naive part is shipping it on every rerun."""
    return county_geojson()


def connect(db: str) -> duckdb.DuckDBPyConnection:
    """Open the Atlas database read-only."""
    return duckdb.connect(db, read_only=True)


def main() -> None:
    """Draw the measure chosen in the sidebar for the whole country or one state."""
    st.set_page_config(page_title="Baseline county map", layout="wide")
    db = os.environ["ATLAS_DB"]
    con = connect(db)
    metrics = con.execute(
        "SELECT metric_id, label, default_year FROM metrics ORDER BY sort_order, metric_id"
    ).df()
    labels = dict(zip(metrics["metric_id"], metrics["label"], strict=True))
    metric = st.sidebar.selectbox(
        "Measure", list(labels), format_func=labels.get, key="baseline_metric"
    )
    states = con.execute("SELECT state_fips, state_name FROM states ORDER BY state_name").df()
    state_names = dict(zip(states["state_fips"], states["state_name"], strict=True))
    state = st.sidebar.selectbox(
        "State",
        ["", *state_names],
        format_func=lambda s: state_names.get(s, "All states"),
        key="baseline_state",
    )
    year = metrics.loc[metrics["metric_id"] == metric, "default_year"].iloc[0]
    df: pd.DataFrame = con.execute(
        """
        SELECT v.fips, c.full_name, v.value
        FROM county_values v JOIN counties c USING (fips)
        WHERE v.metric_id = $metric AND v.year = $year
          AND ($state = '' OR c.state_fips = $state)
        """,
        {"metric": metric, "year": int(year), "state": state},
    ).df()
    con.close()
    fig = px.choropleth(
        df,
        geojson=cached_county_geojson(),
        locations="fips",
        color="value",
        hover_name="full_name",
        scope="usa",
        color_continuous_scale="Viridis",
    )
    if state:
        fig.update_geos(fitbounds="locations")
    fig.update_layout(margin={"l": 0, "r": 0, "t": 0, "b": 0}, height=600)
    st.title(labels[metric])
    st.plotly_chart(fig, config={"topojsonURL": "/app/static/"}, key="baseline_map")
    st.dataframe(df.sort_values("value", ascending=False).head(20), hide_index=True)


main()
