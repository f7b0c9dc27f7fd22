"""Step: states, OMB 2023 CBSAs and the 2023 county set."""

from __future__ import annotations

import duckdb

from queries.loaders.context import BuildContext
from queries.loaders.sql import one, register_xlsx, run_sql


def load_places(con: duckdb.DuckDBPyConnection, ctx: BuildContext) -> int:
    """States, OMB 2023 CBSAs and the 2023 county set."""
    path = ctx.path("omb_cbsa_2023/list1_2023.xlsx")
    required = [
        "CBSA Code",
        "CSA Code",
        "CBSA Title",
        "Metropolitan/Micropolitan Statistical Area",
        "CSA Title",
        "County/County Equivalent",
        "State Name",
        "FIPS State Code",
        "FIPS County Code",
        "Central/Outlying County",
    ]
    read = register_xlsx(con, "xl_list1", path, 2, required)
    run_sql(con, "places", str(path))
    n_cbsa = one(con, "select count(*) from cbsas")[0]
    ctx.record(
        "omb_list1",
        "OMB / U.S. Census Bureau",
        "CBSA delineation list 1",
        "July 2023",
        path,
        read,
        n_cbsa,
        0,
    )
    return one(con, "select count(*) from counties")[0]
