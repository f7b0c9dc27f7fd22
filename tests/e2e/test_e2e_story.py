"""Presenter mode in a real Chromium: a slide link, clicker keys, the theme switch."""

from __future__ import annotations

import pytest

from queries.stories import SlideAddress, load_stories, slide_url
from tests.e2e.browser_page import BrowserPage

pytestmark = pytest.mark.browser

STORY = load_stories()[0]["default"]


def _counter(atlas: BrowserPage) -> str:
    return atlas.page.locator(".story-counter").first.inner_text().strip()


def test_a_slide_link_opens_that_slide_presented_and_clicker_keys_move(
    atlas: BrowserPage,
) -> None:
    count = len(STORY.slides)
    atlas.open(slide_url(SlideAddress("default", 4, True)), wait_map=False)
    atlas.wait_for_map(within=".st-key-story_map")
    assert atlas.heading() == STORY.slides[3].title
    assert _counter(atlas) == f"4 / {count}"
    assert not atlas.page.locator("[data-testid='stSidebar']").is_visible()
    # The source line is on screen with the map, not below the fold.
    source = atlas.page.get_by_text("Source: ", exact=False).last
    box = source.bounding_box()
    assert box is not None and box["y"] + box["height"] <= atlas.page.viewport_size["height"]

    before = atlas.ws.finished_runs()
    atlas.page.keyboard.press("PageDown")  # what a slide clicker sends
    atlas.wait_for_run(before)
    atlas.page.locator(".story-counter", has_text=f"5 / {count}").wait_for()
    assert atlas.heading() == STORY.slides[4].title
    assert atlas.query().get("slide") == ["5"]
    assert atlas.query().get("present") == ["1"]

    before = atlas.ws.finished_runs()
    atlas.page.keyboard.press("ArrowLeft")
    atlas.wait_for_run(before)
    atlas.page.locator(".story-counter", has_text=f"4 / {count}").wait_for()
    assert atlas.query().get("slide") == ["4"]
    assert not atlas.exceptions_on_screen()


def test_leaving_the_theme_brings_back_the_sidebar_and_the_speaker_notes(
    atlas: BrowserPage,
) -> None:
    atlas.open(slide_url(SlideAddress("default", 2, True)), wait_map=False)
    assert not atlas.page.get_by_text("Speaker notes").is_visible()
    atlas.click_and_wait(atlas.page.get_by_role("button", name="Exit presentation"))
    atlas.page.get_by_text("Speaker notes").wait_for()
    assert atlas.page.locator("[data-testid='stSidebar']").is_visible()
    assert "present" not in atlas.query()
    assert atlas.query().get("slide") == ["2"]
