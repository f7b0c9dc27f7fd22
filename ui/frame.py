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
/* Readable on a laptop and on a projector: a wide but bounded column, titles that fit on one
   line, metric labels that wrap between words rather than being cut. */
.block-container { padding-top: 3.5rem; padding-bottom: 2rem; max-width: 1500px; }
h1 { font-size: 2.1rem !important; }
[data-testid="stMetricValue"] { font-size: 1.75rem; }
[data-testid="stMetricLabel"] p { white-space: normal; word-break: normal; overflow-wrap: normal; }
/* The element that starts loading the map library early has nothing to show. */
.st-key-atlas_plotly_preload { display: none; }
</style>
"""


def pages() -> list:
    """The app's pages for st.navigation; the root URL shows the Atlas too.

    Streamlit serves its default page at "/" and not at its url_path, so the Atlas is listed
    as an ordinary page (at /atlas, as saved views and story slides link it) and the same script
    is also the hidden default page at "/".
    """
    atlas_path, atlas_title, _ = PAGE_FILES["atlas"]
    home = st.Page(
        atlas_path, title=atlas_title, url_path="home", default=True, visibility="hidden"
    )
    return [home] + [
        st.Page(path, title=title, icon=icon, url_path=url_path)
        for url_path, (path, title, icon) in PAGE_FILES.items()
    ]


# Pages that draw no map: no need to load the map library there.
PAGES_WITHOUT_MAP = {"about"}


def page_file(url_path: str) -> str:
    """The script of a page, for st.switch_page."""
    return PAGE_FILES[url_path][0]


def ensure_frame() -> None:
    """Rerun through app.py when Streamlit ran a page script on its own.

    Streamlit treats a `pages/` folder beside the entry script as a legacy multipage app until
    the entry script has called st.navigation once in the server process. A link straight to a
    page (e.g. /hubs?...) as the first request after a start would then run the page without the
    frame: no sidebar, no state filter, no page config. Switching the legacy mode off and
    rerunning sends that request through app.py, keeping the URL and its parameters.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


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
