"""Draw the map engine's figures in Streamlit and turn a click into a county FIPS."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from geo.choropleth import build_choropleth, plotly_config
from geo.extent import Box, area_box, padded
from ui.map_component import plotly_map
from ui.pagedata.catalogue import Measure

MAP_COLUMNS = ["fips", "name", "state_abbr", "value", "status", "note"]


def map_values(values: pd.DataFrame) -> pd.DataFrame:
    """The columns the map engine needs, names as hover shows them ('Wyandotte County, KS')."""
    frame = values.copy()
    frame["name"] = frame.get("full_name", frame.get("name"))
    frame["note"] = frame["note"].fillna("")
    return frame[MAP_COLUMNS]


def county_map(
    values: pd.DataFrame,
    measure: Measure,
    year: int,
    states: tuple[str, ...],
    *,
    classification: str = "quantiles",
    n_classes: int = 5,
    palette: str | None = None,
    outlines: pd.DataFrame | bool | None = None,
    institutions: pd.DataFrame | None = None,
    height: int = 620,
) -> go.Figure:
    """A county choropleth of one measure for the states in view (all when empty)."""
    fig = build_choropleth(
        map_values(values),
        value_label=measure.label,
        value_format=measure.value_format,
        unit=measure.unit,
        source_line=f"{measure.source}, {year}",
        classification=classification,
        n_classes=n_classes,
        palette=palette,
        midpoint=measure.diverging_midpoint,
        states=list(states) or None,
        outlines=outlines,
        institutions=institutions,
        height=height,
    )
    return fig


def area_map(
    values: pd.DataFrame,
    measure: Measure,
    points: pd.DataFrame,
    height: int,
    boxes: Mapping[str, Box] | None = None,
    margin: float = 0.06,
) -> go.Figure:
    """A small county map of a measure in its default year, framed on whole counties.

    `points` lists the counties to frame (fips, lon, lat, state_abbr); `boxes` holds each
    county's lon/lat box (`geo.extent.county_boxes`). A county without a box is framed by its
    point, so without boxes the frame falls back to the points.
    """
    fig = county_map(
        values,
        measure,
        measure.default_year,
        tuple(sorted(set(points["state_abbr"]))),
        height=height,
    )
    box = area_box(points["fips"], points["lon"], points["lat"], boxes or {})
    # Nothing to frame (a county without a drawable shape or point): keep the state view.
    return fig if box is None else zoom_to_box(fig, padded(box, margin=margin))


def metro_thumbnail(
    values: pd.DataFrame,
    measure: Measure,
    points: pd.DataFrame,
    title: str,
    boxes: Mapping[str, Box] | None = None,
) -> go.Figure:
    """A 300 px county map of one metro, titled with its name, no colour bar (one of a grid)."""
    fig = area_map(values, measure, points, height=300, boxes=boxes)
    fig.update_layout(
        title={"text": title, "font": {"size": 15}, "subtitle": {"text": ""}},
        annotations=[],
        margin={"l": 0, "r": 0, "t": 34, "b": 0},
    )
    fig.update_traces(showscale=False, selector={"type": "choropleth"})
    return fig


def zoom_to_box(fig: go.Figure, box: Box) -> go.Figure:
    """Fit a state-view map to a small area's lon/lat box (a metro, a county and its neighbours)."""
    lon0, lat0, lon1, lat1 = box
    height = lat1 - lat0
    # Same framing as the map engine's state views: a conic centred on the area, lon/lat ranges.
    fig.update_geos(
        projection={
            "type": "albers",
            "rotation": {"lon": (lon0 + lon1) / 2},
            "parallels": [lat0 + height / 6, lat1 - height / 6],
        },
        lonaxis_range=[lon0, lon1],
        lataxis_range=[lat0, lat1],
    )
    return fig


def highlight(fig: go.Figure, fips: str, label: str) -> go.Figure:
    """Draw a thick outline around one county (state-view geometry), e.g. the profiled place."""
    fig.add_trace(
        go.Choropleth(
            geojson="app/static/geo/counties_detail.json",
            locations=[fips],
            z=[0],
            colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
            showscale=False,
            marker={"line": {"color": "#d62728", "width": 3.5}},
            hoverinfo="skip",
            name=label,
            showlegend=False,
        )
    )
    return fig


def show_map(
    fig: go.Figure, key: str, clickable: bool = False, css_height: str | None = None
) -> str | None:
    """Draw a map with the offline config; return the FIPS of a clicked county, if any.

    `css_height` sizes the map by CSS (e.g. to the screen) instead of the figure's height.
    """
    clicked = plotly_map(
        fig, key=key, config=plotly_config(), clickable=clickable, css_height=css_height
    )
    if clicked and len(clicked) == 5 and clicked.isdigit():
        return clicked
    return None


def add_markers(
    fig: go.Figure,
    points: pd.DataFrame,
    name: str,
    symbol: str = "star",
    color: str = "#d62728",
    size: int = 13,
) -> go.Figure:
    """Overlay labelled markers (lon, lat, label columns), e.g. TechHire communities."""
    pts = points.dropna(subset=["lon", "lat"])
    fig.add_trace(
        go.Scattergeo(
            lon=pts["lon"],
            lat=pts["lat"],
            text=pts["label"],
            mode="markers",
            name=name,
            marker={
                "symbol": symbol,
                "size": size,
                "color": color,
                "line": {"color": "#ffffff", "width": 1},
            },
            hovertemplate="<b>%{text}</b><extra>" + name + "</extra>",
        )
    )
    return fig
