"""The pages of the app, its typography, and the page shown when the database is missing."""

from __future__ import annotations

import streamlit as st

import settings

# url_path values are the page ids saved views and story slides use (queries/stories.py).
PAGE_FILES = {
    "atlas": ("pages/atlas.py", "Atlas", ":material/map:"),
    "hubs": ("pages/hubs.py", "Hubs vs heartland", ":material/compare_arrows:"),
    "place": ("pages/place.py", "Place profile", ":material/location_on:"),
    "training": ("pages/training.py", "Training", ":material/school:"),
    "about": ("pages/about.py", "About the data", ":material/info:"),
    "story": ("pages/story.py", "Story", ":material/slideshow:"),
}

_CSS = """
<style>
/* Readable on a laptop and on a projector: larger base type, tighter top padding. */
html, body, [class*="st-"] { font-size: 17px; }
.block-container { padding-top: 3.2rem; padding-bottom: 2rem; max-width: 1500px; }
h1 { font-size: 2.0rem !important; font-weight: 700; }
h2 { font-size: 1.45rem !important; }
h3 { font-size: 1.2rem !important; }
[data-testid="stMetricValue"] { font-size: 1.7rem; }
[data-testid="stMetricLabel"] p { font-size: 0.95rem; white-space: normal; }
[data-testid="stCaptionContainer"] { font-size: 0.9rem; }
</style>
"""


def pages() -> list:
    """The app's pages for st.navigation, the Atlas first (and the default)."""
    return [
        st.Page(path, title=title, icon=icon, url_path=url_path, default=(url_path == "atlas"))
        for url_path, (path, title, icon) in PAGE_FILES.items()
    ]


def page_file(url_path: str) -> str:
    """The script of a page, for st.switch_page."""
    return PAGE_FILES[url_path][0]


def apply_theme() -> None:
    """Typography shared by every page (presenter mode can add its own on top)."""
    st.html(_CSS)


def missing_database() -> None:
    """Shown instead of the pages when data/atlas.duckdb has not been built."""
    st.title("Heartland Tech Atlas")
    st.warning(
        f"The Atlas database was not found at `{settings.db_path()}`.", icon=":material/database:"
    )
    st.markdown(
        "Build it from the official source files (a few minutes), then reload this page:\n\n"
        "```bash\n.venv/bin/python -m queries build\n```\n\n"
        "or set everything up, build and start the app in one go:\n\n"
        "```bash\nbash run.sh\n```\n\n"
        f"The build reads the source files in `{settings.sources_dir()}` "
        "(override with `ATLAS_SOURCES`); `ATLAS_DB` points the app at another database file."
    )
