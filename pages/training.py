import streamlit as st

from ui import cache, maps, render
from ui.db import db_key
from ui.frame import ensure_frame
from ui.pagedata import training
from ui.sidebar import selected_states
from ui.training_controls import controls

ensure_frame()

db = db_key()
states = selected_states(db)
catalogue = cache.measures(db)
where = render.where_label(states)

st.title("Training: where it is, and where it is missing")
all_institutions = cache.institutions(db, states)
view = controls(catalogue, all_institutions)
measure = catalogue[view.metric_id]
shown = training.filter_institutions(all_institutions, list(view.sectors), list(view.levels))

values = cache.county_values(db, measure.metric_id, measure.default_year, states)
fig = maps.county_map(
    values,
    measure,
    measure.default_year,
    states,
    institutions=training.map_points(shown),
    height=640,
)
communities = cache.techhire(db, states)
if view.techhire and len(communities):
    fig = maps.add_markers(fig, training.techhire_markers(communities), "TechHire community")
maps.show_map(fig, key="training_map")
render.measure_caption(measure, measure.default_year)
st.caption(
    f"{len(shown):,} active institutions shown ({where}). Source: IPEDS HD2024 (NCES). "
    "TechHire communities: compiled from White House and press pages, 2015–2016."
)

nearest = cache.nearest_colleges(db, states)
pop_id = training.population_measure(catalogue)
pop = cache.county_values(db, pop_id, catalogue[pop_id].default_year, states)[["fips", "value"]]
deserts = training.deserts(nearest, view.max_km, pop)
st.subheader(
    f"Training deserts, {where}: {render.counties(len(deserts))} farther than "
    f"{view.max_km} km from any community college"
)
c1, c2 = st.columns(2)
c1.metric("Counties", f"{len(deserts):,}", help=training.POINT_NOTE)
c2.metric(
    f"{catalogue[pop_id].label} living there",
    f"{deserts['population'].sum():,.0f}",
    help=f"{catalogue[pop_id].source}, {catalogue[pop_id].vintage}",
)
pop_label = catalogue[pop_id].label
st.dataframe(
    training.deserts_table(deserts, pop_label),
    hide_index=True,
    height=380,
    column_config={
        pop_label: st.column_config.NumberColumn(format="localized"),
        "Distance (km)": st.column_config.NumberColumn(format="%.0f"),
    },
)
st.caption(
    f"Nearest college: the nearest {training.COMMUNITY_RULE}; it may be in another state. "
    + training.POINT_NOTE
)
st.info(training.COLLEGE_NOTE, icon=":material/info:")
c1, c2 = st.columns(2)
render.csv_download(
    "Download the deserts (CSV)",
    training.deserts_csv(
        deserts, f"{catalogue[pop_id].source}, {catalogue[pop_id].vintage}", view.max_km
    ),
    file_name=f"training_deserts_{view.max_km}km.csv",
    key="training_download_deserts",
    where=c1,
)
render.csv_download(
    "Download the institutions shown (CSV)",
    training.institutions_csv(shown),
    file_name="institutions.csv",
    key="training_download_institutions",
    where=c2,
)
