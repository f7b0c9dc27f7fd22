"""The Training page's URL-bound controls."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from ui.pagedata.catalogue import Measure, grouped_ids, option_label, pick_default
from ui.pagedata.training import COMMUNITY, COMMUNITY_LABEL, COMMUNITY_RULE, DEFAULT_DESERT_KM
from ui.params import Parsed, parse_bool, parse_choice, parse_code_list, parse_int
from ui.url_state import UrlParam, flag, many, one, publish, seed

DEFAULT_MEASURES = ["some_college_share", "some_college_no_degree"]
ALL = "all"


@dataclass(frozen=True)
class TrainingView:
    """The Training page's choices."""

    metric_id: str
    sectors: tuple[str, ...]
    levels: tuple[str, ...]
    techhire: bool
    max_km: int


def controls(catalogue: dict[str, Measure], institutions: pd.DataFrame) -> TrainingView:
    """Draw the controls (seeded from the URL) and return the view."""
    ids = grouped_ids(catalogue)
    default = pick_default(catalogue, DEFAULT_MEASURES) or ids[0]
    # Community colleges first (they span two IPEDS sectors), then the IPEDS sectors.
    sectors = [COMMUNITY, *sorted(institutions["sector_label"].dropna().unique())]
    levels = sorted(institutions["level_label"].dropna().unique())
    # First load shows the community colleges the deserts are measured from; all 6,000
    # institutions at once hide the map.
    default_sectors = [COMMUNITY]
    metric_p = UrlParam("training_metric", lambda r: parse_choice(r, ids, default, "measure"), one)
    sector_p = UrlParam(
        "training_sectors",
        lambda r: (
            Parsed([])
            if r and list(r) == [ALL]
            else parse_code_list(r, sectors, default_sectors, "sector")
        ),
        lambda v: many(v) or [ALL],  # "all" in the link, so a cleared filter reopens cleared
    )
    level_p = UrlParam("training_levels", lambda r: parse_code_list(r, levels, [], "level"), many)
    techhire_p = UrlParam("training_techhire", lambda r: parse_bool(r, True), flag)
    km_p = UrlParam(
        "training_km", lambda r: parse_int(r, 10, 300, DEFAULT_DESERT_KM, "distance"), one
    )
    for param in (metric_p, sector_p, level_p, techhire_p, km_p):
        seed(param)
    c1, c2, c3 = st.columns([2.2, 2, 1.6])
    metric_id = c1.selectbox(
        "Map colour",
        ids,
        format_func=lambda m: option_label(catalogue[m]),
        key="training_metric",
        help=catalogue[st.session_state["training_metric"]].help_text(),
    )
    chosen_sectors = c2.multiselect(
        "Sector",
        sectors,
        format_func=lambda s: COMMUNITY_LABEL if s == COMMUNITY else s,
        key="training_sectors",
        placeholder="All sectors",
        help=f"A {COMMUNITY_RULE}, or an IPEDS sector.",
    )
    chosen_levels = c3.multiselect("Level", levels, key="training_levels", placeholder="All levels")
    c4, c5 = st.columns([1, 2.4])
    techhire = c4.toggle(
        "TechHire communities",
        key="training_techhire",
        help="The 2015–2016 TechHire communities (66 of about 72 known).",
    )
    max_km = c5.slider(
        "Training desert: farther than (km) from any community college",
        10,
        300,
        step=5,
        key="training_km",
        help=f"Distance to the nearest {COMMUNITY_RULE}.",
    )
    publish(metric_p, sector_p, level_p, techhire_p, km_p)
    return TrainingView(
        metric_id, tuple(chosen_sectors), tuple(chosen_levels), techhire, int(max_km)
    )
