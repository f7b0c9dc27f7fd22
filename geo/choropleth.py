"""County choropleths that draw from prepared geometry served by URL, so a rerun ships only values.

    fig = build_choropleth(values, value_label="Tech jobs", value_format=",.0f", unit="jobs",
                           source_line="BLS QCEW 2023, private", states=["KS", "MO"])
    st.plotly_chart(fig, config=plotly_config(), on_select="rerun", selection_mode="points")

``values`` has one row per county: ``fips`` (5-char text), ``name``, ``state_abbr``, ``value``,
``status`` ('ok' / 'suppressed' / 'not_available') and ``note``. Options (keyword-only):

- ``classification``: 'quantiles' (default), 'equal_interval', 'natural_breaks' or 'continuous';
  ``n_classes`` 1-9 (ties and few values may leave fewer, see geo.classify);
- ``palette``: a name from geo.palettes.PALETTES (default: a sequential blue-green, or purple-orange
  when ``midpoint`` is set); ``midpoint``: a value that becomes a class edge and the centre of a
  diverging palette (e.g. the US rate, or 0 for growth);
- ``states``: 2-letter abbreviations to zoom to; the view, its ranks and classes use only them;
- ``outlines``: CBSA codes, or a DataFrame with ``cbsa_code`` and ``group_label`` (one outline
  colour per group, toggled from the legend) and optionally ``cbsa_title`` (OMB title; state
  views then draw only the metros in the chosen states);
- ``institutions``: DataFrame with lon, lat, name, type (and optionally state_abbr), drawn as
  points coloured by type;
- ``static_url_prefix``: where static/ is served ('app/static/' inside Streamlit);
- ``height``, ``uirevision`` (keep zoom and legend clicks across reruns; defaults to the view).

What the figure holds: one choropleth trace of class numbers on a stepped colour scale (the colour
bar labels the class edges in ``value_format`` with the unit), one choropleth trace for suppressed
and not-available counties (two greys), an outline trace for state borders, optional metro outline
and institution traces, and legend-only markers that explain zero / suppressed / no data. Every
choropleth refers to the geometry by URL; values travel as typed arrays.
"""

from __future__ import annotations

import html
import textwrap

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from geo import palettes
from geo.classify import CONTINUOUS_STEPS, METHODS, Classes, classify
from geo.legend import colorbar_ticks, is_whole
from geo.numfmt import shows_unit
from geo.states import ABBR_STATE, NOT_ON_ALBERS_USA, STATE_NAME, metro_piece_id, views_bbox

REQUIRED_COLUMNS = ("fips", "name", "state_abbr", "value", "status", "note")
STATUSES = ("ok", "suppressed", "not_available")
STATUS_TEXT = {"suppressed": "Suppressed", "not_available": "No data"}
MAX_NOTE_TRACES = 3
HUB_COLORS = ("#1a1a1a", "#c51b7d")  # black, then magenta: apart in luminance for any vision
# Okabe-Ito colours, the first ones far from the blues and greens of the map's palettes: dots
# for community colleges (the first type) stay visible on the darkest counties.
INSTITUTION_COLORS = ("#e69f00", "#000000", "#cc79a7", "#d55e00", "#56b4e9", "#009e73", "#0072b2")
# "Source Sans" is the typeface the dashboard page already loads (served by the app itself).
FONT = {"family": "Source Sans, Source Sans Pro, Arial, sans-serif", "size": 15, "color": "#262730"}
KEY_FONT = {"size": 13}
# The map takes the left of the figure; its colour bar and the legend (zero, suppressed, no
# data, metro outlines) share one column beside it, so every key sits next to the map and the
# map keeps the full height.
MAP_RIGHT = 0.8
NATIONAL_RIGHT = 0.86
KEY_LEFT = 0.81
# Behind the key: where the national frame runs under the key column, a zoomed-in map fills the
# frame, and the key stays readable over it.
KEY_BACKGROUND = "#ffffff"
COLORBAR_LEN = 0.58
# Slide export: 16:9 at twice the pixels so text stays sharp on a projector.
EXPORT = {"format": "png", "width": 1600, "height": 900, "scale": 2, "filename": "atlas-map"}


def plotly_config(static_url_prefix: str = "app/static/") -> dict:
    """Config for st.plotly_chart: local base map (no internet), no Plotly logo, slide-size PNG."""
    return {
        "topojsonURL": static_url_prefix,
        "displaylogo": False,
        "scrollZoom": False,
        "modeBarButtonsToRemove": ["lasso2d", "select2d"],
        "toImageButtonOptions": EXPORT,
    }


def _check_values(values: pd.DataFrame) -> pd.DataFrame:
    """Validate the values table and return a copy with clean types."""
    if not isinstance(values, pd.DataFrame):
        raise TypeError(f"values should be a pandas DataFrame, got {type(values).__name__}")
    missing = [c for c in REQUIRED_COLUMNS if c not in values.columns]
    if missing:
        raise ValueError(f"values is missing column(s) {missing}; needs {list(REQUIRED_COLUMNS)}")
    out = values.loc[:, list(REQUIRED_COLUMNS)].copy()
    out["fips"] = out["fips"].astype(str)
    bad = out.loc[out["fips"].str.len() != 5, "fips"].head(3).tolist()
    if bad:
        raise ValueError(f"fips must be 5-character text, got e.g. {bad}")
    unknown = sorted(set(out["status"].dropna()) - set(STATUSES))
    if unknown:
        raise ValueError(f"unknown status value(s) {unknown}; expected {STATUSES}")
    out["value"] = pd.to_numeric(out["value"], errors="coerce").astype(float)
    out["status"] = out["status"].fillna("not_available")
    # An 'ok' row without a number has nothing to colour: show it as no data, never as zero.
    out.loc[(out["status"] == "ok") & out["value"].isna(), "status"] = "not_available"
    out["note"] = out["note"].fillna("").astype(str)
    return out


def _edges_with_midpoint(classes: Classes, midpoint: float | None) -> tuple[float, ...]:
    """Class edges with the midpoint inserted, so no class straddles it."""
    edges = classes.edges
    if midpoint is None or len(edges) < 2 or not edges[0] < midpoint < edges[-1]:
        return edges
    return tuple(sorted({*edges, float(midpoint)}))


def class_edges(
    values: np.ndarray, method: str, n_classes: int, midpoint: float | None = None
) -> tuple[float, ...]:
    """Class edges for the values; with a midpoint, each side is classed on its own.

    Classing the two sides separately (classes shared in proportion to the counties on each
    side, at least two a side from four classes up) keeps the midpoint an edge and stops one
    long tail from taking every class, e.g. job growth: declines and gains get their own steps.
    """
    values = np.asarray(values, dtype=float)
    values = values[~np.isnan(values)]
    if midpoint is None or n_classes < 2:
        return _edges_with_midpoint(classify(values, method, n_classes), midpoint)
    below, above = values[values <= midpoint], values[values > midpoint]
    if below.size == 0 or above.size == 0:
        return _edges_with_midpoint(classify(values, method, n_classes), midpoint)
    # Two classes a side at least when there are four or more, so "a little" and "a lot" of
    # decline stay apart even when few counties declined.
    least = 2 if n_classes >= 4 else 1
    n_low = min(max(least, round(n_classes * below.size / values.size)), n_classes - least)
    low = classify(below, method, n_low).edges
    high = classify(above, method, n_classes - n_low).edges
    # The low side's top edge becomes the midpoint; the high side's classes start above it.
    return (*low[:-1], float(midpoint), *high[1:])


def _assign(values: np.ndarray, edges: tuple[float, ...]) -> np.ndarray:
    """Class index per value: class k is (edges[k], edges[k+1]], the first closed below."""
    if len(edges) < 2:
        return np.zeros(values.shape, dtype=np.int8)
    return np.searchsorted(np.asarray(edges[1:-1]), values, side="left").astype(np.int8)


def class_colors_for(
    edges: tuple[float, ...], palette: str | None, midpoint: float | None
) -> list[str]:
    """One colour per class: sequential, or diverging when a midpoint splits the classes."""
    k = max(len(edges) - 1, 1)
    diverging = midpoint is not None or (palette is not None and palettes.is_diverging(palette))
    if not diverging:
        return palettes.class_colors(palette, k)
    centre = midpoint if midpoint is not None else (edges[0] + edges[-1]) / 2
    n_low = sum(1 for i in range(k) if edges[i + 1] <= centre)
    return palettes.diverging_colors(palette, n_low, k - n_low)


def stepped_colorscale(colors: list[str]) -> list[list]:
    """A colour scale for z in [-0.5, k - 0.5] where each whole number is one flat colour."""
    k = len(colors)
    scale: list[list] = []
    for i, color in enumerate(colors):
        scale.append([i / k, color])
        scale.append([(i + 1) / k, color])
    return scale


def _compact(array: np.ndarray) -> np.ndarray:
    """float32 when it holds every value to display precision (whole numbers up to 2**24 exact):
    it halves the bytes each rerun sends; float64 otherwise."""
    finite = array[np.isfinite(array)]
    if finite.size == 0 or np.abs(finite).max() < 2**24:
        return array.astype(np.float32)
    return array.astype(np.float64)


def _ranks(values: pd.Series) -> np.ndarray:
    """Rank 1 = highest value; ties share the best rank."""
    return values.rank(ascending=False, method="min").to_numpy()


def _geo_layout(states: list[str] | None) -> dict:
    """Albers USA for the nation; an Albers conic centred on the chosen states otherwise.

    Plotly's "usa" scope only draws with the Albers USA projection (any other type leaves the map
    blank, and Albers USA ignores zooming to a state; both checked in Chromium), and it has no
    Puerto Rico inset. State views therefore use the "world" scope, whose base map file is served
    locally as a copy of the US one (geo.prepare writes both), with the conic's centre and
    standard parallels set from the view's bounding box; ranges in lon/lat frame the view.
    Alaska's box runs past -180 deg, which the rotated projection draws as one piece.
    """
    base = {
        "showland": True,
        "landcolor": "#ffffff",
        "showlakes": False,
        "showsubunits": False,
        "showcountries": False,
        "showcoastlines": False,
        "showframe": False,
        "bgcolor": "rgba(0,0,0,0)",
    }
    if not states:
        # Albers USA leaves the east of its frame empty (beyond Maine): the frame may run under
        # the key column and the map grows. Zoomed in, the map fills the frame: the key has a
        # background (KEY_BACKGROUND).
        return {
            **base,
            "scope": "usa",
            "projection": {"type": "albers usa"},
            "domain": {"x": [0, NATIONAL_RIGHT], "y": [0, 1]},
        }
    lon0, lat0, lon1, lat1 = views_bbox(states)
    pad_lon, pad_lat = max((lon1 - lon0) * 0.05, 0.1), max((lat1 - lat0) * 0.05, 0.1)
    height = lat1 - lat0
    return {
        **base,
        "domain": {"x": [0, MAP_RIGHT], "y": [0, 1]},
        "scope": "world",
        "projection": {
            "type": "albers",
            "rotation": {"lon": (lon0 + lon1) / 2},
            # Standard parallels at 1/6 and 5/6 of the view keep shapes true inside it.
            "parallels": [lat0 + height / 6, lat1 - height / 6],
        },
        "lonaxis": {"range": [lon0 - pad_lon, lon1 + pad_lon]},
        "lataxis": {"range": [lat0 - pad_lat, lat1 + pad_lat]},
    }


def _legend_marker(name: str, color: str, rank: int, line: str = "#9e9e9e") -> go.Scattergeo:
    """A legend-only entry (no points) explaining one map colour."""
    return go.Scattergeo(
        lon=[None],
        lat=[None],
        mode="markers",
        marker={
            "symbol": "square",
            "size": 14,
            "color": color,
            "line": {"color": line, "width": 1},
        },
        name=name,
        legendrank=rank,
        hoverinfo="skip",
        showlegend=True,
    )


def _outline_trace(
    url: str, ids: list[str], color: str, width: float, name: str, **kw
) -> go.Choropleth:
    """A transparent choropleth that only draws borders (no hover, so counties stay hoverable)."""
    return go.Choropleth(
        geojson=url,
        locations=np.asarray(ids, dtype=str),
        z=np.zeros(len(ids), dtype=np.int8),
        colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
        showscale=False,
        marker={"line": {"color": color, "width": width}},
        hoverinfo="skip",
        name=name,
        showlegend=False,
        **kw,
    )


def build_choropleth(
    values: pd.DataFrame,
    *,
    value_label: str,
    value_format: str,
    unit: str,
    source_line: str,
    classification: str = "quantiles",
    n_classes: int = 5,
    palette: str | None = None,
    midpoint: float | None = None,
    states: list[str] | None = None,
    outlines: pd.DataFrame | list[str] | None = None,
    institutions: pd.DataFrame | None = None,
    static_url_prefix: str = "app/static/",
    height: int = 620,
    uirevision: str | None = None,
) -> go.Figure:
    """A county choropleth of values, classed and coloured, with geometry referenced by URL."""
    table = _check_values(values)
    states = sorted(set(states)) if states else None
    if states:
        views_bbox(states)  # raises on an unknown abbreviation
        table = table[table["state_abbr"].isin(states)]
    else:
        # Albers USA has no inset for Puerto Rico: leave it out of the national view and ranks.
        table = table[~table["fips"].str[:2].isin(NOT_ON_ALBERS_USA)]
    geo_dir = f"{static_url_prefix}geo/"
    county_url = geo_dir + ("counties_detail.json" if states else "counties.json")

    ok = table[table["status"] == "ok"]
    n = n_classes
    if classification == "continuous":
        n = max(n_classes, CONTINUOUS_STEPS)
    edges = class_edges(ok["value"].to_numpy(), classification, n, midpoint)
    colors = class_colors_for(edges, palette, midpoint)
    k = len(colors)
    z = _assign(ok["value"].to_numpy(), edges)
    view = ", ".join(states) if states else "the US"

    # No unit after a value that already shows it ('20.7%', not '20.7% percent').
    unit_text = f" {unit}" if unit and not shows_unit(value_format) else ""
    fmt = value_format
    traces: list = []
    if len(ok):
        customdata = np.column_stack([ok["value"].to_numpy(), _ranks(ok["value"])])
        tickvals, ticktext = colorbar_ticks(edges, fmt, is_whole(ok["value"].to_numpy()))
        traces.append(
            go.Choropleth(
                geojson=county_url,
                # numpy arrays skip plotly's per-item validation: a third of the build time.
                locations=ok["fips"].to_numpy(dtype=str),
                z=z,
                zmin=-0.5,
                zmax=k - 0.5,
                colorscale=stepped_colorscale(colors),
                customdata=_compact(customdata),
                hovertemplate=(
                    "<b>%{properties.name}</b><br>"
                    f"{value_label}: %{{customdata[0]:{fmt}}}{unit_text}<br>"
                    f"Rank %{{customdata[1]:,}} of {len(ok):,} in {view}<extra></extra>"
                ),
                marker={"line": {"color": palettes.OUTLINE, "width": 0.3 if not states else 0.6}},
                colorbar={
                    "title": {
                        "text": _colorbar_title(value_label, unit),
                        "side": "top",
                        "font": KEY_FONT,
                    },
                    "tickmode": "array",
                    "tickvals": tickvals,
                    "ticktext": ticktext,
                    "tickfont": KEY_FONT,
                    "ticks": "",
                    "thickness": 16,
                    "len": COLORBAR_LEN,
                    "lenmode": "fraction",
                    "x": KEY_LEFT,
                    "xanchor": "left",
                    "y": 1.0,
                    "yanchor": "top",
                    # Room in the key's background for the lowest label, centred on the end.
                    "ypad": 8,
                    "outlinewidth": 0,
                    "bgcolor": KEY_BACKGROUND,
                },
                name=value_label,
                showlegend=False,
            )
        )

    line_width = 0.3 if not states else 0.6
    traces.extend(_missing_traces(table[table["status"] != "ok"], county_url, line_width))

    state_ids = [ABBR_STATE[a] for a in states] if states else None
    if state_ids is None:
        state_ids = sorted({f[:2] for f in table["fips"]})

    traces.append(_outline_trace(geo_dir + "states.json", state_ids, "#5f5f5f", 0.8, "States"))

    traces.extend(_metro_traces(outlines, geo_dir + "metros.json", states))
    if institutions is not None and len(institutions):
        traces.extend(_institution_traces(institutions, states))

    n_zero = int((ok["value"] == 0).sum())
    if n_zero:
        zero_class = int(_assign(np.array([0.0]), edges)[0])
        traces.append(_legend_marker(f"Zero ({n_zero:,})", colors[zero_class], 10))
    n_supp = int((table["status"] == "suppressed").sum())
    if n_supp:
        traces.append(_legend_marker(f"Suppressed ({n_supp:,})", palettes.SUPPRESSED, 11))
    n_none = int((table["status"] == "not_available").sum())
    if n_none:
        traces.append(_legend_marker(f"No data ({n_none:,})", palettes.NO_DATA, 12))

    method = METHODS.get(classification, classification)
    layout = dict(
        template="none",
        font=FONT,
        height=height,
        margin={"l": 0, "r": 0, "t": 64, "b": 8},
        paper_bgcolor="rgba(0,0,0,0)",
        title={
            "text": f"{value_label} — {place_name(states)} counties",
            "x": 0.01,
            "font": {"size": 18, "weight": 600},
            "subtitle": {
                "text": f"Source: {source_line}. Classes: {method[:1].lower() + method[1:]}.",
                "font": {"size": 13, "color": "#555555"},
            },
        },
        geo=_geo_layout(states),
        legend={
            "orientation": "v",
            "x": KEY_LEFT,
            "xanchor": "left",
            # Just below the colour bar and its title.
            "y": 1.0 - COLORBAR_LEN - 0.04,
            "yanchor": "top",
            "font": KEY_FONT,
            "itemwidth": 30,
            "tracegroupgap": 2,
            "bgcolor": KEY_BACKGROUND,
        },
        uirevision=uirevision or ("map-" + (view if states else "us")),
        dragmode=False,
    )
    # One constructor call: update_layout would deep-copy and validate the layout a second time.
    return go.Figure(data=traces, layout=layout)


def _missing_traces(missing: pd.DataFrame, url: str, line_width: float) -> list:
    """Suppressed and not-available counties, in two greys, with the reason on hover.

    The same note is often repeated for a thousand counties (QCEW's non-disclosure); sent per
    county it would be most of the bytes of a rerun. So the commonest (status, note) groups get
    a trace each with the note written once in its hover template, and only the rest carry
    per-county text. All the traces share the geometry URL, which the browser fetches once.
    """
    if missing.empty:
        return []
    groups = missing.groupby(["status", "note"], sort=False).size().sort_values(ascending=False)
    shared = list(groups.index[:MAX_NOTE_TRACES])
    traces = []
    rest = missing
    for status, note in shared:
        rows = missing[(missing["status"] == status) & (missing["note"] == note)]
        rest = rest.drop(rows.index)
        reason = html.escape(_reason(status, note))
        traces.append(_grey_trace(rows, url, line_width, hover=reason))
    if len(rest):
        text = [
            html.escape(_reason(st, nt))
            for st, nt in zip(rest["status"], rest["note"], strict=True)
        ]
        traces.append(_grey_trace(rest, url, line_width, text=text))
    return traces


def place_name(states: list[str] | None) -> str:
    """The view in words: "United States", "Kansas", "Kansas and Missouri", "KS, MO, NE"."""
    if not states:
        return "United States"
    if len(states) <= 2:
        return " and ".join(STATE_NAME[s] for s in states)
    return ", ".join(states)


def _colorbar_title(label: str, unit: str, width: int = 16) -> str:
    """The measure on short lines (a long one would run off the figure), then the unit in grey."""
    lines = "<br>".join(textwrap.wrap(label, width)) or label
    if not unit:
        return lines
    # The last, tiny line keeps the top tick label off the unit.
    return (
        f"{lines}<br><span style='font-size:11px;color:#666666'>{unit}</span>"
        "<br><span style='font-size:5px'> </span>"
    )


def _reason(status: str, note: str) -> str:
    """Hover line for a county without a value: the status, then the note (said once)."""
    label = STATUS_TEXT[status]
    if not note:
        return label
    return note if note.lower().startswith(label.lower()) else f"{label}: {note}"


def _grey_trace(
    rows: pd.DataFrame, url: str, line_width: float, hover: str = "", text: list | None = None
) -> go.Choropleth:
    """One choropleth of suppressed (mid grey) and not-available (near white) counties."""
    reason = _wrap(hover) if hover else "%{text}"
    return go.Choropleth(
        geojson=url,
        locations=rows["fips"].to_numpy(dtype=str),
        z=np.where(rows["status"] == "suppressed", 0, 1).astype(np.int8),
        zmin=0,
        zmax=1,
        colorscale=[
            [0, palettes.SUPPRESSED],
            [0.5, palettes.SUPPRESSED],
            [0.5, palettes.NO_DATA],
            [1, palettes.NO_DATA],
        ],
        showscale=False,
        text=None if text is None else np.asarray(text, dtype=str),
        hovertemplate=f"<b>%{{properties.name}}</b><br>{reason}<extra></extra>",
        marker={"line": {"color": "#bdbdbd", "width": line_width}},
        name="Suppressed or no data",
        showlegend=False,
    )


def _wrap(text: str, width: int = 60) -> str:
    """Break a long hover note into lines so the label stays on screen."""
    return "<br>".join(textwrap.wrap(text, width)) or text


def metro_states(cbsa_title: str) -> set[str]:
    """State abbreviations a CBSA spans, from its OMB title ("Kansas City, MO-KS" -> MO, KS)."""
    return set(cbsa_title.rsplit(", ", 1)[-1].split("-")) if ", " in cbsa_title else set()


def _outline_ids(cbsa_code: str, spans: set[str], states: list[str]) -> list[str]:
    """Outline ids for one metro in a state view: itself, its pieces in view, or none."""
    shown = sorted(spans & set(states))
    if len(spans) <= 1 or set(spans) <= set(states):
        return [cbsa_code] if shown else []
    return [metro_piece_id(cbsa_code, abbr) for abbr in shown]


def _metro_traces(
    outlines: pd.DataFrame | list[str] | None, url: str, states: list[str] | None
) -> list:
    """Metro outline traces: one per group, toggled from the legend."""
    if outlines is None:
        return []
    if not isinstance(outlines, pd.DataFrame):
        outlines = pd.DataFrame({"cbsa_code": list(outlines), "group_label": "Metros"})
    missing = {"cbsa_code", "group_label"} - set(outlines.columns)
    if missing:
        raise ValueError(f"outlines is missing column(s) {sorted(missing)}")
    # Colours follow the group's place among all groups, so a group keeps its colour when a
    # state view leaves the other group out.
    labels = sorted(outlines["group_label"].astype(str).unique())
    colours = {label: HUB_COLORS[i % len(HUB_COLORS)] for i, label in enumerate(labels)}
    if states and "cbsa_title" in outlines.columns:
        # A state view's lon/lat ranges do not clip other traces: keep only metros in view, and
        # of a metro that spans several states only the pieces inside the states shown.
        outlines = outlines.assign(
            outline_id=[
                _outline_ids(
                    str(code), metro_states(title if isinstance(title, str) else ""), states
                )
                for code, title in zip(outlines["cbsa_code"], outlines["cbsa_title"], strict=True)
            ]
        ).explode("outline_id")
        outlines = outlines[outlines["outline_id"].notna()]
    else:
        outlines = outlines.assign(outline_id=outlines["cbsa_code"].astype(str))
    traces = []
    groups = outlines.groupby("group_label", sort=True)["outline_id"]
    for i, (label, codes) in enumerate(groups):
        color = colours[str(label)]
        ids = sorted(codes.astype(str).unique())
        group = f"metros-{i}"
        traces.append(_outline_trace(url, ids, color, 2.2, str(label), legendgroup=group))
        # A choropleth draws no legend swatch; a line entry in the same group shows the colour
        # and still toggles the outlines.
        traces.append(
            go.Scattergeo(
                lon=[None],
                lat=[None],
                mode="lines",
                line={"color": color, "width": 3},
                name=str(label),
                legendgroup=group,
                legendrank=20 + i,
                hoverinfo="skip",
            )
        )
    return traces


def _institution_traces(points: pd.DataFrame, states: list[str] | None) -> list:
    """One small scattergeo trace per institution type (a handful of categories)."""
    missing = {"lon", "lat", "name", "type"} - set(points.columns)
    if missing:
        raise ValueError(f"institutions is missing column(s) {sorted(missing)}")
    pts = points.dropna(subset=["lon", "lat"])
    if states and "state_abbr" in pts.columns:
        pts = pts[pts["state_abbr"].isin(states)]
    traces = []
    for i, (kind, group) in enumerate(pts.groupby("type", sort=True)):
        traces.append(
            go.Scattergeo(
                lon=group["lon"].to_numpy(dtype=np.float32),
                lat=group["lat"].to_numpy(dtype=np.float32),
                text=group["name"].to_numpy(dtype=str),
                mode="markers",
                marker={
                    "size": 6,
                    "color": INSTITUTION_COLORS[i % len(INSTITUTION_COLORS)],
                    "line": {"color": "#ffffff", "width": 0.8},
                },
                name=str(kind),
                hovertemplate=f"<b>%{{text}}</b><br>{kind}<extra></extra>",
                legendrank=30 + i,
            )
        )
    return traces
