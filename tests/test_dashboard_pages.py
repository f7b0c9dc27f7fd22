"""Every dashboard page in AppTest on the tiny database: draws, filters, URL state, search."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest_setup import app_test
from ui.pagedata.hubs import PER_TECH_JOB

PAGES = ["atlas", "hubs", "place", "training", "about"]

pytestmark = pytest.mark.usefixtures("fixture_app")


def _open(page: str, **params: str | list[str]) -> AppTest:
    at = app_test()
    # The Atlas is the default page. AppTest (1.67) loses widgets drawn by the app frame (the
    # sidebar) after the first run, so sidebar values are given through the URL or session
    # state before the first run; clicking them is covered by the browser tests.
    if page != "atlas":
        at.switch_page(f"pages/{page}.py")
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def _param(at: AppTest, key: str) -> list[str]:
    value = at.query_params.get(key)
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _ranked_counties(at: AppTest) -> list[str]:
    return at.dataframe[0].value["County"].tolist()


@pytest.mark.parametrize("page", PAGES)
def test_every_page_draws_without_error(page: str) -> None:
    at = _open(page)
    assert not at.exception, [e.message for e in at.exception]
    assert at.title and at.title[0].value


def test_missing_database_explains_how_to_build(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("ATLAS_DB", str(tmp_path / "nowhere.duckdb"))
    at = app_test().run()
    assert not at.exception
    text = " ".join(m.value for m in at.markdown)
    assert "python -m queries build" in text and "run.sh" in text


def test_state_filter_limits_the_ranking_and_stays_in_the_url() -> None:
    assert len(_ranked_counties(_open("atlas"))) == 11
    at = app_test()
    at.session_state["states"] = ["KS"]  # as if picked in the sidebar
    at.run()
    assert set(at.dataframe[0].value["State"]) == {"KS"}
    assert _param(at, "states") == ["KS"]
    assert at.subheader[0].value == "Counties ranked, KS"


def test_state_filter_persists_across_pages() -> None:
    at = _open("atlas", states=["MO"])
    at.switch_page("pages/training.py").run()
    assert not at.exception
    assert "MO" in at.subheader[0].value  # "Training deserts, MO: ..."
    at.switch_page("pages/hubs.py").run()
    assert any("Only the counties in MO" in c.value for c in at.caption)


def test_measure_switch_changes_table_and_url() -> None:
    at = _open("atlas")
    at.selectbox(key="atlas_metric").set_value("tech_jobs").run()
    assert not at.exception
    assert "Tech jobs" in at.dataframe[0].value.columns
    assert _param(at, "atlas_metric") == ["tech_jobs"]
    # tech_jobs has two years; the year picker offers both and the URL carries the year.
    assert at.selectbox(key="atlas_year").options == ["2015", "2023"]
    assert _param(at, "atlas_year") == ["2023"]


def test_url_reopens_the_same_view() -> None:
    at = _open(
        "atlas",
        atlas_metric="tech_jobs",
        atlas_year="2015",
        states=["CA", "NY"],
        atlas_classes="natural_breaks",
        atlas_outlines="0",
    )
    assert not at.exception and not at.warning
    assert at.selectbox(key="atlas_metric").value == "tech_jobs"
    assert at.selectbox(key="atlas_year").value == 2015
    assert at.selectbox(key="atlas_classes").value == "natural_breaks"
    assert at.toggle(key="atlas_outlines").value is False
    assert set(at.dataframe[0].value["State"]) == {"CA", "NY"}
    # ... and the URL written back is the one that came in.
    assert _param(at, "atlas_metric") == ["tech_jobs"]
    assert _param(at, "atlas_year") == ["2015"]
    assert sorted(_param(at, "states")) == ["CA", "NY"]


@pytest.mark.parametrize(
    ("params", "expect"),
    [
        ({"atlas_metric": "no_such_measure"}, "Unknown measure"),
        ({"states": ["KS", "ZZ"]}, "ZZ"),
        ({"atlas_year": "1850", "atlas_metric": "tech_jobs"}, "nearest year"),
        ({"atlas_n": "9999"}, "3–9"),
        ({"atlas_metric": "<script>alert(1)</script>" * 40}, "Unknown measure"),
    ],
)
def test_bad_url_parameters_give_a_message_and_a_sensible_view(params: dict, expect: str) -> None:
    at = _open("atlas", **params)
    assert not at.exception
    assert any(expect in w.value for w in at.warning), [w.value for w in at.warning]
    assert len(at.dataframe[0].value) > 0


def test_bad_place_code_falls_back_to_an_example() -> None:
    at = _open("place", place_fips="123")
    assert not at.exception
    assert any("county code" in w.value for w in at.warning)
    assert at.title[0].value == "Wyandotte County, Kansas"


def test_place_page_opens_a_county_from_the_url() -> None:
    at = _open("place", place_fips="06085")
    assert at.title[0].value == "Santa Clara County, California"
    assert _param(at, "place_fips") == ["06085"]


def test_place_page_opens_a_metro() -> None:
    at = _open("place", place_cbsa="28140")
    assert not at.exception
    assert at.title[0].value == "Kansas City, MO-KS"
    table = at.dataframe[0].value
    assert table.loc[table["Measure"] == "Tech jobs", "Kansas City, MO-KS"].iloc[0] == "83,200"


def test_search_lists_matching_places() -> None:
    at = app_test()
    at.session_state["search"] = "Wyandotte"  # as if typed in the sidebar
    at.run()
    hits = [b.label for b in at.button if b.key and b.key.startswith("search_hit_")]
    assert hits[0] == "Wyandotte County, Kansas"
    assert "Kansas City, KS (in Wyandotte County)" in hits


def test_search_without_match_says_so() -> None:
    at = app_test()
    at.session_state["search"] = "Atlantis"
    at.run()
    assert any("No place matches" in c.value for c in at.caption)


def test_training_desert_slider_changes_the_list() -> None:
    at = _open("training", training_km="100")
    assert "1 county farther" in at.subheader[0].value
    # Capitol CT is 161 km from New York's college; every other county has one within 5 km.
    at.slider(key="training_km").set_value(200).run()
    assert "0 counties farther than 200 km" in at.subheader[0].value
    assert _param(at, "training_km") == ["200"]


def test_training_shows_community_colleges_first() -> None:
    at = _open("training", states=["MO"])
    assert not at.exception
    assert at.multiselect(key="training_sectors").value == ["community"]
    # Boone County's only college is filed by IPEDS as 4-year; it still counts, so it is no desert.
    assert "1 county farther" not in at.subheader[0].value
    assert "0 counties farther than 50 km from any community college" in at.subheader[0].value
    shown = next(c for c in at.caption if "active institutions shown" in c.value)
    assert shown.value.startswith("2 active institutions")  # Metropolitan CC, Columbia Area


def test_place_profile_gives_the_nearest_community_college() -> None:
    # Boone County has Columbia Area College inside it (5 km from the county's point).
    at = _open("place", place_fips="29019")
    assert not at.exception
    nearest = next(m for m in at.metric if m.label == "Nearest community college")
    assert nearest.value == "In the county"
    assert "Columbia Area College" in nearest.help
    # Charlottesville city has none inside: the college just outside it, by distance.
    at = _open("place", place_fips="51540")
    nearest = next(m for m in at.metric if m.label == "Nearest community college")
    assert nearest.value == "5 km"
    assert "Piedmont Virginia Community College" in nearest.help


def test_hubs_group_figures_and_state_cut() -> None:
    at = _open("hubs")
    labels = [m.label for m in at.metric]
    assert "Tech jobs" in labels
    values = {m.label: m.value for m in at.metric if m.label == "Tech jobs"}
    assert values  # both groups show tech jobs
    at = _open("hubs", states=["PR"])
    assert not at.exception
    assert any("No hub or heartland metro" in i.value for i in at.info)


def test_hubs_small_maps_draw_county_measures_and_explain_a_derived_one() -> None:
    at = _open("hubs", hubs_metric="tech_jobs")
    assert not at.exception
    assert not any("Small maps need a county measure" in c.value for c in at.caption)
    at = _open("hubs", hubs_metric=PER_TECH_JOB)  # a ratio of two measures: no county map
    assert not at.exception
    assert any("Small maps need a county measure" in c.value for c in at.caption)


def test_hubs_compares_the_metros_in_the_link() -> None:
    at = _open("hubs", hubs_metros=["41940", "28140"])
    assert not at.exception
    tables = [df.value for df in at.dataframe]
    comparison = next(t for t in tables if "Measure" in t.columns and "Kansas City, MO-KS" in t)
    assert list(comparison.columns[1:3]) == [
        "San Jose-Sunnyvale-Santa Clara, CA",
        "Kansas City, MO-KS",
    ]
    added = next(t for t in tables if "Share of US jobs added" in t.columns)
    kc = added.set_index("Area").loc["Kansas City, MO-KS"]
    assert kc["Jobs added"] == (101000 + 450000 + 560000) - (92000 + 360000 + 500000)


def test_hubs_county_comparison_picks_a_state_then_one_of_its_counties() -> None:
    at = _open("hubs", hubs_county_a="29095")
    assert at.selectbox(key="hubs_county_a_state").value == "MO"
    assert at.selectbox(key="hubs_county_a").value == "29095"
    at.selectbox(key="hubs_county_a_state").set_value("KS").run()
    assert not at.exception
    county = at.selectbox(key="hubs_county_a")
    assert county.value.startswith("20") and all(c.endswith(", Kansas") for c in county.options)
    assert _param(at, "hubs_county_a") == [county.value]
    assert "Kansas" in " ".join(at.dataframe[-1].value.columns)
