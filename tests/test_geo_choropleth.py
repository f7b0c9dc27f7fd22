"""The county choropleth: colours for values, zero, suppressed and no data; trace structure;
geometry by URL; hover, ranks and state views."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from geo import palettes
from geo.choropleth import build_choropleth, class_edges, metro_states, plotly_config


def _values(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["fips", "name", "state_abbr", "value", "status", "note"])


SMALL = _values(
    [
        ("20001", "Allen County, KS", "KS", 0.0, "ok", ""),
        ("20003", "Anderson County, KS", "KS", 10.0, "ok", ""),
        ("20005", "Atchison County, KS", "KS", 20.0, "ok", ""),
        ("20007", "Barber County, KS", "KS", 30.0, "ok", ""),
        ("20009", "Barton County, KS", "KS", None, "suppressed", "BLS does not disclose"),
        ("29001", "Adair County, MO", "MO", 40.0, "ok", ""),
        ("29003", "Andrew County, MO", "MO", None, "not_available", "Not published"),
        ("29005", "Atchison County, MO", "MO", None, "ok", ""),
    ]
)


def _figure(values: pd.DataFrame = SMALL, **kw) -> go.Figure:
    options = {"value_label": "Tech jobs", "value_format": ",.0f", "unit": "jobs",
               "source_line": "BLS QCEW 2023", "n_classes": 4}  # fmt: skip
    return build_choropleth(values, **{**options, **kw})


def _colour_of(fig: go.Figure, fips: str) -> str:
    """The fill colour plotly.js would give a county, read from its trace's stepped scale."""
    for trace in fig.data:
        if trace.type != "choropleth" or trace.locations is None or fips not in trace.locations:
            continue
        z = float(np.asarray(trace.z)[list(trace.locations).index(fips)])
        scale = [(float(stop), color) for stop, color in trace.colorscale]
        position = (z - trace.zmin) / (trace.zmax - trace.zmin)
        # Flat steps: the colour of the last stop at or below the position, within its step.
        inside = [color for stop, color in scale if stop <= position + 1e-9]
        return inside[-1]
    raise AssertionError(f"{fips} is not drawn")


def test_zero_suppressed_and_no_data_look_different():
    fig = _figure()
    zero = _colour_of(fig, "20001")
    suppressed = _colour_of(fig, "20009")
    no_data = _colour_of(fig, "29003")
    assert suppressed == palettes.SUPPRESSED
    assert no_data == palettes.NO_DATA
    assert len({zero, suppressed, no_data}) == 3


def test_an_ok_row_without_a_number_is_no_data_not_zero():
    fig = _figure()
    assert _colour_of(fig, "29005") == palettes.NO_DATA
    assert _colour_of(fig, "29005") != _colour_of(fig, "20001")


def test_zero_takes_the_lowest_class_colour_and_has_its_own_legend_line():
    fig = _figure()
    zero_colour = _colour_of(fig, "20001")
    assert zero_colour == _colour_of(fig, "20003") or zero_colour == fig.data[0].colorscale[0][1]
    legend = {t.name: t.marker.color for t in fig.data if t.type == "scattergeo"}
    assert legend["Zero (1)"] == zero_colour
    assert legend["Suppressed (1)"] == palettes.SUPPRESSED
    assert legend["No data (2)"] == palettes.NO_DATA


def test_higher_values_get_darker_classes():
    fig = _figure()
    main = fig.data[0]
    z = dict(zip(main.locations, np.asarray(main.z), strict=True))
    assert z["20001"] <= z["20003"] <= z["20005"] <= z["20007"] <= z["29001"]
    assert z["29001"] > z["20001"]


def test_one_value_trace_with_a_stepped_scale_and_class_edges_on_the_colour_bar():
    fig = _figure()
    value_traces = [t for t in fig.data if t.type == "choropleth" and t.showscale is not False]
    assert len(value_traces) == 1
    bar = value_traces[0].colorbar
    # Counts: one range per class; the zero is a class of its own (quantiles, ties kept together).
    assert list(bar.ticktext) == ["0", "1–10", "11–30", "31–40"]
    assert list(bar.tickvals) == [0, 1, 2, 3]
    assert "jobs" in bar.title.text
    assert "BLS QCEW 2023" in fig.layout.title.subtitle.text


def test_every_choropleth_refers_to_geometry_by_url_and_no_geometry_is_inlined():
    fig = _figure(outlines=pd.DataFrame({"cbsa_code": ["28140"], "group_label": ["Heartland"]}))
    for trace in fig.data:
        if trace.type == "choropleth":
            assert isinstance(trace.geojson, str) and trace.geojson.startswith("app/static/geo/")
    spec = pio.to_json(fig, validate=False)
    assert '"coordinates"' not in spec and "Polygon" not in spec


def test_a_national_rerun_sends_well_under_100_kb_for_3000_counties():
    rng = np.random.default_rng(0)
    n = 3100
    values = _values(
        [(f"{20000 + 2 * i + 1:05d}", f"County {i}", "KS", float(v), "ok", "")
         for i, v in enumerate(rng.lognormal(8, 2, size=n))]
    )  # fmt: skip
    values.loc[values.index[:1200], ["value", "status", "note"]] = [None, "suppressed", "N" * 120]
    size = len(pio.to_json(_figure(values), validate=False))
    assert size < 100_000


def test_hover_shows_name_value_with_unit_and_rank_in_view():
    fig = _figure()
    template = fig.data[0].hovertemplate
    assert "%{properties.name}" in template
    assert "%{customdata[0]:,.0f} jobs" in template
    assert "of 5 in the US" in template
    ranks = dict(zip(fig.data[0].locations, np.asarray(fig.data[0].customdata)[:, 1], strict=True))
    assert ranks["29001"] == 1 and ranks["20001"] == 5
    # A format that already shows the unit is not followed by it ("20.7%", not "20.7% percent").
    for fmt, unit in ((".1%", "percent"), ("$,.0f", "dollars")):
        template = _figure(value_format=fmt, unit=unit).data[0].hovertemplate
        assert f"%{{customdata[0]:{fmt}}}<br>" in template, template


def test_state_view_reranks_zooms_and_uses_finer_geometry():
    fig = _figure(states=["KS"])
    main = fig.data[0]
    assert set(main.locations) == {"20001", "20003", "20005", "20007"}
    ranks = dict(zip(main.locations, np.asarray(main.customdata)[:, 1], strict=True))
    assert ranks["20007"] == 1
    assert "of 4 in KS" in main.hovertemplate
    assert main.geojson.endswith("counties_detail.json")
    lon = fig.layout.geo.lonaxis.range
    assert lon[0] < -102.05 and lon[1] > -94.6 and lon[1] - lon[0] < 12


def test_suppressed_hover_says_why():
    fig = _figure()
    grey = [
        t
        for t in fig.data
        if t.type == "choropleth" and t.locations is not None and "20009" in list(t.locations)
    ]
    assert (
        "BLS does not disclose" in grey[0].hovertemplate
        or "BLS does not disclose" in (grey[0].text or [""])[list(grey[0].locations).index("20009")]
    )


def test_a_note_shared_by_many_counties_is_sent_once():
    rows = [
        (f"20{2 * i + 1:03d}", f"C{i}", "KS", None, "suppressed", "Not disclosed")
        for i in range(50)
    ]
    rows.append(("20901", "X", "KS", 5.0, "ok", ""))
    spec = pio.to_json(_figure(_values(rows)), validate=False)
    assert spec.count("Not disclosed") == 1


def test_midpoint_becomes_a_class_edge_with_two_sides_of_a_diverging_palette():
    fig = _figure(midpoint=15.0, n_classes=4)
    # A class ends at the midpoint and the next starts just above it.
    assert list(fig.data[0].colorbar.ticktext)[1:3] == ["1–15", "16–30"]
    schemes = [colors for table in palettes._DIVERGING.values() for colors in table.values()]
    low_side = {c for colors in schemes for c in colors[: len(colors) // 2]}
    high_side = {c for colors in schemes for c in colors[(len(colors) + 1) // 2 :]}
    assert _colour_of(fig, "20003") in low_side  # 10, below the midpoint
    assert _colour_of(fig, "20005") in high_side  # 20, above it


def test_metro_outlines_are_toggleable_legend_groups_and_filtered_to_the_view():
    outlines = pd.DataFrame(
        {
            "cbsa_code": ["28140", "41860"],
            "group_label": ["Heartland cities", "Coastal tech hubs"],
            "cbsa_title": ["Kansas City, MO-KS", "San Francisco-Oakland-Fremont, CA"],
        }
    )
    fig = _figure(outlines=outlines, states=["KS"])
    metro = [t for t in fig.data if t.type == "choropleth" and t.geojson.endswith("metros.json")]
    # Kansas City spans Missouri and Kansas: a Kansas view outlines only its Kansas part.
    assert [list(t.locations) for t in metro] == [["28140:KS"]]
    both = _figure(outlines=outlines, states=["KS", "MO"])
    both_metro = [t for t in both.data if t.type == "choropleth" and t.name == "Heartland cities"]
    assert [list(t.locations) for t in both_metro] == [["28140"]]
    assert metro[0].hoverinfo == "skip" and metro[0].legendgroup
    national = _figure(outlines=outlines)
    (heartland,) = [
        t for t in national.data if t.type == "choropleth" and t.name == "Heartland cities"
    ]
    assert metro[0].marker.line.color == heartland.marker.line.color  # same colour in every view
    assert metro_states("Kansas City, MO-KS") == {"MO", "KS"}


def test_institutions_are_points_coloured_by_type():
    points = pd.DataFrame(
        {"lon": [-94.6, -95.0, -96.0], "lat": [39.1, 38.0, 37.5],
         "name": ["A", "B", "C"], "type": ["Public 2-year", "Private", "Public 2-year"]}
    )  # fmt: skip
    fig = _figure(institutions=points)
    kinds = {
        t.name: len(t.lon) for t in fig.data if t.type == "scattergeo" and t.lon[0] is not None
    }
    assert kinds == {"Private": 1, "Public 2-year": 2}


def test_bad_input_says_what_is_wrong():
    with pytest.raises(ValueError, match="status"):
        _figure(SMALL.drop(columns=["status"]))
    with pytest.raises(ValueError, match="5-character"):
        _figure(SMALL.assign(fips=SMALL["fips"].str.lstrip("2")))
    with pytest.raises(ValueError, match="unknown state"):
        _figure(states=["XX"])


def test_config_points_plotly_at_the_local_base_map():
    config = plotly_config()
    assert config["topojsonURL"] == "app/static/"
    assert config["displaylogo"] is False
    assert config["toImageButtonOptions"]["width"] >= 1280
    json.dumps(config)


def test_each_side_of_the_midpoint_gets_its_own_classes():
    growth = np.array([-0.4, -0.3, -0.2, -0.1, -0.05, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 3.0, 5.0])
    edges = class_edges(growth, "natural_breaks", 5, midpoint=0.0)
    assert 0.0 in edges and len(edges) == 6
    # Breaks over all values would spend every class on the long tail of gains and leave one
    # class for all declines; 5 of 13 counties declined, so they get 2 of the 5 classes.
    assert len([e for e in edges if e < 0]) == 2
    assert edges[0] == -0.4 and edges[-1] == 5.0


GROWTH = _values(
    [(f"20{2 * i + 1:03d}", f"County {i}", "KS", v, "ok", "") for i, v in enumerate(
        [-0.445, -0.3, -0.2, -0.1, -0.048, -0.01, 0.0, 0.0, 0.0, 0.012, 0.05, 0.081, 0.1,
         0.15, 0.186, 0.3, 0.5, 0.9, 2.0, 5.245]
    )]
)  # fmt: skip


@pytest.mark.parametrize("classification", ["quantiles", "equal_interval", "natural_breaks",
                                            "continuous"])  # fmt: skip
@pytest.mark.parametrize("n_classes", [3, 4, 5, 7, 9])
def test_on_a_diverging_map_the_zero_swatch_is_the_colour_zeros_are_drawn_in(
    classification, n_classes
):
    fig = _figure(
        GROWTH, value_format=".1%", unit="percent", midpoint=0.0,
        classification=classification, n_classes=n_classes,
    )  # fmt: skip
    legend = {t.name: t.marker.color for t in fig.data if t.type == "scattergeo"}
    drawn = {_colour_of(fig, f) for f in GROWTH.loc[GROWTH["value"] == 0, "fips"]}
    assert drawn == {legend["Zero (3)"]}


@pytest.mark.parametrize("classification", ["quantiles", "equal_interval", "natural_breaks",
                                            "continuous"])  # fmt: skip
def test_every_class_has_its_own_colour_step_on_a_diverging_map(classification):
    # A continuous diverging scale once had 9 classes but 6 colours: the top classes all drew
    # in one colour and the colour bar hid their labels.
    fig = _figure(GROWTH, value_format=".1%", unit="percent", midpoint=0.0,
                  classification=classification, n_classes=5)  # fmt: skip
    main = fig.data[0]
    colours = [color for _, color in main.colorscale[::2]]
    assert len(set(colours)) == len(colours) == main.zmax + 0.5
    assert max(np.asarray(main.z)) == len(colours) - 1
    assert max(main.colorbar.tickvals) <= main.zmax  # every label inside the bar
    order = np.argsort(GROWTH["value"].to_numpy())
    drawn = [_colour_of(fig, GROWTH["fips"].iloc[i]) for i in order]
    steps = [colours.index(c) for c in drawn]
    assert steps == sorted(steps)  # higher growth, never an earlier colour


def test_a_mostly_zero_count_map_labels_each_class_once():
    counts = [0] * 78 + [1] * 9 + [2] * 4 + [3] * 3 + [4, 5, 6, 7, 9, 12, 18]
    rows = [(f"{20001 + 2 * i:05d}", f"C{i}", "KS", float(v), "ok", "") for i, v in
            enumerate(counts)]  # fmt: skip
    fig = _figure(_values(rows), value_label="Public two-year colleges", unit="colleges",
                  n_classes=5)  # fmt: skip
    assert list(fig.data[0].colorbar.ticktext) == ["0", "1", "2–3", "4–7", "8–18"]


def test_the_title_names_the_view_in_words():
    assert _figure().layout.title.text == "Tech jobs — United States counties"
    assert _figure(states=["KS"]).layout.title.text == "Tech jobs — Kansas counties"
    both = _figure(states=["MO", "KS"]).layout.title.text
    assert both == "Tech jobs — Kansas and Missouri counties"


def _alpha(color: str | None) -> float:
    """Opacity of a CSS colour as Plotly takes it ('rgba(r,g,b,a)', '#rrggbb'); 0 for none."""
    if not color:
        return 0.0
    if color.startswith("rgba("):
        return float(color[5:-1].split(",")[3])
    return 1.0


@pytest.mark.parametrize("states", [None, ["KS"]], ids=["national", "state"])
def test_colour_bar_and_legend_sit_beside_the_map_not_on_it(states):
    fig = _figure(states=states)
    bar = fig.data[0].colorbar
    map_right = fig.layout.geo.domain.x[1]
    # A state view fills its frame to the edge: nothing may start inside it.
    if states:
        assert bar.x >= map_right and fig.layout.legend.x >= map_right
    else:
        # The national frame runs under the key, which a zoomed-in map fills: the key has a
        # background that hides the counties behind it.
        for key in (bar, fig.layout.legend):
            if key.x < map_right:
                assert _alpha(key.bgcolor) >= 0.85, key.bgcolor
    assert bar.xanchor == "left" and fig.layout.legend.xanchor == "left"
    # The legend (zero, suppressed, no data) starts below the colour bar, not across it.
    assert fig.layout.legend.y <= bar.y - bar.len
    # A long measure name is wrapped so the colour-bar title stays within the key column.
    long = _figure(value_label="Share of adults with some college, no degree")
    lines = long.data[0].colorbar.title.text.split("<br>")
    assert max(len(line) for line in lines if "<span" not in line) <= 16
