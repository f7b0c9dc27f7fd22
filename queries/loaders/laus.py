"""Step: BLS LAUS county annual averages 2024."""

from __future__ import annotations

import duckdb

from queries.loaders.context import BuildContext
from queries.loaders.sql import check_duplicates, register_xlsx, run_sql, stage_counts


def load_laus(con: duckdb.DuckDBPyConnection, ctx: BuildContext) -> int:
    """BLS LAUS county annual averages 2024."""
    path = ctx.path("bls_laus/laucnty24.xlsx")
    required = [
        "LAUS Code",
        "State FIPS Code",
        "County FIPS Code",
        "County Name/State Abbreviation",
        "Year",
        "Labor Force",
        "Unemployed",
        "Unemployment Rate (%)",
    ]
    read = register_xlsx(con, "xl_laus", path, 1, required)
    run_sql(con, "laus", str(path))
    check_duplicates(con, "laus", str(path))
    loaded, _ = stage_counts(con, "laus")
    ctx.record(
        "laus",
        "U.S. Bureau of Labor Statistics",
        "LAUS county annual averages",
        "2024",
        path,
        read,
        loaded,
        0,
    )
    return read
