"""Step: the BLS QCEW private tech extract (optional)."""

from __future__ import annotations

import duckdb

from queries import sources as src
from queries.errors import BuildError
from queries.loaders.context import BuildContext
from queries.loaders.sql import check_duplicates, one, run_sql, stage_counts


def load_qcew(con: duckdb.DuckDBPyConnection, ctx: BuildContext) -> int:
    """BLS QCEW private tech extract (optional: the build says when it is absent)."""
    path = ctx.path("bls_qcew/qcew_tech_industries_2015_2023.csv.gz")
    if not path.exists():
        ctx.log(f"  QCEW file {path} not present: building without QCEW tech-job measures")
        return 0
    src.require_file(path)
    cols = src.csv_columns(con, path)
    src.require_columns(
        path,
        cols,
        [
            "area_fips",
            "own_code",
            "industry_code",
            "agglvl_code",
            "year",
            "disclosure_code",
            "annual_avg_estabs",
            "annual_avg_emplvl",
            "total_annual_wages",
            "avg_annual_pay",
        ],
    )
    run_sql(con, "qcew", str(path), path=str(path))
    bad = one(
        con,
        "select area_fips, industry_code, year from qcew_raw"
        " where year is null or (emplvl is null and disclosure_code is distinct from 'N') limit 1",
    )
    if bad:
        raise BuildError(
            f"{path}: area {bad[0]} industry {bad[1]} year {bad[2]} has no employment figure"
        )
    check_duplicates(con, "qcew", str(path))
    read = one(con, "select count(*) from qcew_raw")[0]
    loaded, suppressed = stage_counts(con, "qcew")
    ctx.record(
        "qcew",
        "U.S. Bureau of Labor Statistics",
        "QCEW annual averages (private; 10, 51, 5415)",
        "2015–2023",
        path,
        read,
        loaded,
        suppressed,
    )
    ctx.qcew_loaded = True
    return read
