"""Build data/atlas.duckdb from the official source files: load, derive, validate, then swap in.

The steps (one module per source) are in queries/loaders/; this module runs them on a temporary
file and replaces the database only when validation has passed.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import duckdb

from queries.errors import BuildError
from queries.loaders import STEPS
from queries.loaders.context import BuildContext
from queries.loaders.sql import run_sql
from queries.static_geometry import prepare_static_geometry
from queries.validate import validate


def _load(con: duckdb.DuckDBPyConnection, ctx: BuildContext, log: Callable[[str], None]) -> None:
    """Create the schema, run every step with a progress line, then validate."""
    run_sql(con, "schema", "queries/build/schema.sql")
    for label, step in STEPS:
        t0 = time.perf_counter()
        rows = step(con, ctx)
        log(f"{label:<38} {rows:>9,} rows {time.perf_counter() - t0:6.1f} s")
    ctx.write_provenance(con)
    t0 = time.perf_counter()
    validate(con, qcew_loaded=ctx.qcew_loaded)
    log(f"{'validation':<38} {'passed':>14} {time.perf_counter() - t0:6.1f} s")
    con.execute("checkpoint")


def build(
    sources_dir: Path,
    db_path: Path,
    static_dir: Path | None = None,
    data_dir: Path | None = None,
    log: Callable[[str], None] = print,
) -> dict[str, float]:
    """Build the database into a temp file, validate it, and only then replace `db_path`."""
    from settings import data_dir as default_data_dir

    started = time.perf_counter()
    sources_dir = Path(sources_dir).resolve()
    db_path = Path(db_path).resolve()
    if not sources_dir.is_dir():
        raise BuildError(f"{sources_dir}: sources folder does not exist")
    db_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = db_path.with_name(f".{db_path.name}.{os.getpid()}.building")
    ctx = BuildContext(sources_dir, Path(data_dir or default_data_dir()), log)
    try:
        con = duckdb.connect(str(tmp))
        try:
            _load(con, ctx, log)
        finally:
            con.close()
        t0 = time.perf_counter()
        prepare_static_geometry(ctx, static_dir, tmp)
        if static_dir is not None:
            log(f"{'geometry':<38} {'':>14} {time.perf_counter() - t0:6.1f} s")
        os.replace(tmp, db_path)
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
            leftover.unlink(missing_ok=True)
    seconds = time.perf_counter() - started
    log(
        f"built {db_path} ({db_path.stat().st_size / 1e6:.1f} MB) in {seconds:.1f} s"
        f"{'' if ctx.qcew_loaded else ' without QCEW'}"
    )
    return {"seconds": seconds, "bytes": db_path.stat().st_size}
