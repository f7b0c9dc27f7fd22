"""The Atlas page in a real Chromium: map, measure, state filter, CSV, shared links, back."""

from __future__ import annotations

import csv
import re
import time
from pathlib import Path

import duckdb
import pytest

from tests.e2e.browser_page import STATE_VIEW, BrowserPage, squash

pytestmark = pytest.mark.browser

DEFAULT_LABEL = "Share of adults with some college, no degree"
TECH_SHARE = "Tech share of private jobs"
TECH_SHARE_OPTION = re.compile(r"Tech share of private jobs$")


def kansas_counties(db: Path) -> dict[str, str]:
    """FIPS -> full name of the Kansas counties in the database."""
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "SELECT fips, full_name FROM counties WHERE state_abbr = $abbr", {"abbr": "KS"}
        ).fetchall()
    return dict(rows)


def value_of(db: Path, metric_id: str, fips: str) -> float | None:
    """A county's value for a measure in its default year."""
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute(
            """
            SELECT v.value FROM county_values v JOIN metrics m USING (metric_id)
            WHERE v.metric_id = $metric AND v.fips = $fips AND v.year = m.default_year
            """,
            {"metric": metric_id, "fips": fips},
        ).fetchone()
    return None if row is None else row[0]


def test_landing_page_draws_every_county_with_a_legend_and_a_ranking(atlas: BrowserPage) -> None:
    atlas.open()

    assert atlas.map_paths() > 3000
    assert squash(DEFAULT_LABEL) in atlas.legend_text(), atlas.legend_text()
    rows = atlas.table(column=DEFAULT_LABEL)
    assert [r["Rank"] for r in rows[:3]] == ["1", "2", "3"]
    assert not atlas.exceptions_on_screen()
    # The map fetches its geometry (1 MB of counties) and base map while plotly.js loads and
    # hands them to Plotly, which must then not download them a second time.
    for name in ("/geo/counties.json", "/usa_110m.json"):
        fetched = [url for url in atlas.requests if url.endswith(name)]
        assert len(fetched) == 1, fetched


def test_switching_the_measure_recolours_the_map_and_names_it(atlas: BrowserPage) -> None:
    atlas.open()
    national_area = atlas.mean_county_area()
    atlas.zoom_in_map()
    zoomed_area = atlas.mean_county_area()
    assert zoomed_area > 1.5 * national_area, "the map's zoom-in button did not zoom"
    before = atlas.map_fill_signature()

    atlas.choose("atlas_metric", TECH_SHARE, TECH_SHARE_OPTION)
    atlas.wait_for_map()
    atlas.wait_for_recolour(before)

    # The same map is recoloured in place: the user's zoom survives the switch.
    assert atlas.mean_county_area() == pytest.approx(zoomed_area, rel=0.05)
    assert squash(TECH_SHARE) in atlas.legend_text(), atlas.legend_text()
    assert atlas.query().get("atlas_metric") == ["tech_share"]
    assert atlas.table(column=TECH_SHARE), "the ranking does not show the new measure"
    atlas.shot("atlas_measure_switched")


def test_state_filter_zooms_the_map_and_reranks_the_table(atlas: BrowserPage, e2e_db: Path) -> None:
    kansas = kansas_counties(e2e_db)
    atlas.open()
    national_area = atlas.mean_county_area()

    atlas.choose("states", "Kansas", "Kansas (KS)")
    atlas.wait_for_map(**STATE_VIEW)

    assert atlas.chips("states") == ["Kansas (KS)"]
    assert atlas.query().get("states") == ["KS"]
    # Zoomed in: a Kansas county takes far more of the screen than an average US county did.
    assert atlas.mean_county_area() > 5 * national_area
    rows = atlas.table(first_row=", Kansas")
    assert all(r["State"] == "KS" for r in rows), rows[:3]
    assert all(r["County"] in kansas.values() for r in rows)
    assert [r["Rank"] for r in rows[:3]] == ["1", "2", "3"]


def test_csv_download_holds_the_ranked_counties_in_view(atlas: BrowserPage, e2e_db: Path) -> None:
    kansas = kansas_counties(e2e_db)
    atlas.open("?states=KS", wait_map=False)
    atlas.wait_for_map(**STATE_VIEW)

    download = atlas.download(atlas.widget("atlas_download").get_by_role("button"))
    with open(download.path(), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))

    assert download.suggested_filename.endswith(".csv")
    assert {r["FIPS"] for r in rows} == set(kansas), "CSV rows are not exactly Kansas' counties"
    ranked = [r for r in rows if r["Rank"]]  # suppressed counties have no rank
    assert [int(r["Rank"]) for r in ranked] == list(range(1, len(ranked) + 1))
    shares = [float(r[DEFAULT_LABEL]) for r in rows if r[DEFAULT_LABEL]]
    assert shares == sorted(shares, reverse=True), "CSV is not ranked highest first"
    wyandotte = next(r for r in rows if r["FIPS"] == "20209")
    expected = value_of(e2e_db, "some_college_share", "20209")
    assert expected is not None
    assert float(wyandotte[DEFAULT_LABEL]) == pytest.approx(expected, rel=1e-6)


def test_a_shared_link_reopens_the_same_view(atlas: BrowserPage, browser, app_server) -> None:
    atlas.open()
    atlas.choose("atlas_metric", TECH_SHARE, TECH_SHARE_OPTION)
    atlas.choose("states", "Missouri", "Missouri (MO)")
    atlas.wait_for_map(**STATE_VIEW)
    link = atlas.page.url
    colours = atlas.map_fill_signature()

    context = browser.new_context(viewport=atlas.page.viewport_size)
    try:
        friend = BrowserPage(context.new_page(), app_server.url, atlas.artifacts).attach()
        friend.page.goto(link, wait_until="domcontentloaded")
        friend.wait_for_run(0)
        friend.wait_for_map(**STATE_VIEW)
        friend.shot("atlas_shared_link_reopened")

        assert friend.selected("atlas_metric").endswith(TECH_SHARE)
        assert friend.chips("states") == ["Missouri (MO)"]
        assert friend.map_fill_signature() == colours
        assert not friend.problems(), friend.problems()
    finally:
        context.close()


def test_back_returns_from_a_profile_to_the_same_map(atlas: BrowserPage) -> None:
    atlas.open("?atlas_metric=tech_share")
    atlas.open_largest_county()
    assert "place" in atlas.page.url

    before = atlas.ws.finished_runs()
    atlas.page.go_back()
    # Leaving the profile is the browser's own history step: no server work, so 15 s is ample.
    atlas.page.wait_for_url(lambda url: "/place" not in url, timeout=15_000)
    atlas.wait_for_run(before)
    atlas.wait_for_map()

    assert atlas.query().get("atlas_metric") == ["tech_share"]
    assert atlas.selected("atlas_metric").endswith(TECH_SHARE)
    assert squash(TECH_SHARE) in atlas.legend_text()


def test_a_quick_there_and_back_ends_on_the_map_the_filter_shows(atlas: BrowserPage) -> None:
    # A slow connection: the base map of a state view arrives a second and a half late, so the
    # user changes the filter back before the Kansas map could be drawn.
    def late(route) -> None:
        time.sleep(1.5)
        route.continue_()

    atlas.page.route("**/app/static/world_110m.json", late)
    atlas.open()
    atlas.choose("states", "Kansas", "Kansas (KS)")
    before = atlas.ws.finished_runs()
    atlas.page.locator(".st-key-states button[aria-label='Remove Kansas (KS)']").click()
    atlas.wait_for_run(before)
    atlas.page.wait_for_timeout(3000)  # the late base map has arrived and any draw has ended

    assert atlas.chips("states") == []
    assert atlas.map_paths() > 3000, "the Kansas map stayed on screen for the whole country"
    title = atlas.page.locator(".js-plotly-plot .gtitle").first.text_content() or ""
    assert squash("United States counties") in squash(title), title
