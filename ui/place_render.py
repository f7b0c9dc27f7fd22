"""Sections of the place page: county profile and metro profile."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui import cache, maps, render
from ui.db import DbKey
from ui.fmt import format_value, ordinal
from ui.pagedata import hubs, profile, training
from ui.pagedata.catalogue import Measure, grouped_ids, option_label, pick_default
from ui.pagedata.training import COMMUNITY_RULE, POINT_NOTE
from ui.params import parse_choice
from ui.place_view import MAP_DEFAULTS, open_place
from ui.url_state import UrlParam, one, publish, seed

# The figures a profile leads with (those the catalogue has), in this order.
KEY_MEASURES = [
    "population",
    "tech_jobs",
    "tech_share",
    "some_college_no_degree",
    "some_college_share",
    "some_college_per_tech_job",
    "institutions",
    "median_household_income",
    "unemployment_rate",
]


def _map_measure(catalogue: dict[str, Measure]) -> Measure:
    ids = grouped_ids(catalogue)
    default = pick_default(catalogue, MAP_DEFAULTS) or ids[0]
    param = UrlParam("place_metric", lambda raw: parse_choice(raw, ids, default, "measure"), one)
    seed(param)
    metric_id = st.selectbox(
        "Colour the map by",
        ids,
        format_func=lambda m: option_label(catalogue[m]),
        key="place_metric",
    )
    publish(param)
    return catalogue[metric_id]


def county_profile(db: DbKey, fips: str, states: tuple[str, ...]) -> None:
    """Every measure, a small map with neighbours, training nearby and look-alike counties."""
    catalogue = cache.measures(db)
    row = cache.county(db, fips)
    st.title(row["full_name"])
    metro = row.get("cbsa_title")
    rucc = row.get("rucc_2023")
    st.caption(
        " · ".join(
            part
            for part in [
                f"County FIPS {fips}",
                f"{row.get('cbsa_type')} area: {metro}"
                if metro
                else "Outside any metro or micro area",
                f"Rural-urban continuum code {int(rucc)} "
                "(USDA ERS 2023; 1 = largest metros, 9 = most rural)"
                if rucc is not None and not pd.isna(rucc)
                else None,
            ]
            if part
        )
    )
    values = cache.county_measures(db, fips)
    table = profile.measures_table(values)

    left, right = st.columns([1, 1.25], gap="large")
    with left:
        st.subheader("At a glance")
        key = values[values["metric_id"].isin(KEY_MEASURES)].set_index("metric_id")
        grid = st.columns(2)
        for i, metric_id in enumerate(m for m in KEY_MEASURES if m in key.index):
            item = key.loc[metric_id]
            grid[i % 2].metric(
                item["label"],
                format_value(item["value"], item["value_format"], item["status"]),
                help=f"{ordinal(item['national_percentile'])} percentile nationally, "
                f"{ordinal(item['state_percentile'])} in the state. "
                f"{item['source']}, {item['vintage']}.",
            )
        nearest = cache.nearest_community_college(db, fips, float(row["lon"]), float(row["lat"]))
        if nearest:
            college = f"{nearest['name']}, {nearest['city']}, {nearest['state_abbr']}"
            grid[len(grid) - 1].metric(
                "Nearest community college",
                "In the county" if nearest["in_county"] else f"{nearest['distance_km']:,.0f} km",
                help=f"{college}: a {COMMUNITY_RULE} inside the county."
                if nearest["in_county"]
                else f"{college}: the nearest {COMMUNITY_RULE}. " + POINT_NOTE,
            )
    with right:
        measure = _map_measure(catalogue)
        near = cache.neighbours(db, fips, measure.metric_id, measure.default_year)
        if near.empty:  # no point and no shape to draw (Falls Church city, VA: see About)
            st.info(
                f"{row['full_name']} is too small to draw on the county map: its boundary "
                "vanishes when the map's shapes are simplified. Its figures are all here.",
                icon=":material/map:",
            )
        else:
            near_values = near.assign(note="", name=near["full_name"])
            fig = maps.area_map(near_values, measure, near, height=460, boxes=cache.county_boxes())
            fig.update_layout(title_text=f"{measure.label}, {measure.default_year}")
            fig = maps.highlight(fig, fips, row["full_name"])
            clicked = maps.show_map(fig, key="place_map", clickable=True)
            if clicked and clicked != fips:
                open_place("county", clicked, catalogue)
            st.caption(
                "The county (thick outline) and the counties whose representative point is "
                "within 120 km. Click one to open it."
            )

    st.subheader("Every measure")
    st.dataframe(
        table,
        hide_index=True,
        height=min(36 * (len(table) + 1), 560),
        # No fixed widths: each column fits its longest text (a fixed one cut "$4,951,479,..."
        # and "Professional, scientific and techn...").
    )
    render.csv_download(
        "Download this profile (CSV)",
        table.to_csv(index=False).encode("utf-8"),
        file_name=f"profile_{fips}.csv",
        key="place_download",
    )
    st.caption(
        "Percentiles: share of counties with a lower value (100th = highest), "
        "nationally and within the state. Suppressed figures are never counted as zero."
    )

    st.subheader("Training in and near the county")
    near_inst = cache.institutions_near(db, float(row["lon"]), float(row["lat"]), profile.NEAR_KM)
    st.dataframe(
        near_inst[
            [
                "name",
                "city",
                "state_abbr",
                "sector_label",
                "level_label",
                "highest_award_label",
                "is_community_college",
                "distance_km",
            ]
        ].rename(
            columns={
                "name": "Institution",
                "city": "City",
                "state_abbr": "State",
                "sector_label": "Sector",
                "level_label": "Level",
                "highest_award_label": "Highest award",
                "is_community_college": "Community college",
                "distance_km": "Distance (km)",
            }
        ),
        hide_index=True,
        height=300,
        column_config={
            "Distance (km)": st.column_config.NumberColumn(format="%.0f"),
            "Community college": st.column_config.CheckboxColumn(help=COMMUNITY_RULE.capitalize()),
        },
    )
    st.caption(f"Active IPEDS institutions within {profile.NEAR_KM} km. {POINT_NOTE}")
    render.csv_download(
        "Download these institutions (CSV)",
        training.institutions_csv(near_inst),
        file_name=f"institutions_near_{fips}.csv",
        key="place_download_institutions",
    )

    st.subheader("Places like this one")
    used = [m for m in profile.SIMILARITY_MEASURES if m in catalogue]
    wide = cache.similarity_inputs(db, tuple(used))
    if states:
        wide = wide[wide["state_abbr"].isin(states) | (wide["fips"] == fips)]
    similar = profile.most_similar(wide, fips, used)
    st.caption(
        "The counties closest to this one on standardised values (z-scores, sizes on a log "
        "scale) of: "
        + ", ".join(catalogue[m].label.lower() for m in used)
        + (f". Searched within {', '.join(states)}." if states else ". Searched nationwide.")
    )
    if similar.empty:
        st.info("This county lacks one of those figures, so it cannot be compared.")
    else:
        shown = profile.formatted_similar(similar, {m: catalogue[m] for m in used})
        st.dataframe(shown, hide_index=True)


def metro_profile(db: DbKey, cbsa: str) -> None:
    """A metro's measures (summed or combined over its counties) and its counties on a map."""
    catalogue = cache.measures(db)
    members = cache.cbsa_members(db)
    area = hubs.metro_areas(members, [cbsa], ())[0]
    st.title(area.label)
    st.caption(f"CBSA {cbsa} · {len(area.fips)} counties (OMB 2023 delineation)")
    values = cache.area_values(db, (area,))
    measures = [catalogue[m] for m in grouped_ids(catalogue)]
    extra = hubs.per_tech_job_measure(catalogue)
    if extra and extra.metric_id not in catalogue:
        measures.append(extra)
    table = hubs.comparison_table(values, [area], measures)
    by_id = {m.metric_id: m for m in measures}
    part = values.set_index("metric_id")["value"]
    left, right = st.columns([1, 1.25], gap="large")
    with left:
        st.subheader("At a glance")
        grid = st.columns(2)
        shown = [m for m in KEY_MEASURES if m in by_id and m in part.index]
        for i, metric_id in enumerate(shown):
            measure = by_id[metric_id]
            grid[i % 2].metric(
                measure.label,
                format_value(part[metric_id], measure.value_format),
                help=f"{measure.source}, {measure.vintage}. Metro as a whole: counts summed "
                "over its counties, rates as sum of numerator / sum of denominator.",
            )
    with right:
        measure = _map_measure(catalogue)
        counties = cache.metro_county_values(db, measure.metric_id, measure.default_year, (cbsa,))
        pts = members[members["cbsa_code"] == cbsa]
        fig = maps.area_map(counties, measure, pts, height=460, boxes=cache.county_boxes())
        fig.update_layout(title_text=f"{measure.label}, {measure.default_year}")
        clicked = maps.show_map(fig, key="place_map", clickable=True)
        if clicked:
            open_place("county", clicked, catalogue)
        st.caption("The metro's counties. Click one to open its profile.")

    st.subheader("Every measure, metro as a whole")
    st.dataframe(
        table,
        hide_index=True,
        height=min(36 * (len(table) + 1), 560),
    )
    render.csv_download(
        "Download this profile (CSV)",
        hubs.comparison_csv(values, [area], measures),
        file_name=f"metro_{cbsa}.csv",
        key="place_download",
    )
