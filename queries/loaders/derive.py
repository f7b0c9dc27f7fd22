"""Steps: the metric catalogue, then every derived measure placed on 2023 counties."""

from __future__ import annotations

import duckdb

from queries.loaders.context import BuildContext
from queries.loaders.sql import BUILD_SQL, one, run_sql


def load_metrics(con: duckdb.DuckDBPyConnection, ctx: BuildContext) -> int:
    """The metric catalogue from queries/build/metrics.csv."""
    con.execute(
        "insert into metrics select * from read_csv($p, header = true, all_varchar = false,"
        " types = {'metric_id': 'varchar', 'numerator_id': 'varchar',"
        " 'denominator_id': 'varchar'})",
        {"p": str(BUILD_SQL / "metrics.csv")},
    )
    return one(con, "select count(*) from metrics")[0]


def derive(con: duckdb.DuckDBPyConnection, ctx: BuildContext) -> int:
    """Derived measures (queries/build/derived_metrics.sql), then values placed on counties."""
    run_sql(con, "derived_metrics", "queries/build/derived_metrics.sql")
    run_sql(con, "finalize", "queries/build/finalize.sql")
    return one(con, "select count(*) from county_values")[0]
