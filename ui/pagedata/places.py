"""Search by place: counties, metro areas and institution cities, matched on their names."""

from __future__ import annotations

import re

import duckdb
import pandas as pd

from queries.runner import run_query

MAX_QUERY_LEN = 60


def search_index(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every searchable place: kind (county/metro/city), code, label, state, county FIPS."""
    frame = run_query(con, "search_places")
    frame["key"] = frame["label"].str.lower()
    return frame


def search(index: pd.DataFrame, query: str, limit: int = 8) -> pd.DataFrame:
    """Places whose name matches every word of the query; whole-name starts rank first."""
    text = re.sub(r"\s+", " ", (query or "")[:MAX_QUERY_LEN]).strip().lower()
    if len(text) < 2:
        return index.iloc[0:0]
    mask = pd.Series(True, index=index.index)
    for word in text.split(" "):
        mask &= index["key"].str.contains(word, regex=False)
    hits = index[mask].copy()
    kind_order = {"county": 0, "metro": 1, "city": 2}
    hits["_starts"] = ~hits["key"].str.startswith(text)
    hits["_kind"] = hits["kind"].map(kind_order)
    hits = hits.sort_values(["_starts", "_kind", "label"]).drop(columns=["_starts", "_kind"])
    return hits.head(limit).reset_index(drop=True)
