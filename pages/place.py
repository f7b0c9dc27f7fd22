import streamlit as st

from ui import cache, place_render
from ui.db import db_key
from ui.frame import ensure_frame
from ui.place_view import chosen_place
from ui.sidebar import selected_states

ensure_frame()

db = db_key()
members = cache.cbsa_members(db)
kind, code = chosen_place(
    set(cache.search_index(db).query("kind == 'county'")["code"]), set(members["cbsa_code"])
)
if kind == "metro":
    place_render.metro_profile(db, code)
else:
    place_render.county_profile(db, code, selected_states(db))
st.caption("Find another place with the search box in the sidebar.")
