import streamlit as st

from ui import cache, maps, render
from ui.atlas_controls import controls
from ui.db import db_key
from ui.frame import ensure_frame
from ui.pagedata.atlas import ranking_view
from ui.place_view import open_place
from ui.sidebar import selected_states

ensure_frame()

db = db_key()
states = selected_states(db)
catalogue = cache.measures(db)
where = render.where_label(states)

st.title("Where the jobs, the talent and the training are")
view = controls(catalogue)
measure = catalogue[view.metric_id]
render.measure_caption(measure, view.year)

values = cache.county_values(db, view.metric_id, view.year, states)
render.headline_metrics(cache.headline(db, view.metric_id, view.year, states), measure, where)

fig = cache.atlas_view_map(db, view, states)
clicked = maps.show_map(fig, key="atlas_map", clickable=True)
st.caption(
    "Click a county to open its profile. Grey: suppressed by the agency; "
    "white: no figure published. The camera button saves the map as a slide-size PNG."
)
if clicked:
    open_place("county", clicked, catalogue)

st.subheader(f"Counties ranked, {where}")
st.caption(
    f"Source: {measure.source} ({measure.vintage}), {view.year}. "
    "The CSV adds each county's FIPS code, source and vintage."
)
st.dataframe(
    ranking_view(values, measure),
    hide_index=True,
    height=420,
    # Rows are fetched as the user scrolls or sorts: a national view is 3,100 rows, of which
    # a dozen are on screen. The CSV download below holds them all.
    lazy=True,
    column_config={
        measure.label: render.number_column(measure),
        "Percentile": st.column_config.NumberColumn(
            format="%.1f", help="Share of counties in view with a lower value."
        ),
        "Status": st.column_config.TextColumn(help="Blank where the agency published a figure."),
    },
)
render.csv_download(
    "Download this table (CSV)",
    cache.atlas_csv(db, view.metric_id, view.year, states),
    file_name=f"atlas_{view.metric_id}_{view.year}_{where.replace(', ', '-')}.csv",
    key="atlas_download",
)
