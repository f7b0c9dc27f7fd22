"""The Story page's layer: cached stories and facts, slide navigation, and drawing one slide.

Moving to the next slide must feel instant, so every input of a slide (its facts, its map values,
its finished figure) is cached by its arguments, and once the first slide is on screen the whole
story is prepared: a click then only reads caches and sends the new slide.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from queries.stories import (
    SlideAddress,
    Story,
    View,
    load_stories,
    parse_slide_query,
    slide_query,
    stories_dir,
)
from queries.story_facts import FactValue, fill, resolve_fact, slide_problems
from ui import cache, maps
from ui.db import DbKey, con_for, db_key
from ui.pagedata.catalogue import Measure
from ui.present import ACCENT, present_from_url

PREV_KEY = "story_prev"
NEXT_KEY = "story_next"
PICK_KEY = "story"  # also the URL parameter
MAP_HEIGHT = 520
MAP_HEIGHT_PRESENT = 640

# (file name, modification time) of every story file: an edited story gets a new cache key.
FolderKey = tuple[tuple[str, int], ...]


def folder_key(folder: Path | None = None) -> FolderKey:
    """Cache key for the story folder's current contents."""
    folder = folder or stories_dir()
    return tuple((p.name, p.stat().st_mtime_ns) for p in sorted(folder.glob("*.toml")))


@st.cache_data(max_entries=4, show_spinner=False)
def stories(key: FolderKey, folder: str) -> tuple[dict[str, Story], list[str]]:
    """Every story in the folder and the problems of the files that did not load."""
    del key  # part of the cache key only
    return load_stories(Path(folder))


@st.cache_data(max_entries=512, show_spinner=False)
def fact(db: DbKey, key: FolderKey, folder: str, story_id: str, name: str) -> FactValue:
    """One placeholder's figure, computed once per database and story file version."""
    story = stories(key, folder)[0][story_id]
    return resolve_fact(con_for(db), story, name)


@dataclass(frozen=True)
class SlideInputs:
    """What drawing a slide needs once its caches are warm."""

    facts: dict[str, FactValue]
    metric_id: str | None
    year: int | None
    states: tuple[str, ...]


def slide_inputs(db: DbKey, key: FolderKey, folder: str, story: Story, number: int) -> SlideInputs:
    """Compute (or read from cache) a slide's facts and map values."""
    slide = story.slides[number - 1]
    names = slide.placeholders()
    if slide.headline and slide.headline not in names:
        names.append(slide.headline)
    facts = {name: fact(db, key, folder, story.story_id, name) for name in names}
    metric_id, year, states = slide.view.map_request()
    measures = cache.measures(db)
    if metric_id not in measures:
        return SlideInputs(facts, None, None, states)
    measure = measures[metric_id]
    year = year if year in measure.years else measure.default_year
    return SlideInputs(facts, metric_id, year, states)


def current_address(
    all_stories: dict[str, Story],
) -> tuple[SlideAddress | None, list[str]]:
    """The slide the URL asks for, corrected where it asks for something that does not exist."""
    query = {key: st.query_params.get(key, "") for key in ("story", "slide", "present")}
    query = {k: v for k, v in query.items() if v}
    address, notes = parse_slide_query(query, all_stories)
    if address is not None:
        # Write the corrected address back, so the URL always names the slide on screen.
        for k, v in slide_query(address).items():
            if st.query_params.get(k) != v:
                st.query_params[k] = v
    return address, notes


def _go(story_id: str, number: int) -> None:
    """Button callback: move to a slide by rewriting the URL (keeps `present`)."""
    address = SlideAddress(story_id, number, present_from_url())
    for k, v in slide_query(address).items():
        st.query_params[k] = v


def _pick_story(all_stories: dict[str, Story]) -> None:
    """Story picker callback: open the first slide of the chosen story."""
    chosen = st.session_state.get(PICK_KEY)
    if chosen in all_stories:
        _go(chosen, 1)


def story_picker(all_stories: dict[str, Story], current: str) -> None:
    """Sidebar choice of story, when there is more than one."""
    if len(all_stories) < 2:
        return
    st.session_state[PICK_KEY] = current
    st.sidebar.selectbox(
        "Story",
        list(all_stories),
        key=PICK_KEY,
        format_func=lambda sid: all_stories[sid].title,
        on_change=_pick_story,
        args=(all_stories,),
    )


def controls(story: Story, number: int) -> None:
    """Previous / next buttons and the slide counter."""
    count = len(story.slides)
    prev_col, counter_col, next_col = st.columns([1, 1, 1], vertical_alignment="center")
    prev_col.button(
        "← Previous",
        key=PREV_KEY,
        disabled=number <= 1,
        on_click=_go,
        args=(story.story_id, number - 1),
        width="stretch",
    )
    counter_col.markdown(
        f"<div class='story-counter' style='text-align:center;font-weight:600;"
        f"font-size:1.15rem'>{number} / {count}</div>",
        unsafe_allow_html=True,
    )
    next_col.button(
        "Next →",
        key=NEXT_KEY,
        disabled=number >= count,
        on_click=_go,
        args=(story.story_id, number + 1),
        width="stretch",
        type="primary",
        help="Keys: → or Page Down for next, ← or Page Up for previous (presentation clickers).",
    )
    # Slide clickers send Page Down / Page Up; arrows work too. The listener is added once per
    # browser tab and presses the same buttons, so a key does exactly what a click does.
    with counter_col:
        st.html(_KEYS_JS, unsafe_allow_javascript=True)


_KEYS_JS = f"""
<script>
(() => {{
  const doc = window.parent ? window.parent.document : document;
  if (doc.__storyKeys) return;
  doc.__storyKeys = true;
  const keys = {{ArrowRight: "{NEXT_KEY}", PageDown: "{NEXT_KEY}",
                ArrowLeft: "{PREV_KEY}", PageUp: "{PREV_KEY}"}};
  doc.addEventListener("keydown", (event) => {{
    const target = event.target;
    if (target && (["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)
                   || target.isContentEditable)) return;
    const key = keys[event.key];
    if (!key || event.altKey || event.ctrlKey || event.metaKey) return;
    const button = doc.querySelector(".st-key-" + key + " button");
    if (button && !button.disabled) {{ event.preventDefault(); button.click(); }}
  }});
}})();
</script>
"""


# Presentation layout for the Story page: the map fills the height left under the title row and
# above the source line, so one slide fits a 1280x720 or 1920x1080 share without scrolling.
PRESENT_MAP_HEIGHT = "max(320px, calc(100vh - 10.5rem))"
_STORY_PRESENT_CSS = f"""
<style>
.st-key-story_map {{ height: {PRESENT_MAP_HEIGHT} !important; }}
</style>
"""


def render_slide(
    story: Story,
    number: int,
    inputs: SlideInputs,
    fig: go.Figure | None,
    db: DbKey,
    present: bool,
) -> None:
    """Draw one slide: title and controls, headline figure and takeaway, the map, sources."""
    slide = story.slides[number - 1]
    if present:
        st.html(_STORY_PRESENT_CSS)
    # Top-aligned: a title on two lines must not move Next, which a presenter clicks blind.
    title_col, nav_col = st.columns([2.6, 1.4], vertical_alignment="top")
    title_col.title(slide.title, anchor=False)
    with nav_col:
        controls(story, number)

    measures = cache.measures(db)
    measure = measures.get(inputs.metric_id) if inputs.metric_id else None
    text_col, map_col = st.columns([1, 2.5], gap="large")
    with text_col:
        headline_name = slide.headline_fact()
        if headline_name and headline_name in inputs.facts:
            figure = inputs.facts[headline_name].text
            # One line at any screen size: long figures ("44.3 million") get smaller type.
            size = 4.2 if len(figure) <= 6 else 3.4 if len(figure) <= 10 else 2.6
            st.markdown(
                f"<div class='story-headline' style='font-size:{size}rem;font-weight:700;"
                f"line-height:1.05;white-space:nowrap;color:{ACCENT}'>{_escape(figure)}</div>",
                unsafe_allow_html=True,
            )
        st.markdown(
            f"<div class='story-takeaway' style='font-size:1.45rem;line-height:1.35'>"
            f"{takeaway_html(slide.takeaway, inputs.facts)}</div>",
            unsafe_allow_html=True,
        )
        if measure is not None and not present:
            st.caption(f"Map: {measure.label}, {inputs.year}")
    with map_col, st.container(key="story_map"):
        # Filled last: the figure is the one large message, so the text arrives first and the
        # browser's map drawing does not compete with the rest of the run.
        map_slot = st.empty()

    source = slide.source
    if measure is not None:
        source = (
            f"{source}. Map: {measure.label}, {inputs.year}: {measure.source}, {measure.vintage}"
        )
    st.caption(f"Source: {source}.")
    if not present:
        with st.expander("Speaker notes", expanded=True):
            st.markdown(fill(slide.notes, inputs.facts) or "No notes for this slide.")
        link = slide.view.url().lstrip("/")
        st.markdown(f"[Open this view in the dashboard]({link})")
        problems = slide_problems(slide, inputs.facts)
        if problems:
            st.warning(
                f"{story.path.name}, slide {number}: " + "; ".join(problems),
                icon=":material/warning:",
            )
    with map_slot:
        if fig is None:
            st.info("This slide's view has no measure to map.")
        else:
            # In the theme the map fills the container, which the CSS sizes to the screen.
            maps.show_map(
                fig, key="story_map_chart", css_height=PRESENT_MAP_HEIGHT if present else None
            )


def slide_map(
    values: pd.DataFrame,
    measure: Measure,
    inputs: SlideInputs,
    view: View,
    db: DbKey,
    present: bool,
) -> go.Figure:
    """The Atlas map engine's figure for the slide's view, with type sized for a projector."""
    options = view.map_options()
    # Hover shows "Suppressed" / "No data" without the long per-county note: a slide change
    # then sends well under 100 KB, and the note is one click away in the dashboard.
    lean = values.assign(note="")
    fig = maps.county_map(
        lean,
        measure,
        inputs.year,
        inputs.states,
        classification=options.get("classes", "quantiles"),
        n_classes=int(options.get("n", 5)),
        palette=None if options.get("palette", "auto") == "auto" else options["palette"],
        outlines=cache.group_metros(db) if options.get("outlines", True) else None,
        height=MAP_HEIGHT_PRESENT if present else MAP_HEIGHT,
    )
    if present:
        fig.update_layout(
            height=None,
            autosize=True,
            font_size=21,
            title_font_size=26,
            legend_font_size=21,
            hoverlabel_font_size=21,
            margin={"t": 44, "b": 56},
        )
        # The figure title already names the measure: a bare colour bar leaves the map more room.
        fig.update_traces(
            colorbar_tickfont_size=21, colorbar_title_text="", selector={"type": "choropleth"}
        )
        fig.update_annotations(font_size=15)
    return fig


def takeaway_html(template: str, facts: dict[str, FactValue]) -> str:
    """The filled takeaway as HTML, each computed figure in bold so the room finds it at once."""
    parts = []
    for literal, name, _, _ in string.Formatter().parse(template):
        parts.append(_escape(literal))
        if name is not None:
            parts.append(f"<strong>{_escape(fill('{' + name + '}', facts))}</strong>")
    return "".join(parts)


def _escape(text: str) -> str:
    """Takeaway text into HTML without letting a story file inject markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@st.cache_data(max_entries=64, show_spinner=False)
def slide_figure(
    db: DbKey, key: FolderKey, folder: str, story_id: str, number: int, present: bool
) -> go.Figure | None:
    """A slide's finished map, built once: a slide change then only sends it."""
    story = stories(key, folder)[0][story_id]
    inputs = slide_inputs(db, key, folder, story, number)
    measure = cache.measures(db).get(inputs.metric_id) if inputs.metric_id else None
    if measure is None:
        return None
    values = cache.county_values(db, measure.metric_id, inputs.year, inputs.states)
    return slide_map(values, measure, inputs, story.slides[number - 1].view, db, present)


def warm_story(db: DbKey, key: FolderKey, folder: str, story: Story, present: bool) -> None:
    """Once per session and story: compute every slide's facts and map, after the first slide
    is on screen, so each later click only reads caches (the target is < 200 ms a change)."""
    marker = (db, key, story.story_id, present)
    warmed: set = st.session_state.setdefault("_story_warmed", set())
    if marker in warmed:
        return
    for number in range(1, len(story.slides) + 1):
        slide_inputs(db, key, folder, story, number)
        slide_figure(db, key, folder, story.story_id, number, present)
    warmed.add(marker)


def page() -> None:
    """The whole Story page: load, pick the slide from the URL, draw it, warm the others."""
    db = db_key()
    if db is None:
        st.error("The Atlas database has not been built yet: run `python -m queries build`.")
        return
    folder = str(stories_dir())
    key = folder_key()
    all_stories, file_problems = stories(key, folder)
    present = present_from_url()
    address, notes = current_address(all_stories)
    # In the theme a broken file is only named when nothing can be shown instead.
    if not present or address is None:
        for problem in file_problems:
            st.warning(f"Story file {problem}", icon=":material/warning:")
    for note in notes:
        st.info(note, icon=":material/link_off:")
    if address is None:
        st.error("No story could be loaded from data/stories/.")
        return
    story = all_stories[address.story_id]
    story_picker(all_stories, story.story_id)
    if not present:
        st.caption(f"Story: {story.title}" + (f" — {story.subtitle}" if story.subtitle else ""))
    inputs = slide_inputs(db, key, folder, story, address.slide)
    fig = slide_figure(db, key, folder, story.story_id, address.slide, present)
    render_slide(story, address.slide, inputs, fig, db, present)
    warm_story(db, key, folder, story, present)
