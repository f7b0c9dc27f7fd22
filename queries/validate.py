"""Checks a freshly built database must pass before it replaces the previous one."""

from __future__ import annotations

import duckdb

from queries.errors import BuildError

# BEA county lines add up to the state line, and states to the US line, bar rounding.
BEA_TOLERANCE = 0.0005
# QCEW county rows (plus "unknown county" rows) fall short of US000 only through non-disclosure
# (about 0.5% in these files); they must never exceed it beyond rounding.
QCEW_MAX_SHORTFALL = 0.02
QCEW_MAX_EXCESS = 0.0005
# County sums over the 50 states and DC must land in these national ranges.
ACS_RANGES = (
    ("adults_25_plus", 215e6, 245e6),
    ("population", 325e6, 345e6),
    ("some_college_no_degree", 35e6, 50e6),
)

_BEA_STATE_CHECK = """
with c as (
    select file_name, left(area_fips, 2) as st, year_text, sum(try_cast(raw as double)) as s
    from bea_long where line_code = 10 and area_fips not like '__000' group by all
), st as (
    select left(area_fips, 2) as st, year_text, try_cast(raw as double) as v
    from bea_long where line_code = 10 and area_fips like '__000'
)
select c.file_name, c.year_text, c.s, st.v
from c join st using (st, year_text)
where abs(c.s - st.v) > $tol * st.v
order by 1, 2 limit 1
"""

_BEA_US_CHECK = """
with s as (
    select year_text, sum(try_cast(raw as double)) as s from bea_long
    where line_code = 10 and area_fips like '__000' group by all
), us as (
    select year_text, try_cast(raw as double) as v from bea_us_long
    where line_code = 10 and area_fips = '00000'
)
select s.year_text, s.s, us.v from s join us using (year_text)
where abs(s.s - us.v) > $tol * us.v
order by 1 limit 1
"""

# PR (72) and the Virgin Islands (78) are outside US000.
_QCEW_CHECK = """
with c as (
    select year, sum(emplvl) as s from qcew_raw
    where industry_code = '10' and own_code = '5' and agglvl_code = '71'
      and left(area_fips, 2) not in ('72', '78') and disclosure_code is distinct from 'N'
    group by year
), us as (
    select year, emplvl as v from qcew_raw
    where area_fips = 'US000' and industry_code = '10' and own_code = '5'
)
select us.year, c.s, us.v from us left join c using (year)
where c.s is null or c.s > us.v * (1 + $excess) or c.s < us.v * (1 - $shortfall)
order by 1 limit 1
"""

# Expected row counts per source (SOURCES.md), as ranges so a new vintage does not break the build.
_ROW_COUNTS = (
    (
        "bea_caemp25n (state files)",
        "select count(distinct area_fips) from bea_long where area_fips not like '__000'",
        3050,
        3200,
    ),
    (
        "bls_qcew/qcew_tech_industries_2015_2023.csv.gz (county rows, industry 10, 2023)",
        "select count(*) from qcew_raw where agglvl_code = '71' and industry_code = '10'"
        " and year = 2023 and area_fips not like '__999'",
        3150,
        3300,
    ),
    (
        "bls_laus/laucnty24.xlsx (county rows)",
        "select count(*) from laus_cells",
        3150,
        3300,
    ),
    (
        "techhire/techhire_communities.csv (matched counties)",
        "select count(distinct fips) from techhire_communities",
        200,
        3222,
    ),
)

_ACS_SUM = """
select sum(value) from county_values
where metric_id = $m and status = 'ok' and left(fips, 2) <> '72'
"""


def _first(con: duckdb.DuckDBPyConnection, sql: str, params: dict | None = None) -> tuple | None:
    rows = con.execute(sql, params).fetchall()
    return rows[0] if rows else None


def _fail_if(con: duckdb.DuckDBPyConnection, sql: str, message: str, **params: object) -> None:
    row = _first(con, sql, params or None)
    if row:
        raise BuildError(message.format(*row))


def validate(con: duckdb.DuckDBPyConnection, qcew_loaded: bool) -> None:
    """Raise a BuildError naming the file, the line or column, and what was expected."""
    geometry = "geometry/counties-10m.json"
    n = _first(con, "select count(*) from counties")[0]
    if not 3100 <= n <= 3300:
        raise BuildError(f"{geometry}: {n} counties in 50 states, DC and PR (expected 3,100-3,300)")
    _fail_if(
        con,
        "select fips from counties where not regexp_full_match(fips, '[0-9]{5}') limit 1",
        geometry + ": county id {0!r} is not a 5-digit FIPS code",
    )
    _fail_if(
        con,
        "select c.fips from counties c anti join states s using (state_fips) limit 1",
        "county {0}: its state is not in usda_ers/PopulationEstimates.xlsx",
    )
    n_states = _first(con, "select count(*) from states where is_state_or_dc")[0]
    if n_states != 51:
        raise BuildError(
            f"usda_ers/PopulationEstimates.xlsx: {n_states} state rows (expected 50 states + DC)"
        )
    _fail_if(
        con,
        "select metric_id, fips, year from county_values"
        " where (status = 'ok') <> (value is not null) limit 1",
        "{0} for {1} in {2}: status and value disagree (a suppressed figure must be NULL)",
    )
    _fail_if(
        con,
        "select metric_id, fips, year, count(*) from county_values group by all"
        " having count(*) > 1 limit 1",
        "{0} for county {1} in {2}: {3} rows (expected one)",
    )
    _fail_if(
        con,
        "select distinct metric_id from county_values anti join metrics using (metric_id) limit 1",
        "queries/build/metrics.csv: no catalogue row for measure {0!r}",
    )
    _fail_if(
        con,
        _BEA_STATE_CHECK,
        "bea_caemp25n/{0}: counties' total employment (line 10) in {1} sums to {2:,.0f},"
        " but the state line says {3:,.0f}",
        tol=BEA_TOLERANCE,
    )
    _fail_if(
        con,
        _BEA_US_CHECK,
        "bea_caemp25n/CAEMP25N_US_2001_2022.csv.gz: the states' total employment (line 10)"
        " in {0} sums to {1:,.0f}, but the US line says {2:,.0f}",
        tol=BEA_TOLERANCE,
    )
    if qcew_loaded:
        _fail_if(
            con,
            _QCEW_CHECK,
            "bls_qcew/qcew_tech_industries_2015_2023.csv.gz: private jobs (industry 10) in {0}"
            " sum to {1:,.0f} over counties and unknown-county rows, but US000 says {2:,.0f}"
            f" (expected at most {QCEW_MAX_SHORTFALL:.0%} below it, never above)",
            excess=QCEW_MAX_EXCESS,
            shortfall=QCEW_MAX_SHORTFALL,
        )
    for metric, low, high in ACS_RANGES:
        total = _first(con, _ACS_SUM, {"m": metric})[0]
        if total is None or not low <= total <= high:
            raise BuildError(
                f"census_acs5_2024: {metric} sums to {total or 0:,.0f} over the 50 states and DC"
                f" (expected {low:,.0f}-{high:,.0f})"
            )
    for where, sql, low, high in _ROW_COUNTS:
        if where.startswith("bls_qcew") and not qcew_loaded:
            continue
        n = _first(con, sql)[0]
        if not low <= n <= high:
            raise BuildError(f"{where}: {n:,} rows (expected {low:,}-{high:,})")
    n_inst = _first(con, "select count(*) from institutions")[0]
    if not 5000 <= n_inst <= 8000:
        raise BuildError(f"ipeds/hd2024.csv: {n_inst} institutions (expected 5,000-8,000)")
