"""The Story page's map: a lean county choropleth styled for a projector.

Lean because every slide change sends the figure over the websocket: county geometry is fetched
once by URL, and per slide only the FIPS codes, a small class code and the value travel (numbers
as float32/int8 typed arrays). Suppressed and not-available counties are separate traces with
their own colour and hover text, so a suppressed county is never drawn or read as zero.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from geo.classify import classify
from geo.palettes import NO_DATA, SUPPRESSED, class_colors
from queries.story_facts import format_value

COUNTIES_URL = "app/static/geo/counties.json"
METROS_URL = "app/static/geo/metros.json"
BASEMAP_FOLDER_URL = "app/static/"
N_CLASSES = 5
FONT_FAMILY = "Source Sans Pro, Source Sans 3, Liberation Sans, Arial, sans-serif"
INK = "#111111"
METRO_LINE = "#111111"


@dataclass(frozen=True)
class MapStyle:
    """Type sizes for the map; the presentation theme uses the large set."""

    legend_font: int = 13
    hover_font: int = 14

    @classmethod
    def projector(cls) -> MapStyle:
        """Large legend and hover type that reads on a projector and through video compression."""
        return cls(legend_font=20, hover_font=20)


def plotly_config() -> dict:
    """Chart config: the base map from the app's own static folder, no mode bar, no logo."""
    return {"topojsonURL": BASEMAP_FOLDER_URL, "displayModeBar": False, "displaylogo": False}


def story_map(
    values: pd.DataFrame,
    *,
    label: str,
    value_format: str,
    metro_codes: list[str] | tuple[str, ...] = (),
    palette: str | None = None,
    style: MapStyle | None = None,
    zoom_to_data: bool = False,
) -> go.Figure:
    """County choropleth of `values` (columns fips, value, status) in quantile classes."""
    style = style or MapStyle()
    missing = sorted(set(("fips", "value", "status")) - set(values.columns))
    if missing:
        raise ValueError(f"values needs columns fips, value, status; missing {missing}")
    ok = values[values["status"] == "ok"]
    suppressed = values[values["status"] == "suppressed"]
    absent = values[~values["status"].isin(["ok", "suppressed"])]

    classes = classify(ok["value"].to_numpy(dtype=float), "quantiles", N_CLASSES)
    colors = class_colors(palette, max(classes.k, 1))
    fig = go.Figure()
    if classes.k:
        fig.add_trace(_classed_trace(ok, classes, colors, label, value_format, style))
    for frame, color, words in (
        (suppressed, SUPPRESSED, "Suppressed"),
        (absent, NO_DATA, "No figure"),
    ):
        if len(frame):
            fig.add_trace(_flat_trace(frame, color, words, style))
    if metro_codes:
        fig.add_trace(_metro_outline(metro_codes))

    fig.update_geos(
        scope="usa",
        projection_type="albers usa",
        showlakes=False,
        showland=False,
        bgcolor="rgba(0,0,0,0)",
        fitbounds="locations" if zoom_to_data else False,
        visible=False,
    )
    fig.update_layout(
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        paper_bgcolor="rgba(0,0,0,0)",
        font={"family": FONT_FAMILY, "color": INK, "size": style.legend_font},
        hoverlabel={"font_size": style.hover_font, "font_family": FONT_FAMILY},
        showlegend=False,
        dragmode=False,
        annotations=[_missing_key(style, len(suppressed) > 0, len(absent) > 0, bool(metro_codes))],
    )
    return fig


def _classed_trace(
    ok: pd.DataFrame,
    classes: object,
    colors: list[str],
    label: str,
    value_format: str,
    style: MapStyle,
) -> go.Choropleth:
    k = len(colors)
    edges = classes.edges  # type: ignore[attr-defined]
    # Stepped scale: class i fills [i/k, (i+1)/k], so each class is one flat colour.
    scale = []
    for i, color in enumerate(colors):
        scale += [[i / k, color], [(i + 1) / k, color]]
    ticktext = [
        f"{_fmt(edges[i], value_format)} – {_fmt(edges[i + 1], value_format)}" for i in range(k)
    ]
    return go.Choropleth(
        geojson=COUNTIES_URL,
        locations=ok["fips"].tolist(),
        z=classes.index.astype(np.int8),  # type: ignore[attr-defined]
        zmin=-0.5,
        zmax=k - 0.5,
        colorscale=scale,
        customdata=ok["value"].to_numpy(dtype=np.float32),
        hovertemplate=(
            f"<b>%{{properties.name}}</b><br>{label}: %{{customdata:{value_format}}}<extra></extra>"
        ),
        marker_line_width=0.2,
        marker_line_color="#ffffff",
        colorbar={
            "title": {"text": label, "side": "top", "font": {"size": style.legend_font}},
            "tickvals": list(range(k)),
            "ticktext": ticktext,
            "tickfont": {"size": style.legend_font},
            "orientation": "h",
            "x": 0.5,
            "xanchor": "center",
            "y": -0.02,
            "yanchor": "top",
            "thickness": 14,
            "len": 0.9,
            "outlinewidth": 0,
        },
    )


def _flat_trace(frame: pd.DataFrame, color: str, words: str, style: MapStyle) -> go.Choropleth:
    return go.Choropleth(
        geojson=COUNTIES_URL,
        locations=frame["fips"].tolist(),
        z=np.zeros(len(frame), dtype=np.int8),
        colorscale=[[0, color], [1, color]],
        showscale=False,
        hovertemplate=f"<b>%{{properties.name}}</b><br>{words}<extra></extra>",
        marker_line_width=0.2,
        marker_line_color="#ffffff" if color == SUPPRESSED else "#bdbdbd",
    )


def _metro_outline(codes: list[str] | tuple[str, ...]) -> go.Choropleth:
    """Hub and heartland metros drawn as dark outlines over the counties."""
    return go.Choropleth(
        geojson=METROS_URL,
        locations=list(codes),
        z=np.zeros(len(codes), dtype=np.int8),
        colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
        showscale=False,
        marker_line_width=1.6,
        marker_line_color=METRO_LINE,
        hovertemplate="%{properties.name}<extra></extra>",
    )


def _missing_key(style: MapStyle, suppressed: bool, absent: bool, metros: bool) -> dict:
    """A small key for the grey counties, so suppressed is never read as low."""
    parts = []
    if suppressed:
        parts.append(f"<span style='color:{SUPPRESSED}'>■</span> Suppressed by the agency")
    if absent:
        parts.append("<span style='color:#bdbdbd'>□</span> No figure published")
    if metros:
        parts.append("<b>▭</b> Hub and heartland metros")
    return {
        "text": "    ".join(parts),
        "showarrow": False,
        "xref": "paper",
        "yref": "paper",
        "x": 0.0,
        "y": 1.0,
        "xanchor": "left",
        "yanchor": "top",
        "font": {"size": max(style.legend_font - 4, 11), "color": INK},
    }


def _fmt(value: float, value_format: str) -> str:
    """A legend number in the measure's own format, shortened for large counts."""
    if "%" not in value_format and abs(value) >= 10_000:
        return format_value(value, "s").replace(" thousand", "k").replace(" million", "M")
    return format_value(value, value_format)
