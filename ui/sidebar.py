"""The sidebar every page shares: the state filter (kept in the URL) and search by place."""

from __future__ import annotations

import streamlit as st

from ui import cache
from ui.db import DbKey
from ui.pagedata.places import search
from ui.params import parse_states
from ui.place_view import open_place
from ui.url_state import UrlParam, many, publish, seed

STATES_KEY = "states"
SEARCH_KEY = "search"


def states_param(known: list[str]) -> UrlParam:
    """The shared state filter's URL parameter (repeated: ?states=KS&states=MO)."""
    return UrlParam(STATES_KEY, lambda raw: parse_states(raw, known), many)


def selected_states(db: DbKey) -> tuple[str, ...]:
    """The states chosen in the sidebar (empty = the whole country).

    Read from the sidebar widget; when a page runs without the frame's sidebar (a page script
    run on its own, as AppTest's switch_page does), from the URL or the last kept value.
    """
    if STATES_KEY in st.session_state:
        return tuple(st.session_state[STATES_KEY] or ())
    raw = st.query_params.get_all(STATES_KEY)
    if raw:
        return tuple(parse_states(raw, list(cache.states(db)["state_abbr"])).value)
    return tuple(st.session_state.get("_url_kept", {}).get(STATES_KEY) or ())


def render(db: DbKey) -> None:
    """Draw the sidebar: state filter and place search."""
    states = cache.states(db)
    names = dict(zip(states["state_abbr"], states["state_name"], strict=True))
    param = states_param(list(names))
    seed(param)
    with st.sidebar:
        st.markdown("### Heartland Tech Atlas")
        st.multiselect(
            "States",
            options=list(names),
            format_func=lambda abbr: f"{names.get(abbr, abbr)} ({abbr})",
            key=STATES_KEY,
            placeholder="Whole country",
            help="Filters every map, table, chart and download on every page.",
        )
        query = st.text_input(
            "Find a place",
            key=SEARCH_KEY,
            placeholder="County, city or metro",
            max_chars=60,
            help="Type part of a name and pick a match to open its profile.",
        )
        if query:
            hits = search(cache.search_index(db), query)
            if hits.empty:
                st.caption("No place matches.")
            for i, hit in enumerate(hits.itertuples()):
                icon = {"county": ":material/location_on:", "metro": ":material/apartment:"}.get(
                    hit.kind, ":material/school:"
                )
                if st.button(hit.label, key=f"search_hit_{i}", icon=icon, width="stretch"):
                    if hit.kind == "metro":
                        open_place("metro", hit.code, cache.measures(db))
                    else:
                        open_place("county", hit.fips, cache.measures(db))
        st.caption("Data: BEA, BLS, Census ACS, IPEDS, USDA ERS, OMB. See *About the data*.")
    publish(param)
