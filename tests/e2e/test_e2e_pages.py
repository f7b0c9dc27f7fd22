"""The other pages in a real Chromium: hubs vs heartland, and the default story presented."""

from __future__ import annotations

import re

import pytest

from tests.e2e.browser_page import BrowserPage

pytestmark = pytest.mark.browser

COUNTER = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")


def test_hubs_vs_heartland_draws_the_comparison_and_small_maps(atlas: BrowserPage) -> None:
    atlas.open("hubs", wait_map=False)

    assert "hubs" in atlas.heading().lower() and "heartland" in atlas.heading().lower()
    bars = atlas.page.locator(".st-key-hubs_bars .trace.bars .point")
    bars.first.wait_for()
    assert bars.count() >= 8, "fewer bars than the coastal hubs alone"
    small_maps = atlas.page.locator("[class*='st-key-hubs_small_']:visible")
    assert small_maps.count() >= 4
    # Every small map in view draws its metro's counties.
    for i in range(small_maps.count()):
        small_maps.nth(i).locator(".choroplethlocation").first.wait_for()
    assert not atlas.exceptions_on_screen()


def slide_counter(atlas: BrowserPage) -> tuple[int, int]:
    """The '3 / 7' counter of the story, as numbers."""
    text = atlas.page.locator(".story-counter").first.inner_text()
    match = COUNTER.match(text)
    assert match, f"unexpected slide counter {text!r}"
    return int(match[1]), int(match[2])


def test_the_default_story_steps_through_every_slide_in_the_presentation_theme(
    atlas: BrowserPage,
) -> None:
    atlas.open("story?present=1", wait_map=False)

    # The theme: no sidebar (hidden by the theme's style once the page has rendered), large type.
    atlas.page.locator("[data-testid='stSidebar']").wait_for(state="hidden", timeout=10_000)
    root_px = atlas.page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    assert root_px >= 18
    number, count = slide_counter(atlas)
    assert number == 1 and count >= 3
    titles = []
    for expected in range(1, count + 1):
        assert slide_counter(atlas) == (expected, count)
        assert atlas.query().get("slide") == [str(expected)]
        assert atlas.query().get("present") == ["1"]
        titles.append(atlas.heading())
        map_paths = atlas.page.locator(".st-key-story_map .choroplethlocation")
        map_paths.first.wait_for()  # every slide of the default story maps a measure
        assert not atlas.exceptions_on_screen(), f"slide {expected}"
        atlas.shot(f"story_slide_{expected}")
        if expected < count:
            atlas.click_and_wait(atlas.widget("story_next").get_by_role("button"))
            atlas.page.locator(".story-counter", has_text=f"{expected + 1} / {count}").wait_for()

    assert atlas.widget("story_next").get_by_role("button").is_disabled()
    assert len(set(titles)) == count, f"slides repeat a title: {titles}"
