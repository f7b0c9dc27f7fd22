"""The Atlas page's URL-bound controls: measure, year, classes, palette, metro outlines."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from geo.classify import MAX_CLASSES, METHODS
from geo.palettes import PALETTES
from ui.pagedata.catalogue import Measure, grouped_ids, option_label, pick_default
from ui.params import parse_bool, parse_choice, parse_int, parse_year
from ui.url_state import UrlParam, flag, one, publish, seed

# First-load measure: the talent the Atlas is about, then tech jobs.
DEFAULT_MEASURES = ["some_college_share", "tech_share", "tech_jobs", "total_jobs"]
DEFAULT_CLASSES = "quantiles"
DEFAULT_N_CLASSES = 5
DEFAULT_PALETTE = "auto"
DEFAULT_OUTLINES = True
PALETTE_LABELS = {name: name.upper() if len(name) <= 4 else name.capitalize() for name in PALETTES}


@dataclass(frozen=True)
class AtlasView:
    """Everything the Atlas shows, as chosen by the user (and written in the URL)."""

    metric_id: str
    year: int
    classification: str
    n_classes: int
    palette: str
    outlines: bool


def default_view(catalogue: dict[str, Measure]) -> AtlasView:
    """The view a link without parameters opens (the landing page a warm start prepares)."""
    metric_id = pick_default(catalogue, DEFAULT_MEASURES) or grouped_ids(catalogue)[0]
    return AtlasView(
        metric_id,
        int(catalogue[metric_id].default_year),
        DEFAULT_CLASSES,
        DEFAULT_N_CLASSES,
        DEFAULT_PALETTE,
        DEFAULT_OUTLINES,
    )


def controls(catalogue: dict[str, Measure]) -> AtlasView:
    """Draw the Atlas controls (seeded from the URL) and return the chosen view."""
    ids = grouped_ids(catalogue)
    default = default_view(catalogue)
    default_metric = default.metric_id
    metric_p = UrlParam(
        "atlas_metric", lambda raw: parse_choice(raw, ids, default_metric, "measure"), one
    )
    method_p = UrlParam(
        "atlas_classes",
        lambda raw: parse_choice(raw, list(METHODS), default.classification, "classification"),
        one,
    )
    n_p = UrlParam(
        "atlas_n",
        lambda raw: parse_int(raw, 3, MAX_CLASSES, default.n_classes, "number of classes"),
        one,
    )
    palette_p = UrlParam(
        "atlas_palette",
        lambda raw: parse_choice(raw, ["auto", *PALETTES], default.palette, "palette"),
        one,
    )
    outline_p = UrlParam("atlas_outlines", lambda raw: parse_bool(raw, default.outlines), flag)

    for param in (metric_p, method_p, n_p, palette_p, outline_p):
        seed(param)
    # Measure and year stay in view; the map's styling sits in a popover so the row fits a
    # 1280-px projector without cutting labels.
    col_measure, col_year, col_options = st.columns([4.2, 1.1, 1.5], vertical_alignment="bottom")
    metric_id = col_measure.selectbox(
        "Measure",
        ids,
        format_func=lambda m: option_label(catalogue[m]),
        key="atlas_metric",
        help=catalogue[st.session_state["atlas_metric"]].help_text(),
    )
    measure = catalogue[metric_id]
    years = list(measure.years) or [measure.default_year]
    year_p = UrlParam("atlas_year", lambda raw: parse_year(raw, years, measure.default_year), one)
    seed(year_p)
    year = col_year.selectbox(
        "Year",
        years,
        key="atlas_year",
        disabled=len(years) < 2,
        help="Measures with a series can be shown for any of their years.",
    )
    options = col_options.popover("Map options", icon=":material/tune:", width="stretch")
    classification = options.selectbox(
        "Classes",
        list(METHODS),
        format_func=METHODS.get,
        key="atlas_classes",
        help="How counties are grouped into colours. Quantiles: equal numbers of counties per "
        "colour. Equal intervals: equal value ranges. Natural breaks: groups that minimise the "
        "spread within each colour.",
    )
    n_classes = options.selectbox("Colours", list(range(3, MAX_CLASSES + 1)), key="atlas_n")
    palette = options.selectbox(
        "Palette",
        ["auto", *PALETTES],
        format_func=lambda p: "Automatic" if p == "auto" else PALETTE_LABELS[p],
        key="atlas_palette",
        help="Automatic: a sequential palette, or a diverging one around the measure's midpoint.",
    )
    outlines = options.toggle(
        "Outline hub and heartland metros",
        key="atlas_outlines",
        help="Coastal tech hubs in black, heartland cities in magenta.",
    )
    publish(metric_p, year_p, method_p, n_p, palette_p, outline_p)
    return AtlasView(metric_id, int(year), classification, int(n_classes), palette, outlines)
