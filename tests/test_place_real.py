"""Place profiles on the real database: a county too small to draw still gets its profile."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.apptest_setup import REAL_TIMEOUT, app_test, drawn_maps


def profile_of(fips: str) -> AppTest:
    """The place profile of one county, opened by its link, after its first run."""
    at = app_test(timeout=REAL_TIMEOUT)
    at.switch_page("pages/place.py")
    at.query_params["place_fips"] = fips
    at.run()
    assert not at.exception
    return at


def test_falls_church_says_it_is_too_small_to_map_and_shows_its_figures(real_app: None) -> None:
    at = profile_of("51610")
    assert [t.value for t in at.title] == ["Falls Church city, Virginia"]
    assert any("too small to draw" in i.value for i in at.info)
    assert drawn_maps(at) == []  # no empty frame where the map would be
    assert at.metric, "the county's figures are missing"


def test_a_drawable_county_gets_its_small_map(real_app: None) -> None:
    at = profile_of("20209")
    assert not any("too small to draw" in i.value for i in at.info)
    (place_map,) = drawn_maps(at)
    assert any(t.get("name") == "Wyandotte County, Kansas" for t in place_map["data"])
