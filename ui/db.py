"""The one read-only database connection per process, and the key that names its contents."""

from __future__ import annotations

from pathlib import Path

import duckdb
import streamlit as st

import settings
from queries.db import connect_readonly

# (path, modification time in ns): a rebuilt database gets a new key, so caches refresh.
DbKey = tuple[str, int]


def db_key() -> DbKey | None:
    """The current database's key, or None when it has not been built."""
    path = settings.db_path()
    if not path.is_file():
        return None
    return (str(path), path.stat().st_mtime_ns)


@st.cache_resource(max_entries=2, show_spinner=False)
def connection(path: str, mtime_ns: int) -> duckdb.DuckDBPyConnection:
    """A read-only connection shared by every session; run_query takes a cursor per query."""
    del mtime_ns  # part of the cache key only
    return connect_readonly(Path(path))


def con_for(db: DbKey) -> duckdb.DuckDBPyConnection:
    """The shared connection for a database key."""
    return connection(db[0], db[1])
