"""The build on the real official files: each loader's figures checked against the source."""

from __future__ import annotations

import hashlib
import json
import math
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from queries.db import connect_readonly
from queries.runner import run_query
from queries.summary import summarise

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def con(built_db: Path):
    connection = connect_readonly(built_db)
    yield connection
    connection.close()


def value(con, metric_id: str, fips: str, year: int) -> tuple:
    rows = con.execute(
        "select value, moe, status, note, area_fips from county_values"
        " where metric_id = $m and fips = $f and year = $y",
        {"m": metric_id, "f": fips, "y": year},
    ).fetchall()
    assert len(rows) == 1, (metric_id, fips, year, rows)
    return rows[0]


def test_acs_some_college_santa_clara(con):
    v, moe, status, _, _ = value(con, "some_college_no_degree", "06085", 2024)
    assert (v, status) == (53_043 + 123_501, "ok")
    assert value(con, "adults_25_plus", "06085", 2024)[0] == 1_347_266
    # MOE of a sum: the root of the summed squared MOEs, so larger than either part's MOE.
    assert moe > 0
    share, share_moe, *_ = value(con, "some_college_share", "06085", 2024)
    assert share == pytest.approx(176_544 / 1_347_266)
    assert 0 < share_moe < 0.01


def test_acs_wyandotte_share_and_moe_formula(con):
    v, moe, *_ = value(con, "some_college_no_degree", "20209", 2024)
    d, dmoe, *_ = value(con, "adults_25_plus", "20209", 2024)
    assert (v, d) == (8_193 + 13_660, 106_315)
    p, pmoe, *_ = value(con, "some_college_share", "20209", 2024)
    assert p == pytest.approx(21_853 / 106_315)
    # Census proportion formula.
    assert pmoe == pytest.approx(math.sqrt(moe**2 - p**2 * dmoe**2) / d)


def test_bea_information_2022_suppressed_never_zero(con):
    rows = con.execute(
        "select count(distinct area_fips), count(*) filter (where value is not null)"
        " from county_values where metric_id = 'information_jobs' and year = 2022"
        " and status = 'suppressed'"
    ).fetchall()[0]
    assert 600 <= rows[0] <= 660  # SOURCES.md: 628 counties are (D) in 2022
    assert rows[1] == 0


def test_bea_combined_area_gives_members_one_value_counted_once(con):
    albemarle = value(con, "total_jobs", "51003", 2022)
    charlottesville = value(con, "total_jobs", "51540", 2022)
    assert albemarle[0] == charlottesville[0] > 0
    assert albemarle[4] == charlottesville[4] == "51901"
    assert "together" in charlottesville[3]
    summary = summarise(con)["total_jobs"]
    # One row per area and CT's former counties included: the US line, exactly.
    assert (
        summary["national_total_50_states_dc"] == summary["agency_national_figure"] == 212_442_000
    )


def test_connecticut_planning_regions_say_why_they_have_no_bea_figure(con):
    v, _, status, note, _ = value(con, "total_jobs", "09110", 2022)
    assert v is None and status == "not_available" and "former counties" in note
    n = con.execute(
        "select count(*) from source_area_values where metric_id = 'total_jobs'"
        " and area_fips between '09001' and '09015' and year = 2022 and status = 'ok'"
    ).fetchall()[0][0]
    assert n == 8


def test_source_areas_explain_former_counties_for_every_source(con):
    rows = con.execute(
        "select source_id, count(*) from source_areas where area_fips between '09001' and '09015'"
        " and rule like 'Connecticut former county%' group by 1"
    ).fetchall()
    assert {k: n for k, n in rows if k in ("bea", "qcew")} == {"bea": 8, "qcew": 8}


def test_qcew_national_and_suppression(con):
    national = con.execute(
        "select value from national_values where metric_id = 'private_jobs' and year = 2023"
    ).fetchall()
    assert national == [(131_289_681.0,)]
    # A suppressed part makes tech jobs suppressed, never a partial sum or zero.
    row = con.execute(
        "select t.status, t.value from county_values i join county_values t"
        " on t.fips = i.fips and t.year = i.year and t.metric_id = 'tech_jobs'"
        " where i.metric_id = 'information_jobs_qcew' and i.status = 'suppressed' limit 1"
    ).fetchall()[0]
    assert row == ("suppressed", None)
    v, *_ = value(con, "tech_jobs", "06085", 2023)
    info, *_ = value(con, "information_jobs_qcew", "06085", 2023)
    cs, *_ = value(con, "computer_systems_jobs", "06085", 2023)
    assert v == info + cs


def test_a_derived_suppression_gives_the_agencys_reason_once(con):
    # Tech share is tech jobs (a sum) over private jobs: its note names why, not a chain of
    # "Suppressed because an input is not disclosed: Suppressed because a part ...".
    notes = con.execute(
        "select distinct note from county_values where status = 'suppressed'"
    ).fetchall()
    stuttering = [n for (n,) in notes if n and n.count("Suppressed because") > 1]
    assert not stuttering, stuttering[:3]
    share = con.execute(
        "select note from county_values where metric_id = 'tech_share' and status = 'suppressed'"
        " and note like '%QCEW code N%' limit 1"
    ).fetchone()[0]
    assert share == (
        "Suppressed because an input is not disclosed: BLS does not disclose this figure "
        "(QCEW code N) to protect employer confidentiality"
    )


def test_qcew_part_without_a_row_counts_zero_in_tech_jobs(con):
    # QCEW lists a row only where an industry has an establishment. Meagher County, MT (30059)
    # has 3 computer-systems jobs in 2023 and no information row: 3 tech jobs, not a blank.
    assert con.execute(
        "select count(*) from county_values where metric_id = 'information_jobs_qcew'"
        " and fips = '30059' and year = 2023"
    ).fetchall() == [(0,)]
    v, _, status, note, _ = value(con, "tech_jobs", "30059", 2023)
    assert (v, status) == (value(con, "computer_systems_jobs", "30059", 2023)[0], "ok") == (3, "ok")
    assert "information (51)" in note
    # Beaver County, UT (49001) has private jobs but neither industry: a true zero share.
    assert value(con, "tech_jobs", "49001", 2023)[:3] == (0, None, "ok")
    assert value(con, "tech_share", "49001", 2023)[:3] == (0, None, "ok")
    assert value(con, "private_jobs", "49001", 2023)[0] > 0


def test_ipeds_institutions(con):
    n, two_year, active = con.execute(
        "select count(*), count(*) filter (where is_public_two_year),"
        " count(*) filter (where is_active) from institutions"
    ).fetchall()[0]
    assert (n, two_year, active) == (6_072, 838, 5_994)
    labels = con.execute(
        "select sector_label, level_label from institutions where sector = 4 limit 1"
    ).fetchall()[0]
    assert labels == ("Public, 2-year", "At least 2 but less than 4 years")
    assert value(con, "institutions", "20209", 2024)[2] == "ok"


def test_community_colleges_include_public_colleges_filed_as_four_year(con):
    # Dallas College (224615) awards a few bachelor's degrees: IPEDS sector 1, INSTCAT 3.
    row = con.execute(
        "select is_community_college, is_public_two_year, sector from institutions"
        " where unitid = 224615"
    ).fetchall()
    assert row == [(True, False, 1)]
    # Dallas County, TX has no sector-4 college but is not without a community college.
    assert value(con, "public_two_year_colleges", "48113", 2024)[:3] == (0, None, "ok")
    assert value(con, "community_colleges", "48113", 2024)[:3] == (1, None, "ok")


def test_every_public_two_year_college_is_a_community_college(con):
    missed = con.execute(
        "select count(*) from institutions where is_public_two_year and not is_community_college"
    ).fetchall()[0][0]
    assert missed == 0
    # Private 2-year colleges and public universities are not community colleges.
    wrong = con.execute(
        "select count(*) from institutions where is_community_college"
        " and (control_label <> 'Public' or unitid = 228778)"  # 228778 = UT Austin
    ).fetchall()[0][0]
    assert wrong == 0


def test_community_college_count_is_sane(con):
    active, two_year, county_sum = con.execute(
        "select count(*) filter (where is_active and is_community_college),"
        " count(*) filter (where is_active and is_public_two_year),"
        " (select sum(value) from county_values where metric_id = 'community_colleges')"
        " from institutions"
    ).fetchall()[0]
    # HD2024: 835 active sector-4 colleges plus 234 public INSTCAT 3/4 colleges filed otherwise.
    assert two_year == 835 and active == 1_069
    # Counties hold all but those outside the 50 states, DC and PR (Guam, Micronesia, ...).
    assert 1_050 <= county_sum <= active


def test_counties_places_and_points(con):
    n, undrawable = con.execute(
        "select count(*), count(*) filter (where not drawable) from counties"
    ).fetchall()[0]
    assert n == 3_222 and undrawable == 1
    row = con.execute(
        "select full_name, cbsa_code, cbsa_type, rucc_2023, lon, lat from counties"
        " where fips = '20209'"
    ).fetchall()[0]
    assert row[:4] == ("Wyandotte County, Kansas", "28140", "Metropolitan", 1)
    assert -95.0 < row[4] < -94.5 and 39.0 < row[5] < 39.25


def test_metro_groups_take_titles_from_omb(con):
    rows = dict(con.execute("select cbsa_code, cbsa_title from metro_groups").fetchall())
    assert len(rows) == 15
    assert rows["42540"].startswith("Scranton--Wilkes-Barre")


def test_techhire_every_community_matched_with_a_rule(con):
    n = con.execute("select count(distinct community_name || state_abbr) from techhire_communities")
    assert n.fetchall()[0][0] == 66
    louisville = con.execute(
        "select fips, match_rule from techhire_communities where community_name = 'Louisville'"
    ).fetchall()
    assert "21111" in {r[0] for r in louisville}
    assert all("principal city" in r[1] for r in louisville)


def test_provenance_hashes_the_files_loaded(con, real_sources):
    row = con.execute(
        "select sha256, rows_read from provenance where file_name = 'ipeds/hd2024.csv'"
    ).fetchall()[0]
    digest = hashlib.sha256((real_sources / "ipeds/hd2024.csv").read_bytes()).hexdigest()
    assert row == (digest, 6_072)


def test_metric_values_covers_every_county_and_rates_aggregate(con):
    frame = run_query(con, "metric_values", metric_id="information_jobs", year=2022)
    assert len(frame) == 3_222 and frame["fips"].is_unique
    assert set(frame["status"]) == {"ok", "suppressed", "not_available"}
    rates = con.execute(
        "select metric_id from metrics where kind = 'rate' and numerator_id is not null"
        " and (numerator_id not in (select metric_id from metrics)"
        " or denominator_id not in (select metric_id from metrics))"
    ).fetchall()
    assert rates == []


def test_runner_allows_only_known_queries_and_params(con):
    with pytest.raises(ValueError, match="unknown query"):
        run_query(con, "../build/schema")
    with pytest.raises(ValueError, match="missing"):
        run_query(con, "metric_values", metric_id="total_jobs")


def test_readonly_connection_cannot_write(con):
    with pytest.raises(duckdb.Error):
        con.execute("delete from counties")


def test_summary_command_prints_json(built_db):
    out = subprocess.run(
        [sys.executable, "-m", "queries", "summary", "--db", str(built_db)],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    data = json.loads(out.stdout)
    assert data["some_college_no_degree"]["national_total_50_states_dc"] > 40_000_000
    assert data["information_jobs"]["counties_suppressed"] > 600
