"""About the data: provenance of every source file loaded."""

from __future__ import annotations

import duckdb
import pandas as pd

from queries.runner import run_query


def provenance(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """One row per source file: agency, table, vintage, file, checksum and row counts."""
    return run_query(con, "about_provenance")
