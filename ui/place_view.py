"""The place page's URL state: which county or metro is shown."""

from __future__ import annotations

import streamlit as st

from ui import frame
from ui.pagedata.catalogue import Measure, pick_default
from ui.params import parse_cbsa, parse_fips
from ui.url_state import UrlParam, kept_value, one, publish, seed, with_carried

DEFAULT_FIPS = "20209"  # Wyandotte County, Kansas (Kansas City, KS): a heartland example
MAP_DEFAULTS = ["some_college_share", "tech_share", "tech_jobs"]


def open_place(kind: str, code: str, catalogue: dict[str, Measure]) -> None:
    """Open the profile of a county or metro with its whole view in the link.

    The link carries every parameter the place page writes (and the session-wide ones), so the
    page has nothing to add on arrival and the browser keeps one history entry: Back returns
    straight to where the user clicked.
    """
    params = {"place_cbsa": code} if kind == "metro" else {"place_fips": code}
    params["place_metric"] = kept_value("place_metric") or pick_default(catalogue, MAP_DEFAULTS)
    st.switch_page(frame.page_file("place"), query_params=with_carried(params))


def place_params() -> tuple[UrlParam, UrlParam]:
    """URL parameters of the place page: place_fips (county) and place_cbsa (metro)."""
    return (
        UrlParam("place_fips", parse_fips, one),
        UrlParam("place_cbsa", parse_cbsa, one),
    )


def chosen_place(known_fips: set[str], known_cbsa: set[str]) -> tuple[str, str]:
    """('county', fips) or ('metro', cbsa) from the URL; unknown codes fall back with a note."""
    fips_p, cbsa_p = place_params()
    raw_fips = st.query_params.get_all("place_fips")
    raw_cbsa = st.query_params.get_all("place_cbsa")
    # A metro link carries only place_cbsa: it wins over a county kept from an earlier visit.
    if raw_cbsa and not raw_fips:
        st.session_state.pop("place_fips", None)
        st.session_state.get("_url_kept", {}).pop("place_fips", None)
    if raw_fips and not raw_cbsa:
        st.session_state.pop("place_cbsa", None)
        st.session_state.get("_url_kept", {}).pop("place_cbsa", None)
    fips = seed(fips_p)
    cbsa = seed(cbsa_p)
    if fips and fips not in known_fips:
        st.warning(f"No county with code {fips} in the atlas; showing an example county.")
        fips = None
    if cbsa and cbsa not in known_cbsa:
        st.warning(f"No metro or micro area with code {cbsa}; showing an example county.")
        cbsa = None
    if fips:
        st.session_state["place_fips"], st.session_state["place_cbsa"] = fips, None
    elif cbsa:
        st.session_state["place_fips"], st.session_state["place_cbsa"] = None, cbsa
    else:
        fallback = DEFAULT_FIPS if DEFAULT_FIPS in known_fips else min(known_fips)
        st.session_state["place_fips"], st.session_state["place_cbsa"] = fallback, None
    publish(fips_p, cbsa_p)
    if st.session_state["place_cbsa"]:
        return "metro", st.session_state["place_cbsa"]
    return "county", st.session_state["place_fips"]
