"""Read-only access to the built database for the app."""

from __future__ import annotations

from pathlib import Path

import duckdb


def connect_readonly(path: Path | str) -> duckdb.DuckDBPyConnection:
    """Open the Atlas database read-only; raise FileNotFoundError when it has not been built."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path} does not exist: run `python -m queries build` first")
    return duckdb.connect(str(path), read_only=True)
