"""Step: IPEDS HD2024 institutions and county counts."""

from __future__ import annotations

import duckdb

from queries import sources as src
from queries.loaders.context import BuildContext
from queries.loaders.sql import one, register_xlsx, run_sql


def load_ipeds(con: duckdb.DuckDBPyConnection, ctx: BuildContext) -> int:
    """IPEDS HD2024 institutions, with labels from the HD2024 dictionary."""
    path = src.require_file(ctx.path("ipeds/hd2024.csv"))
    dict_path = ctx.path("ipeds/hd_dict_2024.xlsx")
    cols = src.csv_columns(con, path)
    src.require_columns(
        path,
        cols,
        [
            "UNITID",
            "INSTNM",
            "CITY",
            "STABBR",
            "SECTOR",
            "ICLEVEL",
            "CONTROL",
            "HLOFFER",
            "INSTCAT",
            "CYACTIVE",
            "CBSA",
            "COUNTYCD",
            "LONGITUD",
            "LATITUDE",
            "WEBADDR",
        ],
    )
    register_xlsx(
        con, "xl_freq", dict_path, 0, ["VarName", "CodeValue", "valuelabel"], sheet="Frequencies"
    )
    run_sql(con, "ipeds", str(path), path=str(path))
    read = one(con, "select count(*) from ipeds_raw")[0]
    loaded = one(con, "select count(*) from institutions")[0]
    ctx.record(
        "ipeds",
        "NCES IPEDS",
        "HD2024 institutional characteristics",
        "2024–25",
        path,
        read,
        loaded,
        0,
    )
    ctx.record(
        "ipeds_dict",
        "NCES IPEDS",
        "HD2024 dictionary (Frequencies)",
        "2024–25",
        dict_path,
        one(con, "select count(*) from xl_freq")[0],
        0,
        0,
    )
    return loaded
