"""The Atlas views on the real database: what 'the whole country' holds."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from ui.pagedata import atlas, catalogue, training


@pytest.fixture(scope="module")
def con(built_db: Path) -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect(str(built_db), read_only=True)
    yield connection
    connection.close()


def test_national_view_is_the_states_and_dc_the_map_draws(con: duckdb.DuckDBPyConnection) -> None:
    # The national map (Albers USA) has no Puerto Rico inset, so the table, ranks and headline
    # must not count its municipios either, or hover ranks and table ranks would disagree.
    nation = atlas.county_values(con, "some_college_share", 2024, ())
    assert "PR" not in set(nation["state_abbr"])
    assert len(nation) == 3144  # 3,143 counties of 2022 + Connecticut's 9 regions for 8 counties
    assert nation["rank"].max() == nation["value"].notna().sum()


def test_puerto_rico_appears_when_it_is_chosen(con: duckdb.DuckDBPyConnection) -> None:
    measures = catalogue.load_catalogue(con)
    rico = atlas.county_values(con, "some_college_share", 2024, ("PR",))
    assert len(rico) == 78 and set(rico["state_abbr"]) == {"PR"}
    head = atlas.headline(con, measures["some_college_share"], 2024, ("PR",))
    assert head.counties_with_value == 78


def test_national_deserts_leave_out_puerto_rico(con: duckdb.DuckDBPyConnection) -> None:
    nearest = training.nearest_colleges(con, ())
    assert not nearest["fips"].str.startswith("72").any()
    assert len(training.nearest_colleges(con, ("PR",))) == 78


def test_a_large_county_with_colleges_inside_is_no_training_desert(
    con: duckdb.DuckDBPyConnection,
) -> None:
    # San Bernardino County's representative point lies in the desert, 79 km from the nearest
    # college; six community colleges are inside the county.
    nearest = training.nearest_colleges(con, ("CA",)).set_index("fips")
    assert nearest.loc["06071", "distance_km"] == 0
    inside = con.execute(
        "SELECT name FROM institutions WHERE fips = '06071' AND is_community_college AND is_active"
    ).fetchall()
    assert nearest.loc["06071", "nearest_college"] in {name for (name,) in inside}
