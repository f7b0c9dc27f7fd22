"""Step: the ACS 2020-2024 5-year county tables."""

from __future__ import annotations

from pathlib import Path

import duckdb

from queries import sources as src
from queries.errors import BuildError
from queries.loaders.context import BuildContext
from queries.loaders.sql import one, run_sql, stage_counts

ACS_TABLES = ("B15003", "B01003", "B19013", "B23025", "B17001")


def load_acs(con: duckdb.DuckDBPyConnection, ctx: BuildContext) -> int:
    """ACS 2020-2024 5-year county tables."""
    paths = {}
    for table in ACS_TABLES:
        path = src.require_file(ctx.path(f"census_acs5_2024/ACSDT5Y2024.{table}-Data.csv"))
        cols = src.csv_columns(con, path)
        src.require_columns(path, cols, ["GEO_ID", "NAME"])
        src.require_pattern(path, cols, rf"{table}_0\d\dE", "estimate")
        paths[table.lower()] = str(path)
    run_sql(con, "acs", "ACS files in census_acs5_2024/", **paths)
    dup = one(
        con,
        "select tbl, fips, count(*) from acs_cells where kind = 'E'"
        " group by tbl, fips, variable having count(*) > 1 limit 1",
    )
    if dup:
        raise BuildError(
            f"{paths[dup[0].lower()]}: FIPS {dup[1]} appears {dup[2]} times (expected once)"
        )
    for table in ACS_TABLES:
        read, loaded, missing = one(
            con,
            "select count(distinct fips), count(*) filter (where kind = 'E'),"
            " count(*) filter (where kind = 'E' and num is null) from acs_cells where tbl = $t",
            {"t": table},
        )
        if read < 3000:
            raise BuildError(
                f"{paths[table.lower()]}: only {read} county rows (expected about 3,222)"
            )
        ctx.record(
            "acs",
            "U.S. Census Bureau",
            f"ACS 5-year {table}",
            "2020–2024",
            Path(paths[table.lower()]),
            read,
            loaded,
            missing,
        )
    return stage_counts(con, "acs")[0]
