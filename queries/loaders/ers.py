"""Step: the USDA ERS county files (education, unemployment and income, population, poverty)."""

from __future__ import annotations

import duckdb

from queries.loaders.context import BuildContext
from queries.loaders.sql import check_duplicates, one, register_xlsx, run_sql, stage_counts

ERS_FILES = {
    "xl_education": (
        "usda_ers/Education2023.xlsx",
        3,
        "ers_education",
        "Education",
        [
            "FIPS Code",
            "Area name",
            "Some college or associate degree, 2019-23",
            "Percent of adults completing some college or associate degree, 2019-23",
        ],
    ),
    "xl_unemployment": (
        "usda_ers/Unemployment2023.xlsx",
        4,
        "ers_unemployment",
        "Unemployment and median household income",
        [
            "FIPS_Code",
            "Area_Name",
            "Civilian_labor_force_2023",
            "Unemployed_2023",
            "Unemployment_rate_2023",
            "Median_Household_Income_2022",
        ],
    ),
    "xl_population": (
        "usda_ers/PopulationEstimates.xlsx",
        4,
        "ers_population",
        "Population estimates",
        ["FIPStxt", "State", "Area_Name", "Rural_Urban_Continuum_Code_2023", "POP_ESTIMATE_2023"],
    ),
    "xl_poverty": (
        "usda_ers/Poverty2023.xlsx",
        4,
        "ers_poverty",
        "Poverty (SAIPE)",
        ["FIPS_Code", "Area_Name", "POVALL_2023", "PCTPOVALL_2023"],
    ),
}


def load_ers(con: duckdb.DuckDBPyConnection, ctx: BuildContext) -> int:
    """USDA ERS county files: education, unemployment and income, population and RUCC, poverty."""
    reads = {}
    for view, (rel, skip, _sid, _t, required) in ERS_FILES.items():
        reads[view] = register_xlsx(con, view, ctx.path(rel), skip, required)
    run_sql(con, "ers", "USDA ERS files in usda_ers/")
    for view, (rel, _skip, sid, table, _req) in ERS_FILES.items():
        check_duplicates(con, sid, rel)
        loaded, _ = stage_counts(con, sid)
        missing = one(
            con,
            "select count(*) from stage_values where source_id = $s and status <> 'ok'",
            {"s": sid},
        )[0]
        ctx.record(
            sid,
            "USDA Economic Research Service",
            table,
            "2023 (data as of 2024–25)",
            ctx.path(rel),
            reads[view],
            loaded,
            missing,
        )
    return sum(reads.values())
