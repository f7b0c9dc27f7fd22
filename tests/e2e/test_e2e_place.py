"""Opening a place profile in a real Chromium: by searching for it, and by clicking the map."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tests.e2e.browser_page import PLACE_URL, BrowserPage

pytestmark = pytest.mark.browser


def county_name(db: Path, fips: str) -> str | None:
    """The full name of a county ('Wyandotte County, Kansas'), or None if there is none."""
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute(
            "SELECT full_name FROM counties WHERE fips = $fips", {"fips": fips}
        ).fetchone()
    return None if row is None else row[0]


def test_search_by_name_opens_the_county_profile(atlas: BrowserPage) -> None:
    atlas.open()
    before = atlas.ws.finished_runs()
    search = atlas.widget("search").get_by_role("textbox")
    search.fill("Wyandotte")
    search.press("Enter")
    atlas.wait_for_run(before)

    hit = atlas.page.locator("[class*='st-key-search_hit_'] button", has_text="Wyandotte County")
    before = atlas.ws.finished_runs()
    hit.first.click()
    atlas.page.wait_for_url(PLACE_URL)
    atlas.wait_for_run(before)

    assert atlas.query().get("place_fips") == ["20209"]
    assert atlas.heading() == "Wyandotte County, Kansas"
    assert atlas.table(column="Measure"), "the profile lists no measures"
    assert not atlas.exceptions_on_screen()


def test_clicking_a_county_on_the_map_opens_its_profile(atlas: BrowserPage, e2e_db: Path) -> None:
    atlas.open()

    fips = atlas.open_largest_county()

    name = county_name(e2e_db, fips)
    assert name is not None, f"the map opened a profile for an unknown county {fips}"
    atlas.page.get_by_role("heading", name=name).wait_for()
    assert atlas.heading() == name
    assert not atlas.exceptions_on_screen()
