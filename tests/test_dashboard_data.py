"""Page logic on the tiny fixture database: headline sums, ranks, CSV, search, look-alikes."""

from __future__ import annotations

import io
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from ui.fmt import format_value, ordinal
from ui.pagedata import atlas, catalogue, hubs, places, profile, training


@pytest.fixture(scope="module")
def con(fixture_db: Path) -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect(str(fixture_db), read_only=True)
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def measures(con: duckdb.DuckDBPyConnection) -> dict[str, catalogue.Measure]:
    return catalogue.load_catalogue(con)


def test_format_value_follows_d3_and_never_turns_suppressed_into_zero() -> None:
    assert format_value(12345.6, ",.0f") == "12,346"
    assert format_value(0.1234, ".1%") == "12.3%"
    assert format_value(56000, "$,.0f") == "$56,000"
    assert format_value(None, ",.0f", "suppressed") == "Suppressed"
    assert format_value(float("nan"), ",.0f") == "No data"
    assert ordinal(22) == "22nd" and ordinal(11) == "11th" and ordinal(None) == "—"


def test_catalogue_groups_measures_by_theme(measures: dict) -> None:
    ids = catalogue.grouped_ids(measures)
    themes = [measures[i].theme for i in ids]
    assert themes.index("tech_jobs") < themes.index("talent") < themes.index("context")
    assert measures["tech_jobs"].years == (2015, 2023) and measures["tech_jobs"].has_series


def test_state_filter_limits_and_reranks_counties(con: duckdb.DuckDBPyConnection) -> None:
    kansas = atlas.county_values(con, "tech_jobs", 2023, ("KS",))
    assert set(kansas["state_abbr"]) == {"KS"}
    ok = kansas[kansas["status"] == "ok"]
    assert ok.sort_values("rank")["fips"].tolist() == ["20091", "20209"]
    suppressed = kansas[kansas["fips"] == "20001"].iloc[0]
    assert suppressed["status"] == "suppressed" and pd.isna(suppressed["value"])
    assert pd.isna(suppressed["rank"])


def test_headline_counts_a_combined_area_once_and_reports_missing(
    con: duckdb.DuckDBPyConnection, measures: dict
) -> None:
    head = atlas.headline(con, measures["total_jobs"], 2022, ("VA", "CT"))
    # Albemarle and Charlottesville share BEA's combined figure: 118,000 counted once.
    assert head.total == 118000
    assert head.counties_no_data == 1  # the Connecticut planning region


def test_headline_rate_is_sum_over_sum(con: duckdb.DuckDBPyConnection, measures: dict) -> None:
    head = atlas.headline(con, measures["some_college_share"], 2024, ("KS",))
    assert head.total is None
    assert head.aggregate_rate == pytest.approx((21000 + 60000 + 1700) / (110000 + 420000 + 8800))


def test_headline_counts_suppressed(con: duckdb.DuckDBPyConnection, measures: dict) -> None:
    head = atlas.headline(con, measures["tech_jobs"], 2023, ())
    assert head.counties_suppressed == 1 and head.counties_with_value == 10


def test_ranking_csv_keeps_suppressed_empty_with_source(
    con: duckdb.DuckDBPyConnection, measures: dict
) -> None:
    values = atlas.county_values(con, "tech_jobs", 2023, ("KS",))
    table = atlas.ranking_table(values, measures["tech_jobs"], 2023)
    csv = pd.read_csv(io.BytesIO(atlas.ranking_csv(table)), dtype={"FIPS": str})
    assert csv["FIPS"].tolist()[:2] == ["20091", "20209"]
    allen = csv[csv["FIPS"] == "20001"].iloc[0]
    assert pd.isna(allen["Tech jobs"]) and allen["Status"] == "Suppressed"
    assert set(csv["Source"]) == {"BLS QCEW"} and set(csv["Vintage"].astype(str)) == {"2023"}


def test_ranking_on_screen_is_what_a_user_reads(
    con: duckdb.DuckDBPyConnection, measures: dict
) -> None:
    values = atlas.county_values(con, "tech_jobs", 2023, ("KS",))
    view = atlas.ranking_view(values, measures["tech_jobs"])
    assert list(view.columns) == [
        "Rank", "County", "State", "Tech jobs", "Percentile", "Status", "Note"
    ]  # fmt: skip
    by_county = view.set_index("County")
    allen = by_county.loc["Allen County, Kansas"]
    assert pd.isna(allen["Tech jobs"]) and pd.isna(allen["Rank"])
    assert allen["Status"] == "Suppressed"
    # Published figures show a blank status (not "None"); values and percentiles read exactly as
    # stored (the grid's accessible table shows the raw number: 99.9 must not become 99.9000015).
    wyandotte = by_county.loc["Wyandotte County, Kansas"]
    row = values[values["fips"] == "20209"].iloc[0]
    assert wyandotte["Status"] == "" and wyandotte["Rank"] == 2
    assert wyandotte["Note"] == ""
    assert wyandotte["Tech jobs"] == row["value"]
    # Where every figure is published without a note, there is no Status or Note column.
    published = values[values["status"] == "ok"].assign(note=None)
    columns = atlas.ranking_view(published, measures["tech_jobs"]).columns
    assert "Status" not in columns and "Note" not in columns
    national = atlas.county_values(con, "tech_jobs", 2023, ())
    shown = atlas.ranking_view(national, measures["tech_jobs"])["Percentile"].dropna()
    assert [str(p) for p in shown] == [str(p) for p in national["percentile"].round(1).dropna()]
    assert "11.1" in {str(p) for p in shown}  # one of ten published counties, not 11.1000004


def test_search_finds_counties_metros_and_cities(con: duckdb.DuckDBPyConnection) -> None:
    index = places.search_index(con)
    assert places.search(index, "wyandotte").iloc[0]["code"] == "20209"
    kinds = set(places.search(index, "kansas city")["kind"])
    assert {"metro", "city"} <= kinds
    assert places.search(index, "Iola").iloc[0]["fips"] == "20001"
    assert places.search(index, "x").empty
    assert places.search(index, "zzzz-nowhere").empty


def test_group_values_sum_counts_and_combine_rates(con: duckdb.DuckDBPyConnection) -> None:
    areas = hubs.group_areas(con, ())
    values = hubs.area_values(con, areas).set_index(["area_id", "metric_id"])["value"]
    assert values[("heartland_cities", "tech_jobs")] == 4200 + 38000 + 41000
    share = values[("coastal_hubs", "tech_share")]
    assert share == pytest.approx((260000 + 190000 + 350000) / (1050000 + 700000 + 2300000))
    per_job = values[("heartland_cities", hubs.PER_TECH_JOB)]
    assert per_job == pytest.approx((21000 + 60000 + 80000) / (4200 + 38000 + 41000))


def test_comparison_table_formats_each_area_and_says_how_it_was_combined(
    con: duckdb.DuckDBPyConnection, measures: dict
) -> None:
    areas = hubs.group_areas(con, ())
    values = hubs.area_values(con, areas)
    nowhere = hubs.Area("nowhere", "Nowhere", ())
    table = hubs.comparison_table(values, [*areas, nowhere], [measures["tech_jobs"]]).set_index(
        "Measure"
    )
    heartland = next(a.label for a in areas if a.area_id == "heartland_cities")
    assert table.loc["Tech jobs", heartland] == "83,200"
    assert table.loc["Tech jobs", "Nowhere"] == "No data"
    assert table.loc["Tech jobs", "How areas are combined"] != "—"


def test_group_cut_to_states(con: duckdb.DuckDBPyConnection) -> None:
    areas = {a.area_id: a for a in hubs.group_areas(con, ("KS",))}
    assert set(areas["heartland_cities"].fips) == {"20209", "20091"}


def test_jobs_added_share_of_national_change(con: duckdb.DuckDBPyConnection) -> None:
    added = hubs.jobs_added(con, hubs.group_areas(con, ())).set_index("area_id")
    hub_change = (1400000 - 1050000) + (950000 - 720000) + (3300000 - 2900000)
    assert added.loc["coastal_hubs", "change"] == hub_change
    assert added.loc["coastal_hubs", "share_of_national_change"] == pytest.approx(
        hub_change / 35_000_000
    )


def test_indexed_series_is_100_in_2010(con: duckdb.DuckDBPyConnection) -> None:
    series = hubs.indexed(hubs.area_series(con, hubs.group_areas(con, ())))
    assert (series[series["year"] == 2010]["value"].round(6) == 100).all()


def test_similar_counties_exclude_the_place_and_rank_by_distance(
    con: duckdb.DuckDBPyConnection,
) -> None:
    used = ["some_college_share", "median_household_income", "unemployment_rate"]
    wide = profile.similarity_inputs(con, used)
    similar = profile.most_similar(wide, "20209", used, n=3)
    assert "20209" not in set(similar["fips"])
    assert similar["distance"].is_monotonic_increasing and len(similar) == 3


def test_profile_percentiles(con: duckdb.DuckDBPyConnection) -> None:
    jackson = profile.county_measures(con, "29095").set_index("metric_id")
    assert jackson.loc["tech_jobs", "state_percentile"] == 100.0  # most tech jobs in Missouri
    assert jackson.loc["tech_jobs", "national_percentile"] < 100.0  # New York County has more
    table = profile.measures_table(profile.county_measures(con, "20001"))
    assert "Suppressed" in table["Value"].tolist()


def test_training_deserts_follow_the_distance_threshold(con: duckdb.DuckDBPyConnection) -> None:
    nearest = training.nearest_colleges(con, ())
    pop = pd.DataFrame({"fips": nearest["fips"], "value": 1000.0})
    far = training.deserts(nearest, 3, pop)
    # Capitol CT (161 km to New York) and Charlottesville city (4.5 km, its college is in the
    # county around it); every other county has a college inside.
    assert set(far["fips"]) == {"09110", "51540"}
    assert far["distance_km"].is_monotonic_decreasing
    assert training.deserts(nearest, 50, pop)["fips"].tolist() == ["09110"]
    assert far["population"].sum() == 2000


def test_a_county_with_a_college_inside_is_no_desert_however_far_its_point(
    con: duckdb.DuckDBPyConnection,
) -> None:
    # Santa Clara's representative point is 32 km from De Anza College, in Cupertino, inside
    # the county; Jackson County's is 22 km from Metropolitan CC in Kansas City.
    nearest = training.nearest_colleges(con, ()).set_index("fips")
    assert nearest.loc["06085", "distance_km"] == 0
    assert nearest.loc["06085", "nearest_college"] == "De Anza College"
    assert nearest.loc["29095", "distance_km"] == 0
    pop = pd.DataFrame({"fips": nearest.index, "value": 1000.0})
    assert {"06085", "29095"}.isdisjoint(training.deserts(nearest.reset_index(), 1, pop)["fips"])


def test_deserts_count_community_colleges_that_ipeds_files_as_four_year(
    con: duckdb.DuckDBPyConnection,
) -> None:
    # Boone County, MO has no sector-4 college, only a public college that awards a few
    # bachelor's degrees (as Dallas College does): it has a college, so it is no desert.
    nearest = training.nearest_colleges(con, ("MO",)).set_index("fips")
    assert nearest.loc["29019", "nearest_college"] == "Columbia Area College"
    assert nearest.loc["29019", "distance_km"] < 10
    pop = pd.DataFrame({"fips": nearest.index, "value": 1000.0})
    assert "29019" not in set(training.deserts(nearest.reset_index(), 50, pop)["fips"])


def test_nearest_college_crosses_state_lines(con: duckdb.DuckDBPyConnection) -> None:
    nearest = training.nearest_colleges(con, ("CT",)).set_index("fips")
    assert nearest.loc["09110", "nearest_college_place"] == "New York, NY"


def test_institution_types_set_community_colleges_apart(con: duckdb.DuckDBPyConnection) -> None:
    points = training.map_points(training.institutions(con, ()))
    # 8 sector-4 colleges and the public college filed as 4-year; not the University of Missouri.
    assert (points["type"] == "Community college").sum() == 9
    assert points.loc[points["name"].str.startswith("University of Missouri"), "type"].tolist() == [
        "Other public institution"
    ]
    assert {"lon", "lat", "name", "type", "state_abbr"} <= set(points.columns)


def test_community_college_filter_spans_ipeds_sectors(con: duckdb.DuckDBPyConnection) -> None:
    frame = training.institutions(con, ())
    community = training.filter_institutions(frame, [training.COMMUNITY], [])
    assert len(community) == 9 and "Columbia Area College" in set(community["name"])
    sector_four = training.filter_institutions(frame, ["Public, 2-year"], [])
    assert len(sector_four) == 8 and "Columbia Area College" not in set(sector_four["name"])
    both = training.filter_institutions(frame, [training.COMMUNITY, "Public, 4-year or above"], [])
    assert set(both["name"]) == set(community["name"]) | {"University of Missouri"}


def test_deserts_list_the_most_populous_first(con: duckdb.DuckDBPyConnection) -> None:
    nearest = training.nearest_colleges(con, ())
    pop = pd.DataFrame({"fips": ["51540", "09110"], "value": [900_000.0, 180_000.0]})
    far = training.deserts(nearest, 3, pop)
    # Charlottesville is nearer to a college but has more people.
    assert far["fips"].tolist() == ["51540", "09110"]


def test_deserts_table_shows_people_distance_and_college(con: duckdb.DuckDBPyConnection) -> None:
    nearest = training.nearest_colleges(con, ())
    pop = pd.DataFrame({"fips": ["09110"], "value": [180_000.0]})
    table = training.deserts_table(training.deserts(nearest, 3, pop), "Adults 25+")
    capitol = table.set_index("County").loc["Capitol Planning Region, Connecticut"]
    assert capitol["State"] == "CT" and capitol["Adults 25+"] == 180_000
    assert capitol["Distance (km)"] == pytest.approx(161, abs=1)
    assert capitol["Where"] == "New York, NY"
    # Charlottesville has no population figure: it stays empty, not 0.
    assert pd.isna(table.set_index("State").loc["VA", "Adults 25+"])


def test_techhire_gets_one_marker_per_community() -> None:
    rows = pd.DataFrame(
        {
            "community_name": ["Kansas", "Kansas", "Kansas City"],
            "state_abbr": ["KS", "KS", "MO"],
            "geography_type": ["state", "state", "city"],
            "announcement_wave": ["2016", "2016", "2015"],
            "fips": ["20209", "20091", "29095"],
            "lon": [-94.0, -96.0, -94.35],
            "lat": [39.0, 38.0, 39.01],
        }
    )
    markers = training.techhire_markers(rows).set_index("community_name")
    assert len(markers) == 2
    assert markers.loc["Kansas", "lon"] == -95.0 and markers.loc["Kansas", "counties"] == 2
    assert "2 counties" in markers.loc["Kansas", "label"]
