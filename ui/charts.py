"""Bar and line charts for the comparisons, in the Atlas's type and colours."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

GROUP_COLORS = {"coastal_hubs": "#1a1a1a", "heartland_cities": "#c51b7d"}
OTHER_COLOR = "#1f5f8b"
FONT = {"family": "Source Sans Pro, Arial, sans-serif", "size": 15, "color": "#262730"}


def _layout(fig: go.Figure, title: str, source: str, height: int) -> go.Figure:
    fig.update_layout(
        template="none",
        font=FONT,
        height=height,
        title={"text": title, "x": 0.01},
        margin={"l": 10, "r": 20, "t": 80, "b": 95},
        paper_bgcolor="rgba(0,0,0,0)",
        legend={"orientation": "h", "x": 0, "y": 1.0, "yanchor": "bottom"},
        annotations=[
            {
                "text": f"Source: {source}",
                "x": 0,
                "y": -0.14,
                "yanchor": "top",
                "xref": "paper",
                "yref": "paper",
                "showarrow": False,
                "xanchor": "left",
                "font": {"size": 12, "color": "#555555"},
            }
        ],
    )
    return fig


def bar_chart(
    frame: pd.DataFrame, value_format: str, title: str, source: str, height: int = 460
) -> go.Figure:
    """Horizontal bars: columns label, value, group_id (colour); largest at the top."""
    data = frame.dropna(subset=["value"]).sort_values("value")
    colors = [GROUP_COLORS.get(g, OTHER_COLOR) for g in data.get("group_id", [None] * len(data))]
    fig = go.Figure(
        go.Bar(
            x=data["value"],
            y=data["label"],
            orientation="h",
            marker_color=colors,
            texttemplate=f"%{{x:{value_format}}}",
            textposition="outside",
            cliponaxis=False,
            hovertemplate=f"<b>%{{y}}</b><br>%{{x:{value_format}}}<extra></extra>",
        )
    )
    fig.update_xaxes(tickformat=value_format, showgrid=True, gridcolor="#eeeeee")
    fig.update_yaxes(automargin=True)
    return _layout(fig, title, source, height)


def line_chart(
    frame: pd.DataFrame,
    value_format: str,
    title: str,
    source: str,
    height: int = 420,
    base_line: float | None = None,
) -> go.Figure:
    """One line per area: columns label, year, value, group_id (colour)."""
    fig = go.Figure()
    for label, part in frame.groupby("label", sort=False):
        group = part["group_id"].iloc[0] if "group_id" in part else None
        fig.add_trace(
            go.Scatter(
                x=part["year"],
                y=part["value"],
                mode="lines+markers",
                name=str(label),
                line={"width": 3, "color": GROUP_COLORS.get(group, None)},
                hovertemplate=f"%{{x}}: %{{y:{value_format}}}<extra>{label}</extra>",
            )
        )
    if base_line is not None:
        fig.add_hline(y=base_line, line={"color": "#999999", "dash": "dot", "width": 1})
    fig.update_yaxes(tickformat=value_format, showgrid=True, gridcolor="#eeeeee")
    fig.update_xaxes(dtick=2)
    return _layout(fig, title, source, height)
