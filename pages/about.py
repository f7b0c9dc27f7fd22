import streamlit as st

from ui import about_render, cache
from ui.db import db_key
from ui.frame import ensure_frame

ensure_frame()

db = db_key()
st.title("About the data")
about_render.provenance(cache.provenance(db))
about_render.definitions(cache.measures(db))
about_render.caveats()
about_render.rebuild()
