"""Heartland Tech Atlas: the frame (page config, theme, navigation, shared sidebar)."""

from pathlib import Path

import streamlit as st

from ui import activity, frame, map_component, present, sidebar
from ui.db import db_key

# A local file: an icon name or emoji would make the browser fetch the favicon from a CDN.
FAVICON = Path(__file__).parent / "assets" / "favicon.png"
with activity.visitor_run():  # background work waits while a page is being built
    st.set_page_config(page_title="Heartland Tech Atlas", page_icon=str(FAVICON), layout="wide")
    frame.apply_theme()

    db = db_key()
    if db is None:
        page = st.navigation(
            [st.Page(frame.missing_database, title="Build the data", url_path="atlas")]
        )
    else:
        page = st.navigation(frame.pages(), position="top")
        if page.url_path not in frame.PAGES_WITHOUT_MAP:
            map_component.preload_plotly()
        sidebar.render(db)
        present.apply_theme()
    page.run()
