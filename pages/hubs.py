import streamlit as st

from ui import cache, hubs_render
from ui.db import db_key
from ui.frame import ensure_frame
from ui.sidebar import selected_states

ensure_frame()

db = db_key()
states = selected_states(db)
catalogue = cache.measures(db)

st.title("Coastal tech hubs and heartland cities, side by side")
st.caption(
    "Groups of metros (OMB 2023 CBSAs) from data/metro_groups.csv. Counts are summed over "
    "each group's counties, rates combined as sum of numerator / sum of denominator."
)
areas = hubs_render.group_figures(db, catalogue, states)

st.subheader("Metro by metro")
measure = hubs_render.metro_bars(db, catalogue, states)
hubs_render.small_maps(db, measure)

if areas:
    st.subheader("Jobs over time, 2001–2022")
    hubs_render.jobs_series(db, areas)

st.subheader("Compare any metros")
hubs_render.compare_metros(db, catalogue, states)

st.subheader("Compare two counties")
hubs_render.compare_counties(db, catalogue, states)
