"""Run one named query file from this folder with bound $named parameters."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pandas as pd

QUERY_DIR = Path(__file__).resolve().parent
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def query_names() -> frozenset[str]:
    """The allow-list: names of the .sql files next to this module."""
    return frozenset(p.stem for p in QUERY_DIR.glob("*.sql"))


def query_params(name: str) -> frozenset[str]:
    """The $params a query file uses."""
    return frozenset(_PARAM.findall(_sql(name)))


def _sql(name: str) -> str:
    if name not in query_names():
        raise ValueError(f"unknown query {name!r}; known: {', '.join(sorted(query_names()))}")
    return (QUERY_DIR / f"{name}.sql").read_text(encoding="utf-8")


def run_query(con: duckdb.DuckDBPyConnection, name: str, **params: object) -> pd.DataFrame:
    """Run queries/<name>.sql on a cursor of `con`, binding `params` as $named values."""
    sql = _sql(name)
    wanted = set(_PARAM.findall(sql))
    missing = wanted - params.keys()
    extra = params.keys() - wanted
    if missing or extra:
        raise ValueError(
            f"query {name!r} takes {sorted(wanted)};"
            f" missing {sorted(missing)}, unexpected {sorted(extra)}"
        )
    # A cursor per query: a DuckDB connection is not safe to share between threads.
    cur = con.cursor()
    try:
        return cur.execute(sql, params or None).df()
    finally:
        cur.close()
