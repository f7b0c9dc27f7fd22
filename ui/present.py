"""The presentation theme: large, high-contrast type and no app chrome, for screen-sharing.

Switched on by `?present=1` in the URL or by the sidebar toggle; the URL is the single source of
truth, so a link reopens a view with the theme exactly as it was shared.
"""

from __future__ import annotations

import streamlit as st

from queries.stories import is_present

PRESENT_KEY = "present"  # widget key and URL parameter name
EXIT_KEY = "present_exit"

# Figures drawn in the theme use these so the map and the type match.
INK = "#111111"
MUTED = "#3d3d3d"
ACCENT = "#0b4f7c"
FONT_FAMILY = "Source Sans Pro, Source Sans 3, Liberation Sans, Arial, sans-serif"

# Root font size grows with the window, so 1280x720 and 1920x1080 shares both read from the back
# of a room and survive video compression; every Streamlit size is in rem and scales with it.
_PRESENT_CSS = f"""
<style>
html {{ font-size: clamp(18px, 1.25vw, 30px); }}
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], [data-testid="stHeader"], [data-testid="stToolbar"],
[data-testid="stDecoration"], [data-testid="stStatusWidget"], [data-testid="stMainMenu"],
[data-testid="stAppDeployButton"], footer {{ display: none !important; }}
[data-testid="stMainBlockContainer"] {{
  max-width: 100% !important; padding: 1.2rem 2rem 0.6rem 2rem !important;
}}
[data-testid="stAppViewContainer"], [data-testid="stMain"] {{ background: #ffffff; }}
[data-testid="stMain"] p, [data-testid="stMain"] li,
[data-testid="stMain"] label {{ color: {INK}; }}
/* The frame sizes every "st-" class in px; headings and their inner spans follow rem here. */
[data-testid="stMain"] h1, [data-testid="stMain"] h1 * {{
  font-size: 2.1rem !important; line-height: 1.15; color: {INK};
}}
[data-testid="stMain"] h1 {{ padding: 0 0 0.2rem 0; }}
[data-testid="stMain"] h2, [data-testid="stMain"] h2 * {{ font-size: 1.6rem !important; }}
[data-testid="stMain"] h3, [data-testid="stMain"] h3 * {{ font-size: 1.3rem !important; }}
[data-testid="stMain"] [data-testid="stMarkdownContainer"] p {{ font-size: 1rem; }}
[data-testid="stMetricValue"], [data-testid="stMetricValue"] * {{
  font-size: 1.9rem !important; font-weight: 700; color: {INK};
}}
[data-testid="stMain"] button p {{ font-size: 0.95rem; }}
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p {{
  color: {MUTED} !important; font-size: 0.72rem !important;
}}
.st-key-{EXIT_KEY} {{
  position: fixed; left: 0.6rem; top: 0.3rem; width: auto !important; z-index: 1000;
  opacity: 0.3;
}}
.st-key-{EXIT_KEY} button {{ min-height: 0; padding: 0.1rem 0.5rem; }}
.st-key-{EXIT_KEY} button p {{ font-size: 0.6rem !important; }}
.st-key-{EXIT_KEY}:hover {{ opacity: 1; }}
</style>
"""


def present_from_url() -> bool:
    """Whether the current URL asks for the presentation theme."""
    return is_present(st.query_params.get(PRESENT_KEY))


def _sync_url() -> None:
    """Toggle callback: write the switch into the URL so the link carries it."""
    if st.session_state.get(PRESENT_KEY):
        st.query_params[PRESENT_KEY] = "1"
    elif PRESENT_KEY in st.query_params:
        del st.query_params[PRESENT_KEY]


def _leave() -> None:
    """Exit button callback: drop the theme from the URL."""
    st.session_state[PRESENT_KEY] = False
    _sync_url()


def sidebar_toggle() -> bool:
    """The sidebar switch for the theme; returns whether the theme is on."""
    st.session_state[PRESENT_KEY] = present_from_url()
    st.sidebar.toggle(
        "Presentation theme",
        key=PRESENT_KEY,
        on_change=_sync_url,
        help="Large type and no sidebar, for screen-sharing. Adds present=1 to the link.",
    )
    return bool(st.session_state[PRESENT_KEY])


def apply_theme() -> bool:
    """Call once per run from the app frame: style the page when the theme is on."""
    on = sidebar_toggle()
    if on:
        st.html(_PRESENT_CSS)
        with st.container(key=EXIT_KEY):
            st.button("Exit presentation", key="present_exit_button", on_click=_leave)
    return on
