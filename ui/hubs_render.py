"""Sections of the Hubs vs heartland page."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from ui import cache, charts, maps, render
from ui.db import DbKey
from ui.fmt import format_value
from ui.pagedata import hubs
from ui.pagedata.catalogue import Measure, grouped_ids
from ui.params import parse_bool, parse_choice, parse_code_list, parse_fips
from ui.url_state import UrlParam, flag, many, one, publish, seed

BAR_DEFAULTS = ["tech_share", "tech_jobs", "some_college_share"]


def measures_for(catalogue: dict[str, Measure]) -> list[Measure]:
    """Headline measures present in the catalogue, plus the derived per-tech-job ratio."""
    extra = hubs.per_tech_job_measure(catalogue)
    pool = dict(catalogue)
    if extra:
        pool.setdefault(extra.metric_id, extra)
    return [pool[m] for m in hubs.HEADLINE_MEASURES if m in pool]


def small_map_measures(catalogue: dict[str, Measure]) -> list[Measure]:
    """The Hubs measures that have small maps: those with county figures (not the derived ratio)."""
    return [m for m in measures_for(catalogue) if m.metric_id in catalogue]


def small_map(db: DbKey, measure: Measure, metro) -> go.Figure | None:
    """One metro's small map for a measure (a row of cache.group_metros), from the cache."""
    return cache.metro_map(
        db, measure.metric_id, measure.default_year, metro.cbsa_code, metro.metro_label
    )


def group_figures(db: DbKey, catalogue: dict[str, Measure], states: tuple[str, ...]) -> list:
    """Side-by-side headline figures for the two groups; returns the group areas."""
    areas = tuple(cache.group_areas(db, states))
    if not areas or not any(a.fips for a in areas):
        st.info("No hub or heartland metro lies in the states chosen in the sidebar.")
        return []
    values = cache.area_values(db, areas)
    added = cache.jobs_added(db, areas).set_index("area_id")
    measures = measures_for(catalogue)
    cols = st.columns(len(areas), gap="large")
    for col, area in zip(cols, areas, strict=True):
        with col, st.container(border=True):
            st.markdown(f"#### {area.label}")
            part = values[values["area_id"] == area.area_id].set_index("metric_id")["value"]
            grid = st.columns(2)
            for i, measure in enumerate(measures):
                grid[i % 2].metric(
                    measure.label,
                    format_value(part.get(measure.metric_id), measure.value_format),
                    help=measure.help_text(),
                )
            share = added["share_of_national_change"].get(area.area_id)
            st.metric(
                f"Share of US jobs added {hubs.GROWTH_START}–{hubs.GROWTH_END}",
                format_value(share, ".1%"),
                help="Change in BEA total jobs in the group's counties divided by the change "
                f"in the US total ({added['national_basis'].iloc[0]}).",
            )
    table = hubs.comparison_table(values, list(areas), measures)
    with st.expander("All figures as a table, with how each was combined"):
        st.dataframe(table, hide_index=True)
    render.csv_download(
        "Download the group comparison (CSV)",
        hubs.comparison_csv(values, areas, measures),
        file_name="hubs_vs_heartland.csv",
        key="hubs_download",
    )
    return list(areas)


def metro_bars(db: DbKey, catalogue: dict[str, Measure], states: tuple[str, ...]) -> Measure:
    """One measure for every metro in the groups, as bars coloured by group."""
    measures = measures_for(catalogue)
    ids = [m.metric_id for m in measures]
    by_id = {m.metric_id: m for m in measures}
    default = next((m for m in BAR_DEFAULTS if m in ids), ids[0])
    param = UrlParam("hubs_metric", lambda r: parse_choice(r, ids, default, "measure"), one)
    seed(param)
    metric_id = st.selectbox(
        "Measure for the bars and small maps",
        ids,
        format_func=lambda m: by_id[m].label,
        key="hubs_metric",
    )
    publish(param)
    measure = by_id[metric_id]
    metros = cache.group_metros(db)
    members = cache.cbsa_members(db)
    areas = tuple(hubs.metro_areas(members, list(metros["cbsa_code"]), states))
    values = cache.area_values(db, areas)
    frame = metros.merge(
        values[values["metric_id"] == metric_id],
        left_on="cbsa_code",
        right_on="area_id",
        how="left",
    )
    frame["label"] = frame["metro_label"]
    fig = charts.bar_chart(
        frame,
        measure.value_format,
        f"{measure.label} by metro",
        f"{measure.source}, {measure.vintage}",
    )
    st.plotly_chart(fig, key="hubs_bars")
    st.caption("Black: coastal tech hubs. Magenta: heartland cities.")
    return measure


def small_maps(db: DbKey, measure: Measure) -> None:
    """A small county map of each metro for the chosen measure, one tab per group."""
    if measure not in small_map_measures(cache.measures(db)):
        st.caption("Small maps need a county measure; pick another measure above.")
        return
    metros = cache.group_metros(db)
    tabs = st.tabs(list(metros["group_label"].drop_duplicates()))
    for tab, (_, group) in zip(tabs, metros.groupby("group_label", sort=False), strict=True):
        cols = tab.columns(4)
        for i, metro in enumerate(group.itertuples()):
            fig = small_map(db, measure, metro)
            if fig is None:
                continue
            with cols[i % 4]:
                maps.show_map(fig, key=f"hubs_small_{metro.cbsa_code}")
    st.caption(
        f"Colours are classed within each metro ({measure.source}, "
        f"{measure.default_year}); darker = higher."
    )


def jobs_series(db: DbKey, areas: list) -> None:
    """Total jobs 2001–2022 per group, optionally indexed to 2010 = 100."""
    param = UrlParam("hubs_indexed", lambda r: parse_bool(r, True), flag)
    seed(param)
    indexed = st.toggle("Indexed (2010 = 100)", key="hubs_indexed")
    publish(param)
    series = cache.area_series(db, tuple(areas), hubs.SERIES_METRIC)
    if series.empty:
        st.info("No job series for these places.")
        return
    labels = {a.area_id: a.label for a in areas}
    shown = hubs.indexed(series) if indexed else series
    shown = shown.assign(label=shown["area_id"].map(labels), group_id=shown["area_id"])
    fmt = ",.0f" if indexed else ",.0f"
    fig = charts.line_chart(
        shown,
        fmt,
        "Total jobs, " + ("index 2010 = 100" if indexed else "full- and part-time"),
        "BEA CAEMP25N, 2001–2022",
        base_line=100 if indexed else None,
    )
    st.plotly_chart(fig, key="hubs_series")


def compare_metros(db: DbKey, catalogue: dict[str, Measure], states: tuple[str, ...]) -> None:
    """Any metros the user picks, side by side on every headline measure."""
    members = cache.cbsa_members(db)
    cbsas = members[["cbsa_code", "cbsa_title"]].drop_duplicates()
    titles = dict(zip(cbsas["cbsa_code"], cbsas["cbsa_title"], strict=True))
    default = [c for c in ["28140", "41940"] if c in titles]
    param = UrlParam(
        "hubs_metros", lambda r: parse_code_list(r, list(titles), default, "metro code"), many
    )
    seed(param)
    chosen = st.multiselect(
        "Metros to compare",
        list(titles),
        format_func=titles.get,
        key="hubs_metros",
        max_selections=8,
        placeholder="Pick metros",
    )
    publish(param)
    if not chosen:
        return
    areas = hubs.metro_areas(members, chosen, states)
    values = cache.area_values(db, tuple(areas))
    measures = measures_for(catalogue)
    st.dataframe(hubs.comparison_table(values, areas, measures), hide_index=True)
    render.csv_download(
        "Download the metro comparison (CSV)",
        hubs.comparison_csv(values, areas, measures),
        file_name="metro_comparison.csv",
        key="hubs_download_metros",
    )
    if states:
        st.caption(f"Only the counties in {', '.join(states)} are counted (sidebar filter).")
    added = cache.jobs_added(db, tuple(areas))
    counts = st.column_config.NumberColumn(format="localized")
    st.dataframe(
        hubs.jobs_added_table(added),
        hide_index=True,
        column_config={
            f"Jobs {hubs.GROWTH_START}": counts,
            f"Jobs {hubs.GROWTH_END}": counts,
            "Jobs added": counts,
            "Share of US jobs added": st.column_config.NumberColumn(format="percent"),
        },
    )
    series = cache.area_series(db, tuple(areas), hubs.SERIES_METRIC)
    labels = {a.area_id: a.label for a in areas}
    shown = hubs.indexed(series).assign(label=lambda f: f["area_id"].map(labels))
    fig = charts.line_chart(
        shown,
        ",.0f",
        "Total jobs, index 2010 = 100",
        "BEA CAEMP25N, 2001–2022",
        height=400,
        base_line=100,
    )
    st.plotly_chart(fig, key="hubs_metro_series")


def compare_counties(db: DbKey, catalogue: dict[str, Measure], states: tuple[str, ...]) -> None:
    """Any two counties side by side."""
    index = cache.search_index(db)
    counties = index[index["kind"] == "county"]
    if states:
        counties = counties[counties["state_abbr"].isin(states)]
    names = dict(zip(counties["code"], counties["label"], strict=True))
    codes = sorted(names, key=names.get)
    if len(codes) < 2:
        st.info("Choose at least two counties' worth of states to compare counties.")
        return
    defaults = [c for c in ["20209", "06085"] if c in names] or codes[:2]
    state_of = dict(zip(counties["code"], counties["state_abbr"], strict=True))
    params = []
    cols = st.columns(2)
    for col, key, fallback in zip(
        cols, ["hubs_county_a", "hubs_county_b"], [defaults[0], defaults[-1]], strict=True
    ):
        param = UrlParam(key, lambda r, f=fallback: _county_or(r, codes, f), one)
        seed(param)
        with col:
            _county_picker(db, key, codes, names, state_of)
        params.append(param)
    publish(*params)
    areas = [
        hubs.Area(f, names[f], (f,))
        for f in dict.fromkeys(
            [st.session_state["hubs_county_a"], st.session_state["hubs_county_b"]]
        )
    ]
    values = cache.area_values(db, tuple(areas))
    measures = [catalogue[m] for m in grouped_ids(catalogue)]
    table = hubs.comparison_table(values, areas, measures).drop(columns=["How areas are combined"])
    st.dataframe(table, hide_index=True)
    render.csv_download(
        "Download the county comparison (CSV)",
        hubs.comparison_csv(values, areas, measures),
        file_name="county_comparison.csv",
        key="hubs_download_counties",
    )


def _county_picker(
    db: DbKey, key: str, codes: list[str], names: dict[str, str], state_of: dict[str, str]
) -> None:
    """A state box, then a county box listing only that state's counties.

    Two short lists instead of one of every county: widget options are sent on every rerun,
    and 3,000 county names twice made up most of the page's bytes. The county box's key (a
    FIPS code) is the URL parameter; the state box follows it.
    """
    state_key = f"{key}_state"
    # The state shown is always the chosen county's (a link, Back, or a new pick).
    st.session_state[state_key] = state_of[st.session_state[key]]
    states_table = cache.states(db)
    state_names = dict(zip(states_table["state_abbr"], states_table["state_name"], strict=True))
    in_states = sorted(set(state_of.values()), key=lambda a: state_names.get(a, a))

    def first_county_of_state() -> None:
        # A new state: its first county by name, so the county box always matches the state.
        state = st.session_state[state_key]
        st.session_state[key] = next(c for c in codes if state_of[c] == state)

    st.selectbox(
        "State",
        in_states,
        format_func=lambda a: state_names.get(a, a),
        key=state_key,
        on_change=first_county_of_state,
    )
    state = st.session_state[state_key]
    st.selectbox(
        "County", [c for c in codes if state_of[c] == state], format_func=names.get, key=key
    )


def _county_or(raw, codes: list[str], fallback: str):
    parsed = parse_fips(raw, codes)
    if parsed.value is None:
        return type(parsed)(fallback, parsed.problem)
    return parsed
