"""Cached queries for the pages. Every input is a parameter (the database key first), never a
global or a widget, so a cached result is always the answer to exactly its arguments."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

import settings
from geo import extent
from queries.runner import run_query
from ui import maps
from ui.atlas_controls import AtlasView
from ui.db import DbKey, con_for
from ui.pagedata import about, atlas, catalogue, hubs, places, profile, training

SMALL = dict(max_entries=16, show_spinner=False)
MANY = dict(max_entries=128, show_spinner=False)
# Figures are kept as built and shared (cache_resource, no copy): a copy from st.cache_data is
# unpickled, and Plotly validates a figure again on unpickling, which costs about as much as
# building it. Callers only draw these figures and never change them.
FIGURES = dict(max_entries=64, show_spinner=False)


@st.cache_data(**SMALL)
def measures(db: DbKey) -> dict[str, catalogue.Measure]:
    """The measure catalogue."""
    return catalogue.load_catalogue(con_for(db))


@st.cache_data(**SMALL)
def states(db: DbKey) -> pd.DataFrame:
    """States, DC and Puerto Rico: state_fips, state_abbr, state_name."""
    return run_query(con_for(db), "atlas_states")


@st.cache_data(**MANY)
def county_values(db: DbKey, metric_id: str, year: int, states: tuple[str, ...]) -> pd.DataFrame:
    """Counties in view for one measure and year, ranked."""
    return atlas.county_values(con_for(db), metric_id, year, states)


@st.cache_data(**SMALL)
def atlas_csv(db: DbKey, metric_id: str, year: int, states: tuple[str, ...]) -> bytes:
    """The Atlas ranking as the CSV users download, built once per view (not on every rerun)."""
    values = county_values(db, metric_id, year, states)
    return atlas.ranking_csv(atlas.ranking_table(values, measures(db)[metric_id], year))


@st.cache_data(**MANY)
def headline(db: DbKey, metric_id: str, year: int, states: tuple[str, ...]) -> atlas.Headline:
    """Headline figures for the counties in view."""
    return atlas.headline(con_for(db), measures(db)[metric_id], year, states)


@st.cache_data(**SMALL)
def search_index(db: DbKey) -> pd.DataFrame:
    """Every searchable place."""
    return places.search_index(con_for(db))


@st.cache_data(**SMALL)
def group_areas(db: DbKey, states: tuple[str, ...]) -> list[hubs.Area]:
    """Metro groups as areas, cut to the states in view."""
    return hubs.group_areas(con_for(db), states)


@st.cache_data(**SMALL)
def group_metros(db: DbKey) -> pd.DataFrame:
    """Metros in the groups."""
    return hubs.group_metros(con_for(db))


@st.cache_data(**SMALL)
def cbsa_members(db: DbKey) -> pd.DataFrame:
    """Every CBSA with its counties."""
    return hubs.cbsa_members(con_for(db))


@st.cache_data(**MANY)
def area_values(db: DbKey, areas: tuple[hubs.Area, ...]) -> pd.DataFrame:
    """Every measure aggregated over each area."""
    return hubs.area_values(con_for(db), areas)


@st.cache_data(**MANY)
def area_series(db: DbKey, areas: tuple[hubs.Area, ...], metric_id: str) -> pd.DataFrame:
    """A summable measure per area and year."""
    return hubs.area_series(con_for(db), areas, metric_id)


@st.cache_data(**MANY)
def jobs_added(db: DbKey, areas: tuple[hubs.Area, ...]) -> pd.DataFrame:
    """Jobs added 2010-2022 per area and their share of the national change."""
    return hubs.jobs_added(con_for(db), areas)


@st.cache_data(**MANY)
def metro_county_values(
    db: DbKey, metric_id: str, year: int, cbsa_codes: tuple[str, ...]
) -> pd.DataFrame:
    """Counties of some metros with one measure, for small maps."""
    return hubs.metro_county_values(con_for(db), metric_id, year, cbsa_codes)


@st.cache_data(**MANY)
def county(db: DbKey, fips: str) -> dict | None:
    """One county's row."""
    return profile.county(con_for(db), fips)


@st.cache_data(**MANY)
def county_measures(db: DbKey, fips: str) -> pd.DataFrame:
    """Every measure for a county with percentiles."""
    return profile.county_measures(con_for(db), fips)


@st.cache_data(**MANY)
def neighbours(db: DbKey, fips: str, metric_id: str, year: int) -> pd.DataFrame:
    """Counties around a county with one measure."""
    return profile.neighbours(con_for(db), fips, metric_id, year)


@st.cache_data(**MANY)
def institutions_near(db: DbKey, lon: float, lat: float, radius_km: float) -> pd.DataFrame:
    """Institutions near a point."""
    return profile.institutions_near(con_for(db), lon, lat, radius_km)


@st.cache_data(**MANY)
def nearest_community_college(db: DbKey, fips: str, lon: float, lat: float) -> dict | None:
    """A county's nearest community college (one inside it first)."""
    return profile.nearest_community_college(con_for(db), fips, lon, lat)


@st.cache_data(**SMALL)
def similarity_inputs(db: DbKey, metric_ids: tuple[str, ...]) -> pd.DataFrame:
    """Comparison measures for every county."""
    return profile.similarity_inputs(con_for(db), metric_ids)


@st.cache_data(**SMALL)
def institutions(db: DbKey, states: tuple[str, ...]) -> pd.DataFrame:
    """Active institutions in view."""
    return training.institutions(con_for(db), states)


@st.cache_data(**SMALL)
def techhire(db: DbKey, states: tuple[str, ...]) -> pd.DataFrame:
    """TechHire communities in view."""
    return training.techhire(con_for(db), states)


@st.cache_data(**SMALL)
def nearest_colleges(db: DbKey, states: tuple[str, ...]) -> pd.DataFrame:
    """Each county in view with its nearest community college."""
    return training.nearest_colleges(con_for(db), states)


@st.cache_data(**SMALL)
def provenance(db: DbKey) -> pd.DataFrame:
    """Source files loaded."""
    return about.provenance(con_for(db))


@st.cache_resource(**FIGURES)
def atlas_map(
    db: DbKey,
    metric_id: str,
    year: int,
    states: tuple[str, ...],
    classification: str,
    n_classes: int,
    palette: str | None,
    outlines: bool,
) -> go.Figure:
    """The Atlas county map of one measure for the states in view; draw it, do not change it."""
    return maps.county_map(
        county_values(db, metric_id, year, states),
        measures(db)[metric_id],
        year,
        states,
        classification=classification,
        n_classes=n_classes,
        palette=palette,
        outlines=group_metros(db) if outlines else None,
    )


def atlas_view_map(db: DbKey, view: AtlasView, states: tuple[str, ...]) -> go.Figure:
    """The Atlas map of a view as the page draws it (palette "auto": the measure's own)."""
    return atlas_map(
        db,
        view.metric_id,
        view.year,
        states,
        view.classification,
        view.n_classes,
        None if view.palette == "auto" else view.palette,
        bool(view.outlines),
    )


# The Hubs page's small maps: every measure it offers (about 10) for each of its ~15 metros.
METRO_MAPS = dict(max_entries=256, show_spinner=False)


@st.cache_resource(**METRO_MAPS)
def metro_map(db: DbKey, metric_id: str, year: int, cbsa_code: str, title: str) -> go.Figure | None:
    """A small county map of one hub or heartland metro (None when it has no county in the data);
    draw it, do not change it."""
    metros = group_metros(db)
    values = metro_county_values(db, metric_id, year, tuple(metros["cbsa_code"]))
    part = values[values["cbsa_code"] == cbsa_code]
    if part.empty:
        return None
    members = cbsa_members(db)
    points = members[members["cbsa_code"] == cbsa_code]
    # The boxes come from the geometry the same build wrote with the database, so the database
    # key also stands for them.
    return maps.metro_thumbnail(part, measures(db)[metric_id], points, title, county_boxes())


def county_boxes() -> dict[str, extent.Box]:
    """Every drawn county's lon/lat box, from the prepared state-view geometry; read it only."""
    path = settings.static_dir() / "geo" / "counties_detail.json"
    # Keyed by the file's modification time, so a rebuilt geometry is read again.
    mtime = path.stat().st_mtime if path.exists() else 0.0
    return _county_boxes(str(path), mtime)


@st.cache_resource(max_entries=2, show_spinner=False)
def _county_boxes(path: str, mtime: float) -> dict[str, extent.Box]:
    """The boxes of one version of a prepared county file, read once per process (0.3 s)."""
    return extent.county_boxes(Path(path))
